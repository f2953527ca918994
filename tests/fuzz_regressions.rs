//! Inputs the fuzz targets in `fuzz/` found (docs/robustness.md), kept so the bugs stay
//! fixed without a fuzzer. `tests/fuzz-regressions/<target>/` holds the inputs, one file
//! each, as the target received them; every one is run through the checks of its target
//! here, and the named tests below say what each bug was.

use std::path::{Path, PathBuf};

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use treaty::analysis::{self, model_of, FileReport, Settings};
use treaty::diagnostics::human::{self, HumanStyle};
use treaty::diagnostics::Diagnostic;
use treaty::fmt::{format_text, FormatError};
use treaty::lsp::Server;
use treaty::source::{self, Loaded};

fn dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir(target)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.expect("entry").path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable input");
            (path, bytes)
        })
        .collect()
}

fn input(target: &str, name: &str) -> Vec<u8> {
    std::fs::read(dir(target).join(name)).expect("saved input")
}

/// Every label inside the text, in order, on character boundaries.
fn assert_spans(text: &str, diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        for label in &diagnostic.labels {
            let span = label.span;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: span {span:?} outside 0..{}",
                diagnostic.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{}: span {span:?} inside a character ({:?})",
                diagnostic.code,
                label.message
            );
        }
    }
}

/// The checks of the `parse` and `check` targets.
fn check_bytes(bytes: &[u8]) -> FileReport {
    let report = match source::from_bytes("fuzz.treaty".to_string(), bytes.to_vec()) {
        Loaded::Text(source) => {
            let parsed = treaty::syntax::parse(&source.text);
            assert_spans(&source.text, &parsed.diagnostics);
            analysis::check(source, &Settings::default())
        }
        Loaded::Rejected(source, diagnostic) => FileReport::rejected(source, diagnostic),
    };
    assert_spans(&report.source.text, &report.diagnostics);
    for diagnostic in &report.diagnostics {
        for colour in [false, true] {
            let style = HumanStyle { colour, width: 80 };
            assert!(!human::render(diagnostic, &report.source, style).is_empty());
        }
    }
    report
}

/// The model as JSON without spans, as in `tests/fmt.rs`.
fn meaning(text: &str) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|k, _| k != "span" && !k.ends_with("_span"));
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let (model, diagnostics) = model_of(text);
    let mut value = json!({
        "model": model,
        "diagnostics": diagnostics.iter().map(|d| (d.code, d.message.clone())).collect::<Vec<_>>(),
    });
    strip(&mut value);
    value
}

/// The checks of the `fmt_roundtrip` target.
fn format_round_trip(text: &str) {
    let once = match format_text(text) {
        Ok(once) => once,
        Err(FormatError::Syntax(_)) => return,
        Err(FormatError::Internal(why)) => panic!("formatter self-check failed: {why}"),
    };
    let reparsed = treaty::syntax::parse(&once);
    assert!(!reparsed.has_errors(), "{:?}", reparsed.diagnostics);
    let twice = format_text(&once).expect("formatted output formats again");
    assert_eq!(once, twice, "formatting is not idempotent");
    assert_eq!(
        meaning(text),
        meaning(&once),
        "formatting changed the model"
    );
}

/// An in-process language server with `text` open as `untitled:fuzz`.
fn server_with(text: &str) -> Server {
    let mut server = Server::new();
    request(
        &mut server,
        "initialize",
        json!({ "capabilities": { "general": { "positionEncodings": ["utf-8"] } } }),
    );
    server.handle(Message::Notification(Notification::new(
        "textDocument/didOpen".to_string(),
        json!({ "textDocument": { "uri": "untitled:fuzz", "languageId": "treaty", "version": 1, "text": text } }),
    )));
    server
}

fn request(server: &mut Server, method: &str, params: Value) -> Response {
    let mut replies = server.handle(Message::Request(Request::new(
        RequestId::from(1),
        method.to_string(),
        params,
    )));
    assert_eq!(replies.len(), 1);
    match replies.remove(0) {
        Message::Response(response) => response,
        other => panic!("not a response: {other:?}"),
    }
}

/// Every request at every line start and line end of the document answers.
fn lsp_requests_everywhere(text: &str) {
    let mut server = server_with(text);
    let doc = json!({ "uri": "untitled:fuzz" });
    let lines = text.split('\n').count();
    for line in 0..=lines {
        for character in [0, 1, 2, 3, 1000] {
            let position = json!({ "line": line, "character": character });
            for method in [
                "textDocument/hover",
                "textDocument/definition",
                "textDocument/references",
                "textDocument/completion",
            ] {
                request(
                    &mut server,
                    method,
                    json!({ "textDocument": doc, "position": position }),
                );
            }
        }
    }
    let whole =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": lines, "character": 0 } });
    for method in ["textDocument/documentSymbol", "textDocument/formatting"] {
        request(&mut server, method, json!({ "textDocument": doc }));
    }
    let response = request(
        &mut server,
        "textDocument/codeAction",
        json!({ "textDocument": doc, "range": whole, "context": { "diagnostics": [] } }),
    );
    assert!(response.response_result.is_ok(), "{response:?}");
}

#[test]
fn every_saved_input_passes_the_checks_of_its_target() {
    for (path, bytes) in inputs("parse").into_iter().chain(inputs("check")) {
        eprintln!("{}", path.display());
        check_bytes(&bytes);
    }
    for (path, bytes) in inputs("fmt_roundtrip") {
        eprintln!("{}", path.display());
        format_round_trip(&String::from_utf8_lossy(&bytes));
    }
    for (path, bytes) in inputs("lsp") {
        eprintln!("{}", path.display());
        lsp_requests_everywhere(&String::from_utf8_lossy(&bytes));
    }
}

/// A file of whitespace only that starts with a byte order mark (`EF BB BF`, which the
/// grammar skips as whitespace): E004 labelled the first byte, inside the mark.
#[test]
fn a_file_that_is_only_a_byte_order_mark_gets_e004_on_the_whole_mark() {
    let bytes = input("parse", "bom-only.treaty");
    let report = check_bytes(&bytes);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].code, "E004");
    assert_eq!(
        report.diagnostics[0].labels[0].span,
        source::Span::new(0, 3)
    );
}

/// A clause whose last character is multi-byte and that is cut short (here `consult`
/// then a byte order mark): E001 pointed at the last byte of the clause, inside the
/// character. Found by the `parse` target as `crash-36efadd9…` (a trigger header ending
/// in a byte order mark); `clause-ends-in-bom.treaty` is the same bug, minimised.
#[test]
fn a_clause_ending_in_a_multibyte_character_is_labelled_on_the_whole_character() {
    for name in [
        "clause-ends-in-bom.treaty",
        "crash-36efadd9f18e9303f5da5376e8f393fb0c1b1ddd",
    ] {
        let bytes = input("parse", name);
        let report = check_bytes(&bytes);
        assert!(
            report.diagnostics.iter().any(|d| d.code == "E001"),
            "{name}"
        );
    }
    let bytes = input("parse", "clause-ends-in-bom.treaty");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let parsed = treaty::syntax::parse(&text);
    let bom = text.find('\u{feff}').expect("a byte order mark");
    let label = &parsed.diagnostics[0].labels[0];
    assert_eq!(label.span, source::Span::new(bom, bom + 3), "{label:?}");
}

/// The same span sliced the language server's text in `codeAction` and panicked the
/// server (a request over the whole document is enough).
#[test]
fn code_actions_on_a_clause_ending_in_a_multibyte_character_do_not_panic() {
    let bytes = input("parse", "clause-ends-in-bom.treaty");
    let text = String::from_utf8(bytes).expect("UTF-8");
    lsp_requests_everywhere(&text);
}
