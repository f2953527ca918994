//! The scenario syntax: blocks parse, resolve, and a file of scenarios only is not E004.

use treaty::analysis::model_of;
use treaty::scenario::{resolve, Happening};
use treaty::syntax::{self, lower_scenario::parse_happening};

const SCENARIO: &str = r#"scenario uk_consults_late {
  treaty "../uk-ukraine-2024.treaty"
  event armed-attack by RU against UA in UA at 2027-03-01T08:00+02:00
  event UK consults UA at 2027-03-03T09:00Z
  end 2027-03-10T00:00Z
  expect violated consult UK, UA by 2027-03-02T06:00Z late 27 hours
  expect no armed-force
}
"#;

#[test]
fn a_file_of_scenarios_only_has_no_errors() {
    let (model, diagnostics) = model_of(SCENARIO);
    assert!(model.treaties.is_empty());
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
}

#[test]
fn a_scenario_block_resolves_events_in_their_zones() {
    let parsed = syntax::parse(SCENARIO);
    assert_eq!(parsed.file.scenarios.len(), 1);
    let mut diagnostics = Vec::new();
    let s = resolve::scenario(&parsed.file.scenarios[0], SCENARIO, &mut diagnostics);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(s.name, "uk_consults_late");
    assert_eq!(s.events.len(), 2);
    assert_eq!(s.events[0].at.to_string(), "2027-03-01T08:00+02:00");
    assert_eq!(s.expectations.len(), 2);
    assert!(s.expectations[1].negated);
    assert_eq!(s.expectations[0].parties, vec!["UK", "UA"]);
}

#[test]
fn a_bad_scenario_line_is_one_diagnostic() {
    let text = "scenario s {\n  event armed-attack at yesterday\n  expect no armed-force\n}\n";
    let parsed = syntax::parse(text);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    assert!(parsed.diagnostics[0].message.contains("scenario line"));
    assert_eq!(parsed.file.scenarios[0].items.len(), 1);
}

#[test]
fn command_line_events_parse_or_explain() {
    let h = parse_happening("armed-attack by RU against UA at 2027-03-01T06:00Z").unwrap();
    let mut diagnostics = Vec::new();
    let event = resolve::happening(&h, "x", &mut diagnostics).unwrap();
    match event.happening {
        Happening::Occurrence { by, against, .. } => {
            assert_eq!(by.as_deref(), Some("RU"));
            assert_eq!(against.as_deref(), Some("UA"));
        }
        other => panic!("expected an occurrence, got {other:?}"),
    }
    assert!(parse_happening("RU attacks").is_err());
    let typo = parse_happening("armed-atack by RU at 2027-03-01T06:00Z").unwrap();
    let mut diagnostics = Vec::new();
    assert!(resolve::happening(&typo, "", &mut diagnostics).is_none());
    assert!(diagnostics[0]
        .help
        .as_deref()
        .unwrap_or("")
        .contains("armed-attack"));
}
