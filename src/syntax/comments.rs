//! Comments and lexical tokens, found in one linear pass over the source.
//!
//! The grammar treats `//` comments as trivia, so they are not in the syntax tree. The
//! formatter and the language server still need them (a comment must survive
//! formatting), and the formatter needs the boundaries of the words it re-spaces. This
//! module splits text into strings, punctuation, words and comments; it does not decide
//! what any of them mean — clause structure always comes from [`super::parse`].

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of word characters: keywords, party codes, vocabulary, numbers, dates.
    Word,
    /// A quoted string, quotes included.
    Str,
    /// One of `, [ ] ( ) { } ->`.
    Punct,
    /// `// ...` up to (not including) the end of the line, trailing blanks excluded.
    Comment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    pub span: Span,
}

/// A `//` comment and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    pub span: Span,
    /// The comment's text, `//` included, trailing blanks removed.
    pub text: String,
    /// Only whitespace precedes it on its line (otherwise it trails code).
    pub own_line: bool,
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn is_punct(c: char) -> bool {
    matches!(c, ',' | '[' | ']' | '(' | ')' | '{' | '}')
}

/// Split `text` into tokens in one pass. Never fails: any character belongs to some
/// token or is whitespace.
pub fn tokens(text: &str) -> Vec<Token> {
    token_iter(text).collect()
}

/// The tokens of `text` one at a time, as [`tokens`] lists them, without the list
/// (the formatter's self-check compares two texts' tokens this way).
pub fn token_iter(text: &str) -> impl Iterator<Item = Token> + '_ {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let c = text[i..].chars().next()?;
            let start = i;
            if is_blank(c) {
                i += c.len_utf8();
                continue;
            }
            let kind = if text[i..].starts_with("//") {
                let line_end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                let trimmed = text[i..line_end].trim_end_matches(is_blank);
                i = line_end;
                return Some(Token {
                    kind: TokenKind::Comment,
                    span: Span::new(start, start + trimmed.len()),
                });
            } else if c == '"' {
                // A string ends at its closing quote or, if unterminated, at the line's end.
                i += 1;
                while i < text.len() {
                    match bytes[i] {
                        b'\\' if i + 1 < text.len() && bytes[i + 1] != b'\n' => {
                            i += 1;
                            i += text[i..].chars().next().map_or(1, char::len_utf8);
                        }
                        b'"' => {
                            i += 1;
                            break;
                        }
                        b'\n' => break,
                        _ => i += text[i..].chars().next().map_or(1, char::len_utf8),
                    }
                }
                TokenKind::Str
            } else if text[i..].starts_with("->") {
                i += 2;
                TokenKind::Punct
            } else if is_punct(c) && !glued_digit_comma(text, i) {
                i += 1;
                TokenKind::Punct
            } else {
                while i < text.len() {
                    let Some(c) = text[i..].chars().next() else {
                        break;
                    };
                    if is_blank(c)
                        || c == '"'
                        || text[i..].starts_with("//")
                        || (is_punct(c) && !glued_digit_comma(text, i))
                    {
                        break;
                    }
                    i += c.len_utf8();
                }
                TokenKind::Word
            };
            return Some(Token {
                kind,
                span: Span::new(start, i),
            });
        }
        None
    })
}

/// A comma written between two digits with no space (`28,500`) is part of a number.
fn glued_digit_comma(text: &str, i: usize) -> bool {
    let bytes = text.as_bytes();
    bytes[i] == b','
        && i > 0
        && bytes[i - 1].is_ascii_digit()
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// Every comment in `text`, in order. Text inside strings is never a comment.
pub fn scan(text: &str) -> Vec<Comment> {
    let spans: Vec<Span> = token_iter(text)
        .filter(|t| t.kind == TokenKind::Comment)
        .map(|t| t.span)
        .collect();
    comments_at(text, &spans)
}

/// The comments of `text` that contain `needle`, in order: what [`scan`] finds, kept
/// if they contain it, but only the lines where `needle` occurs are read. A string
/// never runs past its line's end, so each line can be read on its own.
pub fn scan_containing(text: &str, needle: &str) -> Vec<Comment> {
    let mut found = Vec::new();
    let mut next_line = 0;
    for (at, _) in text.match_indices(needle) {
        if at < next_line {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        next_line = line_end;
        let Some(start) = comment_start(&text[line_start..line_end]).map(|i| line_start + i) else {
            continue;
        };
        let body = text[start..line_end].trim_end_matches(is_blank);
        if body.contains(needle) {
            found.push(Comment {
                span: Span::new(start, start + body.len()),
                text: body.to_string(),
                own_line: text[line_start..start].chars().all(is_blank),
            });
        }
    }
    found
}

/// Where the comment on `line` (no newline in it) starts: the first `//` outside a
/// string, as [`token_iter`] reads strings and their escapes.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => return Some(i),
            b'"' => {
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' if i + 1 < bytes.len() => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// The comments of `text` at `spans` (comment tokens, in order).
pub fn comments_at(text: &str, spans: &[Span]) -> Vec<Comment> {
    spans
        .iter()
        .map(|&span| Token {
            kind: TokenKind::Comment,
            span,
        })
        .map(|t| {
            let line_start = text[..t.span.start].rfind('\n').map_or(0, |n| n + 1);
            Comment {
                span: t.span,
                text: text[t.span.start..t.span.end].to_string(),
                own_line: text[line_start..t.span.start].chars().all(is_blank),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokens(text)
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect()
    }

    /// `scan_containing` finds what `scan` finds, on the bundled treaties and on lines
    /// made of the pieces that make comments hard to find.
    #[test]
    fn scan_containing_agrees_with_scan() {
        let pieces = [
            "// treaty: a",
            "\"",
            "\\",
            "\\\"",
            "x",
            " ",
            "\n",
            "/",
            "//",
            "treaty:",
            "é",
            "\r",
            "\u{FEFF}",
            "\t",
        ];
        let mut texts: Vec<String> = Vec::new();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = |below: usize| {
            // A linear congruential generator; its high bits are the random ones.
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % below
        };
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                text.push_str(pieces[next(pieces.len())]);
            }
            texts.push(text);
        }
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/treaties");
        for entry in std::fs::read_dir(folder).expect("the bundled treaties") {
            let path = entry.expect("an entry").path();
            if path.extension().is_some_and(|e| e == "treaty") {
                texts.push(std::fs::read_to_string(path).expect("a bundled treaty"));
            }
        }
        let mut with_marker = 0;
        for text in &texts {
            let expected: Vec<Comment> = scan(text)
                .into_iter()
                .filter(|c| c.text.contains("treaty:"))
                .collect();
            with_marker += usize::from(!expected.is_empty());
            assert_eq!(scan_containing(text, "treaty:"), expected, "{text:?}");
        }
        let generated = texts.iter().filter(|t| t.contains("treaty:")).count();
        assert!(with_marker > 100, "{with_marker} of {generated}");
    }

    #[test]
    fn strings_hide_comment_markers_and_escaped_quotes() {
        let text = "title \"a // b \\\" c\" // real\nparty UA";
        assert_eq!(
            texts(text),
            ["title", "\"a // b \\\" c\"", "// real", "party", "UA"]
        );
        let comments = scan(text);
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[0].text, "// real");
        assert!(!comments[0].own_line);
    }

    #[test]
    fn punctuation_splits_words_but_not_numbers() {
        assert_eq!(
            texts("UK,UA ->RU kind[a,b] f(UA) 28,500"),
            [
                "UK", ",", "UA", "->", "RU", "kind", "[", "a", ",", "b", "]", "f", "(", "UA", ")",
                "28,500"
            ]
        );
    }

    #[test]
    fn own_line_comments_are_told_from_trailing_ones() {
        let comments = scan("  // own\nx // trailing  \r\n");
        assert!(comments[0].own_line);
        assert!(!comments[1].own_line);
        assert_eq!(comments[1].text, "// trailing");
    }
}
