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
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;

use rustc_hash::FxBuildHasher;

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
    /// Hashed with FxHash: SipHash over every piece's text was 5% of an edit, and the
    /// text is the user's own, so a collision attack has no one to attack.
    by_text: HashMap<String, usize, FxBuildHasher>,
    /// The pieces kept, in the order of the last check's file. Shared with the thread
    /// copying them for the next check (`spare`); unshared again once it is done.
    pieces: Arc<Vec<Piece>>,
    /// A copy of `pieces`, made off the path to the result after a check: the next
    /// check hands out its trees and results instead of copying the kept ones then.
    spare: Option<Receiver<Vec<Piece>>>,
    /// The settings the rules' results kept were had under.
    rules_under: Option<RuleSettings>,
    reuse: Reuse,
}

#[derive(Clone)]
struct Piece {
    start: usize,
    /// Where the spans of `file`, `assessed` and `resolved` put the piece's start: the
    /// kept copy is not moved when the piece moves (only what is handed out is), so
    /// this may be an earlier `start`.
    spans_at: usize,
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
    /// Reused pieces whose tree came from the copy made after the check before,
    /// rather than being copied on the way to this check's result.
    pub from_spare: usize,
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
        let settings_changed = !self.rules_under.as_ref().is_some_and(|s| s.are(settings));
        if settings_changed {
            self.rules_under = Some(RuleSettings::of(settings));
        }
        let (parsed, mut handouts) = self.parse_handing_out(&source.text);
        let pieces = Arc::make_mut(&mut self.pieces);
        if settings_changed {
            for piece in pieces.iter_mut() {
                piece.assessed.iter_mut().for_each(|a| *a = None);
            }
        }
        let mut memo = PieceMemo {
            pieces,
            handouts: &mut handouts,
            recalled: 0,
        };
        let checked = check_parsed(source, settings, parsed, Some(&mut memo));
        self.reuse.assessments_reused = memo.recalled;
        drop_later(handouts);
        self.copy_for_next_check();
        checked
    }

    /// Start copying the kept pieces on the background thread, for the next check.
    fn copy_for_next_check(&mut self) {
        if self.pieces.is_empty() {
            return;
        }
        let (send, receive) = sync_channel(1);
        let pieces = Arc::clone(&self.pieces);
        in_background(move || {
            let copy = pieces.as_ref().clone();
            // Given up before the copy is sent, so the next check owns the pieces again.
            drop(pieces);
            let _ = send.send(copy);
        });
        self.spare = Some(receive);
    }

    /// The pieces of the last check: how many were reused and how many parsed.
    pub fn reuse(&self) -> Reuse {
        self.reuse
    }

    /// `syntax::parse` of `text`, with the trees of pieces seen before moved into place.
    pub fn parse(&mut self, text: &str) -> Parsed {
        let (parsed, handouts) = self.parse_handing_out(text);
        drop_later(handouts);
        parsed
    }

    /// [`Self::parse`], also handing back, for each piece kept, the spare copy of its
    /// results if one was made (aligned with `pieces`).
    fn parse_handing_out(&mut self, text: &str) -> (Parsed, Vec<Option<Piece>>) {
        // The copy started after the last check: waited for, as it is what the reused
        // pieces are handed out from (if there is none, they are copied here).
        let mut spares: Vec<Option<Piece>> = match self.spare.take() {
            Some(copy) => copy
                .recv()
                .map_or_else(|_| Vec::new(), |c| c.into_iter().map(Some).collect()),
            None => Vec::new(),
        };
        let mut handouts = Vec::new();
        let mut previous_text = std::mem::take(&mut self.by_text);
        let kept = Arc::try_unwrap(std::mem::take(&mut self.pieces))
            .unwrap_or_else(|shared| shared.as_ref().clone());
        let mut previous: Vec<Option<Piece>> = kept.into_iter().map(Some).collect();
        let mut reuse = Reuse::default();
        let mut whole = Parsed::default();
        let mut trees = 0;
        let mut pieces = Vec::new();
        let by_text = &mut self.by_text;
        let mut keep = |key: &str, piece: Piece, spare: Option<Piece>| {
            by_text.insert(key.to_string(), pieces.len());
            pieces.push(piece);
            handouts.push(spare);
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
                let at = previous_text.remove(key);
                let before = at.and_then(|at| previous[at].take());
                let spare = at.and_then(|at| spares.get_mut(at)?.take());
                if let Some(piece) = before.as_ref().filter(|p| thrown_away(p.ending)) {
                    reuse.reused += 1;
                    let mut file = piece.file.clone();
                    file.shift(Move {
                        from: piece.spans_at,
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
                    piece.start = start;
                    piece.first_tree = first_tree;
                    trees += piece.file.treaties.len();
                    // The spare copy's tree goes to the file, moved to where the piece
                    // now is; its results are handed out by the memo. Without one, the
                    // kept tree is copied and the copy moved.
                    let (file, spare) = match spare {
                        Some(mut spare) => {
                            reuse.from_spare += 1;
                            spare.move_to(start, first_tree);
                            (std::mem::take(&mut spare.file), Some(spare))
                        }
                        None => (piece.moved(piece.file.clone()), None),
                    };
                    let parsed = Parsed {
                        file,
                        diagnostics: Vec::new(),
                    };
                    let ending = piece.ending;
                    keep(key, piece, spare);
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
                            spans_at: start,
                            file: parsed.file.clone(),
                            ending,
                            first_tree,
                            assessed: vec![None; count],
                            resolved: vec![None; count],
                        },
                        None,
                    );
                }
                (parsed, ending)
            },
            |piece| whole.append(piece),
        );
        self.reuse = reuse;
        self.pieces = Arc::new(pieces);
        // The trees of pieces that are gone are freed off the path to the result.
        previous.retain(Option::is_some);
        spares.retain(Option::is_some);
        if !previous.is_empty() || !spares.is_empty() {
            drop_later((previous, previous_text, spares));
        }
        (whole, handouts)
    }
}

impl Piece {
    /// Move the piece's trees and results to `start` (a spare copy, before it is
    /// handed out).
    fn move_to(&mut self, start: usize, first_tree: usize) {
        let by = Move {
            from: self.spans_at,
            to: start,
        };
        self.file.shift(by);
        self.assessed.shift(by);
        self.resolved.shift(by);
        self.start = start;
        self.spans_at = start;
        self.first_tree = first_tree;
    }

    /// `value`, taken from this piece's kept copy, moved to where the piece now is.
    fn moved<T: Shift>(&self, value: T) -> T {
        shifted(value, self.spans_at, self.start)
    }

    /// `value`, of the piece where it now is, moved to where the kept copy's spans put
    /// it, to be kept with them.
    fn to_keep<T: Shift>(&self, value: T) -> T {
        shifted(value, self.start, self.spans_at)
    }
}

fn shifted<T: Shift>(mut value: T, from: usize, to: usize) -> T {
    if from != to {
        value.shift(Move { from, to });
    }
    value
}

/// Free `value` off the path to the result, on the background thread: freeing a large
/// document's trees costs about a tenth of an edit.
pub fn drop_later<T: Send + 'static>(value: T) {
    in_background(move || drop(value));
}

/// Run `job` on one thread kept for work off the path to a result (freeing, copying for
/// the next check), in the order given; starting a thread for each job cost more than
/// the thread saved. At most a few jobs wait (the caller waits beyond that), so memory
/// stays bounded; if the thread cannot be started the job runs here.
fn in_background(job: impl FnOnce() + Send + 'static) {
    use std::sync::mpsc::SyncSender;
    use std::sync::OnceLock;
    type Job = Box<dyn FnOnce() + Send>;
    static WORKER: OnceLock<Option<SyncSender<Job>>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (send, receive) = sync_channel::<Job>(4);
        std::thread::Builder::new()
            .name("treaty-background".into())
            .spawn(move || receive.into_iter().for_each(|job| job()))
            .ok()
            .map(|_| send)
    });
    let job: Job = Box::new(job);
    match worker {
        Some(send) => {
            if let Err(unsent) = send.send(job) {
                (unsent.0)();
            }
        }
        None => job(),
    }
}

/// The rules' results kept with the pieces, found by the index of a tree in the file.
struct PieceMemo<'a> {
    /// In file order, so by ascending `first_tree`.
    pieces: &'a mut [Piece],
    /// Aligned with `pieces`: the spare copy of each one's results, if there is one,
    /// handed out instead of a copy made now.
    handouts: &'a mut [Option<Piece>],
    recalled: usize,
}

impl PieceMemo<'_> {
    /// The index of the kept piece `tree` is in, and its index there.
    fn find(&self, tree: usize) -> Option<(usize, usize)> {
        let index = self
            .pieces
            .partition_point(|p| p.first_tree <= tree)
            .checked_sub(1)?;
        let piece = &self.pieces[index];
        let at = tree - piece.first_tree;
        (at < piece.assessed.len()).then_some((index, at))
    }

    /// The kept piece `tree` is in, and its index there.
    fn piece(&mut self, tree: usize) -> Option<(&mut Piece, usize)> {
        let (index, at) = self.find(tree)?;
        Some((&mut self.pieces[index], at))
    }

    /// The spare copy of what `kept` picks out of the piece `tree` is in, if the piece
    /// has that result (the kept piece is what counts: its results may have been
    /// forgotten since the copy was made), or a copy of the kept one.
    fn hand_out<T: Clone + Shift>(
        &mut self,
        tree: usize,
        kept: impl Fn(&mut Piece) -> &mut Vec<Option<T>>,
    ) -> Option<T> {
        let (index, at) = self.find(tree)?;
        kept(&mut self.pieces[index])[at].as_ref()?;
        let spare = self.handouts.get_mut(index).and_then(Option::as_mut);
        if let Some(spare) = spare.and_then(|spare| kept(spare)[at].take()) {
            return Some(spare);
        }
        let piece = &mut self.pieces[index];
        let copy = kept(piece)[at].clone()?;
        Some(piece.moved(copy))
    }
}

impl RuleMemo for PieceMemo<'_> {
    fn recall(&mut self, tree: usize) -> Option<Assessed> {
        let assessed = self.hand_out(tree, |piece| &mut piece.assessed)?;
        self.recalled += 1;
        Some(assessed)
    }

    fn remember(&mut self, tree: usize, assessed: &Assessed) {
        // Filled in by a front end later from line numbers: never kept (the rules
        // leave it empty).
        if !assessed.report.next_tier.is_empty() {
            return;
        }
        if let Some((piece, at)) = self.piece(tree) {
            piece.assessed[at] = Some(piece.to_keep(assessed.clone()));
        }
    }

    fn recall_resolved(&mut self, tree: usize) -> Option<Resolved> {
        self.hand_out(tree, |piece| &mut piece.resolved)
    }

    fn remember_resolved(&mut self, tree: usize, resolved: &Resolved) {
        if let Some((piece, at)) = self.piece(tree) {
            piece.resolved[at] = Some(piece.to_keep(resolved.clone()));
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
                from_spare: 0,
            }
        );
        assert_eq!(second, syntax::parse(&edited));
        assert_ne!(second.file, first.file);
    }

    #[test]
    fn after_a_check_the_next_one_hands_out_the_spare_copy() {
        let text = bundled();
        let settings = Settings::default();
        let mut incremental = Incremental::new();
        let first = incremental.check(SourceFile::new("t.treaty", text.clone()), &settings);
        assert_eq!(incremental.reuse().from_spare, 0);
        let edited = format!("// edited\n{text}");
        let second = incremental.check(SourceFile::new("t.treaty", edited.clone()), &settings);
        let reuse = incremental.reuse();
        assert!(reuse.reused >= 10, "{reuse:?}");
        assert_eq!(reuse.from_spare, reuse.reused, "{reuse:?}");
        assert!(reuse.assessments_reused > 0, "{reuse:?}");
        // What was handed out is what a check from scratch gives.
        let fresh =
            super::super::check_keeping_model(SourceFile::new("t.treaty", edited), &settings);
        assert_eq!(second.2, fresh.2);
        assert_eq!(second.1, fresh.1);
        assert_eq!(second.0.diagnostics, fresh.0.diagnostics);
        assert_ne!(first.0.diagnostics, second.0.diagnostics);
    }

    #[test]
    fn without_a_spare_copy_the_kept_pieces_are_copied_and_moved_from_where_they_were() {
        let text = bundled();
        let settings = Settings::default();
        let mut incremental = Incremental::new();
        incremental.check(SourceFile::new("t.treaty", text.clone()), &settings);
        // A parse alone moves the pieces but leaves no spare copy, and the kept
        // copy's spans where the first check put them.
        incremental.parse(&format!("// a\n{text}"));
        let edited = format!("// ab\n{text}");
        let (report, model, tree) =
            incremental.check(SourceFile::new("t.treaty", edited.clone()), &settings);
        let reuse = incremental.reuse();
        assert_eq!(reuse.from_spare, 0, "{reuse:?}");
        assert!(
            reuse.reused >= 10 && reuse.assessments_reused > 0,
            "{reuse:?}"
        );
        let fresh = super::super::check_keeping_model(
            SourceFile::new("t.treaty", edited.clone()),
            &settings,
        );
        assert_eq!(tree, fresh.2);
        assert_eq!(model, fresh.1);
        assert_eq!(report.diagnostics, fresh.0.diagnostics);
        // And the check after that, from the spare copy of pieces kept at two places.
        let again = format!("// abc\n{text}");
        let (report, model, tree) =
            incremental.check(SourceFile::new("t.treaty", again.clone()), &settings);
        assert!(
            incremental.reuse().from_spare >= 10,
            "{:?}",
            incremental.reuse()
        );
        let fresh =
            super::super::check_keeping_model(SourceFile::new("t.treaty", again), &settings);
        assert_eq!(tree, fresh.2);
        assert_eq!(model, fresh.1);
        assert_eq!(report.diagnostics, fresh.0.diagnostics);
    }
}
