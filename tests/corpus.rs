//! The example corpus in `treaties/`: every file checks without errors, each gets the
//! tier the reference material gives it, and the gaps that matter most for it. Tiers
//! and gaps come from the rules; nothing here is keyed to a file by the code under test.

use std::collections::BTreeMap;
use treaty::analysis::{check, Settings};
use treaty::diagnostics::Severity;
use treaty::output::human::HumanStyle;
use treaty::rules::Tier;
use treaty::source::SourceFile;

fn report(file: &str) -> (Tier, Vec<&'static str>) {
    let path = format!("treaties/{file}");
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + &path)
            .unwrap_or_else(|e| panic!("{path}: {e}"));
    let report = check(SourceFile::new(path.clone(), text), &Settings::default());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{path}: {errors:#?}");
    assert_eq!(report.treaties.len(), 1, "{path}: one treaty per file");
    let treaty = &report.treaties[0];
    (
        treaty.tier.tier,
        treaty.gaps.iter().map(|g| g.code).collect(),
    )
}

fn expect(file: &str, tier: Tier, present: &[&str], absent: &[&str]) {
    let (got, gaps) = report(file);
    assert_eq!(got, tier, "{file}: gaps {gaps:?}");
    for code in present {
        assert!(gaps.contains(code), "{file}: expected {code} in {gaps:?}");
    }
    for code in absent {
        assert!(
            !gaps.contains(code),
            "{file}: did not expect {code} in {gaps:?}"
        );
    }
}

#[test]
fn north_atlantic_treaty_is_hard_with_no_gaps() {
    let (tier, gaps) = report("north-atlantic-1949.treaty");
    assert_eq!(tier, Tier::Hard);
    assert!(gaps.is_empty(), "{gaps:?}");
}

#[test]
fn us_rok_is_hard_despite_its_weaker_wording() {
    expect(
        "us-rok-1953.treaty",
        Tier::Hard,
        &[
            "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE",
            "NO_ATTACK_ON_ALL",
            "COMMON_DANGER_FORMULA",
            "NO_ARMED_FORCE",
            "NOT_IMMEDIATE",
            "GEOGRAPHIC_EXCLUSION",
        ],
        &[
            "NO_STATIONED_FORCES",
            "NO_NUCLEAR_UMBRELLA",
            "ONE_SIDED",
            "NOT_BINDING",
        ],
    );
}

#[test]
fn budapest_is_soft() {
    expect(
        "budapest-1994.treaty",
        Tier::Soft,
        &[
            "NOT_BINDING",
            "UNSC_DEPENDENT",
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            "NARROW_TRIGGER",
            "CONSULT_ONLY",
            "NO_MUTUAL_DEFENCE",
        ],
        &[],
    );
}

#[test]
fn minsk_is_soft() {
    expect(
        "minsk-2015.treaty",
        Tier::Soft,
        &[
            "NOT_BINDING",
            "NOT_IN_FORCE",
            "NO_MUTUAL_DEFENCE",
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
        ],
        &["ONE_SIDED"],
    );
}

#[test]
fn istanbul_is_hard_as_drafted() {
    expect(
        "istanbul-2022.treaty",
        Tier::Hard,
        &[
            "NOT_IN_FORCE",
            "CONSULTATION_DELAY",
            "STATIONING_PROHIBITED",
            "NO_STATIONED_FORCES",
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            "GEOGRAPHIC_EXCLUSION",
            "CONDITIONAL_ON_REQUEST",
        ],
        &["NO_ARMED_FORCE", "NOT_IMMEDIATE"],
    );
}

#[test]
fn g7_declaration_is_soft() {
    expect(
        "g7-declaration-2023.treaty",
        Tier::Soft,
        &[
            "NOT_BINDING",
            "CONSULT_ONLY",
            "NO_CONSULTATION_DEADLINE",
            "NARROW_TRIGGER",
            "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE",
        ],
        &[],
    );
}

#[test]
fn uk_ukraine_is_intermediate() {
    expect(
        "uk-ukraine-2024.treaty",
        Tier::Intermediate,
        &[
            "CONSULT_ONLY",
            "NOT_BINDING",
            "FIXED_TERM",
            "NO_ARMED_FORCE",
            "NARROW_TRIGGER",
            "ONE_SIDED",
        ],
        &["NO_CONSULTATION_DEADLINE"],
    );
}

#[test]
fn us_ukraine_2024_is_intermediate() {
    expect(
        "us-ukraine-2024.treaty",
        Tier::Intermediate,
        &[
            "BINDING_STATUS_CONTESTED",
            "SHORT_NOTICE_EXIT",
            "FIXED_TERM",
            "CONDITIONAL_ON_REQUEST",
            "FUNDING_CONDITIONAL",
            "CONSULT_ONLY",
        ],
        &["NOT_BINDING", "NARROW_TRIGGER"],
    );
}

#[test]
fn eu_ukraine_is_intermediate() {
    expect(
        "eu-ukraine-2024.treaty",
        Tier::Intermediate,
        &[
            "NOT_BINDING",
            "NEUTRALITY_CARVEOUT",
            "CONDITIONAL_ON_REQUEST",
            "FUNDING_CONDITIONAL",
            "FIXED_TERM",
            "CONSULT_ONLY",
        ],
        &["NARROW_TRIGGER"],
    );
}

#[test]
fn ukraine_compact_is_intermediate() {
    expect(
        "ukraine-compact-2024.treaty",
        Tier::Intermediate,
        &["NOT_BINDING", "NO_MUTUAL_DEFENCE"],
        &[],
    );
}

#[test]
fn taiwan_is_intermediate() {
    expect(
        "taiwan-2022.treaty",
        Tier::Intermediate,
        &["NOT_INTERNATIONAL", "NO_MUTUAL_DEFENCE"],
        &["NOT_BINDING"],
    );
}

#[test]
fn us_ukraine_2025_is_soft() {
    expect(
        "us-ukraine-2025.treaty",
        Tier::Soft,
        &["INTENT_ONLY", "CONDITIONAL_COMMITMENT"],
        &[],
    );
}

#[test]
fn reassurance_force_is_hard_as_drafted() {
    expect(
        "reassurance-force-draft.treaty",
        Tier::Hard,
        &["NOT_IN_FORCE"],
        &[
            "NO_STATIONED_FORCES",
            "NO_ARMED_FORCE",
            "NO_INTEGRATED_COMMAND",
        ],
    );
}

#[test]
fn rio_treaty_is_hard_with_its_collective_measures_voted_by_two_thirds() {
    expect(
        "rio-1947.treaty",
        Tier::Hard,
        &[
            "COLLECTIVE_DECISION",
            "ARMED_FORCE_OPT_OUT",
            "RIGHT_NOT_OBLIGATION",
            "CONDITIONAL_ON_REQUEST",
        ],
        &[
            "NO_ATTACK_ON_ALL",
            "NO_ARMED_FORCE",
            "NARROW_TRIGGER",
            "UNILATERAL_DETERMINATION",
            "GUARANTOR_IS_POTENTIAL_AGGRESSOR",
            "ONE_SIDED",
        ],
    );
}

#[test]
fn shusha_declaration_is_hard_but_its_assistance_is_decided_jointly_after_consultation() {
    expect(
        "shusha-2021.treaty",
        Tier::Hard,
        &[
            "COLLECTIVE_DECISION",
            "CONSULTATION_DELAY",
            "NO_ARMED_FORCE",
        ],
        &[
            "NOT_RATIFIED",
            "NOT_IN_FORCE",
            "UNILATERAL_DETERMINATION",
            "NARROW_TRIGGER",
        ],
    );
}

#[test]
fn saudi_pakistan_agreement_is_contested_and_has_no_threshold() {
    expect(
        "saudi-pakistan-2025.treaty",
        Tier::Intermediate,
        &["BINDING_STATUS_CONTESTED"],
        &[
            "NARROW_TRIGGER",
            "NO_ATTACK_ON_ALL",
            "NO_MUTUAL_DEFENCE",
            "ONE_SIDED",
            "COLLECTIVE_DECISION",
        ],
    );
}

#[test]
fn us_draft_guarantee_has_a_threshold_and_leaves_the_response_to_the_president() {
    expect(
        "us-guarantee-draft-2025.treaty",
        Tier::Intermediate,
        &[
            "NARROW_TRIGGER",
            "UNILATERAL_DETERMINATION",
            "CONSULTATION_DELAY",
            "NOT_IN_FORCE",
            "FIXED_TERM",
        ],
        &["NO_ARMED_FORCE", "COLLECTIVE_DECISION"],
    );
}

#[test]
fn every_instrument_of_the_corpus_is_present() {
    let files: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/treaties"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let tiers: BTreeMap<&str, Tier> = [
        ("north-atlantic-1949.treaty", Tier::Hard),
        ("us-rok-1953.treaty", Tier::Hard),
        ("budapest-1994.treaty", Tier::Soft),
        ("minsk-2015.treaty", Tier::Soft),
        ("istanbul-2022.treaty", Tier::Hard),
        ("g7-declaration-2023.treaty", Tier::Soft),
        ("uk-ukraine-2024.treaty", Tier::Intermediate),
        ("us-ukraine-2024.treaty", Tier::Intermediate),
        ("eu-ukraine-2024.treaty", Tier::Intermediate),
        ("ukraine-compact-2024.treaty", Tier::Intermediate),
        ("taiwan-2022.treaty", Tier::Intermediate),
        ("us-ukraine-2025.treaty", Tier::Soft),
        ("reassurance-force-draft.treaty", Tier::Hard),
        ("rio-1947.treaty", Tier::Hard),
        ("shusha-2021.treaty", Tier::Hard),
        ("saudi-pakistan-2025.treaty", Tier::Intermediate),
        ("us-guarantee-draft-2025.treaty", Tier::Intermediate),
        ("us-roc-1954.treaty", Tier::Hard),
        ("warsaw-pact-1955.treaty", Tier::Hard),
        ("china-dprk-1961.treaty", Tier::Hard),
        ("anzus-1951.treaty", Tier::Hard),
    ]
    .into_iter()
    .collect();
    for (file, tier) in &tiers {
        assert!(files.iter().any(|f| f == file), "{file} missing");
        assert_eq!(report(file).0, *tier, "{file}");
    }
}

#[test]
fn snapshots_of_every_treaty() {
    let settings = Settings::default();
    let baseline = &settings.baseline;
    insta::glob!("../treaties", "*.treaty", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        let name = format!("treaties/{}", path.file_name().unwrap().to_string_lossy());
        let reports = [treaty::uplift::check(
            SourceFile::new(name, text),
            &settings,
        )];
        let human = treaty::cli::check::render_human(&reports, HumanStyle::plain());
        insta::assert_snapshot!("human", human);
        let json = serde_json::to_value(treaty::output::json::output(&reports, &baseline.name))
            .expect("the JSON output is a value");
        insta::assert_snapshot!("verdict", verdict(&json));
    });
}

/// What the JSON says a treaty is, one finding a line: tier and reasons, each gap's
/// position, element and code, the next-tier path's steps, and the file's other
/// diagnostics at their first label (each gap must have its diagnostic at its place). The wording is in the human snapshot beside it; the whole
/// JSON shape is `tests/cli.rs`'s and the schema's.
fn verdict(json: &serde_json::Value) -> String {
    use std::fmt::Write;
    let text = |v: &serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let position = |v: &serde_json::Value| match (v["line"].as_u64(), v["column"].as_u64()) {
        (Some(l), Some(c)) => format!("{l}:{c}"),
        _ => "-".to_string(),
    };
    let mut out = String::new();
    for file in json["files"].as_array().expect("files") {
        // Each gap is also one of the file's diagnostics, at the same place: those are
        // matched off here (and must all be found), the others listed.
        let mut gaps_unmatched = Vec::new();
        for treaty in file["treaties"].as_array().expect("treaties") {
            let _ = writeln!(out, "{}: {}", text(&treaty["id"]), text(&treaty["tier"]));
            for reason in treaty["tier_reasons"].as_array().into_iter().flatten() {
                let _ = writeln!(out, "  because {}", text(reason));
            }
            for step in treaty["next_tier"].as_array().into_iter().flatten() {
                let lines: Vec<String> = step["edits"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|e| format!("{} {}", text(&e["action"]), e["line"]))
                    .collect();
                let _ = writeln!(
                    out,
                    "  to {}: {} ({})",
                    text(&step["tier"]),
                    if step["found"] == true {
                        "found"
                    } else {
                        "not found"
                    },
                    lines.join(", ")
                );
            }
            for gap in treaty["gaps"].as_array().into_iter().flatten() {
                let _ = writeln!(
                    out,
                    "  gap {:<7} {:<22} {}",
                    position(gap),
                    text(&gap["element"]),
                    text(&gap["code"])
                );
                gaps_unmatched.push((text(&gap["code"]), position(gap)));
            }
        }
        for d in file["diagnostics"].as_array().into_iter().flatten() {
            let found = (text(&d["code"]), position(&d["labels"][0]));
            if let Some(i) = gaps_unmatched.iter().position(|g| *g == found) {
                gaps_unmatched.swap_remove(i);
                continue;
            }
            let _ = writeln!(out, "  {} {:<7} {}", text(&d["severity"]), found.1, found.0);
        }
        assert!(
            gaps_unmatched.is_empty(),
            "gaps with no diagnostic at their place in {}: {gaps_unmatched:?}",
            text(&file["path"])
        );
    }
    out
}

#[test]
fn us_japan_is_hard_with_an_asymmetric_administered_scope() {
    expect(
        "us-japan-1960.treaty",
        Tier::Hard,
        &[
            "ASYMMETRIC_SCOPE",
            "GEOGRAPHIC_EXCLUSION",
            "NO_ATTACK_ON_ALL",
            "COMMON_DANGER_FORMULA",
            "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE",
            "NO_ARMED_FORCE",
        ],
        &["ONE_SIDED", "NO_STATIONED_FORCES", "NOT_BINDING"],
    );
}

#[test]
fn seato_is_hard_with_a_treaty_area_and_the_us_understanding() {
    expect(
        "seato-1954.treaty",
        Tier::Hard,
        &[
            "GEOGRAPHIC_EXCLUSION",
            "ASYMMETRIC_SCOPE",
            "NO_ATTACK_ON_ALL",
            "COMMON_DANGER_FORMULA",
            "CONDITIONAL_COMMITMENT",
            "NO_ARMED_FORCE",
        ],
        &["ONE_SIDED", "NOT_BINDING", "NO_CONSULTATION"],
    );
}

#[test]
fn brussels_is_hard_all_aid_in_europe_but_lapsed() {
    expect(
        "brussels-1948.treaty",
        Tier::Hard,
        // "All the military and other aid and assistance in their power" does not name
        // armed force, so the open-ended means are NO_ARMED_FORCE.
        &[
            "NOT_IN_FORCE",
            "NO_ATTACK_ON_ALL",
            "NOT_IMMEDIATE",
            "NO_ARMED_FORCE",
        ],
        // "In Europe" is a quoted region: not measured against the baseline's scope.
        &["GEOGRAPHIC_EXCLUSION", "ASYMMETRIC_SCOPE", "ONE_SIDED"],
    );
}
