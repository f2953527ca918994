//! Syntax: the pest parser over `grammar/treaty.pest`, lowering to the [`ast`], and
//! error recovery. This stage knows nothing about what a clause means: it must not
//! check vocabulary words or parties (the model does).

pub mod ast;
pub mod comments;
mod explain;
pub mod keywords;
mod lower;
pub mod lower_scenario;
mod misplaced;
mod node;
mod prescan;
pub mod suppressions;

use pest::Parser;
use pest_derive::Parser;

use crate::diagnostics::Diagnostic;
use crate::span::Span;

#[derive(Parser)]
#[grammar = "../grammar/treaty.pest"]
pub struct TreatyParser;

/// Blocks deeper than this are refused before pest sees them: the language itself
/// needs two levels (treaty, trigger), and pest recurses on the call stack.
pub const MAX_NESTING: usize = 64;

/// A top-level block with more list items than this (commas outside strings and
/// comments) is refused before pest sees it: each item costs pest 80 bytes of token
/// queue and the tree about 100 more, 60 times a 3-byte `A, `. The largest list in the
/// corpus has a few dozen items; 10,000 parties with two roles each stay well inside.
pub const MAX_BLOCK_ITEMS: usize = 100_000;

pub mod codes {
    //! Codes of the diagnostics this stage emits.
    pub const SYNTAX_ERROR: &str = "E001";
    pub const UNCLOSED_BLOCK: &str = "E002";
    pub const NESTING_TOO_DEEP: &str = "E003";
    pub const NO_TREATY: &str = "E004";
    pub const TOO_MANY_ITEMS: &str = "E007";
    /// A qualifier before the words of its clause (`crate::syntax::misplaced`).
    pub const MISPLACED_QUALIFIER: &str = "E008";
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    fn is_empty(&self) -> bool {
        self.file.treaties.is_empty()
            && self.file.scenarios.is_empty()
            && self.diagnostics.is_empty()
    }

    /// Add a later piece of the same file (see [`parse_in_pieces`]).
    pub fn append(&mut self, mut piece: Parsed) {
        self.file.treaties.append(&mut piece.file.treaties);
        self.file.scenarios.append(&mut piece.file.scenarios);
        self.diagnostics.append(&mut piece.diagnostics);
    }
}

/// A file is parsed and lowered in pieces of at least this many bytes (cut between
/// top-level blocks, so a piece is one treaty or a few), so pest's token queue, about 17
/// times the size of its input, is never held for the whole of a large file. Small
/// pieces also keep the queue in cache: 4 KiB checked 5% faster than 64 KiB.
pub const PIECE_BYTES: usize = 4 * 1024;

/// Parse a whole file. Never fails: every problem is a diagnostic, and every clause
/// that did parse is in the tree.
pub fn parse(text: &str) -> Parsed {
    let mut whole = Parsed::default();
    parse_in_pieces(text, PIECE_BYTES, |piece| whole.append(piece));
    whole
}

/// Parse a file a piece at a time, handing each piece's treaties, scenarios and
/// diagnostics to `each` in file order, with spans into the whole file. Together the
/// pieces are exactly what parsing the file at once gives (except where pest refuses a
/// piece, out of stack or rule calls: then that piece alone is lost, where a parse at
/// once would lose the whole file); a caller that resolves each piece and drops its
/// tree never holds the tree of the whole file.
pub fn parse_in_pieces(text: &str, piece_bytes: usize, each: impl FnMut(Parsed)) {
    parse_in_pieces_with(text, piece_bytes, parse_piece, each)
}

/// [`parse_in_pieces`] with the parse of one piece, `text[start..end]`, left to
/// `parse_piece`: the incremental check (`analysis::incremental`) hands back the tree of
/// a piece whose text it has parsed before. The cuts, and what is done when a cut was
/// wrong, are the same as for a parse from scratch.
pub fn parse_in_pieces_with(
    text: &str,
    piece_bytes: usize,
    mut parse_piece: impl FnMut(&str, usize, usize) -> (Parsed, PieceEnd),
    mut each: impl FnMut(Parsed),
) {
    let cuts = match prescan::scan(text, MAX_NESTING, MAX_BLOCK_ITEMS, piece_bytes) {
        Ok(cuts) => cuts,
        Err(refused) => {
            let diagnostic = match refused {
                prescan::Refused::TooDeep(at) => nesting_too_deep(at),
                prescan::Refused::TooManyItems(at) => too_many_items(at),
            };
            each(Parsed {
                file: ast::File::default(),
                diagnostics: vec![diagnostic],
            });
            return;
        }
    };
    let mut anything = false;
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(text.len())) {
        let is_last = end == text.len();
        let (piece, ending) = parse_piece(text, start, end);
        // A piece pest gave up on (a parser limit) is reported alone: reading the
        // rest at once would only give up again and lose the rest of the file.
        if is_last || ending != PieceEnd::Open {
            anything |= !piece.is_empty();
            each(piece);
            start = end;
            continue;
        }
        // The cut was wrong (pest read the piece's last block differently from the
        // prescan): read the rest of the file at once instead. The pieces before
        // ended with closed blocks, so they are what a parse of the whole file gives.
        let (rest, _) = parse_piece(text, start, text.len());
        anything |= !rest.is_empty();
        each(rest);
        break;
    }
    // A file of scenarios only is complete: its treaties live in other files.
    if !anything {
        each(Parsed {
            file: ast::File::default(),
            diagnostics: vec![lower::no_treaty(text)],
        });
    }
}

/// pest may make this many rule calls per byte of the largest file `treaty check`
/// reads by default before it gives up on a piece. The grammar is linear: the corpus
/// needs about 4 calls per byte, broken and random text up to about 10, so any file
/// under the size limit parses, while a pathological input (runaway backtracking) is
/// stopped after at most about a minute instead of never (docs/robustness.md).
pub const RULE_CALLS_PER_BYTE: u64 = 16;

/// The limit itself: 4 Gi calls on 64-bit targets.
pub fn rule_call_limit() -> usize {
    usize::try_from(RULE_CALLS_PER_BYTE * crate::source::DEFAULT_MAX_FILE_SIZE)
        .unwrap_or(usize::MAX)
}

/// pest reads its call limit from a process-wide setting when a parse starts. Every
/// parse here sets it first; a caller of pest itself (a benchmark) can too.
pub fn set_rule_call_limit() {
    static SET: std::sync::Once = std::sync::Once::new();
    SET.call_once(|| pest::set_call_limit(std::num::NonZeroUsize::new(rule_call_limit())));
}

/// How a piece ended, which says whether the cut after it can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PieceEnd {
    /// With a closed block: the cut after it is where a whole-file parse would be.
    Closed,
    /// With an unclosed block or stray text: the cut may be wrong.
    Open,
    /// pest gave up on it.
    Refused,
}

/// Parse and lower `text[start..end]`, and say how it ended.
pub fn parse_piece(text: &str, start: usize, end: usize) -> (Parsed, PieceEnd) {
    set_rule_call_limit();
    match TreatyParser::parse(Rule::file, &text[start..end]) {
        Ok(mut pairs) => match pairs.next() {
            Some(file_pair) => {
                let (parsed, closed) = lower::lower_piece(text, node::Node::new(file_pair, start));
                let ending = if closed {
                    PieceEnd::Closed
                } else {
                    PieceEnd::Open
                };
                (parsed, ending)
            }
            None => (Parsed::default(), PieceEnd::Closed),
        },
        // The grammar absorbs any text, so only a parser limit ends here.
        Err(error) => {
            let parsed = Parsed {
                file: ast::File::default(),
                diagnostics: vec![parser_gave_up(text, start, &error.variant.message())],
            };
            (parsed, PieceEnd::Refused)
        }
    }
}

/// The diagnostic for a piece pest refused: it names the limit that was reached.
fn parser_gave_up(text: &str, start: usize, reason: &str) -> Diagnostic {
    let first = text[start..].chars().next().map_or(0, char::len_utf8);
    let (message, help) = match reason {
        "call limit reached" => (
            format!(
                "the parser gave up on this part of the file after {} rule calls",
                rule_call_limit()
            ),
            "so much work for the text means it is pathological (or one block is hundreds \
             of megabytes long): split it, or report it with the file",
        ),
        "stack limit reached" => (
            "the parser ran out of stack on this part of the file".to_string(),
            "something here nests too deeply for the parser: look for runs of unclosed \
             `{` or `\"` inside a broken clause",
        ),
        other => (
            format!("this part of the file could not be parsed: {other}"),
            "report it with the file: the grammar is meant to read any text",
        ),
    };
    Diagnostic::error(codes::SYNTAX_ERROR, message)
        .with_label(
            Span::new(start, start + first),
            "the parser stopped in what follows",
        )
        .with_help(help)
}

fn nesting_too_deep(offset: usize) -> Diagnostic {
    Diagnostic::error(
        codes::NESTING_TOO_DEEP,
        format!("blocks are nested more than {MAX_NESTING} levels deep"),
    )
    .with_label(Span::new(offset, offset + 1), "this block is too deep")
    .with_help(
        "a treaty needs only two levels of braces: `treaty name { ... }` and \
         `trigger ... { ... }` inside it",
    )
}

fn too_many_items(offset: usize) -> Diagnostic {
    Diagnostic::error(
        codes::TOO_MANY_ITEMS,
        format!("a block has more than {MAX_BLOCK_ITEMS} list items; the file is not read"),
    )
    .with_label(Span::new(offset, offset + 1), "this item is one too many")
    .with_help(
        "split the block, or the lists in it: a list this long is usually generated by \
         mistake, and reading it would take memory out of all proportion to the file",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parser_limit_is_a_syntax_error_that_names_the_limit() {
        let text = "treaty a {\n}\néé";
        let start = text.find('é').expect("present");
        let calls = parser_gave_up(text, start, "call limit reached");
        assert_eq!(calls.code, codes::SYNTAX_ERROR);
        assert!(calls.message.contains(&rule_call_limit().to_string()));
        // The label covers the first character whole.
        assert_eq!(calls.labels[0].span, Span::new(start, start + 2));
        let stack = parser_gave_up(text, 0, "stack limit reached");
        assert!(stack.message.contains("stack"), "{}", stack.message);
        assert!(stack.help.is_some());
    }
}
