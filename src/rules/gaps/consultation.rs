//! Element A5-14: the parties consult when one of them is threatened.

use super::fix::{self, Fix};
use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::{Deadline, Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "consultation",
    title: "consultation",
    requires: None,
    rules: &[
        GapRule {
            code: "NO_CONSULTATION",
            shortfall: Shortfall::Missing,
            name: "no-consultation",
            summary: "no duty to consult at all",
            why: "consultation is how parties agree a common response before and during a crisis",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
            fix: "add a `consult` clause naming every party, with a deadline, to the trigger",
        },
        GapRule {
            code: "NO_CONSULTATION_DEADLINE",
            shortfall: Shortfall::Weakened,
            name: "no-consultation-deadline",
            summary: "consultation is the main commitment, and it has no time limit",
            why: "when consultation is all that is promised, an open-ended one can be put off indefinitely",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA\n    provide UK -> UA military-aid\n  }\n}\n",
            fix: "give the consultation a deadline: `within 24 hours` after the parties it names",
        },
    ],
    assess,
};

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    if facts.consultations.is_empty() {
        let finding = Finding::new("NO_CONSULTATION", treaty.header_span, "no duty to consult");
        return vec![match fix::consult_clause(treaty) {
            Some(consult) if fix::response_trigger(treaty).is_some() => {
                finding.with_fix(Fix::add_to_response(treaty, consult))
            }
            Some(consult) => finding.with_fix(Fix::add_to_treaty(consult)),
            None => finding,
        }];
    }
    // Article 4 has no deadline either; a deadline matters when consultation is all
    // the instrument offers on attack.
    // Only a measurable period counts: "immediately" names no time by which the
    // consultation can be said to be late (the scenario engine still dates it).
    let has_deadline = facts.consultations.iter().any(|o| {
        matches!(
            o.duty,
            Duty::Consult {
                deadline: Some(Deadline::Within { .. })
            }
        )
    });
    if facts.has_duty_to_assist() || has_deadline {
        return Vec::new();
    }
    let consult = facts.consultations[0];
    let finding = Finding::new(
        "NO_CONSULTATION_DEADLINE",
        consult.span,
        "consultation without a time limit",
    )
    .with_detail("no deadline");
    // The clause is rewritten whole only when nothing follows its parties.
    let bare = consult.qualifiers.is_empty()
        && consult.source.is_none()
        && consult.decision.is_none()
        && consult.from.is_none()
        && matches!(consult.duty, Duty::Consult { deadline: None });
    let written: Vec<String> = consult
        .givers
        .iter()
        .map(crate::model::describe::party_ref)
        .collect();
    vec![if bare && !written.is_empty() {
        finding.with_fix(Fix::replace(
            consult.span,
            "give the consultation a deadline: write",
            format!("consult {} within 24 hours", written.join(", ")),
        ))
    } else {
        finding
    }]
}
