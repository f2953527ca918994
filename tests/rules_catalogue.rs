//! The rule catalogue: `docs/rules.md` is generated from the registry and must be up to
//! date; `treaty explain` knows every code and name.

mod common;

use common::{code, repo, stderr, stdout, treaty};

#[test]
fn docs_rules_md_is_up_to_date() {
    let generated = treaty::cli::rules::markdown();
    let path = repo().join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is out of date: run `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn every_rule_is_explained_by_code_and_by_name() {
    for rule in treaty::rules::registry::all() {
        for key in [rule.code, rule.name] {
            let output = treaty(&["explain", key], repo());
            assert_eq!(code(&output), 0, "{key}: {}", stderr(&output));
            let text = stdout(&output);
            assert!(
                text.starts_with(&format!("{} ({})", rule.code, rule.name)),
                "{text}"
            );
            assert!(text.contains(rule.why), "{text}");
            assert!(text.contains(rule.fix), "{text}");
        }
    }
}

#[test]
fn an_unknown_rule_gets_a_suggestion_and_exit_2() {
    let output = treaty(&["explain", "consult-onyl"], repo());
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("did you mean `consult-only`?"));
}

#[test]
fn rules_lists_every_code_as_json() {
    let output = treaty(&["rules", "--format", "json"], repo());
    assert_eq!(code(&output), 0);
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let codes: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes.len(), treaty::rules::registry::all().len());
    for expected in [
        "E001",
        "E101",
        "NOT_BINDING",
        "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
    ] {
        assert!(codes.contains(&expected), "{expected}");
    }
}
