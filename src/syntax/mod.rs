//! Syntax: the pest parser over `grammar/treaty.pest`, lowering to the [`ast`], and
//! error recovery. This stage knows nothing about what a clause means.

pub mod ast;
pub mod comments;
mod explain;
pub mod keywords;
mod lower;
pub mod lower_scenario;
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

#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub file: ast::File,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        !self.diagnostics.is_empty()
    }
}

/// Parse a whole file. Never fails: every problem is a diagnostic, and every clause
/// that did parse is in the tree.
pub fn parse(text: &str) -> Parsed {
    if let Err(too_deep) = prescan::check_nesting(text, MAX_NESTING) {
        let diagnostic = Diagnostic::error(
            codes::NESTING_TOO_DEEP,
            format!("blocks are nested more than {MAX_NESTING} levels deep"),
        )
        .with_label(Span::new(too_deep, too_deep + 1), "this block is too deep")
        .with_help(
            "a treaty needs only two levels of braces: `treaty name { ... }` and \
             `trigger ... { ... }` inside it",
        );
        return Parsed {
            file: ast::File::default(),
            diagnostics: vec![diagnostic],
        };
    }
    match TreatyParser::parse(Rule::file, text) {
        Ok(mut pairs) => {
            let file_pair = pairs.next().expect("the file rule always produces a pair");
            lower::lower_file(text, file_pair)
        }
        // Unreachable by construction (the grammar absorbs any text), but a parser
        // limit must still surface as a diagnostic rather than a panic.
        Err(error) => Parsed {
            file: ast::File::default(),
            diagnostics: vec![Diagnostic::error(
                codes::SYNTAX_ERROR,
                format!("the file could not be parsed: {}", error.variant.message()),
            )
            .with_label(Span::new(0, 0), "here")],
        },
    }
}
