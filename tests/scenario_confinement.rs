//! Issue 17: a scenario's `treaty "path"` lines are confined to its project: the
//! directory of the nearest `treaty.toml`, or, without one, the scenario file's own
//! directory. Anything else is S003 with a clear message, and is never read.

#![cfg(unix)]

mod common;

use common::{code, stdout, treaty};

const TREATY: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA {\n    consult UK, UA within 24 hours\n  }\n}\n";

fn scenario(reference: &str) -> String {
    format!("scenario s {{\n  treaty \"{reference}\"\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  expect consult UK, UA\n}}\n")
}

#[test]
fn without_a_treaty_toml_a_scenario_stays_in_its_own_directory() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.treaty"), TREATY).unwrap();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    std::fs::write(dir.path().join("s/up.treaty"), scenario("../t.treaty")).unwrap();
    let out = treaty(&["test", "s/up.treaty"], dir.path());
    let text = stdout(&out);
    assert_eq!(code(&out), 2, "{text}");
    assert!(text.contains("S003"), "{text}");
    assert!(text.contains("is outside this project"), "{text}");
}

#[test]
fn a_treaty_toml_makes_its_directory_the_project() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.treaty"), TREATY).unwrap();
    std::fs::write(dir.path().join("treaty.toml"), "").unwrap();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    std::fs::write(dir.path().join("s/up.treaty"), scenario("../t.treaty")).unwrap();
    let out = treaty(&["test", "s/up.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn absolute_paths_and_links_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("t.treaty"), TREATY).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("treaty.toml"), "").unwrap();
    let absolute = outside.path().join("t.treaty").display().to_string();
    std::fs::write(dir.path().join("abs.treaty"), scenario(&absolute)).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("t.treaty"),
        dir.path().join("link.treaty"),
    )
    .unwrap();
    std::fs::write(dir.path().join("via-link.treaty"), scenario("link.treaty")).unwrap();
    for file in ["abs.treaty", "via-link.treaty"] {
        let out = treaty(&["test", file], dir.path());
        let text = stdout(&out);
        assert_eq!(code(&out), 2, "{file}: {text}");
        assert!(text.contains("is outside this project"), "{file}: {text}");
    }
    let out = treaty(&["test", "/etc/passwd"], dir.path());
    assert_ne!(code(&out), 0);
}

#[test]
fn the_audit_s_etc_shadow_reference_is_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    std::fs::write(
        dir.path().join("s/shadow.treaty"),
        scenario("../../../../etc/shadow"),
    )
    .unwrap();
    let out = treaty(&["test", "s/shadow.treaty"], dir.path());
    let text = stdout(&out);
    assert_eq!(code(&out), 2, "{text}");
    assert!(
        text.contains("`../../../../etc/shadow` is outside this project"),
        "{text}"
    );
    // Nothing about the file's content (its error count) leaks.
    assert!(!text.contains(" error"), "{text}");
}

#[test]
fn a_scenario_in_a_broken_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    // A model error (an unknown party), not a syntax error: the file parses.
    let broken = TREATY.replace("consult UK, UA", "consult UK, UA, XX");
    let text = format!(
        "{broken}scenario s {{\n  treaty t\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  expect consult UK, UA\n}}\n"
    );
    std::fs::write(dir.path().join("own.treaty"), text).unwrap();
    let out = treaty(&["test", "own.treaty"], dir.path());
    let shown = stdout(&out);
    assert_eq!(code(&out), 2, "{shown}");
    assert!(
        shown.contains("this file, `own.treaty`, has 1 error; first: "),
        "{shown}"
    );
    assert!(!shown.contains("`this file`"), "{shown}");
}
