//! The one place where byte spans become LSP positions and back.
//!
//! LSP counts a position's `character` in UTF-16 code units unless client and server
//! agree on UTF-8 at `initialize`. Everything else in the crate works in byte offsets;
//! line starts come from [`LineIndex`], so each conversion is a binary search plus a
//! walk along one line.

use serde_json::{json, Value};

use crate::source::{clamp_to_char_boundary, LineIndex, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// Converts between byte offsets in one text and LSP positions.
pub struct Positions<'a> {
    pub text: &'a str,
    pub lines: &'a LineIndex,
    pub encoding: Encoding,
}

impl Positions<'_> {
    /// `(line, character)` of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = clamp_to_char_boundary(self.text, offset);
        let line = self.lines.line_of(offset);
        let start = self.lines.line_start(line);
        let character = self.text[start..offset]
            .chars()
            .map(|c| self.encoding.width(c))
            .sum();
        (line, character)
    }

    /// The byte offset of a position; a character past the end of its line means the
    /// line's end, a line past the end of the text means the text's end.
    pub fn offset(&self, line: usize, character: usize) -> usize {
        if line >= self.lines.line_count() {
            return self.text.len();
        }
        let start = self.lines.line_start(line);
        let rest = &self.text[start..];
        let line_text = &rest[..rest.find('\n').unwrap_or(rest.len())];
        let mut units = 0;
        for (i, c) in line_text.char_indices() {
            if units >= character {
                return start + i;
            }
            units += self.encoding.width(c);
        }
        start + line_text.len()
    }

    pub fn range(&self, span: Span) -> Value {
        let (sl, sc) = self.position(span.start);
        let (el, ec) = self.position(span.end.max(span.start));
        json!({
            "start": { "line": sl, "character": sc },
            "end": { "line": el, "character": ec },
        })
    }

    /// The byte offset of an LSP `Position` object, if it has the right shape.
    pub fn offset_of(&self, position: &Value) -> Option<usize> {
        let line = position.get("line")?.as_u64()?;
        let character = position.get("character")?.as_u64()?;
        Some(self.offset(line as usize, character as usize))
    }

    pub fn span_of(&self, range: &Value) -> Option<Span> {
        let start = self.offset_of(range.get("start")?)?;
        let end = self.offset_of(range.get("end")?)?;
        Some(Span::new(start, end.max(start)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_and_utf8_count_ukrainian_letters_differently() {
        let text = "party UA \"Україна\" x\n";
        let lines = LineIndex::new(text);
        let x = text.find(" x").expect("x") + 1;
        let utf16 = Positions {
            text,
            lines: &lines,
            encoding: Encoding::Utf16,
        };
        let utf8 = Positions {
            text,
            lines: &lines,
            encoding: Encoding::Utf8,
        };
        assert_eq!(utf16.position(x), (0, 19));
        assert_eq!(utf8.position(x), (0, x));
        assert_eq!(utf16.offset(0, 19), x);
        assert_eq!(utf8.offset(0, x), x);
        assert_eq!(utf16.offset(0, 500), text.len() - 1);
        assert_eq!(utf16.offset(9, 0), text.len());
    }
}
