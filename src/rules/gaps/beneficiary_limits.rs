//! No limits on the beneficiary: Article 5 asks nothing of the party it protects
//! beyond being a party. A guarantee that caps the beneficiary's forces, keeps it
//! non-nuclear or neutral, bars it from alliances or keeps zones free of its forces
//! protects a weaker state than the one it names.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::describe;
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "beneficiary-unrestricted",
    title: "no limits on the beneficiary",
    requires: None,
    rules: &[GapRule {
        code: "BENEFICIARY_RESTRICTED",
        shortfall: Shortfall::Weakened,
        name: "beneficiary-restricted",
        summary: "the instrument limits the beneficiary: a force ceiling, non-nuclear status, neutrality, no alliance, no foreign troops or a demilitarised zone",
        why: "limits on the protected state's own defence leave it weaker, so the guarantee has to carry more of the deterrence it would otherwise share",
        example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n  limit UA armed-forces size 600000 troops\n}\n",
        fix: "drop the `limit` clause, or raise the ceiling",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let mut limits = Vec::new();
    let mut first = None;
    for (_, o) in treaty.all_obligations() {
        let Duty::Limit { what, size, place } = &o.duty else {
            continue;
        };
        first.get_or_insert(o.span);
        let text = describe::limit(what, size.as_ref(), place.as_ref());
        let who = describe::parties(&o.givers);
        limits.push(if who.is_empty() {
            text
        } else {
            format!("{text} ({who})")
        });
    }
    let Some(span) = first else {
        return Vec::new();
    };
    vec![Finding::new(
        "BENEFICIARY_RESTRICTED",
        span,
        format!("the beneficiary is limited: {}", limits.join("; ")),
    )
    .with_detail(limits.join("; "))
    .with_fix(super::fix::Fix::remove(
        span,
        "limit",
        " clause, or raise its ceiling",
    ))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::model_of;

    fn findings(text: &str) -> Vec<Finding> {
        let (model, _) = model_of(text);
        let treaty = &model.treaties[0];
        assess(treaty, &Facts::of(treaty, None))
    }

    #[test]
    fn the_example_names_the_ceiling() {
        let found = findings(ELEMENT.rules[0].example);
        assert_eq!(found.len(), 1);
        assert!(
            found[0]
                .message
                .contains("armed forces capped at 600,000 troops (UA)"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn every_limit_is_named_and_none_means_no_finding() {
        let text = "treaty t {\n  form treaty\n  status in-force\n  party UA beneficiary\n  limit UA neutrality, non-nuclear\n  limit UA demilitarised-zone in \"the Donbas\"\n}\n";
        let found = findings(text);
        assert_eq!(found.len(), 1);
        let message = &found[0].message;
        assert!(
            message.contains("neutrality, non-nuclear status"),
            "{message}"
        );
        assert!(
            message.contains("a demilitarised zone in \"the Donbas\""),
            "{message}"
        );
        let free = "treaty t {\n  form treaty\n  status in-force\n  party UA beneficiary\n  prohibit nuclear-weapons in UA\n}\n";
        assert!(findings(free).is_empty());
    }
}
