//! Extended nuclear deterrence (NATO practice, and a hard-tier marker).

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::DeterrentMeans;
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "nuclear-deterrence",
    title: "extended nuclear deterrence",
    requires: None,
    rules: &[GapRule {
        code: "NO_NUCLEAR_UMBRELLA",
        shortfall: Shortfall::Missing,
        name: "no-nuclear-umbrella",
        summary: "no extended nuclear deterrence",
        why: "a nuclear umbrella raises the cost of an attack beyond what any conventional gain is worth",
        example: "treaty t {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  station US forces in UA size 5000 troops tripwire\n  trigger armed-attack against UA {\n    assist US -> UA with armed-force forthwith\n  }\n}\n",
        fix: "add a `deter` clause from the guarantors to the beneficiaries `with nuclear-forces`",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let umbrella = treaty.all_obligations().any(|(_, o)| {
        matches!(
            o.duty,
            Duty::Deter {
                means: DeterrentMeans::NuclearForces
            }
        )
    });
    if umbrella {
        return Vec::new();
    }
    let finding = Finding::new(
        "NO_NUCLEAR_UMBRELLA",
        treaty.header_span,
        "no extended nuclear deterrence",
    );
    vec![match super::fix::deter_clause(treaty) {
        Some(deter) => finding.with_fix(super::fix::Fix::add_to_treaty(deter)),
        None => finding,
    }]
}
