//! Element A5-05: an attack on one is an attack on all.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "indivisibility",
    title: "attack on one is an attack on all",
    requires: None,
    rules: &[GapRule {
        code: "NO_ATTACK_ON_ALL",
        shortfall: Shortfall::Missing,
        name: "no-attack-on-all",
        summary: "no clause makes an attack on one an attack on all",
        why: "indivisibility is what makes every party treat the attack as its own",
        example: "treaty t {\n  form treaty\n  status in-force\n  members UK, UA\n  trigger armed-attack against any member {\n    assist each member -> attacked with armed-force forthwith\n  }\n}\n",
        fix: "add `indivisible` to the armed-attack trigger",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let indivisible = treaty
        .all_obligations()
        .any(|(_, o)| matches!(o.duty, Duty::Indivisible));
    if indivisible {
        return Vec::new();
    }
    let span = treaty
        .attack_triggers()
        .next()
        .map(|t| t.span)
        .unwrap_or(treaty.header_span);
    vec![Finding::new(
        "NO_ATTACK_ON_ALL",
        span,
        "no clause makes an attack on one an attack on all",
    )]
}
