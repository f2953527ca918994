//! Element A5-07: a duty to assist the attacked party, not merely to consult.

use super::fix::{self, Fix};
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
            fix: "add to the armed-attack trigger an `assist` clause owed by the guarantors to the attacked party, with armed force, forthwith",
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
            fix: "add to the armed-attack trigger an `assist` clause owed to the attacked party, next to the `act` pledge",
        },
        GapRule {
            code: "RIGHT_NOT_OBLIGATION",
            shortfall: Shortfall::Weakened,
            name: "right-not-obligation",
            summary: "guarantors reserve the right to act rather than undertake to",
            why: "a right can be left unused; only an obligation can be relied on",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n      reserve-right \"reserves the right to take action\"\n  }\n}\n",
            fix: "remove `reserve-right` so the clause is a duty",
            // Reported wherever the qualifier stands: a right reserved in a standing
            // clause or on the whole instrument is no more a duty than one on attack.
        },
    ],
    assess,
};

/// The help for a missing or weak duty to assist: the file's own `assist` clause.
fn assist_fix(treaty: &Treaty) -> Option<Fix> {
    fix::assist_clause(treaty).map(|clause| Fix::add_to_response(treaty, clause))
}

fn with_assist_fix(finding: Finding, treaty: &Treaty) -> Finding {
    match assist_fix(treaty) {
        Some(fix) => finding.with_fix(fix),
        None => finding,
    }
}

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let trigger_span = facts
        .attack_triggers
        .first()
        .map(|t| t.span)
        .unwrap_or(treaty.header_span);
    if !facts.has_duty_to_assist() {
        findings.push(with_assist_fix(
            Finding::new(
                "NO_MUTUAL_DEFENCE",
                trigger_span,
                "no duty to assist or defend the attacked party",
            ),
            treaty,
        ));
        let consult = facts
            .responses()
            .find(|o| matches!(o.duty, Duty::Consult { .. }))
            .or(facts.consultations.first().copied());
        if let Some(consult) = consult {
            findings.push(with_assist_fix(
                Finding::new(
                    "CONSULT_ONLY",
                    consult.span,
                    "consultation is the only firm commitment on attack",
                ),
                treaty,
            ));
        }
    } else if facts.assistance_duties.iter().all(|o| o.keyword() == "act") {
        findings.push(with_assist_fix(
            Finding::new(
                "COMMON_DANGER_FORMULA",
                facts.assistance_duties[0].span,
                "a pledge to act against the common danger, not to assist the attacked party",
            )
            .with_detail("act, not assist"),
            treaty,
        ));
    }
    let reserved = treaty
        .triggers
        .iter()
        .flat_map(|t| t.qualifiers.iter())
        .chain(
            treaty
                .all_obligations()
                .flat_map(|(_, o)| o.qualifiers.iter()),
        )
        .chain(treaty.hedges.iter())
        .find(|q| q.kind == QualifierKind::ReserveRight);
    if let Some(reserved) = reserved {
        findings.push(
            Finding::new(
                "RIGHT_NOT_OBLIGATION",
                reserved.span,
                "a right to act, not an obligation",
            )
            .with_detail("reserve-right")
            .with_fix(Fix::remove(
                reserved.span,
                "reserve-right",
                " so the clause is a duty",
            )),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes_of(text: &str) -> Vec<&'static str> {
        let (model, _) = crate::model::model_of(text);
        let treaty = &model.treaties[0];
        assess(treaty, &Facts::of(treaty, None))
            .into_iter()
            .map(|f| f.code)
            .collect()
    }

    #[test]
    fn a_right_reserved_outside_an_armed_attack_trigger_is_still_a_right() {
        let standing = "treaty t {\n  form treaty\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training reserve-right\n}\n";
        assert!(codes_of(standing).contains(&"RIGHT_NOT_OBLIGATION"));
        let threat = "treaty t {\n  form treaty\n  party UK guarantor\n  party UA beneficiary\n  trigger threat to territorial-integrity against UA {\n    assist UK -> UA with armed-force forthwith reserve-right\n  }\n}\n";
        assert!(codes_of(threat).contains(&"RIGHT_NOT_OBLIGATION"));
    }

    #[test]
    fn the_help_quotes_the_files_guarantors() {
        let (model, _) = crate::model::model_of(
            "treaty t {\n  form treaty\n  party FR guarantor\n  party MD beneficiary\n  trigger armed-attack against MD {\n    consult FR, MD within 24 hours\n  }\n}\n",
        );
        let treaty = &model.treaties[0];
        let findings = assess(treaty, &Facts::of(treaty, None));
        let help = &findings[0].fix.as_ref().expect("a fix").help;
        assert_eq!(
            help,
            "add to the armed-attack trigger: `assist FR -> attacked with armed-force forthwith`"
        );
    }
}
