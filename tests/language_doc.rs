//! `docs/language.md` cannot fall behind the language: its examples check, and it names
//! every clause keyword and every vocabulary word.
//!
//! Fences: ```treaty blocks are whole files and must check without errors;
//! ```treaty-clause blocks are clauses, checked inside a treaty that declares the
//! parties UK, UA and RU.

use treaty::analysis::model_of;
use treaty::diagnostics::Severity;

fn doc() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/language.md")).unwrap()
}

fn blocks(doc: &str, fence: &str) -> Vec<String> {
    let open = format!("```{fence}\n");
    let mut found = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find(&open) {
        let body = &rest[start + open.len()..];
        let end = body.find("```").expect("closed fence");
        found.push(body[..end].to_string());
        rest = &body[end..];
    }
    found
}

fn errors(text: &str) -> Vec<String> {
    model_of(text)
        .1
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect()
}

#[test]
fn whole_examples_check_without_errors() {
    let examples = blocks(&doc(), "treaty");
    assert!(examples.len() >= 2);
    for example in examples {
        assert!(
            errors(&example).is_empty(),
            "{:?}\n{example}",
            errors(&example)
        );
    }
}

#[test]
fn clause_examples_check_without_errors() {
    let examples = blocks(&doc(), "treaty-clause");
    assert!(examples.len() >= 5);
    for clause in examples {
        let text = format!(
            "treaty t {{\n  form treaty\n  status signed\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russian Federation\" adversary\n{clause}\n}}\n"
        );
        assert!(errors(&text).is_empty(), "{:?}\n{clause}", errors(&text));
    }
}

#[test]
fn every_keyword_and_vocabulary_word_is_documented() {
    use treaty::vocab::*;
    let doc = doc();
    let mut words: Vec<&str> = treaty::syntax::keywords::CLAUSE_KEYWORDS
        .iter()
        .map(|k| k.word)
        .collect();
    words.extend(Form::words());
    words.extend(Status::words());
    words.extend(BindingOverride::words());
    words.extend(RatificationState::words());
    words.extend(RenewalMode::words());
    words.extend(Role::words());
    words.extend(Group::words());
    words.extend(TriggerKind::words());
    words.extend(ThreatAspect::words());
    words.extend(Covered::words());
    words.extend(CrossingLine::words());
    words.extend(Indivisibility::words());
    words.extend(AssistanceKind::words());
    words.extend(Means::words());
    words.extend(DeterrentMeans::words());
    words.extend(Mandate::words());
    words.extend(Institution::words());
    words.extend(Prohibited::words());
    words.extend(LimitKind::words());
    words.extend(RefrainAct::words());
    words.extend(RespectAspect::words());
    words.extend(QualifierKind::words());
    words.extend(Threshold::words());
    words.extend(Vote::words());
    words.extend(
        treaty::syntax::keywords::CONDITION_MODIFIERS
            .iter()
            .map(|k| k.word),
    );
    let missing: Vec<&str> = words
        .into_iter()
        .filter(|w| !doc.contains(&format!("`{w}`")))
        .collect();
    assert!(missing.is_empty(), "undocumented: {missing:?}");
}
