//! `treaty lsp` spoken to over stdio as an editor would: JSON-RPC frames to the real
//! binary, answers read back and checked against the library's own results.

use std::io::Write;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

#[path = "support/lsp_frames.rs"]
mod lsp_frames;

use lsp_frames::read_frames;
use serde_json::{json, Value};
use treaty::analysis;
use treaty::source::SourceFile;

const URI: &str = "file:///drafts/ukraine.treaty";

const TEXT: &str = "treaty ua_test {
  title \"Угода про безпеку між Україною та Сполученим Королівством\"
  form political
  party Україна \"Україна\" beneficiary
  party UK \"United Kingdom\" guarantor

  trigger armed-attack against Україна {
    consult UK, Україна
    provide UK -> Україна militray-aid
  }
}
";

struct Client {
    child: Child,
    input: ChildStdin,
    /// Messages read from the server's stdout by a reader thread, so that a hung server
    /// fails the test after [`TIMEOUT`] instead of blocking it.
    output: Receiver<Result<Value, String>>,
    next_id: i64,
}

/// How long the client waits for one message; a guard, not a timing assertion.
const TIMEOUT: Duration = Duration::from_secs(60);

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let input = child.stdin.take().expect("stdin");
        let stdout = child.stdout.take().expect("stdout");
        let (send, output) = mpsc::channel();
        std::thread::spawn(move || read_frames(stdout, send));
        Client {
            child,
            input,
            output,
            next_id: 1,
        }
    }

    fn send_raw(&mut self, body: &str) {
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("send");
        self.input.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        self.send_raw(&message.to_string());
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    fn receive(&mut self) -> Value {
        match self.output.recv_timeout(TIMEOUT) {
            Ok(Ok(message)) => message,
            Ok(Err(why)) => panic!("{why}"),
            Err(_) => {
                let _ = self.child.kill();
                panic!("no message from the server within {TIMEOUT:?}");
            }
        }
    }

    /// Send a request; return its response, collecting notifications that came first.
    fn request(&mut self, method: &str, params: Value) -> (Value, Vec<Value>) {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let mut notifications = Vec::new();
        loop {
            let message = self.receive();
            if message.get("id") == Some(&json!(id)) {
                return (message, notifications);
            }
            notifications.push(message);
        }
    }

    fn result(&mut self, method: &str, params: Value) -> Value {
        let (response, _) = self.request(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    fn diagnostics(&mut self) -> Value {
        let message = self.receive();
        assert_eq!(
            message["method"], "textDocument/publishDiagnostics",
            "{message}"
        );
        assert_eq!(message["params"]["uri"], URI);
        message["params"]["diagnostics"].clone()
    }

    fn initialize(&mut self, encodings: Value) -> Value {
        let result = self.result(
            "initialize",
            json!({ "capabilities": { "general": { "positionEncodings": encodings } } }),
        );
        self.notify("initialized", json!({}));
        result
    }

    fn open(&mut self, text: &str) -> Value {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "treaty", "version": 1, "text": text } }),
        );
        self.diagnostics()
    }

    fn finish(mut self) {
        let result = self.result("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let started = std::time::Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the server is waited for") {
                break status;
            }
            if started.elapsed() > TIMEOUT {
                let _ = self.child.kill();
                panic!("the server did not exit within {TIMEOUT:?} of `exit`");
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        assert_eq!(status.code(), Some(0));
    }
}

/// `(line, character)` of a byte offset, counted the LSP way (UTF-16 unless `utf8`).
fn lsp_position(text: &str, offset: usize, utf8: bool) -> Value {
    let before = &text[..offset];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let character: usize = if utf8 {
        offset - line_start
    } else {
        before[line_start..].chars().map(char::len_utf16).sum()
    };
    json!({ "line": line, "character": character })
}

fn nth_offset(text: &str, needle: &str, n: usize) -> usize {
    text.match_indices(needle).nth(n).expect("needle present").0
}

fn at(needle: &str, n: usize) -> Value {
    json!({ "textDocument": { "uri": URI }, "position": lsp_position(TEXT, nth_offset(TEXT, needle, n), false) })
}

fn range_of(text: &str, start: usize, end: usize, utf8: bool) -> Value {
    json!({ "start": lsp_position(text, start, utf8), "end": lsp_position(text, end, utf8) })
}

#[test]
fn a_whole_editing_session() {
    let mut client = Client::start();
    let capabilities = client.initialize(json!(["utf-16"]));
    assert_eq!(capabilities["capabilities"]["positionEncoding"], "utf-16");

    // didOpen -> exactly the diagnostics of `treaty check`, with UTF-16 ranges.
    let published = client.open(TEXT);
    let report = analysis::check(SourceFile::new(URI, TEXT), &analysis::Settings::default());
    assert!(!report.diagnostics.is_empty());
    assert_eq!(
        published.as_array().map(Vec::len),
        Some(report.diagnostics.len())
    );
    for (lsp, ours) in published
        .as_array()
        .expect("array")
        .iter()
        .zip(&report.diagnostics)
    {
        assert_eq!(lsp["code"], ours.code);
        assert_eq!(lsp["message"], ours.message);
        let severity = match ours.severity {
            treaty::diagnostics::Severity::Error => 1,
            treaty::diagnostics::Severity::Warning => 2,
            treaty::diagnostics::Severity::Advice => 3,
        };
        assert_eq!(lsp["severity"], severity);
        let span = ours.primary_span().unwrap_or_default();
        assert_eq!(lsp["range"], range_of(TEXT, span.start, span.end, false));
    }
    let typo = nth_offset(TEXT, "militray-aid", 0);
    let typo_range = range_of(TEXT, typo, typo + "militray-aid".len(), false);
    assert!(
        published
            .as_array()
            .expect("array")
            .iter()
            .any(|d| d["range"] == typo_range),
        "the misspelt kind is flagged exactly where it is: {published}"
    );

    // Hover on a party named in Cyrillic: its full name and role.
    let hover = client.result("textDocument/hover", at("Україна", 3));
    let shown = hover["contents"]["value"].as_str().expect("markdown");
    assert!(
        shown.contains("party Україна") && shown.contains("beneficiary"),
        "{shown}"
    );
    let use_site = nth_offset(TEXT, "Україна", 3);
    assert_eq!(
        hover["range"],
        range_of(TEXT, use_site, use_site + "Україна".len(), false)
    );

    // Hover on a keyword, and on the treaty header (tier and reasons).
    let hover = client.result("textDocument/hover", at("consult", 0));
    assert!(hover["contents"]["value"]
        .as_str()
        .expect("md")
        .contains("a duty to consult"));
    let hover = client.result("textDocument/hover", at("political", 0));
    let shown = hover["contents"]["value"].as_str().expect("md").to_string();
    assert!(shown.contains("**political** (legal form)"), "{shown}");
    let hover = client.result("textDocument/hover", at("ua_test", 0));
    let shown = hover["contents"]["value"].as_str().expect("md").to_string();
    // The tier as check writes it, provisional when a clause was unreadable (this
    // text's misspelt `militray-aid` is).
    let tier = report.treaties[0].tier.tier.as_str();
    let tier = match treaty::output::json::provisional_text(&report.source, &report.treaties[0]) {
        Some(provisional) => format!("{tier}, {provisional}"),
        None => tier.to_string(),
    };
    assert!(shown.contains(&format!("tier **{tier}**")), "{shown}");
    for reason in &report.treaties[0].tier.reasons {
        assert!(shown.contains(&reason.text), "{shown}");
    }
    // Below hard: what moves it up, as `check` computes it.
    let paths = treaty::uplift::paths(
        TEXT,
        URI,
        report.treaties[0].header_span,
        &treaty::model::references::FsLoader,
    );
    assert!(
        !paths.is_empty() && paths.iter().all(|p| p.found),
        "{paths:?}"
    );
    for path in &paths {
        assert!(shown.contains(&path.heading()), "{shown}");
        for edit in &path.edits {
            assert!(shown.contains(&edit.describe()), "{shown}");
        }
    }
    assert!(shown.contains("to reach hard"), "{shown}");

    // Definition and references of a party.
    // Occurrences: 0 the declared code, 1 its full name (a string), 2-4 references.
    let declaration = nth_offset(TEXT, "Україна", 0);
    let declared = range_of(TEXT, declaration, declaration + "Україна".len(), false);
    let definition = client.result("textDocument/definition", at("Україна", 4));
    assert_eq!(definition, json!({ "uri": URI, "range": declared }));
    let mut params = at("Україна", 2);
    params["context"] = json!({ "includeDeclaration": true });
    let references = client.result("textDocument/references", params);
    let ranges: Vec<Value> = references
        .as_array()
        .expect("array")
        .iter()
        .map(|l| l["range"].clone())
        .collect();
    let expected: Vec<Value> = [0, 2, 3, 4]
        .into_iter()
        .map(|n| {
            let start = nth_offset(TEXT, "Україна", n);
            range_of(TEXT, start, start + "Україна".len(), false)
        })
        .collect();
    assert_eq!(ranges, expected);

    // Document symbols: the treaty with its parties and the trigger's obligations.
    let symbols = client.result(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(symbols[0]["name"], "ua_test");
    let children: Vec<&str> = symbols[0]["children"]
        .as_array()
        .expect("children")
        .iter()
        .filter_map(|c| c["name"].as_str())
        .collect();
    assert!(
        children.contains(&"Україна") && children.contains(&"UK"),
        "{children:?}"
    );
    let trigger = symbols[0]["children"]
        .as_array()
        .expect("children")
        .iter()
        .find(|c| c["name"].as_str().is_some_and(|n| n.starts_with("trigger")))
        .expect("a trigger symbol");
    assert_eq!(trigger["children"].as_array().map(Vec::len), Some(2));

    // Completion: obligation keywords at the start of a line in a trigger block...
    let inside = nth_offset(TEXT, "    provide", 0) + 4;
    let completion = client.result(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": lsp_position(TEXT, inside, false) }),
    );
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"consult") && labels.contains(&"assist"));
    assert!(
        !labels.contains(&"title"),
        "header keywords are not valid in a trigger"
    );
    // ...and declared parties and assistance kinds after a clause keyword.
    let after_arrow = nth_offset(TEXT, "-> ", 0) + 3;
    let completion = client.result(
        "textDocument/completion",
        json!({ "textDocument": { "uri": URI }, "position": lsp_position(TEXT, after_arrow, false) }),
    );
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"Україна") && labels.contains(&"military-aid"),
        "{labels:?}"
    );

    // Code action: the did-you-mean replacement for the misspelt kind.
    let actions = client.result(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": URI }, "range": typo_range, "context": { "diagnostics": [] } }),
    );
    let replacement = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .is_some_and(|t| t.contains("military-aid"))
        })
        .unwrap_or_else(|| panic!("a did-you-mean action: {actions}"));
    assert_eq!(
        replacement["edit"]["changes"][URI],
        json!([{ "range": typo_range, "newText": "military-aid" }])
    );

    // didChange with the typo fixed: the unknown-word diagnostic goes away.
    let fixed = TEXT.replace("militray-aid", "military-aid");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "text": fixed }] }),
    );
    let published = client.diagnostics();
    let expected = analysis::check(
        SourceFile::new(URI, fixed.clone()),
        &analysis::Settings::default(),
    );
    let codes: Vec<&str> = published
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    let expected_codes: Vec<&str> = expected.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, expected_codes);

    // The consultation has no deadline: a code action adds one.
    if let Some(gap) = expected
        .diagnostics
        .iter()
        .find(|d| d.code == "NO_CONSULTATION_DEADLINE")
    {
        let span = gap.primary_span().unwrap_or_default();
        let actions = client.result(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": range_of(&fixed, span.start, span.end, false), "context": { "diagnostics": [] } }),
        );
        let edit = actions
            .as_array()
            .expect("actions")
            .iter()
            .find(|a| a["title"].as_str().is_some_and(|t| t.contains("deadline")))
            .unwrap_or_else(|| panic!("a deadline action: {actions}"));
        let insert_at = nth_offset(&fixed, "consult UK, Україна", 0) + "consult UK, Україна".len();
        assert_eq!(
            edit["edit"]["changes"][URI][0],
            json!({ "range": range_of(&fixed, insert_at, insert_at, false), "newText": " within 24 hours" })
        );
    } else {
        panic!("expected a missing-deadline gap: {expected_codes:?}");
    }

    // Formatting: one edit whose text is `treaty fmt`'s output.
    let messy = fixed.replace("  form political", "  form      political");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": messy }] }),
    );
    client.diagnostics();
    let edits = client.result(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": { "tabSize": 2, "insertSpaces": true } }),
    );
    let formatted = treaty::fmt::format_text(&messy).expect("formats");
    assert_eq!(edits[0]["newText"], formatted);
    assert_eq!(edits[0]["range"], range_of(&messy, 0, messy.len(), false));

    client.finish();
}

#[test]
fn utf8_positions_when_the_client_offers_them() {
    let mut client = Client::start();
    let capabilities = client.initialize(json!(["utf-8", "utf-16"]));
    assert_eq!(capabilities["capabilities"]["positionEncoding"], "utf-8");
    client.open(TEXT);
    let use_site = nth_offset(TEXT, "Україна", 3);
    let hover = client.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": lsp_position(TEXT, use_site, true) }),
    );
    assert_eq!(
        hover["range"],
        range_of(TEXT, use_site, use_site + "Україна".len(), true)
    );
    client.finish();
}

#[test]
fn bad_messages_get_errors_and_the_server_keeps_serving() {
    let mut client = Client::start();
    // Before initialize: refused.
    let (response, _) = client.request("textDocument/hover", at("UK", 0));
    assert_eq!(response["error"]["code"], -32002);
    client.initialize(json!([]));

    // Not JSON at all.
    client.send_raw("{ this is not json");
    let error = client.receive();
    assert_eq!(error["error"]["code"], -32700);
    assert_eq!(error["id"], Value::Null);

    // A document that was never opened.
    let (response, _) = client.request("textDocument/hover", at("UK", 0));
    assert_eq!(response["error"]["code"], -32602);
    assert!(response["error"]["message"]
        .as_str()
        .expect("message")
        .contains("unknown document"));

    // Parameters of the wrong shape, and a method nobody implements.
    client.open(TEXT);
    let (response, _) = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI } }),
    );
    assert_eq!(response["error"]["code"], -32602);
    let (response, _) = client.request("textDocument/teleport", json!({}));
    assert_eq!(response["error"]["code"], -32601);

    // Formatting a broken file is an error, not an edit that loses text.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{ "text": "treaty x {\n  consult UK within banana\n" }] }),
    );
    let published = client.diagnostics();
    assert!(!published.as_array().expect("array").is_empty());
    let (response, _) = client.request(
        "textDocument/formatting",
        json!({ "textDocument": { "uri": URI }, "options": {} }),
    );
    assert!(response.get("error").is_some(), "{response}");

    // Still serving.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": TEXT }] }),
    );
    client.diagnostics();
    let hover = client.result("textDocument/hover", at("UK", 1));
    assert!(hover["contents"]["value"]
        .as_str()
        .expect("md")
        .contains("United Kingdom"));
    client.finish();
}

#[test]
fn incremental_edits_land_at_utf16_positions() {
    let mut client = Client::start();
    client.initialize(json!([]));
    client.open(TEXT);
    // The typo's line also holds `Україна`: a byte-counted column would miss it.
    let typo = nth_offset(TEXT, "militray-aid", 0);
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [{
                "range": range_of(TEXT, typo, typo + "militray".len(), false),
                "text": "military",
            }],
        }),
    );
    let published = client.diagnostics();
    let fixed = TEXT.replace("militray-aid", "military-aid");
    let expected = analysis::check(
        SourceFile::new(URI, fixed.clone()),
        &analysis::Settings::default(),
    );
    let codes: Vec<&str> = published
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    let expected_codes: Vec<&str> = expected.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, expected_codes);
    // The word now under the cursor is the corrected one.
    let hover = client.result(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": lsp_position(&fixed, typo + 2, false) }),
    );
    let shown = hover["contents"]["value"].as_str().expect("md").to_string();
    assert!(
        shown.contains("**military-aid** (kind of assistance)"),
        "{shown}"
    );
    client.finish();
}

#[test]
fn the_server_honours_treaty_toml_and_notices_when_it_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("treaty.toml");
    std::fs::write(&config, "[rules]\nduplicate-clause = \"error\"\n").expect("write");
    let uri = format!("file://{}/my%20draft.treaty", dir.path().display());
    let text = "treaty draft {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training\n}\n";
    let mut client = Client::start();
    client.initialize(json!([]));
    let publish = |client: &mut Client, version: i64| {
        let params = json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] });
        if version == 1 {
            client.notify(
                "textDocument/didOpen",
                json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } }),
            );
        } else {
            client.notify("textDocument/didChange", params);
        }
        let message = client.receive();
        assert_eq!(message["params"]["uri"], json!(uri));
        message["params"]["diagnostics"].clone()
    };
    let diagnostics = publish(&mut client, 1);
    let duplicate = diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "L006")
        .expect("the duplicate is reported");
    assert_eq!(
        duplicate["severity"], 1,
        "configured as an error: {duplicate}"
    );

    std::fs::write(&config, "[rules]\nduplicate-clause = \"loud\"\n").expect("write");
    // Make sure the modification time moves on coarse-grained file systems.
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
    std::fs::File::options()
        .write(true)
        .open(&config)
        .and_then(|f| f.set_modified(later))
        .expect("touch");
    let diagnostics = publish(&mut client, 2);
    assert!(
        diagnostics
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] != "C001"),
        "the configuration's problem is not put on the treaty: {diagnostics}"
    );
    let duplicate = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "L006")
        .expect("still reported, at its default level");
    assert_eq!(duplicate["severity"], 2);
    // C001 is on treaty.toml itself, at the bad value (line 1, after `duplicate-clause = `).
    let config_uri = format!("file://{}", config.display());
    let on_config = client.receive();
    assert_eq!(on_config["params"]["uri"], json!(config_uri), "{on_config}");
    let problem = &on_config["params"]["diagnostics"][0];
    assert_eq!(problem["code"], "C001", "{on_config}");
    assert!(problem["message"]
        .as_str()
        .unwrap()
        .contains("`loud` is not a level"));
    assert_eq!(problem["range"]["start"]["line"], 1, "{problem}");
    assert_eq!(
        problem["range"]["start"]["character"],
        "duplicate-clause = ".len(),
        "{problem}"
    );

    // Fixed on disk and reported by the client's file watcher: the treaty is checked
    // again with no edit, and the configuration's problem is withdrawn.
    std::fs::write(&config, "[rules]\nduplicate-clause = \"error\"\n").expect("write");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": config_uri, "type": 2 }] }),
    );
    let cleared = client.receive();
    assert_eq!(cleared["params"]["uri"], json!(config_uri), "{cleared}");
    assert_eq!(cleared["params"]["diagnostics"], json!([]));
    let again = client.receive();
    assert_eq!(again["params"]["uri"], json!(uri), "{again}");
    let duplicate = again["params"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "L006")
        .expect("reported")
        .clone();
    assert_eq!(duplicate["severity"], 1, "an error again: {duplicate}");
    client.finish();
}

/// A client that can watch files is asked to watch `treaty.toml` and treaty files.
#[test]
fn the_server_registers_file_watchers_when_the_client_can() {
    let mut client = Client::start();
    client.result(
        "initialize",
        json!({ "capabilities": { "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } } }),
    );
    client.notify("initialized", json!({}));
    let request = client.receive();
    assert_eq!(request["method"], "client/registerCapability", "{request}");
    let registration = &request["params"]["registrations"][0];
    assert_eq!(registration["method"], "workspace/didChangeWatchedFiles");
    let globs: Vec<&str> = registration["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w["globPattern"].as_str())
        .collect();
    assert_eq!(globs, ["**/treaty.toml", "**/*.treaty"]);
    let id = request["id"].clone();
    client.send(json!({ "jsonrpc": "2.0", "id": id, "result": null }));
    client.finish();
}

/// Thresholds and decision procedures: hover explains the modifier words and their
/// vocabularies; completion offers the threshold words and the votes.
#[test]
fn conditions_are_hovered_and_completed() {
    const CONDITIONS: &str = "treaty conditions {
  form treaty
  status in-force
  party US guarantor
  party UA beneficiary
  trigger armed-attack against UA threshold significant, sustained decided-by council two-thirds {
    assist US -> UA with armed-force
  }
}
";
    let here = |needle: &str| json!({ "textDocument": { "uri": URI }, "position": lsp_position(CONDITIONS, nth_offset(CONDITIONS, needle, 0) + 1, false) });
    let mut client = Client::start();
    client.initialize(json!(["utf-16"]));
    client.open(CONDITIONS);
    for (needle, expected) in [
        ("threshold", "how grave an attack must be"),
        ("significant", "**significant** (threshold)"),
        ("decided-by", "who decides on the response"),
        ("two-thirds", "**two-thirds** (vote)"),
    ] {
        let hover = client.result("textDocument/hover", here(needle));
        let shown = hover["contents"]["value"].as_str().unwrap_or_default();
        assert!(shown.contains(expected), "{needle}: {shown}");
    }
    let end_of = |needle: &str| json!({ "textDocument": { "uri": URI }, "position": lsp_position(CONDITIONS, nth_offset(CONDITIONS, needle, 0) + needle.len(), false) });
    let completion = client.result("textDocument/completion", end_of("threshold "));
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"deliberate") && labels.contains(&"state-of-war"),
        "{labels:?}"
    );
    let completion = client.result("textDocument/completion", end_of("council "));
    let labels: Vec<&str> = completion["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(
        labels.contains(&"majority") && labels.contains(&"consensus"),
        "{labels:?}"
    );
}

#[test]
fn scope_words_have_hover_and_completion() {
    let text = "treaty t {\n  form treaty\n  status in-force\n  members US, JP\n  trigger armed-attack against any member in administered-territory of JP covering territory across ceasefire-line {\n    indivisible common-danger\n  }\n}\n";
    let mut client = Client::start();
    client.initialize(json!(["utf-16"]));
    client.open(text);
    let position = |needle: &str, extra: usize| json!({ "textDocument": { "uri": URI }, "position": lsp_position(text, nth_offset(text, needle, 0) + extra, false) });
    let hover_text = |client: &mut Client, needle: &str| {
        let hover = client.result("textDocument/hover", position(needle, 1));
        hover["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    assert!(hover_text(&mut client, "administered-territory").contains("administration"));
    assert!(hover_text(&mut client, "covering").contains("what of a party counts"));
    assert!(hover_text(&mut client, "ceasefire-line").contains("**ceasefire-line** (line)"));
    assert!(hover_text(&mut client, "common-danger").contains("grade of indivisibility"));
    let labels = |client: &mut Client, needle: &str| -> Vec<String> {
        let completion = client.result("textDocument/completion", position(needle, needle.len()));
        completion["items"]
            .as_array()
            .expect("items")
            .iter()
            .filter_map(|i| i["label"].as_str().map(String::from))
            .collect()
    };
    let after_in = labels(&mut client, "member in ");
    assert!(
        after_in.iter().any(|l| l == "administered-territory"),
        "{after_in:?}"
    );
    assert!(after_in.iter().any(|l| l == "JP"), "{after_in:?}");
    let after_covering = labels(&mut client, "covering ");
    assert!(
        after_covering.iter().any(|l| l == "vessels"),
        "{after_covering:?}"
    );
    let after_across = labels(&mut client, "across ");
    assert!(
        after_across.iter().any(|l| l == "contact-line"),
        "{after_across:?}"
    );
    let after_indivisible = labels(&mut client, "indivisible ");
    assert!(
        after_indivisible.iter().any(|l| l == "threat-to-community"),
        "{after_indivisible:?}"
    );
    client.finish();
}

/// Protocol conformance (issue 16, item 7): lying headers never stall the server,
/// malformed messages get the JSON-RPC error the specification names, the lifecycle is
/// enforced, and an edit that cannot be placed is reported instead of diverging.
#[test]
fn protocol_errors_are_answered_and_never_stall_the_server() {
    let mut client = Client::start();
    // Before `initialize`, a notification is dropped: the document is not opened.
    client.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "treaty", "version": 1, "text": TEXT } }),
    );
    client.initialize(json!([]));
    let (response, notifications) = client.request("textDocument/hover", at("UK", 0));
    assert!(
        notifications.is_empty(),
        "nothing was published: {notifications:?}"
    );
    assert_eq!(response["error"]["code"], -32602, "{response}");
    // A second `initialize` is an error.
    let (response, _) = client.request("initialize", json!({ "capabilities": {} }));
    assert_eq!(response["error"]["code"], -32600, "{response}");

    // Not one message: a batch, no method, ids JSON-RPC does not allow.
    for (body, id) in [
        (
            r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#,
            Value::Null,
        ),
        (r#"{"jsonrpc":"2.0","id":41}"#, json!(41)),
        (
            r#"{"jsonrpc":"2.0","id":null,"method":"shutdown"}"#,
            Value::Null,
        ),
        (
            r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#,
            Value::Null,
        ),
        (
            r#"{"jsonrpc":"2.0","id":{"n":1},"method":"shutdown"}"#,
            Value::Null,
        ),
    ] {
        client.send_raw(body);
        let error = client.receive();
        assert_eq!(error["error"]["code"], -32600, "{body}: {error}");
        assert_eq!(error["id"], id, "{body}: {error}");
    }

    // A Content-Length larger than its body: the body is answered, and so is the
    // message after it, which the announced length would have swallowed.
    let hover = json!({ "jsonrpc": "2.0", "id": 90, "method": "textDocument/hover", "params": at("UK", 0) });
    write!(client.input, "Content-Length: 5000\r\n\r\n{hover}").expect("send");
    let (response, earlier) = client.request("textDocument/hover", at("UK", 0));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    let cut_short = earlier.iter().find(|m| m["id"] == 90);
    assert!(
        cut_short.is_some_and(|m| m["error"]["code"] == -32602),
        "the cut-short hover is answered: {earlier:?}"
    );
    client.open(TEXT);

    // An edit whose range cannot be read: reported, diagnostics withdrawn, requests
    // refused until the whole text comes again.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 2 }, "contentChanges": [{
            "range": { "start": { "line": -1, "character": 0 }, "end": { "line": 0 } },
            "text": "x",
        }] }),
    );
    let shown = client.receive();
    assert_eq!(shown["method"], "window/showMessage", "{shown}");
    assert!(shown["params"]["message"]
        .as_str()
        .unwrap()
        .contains("could not be applied"));
    assert_eq!(client.diagnostics(), json!([]));
    let (response, _) = client.request("textDocument/hover", at("UK", 1));
    assert_eq!(response["error"]["code"], -32803, "{response}");
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": URI, "version": 3 }, "contentChanges": [{ "text": TEXT }] }),
    );
    assert!(!client.diagnostics().as_array().unwrap().is_empty());
    let hover = client.result("textDocument/hover", at("UK", 1));
    assert!(hover["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("United Kingdom"));

    // A huge Content-Length with no body: refused, and shutdown still works.
    write!(client.input, "Content-Length: 400000000\r\n\r\n").expect("send");
    client.finish();
}
