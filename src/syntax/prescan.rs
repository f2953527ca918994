//! A cheap pass before pest, skipping braces inside strings and comments:
//! - find blocks nested deeper than the limit, so hostile input cannot overflow pest's
//!   stack;
//! - find blocks with more list items than the limit, so a list of millions of items
//!   (pest's token queue alone costs 80 bytes per item, 27 times `A, `) is refused
//!   before pest allocates for it;
//! - find where the file can be cut into pieces that pest parses one at a time, so a
//!   large file never has the token queue of all of it in memory at once.

/// Where a file may be cut: offsets of line starts outside any block whose first word
/// is `treaty` or `scenario`, at least `piece_bytes` after the previous cut.
/// `Err` with the offset of the first `{` nested deeper than `limit`, or of the first
/// comma past `max_items` in one top-level block.
///
/// A cut is a guess made without pest; [`super::parse_in_pieces`] checks that the piece
/// before it really ended with a closed block before trusting it.
pub fn scan(
    text: &str,
    limit: usize,
    max_items: usize,
    piece_bytes: usize,
) -> Result<Vec<usize>, Refused> {
    let bytes = text.as_bytes();
    let mut cuts = Vec::new();
    let mut last_cut = 0;
    let mut depth = 0usize;
    // Commas inside the current top-level block: list items after the first.
    let mut items = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i = string_end(bytes, i + 1);
                continue_at_newline(&mut i, bytes);
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                // Comments are a third of a real treaty's bytes: jump to the line's end.
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |at| i + at);
                continue_at_newline(&mut i, bytes);
            }
            b'{' => {
                depth += 1;
                if depth > limit {
                    return Err(Refused::TooDeep(i));
                }
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    items = 0;
                }
            }
            b',' if depth > 0 => {
                items += 1;
                if items > max_items {
                    return Err(Refused::TooManyItems(i));
                }
            }
            b'\n'
                if depth == 0
                    && i + 1 - last_cut >= piece_bytes
                    && opens_block(&bytes[i + 1..]) =>
            {
                last_cut = i + 1;
                cuts.push(last_cut);
            }
            _ => {}
        }
        i += 1;
    }
    Ok(cuts)
}

/// Why a file is not handed to pest, with the offset to point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    TooDeep(usize),
    TooManyItems(usize),
}

/// Where a string whose text starts at `from` ends: its closing quote, or the end of
/// its line (an unterminated string), or of the text; a backslash takes the byte after
/// it. Searched with `memchr`, not a byte at a time.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    loop {
        let rest = bytes.get(i..).unwrap_or_default();
        match memchr::memchr3(b'"', b'\n', b'\\', rest) {
            Some(at) if rest[at] == b'\\' => i += at + 2,
            Some(at) => return i + at,
            None => return bytes.len(),
        }
    }
}

/// Leave `i` just before the newline that ended a string or comment, so the main loop
/// sees it (a cut may follow it).
fn continue_at_newline(i: &mut usize, bytes: &[u8]) {
    if *i < bytes.len() && bytes[*i] == b'\n' {
        *i -= 1;
    }
}

/// Whether a line opens a top-level block: optional indentation, then `treaty` or
/// `scenario` as a whole word.
fn opens_block(line: &[u8]) -> bool {
    let indent = line
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    let rest = &line[indent..];
    ["treaty".as_bytes(), "scenario".as_bytes()]
        .iter()
        .any(|keyword| {
            rest.starts_with(keyword)
                && rest
                    .get(keyword.len())
                    .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'{'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nesting(text: &str, limit: usize) -> Result<(), usize> {
        match scan(text, limit, usize::MAX, usize::MAX) {
            Ok(_) => Ok(()),
            Err(Refused::TooDeep(at)) => Err(at),
            Err(other) => panic!("{other:?}"),
        }
    }

    #[test]
    fn list_items_are_counted_per_top_level_block_outside_strings_and_comments() {
        let block = "treaty a {\n  members A, B, C // ,,,,\n  title \",,,,\"\n}\n";
        let text = block.repeat(3);
        assert!(scan(&text, 8, 2, usize::MAX).is_ok());
        let comma = text.find(',').expect("a comma");
        assert_eq!(
            scan(&text, 8, 1, usize::MAX),
            Err(Refused::TooManyItems(comma + 3))
        );
        // Commas outside any block are stray text, cheap for pest.
        assert!(scan(",,,,", 8, 1, usize::MAX).is_ok());
    }

    #[test]
    fn braces_in_strings_and_comments_do_not_count() {
        assert!(nesting("a { \"{{{{\" // {{{{\n }", 1).is_ok());
        assert_eq!(nesting("{{{", 2), Err(2));
    }

    #[test]
    fn closing_braces_reduce_depth() {
        assert!(nesting("{}{}{}{}", 1).is_ok());
        assert!(nesting("}}}{", 1).is_ok());
    }

    #[test]
    fn cuts_fall_on_top_level_block_openings() {
        let text = "treaty a {\n  title \"}\"\n}\ntreaty b {\n  treaty c\n}\n// x\n  scenario s {\n}\ntreatyish\n";
        let cuts = scan(text, 8, usize::MAX, 1).expect("not too deep");
        let starts: Vec<&str> = cuts.iter().map(|&c| &text[c..c + 8]).collect();
        assert_eq!(starts, ["treaty b", "  scenar"]);
    }

    #[test]
    fn cuts_keep_pieces_at_least_the_requested_size() {
        let one = "treaty a {\n}\n";
        let text = one.repeat(10);
        let cuts = scan(&text, 8, usize::MAX, 3 * one.len()).expect("not too deep");
        assert_eq!(cuts, [3 * one.len(), 6 * one.len(), 9 * one.len()]);
    }

    /// [`string_end`] as the scan read strings before: a byte at a time.
    fn string_end_byte_at_a_time(bytes: &[u8], from: usize) -> usize {
        let mut i = from;
        while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        i.min(bytes.len())
    }

    #[test]
    fn a_string_ends_where_the_byte_loop_ended_it() {
        // Every text of up to six of these fragments, in every order: quotes,
        // backslashes before a quote, a newline and the end of the text.
        let fragments = ["\"", "\\", "\n", "x", "é", "\\\""];
        let mut texts = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = texts
                .iter()
                .flat_map(|t| fragments.iter().map(move |f| format!("{t}{f}")))
                .collect();
            texts.extend(longer);
        }
        assert!(texts.len() > 50_000, "{}", texts.len());
        for text in &texts {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                assert_eq!(
                    string_end(bytes, from),
                    string_end_byte_at_a_time(bytes, from),
                    "{text:?} from {from}"
                );
            }
        }
    }

    #[test]
    fn an_unterminated_string_ends_at_its_line() {
        let text = "treaty a {\n  title \"open\n}\ntreaty b {\n}\n";
        let cuts = scan(text, 8, usize::MAX, 1).expect("not too deep");
        assert_eq!(cuts, [text.find("treaty b").expect("present")]);
    }
}
