//! Lowering pest pairs to the AST. Each `bad_clause`, `bad_head`, `stray` or `unclosed`
//! node becomes a diagnostic; everything else becomes a typed clause.

use super::node::Node;

use super::ast::*;
use super::explain::{self, Context};
use super::{codes, Parsed, Rule};
use crate::diagnostics::Diagnostic;
use crate::source::Span;

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

fn word(pair: &Node<'_>) -> Word {
    Spanned::new(Text::from(pair.as_str()), span_of(pair))
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
            Rule::assist_verb | Rule::mission_kind => {
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
        let mut nested = Vec::new();
        let mut trigger_block_end = None;
        let mut trigger_head_ok = true;
        let mut trigger_head_end = keyword_span.end;
        for child in inner {
            match child.as_rule() {
                Rule::source => {
                    if let Some(s) = child.into_inner().find(|p| p.as_rule() == Rule::string) {
                        source = Some(string(&s));
                    }
                }
                Rule::qualifier => qualifiers.push(self.qualifier(child)),
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
            span,
            keyword_span,
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
            scope: None,
            excluding: None,
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
                Rule::trigger_scope => spec.scope = first_place(part),
                Rule::trigger_excluding => spec.excluding = first_place(part),
                _ => {}
            }
        }
        spec
    }

    fn clause_kind(&self, rule: Rule, parts: Vec<Node<'_>>) -> Option<ClauseKind> {
        let mut parts = parts.into_iter();
        let kind = match rule {
            Rule::title_field => ClauseKind::Title(string(&parts.next()?)),
            Rule::signed_field => ClauseKind::Signed(word(&parts.next()?)),
            Rule::effective_field => ClauseKind::Effective(word(&parts.next()?)),
            Rule::form_field => ClauseKind::Form(word(&parts.next()?)),
            Rule::status_field => ClauseKind::Status(word(&parts.next()?)),
            Rule::binding_field => ClauseKind::Binding(word(&parts.next()?)),
            Rule::ratification_field => ClauseKind::Ratification {
                state: word(&parts.next()?),
                date: parts.next().map(|p| word(&p)),
            },
            Rule::duration_field => {
                let value = parts.next()?.into_inner().next()?;
                ClauseKind::Duration(match value.as_rule() {
                    Rule::kw_indefinite => DurationValue::Indefinite(span_of(&value)),
                    Rule::until_event => DurationValue::Until(event(value.into_inner().nth(1)?)?),
                    _ => DurationValue::Fixed(period(value)?),
                })
            }
            Rule::renewal_field => {
                let mode = word(&parts.next()?);
                let every = parts.find(|p| p.as_rule() == Rule::period).and_then(period);
                ClauseKind::Renewal { mode, every }
            }
            Rule::review_field => {
                let when = parts.next()?.into_inner().next()?;
                let rule = when.as_rule();
                let value = when.into_inner().nth(1)?;
                ClauseKind::Review(match rule {
                    Rule::review_within => ReviewWhen::Within(period(value)?),
                    Rule::review_after => ReviewWhen::After(period(value)?),
                    Rule::review_every => ReviewWhen::Every(period(value)?),
                    _ => ReviewWhen::On(event(value)?),
                })
            }
            Rule::withdrawal_field => {
                let terms = parts.next()?.into_inner().next()?;
                ClauseKind::Withdrawal(match terms.as_rule() {
                    Rule::withdrawal_notice => {
                        let mut periods =
                            terms.into_inner().filter(|p| p.as_rule() == Rule::period);
                        WithdrawalTerms::Notice {
                            notice: period(periods.next()?)?,
                            after: periods.next().and_then(period),
                        }
                    }
                    Rule::kw_any_time => WithdrawalTerms::AnyTime(span_of(&terms)),
                    _ => WithdrawalTerms::NoExit(span_of(&terms)),
                })
            }
            Rule::qualified_field => ClauseKind::QualifiedBy,
            Rule::party_decl => {
                let code = word(&parts.next()?);
                let mut name = None;
                let mut roles = Vec::new();
                for p in parts {
                    match p.as_rule() {
                        Rule::string => name = Some(string(&p)),
                        Rule::roles => roles = p.into_inner().map(|r| word(&r)).collect(),
                        _ => {}
                    }
                }
                ClauseKind::Party { code, name, roles }
            }
            Rule::members_decl => ClauseKind::Members(
                parts
                    .filter(|p| p.as_rule() == Rule::party_name)
                    .map(|p| word(&p))
                    .collect(),
            ),
            Rule::consult => {
                let parties = party_list(parts.next()?);
                let deadline = parts.next().and_then(|d| timing(d.into_inner().next()?));
                ClauseKind::Consult { parties, deadline }
            }
            Rule::provide => {
                let flow = flow(parts.next()?);
                let mut kinds = Vec::new();
                let mut amount = None;
                let mut from = None;
                let mut until = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::kinds => kinds = p.into_inner().map(kind).collect(),
                        Rule::amount => amount = Some(Box::new(self.amount(p))),
                        Rule::provide_from => from = p.into_inner().nth(1).map(|d| word(&d)),
                        Rule::provide_until => until = p.into_inner().nth(1).map(|d| word(&d)),
                        _ => {}
                    }
                }
                ClauseKind::Provide {
                    flow,
                    kinds,
                    amount,
                    from,
                    until,
                }
            }
            Rule::assist => {
                let verb = match parts.next()?.into_inner().next()?.as_rule() {
                    Rule::kw_defend => AssistVerb::Defend,
                    Rule::kw_act => AssistVerb::Act,
                    _ => AssistVerb::Assist,
                };
                let parties = parts.next()?.into_inner().next()?;
                let flow = if parties.as_rule() == Rule::flow {
                    flow(parties)
                } else {
                    Flow {
                        givers: party_list(parties),
                        receivers: None,
                    }
                };
                let mut means = Vec::new();
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::means => means = words(p),
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Assist {
                    verb,
                    flow,
                    means,
                    timing: timing_value,
                }
            }
            Rule::station => {
                let parties = party_list(parts.next()?);
                let mut place = None;
                let mut size_value = None;
                let mut tripwire = false;
                let mut permanent = false;
                for p in parts {
                    match p.as_rule() {
                        Rule::place => place = place_of(p),
                        Rule::size => size_value = Some(Box::new(size(p))),
                        Rule::station_flag => match p.into_inner().next().map(|f| f.as_rule()) {
                            Some(Rule::kw_tripwire) => tripwire = true,
                            _ => permanent = true,
                        },
                        _ => {}
                    }
                }
                ClauseKind::Station {
                    parties,
                    place: place?,
                    size: size_value,
                    tripwire,
                    permanent,
                }
            }
            Rule::deter => {
                let flow = flow(parts.next()?);
                let means = parts
                    .find(|p| p.as_rule() == Rule::word)
                    .map(|p| word(&p))?;
                ClauseKind::Deter { flow, means }
            }
            Rule::mission => {
                let kind = match parts.next()?.into_inner().next()?.as_rule() {
                    Rule::kw_peacekeeping => MissionKind::Peacekeeping,
                    _ => MissionKind::Monitor,
                };
                let parties = party_list(parts.next()?);
                let mut mandate = None;
                let mut place = None;
                let mut size_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::vocab => mandate = Some(word(&p)),
                        Rule::place => place = place_of(p),
                        Rule::size => size_value = Some(Box::new(size(p))),
                        _ => {}
                    }
                }
                ClauseKind::Mission {
                    kind,
                    parties,
                    mandate,
                    place,
                    size: size_value,
                }
            }
            Rule::refrain => {
                let parties = party_list(parts.next()?);
                let mut acts = Vec::new();
                let mut against = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => acts.push(word(&p)),
                        Rule::party_set => against = Some(party_list(p)),
                        _ => {}
                    }
                }
                ClauseKind::Refrain {
                    parties,
                    acts,
                    against,
                }
            }
            Rule::respect => {
                let parties = party_list(parts.next()?);
                let mut aspects = Vec::new();
                let mut of = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => aspects.push(word(&p)),
                        Rule::party_set => of = Some(party_list(p)),
                        _ => {}
                    }
                }
                ClauseKind::Respect {
                    parties,
                    aspects,
                    of: of?,
                }
            }
            Rule::seek => {
                let parties = party_list(parts.next()?);
                let what = word(&parts.next()?);
                let mut body_value = None;
                let mut for_ = None;
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::body => body_value = body(p),
                        Rule::party_set => for_ = Some(party_list(p)),
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Seek {
                    parties,
                    what,
                    body: body_value?,
                    for_,
                    timing: timing_value,
                }
            }
            Rule::report => {
                let mut parties = None;
                let mut body_value = None;
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::party_set => parties = Some(party_list(p)),
                        Rule::body => body_value = body(p),
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Report {
                    parties,
                    body: body_value?,
                    timing: timing_value,
                }
            }
            Rule::establish => {
                let institution = word(&parts.next()?);
                let name = parts.next().map(|p| string(&p));
                ClauseKind::Establish { institution, name }
            }
            Rule::prohibit => {
                let mut what = Vec::new();
                let mut place = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => what.push(word(&p)),
                        Rule::place => place = place_of(p),
                        _ => {}
                    }
                }
                ClauseKind::Prohibit { what, place }
            }
            Rule::indivisible => ClauseKind::Indivisible,
            _ => return None,
        };
        Some(kind)
    }

    fn amount(&self, pair: Node<'_>) -> Amount {
        let span = span_of(&pair);
        let mut currency = None;
        let mut number = None;
        let mut magnitude = None;
        let mut per = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::currency => currency = Some(word(&p)),
                Rule::number => number = Some(word(&p)),
                Rule::magnitude => magnitude = Some(word(&p)),
                Rule::word => per = Some(word(&p)),
                _ => {}
            }
        }
        let empty = || Spanned::new(Text::default(), span);
        Amount {
            currency: currency.unwrap_or_else(empty),
            number: number.unwrap_or_else(empty),
            magnitude,
            per,
            span,
        }
    }
}

/// Keyword-free words among a pair's children (`word` and `vocab`).
fn words(pair: Node<'_>) -> Vec<Word> {
    pair.into_inner()
        .filter(|p| matches!(p.as_rule(), Rule::word | Rule::vocab))
        .map(|p| word(&p))
        .collect()
}

fn first_party_list(pair: Node<'_>) -> Option<PartyList> {
    pair.into_inner()
        .find(|p| p.as_rule() == Rule::party_set)
        .map(party_list)
}

fn first_place(pair: Node<'_>) -> Option<Place> {
    pair.into_inner()
        .find(|p| matches!(p.as_rule(), Rule::place | Rule::area))
        .and_then(place_of)
}

fn party_list(pair: Node<'_>) -> PartyList {
    let span = span_of(&pair);
    let items = pair
        .into_inner()
        .filter_map(|p| match p.as_rule() {
            Rule::party_name => Some(PartyItem::Named(word(&p))),
            Rule::attacked => Some(PartyItem::Attacked(span_of(&p))),
            Rule::quantified => {
                let span = span_of(&p);
                let mut inner = p.into_inner();
                let quantifier = word(&inner.next()?);
                let group = word(&inner.next()?);
                Some(PartyItem::Quantified {
                    quantifier,
                    group,
                    span,
                })
            }
            _ => None,
        })
        .collect();
    PartyList { items, span }
}

fn flow(pair: Node<'_>) -> Flow {
    let mut lists = pair.into_inner().filter(|p| p.as_rule() == Rule::party_set);
    let givers = lists.next().map(party_list).unwrap_or(PartyList {
        items: Vec::new(),
        span: Span::default(),
    });
    let receivers = lists.next().map(party_list);
    Flow { givers, receivers }
}

fn kind(pair: Node<'_>) -> Kind {
    let mut inner = pair.into_inner().map(|p| word(&p));
    let name = inner
        .next()
        .unwrap_or_else(|| Spanned::new(Text::default(), Span::default()));
    Kind {
        name,
        details: inner.collect(),
    }
}

fn period(pair: Node<'_>) -> Option<Period> {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    let amount = word(&inner.next()?);
    let unit = word(&inner.next()?);
    Some(Period { amount, unit, span })
}

fn event(pair: Node<'_>) -> Option<Event> {
    let inner = pair.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::string => Event::Described(string(&inner)),
        _ => {
            let span = span_of(&inner);
            let mut parts = inner.into_inner();
            let name = word(&parts.next()?);
            let parties = parts.map(|p| word(&p)).collect();
            Event::Named {
                name,
                parties,
                span,
            }
        }
    })
}

fn timing(pair: Node<'_>) -> Option<Timing> {
    let span = span_of(&pair);
    Some(match pair.as_rule() {
        Rule::kw_forthwith => Timing::Forthwith(span),
        Rule::kw_immediately => Timing::Immediately(span),
        Rule::within => Timing::Within(period(pair.into_inner().nth(1)?)?),
        Rule::after_consultation => Timing::AfterConsultation(span),
        _ => return None,
    })
}

fn size(pair: Node<'_>) -> Size {
    let span = span_of(&pair);
    let mut numbers = Vec::new();
    let mut unit = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::number => numbers.push(word(&p)),
            Rule::word => unit = Some(word(&p)),
            _ => {}
        }
    }
    let mut numbers = numbers.into_iter();
    let empty = || Spanned::new(Text::default(), span);
    Size {
        low: numbers.next().unwrap_or_else(empty),
        high: numbers.next(),
        unit: unit.unwrap_or_else(empty),
        span,
    }
}

fn place_of(pair: Node<'_>) -> Option<Place> {
    let inner = pair.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::string => Place::Described(string(&inner)),
        Rule::party_name => Place::Party(word(&inner)),
        _ => return None,
    })
}

fn body(pair: Node<'_>) -> Option<Body> {
    let inner = pair.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::string => Body::Described(string(&inner)),
        _ => Body::Named(word(&inner)),
    })
}
