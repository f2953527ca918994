//! Instants with a UTC offset, and exact calendar arithmetic on them.
//!
//! An instant is stored as seconds since 1970-01-01T00:00Z plus the offset it was written
//! in, so a due time is shown in the zone of the event that set it. Hours, days and weeks
//! are added as exact lengths; months and years are added on the local calendar, with the
//! day clamped to the end of a shorter month (31 January + 1 month = 28 or 29 February).

use serde::{Serialize, Serializer};
use std::cmp::Ordering;
use std::fmt;

use crate::model::time::days_in_month;
use crate::model::{Date, Period, Unit};

#[derive(Debug, Clone, Copy)]
pub struct Instant {
    /// Seconds since 1970-01-01T00:00Z.
    pub utc: i64,
    /// The UTC offset it was written in, in minutes (`+02:00` = 120).
    pub offset_minutes: i32,
}

impl PartialEq for Instant {
    fn eq(&self, other: &Self) -> bool {
        self.utc == other.utc
    }
}
impl Eq for Instant {}
impl PartialOrd for Instant {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Instant {
    fn cmp(&self, other: &Self) -> Ordering {
        self.utc.cmp(&other.utc)
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_string())
    }
}

const DAY: i64 = 86_400;

/// The calendar date of a day number (days since 1970-01-01), proleptic Gregorian.
pub fn date_of_day(days: i64) -> Date {
    Date::from_days_since_epoch(days)
}

impl Instant {
    /// Midnight UTC at the start of a date.
    pub fn start_of(date: Date) -> Instant {
        Instant {
            utc: date.days_since_epoch() * DAY,
            offset_minutes: 0,
        }
    }

    /// Parse `2027-03-01T06:00Z`, `2027-03-01T08:00:30+02:00`, `2027-03-01T08:00+0200`
    /// or a bare date `2027-03-01` (midnight UTC).
    pub fn parse(text: &str) -> Result<Instant, String> {
        let (date_text, rest) = match text.split_once('T') {
            Some((d, r)) => (d, Some(r)),
            None => (text, None),
        };
        // A time is a date with an optional clock: say so when the date part is wrong,
        // not only that a date was expected.
        let date = Date::parse(date_text).map_err(|error| {
            if error.contains("is not a date of the form") {
                format!(
                    "`{text}` is not a time: write a date (YYYY-MM-DD) or a date and time such as 2027-03-01T06:00Z"
                )
            } else {
                error
            }
        })?;
        let Some(rest) = rest else {
            return Ok(Instant::start_of(date));
        };
        let (clock, offset_minutes) = if let Some(clock) = rest.strip_suffix('Z') {
            (clock, 0)
        } else if let Some(i) = rest.rfind(['+', '-']) {
            let (clock, zone) = rest.split_at(i);
            let sign = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(|c| *c != ':').collect();
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{zone}` is not a UTC offset such as +02:00"));
            }
            let (h, m) = digits.split_at(2);
            let (Ok(h), Ok(m)) = (h.parse::<i32>(), m.parse::<i32>()) else {
                return Err(format!("`{zone}` is not a UTC offset such as +02:00"));
            };
            if h > 14 || m > 59 {
                return Err(format!(
                    "`{zone}` is not a UTC offset: offsets run from -14:00 to +14:00"
                ));
            }
            (clock, sign * (h * 60 + m))
        } else {
            return Err(format!(
                "`{text}` has no time zone: add `Z` for UTC or an offset such as `+02:00`"
            ));
        };
        let parts: Vec<&str> = clock.split(':').collect();
        let numbers: Vec<i64> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if numbers.len() != parts.len() || !(2..=3).contains(&numbers.len()) {
            return Err(format!("`{text}` does not have a time of the form HH:MM"));
        }
        let (h, m, s) = (numbers[0], numbers[1], numbers.get(2).copied().unwrap_or(0));
        if h > 23 || m > 59 || s > 59 {
            return Err(format!("`{clock}` is not a time of day"));
        }
        let local = date.days_since_epoch() * DAY + h * 3600 + m * 60 + s;
        Ok(Instant {
            utc: local - i64::from(offset_minutes) * 60,
            offset_minutes,
        })
    }

    fn local_seconds(self) -> i64 {
        self.utc + i64::from(self.offset_minutes) * 60
    }

    /// The local calendar date.
    pub fn local_date(self) -> Date {
        date_of_day(self.local_seconds().div_euclid(DAY))
    }

    /// This instant plus a period: exact for hours, days and weeks; on the local
    /// calendar, clamped to the month's end, for months and years.
    pub fn plus(self, period: Period) -> Instant {
        let v = i64::from(period.value);
        let seconds = match period.unit {
            Unit::Hours => v * 3600,
            Unit::Days => v * DAY,
            Unit::Weeks => v * 7 * DAY,
            Unit::Months | Unit::Years => {
                let months = if period.unit == Unit::Years {
                    v * 12
                } else {
                    v
                };
                let local = self.local_seconds();
                let time_of_day = local.rem_euclid(DAY);
                let date = self.local_date().add_months(months);
                let new_local = date.days_since_epoch() * DAY + time_of_day;
                return Instant {
                    utc: new_local - i64::from(self.offset_minutes) * 60,
                    offset_minutes: self.offset_minutes,
                };
            }
        };
        Instant {
            utc: self.utc.saturating_add(seconds),
            offset_minutes: self.offset_minutes,
        }
    }

    /// The same instant shown in another instant's zone.
    pub fn in_zone_of(self, other: Instant) -> Instant {
        Instant {
            utc: self.utc,
            offset_minutes: other.offset_minutes,
        }
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let local = self.local_seconds();
        let date = date_of_day(local.div_euclid(DAY));
        let secs = local.rem_euclid(DAY);
        let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
        write!(f, "{date}T{h:02}:{m:02}")?;
        if s != 0 {
            write!(f, ":{s:02}")?;
        }
        if self.offset_minutes == 0 {
            f.write_str("Z")
        } else {
            let sign = if self.offset_minutes < 0 { '-' } else { '+' };
            let o = self.offset_minutes.abs();
            write!(f, "{sign}{:02}:{:02}", o / 60, o % 60)
        }
    }
}

/// A length of time in words: `1 day 3 hours`, `45 minutes`, `0 minutes`.
pub fn describe_seconds(seconds: i64) -> String {
    let seconds = seconds.abs();
    let (d, h, m) = (seconds / DAY, seconds % DAY / 3600, seconds % 3600 / 60);
    let plural = |n: i64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(plural(d, "day"));
    }
    if h > 0 {
        parts.push(plural(h, "hour"));
    }
    if m > 0 || parts.is_empty() {
        parts.push(plural(m, "minute"));
    }
    parts.join(" ")
}

/// The exact length of a period in seconds, where it has one (not months or years).
pub fn exact_seconds(period: Period) -> Option<i64> {
    let v = i64::from(period.value);
    match period.unit {
        Unit::Hours => Some(v * 3600),
        Unit::Days => Some(v * DAY),
        Unit::Weeks => Some(v * 7 * DAY),
        Unit::Months | Unit::Years => None,
    }
}

/// Whether a date is the last of its month (used by tests of clamping).
pub fn is_month_end(date: Date) -> bool {
    date.day == days_in_month(date.year, date.month)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        Instant::parse(text).unwrap()
    }

    fn p(value: u32, unit: Unit) -> Period {
        Period { value, unit }
    }

    #[test]
    fn parses_and_prints_in_the_written_zone() {
        assert_eq!(at("2027-03-01T06:00Z").to_string(), "2027-03-01T06:00Z");
        assert_eq!(at("2027-03-01T08:00+02:00"), at("2027-03-01T06:00Z"));
        assert_eq!(
            at("2027-03-01T08:00+02:00").to_string(),
            "2027-03-01T08:00+02:00"
        );
        assert_eq!(
            at("2027-03-01T00:30-05:30").to_string(),
            "2027-03-01T00:30-05:30"
        );
        assert_eq!(at("2027-03-01").to_string(), "2027-03-01T00:00Z");
        assert!(Instant::parse("2027-03-01T06:00")
            .unwrap_err()
            .contains("no time zone"));
        assert!(Instant::parse("2027-02-29T06:00Z")
            .unwrap_err()
            .contains("28 days"));
        assert!(Instant::parse("2027-03-01T25:00Z").is_err());
    }

    #[test]
    fn odd_text_is_an_error_not_a_panic() {
        for text in [
            "2027-03-01T06:00+1é",
            "2027-03-01T06:00+é",
            "2027-03-01T06:00+",
            "2027-03-01T06:00+2",
            "2027-03-01T06:00+02:00:00",
            "2027-03-01Té",
            "é-03-01",
            "",
            "T",
            "2027-03-01T06:00-",
            "2027-03-01T:Z",
        ] {
            assert!(Instant::parse(text).is_err(), "{text}");
        }
        assert_eq!(
            at("2027-03-01T06:00+0200").to_string(),
            "2027-03-01T06:00+02:00"
        );
    }

    #[test]
    fn day_numbers_round_trip() {
        for text in [
            "1970-01-01",
            "2024-02-29",
            "2000-03-01",
            "1949-04-04",
            "2100-12-31",
        ] {
            let d = Date::parse(text).unwrap();
            assert_eq!(date_of_day(d.days_since_epoch()), d);
        }
    }

    #[test]
    fn hours_cross_midnight_month_and_leap_day() {
        assert_eq!(
            at("2027-03-01T06:00Z").plus(p(24, Unit::Hours)).to_string(),
            "2027-03-02T06:00Z"
        );
        assert_eq!(
            at("2028-02-28T12:00Z").plus(p(24, Unit::Hours)).to_string(),
            "2028-02-29T12:00Z"
        );
        assert_eq!(
            at("2027-02-28T12:00Z").plus(p(24, Unit::Hours)).to_string(),
            "2027-03-01T12:00Z"
        );
        assert_eq!(
            at("2027-12-31T23:30+02:00")
                .plus(p(3, Unit::Days))
                .to_string(),
            "2028-01-03T23:30+02:00"
        );
    }

    #[test]
    fn months_and_years_clamp_to_month_end() {
        assert_eq!(
            at("2027-01-31T10:00+02:00")
                .plus(p(1, Unit::Months))
                .to_string(),
            "2027-02-28T10:00+02:00"
        );
        assert_eq!(
            at("2028-01-31T10:00Z").plus(p(1, Unit::Months)).to_string(),
            "2028-02-29T10:00Z"
        );
        assert_eq!(
            at("2028-02-29T00:00Z").plus(p(1, Unit::Years)).to_string(),
            "2029-02-28T00:00Z"
        );
        assert_eq!(
            at("2024-01-12T00:00Z").plus(p(10, Unit::Years)).to_string(),
            "2034-01-12T00:00Z"
        );
        assert!(is_month_end(
            at("2028-01-31T10:00Z")
                .plus(p(1, Unit::Months))
                .local_date()
        ));
        // Calendar arithmetic happens in local time: 23:00 at -05:00 on 31 January is
        // already 1 February in UTC, yet one month later is 28 February locally.
        assert_eq!(
            at("2027-01-31T23:00-05:00")
                .plus(p(1, Unit::Months))
                .to_string(),
            "2027-02-28T23:00-05:00"
        );
    }

    #[test]
    fn durations_read_in_words() {
        assert_eq!(describe_seconds(27 * 3600), "1 day 3 hours");
        assert_eq!(describe_seconds(90 * 60), "1 hour 30 minutes");
        assert_eq!(describe_seconds(0), "0 minutes");
    }
}
