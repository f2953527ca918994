//! A deadline of zero, or of more than a year.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Deadline, Duty, Period, Treaty};

pub const LINT: Lint = Lint {
    code: "L005",
    name: "deadline-out-of-range",
    severity: Severity::Warning,
    summary: "a `within` deadline of zero, or longer than a year",
    why: "a zero deadline cannot be met and reads as a typo; a response due more than a year after an attack is no response to it",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 0 hours\n    assist UK -> attacked with military-equipment within 2 years\n  }\n}\n",
    fix: "write the intended deadline, between an hour and a year (`within 24 hours`, `within 3 days`), or `immediately`",
    check,
};

/// The longest deadline that still answers the event: one year.
fn beyond_a_year(period: Period) -> bool {
    match period.months() {
        Some(months) => months > 12,
        None => period.approx_hours() > 365 * 24,
    }
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    for (_, obligation) in treaty.all_obligations() {
        let deadline = match &obligation.duty {
            Duty::Consult { deadline } => deadline.as_ref(),
            Duty::Assist { timing, .. }
            | Duty::Seek { timing, .. }
            | Duty::Report { timing, .. } => timing.as_ref(),
            _ => None,
        };
        let Some(Deadline::Within { period }) = deadline else {
            continue;
        };
        let problem = if period.is_zero() {
            "a deadline of zero cannot be met"
        } else if beyond_a_year(*period) {
            "a deadline of more than a year"
        } else {
            continue;
        };
        out.push(LINT.report(
            treaty,
            obligation.span,
            format!("within {period}"),
            &format!("`{}` within {period}: {problem}", obligation.keyword()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;
    use crate::model::Unit;

    #[test]
    fn the_example_triggers_it_twice() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("zero"));
        assert!(found[1].message.contains("more than a year"));
    }

    #[test]
    fn a_year_is_the_limit() {
        assert!(!beyond_a_year(Period {
            value: 12,
            unit: Unit::Months
        }));
        assert!(!beyond_a_year(Period {
            value: 365,
            unit: Unit::Days
        }));
        assert!(beyond_a_year(Period {
            value: 366,
            unit: Unit::Days
        }));
        assert!(beyond_a_year(Period {
            value: 13,
            unit: Unit::Months
        }));
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 1 year\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
