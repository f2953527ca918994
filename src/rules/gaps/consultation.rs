//! Element A5-14: the parties consult when one of them is threatened.

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
            fix: "add `consult all parties` to a `trigger threat to territorial-integrity ...` block",
        },
        GapRule {
            code: "NO_CONSULTATION_DEADLINE",
            shortfall: Shortfall::Weakened,
            name: "no-consultation-deadline",
            summary: "consultation is the main commitment, and it has no time limit",
            why: "when consultation is all that is promised, an open-ended one can be put off indefinitely",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA\n    provide UK -> UA military-aid\n  }\n}\n",
            fix: "give the consultation a deadline: `consult UK, UA within 24 hours`",
        },
    ],
    assess,
};

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    if facts.consultations.is_empty() {
        return vec![Finding::new(
            "NO_CONSULTATION",
            treaty.header_span,
            "no duty to consult",
        )];
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
    vec![Finding::new(
        "NO_CONSULTATION_DEADLINE",
        facts.consultations[0].span,
        "consultation without a time limit",
    )
    .with_detail("no deadline")]
}
