//! Element A5-02: a reciprocal, collective obligation: every party guarantees and is
//! guaranteed.

use super::{Element, Facts, Finding, GapRule, Shortfall};
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
        fix: "make the obligations mutual: `members A, B` and `assist each member -> attacked ...`",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    if treaty.is_collective() {
        return Vec::new();
    }
    // A group party stands for its members: name a state that guarantees, and the
    // group only when none is declared on its own.
    let guarantors = || treaty.parties.iter().filter(|p| p.has_role(Role::Guarantor));
    let Some(guarantor) = guarantors()
        .find(|p| !p.is_group())
        .or_else(|| guarantors().next())
    else {
        return Vec::new();
    };
    vec![Finding::new(
        "ONE_SIDED",
        guarantor.span,
        format!(
            "one-sided: `{}` guarantees, but no party guarantees it in return",
            guarantor.code
        ),
    )]
}
