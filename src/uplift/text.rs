//! Reading a treaty's text by lines: where its block ends, where a trigger's body
//! opens, and how a line is indented. Strings and `//` comments are skipped, so a
//! brace inside `source "..."` is never taken for a block.

/// The byte offset of the `}` that closes the block whose `{` is the first one at or
/// after `from`, and the offset of that `{`.
pub fn block_at(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut open = None;
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'{' => {
                open.get_or_insert(i);
                depth += 1;
            }
            b'}' if open.is_some() => {
                depth -= 1;
                if depth == 0 {
                    return Some((open?, i));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A text split into lines (each keeping its `\n`), with the offset of each start.
/// Offsets are those of the file the text was cut from (`base` is where it starts), so
/// the spans of a syntax tree of the whole file can be looked up.
pub struct Lines<'a> {
    pub lines: Vec<&'a str>,
    starts: Vec<usize>,
    base: usize,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Self {
        Self::at(text, 0)
    }

    /// The lines of `text`, which starts at byte `base` of its file.
    pub fn at(text: &'a str, base: usize) -> Self {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut starts = Vec::with_capacity(lines.len());
        let mut at = base;
        for line in &lines {
            starts.push(at);
            at += line.len();
        }
        Lines {
            lines,
            starts,
            base,
        }
    }

    /// Where the text starts in its file.
    pub fn base(&self) -> usize {
        self.base
    }

    /// The 0-based line of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next.saturating_sub(1),
        }
    }

    pub fn start(&self, line: usize) -> usize {
        self.starts[line]
    }

    /// The line without its line ending.
    pub fn text(&self, line: usize) -> &'a str {
        self.lines[line].trim_end_matches(['\n', '\r'])
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

/// The leading white space of a line.
pub fn indent(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// Whether nothing but white space or a comment follows `offset` on its line.
pub fn ends_line(text: &str, offset: usize) -> bool {
    let rest = text[offset..].split('\n').next().unwrap_or("");
    let rest = rest.trim();
    rest.is_empty() || rest.starts_with("//")
}

/// The line with the word after `keyword` (at the start of the line) replaced.
pub fn replace_word_after(line: &str, keyword: &str, new: &str) -> Option<String> {
    let lead = indent(line).len();
    let after = line[lead..].strip_prefix(keyword)?;
    let gap = after.len() - after.trim_start().len();
    if gap == 0 {
        return None;
    }
    let start = lead + keyword.len() + gap;
    let len = line[start..]
        .find(char::is_whitespace)
        .unwrap_or(line.len() - start);
    if len == 0 {
        return None;
    }
    Some(format!("{}{new}{}", &line[..start], &line[start + len..]))
}

/// The line with the bytes `from..to` taken out, with a quoted argument that follows
/// them and the space before them: `None` when nothing but white space would be left.
pub fn without(line: &str, from: usize, to: usize) -> Option<String> {
    let mut to = to.min(line.len());
    let rest = &line[to..];
    let trimmed = rest.trim_start();
    if let Some(quoted) = trimmed.strip_prefix('"') {
        if let Some(close) = quoted.find('"') {
            to += rest.len() - trimmed.len() + 1 + close + 1;
        }
    }
    let before = line[..from].trim_end();
    let after = &line[to..];
    if before.trim().is_empty() && after.trim().is_empty() {
        return None;
    }
    if before.trim().is_empty() {
        return Some(format!("{}{}", indent(line), after.trim_start()));
    }
    Some(format!("{before}{after}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_skip_strings_and_comments() {
        let text = "treaty t {\n  title \"a } b\" // }\n  trigger x {\n  }\n}\nafter";
        let (open, close) = block_at(text, 0).unwrap();
        assert_eq!(&text[open..=open], "{");
        assert_eq!(&text[close..], "}\nafter");
    }

    #[test]
    fn words_and_qualifiers_come_out_cleanly() {
        assert_eq!(
            replace_word_after("  form political source \"x\"", "form", "treaty").as_deref(),
            Some("  form treaty source \"x\"")
        );
        let line = "    consult UK, UA aspirational \"we intend\" source \"s\"";
        let from = line.find("aspirational").unwrap();
        assert_eq!(
            without(line, from, from + "aspirational".len()).as_deref(),
            Some("    consult UK, UA source \"s\"")
        );
        assert_eq!(without("      aspirational", 6, 18), None);
    }
}
