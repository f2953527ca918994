//! Element A5-02: a reciprocal, collective obligation: every party guarantees and is
//! guaranteed.

use super::{scope, Element, Facts, Finding, GapRule, Shortfall};
use crate::model::scope::{and_list, TerritoryCover};
use crate::model::vocab::Role;
use crate::model::Treaty;

pub const ELEMENT: Element = Element {
    id: "reciprocal",
    title: "collective or reciprocal obligation",
    requires: None,
    rules: &[GapRule {
        code: "ONE_SIDED",
        shortfall: Shortfall::Missing,
        name: "one-sided",
        summary: "guarantors give and the beneficiary receives; nothing is mutual",
        why: "a one-way guarantee gives the guarantor no stake of its own in honouring it",
        example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
        fix: "make the obligations mutual: declare the parties with `members` and owe the response to each member",
    },
    GapRule {
        code: "ASYMMETRIC_SCOPE",
        shortfall: Shortfall::Weakened,
        name: "asymmetric-scope",
        summary: "the protected parties are not covered alike: an attack on one counts where an attack on another does not",
        why: "a pact that is mutual on paper but covers one party's territory and not the other's is one-sided where it matters",
        example: "treaty t {\n  form treaty\n  status in-force\n  members US, JP\n  trigger armed-attack against any member in administered-territory of JP {\n    act each member constitutional-processes\n  }\n}\n",
        fix: "cover every protected party the same way (`in territory of each member`), or give each party a trigger of its own with an equal scope",
    }],
    assess,
};

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings: Vec<Finding> = asymmetric_scope(treaty, facts).into_iter().collect();
    findings.extend(one_sided(treaty));
    findings
}

/// ASYMMETRIC_SCOPE: two protected parties whose coverage differs.
fn asymmetric_scope(treaty: &Treaty, facts: &Facts) -> Option<Finding> {
    let triggers = scope::scoped_triggers(treaty, &facts.attack_triggers);
    let coverage = scope::coverage(treaty, &triggers);
    let ((better, good), worse) = scope::asymmetry(&coverage)?;
    let bad = worse.first()?.1;
    let codes: Vec<&str> = worse.iter().map(|(code, _)| code.as_str()).collect();
    let worse_list = and_list(&codes);
    let (message, detail) = if good.territory != bad.territory {
        let how = match bad.territory {
            TerritoryCover::No => format!("is not covered (only {})", bad.scope.areas_text()),
            _ => format!("is covered only inside {}", scope::regions_text(&bad.scope)),
        };
        (
            format!(
                "asymmetric scope: the territory of {better} is covered for {better}, but the territory of {worse_list} {how}"
            ),
            format!(
                "territory of {worse_list} {}",
                match bad.territory {
                    TerritoryCover::No => "not covered",
                    _ => "only inside a region",
                }
            ),
        )
    } else {
        (
            format!(
                "asymmetric scope: {better} and {worse_list} are covered differently (for {better}: {}; for {worse_list}: {})",
                objects(good),
                objects(bad)
            ),
            format!("{worse_list} covered less"),
        )
    };
    Some(
        Finding::new("ASYMMETRIC_SCOPE", bad.span, message)
            .with_detail(format!("asymmetric: {detail}")),
    )
}

/// `territory, forces` or `territory, forces (forces also beyond the territory)`.
fn objects(cover: &scope::PartyCover) -> String {
    let words = |list: &[crate::model::vocab::Covered]| {
        list.iter().map(|c| c.word()).collect::<Vec<_>>().join(", ")
    };
    if cover.beyond.is_empty() {
        words(&cover.objects)
    } else {
        format!(
            "{} ({} also beyond the territory)",
            words(&cover.objects),
            words(&cover.beyond)
        )
    }
}

fn one_sided(treaty: &Treaty) -> Option<Finding> {
    if treaty.is_collective() {
        return None;
    }
    // A group party stands for its members: name the states that guarantee, and the
    // groups only when no state is declared on its own.
    let guarantors: Vec<_> = treaty
        .parties
        .iter()
        .filter(|p| p.has_role(Role::Guarantor))
        .collect();
    let states: Vec<_> = guarantors.iter().filter(|p| !p.is_group()).collect();
    let named: Vec<&str> = if states.is_empty() {
        guarantors.iter().map(|p| p.code.as_str()).collect()
    } else {
        states.iter().map(|p| p.code.as_str()).collect()
    };
    let first = guarantors
        .iter()
        .find(|p| named.contains(&p.code.as_str()))?;
    let quoted: Vec<String> = named.iter().map(|c| format!("`{c}`")).collect();
    let (verb, them) = if named.len() == 1 {
        ("guarantees", "it")
    } else {
        ("guarantee", "them")
    };
    let message = format!(
        "one-sided: {} {verb}, but no party guarantees {them} in return",
        and_list(&quoted)
    );
    let mut everyone: Vec<&str> = named.clone();
    for code in super::fix::codes(treaty, Role::Beneficiary) {
        if !everyone.contains(&code) {
            everyone.push(code);
        }
    }
    let help = format!(
        "make the obligations mutual: make {} members of one another's guarantee (`members {}`) and owe the response to each member",
        and_list(&everyone),
        everyone.join(", ")
    );
    Some(Finding::new("ONE_SIDED", first.span, message).with_fix(super::fix::Fix::advice(help)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_guarantor_is_named() {
        let (model, _) = crate::model::model_of(
            "treaty t {\n  form treaty\n  party US guarantor\n  party UK guarantor\n  party FR guarantor\n  party UA beneficiary\n}\n",
        );
        let finding = one_sided(&model.treaties[0]).expect("ONE_SIDED");
        assert!(
            finding.message.contains("`US`, `UK` and `FR` guarantee"),
            "{}",
            finding.message
        );
        let help = finding.fix.expect("a fix").help;
        assert!(help.contains("`members US, UK, FR, UA`"), "{help}");
    }
}
