//! Conditions in a run (issue 13): a trigger's threshold checked against the event's
//! attributes, and the decision step a `decided-by` response waits for, taken by an
//! `X decides` event. It must not evaluate kinds, parties or places (that is
//! `trigger`'s job) nor fulfil obligations (`fulfilment`).

use super::parties::expand_all;
use super::*;
use crate::model::{Decider, Decision};

/// When an obligation with this deadline is due, counted from `from`.
pub(super) fn due_from(deadline: Option<&Deadline>, from: Instant) -> Option<Instant> {
    match deadline {
        Some(Deadline::Within { period }) => Some(from.plus(*period)),
        Some(Deadline::Immediately | Deadline::Forthwith) => Some(from),
        Some(Deadline::AfterConsultation) | None => None,
    }
}

/// The decision step a `decided-by` response waits for.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionStep {
    /// The procedure as it reads: `US after consultation with UA`.
    pub procedure: String,
    /// Who takes it: party codes, or the organ's name. A `X decides` event by one of
    /// them takes the decision.
    pub deciders: Vec<String>,
    /// `unanimity`, `two-thirds`, ... when the treaty says.
    pub vote: Option<&'static str>,
    /// Whom the decider consults first (empty when the treaty names no one); absent
    /// when the decision is not taken after consultation.
    pub after_consultation_with: Option<Vec<String>>,
    /// Whether every decider must decide (several parties deciding together); an
    /// organ, or a single party, decides with one event.
    pub joint: bool,
    /// The deciders that have decided so far.
    pub decided: Vec<String>,
    pub decided_at: Option<Instant>,
    /// The event that took it (index into [`Run::events`]).
    pub by_event: Option<usize>,
}

impl DecisionStep {
    pub(super) fn of(treaty: &Treaty, decision: &Decision) -> DecisionStep {
        let deciders: Vec<String> = match &decision.by {
            Decider::Body { name } => vec![name.to_string()],
            Decider::Parties { .. } => decision
                .deciders(treaty)
                .into_iter()
                .map(str::to_string)
                .collect(),
        };
        DecisionStep {
            procedure: decision.text(),
            joint: matches!(decision.by, Decider::Parties { .. }) && deciders.len() > 1,
            decided: Vec::new(),
            deciders,
            vote: decision.vote.map(|v| v.word()),
            after_consultation_with: decision
                .consultation
                .as_ref()
                .map(|with| expand_all(treaty, with, None)),
            decided_at: None,
            by_event: None,
        }
    }
}

/// `Organ of Consultation` as a scenario writes it: `organ-of-consultation`.
fn kebab(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// Whether an occurrence meets the trigger's threshold: `None` when it does (or there
/// is none); otherwise below the threshold (an attribute says the opposite of a word
/// the trigger needs) or undetermined (the event does not say).
pub(super) fn threshold_check(trigger: &Trigger, attributes: &[EventAttribute]) -> Option<Finding> {
    if trigger.threshold.is_empty() {
        return None;
    }
    let mut below: Vec<(EventAttribute, Threshold)> = Vec::new();
    let mut unsaid: Vec<Threshold> = Vec::new();
    for &needed in &trigger.threshold {
        let said: Vec<(EventAttribute, bool)> = attributes
            .iter()
            .filter_map(|&a| a.meets(needed).map(|m| (a, m)))
            .collect();
        if let Some((attribute, _)) = said.iter().find(|(_, meets)| !meets) {
            below.push((*attribute, needed));
        } else if said.is_empty() {
            unsaid.push(needed);
        }
    }
    let needs = crate::model::conditions::threshold_text(&trigger.threshold);
    if !below.is_empty() {
        let attributes: Vec<&str> = below.iter().map(|(a, _)| a.word()).collect();
        let words: Vec<&str> = below.iter().map(|(_, t)| t.word()).collect();
        return Some(Finding::new(
            Reason::BelowThreshold,
            format!(
                "below threshold: {}, the trigger needs {}",
                attributes.join(", "),
                words.join(", ")
            ),
        ));
    }
    if !unsaid.is_empty() {
        let missing = crate::model::conditions::threshold_text(&unsaid);
        return Some(Finding::new(
            Reason::Undetermined,
            format!(
                "undetermined: the event does not say whether it was {missing} (the trigger needs {needs}); add the attribute after the time, such as `at ... {}`",
                unsaid[0].word()
            ),
        ));
    }
    None
}

impl Engine<'_, '_> {
    /// `X decides at T`: every open obligation waiting for X's decision is now owed,
    /// its deadline counted from the decision.
    pub(super) fn decide(&mut self, index: usize, at: Instant, actor: &str) {
        for (id, open) in self.open.iter().enumerate() {
            let owed = &mut self.owed[id];
            let Some(step) = owed.decision.as_mut() else {
                continue;
            };
            let Some(decider) = step
                .deciders
                .iter()
                .find(|d| *d == actor || kebab(d) == actor)
                .cloned()
            else {
                continue;
            };
            if step.decided_at.is_some() || step.decided.contains(&decider) {
                continue;
            }
            step.decided.push(decider);
            // A joint decision of several parties is taken when the last has decided.
            if step.joint && step.decided.len() < step.deciders.len() {
                continue;
            }
            step.decided_at = Some(at);
            step.by_event = Some(index);
            owed.due = due_from(deadline_of(open.obligation), at);
            self.reports[index].decides.push(id + 1);
        }
    }
}
