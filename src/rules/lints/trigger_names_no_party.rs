//! A trigger that says neither who attacks nor who is attacked.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::TriggerKind;
use crate::model::{Treaty, Trigger};

pub const LINT: Lint = Lint {
    code: "L014",
    name: "trigger-names-no-party",
    severity: Severity::Warning,
    summary: "a trigger with neither `by` nor `against` (other than `trigger situation`)",
    why: "an attack by anyone on anyone is not something a guarantor can be held to: the trigger must at least say whose territory it protects",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack {\n    consult UK, UA within 24 hours\n  }\n}\n",
    fix: "name the protected party (`against UA`, `against any member`) and, where the treaty guards against one state, the attacker (`by RU`)",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    // `trigger situation` (any situation that raises a question about the
    // commitments) concerns everyone and names no one by design.
    let about_parties = |t: &&Trigger| t.kinds.iter().any(|k| *k != TriggerKind::Situation);
    for trigger in treaty.triggers.iter().filter(about_parties) {
        if trigger.by.is_empty() && trigger.against.is_empty() {
            out.push(LINT.report(
                treaty,
                trigger.span,
                "no `by` or `against`",
                "this trigger names neither the attacker nor the victim",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        assert_eq!(lint(&LINT, LINT.example).len(), 1);
    }

    #[test]
    fn naming_the_victim_is_enough() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
        let situation = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger situation {\n    consult UK, UA\n  }",
        );
        assert!(lint(&LINT, &situation).is_empty());
    }
}
