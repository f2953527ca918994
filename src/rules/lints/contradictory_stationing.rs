//! Forces stationed where the same treaty prohibits stationing.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Duty, Place, Treaty};

pub const LINT: Lint = Lint {
    code: "L009",
    name: "contradictory-stationing",
    severity: Severity::Warning,
    summary: "forces stationed in a place where the treaty prohibits stationing or foreign bases",
    why: "two clauses that cannot both be kept let each side choose the one it prefers; the Istanbul draft's neutrality clauses show how a ban on foreign forces empties a guarantee that needs them",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  prohibit stationing in UA\n  station UK forces in UA\n}\n",
    fix: "remove one of the two clauses, or limit the prohibition (`prohibit stationing in \"occupied territories\"`) so the two no longer overlap",
    check,
};

fn same_place(a: &Place, b: &Place) -> bool {
    match (a, b) {
        (Place::Party { code: a }, Place::Party { code: b }) => a == b,
        (Place::Described { text: a }, Place::Described { text: b }) => a.eq_ignore_ascii_case(b),
        _ => false,
    }
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let bans: Vec<_> = treaty
        .all_obligations()
        .filter_map(|(_, o)| match &o.duty {
            Duty::Prohibit { what, place, .. } if what.iter().any(|w| w.bans_foreign_forces()) => {
                Some((o.span, place.as_ref()))
            }
            _ => None,
        })
        .collect();
    if bans.is_empty() {
        return;
    }
    for (_, obligation) in treaty.all_obligations() {
        let Duty::Station { place, .. } = &obligation.duty else {
            continue;
        };
        // A prohibition with no place applies wherever the treaty applies.
        let conflict = bans
            .iter()
            .find(|(_, banned)| banned.is_none_or(|banned| same_place(banned, place)));
        if let Some((ban_span, _)) = conflict {
            out.push(
                LINT.diagnostic(format!(
                    "{}: forces are stationed where this treaty prohibits stationing",
                    treaty.id
                ))
                .with_label(obligation.span, "forces stationed here")
                .with_label(*ban_span, "stationing prohibited here")
                .with_help(LINT.fix),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn a_ban_elsewhere_or_on_something_else_is_no_conflict() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  party PL guarantor\n  prohibit stationing in PL\n  prohibit nuclear-weapons\n  station UK forces in UA",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
