//! Standing: whether a treaty binds on a given day (signed, in force, not lapsed or
//! withdrawn from), when a term ends, and which qualifiers leave a response to a
//! party's discretion. Pure functions of the model and a date.

use super::term::{anchor_of, previous_day, renews, term_end, term_standing, time_standing};
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

/// Whether the treaty is in force on a day; if not, why.
pub fn standing_at(treaty: &Treaty, day: Date) -> Result<(), Finding> {
    standing_on(treaty, day, None)
}

/// Whether the treaty is in force on a day, counting an unanchored term from an
/// assumed signature; if not, why.
pub fn standing_on(treaty: &Treaty, day: Date, assumed: Option<Date>) -> Result<(), Finding> {
    if let Some(terminated) = &treaty.terminated {
        if day >= terminated.value {
            return Err(Finding::new(
                Reason::Terminated,
                format!("terminated on {}", terminated.value),
            ));
        }
    }
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
        // A terminated instrument was in force until its termination date.
        Some(Status_::Lapsed) if treaty.terminated.is_none() => {
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
    term_standing(treaty, day, assumed)
}

use crate::vocab::Status as Status_;

pub(super) fn treaty_info(
    instrument: &Instrument<'_>,
    assumed: bool,
    signed: Option<Date>,
) -> TreatyInfo {
    let treaty = instrument.treaty;
    let from = anchor_of(treaty, signed).map(|(d, _)| d);
    let last_day = match (treaty.duration.as_ref().map(|d| &d.value), from) {
        (Some(Term::Fixed { period }), Some(start)) if !renews(treaty) => {
            Some(previous_day(term_end(start, *period)))
        }
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
                Some(Term::Fixed { period }) => {
                    format!("in force from {from}, its {period} term renewing automatically")
                }
                _ => format!("in force from {from}, indefinitely"),
            },
            (None, _) => "in force (no date given)".to_string(),
        },
    };
    time_standing(treaty, assumed, signed, &mut standing);
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
