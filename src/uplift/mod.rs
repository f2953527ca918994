//! What moves a treaty up: for a treaty below hard, the smallest set of clause changes
//! that gives it the next tier, and the one above. Computed by the rules themselves:
//! [`candidates`] proposes changes written as source text with the file's party
//! codes, the search applies combinations of them to a copy of the treaty's text,
//! runs the real pipeline on it (parse, resolve, references, the tier rule) and keeps
//! the first combination, by number of changes, that gives exactly the tier sought.
//! Nothing here knows which treaty or which tier to expect.
//!
//! Only the treaty's own block is re-read for each try, so a file of many treaties
//! costs each of them its own size; a treaty that takes content from other treaties
//! (`incorporate`, `mirror`, `scope-of`) is re-read with its whole file and its
//! references resolved.

pub mod candidates;
pub mod text;

use crate::analysis::{self, FileReport, Settings};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::references::Loader;
use crate::rules::next_tier::{Edit, EditAction, TierPath};
use crate::rules::{tier, Tier};
use crate::span::Span;
use candidates::Candidate;
use text::Lines;

/// At most this many changes in one path.
pub const MAX_EDITS: usize = 4;
/// At most this many combinations tried for one treaty.
pub const MAX_TRIES: usize = 1500;
/// At most this many treaties of one file get a path (the first ones below hard).
pub const MAX_TREATIES_PER_FILE: usize = 32;

/// Fill in `next_tier` for the treaties of a checked file that are below hard.
pub fn annotate(report: &mut FileReport, settings: &Settings) {
    let FileReport {
        source, treaties, ..
    } = report;
    for treaty in treaties
        .iter_mut()
        .filter(|t| t.tier.tier < Tier::Hard)
        .take(MAX_TREATIES_PER_FILE)
    {
        treaty.next_tier = paths(
            &source.text,
            &source.path,
            treaty.header_span,
            &*settings.loader,
        );
    }
}

/// The paths up from the treaty whose header is at `header`: one per tier above the
/// one it has (none for a hard treaty, or when its text cannot be found).
pub fn paths(text: &str, path: &str, header: Span, loader: &dyn Loader) -> Vec<TierPath> {
    let Some(search) = Search::new(text, path, header, loader) else {
        return Vec::new();
    };
    search.run()
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
}

fn errors(diagnostics: &[Diagnostic]) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

impl<'a> Search<'a> {
    fn new(text: &'a str, path: &'a str, header: Span, loader: &'a dyn Loader) -> Option<Self> {
        let start = text.get(..header.start)?.rfind('\n').map_or(0, |i| i + 1);
        let (_, close) = text::block_at(text, header.start)?;
        let end = text[close..]
            .find('\n')
            .map_or(text.len(), |i| close + i + 1);
        let block = &text[start..end];
        let (model, diagnostics) = crate::model::model_of(block);
        let treaty = model.treaties.into_iter().next()?;
        let whole_file = !treaty.references.is_empty();
        let lines = Lines::new(block);
        let candidates = candidates::candidates(&treaty, &lines);
        let mut search = Search {
            before: &text[..start],
            lines,
            after: &text[end..],
            first_line: text[..start].matches('\n').count(),
            id: treaty.id.to_string(),
            current: Tier::Hard,
            errors: errors(&diagnostics),
            whole_file,
            path,
            loader,
            candidates,
        };
        // The tier as the pipeline gives it for this text (the same as `check`'s).
        let (tier, errors) = search.evaluate(&[])?;
        search.current = tier;
        search.errors = errors;
        Some(search)
    }

    /// The tier of the treaty with these changes, and the errors the text then has.
    fn evaluate(&self, edits: &[&Candidate]) -> Option<(Tier, usize)> {
        let block = apply(&self.lines, edits)?;
        let (model, diagnostics) = if self.whole_file {
            let text = format!("{}{block}{}", self.before, self.after);
            analysis::model_with_references(&text, self.path, self.loader)
        } else {
            crate::model::model_of(&block)
        };
        let treaty = model.treaties.iter().find(|t| t.id == self.id.as_str())?;
        Some((tier::classify(treaty).tier, errors(&diagnostics)))
    }

    fn run(&self) -> Vec<TierPath> {
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
                tries += 1;
                let edits: Vec<&Candidate> = combo.iter().map(|&i| &self.candidates[i]).collect();
                if let Some((tier, errors)) = self.evaluate(&edits) {
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
        targets
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
            .collect()
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

/// The text with the changes made, or `None` when two of them touch the same lines.
fn apply(lines: &Lines<'_>, edits: &[&Candidate]) -> Option<String> {
    let mut sorted: Vec<&Candidate> = edits.to_vec();
    sorted.sort_by_key(|c| c.at);
    let mut out = String::new();
    let mut next = 0;
    for c in sorted {
        if c.at < next {
            return None;
        }
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
