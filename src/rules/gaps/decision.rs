//! Decision procedures (`decided-by`): a response that waits for one party's own
//! determination, or for an organ's vote. Part of the "no weakening qualifiers"
//! element: like a qualifier, the procedure is a condition the response must clear.
//! A vote where one member can block (unanimity, consensus) is a veto and is reported
//! by the guarantor-integrity element; a decision after consultation by immediacy.

use super::{Finding, GapRule, Shortfall};
use crate::model::{Decider, Decision, Duty, Obligation, PartyRef, Treaty};

pub const UNILATERAL_DETERMINATION: GapRule = GapRule {
    code: "UNILATERAL_DETERMINATION",
    shortfall: Shortfall::Weakened,
    name: "unilateral-determination",
    summary: "one party alone determines whether and how the response is given, for itself or for every guarantor",
    why: "a response one government determines at the time is as firm as that government's will then; when it decides for the others too, their commitments hang on it",
    example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  trigger armed-attack against UA decided-by US {\n    assist US -> UA with armed-force forthwith\n  }\n}\n",
    fix: "drop `decided-by` so the duty to assist stands by itself, or let each guarantor's duty stand independently of the others' decision",
};

pub const COLLECTIVE_DECISION: GapRule = GapRule {
    code: "COLLECTIVE_DECISION",
    shortfall: Shortfall::Weakened,
    name: "collective-decision",
    summary: "the response waits for a vote or decision of an organ or a group of parties (two-thirds, majority)",
    why: "nothing is owed until the organ meets and the vote is won; the attacked party waits for it, and a blocking minority can stop it",
    example: "treaty t {\n  form treaty\n  status in-force\n  members A, B, C\n  trigger armed-attack against any member {\n    assist each member -> attacked with armed-force forthwith\n      decided-by \"Organ of Consultation\" two-thirds\n  }\n}\n",
    fix: "make the duty to assist owed on the attack itself, and keep the organ for coordinating the measures",
};

/// Every decision procedure on a trigger or an obligation, with the parties that owe
/// the responses it governs.
pub fn decisions(treaty: &Treaty) -> Vec<(&Decision, Vec<String>)> {
    let mut out = Vec::new();
    let givers = |obligations: &mut dyn Iterator<Item = &Obligation>| {
        let mut codes: Vec<String> = Vec::new();
        // Those who owe the response itself: consulting and reporting are not it.
        for o in
            obligations.filter(|o| !matches!(o.duty, Duty::Consult { .. } | Duty::Report { .. }))
        {
            for g in &o.givers {
                if matches!(g, PartyRef::Attacked) {
                    continue;
                }
                for code in treaty.expand(g) {
                    if !codes.iter().any(|c| c == code) {
                        codes.push(code.to_string());
                    }
                }
            }
        }
        codes
    };
    for trigger in &treaty.triggers {
        if let Some(decision) = &trigger.decision {
            out.push((decision, givers(&mut trigger.obligations.iter())));
        }
    }
    for (_, obligation) in treaty.all_obligations() {
        if let Some(decision) = &obligation.decision {
            out.push((decision, givers(&mut std::iter::once(obligation))));
        }
    }
    out
}

pub fn assess(treaty: &Treaty) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (decision, givers) in decisions(treaty) {
        if decision.is_veto() {
            continue;
        }
        let deciders = decision.deciders(treaty);
        let who = decision.decider_text();
        match (&decision.by, deciders.as_slice()) {
            (Decider::Parties { .. }, [one]) if decision.vote.is_none() => {
                let others: Vec<&str> = givers
                    .iter()
                    .map(String::as_str)
                    .filter(|g| g != one)
                    .collect();
                let message = if others.is_empty() {
                    format!("the response is left to {one}'s own determination")
                } else {
                    format!(
                        "{one} alone determines the response for every guarantor ({})",
                        givers.join(", ")
                    )
                };
                findings.push(
                    Finding::new("UNILATERAL_DETERMINATION", decision.span, message)
                        .with_detail(format!("determined by {one}")),
                );
            }
            _ => {
                let how = match decision.vote {
                    Some(vote) => format!("a {} vote of {who}", vote.word()),
                    None if deciders.len() > 1 => format!("a joint decision of {who}"),
                    None => format!("a decision of {who}"),
                };
                findings.push(
                    Finding::new(
                        "COLLECTIVE_DECISION",
                        decision.span,
                        format!("the response waits for {how}"),
                    )
                    .with_detail(match decision.vote {
                        Some(vote) => format!("{} vote", vote.word()),
                        None => format!("decided by {who}"),
                    }),
                );
            }
        }
    }
    findings
}
