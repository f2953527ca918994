//! A withdrawal that takes effect within six months of notice, or at any time.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Period, Treaty, Withdrawal};

pub const LINT: Lint = Lint {
    code: "L013",
    name: "short-withdrawal-notice",
    severity: Severity::Warning,
    summary: "a withdrawal or termination notice of six months or less, or withdrawal at any time",
    why: "a guarantor that can leave on short notice can leave once a crisis starts and before the attack; the North Atlantic Treaty requires a year's notice after twenty years",
    example: "treaty t {\n  form treaty\n  status in-force\n  withdrawal notice 3 months\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n}\n",
    // The same fix as the SHORT_NOTICE_EXIT gap on the same clause.
    fix: "require a year's notice after a minimum period: write `withdrawal notice 1 year after 20 years`",
    check,
};

/// Six months, the longest notice that is still short.
fn is_short(notice: Period) -> bool {
    match notice.months() {
        Some(months) => months <= 6,
        None => notice.approx_hours() <= 183 * 24,
    }
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let Some(withdrawal) = &treaty.withdrawal else {
        return;
    };
    let message = match withdrawal.value {
        Withdrawal::Notice { notice, .. } if is_short(notice) => {
            format!("a party can withdraw with a notice of only {notice}")
        }
        Withdrawal::AnyTime => "a party can withdraw at any time".to_string(),
        _ => return,
    };
    let fix = crate::rules::gaps::fix::durable_withdrawal(withdrawal.span);
    out.push(
        LINT.report(treaty, withdrawal.span, "six months or less", &message)
            .with_help(fix.help),
    );
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;
    use crate::model::Unit;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("3 months"));
        assert_eq!(lint(&LINT, &treaty("  withdrawal any-time")).len(), 1);
    }

    #[test]
    fn six_months_is_short_a_year_is_not() {
        assert!(is_short(Period {
            value: 6,
            unit: Unit::Months
        }));
        assert!(is_short(Period {
            value: 180,
            unit: Unit::Days
        }));
        assert!(!is_short(Period {
            value: 7,
            unit: Unit::Months
        }));
        assert!(lint(&LINT, &treaty("  withdrawal notice 1 year after 20 years")).is_empty());
        assert!(lint(&LINT, &treaty("  withdrawal none")).is_empty());
    }

    #[test]
    fn the_fix_is_the_one_the_short_notice_gap_gives() {
        let text =
            treaty("  party UK guarantor\n  party UA beneficiary\n  withdrawal notice 3 months");
        let found = lint(&LINT, &text);
        let gap_help = crate::rules::gaps::fix::durable_withdrawal(found[0].labels[0].span).help;
        assert_eq!(found[0].help.as_deref(), Some(gap_help.as_str()));
        assert!(gap_help.contains(crate::rules::gaps::fix::DURABLE_WITHDRAWAL));
        assert!(lint(&LINT, &treaty("  withdrawal none")).is_empty());
    }
}
