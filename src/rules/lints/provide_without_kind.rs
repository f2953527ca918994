//! A `provide` clause that names no kind of assistance.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Duty, Treaty};

pub const LINT: Lint = Lint {
    code: "L012",
    name: "provide-without-kind",
    severity: Severity::Warning,
    summary: "`provide` with no kind of assistance (an unknown kind is `unknown-word`, E104, with a did-you-mean)",
    why: "a promise to provide without saying what can be honoured with anything, however little; the tier depends on whether the support is military",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA GBP 1 billion\n}\n",
    fix: "name the kinds: `provide UK -> UA air-defence, training`; `treaty explain unknown-word` lists where the vocabulary is documented",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    for (_, obligation) in treaty.all_obligations() {
        if let Duty::Provide { assistance, .. } = &obligation.duty {
            if assistance.is_empty() {
                out.push(LINT.report(
                    treaty,
                    obligation.span,
                    "provide what?",
                    "`provide` names no kind of assistance",
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
    fn the_example_triggers_it() {
        assert_eq!(lint(&LINT, LINT.example).len(), 1);
    }

    #[test]
    fn a_kind_satisfies_it_and_an_unknown_kind_is_an_error_instead() {
        let text =
            treaty("  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training");
        assert!(lint(&LINT, &text).is_empty());
        let (model, diagnostics) = crate::model::model_of(&treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA trainin",
        ));
        assert!(diagnostics.iter().any(|d| d.code == "E104"));
        // The clause is left out, so this lint does not report it a second time.
        assert!(model.treaties[0].obligations.is_empty());
    }
}
