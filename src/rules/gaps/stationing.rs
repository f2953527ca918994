//! Stationed forces (NATO practice, and the hard tier's trip-wire marker): forces on
//! the protected party's territory, and no ban on them.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::{describe, Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "stationed-forces",
    title: "stationed forces",
    requires: None,
    rules: &[
        GapRule {
            code: "NO_STATIONED_FORCES",
            shortfall: Shortfall::Missing,
            name: "no-stationed-forces",
            summary: "no forces, bases or trip-wire presence are provided",
            why: "troops on the ground make an attack on the beneficiary an attack on the guarantor's own forces",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
            fix: "add a `station` clause: a guarantor's forces in the beneficiary, with their size",
        },
        GapRule {
            code: "STATIONING_PROHIBITED",
            shortfall: Shortfall::Missing,
            name: "stationing-prohibited",
            summary: "foreign troops or bases are expressly banned",
            why: "a ban rules out the presence that would make the guarantee credible",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  prohibit stationing, foreign-bases in UA\n}\n",
            fix: "remove the `prohibit stationing` / `prohibit foreign-bases` clause",
        },
    ],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let stationed = treaty
        .all_obligations()
        .any(|(_, o)| matches!(o.duty, Duty::Station { .. }));
    let ban = treaty.all_obligations().find(|(_, o)| {
        matches!(&o.duty, Duty::Prohibit { what, .. } if what.iter().any(|w| w.bans_foreign_forces()))
    });
    if let Some((_, ban)) = ban {
        let message = match &ban.duty {
            Duty::Prohibit {
                of: Some(of),
                place,
                ..
            } => {
                let place = place
                    .as_ref()
                    .map(|p| format!(" in {}", describe::place(p)))
                    .unwrap_or_default();
                format!(
                    "the forces of {} may not be stationed{place}",
                    describe::forces_of(of)
                )
            }
            _ => "foreign troops or bases are prohibited".to_string(),
        };
        let finding = Finding::new("STATIONING_PROHIBITED", ban.span, message).with_fix(
            super::fix::Fix::remove(ban.span, "prohibit", " clause that bans foreign forces"),
        );
        findings.push(match &ban.duty {
            Duty::Prohibit { of: Some(of), .. } => {
                finding.with_detail(format!("no {} forces", describe::forces_of(of)))
            }
            _ => finding,
        });
    }
    if !stationed {
        let span = ban.map(|(_, b)| b.span).unwrap_or(treaty.header_span);
        let finding = Finding::new("NO_STATIONED_FORCES", span, "no forces stationed");
        findings.push(match super::fix::station_clause(treaty) {
            Some(station) => finding.with_fix(super::fix::Fix::add_to_treaty(station)),
            None => finding,
        });
    }
    findings
}
