//! Conditions on a guarantee (issue 13): thresholds, classes of attacker and decision
//! procedures, from the text through the model, the gaps, the scenario engine and fmt.

mod common;

use common::{code, repo, stderr, stdout, treaty};
use treaty::analysis::{check, model_of, Settings};
use treaty::diagnostics::Severity;
use treaty::model::{Decider, PartyRef};
use treaty::scenario::engine::{self, Instrument, Run, Status};
use treaty::scenario::{expect, resolve, Reason};
use treaty::source::SourceFile;
use treaty::syntax;
use treaty::vocab::{Threshold, Vote};

fn gaps(text: &str) -> Vec<(&'static str, String)> {
    let report = check(SourceFile::new("t.treaty", text), &Settings::default());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    report.treaties[0]
        .gaps
        .iter()
        .map(|g| (g.code, g.message.clone()))
        .collect()
}

fn gap<'g>(gaps: &'g [(&'static str, String)], code: &str) -> Option<&'g str> {
    gaps.iter()
        .find(|(c, _)| *c == code)
        .map(|(_, m)| m.as_str())
}

fn errors(text: &str) -> Vec<(&'static str, String)> {
    model_of(text)
        .1
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.message))
        .collect()
}

/// A guarantee with the given trigger header and response.
fn guarantee(trigger: &str, response: &str) -> String {
    format!(
        "treaty t {{\n  form treaty\n  status in-force\n  signed 2026-01-01\n  party US \"United States\" guarantor\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russia\" adversary\n  trigger {trigger} {{\n    {response}\n  }}\n}}\n"
    )
}

// ---------------------------------------------------------------- model

#[test]
fn thresholds_classes_and_decisions_reach_the_model() {
    let text = guarantee(
        "armed-attack by any \"European Power\" against UA threshold significant, state-of-war decided-by US after consultation with UA, UK",
        "assist US, UK -> UA with armed-force decided-by \"Organ of Consultation\" two-thirds",
    );
    let (model, diagnostics) = model_of(&text);
    assert!(
        diagnostics.iter().all(|d| d.severity != Severity::Error),
        "{diagnostics:?}"
    );
    let trigger = &model.treaties[0].triggers[0];
    assert_eq!(
        trigger.threshold,
        [Threshold::Significant, Threshold::StateOfWar]
    );
    assert_eq!(
        trigger.by,
        [PartyRef::Class {
            name: "European Power".into()
        }]
    );
    let decision = trigger.decision.as_ref().expect("trigger decision");
    assert_eq!(
        decision.by,
        Decider::Parties {
            parties: vec![PartyRef::Party { code: "US".into() }]
        }
    );
    assert_eq!(decision.consultation.as_ref().map(Vec::len), Some(2));
    let clause = trigger.obligations[0]
        .decision
        .as_ref()
        .expect("clause decision");
    assert_eq!(
        clause.by,
        Decider::Body {
            name: "Organ of Consultation".into()
        }
    );
    assert_eq!(clause.vote, Some(Vote::TwoThirds));
    // The model serialises them (and leaves them out where absent).
    let json = serde_json::to_value(&model).unwrap();
    assert_eq!(
        json["treaties"][0]["triggers"][0]["threshold"][1],
        "state-of-war"
    );
    assert_eq!(json["treaties"][0]["triggers"][0]["by"][0]["kind"], "class");
    assert_eq!(
        json["treaties"][0]["triggers"][0]["obligations"][0]["decision"]["vote"],
        "two-thirds"
    );
    let plain = model_of(&guarantee("armed-attack against UA", "assist US -> UA")).0;
    let json = serde_json::to_value(&plain).unwrap();
    assert!(json["treaties"][0]["triggers"][0]
        .get("threshold")
        .is_none());
    assert!(json["treaties"][0]["triggers"][0].get("decision").is_none());
}

#[test]
fn a_lower_case_decider_that_is_no_party_is_an_organ_and_a_typo_in_a_code_is_e101() {
    let text = guarantee(
        "armed-attack against UA",
        "assist US -> UA decided-by council majority",
    );
    let decision = model_of(&text).0.treaties[0].triggers[0].obligations[0]
        .decision
        .clone()
        .unwrap();
    assert_eq!(
        decision.by,
        Decider::Body {
            name: "council".into()
        }
    );
    let typo = guarantee("armed-attack against UA", "assist US -> UA decided-by UZ");
    assert_eq!(errors(&typo)[0].0, "E101");
}

#[test]
fn unknown_threshold_words_get_a_suggestion() {
    let text = guarantee(
        "armed-attack against UA threshold signficant",
        "assist US -> UA",
    );
    let (model, diagnostics) = model_of(&text);
    let d = diagnostics.iter().find(|d| d.code == "E104").expect("E104");
    assert!(
        d.message.contains("unknown threshold `signficant`"),
        "{}",
        d.message
    );
    assert!(d.help.as_deref().unwrap_or("").contains("`significant`"));
    assert!(model.treaties[0].triggers[0].threshold.is_empty());
}

#[test]
fn e110_for_a_modifier_where_it_has_no_meaning() {
    let header =
        "treaty t {\n  form treaty decided-by US\n  status in-force\n  party US guarantor\n}\n";
    let found = errors(header);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "E110");
    assert!(found[0]
        .1
        .contains("`decided-by` has no meaning on a `form` clause"));
    let party =
        "treaty t {\n  form treaty\n  status in-force\n  party US guarantor decided-by US\n}\n";
    assert_eq!(errors(party)[0].0, "E110");
    let threat = guarantee("threat against UA threshold significant", "consult US, UA");
    assert_eq!(errors(&threat)[0].0, "E110");
    // Where they mean something: no error.
    for fine in [
        guarantee(
            "armed-attack against UA threshold significant",
            "assist US -> UA",
        ),
        guarantee(
            "ceasefire-violation against UA threshold deliberate",
            "consult US, UA",
        ),
        guarantee(
            "armed-attack against UA decided-by US",
            "consult US, UA decided-by US",
        ),
    ] {
        assert!(errors(&fine).is_empty(), "{fine}: {:?}", errors(&fine));
    }
}

// ---------------------------------------------------------------- gaps

#[test]
fn narrow_trigger_names_the_threshold_and_the_class() {
    let found = gaps(&guarantee(
        "armed-attack against UA threshold significant, deliberate, sustained",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&found, "NARROW_TRIGGER"),
        Some("narrow trigger: only a significant, deliberate and sustained armed attack counts")
    );
    let war = gaps(&guarantee(
        "armed-attack threshold state-of-war",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&war, "NARROW_TRIGGER"),
        Some("narrow trigger: only an armed attack that puts the party in a state of war counts")
    );
    let class = gaps(&guarantee(
        "armed-attack by any \"European Power\" against UA",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&class, "NARROW_TRIGGER"),
        Some("narrow trigger: only an attack by a European Power counts")
    );
    // An armed attack by anyone, of any gravity: not narrow.
    let broad = gaps(&guarantee(
        "armed-attack against UA",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(gap(&broad, "NARROW_TRIGGER"), None);
}

#[test]
fn one_party_deciding_is_a_unilateral_determination() {
    let alone = gaps(&guarantee(
        "armed-attack against UA decided-by US",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&alone, "UNILATERAL_DETERMINATION"),
        Some("the response is left to US's own determination")
    );
    let for_all = gaps(&guarantee(
        "armed-attack against UA",
        "assist US, UK -> UA with armed-force forthwith decided-by US",
    ));
    assert_eq!(
        gap(&for_all, "UNILATERAL_DETERMINATION"),
        Some("US alone determines the response for every guarantor (US, UK)")
    );
    let none = gaps(&guarantee(
        "armed-attack against UA",
        "assist US, UK -> UA with armed-force forthwith",
    ));
    assert_eq!(gap(&none, "UNILATERAL_DETERMINATION"), None);
    assert_eq!(gap(&none, "COLLECTIVE_DECISION"), None);
}

#[test]
fn a_vote_or_joint_decision_is_a_collective_decision_and_a_veto_is_a_potential_aggressor() {
    let vote = gaps(&guarantee(
        "armed-attack against UA",
        "assist US, UK -> UA with armed-force forthwith decided-by \"Organ of Consultation\" two-thirds",
    ));
    assert_eq!(
        gap(&vote, "COLLECTIVE_DECISION"),
        Some("the response waits for a two-thirds vote of \"Organ of Consultation\"")
    );
    assert_eq!(gap(&vote, "UNILATERAL_DETERMINATION"), None);
    assert_eq!(gap(&vote, "GUARANTOR_IS_POTENTIAL_AGGRESSOR"), None);
    let joint = gaps(&guarantee(
        "armed-attack against UA decided-by all guarantors",
        "assist US, UK -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&joint, "COLLECTIVE_DECISION"),
        Some("the response waits for a joint decision of all guarantors")
    );
    for veto in ["unanimity", "consensus"] {
        let found = gaps(&guarantee(
            "armed-attack against UA",
            &format!(
                "assist US, UK -> UA with armed-force forthwith decided-by all guarantors {veto}"
            ),
        ));
        let message = gap(&found, "GUARANTOR_IS_POTENTIAL_AGGRESSOR").expect(veto);
        assert!(message.contains(&format!("by {veto}")), "{message}");
        assert_eq!(gap(&found, "COLLECTIVE_DECISION"), None, "{veto}");
    }
}

#[test]
fn a_decision_after_consultation_is_a_consultation_delay() {
    let found = gaps(&guarantee(
        "armed-attack against UA decided-by US after consultation with UA, UK",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&found, "CONSULTATION_DELAY"),
        Some("the response waits for a decision by US after consultation with UA, UK")
    );
    let without = gaps(&guarantee(
        "armed-attack against UA decided-by US",
        "assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(gap(&without, "CONSULTATION_DELAY"), None);
}

// ---------------------------------------------------------------- scenarios

fn run(text: &str, body: &str) -> (Run, Vec<expect::Verdict>) {
    let text = format!("{text}\nscenario s {{\n{body}\n}}\n");
    let parsed = syntax::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut diagnostics = Vec::new();
    let scenario = resolve::scenario(&parsed.file.scenarios[0], &text, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let (model, _) = model_of(&text);
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

fn outcome(text: &str, attributes: &str) -> (bool, Vec<(Reason, String)>) {
    let (run, _) = run(
        text,
        &format!("  event armed-attack by RU against UA at 2027-03-01T06:00Z {attributes}"),
    );
    let ev = &run.evaluations[0];
    (
        ev.fires,
        ev.reasons
            .iter()
            .map(|r| (r.code, r.message.clone()))
            .collect(),
    )
}

const GRAVE: &str = "armed-attack by RU against UA threshold significant, deliberate, sustained";

#[test]
fn a_threshold_fires_only_on_an_event_that_meets_every_word() {
    let text = guarantee(GRAVE, "assist US -> UA with armed-force immediately");
    assert!(outcome(&text, "significant deliberate sustained").0);
    // large-scale implies significant.
    assert!(outcome(&text, "large-scale deliberate sustained").0);
    let (fires, reasons) = outcome(&text, "minor deliberate sustained");
    assert!(!fires);
    assert_eq!(reasons.len(), 1, "{reasons:?}");
    assert_eq!(reasons[0].0, Reason::BelowThreshold);
    assert_eq!(
        reasons[0].1,
        "below threshold: minor, the trigger needs significant"
    );
}

#[test]
fn an_event_that_does_not_say_is_undetermined_with_the_missing_attribute() {
    let text = guarantee(GRAVE, "assist US -> UA with armed-force immediately");
    let (fires, reasons) = outcome(&text, "significant deliberate");
    assert!(!fires);
    assert_eq!(reasons[0].0, Reason::Undetermined);
    assert!(
        reasons[0]
            .1
            .contains("does not say whether it was sustained"),
        "{}",
        reasons[0].1
    );
    let (_, none) = outcome(&text, "");
    assert!(none[0].1.contains("significant, deliberate and sustained"));
    // Without a threshold the attributes do not matter.
    let plain = guarantee("armed-attack by RU against UA", "assist US -> UA");
    assert!(outcome(&plain, "minor accidental").0);
}

#[test]
fn a_minor_incident_does_not_fire_the_guarantee_and_expectations_say_why() {
    let text = guarantee(GRAVE, "assist US -> UA with armed-force immediately");
    let (_, verdicts) = run(
        &text,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z minor\n  expect no assist because below-threshold\n  expect no assist because undetermined",
    );
    assert!(verdicts[0].passed, "{:?}", verdicts[0]);
    assert!(
        !verdicts[1].passed,
        "a minor incident is below, not undetermined"
    );
    let (_, verdicts) = run(
        &text,
        "  event armed-attack by RU against UA at 2027-03-01T06:00Z significant\n  expect no assist because undetermined",
    );
    assert!(verdicts[0].passed, "{:?}", verdicts[0]);
}

#[test]
fn an_attacker_outside_the_named_parties_is_undetermined_for_a_class() {
    let text = guarantee(
        "armed-attack by any \"European Power\" against UA",
        "assist US -> UA with armed-force immediately",
    );
    let (run, _) = run(
        &text,
        "  event armed-attack by DE against UA at 2027-03-01T06:00Z",
    );
    let ev = &run.evaluations[0];
    assert!(!ev.fires);
    assert_eq!(ev.reasons[0].code, Reason::Undetermined);
    assert!(
        ev.reasons[0]
            .message
            .contains("cannot tell whether DE is one"),
        "{}",
        ev.reasons[0].message
    );
}

#[test]
fn a_decided_response_is_pending_until_the_decider_decides() {
    let text = guarantee(
        "armed-attack by RU against UA decided-by US after consultation with UA",
        "assist US -> UA with armed-force within 2 days",
    );
    let attack = "  event armed-attack by RU against UA at 2027-03-01T06:00Z\n";
    // Never decided: pending, never missed, even long after.
    let (run_a, verdicts) = run(
        &text,
        &format!(
            "{attack}  end 2027-04-01T00:00Z\n  expect pending assist US because awaits-decision"
        ),
    );
    assert!(verdicts[0].passed, "{:?}", verdicts[0]);
    let step = run_a.obligations[0]
        .decision
        .as_ref()
        .expect("decision step");
    assert_eq!(step.deciders, ["US"]);
    assert_eq!(
        step.after_consultation_with.as_deref(),
        Some(&["UA".to_string()][..])
    );
    assert_eq!(run_a.obligations[0].due, None);
    // Decided: the two days run from the decision, and are missed.
    let (run_b, _) = run(
        &text,
        &format!("{attack}  event US decides at 2027-03-05T06:00Z\n  end 2027-04-01T00:00Z"),
    );
    let owed = &run_b.obligations[0];
    assert_eq!(
        owed.due.map(|d| d.to_string()).as_deref(),
        Some("2027-03-07T06:00Z")
    );
    assert_eq!(owed.status, Status::Violated);
    assert_eq!(run_b.events[1].decides, [1]);
    // Another party's decision does not count.
    let (run_c, _) = run(
        &text,
        &format!("{attack}  event UK decides at 2027-03-05T06:00Z\n  end 2027-04-01T00:00Z"),
    );
    assert_eq!(run_c.obligations[0].status, Status::Pending);
}

#[test]
fn a_joint_decision_waits_for_every_decider_and_an_organ_decides_as_one() {
    let joint = guarantee(
        "armed-attack by RU against UA decided-by US, UK",
        "assist US, UK -> UA with armed-force immediately",
    );
    let attack = "  event armed-attack by RU against UA at 2027-03-01T06:00Z\n";
    let (one, _) = run(
        &joint,
        &format!("{attack}  event US decides at 2027-03-02T06:00Z"),
    );
    assert_eq!(one.obligations[0].due, None);
    let (both, _) = run(
        &joint,
        &format!("{attack}  event US decides at 2027-03-02T06:00Z\n  event UK decides at 2027-03-03T06:00Z"),
    );
    assert_eq!(
        both.obligations[0].due.map(|d| d.to_string()).as_deref(),
        Some("2027-03-03T06:00Z")
    );
    let organ = guarantee(
        "armed-attack by RU against UA",
        "assist US, UK -> UA with armed-force immediately decided-by \"Organ of Consultation\" two-thirds",
    );
    let (voted, _) = run(
        &organ,
        &format!("{attack}  event organ-of-consultation decides at 2027-03-02T06:00Z"),
    );
    assert!(voted.obligations[0].due.is_some());
}

#[test]
fn simulate_shows_the_decision_step_and_who_takes_it() {
    let output = treaty(
        &[
            "simulate",
            "treaties/scenarios/rio.treaty",
            "--scenario",
            "rio_organ_decides",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("decision step: Organ of Consultation decides by two-thirds"),
        "{text}"
    );
    assert!(
        text.contains("organ-of-consultation decides\n  decides on #"),
        "{text}"
    );
}

#[test]
fn an_unknown_attribute_is_s005_with_a_suggestion() {
    let text =
        "scenario s {\n  event armed-attack by RU against UA at 2027-03-01T06:00Z signficant\n}\n";
    let parsed = syntax::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let mut diagnostics = Vec::new();
    resolve::scenario(&parsed.file.scenarios[0], text, &mut diagnostics);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0].code, "S005");
    assert!(diagnostics[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("`significant`"));
    // Known attributes, opposites included, are fine.
    let fine = "scenario s {\n  event armed-attack at 2027-03-01T06:00Z minor accidental isolated limited short-of-war provoked\n}\n";
    let parsed = syntax::parse(fine);
    let mut diagnostics = Vec::new();
    resolve::scenario(&parsed.file.scenarios[0], fine, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn the_bundled_condition_scenarios_pass() {
    for file in ["saudi-pakistan", "shusha", "rio"] {
        let path = format!("treaties/scenarios/{file}.treaty");
        let output = treaty(&["test", &path], repo());
        assert_eq!(
            code(&output),
            0,
            "{path}: {}{}",
            stdout(&output),
            stderr(&output)
        );
    }
}

// ---------------------------------------------------------------- fmt

#[test]
fn conditions_survive_fmt() {
    let text = guarantee(
        "armed-attack   by any   \"European Power\" against UA threshold significant ,deliberate decided-by US  after consultation with UA",
        "assist US -> UA with armed-force decided-by council   two-thirds",
    );
    let formatted = treaty::fmt::format_text(&text).expect("formats");
    assert!(
        formatted.contains("armed-attack by any \"European Power\" against UA threshold significant, deliberate\n    decided-by US after consultation with UA {"),
        "{formatted}"
    );
    assert!(
        formatted.contains("decided-by council two-thirds"),
        "{formatted}"
    );
    assert_eq!(treaty::fmt::format_text(&formatted).unwrap(), formatted);
    let before = &model_of(&text).0.treaties[0].triggers[0];
    let after = &model_of(&formatted).0.treaties[0].triggers[0];
    assert_eq!(before.threshold, after.threshold);
    assert_eq!(before.by, after.by);
    assert_eq!(
        before.decision.as_ref().map(|d| d.text()),
        after.decision.as_ref().map(|d| d.text())
    );
    assert_eq!(
        before.obligations[0].decision.as_ref().map(|d| d.text()),
        after.obligations[0].decision.as_ref().map(|d| d.text())
    );
}

// ---------------------------------------------------------------- diff

#[test]
fn diff_reports_thresholds_classes_and_decisions() {
    let dir = tempfile::tempdir().unwrap();
    let old = guarantee(
        "armed-attack against UA",
        "assist US -> UA with armed-force forthwith",
    );
    let new = guarantee(
        "armed-attack by any \"European Power\" against UA threshold significant, sustained decided-by US after consultation with UA",
        "assist US -> UA with armed-force forthwith decided-by council two-thirds",
    );
    std::fs::write(dir.path().join("old.treaty"), old).unwrap();
    std::fs::write(dir.path().join("new.treaty"), new).unwrap();
    let output = treaty(
        &["diff", "--format", "json", "old.treaty", "new.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let changes: Vec<(String, String)> = value["treaties"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |kind: &str, text: &str| {
        assert!(
            changes.iter().any(|(k, t)| k == kind && t.contains(text)),
            "expected {kind}: {text} in {changes:#?}"
        );
    };
    has("weakened", "threshold none -> significant and sustained");
    has(
        "weakened",
        "trigger narrowed to an attack by any \"European Power\"",
    );
    has("weakened", "after consultation with UA");
    has("weakened", "decision on assist: none -> council two-thirds");
}

#[test]
fn consulting_parties_are_not_taken_for_the_givers_a_decider_decides_for() {
    let found = gaps(&guarantee(
        "armed-attack against UA decided-by US",
        "consult US, UK, UA immediately\n    assist US -> UA with armed-force forthwith",
    ));
    assert_eq!(
        gap(&found, "UNILATERAL_DETERMINATION"),
        Some("the response is left to US's own determination")
    );
}
