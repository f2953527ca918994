//! Element A5-05: an attack on one is an attack on all.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::Indivisibility;
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "indivisibility",
    title: "attack on one is an attack on all",
    requires: None,
    rules: &[GapRule {
        code: "NO_ATTACK_ON_ALL",
        shortfall: Shortfall::Missing,
        name: "no-attack-on-all",
        summary: "no clause makes an attack on one an attack on all (missing), or only a weaker recital does: a threat to the community or a common danger (weakened)",
        why: "indivisibility is what makes every party treat the attack as its own",
        example: "treaty t {\n  form treaty\n  status in-force\n  members UK, UA\n  trigger armed-attack against any member {\n    assist each member -> attacked with armed-force forthwith\n  }\n}\n",
        fix: "add `indivisible` to the armed-attack trigger",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    // The strongest recital in the treaty decides.
    let grade = treaty
        .all_obligations()
        .filter_map(|(_, o)| match o.duty {
            Duty::Indivisible { grade } => Some((grade, o.span)),
            _ => None,
        })
        .min_by_key(|(grade, _)| *grade);
    match grade {
        Some((Indivisibility::AttackOnAll, _)) => Vec::new(),
        Some((grade, span)) => {
            let (message, detail) = match grade {
                Indivisibility::ThreatToCommunity => (
                    "weakened indivisibility: an attack on one is a threat to the community, not an attack on all",
                    "threat to the community only",
                ),
                _ => (
                    "weakened indivisibility: an attack on one is a common danger to the others, not an attack on all",
                    "common danger only",
                ),
            };
            vec![Finding::new("NO_ATTACK_ON_ALL", span, message)
                .with_detail(detail)
                .weakening()
                .with_fix(super::fix::Fix::replace(
                    span,
                    "make an attack on one an attack on all: write",
                    "indivisible".to_string(),
                ))]
        }
        None => {
            let span = treaty
                .attack_triggers()
                .next()
                .map(|t| t.span)
                .unwrap_or(treaty.header_span);
            vec![Finding::new(
                "NO_ATTACK_ON_ALL",
                span,
                "no clause makes an attack on one an attack on all",
            )
            .with_fix(super::fix::Fix::add_to_response(
                treaty,
                "indivisible".to_string(),
            ))]
        }
    }
}
