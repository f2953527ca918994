//! `treaty compare [PATH...]`: one matrix of every treaty found against the baseline's
//! elements. Also the file loading `treaty report` shares.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;

use super::check::failure;
use super::files;
use super::{EXIT_FAILURE, EXIT_OK};
use crate::analysis::{self, FileReport};
use crate::compare::{text, Matrix};
use crate::diagnostics::Severity;
use crate::output::human::{self, HumanStyle};
use crate::source::DEFAULT_MAX_FILE_SIZE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A text table: elements down, treaties across.
    Human,
    /// The matrix as JSON (docs/compare.md).
    Json,
    /// A Markdown table.
    Markdown,
}

#[derive(Debug, Args)]
pub struct CompareArgs {
    /// Files and directories; directories are searched for `*.treaty`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// Print a file's errors to standard error, as `treaty check` shows them.
pub(super) fn print_errors(report: &FileReport) {
    for diagnostic in report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprintln!(
            "{}",
            human::render(diagnostic, &report.source, HumanStyle::plain())
        );
    }
}

/// A file that could not be compared: unreadable, or read with errors. Its errors
/// went to standard error; `report` also shows them on the page.
pub(super) enum Failed {
    /// Could not be read at all (the reason).
    Unread { path: String, reason: String },
    /// Read, but with errors: its treaties would be compared half-read.
    WithErrors(FileReport),
}

/// What [`load`] found: the baseline every file is measured against, the files that
/// can be compared, and those that cannot.
pub(super) struct Loaded {
    pub baseline: crate::rules::Baseline,
    pub reports: Vec<FileReport>,
    pub failed: Vec<Failed>,
}

/// Find, read and check every file, each with the settings of its `treaty.toml` (as
/// `treaty check` does: levels, suppressions, exclusions, baseline), the baseline on
/// the command line winning. Unreadable paths, and files with errors (whose treaties
/// would be compared half-read), are reported on standard error and make the whole
/// command fail: the exit code is returned as the error. Returns the baseline every
/// file was measured against, with the reports.
pub(super) fn load_checked(
    paths: &[PathBuf],
    baseline: &Option<PathBuf>,
    max_file_size: u64,
) -> Result<(crate::rules::Baseline, Vec<FileReport>), u8> {
    let loaded = load(paths, baseline, max_file_size)?;
    if !loaded.failed.is_empty() {
        return Err(EXIT_FAILURE);
    }
    no_treaties_is_a_failure(paths, &loaded)?;
    Ok((loaded.baseline, loaded.reports))
}

/// "no treaties found", when nothing at all could be shown.
pub(super) fn no_treaties_is_a_failure(paths: &[PathBuf], loaded: &Loaded) -> Result<(), u8> {
    if loaded.failed.is_empty() && loaded.reports.iter().all(|r| r.treaties.is_empty()) {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(failure(&format!(
            "no treaties found in {}",
            shown.join(", ")
        )));
    }
    Ok(())
}

/// [`load_checked`]'s search and check, keeping the files that failed (each already
/// reported on standard error) beside the others. Only a configuration that cannot
/// be used, or files that disagree on their baseline, stop it: the exit code is
/// returned as the error.
pub(super) fn load(
    paths: &[PathBuf],
    baseline: &Option<PathBuf>,
    max_file_size: u64,
) -> Result<Loaded, u8> {
    let mut resolver = crate::config::Resolver::new(crate::config::Overrides {
        baseline: baseline.clone(),
        ..Default::default()
    });
    let mut found = files::find(paths);
    if let Err(error) = found.drop_excluded(&mut resolver) {
        return Err(print_config_error(&error));
    }
    let mut failed = Vec::new();
    for problem in &found.problems {
        eprintln!("error: {}", crate::terminal::clean(problem));
        failed.push(Failed::Unread {
            path: String::new(),
            reason: problem.clone(),
        });
    }
    let mut jobs = Vec::with_capacity(found.files.len());
    for path in &found.files {
        match resolver.settings_for(path) {
            Ok(settings) => jobs.push((path, settings)),
            Err(error) => return Err(print_config_error(&error)),
        }
    }
    // One matrix has one baseline: files whose configurations name different ones
    // cannot share it.
    let mut names: Vec<&str> = jobs.iter().map(|(_, s)| s.baseline.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    if names.len() > 1 {
        return Err(failure(&format!(
            "the files are measured against different baselines ({}) by their treaty.toml; compare them in separate runs, or give --baseline",
            names.join(", ")
        )));
    }
    let baseline = jobs
        .first()
        .map_or_else(analysis::bundled_baseline, |(_, s)| s.baseline.clone());
    let results = files::check_all(&jobs, max_file_size, true);
    let mut reports = Vec::with_capacity(results.len());
    for (result, (path, _)) in results.into_iter().zip(&jobs) {
        match result {
            Ok(report) if report.count(Severity::Error) > 0 => {
                print_errors(&report);
                let errors = report.count(Severity::Error);
                eprintln!(
                    "error: `{}` has {errors} error{}; fix {} to compare it",
                    crate::terminal::clean(&report.source.path),
                    if errors == 1 { "" } else { "s" },
                    if errors == 1 { "it" } else { "them" }
                );
                failed.push(Failed::WithErrors(report));
            }
            Ok(report) => reports.push(report),
            Err(message) => {
                eprintln!("error: {}", crate::terminal::clean(&message));
                failed.push(Failed::Unread {
                    path: path.display().to_string(),
                    reason: message,
                });
            }
        }
    }
    Ok(Loaded {
        baseline,
        reports,
        failed,
    })
}

/// A `treaty.toml` that cannot be used, on standard error.
fn print_config_error(error: &crate::config::ConfigError) -> u8 {
    for diagnostic in &error.diagnostics {
        eprintln!(
            "{}",
            human::render(diagnostic, &error.source, HumanStyle::plain())
        );
    }
    EXIT_FAILURE
}

/// Write to standard output; a closed pipe is not a failure.
pub(super) fn write_stdout(text: &str) -> u8 {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => {
            failure(&format!("cannot write output: {}", files::describe(&error)))
        }
        _ => EXIT_OK,
    }
}

pub(super) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, u8> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| failure(&format!("cannot write JSON: {e}")))
}

pub fn run(args: &CompareArgs) -> u8 {
    let (baseline, reports) = match load_checked(&args.paths, &args.baseline, args.max_file_size) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let matrix = Matrix::of(&baseline.name, &reports);
    let output = match args.format {
        Format::Human => crate::terminal::clean(&text::matrix_human(&matrix)).into_owned(),
        Format::Markdown => crate::terminal::clean(&text::matrix_markdown(&matrix)).into_owned(),
        Format::Json => match to_json(&matrix) {
            Ok(json) => json,
            Err(code) => return code,
        },
    };
    write_stdout(&output)
}
