//! The obligation ledger: the standing assurances a party breaches by its own attack
//! (entered as violated at once), and the closing of the ledger when the log ends
//! (each open share missed or still pending). Obligations brought due by a trigger are
//! entered by `trigger`; it must not match acts against them (see `fulfilment`).

use super::parties::{parties_of, sketch};
use super::trigger::is_armed;
use super::*;

impl<'a> Engine<'_, 'a> {
    /// Standing assurances (refrain, respect) broken by the attacker's own act.
    pub(super) fn breaches(&mut self, instrument: usize, event: usize, o: &Occurrence<'_>) {
        let Some(attacker) = o.by else { return };
        let treaty: &'a Treaty = self.instruments[instrument].treaty;
        for obligation in &treaty.obligations {
            if !breaches(&obligation.duty, o.kind) {
                continue;
            }
            let (givers, receivers) = parties_of(treaty, obligation, o.against);
            if !givers.iter().any(|g| g == attacker) {
                continue;
            }
            if let Some(victim) = o.against {
                if !receivers.is_empty() && !receivers.iter().any(|r| r == victim) {
                    continue;
                }
            }
            let mut notes = Vec::new();
            if let Some(party) = treaty.party(attacker) {
                if party.guarantees() {
                    notes.push(Finding::new(
                        Reason::AttackerIsGuarantor,
                        format!(
                            "{attacker}, {} of this treaty, broke its own assurance",
                            roles_text(party)
                        ),
                    ));
                }
            }
            let sketch = sketch(obligation, &givers, &receivers);
            let id = self.owed.len();
            let line = self.line(instrument, obligation.span);
            self.open.push(Open {
                obligation,
                waiting: Vec::new(),
            });
            self.owed.push(Owed {
                decision: None,
                id: id + 1,
                origin: Origin::Standing,
                treaty: treaty.id.to_string(),
                event,
                trigger: None,
                line,
                duty: obligation.keyword(),
                what: obligation_text(obligation),
                owed_by: givers,
                owed_to: receivers,
                deadline: None,
                due: None,
                discretionary: false,
                qualifiers: obligation
                    .qualifiers
                    .iter()
                    .map(|q| q.kind.word())
                    .collect(),
                notes,
                status: Status::Violated,
                shares: vec![Share {
                    party: attacker.to_string(),
                    outcome: Outcome::Breached,
                    status: Status::Violated,
                    at: Some(o.at),
                    by_event: Some(event),
                    late_seconds: None,
                }],
                span: obligation.span,
                sketch,
            });
        }
    }
}

impl<'a> Engine<'_, 'a> {
    pub(super) fn close(&mut self, end: Option<Instant>) {
        for (owed, open) in self.owed.iter_mut().zip(&self.open) {
            for &share in &open.waiting {
                let s = &mut owed.shares[share];
                s.outcome = if owed.discretionary {
                    Outcome::NotActed
                } else {
                    match (owed.due, end) {
                        (Some(due), Some(end)) if due < end => {
                            s.late_seconds = Some(end.utc - due.utc);
                            Outcome::Missed
                        }
                        _ => Outcome::Pending,
                    }
                };
                s.status = s.outcome.status();
            }
            if owed.shares.is_empty() && owed.notes.iter().any(|n| n.code == Reason::Automatic) {
                continue;
            }
            owed.status = if owed.discretionary {
                if owed.shares.iter().all(|s| s.outcome == Outcome::Acted)
                    && !owed.shares.is_empty()
                {
                    Status::Fulfilled
                } else {
                    Status::Discretionary
                }
            } else {
                aggregate(&owed.shares)
            };
        }
    }
}

/// Whether an occurrence of `kind` by a party breaks its standing assurance.
pub(super) fn breaches(duty: &Duty, kind: TriggerKind) -> bool {
    use TriggerKind as K;
    match duty {
        Duty::Refrain { acts } => acts.iter().any(|act| match act {
            RefrainAct::ThreatOrUseOfForce => {
                !matches!(kind, K::Situation | K::HybridAttack | K::CyberAttack)
            }
            RefrainAct::Aggression => is_armed(kind),
            RefrainAct::NuclearUse => kind == K::NuclearAttack,
            RefrainAct::Interference => matches!(kind, K::HybridAttack | K::CyberAttack),
            RefrainAct::EconomicCoercion => false,
        }),
        Duty::Respect { .. } => is_armed(kind),
        _ => false,
    }
}
