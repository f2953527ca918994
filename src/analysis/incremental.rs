//! Checking a file again after an edit, re-parsing only the pieces whose text changed.
//!
//! A file is parsed in pieces cut between top-level blocks (`syntax::parse_in_pieces`);
//! parsing is about three quarters of a check (docs/performance.md). [`Incremental`]
//! keeps the tree of each piece of the last check, by the piece's text: a piece whose
//! text comes again, wherever it now starts, is not parsed again but its tree moved
//! (`ast::shift`). With the tree it keeps the treaty resolved from it
//! (`model::resolve_one`, before references are followed) and the rules' results for
//! it, moved the same way: a treaty is resolved from its own tree alone, and the rules
//! read nothing but the resolved treaty and the settings, so a treaty whose text did
//! not change gets the same model, and, if it takes nothing by reference, the same
//! results under the same settings (baseline, today's date, minimum tier); the results
//! are forgotten when those settings change. What looks across the file (references
//! between treaties, duplicate names, suppressions, levels, order) runs on the whole
//! file exactly as [`super::check_keeping_model`] runs it, in `check_parsed`, shared
//! by both; `tests/incremental.rs` checks on random edits that the results agree.
//!
//! Only pieces that parsed with no diagnostic are kept: lowering a piece with a syntax
//! error may look at the text after it (where an unclosed block ends, what a broken
//! header would have needed), so its result could depend on more than its own text.

use std::collections::HashMap;

use super::{check_parsed, Assessed, FileReport, Resolved, RuleMemo, Settings};
use crate::model::{self, Model};
use crate::rules::Tier;
use crate::source::SourceFile;
use crate::syntax::ast::shift::{Move, Shift};
use crate::syntax::{self, ast, Parsed, PieceEnd};

mod moved;

/// The trees of the pieces of the last check, ready for the next one.
#[derive(Default)]
pub struct Incremental {
    /// By the piece's text: where it is in `pieces`.
    by_text: HashMap<String, usize>,
    /// The pieces kept, in the order of the last check's file.
    pieces: Vec<Piece>,
    /// The settings the rules' results kept were had under.
    rules_under: Option<RuleSettings>,
    reuse: Reuse,
}

struct Piece {
    start: usize,
    file: ast::File,
    ending: PieceEnd,
    /// The index in the whole file's trees of this piece's first tree.
    first_tree: usize,
    /// The rules' results for each of its trees, once assessed.
    assessed: Vec<Option<Assessed>>,
    /// Each of its trees resolved (under any settings).
    resolved: Vec<Option<Resolved>>,
}

/// What the rules' results depend on besides the treaty.
#[derive(PartialEq)]
struct RuleSettings {
    baseline: model::Treaty,
    baseline_name: String,
    today: model::time::Date,
    min_tier: Option<Tier>,
}

impl RuleSettings {
    fn of(settings: &Settings) -> Self {
        RuleSettings {
            baseline: settings.baseline.treaty.clone(),
            baseline_name: settings.baseline.name.clone(),
            today: settings.today,
            min_tier: settings.min_tier,
        }
    }

    fn are(&self, settings: &Settings) -> bool {
        self.baseline_name == settings.baseline.name
            && self.today == settings.today
            && self.min_tier == settings.min_tier
            && self.baseline == settings.baseline.treaty
    }
}

/// How the last check's pieces were had: counted for tests and benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Reuse {
    /// Pieces whose tree came from the check before.
    pub reused: usize,
    /// Pieces parsed.
    pub parsed: usize,
    /// Treaties whose rules' results came from the check before.
    pub assessments_reused: usize,
}

impl Incremental {
    pub fn new() -> Self {
        Self::default()
    }

    /// What [`super::check_keeping_model`] gives for `source`, parsing only the pieces
    /// not seen by the last call, and running the rules only on the treaties in them.
    pub fn check(
        &mut self,
        source: SourceFile,
        settings: &Settings,
    ) -> (FileReport, Model, ast::File) {
        if !self.rules_under.as_ref().is_some_and(|s| s.are(settings)) {
            for piece in &mut self.pieces {
                piece.assessed.iter_mut().for_each(|a| *a = None);
            }
            self.rules_under = Some(RuleSettings::of(settings));
        }
        let parsed = self.parse(&source.text);
        let mut memo = PieceMemo {
            pieces: &mut self.pieces,
            recalled: 0,
        };
        let checked = check_parsed(source, settings, parsed, Some(&mut memo));
        self.reuse.assessments_reused = memo.recalled;
        checked
    }

    /// The pieces of the last check: how many were reused and how many parsed.
    pub fn reuse(&self) -> Reuse {
        self.reuse
    }

    /// `syntax::parse` of `text`, with the trees of pieces seen before moved into place.
    pub fn parse(&mut self, text: &str) -> Parsed {
        let mut previous_text = std::mem::take(&mut self.by_text);
        let mut previous: Vec<Option<Piece>> = std::mem::take(&mut self.pieces)
            .into_iter()
            .map(Some)
            .collect();
        let mut reuse = Reuse::default();
        let mut whole = Parsed::default();
        let mut trees = 0;
        let pieces = &mut self.pieces;
        let by_text = &mut self.by_text;
        let mut keep = |key: &str, piece: Piece| {
            by_text.insert(key.to_string(), pieces.len());
            pieces.push(piece);
        };
        syntax::parse_in_pieces_with(
            text,
            syntax::PIECE_BYTES,
            |text, start, end| {
                let key = &text[start..end];
                let first_tree = trees;
                // A piece that ends open before the end of the file is thrown away and
                // the rest of the file read at once (`parse_in_pieces_with`): its trees
                // are not the file's, so it is neither counted nor kept.
                let thrown_away = |ending: PieceEnd| ending == PieceEnd::Open && end != text.len();
                let before = previous_text.remove(key).and_then(|at| previous[at].take());
                if let Some(piece) = before.as_ref().filter(|p| thrown_away(p.ending)) {
                    reuse.reused += 1;
                    let mut file = piece.file.clone();
                    file.shift(Move {
                        from: piece.start,
                        to: start,
                    });
                    let parsed = Parsed {
                        file,
                        diagnostics: Vec::new(),
                    };
                    return (parsed, piece.ending);
                }
                if let Some(mut piece) = before {
                    reuse.reused += 1;
                    let by = Move {
                        from: piece.start,
                        to: start,
                    };
                    piece.file.shift(by);
                    piece.assessed.shift(by);
                    piece.resolved.shift(by);
                    piece.start = start;
                    piece.first_tree = first_tree;
                    trees += piece.file.treaties.len();
                    let parsed = Parsed {
                        file: piece.file.clone(),
                        diagnostics: Vec::new(),
                    };
                    let ending = piece.ending;
                    keep(key, piece);
                    return (parsed, ending);
                }
                reuse.parsed += 1;
                let (parsed, ending) = syntax::parse_piece(text, start, end);
                if thrown_away(ending) {
                    return (parsed, ending);
                }
                trees += parsed.file.treaties.len();
                if parsed.diagnostics.is_empty() {
                    let count = parsed.file.treaties.len();
                    keep(
                        key,
                        Piece {
                            start,
                            file: parsed.file.clone(),
                            ending,
                            first_tree,
                            assessed: vec![None; count],
                            resolved: vec![None; count],
                        },
                    );
                }
                (parsed, ending)
            },
            |piece| whole.append(piece),
        );
        self.reuse = reuse;
        // The trees of pieces that are gone are freed off the path to the result.
        previous.retain(Option::is_some);
        if !previous.is_empty() {
            std::thread::spawn(move || drop((previous, previous_text)));
        }
        whole
    }
}

/// The rules' results kept with the pieces, found by the index of a tree in the file.
struct PieceMemo<'a> {
    /// In file order, so by ascending `first_tree`.
    pieces: &'a mut [Piece],
    recalled: usize,
}

impl PieceMemo<'_> {
    /// The kept piece `tree` is in, and its index there.
    fn piece(&mut self, tree: usize) -> Option<(&mut Piece, usize)> {
        let after = self.pieces.partition_point(|p| p.first_tree <= tree);
        let piece = self.pieces.get_mut(after.checked_sub(1)?)?;
        let at = tree - piece.first_tree;
        (at < piece.assessed.len()).then_some((piece, at))
    }

    fn slot(&mut self, tree: usize) -> Option<&mut Option<Assessed>> {
        let (piece, at) = self.piece(tree)?;
        Some(&mut piece.assessed[at])
    }
}

impl RuleMemo for PieceMemo<'_> {
    fn recall(&mut self, tree: usize) -> Option<Assessed> {
        let assessed = self.slot(tree)?.clone()?;
        self.recalled += 1;
        Some(assessed)
    }

    fn remember(&mut self, tree: usize, assessed: &Assessed) {
        // Filled in by a front end later from line numbers: never kept (the rules
        // leave it empty).
        if !assessed.report.next_tier.is_empty() {
            return;
        }
        if let Some(slot) = self.slot(tree) {
            *slot = Some(assessed.clone());
        }
    }

    fn recall_resolved(&mut self, tree: usize) -> Option<Resolved> {
        let (piece, at) = self.piece(tree)?;
        piece.resolved[at].clone()
    }

    fn remember_resolved(&mut self, tree: usize, resolved: &Resolved) {
        if let Some((piece, at)) = self.piece(tree) {
            piece.resolved[at] = Some(resolved.clone());
        }
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
                parsed: 1,
                assessments_reused: 0,
            }
        );
        assert_eq!(second, syntax::parse(&edited));
        assert_ne!(second.file, first.file);
    }
}
