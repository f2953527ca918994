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
    /// The clauses of the treaty being lowered that did not parse.
    unreadable: Vec<Unreadable>,
    /// Text a half-typed header field swallowed from the next line, to read again
    /// (with the broken rest of that line, when it follows).
    resume: Option<Span>,
}

/// Lower one parsed piece of `text` (the whole file, or a run of its top-level
/// blocks); also say whether the piece ended with a closed block, as a piece cut
/// between blocks must.
pub fn lower_piece(text: &str, piece: Node<'_>) -> (Parsed, bool) {
    let mut lowerer = Lowerer {
        text,
        diagnostics: Vec::new(),
        unreadable: Vec::new(),
        resume: None,
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

/// For a header field whose word stands on a later line than its keyword (`status`
/// at the end of a line, then `party FI ...`): the span of that word. A clause never
/// continues onto the next line except with a qualifier or `source`.
fn swallowed_next_line(text: &str, pair: &Node<'_>) -> Option<Span> {
    if !matches!(
        pair.as_rule(),
        Rule::form_field
            | Rule::status_field
            | Rule::binding_field
            | Rule::ratification_field
            | Rule::renewal_field
    ) {
        return None;
    }
    use crate::vocab::{BindingOverride, Form, RatificationState, RenewalMode, Status};
    let rule = pair.as_rule();
    let mut children = pair.clone().into_inner();
    let keyword = children.next()?;
    let value = children.next()?;
    let word = value.as_str();
    // A value may stand on the next line (`form\n  treaty`); a clause keyword that is
    // not a word of the field (`party`, `consult`; `status signed` is a status) is the
    // next clause.
    let is_field_word = match rule {
        Rule::form_field => Form::parse(word).is_some(),
        Rule::status_field => Status::parse(word).is_some(),
        Rule::binding_field => BindingOverride::parse(word).is_some(),
        Rule::ratification_field => RatificationState::parse(word).is_some(),
        _ => RenewalMode::parse(word).is_some(),
    };
    (text[keyword.end()..value.start()].contains('\n')
        && super::keywords::find(word).is_some()
        && !is_field_word)
        .then(|| span_of(&value))
}

/// What a clause that did not parse was meant to be, as far as its first words say.
fn unreadable(text: &str, span: Span, context: Context) -> Unreadable {
    let mut words = text[span.start..span.end]
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty());
    let keyword = words
        .next()
        .filter(|w| super::keywords::find(w).is_some())
        .map(Text::from);
    let party_code = match keyword.as_deref() {
        Some("party") => words
            .next()
            .filter(|w| {
                w.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            })
            .map(|w| Text::from(crate::suggest::look_alike::nfc(w).as_ref())),
        _ => None,
    };
    Unreadable {
        span,
        keyword,
        in_trigger: context == Context::Trigger,
        party_code,
    }
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
        self.flush_resume(Context::Treaty, &mut clauses);
        // Include the `{` in the header span when it directly follows.
        let header_span = Span::new(span.start, header_end);
        Treaty {
            name,
            header_span,
            span,
            clauses,
            unreadable: std::mem::take(&mut self.unreadable),
        }
    }

    /// One item of a block. A broken piece that starts on the line where the clause
    /// before it ended is the tail of that clause: the two are reported together, and
    /// the half-read clause is dropped rather than checked as if it were complete.
    fn block_item(&mut self, pair: Node<'_>, context: Context, clauses: &mut Vec<Clause>) {
        if let Some(resume) = self.resume.take() {
            // The rest of the clause a half-typed header field swallowed, with the
            // broken rest of its line.
            if pair.as_rule() == Rule::bad_clause
                && !self.text[resume.end..pair.start()].contains('\n')
            {
                let span = Span::new(resume.start, span_of(&pair).end);
                self.reparse(span, context, clauses);
                return;
            }
            self.reparse(resume, context, clauses);
        }
        if pair.as_rule() != Rule::bad_clause {
            if let Some(value) = swallowed_next_line(self.text, &pair) {
                // `status ` with its word missing took the next line's keyword as its
                // value: the field is reported on its own line, and the next line is
                // read again as the clause it is.
                let keyword = pair.start();
                let line_end = keyword + self.text[keyword..value.start].trim_end().len();
                let span = Span::new(keyword, line_end);
                self.diagnostics
                    .push(explain::bad_text(self.text, span, context));
                self.unreadable.push(unreadable(self.text, span, context));
                self.resume = Some(Span::new(value.start, span_of(&pair).end));
                return;
            }
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
        self.unreadable.push(unreadable(self.text, span, context));
    }

    /// Read what a half-typed header field swallowed, when its block ends right after.
    fn flush_resume(&mut self, context: Context, clauses: &mut Vec<Clause>) {
        if let Some(resume) = self.resume.take() {
            self.reparse(resume, context, clauses);
        }
    }

    /// Parse `span` again as one clause (the part of the file a half-typed header
    /// field swallowed) and lower it, or report why it does not parse.
    fn reparse(&mut self, span: Span, context: Context, clauses: &mut Vec<Clause>) {
        let rule = if context == Context::Trigger {
            Rule::probe_trigger_item
        } else {
            Rule::probe_treaty_item
        };
        let text = self.text;
        match <super::TreatyParser as pest::Parser<Rule>>::parse(rule, &text[span.start..span.end])
        {
            Ok(mut pairs) => {
                let items = pairs
                    .next()
                    .map(|probe| probe.into_inner().filter(|p| p.as_rule() != Rule::EOI));
                for item in items.into_iter().flatten() {
                    self.block_item(Node::new(item, span.start), context, clauses);
                }
            }
            Err(_) => {
                self.diagnostics
                    .push(explain::bad_text(text, span, context));
                self.unreadable.push(unreadable(text, span, context));
            }
        }
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
        if rule == Rule::trigger {
            self.flush_resume(Context::Trigger, &mut nested);
        }
        if rule == Rule::trigger && trigger_head_ok {
            let head = Span::new(span.start, trigger_head_end);
            if let Some(misplaced) = self.qualifier_in_trigger_head(head, &parts) {
                self.diagnostics.push(misplaced);
                trigger_head_ok = false;
            }
        }
        if rule == Rule::trigger && !trigger_head_ok {
            // The trigger and the responses in its block are left out with its header.
            self.unreadable.push(Unreadable {
                span: Span::new(span.start, trigger_head_end),
                keyword: Some(Text::from("trigger")),
                in_trigger: false,
                party_code: None,
            });
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
        let mut kind = kind;
        self.name_behind_qualifier(span, &mut kind, &mut qualifiers);
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

    /// E008 for a qualifier among a trigger's kinds or threatened aspects
    /// (`trigger as-deemed-necessary armed-attack ...`), where it would be read as a
    /// kind and shift the real kind into the aspects.
    fn qualifier_in_trigger_head(&self, head: Span, parts: &[Node<'_>]) -> Option<Diagnostic> {
        let misplaced = parts
            .iter()
            .filter(|p| matches!(p.as_rule(), Rule::trigger_kinds | Rule::trigger_aspects))
            .flat_map(|p| p.clone().into_inner())
            .filter(|w| w.as_rule() == Rule::word)
            .map(|w| word(&w))
            .find(|w| super::misplaced::is_qualifier(&w.value))?;
        // The header as far as its `{`, which the trigger's span stops before.
        let brace = self.text[head.end..]
            .find('{')
            .map_or(head.end, |i| head.end + i + 1);
        let fixed = super::misplaced::moved_to_end(
            self.text,
            Span::new(head.start, brace),
            misplaced.span,
            true,
        );
        Some(super::misplaced::misplaced(
            &misplaced.value,
            misplaced.span,
            "it would be read as the kind of event that sets the trigger off",
            &fixed,
        ))
    }

    /// `establish council as-deemed-necessary "Name"`: the qualifier took the name as
    /// its wording. E008, and the name is given back to the institution.
    fn name_behind_qualifier(
        &mut self,
        span: Span,
        kind: &mut ClauseKind,
        qualifiers: &mut [Qualifier],
    ) {
        let ClauseKind::Establish { institution, name } = kind else {
            return;
        };
        let Some(first) = qualifiers.first_mut() else {
            return;
        };
        let directly_after = self
            .text
            .get(institution.span.end..first.span.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace));
        if name.is_some() || !directly_after || first.argument.is_none() {
            return;
        }
        // The quoted text after it is the name: it stays where it is.
        let fixed = super::misplaced::moved_to_end(self.text, span, first.name.span, false);
        self.diagnostics.push(super::misplaced::misplaced(
            &first.name.value,
            first.name.span,
            &format!(
                "the text after it would be read as its wording, not as the {}'s name",
                institution.value
            ),
            &fixed,
        ));
        *name = first.argument.take();
        first.span = first.name.span;
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
