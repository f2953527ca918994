//! The syntax stage: every broken clause is reported on its own clause, in a drafter's
//! words, and the rest of the file is still read.

use treaty::analysis::model_of;
use treaty::syntax::{self, ast::ClauseKind};

const THREE_BROKEN: &str = r#"treaty draft {
  title "Draft with three broken clauses"
  form political
  status signed
  duration banana
  party UK "United Kingdom" guarantor
  party UA "Ukraine" beneficiary
  consult UK, UA within soon
  provide UK -> UA training
  trigger armed-attack against UA {
    assist UK -> attacked with armed-force forthwith extra words
    consult UK, UA within 24 hours
  }
}
"#;

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[test]
fn three_broken_clauses_give_three_diagnostics_on_their_lines() {
    let parsed = syntax::parse(THREE_BROKEN);
    let lines: Vec<usize> = parsed
        .diagnostics
        .iter()
        .map(|d| line_of(THREE_BROKEN, d.primary_span().unwrap().start))
        .collect();
    assert_eq!(lines, [5, 8, 11], "{:#?}", parsed.diagnostics);
    assert!(parsed.diagnostics.iter().all(|d| d.code == "E001"));
}

#[test]
fn messages_say_what_was_expected_in_words() {
    let parsed = syntax::parse(THREE_BROKEN);
    let labels: Vec<&str> = parsed
        .diagnostics
        .iter()
        .map(|d| d.labels[0].message.as_ref())
        .collect();
    assert_eq!(
        labels[0],
        "expected a duration such as `10 years`, `indefinite` or `until <event>`, found `banana`"
    );
    assert!(
        labels[1].contains("a deadline such as `24 hours`"),
        "{}",
        labels[1]
    );
    assert!(labels[1].contains("found `soon`"), "{}", labels[1]);
    assert!(labels[2].contains("`extra`"), "{}", labels[2]);
}

#[test]
fn the_rest_of_the_file_is_still_read() {
    let parsed = syntax::parse(THREE_BROKEN);
    let treaty = &parsed.file.treaties[0];
    let keywords: Vec<&str> = treaty.clauses.iter().map(|c| c.kind.keyword()).collect();
    assert_eq!(
        keywords,
        ["title", "form", "status", "party", "party", "provide", "trigger"]
    );
    let ClauseKind::Trigger { clauses, .. } = &treaty.clauses[6].kind else {
        panic!("a trigger")
    };
    assert_eq!(
        clauses.len(),
        1,
        "the valid consult inside the trigger is kept"
    );
}

/// No diagnostic may leak a pest rule name.
fn assert_drafter_words(text: &str) {
    let (_, diagnostics) = model_of(text);
    for d in &diagnostics {
        let all = std::iter::once(d.message.as_str())
            .chain(d.labels.iter().map(|l| l.message.as_ref()))
            .chain(d.help.as_deref());
        for message in all {
            for leak in [
                "kw_",
                "_field",
                "party_set",
                "duration_value",
                "Rule::",
                "EOI",
                "SOI",
                "bad_clause",
                "probe_",
            ] {
                assert!(
                    !message.contains(leak),
                    "`{leak}` leaked in {message:?} for {text:?}"
                );
            }
        }
    }
}

#[test]
fn no_pest_rule_names_reach_the_user() {
    let clauses = [
        "title",
        "title unquoted",
        "signed yesterday",
        "form",
        "status",
        "duration 10",
        "duration 10 parsecs",
        "review",
        "review within",
        "withdrawal notice",
        "withdrawal soon",
        "party",
        "party \"UK\"",
        "members",
        "consult",
        "consult UK within",
        "provide UK",
        "provide UK ->",
        "provide UK -> UA",
        "provide UK -> UA military-aid EUR",
        "assist",
        "assist UK -> attacked with",
        "station UK",
        "station UK forces",
        "station UK forces in",
        "deter UK",
        "deter UK -> UA",
        "deter UK -> UA with",
        "peacekeeping",
        "monitor OSCE mandate",
        "refrain UK",
        "refrain UK from",
        "respect UK borders",
        "seek UK action by",
        "report",
        "report to",
        "establish",
        "prohibit",
        "indivisible now",
        "trigger {",
        "trigger armed-attack by {",
        "trigger armed-attack against",
        "}",
        "{",
        "\"",
        "->",
        "[",
        "(",
        "@#$%",
    ];
    for clause in clauses {
        let text = format!("treaty t {{\n  form treaty\n  status signed\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  {clause}\n}}\n");
        assert_drafter_words(&text);
        let in_trigger = format!("treaty t {{\n  form treaty\n  status signed\n  party UK \"UK\" guarantor\n  trigger armed-attack {{\n    {clause}\n  }}\n}}\n");
        assert_drafter_words(&in_trigger);
    }
    for top in [
        "treaty",
        "treaty {",
        "treaty a b {",
        "treaty 1 {",
        "treat x {}",
        "}",
        "x",
    ] {
        assert_drafter_words(top);
    }
}

#[test]
fn header_clauses_inside_a_trigger_are_explained() {
    let text = "treaty t {\n  form treaty\n  status signed\n  trigger armed-attack {\n    form political\n  }\n}\n";
    let parsed = syntax::parse(text);
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(
        parsed.diagnostics[0].message,
        "`form` is not allowed inside a trigger block"
    );
}

#[test]
fn unknown_clauses_get_a_suggestion() {
    let parsed = syntax::parse("treaty t {\n  form treaty\n  consultt UK\n}\n");
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "unknown clause `consultt`");
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `consult`?"));
}

#[test]
fn text_outside_a_treaty_and_a_stray_brace() {
    let parsed = syntax::parse("hello\ntreaty t {\n  form treaty\n}\n}\n");
    assert_eq!(parsed.diagnostics.len(), 2);
    assert!(parsed
        .diagnostics
        .iter()
        .all(|d| d.message == "text outside a treaty block"));
    assert_eq!(parsed.file.treaties.len(), 1);
}

#[test]
fn an_unclosed_treaty_keeps_its_clauses() {
    let parsed = syntax::parse("treaty t {\n  form treaty\n  status signed\n");
    assert_eq!(parsed.diagnostics.len(), 1);
    assert_eq!(parsed.diagnostics[0].code, "E002");
    assert_eq!(parsed.file.treaties[0].clauses.len(), 2);
}

#[test]
fn spans_cover_the_clause_and_not_the_whitespace_after_it() {
    let text = "treaty t {\n  form political   // note\n\n  status signed\n}\n";
    let parsed = syntax::parse(text);
    let form = &parsed.file.treaties[0].clauses[0];
    assert_eq!(&text[form.span.start..form.span.end], "form political");
}

#[test]
fn strings_unescape_and_keep_unicode() {
    let text =
        "treaty t {\n  title \"Договір \\\"про\\\" гарантії\"\n  form treaty\n  status signed\n}\n";
    let parsed = syntax::parse(text);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    let ClauseKind::Title(title) = &parsed.file.treaties[0].clauses[0].kind else {
        panic!("title")
    };
    assert_eq!(title.value, "Договір \"про\" гарантії");
}

#[test]
fn unicode_party_codes_are_identifiers() {
    let text = "treaty t {\n  form treaty\n  status signed\n  party Україна \"Україна\" beneficiary\n  party UK \"UK\" guarantor\n  provide UK -> Україна training\n}\n";
    let (model, diagnostics) = model_of(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(model.treaties[0].parties[0].code, "Україна");
}

#[test]
fn the_grammar_knows_every_role_and_qualifier_of_the_vocabulary() {
    use treaty::vocab::{QualifierKind, Role};
    // Roles and qualifiers are closed lists in the grammar; they must match vocab.rs.
    for role in Role::words() {
        let text = format!("treaty t {{\n  party X \"X\" {role}\n}}\n");
        assert!(syntax::parse(&text).diagnostics.is_empty(), "role `{role}`");
    }
    for qualifier in QualifierKind::words() {
        let text = format!("treaty t {{\n  consult all parties {qualifier}\n}}\n");
        assert!(
            syntax::parse(&text).diagnostics.is_empty(),
            "qualifier `{qualifier}`"
        );
    }
}

#[test]
fn a_misspelt_qualifier_is_reported_on_its_clause_with_a_suggestion() {
    // On the clause's own line: the clause is reported, and not half-kept.
    let text = "treaty t {\n  consult all parties as-deemed-neccessary\n}\n";
    let parsed = syntax::parse(text);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let d = &parsed.diagnostics[0];
    assert_eq!(d.message, "this `consult` clause could not be read");
    assert!(d
        .help
        .as_deref()
        .unwrap()
        .starts_with("did you mean `as-deemed-necessary`?"));
    assert!(
        parsed.file.treaties[0].clauses.is_empty(),
        "the broken clause is not half-kept"
    );
    // On a continuation line: the line is reported, with the qualifier it resembles.
    let text = "treaty t {\n  consult all parties\n    as-deemed-neccessary\n}\n";
    let parsed = syntax::parse(text);
    assert_eq!(parsed.diagnostics.len(), 1, "{:?}", parsed.diagnostics);
    let help = parsed.diagnostics[0].help.as_deref().unwrap();
    assert!(
        help.starts_with("did you mean the qualifier `as-deemed-necessary`?"),
        "{help}"
    );
}

#[test]
fn the_design_sketch_spellings_are_accepted() {
    let text = "treaty t {\n  form treaty\n  status in-force\n  members A, B\n  party C \"C\" guarantor\n  trigger threat-to territorial-integrity of any member {\n    consult all members\n  }\n  trigger armed-attack against any member {\n    provide C -> attacked military-equipment\n      subject-to \"respective legal requirements\"\n  }\n}\n";
    let (model, diagnostics) = model_of(text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let treaty = &model.treaties[0];
    assert_eq!(
        treaty.triggers[0].kinds,
        [treaty::vocab::TriggerKind::Threat]
    );
    assert_eq!(
        treaty.triggers[0].aspects,
        [treaty::vocab::ThreatAspect::TerritorialIntegrity]
    );
    assert_eq!(
        treaty.triggers[1].obligations[0].qualifiers[0].kind,
        treaty::vocab::QualifierKind::LegalRequirements
    );
}
