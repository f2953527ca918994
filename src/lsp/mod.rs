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

mod features;
pub mod position;

use std::collections::HashMap;
use std::io::{self, BufRead, Read, Write};

use lsp_server::{Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};

use crate::analysis::{self, FileReport, Settings};
use crate::config;
use crate::diagnostics::Diagnostic;
use crate::model::Model;
use crate::source::SourceFile;
use crate::span::Span;
use crate::syntax::ast;
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
}

/// One open document and everything derived from its text.
pub struct Document {
    pub version: i64,
    pub report: FileReport,
    pub model: Model,
    pub syntax: ast::File,
    /// The settings it was checked with (hover shows the baseline).
    pub settings: Arc<Settings>,
}

impl Document {
    fn new(uri: &str, text: String, version: i64, settings: Arc<Settings>) -> Self {
        let (report, model, syntax) =
            analysis::check_keeping_model(SourceFile::new(uri, text), &settings);
        Document {
            version,
            report,
            model,
            syntax,
            settings,
        }
    }

    pub fn text(&self) -> &str {
        &self.report.source.text
    }
}

/// The server's state: open documents and what was negotiated.
pub struct Server {
    /// `treaty.toml` per document, as `treaty check` finds it.
    configs: config::Resolver,
    defaults: Arc<Settings>,
    documents: HashMap<String, Document>,
    encoding: Encoding,
    initialized: bool,
    /// What the client said it supports at `initialize` (snippets, its folders).
    client: features::Client,
    shutdown_requested: bool,
    /// Set by the `exit` notification: the process exit code.
    pub exit_code: Option<i32>,
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
            encoding: Encoding::Utf16,
            initialized: false,
            client: features::Client::default(),
            shutdown_requested: false,
            exit_code: None,
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// Handle one message; returns the messages to send, in order.
    pub fn handle(&mut self, message: Message) -> Vec<Outgoing> {
        match message {
            Message::Request(request) => {
                vec![Outgoing::Message(Message::Response(self.request(request)))]
            }
            Message::Notification(notification) => self.notification(notification),
            // The server sends no requests, so a response is unexpected: ignore it.
            Message::Response(_) => Vec::new(),
        }
    }

    fn request(&mut self, request: Request) -> Response {
        let Request { id, method, params } = request;
        let reply = if method == "initialize" {
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
        match method {
            "shutdown" => {
                self.shutdown_requested = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => self.with_document(params, features::hover),
            "textDocument/definition" => self.with_document(params, features::definition),
            "textDocument/references" => self.with_document(params, features::references),
            "textDocument/documentSymbol" => self.with_document(params, features::symbols),
            "textDocument/completion" => self.with_document(params, features::completion),
            "textDocument/formatting" => self.with_document(params, features::formatting),
            "textDocument/codeAction" => self.with_document(params, features::code_actions),
            "completionItem/resolve" => Ok(features::resolve_completion(params)),
            "textDocument/prepareRename" => self.with_document(params, features::prepare_rename),
            "textDocument/rename" => self.with_document(params, features::rename),
            "textDocument/documentHighlight" => {
                self.with_document(params, features::document_highlight)
            }
            "textDocument/semanticTokens/full" => {
                self.with_document(params, features::semantic_tokens_full)
            }
            "textDocument/semanticTokens/range" => {
                self.with_document(params, features::semantic_tokens_range)
            }
            "textDocument/foldingRange" => self.with_document(params, features::folding_ranges),
            "textDocument/selectionRange" => self.with_document(params, features::selection_ranges),
            "textDocument/inlayHint" => self.with_document(params, features::inlay_hints),
            "textDocument/codeLens" => self.with_document(params, features::code_lens),
            "workspace/executeCommand" => features::execute_command(&self.documents, params),
            "workspace/symbol" => {
                features::workspace_symbols(&self.documents, &self.client, self.encoding, params)
            }
            _ => Err((
                errors::METHOD_NOT_FOUND,
                format!("method `{method}` is not supported"),
            )),
        }
    }

    fn with_document(&self, params: &Value, feature: fn(&Context<'_>, &Value) -> Reply) -> Reply {
        let uri = document_uri(params).ok_or_else(|| invalid("missing `textDocument.uri`"))?;
        let document = self
            .documents
            .get(uri)
            .ok_or_else(|| invalid(format!("unknown document `{uri}`: open it first")))?;
        let context = Context {
            uri,
            document,
            positions: Positions {
                text: document.text(),
                lines: &document.report.source.lines,
                encoding: self.encoding,
            },
            baseline: &document.settings.baseline,
            client: &self.client,
        };
        feature(&context, params)
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
                    "full": true,
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
            "textDocument/didSave" => {
                let Some(uri) = document_uri(params) else {
                    return log_message("didSave without a document uri");
                };
                let text = match params.get("text").and_then(Value::as_str) {
                    Some(text) => text.to_string(),
                    None => match self.documents.get(uri) {
                        Some(document) => document.text().to_string(),
                        None => return log_message(&format!("didSave for unknown `{uri}`")),
                    },
                };
                let version = self.documents.get(uri).map_or(0, |d| d.version);
                self.update(uri, text, version)
            }
            "textDocument/didClose" => match document_uri(params) {
                Some(uri) => {
                    let uri = uri.to_string();
                    self.documents.remove(&uri);
                    let none: [features::LspDiagnostic<'_>; 0] = [];
                    vec![publish(&uri, None, &none)]
                }
                None => log_message("didClose without a document uri"),
            },
            // `initialized`, `$/cancelRequest`, `$/setTrace` and anything else: nothing to do.
            _ => Vec::new(),
        }
    }

    fn did_change(&mut self, params: &Value) -> Vec<Outgoing> {
        let Some(uri) = document_uri(params) else {
            return log_message("didChange without a document uri");
        };
        let Some(document) = self.documents.get(uri) else {
            return log_message(&format!("didChange for unknown document `{uri}`"));
        };
        let version = params
            .pointer("/textDocument/version")
            .and_then(Value::as_i64)
            .unwrap_or(document.version);
        let mut text = document.text().to_string();
        let changes = params
            .get("contentChanges")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for change in &changes {
            let Some(new_text) = change.get("text").and_then(Value::as_str) else {
                continue;
            };
            match change.get("range") {
                // An incremental edit: positions are relative to the text so far.
                Some(range) => {
                    let lines = crate::source::LineIndex::new(&text);
                    let positions = Positions {
                        text: &text,
                        lines: &lines,
                        encoding: self.encoding,
                    };
                    if let Some(span) = positions.span_of(range) {
                        text.replace_range(span.start..span.end, new_text);
                    }
                }
                None => text = new_text.to_string(),
            }
        }
        let uri = uri.to_string();
        self.update(&uri, text, version)
    }

    fn update(&mut self, uri: &str, text: String, version: i64) -> Vec<Outgoing> {
        let (settings, config_problem) = self.settings_for(uri);
        let mut document = Document::new(uri, text, version, settings);
        if let Some(problem) = config_problem {
            document.report.diagnostics.insert(0, problem);
        }
        let positions = Positions {
            text: document.text(),
            lines: &document.report.source.lines,
            encoding: self.encoding,
        };
        let diagnostics = features::diagnostics(uri, &document, &positions);
        let message = publish(uri, Some(version), &diagnostics);
        if let Some(old) = self.documents.insert(uri.to_string(), document) {
            // Freeing the previous version's trees takes a tenth of a keystroke's
            // budget on a large file: do it off the path to the diagnostics.
            std::thread::spawn(move || drop(old));
        }
        vec![message]
    }
}

impl Server {
    /// The settings for a document: from the `treaty.toml` above its file, or the
    /// defaults (with a diagnostic saying why) when that file is broken.
    fn settings_for(&mut self, uri: &str) -> (Arc<Settings>, Option<Diagnostic>) {
        let Some(path) = file_path(uri) else {
            return (Arc::clone(&self.defaults), None);
        };
        self.configs.forget_locations();
        match self.configs.settings_for(&path) {
            Ok(settings) => (settings, None),
            Err(error) => {
                let first = error.diagnostics.first().map_or("", |d| d.message.as_str());
                let problem = Diagnostic::error(
                    config::codes::INVALID_CONFIG,
                    format!(
                        "{} is invalid, so the default settings are used: {first}",
                        error.source.path
                    ),
                )
                .with_label(Span::new(0, 0), "configuration not applied")
                .with_help(
                    "run `treaty check` on this file to see every problem in the configuration",
                );
                (Arc::clone(&self.defaults), Some(problem))
            }
        }
    }
}

/// The local path of a `file://` URI, percent-decoded.
fn file_path(uri: &str) -> Option<std::path::PathBuf> {
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

fn publish<D: serde::Serialize>(uri: &str, version: Option<i64>, diagnostics: &[D]) -> Outgoing {
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

/// The longest header line read (`Content-Length: 123\r\n` is 21 bytes).
const MAX_HEADER_LINE: u64 = 4096;

/// Read one framed message. `lsp-server`'s own reader allocates the whole announced
/// `Content-Length` before reading, so a header alone could make it allocate terabytes
/// (or panic with a capacity overflow); here the body grows only with the bytes that
/// arrive, and a body over [`MAX_MESSAGE_BYTES`] is skipped and reported as malformed.
/// Framing and JSON errors are `InvalidData`, as `lsp-server` reports them.
fn read_message(input: &mut impl BufRead) -> io::Result<Option<Message>> {
    fn malformed(what: String) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, what)
    }
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        // A header line is short; one without an end is not read into memory whole.
        if (&mut *input).take(MAX_HEADER_LINE).read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let Some(header) = line.strip_suffix("\r\n") else {
            return Err(malformed(format!("malformed header: {line:?}")));
        };
        if header.is_empty() {
            break;
        }
        let (name, value) = header
            .split_once(": ")
            .ok_or_else(|| malformed(format!("malformed header: {header:?}")))?;
        if name.eq_ignore_ascii_case("Content-Length") {
            let value = value
                .parse::<u64>()
                .map_err(|_| malformed(format!("bad Content-Length: {value:?}")))?;
            length = Some(value);
        }
    }
    let length = length.ok_or_else(|| malformed("no Content-Length".to_string()))?;
    if length > MAX_MESSAGE_BYTES {
        let skipped = io::copy(&mut input.take(length), &mut io::sink())?;
        if skipped < length {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        return Err(malformed(format!(
            "a message of {length} bytes is over the {MAX_MESSAGE_BYTES}-byte limit"
        )));
    }
    let mut body = Vec::new();
    input.take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(io::ErrorKind::UnexpectedEof.into());
    }
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|error| malformed(format!("malformed message: {error}")))
}

/// Serve LSP over `input` and `output` until `exit` or the end of input. Returns the
/// process exit code: 0 after `shutdown` then `exit`, 1 otherwise.
pub fn serve(input: &mut impl BufRead, output: &mut impl Write) -> io::Result<i32> {
    let mut server = Server::new();
    loop {
        match read_message(input) {
            Ok(Some(message)) => {
                for reply in server.handle(message) {
                    reply.write(output)?;
                }
                output.flush()?;
                if let Some(code) = server.exit_code {
                    return Ok(code);
                }
            }
            Ok(None) => return Ok(1),
            // The frame was consumed; answer with a parse error and keep serving.
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                let body = json!({
                    "jsonrpc": "2.0",
                    "id": null,
                    "error": { "code": errors::PARSE_ERROR, "message": "malformed message" },
                })
                .to_string();
                write!(output, "Content-Length: {}\r\n\r\n{body}", body.len())?;
                output.flush()?;
            }
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => return Ok(1),
            Err(error) => return Err(error),
        }
    }
}

/// `treaty lsp`: serve on standard input and output.
pub fn run_stdio() -> io::Result<i32> {
    let stdin = io::stdin();
    let stdout = io::stdout();
    serve(&mut stdin.lock(), &mut stdout.lock())
}
