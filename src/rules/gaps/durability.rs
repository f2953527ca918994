//! Element A5-17: durability: no fixed term, no short-notice exit.

use super::fix::Fix;
use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::RenewalMode;
use crate::model::{Review, Term, Treaty, Withdrawal};

pub const ELEMENT: Element = Element {
    id: "durability",
    title: "durable: no fixed term, no short-notice exit",
    requires: None,
    rules: &[
        GapRule {
            code: "FIXED_TERM",
            shortfall: Shortfall::Weakened,
            name: "fixed-term",
            summary: "the instrument runs for a fixed term or must be reviewed by a date",
            why: "a guarantee with an end date invites the aggressor to wait it out",
            example: "treaty t {\n  form treaty\n  status in-force\n  duration 10 years\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
            fix: "use `duration indefinite` and drop mandatory `review within` dates",
        },
        GapRule {
            code: "SHORT_NOTICE_EXIT",
            shortfall: Shortfall::Weakened,
            name: "short-notice-exit",
            summary: "a party may leave at any time or on six months' notice or less",
            why: "an easy exit makes the guarantee only as durable as the guarantor's next government",
            example: "treaty t {\n  form treaty\n  status in-force\n  withdrawal notice 3 months\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
            fix: "require a year's notice after a minimum period: write `withdrawal notice 1 year after 20 years`",
        },
        GapRule {
            code: "DURATION_NOT_STATED",
            shortfall: Shortfall::Unknown,
            name: "duration-not-stated",
            summary: "the text does not say how long the instrument lasts (`duration not-stated`)",
            why: "a guarantee whose duration is unknown cannot be counted on as durable; `treaty compare` shows the element as unknown, never as met",
            example: "treaty t {\n  form treaty\n  status in-force\n  duration not-stated\n  party PK guarantor\n  party SA beneficiary\n  provide PK -> SA training\n}\n",
            fix: "find the duration in the text and write it (`duration indefinite`, `duration 10 years`), or keep `not-stated` when the text is silent",
        },
    ],
    assess,
};

/// Six months, in hours (183 days), the threshold for a short-notice exit.
const SHORT_NOTICE_HOURS: u64 = 183 * 24;

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    // A fixed term that renews itself unless a party objects is durable unless
    // denounced: its exit is the withdrawal notice, judged below.
    let renews = treaty
        .renewal
        .as_ref()
        .is_some_and(|r| r.value.mode == RenewalMode::Automatic);
    if let Some(duration) = &treaty.duration {
        if matches!(duration.value, Term::NotStated) {
            findings.push(
                Finding::new(
                    "DURATION_NOT_STATED",
                    duration.span,
                    "the text does not say how long the instrument lasts: its durability is unknown",
                )
                .with_detail("duration not stated"),
            );
        }
        if let (Term::Fixed { period }, false) = (&duration.value, renews) {
            findings.push(
                Finding::new(
                    "FIXED_TERM",
                    duration.span,
                    format!("fixed term: the instrument runs for {period}"),
                )
                .with_detail(format!("fixed term {period}"))
                .with_fix(Fix::replace(
                    duration.span,
                    "let it run without an end date:",
                    "duration indefinite".to_string(),
                )),
            );
        }
    }
    if findings.is_empty() {
        if let Some(review) = treaty
            .reviews
            .iter()
            .find(|r| matches!(r.value, Review::Within { .. }))
        {
            if let Review::Within { period } = review.value {
                findings.push(
                    Finding::new(
                        "FIXED_TERM",
                        review.span,
                        format!("mandatory review within {period}"),
                    )
                    .with_detail(format!("review within {period}"))
                    .with_fix(Fix::remove(
                        review.span,
                        &format!("review within {period}"),
                        ": a review the text requires by a date is an end date in waiting",
                    )),
                );
            }
        }
    }
    if let Some(withdrawal) = &treaty.withdrawal {
        let message = match &withdrawal.value {
            Withdrawal::AnyTime => Some((
                "a party may withdraw at any time".to_string(),
                "exit at any time".to_string(),
            )),
            Withdrawal::Notice { notice, .. } if notice.approx_hours() <= SHORT_NOTICE_HOURS => {
                Some((
                    format!("a party may withdraw on {notice}' notice"),
                    format!(
                        "{notice}{} notice",
                        if notice.value == 1 { "'s" } else { "'" }
                    ),
                ))
            }
            _ => None,
        };
        if let Some((message, detail)) = message {
            findings.push(
                Finding::new("SHORT_NOTICE_EXIT", withdrawal.span, message)
                    .with_detail(detail)
                    .with_fix(super::fix::durable_withdrawal(withdrawal.span)),
            );
        }
    }
    findings
}
