//! From the scenario syntax tree to checked [`Scenario`]s: event kinds and aspects are
//! looked up in the treaty vocabulary (so `armed-atack` gets a did-you-mean), times are
//! parsed with their offsets, and expectation words are checked.

use super::*;
use crate::diagnostics::Diagnostic;
use crate::model::vocab::{ThreatAspect, TriggerKind};
use crate::model::{Period, Unit};
use crate::suggest::did_you_mean;
use crate::syntax::ast::Word;
use crate::syntax::scenario_ast::{self as ast, ScenarioItem, ScenePlace, UseTarget};

fn bad(word: &Word, message: String, help: Option<String>) -> Diagnostic {
    let d = Diagnostic::error(codes::BAD_EVENT, message).with_label(word.span, "here");
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

fn instant(word: &Word, diagnostics: &mut Vec<Diagnostic>) -> Option<Instant> {
    match Instant::parse(&word.value) {
        Ok(i) => Some(i),
        Err(message) => {
            diagnostics.push(bad(
                word,
                message,
                Some("write times as `2027-03-01T06:00Z` or `2027-03-01T08:00+02:00`".into()),
            ));
            None
        }
    }
}

fn vocab<T>(
    word: &Word,
    what: &str,
    parse: fn(&str) -> Option<T>,
    words: Vec<&'static str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    if let Some(v) = parse(&word.value) {
        return Some(v);
    }
    let help = did_you_mean(&word.value, words.iter().copied())
        .map(|s| format!("did you mean `{s}`?"))
        .unwrap_or_else(|| format!("known words: {}", words.join(", ")));
    diagnostics.push(bad(
        word,
        format!("unknown {what} `{}`", word.value),
        Some(help),
    ));
    None
}

/// One happening from the syntax tree, or diagnostics saying what is wrong with it.
pub fn happening(
    h: &ast::Happening,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Event> {
    let span = h.span();
    let written = text
        .get(span.start..span.end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match h {
        ast::Happening::Occurrence {
            kind,
            aspects,
            by,
            against,
            place,
            at,
            ..
        } => {
            let kind = vocab(
                kind,
                "event kind",
                TriggerKind::parse,
                TriggerKind::words().collect(),
                diagnostics,
            );
            let aspects: Vec<ThreatAspect> = aspects
                .iter()
                .filter_map(|a| {
                    vocab(
                        a,
                        "threatened aspect",
                        ThreatAspect::parse,
                        ThreatAspect::words().collect(),
                        diagnostics,
                    )
                })
                .collect();
            let at = instant(at, diagnostics)?;
            Some(Event {
                at,
                happening: Happening::Occurrence {
                    kind: kind?,
                    aspects,
                    by: by.as_ref().map(|w| w.value.clone()),
                    against: against.as_ref().map(|w| w.value.clone()),
                    place: place.as_ref().map(|p| match p {
                        ScenePlace::Party(w) => w.value.clone(),
                        ScenePlace::Described(s) => s.value.clone(),
                    }),
                },
                text: written,
                span: Some(span),
            })
        }
        ast::Happening::Action {
            actor,
            verb,
            kinds,
            targets,
            means,
            at,
            ..
        } => {
            let verb_value = Verb::parse(&verb.value);
            let at = instant(at, diagnostics)?;
            Some(Event {
                at,
                happening: Happening::Action {
                    actor: actor.value.clone(),
                    verb: verb_value?,
                    kinds: kinds.iter().chain(means).map(|w| w.value.clone()).collect(),
                    targets: targets.iter().map(|w| w.value.clone()).collect(),
                },
                text: written,
                span: Some(span),
            })
        }
    }
}

fn expectation(e: &ast::Expectation, diagnostics: &mut Vec<Diagnostic>) -> Option<Expectation> {
    let status = match &e.status {
        Some(w) => Some(vocab(
            w,
            "status",
            StatusWord::parse,
            vec!["fulfilled", "violated", "pending"],
            diagnostics,
        )?),
        None => None,
    };
    let because = e.because.as_ref().map(|w| w.value.clone());
    let due = match &e.due {
        Some(w) => Some(instant(w, diagnostics)?),
        None => None,
    };
    let late = match &e.late {
        Some(p) => {
            let value = p.amount.value.replace(['_', ','], "").parse::<u32>().ok();
            let unit = Unit::parse(&p.unit.value);
            match (value, unit) {
                (Some(value), Some(unit)) if !matches!(unit, Unit::Months | Unit::Years) => {
                    Some(Period { value, unit })
                }
                _ => {
                    diagnostics.push(
                        Diagnostic::error(
                            codes::BAD_EVENT,
                            "a lateness must be whole hours, days or weeks",
                        )
                        .with_label(p.span, "here")
                        .with_help("write `late 27 hours` or `late 2 days`"),
                    );
                    return None;
                }
            }
        }
        None => None,
    };
    Some(Expectation {
        negated: e.negated,
        status,
        what: e.what.value.clone(),
        parties: e.parties.iter().map(|w| w.value.clone()).collect(),
        due,
        late,
        because,
        span: e.span,
    })
}

pub fn scenario(s: &ast::Scenario, text: &str, diagnostics: &mut Vec<Diagnostic>) -> Scenario {
    let mut out = Scenario {
        name: s
            .name
            .as_ref()
            .map(|n| n.value.clone())
            .unwrap_or_else(|| "(unnamed)".into()),
        span: s.span,
        header_span: s.header_span,
        treaties: Vec::new(),
        events: Vec::new(),
        end: None,
        expectations: Vec::new(),
    };
    for item in &s.items {
        match item {
            ScenarioItem::Use { target, span } => out.treaties.push(match target {
                UseTarget::Path(p) => TreatyRef::Path {
                    path: p.value.clone(),
                    span: *span,
                },
                UseTarget::Treaty(w) => TreatyRef::Named {
                    name: w.value.clone(),
                    span: *span,
                },
            }),
            ScenarioItem::Event(h) => {
                if let Some(e) = happening(h, text, diagnostics) {
                    out.events.push(e);
                }
            }
            ScenarioItem::End { at, .. } => out.end = instant(at, diagnostics),
            ScenarioItem::Expect(e) => {
                if let Some(e) = expectation(e, diagnostics) {
                    out.expectations.push(e);
                }
            }
        }
    }
    out
}
