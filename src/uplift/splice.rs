//! Trying a combination of changes without parsing the treaty again: each change is
//! parsed once, alone, and what it does to the treaty's list of clauses is kept (which
//! clauses it replaces, and by what); a combination of changes that touch different
//! clauses is then the original syntax tree with those replacements, resolved and
//! classified as the text would be. Combinations whose changes touch the same clause,
//! and changes that do not parse cleanly or reach beyond the clauses they replace, are
//! left to the text (the caller parses them), so the result is always what parsing the
//! changed text gives (the unit test below compares both on every bundled treaty).

use crate::syntax::ast;

use super::candidates::Candidate;
use super::text::Lines;

/// What one change does to the top-level clauses: `clauses[first..end]` replaced by
/// `with` (an insertion when `first == end`).
#[derive(Debug)]
struct Splice {
    first: usize,
    end: usize,
    with: Vec<ast::Clause>,
    /// The candidate's first line: insertions at one place go in the text's order.
    line: usize,
}

/// The treaty's syntax tree, and per candidate its splice (`None`: try it as text).
pub struct Splicer {
    base: ast::Treaty,
    splices: Vec<Option<Splice>>,
}

/// Where each top-level clause's stretch of text starts, and the text of each stretch:
/// from a clause's start to the next one's, so comments and blank lines belong to the
/// clause before them. The last one ends where the line of the block's closing brace
/// starts, so a clause added before that line is an insertion, not a change to the
/// last clause.
/// Spans are those of the file; `text` starts at its byte `base`.
fn stretches<'t>(
    treaty: &ast::Treaty,
    text: &'t str,
    base: usize,
) -> Option<Vec<(usize, &'t str)>> {
    // From the start of its line when only indentation comes before it there.
    let line_start = |at: usize| {
        let line = text[..at].rfind('\n').map_or(0, |i| i + 1);
        if text[line..at].trim().is_empty() {
            line
        } else {
            at
        }
    };
    let starts: Vec<usize> = treaty
        .clauses
        .iter()
        .map(|c| {
            let at = c.span.start.checked_sub(base)?;
            text.get(..at).map(|_| line_start(at))
        })
        .collect::<Option<_>>()?;
    if starts.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let brace = text.get(..treaty.span.end.checked_sub(base)?)?.rfind('}')?;
    let last_end = line_start(brace);
    if starts.last().is_some_and(|&last| last >= last_end) {
        return None;
    }
    let ends = starts
        .iter()
        .skip(1)
        .copied()
        .chain(std::iter::once(last_end));
    starts
        .iter()
        .zip(ends)
        .map(|(&start, end)| Some((start, text.get(start..end)?)))
        .collect()
}

/// The one treaty of a block that parsed without a problem.
fn clean_treaty(parsed: crate::syntax::Parsed) -> Option<ast::Treaty> {
    let crate::syntax::Parsed { file, diagnostics } = parsed;
    if !diagnostics.is_empty() || !file.scenarios.is_empty() || file.treaties.len() != 1 {
        return None;
    }
    let treaty = file.treaties.into_iter().next()?;
    treaty.unreadable.is_empty().then_some(treaty)
}

impl Splicer {
    /// From the syntax tree of a treaty that parsed without a problem, its block's
    /// text and lines (`lines.base()` is where the block starts in the file the tree's
    /// spans are from).
    pub fn new(
        base: ast::Treaty,
        block: &str,
        lines: &Lines<'_>,
        candidates: &[Candidate],
    ) -> Option<Self> {
        if !base.unreadable.is_empty() {
            return None;
        }
        let base_stretches = stretches(&base, block, lines.base())?;
        if base_stretches.is_empty() {
            return None;
        }
        let (open, _) = super::text::block_at(block, 0)?;
        let header = &block[..=open];
        let splices = candidates
            .iter()
            .map(|candidate| {
                let region = Region::of(&base_stretches, block, lines, candidate)?;
                region.splice(&base, header, block, candidate)
            })
            .collect();
        Some(Splicer { base, splices })
    }

    /// The treaty with these candidates' changes, or `None` when the text has to say.
    pub fn apply(&self, chosen: &[usize]) -> Option<ast::Treaty> {
        let mut splices: Vec<&Splice> = chosen
            .iter()
            .map(|&i| self.splices.get(i)?.as_ref())
            .collect::<Option<_>>()?;
        // In the text's order: by place, an insertion before a change at the same
        // place (its text comes first), insertions at one place by line (the order
        // `apply` writes them in; it keeps the candidates' order for one line).
        splices.sort_by_key(|s| (s.first, s.end, s.line));
        // Changes must touch different clauses; otherwise the text decides.
        for pair in splices.windows(2) {
            let inserts_first = pair[0].first == pair[0].end;
            if pair[1].first < pair[0].end || (pair[1].first == pair[0].first && !inserts_first) {
                return None;
            }
        }
        let mut clauses = Vec::with_capacity(self.base.clauses.len() + 4);
        let mut next = 0;
        for splice in splices {
            clauses.extend_from_slice(&self.base.clauses[next..splice.first]);
            clauses.extend_from_slice(&splice.with);
            next = splice.end;
        }
        clauses.extend_from_slice(&self.base.clauses[next..]);
        Some(ast::Treaty {
            name: self.base.name.clone(),
            header_span: self.base.header_span,
            span: self.base.span,
            clauses,
            unreadable: Vec::new(),
        })
    }
}

/// The stretches a change falls in, `stretches[first..end]` (none for an insertion
/// between two), and the bytes of the block it replaces.
struct Region {
    first: usize,
    end: usize,
    /// The bytes of the stretches, from the first one's start to the last one's end.
    text_start: usize,
    text_end: usize,
    /// The bytes the change replaces, inside them.
    removed_start: usize,
    removed_end: usize,
}

impl Region {
    /// `None` for a change that touches the header line or the closing brace's line:
    /// then the text decides.
    fn of(
        stretches: &[(usize, &str)],
        block: &str,
        lines: &Lines<'_>,
        candidate: &Candidate,
    ) -> Option<Region> {
        let offset_of_line = |line: usize| {
            if line >= lines.len() {
                block.len()
            } else {
                lines.start(line) - lines.base()
            }
        };
        let removed_start = offset_of_line(candidate.at);
        let removed_end = offset_of_line(candidate.at + candidate.remove);
        let clauses_start = stretches.first()?.0;
        let (last_start, last_text) = stretches.last()?;
        let clauses_end = last_start + last_text.len();
        let count = stretches.len();
        // The stretch holding a byte.
        let holding = |offset: usize| stretches.partition_point(|(start, _)| *start <= offset) - 1;
        let insertion_at = |index: usize| {
            let at = stretches.get(index).map_or(clauses_end, |s| s.0);
            Region {
                first: index,
                end: index,
                text_start: at,
                text_end: at,
                removed_start: at,
                removed_end: at,
            }
        };
        if candidate.remove == 0 {
            // Between the header and the first clause (blank lines, comments), at a
            // clause's line, or before the closing brace: a new clause there.
            if removed_start <= clauses_start && removed_start > 0 {
                return Some(insertion_at(0));
            }
            if removed_start == clauses_end {
                return Some(insertion_at(count));
            }
            if removed_start > clauses_end || removed_start == 0 {
                return None;
            }
            let index = holding(removed_start);
            if stretches[index].0 == removed_start {
                return Some(insertion_at(index));
            }
            // Inside a clause's stretch (a trigger's body, its trailing comments).
            let (start, text) = stretches[index];
            return Some(Region {
                first: index,
                end: index + 1,
                text_start: start,
                text_end: start + text.len(),
                removed_start,
                removed_end: removed_start,
            });
        }
        if removed_start < clauses_start || removed_end > clauses_end {
            return None;
        }
        let first = holding(removed_start);
        let last = holding(removed_end - 1);
        Some(Region {
            first,
            end: last + 1,
            text_start: stretches[first].0,
            text_end: stretches[last].0 + stretches[last].1.len(),
            removed_start,
            removed_end,
        })
    }

    /// The clauses the stretches become with the change made, read by parsing them
    /// alone under the treaty's header: a clause reads the same whatever clauses
    /// are around it (the unit tests in `uplift` check this on the corpus).
    fn splice(
        &self,
        base: &ast::Treaty,
        header: &str,
        block: &str,
        candidate: &Candidate,
    ) -> Option<Splice> {
        let mut text = String::with_capacity(header.len() + self.text_end - self.text_start + 64);
        text.push_str(header);
        text.push('\n');
        text.push_str(&block[self.text_start..self.removed_start]);
        for line in &candidate.insert {
            text.push_str(line);
            text.push('\n');
        }
        text.push_str(&block[self.removed_end..self.text_end]);
        text.push_str("}\n");
        let changed = clean_treaty(crate::syntax::parse(&text))?;
        let name = |t: &ast::Treaty| t.name.as_ref().map(|n| n.value.clone());
        if name(&changed) != name(base) {
            return None;
        }
        Some(Splice {
            first: self.first,
            end: self.end,
            with: changed.clauses,
            line: candidate.at,
        })
    }
}
