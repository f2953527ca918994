//! A guarantor that is also the state the treaty guards against.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::Role;
use crate::model::{PartyRef, Treaty};

pub const LINT: Lint = Lint {
    code: "L010",
    name: "guarantor-is-adversary",
    severity: Severity::Warning,
    summary: "a party that guarantees the treaty and is also its adversary, or a trigger naming a guarantor as the attacker",
    why: "the Budapest Memorandum's assurances were given by the state that later attacked, and the Istanbul draft made the same state a guarantor: such a guarantee fails exactly when it is invoked",
    example: "treaty t {\n  form memorandum\n  status in-force\n  party RU guarantor, adversary\n  party UA beneficiary\n  trigger armed-attack by RU against UA {\n    consult RU, UA\n  }\n}\n",
    fix: "find guarantors other than the potential aggressor; if the text really does make it a guarantor, keep the clause and add `// treaty: allow(guarantor-is-adversary)` with the reason",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let guarantees = |code: &str| {
        treaty
            .party(code)
            .is_some_and(|p| p.has_role(Role::Guarantor) || p.has_role(Role::Member))
    };
    for party in &treaty.parties {
        if party.has_role(Role::Adversary) && guarantees(&party.code) {
            out.push(LINT.report(
                treaty,
                party.span,
                "guarantor and adversary at once",
                &format!(
                    "`{}` is declared both a guarantor and the adversary",
                    party.code
                ),
            ));
        }
    }
    for trigger in &treaty.triggers {
        for attacker in &trigger.by {
            let PartyRef::Party { code } = attacker else {
                continue;
            };
            // Already reported on the declaration when it is also declared adversary.
            let declared_adversary = treaty
                .party(code)
                .is_some_and(|p| p.has_role(Role::Adversary));
            if guarantees(code) && !declared_adversary {
                out.push(LINT.report(
                    treaty,
                    trigger.span,
                    "a guarantor as the attacker",
                    &format!("the attacker this trigger names, `{code}`, is a guarantor"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it_once() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`RU`"));
    }

    #[test]
    fn a_trigger_naming_a_guarantor_triggers_it() {
        let text = treaty(
            "  party RU guarantor\n  party UA beneficiary\n  trigger armed-attack by RU against UA {\n    consult RU, UA\n  }",
        );
        assert_eq!(lint(&LINT, &text).len(), 1);
        let fine = treaty(
            "  party UK guarantor\n  party RU adversary\n  party UA beneficiary\n  trigger armed-attack by RU against UA {\n    consult UK, UA\n  }",
        );
        assert!(lint(&LINT, &fine).is_empty());
    }
}
