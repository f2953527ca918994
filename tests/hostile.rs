//! Hostile input never crashes the checker: every case ends in a diagnostic (exit 1)
//! or a clear one-line error (exit 2), never a panic or a stack overflow.

mod common;

use common::{code, stderr, stdout, treaty, OutputWithin};
use std::io::Write;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

/// Run `check` on one file and require a diagnostic with `code_expected`.
fn check_reports(dir: &Path, name: &str, code_expected: &str) -> String {
    let output = treaty(&["check", "--format", "json", name], dir);
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(code(&output), 1, "exit 1 for a file with errors: {err}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let codes: Vec<&str> = json["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&code_expected), "{name}: {codes:?}");
    stdout(&output)
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.treaty", b"");
    check_reports(dir.path(), "empty.treaty", "E004");
    write(dir.path(), "blank.treaty", b"  \n\n // only a comment\n");
    check_reports(dir.path(), "blank.treaty", "E004");
}

#[test]
fn binary_file() {
    let dir = tempfile::tempdir().unwrap();
    let bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    write(dir.path(), "binary.treaty", &bytes);
    check_reports(dir.path(), "binary.treaty", "E005");
}

#[test]
fn non_utf8_file_points_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "latin1.treaty",
        b"treaty x {\n  title \"Caf\xe9\"\n}\n",
    );
    let out = check_reports(dir.path(), "latin1.treaty", "E005");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let label = &json["files"][0]["diagnostics"][0]["labels"][0];
    assert_eq!(label["line"], 2);
    assert_eq!(label["column"], 13);
}

#[test]
fn ten_thousand_nested_braces() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "treaty x {{\n{}{}\n}}\n",
        "{".repeat(10_000),
        "}".repeat(10_000)
    );
    write(dir.path(), "nested.treaty", text.as_bytes());
    let out = check_reports(dir.path(), "nested.treaty", "E003");
    assert!(
        out.len() < 10_000,
        "the diagnostic does not print the whole line"
    );
}

#[test]
fn unclosed_braces_to_the_end_of_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "open.treaty",
        b"treaty x {\n  trigger armed-attack {\n",
    );
    check_reports(dir.path(), "open.treaty", "E002");
}

#[test]
fn unterminated_string() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "string.treaty",
        b"treaty x {\n  title \"never closed\n  form treaty\n  status signed\n}\n",
    );
    let out = check_reports(dir.path(), "string.treaty", "E001");
    assert!(out.contains("has no closing `\\\"`"), "{out}");
    // The clauses after the broken one are still read: form and status are present.
    assert!(!out.contains("E107"), "{out}");
    // And a string left open at the very end of the file.
    write(dir.path(), "eof.treaty", b"treaty x {\n  title \"cut short");
    check_reports(dir.path(), "eof.treaty", "E001");
}

#[test]
fn truncated_file() {
    let text = std::fs::read_to_string(common::repo().join("treaties/north-atlantic-1949.treaty"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    // Cut at many places, including inside strings and multi-byte characters.
    for cut in (0..text.len()).step_by(97) {
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        write(dir.path(), "cut.treaty", &text.as_bytes()[..cut]);
        let output = treaty(&["check", "--format", "json", "cut.treaty"], dir.path());
        assert!(!stderr(&output).contains("panicked"), "cut at {cut}");
        assert!(matches!(code(&output), 0 | 1), "cut at {cut}");
        serde_json::from_str::<serde_json::Value>(&stdout(&output)).expect("JSON");
    }
}

#[test]
fn unknown_keywords_are_diagnostics_with_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "words.treaty",
        b"treaty x {\n  form treaty\n  status signed\n  guarantee UK\n  frobnicate all the things\n}\n",
    );
    let out = check_reports(dir.path(), "words.treaty", "E001");
    assert!(out.contains("unknown clause `guarantee`"), "{out}");
    assert!(out.contains("unknown clause `frobnicate`"), "{out}");
}

#[test]
fn a_hundred_megabyte_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.treaty");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    file.write_all(b"treaty big {\n  form treaty\n  status in-force\n")
        .unwrap();
    let line = format!("  // {}\n", "x".repeat(95));
    for _ in 0..(100 * 1024 * 1024 / line.len()) {
        file.write_all(line.as_bytes()).unwrap();
    }
    file.write_all(b"}\n").unwrap();
    drop(file);
    let output = treaty(&["check", "--format", "json", "big.treaty"], dir.path());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["files"][0]["treaties"][0]["id"], "big");
}

#[test]
fn a_hundred_megabytes_of_garbage_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "garbage.treaty", &vec![b'a'; 100 * 1024 * 1024]);
    let output = treaty(&["check", "garbage.treaty"], dir.path());
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(out.contains("text outside a treaty block"));
    assert!(out.len() < 5_000, "the report does not echo the input");
}

#[test]
fn files_over_the_size_limit_are_refused_with_a_diagnostic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "x.treaty", &vec![b' '; 4096]);
    let output = treaty(
        &["check", "--max-file-size", "1000", "x.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("over the"), "{}", stdout(&output));
}

#[cfg(unix)]
#[test]
fn directory_symlink_loop() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("loop");
    std::fs::create_dir(&inner).unwrap();
    std::os::unix::fs::symlink("..", inner.join("back")).unwrap();
    write(
        &inner,
        "a.treaty",
        b"treaty a {\n  form treaty\n  status signed\n}\n",
    );
    let output = treaty(&["check", "loop"], dir.path());
    assert_eq!(code(&output), 2, "a loop is an I/O failure");
    let err = stderr(&output);
    assert!(err.contains("symbolic link loop"), "{err}");
    assert!(!err.contains("panicked"));
    // The files that could be read were still checked.
    assert!(stdout(&output).contains("a: "), "{}", stdout(&output));
}

#[cfg(unix)]
#[test]
fn a_symlink_to_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("self.treaty", dir.path().join("self.treaty")).unwrap();
    let output = treaty(&["check", "self.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("cannot read `self.treaty`"), "{err}");
}

/// A file its reader may not open. Root ignores file modes, so as root (CI) the binary
/// runs as `nobody` through `setpriv` (util-linux); the test fails rather than skips when
/// neither is possible.
#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = dir.path().join("secret.treaty");
    std::fs::write(&path, "treaty s {}").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply to us, so drop them for the child.
        std::process::Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_treaty"))
            .args(["check", "secret.treaty"])
            .current_dir(dir.path())
            .env("NO_COLOR", "1")
            .output_within()
    } else {
        treaty(&["check", "secret.treaty"], dir.path())
    };
    assert_eq!(code(&output), 2, "{}", stderr(&output));
    assert_eq!(
        stderr(&output).trim_end(),
        "error: cannot read `secret.treaty`: Permission denied"
    );
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
}
