//! Issue 15, items 1-3 and 7 (E103): the usual drafting mistakes, each as a drafter
//! would make it in a small Nordic-Baltic pact, checked through the whole pipeline.
//! Every case failed before: a caret drawn at the end of the clause, findings that only
//! followed from a typo, a qualifier that silently swallowed a name, an impossible date
//! with no date offered.

mod common;

use treaty::analysis::{check, Settings};
use treaty::diagnostics::Diagnostic;
use treaty::output::human::{render, HumanStyle};
use treaty::rules::TreatyReport;
use treaty::source::SourceFile;

/// A collective pact whose attack trigger brings a duty to assist forthwith.
const PACT: &str = "treaty nordic_baltic {
  form treaty
  status in-force
  party FI \"Finland\" member
  party SE \"Sweden\" member
  party EE \"Estonia\" member
  party LV \"Latvia\" member
  establish council \"Nordic-Baltic Defence Council\"
  trigger armed-attack against any member {
    assist each member -> attacked with armed-force forthwith
    consult FI, SE, EE, LV within 24 hours
  }
}
";

fn edited(from: &str, to: &str) -> String {
    assert!(PACT.contains(from), "{from}");
    PACT.replacen(from, to, 1)
}

struct Checked {
    source: SourceFile,
    treaties: Vec<TreatyReport>,
    diagnostics: Vec<Diagnostic>,
}

fn checked(text: &str) -> Checked {
    let report = check(SourceFile::new("pact.treaty", text), &Settings::default());
    Checked {
        source: report.source,
        treaties: report.treaties,
        diagnostics: report.diagnostics,
    }
}

impl Checked {
    fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code).collect()
    }

    fn of(&self, code: &str) -> Vec<&Diagnostic> {
        self.diagnostics.iter().filter(|d| d.code == code).collect()
    }

    fn human(&self, code: &str) -> String {
        let diagnostic = self.of(code).into_iter().next().expect("the diagnostic");
        render(diagnostic, &self.source, HumanStyle::plain())
    }
}

/// The underline row below source line `line` in a miette rendering, as (column, text)
/// runs: where each label's underline starts (1-based character column in the source
/// line) and its characters.
fn underline_runs(rendered: &str, line: usize) -> Vec<(usize, String)> {
    let rows: Vec<&str> = rendered.lines().collect();
    let gutter = format!("{line} │ ");
    let at = rows
        .iter()
        .position(|r| r.trim_start().starts_with(&gutter))
        .unwrap_or_else(|| panic!("line {line} is shown:\n{rendered}"));
    let source_start = rows[at].find('│').unwrap() + '│'.len_utf8() + 1;
    let source_column = rows[at][..source_start].chars().count();
    let under: Vec<char> = rows[at + 1].chars().collect();
    let mut runs = Vec::new();
    let mut i = source_column;
    while i < under.len() {
        if under[i] == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < under.len() && under[i] != ' ' {
            i += 1;
        }
        runs.push((start - source_column + 1, under[start..i].iter().collect()));
    }
    runs
}

/// The primary label's position and width, in characters.
fn primary(checked: &Checked, code: &str) -> (usize, usize, usize) {
    let d = checked.of(code).into_iter().next().expect("the diagnostic");
    let span = d.labels[0].span;
    let (line, column) = checked.source.line_col(span.start);
    let width = checked.source.text[span.start..span.end].chars().count();
    (line, column, width)
}

/// The caret of each syntax error is drawn under the word the message names.
fn assert_caret_under_primary(text: &str, found: &str) {
    let checked = checked(text);
    let (line, column, width) = primary(&checked, "E001");
    let message = &checked.of("E001")[0].labels[0].message;
    assert!(message.contains(found), "{message}");
    let rendered = checked.human("E001");
    let runs = underline_runs(&rendered, line);
    assert!(
        runs.iter()
            .any(|(c, run)| *c == column && run.chars().count() == width.max(1)),
        "no underline of width {width} at column {column} in {runs:?}:\n{rendered}"
    );
}

#[test]
fn the_caret_of_a_missing_comma_is_under_the_second_code() {
    let text = edited("consult FI, SE, EE, LV", "consult FI SE EE LV");
    assert_caret_under_primary(&text, "found `SE`");
}

#[test]
fn the_caret_of_a_wrong_arrow_is_under_the_arrow() {
    let text = edited("each member -> attacked", "each member => attacked");
    assert_caret_under_primary(&text, "found `=`");
}

#[test]
fn the_caret_of_a_misspelt_role_is_under_the_role() {
    let text = edited("party LV \"Latvia\" member", "party LV \"Latvia\" membr");
    assert_caret_under_primary(&text, "found `membr`");
}

#[test]
fn a_hedge_before_the_parties_is_a_misplaced_qualifier_with_its_caret_on_it() {
    let text = edited(
        "assist each member -> attacked with armed-force forthwith",
        "assist as-deemed-necessary each member -> attacked with armed-force forthwith",
    );
    let checked = checked(&text);
    let e008 = checked.of("E008");
    assert_eq!(e008.len(), 1, "{:?}", checked.codes());
    assert_eq!(
        e008[0].help.as_deref(),
        Some("qualifiers go at the end of a clause, after what it says (or on a continuation line), and at the end of a trigger's header, just before `{`: `assist each member -> attacked with armed-force forthwith as-deemed-necessary`")
    );
    let (line, column, width) = primary(&checked, "E008");
    let runs = underline_runs(&checked.human("E008"), line);
    assert!(
        runs.iter()
            .any(|(c, r)| *c == column && r.chars().count() == width),
        "{runs:?}"
    );
}

#[test]
fn a_typo_in_a_response_does_not_also_report_the_response_missing() {
    let text = edited("    assist each member", "    asist each member");
    let checked = checked(&text);
    assert_eq!(checked.of("E001").len(), 1, "{:?}", checked.codes());
    for code in [
        "NO_ARMED_FORCE",
        "NO_MUTUAL_DEFENCE",
        "CONSULT_ONLY",
        "L003",
    ] {
        assert!(
            !checked.codes().contains(&code),
            "{code}: {:?}",
            checked.codes()
        );
    }
    // A response could not have been extended deterrence: that gap still stands.
    assert!(
        checked.codes().contains(&"NO_NUCLEAR_UMBRELLA"),
        "{:?}",
        checked.codes()
    );
    let provisional = checked.treaties[0]
        .provisional
        .as_ref()
        .expect("provisional");
    assert_eq!(provisional.unreadable.len(), 1);
    let line = checked
        .source
        .line_col(provisional.unreadable[0].span.start)
        .0;
    assert_eq!(line, 10);
}

#[test]
fn the_summary_says_the_verdict_is_provisional_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let text = edited("    assist each member", "    asist each member");
    std::fs::write(dir.path().join("pact.treaty"), &text).unwrap();
    let output = common::treaty(&["check", "pact.treaty"], dir.path());
    let stdout = common::stdout(&output);
    let tier = checked(&text).treaties[0].tier.tier;
    let expected = format!("nordic_baltic: {tier}, provisional: 1 clause unreadable (line 10), ");
    assert!(stdout.contains(&expected), "{expected}\n{stdout}");

    let output = common::treaty(&["check", "--format", "json", "pact.treaty"], dir.path());
    let json: serde_json::Value = serde_json::from_str(&common::stdout(&output)).unwrap();
    let treaty = &json["files"][0]["treaties"][0];
    assert_eq!(
        treaty["provisional"]["summary"], "1 clause unreadable (line 10)",
        "{treaty}"
    );
    assert_eq!(
        treaty["provisional"]["unreadable"][0]["keyword"],
        serde_json::Value::Null
    );
    assert_eq!(treaty["provisional"]["unreadable"][0]["cause"], "syntax");

    let output = common::treaty(&["check", "--format", "sarif", "pact.treaty"], dir.path());
    let sarif: serde_json::Value = serde_json::from_str(&common::stdout(&output)).unwrap();
    assert_eq!(
        sarif["runs"][0]["properties"]["treaties"][0]["provisional"],
        "provisional: 1 clause unreadable (line 10)"
    );
}

#[test]
fn a_readable_file_is_not_provisional() {
    let checked = checked(PACT);
    assert!(checked.of("E001").is_empty(), "{:?}", checked.codes());
    assert_eq!(checked.treaties[0].provisional, None);
}

#[test]
fn a_misspelt_form_is_not_also_a_political_instrument() {
    let checked = checked(&edited("form treaty", "form treatty"));
    assert_eq!(checked.of("E104").len(), 1, "{:?}", checked.codes());
    assert!(
        !checked.codes().contains(&"NOT_BINDING"),
        "{:?}",
        checked.codes()
    );
    let provisional = checked.treaties[0]
        .provisional
        .as_ref()
        .expect("provisional");
    assert_eq!(provisional.unreadable[0].keyword.as_deref(), Some("form"));
}

#[test]
fn a_party_whose_declaration_did_not_parse_is_reported_once_there() {
    let checked = checked(&edited(
        "party FI \"Finland\" member",
        "party FI \"Finland\" memeber",
    ));
    assert_eq!(checked.of("E001").len(), 1, "{:?}", checked.codes());
    assert_eq!(
        checked
            .source
            .line_col(checked.of("E001")[0].labels[0].span.start)
            .0,
        4
    );
    assert!(checked.of("E101").is_empty(), "{:#?}", checked.of("E101"));
    let provisional = checked.treaties[0]
        .provisional
        .as_ref()
        .expect("provisional");
    // The declaration and the consultation that names FI.
    assert_eq!(provisional.unreadable.len(), 2, "{provisional:?}");
}

#[test]
fn a_half_typed_status_does_not_swallow_the_next_line() {
    let checked = checked(&edited("  status in-force\n", "  status \n"));
    let e001 = checked.of("E001");
    assert_eq!(e001.len(), 1, "{:?}", checked.codes());
    let span = e001[0].labels[0].span;
    assert_eq!(checked.source.line_col(span.start).0, 3);
    assert_eq!(checked.source.line_col(span.end).0, 3, "{e001:#?}");
    // The party on the next line is still declared: nothing reports it unknown.
    assert!(checked.of("E101").is_empty(), "{:?}", checked.codes());
    // The clause is there, unreadable: it is not also "missing".
    assert!(checked.of("E107").is_empty(), "{:?}", checked.codes());
}

#[test]
fn a_qualifier_before_a_name_is_an_error_and_the_name_is_kept() {
    let text = edited(
        "establish council \"Nordic-Baltic Defence Council\"",
        "establish council as-deemed-necessary \"Nordic-Baltic Defence Council\"",
    );
    let checked = checked(&text);
    let e008 = checked.of("E008");
    assert_eq!(e008.len(), 1, "{:?}", checked.codes());
    assert_eq!(e008[0].message, "misplaced qualifier `as-deemed-necessary`");
    assert!(
        e008[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("`establish council \"Nordic-Baltic Defence Council\" as-deemed-necessary`"),
        "{:?}",
        e008[0].help
    );
    let (model, _) = treaty::model::model_of(&text);
    let described = format!("{:?}", model.treaties[0].obligations);
    assert!(
        described.contains("Nordic-Baltic Defence Council"),
        "{described}"
    );
}

#[test]
fn a_qualifier_before_the_trigger_kind_is_an_error_not_an_unknown_aspect() {
    let text = edited(
        "trigger armed-attack against any member {",
        "trigger as-deemed-necessary armed-attack against any member {",
    );
    let checked = checked(&text);
    let e008 = checked.of("E008");
    assert_eq!(e008.len(), 1, "{:?}", checked.codes());
    assert!(
        e008[0]
            .help
            .as_deref()
            .unwrap()
            .ends_with("`trigger armed-attack against any member as-deemed-necessary {`"),
        "{:?}",
        e008[0].help
    );
    for code in ["E104", "NARROW_TRIGGER", "NO_TRIGGER", "NO_MUTUAL_DEFENCE"] {
        assert!(
            !checked.codes().contains(&code),
            "{code}: {:?}",
            checked.codes()
        );
    }
    assert!(checked.treaties[0].provisional.is_some());
}

#[test]
fn an_impossible_date_offers_the_real_dates_either_side() {
    let checked = checked(&edited(
        "  status in-force\n",
        "  status in-force\n  signed 2024-02-30\n",
    ));
    let e103 = checked.of("E103");
    assert_eq!(e103.len(), 1, "{:?}", checked.codes());
    assert_eq!(
        e103[0].help.as_deref(),
        Some("did you mean 2024-02-29 or 2024-03-01?")
    );
}
