//! The clauses about time and conditions, lowered: `activation on`, `proposed`,
//! `terminated`, `void if`, `suspend`, `reinstate`, and a clause's `from DATE|EVENT`.
//! Words are kept as written; the model checks them.

use super::values::{event, first_party_list, flow, kind, party_list, place_of, words};
use super::*;

/// The clause kind of a time rule, or `None` when `rule` is not one (or its parts are
/// incomplete, which the grammar does not allow).
pub(super) fn clause_kind(rule: Rule, parts: Vec<Node<'_>>) -> Option<ClauseKind> {
    let mut parts = parts.into_iter();
    Some(match rule {
        Rule::activation_field => {
            ClauseKind::Activation(event(parts.find(|p| p.as_rule() == Rule::event)?)?)
        }
        Rule::proposed_field => ClauseKind::Proposed(word(&parts.next()?)),
        Rule::terminated_field => ClauseKind::Terminated(word(&parts.next()?)),
        Rule::void_field => {
            ClauseKind::Void(condition(parts.find(|p| p.as_rule() == Rule::condition)?)?)
        }
        Rule::suspend => {
            let flow = flow(parts.next()?);
            let mut dates = parts.filter(|p| p.as_rule() == Rule::date);
            ClauseKind::Suspend {
                flow,
                from: word(&dates.next()?),
                until: dates.next().map(|d| word(&d)),
            }
        }
        Rule::reinstate => {
            let mut kinds = Vec::new();
            let (mut by, mut against, mut on) = (None, None, None);
            let mut automatically = false;
            // Which keyword the next party list belongs to.
            let mut after = Rule::kw_reinstate;
            for p in parts {
                match p.as_rule() {
                    Rule::kinds => kinds = p.into_inner().map(kind).collect(),
                    Rule::kw_by | Rule::kw_against | Rule::kw_on => after = p.as_rule(),
                    Rule::kw_automatically => automatically = true,
                    Rule::party_set if after == Rule::kw_by => by = Some(party_list(p)),
                    Rule::party_set => against = Some(party_list(p)),
                    Rule::event => on = event(p),
                    _ => {}
                }
            }
            ClauseKind::Reinstate {
                kinds,
                by,
                against,
                automatically,
                on,
            }
        }
        _ => return None,
    })
}

/// A clause's `from DATE|EVENT`.
pub(super) fn clause_from(pair: Node<'_>) -> Option<ClauseFrom> {
    let value = pair.into_inner().nth(1)?;
    Some(match value.as_rule() {
        Rule::date => ClauseFrom::Date(word(&value)),
        _ => ClauseFrom::Event(event(value)?),
    })
}

/// A `void if` condition.
fn condition(pair: Node<'_>) -> Option<Condition> {
    let inner = pair.into_inner().next()?;
    if inner.as_rule() == Rule::string {
        return Some(Condition::Described(string(&inner)));
    }
    let span = span_of(&inner);
    let (mut name, mut parties) = (None, Vec::new());
    let (mut by, mut against, mut scope) = (None, None, None);
    let mut attributes = Vec::new();
    for p in inner.into_inner() {
        match p.as_rule() {
            Rule::event_call => {
                let mut call = p.into_inner();
                name = call.next().map(|n| word(&n));
                parties = call.map(|c| word(&c)).collect();
            }
            Rule::trigger_by => by = first_party_list(p),
            Rule::trigger_against => against = first_party_list(p),
            Rule::trigger_scope => scope = first_area_place(p),
            Rule::condition_attribute => attributes.extend(words(p)),
            _ => {}
        }
    }
    Some(Condition::Happening {
        name: name?,
        parties,
        by,
        against,
        scope,
        attributes,
        span,
    })
}

/// The first area of a condition's `in` as a place: a quoted region or a party code.
/// (A structured area in a `void if` condition is not matched by the engine.)
fn first_area_place(pair: Node<'_>) -> Option<Place> {
    pair.into_inner()
        .find(|p| p.as_rule() == Rule::area)
        .and_then(place_of)
}
