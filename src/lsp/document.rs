//! An open document as the server holds it, the check that makes one (on whichever
//! thread runs it), and the requests answered from a document alone.

use std::sync::Arc;

use serde_json::Value;

use super::position::{Encoding, Positions};
use super::{features, publish, Context, Effort, Outgoing, Reply};
use crate::analysis::incremental::Incremental;
use crate::analysis::{FileReport, Settings};
use crate::cancel::Cancel;
use crate::model::Model;
use crate::source::{LineIndex, SourceFile};
use crate::syntax::ast;

/// One open document and everything derived from its text. Shared, so a clone is
/// cheap: a request is answered on its own thread from the document as it was while
/// the next version is being checked (`serve_concurrently`).
#[derive(Clone)]
pub struct Document(Arc<Checked>);

/// What a check of one version of a document gave.
pub struct Checked {
    pub version: i64,
    pub report: FileReport,
    pub model: Model,
    pub syntax: ast::File,
    /// The settings it was checked with (hover shows the baseline).
    pub settings: Arc<Settings>,
}

impl std::ops::Deref for Document {
    type Target = Checked;

    fn deref(&self) -> &Checked {
        &self.0
    }
}

impl Document {
    /// Check `source`, reusing what `checker` kept of the document's last check.
    pub(super) fn check(
        source: SourceFile,
        version: i64,
        settings: Arc<Settings>,
        checker: &mut Incremental,
    ) -> Self {
        let (report, model, syntax) = checker.check(source, &settings);
        Document(Arc::new(Checked {
            version,
            report,
            model,
            syntax,
            settings,
        }))
    }
}

impl Checked {
    pub fn text(&self) -> &str {
        &self.report.source.text
    }
}

/// Edited text not yet checked, with its line index kept up to date edit by edit.
pub(super) struct Pending {
    pub(super) text: String,
    pub(super) version: i64,
    pub(super) lines: LineIndex,
}

/// A check to run, on this thread or another: everything it needs is owned.
pub(super) struct CheckJob {
    /// Which check this is (the server's count of checks when it started).
    pub(super) ticket: usize,
    pub(super) uri: String,
    pub(super) source: SourceFile,
    pub(super) version: i64,
    pub(super) settings: Arc<Settings>,
    pub(super) checker: Incremental,
    pub(super) encoding: Encoding,
}

/// A finished check: the new document and its `publishDiagnostics`, already written.
pub(super) struct CheckDone {
    pub(super) ticket: usize,
    pub(super) uri: String,
    pub(super) document: Document,
    pub(super) checker: Incremental,
    pub(super) publication: Outgoing,
}

impl CheckJob {
    pub(super) fn run(mut self) -> CheckDone {
        let document = Document::check(self.source, self.version, self.settings, &mut self.checker);
        let positions = Positions {
            text: document.text(),
            lines: &document.report.source.lines,
            encoding: self.encoding,
        };
        let diagnostics = features::diagnostics(&self.uri, &document, &positions);
        let publication = publish(&self.uri, Some(self.version), &diagnostics);
        drop(diagnostics);
        CheckDone {
            ticket: self.ticket,
            uri: self.uri,
            document,
            checker: self.checker,
            publication,
        }
    }
}

/// A request about one document, answered from the document alone.
pub(super) type Feature = fn(&Context<'_>, &Value) -> Reply;

/// The feature that answers `method`, if it is a request about one document.
pub(super) fn document_feature(method: &str) -> Option<Feature> {
    let feature: Feature = match method {
        "textDocument/hover" => features::hover,
        "textDocument/definition" => features::definition,
        "textDocument/references" => features::references,
        "textDocument/documentSymbol" => features::symbols,
        "textDocument/completion" => features::completion,
        "textDocument/formatting" => features::formatting,
        "textDocument/codeAction" => features::code_actions,
        "textDocument/prepareRename" => features::prepare_rename,
        "textDocument/rename" => features::rename,
        "textDocument/documentHighlight" => features::document_highlight,
        "textDocument/semanticTokens/range" => features::semantic_tokens_range,
        "textDocument/foldingRange" => features::folding_ranges,
        "textDocument/selectionRange" => features::selection_ranges,
        "textDocument/inlayHint" => features::inlay_hints,
        "textDocument/codeLens" => features::code_lens,
        _ => return None,
    };
    Some(feature)
}

/// Answer a request about `document` with `feature`, stopping early once `cancel` is
/// set; also what the answer cost.
pub(super) fn answer(
    uri: &str,
    document: &Document,
    client: &features::Client,
    encoding: Encoding,
    feature: impl FnOnce(&Context<'_>, &Value) -> Reply,
    params: &Value,
    cancel: &Cancel,
) -> (Reply, Effort) {
    let context = Context {
        uri,
        document,
        positions: Positions {
            text: document.text(),
            lines: &document.report.source.lines,
            encoding,
        },
        baseline: &document.settings.baseline,
        client,
        cancel,
        effort: Default::default(),
    };
    let reply = feature(&context, params);
    (reply, context.effort.get())
}
