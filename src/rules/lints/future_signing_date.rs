//! A signing date that has not come yet.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;

pub const LINT: Lint = Lint {
    code: "L007",
    name: "future-signing-date",
    severity: Severity::Warning,
    summary: "a `signed` date later than today",
    why: "a treaty cannot have been signed on a day that has not come; the date is a typo, or the text is a draft whose date belongs in `effective` or nowhere (impossible dates such as 2023-02-29 are `invalid-date`, E103)",
    example: "treaty t {\n  form treaty\n  status signed\n  signed 2999-01-01\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n}\n",
    fix: "correct the date; for a draft, remove `signed` until it is signed",
    check,
};

fn check(treaty: &Treaty, context: &LintContext, out: &mut Vec<Diagnostic>) {
    if let Some(signed) = &treaty.signed {
        if signed.value > context.today {
            out.push(LINT.report(
                treaty,
                signed.span,
                "a date that has not come",
                &format!(
                    "signed {} is in the future (today is {})",
                    signed.value, context.today
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty, TODAY};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        assert_eq!(lint(&LINT, LINT.example).len(), 1);
    }

    #[test]
    fn today_and_the_past_are_fine() {
        let today = treaty(&format!("  signed {TODAY}"));
        assert!(lint(&LINT, &today).is_empty());
        let past = treaty("  signed 1949-04-04");
        assert!(lint(&LINT, &past).is_empty());
    }
}
