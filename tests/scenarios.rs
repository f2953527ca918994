//! The scenario engine through its public API (triggers, deadlines, terms, fulfilment,
//! expectations), and `treaty simulate` / `treaty test` end to end.

mod common;

use common::{code, repo, stderr, stdout, treaty};
use serde_json::Value;
use treaty::analysis::model_of;
use treaty::scenario::engine::{self, Instrument, Outcome, Run, Status};
use treaty::scenario::{expect, resolve, Reason};
use treaty::syntax;

/// Run the one scenario block of `body` against the treaties written before it.
fn run_with(treaties: &str, body: &str) -> (Run, Vec<expect::Verdict>) {
    let text = format!("{treaties}\nscenario s {{\n{body}\n}}\n");
    let parsed = syntax::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut diagnostics = Vec::new();
    let scenario = resolve::scenario(&parsed.file.scenarios[0], &text, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let (model, diagnostics) = model_of(&text);
    assert!(
        diagnostics
            .iter()
            .all(|d| d.severity != treaty::diagnostics::Severity::Error),
        "{diagnostics:?}"
    );
    let lines = treaty::source::LineIndex::new(&text);
    let instruments: Vec<Instrument<'_>> = model
        .treaties
        .iter()
        .map(|t| Instrument {
            treaty: t,
            file: "t.treaty",
            text: &text,
            lines: &lines,
        })
        .collect();
    let run = engine::run(&scenario, &instruments);
    let verdicts = expect::check(&scenario, &run);
    (run, verdicts)
}

fn run(treaties: &str, body: &str) -> Run {
    run_with(treaties, body).0
}

/// A bilateral agreement like the UK's: ten years from signature, consultation
/// within 24 hours of an attack by RU on UA.
const UK: &str = r#"treaty uk {
  signed 2024-01-12
  form political
  status in-force
  duration 10 years
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  party RU "Russian Federation" adversary
  trigger armed-attack by RU against UA {
    consult UK, UA within 24 hours
    provide UK -> UA security-assistance, military-equipment legal-requirements
    assist UK -> UA with armed-force immediately
  }
}
"#;

fn with_dates(header: &str) -> String {
    format!(
        "treaty t {{\n{header}\n  form treaty\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  trigger armed-attack against UA {{\n    consult UK, UA within 24 hours\n  }}\n}}\n"
    )
}

fn fires_at(treaty: &str, at: &str) -> Result<(), Vec<Reason>> {
    let r = run(treaty, &format!("  event armed-attack against UA at {at}"));
    let ev = &r.evaluations[0];
    if ev.fires {
        Ok(())
    } else {
        Err(ev.reasons.iter().map(|r| r.code).collect())
    }
}

// ---------------------------------------------------------------- deadlines

#[test]
fn consultation_within_24_hours_of_06_00_is_due_the_next_day_at_06_00() {
    let r = run(
        UK,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z",
    );
    assert!(r.evaluations[0].fires);
    let consult = &r.obligations[0];
    assert_eq!(consult.duty, "consult");
    assert_eq!(consult.owed_by, ["UK", "UA"]);
    assert_eq!(consult.due.unwrap().to_string(), "2027-03-02T06:00Z");
    assert_eq!(consult.deadline.as_deref(), Some("within 24 hours"));
}

#[test]
fn immediately_is_due_at_the_event_and_a_utc_offset_is_kept() {
    let r = run(
        UK,
        "  event armed-attack by RU against UA at 2027-03-01T06:00+03:00",
    );
    let assist = r.obligations.iter().find(|o| o.duty == "assist").unwrap();
    assert_eq!(assist.due.unwrap().to_string(), "2027-03-01T06:00+03:00");
    let consult = &r.obligations[0];
    // Shown in the event's zone; the same instant as 03:00 UTC the next day.
    assert_eq!(consult.due.unwrap().to_string(), "2027-03-02T06:00+03:00");
    assert_eq!(consult.due.unwrap().utc, {
        treaty::scenario::Instant::parse("2027-03-02T03:00Z")
            .unwrap()
            .utc
    });
}

// ---------------------------------------------------------------- terms

#[test]
fn an_attack_on_the_last_day_of_the_term_fires_and_the_day_after_does_not() {
    assert_eq!(
        fires_at(UK, "2034-01-11T23:59Z").err(),
        Some(vec![Reason::NotAdversary])
    );
    let t = with_dates("  signed 2024-01-12\n  status in-force\n  duration 10 years");
    assert_eq!(fires_at(&t, "2034-01-11T23:59Z"), Ok(()));
    assert_eq!(fires_at(&t, "2034-01-12T00:00Z"), Err(vec![Reason::Lapsed]));
    let r = run(&t, "  event armed-attack against UA at 2034-01-12T06:00Z");
    let message = &r.evaluations[0].reasons[0].message;
    assert!(message.contains("ended with 2034-01-11"), "{message}");
    assert!(r.obligations.is_empty());
    assert_eq!(
        r.evaluations[0].would_owe,
        ["consult UK, UA within 24 hours"]
    );
}

#[test]
fn a_term_is_counted_from_entry_into_force_when_there_is_one() {
    let t = with_dates(
        "  signed 2024-06-13\n  effective 2024-07-01\n  status in-force\n  duration 1 years",
    );
    assert_eq!(
        fires_at(&t, "2024-06-20T00:00Z"),
        Err(vec![Reason::NotYetInForce])
    );
    assert_eq!(fires_at(&t, "2025-06-30T12:00Z"), Ok(()));
    assert_eq!(fires_at(&t, "2025-07-01T00:00Z"), Err(vec![Reason::Lapsed]));
}

#[test]
fn a_one_year_term_from_a_leap_day_runs_to_the_end_of_february() {
    let t = with_dates("  effective 2024-02-29\n  status in-force\n  duration 1 years");
    assert_eq!(fires_at(&t, "2025-02-28T23:00Z"), Ok(()));
    assert_eq!(fires_at(&t, "2025-03-01T00:30Z"), Err(vec![Reason::Lapsed]));
    let r = run(&t, "  event armed-attack against UA at 2025-03-01T00:30Z");
    assert!(r.treaties[0].standing.contains("to 2025-02-28"));
}

#[test]
fn the_day_of_an_event_is_its_date_where_it_was_written() {
    let t = with_dates("  signed 2024-01-12\n  status in-force\n  duration 10 years");
    // 22:00 UTC on the last day, but already 12 January in Moscow time.
    assert_eq!(
        fires_at(&t, "2034-01-12T01:00+03:00"),
        Err(vec![Reason::Lapsed])
    );
    // 04:00 UTC on 12 January, but still 11 January in Washington.
    assert_eq!(fires_at(&t, "2034-01-11T23:00-05:00"), Ok(()));
}

#[test]
fn unsigned_draft_unratified_and_lapsed_instruments_do_not_fire() {
    let signed = with_dates("  signed 2024-01-12\n  status in-force");
    assert_eq!(
        fires_at(&signed, "2024-01-11T12:00Z"),
        Err(vec![Reason::NotYetSigned])
    );
    let draft = with_dates("  status draft");
    assert_eq!(
        fires_at(&draft, "2027-01-01T00:00Z"),
        Err(vec![Reason::NotInForce])
    );
    let unratified = with_dates("  status signed\n  ratification required");
    assert_eq!(
        fires_at(&unratified, "2027-01-01T00:00Z"),
        Err(vec![Reason::NotInForce])
    );
    let lapsed = with_dates("  status lapsed");
    assert_eq!(
        fires_at(&lapsed, "2027-01-01T00:00Z"),
        Err(vec![Reason::Lapsed])
    );
    // What-if: the same draft, assumed in force.
    let r = run(
        &draft,
        "  assume in-force\n  event armed-attack against UA at 2027-01-01T00:00Z",
    );
    assert!(r.evaluations[0].fires);
    assert!(r.evaluations[0]
        .notes
        .iter()
        .any(|n| n.code == Reason::AssumedInForce));
}

// ---------------------------------------------------------------- who and where

#[test]
fn the_attacker_must_be_the_named_adversary_and_the_victim_covered() {
    let r = run(
        UK,
        "  event armed-attack by BY against UA at 2027-03-01T06:00Z\n  event armed-attack by RU against PL at 2027-03-02T06:00Z\n  event armed-attack against UA at 2027-03-03T06:00Z",
    );
    let reasons: Vec<Vec<Reason>> = r
        .evaluations
        .iter()
        .map(|e| e.reasons.iter().map(|r| r.code).collect())
        .collect();
    assert_eq!(
        reasons,
        [
            vec![Reason::NotAdversary],
            vec![Reason::NotCovered],
            vec![Reason::NotAdversary]
        ]
    );
    assert!(r.evaluations[0].reasons[0].message.contains("BY"));
    assert!(r.evaluations[2].reasons[0]
        .message
        .contains("names no attacker"));
    assert!(r.obligations.is_empty());
}

#[test]
fn a_place_excluded_from_the_scope_does_not_fire() {
    let t = r#"treaty t {
  form treaty
  status in-force
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  trigger armed-attack against UA excluding "Crimea, Sevastopol and certain areas of Donbas" {
    consult UK, UA within 3 days
  }
  trigger armed-attack against UA in UA {
    consult UK, UA within 1 days
  }
}
"#;
    let r = run(
        t,
        "  event armed-attack against UA in \"Sevastopol\" at 2027-03-01T06:00Z\n  event armed-attack against UA in UK at 2027-03-02T06:00Z\n  event armed-attack against UA in \"Kharkiv\" at 2027-03-03T06:00Z",
    );
    let fired: Vec<bool> = r.evaluations.iter().map(|e| e.fires).collect();
    assert_eq!(fired, [false, true, true, false, true, true]);
    assert_eq!(r.evaluations[0].reasons[0].code, Reason::OutOfScope);
    assert_eq!(r.evaluations[3].reasons[0].code, Reason::OutOfScope);
    // A described place the scope does not name is taken to be inside, with a note.
    assert!(r.evaluations[5]
        .notes
        .iter()
        .any(|n| n.code == Reason::PlaceAssumed));
}

#[test]
fn kinds_match_by_meaning() {
    let t = r#"treaty t {
  form treaty
  status in-force
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  trigger threat to territorial-integrity against UA {
    consult UK, UA
  }
  trigger ceasefire-violation against UA {
    report UK to un-security-council immediately
  }
  trigger cyber-attack against UA {
    provide UK -> UA cyber-defence
  }
}
"#;
    let fired = |event: &str| -> Vec<bool> {
        run(
            t,
            &format!("  event {event} against UA at 2027-03-01T06:00Z"),
        )
        .evaluations
        .iter()
        .map(|e| e.fires)
        .collect()
    };
    assert_eq!(
        fired("threat to territorial-integrity"),
        [true, false, false]
    );
    assert_eq!(fired("threat to sovereignty"), [false, false, false]);
    assert_eq!(fired("armed-attack"), [true, false, false]);
    assert_eq!(fired("nuclear-threat"), [true, false, false]);
    assert_eq!(fired("ceasefire-violation"), [false, true, false]);
    assert_eq!(fired("cyber-attack"), [false, false, true]);
    let r = run(t, "  event cyber-attack against UA at 2027-03-01T06:00Z");
    assert_eq!(r.evaluations[0].reasons[0].code, Reason::WrongKind);
    assert!(r.evaluations[0].reasons[0]
        .message
        .contains("a cyber-attack is not among"));
}

// ---------------------------------------------------------------- discretion

#[test]
fn discretionary_qualifiers_fire_but_are_never_violated() {
    let t = r#"treaty t {
  form treaty
  status in-force
  party US "United States" guarantor
  party UA "Ukraine" beneficiary
  trigger armed-attack against UA {
    consult US, UA within 24 hours where-possible at-request
    assist US -> UA with armed-force forthwith as-deemed-necessary
    provide US -> UA weapons reserve-right
  }
}
"#;
    let r = run(
        t,
        "  event armed-attack against UA at 2027-03-01T06:00Z\n  event US consults UA at 2027-03-03T06:00Z\n  end 2027-03-10T00:00Z",
    );
    assert!(r.obligations.iter().all(|o| o.discretionary));
    let statuses: Vec<Status> = r.obligations.iter().map(|o| o.status).collect();
    assert_eq!(
        statuses,
        [
            Status::Fulfilled,
            Status::Discretionary,
            Status::Discretionary
        ]
    );
    assert_eq!(r.obligations[0].shares[0].outcome, Outcome::Acted);
    assert!(r.obligations[0]
        .notes
        .iter()
        .any(|n| n.code == Reason::Conditional && n.message.contains("at-request")));
    assert_eq!(r.summary.violated, 0);
}

#[test]
fn a_hedge_on_the_whole_instrument_makes_every_obligation_discretionary() {
    let t = r#"treaty t {
  form declaration
  status in-force
  qualified-by aspirational
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  trigger armed-attack against UA {
    consult UK, UA immediately
  }
}
"#;
    let r = run(
        t,
        "  event armed-attack against UA at 2027-03-01T06:00Z\n  end 2027-03-10T00:00Z",
    );
    assert!(r.obligations[0].discretionary);
    assert_eq!(r.obligations[0].status, Status::Discretionary);
}

// ---------------------------------------------------------------- fulfilment

#[test]
fn acts_fulfil_on_time_late_or_never() {
    let r = run(
        UK,
        "  event UK consults UA at 2027-02-28T06:00Z
  event armed-attack by RU against UA at 2027-03-01T06:00Z
  event UK consults UA at 2027-03-02T09:00Z
  event UK provides air-defence to UA at 2027-03-02T10:00Z
  end 2027-03-10T00:00Z",
    );
    // The consultation before the attack fulfils nothing.
    assert!(r.events[0].fulfils.is_empty());
    let consult = &r.obligations[0];
    assert_eq!(consult.status, Status::Violated);
    for share in &consult.shares {
        assert_eq!(share.outcome, Outcome::Late);
        assert_eq!(share.late_seconds, Some(3 * 3600));
    }
    let provide = &r.obligations[1];
    assert_eq!(
        provide.status,
        Status::Fulfilled,
        "air-defence is equipment"
    );
    let assist = &r.obligations[2];
    assert_eq!(assist.shares[0].outcome, Outcome::Missed);
    // Overdue from the attack until the log closed.
    assert_eq!(assist.shares[0].late_seconds, Some((8 * 24 + 18) * 3600));
}

#[test]
fn without_an_end_the_log_closes_at_the_last_event_and_open_duties_are_pending() {
    let r = run(
        UK,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z",
    );
    assert_eq!(r.end.unwrap().to_string(), "2027-03-01T06:00Z");
    assert_eq!(r.obligations[0].status, Status::Pending);
    // `immediately` is due at the event itself, which is not yet past.
    assert_eq!(r.obligations[2].status, Status::Pending);
}

#[test]
fn events_are_taken_in_time_order_whatever_the_written_order() {
    let r = run(
        UK,
        "  event UK consults UA at 2027-03-01T12:00Z\n  event armed-attack by RU against UA at 2027-03-01T06:00Z",
    );
    assert_eq!(
        r.events[0].text,
        "armed-attack by RU against UA at 2027-03-01T06:00Z"
    );
    assert_eq!(r.obligations[0].status, Status::Fulfilled);
}

#[test]
fn a_guarantor_that_attacks_is_flagged_and_breaks_its_standing_assurances() {
    let text = std::fs::read_to_string(repo().join("treaties/budapest-1994.treaty")).unwrap();
    let r = run(
        &text,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z",
    );
    let situation = r
        .evaluations
        .iter()
        .find(|e| e.trigger == "situation")
        .unwrap();
    assert!(situation.fires);
    assert!(situation
        .notes
        .iter()
        .any(|n| n.code == Reason::AttackerIsGuarantor && n.message.contains("RU")));
    let nuclear = r
        .evaluations
        .iter()
        .find(|e| e.trigger != "situation")
        .unwrap();
    assert_eq!(nuclear.reasons[0].code, Reason::WrongKind);
    let breached: Vec<&str> = r
        .obligations
        .iter()
        .filter(|o| o.origin == engine::Origin::Standing)
        .map(|o| o.duty)
        .collect();
    assert_eq!(breached, ["respect", "refrain"]);
    assert!(r
        .obligations
        .iter()
        .filter(|o| o.origin == engine::Origin::Standing)
        .all(|o| o.shares.len() == 1 && o.shares[0].party == "RU"));
}

#[test]
fn a_signatory_or_the_beneficiary_that_attacks_is_not_called_a_guarantor() {
    let text = "treaty t {
  form treaty
  status in-force
  party US guarantor
  party UA beneficiary
  party XX signatory
  respect XX sovereignty, borders of UA
  trigger armed-attack against any party {
    consult US, UA, XX within 24 hours
  }
}
";
    for attacker in ["XX", "UA"] {
        let victim = if attacker == "UA" { "XX" } else { "UA" };
        let r = run(
            text,
            &format!("  event armed-attack by {attacker} against {victim} at 2027-03-01T06:00Z"),
        );
        let notes = r
            .evaluations
            .iter()
            .flat_map(|e| e.notes.iter())
            .chain(r.obligations.iter().flat_map(|o| o.notes.iter()));
        let flagged: Vec<_> = notes
            .filter(|n| n.code == Reason::AttackerIsGuarantor)
            .collect();
        assert!(flagged.is_empty(), "{attacker}: {flagged:?}");
    }
}

// ---------------------------------------------------------------- expectations

#[test]
fn expectations_pass_and_fail_with_reasons() {
    let (_, verdicts) = run_with(
        UK,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z
  event UK consults UA at 2027-03-03T09:00Z
  end 2027-03-10T00:00Z
  expect violated consult UK, UA by 2027-03-02T06:00Z late 27 hours
  expect violated consult UK late 26 hours
  expect fulfilled consult UK
  expect consult UK by 2027-03-02T07:00Z
  expect provide UK because discretionary
  expect no provide because lapsed
  expect no armed-force
  expect no seek",
    );
    let passed: Vec<bool> = verdicts.iter().map(|v| v.passed).collect();
    assert_eq!(
        passed,
        [true, false, false, false, true, false, false, true]
    );
    assert!(
        verdicts[1].message.contains("1 day 3 hours"),
        "{}",
        verdicts[1].message
    );
    assert!(
        verdicts[2].message.contains("violated"),
        "{}",
        verdicts[2].message
    );
    assert!(
        verdicts[3].message.contains("2027-03-02T06:00Z"),
        "{}",
        verdicts[3].message
    );
    assert!(
        verdicts[6].message.contains("assist"),
        "{}",
        verdicts[6].message
    );
    let d = verdicts[1].diagnostic();
    assert_eq!(d.code, "S001");
    assert_eq!(d.labels[0].message, "this expectation");
}

#[test]
fn unknown_words_in_expectations_and_assumptions_are_diagnosed() {
    let text = "scenario s {\n  assume peace\n  expect consutl UK\n  expect no consult because lapsd\n  event armed-attack at 2027-03-02T00:00Z\n  end 2027-03-01T00:00Z\n}\n";
    let parsed = syntax::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut diagnostics = Vec::new();
    resolve::scenario(&parsed.file.scenarios[0], text, &mut diagnostics);
    let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(diagnostics.len(), 4, "{messages:?}");
    assert!(diagnostics.iter().all(|d| d.code == "S002"));
    let helps: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert!(helps.contains(&"did you mean `consult`?"), "{helps:?}");
    assert!(helps.contains(&"did you mean `lapsed`?"), "{helps:?}");
    assert!(messages
        .iter()
        .any(|m| m.contains("after the scenario's end")));
}

#[test]
fn the_run_serialises_to_the_documented_shape() {
    let r = run(
        UK,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  event UK consults UA at 2027-03-01T07:00Z",
    );
    let json = serde_json::to_value(treaty::scenario::render::json(&[r])).unwrap();
    assert_eq!(json["version"], 1);
    let run = &json["runs"][0];
    assert_eq!(run["end"], "2027-03-01T07:00Z");
    assert_eq!(run["events"][0]["happening"]["type"], "occurrence");
    assert_eq!(run["events"][0]["happening"]["kind"], "armed-attack");
    assert_eq!(run["events"][1]["fulfils"][0]["obligation"], 1);
    assert_eq!(
        run["evaluations"][0]["obligations"],
        serde_json::json!([1, 2, 3])
    );
    let ev = &run["evaluations"][0];
    assert_eq!(ev["fires"], true);
    assert_eq!(ev["trigger"], "armed-attack by RU against UA");
    let o = &run["obligations"][0];
    for (key, value) in [
        ("id", Value::from(1)),
        ("origin", "trigger".into()),
        ("duty", "consult".into()),
        ("due", "2027-03-02T06:00Z".into()),
        ("status", "fulfilled".into()),
    ] {
        assert_eq!(o[key], value, "{key}");
    }
    assert_eq!(o["shares"][0]["outcome"], "on-time");
    assert_eq!(run["obligations"][1]["notes"][0]["code"], "discretionary");
    assert_eq!(run["summary"]["fired"], 1);
}

// ---------------------------------------------------------------- the binary

#[test]
fn the_bundled_scenarios_pass() {
    let output = treaty(&["test", "treaties/scenarios/"], repo());
    let text = stdout(&output);
    assert_eq!(code(&output), 0, "{text}{}", stderr(&output));
    for name in [
        "uk_consults_late",
        "uk_agreement_lapsed",
        "us_consultation_is_discretionary",
        "istanbul_if_in_force",
        "budapest_guarantor_attacks",
    ] {
        assert!(text.contains(&format!("ok    {name} ")), "{name}: {text}");
    }
    assert!(!text.contains("FAIL"), "{text}");
}

#[test]
fn a_failing_expectation_is_an_s001_at_the_expectation_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let uk = repo().join("treaties/uk-ukraine-2024.treaty");
    std::fs::write(
        dir.path().join("uk-ukraine-2024.treaty"),
        std::fs::read(uk).unwrap(),
    )
    .unwrap();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    // The project root: `../` from `s/` stays inside it.
    std::fs::write(dir.path().join("treaty.toml"), "").unwrap();
    std::fs::write(
        dir.path().join("s/late.treaty"),
        "scenario late {\n  treaty \"../uk-ukraine-2024.treaty\"\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  expect fulfilled consult UK, UA by 2027-03-02T07:00Z\n  expect pending consult UK\n}\n",
    )
    .unwrap();
    let output = treaty(&["test", "s"], dir.path());
    let text = stdout(&output);
    assert_eq!(code(&output), 1, "{text}{}", stderr(&output));
    assert!(
        text.contains("FAIL  late (s/late.treaty): 1 of 2 expectations failed"),
        "{text}"
    );
    assert!(text.contains("S001"), "{text}");
    assert!(text.contains("[s/late.treaty:4:3]"), "{text}");
    assert!(text.contains("is not due 2027-03-02T07:00Z"), "{text}");
    assert!(text.contains("1 passed, 1 failed"), "{text}");
}

#[test]
fn unusable_scenarios_exit_2_with_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.treaty"),
        "scenario a {\n  treaty \"missing.treaty\"\n  event armed-attack by RU at 2027-03-01T06:00Z\n}\n",
    )
    .unwrap();
    let output = treaty(&["test", "a.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    let text = stdout(&output);
    assert!(
        text.contains("S003") && text.contains("cannot read `missing.treaty`"),
        "{text}"
    );

    std::fs::write(
        dir.path().join("a.treaty"),
        "scenario a {\n  event armed-atack by RU at 2027-03-01T06:00Z\n}\n",
    )
    .unwrap();
    let output = treaty(&["test", "a.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).contains("did you mean `armed-attack`?"));

    std::fs::write(
        dir.path().join("a.treaty"),
        "treaty t {\n  form treaty\n  status draft\n}\n",
    )
    .unwrap();
    let output = treaty(&["test", "."], dir.path());
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no `scenario` blocks"));
}

#[test]
fn simulate_prints_a_timeline_from_command_line_events() {
    let output = treaty(
        &[
            "simulate",
            "treaties/uk-ukraine-2024.treaty",
            "--event",
            "armed-attack by RU against UA at 2027-03-01T06:00Z",
            "--event",
            "UK consults UA at 2027-03-02T09:00Z",
        ],
        repo(),
    );
    let text = stdout(&output);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert!(text.contains("due 2027-03-02T06:00Z"), "{text}");
    assert!(
        text.contains("fulfils #1 consult UK, UA within 24 hours for UK, UA, 3 hours late"),
        "{text}"
    );
    assert!(
        text.contains("fires but discretionary (legal-requirements)"),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'));
}

#[test]
fn simulate_json_and_bad_input() {
    let output = treaty(
        &[
            "simulate",
            "--format",
            "json",
            "treaties/uk-ukraine-2024.treaty",
            "--event",
            "armed-attack by RU against UA at 2034-01-12T06:00Z",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ev = &json["runs"][0]["evaluations"][0];
    assert_eq!(ev["fires"], false);
    assert_eq!(ev["reasons"][0]["code"], "lapsed");

    let output = treaty(
        &[
            "simulate",
            "treaties/uk-ukraine-2024.treaty",
            "--event",
            "armed-atack by RU against UA at 2027-03-01T06:00Z",
        ],
        repo(),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("did you mean `armed-attack`?"),
        "{}",
        stderr(&output)
    );

    let output = treaty(
        &[
            "simulate",
            "treaties/uk-ukraine-2024.treaty",
            "--event",
            "armed-attack by RU against UA at 2027-03-01T06:00",
        ],
        repo(),
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no time zone"),
        "{}",
        stderr(&output)
    );

    let output = treaty(&["simulate", "treaties/uk-ukraine-2024.treaty"], repo());
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("no scenario blocks"));
}

#[test]
fn scenario_files_check_and_are_formatted() {
    let output = treaty(&["check", "treaties/scenarios/"], repo());
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("0 errors"));
    let output = treaty(&["fmt", "--check", "treaties/scenarios/"], repo());
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

// ---------------------------------------------------------------- snapshots

fn simulate(file: &str, scenario: &str, format: &str) -> String {
    let output = treaty(
        &["simulate", file, "--scenario", scenario, "--format", format],
        repo(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn timeline_uk_consults_late() {
    insta::assert_snapshot!(simulate(
        "treaties/scenarios/uk-ukraine.treaty",
        "uk_consults_late",
        "human"
    ));
}

#[test]
fn timeline_budapest_guarantor_attacks() {
    insta::assert_snapshot!(simulate(
        "treaties/scenarios/budapest.treaty",
        "budapest_guarantor_attacks",
        "human"
    ));
}

#[test]
fn timeline_istanbul_attack_in_crimea() {
    insta::assert_snapshot!(simulate(
        "treaties/scenarios/istanbul.treaty",
        "istanbul_attack_in_crimea",
        "human"
    ));
}

#[test]
fn json_uk_consults_late() {
    let json: Value = serde_json::from_str(&simulate(
        "treaties/scenarios/uk-ukraine.treaty",
        "uk_consults_late",
        "json",
    ))
    .unwrap();
    insta::assert_json_snapshot!(json);
}

#[test]
fn json_budapest_nuclear_threat() {
    let json: Value = serde_json::from_str(&simulate(
        "treaties/scenarios/budapest.treaty",
        "budapest_nuclear_threat",
        "json",
    ))
    .unwrap();
    insta::assert_json_snapshot!(json);
}

// ---------------------------------------------------------------- robustness

mod properties {
    use super::*;
    use proptest::prelude::*;
    use treaty::syntax::lower_scenario::parse_happening;

    /// Resolve and run every scenario of `text` against its own treaties and check its
    /// expectations; every diagnostic label must lie inside the text.
    fn run_all(text: &str) -> Result<(), TestCaseError> {
        let parsed = syntax::parse(text);
        let (model, _) = model_of(text);
        let lines = treaty::source::LineIndex::new(text);
        let instruments: Vec<Instrument<'_>> = model
            .treaties
            .iter()
            .map(|t| Instrument {
                treaty: t,
                file: "p.treaty",
                text,
                lines: &lines,
            })
            .collect();
        for block in &parsed.file.scenarios {
            let mut diagnostics = Vec::new();
            let scenario = resolve::scenario(block, text, &mut diagnostics);
            for d in &diagnostics {
                for label in &d.labels {
                    prop_assert!(label.span.end <= text.len(), "{d:?}");
                }
            }
            let run = engine::run(&scenario, &instruments);
            let _ = treaty::scenario::render::timeline(&run);
            prop_assert!(serde_json::to_string(&run).is_ok());
            for verdict in expect::check(&scenario, &run) {
                prop_assert!(verdict.span.end <= text.len());
            }
        }
        Ok(())
    }

    fn word() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "armed-attack",
            "threat",
            "to",
            "territorial-integrity",
            "ceasefire-violation",
            "cyber-attack",
            "nuclear-threat",
            "situation",
            "by",
            "against",
            "in",
            "at",
            "RU",
            "UA",
            "UK",
            "PL",
            "\"Crimea\"",
            "consults",
            "provides",
            "air-defence",
            "seeks",
            "assists",
            "with",
            "armed-force",
            "2027-03-01T06:00Z",
            "2034-01-12T01:00+03:00",
            "2024-02-29",
            "2027-03-01T06:00",
            "expect",
            "no",
            "violated",
            "late",
            "24",
            "hours",
            "because",
            "lapsed",
            "consult",
            "event",
            "end",
            "assume",
            "in-force",
            ",",
            "{",
            "}",
            "\n",
        ])
        .prop_map(str::to_string)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn arbitrary_event_text_is_read_or_refused_never_a_panic(text in "\\PC{0,80}") {
            let _ = treaty::scenario::Instant::parse(&text);
            if let Ok(h) = parse_happening(&text) {
                let mut diagnostics = Vec::new();
                let _ = resolve::happening(&h, &text, &mut diagnostics);
            }
        }

        #[test]
        fn scenario_shaped_text_runs_without_panicking(
            lines in prop::collection::vec(prop::collection::vec(word(), 1..10), 0..12)
        ) {
            let body: Vec<String> = lines.iter().map(|l| format!("  {}", l.join(" "))).collect();
            let text = format!("{UK}\nscenario p {{\n{}\n}}\n", body.join("\n"));
            run_all(&text)?;
        }

        #[test]
        fn generated_events_always_run(
            events in prop::collection::vec(
                (
                    prop::sample::select(vec!["armed-attack", "threat to security", "nuclear-threat", "cyber-attack"]),
                    prop::sample::select(vec!["RU", "BY", "UA"]),
                    prop::sample::select(vec!["UA", "PL", "UK"]),
                    2020i32..2040,
                    1u32..13,
                    1u32..29,
                    prop::sample::select(vec!["Z", "+03:00", "-05:00", "+14:00"]),
                ),
                1..6,
            ),
            acts in prop::collection::vec(
                (prop::sample::select(vec!["UK consults UA", "UK provides air-defence to UA", "UK assists UA", "RU seeks action"]), 0i64..200),
                0..5,
            )
        ) {
            let mut body = String::new();
            for (kind, by, against, y, m, d, zone) in &events {
                body.push_str(&format!("  event {kind} by {by} against {against} at {y}-{m:02}-{d:02}T06:00{zone}\n"));
            }
            for (act, hours) in &acts {
                let (_, _, _, y, m, d, _) = &events[0];
                let at = treaty::scenario::Instant::parse(&format!("{y}-{m:02}-{d:02}T06:00Z"))
                    .unwrap()
                    .plus(treaty::model::Period { value: *hours as u32, unit: treaty::model::Unit::Hours });
                body.push_str(&format!("  event {act} at {at}\n"));
            }
            body.push_str("  expect consult UK, UA\n  expect no armed-force because lapsed\n");
            let text = format!("{UK}\nscenario p {{\n{body}}}\n");
            let parsed = syntax::parse(&text);
            prop_assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
            run_all(&text)?;
            // Every fired obligation has a share per party that owes it, and a due time
            // never before the event that set it.
            let (r, _) = run_with(UK, &body);
            for o in &r.obligations {
                prop_assert_eq!(o.shares.len(), o.owed_by.len());
                if let Some(due) = o.due {
                    prop_assert!(due >= r.events[o.event].at);
                }
            }
        }
    }
}
