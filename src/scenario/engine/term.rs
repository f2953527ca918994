//! A treaty's term in a run: what it is counted from (its own dates, or a signature the
//! scenario assumes), whether it has run out, and a warning when nothing anchors it.
//! A term that renews itself (`renewal automatic`) does not run out.

use super::*;
use crate::model::time::days_in_month;

/// The day a fixed term ends (exclusive): the anniversary of its start, or, where the
/// anniversary does not exist (29 February, 31st of a shorter month), the day after
/// the end of that month. Hours, days and weeks are counted exactly.
pub fn term_end(start: Date, period: Period) -> Date {
    let day = start.days_since_epoch();
    let v = i64::from(period.value);
    match period.unit {
        Unit::Hours => crate::scenario::time::date_of_day(day + (v + 23) / 24),
        Unit::Days => crate::scenario::time::date_of_day(day + v),
        Unit::Weeks => crate::scenario::time::date_of_day(day + 7 * v),
        Unit::Months | Unit::Years => {
            let months = if period.unit == Unit::Years {
                v * 12
            } else {
                v
            };
            let anniversary = start.add_months(months);
            if anniversary.day == start.day {
                anniversary
            } else {
                // Clamped: the period runs to the end of that month.
                let last = days_in_month(anniversary.year, anniversary.month);
                crate::scenario::time::date_of_day(
                    Date {
                        day: last,
                        ..anniversary
                    }
                    .days_since_epoch()
                        + 1,
                )
            }
        }
    }
}

pub(super) fn previous_day(date: Date) -> Date {
    crate::scenario::time::date_of_day(date.days_since_epoch() - 1)
}

/// Whether the term renews itself unless a party denounces it.
pub(super) fn renews(treaty: &Treaty) -> bool {
    treaty
        .renewal
        .as_ref()
        .is_some_and(|r| r.value.mode == RenewalMode::Automatic)
}

/// The day a term is counted from: the treaty's own anchor, else an assumed signature.
pub(super) fn anchor_of(treaty: &Treaty, assumed: Option<Date>) -> Option<(Date, &'static str)> {
    treaty
        .anchor()
        .or_else(|| assumed.map(|d| (d, "the assumed signature")))
}

/// Only the term, as `assume in-force` still checks it: a fixed term that can be
/// counted runs out.
pub fn term_standing(treaty: &Treaty, day: Date, assumed: Option<Date>) -> Result<(), Finding> {
    if renews(treaty) {
        return Ok(());
    }
    if let (Some(Term::Fixed { period }), Some((start, from))) = (
        treaty.duration.as_ref().map(|d| &d.value),
        anchor_of(treaty, assumed),
    ) {
        let end = term_end(start, *period);
        if day >= end {
            return Err(Finding::new(
                Reason::Lapsed,
                format!(
                    "lapsed: its {period} term, counted from {from} on {start}, ended with {}",
                    previous_day(end)
                ),
            ));
        }
    }
    Ok(())
}

/// A note for a fixed term the run cannot count: nothing anchors it.
pub(super) fn unchecked_term(treaty: &Treaty, assumed: Option<Date>) -> Option<Finding> {
    let Some(Term::Fixed { period }) = treaty.duration.as_ref().map(|d| &d.value) else {
        return None;
    };
    (!renews(treaty) && anchor_of(treaty, assumed).is_none()).then(|| {
        Finding::new(
            Reason::TermUnchecked,
            format!("its term of {period} was not checked: no date to count it from (give `assume signed DATE` or `--assume-signed DATE`)"),
        )
    })
}

/// The time clauses' part of a treaty's standing sentence.
pub(super) fn time_standing(
    treaty: &Treaty,
    assumed: bool,
    signed: Option<Date>,
    standing: &mut String,
) {
    if let Some(terminated) = &treaty.terminated {
        *standing = format!("terminated on {}", terminated.value);
    }
    if let Some(activation) = &treaty.activation {
        standing.push_str(&format!(
            "; active only once {}",
            crate::model::terms::event_text(&activation.value)
        ));
    }
    if assumed {
        standing.push_str("; assumed in force for this scenario");
    }
    if let Some(note) = unchecked_term(treaty, signed) {
        standing.push_str(&format!("; warning: {}", note.message));
    }
}
