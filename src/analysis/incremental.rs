//! Checking a file again after an edit, re-parsing only the pieces whose text changed.
//!
//! A file is parsed in pieces cut between top-level blocks (`syntax::parse_in_pieces`);
//! parsing is about three quarters of a check (docs/performance.md). [`Incremental`]
//! keeps the tree of each piece of the last check, by the piece's text: a piece whose
//! text comes again, wherever it now starts, is not parsed again but its tree moved
//! (`ast::shift`). Everything after the parse (resolution, references between
//! treaties, duplicate names, rules, lints, suppressions, levels, order) runs on the
//! whole file exactly as [`super::check_keeping_model`] runs it, so the result is the
//! same by construction; `tests/incremental.rs` checks it on random edits.
//!
//! Only pieces that parsed with no diagnostic are kept: lowering a piece with a syntax
//! error may look at the text after it (where an unclosed block ends, what a broken
//! header would have needed), so its result could depend on more than its own text.

use std::collections::HashMap;

use super::{check_parsed, FileReport, Settings};
use crate::model::Model;
use crate::source::SourceFile;
use crate::syntax::ast::shift::{Move, Shift};
use crate::syntax::{self, ast, Parsed, PieceEnd};

/// The trees of the pieces of the last check, ready for the next one.
#[derive(Default)]
pub struct Incremental {
    /// By the piece's text: the tree as parsed where the piece then started.
    pieces: HashMap<String, Piece>,
    reuse: Reuse,
}

struct Piece {
    start: usize,
    file: ast::File,
    ending: PieceEnd,
}

/// How the last check's pieces were had: counted for tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    /// Pieces whose tree came from the check before.
    pub reused: usize,
    /// Pieces parsed.
    pub parsed: usize,
}

impl Incremental {
    pub fn new() -> Self {
        Self::default()
    }

    /// What [`super::check_keeping_model`] gives for `source`, parsing only the pieces
    /// not seen by the last call.
    pub fn check(
        &mut self,
        source: SourceFile,
        settings: &Settings,
    ) -> (FileReport, Model, ast::File) {
        let parsed = self.parse(&source.text);
        check_parsed(source, settings, parsed)
    }

    /// The pieces of the last check: how many were reused and how many parsed.
    pub fn reuse(&self) -> Reuse {
        self.reuse
    }

    /// `syntax::parse` of `text`, with the trees of pieces seen before moved into place.
    pub fn parse(&mut self, text: &str) -> Parsed {
        let mut previous = std::mem::take(&mut self.pieces);
        let mut reuse = Reuse::default();
        let mut whole = Parsed::default();
        let pieces = &mut self.pieces;
        syntax::parse_in_pieces_with(
            text,
            syntax::PIECE_BYTES,
            |text, start, end| {
                let key = &text[start..end];
                if let Some(mut piece) = previous.remove(key) {
                    reuse.reused += 1;
                    piece.file.shift(Move {
                        from: piece.start,
                        to: start,
                    });
                    piece.start = start;
                    let parsed = Parsed {
                        file: piece.file.clone(),
                        diagnostics: Vec::new(),
                    };
                    let ending = piece.ending;
                    pieces.insert(key.to_string(), piece);
                    return (parsed, ending);
                }
                reuse.parsed += 1;
                let (parsed, ending) = syntax::parse_piece(text, start, end);
                if parsed.diagnostics.is_empty() {
                    pieces.insert(
                        key.to_string(),
                        Piece {
                            start,
                            file: parsed.file.clone(),
                            ending,
                        },
                    );
                }
                (parsed, ending)
            },
            |piece| whole.append(piece),
        );
        self.reuse = reuse;
        // The trees of pieces that are gone are freed off the path to the result.
        if !previous.is_empty() {
            std::thread::spawn(move || drop(previous));
        }
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every bundled treaty, one after the other: about fourteen pieces.
    fn bundled() -> String {
        let folder = format!("{}/treaties", env!("CARGO_MANIFEST_DIR"));
        let mut paths: Vec<_> = std::fs::read_dir(folder)
            .expect("the bundled treaties")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "treaty"))
            .collect();
        paths.sort();
        let mut text = String::new();
        for path in paths {
            text.push_str(&std::fs::read_to_string(path).expect("bundled treaty"));
            text.push('\n');
        }
        text
    }

    #[test]
    fn an_edit_in_one_block_reparses_only_its_piece() {
        let text = bundled();
        let mut incremental = Incremental::new();
        let first = incremental.parse(&text);
        assert_eq!(incremental.reuse().reused, 0);
        let pieces = incremental.reuse().parsed;
        assert!(pieces >= 10, "{pieces} pieces");
        // One more word at the start: every later piece moves.
        let edited = format!("// edited\n{text}");
        let second = incremental.parse(&edited);
        assert_eq!(
            incremental.reuse(),
            Reuse {
                reused: pieces - 1,
                parsed: 1
            }
        );
        assert_eq!(second, syntax::parse(&edited));
        assert_ne!(second.file, first.file);
    }
}
