//! `treaty lsp`'s loop with checks and requests off it (`lsp::serve_concurrently`,
//! issue 16 item 6): the newest version wins, a request about one document is answered
//! while another is checked, a cancelled request is answered -32800, keystrokes never
//! queue more than one check, and a publication repeats nothing. Driven in process
//! through channels, as a client would over a pipe; checks are counted, never timed.

use std::io::{self, Read, Write};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

use serde_json::{json, Value};
use treaty::analysis;
use treaty::lsp::{serve_concurrently, Served};
use treaty::source::SourceFile;

/// The client's end of the pipe into the server.
struct Input {
    chunks: Receiver<Vec<u8>>,
    buffer: Vec<u8>,
}

impl Read for Input {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if self.buffer.is_empty() {
            match self.chunks.recv() {
                Ok(chunk) => self.buffer = chunk,
                // The client closed its end.
                Err(_) => return Ok(0),
            }
        }
        let n = self.buffer.len().min(out.len());
        out[..n].copy_from_slice(&self.buffer[..n]);
        self.buffer.drain(..n);
        Ok(n)
    }
}

/// The server's end of the pipe out: each message as it is written.
struct Output(Sender<Vec<u8>>);

impl Write for Output {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let _ = self.0.send(bytes.to_vec());
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Client {
    send: Option<Sender<Vec<u8>>>,
    received: Receiver<Vec<u8>>,
    bytes: Vec<u8>,
    server: Option<std::thread::JoinHandle<Served>>,
}

impl Client {
    fn start() -> Client {
        let (send, chunks) = mpsc::channel();
        let (written, received) = mpsc::channel();
        let server = std::thread::spawn(move || {
            let input = Input {
                chunks,
                buffer: Vec::new(),
            };
            serve_concurrently(input, &mut Output(written)).expect("no I/O error")
        });
        let mut client = Client {
            send: Some(send),
            received,
            bytes: Vec::new(),
            server: Some(server),
        };
        client.send(json!({ "jsonrpc": "2.0", "id": 0, "method": "initialize",
            "params": { "capabilities": { "general": { "positionEncodings": ["utf-8"] } } } }));
        assert_eq!(client.receive()["id"], 0, "initialized");
        client
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{body}", body.len());
        self.send
            .as_ref()
            .expect("open")
            .send(frame.into_bytes())
            .expect("the server reads");
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.send(
            json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.send(json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] } }));
    }

    /// The next message the server wrote (waiting as long as a slow debug build needs).
    fn receive(&mut self) -> Value {
        loop {
            if let Some(end) = find(&self.bytes, b"\r\n\r\n") {
                let header = std::str::from_utf8(&self.bytes[..end]).expect("ASCII header");
                let length: usize = header
                    .trim_start_matches("Content-Length: ")
                    .parse()
                    .expect("a length");
                if self.bytes.len() >= end + 4 + length {
                    let body: Vec<u8> =
                        self.bytes.drain(..end + 4 + length).skip(end + 4).collect();
                    return serde_json::from_slice(&body).expect("JSON");
                }
            }
            let chunk = self
                .received
                .recv_timeout(Duration::from_secs(120))
                .expect("the server answers");
            self.bytes.extend(chunk);
        }
    }

    /// Close the input; the server finishes what runs, writes it and returns.
    fn finish(mut self) -> (Vec<Value>, Served) {
        self.send = None;
        let server = self.server.take().expect("running");
        let served = server.join().expect("the server ends");
        let mut rest = Vec::new();
        while let Ok(chunk) = self.received.try_recv() {
            self.bytes.extend(chunk);
        }
        while !self.bytes.is_empty() {
            rest.push(self.receive());
        }
        (rest, served)
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The bundled treaties, `copies` times over with renamed treaties: a document whose
/// check takes far longer than answering a request about a small one.
fn large(copies: usize) -> String {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/treaties");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the bundled treaties")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "treaty"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for copy in 0..copies {
        for path in &paths {
            let treaty = std::fs::read_to_string(path).expect("a bundled treaty");
            for line in treaty.lines() {
                match line.strip_prefix("treaty ") {
                    Some(rest) => {
                        let (name, after) = rest.split_once(' ').unwrap_or((rest, ""));
                        text.push_str(&format!("treaty {name}_{copy} {after}\n"));
                    }
                    None => {
                        text.push_str(line);
                        text.push('\n');
                    }
                }
            }
            text.push('\n');
        }
    }
    text
}

const SMALL: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n}\n";

fn codes(diagnostics: &Value) -> Vec<String> {
    diagnostics
        .as_array()
        .expect("an array")
        .iter()
        .map(|d| d["code"].as_str().expect("a code").to_string())
        .collect()
}

fn expected_codes(uri: &str, text: &str) -> Vec<String> {
    let report = analysis::check(SourceFile::new(uri, text), &analysis::Settings::default());
    report
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

/// Versions sent faster than they are checked: the publications go up in version, the
/// last is of the newest text, and what it says is a check of that text.
#[test]
fn the_newest_version_wins() {
    let uri = "untitled:large.treaty";
    let text = large(4);
    let mut client = Client::start();
    client.open(uri, &text);
    let mut newest = text.clone();
    for version in 2..=6 {
        newest = text.replacen("provide ", &format!("provide{version} "), version as usize);
        client.change(uri, version, &newest);
    }
    let (messages, served) = client.finish();
    let versions: Vec<i64> = messages
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .map(|m| m["params"]["version"].as_i64().expect("a version"))
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "never an older version after a newer one: {versions:?}"
    );
    assert_eq!(versions.last(), Some(&6), "{versions:?}");
    let last = messages
        .iter()
        .rfind(|m| m["method"] == "textDocument/publishDiagnostics")
        .expect("a publication");
    assert_eq!(
        codes(&last["params"]["diagnostics"]),
        expected_codes(uri, &newest)
    );
    assert!(served.counts.checks <= 6, "{:?}", served.counts);
    assert_eq!(
        served.counts.checks - served.counts.superseded,
        versions.len(),
        "every check not superseded is published: {:?}",
        served.counts
    );
}

/// While a large document is checked, a request about a small one is answered; a
/// request about the large one waits for its check, and cancelled there it is
/// answered -32800 at once, once.
#[test]
fn a_request_is_answered_while_another_document_is_checked() {
    let (big, small) = ("untitled:big.treaty", "untitled:small.treaty");
    let mut client = Client::start();
    client.open(small, SMALL);
    let first = client.receive();
    assert_eq!(first["params"]["uri"], small);
    client.open(big, &large(12));
    client.send(
        json!({ "jsonrpc": "2.0", "id": 7, "method": "textDocument/hover", "params": {
        "textDocument": { "uri": big }, "position": { "line": 0, "character": 0 } } }),
    );
    client.send(json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": 7 } }));
    client.send(
        json!({ "jsonrpc": "2.0", "id": 8, "method": "textDocument/documentSymbol", "params": {
        "textDocument": { "uri": small } } }),
    );
    let mut order = Vec::new();
    for _ in 0..3 {
        let message = client.receive();
        order.push(match (&message["id"], &message["params"]["uri"]) {
            (Value::Number(id), _) if id.as_i64() == Some(7) => {
                assert_eq!(message["error"]["code"], -32800, "{message}");
                "cancelled hover"
            }
            (Value::Number(id), _) if id.as_i64() == Some(8) => {
                let names: Vec<&str> = message["result"]
                    .as_array()
                    .expect("symbols")
                    .iter()
                    .filter_map(|s| s["name"].as_str())
                    .collect();
                assert!(names.contains(&"t"), "{message}");
                "symbols of the small one"
            }
            (_, uri) if uri == big => "the large one's diagnostics",
            _ => panic!("unexpected: {message}"),
        });
    }
    assert_eq!(
        order.last(),
        Some(&"the large one's diagnostics"),
        "answered before the check of the large document ended: {order:?}"
    );
    let (rest, served) = client.finish();
    assert!(
        rest.iter().all(|m| m["id"] != 7),
        "no second answer to the cancelled request: {rest:?}"
    );
    assert_eq!(served.counts.cancelled, 1);
}

/// A request already running on its thread (formatting a 22,000-line document, a
/// tenth of a second and more in a debug build)
/// and then cancelled is answered -32800 at once, and its own answer never follows.
#[test]
fn a_running_request_cancelled_is_answered_at_once() {
    let (big, small) = ("untitled:big.treaty", "untitled:small.treaty");
    let mut client = Client::start();
    client.open(small, SMALL);
    assert_eq!(client.receive()["params"]["uri"], small);
    client.open(big, &large(20));
    assert_eq!(client.receive()["params"]["uri"], big);
    client.send(
        json!({ "jsonrpc": "2.0", "id": 9, "method": "textDocument/formatting",
        "params": { "textDocument": { "uri": big } } }),
    );
    // Once the small document's answer is back, the loop has started the large request.
    client.send(
        json!({ "jsonrpc": "2.0", "id": 10, "method": "textDocument/documentSymbol",
        "params": { "textDocument": { "uri": small } } }),
    );
    let symbols = client.receive();
    assert_eq!(symbols["id"], 10, "{symbols}");
    client.send(json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": 9 } }));
    let cancelled = client.receive();
    assert_eq!(cancelled["id"], 9, "{cancelled}");
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    let (rest, served) = client.finish();
    assert!(
        rest.iter().all(|m| m["id"] != 9),
        "the late answer is dropped: {rest:?}"
    );
    assert_eq!(served.counts.cancelled, 1);
}

/// Twelve keystrokes 30 ms apart into a 5,000-line document: never more than one check
/// queued behind the running one, and the last publication is of the last keystroke.
#[test]
fn twelve_keystrokes_never_queue_more_than_one_check() {
    let uri = "untitled:five-thousand.treaty";
    let mut text = large(5);
    assert!(text.lines().count() >= 5000);
    let mut client = Client::start();
    client.open(uri, &text);
    assert_eq!(client.receive()["params"]["version"], 1);
    let line = text
        .lines()
        .position(|l| l.starts_with("  title "))
        .expect("a title");
    let column = "  title \"".len();
    let offset: usize = text.lines().take(line).map(|l| l.len() + 1).sum::<usize>() + column;
    for (i, typed) in "Draft copy: ".chars().enumerate() {
        let at = json!({ "line": line, "character": column + i });
        client.send(json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": { "uri": uri, "version": 2 + i },
            "contentChanges": [{ "range": { "start": at, "end": at }, "text": typed.to_string() }] } }));
        std::thread::sleep(Duration::from_millis(30));
    }
    text.insert_str(offset, "Draft copy: ");
    let (messages, served) = client.finish();
    assert!(served.counts.most_queued <= 1, "{:?}", served.counts);
    assert!(served.counts.checks <= 13, "{:?}", served.counts);
    let publications: Vec<&Value> = messages
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    let last = publications.last().expect("a publication");
    assert_eq!(last["params"]["version"], 13);
    assert_eq!(
        codes(&last["params"]["diagnostics"]),
        expected_codes(uri, &text)
    );
}

/// A publication carries no field that repeats another: no `data` (the rule's summary
/// is in the message, its name in the code and its link), no empty related list.
#[test]
fn a_publication_repeats_nothing() {
    let uri = "untitled:large.treaty";
    let mut client = Client::start();
    client.open(uri, &large(1));
    let published = client.receive();
    let diagnostics = published["params"]["diagnostics"]
        .as_array()
        .expect("an array");
    assert!(diagnostics.len() > 100);
    for diagnostic in diagnostics {
        assert!(diagnostic.get("data").is_none(), "{diagnostic}");
        if let Some(related) = diagnostic.get("relatedInformation") {
            assert!(
                !related.as_array().expect("a list").is_empty(),
                "{diagnostic}"
            );
        }
        assert!(
            diagnostic["codeDescription"]["href"].is_string() || diagnostic["code"].is_string()
        );
    }
    client.finish();
}

/// A soft treaty with many changes to try and none that lifts it, after a long file: it takes content from a pact (`incorporate`), so each try of the next-tier
/// search reads the whole file again. Its header is on the line returned.
fn hard_to_lift(filler: &str) -> (String, usize) {
    let mut text = filler.to_string();
    text.push_str("treaty pact {\n  form treaty\n  status signed\n  members P, Q\n  consult each member\n}\n\n");
    let header = text.lines().count();
    text.push_str("treaty lift {\n  form declaration\n  status signed\n  party UK guarantor\n  party UA beneficiary\n  incorporate pact\n");
    // More hedged clauses than the search takes changes (`MAX_CANDIDATES`): the change
    // of form is never among them, so no combination lifts the declaration, and the
    // search tries every one.
    for i in 0..12 {
        text.push_str(&format!(
            "  consult UK, UA\n    aspirational\n    source \"para {i}\"\n"
        ));
    }
    text.push_str("}\n");
    (text, header)
}

/// A hover whose next-tier search is long, cancelled once it runs: answered -32800,
/// and the search stops early, having tried fewer combinations than the whole search
/// (run here to count them) tries.
#[test]
fn a_cancelled_hover_stops_its_next_tier_search() {
    let (uri, small) = ("untitled:lift.treaty", "untitled:small.treaty");
    // Half the bundled treaties: each try reads them all, and stays short of a second.
    let bundled = large(1);
    let blocks: Vec<&str> = bundled.split_inclusive("}\n\n").collect();
    let (text, header) = hard_to_lift(&blocks[..blocks.len() / 2].concat());
    let model = treaty::model::model_of(&text).0;
    let lift = model
        .treaties
        .iter()
        .find(|t| t.id == "lift")
        .expect("the treaty");
    let whole = treaty::uplift::paths_until(
        &text,
        uri,
        lift.header_span,
        &*analysis::Settings::default().loader,
        &treaty::cancel::Cancel::never(),
    );
    assert!(!whole.cancelled);
    assert!(whole.tries >= 500, "a long search: {} tries", whole.tries);
    let mut client = Client::start();
    client.open(small, SMALL);
    assert_eq!(client.receive()["params"]["uri"], small);
    client.open(uri, &text);
    assert_eq!(client.receive()["params"]["uri"], uri);
    client.send(
        json!({ "jsonrpc": "2.0", "id": 11, "method": "textDocument/hover", "params": {
        "textDocument": { "uri": uri }, "position": { "line": header, "character": 8 } } }),
    );
    // Once the small document's answer is back, the loop has started the hover.
    client.send(
        json!({ "jsonrpc": "2.0", "id": 12, "method": "textDocument/documentSymbol",
        "params": { "textDocument": { "uri": small } } }),
    );
    assert_eq!(client.receive()["id"], 12);
    client.send(json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": 11 } }));
    let cancelled = client.receive();
    assert_eq!(cancelled["id"], 11, "{cancelled}");
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    // The same hover, not cancelled: its whole search is counted too.
    client.send(
        json!({ "jsonrpc": "2.0", "id": 13, "method": "textDocument/hover", "params": {
        "textDocument": { "uri": uri }, "position": { "line": header, "character": 8 } } }),
    );
    let answered = client.receive();
    assert_eq!(answered["id"], 13, "{answered}");
    let hover = answered["result"]["contents"]["value"]
        .as_str()
        .expect("a hover");
    assert!(hover.contains("treaty lift"), "{hover}");
    let (rest, served) = client.finish();
    assert!(rest.iter().all(|m| m["id"] != 11), "{rest:?}");
    // The cancelled request's thread reported back before the server ended.
    assert_eq!(served.counts.stopped, 1, "{:?}", served.counts);
    assert_eq!(served.counts.cancelled, 1, "{:?}", served.counts);
    let cancelled_tries = served.counts.next_tier_tries.checked_sub(whole.tries);
    assert!(
        cancelled_tries.is_some_and(|tries| tries < whole.tries),
        "the cancelled search stopped early: {:?} of {} tries",
        cancelled_tries,
        whole.tries
    );
}

/// `workspace/symbol` over a folder of 120 open documents runs off the loop: while it
/// is held reading a named pipe (the first `.treaty` file of the folder), a request
/// about a document is answered, and a cancel is answered -32800. Let go, it stops
/// instead of reading the other 120 files.
#[cfg(unix)]
#[test]
fn workspace_symbols_are_answered_off_the_loop_and_cancelled() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let folder = dir.path().canonicalize().expect("the folder's path");
    let mut client = Client::start();
    let documents = 120;
    for i in 0..documents {
        let path = folder.join(format!("doc-{i:03}.treaty"));
        let text = SMALL.replace("treaty t ", &format!("treaty t{i} "));
        std::fs::write(&path, &text).expect("written");
        client.open(&format!("file://{}", path.display()), &text);
    }
    for _ in 0..documents {
        assert_eq!(
            client.receive()["method"],
            "textDocument/publishDiagnostics"
        );
    }
    // Answered from the documents as the editor has them: t1, t10 to t19, t100 to t119.
    client.send(
        json!({ "jsonrpc": "2.0", "id": 19, "method": "workspace/symbol",
        "params": { "query": "t1" } }),
    );
    let answered = client.receive();
    assert_eq!(answered["id"], 19, "{answered}");
    let treaties = answered["result"]
        .as_array()
        .expect("symbols")
        .iter()
        .filter(|s| s["containerName"].is_null())
        .count();
    assert_eq!(treaties, 31, "{answered}");
    let pipe = folder.join("000-pipe.treaty");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let first = format!("file://{}", folder.join("doc-000.treaty").display());
    client.send(
        json!({ "jsonrpc": "2.0", "id": 20, "method": "workspace/symbol",
        "params": { "query": "t1" } }),
    );
    client.send(
        json!({ "jsonrpc": "2.0", "id": 21, "method": "textDocument/documentSymbol",
        "params": { "textDocument": { "uri": first } } }),
    );
    // Until the pipe is written, the symbols cannot be answered: this answer comes
    // first unless they block the loop.
    let symbols = client.receive();
    assert_eq!(symbols["id"], 21, "{symbols}");
    client.send(json!({ "jsonrpc": "2.0", "method": "$/cancelRequest", "params": { "id": 20 } }));
    let cancelled = client.receive();
    assert_eq!(cancelled["id"], 20, "{cancelled}");
    assert_eq!(cancelled["error"]["code"], -32800, "{cancelled}");
    // Let the search go, if it reached the pipe before the cancel (else it never opens
    // it): a writer's open without waiting succeeds only once a reader has it open.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (pipe, done) = (pipe.clone(), done.clone());
        std::thread::spawn(move || {
            use std::os::unix::fs::OpenOptionsExt;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                let opened = std::fs::OpenOptions::new()
                    .write(true)
                    .custom_flags(libc::O_NONBLOCK)
                    .open(&pipe);
                if let Ok(mut file) = opened {
                    file.write_all(b"treaty piped {\n}\n").expect("written");
                    return true;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            false
        })
    };
    let (rest, served) = client.finish();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let pipe_read = writer.join().expect("the writer ends");
    assert!(rest.iter().all(|m| m["id"] != 20), "{rest:?}");
    assert_eq!(served.counts.stopped, 1, "{:?}", served.counts);
    // The first search read every document; the cancelled one no more than the pipe.
    assert_eq!(
        served.counts.workspace_files,
        documents + usize::from(pipe_read),
        "{:?}",
        served.counts
    );
}
