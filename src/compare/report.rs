//! The content of `treaty report`: the matrix, and for each treaty its tier reasons,
//! its gaps and the file's other diagnostics, each with the source lines it points at.
//! Serialisable and free of markup; [`super::html`] lays it out.

use serde::Serialize;

use super::matrix::{reason_with_line, Matrix};
use crate::analysis::FileReport;
use crate::diagnostics::Diagnostic;
use crate::rules::gaps::gap_rule;
use crate::rules::Tier;
use crate::source::SourceFile;
use crate::span::Span;

/// Lines of source shown for one finding, at most.
const EXCERPT_LINES: usize = 6;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub baseline: String,
    /// Shown only when given (`--date`): the report is otherwise the same every run.
    pub date: Option<String>,
    /// Files compared that hold at least one treaty.
    pub files: usize,
    /// Files compared that hold none (scenario files, say).
    pub files_without_treaties: usize,
    pub matrix: Matrix,
    /// In matrix column order.
    pub treaties: Vec<TreatySection>,
    /// Files that could not be compared, each shown as a card with its errors.
    pub error_cards: Vec<ErrorCard>,
}

/// A file left out of the comparison, and why.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorCard {
    /// Empty when the path itself could not be read (the reason then names it).
    pub path: String,
    /// Why the file could not be read; `None` when it was read with errors.
    pub reason: Option<String>,
    /// The file's errors, located.
    pub errors: Vec<Entry>,
}

impl ErrorCard {
    /// A file read with errors: each error with its source lines.
    pub fn of_file(file: &FileReport) -> ErrorCard {
        ErrorCard {
            path: file.source.path.clone(),
            reason: None,
            errors: file
                .diagnostics
                .iter()
                .filter(|d| d.severity == crate::diagnostics::Severity::Error)
                .map(|d| diagnostic_entry(&file.source, d))
                .collect(),
        }
    }

    /// A path that could not be read.
    pub fn unread(path: String, reason: String) -> ErrorCard {
        ErrorCard {
            path,
            reason: Some(reason),
            errors: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatySection {
    pub id: String,
    pub title: Option<String>,
    pub path: String,
    pub tier: Tier,
    pub tier_reasons: Vec<String>,
    pub gaps: Vec<Entry>,
    /// Below hard: what moves it up, a heading and its changes per tier above.
    pub next_tier: Vec<(String, Vec<String>)>,
    /// The file's diagnostics other than gaps (listed with the file's first treaty).
    pub diagnostics: Vec<Entry>,
}

/// A gap or a diagnostic, located.
#[derive(Debug, Clone, Serialize)]
pub struct Entry {
    pub severity: &'static str,
    pub code: &'static str,
    /// The baseline element, for gaps.
    pub element: Option<&'static str>,
    pub message: String,
    pub help: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// The source lines concerned: (line number, text).
    pub excerpt: Vec<(usize, String)>,
    /// For a gap: the event that shows what it means, under the text and under the
    /// baseline (`crate::counter`), when one does.
    pub counter_scenario: Option<String>,
}

/// The lines a span covers, capped at [`EXCERPT_LINES`].
pub fn excerpt(source: &SourceFile, span: Span) -> Vec<(usize, String)> {
    if source.text.is_empty() {
        return Vec::new();
    }
    let first = source.line_col(span.start).0;
    let last = source.line_col(span.end.max(span.start)).0;
    // A span that ends at the start of a line does not cover that line.
    let last = if last > first && source.line_col(span.end).1 == 1 {
        last - 1
    } else {
        last
    };
    // From the line index: splitting the whole text here, once per gap, made a
    // report on one large file quadratic (issue 19).
    let index = &source.lines;
    let text = &source.text;
    (first..=last.min(first + EXCERPT_LINES - 1))
        .filter(|&n| n <= index.line_count() && index.line_start(n - 1) < text.len())
        .map(|n| {
            let start = index.line_start(n - 1);
            let end = if n < index.line_count() {
                index.line_start(n)
            } else {
                text.len()
            };
            (n, text[start..end].trim_end().to_string())
        })
        .collect()
}

fn diagnostic_entry(source: &SourceFile, d: &Diagnostic) -> Entry {
    let span = d.primary_span();
    let position = span.map(|s| source.line_col(s.start));
    Entry {
        severity: d.severity.as_str(),
        code: d.code,
        element: None,
        message: d.message.clone(),
        help: d.help.as_deref().map(str::to_string),
        line: position.map(|p| p.0),
        column: position.map(|p| p.1),
        excerpt: span.map(|s| excerpt(source, s)).unwrap_or_default(),
        counter_scenario: None,
    }
}

impl Report {
    /// Put each gap's counter-scenario on its entry.
    pub fn add_counter_scenarios(
        &mut self,
        files: &[FileReport],
        baseline: &crate::rules::Baseline,
        baseline_text: &str,
        loader: &dyn crate::model::references::Loader,
    ) {
        let mut section = 0;
        for file in files {
            let found = crate::counter::for_report(file, baseline, baseline_text, loader);
            for (t, g, scenario) in found {
                if let Some(entry) = self
                    .treaties
                    .get_mut(section + t)
                    .and_then(|s| s.gaps.get_mut(g))
                {
                    entry.counter_scenario = Some(scenario.render());
                }
            }
            section += file.treaties.len();
        }
    }

    pub fn of(baseline: &str, files: &[FileReport], date: Option<String>) -> Report {
        let matrix = Matrix::of(baseline, files);
        let mut treaties = Vec::new();
        for file in files {
            let source = &file.source;
            for (index, treaty) in file.treaties.iter().enumerate() {
                let gaps = treaty
                    .gaps
                    .iter()
                    .map(|g| {
                        let (line, column) = source.line_col(g.span.start);
                        Entry {
                            severity: "warning",
                            code: g.code,
                            element: Some(g.element_title),
                            message: g.message.clone(),
                            help: Some(g.help.clone()).filter(|h| !h.is_empty()),
                            line: Some(line),
                            column: Some(column),
                            excerpt: excerpt(source, g.span),
                            counter_scenario: None,
                        }
                    })
                    .collect();
                let diagnostics = if index == 0 {
                    file.diagnostics
                        .iter()
                        .filter(|d| gap_rule(d.code).is_none())
                        .map(|d| diagnostic_entry(source, d))
                        .collect()
                } else {
                    Vec::new()
                };
                treaties.push(TreatySection {
                    id: treaty.id.clone(),
                    title: treaty.title.clone(),
                    path: source.path.clone(),
                    tier: treaty.tier.tier,
                    tier_reasons: treaty
                        .tier
                        .reasons
                        .iter()
                        .map(|r| reason_with_line(source, &r.text, r.span.start))
                        .chain(treaty.tier.once_concluded.iter().map(|once| {
                            let reasons: Vec<String> = once
                                .reasons
                                .iter()
                                .map(|r| reason_with_line(source, &r.text, r.span.start))
                                .collect();
                            format!(
                                "{} once the foreseen instrument is concluded: {}",
                                once.tier,
                                reasons.join("; ")
                            )
                        }))
                        .collect(),
                    gaps,
                    next_tier: treaty
                        .next_tier
                        .iter()
                        .map(|p| {
                            let edits = p
                                .edits
                                .iter()
                                .map(|e| format!("{} ({})", e.describe(), e.why))
                                .collect();
                            (p.heading(), edits)
                        })
                        .collect(),
                    diagnostics,
                });
            }
        }
        Report {
            baseline: baseline.to_string(),
            date,
            files: files.iter().filter(|f| !f.treaties.is_empty()).count(),
            files_without_treaties: files.iter().filter(|f| f.treaties.is_empty()).count(),
            matrix,
            treaties,
            error_cards: Vec::new(),
        }
    }
}
