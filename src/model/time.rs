//! Calendar dates and periods, validated and normalised.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Parse `YYYY-MM-DD`, rejecting impossible dates (2023-02-29, 2024-13-01).
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        };
        let (Ok(year), Ok(month), Ok(day)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
        else {
            return Err(format!("`{text}` is not a date of the form YYYY-MM-DD"));
        };
        if !y.bytes().all(|b| b.is_ascii_digit()) || year > MAX_YEAR {
            return Err(format!(
                "`{text}` is not a date of the form YYYY-MM-DD (years have four digits)"
            ));
        }
        if !(1..=12).contains(&month) {
            return Err(format!(
                "`{text}` has no month {month}: months run from 01 to 12"
            ));
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(format!(
                "`{text}` is not a real date: month {month:02} of {year} has {last} days"
            ));
        }
        Ok(Date { year, month, day })
    }

    /// For a text of the form YYYY-MM-DD whose day or month is out of range
    /// (`2024-02-30`, `2024-04-00`, `2024-13-05`), the real dates on either side of
    /// it: the last one before and the first one after. `None` when the text is not of
    /// that form, or is already a real date.
    pub fn nearest_valid(text: &str) -> Option<(Date, Date)> {
        let parts: Vec<&str> = text.split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return None;
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !(all_digits(y) && y.len() == 4 && all_digits(m) && all_digits(d)) {
            return None;
        }
        let (year, month, day) = (
            y.parse::<i32>().ok()?,
            m.parse::<u32>().ok()?,
            d.parse::<u32>().ok()?,
        );
        let clamp_day = |year: i32, month: u32| day.clamp(1, days_in_month(year, month));
        let real = |year: i32, month: u32, day: u32| {
            (1..=MAX_YEAR)
                .contains(&year)
                .then_some(Date { year, month, day })
        };
        if month == 0 {
            // Before January: December of the year before, or January.
            return Some((
                real(year - 1, 12, clamp_day(year - 1, 12))?,
                real(year, 1, clamp_day(year, 1))?,
            ));
        }
        if month > 12 {
            return Some((
                real(year, 12, clamp_day(year, 12))?,
                real(year + 1, 1, clamp_day(year + 1, 1))?,
            ));
        }
        let last = days_in_month(year, month);
        if day == 0 {
            let before = Date {
                year,
                month,
                day: 1,
            }
            .days_since_epoch()
                - 1;
            return Some((Date::from_days_since_epoch(before), real(year, month, 1)?));
        }
        if day > last {
            let after = Date {
                year,
                month,
                day: last,
            }
            .days_since_epoch()
                + 1;
            let after = Date::from_days_since_epoch(after);
            return Some((
                real(year, month, last)?,
                real(after.year, after.month, after.day)?,
            ));
        }
        None
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for ordering and arithmetic.
    pub fn days_since_epoch(self) -> i64 {
        // In i64: `i32::MIN - 1` would overflow.
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The date of a day number (days since 1970-01-01), the inverse of
    /// [`Date::days_since_epoch`].
    /// Day numbers beyond the years an `i32` holds are clamped to the first or last day
    /// of that range, so the arithmetic never overflows or wraps.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let days = days.clamp(MIN_DAY, MAX_DAY);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        match i32::try_from(year) {
            Ok(year) => Date { year, month, day },
            Err(_) if year < 0 => Date::MIN,
            Err(_) => Date::MAX,
        }
    }

    /// The earliest and latest dates the type holds; arithmetic saturates at them.
    pub const MIN: Date = Date {
        year: i32::MIN,
        month: 1,
        day: 1,
    };
    pub const MAX: Date = Date {
        year: i32::MAX,
        month: 12,
        day: 31,
    };

    /// Today's date in UTC, from the system clock.
    pub fn today() -> Date {
        let seconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Date::from_days_since_epoch(seconds.div_euclid(86_400))
    }

    /// This date plus whole calendar months, clamping to the month's last day
    /// (2024-01-31 + 1 month = 2024-02-29).
    /// Past the years an `i32` holds, the result saturates at [`Date::MIN`] or
    /// [`Date::MAX`] instead of wrapping; the model never gets that far, since periods
    /// are limited to [`MAX_PERIOD_YEARS`] and dates to four-digit years.
    pub fn add_months(self, months: i64) -> Date {
        let total = (self.year as i64 * 12 + (self.month as i64 - 1)).saturating_add(months);
        let Ok(year) = i32::try_from(total.div_euclid(12)) else {
            return if months < 0 { Date::MIN } else { Date::MAX };
        };
        let month = (total.rem_euclid(12) + 1) as u32;
        let day = self.day.min(days_in_month(year, month));
        Date { year, month, day }
    }
}

/// Day numbers of [`Date::MIN`] and [`Date::MAX`] (checked by a test).
const MIN_DAY: i64 = -784_353_015_833;
const MAX_DAY: i64 = 784_351_576_776;

/// The longest period the model accepts, in years (or the same length in other units,
/// counted as [`Period::approx_hours`] does). Longer ones are `E105`: no treaty runs
/// that long, and every date computed from a period then stays far inside the range
/// of the calendar arithmetic.
pub const MAX_PERIOD_YEARS: u64 = 10_000;

/// The latest year a date may have: dates are written with four digits.
pub const MAX_YEAR: i32 = 9999;

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    pub fn parse(word: &str) -> Option<Unit> {
        Some(match word {
            "hour" | "hours" | "h" => Unit::Hours,
            "day" | "days" => Unit::Days,
            "week" | "weeks" => Unit::Weeks,
            "month" | "months" => Unit::Months,
            "year" | "years" => Unit::Years,
            _ => return None,
        })
    }

    pub const WORDS: &'static [&'static str] = &["hours", "days", "weeks", "months", "years"];
}

/// A length of time as written (`24 hours`, `10 years`), with normalised views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    pub value: u32,
    pub unit: Unit,
}

impl Period {
    /// Exact length in hours for hours, days and weeks; calendar units are counted
    /// as 30-day months and 365-day years (use [`Period::months`] for exact arithmetic).
    /// Cannot overflow: a `u32` count of years is under 2^46 hours.
    pub fn approx_hours(self) -> u64 {
        let v = self.value as u64;
        match self.unit {
            Unit::Hours => v,
            Unit::Days => v * 24,
            Unit::Weeks => v * 24 * 7,
            Unit::Months => v * 24 * 30,
            Unit::Years => v * 24 * 365,
        }
    }

    /// Whole calendar months, for months and years (in `u64`: `u32` years times 12
    /// does not fit a `u32`).
    pub fn months(self) -> Option<u64> {
        let value = u64::from(self.value);
        match self.unit {
            Unit::Months => Some(value),
            Unit::Years => Some(value * 12),
            _ => None,
        }
    }

    /// Whether the period is within [`MAX_PERIOD_YEARS`], the longest the model accepts.
    /// Months and years are counted exactly (120,000 months), hours, days and weeks
    /// against 10,000 years of 365 days.
    pub fn is_within_limit(self) -> bool {
        match self.months() {
            Some(months) => months <= MAX_PERIOD_YEARS * 12,
            None => self.approx_hours() <= MAX_PERIOD_YEARS * 365 * 24,
        }
    }

    pub fn is_zero(self) -> bool {
        self.value == 0
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.value == 1) {
            (Unit::Hours, true) => "hour",
            (Unit::Hours, false) => "hours",
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::Years, true) => "year",
            (Unit::Years, false) => "years",
        };
        write!(f, "{} {}", self.value, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated_against_the_calendar() {
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2023-02-29").unwrap_err().contains("28 days"));
        assert!(Date::parse("2024-13-01")
            .unwrap_err()
            .contains("no month 13"));
        assert!(Date::parse("1900-02-29").is_err());
        assert!(Date::parse("2000-02-29").is_ok());
    }

    #[test]
    fn impossible_dates_have_real_neighbours() {
        let pair = |text: &str| {
            Date::nearest_valid(text).map(|(before, after)| format!("{before} {after}"))
        };
        assert_eq!(pair("2024-02-30").as_deref(), Some("2024-02-29 2024-03-01"));
        assert_eq!(pair("2023-02-29").as_deref(), Some("2023-02-28 2023-03-01"));
        assert_eq!(pair("2024-12-32").as_deref(), Some("2024-12-31 2025-01-01"));
        assert_eq!(pair("2024-03-00").as_deref(), Some("2024-02-29 2024-03-01"));
        assert_eq!(pair("2024-13-05").as_deref(), Some("2024-12-05 2025-01-05"));
        assert_eq!(pair("2024-00-31").as_deref(), Some("2023-12-31 2024-01-31"));
        // Real dates and texts that are not dates at all have no neighbours to offer.
        assert_eq!(pair("2024-02-29"), None);
        assert_eq!(pair("24-02-30"), None);
        assert_eq!(pair("2024-02"), None);
        assert_eq!(pair("9999-12-32"), None);
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_782, 20_000, 2_932_896] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
    }

    #[test]
    fn day_numbers_order_dates() {
        let a = Date::parse("1949-04-04").unwrap();
        let b = Date::parse("1949-08-24").unwrap();
        assert_eq!(b.days_since_epoch() - a.days_since_epoch(), 142);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let d = Date::parse("2024-01-31").unwrap();
        assert_eq!(d.add_months(1).to_string(), "2024-02-29");
        assert_eq!(
            Date::parse("2024-01-12")
                .unwrap()
                .add_months(120)
                .to_string(),
            "2034-01-12"
        );
    }

    #[test]
    fn the_day_range_matches_the_saturating_dates() {
        assert_eq!(Date::MIN.days_since_epoch(), MIN_DAY);
        assert_eq!(Date::MAX.days_since_epoch(), MAX_DAY);
        assert_eq!(Date::from_days_since_epoch(i64::MAX), Date::MAX);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), Date::MIN);
        assert_eq!(Date::from_days_since_epoch(MAX_DAY), Date::MAX);
        assert_eq!(Date::from_days_since_epoch(MIN_DAY), Date::MIN);
    }

    #[test]
    fn month_arithmetic_saturates_instead_of_wrapping() {
        let d = Date::parse("2024-01-12").unwrap();
        assert_eq!(d.add_months(i64::MAX), Date::MAX);
        assert_eq!(d.add_months(i64::MIN), Date::MIN);
        assert_eq!(d.add_months(u32::MAX as i64 * 12).year, i32::MAX);
        assert!(Date::parse("99999-01-01").is_err());
        assert!(Date::parse("+999-01-01").is_err());
    }

    #[test]
    fn periods_normalise() {
        let p = Period {
            value: 3,
            unit: Unit::Days,
        };
        assert_eq!(p.approx_hours(), 72);
        assert_eq!(
            Period {
                value: 10,
                unit: Unit::Years
            }
            .months(),
            Some(120)
        );
        assert_eq!(p.to_string(), "3 days");
    }
}
