//! `treaty compare`, `treaty diff` and `treaty report` end to end.

mod common;

use common::{code, repo, stderr, stdout, treaty};
use serde_json::Value;
use std::collections::BTreeMap;

const V1: &str = "tests/fixtures/diff/draft-v1.treaty";
const V2: &str = "tests/fixtures/diff/draft-v2.treaty";

/// How many treaties `treaties/` holds (one per file), so adding one needs no edit here.
fn bundled_treaties() -> usize {
    std::fs::read_dir(repo().join("treaties"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "treaty")
        })
        .count()
}

/// The JSON `args` print, after the exit code `expected` (compare: 0; diff: 1 when the
/// versions differ).
fn json(args: &[&str], expected: i32) -> Value {
    let output = treaty(args, repo());
    assert_eq!(code(&output), expected, "{args:?}: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("valid JSON")
}

/// The compare matrix as (treaty, element) -> (status, text).
fn cells(matrix: &Value) -> BTreeMap<(String, String), (String, String)> {
    let mut out = BTreeMap::new();
    for row in matrix["rows"].as_array().expect("rows") {
        let element = row["element"].as_str().expect("element").to_string();
        for cell in row["cells"].as_array().expect("cells") {
            out.insert(
                (
                    cell["treaty"].as_str().expect("treaty").to_string(),
                    element.clone(),
                ),
                (
                    cell["status"].as_str().expect("status").to_string(),
                    cell["text"].as_str().expect("text").to_string(),
                ),
            );
        }
    }
    out
}

#[test]
fn compare_human_over_the_bundled_treaties() {
    let output = treaty(&["compare", "treaties"], repo());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(!text.contains('\u{1b}'), "no colour codes");
    for line in text.lines() {
        assert!(line.chars().count() <= 100, "line too long: {line}");
    }
    insta::assert_snapshot!(text);
}

#[test]
fn compare_markdown_over_the_bundled_treaties() {
    let output = treaty(&["compare", "--format", "markdown", "treaties"], repo());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn compare_cells_follow_the_gap_rules() {
    let matrix = json(&["compare", "--format", "json", "treaties"], 0);
    assert_eq!(
        matrix["treaties"].as_array().unwrap().len(),
        bundled_treaties()
    );
    let cells = cells(&matrix);
    let get = |t: &str, e: &str| cells[&(t.to_string(), e.to_string())].clone();
    // No gap: met, everywhere, for the alliance the baseline is drawn from.
    assert!(cells
        .iter()
        .filter(|((t, _), _)| t == "north_atlantic_1949")
        .all(|(_, (status, _))| status == "met"));
    // Only weakening gaps: partly met, naming the qualifier or the weakness.
    assert_eq!(
        get("uk_ukraine_2024", "qualifiers"),
        (
            "partly".into(),
            "partly: legal-requirements, subject-to-funding".into()
        )
    );
    assert_eq!(
        get("uk_ukraine_2024", "armed-attack-trigger").1,
        "partly: attack by RU only"
    );
    assert_eq!(
        get("istanbul_2022", "immediacy").1,
        "partly: after consultation"
    );
    assert_eq!(
        get("us_rok_1953", "duty-to-assist").1,
        "partly: act, not assist"
    );
    // An absence: missing.
    assert_eq!(get("uk_ukraine_2024", "duty-to-assist").0, "missing");
    assert_eq!(get("minsk_2015", "armed-attack-trigger").0, "missing");
    // Immediacy needs a duty to assist: without one it is missing, not vacuously met.
    assert_eq!(get("g7_declaration_2023", "immediacy").0, "missing");
    // The tier row.
    let tiers: BTreeMap<&str, &str> = matrix["treaties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["id"].as_str().unwrap(), t["tier"].as_str().unwrap()))
        .collect();
    assert_eq!(tiers["us_rok_1953"], "hard");
    assert_eq!(tiers["uk_ukraine_2024"], "intermediate");
    assert_eq!(tiers["budapest_1994"], "soft");
}

#[test]
fn compare_refuses_a_file_with_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.treaty"),
        "treaty bad {\n  form treaty\n  status in-force\n  consult XX\n}\n",
    )
    .unwrap();
    let output = treaty(&["compare", "bad.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("unknown party `XX`"),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

#[test]
fn diff_of_the_drafts_human() {
    let output = treaty(&["diff", V1, V2], repo());
    assert_eq!(code(&output), 1, "changes exit 1: {}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("consultation deadline 24 hours -> 72 hours"));
    assert!(text.contains("armed force removed from the response"));
    assert!(text.contains("qualifier as-deemed-necessary added to assist"));
    assert!(text.contains("tier: hard -> intermediate: no longer armed-force assistance"));
    insta::assert_snapshot!(text);
}

#[test]
fn diff_of_the_drafts_json() {
    let value = json(&["diff", "--format", "json", V1, V2], 1);
    assert_eq!(value["changed"], true);
    let treaty = &value["treaties"][0];
    assert_eq!(treaty["tier"]["old"], "hard");
    assert_eq!(treaty["tier"]["new"], "intermediate");
    let lost: Vec<&str> = treaty["elements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["shift"] == "lost")
        .map(|e| e["element"].as_str().unwrap())
        .collect();
    assert_eq!(lost, ["armed-force"]);
    insta::assert_json_snapshot!(value);
}

#[test]
fn diff_markdown_lists_the_changes_in_a_table() {
    let output = treaty(&["diff", "--format", "markdown", V1, V2], repo());
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(text.contains("| weakened | consultation deadline 24 hours -> 72 hours |"));
    assert!(text.contains("| armed force explicit | lost | met | missing |"));
}

/// Draft 1 again, with its header, parties and clauses reordered, other comments and
/// layout, givers listed in another order and a different `source` quotation.
const V1_REORDERED: &str = r#"// Another comment, another layout.
treaty reassurance_draft {
  party RU "Russian Federation" adversary
  party UA "Ukraine" beneficiary
  party UK "United Kingdom" guarantor
  party FR "France" guarantor
  withdrawal notice 1 year after 10 years
  duration indefinite
  title "Treaty on Security Guarantees for Ukraine (draft 1)"
  ratification required
  status draft
  form treaty

  trigger armed-attack against UA {
    assist UK, FR -> attacked with armed-force immediately   // givers reordered
    consult UA, UK, FR within 24 hours
  }
  establish integrated-command "Reassurance Force Headquarters"
    source "a quotation that was not there before"
  provide UK, FR -> UA intelligence, training, air-defence
}
"#;

#[test]
fn a_reordered_reformatted_copy_is_no_change() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join(V1), dir.path().join("v1.treaty")).unwrap();
    std::fs::write(dir.path().join("same.treaty"), V1_REORDERED).unwrap();
    let output = treaty(&["diff", "v1.treaty", "same.treaty"], dir.path());
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(stdout(&output).contains("no semantic change"));
    let output = treaty(
        &["diff", "--format", "json", "v1.treaty", "same.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 0);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["changed"], false);
    assert_eq!(value["treaties"][0]["status"], "unchanged");

    // The same copy with one real change is a change.
    std::fs::write(
        dir.path().join("changed.treaty"),
        V1_REORDERED.replace("within 24 hours", "within 2 days"),
    )
    .unwrap();
    let output = treaty(&["diff", "v1.treaty", "changed.treaty"], dir.path());
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("weakened      consultation deadline 24 hours -> 2 days"));
}

#[test]
fn diff_exits_2_with_diagnostics_on_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(repo().join(V1), dir.path().join("v1.treaty")).unwrap();
    std::fs::write(
        dir.path().join("broken.treaty"),
        "treaty broken {\n  form treaty\n  status draft\n  consult within soon\n}\n",
    )
    .unwrap();
    let output = treaty(&["diff", "v1.treaty", "broken.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("broken.treaty"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("error"));
    let output = treaty(&["diff", "v1.treaty", "missing.treaty"], dir.path());
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("cannot read `missing.treaty`"));
}

/// Attribute values of every tag that starts with `prefix`.
fn tags<'a>(html: &'a str, prefix: &str) -> Vec<&'a str> {
    html.match_indices(prefix)
        .map(|(i, _)| {
            let rest = &html[i..];
            &rest[..rest.find('>').expect("tag closes")]
        })
        .collect()
}

fn attribute(tag: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let start = tag.find(&key).unwrap_or_else(|| panic!("{name} in {tag}")) + key.len();
    let value = &tag[start..];
    value[..value.find('"').expect("attribute closes")]
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn report_structure_agrees_with_compare() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let out_arg = out.to_str().unwrap();
    let output = treaty(&["report", "treaties", "--out", out_arg], repo());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = std::fs::read_to_string(&out).unwrap();

    // Self-contained: no scripts, no external assets.
    common::assert_self_contained(&html);
    assert!(html.contains("<svg") && html.contains("@media print"));
    assert!(html.contains("break-before: page"));

    // Every cell of `compare --format json` is in the page, with the same status and
    // text; and nothing else.
    let matrix = json(&["compare", "--format", "json", "treaties"], 0);
    let expected = cells(&matrix);
    let mut found = BTreeMap::new();
    for tag in tags(&html, "<td class=\"cell ") {
        let status = attribute(tag, "data-status");
        assert!(tag.starts_with(&format!("<td class=\"cell {status}\"")));
        found.insert(
            (
                attribute(tag, "data-treaty"),
                attribute(tag, "data-element"),
            ),
            (status, attribute(tag, "data-text")),
        );
    }
    assert_eq!(found, expected);
    assert_eq!(found.len(), bundled_treaties() * 16);

    // Every treaty has a column, a marker on the ladder and a section; every element
    // a row.
    for t in matrix["treaties"].as_array().unwrap() {
        let id = t["id"].as_str().unwrap();
        let tier = t["tier"].as_str().unwrap();
        let marker = format!("<g class=\"marker\" data-treaty=\"{id}\">");
        assert!(html.contains(&marker), "{id} on the ladder");
        let band = &html[html
            .find(&format!("<g class=\"band\" data-tier=\"{tier}\">"))
            .unwrap()..];
        let band = &band[..band[1..]
            .find("<g class=\"band\"")
            .map_or(band.len(), |i| i + 1)];
        assert!(band.contains(&marker), "{id} in the {tier} band");
        assert!(html.contains(&format!("<th scope=\"col\" data-treaty=\"{id}\">")));
        assert!(html.contains(&format!("<td data-treaty=\"{id}\" data-tier=\"{tier}\">")));
        assert!(
            html.contains(&format!("data-treaty=\"{id}\">\n<h2>")),
            "{id} section"
        );
    }
    for row in matrix["rows"].as_array().unwrap() {
        let element = row["element"].as_str().unwrap();
        assert!(html.contains(&format!("<th scope=\"row\" data-element=\"{element}\">")));
    }
    // Gaps come with their source lines.
    assert!(html.contains("NO_MUTUAL_DEFENCE"));
    assert!(html.contains("trigger armed-attack by RU against UA {"));
}

#[test]
fn report_shows_a_file_with_errors_as_a_card_and_the_others_in_full() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.treaty"),
        "treaty good {\n  form declaration\n  status signed\n  party A \"Alpha\" guarantor\n  party B \"Beta\" beneficiary\n  provide A -> B training\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("broken.treaty"),
        "treaty broken {\n  form treaty\n  status signed\n  asist A -> B\n}\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("only.scenarios.treaty"),
        "scenario s {\n  treaty \"good.treaty\"\n  event armed-attack against B at 2024-01-01T00:00Z\n  expect no act A\n}\n",
    )
    .unwrap();
    let output = treaty(&["report", "."], dir.path());
    // The page is written, and the command still says something was left out.
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    assert!(
        stderr(&output).contains("`./broken.treaty` has 1 error")
            || stderr(&output).contains("broken.treaty` has 1 error"),
        "{}",
        stderr(&output)
    );
    let html = stdout(&output);
    common::assert_self_contained(&html);
    // The readable treaty is in the matrix and has its section; the broken one is not.
    assert!(html.contains("<th scope=\"col\" data-treaty=\"good\">"));
    assert!(!html.contains("data-treaty=\"broken\""));
    // The broken file has a card with its error, its line and its source line.
    let cards = &html[html
        .find("<section class=\"error-cards\"")
        .expect("error cards")..];
    let cards = &cards[..cards.find("</section>").unwrap()];
    assert!(cards.contains("broken.treaty</code></h3>"), "{cards}");
    assert!(cards.contains("1 error:"), "{cards}");
    assert!(cards.contains("line 4, column 3"), "{cards}");
    assert!(cards.contains("asist A -&gt; B"), "{cards}");
    // The subtitle counts what it shows, what held no treaty and what was left out.
    assert!(
        html.contains("1 treaty in 1 file · 1 file with no treaty (scenarios only) · <a href=\"#not-compared\">1 file not compared: errors</a>"),
        "{}",
        &html[html.find("<p class=\"meta\">").unwrap()..][..300]
    );
}

#[test]
fn report_headers_break_between_words_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.treaty"),
        "treaty article_5 {\n  form declaration\n  status signed\n  party A \"Alpha\" guarantor\n}\ntreaty north_atlantic_1949 {\n  form declaration\n  status signed\n  party A \"Alpha\" guarantor\n}\n",
    )
    .unwrap();
    let output = treaty(&["report", "a.treaty"], dir.path());
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let html = stdout(&output);
    // `article_5` never leaves the `5` alone on a line; the long name may break.
    assert!(html.contains(">article_5</a></th>"), "{html}");
    assert!(
        html.contains(">north_<wbr>atlantic_<wbr>1949</a></th>"),
        "{html}"
    );
    // The element column stays in view when the matrix scrolls.
    assert!(html
        .contains(".matrix tbody th, .matrix thead th:first-child { position: sticky; left: 0;"));
    assert!(
        !html.contains("overflow-wrap: anywhere; }\n.met"),
        "cell notes wrap between words"
    );
}

#[test]
fn report_is_deterministic_escaped_and_dated_only_on_request() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("odd.treaty"),
        "treaty odd {\n  title \"<script>alert('x')</script> & co\"\n  form declaration\n  status signed\n  party A \"A <b>\" guarantor\n}\n",
    )
    .unwrap();
    let first = treaty(&["report", "odd.treaty"], dir.path());
    assert_eq!(code(&first), 0, "{}", stderr(&first));
    let second = treaty(&["report", "odd.treaty"], dir.path());
    assert_eq!(stdout(&first), stdout(&second), "same input, same page");
    let html = stdout(&first);
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    assert!(!html.contains("2026") && !html.contains("2025"));

    let dated = treaty(
        &["report", "odd.treaty", "--date", "1 May 2025"],
        dir.path(),
    );
    assert!(stdout(&dated).contains("1 May 2025"));
}

#[test]
fn diff_names_each_kind_of_change() {
    let dir = tempfile::tempdir().unwrap();
    let old = r#"treaty pact {
  form political
  status signed
  duration 10 years
  party US "United States" guarantor
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  party RU "Russia" adversary
  provide US, UK -> UA training, intelligence
  station UK forces in UA size 5000 troops
  trigger armed-attack against UA at-request {
    consult US, UK, UA
    act each guarantor
  }
  trigger cyber-attack against UA {
    consult US, UA immediately
  }
}
"#;
    let new = r#"treaty pact {
  form treaty
  status signed
  duration indefinite
  party US "United States" guarantor
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  party RU "Russia" adversary, guarantor
  provide US, UK -> UA training
  station UK forces in UA size 20000 troops tripwire
  prohibit stationing in UA
  trigger armed-attack by RU against UA {
    consult US, UK, UA within 24 hours
    assist US, UK -> attacked with armed-force forthwith
  }
}
"#;
    std::fs::write(dir.path().join("old.treaty"), old).unwrap();
    std::fs::write(dir.path().join("new.treaty"), new).unwrap();
    let output = treaty(
        &["diff", "--format", "json", "old.treaty", "new.treaty"],
        dir.path(),
    );
    assert_eq!(code(&output), 1, "{}", stderr(&output));
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let changes: Vec<(String, String)> = value["treaties"][0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |kind: &str, text: &str| {
        assert!(
            changes.iter().any(|(k, t)| k == kind && t == text),
            "expected {kind}: {text} in {changes:#?}"
        );
    };
    has("strengthened", "form political -> treaty");
    has("strengthened", "duration 10 years -> indefinite");
    has("weakened", "party RU: role guarantor added");
    has("weakened", "intelligence removed from provide");
    has("strengthened", "size 5000 troops -> 20000 troops");
    has("strengthened", "station made tripwire");
    has("added", "clause added: prohibit stationing in UA");
    has("weakened", "trigger narrowed to an attack by RU");
    has(
        "strengthened",
        "qualifier at-request removed from the trigger armed-attack by RU against UA",
    );
    has("strengthened", "consultation deadline added: 24 hours");
    has(
        "removed",
        "clause removed: act each guarantor (on armed-attack against UA)",
    );
    has(
        "added",
        "clause added: assist US, UK -> attacked with armed-force forthwith (on armed-attack by RU against UA)",
    );
    has(
        "removed",
        "trigger removed: cyber-attack against UA { consult US, UA immediately }",
    );
    let tier = &value["treaties"][0]["tier"];
    assert_eq!(tier["old"], "intermediate");
    assert_eq!(tier["new"], "hard");
    let cause = tier["cause"].as_str().unwrap();
    assert!(cause.starts_with("intermediate -> hard: now "), "{cause}");
    assert!(
        cause.contains("armed-force assistance on armed attack (clause added"),
        "{cause}"
    );
}

#[test]
fn diff_reports_a_rewording_of_the_same_parties() {
    let dir = tempfile::tempdir().unwrap();
    let text = "treaty t {\n  form treaty\n  status signed\n  party A \"A\" guarantor\n  party B \"B\" guarantor\n  party C \"C\" beneficiary\n  provide A, B -> C training\n}\n";
    std::fs::write(dir.path().join("a.treaty"), text).unwrap();
    std::fs::write(
        dir.path().join("b.treaty"),
        text.replace("provide A, B", "provide each guarantor"),
    )
    .unwrap();
    let output = treaty(&["diff", "a.treaty", "b.treaty"], dir.path());
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output)
            .contains("changed       provide by A, B -> each guarantor (the same parties)"),
        "{}",
        stdout(&output)
    );
}
