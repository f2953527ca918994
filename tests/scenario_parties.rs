//! Party codes in scenarios that only look like a party of the run's treaties (S002,
//! `src/scenario/parties.rs`), through the scenario problems `treaty check` reports.

use std::path::Path;

use treaty::source::SourceFile;

/// A treaty with parties NZ and US, and one scenario over it with `event` and
/// `expect` lines as given: the problems `treaty check` reports for it.
fn problems(lines: &str) -> Vec<treaty::diagnostics::Diagnostic> {
    let text = format!(
        "treaty t {{\n  form treaty\n  status in-force\n  party US guarantor\n  party NZ beneficiary\n  trigger armed-attack against NZ {{\n    assist US -> NZ with armed-force forthwith\n  }}\n}}\n\nscenario s {{\n  treaty t\n{lines}}}\n"
    );
    let source = SourceFile::new("t.treaty", text);
    treaty::scenario::load::scenario_problems(Path::new("t.treaty"), &source)
}

#[test]
fn a_greek_zeta_in_an_expectation_is_named_and_the_code_suggested() {
    let found = problems(
        "  event armed-attack against NZ at 2027-03-01T06:00Z\n  expect no act US, N\u{0396}\n",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d.code, "S002");
    assert_eq!(
        d.message,
        "party `N\u{0396}` is a look-alike of `NZ`, a party of the run's treaties"
    );
    assert_eq!(d.suggestion.as_deref(), Some("NZ"));
    let help = d.help.as_deref().unwrap_or_default();
    assert!(help.contains("GREEK CAPITAL LETTER ZETA"), "{help}");
}

#[test]
fn a_cyrillic_letter_in_an_event_is_caught_too() {
    // `U` and the Cyrillic `Ѕ` (dze) for the declared `US`, as the attacker.
    let found = problems("  event armed-attack by U\u{0405} against NZ at 2027-03-01T06:00Z\n");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].suggestion.as_deref(), Some("US"));
}

#[test]
fn a_state_no_treaty_names_and_an_ascii_near_miss_are_ordinary() {
    // RU attacks (no party of the treaty); NX is one letter from NZ, but two-letter
    // codes a letter apart are usually both real states.
    let found = problems(
        "  event armed-attack by RU against NX at 2027-03-01T06:00Z\n  expect no act US, NX\n",
    );
    assert!(found.is_empty(), "{found:#?}");
}
