//! `treaty lsp`: a language server over standard input and output.
//!
//! Message types come from `lsp-server`; framing and the loop are ours so that a
//! malformed message gets a JSON-RPC error and the server keeps serving. [`Server`]
//! turns one incoming message into the messages to send back and never does I/O, so
//! tests drive it in process. Every answer comes from the library: diagnostics from
//! [`analysis::check`] (exactly what `treaty check` reports), layout from [`crate::fmt`],
//! keyword and rule texts from their registries.
//!
//! Each document is checked with the `treaty.toml` found above its file, as `treaty
//! check` would check it.

mod concurrent;
mod document;
pub use concurrent::{serve_concurrently, Counts, Served};
use document::{answer, document_feature, CheckDone, CheckJob, Pending};
pub use document::{Checked, Document};
mod features;
pub mod framing;
pub mod position;
mod watch;

use std::collections::{HashMap, HashSet};
use std::io::{self, BufRead, Write};

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use crate::analysis::incremental::Incremental;
use crate::analysis::Settings;
use crate::config;
use crate::source::{LineIndex, SourceFile};
use crate::span::Span;
use position::{Encoding, Positions};
use std::sync::Arc;

/// JSON-RPC and LSP error codes used here.
pub mod errors {
    pub const PARSE_ERROR: i32 = -32700;
    pub const INVALID_REQUEST: i32 = -32600;
    pub const METHOD_NOT_FOUND: i32 = -32601;
    pub const INVALID_PARAMS: i32 = -32602;
    pub const SERVER_NOT_INITIALIZED: i32 = -32002;
    pub const REQUEST_FAILED: i32 = -32803;
    pub const REQUEST_CANCELLED: i32 = -32800;
}

/// The server's state: open documents and what was negotiated.
pub struct Server {
    /// `treaty.toml` per document, as `treaty check` finds it.
    configs: config::Resolver,
    defaults: Arc<Settings>,
    documents: HashMap<String, Document>,
    /// Documents whose last change could not be applied: the server's copy is not the
    /// editor's until the whole text comes again (open, save, or a full change).
    out_of_sync: HashSet<String>,
    encoding: Encoding,
    initialized: bool,
    /// The client registers file watchers when asked (`client/registerCapability`).
    watches_files: bool,
    /// `treaty.toml` files (by URI) whose problems are published, with the text of the
    /// last publication, so that a fix clears them and an unchanged file is not resent.
    config_problems: HashMap<String, String>,
    /// What the client said it supports at `initialize` (snippets, its folders).
    client: features::Client,
    shutdown_requested: bool,
    /// Set by the `exit` notification: the process exit code.
    pub exit_code: Option<i32>,
    /// Changed text not yet checked, by URI.
    pending_changes: HashMap<String, Pending>,
    /// What each open document's last check kept for the next (`analysis::incremental`).
    checkers: HashMap<String, Incremental>,
    /// How many times a document was checked: coalescing is tested by counting.
    pub checks: usize,
    /// The last semantic tokens sent per document, for delta requests.
    token_results: features::TokenResults,
    /// Set by `serve_concurrently`: checks and document requests run on other threads.
    background: Option<concurrent::Background>,
}

impl Default for Server {
    fn default() -> Self {
        Self::new()
    }
}

type Reply = Result<Value, (i32, String)>;

fn invalid(message: impl Into<String>) -> (i32, String) {
    (errors::INVALID_PARAMS, message.into())
}

impl Server {
    pub fn new() -> Self {
        Server {
            configs: config::Resolver::new(config::Overrides::default()),
            defaults: Arc::new(Settings::default()),
            documents: HashMap::new(),
            out_of_sync: HashSet::new(),
            encoding: Encoding::Utf16,
            initialized: false,
            watches_files: false,
            config_problems: HashMap::new(),
            client: features::Client::default(),
            shutdown_requested: false,
            exit_code: None,
            pending_changes: HashMap::new(),
            checkers: HashMap::new(),
            checks: 0,
            token_results: features::TokenResults::default(),
            background: None,
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Handle one message; returns the messages to send, in order.
    pub fn handle(&mut self, message: Message) -> Vec<Outgoing> {
        let mut out = self.handle_one(message);
        out.extend(self.flush_changes());
        out
    }

    /// Handle messages that arrived together. Consecutive `didChange`s are applied
    /// in order and the document checked once, before the next message that is not a
    /// change (a request then sees the newest text) or at the end; a request cancelled
    /// (`$/cancelRequest`) in the same batch is answered -32800 without running.
    pub fn handle_batch(&mut self, messages: Vec<Message>) -> Vec<Outgoing> {
        let cancelled: HashSet<RequestId> = messages
            .iter()
            .filter_map(|m| match m {
                Message::Notification(n) if n.method == "$/cancelRequest" => n.params.get("id"),
                _ => None,
            })
            .filter_map(|id| serde_json::from_value(id.clone()).ok())
            .collect();
        let mut out = Vec::new();
        for message in messages {
            let is_change = matches!(&message, Message::Notification(n) if n.method == "textDocument/didChange");
            if !is_change {
                out.extend(self.flush_changes());
            }
            match message {
                Message::Request(request)
                    if self.initialized && cancelled.contains(&request.id) =>
                {
                    self.note_cancelled();
                    out.push(Outgoing::Message(Message::Response(Response::new_err(
                        request.id,
                        errors::REQUEST_CANCELLED,
                        "cancelled by the client".to_string(),
                    ))));
                }
                message => out.extend(self.handle_one(message)),
            }
        }
        out.extend(self.flush_changes());
        out
    }

    /// Check the documents whose changes are applied but not yet checked (in the
    /// background, start the checks of those with none running).
    fn flush_changes(&mut self) -> Vec<Outgoing> {
        if self.background.is_some() {
            return self.start_background_checks();
        }
        let mut pending: Vec<(String, Pending)> = self.pending_changes.drain().collect();
        pending.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out = Vec::new();
        for (uri, change) in pending {
            let source = SourceFile {
                path: uri.clone(),
                text: change.text,
                lines: change.lines,
            };
            out.extend(self.check_now(&uri, source, change.version));
        }
        out
    }

    fn handle_one(&mut self, message: Message) -> Vec<Outgoing> {
        match message {
            Message::Request(request) => {
                let request = match self.answer_in_background(request) {
                    Ok(()) => return Vec::new(),
                    Err(request) => request,
                };
                vec![Outgoing::Message(Message::Response(self.request(request)))]
            }
            Message::Notification(notification) => self.notification(notification),
            // The server sends no requests, so a response is unexpected: ignore it.
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let Request { id, method, params } = request;
        let reply = if method == "initialize" && self.initialized {
            Err((
                errors::INVALID_REQUEST,
                "the server is already initialized".to_string(),
            ))
        } else if method == "initialize" {
            Ok(self.initialize(&params))
        } else if !self.initialized {
            Err((
                errors::SERVER_NOT_INITIALIZED,
                "the server has not been initialized".to_string(),
            ))
        } else if self.shutdown_requested {
            Err((
                errors::INVALID_REQUEST,
                "the server is shutting down".to_string(),
            ))
        } else {
            self.dispatch(&method, &params)
        };
        respond(id, reply)
    }

    fn dispatch(&mut self, method: &str, params: &Value) -> Reply {
        if let Some(feature) = document_feature(method) {
            return self.with_document(params, feature);
        }
        match method {
            "shutdown" => {
                self.shutdown_requested = true;
                Ok(Value::Null)
            }
            "completionItem/resolve" => Ok(features::resolve_completion(params)),
            // Answered here, not in the background: they read and update the tokens
            // last sent (`token_results`).
            "textDocument/semanticTokens/full" => self.with_document(params, |context, _| {
                features::semantic_tokens_full(context, &self.token_results)
            }),
            "textDocument/semanticTokens/full/delta" => {
                self.with_document(params, |context, params| {
                    features::semantic_tokens_delta(context, params, &self.token_results)
                })
            }
            "workspace/executeCommand" => features::execute_command(&self.documents, params),
            // In the background, answered on a thread of its own (`concurrent`).
            "workspace/symbol" => {
                features::workspace_symbols(
                    &self.documents,
                    &self.client,
                    self.encoding,
                    params,
                    &crate::cancel::Cancel::never(),
                )
                .0
            }
            _ => Err((
                errors::METHOD_NOT_FOUND,
                format!("method `{method}` is not supported"),
            )),
        }
    }

    fn with_document(
        &self,
        params: &Value,
        feature: impl FnOnce(&Context<'_>, &Value) -> Reply,
    ) -> Reply {
        let uri = document_uri(params).ok_or_else(|| invalid("missing `textDocument.uri`"))?;
        let document = self
            .documents
            .get(uri)
            .ok_or_else(|| invalid(format!("unknown document `{uri}`: open it first")))?;
        if self.out_of_sync.contains(uri) {
            return Err(out_of_date(uri));
        }
        let never = crate::cancel::Cancel::never();
        answer(
            uri,
            document,
            &self.client,
            self.encoding,
            feature,
            params,
            &never,
        )
        .0
    }

    fn initialize(&mut self, params: &Value) -> Value {
        let offered = params
            .pointer("/capabilities/general/positionEncodings")
            .and_then(Value::as_array);
        let utf8 = offered.is_some_and(|list| list.iter().any(|e| e.as_str() == Some("utf-8")));
        self.encoding = if utf8 {
            Encoding::Utf8
        } else {
            Encoding::Utf16
        };
        self.initialized = true;
        self.client = features::Client::from_initialize(params);
        self.watches_files = params
            .pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        json!({
            "capabilities": {
                "positionEncoding": self.encoding.name(),
                "textDocumentSync": { "openClose": true, "change": 1, "save": { "includeText": true } },
                "hoverProvider": true,
                "definitionProvider": true,
                "referencesProvider": true,
                "documentSymbolProvider": true,
                "completionProvider": { "triggerCharacters": [" ", ","], "resolveProvider": true },
                "documentFormattingProvider": true,
                "codeActionProvider": { "codeActionKinds": ["quickfix"] },
                "renameProvider": { "prepareProvider": true },
                "documentHighlightProvider": true,
                "semanticTokensProvider": {
                    "legend": features::token_legend(),
                    "full": { "delta": true },
                    "range": true,
                },
                "foldingRangeProvider": true,
                "selectionRangeProvider": true,
                "inlayHintProvider": true,
                "codeLensProvider": { "resolveProvider": false },
                "executeCommandProvider": {
                    "commands": [features::RUN_SCENARIO, features::SHOW_TIER],
                },
                "workspaceSymbolProvider": true,
            },
            "serverInfo": { "name": "treaty", "version": env!("CARGO_PKG_VERSION") },
        })
    }

    fn notification(&mut self, notification: Notification) -> Vec<Outgoing> {
        let params = &notification.params;
        // Before `initialize`, notifications are dropped, all but `exit` (LSP 3.17).
        if !self.initialized && notification.method != "exit" {
            return Vec::new();
        }
        match notification.method.as_str() {
            "exit" => {
                self.exit_code = Some(if self.shutdown_requested { 0 } else { 1 });
                Vec::new()
            }
            "textDocument/didOpen" => {
                let document = params.get("textDocument");
                let uri = document.and_then(|d| d.get("uri")).and_then(Value::as_str);
                let text = document.and_then(|d| d.get("text")).and_then(Value::as_str);
                let version = document
                    .and_then(|d| d.get("version"))
                    .and_then(Value::as_i64)
                    .unwrap_or(0);
                match (uri, text) {
                    (Some(uri), Some(text)) => self.update(uri, text.to_string(), version),
                    _ => log_message("didOpen without a document uri and text"),
                }
            }
            "textDocument/didChange" => self.did_change(params),
            "initialized" if self.watches_files => vec![watch::register_watchers()],
            "workspace/didChangeWatchedFiles" => self.files_changed(params),
            "textDocument/didSave" => {
                let Some(uri) = document_uri(params) else {
                    return log_message("didSave without a document uri");
                };
                let Some((latest, version)) = self.latest_text(uri) else {
                    return log_message(&format!("didSave for unknown `{uri}`"));
                };
                let text = match params.get("text").and_then(Value::as_str) {
                    Some(text) => text.to_string(),
                    None => latest.to_string(),
                };
                self.update(uri, text, version)
            }
            "textDocument/didClose" => match document_uri(params) {
                Some(uri) => {
                    let uri = uri.to_string();
                    self.documents.remove(&uri);
                    self.out_of_sync.remove(&uri);
                    self.token_results.forget(&uri);
                    self.pending_changes.remove(&uri);
                    self.checkers.remove(&uri);
                    self.forget_background_work(&uri);
                    let none: [features::LspDiagnostic<'_>; 0] = [];
                    vec![publish(&uri, None, &none)]
                }
                None => log_message("didClose without a document uri"),
            },
            "$/cancelRequest" => self.cancel_in_background(params),
            // `initialized`, `$/setTrace` and anything else: nothing to do.
            _ => Vec::new(),
        }
    }

    /// The newest text of a document the server has: its changes not yet checked, or
    /// the text being checked, or the text last checked.
    fn latest_text(&self, uri: &str) -> Option<(&str, i64)> {
        if let Some(pending) = self.pending_changes.get(uri) {
            return Some((&pending.text, pending.version));
        }
        if let Some(checking) = self.background.as_ref().and_then(|b| b.checking(uri)) {
            return Some(checking);
        }
        let document = self.documents.get(uri)?;
        Some((document.text(), document.version))
    }

    fn did_change(&mut self, params: &Value) -> Vec<Outgoing> {
        let Some(uri) = document_uri(params) else {
            return log_message("didChange without a document uri");
        };
        let uri = uri.to_string();
        // Edits queued since the last check apply on top of the text they produced,
        // with the line index they kept up to date.
        let mut pending = match self.pending_changes.remove(&uri) {
            Some(pending) => pending,
            None => {
                let Some((text, version)) = self.latest_text(&uri) else {
                    return log_message(&format!("didChange for unknown document `{uri}`"));
                };
                let lines = match self.documents.get(&uri) {
                    Some(document) if document.version == version && document.text() == text => {
                        document.report.source.lines.clone()
                    }
                    _ => LineIndex::new(text),
                };
                Pending {
                    text: text.to_string(),
                    version,
                    lines,
                }
            }
        };
        if let Some(version) = params
            .pointer("/textDocument/version")
            .and_then(Value::as_i64)
        {
            pending.version = version;
        }
        let changes = params
            .get("contentChanges")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut synced = !self.out_of_sync.contains(&uri);
        for change in changes {
            let new_text = change.get("text").and_then(Value::as_str);
            match (change.get("range"), new_text) {
                // The whole text: whatever was lost before, the copy is right again.
                (None, Some(new_text)) => {
                    pending.text = new_text.to_string();
                    pending.lines = LineIndex::new(new_text);
                    synced = true;
                }
                // An edit to a copy already out of date cannot be placed.
                _ if !synced => {}
                // An incremental edit: positions are relative to the text so far.
                (Some(range), Some(new_text)) => {
                    let positions = Positions {
                        text: &pending.text,
                        lines: &pending.lines,
                        encoding: self.encoding,
                    };
                    match positions.span_of(range) {
                        Some(span) => {
                            pending.text.replace_range(span.start..span.end, new_text);
                            pending.lines.apply_edit(&pending.text, span, new_text);
                        }
                        None => synced = false,
                    }
                }
                (_, None) => synced = false,
            }
        }
        let version = pending.version;
        if synced {
            self.out_of_sync.remove(&uri);
            // Checked by `flush_changes`, once for however many changes came together.
            self.pending_changes.insert(uri, pending);
            return Vec::new();
        }
        if !self.out_of_sync.insert(uri.clone()) {
            return Vec::new();
        }
        // Say so once, and withdraw diagnostics that describe a text the editor no
        // longer has.
        let none: [features::LspDiagnostic<'_>; 0] = [];
        vec![
            show_message(&format!(
                "treaty: a change to {uri} had a missing or negative range and could not be applied; \
                 the server's copy is out of date until you save the file (or close and reopen it)"
            )),
            publish(&uri, Some(version), &none),
        ]
    }

    /// Check a new text of a document: now, or in the background once its running
    /// check (if any) is done.
    fn update(&mut self, uri: &str, text: String, version: i64) -> Vec<Outgoing> {
        if self.background.is_some() {
            self.out_of_sync.remove(uri);
            let lines = LineIndex::new(&text);
            self.pending_changes.insert(
                uri.to_string(),
                Pending {
                    text,
                    version,
                    lines,
                },
            );
            return Vec::new();
        }
        self.pending_changes.remove(uri);
        self.check_now(uri, SourceFile::new(uri, text), version)
    }

    fn check_now(&mut self, uri: &str, source: SourceFile, version: i64) -> Vec<Outgoing> {
        let (job, config_message) = self.start_check(uri, source, version);
        let mut out = self.finish_check(job.run());
        out.extend(config_message);
        out
    }

    /// What a check needs, and the publication of the `treaty.toml` problems (read
    /// now, as `treaty check` would read them).
    fn start_check(
        &mut self,
        uri: &str,
        source: SourceFile,
        version: i64,
    ) -> (CheckJob, Option<Outgoing>) {
        self.out_of_sync.remove(uri);
        self.checks += 1;
        let (settings, config_problem) = self.settings_for(uri);
        let config_message = match config_problem {
            Some(problem) => self.config_publication(problem),
            None => self.config_fixed(uri),
        };
        let job = CheckJob {
            ticket: self.checks,
            uri: uri.to_string(),
            source,
            version,
            settings,
            checker: self.checkers.remove(uri).unwrap_or_default(),
            encoding: self.encoding,
        };
        (job, config_message)
    }

    /// Keep a finished check's document and hand back its publication.
    fn finish_check(&mut self, done: CheckDone) -> Vec<Outgoing> {
        let CheckDone {
            uri,
            document,
            checker,
            publication,
            ..
        } = done;
        self.checkers.insert(uri.clone(), checker);
        if let Some(old) = self.documents.insert(uri, document) {
            // Freeing the previous version's trees takes a tenth of a keystroke's
            // budget on a large file: do it off the path to the diagnostics.
            crate::analysis::incremental::drop_later(old);
        }
        vec![publication]
    }
}

fn out_of_date(uri: &str) -> (i32, String) {
    (
        errors::REQUEST_FAILED,
        format!("the server's copy of `{uri}` is out of date: save the file to resynchronise"),
    )
}

/// The local path of a `file://` URI, percent-decoded.
pub(super) fn file_path(uri: &str) -> Option<std::path::PathBuf> {
    let encoded = uri.strip_prefix("file://")?;
    let bytes = encoded.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(decoded)
        .ok()
        .map(std::path::PathBuf::from)
}

/// What a feature needs to answer a request about one document.
pub struct Context<'a> {
    pub uri: &'a str,
    pub document: &'a Document,
    pub positions: Positions<'a>,
    pub baseline: &'a crate::rules::Baseline,
    pub client: &'a features::Client,
    /// Set when the client cancels the request: long work polls it.
    pub cancel: &'a crate::cancel::Cancel,
    /// What answering cost so far (features add to it).
    pub effort: std::cell::Cell<Effort>,
}

/// What answering one request cost: tests count it instead of timing it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Effort {
    /// Combinations of changes the next-tier search tried.
    pub next_tier_tries: usize,
    /// Files `workspace/symbol` read (from the editor or the disk).
    pub workspace_files: usize,
}

impl Context<'_> {
    pub fn text(&self) -> &str {
        self.document.text()
    }

    /// The byte offset of the request's `position`.
    pub fn offset(&self, params: &Value) -> Result<usize, (i32, String)> {
        params
            .get("position")
            .and_then(|p| self.positions.offset_of(p))
            .ok_or_else(|| invalid("missing or malformed `position`"))
    }

    pub fn location(&self, span: Span) -> Value {
        json!({ "uri": self.uri, "range": self.positions.range(span) })
    }
}

fn document_uri(params: &Value) -> Option<&str> {
    params.pointer("/textDocument/uri").and_then(Value::as_str)
}

fn respond(id: RequestId, reply: Reply) -> Response {
    match reply {
        // Not `Response::new_ok`, which copies the whole result through serde.
        Ok(result) => Response {
            id,
            response_result: Ok(result),
        },
        Err((code, message)) => Response::new_err(id, code, message),
    }
}

/// A message for the client.
#[derive(Debug)]
pub enum Outgoing {
    Message(Message),
    /// A notification whose JSON body is already written: `publishDiagnostics`, which
    /// is serialised straight from the report.
    Written(String),
}

impl Outgoing {
    /// Write the message with its `Content-Length` header.
    pub fn write(self, out: &mut impl Write) -> io::Result<()> {
        match self {
            Outgoing::Message(message) => message.write(out),
            Outgoing::Written(body) => {
                write!(out, "Content-Length: {}\r\n\r\n", body.len())?;
                out.write_all(body.as_bytes())
            }
        }
    }
}

#[derive(serde::Serialize)]
struct PublishDiagnostics<'a, D> {
    jsonrpc: &'static str,
    method: &'static str,
    params: PublishParams<'a, D>,
}

#[derive(serde::Serialize)]
struct PublishParams<'a, D> {
    uri: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<i64>,
    diagnostics: &'a [D],
}

pub(super) fn publish<D: serde::Serialize>(
    uri: &str,
    version: Option<i64>,
    diagnostics: &[D],
) -> Outgoing {
    let notification = PublishDiagnostics {
        jsonrpc: "2.0",
        method: "textDocument/publishDiagnostics",
        params: PublishParams {
            uri,
            version,
            diagnostics,
        },
    };
    match serde_json::to_string(&notification) {
        Ok(body) => Outgoing::Written(body),
        // Plain structs of strings and numbers always serialise; say so if not.
        Err(error) => log_message(&format!("cannot write diagnostics: {error}"))
            .pop()
            .unwrap_or(Outgoing::Written(String::new())),
    }
}

/// A `window/showMessage` error: something the user must act on.
fn show_message(text: &str) -> Outgoing {
    Outgoing::Message(Message::Notification(Notification::new(
        "window/showMessage".to_string(),
        json!({ "type": 1, "message": text }),
    )))
}

/// An error response written by hand: its id may be `null`, which `lsp-server`'s
/// [`RequestId`] cannot hold.
fn error_reply(id: Value, code: i32, message: &str) -> Outgoing {
    let body = json!({
        "jsonrpc": "2.0",
        "id": id,
        "error": { "code": code, "message": message },
    });
    Outgoing::Written(body.to_string())
}

/// A `window/logMessage` warning: for notifications, which cannot be answered.
fn log_message(text: &str) -> Vec<Outgoing> {
    vec![Outgoing::Message(Message::Notification(Notification::new(
        "window/logMessage".to_string(),
        json!({ "type": 2, "message": text }),
    )))]
}

/// The largest message body read: room for a document at the CLI's default size limit
/// ([`crate::source::DEFAULT_MAX_FILE_SIZE`]) with every character JSON-escaped.
pub const MAX_MESSAGE_BYTES: u64 = 2 * crate::source::DEFAULT_MAX_FILE_SIZE;

/// Serve LSP over `input` and `output` until `exit` or the end of input. Returns the
/// process exit code: 0 after `shutdown` then `exit`, 1 otherwise. Frames are read by
/// [`framing::Framer`], so a lying `Content-Length` never stalls the server.
///
/// Everything runs on the caller's thread, one batch of messages after another (the
/// fuzz tests drive it so); `treaty lsp` runs [`serve_concurrently`].
pub fn serve(input: &mut impl BufRead, output: &mut impl Write) -> io::Result<i32> {
    let mut server = Server::new();
    let mut framer = framing::Framer::new(input, MAX_MESSAGE_BYTES as usize);
    loop {
        // Everything already read is handled together, so keystrokes that arrived
        // while the last check ran are checked once.
        let mut messages = Vec::new();
        let mut replies = Vec::new();
        loop {
            match framer.next_frame()? {
                None if messages.is_empty() && replies.is_empty() => return Ok(1),
                None => break,
                Some(framing::Frame::Message(message)) => messages.push(message),
                Some(framing::Frame::Invalid { code, message, id }) => {
                    replies.push(error_reply(id, code, &message))
                }
            }
            if !framer.has_buffered_frame() {
                break;
            }
        }
        replies.extend(server.handle_batch(messages));
        for reply in replies {
            reply.write(output)?;
        }
        output.flush()?;
        if let Some(code) = server.exit_code {
            return Ok(code);
        }
    }
}

/// `treaty lsp`: serve on standard input and output.
pub fn run_stdio() -> io::Result<i32> {
    let stdout = io::stdout();
    let served = serve_concurrently(io::stdin(), &mut stdout.lock())?;
    Ok(served.exit_code)
}
