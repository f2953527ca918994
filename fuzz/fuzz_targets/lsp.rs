//! Arbitrary bytes -> JSON-RPC messages for the in-process language server
//! (`treaty::lsp::Server`, and `treaty::lsp::serve` for raw frames). The server must
//! answer or ignore every message and never panic.
//!
//! How the input is read, by its first byte:
//! - `C`: the bytes are an LSP stream as a client would write it (headers, bodies),
//!   after a well-formed `initialize`; framing errors and malformed JSON included.
//! - `{` or `[`: each line is one message body, framed with the right length.
//! - anything else: a session. The whole input (lossily decoded) is the document,
//!   opened with `didOpen`; bytes read backwards from the end of the input pick a
//!   sequence of requests and edits (hover, definition, references, symbols,
//!   completion, formatting, code actions, incremental and full changes, save, close)
//!   and the positions they are sent at, including positions past the end of a line
//!   and of the text.
#![no_main]

use std::io::Cursor;

use libfuzzer_sys::fuzz_target;
use lsp_server::{Message, Notification, Request, RequestId};
use serde_json::{json, Value};
use treaty::lsp::position::{Encoding, Positions};
use treaty::lsp::{serve, Server};
use treaty::source::LineIndex;

const MAX_OPS: usize = 12;

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn initialize_frame() -> Vec<u8> {
    let body = json!({
        "jsonrpc": "2.0", "id": 0, "method": "initialize",
        "params": { "capabilities": { "general": { "positionEncodings": ["utf-8"] } } },
    });
    frame(body.to_string().as_bytes())
}

fn open_frame() -> Vec<u8> {
    let body = json!({
        "jsonrpc": "2.0", "method": "textDocument/didOpen",
        "params": { "textDocument": {
            "uri": "untitled:fuzz", "languageId": "treaty", "version": 1,
            "text": "treaty t {\n  party A \"A\" guarantor\n  consult A\n}\n",
        } },
    });
    frame(body.to_string().as_bytes())
}

fn run_stream(stream: Vec<u8>) {
    let mut output = Vec::new();
    // An I/O error ends the session; the only thing that matters is not panicking.
    let _ = serve(&mut Cursor::new(stream), &mut output);
}

/// Reads op bytes from the end of the input, wrapping around.
struct Ops<'a> {
    data: &'a [u8],
    at: usize,
}

impl Ops<'_> {
    fn byte(&mut self) -> u8 {
        if self.data.is_empty() {
            return 0;
        }
        self.at += 1;
        self.data[self.data.len() - 1 - (self.at - 1) % self.data.len()]
    }

    /// A position: mostly inside the text, sometimes past a line's end or the text's.
    fn position(&mut self, text: &str) -> Value {
        let lines = text.split('\n').count();
        let line = match self.byte() {
            255 => u32::MAX as usize,
            b => b as usize % (lines + 2),
        };
        let character = match self.byte() {
            255 => u32::MAX as usize,
            b => b as usize,
        };
        json!({ "line": line, "character": character })
    }

    fn range(&mut self, text: &str) -> Value {
        json!({ "start": self.position(text), "end": self.position(text) })
    }

    /// A slice of the text to insert somewhere else.
    fn snippet<'t>(&mut self, text: &'t str) -> &'t str {
        let mut start = self.byte() as usize * text.len() / 256;
        let mut end = (start + self.byte() as usize % 32).min(text.len());
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        &text[start..end.max(start)]
    }
}

/// The edit the server makes for an incremental change, applied to our copy.
fn apply_edit(text: &mut String, range: &Value, new_text: &str, encoding: Encoding) {
    let lines = LineIndex::new(text);
    let positions = Positions {
        text,
        lines: &lines,
        encoding,
    };
    if let Some(span) = positions.span_of(range) {
        text.replace_range(span.start..span.end, new_text);
    }
}

fn request(server: &mut Server, id: &mut i32, method: &str, params: Value) {
    *id += 1;
    let replies = server.handle(Message::Request(Request::new(
        RequestId::from(*id),
        method.to_string(),
        params,
    )));
    assert_eq!(replies.len(), 1, "{method}: one response per request");
}

fn notify(server: &mut Server, method: &str, params: Value) {
    server.handle(Message::Notification(Notification::new(
        method.to_string(),
        params,
    )));
}

fn session(data: &[u8]) {
    let text = String::from_utf8_lossy(data).into_owned();
    let mut ops = Ops { data, at: 0 };
    let mut server = Server::new();
    let mut id = 0;
    let (encodings, encoding) = if ops.byte() % 2 == 0 {
        (json!(["utf-16"]), Encoding::Utf16)
    } else {
        (json!(["utf-8", "utf-16"]), Encoding::Utf8)
    };
    request(
        &mut server,
        &mut id,
        "initialize",
        json!({ "capabilities": { "general": { "positionEncodings": encodings } } }),
    );
    assert_eq!(server.encoding(), encoding);
    notify(&mut server, "initialized", json!({}));
    // A file URI makes the server look for a treaty.toml above it (there is none).
    let uri = if ops.byte() % 4 == 0 {
        "file:///nonexistent-fuzz-dir/doc%20one.treaty"
    } else {
        "untitled:fuzz"
    };
    let doc = json!({ "uri": uri });
    notify(
        &mut server,
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": text } }),
    );
    // The server's copy of the text, kept in step with the edits sent.
    let mut current = text.clone();
    let op_count = (data.len() / 4).min(MAX_OPS);
    for version in 0..op_count as i64 {
        match ops.byte() % 14 {
            0 => request(
                &mut server,
                &mut id,
                "textDocument/hover",
                json!({ "textDocument": doc, "position": ops.position(&current) }),
            ),
            1 => request(
                &mut server,
                &mut id,
                "textDocument/definition",
                json!({ "textDocument": doc, "position": ops.position(&current) }),
            ),
            2 => request(
                &mut server,
                &mut id,
                "textDocument/references",
                json!({ "textDocument": doc, "position": ops.position(&current),
                        "context": { "includeDeclaration": ops.byte() % 2 == 0 } }),
            ),
            3 => request(
                &mut server,
                &mut id,
                "textDocument/documentSymbol",
                json!({ "textDocument": doc }),
            ),
            4 => request(
                &mut server,
                &mut id,
                "textDocument/completion",
                json!({ "textDocument": doc, "position": ops.position(&current) }),
            ),
            5 => request(
                &mut server,
                &mut id,
                "textDocument/formatting",
                json!({ "textDocument": doc, "options": { "tabSize": 2, "insertSpaces": true } }),
            ),
            6 => request(
                &mut server,
                &mut id,
                "textDocument/codeAction",
                json!({ "textDocument": doc, "range": ops.range(&current),
                        "context": { "diagnostics": [] } }),
            ),
            7 | 8 => {
                // An incremental edit: a range of the current text replaced by a
                // slice of it (so multi-byte characters and braces move around).
                let range = ops.range(&current);
                let new_text = ops.snippet(&current).to_string();
                notify(
                    &mut server,
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": uri, "version": version + 2 },
                        "contentChanges": [{ "range": range, "text": new_text }],
                    }),
                );
                apply_edit(&mut current, &range, &new_text, encoding);
            }
            9 => {
                let cut = ops.snippet(&text).to_string();
                notify(
                    &mut server,
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": uri, "version": version + 2 },
                        "contentChanges": [{ "text": cut }],
                    }),
                );
                current = cut;
            }
            10 => notify(
                &mut server,
                "textDocument/didSave",
                json!({ "textDocument": doc }),
            ),
            11 => {
                notify(
                    &mut server,
                    "textDocument/didClose",
                    json!({ "textDocument": doc }),
                );
                request(
                    &mut server,
                    &mut id,
                    "textDocument/hover",
                    json!({ "textDocument": doc, "position": ops.position(&current) }),
                );
                notify(
                    &mut server,
                    "textDocument/didOpen",
                    json!({
                        "textDocument": { "uri": uri, "languageId": "treaty", "version": 1, "text": current },
                    }),
                );
            }
            12 => {
                // Malformed parameters: wrong types where numbers and objects belong.
                let method = [
                    "textDocument/hover",
                    "textDocument/completion",
                    "textDocument/codeAction",
                    "textDocument/definition",
                ][ops.byte() as usize % 4];
                let position = match ops.byte() % 4 {
                    0 => json!({ "line": -1, "character": 0 }),
                    1 => json!({ "line": "0", "character": null }),
                    2 => json!([0, 0]),
                    _ => json!({ "line": 1.5, "character": 1e300 }),
                };
                request(
                    &mut server,
                    &mut id,
                    method,
                    json!({ "textDocument": doc, "position": position, "range": position }),
                );
                notify(
                    &mut server,
                    "textDocument/didChange",
                    json!({
                        "textDocument": { "uri": uri },
                        "contentChanges": [{ "range": position, "text": "}" }, { "text": 7 }],
                    }),
                );
            }
            _ => request(&mut server, &mut id, "textDocument/teleport", json!(null)),
        }
    }
    request(&mut server, &mut id, "shutdown", json!(null));
    notify(&mut server, "exit", json!(null));
}

fuzz_target!(|data: &[u8]| {
    match data.first() {
        Some(b'C') => {
            let mut stream = initialize_frame();
            stream.extend_from_slice(&open_frame());
            stream.extend_from_slice(data);
            run_stream(stream);
        }
        Some(b'{') | Some(b'[') => {
            let mut stream = initialize_frame();
            stream.extend_from_slice(&open_frame());
            for line in data.split(|&b| b == b'\n') {
                stream.extend_from_slice(&frame(line));
            }
            run_stream(stream);
        }
        _ => session(data),
    }
});
