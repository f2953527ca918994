//! Where: structured trigger scope (areas, `covering`, carve-outs, `across`) and graded
//! indivisibility, through every stage: syntax, model, gap rules, compare cells,
//! `simulate`, `diff` and `fmt`.

mod common;

use common::{code, stderr, stdout, treaty};
use treaty::analysis::{check, model_of, Settings};
use treaty::diagnostics::Severity;
use treaty::model::vocab::{Covered, CrossingLine, Indivisibility};
use treaty::model::{Area, Duty, Line, PartyRef};
use treaty::rules::gaps::{standings, Gap, Standing};
use treaty::source::SourceFile;
use treaty::syntax::{self, ast};

/// A treaty with the parties most examples need and `body` as its clauses.
fn treaty_text(body: &str) -> String {
    format!(
        "treaty t {{\n  form treaty\n  status in-force\n  members US, JP\n  party RU \"Russian Federation\" adversary\n{body}\n}}\n"
    )
}

fn gaps(text: &str) -> Vec<Gap> {
    let report = check(SourceFile::new("t.treaty", text), &Settings::default());
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    report.treaties[0].gaps.clone()
}

fn gap<'g>(gaps: &'g [Gap], code: &str) -> Option<&'g Gap> {
    gaps.iter().find(|g| g.code == code)
}

fn standing(gaps: &[Gap], element: &str) -> (Standing, Vec<String>) {
    let s = standings(gaps)
        .into_iter()
        .find(|s| s.element == element)
        .expect("element");
    (s.standing, s.notes)
}

// ---------------------------------------------------------------- syntax and model

#[test]
fn every_part_of_a_scope_is_lowered_and_resolved() {
    let text = treaty_text(
        "  trigger armed-attack against any member in territory of US, administered-territory of JP, \"the Pacific area\", JP covering territory, forces excluding \"Okinawa\" across ceasefire-line {\n    act each member\n  }\n  trigger armed-attack against JP across \"the line of 1951\" {\n    indivisible common-danger\n  }",
    );
    let parsed = syntax::parse(&text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let ast::ClauseKind::Trigger {
        spec: Some(spec), ..
    } = &parsed.file.treaties[0].clauses.last().unwrap().kind
    else {
        panic!("a trigger")
    };
    assert_eq!(spec.across.as_ref().map(|_| ()), Some(()));
    let (model, diagnostics) = model_of(&text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let t = &model.treaties[0];
    let scope = &t.triggers[0].scope;
    let areas: Vec<&Area> = scope.areas.iter().map(|a| &a.value).collect();
    assert_eq!(
        areas,
        vec![
            &Area::Territory {
                parties: vec![PartyRef::Party { code: "US".into() }]
            },
            &Area::Administered {
                parties: vec![PartyRef::Party { code: "JP".into() }]
            },
            &Area::Region {
                text: "the Pacific area".into()
            },
            // A bare code is that party's territory.
            &Area::Territory {
                parties: vec![PartyRef::Party { code: "JP".into() }]
            },
        ]
    );
    assert_eq!(scope.covering, vec![Covered::Territory, Covered::Forces]);
    assert_eq!(
        scope.excluding[0].value,
        Area::Region {
            text: "Okinawa".into()
        }
    );
    assert_eq!(
        scope.across,
        Some(Line::Named {
            line: CrossingLine::CeasefireLine
        })
    );
    assert_eq!(
        t.triggers[1].scope.across,
        Some(Line::Described {
            text: "the line of 1951".into()
        })
    );
    assert!(t.triggers[1].obligations.iter().any(|o| o.duty
        == Duty::Indivisible {
            grade: Indivisibility::CommonDanger
        }));
    // Spans are kept: the carve-out points at its own text.
    let span = scope.excluding[0].span;
    assert_eq!(&text[span.start..span.end], "\"Okinawa\"");
    // The scope survives a JSON round trip of the model.
    let json = serde_json::to_string(&model).unwrap();
    let back: treaty::model::Model = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn a_bare_indivisible_is_an_attack_on_all() {
    let (model, _) = model_of(&treaty_text(
        "  trigger armed-attack against any member {\n    indivisible\n  }",
    ));
    assert_eq!(
        model.treaties[0].triggers[0].obligations[0].duty,
        Duty::Indivisible {
            grade: Indivisibility::AttackOnAll
        }
    );
}

#[test]
fn misspelt_scope_words_get_did_you_mean() {
    for (clause, wanted) in [
        (
            "  trigger armed-attack against JP in JP covering forcse {\n    act US\n  }",
            "did you mean `forces`?",
        ),
        (
            "  trigger armed-attack against JP across ceasfire-line {\n    act US\n  }",
            "did you mean `ceasefire-line`?",
        ),
        (
            "  trigger armed-attack against JP in territory of JPN {\n    act US\n  }",
            "did you mean `JP`?",
        ),
    ] {
        let (_, diagnostics) = model_of(&treaty_text(clause));
        let helps: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .filter_map(|d| d.help.clone().map(String::from))
            .collect();
        assert!(
            helps.iter().any(|h| h.contains(wanted)),
            "{clause}: {helps:?}"
        );
    }
}

#[test]
fn an_unknown_indivisibility_grade_is_a_syntax_error_not_a_silent_drop() {
    let parsed = syntax::parse(&treaty_text(
        "  trigger armed-attack against any member {\n    indivisible mostly\n  }",
    ));
    assert!(parsed.has_errors());
}

// ---------------------------------------------------------------- GEOGRAPHIC_EXCLUSION

#[test]
fn an_unlimited_scope_or_the_baselines_own_leaves_nothing_out() {
    for scope in [
        "",
        " in territory of each member, \"the North Atlantic area north of the Tropic of Cancer\" covering territory, forces, vessels, aircraft",
    ] {
        let text = treaty_text(&format!(
            "  trigger armed-attack against any member{scope} {{\n    indivisible\n    assist each member -> attacked with armed-force forthwith\n  }}"
        ));
        let gaps = gaps(&text);
        assert!(gap(&gaps, "GEOGRAPHIC_EXCLUSION").is_none(), "{scope}: {gaps:?}");
        assert!(gap(&gaps, "ASYMMETRIC_SCOPE").is_none(), "{scope}: {gaps:?}");
    }
}

#[test]
fn administered_territory_of_one_party_leaves_out_the_other_and_forces_abroad() {
    let gaps = gaps(&treaty_text(
        "  trigger armed-attack against any member in administered-territory of JP {\n    act each member\n  }",
    ));
    let exclusion = gap(&gaps, "GEOGRAPHIC_EXCLUSION").expect("GEOGRAPHIC_EXCLUSION");
    assert!(
        exclusion
            .message
            .contains("the territory of US is not covered (only territory administered by JP)"),
        "{}",
        exclusion.message
    );
    assert_eq!(
        exclusion.detail.as_deref(),
        Some(
            "only territory administered by JP; forces, vessels and aircraft outside the territory"
        )
    );
    let asymmetric = gap(&gaps, "ASYMMETRIC_SCOPE").expect("ASYMMETRIC_SCOPE");
    assert!(
        asymmetric
            .message
            .contains("the territory of JP is covered for JP")
            && asymmetric
                .message
                .contains("the territory of US is not covered"),
        "{}",
        asymmetric.message
    );
    // Both weaken their elements; neither says the element is missing.
    assert_eq!(
        standing(&gaps, "reciprocal"),
        (
            Standing::Partly,
            vec!["asymmetric: territory of US not covered".to_string()]
        )
    );
    assert_eq!(standing(&gaps, "armed-attack-trigger").0, Standing::Partly);
}

#[test]
fn covering_fewer_objects_names_them() {
    let gaps = gaps(&treaty_text(
        "  trigger armed-attack against any member in territory of each member, \"the Pacific\" covering territory {\n    act each member\n  }",
    ));
    let exclusion = gap(&gaps, "GEOGRAPHIC_EXCLUSION").expect("GEOGRAPHIC_EXCLUSION");
    assert_eq!(
        exclusion.detail.as_deref(),
        Some("forces, vessels and aircraft"),
        "{}",
        exclusion.message
    );
    assert!(gap(&gaps, "ASYMMETRIC_SCOPE").is_none());
}

#[test]
fn carve_outs_and_crossing_lines_are_left_out() {
    let gaps = gaps(&treaty_text(
        "  trigger armed-attack against any member excluding \"Crimea\", \"Sevastopol\" across ceasefire-line {\n    act each member\n  }",
    ));
    let exclusion = gap(&gaps, "GEOGRAPHIC_EXCLUSION").expect("GEOGRAPHIC_EXCLUSION");
    assert_eq!(
        exclusion.detail.as_deref(),
        Some("excluding Crimea and Sevastopol; only attacks across the ceasefire line")
    );
}

#[test]
fn a_scope_of_quoted_regions_alone_is_not_measured() {
    let gaps = gaps(&treaty_text(
        "  trigger armed-attack against any member in \"Europe\" {\n    act each member\n  }",
    ));
    assert!(gap(&gaps, "GEOGRAPHIC_EXCLUSION").is_none(), "{gaps:?}");
    assert!(gap(&gaps, "ASYMMETRIC_SCOPE").is_none(), "{gaps:?}");
}

#[test]
fn a_region_that_mentions_a_party_covers_part_of_its_territory_not_all() {
    // US-ROC 1954, Art. VI: all of Taiwan and the Pescadores, but of the United States
    // only the island territories in the West Pacific under its jurisdiction.
    let found = gaps(&treaty_text(
        "  trigger armed-attack against any member in territory of JP, \"the island territories in the West Pacific under US jurisdiction\" {\n    act each member\n  }",
    ));
    let asymmetric = gap(&found, "ASYMMETRIC_SCOPE").expect("asymmetric scope");
    assert!(
        asymmetric.message.contains(
            "the territory of JP is covered for JP, but the territory of US is covered only inside"
        ),
        "{}",
        asymmetric.message
    );
    // A quoted region that is just the party's name still covers all of it.
    let found = gaps(&treaty_text(
        "  trigger armed-attack against any member in territory of JP, \"US\" {\n    act each member\n  }",
    ));
    assert!(gap(&found, "ASYMMETRIC_SCOPE").is_none(), "{found:#?}");
}

#[test]
fn a_trigger_per_party_with_equal_scopes_is_symmetric() {
    let symmetric = gaps(&treaty_text(
        "  trigger armed-attack against US in US {\n    act JP\n  }\n  trigger armed-attack against JP in JP {\n    act US\n  }",
    ));
    assert!(
        gap(&symmetric, "ASYMMETRIC_SCOPE").is_none(),
        "{symmetric:?}"
    );
    // Each party's own territory is covered; forces abroad are not.
    assert_eq!(
        gap(&symmetric, "GEOGRAPHIC_EXCLUSION").and_then(|g| g.detail.as_deref()),
        Some("forces, vessels and aircraft outside the territory")
    );
    let asymmetric = gaps(&treaty_text(
        "  trigger armed-attack against US in US covering territory {\n    act JP\n  }\n  trigger armed-attack against JP in JP {\n    act US\n  }",
    ));
    let finding = gap(&asymmetric, "ASYMMETRIC_SCOPE").expect("ASYMMETRIC_SCOPE");
    assert!(
        finding.message.contains("covered differently"),
        "{}",
        finding.message
    );
}

// ---------------------------------------------------------------- indivisibility

#[test]
fn weaker_recitals_weaken_indivisibility_and_none_leaves_it_missing() {
    let cases = [
        ("indivisible", None),
        ("indivisible attack-on-all", None),
        (
            "indivisible threat-to-community",
            Some((Standing::Partly, "threat to the community only")),
        ),
        (
            "indivisible common-danger",
            Some((Standing::Partly, "common danger only")),
        ),
        (
            "consult each member",
            Some((Standing::Missing, "no-attack-on-all")),
        ),
    ];
    for (clause, expected) in cases {
        let gaps = gaps(&treaty_text(&format!(
            "  trigger armed-attack against any member {{\n    {clause}\n    assist each member -> attacked with armed-force forthwith\n  }}"
        )));
        let (status, notes) = standing(&gaps, "indivisibility");
        match expected {
            None => {
                assert_eq!(status, Standing::Met, "{clause}");
                assert!(gap(&gaps, "NO_ATTACK_ON_ALL").is_none());
            }
            Some((want, note)) => {
                assert_eq!(status, want, "{clause}");
                assert_eq!(notes, vec![note.to_string()], "{clause}");
            }
        }
    }
}

#[test]
fn the_strongest_recital_decides() {
    let gaps = gaps(&treaty_text(
        "  indivisible common-danger\n  trigger armed-attack against any member {\n    indivisible\n  }",
    ));
    assert!(gap(&gaps, "NO_ATTACK_ON_ALL").is_none(), "{gaps:?}");
}

// ---------------------------------------------------------------- compare

#[test]
fn compare_shows_scope_and_indivisibility_as_readable_cells() {
    let output = treaty(
        &[
            "compare",
            "--format",
            "json",
            "treaties/us-japan-1960.treaty",
            "treaties/north-atlantic-1949.treaty",
        ],
        common::repo(),
    );
    assert!(code(&output) <= 1, "{}", stderr(&output));
    let matrix: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    let cell = |element: &str, treaty: &str| -> String {
        matrix["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["element"] == element)
            .and_then(|r| r["cells"].as_array())
            .and_then(|cells| cells.iter().find(|c| c["treaty"] == treaty))
            .and_then(|c| c["text"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(
        cell("armed-attack-trigger", "us_japan_1960"),
        "partly: only territory administered by JP; forces, vessels and aircraft outside the territory"
    );
    assert_eq!(
        cell("reciprocal", "us_japan_1960"),
        "partly: asymmetric: territory of US not covered"
    );
    assert_eq!(
        cell("indivisibility", "us_japan_1960"),
        "partly: common danger only"
    );
    // The North Atlantic Treaty's Art. 6 scope is the baseline's: nothing left out.
    assert_eq!(cell("armed-attack-trigger", "north_atlantic_1949"), "met");
    // The human table keeps every line within 100 columns, long notes broken.
    let human = stdout(&treaty(
        &["compare", "treaties/seato-1954.treaty"],
        common::repo(),
    ));
    assert!(human.lines().all(|l| l.chars().count() <= 100), "{human}");
    assert!(human.contains("inside the named region"), "{human}");
}

// ---------------------------------------------------------------- simulate

const US_JAPAN: &str = r#"treaty usj {
  form treaty
  status in-force
  members US, JP
  trigger armed-attack against any member in administered-territory of JP excluding "Okinawa" {
    act each member
  }
}
"#;

fn simulate(events: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("usj.treaty"), US_JAPAN).unwrap();
    let mut args = vec!["simulate", "usj.treaty"];
    for e in events {
        args.push("--event");
        args.push(e);
    }
    let output = treaty(&args, dir.path());
    assert!(code(&output) <= 1, "{}", stderr(&output));
    stdout(&output)
}

#[test]
fn simulate_decides_places_from_the_structured_scope() {
    // Inside: the party Japan, and US forces in Japan.
    let inside = simulate(&["armed-attack against US in JP at 2027-03-01T06:00Z"]);
    assert!(inside.contains(") fires"), "{inside}");
    // Outside: the United States' own territory.
    let outside = simulate(&["armed-attack against US in US at 2027-03-01T06:00Z"]);
    assert!(
        outside.contains(
            "out-of-scope: US is outside the trigger's scope (territory administered by JP)"
        ),
        "{outside}"
    );
    // A carve-out.
    let carved = simulate(&["armed-attack against JP in \"Okinawa\" at 2027-03-01T06:00Z"]);
    assert!(
        carved.contains(
            "out-of-scope: Okinawa is excluded from the trigger's scope (excluding \"Okinawa\")"
        ),
        "{carved}"
    );
    // A described place the words cannot decide.
    let unknown =
        simulate(&["armed-attack against JP in \"Senkaku Islands\" at 2027-03-01T06:00Z"]);
    assert!(
        unknown.contains(
            "undetermined: cannot tell whether \"Senkaku Islands\" is within territory administered by JP"
        ),
        "{unknown}"
    );
    assert!(unknown.contains("note (place-assumed)"), "{unknown}");
}

#[test]
fn a_described_place_naming_the_party_is_inside() {
    let text = US_JAPAN.replace(
        "members US, JP",
        "party US \"United States\" member\n  party JP \"Japan\" member",
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("usj.treaty"), text).unwrap();
    let output = treaty(
        &[
            "simulate",
            "usj.treaty",
            "--event",
            "armed-attack against JP in \"northern Japan\" at 2027-03-01T06:00Z",
        ],
        dir.path(),
    );
    let out = stdout(&output);
    assert!(
        out.contains(") fires") && !out.contains("undetermined"),
        "{out}"
    );
}

// ---------------------------------------------------------------- diff and fmt

#[test]
fn diff_reports_each_part_of_a_scope_change() {
    let dir = tempfile::tempdir().unwrap();
    let old = treaty_text(
        "  trigger armed-attack against any member in territory of each member {\n    act each member\n  }",
    );
    let new = treaty_text(
        "  trigger armed-attack against any member in territory of each member covering territory excluding \"Okinawa\" across ceasefire-line {\n    act each member\n  }",
    );
    std::fs::write(dir.path().join("old.treaty"), old).unwrap();
    std::fs::write(dir.path().join("new.treaty"), new).unwrap();
    let output = treaty(&["diff", "old.treaty", "new.treaty"], dir.path());
    let text = stdout(&output);
    for wanted in [
        "no longer covers forces, vessels and aircraft",
        "carve-out \"Okinawa\" added",
        "now counts only attacks across the ceasefire line",
    ] {
        assert!(text.contains(wanted), "{wanted}:\n{text}");
    }
}

#[test]
fn fmt_keeps_every_scope_word() {
    let text = "treaty t {\n  form treaty\n  status in-force\n  members US, JP\n  trigger   armed-attack against any member in territory of US,administered-territory of JP covering territory,forces excluding \"Okinawa\" across ceasefire-line {\n    indivisible   common-danger\n    act each member\n  }\n}\n";
    let formatted = treaty::fmt::format_text(text).expect("formats");
    assert!(
        formatted.contains("  trigger armed-attack against any member in territory of US, administered-territory of JP covering territory, forces excluding \"Okinawa\" across ceasefire-line {"),
        "{formatted}"
    );
    assert!(
        formatted.contains("    indivisible common-danger\n"),
        "{formatted}"
    );
    assert_eq!(treaty::fmt::format_text(&formatted).unwrap(), formatted);
}
