//! `treaty.toml`: found upward from each checked file, per-rule levels, baseline and
//! min-tier, overridden by flags; a bad file is a diagnostic into the TOML and exit 2.

mod common;

use common::{code, stderr, stdout, treaty};
use serde_json::Value;
use std::fs;
use std::path::Path;

/// A treaty with a duplicate clause (L006) and an undated consultation (L004).
const DRAFT: &str = "treaty draft {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training\n  trigger armed-attack against UA {\n    consult UK, UA\n  }\n}\n";

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// The codes reported for each file, from the JSON output.
fn codes(output: &std::process::Output) -> Vec<(String, Vec<String>)> {
    let json: Value = serde_json::from_str(&stdout(output)).expect("JSON output");
    json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let codes = f["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}",
                        d["code"].as_str().unwrap(),
                        d["severity"].as_str().unwrap()
                    )
                })
                .collect();
            (f["path"].as_str().unwrap().to_string(), codes)
        })
        .collect()
}

fn has(codes: &[String], wanted: &str) -> bool {
    codes.iter().any(|c| c == wanted)
}

#[test]
fn the_nearest_config_upward_applies_to_each_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.toml",
        "[rules]\nduplicate-clause = \"error\"\n",
    );
    write(dir.path(), "drafts/a/draft.treaty", DRAFT);
    write(
        dir.path(),
        "drafts/b/treaty.toml",
        "[rules]\nL006 = \"off\"\nL004 = \"warning\"\n",
    );
    write(dir.path(), "drafts/b/draft.treaty", DRAFT);
    let output = treaty(&["check", "--format", "json", "drafts"], dir.path());
    let files = codes(&output);
    assert_eq!(files.len(), 2);
    let (a, b) = (&files[0].1, &files[1].1);
    assert!(has(a, "L006:error") && has(a, "L004:advice"), "{a:?}");
    assert!(
        !b.iter().any(|c| c.starts_with("L006")) && has(b, "L004:warning"),
        "{b:?}"
    );
    // The error configured for `a` fails the run.
    assert_eq!(code(&output), 1);
}

#[test]
fn flags_override_the_config_and_no_config_ignores_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.toml",
        "min-tier = \"hard\"\n[rules]\nL006 = \"error\"\n",
    );
    write(dir.path(), "draft.treaty", DRAFT);
    let configured = treaty(&["check", "--format", "json", "draft.treaty"], dir.path());
    let found = &codes(&configured)[0].1;
    assert!(
        has(found, "L006:error") && has(found, "T001:error"),
        "{found:?}"
    );

    let overridden = treaty(
        &[
            "check",
            "--format",
            "json",
            "--rule",
            "duplicate-clause=advice",
            "--min-tier",
            "soft",
            "draft.treaty",
        ],
        dir.path(),
    );
    let found = &codes(&overridden)[0].1;
    assert!(
        has(found, "L006:advice") && !has(found, "T001:error"),
        "{found:?}"
    );
    assert_eq!(code(&overridden), 0);

    let ignored = treaty(
        &["check", "--format", "json", "--no-config", "draft.treaty"],
        dir.path(),
    );
    let found = &codes(&ignored)[0].1;
    assert!(has(found, "L006:warning"), "{found:?}");
}

#[test]
fn a_config_baseline_is_read_relative_to_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let weak = "treaty weak_baseline {\n  title \"Weak baseline\"\n  form declaration\n  status signed\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n}\n";
    write(dir.path(), "baselines/weak.treaty", weak);
    write(
        dir.path(),
        "project/treaty.toml",
        "baseline = \"../baselines/weak.treaty\"\n",
    );
    write(dir.path(), "project/draft.treaty", DRAFT);
    let output = treaty(
        &["check", "--format", "json", "project/draft.treaty"],
        dir.path(),
    );
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["files"][0]["baseline"], "Weak baseline");
    // Against a declaration, a binding treaty has no binding gap.
    let gaps = json["files"][0]["treaties"][0]["gaps"].as_array().unwrap();
    assert!(!gaps.iter().any(|g| g["code"] == "NOT_BINDING"));
}

#[test]
fn a_bad_config_is_a_diagnostic_into_the_toml_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.toml",
        "[rules]\nduplicate-clause = \"loud\"\nunused-partie = \"off\"\n",
    );
    write(dir.path(), "draft.treaty", DRAFT);
    let output = treaty(&["check", "draft.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("treaty.toml:2:20"), "{err}");
    assert!(err.contains("`loud` is not a level"), "{err}");
    assert!(err.contains("did you mean `unused-party`?"), "{err}");
    assert!(
        stdout(&output).is_empty(),
        "nothing is checked with a bad config"
    );

    write(dir.path(), "treaty.toml", "baseline = \"missing.treaty\"\n");
    let output = treaty(&["check", "draft.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("cannot read baseline"),
        "{}",
        stderr(&output)
    );

    write(dir.path(), "treaty.toml", "[rules\n");
    let output = treaty(&["check", "draft.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("treaty.toml:1"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_bad_rule_flag_is_a_usage_error() {
    let output = treaty(&["check", "--rule", "E001=off", "treaties"], common::repo());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("syntax rule"),
        "{}",
        stderr(&output)
    );
}
