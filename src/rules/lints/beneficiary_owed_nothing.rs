//! A beneficiary to whom no clause owes anything.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::Role;
use crate::model::{Duty, Obligation, PartyRef, Treaty};

pub const LINT: Lint = Lint {
    code: "L002",
    name: "beneficiary-owed-nothing",
    severity: Severity::Warning,
    summary: "a party declared as beneficiary that no obligation is owed to",
    why: "a beneficiary nobody owes anything to holds a title, not a guarantee; the clause that should protect it is missing or names someone else",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  party RU adversary\n  party MD beneficiary\n  trigger armed-attack by RU against UA, MD {\n    provide UK -> UA military-aid\n  }\n}\n",
    fix: "add the obligation owed to it (`provide GUARANTOR -> BENEFICIARY ...`, or a trigger `against` it whose response goes to `attacked`), or drop the `beneficiary` role",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let beneficiaries = treaty
        .parties
        .iter()
        .filter(|p| p.has_role(Role::Beneficiary));
    for party in beneficiaries {
        if !is_owed_something(treaty, &party.code) {
            out.push(LINT.report(
                treaty,
                party.span,
                "a beneficiary without an obligation owed to it",
                &format!("beneficiary `{}` is owed nothing by any clause", party.code),
            ));
        }
    }
}

/// Owed something: named (or in a group) among an obligation's receivers, consulted,
/// or a victim a trigger covers when the response goes to whoever was attacked.
fn is_owed_something(treaty: &Treaty, code: &str) -> bool {
    let names = |reference: &PartyRef| treaty.expand(reference).contains(&code);
    let owed = |o: &Obligation| {
        o.receivers.iter().any(names)
            || (matches!(o.duty, Duty::Consult { .. }) && o.givers.iter().any(names))
    };
    treaty.obligations.iter().any(owed)
        || treaty.triggers.iter().any(|trigger| {
            let covered = trigger.against.iter().any(names);
            trigger.obligations.iter().any(|o| {
                owed(o)
                    || (covered
                        && (o.receivers.is_empty() || o.receivers.contains(&PartyRef::Attacked)))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`MD`"));
    }

    #[test]
    fn a_victim_owed_the_response_is_owed_something() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> attacked with armed-force\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
