//! Time in the language (issue 13, section A): activation, `effective on`, forfeiture
//! (`void if`), suspension, automatic snap-back, `proposed`, `terminated`,
//! `duration not-stated`, automatic renewal, unanchored terms. Each behaviour through
//! the model, the gap rules and lints, the scenario engine, fmt and the keyword table
//! the editor reads.

mod common;

use common::{code, stderr, stdout, treaty};
use treaty::analysis::{check, model_of, Settings};
use treaty::diagnostics::Severity;
use treaty::rules::gaps::{standings, Gap, Standing};
use treaty::scenario::engine::{self, Instrument, Run, Status};
use treaty::scenario::{expect, render, resolve, Reason};
use treaty::source::SourceFile;
use treaty::syntax;

const HEAD: &str = "  form treaty\n  status in-force\n  signed 2024-01-12\n  party US \"United States of America\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russian Federation\" adversary\n";
const TRIGGER: &str = "  trigger armed-attack by RU against UA {\n    assist US -> UA with armed-force immediately\n  }\n";

fn treaty_text(extra: &str) -> String {
    format!("treaty t {{\n{HEAD}{extra}{TRIGGER}}}\n")
}

fn gaps(text: &str) -> Vec<Gap> {
    let report = check(SourceFile::new("t.treaty", text), &Settings::default());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    report.treaties[0].gaps.clone()
}

fn codes(text: &str) -> Vec<String> {
    let report = check(SourceFile::new("t.treaty", text), &Settings::default());
    report
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .chain(report.treaties[0].gaps.iter().map(|g| g.code.to_string()))
        .collect()
}

fn gap<'g>(gaps: &'g [Gap], code: &str) -> &'g Gap {
    gaps.iter()
        .find(|g| g.code == code)
        .unwrap_or_else(|| panic!("no {code} in {gaps:?}"))
}

/// Run the scenario `body` against the treaties in `treaties`; the expectations too.
fn run_with(treaties: &str, body: &str) -> (Run, Vec<expect::Verdict>) {
    let text = format!("{treaties}\nscenario s {{\n{body}\n}}\n");
    let parsed = syntax::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut diagnostics = Vec::new();
    let scenario = resolve::scenario(&parsed.file.scenarios[0], &text, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let (model, diagnostics) = model_of(&text);
    assert!(
        diagnostics.iter().all(|d| d.severity != Severity::Error),
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

fn assert_expectations_pass(treaties: &str, body: &str) {
    let (_, verdicts) = run_with(treaties, body);
    let failed: Vec<_> = verdicts.iter().filter(|v| !v.passed).collect();
    assert!(!verdicts.is_empty() && failed.is_empty(), "{failed:?}");
}

#[test]
fn a_guarantee_activated_by_a_ceasefire_does_not_fire_before_it() {
    let t = treaty_text("  activation on ceasefire-in-force\n");
    let before = run(
        &t,
        "  event armed-attack by RU against UA at 2026-02-01T06:00Z",
    );
    assert!(!before.evaluations[0].fires);
    assert_eq!(before.evaluations[0].reasons[0].code, Reason::NotYetActive);
    let timeline = render::timeline(&before);
    assert!(
        timeline.contains("not yet active: waits for ceasefire-in-force"),
        "{timeline}"
    );
    let after = run(
        &t,
        "  event ceasefire-in-force at 2026-01-01T00:00Z\n  event armed-attack by RU against UA at 2026-02-01T06:00Z",
    );
    assert!(after.evaluations[0].fires, "{:?}", after.evaluations[0]);
    assert!(render::timeline(&after).contains("active from now on"));
    let g = gaps(&t);
    assert!(gap(&g, "NOT_YET_ACTIVE")
        .message
        .contains("takes effect only once `ceasefire-in-force` has happened"));
}

#[test]
fn effective_on_an_event_is_activation() {
    let t = treaty_text("  effective on ceasefire-in-force\n");
    let (model, diagnostics) = model_of(&t);
    assert!(diagnostics.iter().all(|d| d.severity != Severity::Error));
    assert!(model.treaties[0].activation.is_some());
    assert!(codes(&t).contains(&"NOT_YET_ACTIVE".to_string()));
}

#[test]
fn a_guarantee_void_if_the_beneficiary_attacks_first_stops_firing() {
    let t = treaty_text("  void if armed-attack by UA against RU unprovoked\n");
    let r = run(
        &t,
        "  event armed-attack by UA against RU at 2026-05-01T06:00Z\n  event armed-attack by RU against UA at 2026-06-01T06:00Z",
    );
    let last = r.evaluations.last().unwrap();
    assert!(!last.fires);
    assert_eq!(last.reasons[0].code, Reason::Void);
    let timeline = render::timeline(&r);
    assert!(
        timeline.contains("void since 2026-05-01T06:00Z"),
        "{timeline}"
    );
    assert!(timeline.contains("void from now on"), "{timeline}");
    // Without the first attack it fires.
    let r = run(
        &t,
        "  event armed-attack by RU against UA at 2026-06-01T06:00Z",
    );
    assert!(r.evaluations[0].fires);
    let g = gaps(&t);
    let finding = gap(&g, "CONDITIONALITY_ON_BENEFICIARY");
    assert!(
        finding
            .message
            .contains("void if UA, whom it protects, attacks RU unprovoked"),
        "{}",
        finding.message
    );
    assert!(!finding.message.contains("reforms"));
}

#[test]
fn a_void_condition_on_someone_else_is_a_conditional_commitment() {
    let t = treaty_text("  void if ceasefire-collapse\n");
    let g = gaps(&t);
    assert!(gap(&g, "CONDITIONAL_COMMITMENT")
        .message
        .contains("void if ceasefire-collapse"));
    assert!(!g.iter().any(|g| g.code == "CONDITIONALITY_ON_BENEFICIARY"));
    let r = run(
        &t,
        "  event ceasefire-collapse at 2026-05-01T00:00Z\n  event armed-attack by RU against UA at 2026-06-01T06:00Z",
    );
    assert!(!r.evaluations[0].fires);
}

#[test]
fn a_void_condition_with_an_unknown_kind_gets_a_suggestion() {
    let t = treaty_text("  void if armed-atack by UA against RU\n");
    let (_, diagnostics) = model_of(&t);
    let d = diagnostics.iter().find(|d| d.code == "E104").expect("E104");
    assert!(format!("{:?}", d.help).contains("armed-attack"));
}

const ANZUS: &str = "treaty a {\n  form treaty\n  status in-force\n  signed 1951-09-01\n  members AU, NZ, US\n  suspend US -> NZ from 1986-08-11\n  trigger armed-attack against any member {\n    act each member\n  }\n}\n";

#[test]
fn obligations_suspended_between_two_parties_while_the_treaty_stays_in_force() {
    let g = gaps(ANZUS);
    assert!(gap(&g, "PARTLY_SUSPENDED")
        .message
        .contains("obligations of US to NZ are suspended since 1986-08-11"));
    assert!(!g.iter().any(|g| g.code == "NOT_IN_FORCE"));
    let r = run(
        ANZUS,
        "  event armed-attack against NZ at 1990-01-01T00:00Z",
    );
    assert!(r.evaluations[0].fires);
    let owed = &r.obligations[0];
    assert_eq!(owed.owed_by, vec!["AU".to_string()]);
    assert!(owed
        .notes
        .iter()
        .any(|n| n.code == Reason::Suspended
            && n.message.contains("between US and NZ since 1986-08-11")));
    // Before the suspension, and towards Australia after it, the US still owes.
    let r = run(
        ANZUS,
        "  event armed-attack against NZ at 1985-01-01T00:00Z",
    );
    assert!(r.obligations[0].owed_by.contains(&"US".to_string()));
    let r = run(
        ANZUS,
        "  event armed-attack against AU at 1990-01-01T00:00Z",
    );
    assert!(r.obligations[0].owed_by.contains(&"US".to_string()));
    assert_expectations_pass(
        ANZUS,
        "  event armed-attack against NZ at 1990-01-01T00:00Z\n  expect act AU, NZ because suspended\n  expect no act US",
    );
}

#[test]
fn automatic_snap_back_needs_no_giver() {
    let t = format!(
        "treaty t {{\n{HEAD}  trigger armed-attack by RU against UA {{\n    reinstate sanctions against RU automatically\n  }}\n}}\n"
    );
    let r = run(
        &t,
        "  event armed-attack by RU against UA at 2026-06-01T06:00Z",
    );
    let owed = &r.obligations[0];
    assert!(owed.owed_by.is_empty());
    assert_eq!(owed.status, Status::Fulfilled);
    assert!(owed.notes.iter().any(|n| n.code == Reason::Automatic
        && n.message
            .contains("sanctions against RU reinstated automatically at 2026-06-01T06:00Z")));
    // A standing snap-back waits for its event.
    let standing = format!(
        "treaty t {{\n{HEAD}  reinstate sanctions against RU automatically on ceasefire-violation(RU)\n}}\n"
    );
    let r = run(
        &standing,
        "  event ceasefire-violation(RU) at 2026-06-01T06:00Z\n  expect fulfilled reinstate RU because automatic",
    );
    assert_eq!(r.obligations.len(), 1);
    assert_expectations_pass(
        &standing,
        "  event ceasefire-violation(RU) at 2026-06-01T06:00Z\n  expect fulfilled reinstate RU because automatic",
    );
    // Not content for the tier: with only a snap-back the treaty is not hard.
    let report = check(SourceFile::new("t.treaty", standing), &Settings::default());
    assert_ne!(report.treaties[0].tier.tier, treaty::rules::Tier::Hard);
}

const DRAFT: &str = "treaty d {\n  form treaty\n  status draft\n  proposed 2025-11-20\n  duration 10 years\n  party US guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA {\n    assist US -> UA with armed-force immediately\n  }\n}\n";

#[test]
fn a_drafts_proposed_date_anchors_its_term() {
    assert!(!codes(DRAFT).contains(&"L017".to_string()));
    let r = run(
        DRAFT,
        "  assume in-force\n  event armed-attack by RU against UA at 2036-01-01T00:00Z",
    );
    assert_eq!(r.evaluations[0].reasons[0].code, Reason::Lapsed);
    let r = run(
        DRAFT,
        "  assume in-force\n  event armed-attack by RU against UA at 2035-11-19T00:00Z",
    );
    assert!(r.evaluations[0].fires);
}

#[test]
fn a_terminated_treaty_says_so_and_fires_nothing_after() {
    let t = "treaty t {\n  form treaty\n  status lapsed\n  signed 1954-12-02\n  terminated 1980-01-01\n  members US, TW\n  trigger armed-attack against any member {\n    act each member\n  }\n}\n";
    let g = gaps(t);
    assert!(gap(&g, "NOT_IN_FORCE")
        .message
        .contains("terminated on 1980-01-01"));
    let before = run(t, "  event armed-attack against TW at 1979-06-01T00:00Z");
    assert!(before.evaluations[0].fires);
    let after = run(t, "  event armed-attack against TW at 1980-01-01T00:00Z");
    assert_eq!(after.evaluations[0].reasons[0].code, Reason::Terminated);
    assert!(render::timeline(&after).contains("terminated on 1980-01-01"));
    // A terminated date on a treaty still marked in force is a contradiction.
    let contradictory = t.replace("status lapsed", "status in-force");
    assert!(codes(&contradictory).contains(&"L018".to_string()));
    assert!(!codes(t).contains(&"L018".to_string()));
}

#[test]
fn a_duration_not_stated_is_unknown_never_met() {
    let t = treaty_text("  duration not-stated\n");
    let g = gaps(&t);
    gap(&g, "DURATION_NOT_STATED");
    let durability = standings(&g)
        .into_iter()
        .find(|s| s.element == "durability")
        .unwrap();
    assert_eq!(durability.standing, Standing::Unknown);
    assert_eq!(durability.standing.as_str(), "unknown");
    let indefinite = gaps(&treaty_text("  duration indefinite\n"));
    let durability = standings(&indefinite)
        .into_iter()
        .find(|s| s.element == "durability")
        .unwrap();
    assert_eq!(durability.standing, Standing::Met);
}

#[test]
fn automatic_renewal_is_not_a_fixed_term() {
    let fixed = treaty_text("  duration 20 years\n");
    assert!(codes(&fixed).contains(&"FIXED_TERM".to_string()));
    let renewing = treaty_text("  duration 20 years\n  renewal automatic every 10 years\n");
    assert!(!codes(&renewing).contains(&"FIXED_TERM".to_string()));
    // Nor does it run out in a run.
    let r = run(
        &renewing,
        "  event armed-attack by RU against UA at 2050-01-01T00:00Z",
    );
    assert!(r.evaluations[0].fires);
    let by_agreement = treaty_text("  duration 20 years\n  renewal by-agreement\n");
    assert!(codes(&by_agreement).contains(&"FIXED_TERM".to_string()));
}

const UNDATED: &str = "treaty u {\n  form treaty\n  status draft\n  duration 10 years\n  party US guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA {\n    assist US -> UA with armed-force immediately\n  }\n}\n";

#[test]
fn an_unanchored_fixed_term_is_a_lint_and_assume_signed_anchors_it() {
    assert!(codes(UNDATED).contains(&"L017".to_string()));
    let r = run(
        UNDATED,
        "  assume in-force\n  assume signed 2026-01-01\n  event armed-attack by RU against UA at 2036-01-01T00:00Z",
    );
    assert_eq!(r.evaluations[0].reasons[0].code, Reason::Lapsed);
    assert!(r.evaluations[0].reasons[0]
        .message
        .contains("counted from the assumed signature on 2026-01-01"));
}

#[test]
fn simulate_assume_signed_on_the_command_line_anchors_the_term() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("u.treaty"), UNDATED).unwrap();
    let args = [
        "simulate",
        "u.treaty",
        "--assume-in-force",
        "--event",
        "armed-attack by RU against UA at 2036-06-01T00:00Z",
    ];
    let unchecked = treaty(&args, dir.path());
    assert_eq!(code(&unchecked), 0, "{}", stderr(&unchecked));
    assert!(stdout(&unchecked).contains("was not checked"));
    let mut anchored = args.to_vec();
    anchored.extend(["--assume-signed", "2026-01-01"]);
    let anchored = treaty(&anchored, dir.path());
    assert_eq!(code(&anchored), 0, "{}", stderr(&anchored));
    assert!(
        stdout(&anchored).contains("lapsed"),
        "{}",
        stdout(&anchored)
    );
    let bad = treaty(
        &[&args[..], &["--assume-signed", "2026-02-30"]].concat(),
        dir.path(),
    );
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("--assume-signed"));
}

#[test]
fn assume_in_force_on_an_unanchored_term_warns_instead_of_firing_silently() {
    let r = run(
        UNDATED,
        "  assume in-force\n  event armed-attack by RU against UA at 2046-06-01T00:00Z",
    );
    assert!(r.evaluations[0].fires);
    assert!(r.evaluations[0]
        .notes
        .iter()
        .any(|n| n.code == Reason::TermUnchecked));
    assert!(r.treaties[0].standing.contains("warning"));
    assert_expectations_pass(
        UNDATED,
        "  assume in-force\n  event armed-attack by RU against UA at 2046-06-01T00:00Z\n  expect assist US because term-unchecked",
    );
}

#[test]
fn a_clause_from_a_date_is_not_owed_before_it() {
    let t = format!(
        "treaty t {{\n{HEAD}  trigger armed-attack by RU against UA {{\n    consult US, UA within 24 hours from 2027-01-01\n    assist US -> UA with armed-force immediately\n  }}\n}}\n"
    );
    let r = run(
        &t,
        "  event armed-attack by RU against UA at 2026-06-01T06:00Z",
    );
    assert!(r.evaluations[0].fires);
    assert_eq!(r.obligations.len(), 1, "{:?}", r.obligations);
    assert!(r.evaluations[0]
        .notes
        .iter()
        .any(|n| n.code == Reason::NotYetActive && n.message.contains("from 2027-01-01")));
    let r = run(
        &t,
        "  event armed-attack by RU against UA at 2027-06-01T06:00Z",
    );
    assert_eq!(r.obligations.len(), 2);
    // A trigger from an event waits for it.
    let t = t.replace(
        "trigger armed-attack by RU against UA {",
        "trigger armed-attack by RU against UA from ratification-complete {",
    );
    let r = run(
        &t,
        "  event armed-attack by RU against UA at 2027-06-01T06:00Z",
    );
    assert!(!r.evaluations[0].fires);
}

#[test]
fn an_unknown_named_event_is_s004_with_a_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}\nscenario s {{\n  event ceasefire-in-forse at 2026-01-01T00:00Z\n}}\n",
        treaty_text("  activation on ceasefire-in-force\n")
    );
    std::fs::write(dir.path().join("s.treaty"), text).unwrap();
    let out = treaty(&["test", "s.treaty"], dir.path());
    let all = format!("{}{}", stdout(&out), stderr(&out));
    assert!(all.contains("S004"), "{all}");
    assert!(all.contains("did you mean `ceasefire-in-force`?"), "{all}");
    assert_ne!(code(&out), 0);
}

#[test]
fn the_time_clauses_format_and_keep_their_words() {
    let messy = "treaty   t {\n form treaty\n status draft\n  proposed   2025-11-20\n terminated 2030-01-01\n duration   not-stated\n activation on  ceasefire-in-force\n void if armed-attack by UA  against RU unprovoked\n  party US guarantor\n party UA beneficiary\n party RU adversary\n  suspend US ->  UA from 2027-01-01 until 2028-01-01\n trigger armed-attack by RU against UA   from 2026-01-01 {\n  reinstate sanctions against  RU automatically\n  consult US, UA from ceasefire-in-force\n }\n}\n";
    let tidy = treaty::fmt::format_text(messy).expect("formats");
    assert!(
        tidy.contains("  void if armed-attack by UA against RU unprovoked\n"),
        "{tidy}"
    );
    assert!(
        tidy.contains("  suspend US -> UA from 2027-01-01 until 2028-01-01\n"),
        "{tidy}"
    );
    assert!(
        tidy.contains("    reinstate sanctions against RU automatically\n"),
        "{tidy}"
    );
    assert_eq!(treaty::fmt::format_text(&tidy).unwrap(), tidy);
    // Every clause reached the model: nothing was silently dropped.
    let (model, _) = model_of(&tidy);
    let t = &model.treaties[0];
    assert!(t.proposed.is_some() && t.terminated.is_some() && t.activation.is_some());
    assert_eq!((t.voids.len(), t.suspensions.len()), (1, 1));
    assert!(t.triggers[0].from.is_some());
    assert!(t.triggers[0].obligations[1].from.is_some());
}

#[test]
fn the_editor_knows_the_new_keywords() {
    for word in [
        "activation",
        "proposed",
        "terminated",
        "void",
        "suspend",
        "reinstate",
    ] {
        let keyword = treaty::syntax::keywords::find(word)
            .unwrap_or_else(|| panic!("`{word}` is not in the keyword table"));
        assert!(!keyword.meaning.is_empty());
        assert!(keyword.example.starts_with(word));
    }
}

#[test]
fn the_forfeiture_scenarios_pass() {
    // Activation, forfeiture, snap-back and terms on an illustrative draft; kept out of
    // `treaties/` so that the bundled comparison holds real instruments only.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/time");
    let out = treaty(&["test", "forfeiture.treaty"], &dir);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("6 scenarios, 8 expectations: 8 passed"),
        "{}",
        stdout(&out)
    );
}
