//! A termination date that contradicts the rest of the header.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::Status;
use crate::model::Treaty;

pub const LINT: Lint = Lint {
    code: "L018",
    name: "contradictory-termination",
    severity: Severity::Warning,
    summary: "a `terminated` date on an instrument whose status is not `lapsed`, or a termination before it was signed or took effect",
    why: "the checker reads the instrument as no longer in force from the termination date; a status that says otherwise, or dates in an impossible order, leave the reader unsure which is right",
    example: "treaty t {\n  form treaty\n  status in-force\n  signed 1954-12-02\n  terminated 1953-01-01\n  party US guarantor\n  party TW beneficiary\n  provide US -> TW training\n}\n",
    fix: "set `status lapsed` for a terminated instrument, and check that it ends after it was signed and took effect",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let Some(terminated) = &treaty.terminated else {
        return;
    };
    if let Some(status) = treaty.status.as_ref().filter(|s| s.value != Status::Lapsed) {
        out.push(
            LINT.report(
                treaty,
                terminated.span,
                "terminated here",
                &format!(
                    "terminated on {} but its status is `{}`",
                    terminated.value,
                    status.value.word()
                ),
            )
            .with_label(status.span, "not `lapsed`"),
        );
    }
    let start = [("signed", &treaty.signed), ("in force", &treaty.effective)]
        .into_iter()
        .filter_map(|(what, date)| date.as_ref().map(|d| (what, d.value)))
        .find(|(_, date)| terminated.value < *date);
    if let Some((what, date)) = start {
        out.push(LINT.report(
            treaty,
            terminated.span,
            "before the start",
            &format!(
                "terminated on {} but {what} only on {date}",
                terminated.value
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::lint;
    use super::*;

    #[test]
    fn the_example_triggers_it_twice() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_lapsed_instrument_terminated_after_signature_is_fine() {
        let text = "treaty t {\n  form treaty\n  status lapsed\n  signed 1954-12-02\n  effective 1955-03-03\n  terminated 1980-01-01\n}\n";
        assert!(lint(&LINT, text).is_empty());
    }
}
