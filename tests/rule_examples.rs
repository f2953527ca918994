//! Every rule's catalogue example (`treaty explain`, `docs/rules.md`) triggers that
//! rule, and what the rule reports on it is snapshotted.
//!
//! Treaty examples are checked against the bundled Article 5 baseline with today's date
//! fixed; `below-min-tier` with `--min-tier hard`. The two syntax rules raised while a
//! file is read go through the loader (`not-text` from bytes, `file-too-large` from a
//! file with a 16-byte limit), and `invalid-config` through the configuration parser.

mod common;
use common::OutputWithin;

use std::path::Path;

use treaty::analysis::{check, Settings};
use treaty::diagnostics::{Diagnostic, Severity};
use treaty::model::Date;
use treaty::output::human::{render, HumanStyle};
use treaty::rules::registry::{self, RuleInfo};
use treaty::rules::Tier;
use treaty::source::{self, Loaded, SourceFile};

/// Examples known not to trigger their rule, with why. Each is a bug in the registry
/// (`src/rules/registry.rs`), listed here so the rest is tested meanwhile; an entry
/// whose example starts to work fails the test, so the list cannot go stale.
const KNOWN_BROKEN: &[(&str, &str)] = &[];

const TODAY: Date = Date {
    year: 2026,
    month: 11,
    day: 29,
};

fn settings(rule: &RuleInfo) -> Settings {
    Settings {
        today: TODAY,
        min_tier: (rule.family == "tier").then_some(Tier::Hard),
        ..Settings::default()
    }
}

fn display(rule: &RuleInfo) -> String {
    format!("examples/{}.treaty", rule.name)
}

/// The rule's own diagnostics, rendered as `treaty check` shows them without colour.
fn rendered(
    rule: &RuleInfo,
    diagnostics: &[Diagnostic],
    source: &SourceFile,
) -> Result<String, String> {
    let own: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code == rule.code).collect();
    if own.is_empty() {
        return Err(format!(
            "the example of `{}` does not trigger {}; it reports {:?}",
            rule.name,
            rule.code,
            diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()
        ));
    }
    Ok(own
        .iter()
        .map(|d| render(d, source, HumanStyle::plain()))
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Check a treaty example the way `treaty check` does.
fn check_treaty_example(rule: &RuleInfo) -> Result<String, String> {
    let report = check(
        SourceFile::new(display(rule), rule.example),
        &settings(rule),
    );
    if matches!(rule.family, "gap" | "lint" | "tier") {
        // Apart from the rule itself, the example must read and resolve cleanly.
        let errors: Vec<&Diagnostic> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.code != rule.code)
            .collect();
        if !errors.is_empty() {
            return Err(format!(
                "the example of `{}` has errors besides its own: {:?}",
                rule.name,
                errors.iter().map(|d| d.code).collect::<Vec<_>>()
            ));
        }
    }
    rendered(rule, &report.diagnostics, &report.source)
}

/// `not-text`: the example's bytes as the loader sees them.
fn check_bytes_example(rule: &RuleInfo) -> Result<String, String> {
    match source::from_bytes(display(rule), rule.example.as_bytes().to_vec()) {
        Loaded::Rejected(source, diagnostic) => rendered(rule, &[diagnostic], &source),
        Loaded::Text(_) => Err(format!("the example of `{}` was read as text", rule.name)),
    }
}

/// `file-too-large`: the example written to a file and loaded with a 16-byte limit.
fn check_file_example(rule: &RuleInfo) -> Result<String, String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join(format!("{}.treaty", rule.name));
    std::fs::write(&path, rule.example).expect("the example is written");
    match source::load(&path, display(rule), 16).expect("the example file is read") {
        Loaded::Rejected(source, diagnostic) => rendered(rule, &[diagnostic], &source),
        Loaded::Text(_) => Err(format!("the example of `{}` was accepted", rule.name)),
    }
}

/// `too-many-items`: the example's `A, A, A, ...` written out, one comma too many.
fn check_items_example(rule: &RuleInfo) -> Result<String, String> {
    let marker = "A, A, A, ...";
    if !rule.example.contains(marker) {
        return Err(format!("the example of `{}` lost its marker", rule.name));
    }
    let list = format!("{}A", "A, ".repeat(treaty::syntax::MAX_BLOCK_ITEMS + 1));
    let text = rule.example.replace(marker, &list);
    let report = check(SourceFile::new(display(rule), text), &settings(rule));
    rendered(rule, &report.diagnostics, &report.source)
}

/// `invalid-config`: the example is a `treaty.toml`.
fn check_config_example(rule: &RuleInfo) -> Result<String, String> {
    match treaty::config::parse(rule.example, Path::new(".")) {
        Err(diagnostics) => rendered(
            rule,
            &diagnostics,
            &SourceFile::new("treaty.toml", rule.example),
        ),
        Ok(_) => Err(format!(
            "the example of `{}` is a valid configuration",
            rule.name
        )),
    }
}

/// `scenario` rules: the example is run by `treaty test`, as a drafter would.
fn check_scenario_example(rule: &RuleInfo) -> Result<String, String> {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let file = format!("{}.treaty", rule.name);
    std::fs::write(dir.path().join(&file), rule.example).expect("the example is written");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(["test", &file])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .output_within();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if text.contains(rule.code) && !output.status.success() {
        Ok(text)
    } else {
        Err(format!(
            "the example of `{}` does not make `treaty test` report {}: {text}",
            rule.name, rule.code
        ))
    }
}

#[test]
fn every_rule_example_triggers_its_rule() {
    let rules = registry::all();
    assert!(!rules.is_empty());
    let mut failures = Vec::new();
    let mut outputs = Vec::new();
    for rule in &rules {
        if rule.example.trim().is_empty() {
            failures.push(format!("`{}` ({}) has no example", rule.name, rule.code));
            continue;
        }
        let output = match (rule.family, rule.code) {
            ("syntax", source::codes::NOT_TEXT) => check_bytes_example(rule),
            ("syntax", source::codes::TOO_LARGE) => check_file_example(rule),
            ("syntax", treaty::syntax::codes::TOO_MANY_ITEMS) => check_items_example(rule),
            ("syntax" | "model" | "tier" | "gap" | "lint", _) => check_treaty_example(rule),
            ("config", _) => check_config_example(rule),
            ("scenario", _) => check_scenario_example(rule),
            (family, _) => Err(format!(
                "`{}` is of family `{family}`, which this test does not know how to run",
                rule.name
            )),
        };
        let known_broken = KNOWN_BROKEN.iter().find(|(name, _)| *name == rule.name);
        match (output, known_broken) {
            (Ok(output), None) => outputs.push((rule.name, output)),
            (Err(failure), None) => failures.push(failure),
            (Err(_), Some(_)) => {}
            (Ok(_), Some(_)) => failures.push(format!(
                "the example of `{}` now triggers {}: remove it from KNOWN_BROKEN",
                rule.name, rule.code
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for (name, output) in outputs {
        insta::assert_snapshot!(name, without_os_text(&output));
    }
}

/// The operating system's own words for a failed read (`No such file or directory`
/// on Linux, other words elsewhere and in other locales) replaced by a marker: the
/// snapshot records what treaty says, not what the OS does.
fn without_os_text(output: &str) -> String {
    const OS_REASONS: [&str; 3] = [
        "No such file or directory",
        "Permission denied",
        "Is a directory",
    ];
    let mut out = output.to_string();
    for reason in OS_REASONS {
        out = out.replace(&format!("`: {reason}"), "`: [the system's reason]");
    }
    out
}
