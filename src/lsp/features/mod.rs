//! The answers to each LSP request, computed from one document's parse and report,
//! one module per kind of request. They answer from what the check already holds; they
//! must not check the document again or touch the connection (see `lsp`). Scenario
//! blocks are the exception: they are run (`scenario`) for the features that show
//! their outcome.

mod actions;
mod completion;
mod fixes;
mod hover;
mod lens;
mod mentions;
mod ranges;
mod rename;
mod report;
mod scenario;
mod symbols;
mod tokens;
mod workspace;

pub use actions::{code_actions, formatting};
pub use completion::{completion, resolve_completion};
pub use hover::hover;
pub use lens::{code_lens, execute_command, inlay_hints, RUN_SCENARIO, SHOW_TIER};
pub use mentions::{definition, references};
pub use ranges::{folding_ranges, selection_ranges};
pub use rename::{document_highlight, prepare_rename, rename};
pub use report::{config_diagnostics, diagnostics, LspDiagnostic};
pub use symbols::symbols;
pub use tokens::{
    semantic_tokens_delta, semantic_tokens_full, semantic_tokens_range, token_legend, TokenResults,
};
pub use workspace::{uri_of, workspace_symbols};

use serde_json::{json, Value};

use super::position::Positions;
use super::{invalid, Context, Document, Reply};
use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::registry;
use crate::span::Span;
use crate::syntax::ast::{
    Area, Clause, ClauseKind, Condition, Decider, DurationValue, Event, Flow, PartyItem, PartyList,
    Place, ReviewWhen, Timing, Word,
};
use crate::syntax::comments::{self, TokenKind};
use crate::syntax::keywords::{self, CLAUSE_KEYWORDS};

/// What the client told the server at `initialize` that changes the answers.
#[derive(Debug, Clone, Default)]
pub struct Client {
    /// Completion may send snippets (`${1:placeholder}`).
    pub snippets: bool,
    /// The folders open in the editor, as local paths: workspace symbols search them.
    pub folders: Vec<std::path::PathBuf>,
}

impl Client {
    pub fn from_initialize(params: &Value) -> Self {
        let snippets = params
            .pointer("/capabilities/textDocument/completion/completionItem/snippetSupport")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let mut folders: Vec<std::path::PathBuf> = params
            .get("workspaceFolders")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|f| f.get("uri").and_then(Value::as_str))
            .filter_map(super::file_path)
            .collect();
        if folders.is_empty() {
            let root = params.get("rootUri").and_then(Value::as_str);
            folders.extend(root.and_then(super::file_path));
        }
        Client { snippets, folders }
    }
}

/// What may come next in a clause or a scenario item: declared parties, and words of a
/// vocabulary (with their meanings).
pub(super) struct Expected {
    pub(super) parties: bool,
    pub(super) words: Vec<(&'static str, &'static str)>,
}

/// Whether only blanks stand before `offset` on its line: a scenario item's word and a
/// clause keyword open their line.
pub(super) fn opens_line(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    text[line_start..offset].trim().is_empty()
}

/// The words of a line before the cursor that are already written: not the one being
/// typed, which is not yet part of the clause (or scenario item).
pub(super) fn written_words(line_before_cursor: &str) -> Vec<&str> {
    let mut words: Vec<&str> = line_before_cursor
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if !line_before_cursor.ends_with(|c: char| c.is_whitespace() || c == ',') {
        words.pop();
    }
    words
}
