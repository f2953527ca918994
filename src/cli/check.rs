//! `treaty check [PATH...]`: check files and directories, print diagnostics, one line
//! per treaty and a summary.

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

use super::files;
use super::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::analysis::{self, FileReport};
use crate::diagnostics::human::{self, HumanStyle};
use crate::diagnostics::json;
use crate::rules::{Baseline, Tier};
use crate::source::{self, Loaded, DEFAULT_MAX_FILE_SIZE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette diagnostics with source excerpts, then a line per treaty.
    Human,
    /// The documented JSON shape (docs/json-output.md).
    Json,
    /// One line per finding, no box drawing: for logs and screen readers.
    Plain,
    /// GitHub Actions workflow annotations.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinTier {
    Soft,
    Intermediate,
    Hard,
}

impl From<MinTier> for Tier {
    fn from(value: MinTier) -> Self {
        match value {
            MinTier::Soft => Tier::Soft,
            MinTier::Intermediate => Tier::Intermediate,
            MinTier::Hard => Tier::Hard,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check; directories are searched for `*.treaty`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Fail (exit 1) when a treaty's tier is below this.
    #[arg(long, value_enum, value_name = "TIER")]
    pub min_tier: Option<MinTier>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

pub(super) fn failure(message: &str) -> u8 {
    eprintln!("error: {message}");
    EXIT_FAILURE
}

pub(super) fn load_baseline(path: &Option<PathBuf>) -> Result<Baseline, String> {
    let Some(path) = path else {
        return Ok(analysis::bundled_baseline());
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        format!(
            "cannot read baseline `{}`: {}",
            path.display(),
            files::describe(&e)
        )
    })?;
    analysis::baseline_from(&text).map_err(|errors| {
        let first = errors.first().map(|d| d.message.as_str()).unwrap_or("");
        format!(
            "baseline `{}` has {} error(s), first: {first}; run `treaty check {}` to see them",
            path.display(),
            errors.len(),
            path.display()
        )
    })
}

pub fn run(args: &CheckArgs) -> u8 {
    let baseline = match load_baseline(&args.baseline) {
        Ok(baseline) => baseline,
        Err(message) => return failure(&message),
    };
    let found = files::find(&args.paths);
    let mut io_failed = !found.problems.is_empty();
    for problem in &found.problems {
        eprintln!("error: {problem}");
    }

    // Read and check in parallel; `collect` keeps the files in order.
    let results: Vec<Result<FileReport, String>> = found
        .files
        .par_iter()
        .map(|path| {
            let display = path.display().to_string();
            match source::load(path, display.clone(), args.max_file_size) {
                Ok(Loaded::Text(file)) => Ok(analysis::check(file, &baseline)),
                Ok(Loaded::Rejected(file, diagnostic)) => {
                    Ok(FileReport::rejected(file, diagnostic))
                }
                Err(error) => Err(format!(
                    "cannot read `{display}`: {}",
                    files::describe(&error)
                )),
            }
        })
        .collect();
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(message) => {
                eprintln!("error: {message}");
                io_failed = true;
            }
        }
    }
    if found.files.is_empty() && !io_failed {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        return failure(&format!("no `.treaty` files found in {}", shown.join(", ")));
    }

    let min_tier = args.min_tier.map(Tier::from);
    let below: Vec<(&str, &str, Tier)> = reports
        .iter()
        .flat_map(|r| {
            r.treaties
                .iter()
                .map(move |t| (r.source.path.as_str(), t.id.as_str(), t.tier.tier))
        })
        .filter(|(_, _, tier)| min_tier.is_some_and(|min| *tier < min))
        .collect();

    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => {
            let output = json::output(&reports, &baseline.name);
            serde_json::to_writer_pretty(&mut stdout, &output)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(stdout))
        }
        Format::Plain | Format::Github => {
            let mut out = String::new();
            for report in &reports {
                if args.format == Format::Plain {
                    crate::diagnostics::linear::plain(report, &mut out);
                } else {
                    crate::diagnostics::linear::github(report, &mut out);
                }
            }
            if args.format == Format::Plain {
                out.push_str(&treaty_lines(&reports, &baseline, min_tier));
            }
            stdout.write_all(out.as_bytes())
        }
        Format::Human => {
            let style = HumanStyle {
                colour: super::colour_stdout(),
                ..HumanStyle::plain()
            };
            stdout.write_all(render_human(&reports, &baseline, style, min_tier).as_bytes())
        }
    };
    // A closed pipe (`treaty check | head`) is not a failure of the check.
    if let Err(error) = written {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            return failure(&format!("cannot write output: {}", files::describe(&error)));
        }
    }

    let summary = json::Summary::of(&reports);
    if io_failed {
        EXIT_FAILURE
    } else if summary.errors > 0 || !below.is_empty() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// The whole human report: diagnostics per file, one line per treaty, a summary.
pub fn render_human(
    reports: &[FileReport],
    baseline: &Baseline,
    style: HumanStyle,
    min_tier: Option<Tier>,
) -> String {
    let mut out = String::new();
    for report in reports {
        for diagnostic in &report.diagnostics {
            out.push_str(&human::render(diagnostic, &report.source, style));
            out.push('\n');
        }
    }
    out.push_str(&treaty_lines(reports, baseline, min_tier));
    out
}

/// One line per treaty with its tier and gap count, its reasons, and the summary.
fn treaty_lines(reports: &[FileReport], baseline: &Baseline, min_tier: Option<Tier>) -> String {
    let mut out = String::new();
    for report in reports {
        for treaty in &report.treaties {
            let gaps = treaty.gaps.len();
            out.push_str(&format!(
                "{}: {}, {} gap{} against {}\n",
                treaty.id,
                treaty.tier.tier,
                gaps,
                if gaps == 1 { "" } else { "s" },
                baseline.name
            ));
            let reasons: Vec<String> = treaty
                .tier
                .reasons
                .iter()
                .map(|r| {
                    format!(
                        "{} (line {})",
                        r.text,
                        report.source.line_col(r.span.start).0
                    )
                })
                .collect();
            out.push_str(&format!("  {}: {}\n", treaty.tier.tier, reasons.join("; ")));
            if let Some(min) = min_tier {
                if treaty.tier.tier < min {
                    out.push_str(&format!(
                        "  below the minimum tier: {} < {min}\n",
                        treaty.tier.tier
                    ));
                }
            }
        }
    }
    let summary = json::Summary::of(reports);
    out.push_str(&format!(
        "\nchecked {} file{}, {} treat{}: {} error{}, {} warning{}\n",
        summary.files,
        if summary.files == 1 { "" } else { "s" },
        summary.treaties,
        if summary.treaties == 1 { "y" } else { "ies" },
        summary.errors,
        if summary.errors == 1 { "" } else { "s" },
        summary.warnings,
        if summary.warnings == 1 { "" } else { "s" },
    ));
    out
}
