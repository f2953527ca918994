//! Issue 17, item 6: control characters (ESC, BEL, C1, a lone CR, bidi controls) in
//! strings, titles, comments and file names never reach the terminal or a log raw;
//! they are written as escapes (`\u{1b}`). Long context lines are clipped, not only
//! the labelled one.

mod common;

use common::treaty;

/// Bytes that must never appear in human-facing output.
const UNSAFE: [&str; 6] = ["\u{1b}", "\u{7}", "\u{9b}", "\u{202e}", "\u{2066}", "\r"];

fn assert_clean(what: &str, output: &[u8]) {
    let text = String::from_utf8_lossy(output);
    for bad in UNSAFE {
        assert!(
            !text.contains(bad),
            "{what}: {:?} reached the output:\n{}",
            bad,
            text.escape_debug()
        );
    }
}

/// A treaty whose title, party name, comment and an error line hold controls.
const HOSTILE: &str = "treaty t {\n  title \"Evil \u{1b}[2J\u{7} \u{202e}title\u{9b}31m\"\n  form treaty\n  status in-force\n  party UK \"United \u{1b}]0;pwn\u{7}Kingdom\" guarantor\n  party UA \"Ukr\raine\u{2066}\" beneficiary\n  party RU \"Russia\" adversary\n  trigger armed-attack by RU against UA {\n    consult UK, UA within 24 hours // \u{1b}[31m red\n    provide UK -> AU training\n  }\n}\n";

/// The same without the error, so that simulate, compare and diff run.
fn valid() -> String {
    HOSTILE.replace("    provide UK -> AU training\n", "")
}

#[test]
fn check_escapes_controls_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.treaty"), HOSTILE).unwrap();
    for format in ["human", "plain", "github"] {
        let out = treaty(&["check", "--format", format, "e.treaty"], dir.path());
        assert!(!out.stdout.is_empty());
        assert_clean(format, &out.stdout);
        assert_clean(format, &out.stderr);
    }
    let out = treaty(&["check", "e.treaty"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\\u{1b}[2J"), "{text}");
    assert!(text.contains("unknown party `AU`"), "{text}");
}

#[test]
fn a_file_name_with_an_escape_sequence_is_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let name = "\u{1b}[31mred\u{7}.treaty";
    std::fs::write(dir.path().join(name), HOSTILE).unwrap();
    for format in ["human", "plain", "github"] {
        let out = treaty(&["check", "--format", format, name], dir.path());
        assert_clean(format, &out.stdout);
        assert_clean(format, &out.stderr);
        assert!(String::from_utf8_lossy(&out.stdout).contains("\\u{1b}[31mred"));
    }
    let out = treaty(&["fmt", "--check", name], dir.path());
    assert_clean("fmt", &out.stdout);
    assert_clean("fmt", &out.stderr);
    let out = treaty(&["check", "missing\u{1b}[2J.treaty"], dir.path());
    assert_clean("missing file", &out.stderr);
}

#[test]
fn simulate_test_compare_and_diff_escape_titles_and_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("v.treaty"), valid()).unwrap();
    let scenario = format!(
        "{}\nscenario \u{1b}[2Js {{\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  expect fulfilled consult UK, UA\n}}\n",
        valid()
    );
    std::fs::write(dir.path().join("s.treaty"), scenario).unwrap();
    let runs: [&[&str]; 5] = [
        &[
            "simulate",
            "v.treaty",
            "--event",
            "armed-attack by RU against UA at 2027-03-01T06:00Z",
        ],
        &["test", "s.treaty"],
        &["compare", "v.treaty"],
        &["compare", "--format", "markdown", "v.treaty"],
        &["diff", "v.treaty", "s.treaty"],
    ];
    for args in runs {
        let out = treaty(args, dir.path());
        assert!(
            !out.stdout.is_empty() || !out.stderr.is_empty(),
            "{args:?} printed nothing"
        );
        assert_clean(&args.join(" "), &out.stdout);
        assert_clean(&args.join(" "), &out.stderr);
    }
}

#[test]
fn long_context_lines_are_clipped_too() {
    let dir = tempfile::tempdir().unwrap();
    let long = "x".repeat(200_000);
    let text = format!(
        "treaty t {{\n  form treaty\n  // {long}\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> AU training\n  // {long}\n}}\n"
    );
    std::fs::write(dir.path().join("l.treaty"), text).unwrap();
    let out = treaty(&["check", "l.treaty"], dir.path());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("unknown party `AU`"), "{shown}");
    assert!(shown.contains('…'), "{shown}");
    // The two 200 KB comment lines are context of the E101 label: clipped, they keep
    // the output small.
    assert!(shown.len() < 20_000, "{} bytes of output", shown.len());
}
