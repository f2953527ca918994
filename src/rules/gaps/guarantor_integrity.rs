//! The Budapest and Istanbul lesson: a guarantor that is the likely attacker, or that
//! can veto the response.

use super::fix::Fix;
use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::{QualifierKind, Role};
use crate::model::{PartyRef, Treaty};

pub const ELEMENT: Element = Element {
    id: "guarantor-integrity",
    title: "no guarantor is the potential aggressor",
    requires: None,
    rules: &[GapRule {
        code: "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
        shortfall: Shortfall::Missing,
        name: "guarantor-is-potential-aggressor",
        summary: "a guarantor or party is the likely attacker, or can veto the response (`unanimity`, or `decided-by ... unanimity` or `consensus`)",
        why: "a guarantee given by the state it guards against fails the moment it is needed",
        example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party RU guarantor, adversary\n  party UA beneficiary\n  refrain UK, RU from threat-or-use-of-force against UA\n}\n",
        fix: "remove the adversary from the guarantors, and drop `unanimity` from the response",
    }],
    assess,
};

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    // A party to the instrument that is also named as the adversary...
    let declared = treaty
        .parties
        .iter()
        .find(|p| p.has_role(Role::Adversary) && p.is_participant_other_than_adversary());
    if let Some(party) = declared {
        return vec![Finding::new(
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            party.span,
            format!(
                "`{}` is both a party to the instrument and the potential aggressor",
                party.code
            ),
        )
        .with_detail(format!("{} is also the adversary", party.code))
        .with_fix(Fix::advice(format!(
            "do not count `{}` on both sides: give it the adversary role only, and no guarantor role",
            party.code
        )))];
    }
    // ...or a guarantor named as the attacker in a trigger...
    for trigger in &facts.attack_triggers {
        for attacker in &trigger.by {
            if let PartyRef::Party { code } = attacker {
                if let Some(party) = treaty.party(code) {
                    if party.has_role(Role::Guarantor) || party.has_role(Role::Member) {
                        return vec![Finding::new(
                            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
                            trigger.span,
                            format!("guarantor `{code}` is the attacker this trigger names"),
                        )
                        .with_detail(format!("{code} named as the attacker"))
                        .with_fix(Fix::advice(format!(
                            "a guarantor cannot be relied on against itself: do not list `{code}` as a guarantor of a trigger set off by its own attack"
                        )))];
                    }
                }
            }
        }
    }
    // ...or a response that every guarantor must agree to.
    let veto = treaty
        .all_obligations()
        .find_map(|(_, o)| o.qualifier(QualifierKind::Unanimity))
        .or_else(|| {
            treaty
                .triggers
                .iter()
                .flat_map(|t| t.qualifiers.iter())
                .find(|q| q.kind == QualifierKind::Unanimity)
        });
    if let Some(q) = veto {
        return vec![Finding::new(
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            q.span,
            "every guarantor must agree, so any one of them, the aggressor included, can block the response",
        )
        .with_detail("unanimity")
        .with_fix(Fix::remove(q.span, "unanimity", " so no one guarantor can block the response"))];
    }
    // ...or a decision procedure in which one member can block the response.
    if let Some((decision, _)) = super::decision::decisions(treaty)
        .into_iter()
        .find(|(d, _)| d.is_veto())
    {
        let vote = decision.vote.map_or("unanimity", |v| v.word());
        return vec![Finding::new(
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            decision.span,
            format!(
                "the response is decided by {} by {vote}, so any one of them, the aggressor included, can block it",
                decision.decider_text()
            ),
        )
        .with_detail(vote)];
    }
    Vec::new()
}
