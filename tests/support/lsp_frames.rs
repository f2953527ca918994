//! The LSP tests' reading side: Content-Length frames from the server's stdout, each
//! parsed as JSON and sent on a channel, so a test can wait for a message with a timeout.

use std::io::{BufRead, BufReader, Read};
use std::sync::mpsc;

use serde_json::Value;

/// Reads frames from `stdout` until it ends, sending each message (or the reason the
/// stream broke) to `messages`.
pub fn read_frames(stdout: impl Read, messages: mpsc::Sender<Result<Value, String>>) {
    let mut output = BufReader::new(stdout);
    loop {
        let mut length = None;
        loop {
            let mut line = String::new();
            match output.read_line(&mut line) {
                Ok(0) => {
                    let _ = messages.send(Err("the server closed its output".to_string()));
                    return;
                }
                Ok(_) => {}
                Err(e) => {
                    let _ = messages.send(Err(format!("read header: {e}")));
                    return;
                }
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(value) = line.strip_prefix("Content-Length: ") {
                length = value.parse::<usize>().ok();
            }
        }
        let Some(length) = length else {
            let _ = messages.send(Err("no Content-Length header".to_string()));
            return;
        };
        let mut body = vec![0; length];
        if let Err(e) = output.read_exact(&mut body) {
            let _ = messages.send(Err(format!("read body: {e}")));
            return;
        }
        let message = serde_json::from_slice(&body).map_err(|e| format!("not JSON: {e}"));
        if messages.send(message).is_err() {
            return;
        }
    }
}
