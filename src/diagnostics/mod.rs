//! The one diagnostic type every stage produces: code, severity, message, help and
//! labelled byte spans, and the order they are reported in.
//!
//! It knows nothing of files or lines: line and column are computed by the renderers
//! ([`crate::output`]) from the file's line index. It must import nothing but
//! [`crate::span`], so that every stage can produce diagnostics.

use serde::{Deserialize, Serialize};

use crate::span::Span;

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
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    // The keys are read once into a compact vector and sorted there: comparing
    // diagnostics directly would chase each one's label pointer on every comparison.
    // The index makes the unstable sort give the stable order.
    let mut keys: Vec<(Severity, usize, &'static str, usize)> = diagnostics
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let position = d.primary_span().map_or(0, |s| s.start);
            (d.severity, position, d.code, index)
        })
        .collect();
    if keys.is_sorted() {
        return;
    }
    keys.sort_unstable();
    let mut slots: Vec<Option<Diagnostic>> = diagnostics.drain(..).map(Some).collect();
    diagnostics.extend(
        keys.iter()
            .filter_map(|&(.., index)| slots.get_mut(index).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorting_is_by_severity_position_and_code_and_keeps_ties_in_order() {
        let at = |code: &'static str, severity, start: usize, message: &str| {
            Diagnostic::new(code, severity, message).with_label(Span::new(start, start), "")
        };
        let mut diagnostics = vec![
            at("L001", Severity::Warning, 5, "w5"),
            at("E101", Severity::Error, 9, "e9"),
            at("L001", Severity::Warning, 5, "w5 again"),
            at("A001", Severity::Warning, 5, "a5"),
            Diagnostic::error("E004", "no label"),
            at("L002", Severity::Advice, 0, "advice"),
            at("E101", Severity::Error, 2, "e2"),
        ];
        let mut expected = diagnostics.clone();
        expected.sort_by(|a, b| {
            let position = |d: &Diagnostic| d.primary_span().map_or(0, |s| s.start);
            (a.severity, position(a), a.code).cmp(&(b.severity, position(b), b.code))
        });
        sort(&mut diagnostics);
        let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            ["no label", "e2", "e9", "a5", "w5", "w5 again", "advice"]
        );
        assert_eq!(diagnostics, expected);
    }
}
