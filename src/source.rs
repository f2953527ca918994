//! Source files: text, a display path, and the line index used to turn byte offsets into
//! 1-based lines and columns. Built once per file so that locating N diagnostics costs
//! O(N log lines), never a rescan from the start of the file. Reading a file refuses
//! binary, non-UTF-8 and oversized ones with a diagnostic; this module must not parse.

pub use crate::span::Span;

/// Offsets of line starts, for offset -> (line, column) lookups by binary search.
///
/// Columns count characters, so a column far into a long line would mean counting
/// from the line's start for every diagnostic: quadratic on a 10 MB one-line list with
/// a diagnostic per item. An ASCII file needs no counting (a column is a byte
/// difference); otherwise `checkpoints` holds the character count before every
/// `CHECKPOINT_BYTES`-th byte (rounded down to a character boundary), so one column
/// costs at most that many bytes of counting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<usize>,
    /// `(byte offset, characters before it)`, ascending; empty for ASCII text.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two character-count checkpoints of a non-ASCII text.
const CHECKPOINT_BYTES: usize = 1024;

/// The longest UTF-8 encoding of a character.
const MAX_CHAR_BYTES: usize = 4;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 40 + 1);
        line_starts.push(0);
        line_starts.extend(memchr_newlines(text.as_bytes()).map(|i| i + 1));
        let mut checkpoints = Vec::new();
        if !text.is_ascii() {
            push_checkpoints(text, 0, 0, &mut checkpoints);
        }
        LineIndex {
            line_starts,
            checkpoints,
        }
    }

    /// The index of the text after `text[replaced]` was replaced by `inserted`
    /// (`new_text` is the whole text after the edit): line starts before the edit are
    /// kept, those after it moved, and only the lines of `inserted` are scanned. A
    /// language server applies an edit per keystroke and must not rescan the document
    /// each time (issue 16). The result is what [`LineIndex::new`] of `new_text` gives.
    pub fn apply_edit(&mut self, new_text: &str, replaced: Span, inserted: &str) {
        let (start, end) = (replaced.start, replaced.end);
        let new_end = start + inserted.len();
        // A line start `s` follows a newline at `s - 1`: the replaced ones are in
        // `start + 1..=end`.
        let first_gone = self.line_starts.partition_point(|&s| s <= start);
        let first_kept = self.line_starts.partition_point(|&s| s <= end);
        let inserted_starts = memchr_newlines(inserted.as_bytes()).map(|i| start + i + 1);
        let moved: Vec<usize> = self.line_starts[first_kept..]
            .iter()
            .map(|&s| s - end + new_end)
            .collect();
        self.line_starts.truncate(first_gone);
        self.line_starts.extend(inserted_starts);
        self.line_starts.extend(moved);
        // Character counts after the edit change: counted again from the last
        // checkpoint before it. Where a checkpoint falls depends on the text up to a
        // character (at most 4 bytes) past it, so one that close to the edit is
        // counted again too; from there on they fall where a fresh count puts them.
        if self.checkpoints.is_empty() && inserted.is_ascii() {
            return;
        }
        if new_text.is_ascii() {
            self.checkpoints.clear();
            return;
        }
        let kept = self
            .checkpoints
            .partition_point(|&(at, _)| at + MAX_CHAR_BYTES <= start);
        let (from, chars) = match kept {
            0 => (0, 0),
            _ => self.checkpoints[kept - 1],
        };
        self.checkpoints.truncate(kept.saturating_sub(1));
        push_checkpoints(new_text, from, chars, &mut self.checkpoints);
    }

    /// Characters in `text[start..end]` (both on character boundaries), in at most
    /// two checkpoint strides of counting however far apart they are.
    pub fn chars_between(&self, text: &str, start: usize, end: usize) -> usize {
        if self.checkpoints.is_empty() || end - start <= CHECKPOINT_BYTES {
            return if self.checkpoints.is_empty() {
                end - start
            } else {
                text[start..end].chars().count()
            };
        }
        self.chars_before(text, end) - self.chars_before(text, start)
    }

    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let i = match self.checkpoints.binary_search_by_key(&offset, |c| c.0) {
            Ok(i) => i,
            Err(next) => next - 1,
        };
        let (at, chars) = self.checkpoints[i];
        chars + text[at..offset].chars().count()
    }

    /// 0-based line containing `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts[line]
    }

    /// 1-based line and 1-based column (counted in characters) of a byte offset.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = clamp_to_char_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = self.chars_between(text, start, offset) + 1;
        (line + 1, column)
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// The character-count checkpoints of `text` from byte `at`, where `chars` characters
/// precede it, to the end.
fn push_checkpoints(text: &str, mut at: usize, mut chars: usize, out: &mut Vec<(usize, usize)>) {
    while at < text.len() {
        out.push((at, chars));
        let next = clamp_to_char_boundary(text, at + CHECKPOINT_BYTES);
        let next = if next <= at {
            ceil_char_boundary(text, at + 1)
        } else {
            next
        };
        chars += text[at..next].chars().count();
        at = next;
    }
}

fn memchr_newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes
        .iter()
        .enumerate()
        .filter_map(|(i, &b)| (b == b'\n').then_some(i))
}

/// The smallest char boundary at or after `offset`, never past the end.
fn ceil_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset += 1;
    }
    offset
}

/// The largest char boundary at or before `offset`, never past the end.
pub fn clamp_to_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One file being checked. The path is the one shown to users (relative as given).
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
    pub lines: LineIndex,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let lines = LineIndex::new(&text);
        SourceFile {
            path: path.into(),
            text,
            lines,
        }
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines.line_col(&self.text, offset)
    }

    pub fn slice(&self, span: Span) -> &str {
        let start = clamp_to_char_boundary(&self.text, span.start);
        let end = clamp_to_char_boundary(&self.text, span.end.max(start));
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_is_one_based_and_counts_characters() {
        let text = "ab\nУкраїна x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 3), (2, 1));
        let x = text.find('x').unwrap();
        assert_eq!(index.line_col(text, x), (2, 9));
        assert_eq!(index.line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn columns_far_into_a_long_non_ascii_line_count_characters() {
        let text = format!("x\n{}", "é, a, ".repeat(2000));
        let index = LineIndex::new(&text);
        for offset in (2..text.len())
            .filter(|&o| text.is_char_boundary(o))
            .step_by(97)
        {
            let expected = text[2..offset].chars().count() + 1;
            assert_eq!(index.line_col(&text, offset), (2, expected), "at {offset}");
        }
    }

    /// Edits of every kind, ASCII and not, applied to an index one after the other:
    /// each time it is the index built afresh.
    #[test]
    fn an_edited_index_is_the_index_of_the_edited_text() {
        let mut text = format!(
            "treaty t {{\n{}}}\n",
            "  party UA \"Україна\"\n".repeat(200)
        );
        let mut index = LineIndex::new(&text);
        let edits: &[(usize, usize, &str)] = &[
            (0, 0, "// a comment\n"),
            (5, 9, ""),
            (40, 41, "\n\n"),
            (100, 2000, "x"),
            (50, 50, "é\nä\n"),
            (0, 30, "ascii only\n"),
        ];
        for &(start, len, inserted) in edits {
            let start = clamp_to_char_boundary(&text, start);
            let end = clamp_to_char_boundary(&text, start + len);
            text.replace_range(start..end, inserted);
            index.apply_edit(&text, Span::new(start, end), inserted);
            assert_eq!(
                index,
                LineIndex::new(&text),
                "after replacing {start}..{end}"
            );
        }
        // Deleting every non-ASCII character leaves an ASCII text: no checkpoints.
        let ascii: String = text.chars().filter(char::is_ascii).collect();
        index.apply_edit(&ascii, Span::new(0, text.len()), &ascii);
        assert_eq!(index, LineIndex::new(&ascii));
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(16), "16 bytes");
        assert_eq!(human_size(12_800), "12.5 KiB");
        assert_eq!(human_size(256 * 1024 * 1024), "256 MiB");
        assert_eq!(human_size(3 << 30), "3 GiB");
    }

    #[test]
    fn offsets_inside_a_character_are_clamped_back() {
        let text = "Україна";
        assert_eq!(clamp_to_char_boundary(text, 1), 0);
        assert_eq!(clamp_to_char_boundary(text, 100), text.len());
    }
}

pub mod codes {
    //! Codes of the diagnostics raised while reading a file.
    pub const NOT_TEXT: &str = "E005";
    pub const TOO_LARGE: &str = "E006";
}

/// Files larger than this are refused with a diagnostic (see `--max-file-size`).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 256 * 1024 * 1024;

/// A file read from disk: either text to check, or a file refused with a diagnostic.
#[derive(Debug)]
pub enum Loaded {
    Text(SourceFile),
    Rejected(SourceFile, crate::diagnostics::Diagnostic),
}

/// Byte counts are put into words by the input layer; re-exported for older callers.
pub use crate::input::human_size;

/// Read a file for checking, through [`crate::input`]. I/O failures, and paths that
/// are not regular files (a FIFO, a device, a directory), are errors; a file that is
/// too large, binary or not UTF-8 is a diagnostic on that file.
pub fn load(path: &std::path::Path, display: String, max_size: u64) -> std::io::Result<Loaded> {
    use crate::diagnostics::Diagnostic;
    use crate::input::{self, InputError};

    match input::bytes(path, max_size) {
        Ok(bytes) => Ok(from_bytes(display, bytes)),
        Err(InputError::TooLarge { size, limit }) => {
            let diagnostic = Diagnostic::error(
                codes::TOO_LARGE,
                format!(
                    "file is {}, over the {} limit",
                    human_size(size),
                    human_size(limit)
                ),
            )
            .with_help("split the file, or raise the limit with `--max-file-size`");
            Ok(Loaded::Rejected(SourceFile::new(display, ""), diagnostic))
        }
        Err(InputError::Io(error)) => Err(error),
        Err(other) => Err(std::io::Error::other(other.to_string())),
    }
}

/// Decide whether bytes are checkable text.
pub fn from_bytes(display: String, bytes: Vec<u8>) -> Loaded {
    use crate::diagnostics::Diagnostic;
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        let diagnostic = Diagnostic::error(
            codes::NOT_TEXT,
            format!("this looks like a binary file (it has a NUL byte at offset {nul}), not treaty text"),
        )
        .with_help("`treaty check` reads UTF-8 text files; check that the path is the one you meant");
        return Loaded::Rejected(SourceFile::new(display, ""), diagnostic);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Loaded::Text(SourceFile::new(display, text)),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let source = SourceFile::new(display, text);
            let (line, column) = source.line_col(offset);
            let char_len = source.text[offset..]
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            let diagnostic = Diagnostic::error(
                codes::NOT_TEXT,
                format!(
                    "this file is not valid UTF-8 (first bad byte at line {line}, column {column})"
                ),
            )
            .with_label(Span::new(offset, offset + char_len), "not UTF-8")
            .with_help("save the file as UTF-8; other encodings (Latin-1, UTF-16) are not read");
            Loaded::Rejected(source, diagnostic)
        }
    }
}
