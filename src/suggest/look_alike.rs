//! Look-alike text, after Unicode Technical Standard #39: the identity of a declared
//! name (its NFC form, so `Ü` typed as one character or as `U` and a combining
//! diaeresis is one name), the *skeleton* two names share when they look alike (a
//! Cyrillic `РА` and a Latin `PA`, a fullwidth `ＰＡ`, `PA` with a zero-width joiner),
//! and the characters that make them so, named as the standard names them.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

/// At most this many characters are described in one explanation.
const MAX_DESCRIBED: usize = 4;

/// `text` in Normalization Form C: the form a declared name is known by.
pub fn nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// The TS #39 skeleton: two texts with the same skeleton look alike (`РА` and `PA`
/// both give `PA`).
pub fn skeleton(text: &str) -> String {
    unicode_security::skeleton(text).collect()
}

fn char_skeleton(c: char) -> String {
    let mut buffer = [0; 4];
    skeleton(c.encode_utf8(&mut buffer))
}

/// A character that shows nothing (a default-ignorable code point: zero-width
/// joiners and spaces, soft hyphens, variation selectors).
pub fn is_invisible(c: char) -> bool {
    !c.is_ascii() && char_skeleton(c).is_empty()
}

/// A compatibility character, written for another that it is a variant of (fullwidth
/// `Ｐ` for `P`, a ligature `ﬁ` for `fi`): what NFKC replaces.
pub fn compatibility_form(c: char) -> Option<String> {
    if c.is_ascii() {
        return None;
    }
    let plain: String = std::iter::once(c).nfkc().collect();
    (plain != c.to_string() && !plain.is_empty()).then_some(plain)
}

/// The character's name in the Unicode standard ("CYRILLIC CAPITAL LETTER IE"), or
/// its code point when it has none.
pub fn char_name(c: char) -> String {
    match unicode_names2::name(c) {
        Some(name) => name.to_string(),
        None => format!("U+{:04X}", c as u32),
    }
}

/// One character described: "`і` is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I,
/// it looks like Latin `i`". Invisible characters are given by code point, since
/// quoting them shows nothing.
pub fn describe(c: char) -> String {
    let name = char_name(c);
    let prototype = char_skeleton(c);
    if prototype.is_empty() {
        return format!("U+{:04X} {name} is invisible", c as u32);
    }
    if let Some(plain) = compatibility_form(c) {
        return format!("`{c}` is {name}, a variant of `{plain}`");
    }
    if prototype == c.to_string() {
        return format!("`{c}` is {name}");
    }
    let script = |c: char| c.script();
    let looks_script = prototype.chars().map(script).find(|s| is_real(*s));
    match looks_script {
        Some(other) if is_real(script(c)) && other != script(c) => {
            format!(
                "`{c}` is {name}, it looks like {} `{prototype}`",
                other.full_name()
            )
        }
        _ => format!("`{c}` is {name}, it looks like `{prototype}`"),
    }
}

/// A script of its own, not the Common or Inherited pseudo-scripts of digits,
/// punctuation and combining marks.
fn is_real(script: Script) -> bool {
    !matches!(script, Script::Common | Script::Inherited | Script::Unknown)
}

/// What makes `word` look like `target`: its characters that `target` lacks, each
/// [described](describe) once, joined with `; `.
pub fn explain(word: &str, target: &str) -> String {
    let mut chosen: Vec<char> = Vec::new();
    for c in word.chars() {
        if !target.contains(c) && !chosen.contains(&c) {
            chosen.push(c);
        }
    }
    let more = chosen.len().saturating_sub(MAX_DESCRIBED);
    let mut parts: Vec<String> = chosen
        .into_iter()
        .take(MAX_DESCRIBED)
        .map(describe)
        .collect();
    if more > 0 {
        parts.push(format!("and {more} more"));
    }
    parts.join("; ")
}

/// What makes a mixed-script `word` odd: its letters outside the script most of its
/// letters are in (Latin on a tie), [described](describe).
pub fn explain_mixed(word: &str) -> String {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in word.chars().map(|c| c.script()).filter(|s| is_real(*s)) {
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    let main = counts
        .iter()
        .max_by_key(|(s, n)| (*n, *s == Script::Latin))
        .map(|(s, _)| *s);
    let odd: String = word
        .chars()
        .filter(|c| is_real(c.script()) && Some(c.script()) != main)
        .collect();
    explain(&odd, "")
}

/// Whether two different names look alike: the same skeleton, and one of them not
/// plain ASCII (ASCII look-alikes, `0` and `O`, show in the fonts editors use, and
/// ordinary did-you-mean catches them).
pub fn look_alike(a: &str, b: &str) -> bool {
    a != b && !(a.is_ascii() && b.is_ascii()) && skeleton(a) == skeleton(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_however_it_is_composed() {
        assert_eq!(nfc("U\u{0308}"), "\u{00DC}");
        assert!(matches!(nfc("\u{00DC}"), Cow::Borrowed(_)));
    }

    #[test]
    fn skeletons_of_the_audit_s_look_alikes() {
        for text in ["\u{0420}\u{0410}", "\u{FF30}\u{FF21}", "P\u{200D}A"] {
            assert_eq!(skeleton(text), skeleton("PA"), "{text:?}");
            assert!(look_alike(text, "PA"), "{text:?}");
        }
        assert!(!look_alike("PA", "PA"));
        assert!(!look_alike("NAT0", "NATO"));
        assert!(!look_alike("\u{0423}\u{043A}", "UA"));
    }

    #[test]
    fn characters_are_named() {
        assert_eq!(
            describe('\u{0456}'),
            "`\u{0456}` is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, it looks like Latin `i`"
        );
        assert_eq!(
            describe('\u{FF30}'),
            "`\u{FF30}` is FULLWIDTH LATIN CAPITAL LETTER P, a variant of `P`"
        );
        assert_eq!(
            describe('\u{200D}'),
            "U+200D ZERO WIDTH JOINER is invisible"
        );
        assert_eq!(
            explain_mixed("U\u{0410}"),
            "`\u{0410}` is CYRILLIC CAPITAL LETTER A, it looks like Latin `A`"
        );
        assert_eq!(
            explain("Suom\u{0456}", "Suomi"),
            "`\u{0456}` is CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I, it looks like Latin `i`"
        );
    }

    #[test]
    fn the_look_alike_among_candidates() {
        let declared = ["SE", "EE", "LV"];
        assert_eq!(
            super::super::did_you_mean("\u{0415}\u{0415}", declared),
            Some("EE")
        );
    }
}
