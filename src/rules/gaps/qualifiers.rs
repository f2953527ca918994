//! Element A5-10 and its limits: no weakening qualifier beyond the baseline's own.
//! Article 5 leaves the choice of means to each ally ("such action as it deems
//! necessary"), so `as-deemed-necessary` is never reported here; every other hedge is.

use super::fix::{self, Fix};
use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::QualifierKind;
use crate::model::{Body, Duty, Qualifier, Treaty};

pub const ELEMENT: Element = Element {
    id: "qualifiers",
    title: "no weakening qualifiers beyond the baseline's",
    requires: None,
    rules: &[
        GapRule {
            code: "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE",
            shortfall: Shortfall::Weakened,
            name: "constitutional-qualifier-in-operative-clause",
            summary: "'in accordance with constitutional processes / laws' sits inside the response",
            why: "placed in the operative clause, it lets each guarantor's domestic process decide whether to respond at all",
            example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist US -> UA with armed-force forthwith\n      constitutional-processes \"in accordance with its constitutional processes\"\n  }\n}\n",
            fix: "move the qualifier to ratification (`ratification required`) and out of the response clause",
        },
        GapRule {
            code: "CONDITIONAL_ON_REQUEST",
            shortfall: Shortfall::Weakened,
            name: "conditional-on-request",
            summary: "the response comes only at the request of a party",
            why: "a request requirement adds a step, and a pretext to wait",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n      at-request \"at the request of Ukraine\"\n  }\n}\n",
            fix: "remove `at-request` from the response",
        },
        GapRule {
            code: "UNSC_DEPENDENT",
            shortfall: Shortfall::Weakened,
            name: "unsc-dependent",
            summary: "the response is routed through the UN Security Council",
            why: "any permanent member, the aggressor included, can veto Security Council action",
            example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    seek US, UK action by un-security-council for UA immediately\n  }\n}\n",
            fix: "replace the `seek` clause with an `assist` clause owed by the guarantors; a `report to un-security-council` clause may stay",
        },
        GapRule {
            code: "FUNDING_CONDITIONAL",
            shortfall: Shortfall::Weakened,
            name: "funding-conditional",
            summary: "assistance depends on budgets, appropriations or political guidance",
            why: "support that each budget round must renew can stop at any of them",
            example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  provide US -> UA military-aid [air-defence] USD 10 billion per year\n    subject-to-funding \"subject to appropriations by Congress\"\n}\n",
            fix: "write the amounts and periods into the text (an amount per year, until a date) and remove `subject-to-funding`",
        },
        GapRule {
            code: "CONDITIONALITY_ON_BENEFICIARY",
            shortfall: Shortfall::Weakened,
            name: "conditionality-on-beneficiary",
            summary: "support is tied to the beneficiary's reforms or conduct",
            why: "conditions on the beneficiary give the guarantor a reason to withhold support",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n    conditional-on-reforms \"anti-corruption reforms\"\n}\n",
            fix: "separate reform commitments from the security commitments; remove `conditional-on-reforms`",
        },
        GapRule {
            code: "NEUTRALITY_CARVEOUT",
            shortfall: Shortfall::Weakened,
            name: "neutrality-carveout",
            summary: "some parties' neutral security policy is preserved",
            why: "a carve-out lets some guarantors stand aside",
            example: "treaty t {\n  form treaty\n  status in-force\n  members FR, IE, UA\n  trigger armed-attack against any member {\n    assist each member -> attacked with all-means forthwith\n      neutrality-carveout \"without prejudice to the neutrality of certain parties\"\n  }\n}\n",
            fix: "remove `neutrality-carveout`, or list the parties it exempts",
        },
        GapRule {
            code: "INTENT_ONLY",
            shortfall: Shortfall::Weakened,
            name: "intent-only",
            summary: "a clause states an intention, not a commitment",
            why: "'we intend to' creates no obligation",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n    aspirational \"intends to continue its support\"\n}\n",
            fix: "remove `aspirational` so the clause commits",
        },
        GapRule {
            code: "CONDITIONAL_COMMITMENT",
            shortfall: Shortfall::Weakened,
            name: "conditional-commitment",
            summary: "a commitment depends on a condition",
            why: "a condition gives the guarantor a way out",
            example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist US -> UA with armed-force forthwith\n      conditional-on \"the signature of a peace agreement\"\n  }\n}\n",
            fix: "remove `conditional-on`, or make the condition precise and verifiable",
        },
        GapRule {
            code: "QUALIFIED_DEADLINE",
            shortfall: Shortfall::Weakened,
            name: "qualified-deadline",
            summary: "a deadline applies only 'where possible'",
            why: "a deadline that need only be met where possible is not a deadline",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n    assist UK -> UA with armed-force within 24 hours\n      where-possible\n  }\n}\n",
            fix: "remove `where-possible`",
        },
        super::decision::UNILATERAL_DETERMINATION,
        super::decision::COLLECTIVE_DECISION,
    ],
    assess,
};

fn first<'t>(
    qualifiers: impl Iterator<Item = &'t Qualifier>,
    kind: QualifierKind,
) -> Option<&'t Qualifier> {
    qualifiers.into_iter().find(|q| q.kind == kind)
}

/// Deleting a qualifier: the whole `qualified-by` clause when it is the instrument's
/// only hedge (a bare `qualified-by` does not parse), else the word itself.
/// `places` is how many qualifiers produce the same gap: deleting one of several
/// closes nothing, so the help then says where they all are, without an edit.
fn removal(treaty: &Treaty, q: &Qualifier, why: &str, places: usize) -> Fix {
    let word = q.kind.word();
    if places > 1 {
        return Fix::advice(format!(
            "remove `{word}` from each of the {places} places that weaken the commitment this way{why}"
        ));
    }
    match treaty.hedges_span {
        Some(span) if treaty.hedges.len() == 1 && treaty.hedges[0].span == q.span => {
            Fix::remove(span, &format!("qualified-by {word}"), why)
        }
        _ => Fix::remove(q.span, word, why),
    }
}

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings = super::forfeiture::findings(treaty);
    // A `void if` clause gives the same code as a qualifier; removing the qualifier
    // alone does not close the gap then.
    let forfeit_codes: Vec<&'static str> = findings.iter().map(|f| f.code).collect();
    let forfeits_as = |code: &str| forfeit_codes.iter().filter(|c| **c == code).count();
    // Qualifiers on the response to an attack: on the trigger or on its clauses.
    let response_qualifiers = || {
        facts
            .attack_triggers
            .iter()
            .flat_map(|t| t.qualifiers.iter())
            .chain(facts.responses().flat_map(|o| o.qualifiers.iter()))
    };
    // Qualifiers anywhere, the whole-instrument hedges included.
    let all_qualifiers = || {
        treaty
            .hedges
            .iter()
            .chain(treaty.triggers.iter().flat_map(|t| t.qualifiers.iter()))
            .chain(
                treaty
                    .all_obligations()
                    .flat_map(|(_, o)| o.qualifiers.iter()),
            )
    };

    // A hedge on the whole instrument (`qualified-by constitutional-processes`)
    // qualifies the response as much as one written on the response itself.
    let response_or_whole = || response_qualifiers().chain(treaty.hedges.iter());
    let constitutional = first(response_or_whole(), QualifierKind::ConstitutionalProcesses)
        .or_else(|| first(response_or_whole(), QualifierKind::LegalRequirements));
    if let Some(q) = constitutional {
        let places = response_or_whole()
            .filter(|r| {
                matches!(
                    r.kind,
                    QualifierKind::ConstitutionalProcesses | QualifierKind::LegalRequirements
                )
            })
            .count();
        let whole = treaty.hedges.iter().any(|h| h.span == q.span);
        let message = if whole {
            "the whole instrument, its response included, is subject to each party's constitutional or legal processes"
        } else {
            "the response is subject to each party's constitutional or legal processes"
        };
        findings.push(
            Finding::new(
                "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE",
                q.span,
                message,
            )
            .with_detail(q.kind.word())
            .with_fix(removal(
                treaty,
                q,
                " and leave domestic approval to ratification",
                places,
            )),
        );
    }
    if let Some(q) = first(response_or_whole(), QualifierKind::AtRequest) {
        findings.push(
            Finding::new(
                "CONDITIONAL_ON_REQUEST",
                q.span,
                "the response comes only at a party's request",
            )
            .with_detail(q.kind.word())
            .with_fix(removal(
                treaty,
                q,
                " from the response",
                response_or_whole().filter(|r| r.kind == q.kind).count(),
            )),
        );
    }
    if let Some(seek) = facts.responses().find(|o| {
        matches!(
            &o.duty,
            Duty::Seek {
                body: Body::UnSecurityCouncil,
                ..
            }
        )
    }) {
        let finding = Finding::new(
            "UNSC_DEPENDENT",
            seek.span,
            "the response depends on UN Security Council action",
        )
        .with_detail("seek by un-security-council");
        findings.push(match fix::assist_clause(treaty) {
            Some(assist) => finding.with_fix(Fix::replace(
                seek.span,
                "replace the `seek` clause with",
                assist,
            )),
            None => finding,
        });
    }
    let simple = [
        (
            QualifierKind::SubjectToFunding,
            "FUNDING_CONDITIONAL",
            "assistance is subject to funding decisions",
        ),
        (
            QualifierKind::ConditionalOnReforms,
            "CONDITIONALITY_ON_BENEFICIARY",
            "support is tied to the beneficiary's reforms",
        ),
        (
            QualifierKind::NeutralityCarveout,
            "NEUTRALITY_CARVEOUT",
            "the neutral policy of some parties is carved out",
        ),
        (
            QualifierKind::Aspirational,
            "INTENT_ONLY",
            "an intention, not a commitment",
        ),
        (
            QualifierKind::ConditionalOn,
            "CONDITIONAL_COMMITMENT",
            "a commitment depends on a condition",
        ),
        (
            QualifierKind::WherePossible,
            "QUALIFIED_DEADLINE",
            "a deadline applies only where possible",
        ),
    ];
    for (kind, code, message) in simple {
        if let Some(q) = first(all_qualifiers(), kind) {
            let message = match &q.argument {
                Some(argument) => format!("{message}: \"{argument}\""),
                None => message.to_string(),
            };
            let why = match kind {
                QualifierKind::SubjectToFunding => {
                    ", and write the amounts and periods into the text"
                }
                QualifierKind::ConditionalOn => ", or make the condition precise and verifiable",
                _ => "",
            };
            findings.push(
                Finding::new(code, q.span, message)
                    .with_detail(q.kind.word())
                    .with_fix(removal(
                        treaty,
                        q,
                        why,
                        all_qualifiers().filter(|r| r.kind == kind).count() + forfeits_as(code),
                    )),
            );
        }
    }
    findings.extend(super::decision::assess(treaty));
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings_of(text: &str) -> Vec<Finding> {
        let (model, _) = crate::model::model_of(text);
        let treaty = &model.treaties[0];
        assess(treaty, &Facts::of(treaty, None))
    }

    #[test]
    fn a_constitutional_hedge_on_the_whole_instrument_qualifies_the_response() {
        let found = findings_of(
            "treaty t {\n  form treaty\n  qualified-by constitutional-processes\n  party US guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist US -> UA with armed-force forthwith\n  }\n}\n",
        );
        let finding = found
            .iter()
            .find(|f| f.code == "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE")
            .expect("the whole-instrument hedge is a gap");
        assert!(finding.message.contains("whole instrument"));
        let help = &finding.fix.as_ref().expect("a fix").help;
        assert!(
            help.starts_with("remove `qualified-by constitutional-processes`"),
            "{help}"
        );
    }
}
