//! From the scenario syntax tree to checked [`Scenario`]s: event kinds and aspects are
//! looked up in the treaty vocabulary (so `armed-atack` gets a did-you-mean), times are
//! parsed with their offsets, and expectation words are checked.

use super::*;
use crate::diagnostics::Diagnostic;
use crate::model::vocab::{EventAttribute, ThreatAspect, TriggerKind};
use crate::model::{Period, Unit};
use crate::suggest::did_you_mean;
use crate::syntax::ast::scenario::{self as ast, ScenarioItem, ScenePlace, UseTarget};
use crate::syntax::ast::Word;

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
        .map(|s| crate::suggest::did_you_mean_text(&word.value, s))
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
            parties,
            aspects,
            by,
            against,
            place,
            at,
            attributes,
            ..
        } => {
            let attributes = event_attributes(attributes, diagnostics);
            // A word that is no trigger kind names an event a treaty may wait for; the
            // run checks it against its treaties (S004).
            let plain = aspects.is_empty() && by.is_none() && against.is_none() && place.is_none();
            if TriggerKind::parse(&kind.value).is_none() && plain {
                let at = instant(at, diagnostics)?;
                return Some(Event {
                    at,
                    happening: Happening::Named {
                        name: kind.value.to_string(),
                        parties: parties.iter().map(|p| p.value.to_string()).collect(),
                    },
                    text: written,
                    span: Some(span),
                });
            }
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
                    by: by.as_ref().or(parties.first()).map(|w| w.value.to_string()),
                    against: against.as_ref().map(|w| w.value.to_string()),
                    place: place.as_ref().map(|p| match p {
                        ScenePlace::Party(w) => w.value.to_string(),
                        ScenePlace::Described(s) => s.value.to_string(),
                    }),
                    attributes,
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
                    actor: actor.value.to_string(),
                    verb: verb_value?,
                    kinds: kinds
                        .iter()
                        .chain(means)
                        .map(|w| w.value.to_string())
                        .collect(),
                    targets: targets.iter().map(|w| w.value.to_string()).collect(),
                },
                text: written,
                span: Some(span),
            })
        }
    }
}

/// The attributes after an event's time (`significant deliberate`, `minor`); an
/// unknown word is S005 with the closest attribute.
fn event_attributes(words: &[Word], diagnostics: &mut Vec<Diagnostic>) -> Vec<EventAttribute> {
    let mut out = Vec::new();
    for word in words {
        match EventAttribute::parse(&word.value) {
            Some(a) => {
                if !out.contains(&a) {
                    out.push(a);
                }
            }
            None => {
                let suggestion = did_you_mean(&word.value, EventAttribute::words());
                let help = match suggestion {
                    Some(s) => crate::suggest::did_you_mean_text(&word.value, s),
                    None => format!(
                        "an event attribute is one of: {}",
                        EventAttribute::words().collect::<Vec<_>>().join(", ")
                    ),
                };
                diagnostics.push(
                    Diagnostic::error(
                        codes::UNKNOWN_ATTRIBUTE,
                        format!("unknown event attribute `{}`", word.value),
                    )
                    .with_label(word.span, "not an event attribute")
                    .with_help(help)
                    .with_suggestion(suggestion),
                );
            }
        }
    }
    out
}

/// Words an expectation may be about: clause keywords and the vocabulary words that
/// obligations carry (kinds of assistance, means, acts, aspects, bodies).
pub fn expectation_words() -> Vec<&'static str> {
    use crate::vocab::*;
    let mut words: Vec<&'static str> = crate::syntax::keywords::CLAUSE_KEYWORDS
        .iter()
        .map(|k| k.word)
        .filter(|w| {
            !matches!(
                *w,
                "title"
                    | "signed"
                    | "effective"
                    | "form"
                    | "status"
                    | "binding"
                    | "ratification"
                    | "duration"
                    | "renewal"
                    | "review"
                    | "withdrawal"
                    | "qualified-by"
                    | "party"
                    | "members"
                    | "trigger"
            )
        })
        .collect();
    words.extend(AssistanceKind::words());
    words.extend(Means::words());
    words.extend(DeterrentMeans::words());
    words.extend(Mandate::words());
    words.extend(Institution::words());
    words.extend(Prohibited::words());
    words.extend(RefrainAct::words());
    words.extend(RespectAspect::words());
    words.push("un-security-council");
    words.sort_unstable();
    words.dedup();
    words
}

fn known_what(word: &str) -> bool {
    use crate::vocab::*;
    expectation_words().contains(&word)
        || AssistanceKind::parse(word).is_some()
        || Means::parse(word).is_some()
        || RespectAspect::parse(word).is_some()
}

fn expectation(e: &ast::Expectation, diagnostics: &mut Vec<Diagnostic>) -> Option<Expectation> {
    if !known_what(&e.what.value) {
        let words = expectation_words();
        vocab(
            &e.what,
            "obligation word",
            |_| None::<()>,
            words,
            diagnostics,
        );
        return None;
    }
    if let Some(word) = &e.because {
        vocab(
            word,
            "reason",
            Reason::parse,
            Reason::words().collect(),
            diagnostics,
        )?;
    }
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
    let because = e.because.as_ref().map(|w| w.value.to_string());
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
        what: e.what.value.to_string(),
        parties: e.parties.iter().map(|w| w.value.to_string()).collect(),
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
            .map(|n| n.value.to_string())
            .unwrap_or_else(|| "(unnamed)".into()),
        span: s.span,
        header_span: s.header_span,
        treaties: Vec::new(),
        events: Vec::new(),
        end: None,
        assume_in_force: false,
        assume_signed: None,
        expectations: Vec::new(),
    };
    for item in &s.items {
        match item {
            ScenarioItem::Use { target, span } => out.treaties.push(match target {
                UseTarget::Path(p) => TreatyRef::Path {
                    path: p.value.to_string(),
                    span: *span,
                },
                UseTarget::Treaty(w) => TreatyRef::Named {
                    name: w.value.to_string(),
                    span: *span,
                },
            }),
            ScenarioItem::Event(h) => {
                if let Some(e) = happening(h, text, diagnostics) {
                    out.events.push(e);
                }
            }
            ScenarioItem::Assume {
                what, at: Some(at), ..
            } if what.value == "signed" => {
                if let Some(at) = instant(at, diagnostics) {
                    out.assume_signed = Some(at.local_date());
                }
            }
            ScenarioItem::Assume { what, at: None, .. } if what.value == "signed" => {
                diagnostics.push(bad(
                    what,
                    "`assume signed` needs a date".into(),
                    Some("write `assume signed 2026-01-01`".into()),
                ));
            }
            ScenarioItem::Assume { what, .. } => {
                if vocab(
                    what,
                    "assumption",
                    |w| (w == "in-force").then_some(()),
                    vec!["in-force", "signed"],
                    diagnostics,
                )
                .is_some()
                {
                    out.assume_in_force = true;
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
    if let Some(end) = out.end {
        for event in out.events.iter().filter(|e| e.at > end) {
            let mut d = Diagnostic::error(
                codes::BAD_EVENT,
                format!("this event comes after the scenario's end ({end})"),
            )
            .with_help("move the `end` line's time after the last event, or drop it: without it the log closes at the last event");
            if let Some(span) = event.span {
                d = d.with_label(span, "after the end");
            }
            diagnostics.push(d);
        }
    }
    out
}
