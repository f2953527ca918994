//! Who and with what (language section D): means and menus, group parties and
//! `except`, stationing on whose territory, limits on the beneficiary, guarantees by
//! reference and foreseen instruments, over small texts and the bundled instruments.

mod common;

use common::{code, repo, stdout, treaty};
use treaty::analysis::{check, FileReport, Settings};
use treaty::diagnostics::{Diagnostic, Severity};
use treaty::rules::Tier;
use treaty::source::SourceFile;

fn run(path: &str, text: &str) -> FileReport {
    check(SourceFile::new(path, text), &Settings::default())
}

fn errors(report: &FileReport) -> Vec<&Diagnostic> {
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn gap<'a>(report: &'a FileReport, code: &str) -> Option<&'a str> {
    report.treaties[0]
        .gaps
        .iter()
        .find(|g| g.code == code)
        .map(|g| g.message.as_str())
}

fn bundled(file: &str) -> FileReport {
    let path = format!("treaties/{file}");
    let text = std::fs::read_to_string(repo().join(&path)).unwrap();
    let report = run(&path, &text);
    assert!(errors(&report).is_empty(), "{path}: {:#?}", errors(&report));
    report
}

const HEAD: &str =
    "  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n";

fn one(body: &str) -> FileReport {
    run("t.treaty", &format!("treaty t {{\n{HEAD}{body}\n}}\n"))
}

// ---------------------------------------------------------------- means

#[test]
fn all_means_is_open_ended_not_armed_force() {
    let report = one(
        "  trigger armed-attack against UA {\n    assist UK -> UA with all-means forthwith\n  }",
    );
    let message = gap(&report, "NO_ARMED_FORCE").expect("NO_ARMED_FORCE");
    assert!(message.contains("open-ended"), "{message}");
    // Still a duty to assist on armed attack in a treaty: hard.
    assert_eq!(report.treaties[0].tier.tier, Tier::Hard);
}

#[test]
fn a_menu_counts_as_armed_force_only_with_armed_force_in_it() {
    let with = one("  trigger armed-attack against UA {\n    assist UK -> UA with may-include armed-force, logistics forthwith\n  }");
    assert!(gap(&with, "NO_ARMED_FORCE").is_none());
    let without = one("  trigger armed-attack against UA {\n    assist UK -> UA with may-include intelligence, logistics forthwith\n  }");
    let message = gap(&without, "NO_ARMED_FORCE").expect("NO_ARMED_FORCE");
    assert!(message.contains("a menu of means"), "{message}");
}

#[test]
fn military_capabilities_are_not_armed_force() {
    let report = one("  trigger armed-attack against UA {\n    assist UK -> UA with military-capabilities forthwith\n  }");
    let message = gap(&report, "NO_ARMED_FORCE").expect("NO_ARMED_FORCE");
    assert!(message.contains("military-capabilities"), "{message}");
    let armed = one(
        "  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }",
    );
    assert!(gap(&armed, "NO_ARMED_FORCE").is_none());
}

// ---------------------------------------------------------------- groups

const GROUP: &str = "treaty t {\n  form political\n  status signed\n  party COW \"Coalition\" guarantor group FR, UK, DE\n  party UA beneficiary\n";

#[test]
fn a_group_declares_its_members_and_expands_to_them() {
    let text = format!("{GROUP}  provide COW except DE -> UA training\n}}\n");
    let (model, diagnostics) = treaty::analysis::model_of(&text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let t = &model.treaties[0];
    let fr = t.party("FR").expect("FR declared by the group");
    assert!(fr.roles.contains(&treaty::vocab::Role::Guarantor));
    let givers: Vec<&str> = t.obligations[0]
        .givers
        .iter()
        .flat_map(|g| t.expand(g))
        .collect();
    assert_eq!(givers, ["FR", "UK"]);
    // `all guarantors` names the members, not the group party.
    let all = treaty::model::PartyRef::All {
        group: treaty::vocab::Group::Guarantors,
    };
    assert_eq!(t.expand(&all), ["FR", "UK", "DE"]);
}

#[test]
fn except_outside_the_group_and_groups_inside_themselves_are_e111() {
    let outside =
        format!("{GROUP}  party PL guarantor\n  provide COW except PL -> UA training\n}}\n");
    let report = run("t.treaty", &outside);
    let e = errors(&report);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, "E111");
    assert!(
        e[0].message.contains("`PL` is not a member of `COW`"),
        "{}",
        e[0].message
    );

    let no_group = format!("{GROUP}  provide FR, UK except UK -> UA training\n}}\n");
    let e = errors(&run("t.treaty", &no_group))
        .iter()
        .map(|d| d.code)
        .collect::<Vec<_>>();
    assert_eq!(e, ["E111"]);

    let itself = "treaty t {\n  form political\n  status signed\n  party A guarantor group A, B\n  party UA beneficiary\n  provide A -> UA training\n}\n";
    let e = errors(&run("t.treaty", itself))
        .iter()
        .map(|d| d.code)
        .collect::<Vec<_>>();
    assert_eq!(e, ["E111"]);

    let cycle = "treaty t {\n  form political\n  status signed\n  party A guarantor group B, C\n  party B guarantor group A, D\n  party UA beneficiary\n  provide A -> UA training\n}\n";
    let report = run("t.treaty", cycle);
    assert!(
        errors(&report)
            .iter()
            .any(|d| d.code == "E111" && d.message.contains("inside itself")),
        "{:#?}",
        errors(&report)
    );

    let fine = format!("{GROUP}  provide COW except DE -> UA training\n}}\n");
    assert!(errors(&run("t.treaty", &fine)).is_empty());
}

#[test]
fn a_group_of_states_is_still_one_sided_and_names_a_state() {
    let text = format!("{GROUP}  provide COW -> UA training\n}}\n");
    let report = run("t.treaty", &text);
    let message = gap(&report, "ONE_SIDED").expect("ONE_SIDED");
    assert!(message.contains("`FR`"), "{message}");
}

// ---------------------------------------------------------------- stationing

#[test]
fn stationing_counts_only_on_the_beneficiarys_territory() {
    let inside = format!("{GROUP}  station COW except DE forces in UA\n}}\n");
    let report = run("t.treaty", &inside);
    assert_eq!(report.treaties[0].tier.tier, Tier::Intermediate);

    let outside = format!("{GROUP}  station DE forces in \"neighbouring NATO territory\"\n}}\n");
    let report = run("t.treaty", &outside);
    let tier = &report.treaties[0].tier;
    assert_eq!(tier.tier, Tier::Soft);
    assert!(
        tier.reasons.iter().any(|r| r
            .text
            .contains("\"neighbouring NATO territory\" do not count")),
        "{tier:?}"
    );
}

// ---------------------------------------------------------------- limits

#[test]
fn limits_on_the_beneficiary_are_named() {
    let report =
        one("  limit UA armed-forces size 600000 troops\n  limit UA neutrality, no-alliance");
    let message = gap(&report, "BENEFICIARY_RESTRICTED").expect("BENEFICIARY_RESTRICTED");
    assert!(
        message.contains("armed forces capped at 600,000 troops"),
        "{message}"
    );
    assert!(
        message.contains("neutrality, no military alliance"),
        "{message}"
    );
    assert!(gap(
        &one("  provide UK -> UA training"),
        "BENEFICIARY_RESTRICTED"
    )
    .is_none());
}

#[test]
fn a_ban_on_some_states_troops_says_whose() {
    let report = one("  party NATO \"NATO allies\" observer\n  prohibit stationing of NATO in UA");
    let message = gap(&report, "STATIONING_PROHIBITED").expect("STATIONING_PROHIBITED");
    assert!(
        message.contains("the forces of NATO may not be stationed in UA"),
        "{message}"
    );
    let quoted = one("  prohibit stationing of \"NATO\" in UA");
    let message = gap(&quoted, "STATIONING_PROHIBITED").unwrap();
    assert!(message.contains("\"NATO\""), "{message}");
    let plain = one("  prohibit stationing in UA");
    assert_eq!(
        gap(&plain, "STATIONING_PROHIBITED"),
        Some("foreign troops or bases are prohibited")
    );
}

// ---------------------------------------------------------------- references

const PACT: &str = "treaty pact {\n  form treaty\n  status in-force\n  members A, B\n  trigger armed-attack against any member in \"the pact area\" {\n    assist each member -> attacked with armed-force forthwith\n  }\n}\n";

#[test]
fn incorporated_obligations_count_as_this_treatys_marked_by_reference() {
    let text = format!("{PACT}treaty t {{\n{HEAD}  incorporate pact\n}}\n");
    let report = run("t.treaty", &text);
    assert!(errors(&report).is_empty(), "{:#?}", errors(&report));
    let t = &report.treaties[1];
    assert_eq!(t.tier.tier, Tier::Hard);
    assert!(
        t.tier
            .reasons
            .iter()
            .any(|r| r.text.contains("(by reference to pact)")),
        "{:?}",
        t.tier
    );
    let by_ref = t
        .gaps
        .iter()
        .find(|g| g.code == "BY_REFERENCE")
        .expect("BY_REFERENCE");
    assert!(
        by_ref.message.contains("incorporate pact"),
        "{}",
        by_ref.message
    );
    // The pact itself is self-contained.
    assert!(report.treaties[0]
        .gaps
        .iter()
        .all(|g| g.code != "BY_REFERENCE"));
}

#[test]
fn mirror_maps_members_onto_guarantors_and_beneficiaries() {
    let text = "treaty t {\n  form treaty\n  status signed\n  party FR guarantor\n  party UA beneficiary\n  mirror article5-baseline\n}\n";
    let (mut model, _) = treaty::analysis::model_of(text);
    let diagnostics = treaty::model::references::resolve_all(
        &mut model.treaties,
        "t.treaty",
        &treaty::model::references::NoFiles,
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let t = &model.treaties[0];
    let attack = t
        .triggers
        .iter()
        .find(|tr| tr.covers_armed_attack())
        .expect("trigger mirrored");
    assert_eq!(attack.by_reference.as_deref(), Some("article5-baseline"));
    assert_eq!(t.expand(&attack.against[0]), ["UA"]);
    let assist = attack
        .obligations
        .iter()
        .find(|o| o.is_assistance_duty())
        .unwrap();
    assert_eq!(t.expand(&assist.givers[0]), ["FR"]);
    // No party of the baseline is taken over by a mirror.
    assert!(t.party("ALLY_A").is_none());
}

#[test]
fn a_missing_or_unreadable_reference_is_e109_on_the_clause() {
    let text = format!("treaty t {{\n{HEAD}  incorporate nowhere_1900\n}}\n");
    let report = run("t.treaty", &text);
    let e = errors(&report);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert_eq!(e[0].code, "E109");
    let span = e[0].primary_span().unwrap();
    assert_eq!(&text[span.start..span.end], "incorporate nowhere_1900");

    let path = format!("treaty t {{\n{HEAD}  mirror pact from \"no/such/file.treaty\"\n}}\n");
    let report = run("t.treaty", &path);
    let e = errors(&report);
    assert_eq!(e.len(), 1, "{e:#?}");
    assert!(e[0].message.contains("cannot read"), "{}", e[0].message);

    let addition = format!("treaty t {{\n{HEAD}  in-addition-to nowhere_1900\n}}\n");
    assert_eq!(errors(&run("t.treaty", &addition))[0].code, "E109");
    let described = format!("treaty t {{\n{HEAD}  in-addition-to \"bilateral agreements\"\n}}\n");
    let report = run("t.treaty", &described);
    assert!(errors(&report).is_empty());
    assert!(gap(&report, "BY_REFERENCE").is_none());
}

#[test]
fn references_are_found_in_the_same_directory() {
    // `north_atlantic_1949` is in `treaties/north-atlantic-1949.treaty`.
    let text = format!("treaty t {{\n{HEAD}  incorporate north_atlantic_1949\n}}\n");
    let path = repo().join("treaties/t-test.treaty");
    let report = run(path.to_str().unwrap(), &text);
    assert!(errors(&report).is_empty(), "{:#?}", errors(&report));
    assert_eq!(report.treaties[0].tier.tier, Tier::Hard);
    assert!(gap(&report, "BY_REFERENCE")
        .unwrap()
        .contains("north_atlantic_1949"));
}

#[test]
fn scope_of_takes_the_referenced_armed_attack_scope() {
    let text = format!("{PACT}treaty t {{\n{HEAD}  trigger armed-attack against UA in scope-of pact {{\n    assist UK -> UA with armed-force forthwith\n  }}\n}}\n");
    let (mut model, _) = treaty::analysis::model_of(&text);
    let diagnostics = treaty::model::references::resolve_all(
        &mut model.treaties,
        "t.treaty",
        &treaty::model::references::NoFiles,
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    // The `scope-of pact` area now carries the pact's own armed-attack scope.
    use treaty::model::scope::Area;
    match &model.treaties[1].triggers[0].scope.areas[0].value {
        Area::ScopeOf {
            treaty,
            resolved: Some(scope),
        } => {
            assert_eq!(treaty, "pact");
            assert!(
                matches!(&scope.areas[0].value, Area::Region { text } if text == "the pact area"),
                "{scope:?}"
            );
        }
        other => panic!("the scope-of area was not resolved: {other:?}"),
    }
    let report = run("t.treaty", &text);
    assert!(report.treaties[1]
        .gaps
        .iter()
        .any(|g| g.code == "BY_REFERENCE"));
}

// ---------------------------------------------------------------- foreseen instruments

#[test]
fn a_foreseen_treaty_gives_the_tier_now_and_once_concluded() {
    let report = bundled("paris-declaration-2026.treaty");
    let tier = &report.treaties[0].tier;
    assert_eq!(tier.tier, Tier::Soft);
    let once = tier.once_concluded.as_ref().expect("once concluded");
    assert_eq!(once.tier, Tier::Hard);
    assert!(
        once.reasons[0].text.starts_with("once concluded as"),
        "{once:?}"
    );
    assert!(
        once.reasons.iter().any(|r| r.text == "forces stationed"),
        "{once:?}"
    );
    let without = one("  provide UK -> UA training");
    assert!(without.treaties[0].tier.once_concluded.is_none());
}

#[test]
fn check_prints_both_tiers_and_json_carries_them() {
    let output = treaty(&["check", "treaties/paris-declaration-2026.treaty"], repo());
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(
        text.contains("  hard once concluded: once concluded as ratified treaty"),
        "{text}"
    );
    let output = treaty(
        &[
            "check",
            "--format",
            "json",
            "treaties/paris-declaration-2026.treaty",
        ],
        repo(),
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let t = &json["files"][0]["treaties"][0];
    assert_eq!(t["tier"], "soft");
    assert_eq!(t["tier_once_concluded"], "hard");
    let output = treaty(
        &["compare", "treaties/paris-declaration-2026.treaty"],
        repo(),
    );
    assert!(stdout(&output).contains("soft→hard"), "{}", stdout(&output));
}

// ---------------------------------------------------------------- the instruments

#[test]
fn the_new_instruments_get_their_tiers_and_gaps() {
    let cases: &[(&str, Tier, &[&str], &[&str])] = &[
        (
            "dunkirk-1947.treaty",
            Tier::Hard,
            &["NO_ARMED_FORCE", "NARROW_TRIGGER", "NOT_IN_FORCE"],
            &["ONE_SIDED", "NOT_IMMEDIATE"],
        ),
        (
            "france-ukraine-2024.treaty",
            Tier::Intermediate,
            &[
                "NOT_BINDING",
                "NO_ARMED_FORCE",
                "CONDITIONAL_ON_REQUEST",
                "FIXED_TERM",
            ],
            &["NO_MUTUAL_DEFENCE"],
        ),
        (
            "arab-league-1950.treaty",
            Tier::Hard,
            &["NO_STATIONED_FORCES", "NO_NUCLEAR_UMBRELLA"],
            &[
                "NO_ARMED_FORCE",
                "NO_ATTACK_ON_ALL",
                "ONE_SIDED",
                "NOT_IMMEDIATE",
            ],
        ),
        (
            "paris-declaration-2026.treaty",
            Tier::Soft,
            &["NOT_BINDING", "NO_ARMED_FORCE", "ONE_SIDED"],
            &["NO_STATIONED_FORCES", "BY_REFERENCE"],
        ),
        (
            "ukraine-compact-2024.treaty",
            Tier::Intermediate,
            &["CONSULT_ONLY", "NARROW_TRIGGER", "ONE_SIDED"],
            &[],
        ),
        (
            "reassurance-force-draft.treaty",
            Tier::Hard,
            &["NOT_IN_FORCE"],
            &["NO_STATIONED_FORCES", "NO_ARMED_FORCE"],
        ),
    ];
    for (file, tier, present, absent) in cases {
        let report = bundled(file);
        let t = &report.treaties[0];
        let codes: Vec<&str> = t.gaps.iter().map(|g| g.code).collect();
        assert_eq!(t.tier.tier, *tier, "{file}: {codes:?}");
        for c in *present {
            assert!(codes.contains(c), "{file}: expected {c} in {codes:?}");
        }
        for c in *absent {
            assert!(
                !codes.contains(c),
                "{file}: did not expect {c} in {codes:?}"
            );
        }
    }
    let paris = bundled("paris-declaration-2026.treaty");
    assert!(
        paris.treaties[0]
            .tier
            .reasons
            .iter()
            .any(|r| r.text.contains("do not count")),
        "{:?}",
        paris.treaties[0].tier
    );
    let dunkirk = bundled("dunkirk-1947.treaty");
    assert!(gap(&dunkirk, "NO_ARMED_FORCE")
        .unwrap()
        .contains("open-ended"));
}

// ---------------------------------------------------------------- fmt and the editor

#[test]
fn fmt_keeps_every_new_construct() {
    let text = "treaty t {\n  form declaration\n  status signed\n  in-addition-to   \"bilateral agreements\"\n  foresees treaty   ratification required\n  party COW \"Coalition\" guarantor   group FR, UK\n  party UA beneficiary\n  station COW except   UK forces in UA\n  limit UA   armed-forces size 600000 troops\n  prohibit stationing of \"NATO\" in UA\n  trigger armed-attack against UA {\n    assist COW -> UA with may-include   logistics\n  }\n}\n";
    let formatted = treaty::fmt::format_text(text).expect("formats");
    assert!(
        formatted.contains("  station COW except UK forces in UA\n"),
        "{formatted}"
    );
    assert!(
        formatted.contains("  party COW \"Coalition\" guarantor group FR, UK\n"),
        "{formatted}"
    );
    assert!(
        formatted.contains("with may-include logistics"),
        "{formatted}"
    );
    assert_eq!(treaty::fmt::format_text(&formatted).unwrap(), formatted);
}

#[test]
fn the_new_words_are_keywords_and_vocabulary_for_the_editor() {
    for word in [
        "limit",
        "incorporate",
        "mirror",
        "in-addition-to",
        "foresees",
    ] {
        assert!(treaty::syntax::keywords::find(word).is_some(), "{word}");
    }
    assert!(treaty::vocab::LimitKind::parse("demilitarised-zone").is_some());
    assert!(treaty::vocab::Means::parse("military-capabilities").is_some());
    assert!(!treaty::vocab::Means::AllMeans.includes_armed_force());
    assert!(!treaty::vocab::Means::MilitaryCapabilities.includes_armed_force());
}
