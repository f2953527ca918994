//! A beneficiary to whom no clause owes anything.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::Role;
use crate::model::{Duty, Obligation, PartyRef, Treaty};
use std::collections::HashSet;

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
    let owed = owed_something(treaty);
    let beneficiaries = treaty
        .parties
        .iter()
        .filter(|p| p.has_role(Role::Beneficiary));
    for party in beneficiaries {
        if !owed.contains(party.code.as_str()) {
            out.push(LINT.report(
                treaty,
                party.span,
                "a beneficiary without an obligation owed to it",
                &format!("beneficiary `{}` is owed nothing by any clause", party.code),
            ));
        }
    }
}

/// Every code some clause owes something to, each reference expanded once: asking
/// per beneficiary expanded every group again for each (issue 19: 10,000
/// beneficiaries in one `provide` cost 35 times what 1,000 did).
fn owed_something(treaty: &Treaty) -> HashSet<&str> {
    fn add<'t>(treaty: &'t Treaty, o: &'t Obligation, owed: &mut HashSet<&'t str>) {
        for reference in &o.receivers {
            owed.extend(treaty.expand(reference));
        }
        if matches!(o.duty, Duty::Consult { .. }) {
            for reference in &o.givers {
                owed.extend(treaty.expand(reference));
            }
        }
    }
    let mut owed = HashSet::new();
    for obligation in &treaty.obligations {
        add(treaty, obligation, &mut owed);
    }
    for trigger in &treaty.triggers {
        for obligation in &trigger.obligations {
            add(treaty, obligation, &mut owed);
        }
        // A response to the attacked (or to no one named) is owed to every party
        // the trigger covers.
        let to_attacked = trigger
            .obligations
            .iter()
            .any(|o| o.receivers.is_empty() || o.receivers.contains(&PartyRef::Attacked));
        if to_attacked {
            for reference in &trigger.against {
                owed.extend(treaty.expand(reference));
            }
        }
    }
    owed
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
