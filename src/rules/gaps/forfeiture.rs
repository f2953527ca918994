//! Part of element A5-10 (no weakening qualifiers): `void if CONDITION`. A guarantee
//! that is void once the protected party itself does something (attacks first, fires
//! on a capital) is conditional on the beneficiary's conduct; a guarantee void on any
//! other condition is a conditional commitment. Each names its condition.

use super::Finding;
use crate::model::vocab::Role;
use crate::model::{Condition, Treaty};

/// The parties the instrument protects: its beneficiaries and members, and whoever its
/// triggers cover (`against`).
fn protected(treaty: &Treaty) -> Vec<&str> {
    let mut out: Vec<&str> = treaty
        .parties
        .iter()
        .filter(|p| p.has_role(Role::Beneficiary) || p.has_role(Role::Member))
        .map(|p| p.code.as_str())
        .collect();
    for trigger in &treaty.triggers {
        for r in &trigger.against {
            for code in treaty.expand(r) {
                if !out.contains(&code) {
                    out.push(code);
                }
            }
        }
    }
    out
}

/// One finding per `void if`.
pub fn findings(treaty: &Treaty) -> Vec<Finding> {
    let protected = protected(treaty);
    let mut findings = Vec::new();
    for void in &treaty.voids {
        let condition = &void.value;
        let actors: Vec<&str> = condition
            .actors(treaty)
            .into_iter()
            .filter(|a| protected.contains(a))
            .collect();
        let finding = if actors.is_empty() {
            Finding::new(
                "CONDITIONAL_COMMITMENT",
                void.span,
                format!("the guarantee is void if {condition}"),
            )
        } else {
            let who = actors.join(", ");
            let conduct = conduct(condition);
            Finding::new(
                "CONDITIONALITY_ON_BENEFICIARY",
                void.span,
                format!("the guarantee is void if {who}, whom it protects, {conduct}: void if {condition}"),
            )
        };
        findings.push(finding.with_detail(format!("void if {condition}")));
    }
    findings
}

/// The conduct a condition names, in words: `attacks RU unprovoked`.
fn conduct(condition: &Condition) -> String {
    let Condition::Happening {
        name,
        kind,
        against,
        attributes,
        ..
    } = condition
    else {
        return condition.to_string();
    };
    let mut out = match kind {
        Some(kind) if kind.is_attack() => "attacks".to_string(),
        _ => format!("commits {name}"),
    };
    if !against.is_empty() {
        out.push(' ');
        out.push_str(&crate::model::describe::parties(against));
    }
    for a in attributes {
        out.push(' ');
        out.push_str(a);
    }
    out
}
