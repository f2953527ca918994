//! Named events (`event ceasefire-in-force at ...`): a word that is not a trigger kind
//! must be an event one of the run's treaties names (in `activation on`, `from`,
//! `void if`, `reinstate ... on`, `duration until` or `review on`); anything else is a
//! typo, reported as `S004` with the closest word.

use super::engine::Instrument;
use super::{codes, Happening, Scenario};
use crate::diagnostics::Diagnostic;
use crate::model::{Applies, Condition, Duty, Event, Review, Term, Treaty};
use crate::suggest::did_you_mean;
use crate::vocab::TriggerKind;

/// Every event name a treaty waits for or mentions.
pub fn event_names(treaty: &Treaty) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |event: &Event| {
        if let Event::Named { name, .. } = event {
            if !out.iter().any(|n| n == name.as_str()) {
                out.push(name.to_string());
            }
        }
    };
    if let Some(a) = &treaty.activation {
        add(&a.value);
    }
    if let Some(Term::Until { event }) = treaty.duration.as_ref().map(|d| &d.value) {
        add(event);
    }
    for review in &treaty.reviews {
        if let Review::On { event } = &review.value {
            add(event);
        }
    }
    for void in &treaty.voids {
        if let Condition::Happening {
            name,
            kind: None,
            parties,
            ..
        } = &void.value
        {
            add(&Event::Named {
                name: name.clone(),
                parties: parties.clone(),
            });
        }
    }
    let froms = treaty
        .triggers
        .iter()
        .filter_map(|t| t.from.as_ref())
        .chain(
            treaty
                .all_obligations()
                .filter_map(|(_, o)| o.from.as_ref()),
        );
    for from in froms {
        if let Applies::Event { event } = from {
            add(event);
        }
    }
    for (_, o) in treaty.all_obligations() {
        if let Duty::Reinstate { on: Some(on), .. } = &o.duty {
            add(on);
        }
    }
    out
}

/// `S004` for each named event that is neither a trigger kind nor named by a treaty.
pub fn check(scenario: &Scenario, instruments: &[Instrument<'_>]) -> Vec<Diagnostic> {
    let mut known: Vec<String> = instruments
        .iter()
        .flat_map(|i| event_names(i.treaty))
        .collect();
    known.sort();
    known.dedup();
    let mut out = Vec::new();
    for event in &scenario.events {
        let Happening::Named { name, .. } = &event.happening else {
            continue;
        };
        if known.iter().any(|k| k == name) {
            continue;
        }
        let mut candidates: Vec<&str> = known.iter().map(|k| k.as_str()).collect();
        for word in TriggerKind::words() {
            candidates.push(word);
        }
        let help = match did_you_mean(name, candidates) {
            Some(s) => crate::suggest::did_you_mean_text(name, s),
            None if known.is_empty() => {
                "the run's treaties name no event; an occurrence is a trigger kind such as `armed-attack`".to_string()
            }
            None => format!(
                "events the run's treaties name: {}; or a trigger kind such as `armed-attack`",
                known.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            ),
        };
        let mut d = Diagnostic::error(
            codes::UNKNOWN_EVENT,
            format!("`{name}` is neither a trigger kind nor an event any treaty of the run names"),
        )
        .with_help(help);
        if let Some(span) = event.span {
            d = d.with_label(span, "unknown event");
        }
        out.push(d);
    }
    out
}
