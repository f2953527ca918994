//! Issue 15, item 1: every renderer puts a diagnostic at the same place. For broken
//! drafts and for every bundled treaty (rich in gaps and lints), the primary position
//! of each diagnostic is read back from the human, JSON, SARIF and LSP outputs of the
//! real binary and compared with the byte offset JSON gives, each in its own column
//! unit (characters for human and JSON, UTF-16 code units for SARIF and LSP). In the
//! human output, the primary label's underline must start under that column and be as
//! wide as its span: a caret drawn elsewhere on the line fails.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

#[path = "support/lsp_frames.rs"]
mod lsp_frames;

use serde_json::{json, Value};

const BROKEN: &[(&str, &str)] = &[
    (
        "missing-comma.treaty",
        "treaty t {\n  form treaty\n  status in-force\n  party FI member\n  party SE member\n  trigger armed-attack against any member {\n    consult FI SE within 24 hours\n  }\n}\n",
    ),
    (
        "wrong-arrow.treaty",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK => UA with armed-force forthwith\n  }\n}\n",
    ),
    (
        "misplaced-hedge.treaty",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist as-deemed-necessary UK -> UA with armed-force\n  }\n}\n",
    ),
    (
        "misspelt-role.treaty",
        "treaty t {\n  form treaty\n  status signed\n  party UK guarnator\n  party UA beneficiary\n  provide UK -> UA training\n}\n",
    ),
    (
        "typos.treaty",
        "treaty t {\n  form treatty\n  status \n  party UK \"United Kingdom\" guarantor\n  party UA \"Україна\" beneficiary\n  signed 2024-02-30\n  establish council as-deemed-necessary \"Council\"\n  trigger armed-attack against UA {\n    asist UK -> UA with armed-force\n    consult UK, UA within soon\n  }\n}\n",
    ),
];

/// Every label position a check reports, in the order JSON lists the diagnostics:
/// (code, byte offset, length).
fn json_positions(json: &Value) -> Vec<(String, usize, usize, usize, usize)> {
    json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| !d["labels"].as_array().unwrap().is_empty())
        .map(|d| {
            let label = &d["labels"][0];
            (
                d["code"].as_str().unwrap().to_string(),
                label["offset"].as_u64().unwrap() as usize,
                label["length"].as_u64().unwrap() as usize,
                label["line"].as_u64().unwrap() as usize,
                label["column"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

/// 1-based line, and 1-based column in characters and in UTF-16 units, of an offset.
fn position(text: &str, offset: usize) -> (usize, usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let in_line = &text[line_start..offset];
    (
        before.matches('\n').count() + 1,
        in_line.chars().count() + 1,
        in_line.encode_utf16().count() + 1,
    )
}

/// The `[file:line:column]` of each report in miette's output, in order.
fn human_headers(human: &str) -> Vec<(usize, usize)> {
    human
        .lines()
        .filter_map(|l| l.split_once("╭─[").map(|(_, rest)| rest))
        .map(|rest| {
            let inside = rest.trim_end_matches(']');
            let mut parts = inside.rsplitn(3, ':');
            let column = parts.next().unwrap().parse().unwrap();
            let line = parts.next().unwrap().parse().unwrap();
            (line, column)
        })
        .collect()
}

/// The underline runs below the source row of `line` in one miette report, as
/// (1-based column, width in characters).
fn underline_runs(report: &str, line: usize) -> Vec<(usize, usize)> {
    let rows: Vec<&str> = report.lines().collect();
    let gutter = format!("{line} │ ");
    let Some(at) = rows
        .iter()
        .position(|r| r.trim_start().starts_with(&gutter))
    else {
        return Vec::new();
    };
    let source_start = rows[at].find('│').unwrap() + '│'.len_utf8() + 1;
    let column0 = rows[at][..source_start].chars().count();
    let under: Vec<char> = rows.get(at + 1).map_or(Vec::new(), |r| r.chars().collect());
    let mut runs = Vec::new();
    let mut i = column0;
    while i < under.len() {
        if under[i] == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < under.len() && under[i] != ' ' {
            i += 1;
        }
        runs.push((start - column0 + 1, i - start));
    }
    runs
}

fn lsp_diagnostics(path: &std::path::Path, text: &str) -> Vec<(String, usize, usize)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("the server starts");
    let mut input = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, output) = mpsc::channel();
    std::thread::spawn(move || lsp_frames::read_frames(stdout, send));
    let mut send_message = |message: Value| {
        let body = message.to_string();
        write!(input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        input.flush().unwrap();
    };
    let uri = format!("file://{}", path.display());
    send_message(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    send_message(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    send_message(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "treaty", "version": 1, "text": text}}}),
    );
    let diagnostics = loop {
        let message = match output.recv_timeout(Duration::from_secs(60)) {
            Ok(Ok(message)) => message,
            other => {
                let _ = child.kill();
                panic!("no diagnostics from the server: {other:?}");
            }
        };
        if message["method"] == "textDocument/publishDiagnostics" {
            break message["params"]["diagnostics"].clone();
        }
    };
    send_message(json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": null}));
    send_message(json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let _ = common::wait_within(child);
    diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let start = &d["range"]["start"];
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                start["line"].as_u64().unwrap() as usize + 1,
                start["character"].as_u64().unwrap() as usize + 1,
            )
        })
        .collect()
}

fn assert_positions_agree(dir: &std::path::Path, name: &str, text: &str) -> usize {
    let run = |format: &str| {
        let output = common::treaty(&["check", "--format", format, name], dir);
        common::stdout(&output)
    };
    let json: Value = serde_json::from_str(&run("json")).expect("JSON");
    let expected = json_positions(&json);
    let mut in_utf16 = Vec::new();
    for (code, offset, length, line, column) in &expected {
        let (l, c, u) = position(text, *offset);
        assert_eq!(
            (l, c),
            (*line, *column),
            "{name}: JSON line:column of {code}"
        );
        in_utf16.push((code.clone(), l, u, *offset, *length));
    }

    // SARIF: results in the same order, columns in UTF-16 units.
    let sarif: Value = serde_json::from_str(&run("sarif")).expect("SARIF");
    let results: Vec<(String, usize, usize)> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            Some((
                r["ruleId"].as_str()?.to_string(),
                region["startLine"].as_u64()? as usize,
                region["startColumn"].as_u64()? as usize,
            ))
        })
        .collect();
    let mut want: Vec<(String, usize, usize)> = in_utf16
        .iter()
        .map(|(c, l, u, _, _)| (c.clone(), *l, *u))
        .collect();
    let mut got = results.clone();
    want.sort();
    got.sort();
    assert_eq!(got, want, "{name}: SARIF positions");

    // LSP: the same set, 0-based lines and UTF-16 characters on the wire.
    let mut lsp = lsp_diagnostics(&dir.join(name), text);
    lsp.sort();
    assert_eq!(lsp, want, "{name}: LSP positions");

    // Human: one report per diagnostic, headed by the primary's line:column, with its
    // underline right under the span.
    let output = common::treaty(&["check", name], dir);
    let human = common::stderr(&output) + &common::stdout(&output);
    let headers = human_headers(&human);
    let want_headers: Vec<(usize, usize)> = expected.iter().map(|e| (e.3, e.4)).collect();
    assert_eq!(headers, want_headers, "{name}: human headers\n{human}");
    let reports: Vec<&str> = human.split("╭─[").skip(1).collect();
    for ((code, offset, length, line, column), report) in expected.iter().zip(&reports) {
        let span = &text[*offset..offset + length];
        let line_start = text[..*offset].rfind('\n').map_or(0, |i| i + 1);
        // miette lays lines out by display width: a wide (East Asian) character takes
        // two columns, and the test counts characters, so such lines are left out.
        let wide = |s: &str| s.chars().any(|c| c as u32 >= 0x1100);
        if span.contains('\n')
            || span.contains('\t')
            || span.is_empty()
            || wide(&text[line_start..offset + length])
        {
            continue;
        }
        let width = span.chars().count();
        let runs = underline_runs(report, *line);
        assert!(
            runs.contains(&(*column, width)),
            "{name}: {code}'s underline is not at column {column}, {width} wide: {runs:?}\n╭─[{report}"
        );
    }
    expected.len()
}

#[test]
fn broken_drafts_agree_in_every_renderer() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for (name, text) in BROKEN {
        std::fs::write(dir.path().join(name), text).unwrap();
        checked += assert_positions_agree(dir.path(), name, text);
    }
    assert!(checked >= 15, "only {checked} diagnostics compared");
}

#[test]
fn the_corpus_agrees_in_every_renderer() {
    // Copied, so every renderer (the language server too) reads them with the
    // default settings rather than the corpus's treaty.toml.
    let treaties = common::repo().join("treaties");
    let dir = tempfile::tempdir().unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&treaties)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".treaty"))
        .collect();
    names.sort();
    for name in &names {
        std::fs::copy(treaties.join(name), dir.path().join(name)).unwrap();
    }
    let mut checked = 0;
    for name in &names {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        checked += assert_positions_agree(dir.path(), name, &text);
    }
    assert!(checked >= 100, "only {checked} diagnostics compared");
}
