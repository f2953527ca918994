//! A term of zero length, or one that ends before it starts.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Duty, Term, Treaty};

pub const LINT: Lint = Lint {
    code: "L008",
    name: "end-before-start",
    severity: Severity::Warning,
    summary: "a duration of zero, or dates in an impossible order (in force before signed, support that ends before it starts)",
    why: "a commitment whose term is empty binds no one on any day; the dates decide when every obligation applies",
    example: "treaty t {\n  form treaty\n  status in-force\n  signed 2024-01-12\n  effective 2023-12-01\n  duration 0 years\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training from 2025-01-01 until 2024-01-01\n}\n",
    fix: "correct the dates or the duration so that the term starts before it ends",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let mut report = |span, message: String, label: &'static str| {
        out.push(
            LINT.diagnostic(format!("{}: {message}", treaty.id))
                .with_label(span, label)
                .with_help(LINT.fix),
        );
    };
    if let Some(duration) = &treaty.duration {
        if let Term::Fixed { period } = duration.value {
            if period.is_zero() {
                report(
                    duration.span,
                    format!("a duration of {period} ends the day it starts"),
                    "zero duration",
                );
            }
        }
    }
    if let (Some(signed), Some(effective)) = (&treaty.signed, &treaty.effective) {
        if effective.value < signed.value {
            report(
                effective.span,
                format!(
                    "in force from {} but signed only on {}",
                    effective.value, signed.value
                ),
                "before the signing date",
            );
        }
    }
    if let (Some(signed), Some(ratification)) = (&treaty.signed, &treaty.ratification) {
        if let Some(date) = ratification.value.date.filter(|d| *d < signed.value) {
            report(
                ratification.span,
                format!(
                    "ratified on {date}, before it was signed on {}",
                    signed.value
                ),
                "before the signing date",
            );
        }
    }
    for (_, obligation) in treaty.all_obligations() {
        if let Duty::Provide {
            from: Some(from),
            until: Some(until),
            ..
        } = obligation.duty
        {
            if until < from {
                report(
                    obligation.span,
                    format!("support from {from} until {until} ends before it starts"),
                    "`until` is before `from`",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it_three_times() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn dates_in_order_are_fine() {
        let text = treaty(
            "  signed 1949-04-04\n  effective 1949-08-24\n  ratification completed 1949-08-24\n  duration 20 years\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training from 2024-01-01 until 2025-01-01",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
