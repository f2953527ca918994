//! Element A5-16: a standing institution (a council, a defence committee, an
//! integrated command).

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "standing-institution",
    title: "standing institution",
    requires: None,
    rules: &[GapRule {
        code: "NO_INTEGRATED_COMMAND",
        shortfall: Shortfall::Missing,
        name: "no-integrated-command",
        summary: "no standing council, defence committee or integrated military structure",
        why:
            "a standing body plans the response before it is needed and can meet at once when it is",
        example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
        fix: "add a standing body: `establish council` with its name (and a `defence-committee` or `integrated-command`)",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let standing = treaty.all_obligations().any(|(_, o)| {
        matches!(&o.duty, Duty::Establish { institution, .. } if institution.is_standing_defence_body())
    });
    if standing {
        return Vec::new();
    }
    vec![Finding::new(
        "NO_INTEGRATED_COMMAND",
        treaty.header_span,
        "no standing council or integrated command",
    )
    .with_fix(super::fix::Fix::add_to_treaty(
        "establish council \"Council of the Parties\"".to_string(),
    ))]
}
