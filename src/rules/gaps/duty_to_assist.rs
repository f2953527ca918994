//! Element A5-07: a duty to assist the attacked party, not merely to consult.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::QualifierKind;
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "duty-to-assist",
    title: "duty to assist, not merely to consult",
    requires: None,
    rules: &[
        GapRule {
            code: "NO_MUTUAL_DEFENCE",
            shortfall: Shortfall::Missing,
            name: "no-mutual-defence",
            summary: "no obligation to assist or defend the victim of an armed attack",
            why: "without a duty to assist, an attack leaves the guarantors free to do nothing",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    provide UK -> UA military-aid, training\n  }\n}\n",
            fix: "add to the armed-attack trigger: `assist GUARANTOR -> attacked with armed-force forthwith`",
        },
        GapRule {
            code: "CONSULT_ONLY",
            shortfall: Shortfall::Missing,
            name: "consult-only",
            summary: "on attack, the only firm commitment is to consult",
            why: "consultation decides nothing: the guarantor commits to a meeting, not to help",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n}\n",
            fix: "add an `assist` clause to the trigger next to the `consult` clause",
        },
        GapRule {
            code: "COMMON_DANGER_FORMULA",
            shortfall: Shortfall::Weakened,
            name: "common-danger-formula",
            summary: "parties pledge to act to meet the common danger, not to assist",
            why: "'act to meet the common danger' names no help owed to the attacked party",
            example: "treaty t {\n  form treaty\n  status in-force\n  members US, UA\n  trigger armed-attack against any member {\n    act each member source \"would act to meet the common danger\"\n  }\n}\n",
            fix: "replace `act` with `assist ... -> attacked`",
        },
        GapRule {
            code: "RIGHT_NOT_OBLIGATION",
            shortfall: Shortfall::Weakened,
            name: "right-not-obligation",
            summary: "guarantors reserve the right to act rather than undertake to",
            why: "a right can be left unused; only an obligation can be relied on",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n      reserve-right \"reserves the right to take action\"\n  }\n}\n",
            fix: "remove `reserve-right` so the clause is a duty",
        },
    ],
    assess,
};

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let trigger_span = facts
        .attack_triggers
        .first()
        .map(|t| t.span)
        .unwrap_or(treaty.header_span);
    if !facts.has_duty_to_assist() {
        findings.push(Finding::new(
            "NO_MUTUAL_DEFENCE",
            trigger_span,
            "no duty to assist or defend the attacked party",
        ));
        let consult = facts
            .responses()
            .find(|o| matches!(o.duty, Duty::Consult { .. }))
            .or(facts.consultations.first().copied());
        if let Some(consult) = consult {
            findings.push(Finding::new(
                "CONSULT_ONLY",
                consult.span,
                "consultation is the only firm commitment on attack",
            ));
        }
    } else if facts.assistance_duties.iter().all(|o| o.keyword() == "act") {
        findings.push(
            Finding::new(
                "COMMON_DANGER_FORMULA",
                facts.assistance_duties[0].span,
                "a pledge to act against the common danger, not to assist the attacked party",
            )
            .with_detail("act, not assist"),
        );
    }
    if let Some(reserved) = facts
        .responses()
        .find_map(|o| o.qualifier(QualifierKind::ReserveRight))
    {
        findings.push(
            Finding::new(
                "RIGHT_NOT_OBLIGATION",
                reserved.span,
                "a right to act, not an obligation",
            )
            .with_detail("reserve-right"),
        );
    }
    findings
}
