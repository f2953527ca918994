//! `treaty check` end to end: output, JSON shape, exit codes, options.

mod common;

use common::{code, repo, stderr, stdout, treaty};
use serde_json::Value;

/// The body of an accepted snapshot, after insta's header.
fn snapshot_body(name: &str) -> String {
    let path = repo().join("tests/snapshots").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let body = text
        .strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .map(|(_, body)| body)
        .unwrap_or_else(|| panic!("{path:?} has no insta header"));
    body.to_string()
}

/// The binary prints, for one file, exactly what the library renders: the wording is
/// reviewed once, in the corpus snapshot (tests/corpus.rs), not twice.
#[test]
fn the_binary_prints_the_reviewed_corpus_output() {
    for (file, snapshot) in [
        (
            "treaties/uk-ukraine-2024.treaty",
            "corpus__human@uk-ukraine-2024.treaty.snap",
        ),
        (
            "treaties/north-atlantic-1949.treaty",
            "corpus__human@north-atlantic-1949.treaty.snap",
        ),
    ] {
        let output = treaty(&["check", file], repo());
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        assert_eq!(
            stdout(&output).trim_end(),
            snapshot_body(snapshot).trim_end(),
            "{file}"
        );
    }
}

#[test]
fn uk_ukraine_json_output() {
    let output = treaty(
        &[
            "check",
            "--format",
            "json",
            "treaties/uk-ukraine-2024.treaty",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0);
    let json: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    insta::assert_json_snapshot!(json);
}

#[test]
fn north_atlantic_json_output() {
    let output = treaty(
        &[
            "check",
            "--format",
            "json",
            "treaties/north-atlantic-1949.treaty",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0);
    let json: Value = serde_json::from_str(&stdout(&output)).expect("valid JSON");
    insta::assert_json_snapshot!(json);
}

#[test]
fn json_has_the_documented_shape() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.treaty"),
        "treaty a {\n  form treaty\n  status in-force\n  party X \"X\" guarantor\n  consult Y\n}\n",
    )
    .unwrap();
    let output = treaty(&["check", "--format", "json", "a.treaty"], dir.path());
    assert_eq!(code(&output), 1, "an unknown party is an error");
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["version"], 1);
    let file = &json["files"][0];
    assert_eq!(file["path"], "a.treaty");
    let treaty = &file["treaties"][0];
    assert_eq!(treaty["id"], "a");
    assert!(treaty["title"].is_null());
    // A ratified treaty without an assistance obligation: the rules say intermediate.
    assert_eq!(treaty["tier"], "intermediate");
    assert!(!treaty["tier_reasons"].as_array().unwrap().is_empty());
    let gap = &treaty["gaps"][0];
    for field in ["element", "code", "message"] {
        assert!(gap[field].is_string(), "gap.{field}");
    }
    let unknown = file["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "E101")
        .expect("unknown party diagnostic");
    assert_eq!(unknown["severity"], "error");
    assert_eq!(unknown["message"], "unknown party `Y`");
    assert!(unknown["help"].as_str().unwrap().contains("X"));
    let label = &unknown["labels"][0];
    assert_eq!(label["line"], 5);
    assert_eq!(label["column"], 11);
    assert_eq!(label["length"], 1);
    let offset = label["offset"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(dir.path().join("a.treaty")).unwrap();
    assert_eq!(&text[offset..offset + 1], "Y");
    let summary = &json["summary"];
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["treaties"], 1);
    assert_eq!(summary["errors"], 1);
    assert!(summary["warnings"].as_u64().unwrap() > 0);
}

#[test]
fn directories_are_searched_recursively_for_treaty_files() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    let text = std::fs::read_to_string(repo().join("treaties/uk-ukraine-2024.treaty")).unwrap();
    std::fs::write(nested.join("one.treaty"), &text).unwrap();
    std::fs::write(
        dir.path().join("two.treaty"),
        text.replace("uk_ukraine_2024", "two"),
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a treaty {").unwrap();
    let output = treaty(&["check", "--format", "json"], dir.path());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let paths: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["./a/b/one.treaty", "./two.treaty"]);
}

#[test]
fn min_tier_fails_a_treaty_below_it() {
    let uk = "treaties/uk-ukraine-2024.treaty";
    let output = treaty(&["check", "--min-tier", "hard", uk], repo());
    assert_eq!(code(&output), 1);
    let out = stdout(&output);
    assert!(
        out.contains("T001")
            && out.contains("tier intermediate is below the required minimum, hard"),
        "{out}"
    );
    let output = treaty(&["check", "--min-tier", "intermediate", uk], repo());
    assert_eq!(code(&output), 0);
}

#[test]
fn a_missing_path_is_a_usage_failure() {
    let output = treaty(&["check", "no/such/file.treaty"], repo());
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert_eq!(err.lines().count(), 1, "one clear line: {err}");
    assert!(err.contains("cannot read `no/such/file.treaty`"), "{err}");
}

#[test]
fn bad_arguments_are_a_usage_failure() {
    for (args, first_line) in [
        (
            &["check", "--format", "xml"][..],
            "error: invalid value 'xml' for '--format <FORMAT>'",
        ),
        (
            &["check", "--min-tier", "medium"][..],
            "error: invalid value 'medium' for '--min-tier <TIER>'",
        ),
        (
            &["frobnicate"][..],
            "error: unrecognized subcommand 'frobnicate'",
        ),
    ] {
        let output = treaty(args, repo());
        assert_eq!(code(&output), 2, "{args:?}");
        let err = stderr(&output);
        assert_eq!(err.lines().next(), Some(first_line), "{args:?}: {err}");
        assert!(err.contains("For more information, try '--help'."), "{err}");
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    let output = treaty(&["check", "--min-tier", "medium"], repo());
    assert!(
        stderr(&output).contains("[possible values: soft, intermediate, hard]"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_empty_directory_is_a_usage_failure() {
    let dir = tempfile::tempdir().unwrap();
    let output = treaty(&["check"], dir.path());
    assert_eq!(code(&output), 2);
    assert_eq!(stderr(&output), "error: no `.treaty` files found in .\n");
}

#[test]
fn another_baseline_changes_the_gaps() {
    // A weak baseline: a political consultation pledge. Against it, the UK-Ukraine
    // agreement has none of the gaps that the baseline itself also has.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("weak.treaty"),
        "treaty weak {\n  title \"Weak pledge\"\n  form political\n  status signed\n  duration 5 years\n  party A \"A\" guarantor\n  party B \"B\" beneficiary\n  trigger armed-attack against B {\n    consult A, B\n  }\n}\n",
    )
    .unwrap();
    let uk = repo().join("treaties/uk-ukraine-2024.treaty");
    let output = treaty(
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "weak.treaty",
            uk.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["baseline"], "Weak pledge");
    let codes: Vec<&str> = json["files"][0]["treaties"][0]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["code"].as_str().unwrap())
        .collect();
    for shared in [
        "NOT_BINDING",
        "NO_MUTUAL_DEFENCE",
        "FIXED_TERM",
        "ONE_SIDED",
    ] {
        assert!(
            !codes.contains(&shared),
            "{shared} is the baseline's own: {codes:?}"
        );
    }
    assert!(codes.contains(&"NARROW_TRIGGER"), "{codes:?}");
    assert!(codes.contains(&"FUNDING_CONDITIONAL"), "{codes:?}");
}

#[test]
fn a_broken_baseline_is_a_usage_failure() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("b.treaty"),
        "treaty b {\n  form nonsense\n}\n",
    )
    .unwrap();
    let uk = repo().join("treaties/uk-ukraine-2024.treaty");
    let output = treaty(
        &["check", "--baseline", "b.treaty", uk.to_str().unwrap()],
        dir.path(),
    );
    assert_eq!(code(&output), 2);
    let err = stderr(&output);
    assert!(err.contains("C001"), "{err}");
    assert!(
        err.contains("baseline `b.treaty` has 2 errors, first: unknown legal form `nonsense`"),
        "{err}"
    );
    assert!(stdout(&output).is_empty(), "{}", stdout(&output));
}

#[test]
fn every_bundled_treaty_checks_without_errors() {
    let output = treaty(&["check", "--format", "json", "treaties/"], repo());
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(json["summary"]["errors"], 0, "{}", stdout(&output));
    assert_eq!(code(&output), 0);
}

// Colour and terminal detection: tests/colour_tty.rs (a real pseudo-terminal).

#[test]
fn plain_output_is_one_line_per_finding_without_box_drawing() {
    let output = treaty(
        &[
            "check",
            "--format",
            "plain",
            "treaties/uk-ukraine-2024.treaty",
        ],
        repo(),
    );
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(!text.contains(['╭', '│', '─', '×', '⚠']), "{text}");
    let findings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("treaties/"))
        .collect();
    assert_eq!(findings.len(), 14);
    assert!(findings.contains(
        &"treaties/uk-ukraine-2024.treaty:13:3: warning[NOT_BINDING]: uk_ukraine_2024: not legally binding: a political instrument, not a treaty (help: make it a treaty, to be ratified: write `form treaty`)"
    ), "{text}");
    assert!(text.contains("uk_ukraine_2024: intermediate, 14 gaps against Article 5"));
}

#[test]
fn github_output_is_workflow_annotations() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.treaty"),
        "treaty a {\n  form treaty\n  status signed\n  consult X\n}\n",
    )
    .unwrap();
    let output = treaty(&["check", "--format", "github", "a.treaty"], dir.path());
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.lines()
            .any(|l| l
                .starts_with("::error file=a.treaty,line=4,col=11,title=E101::unknown party `X`")),
        "{text}"
    );
    assert!(text.lines().all(|l| l.starts_with("::")), "{text}");
}
