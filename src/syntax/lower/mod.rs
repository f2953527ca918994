//! Lowering pest pairs to the AST. Each `bad_clause`, `bad_head`, `stray` or `unclosed`
//! node becomes a diagnostic; everything else becomes a typed clause.

mod clause_kinds;
mod conditions;
mod scope;
mod time;
mod values;

use conditions::decision;
use values::{first_party_list, scope_of, words};

use super::node::Node;

use super::ast::*;
use super::explain::{self, Context};
use super::{codes, Parsed, Rule};
use crate::diagnostics::Diagnostic;
use crate::span::Span;

struct Lowerer<'t> {
    text: &'t str,
    diagnostics: Vec<Diagnostic>,
}

/// Lower one parsed piece of `text` (the whole file, or a run of its top-level
/// blocks); also say whether the piece ended with a closed block, as a piece cut
/// between blocks must.
pub fn lower_piece(text: &str, piece: Node<'_>) -> (Parsed, bool) {
    let mut lowerer = Lowerer {
        text,
        diagnostics: Vec::new(),
    };
    let mut treaties = Vec::new();
    let mut scenarios = Vec::new();
    let mut ended_cleanly = true;
    for pair in piece.into_inner() {
        match pair.as_rule() {
            Rule::treaty => {
                ended_cleanly = closes(&pair);
                treaties.push(lowerer.treaty(pair));
            }
            Rule::scenario => {
                ended_cleanly = closes(&pair);
                scenarios.push(super::lower_scenario::scenario(
                    text,
                    pair,
                    &mut lowerer.diagnostics,
                ));
            }
            Rule::stray => {
                ended_cleanly = false;
                let span = pair.full_span();
                lowerer
                    .diagnostics
                    .push(explain::bad_text(text, span, Context::TopLevel));
            }
            _ => {}
        }
    }
    let parsed = Parsed {
        file: File {
            treaties,
            scenarios,
        },
        diagnostics: lowerer.diagnostics,
    };
    (parsed, ended_cleanly)
}

/// Whether a block ends with its closing brace (not at the end of its input).
fn closes(block: &Node<'_>) -> bool {
    block
        .last_child()
        .is_some_and(|last| last.as_rule() == Rule::block_close)
}

/// A file with nothing in it.
pub fn no_treaty(text: &str) -> Diagnostic {
    // The first character, whole: a file of whitespace may start with a BOM.
    let first = text.chars().next().map_or(0, char::len_utf8);
    Diagnostic::error(codes::NO_TREATY, "this file defines no treaty")
        .with_label(Span::new(0, first), "expected `treaty <name> {` here")
        .with_help("start the file with `treaty my_treaty {`, then its clauses, then `}`")
}

/// A pair's span without the whitespace pest lets a rule run on over when it ends with
/// an optional part.
fn span_of(pair: &Node<'_>) -> Span {
    let start = pair.start();
    Span::new(start, start + pair.as_str().trim_end().len())
}

/// A word as its NFC form (`crate::suggest::look_alike::nfc`): `Ü` typed as one
/// character or as `U` and a combining diaeresis is one party code, so a second
/// declaration of it is a duplicate, not another party.
fn word(pair: &Node<'_>) -> Word {
    let text = crate::suggest::look_alike::nfc(pair.as_str());
    Spanned::new(Text::from(text.as_ref()), span_of(pair))
}

fn unescape(raw: &str) -> Text {
    if !raw.contains('\\') {
        return Text::from(raw);
    }
    let mut out = Text::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A `string` pair: the unescaped text, spanned over the quotes.
fn string(pair: &Node<'_>) -> Spanned<Text> {
    let body = pair
        .clone()
        .into_inner()
        .next()
        .map(|b| b.as_str())
        .unwrap_or("");
    Spanned::new(unescape(body), span_of(pair))
}

impl<'t> Lowerer<'t> {
    fn treaty(&mut self, pair: Node<'_>) -> Treaty {
        let span = span_of(&pair);
        let mut name = None;
        let mut header_end = span.start;
        let mut clauses = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_treaty => header_end = child.end(),
                Rule::treaty_name => {
                    name = Some(word(&child));
                    header_end = child.end();
                }
                Rule::bad_head => {
                    header_end = child.end();
                    let s = span_of(&child);
                    self.diagnostics
                        .push(explain::bad_text(self.text, s, Context::TreatyHead));
                }
                Rule::block_close => {}
                Rule::unclosed => self.unclosed(span.start, header_end, "treaty"),
                _ => self.block_item(child, Context::Treaty, &mut clauses),
            }
        }
        // Include the `{` in the header span when it directly follows.
        let header_span = Span::new(span.start, header_end);
        Treaty {
            name,
            header_span,
            span,
            clauses,
        }
    }

    /// One item of a block. A broken piece that starts on the line where the clause
    /// before it ended is the tail of that clause: the two are reported together, and
    /// the half-read clause is dropped rather than checked as if it were complete.
    fn block_item(&mut self, pair: Node<'_>, context: Context, clauses: &mut Vec<Clause>) {
        if pair.as_rule() != Rule::bad_clause {
            if let Some(clause) = self.clause(pair) {
                clauses.push(clause);
            }
            return;
        }
        let bad = span_of(&pair);
        let joins_previous = clauses.last().is_some_and(|previous| {
            !matches!(previous.kind, ClauseKind::Trigger { .. })
                && !self.text[previous.span.end..bad.start].contains('\n')
        });
        let span = match clauses.pop() {
            Some(previous) if joins_previous => Span::new(previous.span.start, bad.end),
            Some(previous) => {
                clauses.push(previous);
                bad
            }
            None => bad,
        };
        self.diagnostics
            .push(explain::bad_text(self.text, span, context));
    }

    fn unclosed(&mut self, start: usize, header_end: usize, what: &str) {
        let eof = self.text.len();
        self.diagnostics.push(
            Diagnostic::error(
                codes::UNCLOSED_BLOCK,
                format!("this {what} block is never closed"),
            )
            .with_label(Span::new(start, header_end), format!("{what} opened here"))
            .with_label(Span::new(eof, eof), "the file ends here")
            .with_help("add the closing `}` (the file may have been cut short)"),
        );
    }

    fn clause(&mut self, pair: Node<'_>) -> Option<Clause> {
        let rule = pair.as_rule();
        // pest's span runs on over the whitespace and comments before the next clause;
        // the clause ends where its last token does.
        // Children are in order and do not overlap, so the last one ends furthest.
        let start = pair.start();
        let end = pair.end();
        let mut inner = pair.into_inner();
        let content_end = inner
            .clone()
            .next_back()
            .map_or(end, |last| span_of(&last).end);
        let span = Span::new(start, content_end);

        let keyword = inner.next()?;
        let mut parts: Vec<Node<'_>> = Vec::new();
        // `assist`/`defend`/`act` and `peacekeeping`/`monitor` open with a choice of
        // keyword; the clause needs to know which one.
        let keyword_span = match keyword.as_rule() {
            Rule::assist_verb | Rule::mission_kind | Rule::kw_mirror => {
                let span = keyword
                    .clone()
                    .into_inner()
                    .next()
                    .map(|k| span_of(&k))
                    .unwrap_or_else(|| span_of(&keyword));
                parts.push(keyword);
                span
            }
            _ => span_of(&keyword),
        };
        let mut qualifiers = Vec::new();
        let mut source = None;
        let mut decided_by = None;
        let mut nested = Vec::new();
        let mut trigger_block_end = None;
        let mut trigger_head_ok = true;
        let mut trigger_head_end = keyword_span.end;
        let mut from = None;
        for child in inner {
            match child.as_rule() {
                Rule::clause_from => from = time::clause_from(child),
                Rule::source => {
                    if let Some(s) = child.into_inner().find(|p| p.as_rule() == Rule::string) {
                        source = Some(string(&s));
                    }
                }
                Rule::qualifier => qualifiers.push(self.qualifier(child)),
                Rule::decided_by => decided_by = Some(decision(child)),
                Rule::trigger_spec => {
                    trigger_head_end = span_of(&child).end;
                    // The trigger's own qualifiers and source live inside its spec.
                    let mut spec_parts = Vec::new();
                    for spec_child in child.into_inner() {
                        match spec_child.as_rule() {
                            Rule::source => {
                                if let Some(s) = spec_child
                                    .into_inner()
                                    .find(|p| p.as_rule() == Rule::string)
                                {
                                    source = Some(string(&s));
                                }
                            }
                            Rule::qualifier => qualifiers.push(self.qualifier(spec_child)),
                            Rule::decided_by => decided_by = Some(decision(spec_child)),
                            Rule::clause_from => from = time::clause_from(spec_child),
                            _ => spec_parts.push(spec_child),
                        }
                    }
                    parts = spec_parts;
                }
                Rule::bad_head => {
                    trigger_head_ok = false;
                    trigger_head_end = child.end();
                    let s = span_of(&child);
                    self.diagnostics
                        .push(explain::bad_text(self.text, s, Context::TriggerHead));
                }
                Rule::block_close => trigger_block_end = Some(child.end()),
                Rule::unclosed => {
                    self.unclosed(span.start, trigger_head_end, "trigger");
                    trigger_block_end = Some(self.text.len());
                }
                _ if rule == Rule::trigger => self.block_item(child, Context::Trigger, &mut nested),
                _ => parts.push(child),
            }
        }
        let kind = match rule {
            Rule::trigger => {
                let spec = trigger_head_ok.then(|| self.trigger_spec(parts));
                ClauseKind::Trigger {
                    spec,
                    clauses: nested,
                    block_span: Span::new(span.start, trigger_block_end.unwrap_or(span.end)),
                }
            }
            _ => self.clause_kind(rule, parts)?,
        };
        let span = if rule == Rule::trigger {
            Span::new(span.start, trigger_head_end)
        } else {
            span
        };
        Some(Clause {
            kind,
            qualifiers,
            source,
            decided_by,
            span,
            keyword_span,
            from,
        })
    }

    fn qualifier(&self, pair: Node<'_>) -> Qualifier {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let name = inner
            .next()
            .map(|p| word(&p))
            .unwrap_or_else(|| Spanned::new(Text::default(), span));
        let argument = inner.next().map(|p| string(&p));
        Qualifier {
            name,
            argument,
            span,
        }
    }

    fn trigger_spec(&self, parts: Vec<Node<'_>>) -> TriggerSpec {
        let mut spec = TriggerSpec {
            kinds: Vec::new(),
            aspects: Vec::new(),
            by: None,
            against: None,
            scope: Vec::new(),
            covering: Vec::new(),
            excluding: Vec::new(),
            across: None,
            threshold: Vec::new(),
            scope_of: None,
        };
        for part in parts {
            match part.as_rule() {
                Rule::trigger_kinds => {
                    spec.kinds = part
                        .into_inner()
                        .filter(|p| p.as_rule() == Rule::word)
                        .map(|p| word(&p))
                        .collect()
                }
                Rule::trigger_aspects => {
                    spec.aspects = words(part);
                }
                Rule::trigger_by => spec.by = first_party_list(part),
                Rule::trigger_against => spec.against = first_party_list(part),
                Rule::trigger_scope => {
                    spec.scope_of = scope_of(&part);
                    spec.scope = scope::areas(part);
                }
                Rule::trigger_covering => spec.covering = words(part),
                Rule::trigger_excluding => spec.excluding = scope::areas(part),
                Rule::trigger_across => spec.across = scope::line(part),
                Rule::trigger_threshold => spec.threshold = words(part),
                _ => {}
            }
        }
        spec
    }
}
