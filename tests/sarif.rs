//! `treaty check --format sarif`: every log validates against the OASIS SARIF 2.1.0
//! schema kept in `tests/schemas/`, and says what the other outputs say.

mod common;

use common::{code, repo, stdout, treaty};
use serde_json::Value;
use std::path::Path;
use std::sync::OnceLock;

fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let text = std::fs::read_to_string(repo().join("tests/schemas/sarif-schema-2.1.0.json"))
            .expect("the SARIF schema is in tests/schemas");
        serde_json::from_str(&text).expect("the schema is JSON")
    })
}

/// The published schema's two `language` patterns end in a stray `]`, a literal only in
/// the lax (Annex B) reading of ECMAScript regular expressions. `jsonschema` checks every
/// `pattern` of a schema strictly before compiling it, so the file is kept as published
/// and the `]` is escaped here, which keeps the meaning of the lax reading.
const LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
const LANGUAGE_PATTERN_ESCAPED: &str = r"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}\]?$";

fn fix_language_patterns(value: &mut Value) -> usize {
    match value {
        Value::Object(map) => map
            .iter_mut()
            .map(|(key, child)| {
                if key == "pattern" && *child == LANGUAGE_PATTERN {
                    *child = Value::String(LANGUAGE_PATTERN_ESCAPED.to_string());
                    1
                } else {
                    fix_language_patterns(child)
                }
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(fix_language_patterns).sum(),
        _ => 0,
    }
}

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: OnceLock<jsonschema::Validator> = OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let mut schema = schema().clone();
        assert_eq!(fix_language_patterns(&mut schema), 2);
        jsonschema::draft7::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the SARIF schema compiles")
    })
}

/// Run `treaty check --format sarif ARGS` in `dir`, check the exit code, validate the
/// log against the schema and return it.
fn sarif(args: &[&str], dir: &Path, expected_code: i32) -> Value {
    let mut full = vec!["check", "--format", "sarif"];
    full.extend_from_slice(args);
    let output = treaty(&full, dir);
    assert_eq!(code(&output), expected_code, "{}", common::stderr(&output));
    let log: Value = serde_json::from_str(&stdout(&output)).expect("the SARIF log is JSON");
    let errors: Vec<String> = validator()
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
    log
}

fn run(log: &Value) -> &Value {
    let runs = log["runs"].as_array().expect("runs is an array");
    assert_eq!(runs.len(), 1, "exactly one run");
    &runs[0]
}

fn results(log: &Value) -> &Vec<Value> {
    run(log)["results"].as_array().expect("results is an array")
}

fn region(result: &Value) -> &Value {
    &result["locations"][0]["physicalLocation"]["region"]
}

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write a test file");
}

/// The facts every log must satisfy, beyond the schema.
fn assert_consistent(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let run = run(log);
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "treaty");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));

    let registry = treaty::rules::registry::all();
    let rules = driver["rules"].as_array().expect("rules is an array");
    assert_eq!(rules.len(), registry.len(), "every rule of the registry");
    for (rule, info) in rules.iter().zip(&registry) {
        assert_eq!(rule["id"], info.code);
        assert_eq!(rule["name"], info.name);
        let level = match info.severity {
            treaty::diagnostics::Severity::Error => "error",
            treaty::diagnostics::Severity::Warning => "warning",
            treaty::diagnostics::Severity::Advice => "note",
        };
        assert_eq!(rule["defaultConfiguration"]["level"], level);
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                !rule[field]["text"].as_str().unwrap_or("").is_empty(),
                "{} has a {field}",
                info.code
            );
        }
    }

    let artifacts = run["artifacts"].as_array().expect("artifacts is an array");
    for result in results(log) {
        let rule_id = result["ruleId"].as_str().expect("ruleId is a string");
        let index = result["ruleIndex"].as_u64().expect("ruleIndex is set") as usize;
        assert_eq!(rules[index]["id"], rule_id, "ruleIndex points at ruleId");
        assert_eq!(
            result["level"],
            rules[index]["defaultConfiguration"]["level"]
        );
        assert!(!result["message"]["text"].as_str().unwrap_or("").is_empty());
        let locations = result["locations"].as_array().expect("locations");
        assert_eq!(locations.len(), 1);
        let related = result["relatedLocations"].as_array();
        for location in locations.iter().chain(related.into_iter().flatten()) {
            let physical = &location["physicalLocation"];
            let artifact = &physical["artifactLocation"];
            let index = artifact["index"].as_u64().expect("artifact index") as usize;
            assert_eq!(artifacts[index]["location"]["uri"], artifact["uri"]);
            let region = &physical["region"];
            if region.is_null() {
                continue;
            }
            let number = |field: &str| region[field].as_u64().expect(field);
            assert!(number("startLine") >= 1 && number("startColumn") >= 1);
            assert!(
                (number("startLine"), number("startColumn"))
                    <= (number("endLine"), number("endColumn")),
                "{region}"
            );
        }
    }
}

#[test]
fn the_schema_is_the_oasis_sarif_2_1_0_schema() {
    let schema = schema();
    assert_eq!(
        schema["$id"],
        "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    );
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(schema["properties"]["version"]["enum"][0], "2.1.0");
    // The validator is not vacuous: a log without runs, or with a bad level, fails.
    assert!(!validator().is_valid(&serde_json::json!({ "version": "2.1.0" })));
    assert!(!validator().is_valid(&serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "t" } },
                   "results": [{ "message": { "text": "m" }, "level": "advice" }] }]
    })));
    assert!(!validator().is_valid(&serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "t" } },
                   "artifacts": [{ "location": { "uri": "a b:c" } }] }]
    })));
}

#[test]
fn the_bundled_treaties_are_valid_sarif() {
    let log = sarif(&["treaties/"], repo(), 0);
    assert_consistent(&log);

    // The same findings and treaties as the JSON output.
    let json: Value = serde_json::from_str(&stdout(&treaty(
        &["check", "--format", "json", "treaties/"],
        repo(),
    )))
    .expect("JSON output");
    let files = json["files"].as_array().expect("files");
    let diagnostics: usize = files
        .iter()
        .map(|f| f["diagnostics"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(results(&log).len(), diagnostics);
    let run = run(&log);
    assert_eq!(run["artifacts"].as_array().map(Vec::len), Some(files.len()));
    assert_eq!(run["properties"]["summary"], json["summary"]);
    assert_eq!(run["properties"]["baseline"], "Article 5");

    // Tiers per treaty in the run's property bag.
    let treaties = run["properties"]["treaties"].as_array().expect("treaties");
    assert_eq!(
        Some(treaties.len()),
        json["summary"]["treaties"].as_u64().map(|n| n as usize)
    );
    let uk = treaties
        .iter()
        .find(|t| t["id"] == "uk_ukraine_2024")
        .expect("uk_ukraine_2024 is listed");
    assert_eq!(uk["tier"], "intermediate");
    assert_eq!(uk["uri"], "treaties/uk-ukraine-2024.treaty");
    assert_eq!(uk["gaps"].as_array().map(Vec::len), Some(14));
    assert!(uk["gaps"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|g| g == "NOT_BINDING"));

    // A known finding, where the other outputs put it (line 13, column 3).
    let not_binding = results(&log)
        .iter()
        .find(|r| {
            r["ruleId"] == "NOT_BINDING"
                && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    == "treaties/uk-ukraine-2024.treaty"
        })
        .expect("NOT_BINDING on the UK-Ukraine agreement");
    assert_eq!(region(not_binding)["startLine"], 13);
    assert_eq!(region(not_binding)["startColumn"], 3);
    assert_eq!(not_binding["level"], "warning");
    assert_eq!(
        not_binding["message"]["text"],
        "uk_ukraine_2024: not legally binding: a political instrument, not a treaty\nhelp: make it a treaty, to be ratified: write `form treaty`"
    );
}

#[test]
fn syntax_and_model_errors_are_valid_sarif_with_exit_code_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "broken.treaty",
        "treaty a {\n  form treaty\n  status signed\n  consult UK within\n  party UA \"Ukraine\" beneficiary\n  provide UX -> UA training\n",
    );
    let log = sarif(&["broken.treaty"], dir.path(), 1);
    assert_consistent(&log);
    let results = results(&log);
    let syntax = results
        .iter()
        .find(|r| r["ruleId"] == "E001")
        .expect("a syntax error");
    assert_eq!(syntax["level"], "error");
    assert_eq!(region(syntax)["startLine"], 4);
    assert!(
        results.iter().any(|r| r["ruleId"] == "E002"),
        "unclosed block"
    );

    let unknown = results
        .iter()
        .find(|r| r["ruleId"] == "E101")
        .expect("an unknown party");
    let region = region(unknown);
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(6), Some(11))
    );
    assert_eq!(
        (region["endLine"].as_u64(), region["endColumn"].as_u64()),
        (Some(6), Some(13)),
        "the end column is exclusive"
    );
    // The did-you-mean is a fix that replaces the region.
    let replacement = &unknown["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "UA");
    assert_eq!(&replacement["deletedRegion"], region);
    assert_eq!(unknown["properties"]["help"], "did you mean `UA`?");
}

#[test]
fn a_second_label_is_a_related_location() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "twice.treaty",
        "treaty a {\n  form treaty\n  status signed\n  party UA \"Ukraine\" beneficiary\n  party UA \"Україна\" beneficiary\n}\n",
    );
    let log = sarif(&["twice.treaty"], dir.path(), 1);
    assert_consistent(&log);
    let duplicate = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "E102")
        .expect("a duplicate party");
    assert_eq!(region(duplicate)["startLine"], 5);
    assert_eq!(
        duplicate["locations"][0]["message"]["text"],
        "declared again here"
    );
    let related = duplicate["relatedLocations"]
        .as_array()
        .expect("relatedLocations");
    assert_eq!(related.len(), 1);
    assert_eq!(related[0]["id"], 1);
    assert_eq!(related[0]["message"]["text"], "first declared here");
    assert_eq!(related[0]["physicalLocation"]["region"]["startLine"], 4);
    assert_eq!(
        related[0]["physicalLocation"]["artifactLocation"]["uri"],
        "twice.treaty"
    );
}

#[test]
fn columns_are_utf16_code_units_on_non_ascii_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Cyrillic letters are one UTF-16 unit each; the emoji is two.
    let line = "  party UA \"Україна 😀\" benefciary";
    let text = format!("treaty a {{\n  form treaty\n  status signed\n{line}\n}}\n");
    write(dir.path(), "Україна 1.treaty", &text);
    let log = sarif(&["Україна 1.treaty"], dir.path(), 1);
    assert_consistent(&log);
    assert_eq!(
        run(&log)["artifacts"][0]["location"]["uri"],
        "%D0%A3%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0%201.treaty"
    );
    let error = results(&log)
        .iter()
        .find(|r| r["ruleId"] == "E001")
        .expect("the misspelt role is an error");
    let byte = line.find("benefciary").expect("in the line");
    let utf16 = line[..byte].encode_utf16().count() + 1;
    let chars = line[..byte].chars().count() + 1;
    assert_eq!((chars, utf16), (24, 25));
    assert_eq!(region(error)["startLine"], 4);
    assert_eq!(region(error)["startColumn"], utf16);

    // The JSON output counts characters, as documented.
    let json: Value = serde_json::from_str(&stdout(&treaty(
        &["check", "--format", "json", "Україна 1.treaty"],
        dir.path(),
    )))
    .expect("JSON output");
    let label = json["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|d| d["code"] == "E001")
        .map(|d| d["labels"][0].clone())
        .expect("the same error in JSON");
    assert_eq!(label["column"], chars);
}

#[test]
fn a_file_that_is_not_text_has_a_location_without_a_region() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("binary.treaty"), b"treaty\0a {}").expect("write");
    let log = sarif(&["binary.treaty"], dir.path(), 1);
    assert_consistent(&log);
    let results = results(&log);
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["ruleId"], "E005");
    let physical = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(physical["artifactLocation"]["uri"], "binary.treaty");
    assert!(physical["region"].is_null(), "{physical}");
}

#[test]
fn paths_become_uri_references() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("sub dir")).expect("mkdir");
    let clean = "treaty a {\n  form treaty\n  status signed\n}\n";
    write(&dir.path().join("sub dir"), "a,b:100%.treaty", clean);
    let log = sarif(&["./sub dir"], dir.path(), 0);
    assert_consistent(&log);
    assert_eq!(
        run(&log)["artifacts"][0]["location"]["uri"],
        "sub%20dir/a%2Cb%3A100%25.treaty"
    );
    assert!(!results(&log).is_empty());

    // A file named twice is checked twice but is one artifact.
    let log = sarif(
        &["sub dir/a,b:100%.treaty", "./sub dir/a,b:100%.treaty"],
        dir.path(),
        0,
    );
    assert_consistent(&log);
    assert_eq!(run(&log)["artifacts"].as_array().map(Vec::len), Some(1));
    assert_eq!(run(&log)["properties"]["treaties"][1]["artifactIndex"], 0);

    // An absolute path is a `file:` URI.
    let absolute = dir.path().join("sub dir");
    let log = sarif(&[absolute.to_str().expect("UTF-8 path")], dir.path(), 0);
    let uri = run(&log)["artifacts"][0]["location"]["uri"]
        .as_str()
        .expect("a URI")
        .to_string();
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(uri.ends_with("/sub%20dir/a%2Cb%3A100%25.treaty"), "{uri}");
}

/// The log of a small file, rules left out (they are checked above), for review.
#[test]
fn sarif_of_a_small_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "pledge.treaty",
        "treaty pledge {\n  form political\n  status in-force\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  consult UK, UX within 24 hours\n}\n",
    );
    let mut log = sarif(&["pledge.treaty"], dir.path(), 1);
    assert_consistent(&log);
    let driver = &mut log["runs"][0]["tool"]["driver"];
    driver["rules"] = Value::String("(every rule of the registry)".into());
    driver["version"] = Value::String("(version)".into());
    driver["semanticVersion"] = Value::String("(version)".into());
    insta::assert_json_snapshot!(log);
}
