//! The next-tier path (`treaty::uplift`) and counter-scenarios (`treaty::counter`):
//! every path of the corpus, applied to a copy of its file, gives exactly the tier it
//! promised; the JSON field, the human lines, and `treaty explain-gap`.

mod common;
use common::OutputWithin;

use std::process::Command;

use treaty::analysis::{self, FileReport, Settings};
use treaty::rules::next_tier::{Edit, EditAction};
use treaty::rules::Tier;
use treaty::source::SourceFile;

fn checked(path: &str, text: &str) -> FileReport {
    let settings = Settings::default();
    treaty::uplift::check(SourceFile::new(path, text), &settings)
}

/// The edits made by line number, from the bottom up, independently of the search.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut sorted = edits.to_vec();
    sorted.sort_by_key(|e| std::cmp::Reverse(e.line));
    for edit in &sorted {
        let at = edit.line - 1;
        let n = edit.removed.len();
        assert_eq!(
            lines[at..at + n],
            edit.removed[..],
            "the lines the edit removes are the file's"
        );
        assert_eq!(n == 0, edit.action == EditAction::Insert);
        lines.splice(at..at + n, edit.insert.iter().cloned());
    }
    lines.join("\n") + "\n"
}

#[test]
fn every_path_of_the_corpus_gives_the_tier_it_promised() {
    let mut below_hard = 0;
    for entry in std::fs::read_dir("treaties").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "treaty") {
            continue;
        }
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let report = checked(&name, &text);
        for treaty in &report.treaties {
            let above: Vec<Tier> = [Tier::Intermediate, Tier::Hard]
                .into_iter()
                .filter(|t| *t > treaty.tier.tier)
                .collect();
            let targets: Vec<Tier> = treaty.next_tier.iter().map(|p| p.tier).collect();
            assert_eq!(targets, above, "{name}: {}", treaty.id);
            if !above.is_empty() {
                below_hard += 1;
            }
            for step in &treaty.next_tier {
                assert!(step.found, "{name}: no path to {}", step.tier);
                assert!(!step.edits.is_empty() && step.edits.len() <= treaty::uplift::MAX_EDITS);
                let edited = apply(&text, &step.edits);
                let again = analysis::check(
                    SourceFile::new(name.clone(), edited.clone()),
                    &Settings::default(),
                );
                let errors = |r: &FileReport| r.count(treaty::diagnostics::Severity::Error);
                assert!(errors(&again) <= errors(&report), "{name}:\n{edited}");
                let tier = again
                    .treaties
                    .iter()
                    .find(|t| t.id == treaty.id)
                    .map(|t| t.tier.tier);
                assert_eq!(tier, Some(step.tier), "{name} edited:\n{edited}");
            }
        }
    }
    assert!(below_hard >= 10, "the corpus has treaties below hard");
}

#[test]
fn the_path_is_the_smallest_and_uses_the_files_parties() {
    let text = std::fs::read_to_string("treaties/g7-declaration-2023.treaty").unwrap();
    let report = checked("g7.treaty", &text);
    let paths = &report.treaties[0].next_tier;
    // A declaration stays soft whatever it lists: one change, the form.
    assert_eq!(paths[0].tier, Tier::Intermediate);
    assert_eq!(paths[0].edits.len(), 1);
    assert_eq!(paths[0].edits[0].insert, vec!["  form treaty".to_string()]);
    assert_eq!(
        paths[0].edits[0].removed,
        vec!["  form declaration".to_string()]
    );
    // Hard needs the form and a duty to assist, written with the file's own groups.
    assert_eq!(paths[1].tier, Tier::Hard);
    assert_eq!(paths[1].edits.len(), 2);
    assert!(paths[1].edits.iter().any(|e| e.insert
        == vec!["    assist each guarantor -> UA with armed-force forthwith".to_string()]));
    // A hard treaty gets none.
    let nato = std::fs::read_to_string("treaties/north-atlantic-1949.treaty").unwrap();
    assert!(checked("n.treaty", &nato).treaties[0].next_tier.is_empty());
}

#[test]
fn the_json_output_has_a_next_tier_field() {
    let text = std::fs::read_to_string("treaties/taiwan-2022.treaty").unwrap();
    let reports = [checked("taiwan.treaty", &text)];
    let json = serde_json::to_value(treaty::output::json::output(&reports, "Article 5")).unwrap();
    let next = &json["files"][0]["treaties"][0]["next_tier"];
    assert_eq!(next[0]["tier"], "hard", "{json}");
    let edits = next[0]["edits"].as_array().expect("edits");
    assert_eq!(edits.len(), 2, "{next}");
    assert_eq!(edits[0]["line"], 7);
    assert_eq!(edits[0]["action"], "replace");
    assert_eq!(edits[0]["insert"][0], "  form treaty");
    assert_eq!(edits[1]["action"], "insert");
    assert_eq!(edits[1]["insert"][0], "  trigger armed-attack against TW {");
    assert_eq!(
        edits[1]["insert"][1],
        "    assist US -> TW with armed-force forthwith"
    );
    // A hard treaty has no such field.
    let nato = std::fs::read_to_string("treaties/north-atlantic-1949.treaty").unwrap();
    let reports = [checked("n.treaty", &nato)];
    let json = serde_json::to_value(treaty::output::json::output(&reports, "Article 5")).unwrap();
    assert!(json["files"][0]["treaties"][0].get("next_tier").is_none());
}

#[test]
fn the_human_output_has_one_line_per_step() {
    let out = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(["check", "treaties/uk-ukraine-2024.treaty"])
        .env("NO_COLOR", "1")
        .output_within();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let tier_line = stdout
        .lines()
        .position(|l| l.starts_with("  intermediate: "))
        .expect("tier line");
    // The gap codes come first, then one line per step.
    let gaps = stdout.lines().nth(tier_line + 1).unwrap();
    assert!(gaps.starts_with("  gaps: NOT_BINDING, "), "{gaps}");
    let lines: Vec<&str> = stdout.lines().skip(tier_line + 2).take(3).collect();
    assert_eq!(
        lines,
        [
            "  to reach hard (2 changes):",
            "    line 13: replace `form political` with `form treaty` (binding in international law)",
            "    line 35: insert `assist UK -> UA with armed-force forthwith` (a duty to assist with armed force on armed attack)",
        ],
        "{stdout}"
    );
}

fn explain_gap(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .arg("explain-gap")
        .args(args)
        .output_within();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn explain_gap_runs_the_event_against_the_text_and_the_baseline() {
    let (code, out) = explain_gap(&["treaties/uk-ukraine-2024.treaty", "CONSULT_ONLY"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("event: armed-attack by RU against UA at "),
        "{out}"
    );
    // Under the text: consultation within 24 hours, and no assistance.
    assert!(
        out.contains("UK, UA must `consult UK, UA within 24 hours` by T+24h"),
        "{out}"
    );
    assert!(out.contains("no party owes assistance"), "{out}");
    // Under the baseline, from its own run: the other members assist forthwith.
    assert!(
        out.contains("under Article 5 (the same event, `armed-attack by RU against ALLY_A"),
        "{out}"
    );
    assert!(
        out.contains("ALLY_B, ALLY_C may (at their discretion) `assist each member -> attacked with armed-force forthwith` at once (T)"),
        "{out}"
    );
}

#[test]
fn explain_gap_picks_the_event_that_fits_the_gap() {
    // A narrow trigger: an attack by a state it does not name.
    let (_, out) = explain_gap(&["treaties/us-guarantee-draft-2025.treaty", "NARROW_TRIGGER"]);
    assert!(out.contains("armed-attack by XX against UA"), "{out}");
    assert!(
        out.contains("is not the adversary the trigger names"),
        "{out}"
    );
    // A fixed term: an attack after it has run out.
    let (_, out) = explain_gap(&["treaties/uk-ukraine-2024.treaty", "FIXED_TERM"]);
    assert!(out.contains("at 2034-02-12T06:00Z"), "{out}");
    assert!(out.contains("does not fire: lapsed"), "{out}");
    // Something no event can show.
    let (code, out) = explain_gap(&["treaties/uk-ukraine-2024.treaty", "NO_NUCLEAR_UMBRELLA"]);
    assert_eq!(code, 0);
    assert!(out.contains("no event shows this gap"), "{out}");
    // A gap the file does not have, and a code that is not a gap.
    let (code, _) = explain_gap(&["treaties/north-atlantic-1949.treaty", "CONSULT_ONLY"]);
    assert_eq!(code, 1);
    let (code, out) = explain_gap(&["treaties/uk-ukraine-2024.treaty", "NOT_A_CODE"]);
    assert_eq!(code, 2, "{out}");
    // JSON.
    let (_, out) = explain_gap(&[
        "treaties/uk-ukraine-2024.treaty",
        "CONSULT_ONLY",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &json["gaps"][0]["counter_scenario"];
    assert_eq!(c["code"], "CONSULT_ONLY");
    assert!(c["under_baseline"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l.as_str().unwrap().contains("armed-force")));
}

/// The `console` examples of docs/gradation.md's section, run as written.
#[test]
fn the_documented_examples_are_real_output() {
    let doc = std::fs::read_to_string("docs/gradation.md").unwrap();
    let section = doc
        .split("## What moves it up, and what a gap means")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .expect("the section");
    let blocks: Vec<&str> = section
        .split("```console\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap())
        .collect();
    assert_eq!(blocks.len(), 2);
    for block in blocks {
        let mut lines = block.lines();
        let command = lines.next().unwrap().strip_prefix("$ treaty ").unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_treaty"))
            .args(command.split(' '))
            .env("NO_COLOR", "1")
            .output_within();
        let stdout = String::from_utf8(out.stdout).unwrap();
        // `...` stands for the diagnostics before the lines shown.
        let shown: Vec<&str> = lines.filter(|l| *l != "...").collect();
        let at = stdout
            .find(shown[0])
            .unwrap_or_else(|| panic!("`{command}`: {}\nnot in\n{stdout}", shown[0]));
        let real: Vec<&str> = stdout[at..].lines().take(shown.len()).collect();
        assert_eq!(real, shown, "`{command}`");
    }
}
