//! A negative case for every gap element and lint: each rule's catalogue example
//! (`src/rules/registry.rs`, `docs/rules.md`) triggers it, and the same example with the
//! element met (the edits below, which follow the rule's "how to fix it") gives no
//! finding of that rule and no error. The table must name every gap and lint rule of the
//! registry, so a new rule without a negative case fails here.

use std::collections::BTreeSet;

use treaty::analysis::{check, Settings};
use treaty::diagnostics::Severity;
use treaty::model::Date;
use treaty::rules::registry::{self, RuleInfo};
use treaty::source::SourceFile;

/// Rule name -> the (find, replace) edits, applied in order to its example, once each,
/// that make the example meet the element.
const FIXED: &[(&str, &[(&str, &str)])] = &[
    (
        "not-binding",
        &[("form political", "form treaty\n  ratification completed")],
    ),
    (
        "binding-status-contested",
        &[("form executive", "form treaty")],
    ),
    (
        "not-ratified",
        &[("ratification none source \"enters into force on signature\"", "ratification completed")],
    ),
    (
        "not-international",
        &[("form statute", "form treaty")],
    ),
    (
        "not-in-force",
        &[("status draft", "status in-force")],
    ),
    (
        "not-yet-active",
        &[("  activation on ceasefire-in-force\n", "")],
    ),
    (
        "partly-suspended",
        &[("  suspend US -> NZ from 1986-08-11\n", "")],
    ),
    (
        "one-sided",
        &[("  party UK guarantor\n  party UA beneficiary\n", "  members UK, UA\n"), ("against UA", "against any member"), ("assist UK -> UA with armed-force forthwith", "assist each member -> attacked with armed-force forthwith")],
    ),
    (
        "asymmetric-scope",
        &[(" in administered-territory of JP", "")],
    ),
    (
        "no-trigger",
        &[("  provide UK -> UA military-aid [air-defence], training\n", "  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n")],
    ),
    (
        "narrow-trigger",
        &[("by RU ", "")],
    ),
    (
        "geographic-exclusion",
        &[(" excluding \"Crimea\"", "")],
    ),
    (
        "no-attack-on-all",
        &[("against any member {\n", "against any member {\n    indivisible\n")],
    ),
    (
        "no-mutual-defence",
        &[("provide UK -> UA military-aid, training", "assist UK -> UA with armed-force forthwith")],
    ),
    (
        "consult-only",
        &[("consult UK, UA within 24 hours", "consult UK, UA within 24 hours\n    assist UK -> UA with armed-force forthwith")],
    ),
    (
        "common-danger-formula",
        &[("act each member source \"would act to meet the common danger\"", "assist each member -> attacked with armed-force forthwith")],
    ),
    (
        "right-not-obligation",
        &[("\n      reserve-right \"reserves the right to take action\"", "")],
    ),
    (
        "no-armed-force",
        &[("military-equipment, economic-assistance", "armed-force")],
    ),
    (
        "armed-force-opt-out",
        &[("\n      armed-force-opt-out \"the use of armed force is subject to each party's consent\"", "")],
    ),
    (
        "not-immediate",
        &[("within 30 days", "forthwith")],
    ),
    (
        "consultation-delay",
        &[("after consultation", "forthwith")],
    ),
    (
        "no-consultation",
        &[("  trigger armed-attack", "  trigger threat to territorial-integrity against UA {\n    consult all parties\n  }\n  trigger armed-attack")],
    ),
    (
        "no-consultation-deadline",
        &[("consult UK, UA\n", "consult UK, UA within 24 hours\n")],
    ),
    (
        "constitutional-qualifier-in-operative-clause",
        &[("\n      constitutional-processes \"in accordance with its constitutional processes\"", "")],
    ),
    (
        "conditional-on-request",
        &[("\n      at-request \"at the request of Ukraine\"", "")],
    ),
    (
        "unsc-dependent",
        &[("seek US, UK action by un-security-council for UA immediately", "assist US -> UA with armed-force forthwith")],
    ),
    (
        "funding-conditional",
        &[("USD 10 billion per year\n    subject-to-funding \"subject to appropriations by Congress\"", "USD 10 billion per year until 2027-12-31")],
    ),
    (
        "conditionality-on-beneficiary",
        &[("\n    conditional-on-reforms \"anti-corruption reforms\"", "")],
    ),
    (
        "neutrality-carveout",
        &[("\n      neutrality-carveout \"without prejudice to the neutrality of certain parties\"", "")],
    ),
    (
        "intent-only",
        &[("\n    aspirational \"intends to continue its support\"", "")],
    ),
    (
        "conditional-commitment",
        &[("\n      conditional-on \"the signature of a peace agreement\"", "")],
    ),
    (
        "qualified-deadline",
        &[("\n      where-possible", "")],
    ),
    (
        "unilateral-determination",
        &[(" decided-by US", "")],
    ),
    (
        "collective-decision",
        &[("\n      decided-by \"Organ of Consultation\" two-thirds", "")],
    ),
    (
        "fixed-term",
        &[("duration 10 years", "duration indefinite")],
    ),
    (
        "short-notice-exit",
        &[("withdrawal notice 3 months", "withdrawal notice 1 year after 20 years")],
    ),
    (
        "duration-not-stated",
        &[("duration not-stated", "duration indefinite")],
    ),
    (
        "no-stationed-forces",
        &[("  provide UK -> UA military-aid, training\n", "  provide UK -> UA military-aid, training\n  station UK forces in UA size 5000 troops\n")],
    ),
    (
        "stationing-prohibited",
        &[("  prohibit stationing, foreign-bases in UA\n", "")],
    ),
    (
        "no-nuclear-umbrella",
        &[("  station US", "  deter US -> UA with nuclear-forces\n  station US")],
    ),
    (
        "no-integrated-command",
        &[("  provide UK -> UA military-aid, training\n", "  provide UK -> UA military-aid, training\n  establish council \"Defence Council\"\n")],
    ),
    (
        "guarantor-is-potential-aggressor",
        &[("party RU guarantor, adversary", "party RU adversary"), ("refrain UK, RU from", "refrain UK from")],
    ),
    (
        "beneficiary-restricted",
        &[("  limit UA armed-forces size 600000 troops\n", "")],
    ),
    (
        "by-reference",
        &[("  mirror article5-baseline\n", "  provide FR -> UA training\n")],
    ),
    (
        "unused-party",
        &[("  party PL guarantor\n", "")],
    ),
    (
        "beneficiary-owed-nothing",
        &[("provide UK -> UA military-aid", "provide UK -> UA, MD military-aid")],
    ),
    (
        "trigger-without-response",
        &[("against UA {\n", "against UA {\n    consult UK, UA within 24 hours\n")],
    ),
    (
        "consultation-without-deadline",
        &[("consult UK, UA\n", "consult UK, UA within 24 hours\n")],
    ),
    (
        "deadline-out-of-range",
        &[("within 0 hours", "within 24 hours"), ("within 2 years", "within 3 days")],
    ),
    (
        "duplicate-clause",
        &[("  provide UK -> UA training\n  provide UK -> UA training\n", "  provide UK -> UA training\n")],
    ),
    (
        "future-signing-date",
        &[("signed 2999-01-01", "signed 2024-01-12")],
    ),
    (
        "end-before-start",
        &[("effective 2023-12-01", "effective 2024-01-12"), ("duration 0 years", "duration 10 years"), ("from 2025-01-01 until 2024-01-01", "from 2024-01-01 until 2025-01-01")],
    ),
    (
        "contradictory-stationing",
        &[("  prohibit stationing in UA\n", "")],
    ),
    (
        "guarantor-is-adversary",
        &[("party RU guarantor, adversary", "party RU adversary\n  party UK guarantor"), ("consult RU, UA", "consult UK, UA")],
    ),
    (
        "emptying-hedge",
        &[("training conditional-on", "training conditional-on \"a ceasefire holding for 30 days\""), ("air-defence aspirational", "air-defence")],
    ),
    (
        "provide-without-kind",
        &[("GBP 1 billion", "air-defence, training GBP 1 billion")],
    ),
    (
        "short-withdrawal-notice",
        &[("withdrawal notice 3 months", "withdrawal notice 1 year")],
    ),
    (
        "trigger-names-no-party",
        &[("trigger armed-attack {", "trigger armed-attack against UA {")],
    ),
    (
        "confusable-text",
        &[("UА", "UA"), ("UА", "UA")],
    ),
    (
        "unanchored-term",
        &[("  duration 10 years\n", "  proposed 2026-01-01\n  duration 10 years\n")],
    ),
    (
        "contradictory-termination",
        &[("status in-force", "status lapsed"), ("terminated 1953-01-01", "terminated 1955-01-01")],
    ),
    (
        "unused-suppression",
        &[("  // treaty: allow", "  provide UK -> UA training\n  // treaty: allow")],
    ),
];

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 29,
};

/// The codes `treaty check` reports on `text`, and its errors.
fn codes(name: &str, text: &str) -> (Vec<&'static str>, Vec<String>) {
    let settings = Settings {
        today: TODAY,
        ..Settings::default()
    };
    let report = check(SourceFile::new(format!("{name}.treaty"), text), &settings);
    let codes = report.diagnostics.iter().map(|d| d.code).collect();
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect();
    (codes, errors)
}

fn rules() -> Vec<RuleInfo> {
    registry::all()
        .into_iter()
        .filter(|r| matches!(r.family, "gap" | "lint"))
        .collect()
}

fn fixed(rule: &RuleInfo, edits: &[(&str, &str)]) -> String {
    let mut text = rule.example.to_string();
    for (find, replace) in edits {
        assert!(
            text.contains(find),
            "{}: the example no longer contains {find:?}",
            rule.name
        );
        text = text.replacen(find, replace, 1);
    }
    text
}

#[test]
fn every_gap_and_lint_has_a_negative_case() {
    let named: BTreeSet<&str> = FIXED.iter().map(|(name, _)| *name).collect();
    assert_eq!(named.len(), FIXED.len(), "a rule is listed twice");
    let rules: BTreeSet<&str> = rules().iter().map(|r| r.name).collect();
    let missing: Vec<&&str> = rules.difference(&named).collect();
    let unknown: Vec<&&str> = named.difference(&rules).collect();
    assert!(missing.is_empty(), "no negative case for {missing:?}");
    assert!(unknown.is_empty(), "not gap or lint rules: {unknown:?}");
}

#[test]
fn each_example_triggers_its_rule_and_the_fixed_example_does_not() {
    let mut failures = Vec::new();
    for rule in rules() {
        let Some((_, edits)) = FIXED.iter().find(|(name, _)| *name == rule.name) else {
            continue; // reported by every_gap_and_lint_has_a_negative_case
        };
        let (before, _) = codes(rule.name, rule.example);
        if !before.contains(&rule.code) {
            failures.push(format!(
                "{}: the example does not trigger {}",
                rule.name, rule.code
            ));
        }
        let text = fixed(&rule, edits);
        let (after, errors) = codes(rule.name, &text);
        if after.contains(&rule.code) {
            failures.push(format!(
                "{}: the fixed example still triggers {}:\n{text}",
                rule.name, rule.code
            ));
        }
        if !errors.is_empty() {
            failures.push(format!(
                "{}: the fixed example has errors {errors:?}:\n{text}",
                rule.name
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
