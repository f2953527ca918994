//! `docs/output-formats.md` shows real output: its example file is checked with each
//! command the page shows, and the output must be the page's, line for line (trailing
//! spaces aside). The SARIF example has its `rules` cut to the rules its results use.

mod common;

use common::{code, stdout, treaty};
use serde_json::Value;

/// Fenced blocks in order, as (info string, body).
fn fenced(doc: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```").filter(|f| !f.is_empty()) {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((info.to_string(), body.join("\n") + "\n"));
        }
    }
    blocks
}

fn trimmed(text: &str) -> String {
    text.lines()
        .map(|l| format!("{}\n", l.trim_end()))
        .collect()
}

/// The real log with `rules` cut as on the page.
fn cut_rules(mut log: Value) -> Value {
    let used: Vec<Value> = log["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["ruleId"].clone())
        .collect();
    let rules = &mut log["runs"][0]["tool"]["driver"]["rules"];
    let kept: Vec<Value> = rules
        .as_array()
        .into_iter()
        .flatten()
        .filter(|rule| used.contains(&rule["id"]))
        .cloned()
        .collect();
    *rules = Value::Array(kept);
    log
}

#[test]
fn every_example_is_the_binarys_real_output() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/output-formats.md"
    ))
    .expect("docs/output-formats.md");
    let blocks = fenced(&doc);
    let example = blocks
        .iter()
        .find(|(info, _)| info == "treaty")
        .map(|(_, body)| body.clone())
        .expect("the page has its example file");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("pact.treaty"), &example).expect("write the example");

    let mut formats = Vec::new();
    for (info, body) in blocks.iter().filter(|(info, _)| info == "console") {
        let (command, shown) = body.split_once('\n').expect("a command, then its output");
        let args: Vec<&str> = command
            .strip_prefix("$ treaty ")
            .unwrap_or_else(|| panic!("a treaty command in ```{info}: {command}"))
            .split_whitespace()
            .collect();
        let output = treaty(&args, dir.path());
        assert_eq!(code(&output), 1, "the example has one error: {command}");
        let real = stdout(&output);
        let format = args
            .iter()
            .position(|a| *a == "--format")
            .map_or("human", |i| args[i + 1]);
        if format == "sarif" {
            let real: Value = serde_json::from_str(&real).expect("SARIF is JSON");
            let shown: Value = serde_json::from_str(shown).expect("the page's SARIF is JSON");
            let mut real = cut_rules(real);
            // The page need not change with each release.
            let driver = &mut real["runs"][0]["tool"]["driver"];
            assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
            for field in ["version", "semanticVersion"] {
                driver[field] = shown["runs"][0]["tool"]["driver"][field].clone();
            }
            assert_eq!(real, shown, "the SARIF example drifted");
        } else {
            assert_eq!(trimmed(&real), trimmed(shown), "`{command}` drifted");
        }
        formats.push(format.to_string());
    }
    assert_eq!(formats, ["human", "plain", "github", "json", "sarif"]);

    // The page's rule count is the registry's.
    let rules = treaty::rules::registry::all().len();
    assert!(
        doc.contains(&format!("The real log lists all {rules} rules")),
        "update the rule count in docs/output-formats.md to {rules}"
    );
}
