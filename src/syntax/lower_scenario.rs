//! Lowering of `scenario` blocks (and of one `--event` text) from pest pairs to the
//! [`super::ast::scenario`]. Kept apart from `lower` so the treaty lowering is
//! untouched by the scenario language.

use super::node::Node;

use super::ast::Text;
use pest::Parser;

use super::ast::scenario::*;
use super::ast::{Period, Spanned, Word};
use super::{codes, Rule, TreatyParser};
use crate::diagnostics::Diagnostic;
use crate::span::Span;

fn span_of(pair: &Node<'_>) -> Span {
    let start = pair.start();
    Span::new(start, start + pair.as_str().trim_end().len())
}

/// A word as its NFC form, as in the treaty's syntax tree.
fn word(pair: &Node<'_>) -> Word {
    let text = crate::suggest::look_alike::nfc(pair.as_str().trim_end());
    Spanned::new(text.as_ref().into(), span_of(pair))
}

fn string(pair: &Node<'_>) -> Spanned<Text> {
    let raw = pair.as_str();
    let body = raw
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(raw);
    Spanned::new(
        body.replace("\\\"", "\"").replace("\\\\", "\\").into(),
        span_of(pair),
    )
}

/// A clause's span: from its first to its last token, without trailing whitespace or
/// comments (a rule ending in an optional part runs on over the whitespace before it,
/// so the end is taken from the last token, a pair with nothing inside).
fn content_span(pair: &Node<'_>) -> Span {
    let end = pair
        .clone()
        .descendants()
        .filter(|p| p.clone().into_inner().next().is_none())
        .map(|p| p.end())
        .max()
        .unwrap_or(pair.end());
    Span::new(pair.start(), end)
}

pub fn scenario(text: &str, pair: Node<'_>, diagnostics: &mut Vec<Diagnostic>) -> Scenario {
    let span = span_of(&pair);
    let mut name = None;
    let mut header_end = span.start;
    let mut items = Vec::new();
    for child in pair.into_inner() {
        match child.as_rule() {
            Rule::kw_scenario => header_end = child.end(),
            Rule::scenario_name => {
                name = Some(word(&child));
                header_end = child.end();
            }
            Rule::bad_head => {
                header_end = child.end();
                diagnostics.push(
                    Diagnostic::error(codes::SYNTAX_ERROR, "this scenario has no usable name")
                        .with_label(span_of(&child), "expected a name such as `uk_attack_2027`")
                        .with_help("write `scenario my_scenario {`"),
                );
            }
            Rule::block_close => {}
            Rule::unclosed => {
                let eof = text.len();
                diagnostics.push(
                    Diagnostic::error(codes::UNCLOSED_BLOCK, "this scenario block is never closed")
                        .with_label(Span::new(span.start, header_end), "scenario opened here")
                        .with_label(Span::new(eof, eof), "the file ends here")
                        .with_help("add the closing `}`"),
                );
            }
            Rule::bad_scenario_line => diagnostics.push(bad_line(&child)),
            Rule::scenario_use => {
                let item_span = content_span(&child);
                if let Some(target) = child.into_inner().nth(1) {
                    let target = match target.as_rule() {
                        Rule::string => UseTarget::Path(string(&target)),
                        _ => UseTarget::Treaty(word(&target)),
                    };
                    items.push(ScenarioItem::Use {
                        target,
                        span: item_span,
                    });
                }
            }
            Rule::scenario_assume => {
                let item_span = content_span(&child);
                let mut inner = child.into_inner().skip(1);
                if let Some(what) = inner.next() {
                    items.push(ScenarioItem::Assume {
                        what: word(&what),
                        at: inner.next().map(|at| word(&at)),
                        span: item_span,
                    });
                }
            }
            Rule::scenario_event => {
                if let Some(h) = child.into_inner().nth(1).and_then(happening) {
                    items.push(ScenarioItem::Event(h));
                }
            }
            Rule::scenario_end => {
                let item_span = content_span(&child);
                if let Some(at) = child.into_inner().nth(1) {
                    items.push(ScenarioItem::End {
                        at: word(&at),
                        span: item_span,
                    });
                }
            }
            Rule::scenario_expect => {
                let item_span = content_span(&child);
                if let Some(e) = child.into_inner().nth(1) {
                    if let Some(expectation) = expectation(e, item_span) {
                        items.push(ScenarioItem::Expect(expectation));
                    }
                }
            }
            _ => {}
        }
    }
    Scenario {
        name,
        header_span: Span::new(span.start, header_end),
        span,
        items,
    }
}

fn bad_line(pair: &Node<'_>) -> Diagnostic {
    let text = pair.as_str().trim();
    let first = text.split_whitespace().next().unwrap_or("");
    let help = match first {
        "event" => {
            "events read `event armed-attack by RU against UA at 2027-03-01T06:00Z` or \
                    `event UK consults UA at 2027-03-02T05:00Z`"
        }
        "expect" => {
            "expectations read `expect consult UK, UA by 2027-03-02T06:00Z`, \
                     `expect no armed-force` or `expect violated consult UK late 3 hours`"
        }
        "end" => "write `end 2027-04-01T00:00Z`",
        "treaty" => "write `treaty \"../file.treaty\"` or `treaty name_in_this_file`",
        "assume" => "write `assume in-force` or `assume signed 2026-01-01`",
        _ => "a scenario holds `treaty`, `assume`, `event`, `end` and `expect` lines",
    };
    Diagnostic::error(
        codes::SYNTAX_ERROR,
        format!("this scenario line could not be read: `{text}`"),
    )
    .with_label(span_of(pair), "not a scenario line")
    .with_help(help)
}

fn words(pair: Node<'_>, rule: Rule) -> Vec<Word> {
    pair.into_inner()
        .filter(|p| p.as_rule() == rule)
        .map(|p| word(&p))
        .collect()
}

fn happening(pair: Node<'_>) -> Option<Happening> {
    let inner = pair.into_inner().next()?;
    let span = content_span(&inner);
    match inner.as_rule() {
        Rule::s_occurrence => {
            let mut kind = None;
            let mut parties = Vec::new();
            let mut aspects = Vec::new();
            let mut attributes = Vec::new();
            let (mut by, mut against, mut place, mut at) = (None, None, None, None);
            for p in inner.into_inner() {
                match p.as_rule() {
                    Rule::s_word => kind = Some(word(&p)),
                    Rule::s_event_parties => parties = words(p, Rule::s_party),
                    Rule::s_aspects => aspects = words(p, Rule::s_word),
                    Rule::s_by => by = p.into_inner().nth(1).map(|w| word(&w)),
                    Rule::s_against => against = p.into_inner().nth(1).map(|w| word(&w)),
                    Rule::s_in => {
                        place = p.into_inner().nth(1).map(|w| match w.as_rule() {
                            Rule::string => ScenePlace::Described(string(&w)),
                            _ => ScenePlace::Party(word(&w)),
                        })
                    }
                    Rule::s_when => {
                        for q in p.into_inner() {
                            match q.as_rule() {
                                Rule::s_timestamp => at = Some(word(&q)),
                                Rule::s_attributes => attributes = words(q, Rule::s_word),
                                _ => {}
                            }
                        }
                    }
                    _ => {}
                }
            }
            Some(Happening::Occurrence {
                kind: kind?,
                parties,
                aspects,
                attributes,
                by,
                against,
                place,
                at: at?,
                span,
            })
        }
        Rule::s_action => {
            let (mut actor, mut verb, mut at) = (None, None, None);
            let (mut kinds, mut targets, mut means) = (Vec::new(), Vec::new(), Vec::new());
            for p in inner.into_inner() {
                match p.as_rule() {
                    Rule::s_party => actor = Some(word(&p)),
                    Rule::s_verb => verb = Some(word(&p)),
                    Rule::s_kinds => kinds = words(p, Rule::s_word),
                    Rule::s_to => targets = words(p, Rule::s_party),
                    Rule::s_with => means = words(p, Rule::s_word),
                    Rule::s_timestamp => at = Some(word(&p)),
                    _ => {}
                }
            }
            Some(Happening::Action {
                actor: actor?,
                verb: verb?,
                kinds,
                targets,
                means,
                at: at?,
                span,
            })
        }
        _ => None,
    }
}

fn expectation(pair: Node<'_>, span: Span) -> Option<Expectation> {
    let mut e = Expectation {
        negated: false,
        status: None,
        what: Spanned::new(Default::default(), span),
        parties: Vec::new(),
        due: None,
        late: None,
        because: None,
        span,
    };
    let mut saw_what = false;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::kw_no => e.negated = true,
            Rule::s_status => e.status = Some(word(&p)),
            Rule::s_what => {
                e.what = word(&p);
                saw_what = true;
            }
            Rule::s_parties => e.parties = words(p, Rule::s_party),
            Rule::s_due => e.due = p.into_inner().nth(1).map(|w| word(&w)),
            Rule::s_late => {
                let period = p.into_inner().nth(1)?;
                let period_span = span_of(&period);
                let mut parts = period.into_inner();
                e.late = Some(Period {
                    amount: word(&parts.next()?),
                    unit: word(&parts.next()?),
                    span: period_span,
                });
            }
            Rule::s_because => e.because = p.into_inner().nth(1).map(|w| word(&w)),
            _ => {}
        }
    }
    saw_what.then_some(e)
}

/// Parse one happening written on the command line (`--event "..."`).
pub fn parse_happening(text: &str) -> Result<Happening, Diagnostic> {
    let fail = || {
        Diagnostic::error(
            codes::SYNTAX_ERROR,
            format!("this event could not be read: `{}`", text.trim()),
        )
        .with_label(Span::new(0, text.len()), "not an event")
        .with_help(
            "write `armed-attack by RU against UA at 2027-03-01T06:00Z`, optionally with \
             `in \"place\"` before `at`, or an action such as `UK consults UA at 2027-03-02T05:00Z`",
        )
    };
    super::set_rule_call_limit();
    let mut pairs = TreatyParser::parse(Rule::probe_happening, text).map_err(|_| fail())?;
    let probe = pairs.next().ok_or_else(fail)?;
    let inner = Node::new(probe, 0)
        .into_inner()
        .find(|p| p.as_rule() == Rule::s_happening)
        .ok_or_else(fail)?;
    happening(inner).ok_or_else(fail)
}
