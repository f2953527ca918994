//! Syntax: the pest parser over `grammar/treaty.pest`, lowering to the [`ast`], and
//! error recovery. This stage knows nothing about what a clause means.

pub mod ast;
pub mod comments;
mod explain;
pub mod keywords;
mod lower;
pub mod lower_scenario;
mod node;
mod prescan;
pub mod scenario_ast;
pub mod suppressions;

use pest::Parser;
use pest_derive::Parser;

use crate::diagnostics::Diagnostic;
use crate::source::Span;

#[derive(Parser)]
#[grammar = "../grammar/treaty.pest"]
pub struct TreatyParser;

/// Blocks deeper than this are refused before pest sees them: the language itself
/// needs two levels (treaty, trigger), and pest recurses on the call stack.
pub const MAX_NESTING: usize = 64;

pub mod codes {
    //! Codes of the diagnostics this stage emits.
    pub const SYNTAX_ERROR: &str = "E001";
    pub const UNCLOSED_BLOCK: &str = "E002";
    pub const NESTING_TOO_DEEP: &str = "E003";
    pub const NO_TREATY: &str = "E004";
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

    /// Add a later piece of the same file.
    fn append(&mut self, mut piece: Parsed) {
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
/// pieces are exactly what parsing the file at once gives; a caller that resolves each
/// piece and drops its tree never holds the tree of the whole file.
pub fn parse_in_pieces(text: &str, piece_bytes: usize, mut each: impl FnMut(Parsed)) {
    let cuts = match prescan::scan(text, MAX_NESTING, piece_bytes) {
        Ok(cuts) => cuts,
        Err(too_deep) => {
            each(Parsed {
                file: ast::File::default(),
                diagnostics: vec![nesting_too_deep(too_deep)],
            });
            return;
        }
    };
    let mut anything = false;
    let mut start = 0;
    for end in cuts.into_iter().chain(std::iter::once(text.len())) {
        let is_last = end == text.len();
        let (piece, ended_cleanly) = parse_piece(text, start, end);
        if is_last || ended_cleanly {
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

/// Parse and lower `text[start..end]`, and say whether it ended with a closed block.
fn parse_piece(text: &str, start: usize, end: usize) -> (Parsed, bool) {
    match TreatyParser::parse(Rule::file, &text[start..end]) {
        Ok(mut pairs) => match pairs.next() {
            Some(file_pair) => lower::lower_piece(text, node::Node::new(file_pair, start)),
            None => (Parsed::default(), true),
        },
        // Unreachable by construction (the grammar absorbs any text), but a parser
        // limit must still surface as a diagnostic rather than a panic.
        Err(error) => (
            Parsed {
                file: ast::File::default(),
                diagnostics: vec![Diagnostic::error(
                    codes::SYNTAX_ERROR,
                    format!("the file could not be parsed: {}", error.variant.message()),
                )
                .with_label(Span::new(start, start), "here")],
            },
            false,
        ),
    }
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
