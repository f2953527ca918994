//! The pieces clauses are made of, lowered from their pairs: words, party lists,
//! flows, periods, events, timings, sizes, amounts, places and bodies. Each reads one
//! pair and returns its AST value; it must not report diagnostics.

use super::*;

impl Lowerer<'_> {
    pub(super) fn amount(&self, pair: Node<'_>) -> Amount {
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
pub(super) fn words(pair: Node<'_>) -> Vec<Word> {
    pair.into_inner()
        .filter(|p| matches!(p.as_rule(), Rule::word | Rule::vocab))
        .map(|p| word(&p))
        .collect()
}

pub(super) fn first_party_list(pair: Node<'_>) -> Option<PartyList> {
    pair.into_inner()
        .find(|p| p.as_rule() == Rule::party_set)
        .map(party_list)
}

/// The `scope-of NAME` among a trigger's areas, if any.
pub(super) fn scope_of(pair: &Node<'_>) -> Option<Word> {
    pair.clone()
        .into_inner()
        .filter(|p| p.as_rule() == Rule::area)
        .flat_map(|a| a.into_inner())
        .find(|a| a.as_rule() == Rule::area_scope_of)
        .and_then(|a| a.into_inner().find(|r| r.as_rule() == Rule::treaty_ref))
        .map(|r| word(&r))
}

pub(super) fn party_list(pair: Node<'_>) -> PartyList {
    let span = span_of(&pair);
    let except = pair
        .clone()
        .into_inner()
        .filter(|p| p.as_rule() == Rule::except)
        .flat_map(|p| p.into_inner())
        .filter(|p| p.as_rule() == Rule::party_name)
        .map(|p| word(&p))
        .collect();
    let items = pair
        .into_inner()
        .filter_map(|p| match p.as_rule() {
            Rule::party_name => Some(PartyItem::Named(word(&p))),
            Rule::attacked => Some(PartyItem::Attacked(span_of(&p))),
            Rule::party_class => {
                let span = span_of(&p);
                let mut inner = p.into_inner();
                let quantifier = word(&inner.next()?);
                let name = string(&inner.next()?);
                Some(PartyItem::Class {
                    quantifier,
                    name,
                    span,
                })
            }
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
    PartyList {
        items,
        except,
        span,
    }
}

pub(super) fn flow(pair: Node<'_>) -> Flow {
    let mut lists = pair.into_inner().filter(|p| p.as_rule() == Rule::party_set);
    let givers = lists.next().map(party_list).unwrap_or(PartyList {
        items: Vec::new(),
        except: Vec::new(),
        span: Span::default(),
    });
    let receivers = lists.next().map(party_list);
    Flow { givers, receivers }
}

pub(super) fn kind(pair: Node<'_>) -> Kind {
    let mut inner = pair.into_inner().map(|p| word(&p));
    let name = inner
        .next()
        .unwrap_or_else(|| Spanned::new(Text::default(), Span::default()));
    Kind {
        name,
        details: inner.collect(),
    }
}

pub(super) fn period(pair: Node<'_>) -> Option<Period> {
    let span = span_of(&pair);
    let mut inner = pair.into_inner();
    let amount = word(&inner.next()?);
    let unit = word(&inner.next()?);
    Some(Period { amount, unit, span })
}

pub(super) fn event(pair: Node<'_>) -> Option<Event> {
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

pub(super) fn timing(pair: Node<'_>) -> Option<Timing> {
    let span = span_of(&pair);
    Some(match pair.as_rule() {
        Rule::kw_forthwith => Timing::Forthwith(span),
        Rule::kw_immediately => Timing::Immediately(span),
        Rule::within => Timing::Within(period(pair.into_inner().nth(1)?)?),
        Rule::after_consultation => Timing::AfterConsultation(span),
        _ => return None,
    })
}

pub(super) fn size(pair: Node<'_>) -> Size {
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

pub(super) fn place_of(pair: Node<'_>) -> Option<Place> {
    let inner = pair.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::string => Place::Described(string(&inner)),
        Rule::party_name => Place::Party(word(&inner)),
        _ => return None,
    })
}

pub(super) fn body(pair: Node<'_>) -> Option<Body> {
    let inner = pair.into_inner().next()?;
    Some(match inner.as_rule() {
        Rule::string => Body::Described(string(&inner)),
        _ => Body::Named(word(&inner)),
    })
}
