//! `treaty fmt`: the corpus is formatted, formatting is idempotent and keeps the model
//! and every comment, broken files are refused, and writes are atomic.

mod common;
use common::OutputWithin;

use std::path::{Path, PathBuf};
use std::process::Command;

use proptest::prelude::*;
use treaty::analysis::model_of;
use treaty::fmt::{format_parsed, format_text, FormatError};
use treaty::syntax::comments::{self, TokenKind};
use treaty::syntax::keywords::{Place, CLAUSE_KEYWORDS};

fn corpus() -> Vec<(PathBuf, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("treaties");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("treaties/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "treaty"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the corpus is not empty");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("corpus files are UTF-8");
            (p, text)
        })
        .collect()
}

/// The model as JSON with every span removed: what a file means, not where it says it.
fn meaning(text: &str) -> serde_json::Value {
    fn strip(value: &mut serde_json::Value) {
        match value {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| k != "span" && !k.ends_with("_span"));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let (model, diagnostics) = model_of(text);
    let mut value = serde_json::json!({
        "model": model,
        "diagnostics": diagnostics.iter().map(|d| (d.code, d.message.clone())).collect::<Vec<_>>(),
    });
    strip(&mut value);
    value
}

fn format_ok(text: &str) -> String {
    match format_text(text) {
        Ok(out) => out,
        Err(error) => panic!("cannot format: {error:?}\n{text}"),
    }
}

fn comment_texts(text: &str) -> Vec<String> {
    comments::scan(text).into_iter().map(|c| c.text).collect()
}

/// Formatting `text` is idempotent and changes neither the model nor the comments.
fn assert_sound(text: &str) -> String {
    let once = format_ok(text);
    let twice = format_ok(&once);
    assert_eq!(once, twice, "formatting is not idempotent");
    assert_eq!(meaning(text), meaning(&once), "the model changed:\n{once}");
    assert_eq!(comment_texts(text), comment_texts(&once));
    once
}

#[test]
fn every_file_in_treaties_is_already_formatted() {
    for (path, text) in corpus() {
        let formatted = format_ok(&text);
        if formatted != text {
            panic!(
                "{} is not formatted; run `treaty fmt treaties/`:\n{}",
                path.display(),
                treaty::cli::fmt::diff(&path.display().to_string(), &text, &formatted)
            );
        }
    }
}

#[test]
fn corpus_formatting_is_idempotent_and_keeps_the_model() {
    for (_, text) in corpus() {
        // Squash the layout first so the formatter has real work to do.
        // Squashing loses blank lines and turns comments into trailing ones, so the
        // two outputs agree once blank lines and comments are set aside.
        let squashed = respace(&text, |_| " ");
        let plain = |t: &str| -> Vec<String> {
            t.lines()
                .map(|l| l.split(" //").next().unwrap_or("").trim_end().to_string())
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
                .collect()
        };
        assert_eq!(plain(&assert_sound(&squashed)), plain(&assert_sound(&text)));
    }
}

/// `text` with the whitespace between code tokens replaced by `gap(i)`; comments keep
/// a newline after them so they do not swallow code.
fn respace(text: &str, gap: impl Fn(usize) -> &'static str) -> String {
    let tokens = comments::tokens(text);
    let mut out = String::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 {
            out.push_str(gap(i));
        }
        out.push_str(&text[token.span.start..token.span.end]);
        if token.kind == TokenKind::Comment {
            out.push('\n');
        }
    }
    out
}

/// `text` with a numbered comment between every pair of tokens (own-line or trailing).
fn inject_comments(text: &str, own_line: bool) -> (String, Vec<String>) {
    let tokens = comments::tokens(text);
    let mut out = String::new();
    let mut expected = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        out.push_str(&text[token.span.start..token.span.end]);
        if token.kind == TokenKind::Comment {
            expected.push(text[token.span.start..token.span.end].to_string());
            out.push('\n');
        }
        if i + 1 < tokens.len() {
            let note = format!("// note {i}");
            out.push_str(if own_line { "\n" } else { " " });
            out.push_str(&note);
            out.push('\n');
            expected.push(note);
        }
    }
    (out, expected)
}

#[test]
fn comments_between_every_pair_of_tokens_survive_in_order() {
    for (path, text) in corpus() {
        for own_line in [false, true] {
            let (injected, expected) = inject_comments(&text, own_line);
            assert!(
                !treaty::syntax::parse(&injected).has_errors(),
                "{}: injection broke the file",
                path.display()
            );
            let formatted = assert_sound(&injected);
            assert_eq!(comment_texts(&formatted), expected, "{}", path.display());
        }
    }
}

#[test]
fn comments_at_each_single_position_survive() {
    let text = "treaty t {\n  party UA \"Україна\" beneficiary\n  party UK \"United Kingdom\" guarantor\n  trigger armed-attack against UA {\n    provide UK -> UA training [pilots], cyber-defence GBP 2.5 billion per year subject-to-funding source \"x\"\n  }\n}\n";
    let tokens = comments::tokens(text);
    for token in tokens.iter().skip(1) {
        let at = token.span.start;
        let injected = format!("{} // here\n{}", &text[..at], &text[at..]);
        let formatted = assert_sound(&injected);
        assert_eq!(comment_texts(&formatted), ["// here"], "{formatted}");
    }
}

#[test]
fn files_with_syntax_errors_are_refused_with_diagnostics() {
    let broken = "treaty t {\n  title \"T\"\n  consult UK within banana\n}\n";
    match format_text(broken) {
        Err(FormatError::Syntax(diagnostics)) => {
            assert!(diagnostics.iter().any(|d| d.code == "E001"))
        }
        other => panic!("expected a syntax refusal, got {other:?}"),
    }
}

#[test]
fn unknown_top_level_text_is_kept_byte_for_byte() {
    // A block this grammar does not know (as a newer grammar's `scenario` would be).
    let unknown = "scenario  odd {\n      step   one\n   // inside\n}";
    let text = format!("treaty t {{\n   title   \"T\"\n}}\n\n{unknown}\n");
    let parsed = treaty::syntax::parse(&text);
    let out = format_parsed(&text, &parsed);
    assert!(out.contains(unknown), "{out}");
    assert!(out.starts_with("treaty t {\n  title \"T\"\n}\n\n"), "{out}");
}

#[test]
fn scenario_blocks_are_formatted_one_item_per_line() {
    let text = "treaty t {\n   title   \"T\"\n}\nscenario  s   {\n      treaty \"../x.treaty\"   // ref\n\n   event armed-attack  by RU against UA   at 2027-03-01T06:00+02:00\n  // next\n  expect   consult UK,UA by 2027-03-02\n   }\n";
    let out = format_ok(text);
    assert_eq!(
        out,
        "treaty t {\n  title \"T\"\n}\nscenario s {\n  treaty \"../x.treaty\" // ref\n\n  event armed-attack by RU against UA at 2027-03-01T06:00+02:00\n  // next\n  expect consult UK, UA by 2027-03-02\n}\n"
    );
    assert_eq!(format_ok(&out), out, "idempotent");
}

#[test]
fn a_scenario_with_a_line_that_does_not_parse_is_kept_as_it_is() {
    // A word on the line after an event is a line of its own, not an attribute.
    let text = "scenario  s {\n  event   armed-attack at 2027-03-01T06:00Z\n    step   one\n}\n";
    let parsed = treaty::syntax::parse(text);
    assert!(!parsed.diagnostics.is_empty());
    let out = format_parsed(text, &parsed);
    assert_eq!(out, text);
}

#[test]
fn non_ascii_text_is_measured_in_characters() {
    // 88 Cyrillic characters fit in 100 columns though they take 176 bytes.
    let name = "Україна".repeat(12);
    let text = format!("treaty t {{\n  party UA \"{name}\" beneficiary\n}}\n");
    assert_eq!(format_ok(&text), text);
}

fn clause_examples(place: Place) -> Vec<&'static str> {
    CLAUSE_KEYWORDS
        .iter()
        .filter(|k| k.place == place && !k.example.contains('{'))
        .map(|k| k.example)
        .collect()
}

fn clause() -> impl Strategy<Value = String> {
    let examples = clause_examples(Place::Header)
        .into_iter()
        .chain(clause_examples(Place::Obligation))
        .collect::<Vec<_>>();
    (
        proptest::sample::select(examples),
        proptest::option::of("[a-z]{3,12}"),
        proptest::option::of("[ a-zA-Zа-яї.,]{0,120}"),
    )
        .prop_map(|(example, qualifier, source)| {
            let mut clause = example.to_string();
            if let Some(q) = qualifier {
                clause.push(' ');
                clause.push_str(&q);
            }
            if let Some(s) = source {
                clause.push_str(&format!(" source \"{s}\""));
            }
            clause
        })
}

fn gap() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n\n  ".to_string()),
        Just("   // a remark\n".to_string()),
        Just("\n// an own-line remark\n\t".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_treaties_format_soundly(
        clauses in proptest::collection::vec((clause(), gap()), 1..8),
        trigger in proptest::collection::vec((clause(), gap()), 0..4),
    ) {
        let mut text = String::from("treaty generated {\n");
        for (clause, gap) in &clauses {
            text.push_str(clause);
            text.push_str(gap);
            text.push('\n');
        }
        let obligations = clause_examples(Place::Obligation);
        if !trigger.is_empty() {
            text.push_str("trigger armed-attack by RU against UA {");
            for (i, (_, gap)) in trigger.iter().enumerate() {
                text.push_str(obligations[i % obligations.len()]);
                text.push_str(gap);
                text.push('\n');
            }
            text.push_str("}\n");
        }
        text.push('}');
        prop_assume!(!treaty::syntax::parse(&text).has_errors());
        let formatted = assert_sound(&text);
        let respaced = assert_sound(&respace(&text, |_| "\n "));
        let code_lines = |t: &str| -> Vec<String> {
            t.lines()
                .map(|l| l.split(" //").next().unwrap_or("").trim_end().to_string())
                .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
                .collect()
        };
        prop_assert_eq!(code_lines(&respaced), code_lines(&formatted));
    }
}

fn treaty_bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_treaty"))
}

const MESSY: &str = "treaty t {\n title   \"T\"\n}\n";
const TIDY: &str = "treaty t {\n  title \"T\"\n}\n";

#[test]
fn check_mode_prints_a_diff_and_exits_1_without_writing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.treaty");
    std::fs::write(&path, MESSY).expect("write");
    let out = treaty_bin()
        .args(["fmt", "--check"])
        .arg(&path)
        .output_within();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("-  title   \"T\"") || stdout.contains("- title   \"T\""),
        "{stdout}"
    );
    assert!(stdout.contains("+  title \"T\""), "{stdout}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), MESSY);

    std::fs::write(&path, TIDY).expect("write");
    let out = treaty_bin()
        .args(["fmt", "--check"])
        .arg(&path)
        .output_within();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn writing_is_atomic_and_keeps_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a.treaty");
    std::fs::write(&path, MESSY).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let out = treaty_bin()
        .args(["fmt", "--write"])
        .arg(&path)
        .output_within();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), TIDY);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(
        leftovers,
        vec![std::ffi::OsString::from("a.treaty")],
        "no temporary file is left"
    );
}

#[test]
fn broken_files_are_never_touched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.treaty");
    let broken = "treaty t {\n   consult UK within banana\n";
    std::fs::write(&path, broken).expect("write");
    let out = treaty_bin().arg("fmt").arg(&path).output_within();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("E00"), "diagnostics are printed: {stderr}");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
}

#[test]
fn dash_reads_stdin_and_writes_stdout() {
    use std::io::Write;
    let mut child = treaty_bin()
        .args(["fmt", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(MESSY.as_bytes())
        .expect("feed");
    let out = common::wait_within(child);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), TIDY);
}

fn fragment() -> impl Strategy<Value = &'static str> {
    proptest::sample::select(vec![
        "treaty",
        "t",
        "{",
        "}",
        "\n",
        " ",
        "  ",
        "// note",
        "\"Україна\"",
        "\"a",
        "party",
        "UA",
        "UK",
        ",",
        "->",
        "provide",
        "training",
        "consult",
        "within",
        "24",
        "hours",
        "trigger",
        "armed-attack",
        "against",
        "source",
        "\"s\"",
        "aspirational",
        "[",
        "]",
        "(",
        ")",
        "review",
        "on",
        "nato-accession",
        "title",
        "\t",
        "\r\n",
        "Україна",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text either formats soundly or is refused; nothing panics.
    #[test]
    fn arbitrary_fragments_never_panic(
        parts in proptest::collection::vec(fragment(), 0..40),
        wrap in any::<bool>(),
    ) {
        let text = if wrap {
            format!("treaty t {{\nparty UA \"Україна\"\n{}\n}}\n", parts.concat())
        } else {
            parts.concat()
        };
        match format_text(&text) {
            Ok(once) => {
                prop_assert_eq!(format_ok(&once), once.clone());
                prop_assert_eq!(meaning(&text), meaning(&once));
                prop_assert_eq!(comment_texts(&text), comment_texts(&once));
            }
            Err(FormatError::Syntax(diagnostics)) => prop_assert!(!diagnostics.is_empty()),
            Err(FormatError::Internal(reason)) => prop_assert!(false, "internal error: {}\n{}", reason, text),
        }
        // The error-tolerant entry point never panics either.
        let _ = format_parsed(&text, &treaty::syntax::parse(&text));
    }
}
