//! The answers to each LSP request, computed from one document's parse and report,
//! one module per kind of request. They answer from what the check already holds; they
//! must not check the document again or touch the connection (see `lsp`).

mod actions;
mod completion;
mod hover;
mod mentions;
mod report;
mod symbols;

pub use actions::{code_actions, formatting};
pub use completion::completion;
pub use hover::hover;
pub use mentions::{definition, references};
pub use report::{diagnostics, LspDiagnostic};
pub use symbols::symbols;

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
