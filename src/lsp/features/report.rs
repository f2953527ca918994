//! The document's diagnostics as LSP `Diagnostic` objects, exactly as `treaty check`
//! reports them. It only converts; it must not filter or re-order what the check
//! found.

use super::*;

pub(super) const SEVERITY_ERROR: u8 = 1;
pub(super) const SEVERITY_WARNING: u8 = 2;
pub(super) const SEVERITY_INFORMATION: u8 = 3;

/// The document's diagnostics, exactly as `treaty check` reports them, as LSP
/// `Diagnostic` objects. The rule's name, summary and the diagnostic's help travel in
/// `data`. Typed and borrowed, so they are written out without first being built as a
/// `serde_json::Value` tree (which cost a fifth of the round trip on a large file).
pub fn diagnostics<'a>(
    uri: &'a str,
    document: &'a Document,
    positions: &Positions<'_>,
) -> Vec<LspDiagnostic<'a>> {
    document
        .report
        .diagnostics
        .iter()
        .map(|d| lsp_diagnostic(uri, d, positions))
        .collect()
}

#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LspDiagnostic<'a> {
    range: Range,
    severity: u8,
    code: &'static str,
    source: &'static str,
    message: &'a str,
    data: DiagnosticData<'a>,
    related_information: Vec<Related<'a>>,
}

#[derive(Debug, serde::Serialize)]
pub(super) struct DiagnosticData<'a> {
    help: Option<&'a str>,
    rule: Option<&'static str>,
    summary: Option<&'static str>,
}

#[derive(Debug, serde::Serialize)]
pub(super) struct Related<'a> {
    location: Location<'a>,
    message: &'a str,
}

#[derive(Debug, serde::Serialize)]
pub(super) struct Location<'a> {
    uri: &'a str,
    range: Range,
}

/// An LSP `Range`, in the negotiated position encoding.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Range {
    start: Position,
    end: Position,
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
pub(super) struct Position {
    line: usize,
    character: usize,
}

impl Range {
    pub(super) fn of(span: Span, positions: &Positions<'_>) -> Self {
        let (line, character) = positions.position(span.start);
        let start = Position { line, character };
        let (line, character) = positions.position(span.end.max(span.start));
        Range {
            start,
            end: Position { line, character },
        }
    }
}

pub(super) fn lsp_diagnostic<'a>(
    uri: &'a str,
    diagnostic: &'a Diagnostic,
    positions: &Positions<'_>,
) -> LspDiagnostic<'a> {
    let span = diagnostic.primary_span().unwrap_or_default();
    let severity = match diagnostic.severity {
        Severity::Error => SEVERITY_ERROR,
        Severity::Warning => SEVERITY_WARNING,
        Severity::Advice => SEVERITY_INFORMATION,
    };
    let rule = registry::lookup(diagnostic.code);
    LspDiagnostic {
        range: Range::of(span, positions),
        severity,
        code: diagnostic.code,
        source: "treaty",
        message: &diagnostic.message,
        data: DiagnosticData {
            help: diagnostic.help.as_deref(),
            rule: rule.map(|r| r.name),
            summary: rule.map(|r| r.summary),
        },
        // Labels after the first point at other places that explain the diagnostic.
        related_information: diagnostic
            .labels
            .iter()
            .skip(1)
            .map(|label| Related {
                location: Location {
                    uri,
                    range: Range::of(label.span, positions),
                },
                message: &label.message,
            })
            .collect(),
    }
}
