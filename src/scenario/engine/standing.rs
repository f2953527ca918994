//! Standing: whether a treaty binds on a given day (signed, in force, not lapsed or
//! withdrawn from), when a term ends, and which qualifiers leave a response to a
//! party's discretion. Pure functions of the model and a date.

use super::*;

/// Qualifiers that leave the response to the party's own judgment.
pub fn is_discretionary(kind: QualifierKind) -> bool {
    matches!(
        kind,
        QualifierKind::AsDeemedNecessary
            | QualifierKind::LegalRequirements
            | QualifierKind::ReserveRight
            | QualifierKind::Aspirational
            | QualifierKind::WherePossible
    )
}

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

pub(super) fn start_of(treaty: &Treaty) -> Option<(Date, &'static str)> {
    treaty
        .effective
        .as_ref()
        .map(|d| (d.value, "entry into force"))
        .or_else(|| treaty.signed.as_ref().map(|d| (d.value, "signature")))
}

pub(super) fn previous_day(date: Date) -> Date {
    crate::scenario::time::date_of_day(date.days_since_epoch() - 1)
}

/// Whether the treaty is in force on a day; if not, why.
pub fn standing_at(treaty: &Treaty, day: Date) -> Result<(), Finding> {
    let ratification_pending = treaty
        .ratification
        .as_ref()
        .is_some_and(|r| r.value.state == RatificationState::Required);
    match treaty.status() {
        Some(Status_::Draft) => {
            return Err(Finding::new(
                Reason::NotInForce,
                "never entered into force: its status is draft",
            ))
        }
        Some(Status_::Signed) if ratification_pending => {
            return Err(Finding::new(
                Reason::NotInForce,
                "never entered into force: signed, but its ratification is still required",
            ))
        }
        Some(Status_::Lapsed) => {
            return Err(Finding::new(Reason::Lapsed, "lapsed: its status is lapsed"))
        }
        _ => {}
    }
    if let Some(signed) = &treaty.signed {
        if day < signed.value {
            return Err(Finding::new(
                Reason::NotYetSigned,
                format!("not yet signed: it was signed on {}", signed.value),
            ));
        }
    }
    if let Some(effective) = &treaty.effective {
        if day < effective.value {
            return Err(Finding::new(
                Reason::NotYetInForce,
                format!("not yet in force: it took effect on {}", effective.value),
            ));
        }
    }
    if let (Some(Term::Fixed { period }), Some((start, from))) =
        (treaty.duration.as_ref().map(|d| &d.value), start_of(treaty))
    {
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

use crate::vocab::Status as Status_;

pub(super) fn treaty_info(instrument: &Instrument<'_>, assumed: bool) -> TreatyInfo {
    let treaty = instrument.treaty;
    let from = start_of(treaty).map(|(d, _)| d);
    let last_day = match (treaty.duration.as_ref().map(|d| &d.value), from) {
        (Some(Term::Fixed { period }), Some(start)) => Some(previous_day(term_end(start, *period))),
        _ => None,
    };
    let status = treaty.status().map(|s| s.word());
    let mut standing = match status {
        Some("draft") => "a draft: never in force".to_string(),
        Some("lapsed") => "lapsed".to_string(),
        _ => match (from, last_day) {
            (Some(from), Some(last)) => format!("in force from {from} to {last}"),
            (Some(from), None) => match treaty.duration.as_ref().map(|d| &d.value) {
                Some(Term::Until { .. }) => format!("in force from {from} until an event"),
                _ => format!("in force from {from}, indefinitely"),
            },
            (None, _) => "in force (no date given)".to_string(),
        },
    };
    if assumed {
        standing.push_str("; assumed in force for this scenario");
    }
    TreatyInfo {
        id: treaty.id.to_string(),
        file: instrument.file.to_string(),
        title: treaty.title.as_ref().map(|t| t.value.to_string()),
        status,
        from: from.map(|d| d.to_string()),
        last_day: last_day.map(|d| d.to_string()),
        standing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn terms_end_on_the_anniversary_or_after_a_short_month() {
        let years = |v| Period {
            value: v,
            unit: Unit::Years,
        };
        assert_eq!(term_end(d("2024-01-12"), years(10)), d("2034-01-12"));
        assert_eq!(term_end(d("2024-02-29"), years(1)), d("2025-03-01"));
        assert_eq!(term_end(d("2024-02-29"), years(4)), d("2028-02-29"));
        let month = Period {
            value: 1,
            unit: Unit::Months,
        };
        assert_eq!(term_end(d("2024-03-31"), month), d("2024-05-01"));
        assert_eq!(term_end(d("2024-03-01"), month), d("2024-04-01"));
        let days = Period {
            value: 3,
            unit: Unit::Days,
        };
        assert_eq!(term_end(d("2024-12-30"), days), d("2025-01-02"));
    }
}
