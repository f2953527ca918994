//! What moves a treaty up: for a treaty below hard, the smallest set of clause changes
//! that gives it the next tier, and the one above. Computed by the rules themselves:
//! [`candidates`] proposes changes written as source text with the file's party
//! codes, the search applies combinations of them to a copy of the treaty's text,
//! runs the real pipeline on it (parse, resolve, references, the tier rule) and keeps
//! the first combination, by number of changes, that gives exactly the tier sought.
//! Nothing here knows which treaty or which tier to expect.
//!
//! Only the treaty's own block is read for each try, so a file of many treaties costs
//! each of them its own size; a treaty that takes content from other treaties
//! (`incorporate`, `mirror`, `scope-of`) is re-read with its whole file and its
//! references resolved. Most tries are not parsed at all: [`splice`] parses each
//! change once and makes a combination from the syntax trees of its changes, which
//! gives what parsing the combined text would (the text is parsed where it could not).

pub mod candidates;
mod splice;
pub mod text;

use crate::analysis::{self, FileReport, Settings};
use crate::cancel::Cancel;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::references::Loader;
use crate::rules::next_tier::{Edit, EditAction, TierPath};
use crate::rules::{tier, Tier};
use crate::span::Span;
use crate::syntax::ast;
use candidates::Candidate;
use text::Lines;

/// At most this many changes in one path.
pub const MAX_EDITS: usize = 4;
/// At most this many combinations tried for one treaty.
pub const MAX_TRIES: usize = 1500;
/// At most this many treaties of one file get a path (the first ones below hard).
pub const MAX_TREATIES_PER_FILE: usize = 32;

/// What `treaty check` reports for a file: [`analysis::check`] with the next-tier
/// paths of its treaties below hard, searched from the trees the check kept.
pub fn check(source: crate::source::SourceFile, settings: &Settings) -> FileReport {
    check_with_scenarios(source, settings).0
}

/// [`check`], also handing back the file's scenario blocks
/// ([`analysis::check_with_scenarios`]).
pub fn check_with_scenarios(
    source: crate::source::SourceFile,
    settings: &Settings,
) -> (FileReport, analysis::Scenarios) {
    let (mut report, trees, scenarios) =
        analysis::check_keeping_trees_and_scenarios(source, settings, MAX_TREATIES_PER_FILE);
    annotate(&mut report, settings, trees);
    (report, scenarios)
}

/// Fill in `next_tier` for the treaties of a checked file that are below hard.
/// `trees` are syntax trees the check kept of some of them
/// ([`analysis::check_keeping_trees`]): those treaties are not parsed again.
pub fn annotate(report: &mut FileReport, settings: &Settings, trees: Vec<ast::Treaty>) {
    let FileReport {
        source, treaties, ..
    } = report;
    let mut trees: std::collections::HashMap<usize, ast::Treaty> = trees
        .into_iter()
        .map(|t| (t.header_span.start, t))
        .collect();
    for treaty in treaties
        .iter_mut()
        .filter(|t| t.tier.tier < Tier::Hard)
        .take(MAX_TREATIES_PER_FILE)
    {
        let text = &source.text;
        let loader = &*settings.loader;
        let search = match trees.remove(&treaty.header_span.start) {
            Some(tree) => Search::from_tree(text, &source.path, tree, loader, &source.lines),
            None => Search::new(text, &source.path, treaty.header_span, loader),
        };
        treaty.next_tier = search
            .map(|s| s.run(&Cancel::never()).paths)
            .unwrap_or_default();
    }
}

/// The paths up from the treaty whose header is at `header`: one per tier above the
/// one it has (none for a hard treaty, or when its text cannot be found).
pub fn paths(text: &str, path: &str, header: Span, loader: &dyn Loader) -> Vec<TierPath> {
    paths_until(text, path, header, loader, &Cancel::never()).paths
}

/// What one search gave, and what it cost.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Searched {
    /// The paths found; none when the search was cancelled (a half-done search would
    /// say "no path" where one may exist).
    pub paths: Vec<TierPath>,
    /// How many combinations of changes were tried.
    pub tries: usize,
    pub cancelled: bool,
}

/// [`paths`], stopping between combinations once `cancel` is set (the language
/// server's hover, when the client cancels it).
pub fn paths_until(
    text: &str,
    path: &str,
    header: Span,
    loader: &dyn Loader,
    cancel: &Cancel,
) -> Searched {
    match Search::new(text, path, header, loader) {
        Some(search) => search.run(cancel),
        None => Searched::default(),
    }
}

struct Search<'a> {
    /// The file up to the treaty's first line, the treaty's lines, the rest.
    before: &'a str,
    lines: Lines<'a>,
    after: &'a str,
    /// 0-based line of the treaty's first line in the file.
    first_line: usize,
    id: String,
    current: Tier,
    errors: usize,
    whole_file: bool,
    path: &'a str,
    loader: &'a dyn Loader,
    candidates: Vec<Candidate>,
    /// Combinations made from syntax trees instead of text (`None`: all text).
    splicer: Option<splice::Splicer>,
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

impl<'a> Search<'a> {
    /// The search for the treaty whose header is at `header`, its block parsed alone.
    fn new(text: &'a str, path: &'a str, header: Span, loader: &'a dyn Loader) -> Option<Self> {
        let (start, end) = block_bounds(text, header)?;
        let parsed = crate::syntax::parse(&text[start..end]);
        let clean = parsed.diagnostics.is_empty()
            && parsed.file.scenarios.is_empty()
            && parsed.file.treaties.len() == 1;
        let parse_errors = errors(&parsed.diagnostics);
        let tree = parsed.file.treaties.into_iter().next()?;
        // The tree's spans are the block's: it starts at 0.
        let first_line = text[..start].matches('\n').count();
        Self::build(
            text,
            path,
            (start, end, 0, first_line),
            tree,
            parse_errors,
            clean,
            loader,
        )
    }

    /// The search for a treaty the check parsed without a problem, from its tree;
    /// `index` is the file's line index (a count of lines up to a treaty far into a
    /// large file would read the file again).
    fn from_tree(
        text: &'a str,
        path: &'a str,
        tree: ast::Treaty,
        loader: &'a dyn Loader,
        index: &crate::source::LineIndex,
    ) -> Option<Self> {
        let (start, end) = block_bounds(text, tree.header_span)?;
        let first_line = index.line_of(start);
        Self::build(
            text,
            path,
            (start, end, start, first_line),
            tree,
            0,
            true,
            loader,
        )
    }

    /// `block` is the treaty's lines (start and end in `text`), where the tree's spans
    /// put its start, and its first line's 0-based number in the file.
    fn build(
        text: &'a str,
        path: &'a str,
        block: (usize, usize, usize, usize),
        tree: ast::Treaty,
        parse_errors: usize,
        clean: bool,
        loader: &'a dyn Loader,
    ) -> Option<Self> {
        let (start, end, base, first_line) = block;
        let block = &text[start..end];
        let mut resolver = crate::model::FileResolver::default();
        let treaty = resolver.add(&tree)?;
        let own = (
            tier::classify(&treaty).tier,
            parse_errors + errors(&resolver.into_diagnostics()),
        );
        let whole_file = !treaty.references.is_empty();
        let lines = Lines::at(block, base);
        let candidates = candidates::candidates(&treaty, &lines);
        // Combinations are made from the trees only when the treaty parsed cleanly.
        let splicer = if whole_file || !clean {
            None
        } else {
            splice::Splicer::new(tree, block, &lines, &candidates)
        };
        let mut search = Search {
            before: &text[..start],
            lines,
            after: &text[end..],
            first_line,
            id: treaty.id.to_string(),
            current: own.0,
            errors: own.1,
            whole_file,
            path,
            loader,
            candidates,
            splicer,
        };
        // A treaty that takes content from others has its tier from the whole file,
        // references resolved, as `check` gives it.
        if whole_file {
            let (tier, errors) = search.evaluate_text(&[])?;
            search.current = tier;
            search.errors = errors;
        }
        Some(search)
    }

    /// The tier of the treaty with these changes (indices into the candidates), and
    /// the errors the text then has.
    fn evaluate(&self, chosen: &[usize]) -> Option<(Tier, usize)> {
        let edits: Vec<&Candidate> = chosen.iter().map(|&i| &self.candidates[i]).collect();
        if !fit_together(&edits) {
            return None;
        }
        if let Some(treaty) = self.splicer.as_ref().and_then(|s| s.apply(chosen)) {
            let mut resolver = crate::model::FileResolver::default();
            let resolved = resolver.add(&treaty)?;
            return Some((
                tier::classify(&resolved).tier,
                errors(&resolver.into_diagnostics()),
            ));
        }
        self.evaluate_text(chosen)
    }

    /// The same, by parsing the changed text.
    fn evaluate_text(&self, chosen: &[usize]) -> Option<(Tier, usize)> {
        let edits: Vec<&Candidate> = chosen.iter().map(|&i| &self.candidates[i]).collect();
        let block = apply(&self.lines, &edits)?;
        let (model, diagnostics) = if self.whole_file {
            let text = format!("{}{block}{}", self.before, self.after);
            analysis::model_with_references(&text, self.path, self.loader)
        } else {
            crate::model::model_of(&block)
        };
        let treaty = model.treaties.iter().find(|t| t.id == self.id.as_str())?;
        Some((tier::classify(treaty).tier, errors(&diagnostics)))
    }

    fn run(&self, cancel: &Cancel) -> Searched {
        let targets: Vec<Tier> = [Tier::Intermediate, Tier::Hard]
            .into_iter()
            .filter(|t| *t > self.current)
            .collect();
        let mut found: Vec<Option<Vec<usize>>> = vec![None; targets.len()];
        let mut tries = 0;
        let n = self.candidates.len();
        'sizes: for size in 1..=MAX_EDITS.min(n) {
            let mut combo: Vec<usize> = (0..size).collect();
            loop {
                if found.iter().all(Option::is_some) || tries >= MAX_TRIES {
                    break 'sizes;
                }
                // A try parses or resolves a treaty: one atomic load beside it is noise.
                if cancel.is_cancelled() {
                    return Searched {
                        paths: Vec::new(),
                        tries,
                        cancelled: true,
                    };
                }
                tries += 1;
                if let Some((tier, errors)) = self.evaluate(&combo) {
                    if errors <= self.errors {
                        for (target, slot) in targets.iter().zip(found.iter_mut()) {
                            if slot.is_none() && tier == *target {
                                *slot = Some(combo.clone());
                            }
                        }
                    }
                }
                if !next_combination(&mut combo, n) {
                    break;
                }
            }
        }
        let paths = targets
            .into_iter()
            .zip(found)
            .map(|(tier, combo)| TierPath {
                tier,
                found: combo.is_some(),
                edits: {
                    let mut edits: Vec<Edit> = combo
                        .unwrap_or_default()
                        .into_iter()
                        .map(|i| self.edit(&self.candidates[i]))
                        .collect();
                    edits.sort_by_key(|e| e.line);
                    edits
                },
            })
            .collect();
        Searched {
            paths,
            tries,
            cancelled: false,
        }
    }

    fn edit(&self, c: &Candidate) -> Edit {
        let removed: Vec<String> = (c.at..c.at + c.remove)
            .map(|i| self.lines.text(i).to_string())
            .collect();
        Edit {
            line: self.first_line + c.at + 1,
            action: match (c.remove, c.insert.is_empty()) {
                (0, _) => EditAction::Insert,
                (_, true) => EditAction::Delete,
                _ => EditAction::Replace,
            },
            removed,
            insert: c.insert.clone(),
            why: c.why.to_string(),
        }
    }
}

/// The treaty's lines: from the start of its header's line to the end of its closing
/// brace's line.
fn block_bounds(text: &str, header: Span) -> Option<(usize, usize)> {
    let start = text.get(..header.start)?.rfind('\n').map_or(0, |i| i + 1);
    let (_, close) = text::block_at(text, header.start)?;
    let end = text[close..]
        .find('\n')
        .map_or(text.len(), |i| close + i + 1);
    Some((start, end))
}

/// The next combination of `combo.len()` indices out of `n`, in lexicographic order.
fn next_combination(combo: &mut [usize], n: usize) -> bool {
    let k = combo.len();
    let mut i = k;
    while i > 0 {
        i -= 1;
        if combo[i] < n - k + i {
            combo[i] += 1;
            for j in i + 1..k {
                combo[j] = combo[j - 1] + 1;
            }
            return true;
        }
    }
    false
}

/// Whether the changes can all be made: no two touch the same lines (taken in the
/// order [`apply`] makes them).
fn fit_together(edits: &[&Candidate]) -> bool {
    let mut sorted: Vec<&Candidate> = edits.to_vec();
    sorted.sort_by_key(|c| c.at);
    let mut next = 0;
    for c in sorted {
        if c.at < next {
            return false;
        }
        next = c.at + c.remove;
    }
    true
}

/// The text with the changes made, or `None` when two of them touch the same lines.
fn apply(lines: &Lines<'_>, edits: &[&Candidate]) -> Option<String> {
    if !fit_together(edits) {
        return None;
    }
    let mut sorted: Vec<&Candidate> = edits.to_vec();
    sorted.sort_by_key(|c| c.at);
    let mut out = String::new();
    let mut next = 0;
    for c in sorted {
        out.extend(lines.lines[next..c.at].iter().copied());
        for line in &c.insert {
            out.push_str(line);
            out.push('\n');
        }
        next = c.at + c.remove;
    }
    out.extend(lines.lines[next.min(lines.len())..].iter().copied());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tries every combination of changes of every treaty below hard in `text` both
    /// ways, from syntax trees and from the text, and asserts they agree. Returns how
    /// many combinations were tried and how many the syntax trees answered.
    fn compare_both_ways(text: &str, path: &str) -> (usize, usize) {
        let loader = Settings::default().loader;
        let (model, _) = crate::model::model_of(text);
        let (mut tried, mut spliced) = (0, 0);
        for treaty in &model.treaties {
            let Some(search) = Search::new(text, path, treaty.header_span, &*loader) else {
                continue;
            };
            assert_eq!(
                Some((search.current, search.errors)),
                search.evaluate_text(&[]),
                "{path}, treaty {}: its own tier",
                search.id
            );
            if search.current == Tier::Hard {
                continue;
            }
            let n = search.candidates.len();
            for size in 1..=MAX_EDITS.min(n) {
                let mut combo: Vec<usize> = (0..size).collect();
                loop {
                    tried += 1;
                    let edits: Vec<&Candidate> =
                        combo.iter().map(|&i| &search.candidates[i]).collect();
                    let from_trees = search.splicer.as_ref().and_then(|s| s.apply(&combo));
                    spliced += usize::from(fit_together(&edits) && from_trees.is_some());
                    assert_eq!(
                        search.evaluate(&combo),
                        search.evaluate_text(&combo),
                        "{path}, treaty {}, changes {:#?}",
                        search.id,
                        combo
                            .iter()
                            .map(|&i| &search.candidates[i])
                            .collect::<Vec<_>>()
                    );
                    if !next_combination(&mut combo, n) {
                        break;
                    }
                }
            }
        }
        (tried, spliced)
    }

    fn bundled() -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/treaties");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "treaty"))
            .collect();
        files.sort();
        files
            .into_iter()
            .map(|p| {
                (
                    p.display().to_string(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect()
    }

    /// Every combination of changes of every treaty below hard in the bundled corpus
    /// gives the same tier and errors from syntax trees as from the text, and the
    /// syntax trees answer most of them (or the search would be no faster).
    #[test]
    fn combinations_from_syntax_trees_agree_with_the_text() {
        let (mut tried, mut spliced) = (0, 0);
        for (path, text) in bundled() {
            let (t, s) = compare_both_ways(&text, &path);
            tried += t;
            spliced += s;
        }
        assert!(tried >= 50, "only {tried} combinations");
        assert!(
            spliced * 2 >= tried,
            "only {spliced} of {tried} combinations made from syntax trees"
        );
    }

    /// The same on variants of the bundled treaties with lines left out (seeded): other
    /// clause mixes, other candidates, texts that no longer parse.
    #[test]
    fn combinations_agree_on_treaties_with_lines_left_out() {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut tried, mut spliced) = (0, 0);
        for (path, text) in bundled() {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            for _ in 0..6 {
                let variant: String = lines
                    .iter()
                    .filter(|line| line.starts_with("treaty") || next() % 4 != 0)
                    .copied()
                    .collect();
                let (t, s) = compare_both_ways(&variant, &path);
                tried += t;
                spliced += s;
            }
        }
        assert!(tried >= 200 && spliced >= tried / 2, "{spliced} of {tried}");
    }

    /// The paths found from the trees the check kept are those found by parsing each
    /// treaty's block alone, in the bundled files and in one file of all of them
    /// (spans far into a file, many pieces).
    #[test]
    fn paths_from_the_checks_trees_are_those_from_the_text() {
        let files = bundled();
        let all: String = files.iter().map(|(_, text)| format!("{text}\n")).collect();
        let settings = Settings::default();
        let mut from_trees = 0;
        for (path, text) in files
            .iter()
            .cloned()
            .chain([("all.treaty".to_string(), all)])
        {
            let source = crate::source::SourceFile::new(&path, text.clone());
            let (mut report, trees) =
                analysis::check_keeping_trees(source, &settings, MAX_TREATIES_PER_FILE);
            from_trees += trees.len();
            let index = crate::source::LineIndex::new(&text);
            for tree in &trees {
                let search =
                    Search::from_tree(&text, &path, tree.clone(), &*settings.loader, &index)
                        .unwrap();
                let alone = Search::new(&text, &path, tree.header_span, &*settings.loader).unwrap();
                let spliced = |s: &Search| {
                    let n = s.candidates.len();
                    (0..n)
                        .filter(|&i| {
                            s.splicer
                                .as_ref()
                                .is_some_and(|sp| sp.apply(&[i]).is_some())
                        })
                        .count()
                };
                assert_eq!(
                    spliced(&search),
                    spliced(&alone),
                    "{path}: {:?}",
                    tree.header_span
                );
            }
            annotate(&mut report, &settings, trees);
            for treaty in &report.treaties {
                let expected = if treaty.tier.tier < Tier::Hard {
                    paths(&text, &path, treaty.header_span, &*settings.loader)
                } else {
                    Vec::new()
                };
                assert_eq!(treaty.next_tier, expected, "{path}: {}", treaty.id);
            }
        }
        assert!(
            from_trees >= 20,
            "only {from_trees} searches started from the check's trees"
        );
    }

    #[test]
    fn combinations_are_enumerated_in_order() {
        let mut combo = vec![0, 1];
        let mut seen = vec![combo.clone()];
        while next_combination(&mut combo, 4) {
            seen.push(combo.clone());
        }
        assert_eq!(
            seen,
            vec![
                vec![0, 1],
                vec![0, 2],
                vec![0, 3],
                vec![1, 2],
                vec![1, 3],
                vec![2, 3]
            ]
        );
    }
}
