//! Who owes and who is owed: an obligation's party references expanded to party
//! codes for one occurrence (`any member`, the victim), and the sketch of an
//! obligation (its words and parties) that expectations are matched against. Pure
//! functions of the model; they must not record anything.

use super::*;

pub(super) fn push_unique(out: &mut Vec<String>, code: &str) {
    if !out.iter().any(|c| c == code) {
        out.push(code.to_string());
    }
}

pub(super) fn expand_all(treaty: &Treaty, refs: &[PartyRef], victim: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for r in refs {
        match r {
            PartyRef::Attacked => {
                if let Some(v) = victim {
                    push_unique(&mut out, v);
                }
            }
            other => {
                for code in treaty.expand(other) {
                    push_unique(&mut out, code);
                }
            }
        }
    }
    out
}

/// Who owes an obligation and to whom, for an attack on `victim`.
pub(super) fn parties_of(
    treaty: &Treaty,
    obligation: &Obligation,
    victim: Option<&str>,
) -> (Vec<String>, Vec<String>) {
    let mut givers = expand_all(treaty, &obligation.givers, victim);
    if givers.is_empty() {
        // `report to un-security-council`: the parties report.
        givers = treaty
            .parties
            .iter()
            .filter(|p| p.is_participant())
            .map(|p| p.code.to_string())
            .collect();
    }
    let mut receivers = expand_all(treaty, &obligation.receivers, victim);
    match &obligation.duty {
        Duty::Consult { .. } => receivers = givers.clone(),
        Duty::Report { body, .. } => receivers = vec![body_text(body)],
        Duty::Assist { .. } | Duty::Provide { .. } | Duty::Deter { .. } => {
            if receivers.is_empty() {
                if let Some(v) = victim {
                    receivers.push(v.to_string());
                }
            }
            // The attacked party does not owe help to itself.
            if givers.len() > 1 {
                givers.retain(|g| !receivers.contains(g));
            }
        }
        _ => {}
    }
    (givers, receivers)
}

pub(super) fn sketch(obligation: &Obligation, givers: &[String], receivers: &[String]) -> Sketch {
    let mut words = vec![obligation.keyword().to_string()];
    match &obligation.duty {
        Duty::Provide { assistance, .. } => {
            for a in assistance {
                words.push(a.kind.word().into());
                words.extend(a.details.iter().map(|d| d.word().to_string()));
            }
        }
        Duty::Assist { means, verb, .. } => {
            words.extend(means.iter().map(|m| m.word().to_string()));
            if obligation.includes_armed_force() {
                words.push(Means::ArmedForce.word().into());
            }
            if *verb != AssistVerb::Assist {
                words.push("assist".into());
            }
        }
        Duty::Refrain { acts } => words.extend(acts.iter().map(|a| a.word().to_string())),
        Duty::Respect { aspects } => words.extend(aspects.iter().map(|a| a.word().to_string())),
        Duty::Seek { body, .. } | Duty::Report { body, .. } => words.push(body_text(body)),
        Duty::Deter { means } => words.push(means.word().into()),
        Duty::Mission { mandate, .. } => words.push(mandate.word().into()),
        Duty::Establish { institution, .. } => words.push(institution.word().into()),
        Duty::Prohibit { what, .. } => words.extend(what.iter().map(|w| w.word().to_string())),
        Duty::Reinstate { measures, .. } => {
            for m in measures {
                words.push(m.kind.word().into());
            }
        }
        Duty::Limit { what, .. } => words.extend(what.iter().map(|w| w.word().to_string())),
        Duty::Consult { .. } | Duty::Station { .. } | Duty::Indivisible { .. } => {}
    }
    let mut parties = givers.to_vec();
    for r in receivers {
        push_unique(&mut parties, r);
    }
    Sketch { words, parties }
}
