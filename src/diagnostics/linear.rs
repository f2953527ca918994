//! Line-oriented renderers for CI logs and screen readers: `--format plain` (one
//! finding per line, no box drawing) and `--format github` (workflow commands that
//! GitHub Actions turns into annotations).

use super::{Diagnostic, Severity};
use crate::analysis::FileReport;

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
        let (line, column) = position(report, diagnostic);
        out.push_str(&format!(
            "{}:{line}:{column}: {}[{}]: {}",
            report.source.path,
            diagnostic.severity.as_str(),
            diagnostic.code,
            one_line(&diagnostic.message)
        ));
        if let Some(help) = &diagnostic.help {
            out.push_str(&format!(" (help: {})", one_line(help)));
        }
        out.push('\n');
    }
}

/// `::error file=...,line=...,col=...,title=CODE::message`.
pub fn github(report: &FileReport, out: &mut String) {
    for diagnostic in &report.diagnostics {
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
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Workflow-command escaping of a message.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Workflow-command escaping of a property value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escaping() {
        assert_eq!(escape_data("a%b\nc"), "a%25b%0Ac");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
