//! Trigger evaluation: one occurrence (an attack, a threat) put to one trigger of
//! one treaty. The trigger fires, bringing its obligations due (recorded in the
//! ledger), or stays silent with the reasons why: another kind of event, a party or
//! place it does not cover, a treaty not in force. It must not decide whether an
//! obligation was fulfilled (see `fulfilment`).

use super::conditions::{due_from, threshold_check};
use super::life::{suspend_givers, Reinstated};
use super::parties::{expand_all, parties_of, sketch};
use super::standing::is_discretionary;
use super::*;
use crate::model::scope::Located;

impl<'a> Engine<'_, 'a> {
    pub(super) fn evaluate(
        &mut self,
        instrument: usize,
        trigger: &'a Trigger,
        event: usize,
        o: &Occurrence<'_>,
        standing: Option<&Finding>,
    ) {
        let treaty: &'a Treaty = self.instruments[instrument].treaty;
        let mut reasons: Vec<Finding> = standing.into_iter().cloned().collect();
        reasons.extend(self.lives[instrument].silences(treaty, trigger.from.as_ref(), o.at));
        let mut notes = Vec::new();
        if self.assume {
            notes.push(Finding::new(
                Reason::AssumedInForce,
                "the scenario assumes the treaty in force (`assume in-force`)",
            ));
        }
        if let Some(note) = unchecked_term(treaty, self.assume_signed) {
            notes.push(note);
        }
        if !kind_matches(trigger, o.kind, o.aspects) {
            reasons.push(Finding::new(
                Reason::WrongKind,
                format!(
                    "{} is not among the trigger's kinds ({})",
                    with_article(&occurrence_kind_text(o.kind, o.aspects)),
                    kinds_text(trigger)
                ),
            ));
        }
        if !trigger.by.is_empty() {
            let adversaries = expand_all(treaty, &trigger.by, o.against);
            let classes: Vec<String> = trigger
                .attacker_classes()
                .map(|c| format!("any \"{c}\""))
                .collect();
            let named: Vec<String> = adversaries.iter().chain(&classes).cloned().collect();
            match o.by {
                None => reasons.push(Finding::new(
                    Reason::NotAdversary,
                    format!(
                        "the event names no attacker; the trigger needs an attack by {}",
                        or_list(&named)
                    ),
                )),
                Some(attacker) if !adversaries.iter().any(|a| a == attacker) => {
                    if classes.is_empty() {
                        reasons.push(Finding::new(
                            Reason::NotAdversary,
                            format!(
                                "the attacker, {attacker}, is not the adversary the trigger names ({})",
                                or_list(&adversaries)
                            ),
                        ))
                    } else {
                        // Whether a state is "a European Power" is not in the treaty.
                        reasons.push(Finding::new(
                            Reason::Undetermined,
                            format!(
                                "undetermined: the trigger counts an attack by {}; the treaty cannot tell whether {attacker} is one",
                                or_list(&named)
                            ),
                        ))
                    }
                }
                Some(_) => {}
            }
        }
        if let Some(finding) = threshold_check(trigger, o.attributes) {
            reasons.push(finding);
        }
        if let Some(reason) = coverage(treaty, trigger, o) {
            reasons.push(reason);
        }
        match place_check(treaty, trigger, o.place) {
            PlaceCheck::Inside => {}
            PlaceCheck::Outside(message) => reasons.push(Finding::new(Reason::OutOfScope, message)),
            PlaceCheck::Assumed(message) => notes.push(Finding::new(Reason::PlaceAssumed, message)),
        }
        if let Some(attacker) = o.by.and_then(|a| treaty.party(a)) {
            // Only a guarantor (or member) attacking is the guarantor turned attacker:
            // a plain signatory or the beneficiary guarantees no one.
            if attacker.guarantees() {
                notes.push(Finding::new(
                    Reason::AttackerIsGuarantor,
                    format!(
                        "the attacker, {}, is itself {} of this treaty",
                        attacker.code,
                        roles_text(attacker)
                    ),
                ));
            }
        }
        let span = trigger.span;
        let line = self.line(instrument, span);
        let trigger_text = trigger_text(trigger);
        let fires = reasons.is_empty();
        if !fires {
            notes.clear();
        }
        let mut evaluation = Evaluation {
            event,
            treaty: treaty.id.to_string(),
            trigger: trigger_text.clone(),
            line,
            fires,
            reasons,
            notes,
            obligations: Vec::new(),
            would_owe: Vec::new(),
            span,
            sketches: Vec::new(),
        };
        for obligation in &trigger.obligations {
            let victim = o.against;
            let (mut givers, receivers) = parties_of(treaty, obligation, victim);
            if let Duty::Reinstate { against, .. } = &obligation.duty {
                givers = expand_all(treaty, &obligation.givers, victim);
                let targets = expand_all(treaty, against, victim);
                let sketch = sketch(obligation, &givers, &targets);
                if !fires {
                    evaluation.would_owe.push(obligation_text(obligation));
                    evaluation.sketches.push(sketch);
                    continue;
                }
                let reinstated = Reinstated {
                    event,
                    at: o.at,
                    origin: Origin::Trigger,
                    trigger: Some(trigger_text.clone()),
                    givers,
                    sketch,
                };
                let id = self.reinstated(instrument, obligation, reinstated);
                evaluation.obligations.push(id);
                continue;
            }
            let sketch = sketch(obligation, &givers, &receivers);
            if !fires {
                evaluation.would_owe.push(obligation_text(obligation));
                evaluation.sketches.push(sketch);
                continue;
            }
            if let Some(not_yet) =
                self.lives[instrument].not_from(obligation.from.as_ref(), o.at.local_date())
            {
                evaluation.notes.push(Finding::new(
                    not_yet.code,
                    format!(
                        "{} is not owed yet: {}",
                        obligation_text(obligation),
                        not_yet.message
                    ),
                ));
                evaluation.would_owe.push(obligation_text(obligation));
                continue;
            }
            let (suspended_notes, sketch) =
                suspend_givers(treaty, &mut givers, &receivers, o.at.local_date(), sketch);
            if givers.is_empty() && !suspended_notes.is_empty() {
                evaluation.notes.extend(suspended_notes);
                evaluation.would_owe.push(obligation_text(obligation));
                continue;
            }
            let hedges: Vec<&'static str> = obligation
                .qualifiers
                .iter()
                .chain(&trigger.qualifiers)
                .chain(&treaty.hedges)
                .map(|q| q.kind.word())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let discretionary_by: Vec<&'static str> = hedges
                .iter()
                .copied()
                .filter(|w| QualifierKind::parse(w).is_some_and(is_discretionary))
                .collect();
            let conditional_by: Vec<&'static str> = hedges
                .iter()
                .copied()
                .filter(|w| {
                    QualifierKind::parse(w).is_some_and(|k| !is_discretionary(k) && k.weakens())
                })
                .collect();
            let mut notes = suspended_notes;
            if !discretionary_by.is_empty() {
                notes.push(Finding::new(
                    Reason::Discretionary,
                    format!("fires but discretionary: {}", discretionary_by.join(", ")),
                ));
            }
            if !conditional_by.is_empty() {
                notes.push(Finding::new(
                    Reason::Conditional,
                    format!(
                        "subject to {} (not recorded by the scenario)",
                        conditional_by.join(", ")
                    ),
                ));
            }
            let deadline = deadline_of(obligation);
            let decision = obligation
                .decision
                .as_ref()
                .or(trigger.decision.as_ref())
                .map(|d| DecisionStep::of(treaty, d));
            // Under a decision procedure the deadline runs from the decision.
            let due = match &decision {
                Some(_) => None,
                None => due_from(deadline, o.at),
            };
            if let Some(step) = &decision {
                notes.push(Finding::new(
                    Reason::AwaitsDecision,
                    format!("waits for a decision by {}", step.procedure),
                ));
            }
            if due_from(deadline, o.at).is_none() {
                notes.push(Finding::new(
                    Reason::NoDeadline,
                    match deadline {
                        Some(Deadline::AfterConsultation) => {
                            "due after consultation, with no fixed time".to_string()
                        }
                        _ => "no deadline: it can be pending but never late".to_string(),
                    },
                ));
            }
            if let Some(attacker) =
                o.by.filter(|a| givers.iter().any(|g| g == a))
                    .filter(|a| treaty.party(a).is_some_and(|p| p.guarantees()))
            {
                notes.push(Finding::new(
                    Reason::AttackerIsGuarantor,
                    format!("{attacker} owes this in answer to its own attack"),
                ));
            }
            let discretionary = !discretionary_by.is_empty();
            let shares = givers
                .iter()
                .map(|g| Share {
                    party: g.clone(),
                    outcome: Outcome::Pending,
                    status: Status::Pending,
                    at: None,
                    by_event: None,
                    late_seconds: None,
                })
                .collect::<Vec<_>>();
            let id = self.owed.len();
            let line = self.line(instrument, obligation.span);
            self.open.push(Open {
                obligation,
                waiting: (0..shares.len()).collect(),
            });
            self.owed.push(Owed {
                decision,
                id: id + 1,
                origin: Origin::Trigger,
                treaty: treaty.id.to_string(),
                event,
                trigger: Some(trigger_text.clone()),
                line,
                duty: obligation.keyword(),
                what: obligation_text(obligation),
                owed_by: givers,
                owed_to: receivers,
                deadline: deadline.map(deadline_text),
                due,
                discretionary,
                qualifiers: hedges,
                notes,
                status: Status::Pending,
                shares,
                span: obligation.span,
                sketch,
            });
            evaluation.obligations.push(id + 1);
        }
        self.evaluations.push(evaluation);
    }
}

// ---------------------------------------------------------------- matching an occurrence

pub(super) fn is_armed(kind: TriggerKind) -> bool {
    kind.covers_armed_attack() || kind == TriggerKind::NuclearAttack
}

/// Whether an occurrence of `kind` is one the trigger names. An attack includes the
/// threat of it; aggression, armed attack and military operation cover one another; a
/// nuclear attack is an armed attack; a cyber attack is a hybrid attack; a `situation`
/// trigger answers to anything.
pub fn kind_matches(trigger: &Trigger, kind: TriggerKind, aspects: &[ThreatAspect]) -> bool {
    use TriggerKind as K;
    trigger.kinds.iter().any(|&t| match t {
        K::Situation => true,
        K::ArmedAttack | K::Aggression | K::MilitaryOperation => is_armed(kind),
        K::NuclearAttack => kind == K::NuclearAttack,
        K::NuclearThreat => matches!(kind, K::NuclearThreat | K::NuclearAttack),
        K::ThreatOfArmedAttack => {
            is_armed(kind) || matches!(kind, K::ThreatOfArmedAttack | K::NuclearThreat)
        }
        K::Threat => {
            let aspects_meet = trigger.aspects.is_empty()
                || aspects.is_empty()
                || aspects.iter().any(|a| trigger.aspects.contains(a));
            is_armed(kind)
                || matches!(kind, K::ThreatOfArmedAttack | K::NuclearThreat)
                || (kind == K::Threat && aspects_meet)
        }
        K::CeasefireViolation => kind == K::CeasefireViolation,
        K::HybridAttack => matches!(kind, K::HybridAttack | K::CyberAttack),
        K::CyberAttack => kind == K::CyberAttack,
    })
}

pub(super) fn coverage(treaty: &Treaty, trigger: &Trigger, o: &Occurrence<'_>) -> Option<Finding> {
    if !trigger.against.is_empty() {
        let covered = expand_all(treaty, &trigger.against, o.against);
        return match o.against {
            None => Some(Finding::new(
                Reason::NotCovered,
                format!(
                    "the event names no victim; the trigger covers {}",
                    or_list(&covered)
                ),
            )),
            Some(victim) if !covered.iter().any(|c| c == victim) => Some(Finding::new(
                Reason::NotCovered,
                format!(
                    "the victim, {victim}, is not covered: the trigger covers {}",
                    or_list(&covered)
                ),
            )),
            Some(_) => None,
        };
    }
    let victim = o.against?;
    let situation = trigger.kinds.contains(&TriggerKind::Situation);
    let declared = |code: &str| treaty.party(code).is_some();
    let participant = |code: &str| treaty.party(code).is_some_and(Party::is_participant);
    let concerns = if situation {
        declared(victim) || o.by.is_some_and(declared)
    } else {
        participant(victim)
    };
    (!concerns).then(|| {
        Finding::new(
            Reason::NotCovered,
            format!("the victim, {victim}, is not a party to this treaty"),
        )
    })
}

pub(super) enum PlaceCheck {
    Inside,
    Outside(String),
    Assumed(String),
}

/// Whether the event's place is inside the trigger's scope: decided by the structured
/// scope (`crate::model::scope`), which says when the words cannot tell.
pub(super) fn place_check(treaty: &Treaty, trigger: &Trigger, place: Option<&str>) -> PlaceCheck {
    match trigger.scope.locate(treaty, place) {
        Located::Inside => PlaceCheck::Inside,
        Located::Outside(why) => PlaceCheck::Outside(why),
        Located::Undetermined(why) => PlaceCheck::Assumed(why),
    }
}
