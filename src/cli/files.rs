//! Finding the files to check: paths given on the command line, directories walked
//! recursively for `*.treaty`, symlinks followed with loop detection.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::{FileReport, Settings};
use crate::source::{self, Loaded};

/// Read and check files in parallel, each with its settings, keeping their order. A
/// file that is too large or not text is a report with its diagnostic; a file that
/// cannot be read is an error message. `next_tier`: search the paths to the next tier
/// (for the outputs that show them; the search is a fifth of a check's time).
pub fn check_all<S: std::ops::Deref<Target = Settings> + Sync>(
    jobs: &[(&PathBuf, S)],
    max_file_size: u64,
    next_tier: bool,
) -> Vec<Result<FileReport, String>> {
    jobs.par_iter()
        .map(|(path, settings)| {
            if is_stdin(path) {
                return match crate::input::stdin(max_file_size) {
                    Ok(bytes) => Ok(match source::from_bytes(STDIN_NAME.to_string(), bytes) {
                        Loaded::Text(file) => check_file(path, file, settings, next_tier),
                        Loaded::Rejected(file, diagnostic) => {
                            FileReport::rejected(file, diagnostic)
                        }
                    }),
                    Err(error) => Err(format!("cannot read standard input: {error}")),
                };
            }
            let display = path.display().to_string();
            match source::load(path, display.clone(), max_file_size) {
                Ok(Loaded::Text(file)) => Ok(check_file(path, file, settings, next_tier)),
                Ok(Loaded::Rejected(file, diagnostic)) => {
                    Ok(FileReport::rejected(file, diagnostic))
                }
                Err(error) => Err(format!("cannot read `{display}`: {}", describe(&error))),
            }
        })
        .collect()
}

/// The check of one file, with the next-tier paths of its treaties below hard if asked.
fn check_file(
    path: &Path,
    file: source::SourceFile,
    settings: &Settings,
    next_tier: bool,
) -> FileReport {
    let (report, scenarios) = if next_tier {
        crate::uplift::check_with_scenarios(file, settings)
    } else {
        crate::analysis::check_with_scenarios(file, settings)
    };
    with_scenario_problems(path, report, scenarios)
}

/// A file's scenario blocks are checked too (without running them): a typo in a
/// scenario is an error of `treaty check`, not only of `treaty test`. The blocks are
/// the check's own parse's: the file is not parsed again.
fn with_scenario_problems(
    path: &Path,
    mut report: FileReport,
    scenarios: crate::analysis::Scenarios,
) -> FileReport {
    // Most files have no scenario.
    if scenarios.blocks.is_empty() || scenarios.syntax_errors {
        return report;
    }
    let problems =
        crate::scenario::load::problems_of_blocks(path, &report.source, &scenarios.blocks);
    if !problems.is_empty() {
        report.diagnostics.extend(problems);
        crate::diagnostics::sort(&mut report.diagnostics);
    }
    report
}

/// Files to check, in a stable order, and the problems met while finding them.
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<String>,
    /// Per file: the directory whose search found it (so `exclude` applies), or
    /// `None` for a file named on the command line.
    walked: Vec<Option<PathBuf>>,
}

impl Found {
    /// Leave out the files found by searching a directory that their `treaty.toml`
    /// excludes. Files named on the command line are always kept.
    pub fn drop_excluded(
        &mut self,
        resolver: &mut crate::config::Resolver,
    ) -> Result<(), crate::config::ConfigError> {
        let mut kept = Vec::with_capacity(self.files.len());
        for (path, walked) in self.files.drain(..).zip(self.walked.drain(..)) {
            let excluded = match &walked {
                Some(searched) => resolver.excludes(&path, searched)?,
                None => false,
            };
            if !excluded {
                kept.push(path);
            }
        }
        self.walked = vec![None; kept.len()];
        self.files = kept;
        Ok(())
    }
}

/// What a treaty read from standard input is called in messages.
pub const STDIN_NAME: &str = "<stdin>";

/// `-` on the command line: standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub fn find(paths: &[PathBuf]) -> Found {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut walked = Vec::new();
    let mut stdin_taken = false;
    for path in paths {
        if is_stdin(path) {
            // Standard input can be read once; a second `-` would check nothing.
            if !std::mem::replace(&mut stdin_taken, true) {
                files.push(path.clone());
                walked.push(None);
            }
            continue;
        }
        match std::fs::metadata(path) {
            Err(error) => problems.push(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe(&error)
            )),
            Ok(meta) if meta.is_file() => {
                files.push(path.clone());
                walked.push(None);
            }
            Ok(meta) if meta.is_dir() => {
                let before = files.len();
                walk(path, &mut files, &mut problems);
                walked.resize(walked.len() + files.len() - before, Some(path.clone()));
            }
            Ok(meta) => problems.push(format!(
                "cannot read `{}`: it is {}, not a regular file or a directory",
                path.display(),
                crate::input::kind_of(meta.file_type())
            )),
        }
    }
    Found {
        files,
        problems,
        walked,
    }
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    // `.gitignore` (inside a git work tree), `.ignore` and hidden entries are
    // skipped, as in ripgrep; a path named on the command line is always taken.
    let walker = ignore::WalkBuilder::new(root)
        .follow_links(true)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_treaty = entry.path().extension().is_some_and(|e| e == "treaty");
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_treaty {
                    files.push(entry.into_path());
                }
            }
            Err(error) => problems.push(walk_problem(root, &error)),
        }
    }
}

/// A walking error as "cannot read `PATH`: REASON".
fn walk_problem(root: &Path, error: &ignore::Error) -> String {
    let mut path = root.display().to_string();
    let mut inner = error;
    loop {
        match inner {
            ignore::Error::WithPath { path: p, err } => {
                path = p.display().to_string();
                inner = err;
            }
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                inner = err;
            }
            ignore::Error::Loop { child, .. } => {
                return format!("cannot read `{}`: symbolic link loop", child.display());
            }
            ignore::Error::Io(io) => return format!("cannot read `{path}`: {}", describe(io)),
            other => return format!("cannot read `{path}`: {other}"),
        }
    }
}

/// An I/O error in a few words, without the "(os error N)" suffix.
pub fn describe(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
