//! The document's diagnostics as LSP `Diagnostic` objects, exactly as `treaty check`
//! reports them, followed by what its scenario blocks gave when run (as `treaty test`
//! reports it). It only converts; it must not filter or re-order what the check found.

use std::borrow::Cow;

use super::*;

pub(super) const SEVERITY_ERROR: u8 = 1;
pub(super) const SEVERITY_WARNING: u8 = 2;
pub(super) const SEVERITY_INFORMATION: u8 = 3;

/// The document's diagnostics, exactly as `treaty check` reports them, as LSP
/// `Diagnostic` objects, with nothing that repeats what another field says: no `data`
/// (nothing reads it, and it was 37% of a large file's publication) and no empty
/// `relatedInformation` (docs/design.md, "A publication without repeats"). Typed and borrowed, so they are written out without first being built as a
/// `serde_json::Value` tree (which cost a fifth of the round trip on a large file).
pub fn diagnostics<'a>(
    uri: &'a str,
    document: &'a Document,
    positions: &Positions<'_>,
) -> Vec<LspDiagnostic<'a>> {
    let mut out: Vec<LspDiagnostic<'a>> = document
        .report
        .diagnostics
        .iter()
        .map(|d| lsp_diagnostic(uri, d, positions))
        .collect();
    for found in super::scenario::scenario_diagnostics(uri, document) {
        out.push(owned_lsp_diagnostic(uri, &found, positions));
    }
    out
}

/// The problems of a `treaty.toml` as LSP diagnostics on that file (`positions` are
/// in its text).
pub fn config_diagnostics<'a>(
    uri: &'a str,
    diagnostics: &'a [Diagnostic],
    positions: &Positions<'_>,
) -> Vec<LspDiagnostic<'a>> {
    diagnostics
        .iter()
        .map(|d| lsp_diagnostic(uri, d, positions))
        .collect()
}

/// Where a rule's documentation is: `docs/rules.md` at the rule's heading. The
/// `TREATY_RULES_URL` environment variable (for example the published page) replaces
/// the default, the copy in the source tree the server was built from. Built once per
/// rule: every diagnostic of every publication carries one.
pub(super) fn rule_docs(name: &str) -> &'static str {
    use std::collections::HashMap;
    type Links = HashMap<&'static str, String, rustc_hash::FxBuildHasher>;
    static LINKS: std::sync::OnceLock<Links> = std::sync::OnceLock::new();
    let links = LINKS.get_or_init(|| {
        let base = std::env::var("TREATY_RULES_URL")
            .unwrap_or_else(|_| format!("file://{}/docs/rules.md", env!("CARGO_MANIFEST_DIR")));
        registry::all()
            .into_iter()
            .map(|rule| (rule.name, format!("{base}#{}", rule.name)))
            .collect()
    });
    links.get(name).map_or("", String::as_str)
}

#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LspDiagnostic<'a> {
    range: Range,
    severity: u8,
    code: &'static str,
    /// A link to the rule's entry in `docs/rules.md`.
    #[serde(skip_serializing_if = "Option::is_none")]
    code_description: Option<CodeDescription>,
    source: &'static str,
    message: Cow<'a, str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_information: Vec<Related<'a>>,
}

#[derive(Debug, serde::Serialize)]
pub(super) struct CodeDescription {
    href: &'static str,
}

#[derive(Debug, serde::Serialize)]
pub(super) struct Related<'a> {
    location: Location<'a>,
    message: Cow<'a, str>,
}

/// [`lsp_diagnostic`] for a diagnostic the document does not keep (a scenario's):
/// the texts are copied.
pub(super) fn owned_lsp_diagnostic<'a>(
    uri: &'a str,
    diagnostic: &Diagnostic,
    positions: &Positions<'_>,
) -> LspDiagnostic<'a> {
    let borrowed = lsp_diagnostic("", diagnostic, positions);
    LspDiagnostic {
        range: borrowed.range,
        severity: borrowed.severity,
        code: borrowed.code,
        code_description: borrowed.code_description,
        source: borrowed.source,
        message: Cow::Owned(borrowed.message.into_owned()),
        related_information: borrowed
            .related_information
            .into_iter()
            .map(|r| Related {
                location: Location {
                    uri,
                    range: r.location.range,
                },
                message: Cow::Owned(r.message.into_owned()),
            })
            .collect(),
    }
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
        code_description: rule.map(|r| CodeDescription {
            href: rule_docs(r.name),
        }),
        source: "treaty",
        message: Cow::Borrowed(&diagnostic.message),
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
                message: Cow::Borrowed(&label.message),
            })
            .collect(),
    }
}
