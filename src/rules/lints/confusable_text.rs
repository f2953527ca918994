//! Names and identifiers that read differently from what they say: bidirectional
//! control characters, and words mixing scripts (a Cyrillic `А` inside `UA`).

use unicode_security::MixedScript;

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;
use crate::span::Span;

pub const LINT: Lint = Lint {
    code: "L015",
    name: "confusable-text",
    severity: Severity::Error,
    summary: "bidirectional control characters, or letters of several scripts in one word, in a name or identifier",
    why: "such text displays differently from what it is: a party code `UA` spelt with a Cyrillic `А` is a different party from `UA`, and bidirectional controls can reorder what a reviewer sees on screen",
    example: "treaty t {\n  form treaty\n  status in-force\n  party U\u{0410} \"Ukraine\" beneficiary\n  party UK guarantor\n  provide UK -> U\u{0410} training\n}\n",
    fix: "retype the name in one script, and delete invisible direction controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)",
    check,
};

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// What is wrong with this text, if anything. Identifiers must be in one script as a
/// whole; free text (names, titles) word by word, so "Ukraine (Україна)" is fine.
fn problem(text: &str, identifier: bool) -> Option<String> {
    // Plain ASCII has neither direction controls nor a second script.
    if text.is_ascii() {
        return None;
    }
    if let Some(c) = text.chars().find(|c| is_bidi_control(*c)) {
        return Some(format!(
            "contains the invisible direction control U+{:04X}",
            c as u32
        ));
    }
    let mixed = |word: &str| !word.is_single_script();
    if identifier {
        return mixed(text).then(|| format!("`{text}` mixes letters of several scripts"));
    }
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| mixed(w))
        .map(|w| format!("the word `{w}` mixes letters of several scripts"))
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let mut texts: Vec<(&str, bool, Span, &str)> =
        vec![(&treaty.id, true, treaty.header_span, "treaty name")];
    if let Some(title) = &treaty.title {
        texts.push((&title.value, false, title.span, "title"));
    }
    for party in &treaty.parties {
        texts.push((&party.code, true, party.span, "party code"));
        if let Some(name) = &party.name {
            texts.push((name, false, party.span, "party name"));
        }
    }
    for (text, identifier, span, what) in texts {
        if let Some(problem) = problem(text, identifier) {
            out.push(LINT.report(
                treaty,
                span,
                "text that reads differently from what it is",
                &format!("the {what} {problem}"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("party code"));
    }

    #[test]
    fn bidi_controls_in_names_are_found() {
        let text = treaty("  party UA \"Ukr\u{202E}aine\" beneficiary");
        let found = lint(&LINT, &text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("U+202E"));
    }

    #[test]
    fn one_script_per_word_is_fine() {
        let text = treaty(
            "  title \"Угода між Україною та UK (2024)\"\n  party Україна \"Ukraine (Україна)\" beneficiary",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
