//! Finding the files to check: paths given on the command line, directories walked
//! recursively for `*.treaty`, symlinks followed with loop detection.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::analysis::{self, FileReport, Settings};
use crate::source::{self, Loaded};

/// Read and check files in parallel, each with its settings, keeping their order. A
/// file that is too large or not text is a report with its diagnostic; a file that
/// cannot be read is an error message.
pub fn check_all<S: std::ops::Deref<Target = Settings> + Sync>(
    jobs: &[(&PathBuf, S)],
    max_file_size: u64,
) -> Vec<Result<FileReport, String>> {
    jobs.par_iter()
        .map(|(path, settings)| {
            let display = path.display().to_string();
            match source::load(path, display.clone(), max_file_size) {
                Ok(Loaded::Text(file)) => {
                    let mut report = analysis::check(file, settings);
                    crate::uplift::annotate(&mut report, settings);
                    Ok(report)
                }
                Ok(Loaded::Rejected(file, diagnostic)) => {
                    Ok(FileReport::rejected(file, diagnostic))
                }
                Err(error) => Err(format!("cannot read `{display}`: {}", describe(&error))),
            }
        })
        .collect()
}

/// Files to check, in a stable order, and the problems met while finding them.
pub struct Found {
    pub files: Vec<PathBuf>,
    pub problems: Vec<String>,
}

pub fn find(paths: &[PathBuf]) -> Found {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(error) => problems.push(format!(
                "cannot read `{}`: {}",
                path.display(),
                describe(&error)
            )),
            Ok(meta) if meta.is_file() => files.push(path.clone()),
            Ok(meta) if meta.is_dir() => walk(path, &mut files, &mut problems),
            Ok(meta) => problems.push(format!(
                "cannot read `{}`: it is {}, not a regular file or a directory",
                path.display(),
                crate::input::kind_of(meta.file_type())
            )),
        }
    }
    Found { files, problems }
}

fn walk(root: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<String>) {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_treaty = entry.path().extension().is_some_and(|e| e == "treaty");
                if entry.file_type().is_file() && is_treaty {
                    files.push(entry.into_path());
                }
            }
            Err(error) => {
                let path = error
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| root.display().to_string());
                let reason = if error.loop_ancestor().is_some() {
                    "symbolic link loop".to_string()
                } else if let Some(io) = error.io_error() {
                    describe(io)
                } else {
                    error.to_string()
                };
                problems.push(format!("cannot read `{path}`: {reason}"));
            }
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
