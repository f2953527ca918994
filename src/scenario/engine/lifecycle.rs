//! An instrument's life during a run: whether the event it waits for (`activation on`,
//! `from EVENT`) has happened, whether a `void if` condition has voided it, and which
//! obligations a `suspend` clause takes out between two parties on a given day.
//!
//! The engine keeps one [`Life`] per instrument and feeds it every event in time order.

use super::Finding;
use crate::model::terms::event_text;
use crate::model::{self, Applies, Condition, Date, PartyRef, Treaty};
use crate::scenario::{Event, Happening, Instant, Reason};
use crate::vocab::TriggerKind;

/// What the run has seen happen, for one instrument.
#[derive(Debug, Clone, Default)]
pub struct Life {
    /// Named events and occurrences so far: (name, parties, when).
    happened: Vec<(String, Vec<String>, Instant)>,
    /// When and why the instrument became void.
    pub void: Option<(Instant, String)>,
}

impl Life {
    /// Record an event; say whether it voided the instrument.
    pub fn record(&mut self, treaty: &Treaty, event: &Event) -> Option<String> {
        match &event.happening {
            Happening::Named { name, parties } => {
                self.happened
                    .push((name.clone(), parties.clone(), event.at));
            }
            Happening::Occurrence { kind, by, .. } => {
                let parties = by.iter().cloned().collect();
                self.happened
                    .push((kind.word().to_string(), parties, event.at));
            }
            Happening::Action { .. } => return None,
        }
        if self.void.is_some() {
            return None;
        }
        let condition = treaty
            .voids
            .iter()
            .map(|v| &v.value)
            .find(|c| voids(treaty, c, &event.happening))?;
        let mut why = condition.to_string();
        if let Condition::Happening { attributes, .. } = condition {
            if !attributes.is_empty() {
                why.push_str(&format!(
                    " (the scenario does not record whether it was {}; taken as such)",
                    attributes
                        .iter()
                        .map(|a| a.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        self.void = Some((event.at, why.clone()));
        Some(why)
    }

    /// When an event the treaty names has happened, if it has.
    pub fn happened(&self, event: &model::Event) -> Option<Instant> {
        let model::Event::Named { name, parties } = event else {
            return None;
        };
        self.happened
            .iter()
            .find(|(n, p, _)| {
                n == name.as_str() && parties.iter().all(|q| p.iter().any(|x| x == q.as_str()))
            })
            .map(|(_, _, at)| *at)
    }

    /// Why a trigger is silent at `at` because of the instrument's life, if it is.
    pub fn silences(&self, treaty: &Treaty, from: Option<&Applies>, at: Instant) -> Vec<Finding> {
        let mut out = Vec::new();
        if let Some((when, why)) = &self.void {
            out.push(Finding::new(
                Reason::Void,
                format!("void since {when}: {why}"),
            ));
        }
        if let Some(activation) = &treaty.activation {
            if self.happened(&activation.value).is_none() {
                out.push(Finding::new(
                    Reason::NotYetActive,
                    format!(
                        "not yet active: waits for {}",
                        event_text(&activation.value)
                    ),
                ));
            }
        }
        if let Some(finding) = self.not_from(from, at.local_date()) {
            out.push(finding);
        }
        out
    }

    /// Why a clause with `from DATE|EVENT` does not apply yet on `day`, if it does not.
    pub fn not_from(&self, from: Option<&Applies>, day: Date) -> Option<Finding> {
        match from? {
            Applies::Date { date } if day < *date => Some(Finding::new(
                Reason::NotYetActive,
                format!("not yet active: applies only from {date}"),
            )),
            Applies::Event { event } if self.happened(event).is_none() => Some(Finding::new(
                Reason::NotYetActive,
                format!("not yet active: applies only once {}", event_text(event)),
            )),
            _ => None,
        }
    }
}

fn codes(treaty: &Treaty, refs: &[PartyRef]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in refs {
        for code in treaty.expand(r) {
            if !out.iter().any(|c| c == code) {
                out.push(code.to_string());
            }
        }
    }
    out
}

/// Whether a happening meets a `void if` condition: the same named event, or an
/// occurrence of the kind with the attacker and victim the condition names.
fn voids(treaty: &Treaty, condition: &Condition, happening: &Happening) -> bool {
    let Condition::Happening {
        name,
        kind,
        parties,
        by,
        against,
        ..
    } = condition
    else {
        return false;
    };
    match happening {
        Happening::Named {
            name: event,
            parties: event_parties,
        } => {
            kind.is_none()
                && event == name.as_str()
                && parties
                    .iter()
                    .all(|p| event_parties.iter().any(|e| e == p.as_str()))
        }
        Happening::Occurrence {
            kind: event_kind,
            by: attacker,
            against: victim,
            ..
        } => {
            let Some(kind) = kind else { return false };
            let same_kind = kind == event_kind || (is_armed(*kind) && is_armed(*event_kind));
            let by_ok = by.is_empty()
                || attacker
                    .as_ref()
                    .is_some_and(|a| codes(treaty, by).contains(a));
            let against_ok = against.is_empty()
                || victim
                    .as_ref()
                    .is_some_and(|v| codes(treaty, against).contains(v));
            same_kind && by_ok && against_ok
        }
        Happening::Action { .. } => false,
    }
}

fn is_armed(kind: TriggerKind) -> bool {
    kind.covers_armed_attack() || kind == TriggerKind::NuclearAttack
}

/// The suspension that takes `giver`'s obligation to any of `receivers` out on `day`.
pub fn suspension<'t>(
    treaty: &'t Treaty,
    giver: &str,
    receivers: &[String],
    day: Date,
) -> Option<&'t model::Suspension> {
    treaty.suspensions.iter().find(|s| {
        let (givers, to) = s.between(treaty);
        s.covers(day)
            && givers.iter().any(|g| g == giver)
            && receivers.iter().any(|r| to.contains(r))
    })
}
