//! Text from files on its way to a terminal or a log: control characters neutralised.
//!
//! A treaty title, a party name, a file name or a line of source can hold an escape
//! sequence (`ESC [ 2 J` clears the screen, `ESC ] 8` writes a link, `ESC ] 0` sets the
//! window title), a bell, a C1 control (U+0080–U+009F, which some terminals read as
//! ESC + a letter), a lone carriage return (which lets the rest of the line overwrite
//! what came before), or a bidirectional control (U+202E and friends, which reorder
//! what is displayed: "Trojan Source"). Every human-facing output passes such text
//! through [`clean`], which writes each of those characters as a Rust escape
//! (`\u{1b}`), visible and unambiguous. Line feeds and tabs are kept.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || is_line_separator(c)
}

/// The Unicode bidirectional formatting characters (UAX #9), which reorder the text
/// around them when displayed.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// U+2028 and U+2029, which some terminals and editors show as line breaks.
fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

/// The escape shown in place of an unsafe character.
pub fn escape(c: char) -> String {
    format!("\\u{{{:x}}}", c as u32)
}

/// `text` with every unsafe character written as an escape; borrowed when there is
/// none (the usual case).
pub fn clean(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&escape(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// [`clean`] for text that is shown on one line: line feeds and tabs are escaped too.
pub fn clean_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) || c == '\n' || c == '\t') {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c == '\n' || c == '\t' {
                c.escape_default().to_string()
            } else if is_unsafe(c) {
                escape(c)
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// Text cleaned for display together with a way to map byte offsets in the original
/// to offsets in the cleaned text (for label spans on a line of source).
pub struct Cleaned {
    pub text: String,
    /// (offset in the original just after a replaced character, bytes added so far).
    shifts: Vec<(usize, usize)>,
}

impl Cleaned {
    pub fn new(original: &str) -> Cleaned {
        let mut shifts = Vec::new();
        if !original.chars().any(is_unsafe) {
            return Cleaned {
                text: original.to_string(),
                shifts,
            };
        }
        let mut text = String::with_capacity(original.len() + 16);
        let mut added = 0;
        for (i, c) in original.char_indices() {
            if is_unsafe(c) {
                let escaped = escape(c);
                added += escaped.len() - c.len_utf8();
                text.push_str(&escaped);
                shifts.push((i + c.len_utf8(), added));
            } else {
                text.push(c);
            }
        }
        Cleaned { text, shifts }
    }

    /// The offset in the cleaned text of byte `offset` of the original (an offset at
    /// a replaced character maps to the start of its escape).
    pub fn map(&self, offset: usize) -> usize {
        let before = self.shifts.partition_point(|&(end, _)| end <= offset);
        offset + before.checked_sub(1).map_or(0, |i| self.shifts[i].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_the_rest_kept() {
        assert_eq!(clean("a\u{1b}[31mb\u{7}c"), "a\\u{1b}[31mb\\u{7}c");
        assert_eq!(clean("x\u{9b}y\u{202e}z\r"), "x\\u{9b}y\\u{202e}z\\u{d}");
        assert_eq!(clean("line\n\tnext Україна"), "line\n\tnext Україна");
        assert!(matches!(clean("plain"), Cow::Borrowed(_)));
        assert_eq!(clean_line("a\nb\u{1b}"), "a\\nb\\u{1b}");
    }

    #[test]
    fn offsets_map_past_each_escape() {
        let cleaned = Cleaned::new("a\u{1b}b\u{202e}c");
        assert_eq!(cleaned.text, "a\\u{1b}b\\u{202e}c");
        assert_eq!(cleaned.map(0), 0);
        assert_eq!(cleaned.map(1), 1);
        assert_eq!(&cleaned.text[cleaned.map(2)..cleaned.map(3)], "b");
        assert_eq!(&cleaned.text[cleaned.map(6)..], "c");
    }
}
