//! Inputs the fuzz targets in `fuzz/` found (docs/robustness.md), kept so the bugs stay
//! fixed without a fuzzer. `tests/fuzz-regressions/<target>/` holds the inputs, one file
//! each, as the target received them; every one is run through the checks of its target
//! here, and the named tests below say what each bug was.

use std::io::Read;
use std::path::{Path, PathBuf};

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use treaty::analysis::{self, model_of, FileReport, Settings};
use treaty::diagnostics::Diagnostic;
use treaty::fmt::{format_text, FormatError};
use treaty::lsp::{serve, Outgoing, Server};
use treaty::output::human::{self, HumanStyle};
use treaty::source::{self, Loaded};

fn dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target)
}

/// The files of `folder`, sorted, with their bytes; a missing folder fails the test.
fn files_in(folder: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let entries = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", folder.display()));
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

/// The saved inputs of a target; a missing or empty folder fails the test.
fn inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let files = files_in(&dir(target));
    assert!(
        !files.is_empty(),
        "tests/fuzz-regressions/{target}/ holds no input"
    );
    files
}

/// The targets in `fuzz/fuzz_targets/`, by file name.
fn targets() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/fuzz_targets");
    let mut names: Vec<String> = files_in(&folder)
        .into_iter()
        .filter_map(|(path, _)| {
            let name = path.file_name()?.to_str()?.strip_suffix(".rs")?;
            Some(name.to_string())
        })
        .collect();
    names.sort();
    names
}

/// Runs `bytes` through the checks of `target`.
fn run_target(target: &str, bytes: &[u8]) {
    match target {
        "parse" | "check" => {
            check_bytes(bytes);
        }
        "fmt_roundtrip" => format_round_trip(&String::from_utf8_lossy(bytes)),
        "lsp" => lsp_input(bytes),
        "pieces" => pieces_agree(bytes),
        other => panic!("no checks for the fuzz target `{other}`: add them here"),
    }
}

/// The checks of the `pieces` target: a parse in the smallest pieces gives the tree and
/// the diagnostics of one parse of the whole text.
fn pieces_agree(bytes: &[u8]) {
    use treaty::syntax::{parse_in_pieces, Parsed};
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let parsed_with = |piece_bytes: usize| {
        let mut whole = Parsed::default();
        parse_in_pieces(text, piece_bytes, |piece| whole.append(piece));
        whole
    };
    let at_once = parsed_with(usize::MAX);
    if at_once
        .diagnostics
        .iter()
        .any(|d| d.message.starts_with("the parser"))
    {
        return;
    }
    assert!(parsed_with(1) == at_once, "pieces differ from one parse");
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
        Outgoing::Message(Message::Response(response)) => response,
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

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

/// The `initialize` and `didOpen` frames every served input comes after.
fn prelude() -> Vec<u8> {
    let mut stream = frame(
        json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize", "params": { "capabilities": {} } })
            .to_string()
            .as_bytes(),
    );
    stream.extend(frame(
        json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": {
            "uri": "untitled:fuzz", "languageId": "treaty", "version": 1, "text": "treaty t {\n}\n" } } })
        .to_string()
        .as_bytes(),
    ));
    stream
}

/// Serve `input` after the prelude; returns the exit code and what the server wrote.
fn serve_reader(input: impl std::io::Read) -> (i32, Vec<u8>) {
    let mut input = std::io::BufReader::new(std::io::Cursor::new(prelude()).chain(input));
    let mut output = Vec::new();
    let code = serve(&mut input, &mut output).expect("no I/O error");
    (code, output)
}

fn serve_after_open(bytes: &[u8]) -> (i32, Vec<u8>) {
    serve_reader(bytes)
}

/// What the `lsp` target does with an input, by its first byte (see its comments).
fn lsp_input(bytes: &[u8]) {
    match bytes.first() {
        Some(b'C') => {
            serve_after_open(bytes);
        }
        Some(b'{') | Some(b'[') => {
            let framed: Vec<u8> = bytes.split(|&b| b == b'\n').flat_map(frame).collect();
            serve_after_open(&framed);
        }
        _ => lsp_requests_everywhere(&String::from_utf8_lossy(bytes)),
    }
}

#[test]
fn every_fuzz_target_has_a_folder_of_saved_inputs() {
    let targets = targets();
    assert_eq!(
        targets,
        ["check", "fmt_roundtrip", "lsp", "parse", "pieces"],
        "fuzz/fuzz_targets/"
    );
    for target in &targets {
        assert!(!inputs(target).is_empty(), "{target}");
    }
}

#[test]
fn every_saved_input_passes_the_checks_of_its_target() {
    for target in targets() {
        for (path, bytes) in inputs(&target) {
            eprintln!("{}", path.display());
            run_target(&target, &bytes);
        }
    }
}

/// The seed corpus of every target (`fuzz/corpus/<target>/`, written by
/// `examples/fuzz_seeds.rs`) passes the same checks, without a fuzzer.
#[test]
fn the_seed_corpus_passes_the_checks_of_its_target() {
    let mut replayed = 0;
    for target in targets() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz/corpus")
            .join(&target);
        let seeds = files_in(&folder);
        assert!(!seeds.is_empty(), "fuzz/corpus/{target}/ holds no seed");
        for (path, bytes) in seeds {
            eprintln!("{}", path.display());
            run_target(&target, &bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 110, "only {replayed} seeds");
}

/// Numbers past what a period or an amount can hold overflowed (a panic with overflow
/// checks on, `tests/numeric.rs`); each is E105 on its clause now.
#[test]
fn numeric_overflows_are_e105() {
    for name in [
        "withdrawal-notice-715827883-years.treaty",
        "duration-u32-max-years.treaty",
        "deadline-u32-max-years.treaty",
        "amount-300-digits.treaty",
    ] {
        let report = check_bytes(&input("check", name));
        let errors: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.code)
            .filter(|c| c.starts_with('E'))
            .collect();
        assert_eq!(errors, ["E105"], "{name}");
    }
}

/// The case `tests/fmt.proptest-regressions` keeps (a title, then a trigger whose first
/// clause is on its brace line): it formats, the output formats to itself and means the
/// same.
#[test]
fn a_clause_on_a_trigger_brace_line_round_trips() {
    let bytes = input(
        "fmt_roundtrip",
        "proptest-title-then-clause-on-trigger-brace-line.treaty",
    );
    let text = String::from_utf8(bytes).expect("UTF-8");
    let once = format_text(&text).expect("it formats");
    assert!(
        once.contains("  trigger armed-attack by RU against UA {\n    consult"),
        "{once}"
    );
    format_round_trip(&text);
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

/// A `Content-Length` header is all it took: `lsp-server`'s reader allocates the
/// announced length before reading the body, so 9,999,999,999,999,999,999 panicked with
/// a capacity overflow and 1,000,000,000,000 aborted the server on a failed 1 TB
/// allocation. The body is now read as it arrives, and a message over the limit is
/// skipped and answered with a parse error.
#[test]
fn a_huge_content_length_is_not_allocated_up_front() {
    for name in ["content-length-overflow.lsp", "content-length-terabyte.lsp"] {
        let bytes = input("lsp", name);
        let (code, _) = serve_after_open(&bytes);
        assert_eq!(code, 1, "{name}: the input ends inside the announced body");
    }
    // Over the limit, with the body really there: skipped, answered, and the server
    // reads the next message.
    let limit = treaty::lsp::MAX_MESSAGE_BYTES;
    let header = format!("Content-Length: {}\r\n\r\n", limit + 1).into_bytes();
    let mut next = frame(br#"{"jsonrpc":"2.0","id":7,"method":"shutdown"}"#);
    next.extend(frame(br#"{"jsonrpc":"2.0","method":"exit"}"#));
    let body = std::io::repeat(b' ').take(limit + 1);
    let (code, output) = serve_reader(header.as_slice().chain(body).chain(next.as_slice()));
    let output = String::from_utf8(output).expect("UTF-8");
    assert!(
        output.contains("-32700"),
        "a parse error for the skipped message"
    );
    assert!(output.contains(r#""id":7"#), "the next message is answered");
    assert_eq!(code, 0);
}

/// A header line without an end is not read into memory whole.
#[test]
fn a_header_line_without_an_end_is_malformed() {
    let mut stream = b"Content-Length: 2".to_vec();
    stream.extend(std::iter::repeat_n(b'0', 100_000));
    let (code, output) = serve_after_open(&stream);
    assert_eq!(code, 1);
    assert!(String::from_utf8_lossy(&output).contains("-32700"));
}
