//! Writes the seed corpora of the fuzz targets in `fuzz/` (see docs/robustness.md):
//!
//! ```sh
//! cargo run --example fuzz_seeds -- fuzz/corpus
//! ```
//!
//! Every target gets the example treaties in `treaties/` and a few generated ones
//! (valid and broken, from `treaty::generate`); the `lsp` target also gets raw JSON-RPC
//! streams. Seeds are named `seed-*` so they stay apart from what the fuzzer adds.

use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes)
        .unwrap_or_else(|e| panic!("cannot write {}: {e}", dir.join(name).display()));
}

fn frame(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "fuzz/corpus".to_string()),
    );
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts: Vec<(String, String)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root.join("treaties"))
        .expect("treaties/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "treaty"))
        .collect();
    entries.sort();
    for path in entries {
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let text = std::fs::read_to_string(&path).expect("UTF-8 treaty");
        texts.push((format!("seed-{stem}.treaty"), text));
    }
    for seed in 0..8u64 {
        let broken = seed % 2 == 1;
        let text = treaty::generate::treaties(seed, 1 + (seed as usize % 3), broken);
        let kind = if broken { "broken" } else { "valid" };
        texts.push((format!("seed-generated-{kind}-{seed}.treaty"), text));
    }
    for target in ["parse", "pieces", "check", "fmt_roundtrip", "lsp"] {
        let dir = out.join(target);
        std::fs::create_dir_all(&dir).expect("corpus directory");
        for (name, text) in &texts {
            write(&dir, name, text.as_bytes());
        }
    }

    // The lsp target reads input starting with `C` as a raw stream and input starting
    // with `{` as one message body per line (see fuzz/fuzz_targets/lsp.rs).
    let lsp = out.join("lsp");
    let doc = r#"{"textDocument":{"uri":"untitled:fuzz"},"position":{"line":1,"character":9}}"#;
    let requests = [
        format!(r#"{{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{doc}}}"#),
        format!(r#"{{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{doc}}}"#),
        format!(r#"{{"jsonrpc":"2.0","id":3,"method":"textDocument/definition","params":{doc}}}"#),
        r#"{"jsonrpc":"2.0","id":4,"method":"textDocument/formatting","params":{"textDocument":{"uri":"untitled:fuzz"},"options":{}}}"#.to_string(),
        r#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:fuzz","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":2},"end":{"line":1,"character":7}},"text":"consult"}]}}"#.to_string(),
        r#"{"jsonrpc":"2.0","id":5,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"untitled:fuzz"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}"#.to_string(),
        r#"{"jsonrpc":"2.0","id":6,"method":"shutdown"}"#.to_string(),
        r#"{"jsonrpc":"2.0","method":"exit"}"#.to_string(),
    ];
    write(&lsp, "seed-lines.jsonl", requests.join("\n").as_bytes());
    let stream: String = requests.iter().map(|r| frame(r)).collect();
    write(&lsp, "seed-stream.lsp", stream.as_bytes());
    let broken = [
        frame(r#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":"#),
        "Content-Length: 99999999999999999999\r\n\r\n{}".to_string(),
        "Content-Length: 5\r\nContent-Type: x\r\n\r\n{\"a\":".to_string(),
        frame(r#"[1,2,{"id":null}]"#),
        frame(r#"{"jsonrpc":"2.0","id":{"x":1},"method":"initialize"}"#),
    ];
    write(&lsp, "seed-malformed.lsp", broken.concat().as_bytes());
}
