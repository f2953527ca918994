//! `--format plain` and `--format github` on awkward input: file names and lines that
//! need escaping, syntax errors, non-ASCII text.

mod common;
use common::OutputWithin;

use common::{code, repo, stdout, treaty};
use std::path::Path;

const BOX_DRAWING: [char; 8] = ['╭', '╰', '│', '─', '┬', '×', '⚠', '☞'];

const BROKEN: &str = "treaty a {\n  title \"Україна 😀\"\n  form treaty\n  status signed\n  consult 100% of UK\n  party UA \"Україна\" beneficiary\n  party UK \"Україна 😀\" guarantr\n  provide UX -> UA training\n";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write a test file");
}

#[test]
fn plain_has_no_box_drawing_or_ansi_escapes() {
    for args in [
        vec!["check", "--format", "plain", "treaties/"],
        vec![
            "check",
            "--format",
            "plain",
            "treaties/uk-ukraine-2024.treaty",
        ],
    ] {
        let output = treaty(&args, repo());
        let text = stdout(&output);
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(!text.contains(BOX_DRAWING), "{text}");
    }

    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "broken.treaty", BROKEN);
    // Even when colour is asked for in the environment.
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(["check", "--format", "plain", "broken.treaty"])
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "1")
        .env("FORCE_COLOR", "1")
        .output_within();
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "{text}");
    assert!(!text.contains(BOX_DRAWING), "{text}");
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("broken.treaty:"))
        .collect();
    assert!(
        findings.contains(
            &"broken.treaty:8:11: error[E101]: unknown party `UX` (help: did you mean `UA`?)"
        ),
        "{text}"
    );
    // The column counts characters: `Україна` is 7 of them, the emoji 1.
    assert!(
        findings
            .iter()
            .any(|l| l.starts_with("broken.treaty:7:24: error[E001]")),
        "{text}"
    );
    // Every finding line is a whole finding: path, position, severity and code.
    for line in &findings {
        let rest = line.trim_start_matches("broken.treaty:");
        let mut parts = rest.splitn(3, ':');
        let line_no = parts.next().unwrap_or("");
        let column = parts.next().unwrap_or("");
        assert!(
            line_no.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
            "{line}"
        );
        assert!(
            line.contains(": error[") || line.contains(": warning["),
            "{line}"
        );
    }
}

/// A file name may hold a line break or an escape sequence; plain output writes them
/// escaped so that each finding is one line and no control sequence reaches the log.
#[cfg(unix)]
#[test]
fn plain_escapes_control_characters_in_file_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "a\n\u{1b}[1mb.treaty",
        "treaty a {\n  form treaty\n}\n",
    );
    let output = treaty(&["check", "--format", "plain", "."], dir.path());
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "{text:?}");
    let findings: Vec<&str> = text.lines().filter(|l| l.starts_with("./a")).collect();
    assert!(!findings.is_empty(), "{text:?}");
    assert!(
        findings
            .iter()
            .all(|l| l.starts_with(r"./a\n\u{1b}[1mb.treaty:")),
        "{text:?}"
    );
    assert!(
        findings.contains(
            &r"./a\n\u{1b}[1mb.treaty:1:1: error[E107]: treaty `a` has no `status` clause (help: add a `status` clause to the treaty block, such as `status signed`: the tier depends on it)"
        ),
        "{text:?}"
    );
}

#[test]
fn github_escapes_file_properties_and_multi_line_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a,b:100%.treaty", BROKEN);
    let output = treaty(
        &["check", "--format", "github", "a,b:100%.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(!text.contains('\r'), "{text:?}");
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=a%2Cb%3A100%25.treaty,line=")
                || line.starts_with("::warning file=a%2Cb%3A100%25.treaty,line="),
            "{line}"
        );
        // The properties end at the first `::`; none of them holds a raw `,` or `:`
        // beyond the separators.
        let (properties, message) = line[2..].split_once("::").expect("two parts");
        let properties = properties.split_once(' ').map_or("", |(_, p)| p);
        for property in properties.split(',') {
            let (key, value) = property.split_once('=').expect("key=value");
            assert!(["file", "line", "col", "title"].contains(&key), "{line}");
            assert!(!value.contains([':', ',', '\n', '\r']), "{line}");
        }
        // The help is on a second line of the annotation, escaped.
        assert!(!message.contains('\n'), "{line}");
    }
    assert!(
        text.lines().any(|l| l
            == "::error file=a%2Cb%3A100%25.treaty,line=8,col=11,title=E101::unknown party `UX`%0Ahelp: did you mean `UA`?"),
        "{text}"
    );
}
