//! Issue 19: `treaty fmt` formats files on every core, and what it prints and the exit
//! code are what formatting them one after another gives: each file's diff, syntax
//! errors and messages in the order of the file names, across the chunks the files are
//! formatted in.

mod common;

use std::process::Command;

use common::{stderr, stdout, OutputWithin};

const FORMATTED: &str = "treaty t {\n  form treaty\n  status in-force\n}\n";
const UNFORMATTED: &str = "treaty t {\nform treaty\n    status in-force\n}\n";
const BROKEN: &str = "treaty t {\n  form treaty\n  consult ,\n}\n";

/// Which text file `index` gets: some unformatted, some broken, most formatted.
fn text_of(index: usize) -> &'static str {
    if index % 11 == 0 {
        BROKEN
    } else if index % 7 == 0 {
        UNFORMATTED
    } else {
        FORMATTED
    }
}

fn fmt(args: &[&str], dir: &std::path::Path, threads: &str) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_treaty"))
        .arg("fmt")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("RAYON_NUM_THREADS", threads)
        .output_within()
}

/// More files than one chunk (256), so the order across chunk boundaries is tested too.
const FILES: usize = 600;

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for index in 0..FILES {
        let path = dir.path().join(format!("f{index:04}.treaty"));
        std::fs::write(path, text_of(index)).unwrap();
    }
    dir
}

#[test]
fn check_output_is_in_file_order_whatever_the_threads() {
    let dir = project();
    let one = fmt(&["--check", "."], dir.path(), "1");
    let many = fmt(&["--check", "."], dir.path(), "4");
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert_eq!(many.status.code(), Some(1));
    assert_eq!(stdout(&one), stdout(&many));
    assert_eq!(stderr(&one), stderr(&many));

    // The diffs name exactly the unformatted files, in order.
    let diffed: Vec<String> = stdout(&many)
        .lines()
        .filter_map(|line| line.strip_prefix("--- "))
        .map(|name| name.trim_start_matches("./").to_string())
        .collect();
    let expected: Vec<String> = (0..FILES)
        .filter(|&i| text_of(i) == UNFORMATTED)
        .map(|i| format!("f{i:04}.treaty"))
        .collect();
    assert_eq!(diffed, expected);
    // Every broken file is reported, in order.
    let refused: Vec<String> = stderr(&many)
        .lines()
        .filter_map(|line| line.strip_suffix(": not formatted: fix the syntax errors first"))
        .map(|name| name.trim_start_matches("./").to_string())
        .collect();
    let broken: Vec<String> = (0..FILES)
        .filter(|&i| text_of(i) == BROKEN)
        .map(|i| format!("f{i:04}.treaty"))
        .collect();
    assert_eq!(refused, broken);
}

#[test]
fn write_rewrites_every_unformatted_file_and_reports_in_order() {
    let dir = project();
    let out = fmt(&["."], dir.path(), "4");
    // Broken files are findings (1); nothing failed to be read or written.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let written: Vec<String> = stderr(&out)
        .lines()
        .filter_map(|line| line.strip_prefix("formatted "))
        .map(|name| name.trim_start_matches("./").to_string())
        .collect();
    let expected: Vec<String> = (0..FILES)
        .filter(|&i| text_of(i) == UNFORMATTED)
        .map(|i| format!("f{i:04}.treaty"))
        .collect();
    assert_eq!(written, expected);
    for index in 0..FILES {
        let text = std::fs::read_to_string(dir.path().join(format!("f{index:04}.treaty"))).unwrap();
        let want = if text_of(index) == BROKEN {
            BROKEN
        } else {
            FORMATTED
        };
        assert_eq!(text, want, "file {index}");
    }
    // Formatted now: a second check finds only the broken files.
    let again = fmt(&["--check", "."], dir.path(), "4");
    assert_eq!(stdout(&again), "");
    assert_eq!(again.status.code(), Some(1));
}
