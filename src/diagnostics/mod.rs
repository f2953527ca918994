//! The one diagnostic type every stage produces, and its renderers.
//!
//! A diagnostic carries byte spans only; line and column are computed by the renderer
//! from the file's [`crate::source::LineIndex`]. Renderers never re-parse anything.

pub mod human;
pub mod json;
pub mod linear;
pub mod sarif;

use serde::{Deserialize, Serialize};

use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Advice,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Advice => "advice",
        }
    }
}

/// A label's or a help's text: most are fixed sentences, borrowed rather than copied
/// into each of the (possibly hundreds of thousands of) diagnostics of a large file.
pub type Note = std::borrow::Cow<'static, str>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub span: Span,
    pub message: Note,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Stable code from the rule registry (`E001`, `NOT_BINDING`, ...).
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub help: Option<Note>,
    /// The first label is the primary location.
    pub labels: Vec<Label>,
    /// A replacement for the primary label's text, when the help says "did you mean
    /// `X`?": editors offer it as a quick fix. Not part of the JSON output.
    #[serde(skip)]
    pub suggestion: Option<String>,
}

impl Diagnostic {
    pub fn new(code: &'static str, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            labels: Vec::new(),
            suggestion: None,
        }
    }

    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, message)
    }

    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, message)
    }

    pub fn with_label(mut self, span: Span, message: impl Into<Note>) -> Self {
        // Most diagnostics have one label or two: no spare capacity.
        self.labels.reserve_exact(1);
        self.labels.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_help(mut self, help: impl Into<Note>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_suggestion(mut self, suggestion: Option<&str>) -> Self {
        self.suggestion = suggestion.map(str::to_string);
        self
    }

    pub fn primary_span(&self) -> Option<Span> {
        self.labels.first().map(|l| l.span)
    }
}

/// Sort diagnostics errors first, then by position and code, so a drafter sees what
/// stops the file from reading before the gaps, and every output is deterministic.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        let pa = a.primary_span().map(|s| s.start).unwrap_or(0);
        let pb = b.primary_span().map(|s| s.start).unwrap_or(0);
        a.severity
            .cmp(&b.severity)
            .then(pa.cmp(&pb))
            .then(a.code.cmp(b.code))
    });
}
