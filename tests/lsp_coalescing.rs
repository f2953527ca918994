//! Changes that arrive together are checked once (issue 16, item 6): the in-process
//! server is handed a batch, as `lsp::serve` hands it everything already read, and the
//! checks it ran are counted. No timing is measured.

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use treaty::analysis;
use treaty::lsp::{Outgoing, Server};
use treaty::source::SourceFile;

const URI: &str = "untitled:bundled.treaty";

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

fn opened(text: &str) -> Server {
    let mut server = Server::new();
    server.handle(Message::Request(Request::new(
        RequestId::from(1),
        "initialize".to_string(),
        json!({ "capabilities": { "general": { "positionEncodings": ["utf-8"] } } }),
    )));
    server.handle(notification(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": URI, "languageId": "treaty", "version": 1, "text": text } }),
    ));
    server
}

/// Twelve keystrokes typed into a bundled treaty's title, all queued while a check ran:
/// one check, and its diagnostics are those of a full check of the final text.
#[test]
fn twelve_queued_keystrokes_are_checked_once() {
    let text = std::fs::read_to_string("treaties/eu-ukraine-2024.treaty").expect("bundled");
    let quote = text.find("title \"").expect("a title") + "title \"".len();
    let (line, character) = {
        let before = &text[..quote];
        let line = before.matches('\n').count();
        (line, quote - before.rfind('\n').map_or(0, |i| i + 1))
    };
    let mut server = opened(&text);
    let before = server.checks;
    let typed = "Draft copy: ";
    let changes: Vec<Message> = typed
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let at = json!({ "line": line, "character": character + i });
            notification(
                "textDocument/didChange",
                json!({
                    "textDocument": { "uri": URI, "version": 2 + i },
                    "contentChanges": [{ "range": { "start": at, "end": at }, "text": c.to_string() }],
                }),
            )
        })
        .collect();
    assert_eq!(changes.len(), 12);
    let replies = server.handle_batch(changes);
    assert_eq!(
        server.checks - before,
        1,
        "one check for the twelve changes"
    );
    assert_eq!(replies.len(), 1, "one publication");
    let published = body(replies.into_iter().next().expect("one"));
    assert_eq!(published["params"]["version"], 13, "the newest version");

    let mut expected_text = text.clone();
    expected_text.insert_str(quote, typed);
    let expected = analysis::check(
        SourceFile::new(URI, expected_text),
        &analysis::Settings::default(),
    );
    let got: Vec<(String, String)> = published["params"]["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(String, String)> = expected
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect();
    assert_eq!(got, want);
}

/// A request followed by its own cancellation in the same batch is not run.
#[test]
fn a_request_cancelled_before_it_runs_gets_request_cancelled() {
    let mut server = opened("treaty t {\n  party UK \"United Kingdom\" guarantor\n}\n");
    let hover = |id: i32| {
        Message::Request(Request::new(
            RequestId::from(id),
            "textDocument/hover".to_string(),
            json!({ "textDocument": { "uri": URI }, "position": { "line": 1, "character": 9 } }),
        ))
    };
    let replies = server.handle_batch(vec![
        hover(7),
        hover(8),
        notification("$/cancelRequest", json!({ "id": 7 })),
    ]);
    let replies: Vec<Value> = replies.into_iter().map(body).collect();
    assert_eq!(replies.len(), 2, "{replies:?}");
    assert_eq!(replies[0]["id"], 7);
    assert_eq!(replies[0]["error"]["code"], -32800, "{replies:?}");
    assert_eq!(replies[1]["id"], 8);
    assert!(
        replies[1]["result"]["contents"]["value"]
            .as_str()
            .is_some_and(|v| v.contains("United Kingdom")),
        "{replies:?}"
    );
}
