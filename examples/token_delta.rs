//! How much a semantic-token delta saves on the 5,000-line document of `cargo bench
//! --bench check -- lsp`, for `docs/performance.md`: the bytes of a full result and of
//! the delta after one character is retyped (as the bench does) and after a new party
//! line is typed in. Sizes, not times, so any build gives the same figures:
//!
//! ```sh
//! cargo run --example token_delta
//! ```

use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use treaty::lsp::{Outgoing, Server};

const URI: &str = "file:///bench/big.treaty";

fn reply(server: &mut Server, id: i32, method: &str, params: Value) -> Value {
    let replies = server.handle(Message::Request(Request::new(
        RequestId::from(id),
        method.into(),
        params,
    )));
    for outgoing in replies {
        if let Outgoing::Message(Message::Response(response)) = outgoing {
            return response.response_result.unwrap_or(Value::Null);
        }
    }
    Value::Null
}

fn change(server: &mut Server, version: i64, line: usize, end: usize, text: &str) {
    let at = |character| json!({ "line": line, "character": character });
    server.handle(Message::Notification(Notification::new(
        "textDocument/didChange".into(),
        json!({
            "textDocument": { "uri": URI, "version": version },
            "contentChanges": [{ "range": { "start": at(0), "end": at(end) }, "text": text }],
        }),
    )));
}

fn main() {
    // The bench's document: generated treaties until there are 5,000 lines.
    let mut text = String::new();
    let mut count = 100;
    while text.lines().count() < 5000 {
        text = treaty::generate::treaties(42, count, false);
        count += 20;
    }
    let mut server = Server::new();
    reply(&mut server, 1, "initialize", json!({}));
    server.handle(Message::Notification(Notification::new(
        "textDocument/didOpen".into(),
        json!({ "textDocument": { "uri": URI, "languageId": "treaty", "version": 1, "text": text } }),
    )));
    let document = json!({ "uri": URI });
    let full = reply(
        &mut server,
        2,
        "textDocument/semanticTokens/full",
        json!({ "textDocument": document }),
    );
    println!(
        "{} lines; full result: {} bytes, {} tokens",
        text.lines().count(),
        full.to_string().len(),
        full["data"].as_array().map_or(0, Vec::len) / 5
    );
    let party_line = text
        .lines()
        .position(|l| l.trim_start().starts_with("party "))
        .unwrap_or(0);
    let edits: [(&str, usize, usize, &str); 2] = [
        (
            "the bench's edit (line 2500's first character retyped)",
            2500,
            1,
            " ",
        ),
        (
            "a party line typed in",
            party_line,
            0,
            "  party PL \"Poland\" guarantor\n",
        ),
    ];
    let mut previous = full["resultId"].as_str().unwrap_or("").to_string();
    for (n, (what, line, end, new_text)) in edits.into_iter().enumerate() {
        change(&mut server, 2 + n as i64, line, end, new_text);
        let delta = reply(
            &mut server,
            3 + n as i32,
            "textDocument/semanticTokens/full/delta",
            json!({ "textDocument": document, "previousResultId": previous }),
        );
        let edits = delta["edits"].as_array().map_or(0, Vec::len);
        let numbers: usize = delta["edits"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| e["data"].as_array().map_or(0, Vec::len))
            .sum();
        println!(
            "{what}: delta {} bytes ({edits} edit(s), {numbers} numbers sent)",
            delta.to_string().len()
        );
        previous = delta["resultId"].as_str().unwrap_or("").to_string();
    }
}
