//! The JSON output of `treaty check --format json`. The shape is documented in
//! `docs/json-output.md` and versioned by [`JSON_VERSION`]: fields are only ever added.

use serde::Serialize;

use crate::analysis::FileReport;
use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::TreatyReport;
use crate::source::SourceFile;

pub const JSON_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Output<'a> {
    pub version: u32,
    pub baseline: &'a str,
    pub files: Vec<FileOutput<'a>>,
    pub summary: Summary,
}

/// One file's part of the output: `path`, `baseline` (a `treaty.toml` may give
/// different folders different baselines), `treaties` and `diagnostics`. The lists are
/// serialised as they are walked: a large file's output is written without first
/// building an output value for each of its diagnostics.
#[derive(Debug)]
pub struct FileOutput<'a> {
    report: &'a FileReport,
}

impl Serialize for FileOutput<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let report = self.report;
        let source = &report.source;
        let mut out = serializer.serialize_struct("FileOutput", 4)?;
        out.serialize_field("path", &source.path)?;
        out.serialize_field("baseline", &report.baseline)?;
        out.serialize_field(
            "treaties",
            &Walked(|| report.treaties.iter().map(|t| treaty_output(t, source))),
        )?;
        out.serialize_field(
            "diagnostics",
            &Walked(|| {
                report
                    .diagnostics
                    .iter()
                    .map(|d| diagnostic_output(d, source))
            }),
        )?;
        out.end()
    }
}

/// A list serialised straight from the iterator its closure makes.
struct Walked<F>(F);

impl<F, I> Serialize for Walked<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

#[derive(Debug, Serialize)]
pub struct TreatyOutput<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub tier: &'static str,
    pub tier_reasons: Vec<String>,
    /// For an instrument that `foresees` another: the tier once it is concluded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_once_concluded: Option<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tier_once_concluded_reasons: Vec<String>,
    /// Below hard: the smallest changes found that reach each tier above.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub next_tier: &'a [crate::rules::next_tier::TierPath],
    /// Set when a clause could not be read: the tier and the gaps of the elements it
    /// could have met are provisional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<ProvisionalOutput>,
    pub gaps: Vec<GapOutput<'a>>,
}

#[derive(Debug, Serialize)]
pub struct ProvisionalOutput {
    /// `1 clause unreadable (line 22)`.
    pub summary: String,
    pub unreadable: Vec<UnreadableOutput>,
    /// The elements whose gaps are provisional.
    pub elements: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct UnreadableOutput {
    pub keyword: Option<String>,
    /// `syntax` (it did not parse) or `unresolved` (a word in it is unknown).
    pub cause: crate::model::UnreadableCause,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Serialize)]
pub struct GapOutput<'a> {
    pub element: &'static str,
    pub code: &'static str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    /// Its element is one an unreadable clause could have met.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub provisional: bool,
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
    pub advice: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        Summary {
            files: reports.len(),
            treaties: reports.iter().map(|r| r.treaties.len()).sum(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            advice: reports.iter().map(|r| r.count(Severity::Advice)).sum(),
        }
    }
}

/// A provisional verdict as every output writes it after the tier:
/// `provisional: 1 clause unreadable (line 22)`; `None` when every clause was read.
pub fn provisional_text(source: &SourceFile, treaty: &TreatyReport) -> Option<String> {
    let provisional = treaty.provisional.as_ref()?;
    let lines: Vec<String> = provisional
        .unreadable
        .iter()
        .map(|u| source.line_col(u.span.start).0.to_string())
        .collect();
    Some(format!(
        "provisional: {} ({} {})",
        provisional.count_text(),
        if lines.len() == 1 { "line" } else { "lines" },
        lines.join(", ")
    ))
}

/// A tier reason with its line, as every output writes it: `binding treaty (line 12)`.
pub fn reason_text(source: &SourceFile, text: &str, span: crate::span::Span) -> String {
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

/// Write the whole output as pretty-printed JSON, exactly as `serde_json` would print
/// [`output`], serialising the files in parallel a chunk at a time (on 10,000 files,
/// serialising serially kept one core idle for a third of the run; chunks keep memory
/// bounded by the chunk, not the run).
pub fn write_pretty(
    out: &mut impl std::io::Write,
    reports: &[FileReport],
    baseline: &str,
) -> std::io::Result<()> {
    write_pretty_in_chunks(out, reports, baseline, 256)
}

fn write_pretty_in_chunks(
    out: &mut impl std::io::Write,
    reports: &[FileReport],
    baseline: &str,
    chunk_size: usize,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    write!(
        out,
        "{{\n  \"version\": {JSON_VERSION},\n  \"baseline\": {},\n  \"files\": ",
        serde_json::to_string(baseline)?
    )?;
    if reports.is_empty() {
        out.write_all(b"[],\n")?;
    } else {
        out.write_all(b"[\n")?;
        let mut first = true;
        for chunk in chunks(reports, chunk_size) {
            let parts: Vec<Vec<u8>> = if chunk.len() == 1 {
                // A file alone in its chunk is a large one: stream it, rather than
                // hold its whole JSON in memory.
                if !first {
                    out.write_all(b",\n")?;
                }
                let mut indented = Indented::new(&mut *out);
                serde_json::to_writer_pretty(&mut indented, &file_output(&chunk[0]))?;
                first = false;
                continue;
            } else {
                chunk
                    .par_iter()
                    .map(|report| {
                        let mut indented = Indented::new(Vec::new());
                        serde_json::to_writer_pretty(&mut indented, &file_output(report))?;
                        Ok(indented.inner)
                    })
                    .collect::<serde_json::Result<_>>()?
            };
            for part in &parts {
                if !first {
                    out.write_all(b",\n")?;
                }
                out.write_all(part)?;
                first = false;
            }
        }
        out.write_all(b"\n  ],\n")?;
    }
    let summary = serde_json::to_string_pretty(&Summary::of(reports))?.replace('\n', "\n  ");
    write!(out, "  \"summary\": {summary}\n}}")
}

/// Consecutive runs of at most `max_files` reports and about 8 MB of source text; a
/// file larger than that is a chunk of its own.
fn chunks(reports: &[FileReport], max_files: usize) -> Vec<&[FileReport]> {
    const MAX_BYTES: usize = 8 << 20;
    let mut chunks = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, report) in reports.iter().enumerate() {
        let size = report.source.text.len();
        if i > start && (i - start >= max_files.max(1) || bytes + size > MAX_BYTES) {
            chunks.push(&reports[start..i]);
            (start, bytes) = (i, 0);
        }
        bytes += size;
    }
    chunks.push(&reports[start..]);
    chunks
}

/// A writer that indents everything written through it by four spaces: a file's
/// object as it sits inside the `files` array.
struct Indented<W> {
    inner: W,
    at_line_start: bool,
}

impl<W: std::io::Write> Indented<W> {
    fn new(inner: W) -> Self {
        Indented {
            inner,
            at_line_start: true,
        }
    }
}

impl<W: std::io::Write> std::io::Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        for line in buf.split_inclusive(|b| *b == b'\n') {
            if self.at_line_start {
                self.inner.write_all(b"    ")?;
            }
            self.inner.write_all(line)?;
            self.at_line_start = line.ends_with(b"\n");
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// One file's part of the output.
pub fn file_output(report: &FileReport) -> FileOutput<'_> {
    FileOutput { report }
}

fn treaty_output<'a>(treaty: &'a TreatyReport, source: &SourceFile) -> TreatyOutput<'a> {
    TreatyOutput {
        id: &treaty.id,
        title: treaty.title.as_deref(),
        tier: treaty.tier.tier.as_str(),
        tier_reasons: treaty
            .tier
            .reasons
            .iter()
            .map(|r| reason_text(source, &r.text, r.span))
            .collect(),
        tier_once_concluded: treaty.tier.once_concluded.as_ref().map(|o| o.tier.as_str()),
        tier_once_concluded_reasons: treaty
            .tier
            .once_concluded
            .iter()
            .flat_map(|o| o.reasons.iter())
            .map(|r| reason_text(source, &r.text, r.span))
            .collect(),
        next_tier: &treaty.next_tier,
        provisional: treaty.provisional.as_ref().map(|p| ProvisionalOutput {
            summary: provisional_text(source, treaty)
                .unwrap_or_default()
                .trim_start_matches("provisional: ")
                .to_string(),
            unreadable: p
                .unreadable
                .iter()
                .map(|u| {
                    let (line, column) = source.line_col(u.span.start);
                    UnreadableOutput {
                        keyword: u.keyword.clone(),
                        cause: u.cause,
                        line,
                        column,
                    }
                })
                .collect(),
            elements: p.elements.clone(),
        }),
        gaps: treaty
            .gaps
            .iter()
            .map(|g| {
                let (line, column) = source.line_col(g.span.start);
                GapOutput {
                    element: g.element,
                    code: g.code,
                    message: &g.message,
                    line,
                    column,
                    provisional: treaty.provisional.as_ref().is_some_and(|p| p.marks(g)),
                }
            })
            .collect(),
    }
}

pub fn output<'a>(reports: &'a [FileReport], baseline: &'a str) -> Output<'a> {
    let files = reports.iter().map(file_output).collect();
    Output {
        version: JSON_VERSION,
        baseline,
        files,
        summary: Summary::of(reports),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{check, Settings};

    #[test]
    fn parallel_pretty_printing_is_serdes_own() {
        let settings = Settings::default();
        let texts = [
            "treaty a {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training, \"x\"\n}\n",
            "treaty b {\n  title \"Угода \\\"quoted\\\"\"\n  form political\n}\n",
            "",
        ];
        let reports: Vec<FileReport> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| check(SourceFile::new(format!("f{i}.treaty"), *text), &settings))
            .collect();
        for count in [0, 1, reports.len()] {
            let part = &reports[..count];
            let expected = serde_json::to_string_pretty(&output(part, "Article 5")).unwrap();
            for chunk_size in [1, 2, 256] {
                let mut written = Vec::new();
                write_pretty_in_chunks(&mut written, part, "Article 5", chunk_size).unwrap();
                assert_eq!(String::from_utf8(written).unwrap(), expected);
            }
        }
    }
}
