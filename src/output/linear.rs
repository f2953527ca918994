//! Line-oriented renderers for CI logs and screen readers: `--format plain` (one
//! finding per line, no box drawing) and `--format github` (workflow commands that
//! GitHub Actions turns into annotations).

use crate::analysis::FileReport;
use crate::diagnostics::{Diagnostic, Severity};

/// The first label's 1-based line and column, or the start of the file.
fn position(report: &FileReport, diagnostic: &Diagnostic) -> (usize, usize) {
    diagnostic
        .primary_span()
        .map(|span| report.source.line_col(span.start))
        .unwrap_or((1, 1))
}

/// `path:line:column: severity[CODE]: message (help: ...)`, one line each.
pub fn plain(report: &FileReport, out: &mut String) {
    for diagnostic in &report.diagnostics {
        plain_line(report, diagnostic, out);
    }
}

/// [`plain`]'s line for one of the report's diagnostics.
pub fn plain_line(report: &FileReport, diagnostic: &Diagnostic, out: &mut String) {
    let (line, column) = position(report, diagnostic);
    out.push_str(&format!(
        "{}:{line}:{column}: {}[{}]: {}",
        printable(&report.source.path),
        diagnostic.severity.as_str(),
        diagnostic.code,
        printable(&one_line(&diagnostic.message))
    ));
    if let Some(help) = &diagnostic.help {
        out.push_str(&format!(" (help: {})", printable(&one_line(help))));
    }
    out.push('\n');
}

/// `::error file=...,line=...,col=...,title=CODE::message`.
pub fn github(report: &FileReport, out: &mut String) {
    for diagnostic in &report.diagnostics {
        github_line(report, diagnostic, out);
    }
}

/// [`github`]'s line for one of the report's diagnostics.
pub fn github_line(report: &FileReport, diagnostic: &Diagnostic, out: &mut String) {
    let (line, column) = position(report, diagnostic);
    let level = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "notice",
    };
    let mut message = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    out.push_str(&format!(
        "::{level} file={},line={line},col={column},title={}::{}\n",
        escape_property(&report.source.path),
        escape_property(diagnostic.code),
        escape_data(&message)
    ));
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Control characters (a line break or an escape sequence in a file name) written as
/// Rust escapes, so a finding stays on one line and no terminal control reaches a log.
/// Bidirectional controls are escaped too (`crate::terminal`).
fn printable(text: &str) -> String {
    if !text
        .chars()
        .any(|c| c.is_control() || crate::terminal::is_unsafe(c))
    {
        return text.to_string();
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else if crate::terminal::is_unsafe(c) {
                crate::terminal::escape(c)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Workflow-command escaping of a message. Line breaks are percent-encoded (the
/// runner turns them back into line breaks); every other control character, and the
/// bidirectional controls, are written as escapes, since the runner prints the
/// message in the log as it is.
fn escape_data(text: &str) -> String {
    let escaped = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    crate::terminal::clean(&escaped).into_owned()
}

/// Workflow-command escaping of a property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::diagnostics::Diagnostic;
    use crate::source::SourceFile;
    use crate::span::Span;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_data("a\r\nb"), "a%0D%0Ab");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_property("50%,\r\n:"), "50%25%2C%0D%0A%3A");
    }

    /// A report whose path and message hold every character that needs escaping.
    fn awkward_report() -> FileReport {
        let diagnostic = Diagnostic::error("E001", "100% wrong:\r\nsecond line, \u{1b}[31mred")
            .with_label(Span::new(11, 12), "here")
            .with_help("try 50%\nor less");
        FileReport {
            source: SourceFile::new("dir,a:b%\r\n\u{1b}[1m.treaty", "treaty a {\n  x\n}\n"),
            treaties: Vec::new(),
            diagnostics: vec![diagnostic],
            baseline: String::new(),
        }
    }

    #[test]
    fn github_escapes_messages_and_properties() {
        let mut out = String::new();
        github(&awkward_report(), &mut out);
        assert_eq!(
            out,
            "::error file=dir%2Ca%3Ab%25%0D%0A\\u{1b}[1m.treaty,line=2,col=1,title=E001::\
             100%25 wrong:%0D%0Asecond line, \\u{1b}[31mred%0Ahelp: try 50%25%0Aor less\n"
        );
    }

    #[test]
    fn plain_keeps_each_finding_on_one_printable_line() {
        let mut out = String::new();
        plain(&awkward_report(), &mut out);
        assert_eq!(
            out,
            "dir,a:b%\\r\\n\\u{1b}[1m.treaty:2:1: error[E001]: 100% wrong: second line, \\u{1b}[31mred \
             (help: try 50% or less)\n"
        );
    }
}
