//! Workspace symbols: the treaties, scenarios and parties of every `.treaty` file under
//! the folders open in the editor (or, when the client names none, under the folders
//! of the open documents). An open document is read from the editor's text; other
//! files from disk, each only parsed, never checked.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::*;
use crate::cancel::Cancel;
use crate::lsp::position::Encoding;
use crate::lsp::Effort;
use crate::source::LineIndex;

/// Bounds on the search, so a huge folder cannot stall the server.
const MAX_FILES: usize = 2000;
const MAX_DEPTH: usize = 12;
const MAX_RESULTS: usize = 500;

const SYMBOL_MODULE: u8 = 2;
const SYMBOL_NAMESPACE: u8 = 3;
const SYMBOL_VARIABLE: u8 = 13;

fn treaty_files(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if out.len() >= MAX_FILES {
            return;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            if depth < MAX_DEPTH {
                treaty_files(&path, depth + 1, out);
            }
        } else if name.ends_with(".treaty") {
            out.push(path);
        }
    }
}

/// `file://` URI of a local path, with the characters URIs cannot hold escaped.
pub fn uri_of(path: &Path) -> String {
    let mut uri = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri
}

/// The symbols whose name holds the query. Once `cancel` is set no further file is
/// read, and the answer (which no one will read) is cut short.
pub fn workspace_symbols(
    documents: &HashMap<String, Document>,
    client: &Client,
    encoding: Encoding,
    params: &Value,
    cancel: &Cancel,
) -> (Reply, Effort) {
    let query = params
        .get("query")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_lowercase();
    let open: HashMap<PathBuf, &Document> = documents
        .iter()
        .filter_map(|(uri, d)| crate::lsp::file_path(uri).map(|p| (p, d)))
        .collect();
    let mut roots = client.folders.clone();
    if roots.is_empty() {
        roots.extend(
            open.keys()
                .filter_map(|p| p.parent().map(Path::to_path_buf)),
        );
        roots.sort();
        roots.dedup();
    }
    let mut files = Vec::new();
    for root in roots.iter().take_while(|_| !cancel.is_cancelled()) {
        treaty_files(root, 0, &mut files);
    }
    files.sort();
    files.dedup();
    let mut symbols = Vec::new();
    let mut effort = Effort::default();
    for path in files {
        // A file is read and parsed: one atomic load beside it is noise.
        if cancel.is_cancelled() {
            break;
        }
        let read;
        let text = match open.get(&path) {
            Some(document) => document.text(),
            None => {
                let small = std::fs::metadata(&path)
                    .is_ok_and(|m| m.len() <= crate::source::DEFAULT_MAX_FILE_SIZE);
                match std::fs::read_to_string(&path) {
                    Ok(text) if small => {
                        read = text;
                        &read
                    }
                    _ => continue,
                }
            }
        };
        effort.workspace_files += 1;
        let lines = LineIndex::new(text);
        let positions = Positions {
            text,
            lines: &lines,
            encoding,
        };
        let uri = uri_of(&path);
        let mut add = |name: &str, kind: u8, span: Span, container: Option<&str>| {
            if symbols.len() < MAX_RESULTS && name.to_lowercase().contains(&query) {
                let mut symbol = json!({
                    "name": name,
                    "kind": kind,
                    "location": { "uri": uri, "range": positions.range(span) },
                });
                if let Some(container) = container {
                    symbol["containerName"] = json!(container);
                }
                symbols.push(symbol);
            }
        };
        let parsed = crate::syntax::parse(text);
        for treaty in &parsed.file.treaties {
            let Some(name) = &treaty.name else { continue };
            add(&name.value, SYMBOL_NAMESPACE, name.span, None);
            for clause in &treaty.clauses {
                match &clause.kind {
                    ClauseKind::Party { code, .. } => {
                        add(&code.value, SYMBOL_VARIABLE, code.span, Some(&name.value))
                    }
                    ClauseKind::Members(codes) => {
                        for code in codes {
                            add(&code.value, SYMBOL_VARIABLE, code.span, Some(&name.value))
                        }
                    }
                    _ => {}
                }
            }
        }
        for block in &parsed.file.scenarios {
            if let Some(name) = &block.name {
                add(&name.value, SYMBOL_MODULE, name.span, Some("scenario"));
            }
        }
    }
    (Ok(Value::Array(symbols)), effort)
}
