//! Human output through miette's graphical renderer.
//!
//! miette's own `SourceCode` for strings scans from the start of the text to find the
//! lines around a label, which makes N diagnostics in a large file quadratic. Here each
//! diagnostic gets a window of a few lines cut out with the file's line index, so
//! rendering costs the same wherever the label is.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostics::{Diagnostic, Severity};
use crate::source::{clamp_to_char_boundary, SourceFile};
use crate::terminal::{clean, Cleaned};

/// Lines of context shown above and below a label.
const CONTEXT_LINES: usize = 2;
/// Lines longer than this (in bytes) are clipped around the label.
const LONG_LINE: usize = 1000;
/// Bytes kept on each side of a label on a clipped line.
const CLIP_MARGIN: usize = 80;

/// Rendering settings; snapshots use [`HumanStyle::plain`].
#[derive(Debug, Clone, Copy)]
pub struct HumanStyle {
    pub colour: bool,
    pub width: usize,
}

impl HumanStyle {
    /// No colour, fixed width: stable output for logs and snapshots.
    pub fn plain() -> Self {
        HumanStyle {
            colour: false,
            width: 100,
        }
    }
}

fn handler(style: HumanStyle) -> GraphicalReportHandler {
    let theme = if style.colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(CONTEXT_LINES)
}

/// Render one diagnostic as miette would show it.
pub fn render(diagnostic: &Diagnostic, source: &SourceFile, style: HumanStyle) -> String {
    let near;
    let diagnostic = match far_labels(diagnostic, source) {
        Some(trimmed) => {
            near = trimmed;
            &near
        }
        None => diagnostic,
    };
    let window = Window::around(diagnostic, source);
    let view = View {
        diagnostic,
        window: &window,
    };
    let mut out = String::new();
    if handler(style).render_report(&mut out, &view).is_err() {
        // Rendering into a String cannot fail; keep the message if it somehow does.
        out = format!(
            "{}: {}\n",
            diagnostic.severity.as_str(),
            clean(&diagnostic.message)
        );
    }
    out
}

/// Labels more than this many lines from the primary one are named in a footnote
/// instead of being shown: the window would run from one to the other, so 10,000
/// repeats of a clause each printed every line back to the first (issue 19).
const MAX_SPREAD: usize = 20;

/// The diagnostic without its far labels, each named in the help as
/// "first written here: line 5"; `None` when every label is near the primary one.
fn far_labels(diagnostic: &Diagnostic, source: &SourceFile) -> Option<Diagnostic> {
    let primary = diagnostic.labels.first()?;
    let line = |offset: usize| source.lines.line_of(offset.min(source.text.len()));
    let home = line(primary.span.start);
    let far = |span: crate::source::Span| {
        line(span.start).abs_diff(home) > MAX_SPREAD || line(span.end).abs_diff(home) > MAX_SPREAD
    };
    if !diagnostic.labels.iter().skip(1).any(|l| far(l.span)) {
        return None;
    }
    let mut near = diagnostic.clone();
    let mut notes = Vec::new();
    near.labels = Vec::with_capacity(diagnostic.labels.len());
    for (i, label) in diagnostic.labels.iter().enumerate() {
        if i == 0 || !far(label.span) {
            near.labels.push(label.clone());
        } else {
            let (line, column) = source.line_col(label.span.start);
            notes.push(format!("{}: line {line}, column {column}", label.message));
        }
    }
    let notes = notes.join("; ");
    near.help = Some(match &diagnostic.help {
        Some(help) => format!("{notes}\n{help}").into(),
        None => notes.into(),
    });
    Some(near)
}

/// The lines around a diagnostic's labels, with their position in the file.
struct Window {
    name: String,
    /// The lines shown, with control characters escaped (`crate::terminal`) and long
    /// context lines clipped.
    text: String,
    /// Maps offsets in the window as read from the file to offsets in `text`.
    cleaned: Cleaned,
    /// Byte offset in the file of the window's first byte, plus what clipping removed
    /// from the context lines above the labels: file offsets in the labelled lines
    /// minus this are offsets in the window as read.
    offset: usize,
    /// 0-based line number of the window's first line.
    first_line: usize,
    line_count: usize,
    /// Characters cut from the start of the first line (only for clipped lines).
    column_offset: usize,
}

impl Window {
    fn around(diagnostic: &Diagnostic, source: &SourceFile) -> Window {
        let text = &source.text;
        let lines = &source.lines;
        let (low, high) = diagnostic
            .labels
            .iter()
            .fold((usize::MAX, 0), |(lo, hi), l| {
                (lo.min(l.span.start), hi.max(l.span.end))
            });
        if diagnostic.labels.is_empty() || text.is_empty() {
            return Window {
                name: clean(&source.path).into_owned(),
                text: String::new(),
                cleaned: Cleaned::new(""),
                offset: 0,
                first_line: 0,
                line_count: 0,
                column_offset: 0,
            };
        }
        let label_line = lines.line_of(low.min(text.len()));
        let label_line_end = if label_line + 1 < lines.line_count() {
            lines.line_start(label_line + 1)
        } else {
            text.len()
        };
        if label_line_end - lines.line_start(label_line) > LONG_LINE {
            return Window::clipped(diagnostic, source, label_line, label_line_end);
        }
        let first_line = label_line.saturating_sub(CONTEXT_LINES);
        let high_line = lines.line_of(high.min(text.len()));
        let last_line = (high_line + CONTEXT_LINES).min(lines.line_count() - 1);
        let line_end = |line: usize| {
            if line + 1 < lines.line_count() {
                lines.line_start(line + 1)
            } else {
                text.len()
            }
        };
        // Context lines (above and below the labelled ones) that are very long are
        // clipped to their start: they are there for orientation only.
        let mut shown = String::new();
        let mut removed_above = 0;
        for line in first_line..=last_line {
            let (start, end) = (lines.line_start(line), line_end(line));
            let is_context = line < label_line || line > high_line;
            if is_context && end - start > LONG_LINE {
                let cut = clamp_to_char_boundary(text, start + 2 * CLIP_MARGIN);
                let before = shown.len();
                shown.push_str(&text[start..cut]);
                shown.push('…');
                if text[..end].ends_with('\n') {
                    shown.push('\n');
                }
                if line < label_line {
                    removed_above += (end - start) - (shown.len() - before);
                }
            } else {
                shown.push_str(&text[start..end]);
            }
        }
        let cleaned = Cleaned::new(&shown);
        Window {
            name: clean(&source.path).into_owned(),
            text: cleaned.text.clone(),
            cleaned,
            offset: lines.line_start(first_line) + removed_above,
            first_line,
            line_count: last_line + 1 - first_line,
            column_offset: 0,
        }
    }

    /// A window on part of one very long line (minified or hostile input): the text
    /// around the labels, without context lines, so output stays readable and small.
    fn clipped(
        diagnostic: &Diagnostic,
        source: &SourceFile,
        line: usize,
        line_end: usize,
    ) -> Window {
        let text = &source.text;
        let line_start = source.lines.line_start(line);
        let low = diagnostic
            .labels
            .iter()
            .map(|l| l.span.start)
            .min()
            .unwrap_or(line_start);
        let high = diagnostic
            .labels
            .iter()
            .map(|l| l.span.end)
            .max()
            .unwrap_or(low)
            .min(low + CLIP_MARGIN);
        let start = clamp_to_char_boundary(text, low.saturating_sub(CLIP_MARGIN).max(line_start));
        let end = clamp_to_char_boundary(text, (high + CLIP_MARGIN).min(line_end));
        let cleaned = Cleaned::new(text[start..end].trim_end_matches(['\n', '\r']));
        Window {
            name: clean(&source.path).into_owned(),
            text: cleaned.text.clone(),
            cleaned,
            offset: start,
            first_line: line,
            line_count: 1,
            column_offset: source.lines.chars_between(text, line_start, start),
        }
    }

    /// A file span as a span within the window, clamped to it and to char boundaries.
    /// miette hides a label that starts at the very end of its text, so an
    /// end-of-file label is pulled back onto the last character.
    fn local(&self, start: usize, end: usize) -> SourceSpan {
        let len = self.text.len();
        let mut local_start = self.cleaned.map(start.saturating_sub(self.offset)).min(len);
        let mut local_end = self
            .cleaned
            .map(end.saturating_sub(self.offset))
            .min(len)
            .max(local_start);
        if local_start == len && len > 0 {
            local_start = clamp_to_char_boundary(&self.text, len - 1);
            local_end = len;
        }
        let local_start = clamp_to_char_boundary(&self.text, local_start);
        let local_end = clamp_to_char_boundary(&self.text, local_end);
        SourceSpan::from(local_start..local_end)
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        // Let miette pick lines within the window, then shift line numbers so the
        // gutter shows the file's real line numbers.
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            inner.column()
                + if inner.line() == 0 {
                    self.column_offset
                } else {
                    0
                },
            inner.line_count().min(self.line_count.max(1)),
        )))
    }
}

struct View<'a> {
    diagnostic: &'a Diagnostic,
    window: &'a Window,
}

impl fmt::Debug for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clean(&self.diagnostic.message))
    }
}

impl fmt::Display for View<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&clean(&self.diagnostic.message))
    }
}

impl std::error::Error for View<'_> {}

impl miette::Diagnostic for View<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Advice => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(clean(h).into_owned()) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        (!self.diagnostic.labels.is_empty() && !self.window.text.is_empty())
            .then_some(self.window as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.window.text.is_empty() {
            return None;
        }
        let labels = self.diagnostic.labels.iter().enumerate().map(|(i, label)| {
            let span = self.window.local(label.span.start, label.span.end);
            let text = Some(clean(&label.message).into_owned());
            if i == 0 {
                LabeledSpan::new_primary_with_span(text, span)
            } else {
                LabeledSpan::new_with_span(text, span)
            }
        });
        Some(Box::new(labels))
    }
}
