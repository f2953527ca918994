//! Reading `Content-Length` frames from a byte stream without ever stalling on a
//! header that lies, and classifying each body as JSON-RPC would.
//!
//! A frame whose `Content-Length` is larger than its body would, read naively, swallow
//! the messages after it (shutdown included) while the reader waits for bytes that never
//! come. A JSON text cannot contain a raw carriage return outside whitespace, so the bytes
//! `Content-Length: <digits>\r\n` inside a body can only be the next message's header: the
//! body is cut there, whatever prefix of it is a message is answered, and reading goes on
//! from that header. A length over the limit is refused before any of it is read, and the
//! stream is searched for the next header. Memory stays bounded by the limit.

use std::io::{self, Read};

use lsp_server::{Message, RequestId};
use serde_json::Value;

use super::errors;

/// The longest header block read (`Content-Length: 123\r\n\r\n` is 23 bytes).
pub const MAX_HEADER_BYTES: usize = 4096;

const CHUNK: usize = 64 * 1024;
const HEADER_NAME: &[u8] = b"content-length:";

/// One thing read from the stream.
#[derive(Debug)]
pub enum Frame {
    /// A well-formed request, notification or response.
    Message(Message),
    /// Something that must be answered with an error: the code, the message, and the
    /// id to answer with (`null` when none could be read).
    Invalid {
        code: i32,
        message: String,
        id: Value,
    },
}

/// Frames from a byte stream; see the module's documentation.
pub struct Framer<R> {
    input: R,
    buffer: Vec<u8>,
    /// Where the unread bytes of `buffer` start.
    start: usize,
    end_of_input: bool,
    /// Looking for the next header after a broken frame.
    resync: bool,
    max_body: usize,
}

impl<R: Read> Framer<R> {
    pub fn new(input: R, max_body: usize) -> Self {
        Framer {
            input,
            buffer: Vec::new(),
            start: 0,
            end_of_input: false,
            resync: false,
            max_body,
        }
    }

    /// Whether a whole frame is already buffered (so reading it will not block).
    pub fn has_buffered_frame(&self) -> bool {
        let unread = &self.buffer[self.start..];
        let Some(end) = find(unread, b"\r\n\r\n") else {
            return false;
        };
        // A broken header may need more input to get past: not "buffered".
        match content_length(&unread[..end]) {
            Ok(Some(length)) => unread.len() - end - 4 >= length,
            _ => false,
        }
    }

    /// Read more bytes; false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.end_of_input {
            return Ok(false);
        }
        if self.start > 0 && self.start * 2 >= self.buffer.len() {
            self.buffer.drain(..self.start);
            self.start = 0;
        }
        let old = self.buffer.len();
        self.buffer.resize(old + CHUNK, 0);
        let read = loop {
            match self.input.read(&mut self.buffer[old..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.buffer.truncate(old);
                    return Err(e);
                }
            }
        };
        self.buffer.truncate(old + read);
        if read == 0 {
            self.end_of_input = true;
        }
        Ok(read > 0)
    }

    /// The next frame; `None` at the end of the input (a frame cut short by the end
    /// included: nothing more will come to finish it).
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        if self.resync && !self.skip_to_header()? {
            return Ok(None);
        }
        self.resync = false;
        // The header block.
        let header_end = loop {
            let unread = &self.buffer[self.start..];
            if let Some(end) = find(unread, b"\r\n\r\n") {
                break end;
            }
            if unread.len() > MAX_HEADER_BYTES {
                return Ok(Some(
                    self.broken("malformed header: no end within 4096 bytes"),
                ));
            }
            if !self.fill()? {
                return Ok(None);
            }
        };
        let header = &self.buffer[self.start..self.start + header_end];
        let length = match content_length(header) {
            Ok(Some(length)) => length,
            Ok(None) => return Ok(Some(self.broken("no Content-Length header"))),
            Err(why) => return Ok(Some(self.broken(&why))),
        };
        if length > self.max_body {
            self.start += header_end + 4;
            return Ok(Some(self.refused(&format!(
                "a message of {length} bytes is over the {}-byte limit",
                self.max_body
            ))));
        }
        // Offsets from `self.start`, not into `buffer`: `fill` may drain the bytes
        // already read, moving everything left.
        let body_offset = header_end + 4;
        let mut scanned: usize = 0;
        loop {
            let body_start = self.start + body_offset;
            let available = (self.buffer.len() - body_start).min(length);
            let body_end = body_start + available;
            // A header inside the body: the body was shorter than announced. The search
            // goes back over a header's length, which the last read may have cut.
            let from = body_start + scanned.saturating_sub(HEADER_NAME.len() + 24);
            if let Some(at) = find_header(&self.buffer[from..body_end]) {
                let cut = from + at;
                let body = self.buffer[body_start..cut].to_vec();
                self.start = cut;
                return Ok(Some(match parse_prefix(&body) {
                    Some(frame) => frame,
                    None => invalid(
                        errors::PARSE_ERROR,
                        "the message is shorter than its Content-Length".to_string(),
                    ),
                }));
            }
            scanned = available;
            if available == length {
                let body = &self.buffer[body_start..body_end];
                let frame = classify(body);
                self.start = body_end;
                return Ok(Some(frame));
            }
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// A broken frame: report it and look for the next header.
    fn broken(&mut self, why: &str) -> Frame {
        self.resync = true;
        // Past the broken header's first byte, so the search does not find it again.
        self.start = (self.start + 1).min(self.buffer.len());
        invalid(errors::PARSE_ERROR, why.to_string())
    }

    /// A frame whose header was read but whose body is refused: look for the next
    /// header from here.
    fn refused(&mut self, why: &str) -> Frame {
        self.resync = true;
        invalid(errors::PARSE_ERROR, why.to_string())
    }

    /// Drop bytes up to the next `Content-Length` header; false if the input ends first.
    fn skip_to_header(&mut self) -> io::Result<bool> {
        loop {
            let unread = &self.buffer[self.start..];
            if let Some(at) = find_header(unread) {
                self.start += at;
                return Ok(true);
            }
            // Keep a tail that may be the start of a header cut by the chunk boundary.
            let tail = HEADER_NAME.len() + 24;
            self.start = self.buffer.len().saturating_sub(tail).max(self.start);
            if !self.fill()? {
                return Ok(false);
            }
        }
    }
}

fn invalid(code: i32, message: String) -> Frame {
    Frame::Invalid {
        code,
        message,
        id: Value::Null,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The first `content-length:` (any case).
fn find_name(haystack: &[u8]) -> Option<usize> {
    haystack
        .windows(HEADER_NAME.len())
        .position(|w| w.eq_ignore_ascii_case(HEADER_NAME))
}

/// The first complete `Content-Length: <digits>\r\n`, which no JSON text can contain.
fn find_header(haystack: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find_name(&haystack[from..]) {
        let at = from + at;
        let rest = &haystack[at + HEADER_NAME.len()..];
        let spaces = rest.iter().take_while(|&&b| b == b' ').count();
        let digits = rest[spaces..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits > 0 && rest[spaces + digits..].starts_with(b"\r\n") {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The `Content-Length` of a header block (its lines without the final blank line).
fn content_length(header: &[u8]) -> Result<Option<usize>, String> {
    let text = std::str::from_utf8(header).map_err(|_| "malformed header".to_string())?;
    let mut length = None;
    for line in text.split("\r\n") {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| format!("malformed header: {line:?}"))?;
        if name.trim().eq_ignore_ascii_case("Content-Length") {
            let value = value.trim();
            // Digits only; a number too large for memory is over any limit.
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("bad Content-Length: {value:?}"));
            }
            length = Some(value.parse::<usize>().unwrap_or(usize::MAX));
        }
    }
    Ok(length)
}

/// The longest prefix of a cut-short body that is one JSON value, as a frame.
fn parse_prefix(body: &[u8]) -> Option<Frame> {
    let mut values = serde_json::Deserializer::from_slice(body).into_iter::<Value>();
    match values.next() {
        Some(Ok(value)) => Some(classify_value(value)),
        _ => None,
    }
}

/// A body as JSON-RPC sees it: not JSON is a parse error (-32700); JSON that is not a
/// single request, notification or response (a batch, no method, an id that is not an
/// integer or a string) is an invalid request (-32600).
pub fn classify(body: &[u8]) -> Frame {
    match serde_json::from_slice::<Value>(body) {
        Ok(value) => classify_value(value),
        Err(error) => invalid(errors::PARSE_ERROR, format!("malformed message: {error}")),
    }
}

fn classify_value(value: Value) -> Frame {
    let bad = |message: &str, id: Value| Frame::Invalid {
        code: errors::INVALID_REQUEST,
        message: message.to_string(),
        id,
    };
    let Value::Object(object) = value else {
        return match value {
            Value::Array(_) => bad("batches are not supported by LSP", Value::Null),
            _ => bad("a message must be a JSON object", Value::Null),
        };
    };
    // JSON-RPC ids are integers or strings; anything else cannot be answered by id.
    let id = match object.get("id") {
        None => None,
        Some(id @ Value::String(_)) => Some(id.clone()),
        Some(id) if id.is_i64() || id.is_u64() => Some(id.clone()),
        Some(_) => return bad("a request id must be an integer or a string", Value::Null),
    };
    let answer_id = id.clone().unwrap_or(Value::Null);
    match object.get("method") {
        Some(Value::String(_)) => {}
        Some(_) => return bad("`method` must be a string", answer_id),
        None if id.is_some() && (object.contains_key("result") || object.contains_key("error")) => {
        }
        None => return bad("a message must have a `method`", answer_id),
    }
    if let Some(id) = &id {
        if request_id(id).is_none() {
            return bad("a request id must fit in 32 bits", answer_id);
        }
    }
    match serde_json::from_value::<Message>(Value::Object(object)) {
        Ok(message) => Frame::Message(message),
        Err(error) => bad(&format!("not a JSON-RPC message: {error}"), answer_id),
    }
}

/// The id as `lsp-server` holds it (a 32-bit integer or a string).
fn request_id(id: &Value) -> Option<RequestId> {
    match id {
        Value::String(s) => Some(RequestId::from(s.clone())),
        _ => id
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RequestId::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(stream: &[u8]) -> Vec<Frame> {
        let mut framer = Framer::new(stream, 1000);
        let mut out = Vec::new();
        while let Some(frame) = framer.next_frame().expect("in memory") {
            out.push(frame);
        }
        out
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    /// A stream that hands out one chunk per read, as a pipe does when the writer
    /// writes in pieces.
    struct Chunks(std::collections::VecDeque<Vec<u8>>);

    impl Read for Chunks {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let Some(mut chunk) = self.0.pop_front() else {
                return Ok(0);
            };
            let n = chunk.len().min(out.len());
            out[..n].copy_from_slice(&chunk[..n]);
            if n < chunk.len() {
                self.0.push_front(chunk.split_off(n));
            }
            Ok(n)
        }
    }

    /// A body that needs a second read after a long message was consumed: the read
    /// moves the buffer's bytes left, and the body must still be found where it is.
    #[test]
    fn a_body_completed_by_a_later_read_survives_the_buffer_moving() {
        let long = format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":"{}"}}"#,
            "a".repeat(400)
        );
        let short = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
        let second = framed(short);
        let (head, tail) = second.split_at(second.len() - 10);
        // And again after a Content-Length larger than its body, whose cut is found
        // only once the next header arrives in a later read.
        let lying = format!("Content-Length: 900\r\n\r\n{short}");
        let chunks = [
            format!("{}{head}", framed(&long)),
            tail.to_string(),
            format!("{}{lying}", framed(&long)),
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#),
        ];
        let mut framer = Framer::new(
            Chunks(chunks.iter().map(|c| c.as_bytes().to_vec()).collect()),
            1000,
        );
        let mut methods = Vec::new();
        while let Some(frame) = framer.next_frame().expect("in memory") {
            match frame {
                Frame::Message(Message::Request(r)) => methods.push(r.method),
                Frame::Message(Message::Notification(n)) => methods.push(n.method),
                other => panic!("{other:?} after {methods:?}"),
            }
        }
        assert_eq!(methods, ["x", "shutdown", "x", "shutdown", "exit"]);
    }

    #[test]
    fn a_length_larger_than_its_body_gives_up_the_next_message() {
        let shutdown = r#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#;
        let stream = format!(
            "Content-Length: 200\r\n\r\n{}{}",
            r#"{"jsonrpc":"2.0","id":1,"method":"x"}"#,
            framed(shutdown)
        );
        let got = frames(stream.as_bytes());
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(
            matches!(&got[0], Frame::Message(Message::Request(r)) if r.method == "x"),
            "the prefix is answered: {got:?}"
        );
        assert!(matches!(&got[1], Frame::Message(Message::Request(r)) if r.method == "shutdown"));
    }

    #[test]
    fn a_length_over_the_limit_is_refused_without_reading_it() {
        let stream = format!(
            "Content-Length: 99999999999999999999999\r\n\r\n{}",
            framed(r#"{"jsonrpc":"2.0","method":"exit"}"#)
        );
        let got = frames(stream.as_bytes());
        assert!(
            matches!(&got[0], Frame::Invalid { code: -32700, .. }),
            "{got:?}"
        );
        assert!(matches!(&got[1], Frame::Message(Message::Notification(n)) if n.method == "exit"));
    }

    #[test]
    fn bodies_that_are_not_single_messages_are_invalid_requests() {
        for (body, id) in [
            ("[]", Value::Null),
            (
                r#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#,
                Value::Null,
            ),
            (r#"{"jsonrpc":"2.0","id":4}"#, Value::from(4)),
            (
                r#"{"jsonrpc":"2.0","id":null,"method":"shutdown"}"#,
                Value::Null,
            ),
            (
                r#"{"jsonrpc":"2.0","id":1.5,"method":"shutdown"}"#,
                Value::Null,
            ),
            (
                r#"{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}"#,
                Value::Null,
            ),
            (r#"{"jsonrpc":"2.0","id":"s","method":7}"#, Value::from("s")),
            ("3", Value::Null),
        ] {
            match classify(body.as_bytes()) {
                Frame::Invalid { code, id: got, .. } => {
                    assert_eq!(code, errors::INVALID_REQUEST, "{body}");
                    assert_eq!(got, id, "{body}");
                }
                other => panic!("{body}: {other:?}"),
            }
        }
        assert!(matches!(
            classify(b"{ not json"),
            Frame::Invalid { code: -32700, .. }
        ));
        assert!(matches!(
            classify(br#"{"jsonrpc":"2.0","id":3,"result":null}"#),
            Frame::Message(Message::Response(_))
        ));
    }

    /// Input that arrives 200 bytes at a time, as from a pipe.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.0.len().min(out.len()).min(200);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    /// A body read over many reads after other messages: the buffer is compacted
    /// while the body is read, and the body is still found whole.
    #[test]
    fn a_body_read_in_many_small_reads_after_other_messages_is_whole() {
        let small = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let large = format!(
            r#"{{"jsonrpc":"2.0","method":"big","params":{{"text":"{}"}}}}"#,
            "x".repeat(5000)
        );
        let stream = format!(
            "{}{}{}",
            framed(small).repeat(40),
            framed(&large),
            framed(small)
        );
        let mut framer = Framer::new(Trickle(stream.as_bytes()), 100_000);
        let mut methods = Vec::new();
        while let Some(frame) = framer.next_frame().expect("in memory") {
            match frame {
                Frame::Message(Message::Notification(n)) => methods.push(n.method),
                other => panic!("{other:?}"),
            }
        }
        assert_eq!(methods.len(), 42);
        assert_eq!(methods[40], "big");
    }

    #[test]
    fn a_header_without_its_blank_line_is_bounded() {
        let mut stream = b"Content-Length: 2".to_vec();
        stream.extend(std::iter::repeat_n(b'0', 10_000));
        let got = frames(&stream);
        assert!(
            matches!(&got[0], Frame::Invalid { code: -32700, .. }),
            "{got:?}"
        );
    }
}
