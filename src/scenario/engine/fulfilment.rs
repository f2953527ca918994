//! Fulfilment: an act a party is recorded doing (`UK consults UA at ...`) matched
//! against the open obligations it discharges, on time or late. It must not open or
//! close obligations (that is the ledger's job).

use super::parties::push_unique;
use super::*;

impl<'a> Engine<'_, 'a> {
    pub(super) fn action(&mut self, index: usize, at: Instant, act: &Act<'_>) {
        if act.verb == Verb::Decides {
            self.decide(index, at, act.actor);
            return;
        }
        for (id, open) in self.open.iter_mut().enumerate() {
            if open.waiting.is_empty() {
                continue;
            }
            let owed = &mut self.owed[id];
            let parties = fulfilled_by(open.obligation, &owed.owed_by, &owed.owed_to, act);
            if parties.is_empty() {
                continue;
            }
            let late = owed
                .due
                .map(|due| at.utc - due.utc)
                .filter(|seconds| *seconds > 0);
            let mut done = Vec::new();
            open.waiting.retain(|&share| {
                let party = &owed.shares[share].party;
                if parties.contains(party) {
                    let s = &mut owed.shares[share];
                    s.at = Some(at);
                    s.by_event = Some(index);
                    s.late_seconds = late;
                    s.outcome = match (owed.discretionary, late) {
                        (true, _) => Outcome::Acted,
                        (false, Some(_)) => Outcome::Late,
                        (false, None) => Outcome::OnTime,
                    };
                    s.status = s.outcome.status();
                    done.push(s.party.clone());
                    false
                } else {
                    true
                }
            });
            if !done.is_empty() {
                self.reports[index].fulfils.push(Fulfilment {
                    obligation: id + 1,
                    parties: done,
                    late_seconds: if owed.discretionary { None } else { late },
                });
            }
        }
    }
}

/// Whether an act fulfils an obligation, and for whom.
pub(super) fn fulfilled_by(
    obligation: &Obligation,
    givers: &[String],
    receivers: &[String],
    act: &Act<'_>,
) -> Vec<String> {
    let is_giver = givers.iter().any(|g| g == act.actor);
    let to_receiver = act.targets.is_empty()
        || receivers.is_empty()
        || act.targets.iter().any(|t| receivers.contains(t));
    let solo = || {
        if is_giver && to_receiver {
            vec![act.actor.to_string()]
        } else {
            Vec::new()
        }
    };
    match (&obligation.duty, act.verb) {
        (Duty::Consult { .. }, Verb::Consults) => {
            let with_party =
                act.targets.is_empty() || act.targets.iter().any(|t| givers.contains(t));
            if !is_giver || !with_party {
                return Vec::new();
            }
            // Consultation is mutual: those consulted have consulted too.
            let mut out = vec![act.actor.to_string()];
            for t in act.targets {
                if givers.contains(t) {
                    push_unique(&mut out, t);
                }
            }
            out
        }
        (Duty::Provide { assistance, .. }, Verb::Provides) => {
            if act.kinds.is_empty() || act.kinds.iter().any(|k| provides(assistance, k)) {
                solo()
            } else {
                Vec::new()
            }
        }
        (Duty::Assist { .. }, Verb::Assists) => solo(),
        (Duty::Assist { means, .. }, Verb::Provides) => {
            if act
                .kinds
                .iter()
                .any(|k| means.iter().any(|m| m.word() == k))
            {
                solo()
            } else {
                Vec::new()
            }
        }
        (Duty::Seek { .. }, Verb::Seeks)
        | (Duty::Report { .. }, Verb::Reports)
        | (Duty::Station { .. } | Duty::Mission { .. }, Verb::Stations) => {
            if is_giver {
                vec![act.actor.to_string()]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Whether providing `kind` counts towards providing one of `assistance`: the same
/// kind, one of its details, or a specific military kind under a general one.
pub(super) fn provides(assistance: &[crate::model::Assistance], kind: &str) -> bool {
    use AssistanceKind as A;
    let given = AssistanceKind::parse(kind);
    assistance.iter().any(|a| {
        let general = matches!(
            a.kind,
            A::MilitaryAid | A::SecurityAssistance | A::MilitaryEquipment | A::Weapons
        );
        Some(a.kind) == given
            || a.details.iter().any(|d| Some(*d) == given)
            || (general && given.is_some_and(|g| g.is_security_cooperation()))
            || (general && Means::parse(kind) == Some(Means::MilitaryEquipment))
    })
}
