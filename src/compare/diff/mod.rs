//! A semantic redline between two drafts of a treaty: what a negotiator would call a
//! change. Models are compared, not text: spans, comments, layout, the order of
//! clauses and parties and the `source` quotations are ignored. Clauses are matched by
//! their trigger, keyword and parties, so a moved clause is the same clause.
//!
//! Each change is added, removed, weakened, strengthened or (where the direction is
//! not a matter of strength) changed. The baseline elements gained or lost and the
//! tier change, with the tier reasons that explain it, follow from the two
//! assessments.
//!
//! Here: the diff's types and the pairing of treaties. Matching items across drafts is
//! in `matching`, classifying a change as weaker or stronger in `strength`, the changes
//! by area in `header`, `parties`, `clauses` and `duties`, the tier change in `tier`.
//! Rendering is not here: `compare::text` and the JSON output format the [`Diff`].

mod clauses;
mod conditions;
mod duties;
mod header;
mod matching;
mod parties;
mod scope;
mod strength;
mod tier;

use matching::normal;
use tier::tier_change;

use crate::syntax::ast::Text;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;

use super::describe;
use crate::model::vocab::{
    AssistanceKind, DeterrentMeans, Mandate, Prohibited, RatificationState, RenewalMode, Role,
    Status,
};
use crate::model::{
    AssistVerb, At, Bindingness, Deadline, Duty, Model, Obligation, Party, PartyRef, Qualifier,
    Review, Term, Treaty, Trigger, Withdrawal,
};
use crate::rules::gaps::{standings, Standing, ELEMENTS};
use crate::rules::tier::{Reason, TierAssessment};
use crate::rules::{self, Baseline, Tier};
use crate::source::SourceFile;
use crate::span::Span;

use super::matrix::cell_text;

/// The version of the JSON shape of `treaty diff --format json`.
pub const DIFF_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Weakened,
    Strengthened,
    /// A change whose direction is not a matter of strength (a new title, another place).
    Changed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Weakened => "weakened",
            ChangeKind::Strengthened => "strengthened",
            ChangeKind::Changed => "changed",
        }
    }

    pub const ALL: [ChangeKind; 5] = [
        ChangeKind::Weakened,
        ChangeKind::Strengthened,
        ChangeKind::Added,
        ChangeKind::Removed,
        ChangeKind::Changed,
    ];
}

/// Where in the treaty a change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Area {
    Header,
    Parties,
    Clauses,
}

impl Area {
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Header => "header",
            Area::Parties => "parties",
            Area::Clauses => "clauses",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    pub area: Area,
    pub kind: ChangeKind,
    /// The change in a negotiator's words: "consultation deadline 24 hours -> 72 hours".
    pub text: String,
    /// The clause concerned, as the new draft has it (the old one's when removed),
    /// with its trigger: "consult FR, UK, UA within 72 hours (on armed-attack against UA)".
    pub clause: Option<String>,
    pub old_line: Option<usize>,
    pub new_line: Option<usize>,
    /// Spans of the clauses concerned, to link tier reasons to changes.
    #[serde(skip)]
    old_spans: Vec<Span>,
    #[serde(skip)]
    new_spans: Vec<Span>,
}

/// How an element of the baseline fared between the drafts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shift {
    /// Missing before, met or partly met now.
    Gained,
    /// Met or partly met before, missing now.
    Lost,
    /// Met before, partly met now.
    Weakened,
    /// Partly met before, met now.
    Strengthened,
    /// Partly met in both, for different reasons.
    Changed,
}

impl Shift {
    pub fn as_str(self) -> &'static str {
        match self {
            Shift::Gained => "gained",
            Shift::Lost => "lost",
            Shift::Weakened => "weakened",
            Shift::Strengthened => "strengthened",
            Shift::Changed => "changed",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ElementChange {
    pub element: &'static str,
    pub title: &'static str,
    pub shift: Shift,
    /// The cells as `treaty compare` prints them: `met`, `partly: 72 hours`, `missing`.
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TierChange {
    pub old: Option<Tier>,
    pub new: Option<Tier>,
    /// Reasons of the old tier that no longer hold, with their old lines.
    pub lost_reasons: Vec<String>,
    /// Reasons of the new tier that did not hold before, with their new lines.
    pub gained_reasons: Vec<String>,
    /// "hard -> intermediate: no longer armed-force assistance on armed attack
    /// (armed force removed from the response)"; none when the tier and its reasons
    /// are the same.
    pub cause: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TreatyStatus {
    Changed,
    Unchanged,
    /// Only in the new file.
    Added,
    /// Only in the old file.
    Removed,
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatyDiff {
    /// The new draft's id (the old one's when removed).
    pub id: String,
    pub old_id: Option<String>,
    pub new_id: Option<String>,
    pub status: TreatyStatus,
    pub tier: TierChange,
    pub changes: Vec<Change>,
    pub elements: Vec<ElementChange>,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub weakened: usize,
    pub strengthened: usize,
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

impl Counts {
    pub fn total(&self) -> usize {
        self.weakened + self.strengthened + self.added + self.removed + self.changed
    }

    pub fn get(&self, kind: ChangeKind) -> usize {
        match kind {
            ChangeKind::Weakened => self.weakened,
            ChangeKind::Strengthened => self.strengthened,
            ChangeKind::Added => self.added,
            ChangeKind::Removed => self.removed,
            ChangeKind::Changed => self.changed,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub version: u32,
    pub old: String,
    pub new: String,
    pub baseline: String,
    /// Whether anything changed in substance.
    pub changed: bool,
    pub counts: Counts,
    pub treaties: Vec<TreatyDiff>,
}

/// One side of the comparison: a file and its model.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub source: &'a SourceFile,
    pub model: &'a Model,
}

/// Compare two files. Treaties are paired by id; when each file holds exactly one
/// treaty they are paired whatever their ids (a renamed draft).
pub fn diff(old: Side, new: Side, baseline: &Baseline) -> Diff {
    let mut pairs: Vec<(Option<&Treaty>, Option<&Treaty>)> = Vec::new();
    if old.model.treaties.len() == 1 && new.model.treaties.len() == 1 {
        pairs.push((old.model.treaties.first(), new.model.treaties.first()));
    } else {
        for o in &old.model.treaties {
            pairs.push((Some(o), new.model.treaties.iter().find(|n| n.id == o.id)));
        }
        for n in &new.model.treaties {
            if !old.model.treaties.iter().any(|o| o.id == n.id) {
                pairs.push((None, Some(n)));
            }
        }
    }
    let treaties: Vec<TreatyDiff> = pairs
        .into_iter()
        .filter_map(|(o, n)| treaty_diff(old.source, o, new.source, n, baseline))
        .collect();
    let mut counts = Counts::default();
    for change in treaties.iter().flat_map(|t| &t.changes) {
        match change.kind {
            ChangeKind::Weakened => counts.weakened += 1,
            ChangeKind::Strengthened => counts.strengthened += 1,
            ChangeKind::Added => counts.added += 1,
            ChangeKind::Removed => counts.removed += 1,
            ChangeKind::Changed => counts.changed += 1,
        }
    }
    // A treaty only in one file counts as one addition or removal.
    for t in &treaties {
        match t.status {
            TreatyStatus::Added => counts.added += 1,
            TreatyStatus::Removed => counts.removed += 1,
            _ => {}
        }
    }
    let changed = treaties.iter().any(|t| t.status != TreatyStatus::Unchanged);
    Diff {
        version: DIFF_VERSION,
        old: old.source.path.clone(),
        new: new.source.path.clone(),
        baseline: baseline.name.clone(),
        changed,
        counts,
        treaties,
    }
}

fn treaty_diff(
    old_source: &SourceFile,
    old: Option<&Treaty>,
    new_source: &SourceFile,
    new: Option<&Treaty>,
    baseline: &Baseline,
) -> Option<TreatyDiff> {
    let old_report = old.map(|t| rules::assess(t, baseline));
    let new_report = new.map(|t| rules::assess(t, baseline));
    let id = new.or(old).map(|t| t.id.clone())?;
    let mut ctx = Ctx {
        old: old_source,
        new: new_source,
        changes: Vec::new(),
    };
    let status = match (old, new) {
        (Some(o), Some(n)) => {
            ctx.treaty(o, n);
            if ctx.changes.is_empty() && normal(o) != normal(n) {
                // A difference no rule above describes: say so rather than hide it.
                ctx.push(
                    Area::Header,
                    ChangeKind::Changed,
                    "other changes, not itemised".to_string(),
                    None,
                    Some(o.header_span),
                    Some(n.header_span),
                );
            }
            if ctx.changes.is_empty() {
                TreatyStatus::Unchanged
            } else {
                TreatyStatus::Changed
            }
        }
        (None, Some(_)) => TreatyStatus::Added,
        (Some(_), None) => TreatyStatus::Removed,
        (None, None) => return None,
    };
    let mut changes = ctx.changes;
    // Header first, then parties, then clauses in the order of the new draft.
    changes.sort_by_key(|c| (c.area, c.new_line.or(c.old_line).unwrap_or(0)));

    let old_standings = old_report.as_ref().map(|r| standings(&r.gaps));
    let new_standings = new_report.as_ref().map(|r| standings(&r.gaps));
    let mut elements = Vec::new();
    if let (Some(before), Some(after)) = (&old_standings, &new_standings) {
        for ((element, b), a) in ELEMENTS.iter().zip(before).zip(after) {
            let shift = match (b.standing, a.standing) {
                (x, y)
                    if x == y
                        && (!matches!(x, Standing::Partly | Standing::Unknown)
                            || b.notes == a.notes) =>
                {
                    continue
                }
                (Standing::Missing, _) => Shift::Gained,
                (_, Standing::Missing) => Shift::Lost,
                (Standing::Met, Standing::Partly) => Shift::Weakened,
                (Standing::Partly, Standing::Met) => Shift::Strengthened,
                _ => Shift::Changed,
            };
            elements.push(ElementChange {
                element: element.id,
                title: element.title,
                shift,
                old: cell_text(b.standing, &b.notes),
                new: cell_text(a.standing, &a.notes),
            });
        }
    }

    let tier = tier_change(
        old_source,
        old_report.as_ref().map(|r| &r.tier),
        new_source,
        new_report.as_ref().map(|r| &r.tier),
        &changes,
    );
    Some(TreatyDiff {
        id: id.to_string(),
        old_id: old.map(|t| t.id.to_string()),
        new_id: new.map(|t| t.id.to_string()),
        status,
        tier,
        changes,
        elements,
    })
}

fn line(source: &SourceFile, span: Span) -> usize {
    source.line_col(span.start).0
}

/// Where a clause sits, for messages: "" or " (on armed-attack against UA)".
fn context(trigger: Option<&Trigger>) -> String {
    trigger
        .map(|t| format!(" (on {})", describe::trigger_short(t)))
        .unwrap_or_default()
}

/// The identity of a clause beyond its keyword: which institution it establishes.
fn identity(o: &Obligation) -> String {
    match &o.duty {
        Duty::Establish { institution, .. } => institution.word().to_string(),
        _ => String::new(),
    }
}

struct Ctx<'a> {
    old: &'a SourceFile,
    new: &'a SourceFile,
    changes: Vec<Change>,
}

impl Ctx<'_> {
    fn push(
        &mut self,
        area: Area,
        kind: ChangeKind,
        text: String,
        clause: Option<String>,
        old_span: Option<Span>,
        new_span: Option<Span>,
    ) {
        self.changes.push(Change {
            area,
            kind,
            text,
            clause,
            old_line: old_span.map(|s| line(self.old, s)),
            new_line: new_span.map(|s| line(self.new, s)),
            old_spans: old_span.into_iter().collect(),
            new_spans: new_span.into_iter().collect(),
        });
    }

    fn treaty(&mut self, old: &Treaty, new: &Treaty) {
        self.header(old, new);
        self.parties(&old.parties, &new.parties);
        self.obligations(old, None, &old.obligations, new, None, &new.obligations);
        self.triggers(old, new);
    }
}
