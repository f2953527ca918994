//! Text that reads differently from what it is (Unicode TS #39): party codes and names
//! that look like each other (a Cyrillic `РА` beside a Latin `PA`), identifiers with
//! invisible or compatibility characters (`P` + zero-width joiner + `A`, a fullwidth
//! `ＰＡ`) or letters of several scripts (a Cyrillic `А` inside `UA`), and, anywhere in
//! the file, comments and strings included, bidirectional controls that reorder what a
//! reviewer sees (the "Trojan Source" characters rustc and Cedar refuse).
//!
//! The per-treaty part runs with the other lints; the controls are found by
//! [`scan_source`] on the whole text, since comments never reach the model.

use unicode_security::MixedScript;

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;
use crate::span::Span;
use crate::suggest::look_alike;
use crate::syntax::comments::{token_iter, TokenKind};

pub const LINT: Lint = Lint {
    code: "L015",
    name: "confusable-text",
    severity: Severity::Error,
    summary: "party codes or names that look alike, invisible, fullwidth or mixed-script letters in a name, or bidirectional controls anywhere in the file",
    why: "such text displays differently from what it is: a party code `UA` spelt with a Cyrillic `А` is a different party from `UA`, two codes that look the same send a reader's references to the wrong party, and bidirectional controls in a comment or a string can reorder what a reviewer sees on screen",
    example: "treaty t {\n  form treaty\n  status in-force\n  party U\u{0410} \"Ukraine\" beneficiary\n  party UK guarantor\n  provide UK -> U\u{0410} training\n}\n",
    fix: "retype the name in one script, give parties codes that differ visibly, and delete invisible characters and direction controls (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C)",
    check,
};

/// The embeddings, overrides and isolates: they reorder the text around them, so a
/// line can show what it does not say. Flagged anywhere in a file.
fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` has a [direction control](is_direction_control): each is encoded in
/// UTF-8 from the byte 0xE2 (U+2000 to U+2FFF), so only those places are decoded; the
/// whole text is scanned on every language-server edit.
fn has_direction_control(text: &str) -> bool {
    memchr::memchr_iter(0xE2, text.as_bytes()).any(|at| {
        text.get(at..)
            .and_then(|rest| rest.chars().next())
            .is_some_and(is_direction_control)
    })
}

/// The direction marks: they only settle neutral characters, and right-to-left text
/// may use them, but a name or a title has no need of them.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
}

/// What is wrong with an identifier (a treaty name, a party code) on its own.
fn identifier_problem(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    if text.chars().any(look_alike::is_invisible) {
        let invisible: String = text
            .chars()
            .filter(|c| look_alike::is_invisible(*c))
            .collect();
        return Some(format!(
            "`{text}` contains an invisible character: {}",
            look_alike::explain(&invisible, "")
        ));
    }
    if text
        .chars()
        .any(|c| look_alike::compatibility_form(c).is_some())
    {
        let variants: String = text
            .chars()
            .filter(|c| look_alike::compatibility_form(*c).is_some())
            .collect();
        return Some(format!(
            "`{text}` is written with compatibility characters: {}",
            look_alike::explain(&variants, "")
        ));
    }
    (!text.is_single_script()).then(|| {
        format!(
            "`{text}` mixes letters of several scripts: {}",
            look_alike::explain_mixed(text)
        )
    })
}

/// The plain ASCII identifier a look-alike one stands for: `UА` (a Cyrillic `А`)
/// gives `UA`. Each character that is not ASCII becomes the ASCII its TS #39 skeleton
/// gives, and invisible ones are dropped; ASCII characters stay as written (the
/// skeleton would turn `1` into `l`). `None` when the identifier is ASCII already or
/// the result is not a plain ASCII identifier: an accented or wholly foreign name
/// has no plain form to offer.
pub fn plain_identifier(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut plain = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            plain.push(c);
        } else {
            let mut buffer = [0; 4];
            plain.push_str(&look_alike::skeleton(c.encode_utf8(&mut buffer)));
        }
    }
    let mut chars = plain.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    let plain_rest = chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    (starts_well && plain_rest).then_some(plain)
}

/// What is wrong with free text (a name, a title) on its own: direction marks, or a
/// word that mixes scripts ("Ukraine (Україна)" is fine, word by word).
fn text_problem(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    if let Some(c) = text.chars().find(|c| is_direction_mark(*c)) {
        return Some(format!(
            "contains the invisible direction mark U+{:04X} {}",
            c as u32,
            look_alike::char_name(c)
        ));
    }
    text.split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_single_script())
        .map(|w| {
            format!(
                "the word `{w}` mixes letters of several scripts: {}",
                look_alike::explain_mixed(w)
            )
        })
}

/// One declared text of a treaty, for the checks on its own and against the others.
struct Declared<'t> {
    text: &'t str,
    span: Span,
    what: &'static str,
    identifier: bool,
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let mut codes = Vec::with_capacity(treaty.parties.len());
    let mut names = Vec::new();
    for party in &treaty.parties {
        let code = Declared {
            text: &party.code,
            span: party.span,
            what: "party code",
            identifier: true,
        };
        codes.push(code);
        if let Some(name) = &party.name {
            names.push(Declared {
                text: name,
                span: party.span,
                what: "party name",
                identifier: false,
            });
        }
    }
    let mut alone = vec![Declared {
        text: &treaty.id,
        span: treaty.header_span,
        what: "treaty name",
        identifier: true,
    }];
    if let Some(title) = &treaty.title {
        alone.push(Declared {
            text: &title.value,
            span: title.span,
            what: "title",
            identifier: false,
        });
    }
    for group in [codes, names] {
        let flagged = look_alikes(treaty, &group, out);
        alone.extend(
            group
                .into_iter()
                .enumerate()
                .filter(|(i, _)| !flagged.contains(i))
                .map(|(_, d)| d),
        );
    }
    alone.sort_by_key(|d| d.span.start);
    for declared in alone {
        let problem = if declared.identifier {
            identifier_problem(declared.text)
        } else {
            text_problem(declared.text)
        };
        if let Some(problem) = problem {
            out.push(LINT.report(
                treaty,
                declared.span,
                "text that reads differently from what it is",
                &format!("the {} {problem}", declared.what),
            ));
        }
    }
}

/// Report each text that looks like an earlier one of the same group (same TS #39
/// skeleton, different text); returns the indices reported. Linear: one skeleton per
/// text, looked up in a map, and nothing at all when every text is ASCII.
fn look_alikes(treaty: &Treaty, group: &[Declared<'_>], out: &mut Vec<Diagnostic>) -> Vec<usize> {
    let mut flagged = Vec::new();
    if group.iter().all(|d| d.text.is_ascii()) {
        return flagged;
    }
    let mut first: std::collections::HashMap<String, usize> = Default::default();
    for (i, declared) in group.iter().enumerate() {
        let skeleton = look_alike::skeleton(declared.text);
        let Some(&j) = first.get(&skeleton) else {
            first.insert(skeleton, i);
            continue;
        };
        let earlier = &group[j];
        if !look_alike::look_alike(declared.text, earlier.text) {
            continue;
        }
        // Explain the odd one against the plain one.
        let (odd, plain) = if declared.text.is_ascii() {
            (earlier.text, declared.text)
        } else {
            (declared.text, earlier.text)
        };
        let what = declared.what;
        out.push(
            LINT.diagnostic(format!(
                "{}: the {what}s `{}` and `{}` look alike",
                treaty.id, earlier.text, declared.text
            ))
            .with_label(declared.span, format!("looks like `{}`", earlier.text))
            .with_label(earlier.span, format!("`{}` declared here", earlier.text))
            .with_help(format!(
                "{}: a reader cannot tell the two apart; if they are one party, retype `{odd}` as `{plain}`, otherwise give them {what}s that differ visibly",
                look_alike::explain(odd, plain)
            )),
        );
        flagged.push(i);
    }
    flagged
}

/// At most this many findings of direction controls in one file; one more counts the
/// rest (a file of nothing but controls is hostile, not a draft).
const MAX_CONTROL_FINDINGS: usize = 100;
/// At most this many controls labelled in one finding.
const MAX_CONTROL_LABELS: usize = 4;

/// Direction controls anywhere in `text`: one finding per comment, string or word
/// that holds any, each control labelled with its name. A text without any costs one
/// scan of its characters.
pub fn scan_source(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if !has_direction_control(text) {
        return out;
    }
    let mut more = 0usize;
    for token in token_iter(text) {
        let body = &text[token.span.start..token.span.end];
        if !body.contains(is_direction_control) {
            continue;
        }
        if out.len() == MAX_CONTROL_FINDINGS {
            more += 1;
            continue;
        }
        let controls: Vec<(usize, char)> = body
            .char_indices()
            .filter(|(_, c)| is_direction_control(*c))
            .collect();
        let place = match token.kind {
            TokenKind::Comment => "a comment",
            TokenKind::Str => "a string",
            _ => "the text",
        };
        let mut names: Vec<String> = Vec::new();
        for (_, c) in &controls {
            let name = format!("U+{:04X} {}", *c as u32, look_alike::char_name(*c));
            if !names.contains(&name) {
                names.push(name);
            }
        }
        let mut diagnostic = LINT.diagnostic(format!(
            "{place} contains {} invisible direction control{} ({}), which reorder{} how the text is displayed",
            controls.len(),
            if controls.len() == 1 { "" } else { "s" },
            names.join(", "),
            if controls.len() == 1 { "s" } else { "" },
        ));
        for (offset, c) in controls.iter().take(MAX_CONTROL_LABELS) {
            let start = token.span.start + offset;
            diagnostic = diagnostic.with_label(
                Span::new(start, start + c.len_utf8()),
                format!("U+{:04X}", *c as u32),
            );
        }
        out.push(diagnostic.with_help(
            "delete the control characters: what is shown must be what the file says (an editor may hide them; `treaty check` shows each as `\\u{202e}`)",
        ));
    }
    if more > 0 {
        out.push(LINT.diagnostic(format!(
            "and {more} more comments, strings or words with invisible direction controls"
        )));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "t: the party code `U\u{0410}` mixes letters of several scripts: `\u{0410}` is CYRILLIC CAPITAL LETTER A, it looks like Latin `A`"
        );
    }

    #[test]
    fn direction_controls_are_found_by_their_lead_byte_as_by_decoding() {
        // Every character from U+0000 to U+2FFF and a few beyond, alone and after
        // other text with 0xE2 lead bytes (dashes, quotes).
        let others = ['\u{2014}', '\u{201C}', 'é', 'a', '\u{3000}', '\u{1F600}'];
        for c in ('\0'..='\u{2FFF}').chain(others) {
            for before in ["", "\u{2014} ", "\u{201D}x"] {
                let text = format!("{before}{c}\u{2019}");
                assert_eq!(
                    has_direction_control(&text),
                    text.contains(is_direction_control),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn look_alike_identifiers_have_a_plain_form() {
        assert_eq!(plain_identifier("U\u{0410}").as_deref(), Some("UA"));
        assert_eq!(plain_identifier("\u{0420}\u{0410}").as_deref(), Some("PA"));
        assert_eq!(plain_identifier("P\u{200D}A").as_deref(), Some("PA"));
        assert_eq!(plain_identifier("\u{FF30}\u{FF21}").as_deref(), Some("PA"));
        // ASCII stays as written: no `l` for a `1`.
        assert_eq!(plain_identifier("U\u{0410}1").as_deref(), Some("UA1"));
        assert_eq!(plain_identifier("UA"), None);
        assert_eq!(plain_identifier("\u{00DC}K"), None);
        assert_eq!(plain_identifier("\u{200D}"), None);
    }

    #[test]
    fn direction_marks_in_names_are_found() {
        let text = treaty("  party UA \"Ukr\u{200F}aine\" beneficiary");
        let found = lint(&LINT, &text);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("U+200F RIGHT-TO-LEFT MARK"));
    }

    #[test]
    fn one_script_per_word_is_fine() {
        let text = treaty(
            "  title \"Угода між Україною та UK (2024)\"\n  party Україна \"Ukraine (Україна)\" beneficiary",
        );
        assert!(lint(&LINT, &text).is_empty());
    }

    #[test]
    fn controls_are_found_in_comments_strings_and_words() {
        let text = "// a\u{202E}b\ntreaty t {\n  source \"x\u{2066}y\u{2069}\"\n}\n";
        let found = scan_source(text);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "a comment contains 1 invisible direction control (U+202E RIGHT-TO-LEFT OVERRIDE), which reorders how the text is displayed",
                "a string contains 2 invisible direction controls (U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE), which reorder how the text is displayed",
            ]
        );
        assert_eq!(found[0].primary_span(), Some(Span::new(4, 7)));
        assert!(scan_source("// plain\ntreaty t {}\n").is_empty());
        assert!(scan_source("// Україна \u{200F}\n").is_empty());
    }

    #[test]
    fn findings_of_controls_are_bounded() {
        let text = "\"\u{202E}\"\n".repeat(500);
        let found = scan_source(&text);
        assert_eq!(found.len(), MAX_CONTROL_FINDINGS + 1);
        assert_eq!(
            found[MAX_CONTROL_FINDINGS].message,
            "and 400 more comments, strings or words with invisible direction controls"
        );
    }
}
