//! Suppression comments: `// treaty: allow(CODE-OR-NAME, ...)` silences those rules on
//! the next clause (or, trailing a clause, on that clause), and
//! `// treaty: allow-file(...)` silences them in the whole file. Text after the closing
//! parenthesis is the drafter's reason and is ignored.
//!
//! This module only finds the directives and the span each one covers; which
//! diagnostics they silence is decided after the rules have run
//! (`rules::suppress`).

use super::ast;
use super::comments;
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    File,
    /// The clause the directive annotates; `None` when no clause follows it.
    Clause(Option<Span>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The codes or names listed, each with its span in the comment.
    pub rules: Vec<(String, Span)>,
    pub scope: Scope,
    /// The whole comment.
    pub span: Span,
}

/// A comment that starts like a directive but cannot be read as one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed {
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Suppressions {
    pub directives: Vec<Directive>,
    pub malformed: Vec<Malformed>,
}

impl Suppressions {
    pub fn is_empty(&self) -> bool {
        self.directives.is_empty() && self.malformed.is_empty()
    }
}

const MARKER: &str = "treaty:";

/// Find every directive in `text`, whose syntax tree is `file`.
pub fn find(text: &str, file: &ast::File) -> Suppressions {
    if !may_have_directives(text) {
        return Suppressions::default();
    }
    let mut clauses = Vec::new();
    add_clause_spans(&file.treaties, &mut clauses);
    find_with_clauses(text, clauses)
}

/// Most files have no directive: then neither the clause spans nor a comment scan are
/// needed.
pub fn may_have_directives(text: &str) -> bool {
    text.contains(MARKER)
}

/// [`find`], given the spans of the file's clauses (from [`add_clause_spans`], in any
/// order) instead of its tree, for callers that do not keep the whole tree.
pub fn find_with_clauses(text: &str, mut clauses: Vec<Span>) -> Suppressions {
    let mut found = Suppressions::default();
    if !may_have_directives(text) {
        return found;
    }
    clauses.sort_by_key(|s| s.start);
    for comment in comments::scan_containing(text, MARKER) {
        let body = comment.text.trim_start_matches('/').trim_start();
        let Some(rest) = body.strip_prefix(MARKER) else {
            continue;
        };
        let rest_offset = comment.span.start + (comment.text.len() - rest.len());
        match read(rest, rest_offset) {
            Some((file_wide, rules)) => {
                let scope = if file_wide {
                    Scope::File
                } else {
                    Scope::Clause(target(&clauses, &comment, text))
                };
                found.directives.push(Directive {
                    rules,
                    scope,
                    span: comment.span,
                });
            }
            None => found.malformed.push(Malformed { span: comment.span }),
        }
    }
    found
}

/// `allow(a, b) reason` or `allow-file(a) reason`, after the marker.
fn read(rest: &str, offset: usize) -> Option<(bool, Vec<(String, Span)>)> {
    let trimmed = rest.trim_start();
    let mut position = offset + (rest.len() - trimmed.len());
    let (file_wide, after) = if let Some(after) = trimmed.strip_prefix("allow-file(") {
        (true, after)
    } else if let Some(after) = trimmed.strip_prefix("allow(") {
        (false, after)
    } else {
        return None;
    };
    position += trimmed.len() - after.len();
    let close = after.find(')')?;
    let mut rules = Vec::new();
    let mut start = position;
    for item in after[..close].split(',') {
        let name = item.trim();
        if !name.is_empty() {
            let lead = item.len() - item.trim_start().len();
            rules.push((
                name.to_string(),
                Span::new(start + lead, start + lead + name.len()),
            ));
        }
        start += item.len() + 1;
    }
    (!rules.is_empty()).then_some((file_wide, rules))
}

/// Every clause a directive can annotate: treaty headers, clauses, trigger headers and
/// the clauses inside triggers.
pub fn add_clause_spans(treaties: &[ast::Treaty], spans: &mut Vec<Span>) {
    for treaty in treaties {
        spans.push(treaty.header_span);
        for clause in &treaty.clauses {
            spans.push(clause.span);
            if let ast::ClauseKind::Trigger { clauses, .. } = &clause.kind {
                spans.extend(clauses.iter().map(|c| c.span));
            }
        }
    }
}

/// The clause a comment annotates: the clause it trails on the same line, or else the
/// first clause after it.
fn target(clauses: &[Span], comment: &comments::Comment, text: &str) -> Option<Span> {
    let after = clauses.partition_point(|s| s.start < comment.span.start);
    if !comment.own_line && after > 0 {
        let before = clauses[after - 1];
        let same_line = !text[before.start..comment.span.start].contains('\n');
        if same_line || before.end >= comment.span.start {
            return Some(before);
        }
    }
    clauses.get(after).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directives(text: &str) -> Suppressions {
        find(text, &super::super::parse(text).file)
    }

    #[test]
    fn a_directive_covers_the_next_clause() {
        let text = "treaty t {\n  form treaty\n  // treaty: allow(L001, unused-party) reason\n  party PL\n  status in-force\n}\n";
        let found = directives(text);
        assert_eq!(found.directives.len(), 1);
        let directive = &found.directives[0];
        let names: Vec<_> = directive.rules.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["L001", "unused-party"]);
        for (name, span) in &directive.rules {
            assert_eq!(&text[span.start..span.end], name);
        }
        let Scope::Clause(Some(span)) = directive.scope else {
            panic!("no target: {directive:?}");
        };
        assert_eq!(&text[span.start..span.end], "party PL");
    }

    #[test]
    fn a_trailing_directive_covers_its_own_clause() {
        let text = "treaty t {\n  party PL // treaty: allow(L001)\n  status in-force\n}\n";
        let found = directives(text);
        let Scope::Clause(Some(span)) = found.directives[0].scope else {
            panic!("no target");
        };
        assert_eq!(&text[span.start..span.end], "party PL");
    }

    #[test]
    fn file_wide_and_malformed_directives() {
        let text = "// treaty: allow-file(NO_NUCLEAR)\n// treaty: alow(L001)\n// treaty: allow()\ntreaty t {\n}\n";
        let found = directives(text);
        assert_eq!(found.directives.len(), 1);
        assert_eq!(found.directives[0].scope, Scope::File);
        assert_eq!(found.malformed.len(), 2);
        assert!(directives("treaty t { // an ordinary comment\n}\n")
            .directives
            .is_empty());
    }
}
