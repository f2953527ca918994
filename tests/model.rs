//! The semantic model: names resolved with suggestions, dates validated, periods and
//! amounts normalised, and the whole model serialisable.

use treaty::analysis::model_of;
use treaty::model::{Deadline, Duty, Model, Period, Term, Unit};

fn diagnostics_of(text: &str) -> Vec<(String, String, Option<String>)> {
    model_of(text)
        .1
        .into_iter()
        .map(|d| (d.code.to_string(), d.message, d.help.map(String::from)))
        .collect()
}

const HEAD: &str = "treaty t {\n  form treaty\n  status signed\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n";

#[test]
fn an_unknown_party_suggests_the_closest_declared_one() {
    let found = diagnostics_of(&format!("{HEAD}  provide UK -> UAA training\n}}\n"));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "E101");
    assert_eq!(found[0].1, "unknown party `UAA`");
    assert_eq!(found[0].2.as_deref(), Some("did you mean `UA`?"));
}

#[test]
fn an_unknown_word_suggests_from_its_vocabulary() {
    let found = diagnostics_of(&format!(
        "{HEAD}  provide UK -> UA air-defense, trainning\n}}\n"
    ));
    // `air-defense` is an accepted spelling; `trainning` is not.
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "unknown kind of assistance `trainning`");
    assert_eq!(found[0].2.as_deref(), Some("did you mean `training`?"));
}

#[test]
fn duplicates_and_missing_fields() {
    let found = diagnostics_of("treaty t {\n  form treaty\n  form political\n  party A \"A\" guarantor\n  party A \"A again\" beneficiary\n}\n");
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, ["E102", "E106", "E107"], "{found:?}");
    assert!(found[2].1.contains("no `status` clause"));
}

#[test]
fn two_treaties_with_one_name() {
    let found = diagnostics_of("treaty a {\n  form treaty\n  status signed\n}\ntreaty a {\n  form treaty\n  status signed\n}\n");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].0, "E108");
}

#[test]
fn impossible_dates_are_errors() {
    for (date, expected) in [
        ("2023-02-29", "month 02 of 2023 has 28 days"),
        ("2024-13-01", "no month 13"),
        ("2024-04-31", "month 04 of 2024 has 30 days"),
    ] {
        let found = diagnostics_of(&format!("{HEAD}  signed {date}\n}}\n"));
        assert_eq!(found.len(), 1, "{date}");
        assert_eq!(found[0].0, "E103");
        assert!(found[0].1.contains(expected), "{date}: {}", found[0].1);
    }
    assert!(diagnostics_of(&format!("{HEAD}  signed 2024-02-29\n}}\n")).is_empty());
}

#[test]
fn periods_deadlines_and_amounts_are_normalised() {
    let text = format!(
        "{HEAD}  duration 10 years\n  provide UK -> UA military-aid GBP 2.5 billion per year\n  trigger armed-attack against UA {{\n    consult UK, UA within 1 day\n  }}\n}}\n"
    );
    let (model, diagnostics) = model_of(&text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let treaty = &model.treaties[0];
    let Term::Fixed { period } = treaty.duration.as_ref().unwrap().value.clone() else {
        panic!("fixed term")
    };
    assert_eq!(
        period,
        Period {
            value: 10,
            unit: Unit::Years
        }
    );
    assert_eq!(period.months(), Some(120));
    let Duty::Provide { amount, .. } = &treaty.obligations[0].duty else {
        panic!()
    };
    let amount = amount.as_ref().unwrap();
    assert_eq!(amount.value, 2.5e9);
    assert_eq!(amount.currency, "GBP");
    let Duty::Consult {
        deadline: Some(Deadline::Within { period }),
    } = &treaty.triggers[0].obligations[0].duty
    else {
        panic!()
    };
    assert_eq!(period.approx_hours(), 24);
}

#[test]
fn members_declare_a_collective_pact() {
    let (model, diagnostics) = model_of("treaty t {\n  form treaty\n  status signed\n  party US \"United States\" member\n  members US, KR\n}\n");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let treaty = &model.treaties[0];
    assert!(treaty.is_collective());
    assert_eq!(
        treaty.party("US").unwrap().name.as_deref(),
        Some("United States")
    );
    assert_eq!(treaty.party("KR").unwrap().name, None);
}

#[test]
fn the_model_round_trips_through_json() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/treaties/north-atlantic-1949.treaty"
    ))
    .unwrap();
    let (model, diagnostics) = model_of(&text);
    assert!(diagnostics.is_empty());
    let json = serde_json::to_string(&model).unwrap();
    let back: Model = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
    assert!(json.contains("\"kind\":\"assist\""));
    assert!(json.contains("\"as-deemed-necessary\""));
}
