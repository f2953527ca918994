//! Issue 17, item 1: periods, dates, amounts and sizes over the whole numeric range.
//! Every number the text can hold either resolves to a value whose arithmetic is
//! right (a term ends after it starts, a deadline falls after the event that set it)
//! or is refused with `E105`; nothing panics (the tests run with overflow checks on)
//! and nothing wraps.

mod common;

use common::{code, stderr, treaty};
use proptest::prelude::*;
use treaty::analysis::{check, model_of, Settings};
use treaty::diagnostics::Severity;
use treaty::model::{Date, Period, Unit};
use treaty::scenario::engine::{self, Instrument};
use treaty::scenario::{resolve, Instant};
use treaty::source::SourceFile;
use treaty::syntax;

const UNITS: [&str; 5] = ["hours", "days", "weeks", "months", "years"];

fn treaty_with(clause: &str, deadline: &str) -> String {
    format!(
        "treaty t {{\n  form treaty\n  status in-force\n  signed 2024-01-12\n  {clause}\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russia\" adversary\n  trigger armed-attack by RU against UA {{\n    consult UK, UA within {deadline}\n  }}\n}}\n"
    )
}

fn codes_of(text: &str) -> Vec<String> {
    let report = check(SourceFile::new("n.treaty", text), &Settings::default());
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.to_string())
        .collect()
}

/// The hours a period of `value` `unit` lasts, as the model counts them.
fn hours(value: u64, unit: &str) -> u64 {
    value
        * match unit {
            "hours" => 1,
            "days" => 24,
            "weeks" => 24 * 7,
            _ => 24 * 30,
        }
}

const LIMIT_HOURS: u64 = 10_000 * 365 * 24;

#[test]
fn a_withdrawal_notice_of_715827883_years_is_e105_not_a_panic() {
    // 715827883 * 12 months does not fit a u32: this panicked with overflow checks on.
    let text = treaty_with("withdrawal notice 715827883 years", "24 hours");
    assert_eq!(codes_of(&text), ["E105"]);
}

#[test]
fn durations_and_deadlines_past_the_limit_are_e105() {
    for clause in [
        "duration 4294967295 years",
        "duration 2147483647 years",
        "duration 10001 years",
        "duration 120001 months",
        "duration 3650001 days",
        "review within 4294967295 years",
    ] {
        let text = treaty_with(clause, "24 hours");
        assert_eq!(codes_of(&text), ["E105"], "{clause}");
    }
    let text = treaty_with("duration 10 years", "4294967295 years");
    assert_eq!(codes_of(&text), ["E105"]);
    // The limit itself is accepted.
    let text = treaty_with("duration 10000 years", "24 hours");
    assert!(codes_of(&text).is_empty());
}

#[test]
fn simulate_refuses_a_duration_of_u32_max_years_instead_of_ending_before_it_starts() {
    let dir = tempfile::tempdir().unwrap();
    let text = treaty_with("duration 4294967295 years", "4294967295 years");
    std::fs::write(dir.path().join("t.treaty"), text).unwrap();
    let out = treaty(
        &[
            "simulate",
            "t.treaty",
            "--event",
            "armed-attack by RU against UA at 2025-03-01T06:00Z",
        ],
        dir.path(),
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    assert!(err.contains("E105"), "{err}");
    assert!(err.contains("too long a period"), "{err}");
}

#[test]
fn amounts_that_overflow_are_e105() {
    let digits = "9".repeat(300);
    let text = format!(
        "treaty t {{\n  form treaty\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training GBP {digits} billion\n}}\n"
    );
    assert!(codes_of(&text).contains(&"E105".to_string()));
}

#[test]
fn a_size_range_that_runs_backwards_is_e105() {
    let text = treaty_with(
        "station UK forces in UA size 4294967295 to 1 troops",
        "24 hours",
    );
    let report = check(
        SourceFile::new("n.treaty", text.clone()),
        &Settings::default(),
    );
    let found: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "E105")
        .collect();
    assert_eq!(found.len(), 1, "{:#?}", report.diagnostics);
    assert_eq!(
        found[0].message,
        "the size range `4294967295 to 1` runs backwards"
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("write the smaller number first: `size 1 to 4294967295 troops`")
    );
    let start = text.find("4294967295").unwrap();
    assert_eq!(
        found[0].primary_span().map(|s| (s.start, s.end)),
        Some((start, start + "4294967295 to 1".len()))
    );
    // A range in order, and one of a single size, are fine.
    for size in ["1 to 4294967295", "5 to 5", "18446744073709551615"] {
        let text = treaty_with(
            &format!("station UK forces in UA size {size} troops"),
            "24 hours",
        );
        assert!(!codes_of(&text).contains(&"E105".to_string()), "{size}");
    }
}

#[test]
fn the_largest_file_size_limit_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let text = treaty_with("duration 10 years", "24 hours");
    std::fs::write(dir.path().join("t.treaty"), text).unwrap();
    let out = treaty(
        &[
            "check",
            "--max-file-size",
            &u64::MAX.to_string(),
            "t.treaty",
        ],
        dir.path(),
    );
    assert!(code(&out) < 2, "{}", stderr(&out));
}

/// Run one armed attack against `text`'s treaties in process; the deadline of every
/// obligation it creates, and the treaty's last day, must come after their start.
fn assert_times_are_ordered(text: &str) -> Result<(), TestCaseError> {
    let scenario_text = format!(
        "{text}\nscenario s {{\n  event armed-attack by RU against UA at 2025-03-01T06:00Z\n}}\n"
    );
    let parsed = syntax::parse(&scenario_text);
    let mut diagnostics = Vec::new();
    let scenario = resolve::scenario(&parsed.file.scenarios[0], &scenario_text, &mut diagnostics);
    prop_assert!(diagnostics.is_empty(), "{:?}", diagnostics);
    let (model, _) = model_of(&scenario_text);
    let lines = treaty::source::LineIndex::new(&scenario_text);
    let instruments: Vec<Instrument<'_>> = model
        .treaties
        .iter()
        .map(|t| Instrument {
            treaty: t,
            file: "n.treaty",
            text: &scenario_text,
            lines: &lines,
        })
        .collect();
    let run = engine::run(&scenario, &instruments);
    let attack = Instant::parse("2025-03-01T06:00Z").unwrap();
    for owed in &run.obligations {
        if let Some(due) = owed.due {
            prop_assert!(due >= attack, "due {} before the attack", due);
        }
    }
    for info in &run.treaties {
        if let (Some(from), Some(last)) = (&info.from, &info.last_day) {
            // Years past 9999 have five digits: order by length, then as text.
            prop_assert!(
                !last.starts_with('-') && (from.len(), from) <= (last.len(), last),
                "runs from {} to {}",
                from,
                last
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any count the grammar reads, in any unit, in every clause that takes a period:
    /// E105 exactly when it is past the limit, and the times computed from an accepted
    /// one are in order.
    #[test]
    fn every_period_is_refused_or_computed_in_order(
        value in prop_oneof![0u64..=200_000, any::<u32>().prop_map(u64::from), any::<u64>()],
        unit in 0usize..5,
        place in 0usize..4,
    ) {
        let unit = UNITS[unit];
        let period = format!("{value} {unit}");
        let (clause, deadline) = match place {
            0 => (format!("duration {period}"), "24 hours".to_string()),
            1 => (format!("withdrawal notice {period}"), "24 hours".to_string()),
            2 => ("duration 10 years".to_string(), period.clone()),
            _ => (format!("review within {period}"), "24 hours".to_string()),
        };
        let text = treaty_with(&clause, &deadline);
        let codes = codes_of(&text);
        let too_long = u32::try_from(value).is_err()
            || match unit {
                "months" => value > 120_000,
                "years" => value > 10_000,
                _ => hours(value, unit) > LIMIT_HOURS,
            };
        prop_assert_eq!(codes.contains(&"E105".to_string()), too_long, "{} {:?}", period, codes);
        if !too_long {
            assert_times_are_ordered(&text)?;
        }
    }

    /// Calendar arithmetic over the whole `i64` range of months: never a panic, never
    /// a wrap (adding more never gives an earlier date).
    #[test]
    fn month_arithmetic_is_monotonic_over_the_whole_range(
        year in 0i32..=9999, month in 1u32..=12, day in 1u32..=28,
        a in any::<i64>(), b in any::<i64>(),
    ) {
        let date = Date { year, month, day };
        let (low, high) = (a.min(b), a.max(b));
        prop_assert!(date.add_months(low) <= date.add_months(high));
        if high >= 0 {
            prop_assert!(date.add_months(high) >= date);
        }
        let days = Date::from_days_since_epoch(a);
        prop_assert!(Date::from_days_since_epoch(low) <= Date::from_days_since_epoch(high));
        prop_assert!((1..=12).contains(&days.month) && days.day >= 1);
    }

    /// Instants plus any period the type holds: never a panic, never earlier.
    #[test]
    fn instants_plus_any_period_never_go_back(value in any::<u32>(), unit in 0usize..5) {
        let unit = Unit::parse(UNITS[unit]).unwrap();
        let start = Instant::parse("2025-03-01T06:00+02:00").unwrap();
        let end = start.plus(Period { value, unit });
        prop_assert!(end >= start, "{} + {} {:?} = {}", start, value, unit, end);
        let _ = end.to_string();
        let _ = Period { value, unit }.months();
        let _ = Period { value, unit }.approx_hours();
    }
}
