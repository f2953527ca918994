//! The JSON output of `treaty check --format json`. The shape is documented in
//! `docs/json-output.md` and versioned by [`JSON_VERSION`]: fields are only ever added.

use serde::Serialize;

use super::{Diagnostic, Severity};
use crate::analysis::FileReport;
use crate::source::SourceFile;

pub const JSON_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Output<'a> {
    pub version: u32,
    pub baseline: &'a str,
    pub files: Vec<FileOutput<'a>>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
pub struct FileOutput<'a> {
    pub path: &'a str,
    /// The baseline this file's gaps are measured against (a `treaty.toml` may give
    /// different folders different baselines).
    pub baseline: &'a str,
    pub treaties: Vec<TreatyOutput<'a>>,
    pub diagnostics: Vec<DiagnosticOutput<'a>>,
}

#[derive(Debug, Serialize)]
pub struct TreatyOutput<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub tier: &'static str,
    pub tier_reasons: Vec<String>,
    pub gaps: Vec<GapOutput<'a>>,
}

#[derive(Debug, Serialize)]
pub struct GapOutput<'a> {
    pub element: &'static str,
    pub code: &'static str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Serialize)]
pub struct DiagnosticOutput<'a> {
    pub code: &'static str,
    pub severity: Severity,
    pub message: &'a str,
    pub help: Option<&'a str>,
    pub labels: Vec<LabelOutput<'a>>,
}

#[derive(Debug, Serialize)]
pub struct LabelOutput<'a> {
    pub message: &'a str,
    pub offset: usize,
    pub length: usize,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Default, Serialize, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub treaties: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        Summary {
            files: reports.len(),
            treaties: reports.iter().map(|r| r.treaties.len()).sum(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
        }
    }
}

fn reason_text(source: &SourceFile, text: &str, span: crate::source::Span) -> String {
    let (line, _) = source.line_col(span.start);
    format!("{text} (line {line})")
}

pub fn diagnostic_output<'a>(
    diagnostic: &'a Diagnostic,
    source: &SourceFile,
) -> DiagnosticOutput<'a> {
    DiagnosticOutput {
        code: diagnostic.code,
        severity: diagnostic.severity,
        message: &diagnostic.message,
        help: diagnostic.help.as_deref(),
        labels: diagnostic
            .labels
            .iter()
            .map(|label| {
                let (line, column) = source.line_col(label.span.start);
                LabelOutput {
                    message: &label.message,
                    offset: label.span.start,
                    length: label.span.len(),
                    line,
                    column,
                }
            })
            .collect(),
    }
}

pub fn output<'a>(reports: &'a [FileReport], baseline: &'a str) -> Output<'a> {
    let files = reports
        .iter()
        .map(|report| FileOutput {
            path: &report.source.path,
            baseline: &report.baseline,
            treaties: report
                .treaties
                .iter()
                .map(|t| TreatyOutput {
                    id: &t.id,
                    title: t.title.as_deref(),
                    tier: t.tier.tier.as_str(),
                    tier_reasons: t
                        .tier
                        .reasons
                        .iter()
                        .map(|r| reason_text(&report.source, &r.text, r.span))
                        .collect(),
                    gaps: t
                        .gaps
                        .iter()
                        .map(|g| {
                            let (line, column) = report.source.line_col(g.span.start);
                            GapOutput {
                                element: g.element,
                                code: g.code,
                                message: &g.message,
                                line,
                                column,
                            }
                        })
                        .collect(),
                })
                .collect(),
            diagnostics: report
                .diagnostics
                .iter()
                .map(|d| diagnostic_output(d, &report.source))
                .collect(),
        })
        .collect();
    Output {
        version: JSON_VERSION,
        baseline,
        files,
        summary: Summary::of(reports),
    }
}
