//! Issue 17, item 8, and issue 15, item 7: look-alike text (Unicode TS #39). Each case
//! is one of the audit's, run through the whole check: NFC identity of declared codes,
//! confusable skeletons across the declared codes, invisible and fullwidth letters,
//! bidirectional controls in comments and strings, and a did-you-mean that names the
//! look-alike character instead of pointing at another party.

use treaty::analysis::{check, Settings};
use treaty::diagnostics::Diagnostic;
use treaty::source::SourceFile;

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    check(
        SourceFile::new("t.treaty", text.to_string()),
        &Settings::default(),
    )
    .diagnostics
}

fn with_parties(parties: &str, body: &str) -> String {
    format!("treaty t {{\n  form treaty\n  status in-force\n{parties}{body}}}\n")
}

fn of_code<'a>(found: &'a [Diagnostic], code: &str) -> Vec<&'a Diagnostic> {
    found.iter().filter(|d| d.code == code).collect()
}

#[test]
fn a_cyrillic_code_beside_the_latin_one_is_flagged() {
    let text = with_parties(
        "  party PA guarantor\n  party \u{0420}\u{0410} beneficiary\n",
        "  provide PA -> \u{0420}\u{0410} training\n",
    );
    let found = diagnostics(&text);
    let l015 = of_code(&found, "L015");
    assert_eq!(l015.len(), 1, "{found:#?}");
    assert_eq!(
        l015[0].message,
        "t: the party codes `PA` and `\u{0420}\u{0410}` look alike"
    );
    assert_eq!(
        l015[0].help.as_deref(),
        Some(
            "`\u{0420}` is CYRILLIC CAPITAL LETTER ER, it looks like Latin `P`; `\u{0410}` is CYRILLIC CAPITAL LETTER A, it looks like Latin `A`: a reader cannot tell the two apart; if they are one party, retype `\u{0420}\u{0410}` as `PA`, otherwise give them party codes that differ visibly"
        )
    );
    // The label is on the second declaration, and the first is labelled too.
    let starts: Vec<usize> = l015[0].labels.iter().map(|l| l.span.start).collect();
    let second = text.find("party \u{0420}").unwrap();
    let first = text.find("party PA").unwrap();
    assert_eq!(starts, [second, first]);
}

#[test]
fn a_precomposed_and_a_combining_u_umlaut_are_one_party() {
    let text = with_parties(
        "  party \u{00DC} guarantor\n  party U\u{0308} beneficiary\n",
        "  provide \u{00DC} -> U\u{0308} training\n",
    );
    let found = diagnostics(&text);
    let e102 = of_code(&found, "E102");
    assert_eq!(e102.len(), 1, "{found:#?}");
    assert_eq!(e102[0].message, "party `\u{00DC}` is declared twice");
    assert_eq!(
        e102[0].primary_span().map(|s| s.start),
        text.find("U\u{0308} beneficiary")
    );
    // The reference in the other form is the same party: no unknown party.
    assert!(of_code(&found, "E101").is_empty(), "{found:#?}");
}

#[test]
fn a_zero_width_joiner_inside_a_code_is_named() {
    let text = with_parties(
        "  party P\u{200D}A guarantor\n  party UA beneficiary\n",
        "  provide P\u{200D}A -> UA training\n",
    );
    let found = diagnostics(&text);
    let l015 = of_code(&found, "L015");
    assert_eq!(l015.len(), 1, "{found:#?}");
    assert_eq!(
        l015[0].message,
        "t: the party code `P\u{200D}A` contains an invisible character: U+200D ZERO WIDTH JOINER is invisible"
    );
}

#[test]
fn a_zero_width_joiner_beside_the_plain_code_is_a_look_alike() {
    let text = with_parties(
        "  party PA guarantor\n  party P\u{200D}A beneficiary\n",
        "  provide PA -> P\u{200D}A training\n",
    );
    let found = diagnostics(&text);
    let l015 = of_code(&found, "L015");
    assert_eq!(l015.len(), 1, "{found:#?}");
    assert_eq!(
        l015[0].message,
        "t: the party codes `PA` and `P\u{200D}A` look alike"
    );
    assert!(l015[0]
        .help
        .as_deref()
        .unwrap()
        .starts_with("U+200D ZERO WIDTH JOINER is invisible: "));
}

#[test]
fn a_fullwidth_code_is_flagged_alone_and_beside_the_plain_one() {
    let alone = with_parties(
        "  party \u{FF30}\u{FF21} guarantor\n  party UA beneficiary\n",
        "  provide \u{FF30}\u{FF21} -> UA training\n",
    );
    let found = diagnostics(&alone);
    let l015 = of_code(&found, "L015");
    assert_eq!(l015.len(), 1, "{found:#?}");
    assert_eq!(
        l015[0].message,
        "t: the party code `\u{FF30}\u{FF21}` is written with compatibility characters: `\u{FF30}` is FULLWIDTH LATIN CAPITAL LETTER P, a variant of `P`; `\u{FF21}` is FULLWIDTH LATIN CAPITAL LETTER A, a variant of `A`"
    );

    let beside = with_parties(
        "  party PA guarantor\n  party \u{FF30}\u{FF21} beneficiary\n",
        "  provide PA -> \u{FF30}\u{FF21} training\n",
    );
    let found = diagnostics(&beside);
    let messages: Vec<&str> = of_code(&found, "L015")
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        messages,
        ["t: the party codes `PA` and `\u{FF30}\u{FF21}` look alike"]
    );
}

#[test]
fn a_right_to_left_override_in_a_comment_and_in_a_source_string_is_flagged() {
    let text = "// checked \u{202E}ton\u{202C} by counsel\ntreaty t {\n  form treaty\n  status in-force\n  source \"Art. 5 \u{202E}a\u{202C}\"\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n}\n";
    let found = diagnostics(text);
    let l015 = of_code(&found, "L015");
    let messages: Vec<&str> = l015.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "a comment contains 2 invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING), which reorder how the text is displayed",
            "a string contains 2 invisible direction controls (U+202E RIGHT-TO-LEFT OVERRIDE, U+202C POP DIRECTIONAL FORMATTING), which reorder how the text is displayed",
        ],
        "{found:#?}"
    );
    let first = text.find('\u{202E}').unwrap();
    assert_eq!(
        l015[0].primary_span().map(|s| (s.start, s.end)),
        Some((first, first + 3))
    );
    let in_string = text.rfind('\u{202E}').unwrap();
    assert_eq!(l015[1].primary_span().map(|s| s.start), Some(in_string));
}

#[test]
fn the_human_output_shows_the_controls_escaped() {
    let text = "treaty t { // \u{202E}x\n  form treaty\n}\n";
    let report = check(
        SourceFile::new("t.treaty", text.to_string()),
        &Settings::default(),
    );
    let finding = report
        .diagnostics
        .iter()
        .find(|d| d.code == "L015")
        .expect("the control is found");
    let shown = treaty::output::human::render(
        finding,
        &report.source,
        treaty::output::human::HumanStyle::plain(),
    );
    assert!(!shown.contains('\u{202E}'), "{shown}");
    assert!(shown.contains("\\u{202e}"), "{shown}");
}

#[test]
fn a_latin_reference_to_a_cyrillic_declaration_says_it_is_a_look_alike() {
    let text = with_parties(
        "  party UK guarantor\n  party SE beneficiary\n  party \u{0415}\u{0415} beneficiary\n",
        "  provide UK -> SE, EE training\n",
    );
    let found = diagnostics(&text);
    let e101 = of_code(&found, "E101");
    assert_eq!(e101.len(), 1, "{found:#?}");
    assert_eq!(
        e101[0].message,
        "unknown party `EE`, a look-alike of `\u{0415}\u{0415}`"
    );
    assert_eq!(
        e101[0].help.as_deref(),
        Some("the declaration is written in other letters: `\u{0415}` is CYRILLIC CAPITAL LETTER IE, it looks like Latin `E`; retype the declaration as `EE`, or this reference as `\u{0415}\u{0415}`")
    );
    assert_eq!(e101[0].suggestion.as_deref(), Some("\u{0415}\u{0415}"));
}

#[test]
fn a_cyrillic_reference_to_a_latin_declaration_names_the_letter() {
    let text = with_parties(
        "  party UK guarantor\n  party SE beneficiary\n  party EE beneficiary\n",
        "  provide UK -> SE, \u{0415}\u{0415} training\n",
    );
    let found = diagnostics(&text);
    let e101 = of_code(&found, "E101");
    assert_eq!(e101.len(), 1, "{found:#?}");
    assert_eq!(
        e101[0].message,
        "unknown party `\u{0415}\u{0415}`, a look-alike of `EE`"
    );
    assert_eq!(
        e101[0].help.as_deref(),
        Some(
            "`\u{0415}` is CYRILLIC CAPITAL LETTER IE, it looks like Latin `E`; retype it as `EE`"
        )
    );
    assert_eq!(e101[0].suggestion.as_deref(), Some("EE"));
}

#[test]
fn suomi_with_a_cyrillic_i_names_the_letter() {
    let text = with_parties(
        "  party UK guarantor\n  party Suomi beneficiary\n",
        "  provide UK -> Suom\u{0456} training\n",
    );
    let found = diagnostics(&text);
    let e101 = of_code(&found, "E101");
    assert_eq!(e101.len(), 1, "{found:#?}");
    assert_eq!(
        e101[0].help.as_deref(),
        Some("`\u{0456}` is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, it looks like Latin `i`; retype it as `Suomi`")
    );
}

#[test]
fn a_look_alike_keyword_names_the_letter() {
    // `armed-attack` with a Cyrillic `а`: the grammar refuses it, and its help says why.
    let text = with_parties(
        "  party UK guarantor\n  party UA beneficiary\n",
        "  trigger \u{0430}rmed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n",
    );
    let found = diagnostics(&text);
    let e001 = of_code(&found, "E001");
    assert_eq!(e001.len(), 1, "{found:#?}");
    let help = e001[0].help.as_deref().unwrap();
    assert!(
        help.starts_with("did you mean `armed-attack`? (`\u{0430}` is CYRILLIC SMALL LETTER A, it looks like Latin `a`)"),
        "{help}"
    );
}
