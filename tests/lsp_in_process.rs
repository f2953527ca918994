//! Language server features driven in process through `Server::handle`, as an editor's
//! messages arrive: semantic token deltas over a sequence of edits to a bundled treaty,
//! and the quick fixes for scenario diagnostics, applied and re-checked. Expected
//! values come from a second server or from the library, not from copies of output.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use treaty::lsp::{Outgoing, Server};

const URI: &str = "untitled:in-process.treaty";

fn notification(method: &str, params: Value) -> Message {
    Message::Notification(Notification::new(method.to_string(), params))
}

fn body(outgoing: Outgoing) -> Value {
    let mut bytes = Vec::new();
    outgoing.write(&mut bytes).expect("in memory");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let (_, json) = text.split_once("\r\n\r\n").expect("a frame");
    serde_json::from_str(json).expect("JSON")
}

/// A server and the request ids it has used.
struct Session {
    server: Server,
    next_id: i32,
    /// The diagnostics last published for [`URI`].
    diagnostics: Value,
}

impl Session {
    /// Initialised with UTF-8 positions (byte columns, which the tests compute), with
    /// `text` open.
    fn open(text: &str) -> Session {
        let mut session = Session {
            server: Server::new(),
            next_id: 1,
            diagnostics: Value::Null,
        };
        let capabilities =
            json!({ "capabilities": { "general": { "positionEncodings": ["utf-8"] } } });
        let initialize = session.request("initialize", capabilities);
        assert!(initialize.get("capabilities").is_some(), "{initialize}");
        session.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": URI, "languageId": "treaty", "version": 1, "text": text } }),
        );
        session
    }

    fn notify(&mut self, method: &str, params: Value) {
        for reply in self.server.handle(notification(method, params)) {
            let reply = body(reply);
            if reply["method"] == "textDocument/publishDiagnostics" && reply["params"]["uri"] == URI
            {
                self.diagnostics = reply["params"]["diagnostics"].clone();
            }
        }
    }

    /// The result of a request; fails the test on an error reply.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let replies = self.server.handle(Message::Request(Request::new(
            RequestId::from(id),
            method.to_string(),
            params,
        )));
        let reply = replies
            .into_iter()
            .map(body)
            .find(|r| r["id"] == id)
            .expect("a reply");
        assert!(reply.get("error").is_none(), "{method}: {reply}");
        reply["result"].clone()
    }

    /// Replace the whole text, as a client with full sync sends it.
    fn change(&mut self, text: &str, version: i64) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": version },
                "contentChanges": [{ "text": text }],
            }),
        );
    }
}

fn numbers(data: &Value) -> Vec<u64> {
    data.as_array()
        .expect("an array of numbers")
        .iter()
        .map(|n| n.as_u64().expect("a number"))
        .collect()
}

/// Apply semantic token edits to the previous data, as a client does: from the last
/// edit back, so earlier offsets stay valid.
fn apply_token_edits(previous: &[u64], edits: &Value) -> Vec<u64> {
    let mut data = previous.to_vec();
    let mut edits = edits.as_array().expect("edits").clone();
    edits.sort_by_key(|e| e["start"].as_u64());
    for edit in edits.iter().rev() {
        let start = edit["start"].as_u64().expect("start") as usize;
        let delete = edit["deleteCount"].as_u64().expect("deleteCount") as usize;
        let inserted = edit.get("data").map(numbers).unwrap_or_default();
        data.splice(start..start + delete, inserted);
    }
    data
}

/// The full tokens of `text`, from a server of its own.
fn fresh_tokens(text: &str) -> Vec<u64> {
    let mut reference = Session::open(text);
    let full = reference.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": URI } }),
    );
    numbers(&full["data"])
}

/// One step of an editing session: the text before it in, the text after it out.
type Edit = dyn Fn(&str) -> String;

#[test]
fn token_deltas_rebuild_each_fresh_result_over_a_run_of_edits() {
    let original = std::fs::read_to_string("treaties/uk-ukraine-2024.treaty").expect("bundled");
    let mut session = Session::open(&original);
    let full = session.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": URI } }),
    );
    let mut previous_id = full["resultId"].as_str().expect("a resultId").to_string();
    let first_id = previous_id.clone();
    let mut previous = numbers(&full["data"]);
    assert_eq!(previous, fresh_tokens(&original));

    // Each step edits the text before it: a word, a new party line, a comment at the
    // top, a half-typed clause (a syntax error), a line deleted, and no change at all.
    let party = original.find("  party ").expect("a party line");
    let steps: Vec<Box<Edit>> = vec![
        Box::new(|t: &str| t.replacen("guarantor", "beneficiary", 1)),
        Box::new(move |t: &str| {
            let mut t = t.to_string();
            t.insert_str(party, "  party PL \"Poland\" guarantor\n");
            t
        }),
        Box::new(|t: &str| format!("// a draft under review\n{t}")),
        Box::new(|t: &str| t.replacen("  party PL", "  consult PL, \n  party PL", 1)),
        Box::new(|t: &str| t.replacen("  consult PL, \n", "", 1)),
        Box::new(|t: &str| t.to_string()),
    ];
    let mut text = original.clone();
    for (step, edit) in steps.iter().enumerate() {
        text = edit(&text);
        session.change(&text, 2 + step as i64);
        let delta = session.request(
            "textDocument/semanticTokens/full/delta",
            json!({ "textDocument": { "uri": URI }, "previousResultId": previous_id }),
        );
        let id = delta["resultId"].as_str().expect("a resultId").to_string();
        assert_ne!(id, previous_id, "step {step}: a new result");
        assert!(
            delta.get("data").is_none(),
            "step {step}: edits, not a full result"
        );
        let rebuilt = apply_token_edits(&previous, &delta["edits"]);
        let expected = fresh_tokens(&text);
        assert_eq!(rebuilt, expected, "step {step}");
        let changed: usize = delta["edits"]
            .as_array()
            .expect("edits")
            .iter()
            .map(|e| e["deleteCount"].as_u64().unwrap() as usize + numbers(&e["data"]).len())
            .sum();
        // One line's edit sends a few tokens, not the document's thousands.
        assert!(
            changed * 10 < expected.len(),
            "step {step}: {changed} numbers changed of {}",
            expected.len()
        );
        if step == steps.len() - 1 {
            assert_eq!(delta["edits"], json!([]), "no change, no edit");
        }
        (previous_id, previous) = (id, rebuilt);
    }

    // An id older than the last one sent, and one never sent: a full result.
    for stale in [first_id.as_str(), "never-sent"] {
        let answer = session.request(
            "textDocument/semanticTokens/full/delta",
            json!({ "textDocument": { "uri": URI }, "previousResultId": stale }),
        );
        assert!(answer.get("edits").is_none(), "{stale}: {answer}");
        assert_eq!(numbers(&answer["data"]), fresh_tokens(&text), "{stale}");
        assert!(answer["resultId"].is_string());
    }
}

#[test]
fn the_server_advertises_token_deltas() {
    let mut server = Server::new();
    let replies = server.handle(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".to_string(),
        json!({ "capabilities": {} }),
    )));
    let reply = body(replies.into_iter().next().expect("a reply"));
    let provider = &reply["result"]["capabilities"]["semanticTokensProvider"];
    assert_eq!(provider["full"], json!({ "delta": true }), "{provider}");
    assert_eq!(provider["range"], true);
}

/// Two treaties and scenarios that fail in every way a fix is exact for: a wrong `by`
/// time, a wrong status, a wrong `late` period, a misspelt treaty name, event kind and
/// named event.
const SCENARIOS: &str = "treaty ua_pact {
  form treaty
  status in-force
  signed 2024-01-12
  party UK \"United Kingdom\" guarantor
  party UA \"Ukraine\" beneficiary

  trigger armed-attack against UA {
    consult UK, UA within 24 hours
  }
}

treaty truce {
  form treaty
  status in-force
  signed 2024-01-12
  activation on ceasefire-in-force
  party UK \"United Kingdom\" guarantor
  party UA \"Ukraine\" beneficiary

  trigger armed-attack against UA {
    consult UK, UA within 24 hours
  }
}

scenario wrong_time {
  treaty ua_pact
  event armed-attack by RU against UA at 2027-03-01T06:00Z
  expect consult UK, UA by 2027-03-03T06:00Z
}

scenario wrong_status {
  treaty ua_pact
  event armed-attack by RU against UA at 2027-03-01T06:00Z
  event UK consults UA at 2027-03-01T10:00Z
  event UA consults UK at 2027-03-01T10:00Z
  expect violated consult UK, UA
}

scenario wrong_lateness {
  treaty ua_pact
  event armed-attack by RU against UA at 2027-03-01T06:00Z
  event UK consults UA at 2027-03-02T09:00Z
  event UA consults UK at 2027-03-02T09:00Z
  expect consult UK, UA late 5 hours
}

scenario wrong_treaty {
  treaty ua_pakt
  event armed-attack by RU against UA at 2027-03-01T06:00Z
}

scenario wrong_kind {
  treaty ua_pact
  event armed-atack by RU against UA at 2027-03-01T06:00Z
}

scenario wrong_event {
  treaty truce
  event ceasefire-in-forse at 2027-03-01T06:00Z
}
";

/// The byte offset of an LSP position (UTF-8 columns, as negotiated).
fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().expect("line") as usize;
    let character = position["character"].as_u64().expect("character") as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    start + character
}

/// Apply a workspace edit's changes to [`URI`], from the last edit back.
fn apply_edit(text: &str, edit: &Value) -> String {
    let mut edits = edit["changes"][URI].as_array().expect("edits").clone();
    edits.sort_by_key(|e| offset_of(text, &e["range"]["start"]));
    let mut out = text.to_string();
    for e in edits.iter().rev() {
        let start = offset_of(text, &e["range"]["start"]);
        let end = offset_of(text, &e["range"]["end"]);
        out.replace_range(start..end, e["newText"].as_str().expect("newText"));
    }
    out
}

/// The line (from 0) on which `needle` first stands.
fn line_of_text(text: &str, needle: &str) -> usize {
    text[..text.find(needle).expect("in the text")]
        .matches('\n')
        .count()
}

/// (code, message) of each published diagnostic.
fn findings(diagnostics: &Value) -> Vec<(String, String)> {
    diagnostics
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or("").to_string(),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn scenario_diagnostics_have_exact_fixes_that_clear_them() {
    let mut session = Session::open(SCENARIOS);
    let before = findings(&session.diagnostics);
    let scenario_findings: Vec<&(String, String)> = before
        .iter()
        .filter(|(code, _)| code.starts_with('S'))
        .collect();
    assert_eq!(
        scenario_findings.len(),
        6,
        "one finding per scenario: {before:?}"
    );
    // What each fix writes: the run's due time (24 hours after the attack), status and
    // lateness (27 hours after the attack, 3 after the deadline), and the nearest names.
    let expected_new_text = [
        ("by 2027-03-03T06:00Z", "2027-03-02T06:00Z"),
        ("expect violated", "fulfilled"),
        ("late 5 hours", "3 hours"),
        ("treaty ua_pakt", "ua_pact"),
        ("armed-atack", "armed-attack"),
        ("ceasefire-in-forse", "ceasefire-in-force"),
    ];
    let diagnostics = session.diagnostics.as_array().expect("array").clone();
    let mut fixed = 0;
    for diagnostic in diagnostics
        .iter()
        .filter(|d| d["code"].as_str().is_some_and(|code| code.starts_with('S')))
    {
        let actions = session.request(
            "textDocument/codeAction",
            json!({
                "textDocument": { "uri": URI },
                "range": diagnostic["range"],
                "context": { "diagnostics": [diagnostic] },
            }),
        );
        let mine: Vec<&Value> = actions
            .as_array()
            .expect("actions")
            .iter()
            .filter(|a| a["diagnostics"][0]["message"] == diagnostic["message"])
            .collect();
        assert!(
            mine.iter()
                .all(|a| !a["title"].as_str().unwrap().starts_with("Allow ")),
            "nothing silences a scenario result: {mine:?}"
        );
        assert_eq!(mine.len(), 1, "one exact fix for {diagnostic}: {actions}");
        let action = mine[0];
        assert_eq!(action["kind"], "quickfix");
        let start = offset_of(SCENARIOS, &diagnostic["range"]["start"]);
        let end = offset_of(SCENARIOS, &diagnostic["range"]["end"]);
        let written = &SCENARIOS[start..end];
        let (_, new_text) = expected_new_text
            .iter()
            .find(|(marker, _)| written.contains(marker) || marker.contains(written))
            .unwrap_or_else(|| panic!("a fix is expected for `{written}`"));
        let edits = action["edit"]["changes"][URI].as_array().expect("edits");
        assert_eq!(edits.len(), 1, "{action}");
        assert_eq!(edits[0]["newText"], *new_text, "{action}");

        // Applied and re-checked: that finding goes, and nothing new appears.
        let repaired = apply_edit(SCENARIOS, &action["edit"]);
        let mut checked = Session::open(&repaired);
        let after = findings(&checked.diagnostics);
        let gone = (
            diagnostic["code"].as_str().unwrap().to_string(),
            diagnostic["message"].as_str().unwrap().to_string(),
        );
        assert!(!after.contains(&gone), "{gone:?} still there: {after:?}");
        let mut expected = before.clone();
        expected.retain(|f| *f != gone);
        assert_eq!(after, expected, "only {gone:?} goes");
        // The document's own features still answer on the repaired text.
        let symbols = checked.request(
            "textDocument/documentSymbol",
            json!({ "textDocument": { "uri": URI } }),
        );
        assert!(!symbols.as_array().expect("symbols").is_empty());
        fixed += 1;
    }
    assert_eq!(fixed, 6);
}

/// A failed expectation with no single value that makes it hold gets no fix: a guess
/// would be worse than none. Here nothing about it fired at all, or it is an `expect
/// no ...` that something fired for (what would hold is another expectation).
#[test]
fn an_expectation_with_no_exact_fix_gets_none() {
    for expectation in [
        "expect assist UK by 2027-03-03T06:00Z",
        "expect no consult UK, UA",
    ] {
        no_fix_for(expectation);
    }
}

fn no_fix_for(expectation: &str) {
    let text = SCENARIOS.replace("expect consult UK, UA by 2027-03-03T06:00Z", expectation);
    let mut session = Session::open(&text);
    let diagnostic = session
        .diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| {
            d["code"] == "S001" && d["range"]["start"]["line"] == line_of_text(&text, expectation)
        })
        .cloned()
        .unwrap_or_else(|| panic!("`{expectation}` fails"));
    let actions = session.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let for_it: Vec<&Value> = actions
        .as_array()
        .expect("actions")
        .iter()
        .filter(|a| a["diagnostics"][0]["message"] == diagnostic["message"])
        .collect();
    assert!(for_it.is_empty(), "{expectation}: {for_it:?}");
}

/// Issue 16's protocol case on its own: a change whose range lacks a field (here each
/// of the four, with the others valid) is not dropped silently. The user is told, the
/// diagnostics of a text the editor no longer has are withdrawn, and requests are
/// refused until the whole text comes again.
#[test]
fn a_change_with_a_missing_range_field_is_reported_not_dropped() {
    let text = "treaty t {\n  party UK \"United Kingdom\" guarantor\n}\n";
    let hover =
        json!({ "textDocument": { "uri": URI }, "position": { "line": 1, "character": 9 } });
    for missing in [
        "/start/line",
        "/start/character",
        "/end/line",
        "/end/character",
    ] {
        let mut session = Session::open(text);
        let mut range = json!({
            "start": { "line": 1, "character": 8 },
            "end": { "line": 1, "character": 10 },
        });
        let (parent, field) = missing.rsplit_once('/').expect("a path");
        range
            .pointer_mut(parent)
            .and_then(Value::as_object_mut)
            .expect("an object")
            .remove(field);
        let replies: Vec<Value> = session
            .server
            .handle(notification(
                "textDocument/didChange",
                json!({
                    "textDocument": { "uri": URI, "version": 2 },
                    "contentChanges": [{ "range": range, "text": "PL" }],
                }),
            ))
            .into_iter()
            .map(body)
            .collect();
        assert_eq!(replies.len(), 2, "{missing}: {replies:?}");
        assert_eq!(replies[0]["method"], "window/showMessage", "{missing}");
        assert_eq!(replies[1]["params"]["diagnostics"], json!([]), "{missing}");
        let refused = session.server.handle(Message::Request(Request::new(
            RequestId::from(99),
            "textDocument/hover".to_string(),
            hover.clone(),
        )));
        let refused = body(refused.into_iter().next().expect("a reply"));
        assert_eq!(refused["error"]["code"], -32803, "{missing}: {refused}");
        // The whole text again: in step, and the hover answers.
        session.change(text, 3);
        let answer = session.request("textDocument/hover", hover.clone());
        assert!(
            answer["contents"]["value"]
                .as_str()
                .is_some_and(|v| v.contains("United Kingdom")),
            "{missing}: {answer}"
        );
    }
}

/// L015's quick fix for a look-alike party code (a Cyrillic `А` in `UА`): every
/// occurrence, declaration and mention, becomes the plain `UA`; applied and
/// re-checked, the finding is gone and the text is the one typed in plain letters.
#[test]
fn a_look_alike_code_is_replaced_everywhere() {
    let odd = "U\u{0410}";
    let plain_text = "treaty t {\n  form treaty\n  status in-force\n  party UA \"Ukraine\" beneficiary\n  party UK guarantor\n  provide UK -> UA training\n  consult UK, UA within 24 hours\n}\n";
    let text = plain_text.replace("UA", odd);
    let mut session = Session::open(&text);
    let diagnostic = session
        .diagnostics
        .as_array()
        .expect("array")
        .iter()
        .find(|d| d["code"] == "L015")
        .cloned()
        .unwrap_or_else(|| panic!("L015 for `{odd}`: {}", session.diagnostics));
    let actions = session.request(
        "textDocument/codeAction",
        json!({
            "textDocument": { "uri": URI },
            "range": diagnostic["range"],
            "context": { "diagnostics": [diagnostic] },
        }),
    );
    let title = format!("Replace `{odd}` with `UA` everywhere");
    let action = actions
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["title"] == title.as_str())
        .unwrap_or_else(|| panic!("`{title}` in {actions}"));
    assert_eq!(action["kind"], "quickfix");
    let edits = action["edit"]["changes"][URI].as_array().expect("edits");
    assert_eq!(edits.len(), 3, "the declaration and two mentions: {action}");
    let repaired = apply_edit(&text, &action["edit"]);
    assert_eq!(repaired, plain_text);
    let checked = Session::open(&repaired);
    let after = findings(&checked.diagnostics);
    assert!(after.iter().all(|(code, _)| code != "L015"), "{after:?}");
}
