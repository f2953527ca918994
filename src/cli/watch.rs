//! `treaty check --watch`: check once, then again whenever a `.treaty` file or a
//! `treaty.toml` under the given paths is saved, until interrupted.
//!
//! Editors save in bursts (a temporary file, a rename, a metadata change), so events
//! are collected for a short quiet period and answered with one check.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::check::{self, CheckArgs};
use super::EXIT_FAILURE;

/// How long the files must stay quiet before the check runs again.
const QUIET: Duration = Duration::from_millis(200);

/// Whether a changed path can change the check's result.
fn relevant(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "treaty")
        || path
            .file_name()
            .is_some_and(|n| n == crate::config::FILE_NAME)
}

pub fn run(args: &CheckArgs) -> u8 {
    let (sender, events) = mpsc::channel();
    let mut watcher = match notify::recommended_watcher(sender) {
        Ok(watcher) => watcher,
        Err(error) => {
            eprintln!("error: cannot watch files: {error}");
            return EXIT_FAILURE;
        }
    };
    let roots: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| !super::files::is_stdin(p))
        .cloned()
        .collect();
    if roots.len() != args.paths.len() {
        eprintln!("error: `--watch` cannot watch standard input; name files or directories");
        return EXIT_FAILURE;
    }
    for root in &roots {
        if let Err(error) = watcher.watch(root, RecursiveMode::Recursive) {
            eprintln!("error: cannot watch `{}`: {error}", root.display());
            return EXIT_FAILURE;
        }
    }
    loop {
        check::run(args);
        println!("[watching {} for changes; Ctrl-C to stop]", shown(&roots));
        // Wait for a relevant change, then for the burst it belongs to to end.
        loop {
            match events.recv() {
                Ok(Ok(event)) if event.paths.iter().any(|p| relevant(p)) => break,
                Ok(_) => continue,
                Err(_) => return EXIT_FAILURE,
            }
        }
        while events.recv_timeout(QUIET).is_ok() {}
    }
}

fn shown(roots: &[PathBuf]) -> String {
    roots
        .iter()
        .map(|p| crate::terminal::clean(&p.display().to_string()).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}
