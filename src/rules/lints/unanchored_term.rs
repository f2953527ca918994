//! A fixed term with nothing to count it from.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Term, Treaty};

pub const LINT: Lint = Lint {
    code: "L017",
    name: "unanchored-term",
    severity: Severity::Warning,
    summary: "a fixed term with no `signed`, `effective` or `proposed` date to count it from",
    why: "a term that cannot be anchored cannot be checked: no one can say on which day the guarantee ends, and `treaty simulate` cannot tell whether it has lapsed",
    example: "treaty t {\n  form treaty\n  status draft\n  duration 10 years\n  party US guarantor\n  party UA beneficiary\n  provide US -> UA training\n}\n",
    fix: "add `signed DATE`, `effective DATE` or, for a draft, `proposed DATE`; for one run, `treaty simulate --assume-signed DATE` (or `assume signed DATE` in a scenario) anchors it",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let Some(duration) = &treaty.duration else {
        return;
    };
    let Term::Fixed { period } = duration.value else {
        return;
    };
    if treaty.anchor().is_some() {
        return;
    }
    out.push(LINT.report(
        treaty,
        duration.span,
        "counted from no date",
        &format!("the term of {period} cannot be anchored: the treaty gives no signed, effective or proposed date"),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0]
            .message
            .contains("term of 10 years cannot be anchored"));
    }

    #[test]
    fn a_signed_effective_or_proposed_date_anchors_the_term() {
        for date in [
            "signed 2025-01-01",
            "effective 2025-01-01",
            "proposed 2025-11-20",
        ] {
            let text = treaty(&format!("  {date}\n  duration 10 years"));
            assert!(lint(&LINT, &text).is_empty(), "{date}");
        }
    }

    #[test]
    fn an_indefinite_term_needs_no_anchor() {
        assert!(lint(&LINT, &treaty("  duration indefinite")).is_empty());
    }
}
