//! A semantic redline between two drafts of a treaty: what a negotiator would call a
//! change. Models are compared, not text: spans, comments, layout, the order of
//! clauses and parties and the `source` quotations are ignored. Clauses are matched by
//! their trigger, keyword and parties, so a moved clause is the same clause.
//!
//! Each change is added, removed, weakened, strengthened or (where the direction is
//! not a matter of strength) changed. The baseline elements gained or lost and the
//! tier change, with the tier reasons that explain it, follow from the two
//! assessments.

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
use crate::source::{SourceFile, Span};

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
                (x, y) if x == y && (x != Standing::Partly || b.notes == a.notes) => continue,
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

fn tier_change(
    old_source: &SourceFile,
    old: Option<&TierAssessment>,
    new_source: &SourceFile,
    new: Option<&TierAssessment>,
    changes: &[Change],
) -> TierChange {
    let texts = |t: Option<&TierAssessment>| -> Vec<String> {
        t.map(|t| t.reasons.iter().map(|r| r.text.clone()).collect())
            .unwrap_or_default()
    };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let lost: Vec<&Reason> = old
        .map(|t| {
            t.reasons
                .iter()
                .filter(|r| !new_texts.contains(&r.text))
                .collect()
        })
        .unwrap_or_default();
    let gained: Vec<&Reason> = new
        .map(|t| {
            t.reasons
                .iter()
                .filter(|r| !old_texts.contains(&r.text))
                .collect()
        })
        .unwrap_or_default();
    let old_tier = old.map(|t| t.tier);
    let new_tier = new.map(|t| t.tier);

    // Each reason with the changes made to the clause it rests on.
    let explain = |reason: &Reason, old_side: bool| -> String {
        let related: Vec<&str> = changes
            .iter()
            .filter(|c| {
                let spans = if old_side { &c.old_spans } else { &c.new_spans };
                spans.contains(&reason.span)
            })
            .map(|c| c.text.as_str())
            .collect();
        if related.is_empty() {
            reason.text.clone()
        } else {
            format!("{} ({})", reason.text, related.join("; "))
        }
    };
    let cause = match (old_tier, new_tier) {
        (Some(o), Some(n)) if o != n || !lost.is_empty() || !gained.is_empty() => {
            let mut parts = Vec::new();
            // A tier that rose is explained by what it gained; reasons the old tier
            // listed (intermediate content under a hard tier) need not be "lost".
            let lost = if n > o { Vec::new() } else { lost.clone() };
            if !lost.is_empty() {
                let lost: Vec<String> = lost.iter().map(|r| explain(r, true)).collect();
                parts.push(format!("no longer {}", lost.join("; ")));
            }
            if !gained.is_empty() {
                let gained: Vec<String> = gained.iter().map(|r| explain(r, false)).collect();
                parts.push(format!("now {}", gained.join("; ")));
            }
            let head = if o == n {
                format!("{o}, unchanged")
            } else {
                format!("{o} -> {n}")
            };
            Some(format!("{head}: {}", parts.join("; ")))
        }
        _ => None,
    };
    TierChange {
        old: old_tier,
        new: new_tier,
        lost_reasons: lost
            .iter()
            .map(|r| format!("{} (line {})", r.text, line(old_source, r.span)))
            .collect(),
        gained_reasons: gained
            .iter()
            .map(|r| format!("{} (line {})", r.text, line(new_source, r.span)))
            .collect(),
        cause,
    }
}

/// A value with spans and `source` quotations removed and every list sorted: what
/// is left is what the clause means, whatever its layout or order.
fn normal<T: Serialize>(value: &T) -> Value {
    fn strip(value: Value) -> Value {
        match value {
            Value::Object(map) => Value::Object(
                map.into_iter()
                    .filter(|(k, _)| {
                        !matches!(
                            k.as_str(),
                            "span" | "header_span" | "hedges_span" | "source"
                        )
                    })
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(items) => {
                let mut items: Vec<Value> = items.into_iter().map(strip).collect();
                items.sort_by_cached_key(|v| v.to_string());
                Value::Array(items)
            }
            other => other,
        }
    }
    strip(serde_json::to_value(value).unwrap_or(Value::Null))
}

/// Pair items of two lists: identical items first (by their normal form, in one pass),
/// then each pass pairs what it accepts among the rest, cheapest first; what is left
/// was removed (old) or added (new).
struct Pairing {
    pairs: Vec<(usize, usize)>,
    removed: Vec<usize>,
    added: Vec<usize>,
}

type Accept<'f, T> = &'f dyn Fn(&T, &T) -> bool;

fn pair<T: Serialize>(
    old: &[T],
    new: &[T],
    passes: &[Accept<T>],
    cost: &dyn Fn(&T, &T) -> usize,
) -> Pairing {
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let mut pairs = Vec::new();
    let mut identical: std::collections::HashMap<String, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (j, n) in new.iter().enumerate() {
        identical
            .entry(normal(n).to_string())
            .or_default()
            .push_back(j);
    }
    for (i, o) in old.iter().enumerate() {
        if let Some(j) = identical
            .get_mut(&normal(o).to_string())
            .and_then(|js| js.pop_front())
        {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j));
        }
    }
    for accept in passes {
        for (i, o) in old.iter().enumerate() {
            if old_taken[i] {
                continue;
            }
            let best = new
                .iter()
                .enumerate()
                .filter(|(j, n)| !new_taken[*j] && accept(o, n))
                .min_by_key(|(j, n)| (cost(o, n), *j))
                .map(|(j, _)| j);
            if let Some(j) = best {
                old_taken[i] = true;
                new_taken[j] = true;
                pairs.push((i, j));
            }
        }
    }
    Pairing {
        pairs,
        removed: (0..old.len()).filter(|i| !old_taken[*i]).collect(),
        added: (0..new.len()).filter(|j| !new_taken[*j]).collect(),
    }
}

/// Strength of a deadline: hours until it falls due (none is the weakest).
fn deadline_hours(deadline: Option<&Deadline>) -> u64 {
    match deadline {
        Some(Deadline::Forthwith | Deadline::Immediately) => 0,
        Some(Deadline::Within { period }) => period.approx_hours(),
        Some(Deadline::AfterConsultation) => u64::MAX - 1,
        None => u64::MAX,
    }
}

/// Stronger when the new rank is higher.
fn by_rank<R: Ord>(old: R, new: R) -> ChangeKind {
    match new.cmp(&old) {
        std::cmp::Ordering::Greater => ChangeKind::Strengthened,
        std::cmp::Ordering::Less => ChangeKind::Weakened,
        std::cmp::Ordering::Equal => ChangeKind::Changed,
    }
}

fn binding_rank(b: Bindingness) -> u8 {
    match b {
        Bindingness::NotBinding => 0,
        Bindingness::Domestic => 1,
        Bindingness::Contested => 2,
        Bindingness::Binding => 3,
    }
}

fn status_rank(s: Status) -> u8 {
    match s {
        Status::Lapsed => 0,
        Status::Draft => 1,
        Status::Signed => 2,
        Status::Ratified => 3,
        Status::InForce => 4,
    }
}

fn ratification_rank(r: RatificationState) -> u8 {
    match r {
        RatificationState::NotRequired => 0,
        RatificationState::Required => 1,
        RatificationState::Completed => 2,
    }
}

/// Hours a term runs; indefinite is the longest. `until EVENT` has no length.
fn term_hours(term: &Term) -> Option<u64> {
    match term {
        Term::Indefinite => Some(u64::MAX),
        Term::Fixed { period } => Some(period.approx_hours()),
        Term::Until { .. } => None,
    }
}

/// Withdrawal: (notice, minimum period) in hours; no exit is the firmest.
fn withdrawal_hours(w: &Withdrawal) -> (u64, u64) {
    match w {
        Withdrawal::AnyTime => (0, 0),
        Withdrawal::Notice { notice, not_before } => (
            notice.approx_hours(),
            not_before.map(|p| p.approx_hours()).unwrap_or(0),
        ),
        Withdrawal::NoExit => (u64::MAX, u64::MAX),
    }
}

fn pairwise_rank(old: (u64, u64), new: (u64, u64)) -> ChangeKind {
    if new.0 >= old.0 && new.1 >= old.1 && new != old {
        ChangeKind::Strengthened
    } else if new.0 <= old.0 && new.1 <= old.1 && new != old {
        ChangeKind::Weakened
    } else {
        ChangeKind::Changed
    }
}

fn codes(treaty: &Treaty, refs: &[PartyRef]) -> BTreeSet<String> {
    refs.iter()
        .flat_map(|r| match r {
            PartyRef::Attacked => vec!["attacked".to_string()],
            _ => treaty.expand(r).into_iter().map(str::to_string).collect(),
        })
        .collect()
}

/// Party references as written, in no particular order.
fn written(refs: &[PartyRef]) -> BTreeSet<String> {
    refs.iter().map(describe::party_ref).collect()
}

/// More parties bound (or covered) is stronger, fewer weaker.
fn set_kind<T: Ord>(old: &BTreeSet<T>, new: &BTreeSet<T>) -> ChangeKind {
    if new.is_superset(old) && new != old {
        ChangeKind::Strengthened
    } else if new.is_subset(old) && new != old {
        ChangeKind::Weakened
    } else {
        ChangeKind::Changed
    }
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

    /// A header field present in either draft.
    #[allow(clippy::too_many_arguments)]
    fn field<T: PartialEq>(
        &mut self,
        name: &str,
        old: Option<&At<T>>,
        new: Option<&At<T>>,
        show: impl Fn(&T) -> String,
        kind: impl Fn(Option<&T>, Option<&T>) -> ChangeKind,
        old_header: Span,
        new_header: Span,
    ) {
        let (o, n) = (old.map(|a| &a.value), new.map(|a| &a.value));
        if o == n {
            return;
        }
        let text = match (o, n) {
            (Some(a), Some(b)) => format!("{name} {} -> {}", show(a), show(b)),
            (None, Some(b)) => format!("{name} {} added", show(b)),
            (Some(a), None) => format!("{name} {} removed", show(a)),
            (None, None) => return,
        };
        let kind = kind(o, n);
        self.push(
            Area::Header,
            kind,
            text,
            None,
            Some(old.map_or(old_header, |a| a.span)),
            Some(new.map_or(new_header, |a| a.span)),
        );
    }

    fn header(&mut self, old: &Treaty, new: &Treaty) {
        let (oh, nh) = (old.header_span, new.header_span);
        if old.id != new.id {
            self.push(
                Area::Header,
                ChangeKind::Changed,
                format!("treaty renamed {} -> {}", old.id, new.id),
                None,
                Some(oh),
                Some(nh),
            );
        }
        let changed = |_: Option<&Text>, _: Option<&Text>| ChangeKind::Changed;
        self.field(
            "title",
            old.title.as_ref(),
            new.title.as_ref(),
            |t| format!("\"{t}\""),
            changed,
            oh,
            nh,
        );
        for (name, o, n) in [
            ("signed", old.signed.as_ref(), new.signed.as_ref()),
            ("effective", old.effective.as_ref(), new.effective.as_ref()),
        ] {
            self.field(
                name,
                o,
                n,
                |d| d.to_string(),
                |_, _| ChangeKind::Changed,
                oh,
                nh,
            );
        }
        let binding = by_rank(
            binding_rank(old.bindingness()),
            binding_rank(new.bindingness()),
        );
        self.field(
            "form",
            old.form.as_ref(),
            new.form.as_ref(),
            |f| f.word().to_string(),
            |_, _| binding,
            oh,
            nh,
        );
        self.field(
            "binding",
            old.binding_override.as_ref(),
            new.binding_override.as_ref(),
            |b| b.word().to_string(),
            |_, _| binding,
            oh,
            nh,
        );
        self.field(
            "status",
            old.status.as_ref(),
            new.status.as_ref(),
            |s| s.word().to_string(),
            |a, b| match (a, b) {
                (Some(a), Some(b)) => by_rank(status_rank(*a), status_rank(*b)),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "ratification",
            old.ratification.as_ref(),
            new.ratification.as_ref(),
            |r| match r.date {
                Some(d) => format!("{} {d}", r.state.word()),
                None => r.state.word().to_string(),
            },
            |a, b| match (a, b) {
                (Some(a), Some(b)) => {
                    by_rank(ratification_rank(a.state), ratification_rank(b.state))
                }
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "duration",
            old.duration.as_ref(),
            new.duration.as_ref(),
            describe::term,
            |a, b| match (a.and_then(term_hours), b.and_then(term_hours)) {
                (Some(a), Some(b)) => by_rank(a, b),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "renewal",
            old.renewal.as_ref(),
            new.renewal.as_ref(),
            |r| match r.every {
                Some(p) => format!("{} every {p}", r.mode.word()),
                None => r.mode.word().to_string(),
            },
            |a, b| match (a, b) {
                (Some(a), Some(b)) => {
                    let rank = |m: RenewalMode| u8::from(m == RenewalMode::Automatic);
                    by_rank(rank(a.mode), rank(b.mode))
                }
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "withdrawal",
            old.withdrawal.as_ref(),
            new.withdrawal.as_ref(),
            describe::withdrawal,
            |a, b| match (a, b) {
                (Some(a), Some(b)) => pairwise_rank(withdrawal_hours(a), withdrawal_hours(b)),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        // Reviews: a list; a mandatory `review within` is a fixed term in disguise.
        let review_kind = |r: &Review, added: bool| match (r, added) {
            (Review::Within { .. }, true) => ChangeKind::Weakened,
            (Review::Within { .. }, false) => ChangeKind::Strengthened,
            (_, true) => ChangeKind::Added,
            (_, false) => ChangeKind::Removed,
        };
        for r in &old.reviews {
            if !new.reviews.iter().any(|n| n.value == r.value) {
                self.push(
                    Area::Header,
                    review_kind(&r.value, false),
                    format!("review {} removed", describe::review(&r.value)),
                    None,
                    Some(r.span),
                    Some(nh),
                );
            }
        }
        for r in &new.reviews {
            if !old.reviews.iter().any(|o| o.value == r.value) {
                self.push(
                    Area::Header,
                    review_kind(&r.value, true),
                    format!("review {} added", describe::review(&r.value)),
                    None,
                    Some(oh),
                    Some(r.span),
                );
            }
        }
        self.qualifier_changes(
            &old.hedges,
            &new.hedges,
            "the whole instrument (qualified-by)",
            Area::Header,
            old.hedges_span.unwrap_or(oh),
            new.hedges_span.unwrap_or(nh),
            None,
        );
    }

    fn parties(&mut self, old: &[Party], new: &[Party]) {
        for o in old {
            match new.iter().find(|n| n.code == o.code) {
                None => self.push(
                    Area::Parties,
                    ChangeKind::Removed,
                    format!("{} removed", describe::party(o)),
                    None,
                    Some(o.span),
                    None,
                ),
                Some(n) => {
                    if o.name != n.name {
                        let show = |p: &Party| {
                            p.name
                                .as_ref()
                                .map_or("no name".to_string(), |n| format!("\"{n}\""))
                        };
                        self.push(
                            Area::Parties,
                            ChangeKind::Changed,
                            format!("party {} name {} -> {}", o.code, show(o), show(n)),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                    let guarantees = |r: Role| matches!(r, Role::Guarantor | Role::Member);
                    for role in o.roles.iter().filter(|r| !n.roles.contains(r)) {
                        let kind = if guarantees(*role) {
                            ChangeKind::Weakened
                        } else {
                            ChangeKind::Changed
                        };
                        self.push(
                            Area::Parties,
                            kind,
                            format!("party {}: role {} removed", o.code, role.word()),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                    for role in n.roles.iter().filter(|r| !o.roles.contains(r)) {
                        // A guarantor that is also the adversary guarantees nothing.
                        let compromised =
                            n.has_role(Role::Adversary) && n.is_participant_other_than_adversary();
                        let kind = if compromised {
                            ChangeKind::Weakened
                        } else if guarantees(*role) {
                            ChangeKind::Strengthened
                        } else {
                            ChangeKind::Changed
                        };
                        self.push(
                            Area::Parties,
                            kind,
                            format!("party {}: role {} added", o.code, role.word()),
                            None,
                            Some(o.span),
                            Some(n.span),
                        );
                    }
                }
            }
        }
        for n in new.iter().filter(|n| !old.iter().any(|o| o.code == n.code)) {
            self.push(
                Area::Parties,
                ChangeKind::Added,
                format!("{} added", describe::party(n)),
                None,
                None,
                Some(n.span),
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn qualifier_changes(
        &mut self,
        old: &[Qualifier],
        new: &[Qualifier],
        on: &str,
        area: Area,
        old_span: Span,
        new_span: Span,
        clause: Option<&str>,
    ) {
        let weakening = |q: &Qualifier, added: bool| match (q.kind.weakens(), added) {
            (true, true) => ChangeKind::Weakened,
            (true, false) => ChangeKind::Strengthened,
            (false, _) => ChangeKind::Changed,
        };
        for q in old {
            match new.iter().find(|n| n.kind == q.kind) {
                None => self.push(
                    area,
                    weakening(q, false),
                    format!("qualifier {} removed from {on}", q.kind.word()),
                    clause.map(str::to_string),
                    Some(old_span),
                    Some(new_span),
                ),
                Some(n) if n.argument != q.argument => {
                    let show = |a: &Option<Text>| {
                        a.as_ref()
                            .map_or("no wording".to_string(), |a| format!("\"{a}\""))
                    };
                    self.push(
                        area,
                        ChangeKind::Changed,
                        format!(
                            "qualifier {} on {on}: {} -> {}",
                            q.kind.word(),
                            show(&q.argument),
                            show(&n.argument)
                        ),
                        clause.map(str::to_string),
                        Some(old_span),
                        Some(new_span),
                    );
                }
                Some(_) => {}
            }
        }
        for q in new.iter().filter(|n| !old.iter().any(|o| o.kind == n.kind)) {
            self.push(
                area,
                weakening(q, true),
                format!("qualifier {} added to {on}", q.kind.word()),
                clause.map(str::to_string),
                Some(old_span),
                Some(new_span),
            );
        }
    }

    fn obligations(
        &mut self,
        old_t: &Treaty,
        old_trigger: Option<&Trigger>,
        old: &[Obligation],
        new_t: &Treaty,
        new_trigger: Option<&Trigger>,
        new: &[Obligation],
    ) {
        let key = |o: &Obligation, n: &Obligation| {
            o.keyword() == n.keyword()
                && identity(o) == identity(n)
                && codes(old_t, &o.givers) == codes(new_t, &n.givers)
                && codes(old_t, &o.receivers) == codes(new_t, &n.receivers)
        };
        let kin = |o: &Obligation, n: &Obligation| {
            o.keyword() == n.keyword()
                && identity(o) == identity(n)
                && (o.duty == n.duty
                    || codes(old_t, &o.givers) == codes(new_t, &n.givers)
                    || codes(old_t, &o.receivers) == codes(new_t, &n.receivers))
        };
        let cost = |o: &Obligation, n: &Obligation| {
            let mut probe = Ctx {
                old: self.old,
                new: self.new,
                changes: Vec::new(),
            };
            probe.clause(old_t, old_trigger, o, new_t, new_trigger, n);
            probe.changes.len()
        };
        let pairing = pair(old, new, &[&key, &kin], &cost);
        for (i, j) in &pairing.pairs {
            self.clause(old_t, old_trigger, &old[*i], new_t, new_trigger, &new[*j]);
        }
        for i in pairing.removed {
            let o = &old[i];
            self.push(
                Area::Clauses,
                ChangeKind::Removed,
                format!(
                    "clause removed: {}{}",
                    describe::obligation(o),
                    context(old_trigger)
                ),
                None,
                Some(o.span),
                None,
            );
        }
        for j in pairing.added {
            let n = &new[j];
            self.push(
                Area::Clauses,
                ChangeKind::Added,
                format!(
                    "clause added: {}{}",
                    describe::obligation(n),
                    context(new_trigger)
                ),
                None,
                None,
                Some(n.span),
            );
        }
    }

    fn triggers(&mut self, old_t: &Treaty, new_t: &Treaty) {
        let kinds = |t: &Trigger| t.kinds.iter().copied().collect::<BTreeSet<_>>();
        let key = |o: &Trigger, n: &Trigger| {
            kinds(o) == kinds(n) && codes(old_t, &o.against) == codes(new_t, &n.against)
        };
        let kin = |o: &Trigger, n: &Trigger| !kinds(o).is_disjoint(&kinds(n));
        let cost = |o: &Trigger, n: &Trigger| {
            let mut probe = Ctx {
                old: self.old,
                new: self.new,
                changes: Vec::new(),
            };
            probe.trigger(old_t, o, new_t, n);
            probe.changes.len()
        };
        let pairing = pair(&old_t.triggers, &new_t.triggers, &[&key, &kin], &cost);
        for (i, j) in &pairing.pairs {
            self.trigger(old_t, &old_t.triggers[*i], new_t, &new_t.triggers[*j]);
        }
        let summary = |t: &Trigger| {
            let clauses: Vec<String> = t.obligations.iter().map(describe::obligation).collect();
            if clauses.is_empty() {
                String::new()
            } else {
                format!(" {{ {} }}", clauses.join("; "))
            }
        };
        for i in pairing.removed {
            let t = &old_t.triggers[i];
            self.push(
                Area::Clauses,
                ChangeKind::Removed,
                format!("trigger removed: {}{}", describe::trigger(t), summary(t)),
                None,
                Some(t.span),
                None,
            );
            if let Some(last) = self.changes.last_mut() {
                last.old_spans.extend(t.obligations.iter().map(|o| o.span));
            }
        }
        for j in pairing.added {
            let t = &new_t.triggers[j];
            self.push(
                Area::Clauses,
                ChangeKind::Added,
                format!("trigger added: {}{}", describe::trigger(t), summary(t)),
                None,
                None,
                Some(t.span),
            );
            if let Some(last) = self.changes.last_mut() {
                last.new_spans.extend(t.obligations.iter().map(|o| o.span));
            }
        }
    }

    fn trigger(&mut self, old_t: &Treaty, o: &Trigger, new_t: &Treaty, n: &Trigger) {
        let name = format!("trigger {}", describe::trigger_short(n));
        let (os, ns) = (Some(o.span), Some(n.span));
        let clause = Some(format!("trigger {}", describe::trigger(n)));
        for k in o.kinds.iter().filter(|k| !n.kinds.contains(k)) {
            self.push(
                Area::Clauses,
                ChangeKind::Weakened,
                format!("{} no longer sets off the trigger", k.word()),
                clause.clone(),
                os,
                ns,
            );
        }
        for k in n.kinds.iter().filter(|k| !o.kinds.contains(k)) {
            self.push(
                Area::Clauses,
                ChangeKind::Strengthened,
                format!("{} now sets off the trigger", k.word()),
                clause.clone(),
                os,
                ns,
            );
        }
        let aspects = |t: &Trigger| t.aspects.iter().copied().collect::<BTreeSet<_>>();
        if aspects(o) != aspects(n) {
            let show = |t: &Trigger| {
                let words: Vec<&str> = t.aspects.iter().map(|a| a.word()).collect();
                if words.is_empty() {
                    "none".to_string()
                } else {
                    words.join(", ")
                }
            };
            self.push(
                Area::Clauses,
                set_kind(&aspects(o), &aspects(n)),
                format!("threatened aspects {} -> {}", show(o), show(n)),
                clause.clone(),
                os,
                ns,
            );
        }
        let (ob, nb) = (codes(old_t, &o.by), codes(new_t, &n.by));
        if ob != nb {
            let (kind, text) = if nb.is_empty() {
                (
                    ChangeKind::Strengthened,
                    format!(
                        "trigger widened: an attack by anyone counts (was by {})",
                        describe::parties(&o.by)
                    ),
                )
            } else if ob.is_empty() {
                (
                    ChangeKind::Weakened,
                    format!(
                        "trigger narrowed to an attack by {}",
                        describe::parties(&n.by)
                    ),
                )
            } else {
                (
                    ChangeKind::Changed,
                    format!(
                        "attacker named by the trigger {} -> {}",
                        describe::parties(&o.by),
                        describe::parties(&n.by)
                    ),
                )
            };
            self.push(Area::Clauses, kind, text, clause.clone(), os, ns);
        }
        let (oa, na) = (codes(old_t, &o.against), codes(new_t, &n.against));
        if oa != na {
            self.push(
                Area::Clauses,
                set_kind(&oa, &na),
                format!(
                    "parties the trigger protects {} -> {}",
                    describe::parties(&o.against),
                    describe::parties(&n.against)
                ),
                clause.clone(),
                os,
                ns,
            );
        }
        let places = [
            ("scope", &o.scope, &n.scope),
            ("carve-out", &o.excluding, &n.excluding),
        ];
        for (what, a, b) in places {
            if a == b {
                continue;
            }
            // A narrower scope or a new carve-out covers less.
            let (kind, text) = match (a, b) {
                (None, Some(b)) => (
                    ChangeKind::Weakened,
                    format!("{what} \"{b}\" added to the {name}"),
                ),
                (Some(a), None) => (
                    ChangeKind::Strengthened,
                    format!("{what} \"{a}\" removed from the {name}"),
                ),
                (Some(a), Some(b)) => (ChangeKind::Changed, format!("{what} \"{a}\" -> \"{b}\"")),
                (None, None) => continue,
            };
            self.push(Area::Clauses, kind, text, clause.clone(), os, ns);
        }
        self.qualifier_changes(
            &o.qualifiers,
            &n.qualifiers,
            &format!("the {name}"),
            Area::Clauses,
            o.span,
            n.span,
            clause.as_deref(),
        );
        self.obligations(
            old_t,
            Some(o),
            &o.obligations,
            new_t,
            Some(n),
            &n.obligations,
        );
    }

    /// Changes within one clause matched across the drafts.
    fn clause(
        &mut self,
        old_t: &Treaty,
        _old_trigger: Option<&Trigger>,
        o: &Obligation,
        new_t: &Treaty,
        new_trigger: Option<&Trigger>,
        n: &Obligation,
    ) {
        let keyword = n.keyword();
        let clause = format!("{}{}", describe::obligation(n), context(new_trigger));
        let (os, ns) = (Some(o.span), Some(n.span));
        let mut out: Vec<(ChangeKind, String)> = Vec::new();

        for (what, old_refs, new_refs) in [
            ("by", &o.givers, &n.givers),
            ("to", &o.receivers, &n.receivers),
        ] {
            let (before, after) = (codes(old_t, old_refs), codes(new_t, new_refs));
            let text = format!(
                "{keyword} {what} {} -> {}",
                describe::parties(old_refs),
                describe::parties(new_refs)
            );
            if before != after {
                out.push((set_kind(&before, &after), text));
            } else if written(old_refs) != written(new_refs) {
                // `each guarantor` for `FR, UK`: the same parties today, but not the
                // same words (a party added later would be covered by one only).
                out.push((ChangeKind::Changed, format!("{text} (the same parties)")));
            }
        }
        duty_changes(keyword, &o.duty, &n.duty, o, n, &mut out);
        for (kind, text) in out {
            self.push(Area::Clauses, kind, text, Some(clause.clone()), os, ns);
        }
        self.qualifier_changes(
            &o.qualifiers,
            &n.qualifiers,
            keyword,
            Area::Clauses,
            o.span,
            n.span,
            Some(&clause),
        );
    }
}

fn set_changes<T: Copy + PartialEq>(
    old: &[T],
    new: &[T],
    word: fn(T) -> &'static str,
    added: impl Fn(&str) -> (ChangeKind, String),
    removed: impl Fn(&str) -> (ChangeKind, String),
    out: &mut Vec<(ChangeKind, String)>,
) {
    for x in old.iter().filter(|x| !new.contains(x)) {
        out.push(removed(word(*x)));
    }
    for x in new.iter().filter(|x| !old.contains(x)) {
        out.push(added(word(*x)));
    }
}

fn timing_change(
    what: &str,
    old: Option<&Deadline>,
    new: Option<&Deadline>,
    out: &mut Vec<(ChangeKind, String)>,
) {
    if old == new {
        return;
    }
    // Fewer hours to act is stronger.
    let kind = by_rank(
        std::cmp::Reverse(deadline_hours(old)),
        std::cmp::Reverse(deadline_hours(new)),
    );
    let text = match (old, new) {
        (Some(a), Some(b)) => format!(
            "{what} {} -> {}",
            describe::deadline_short(a),
            describe::deadline_short(b)
        ),
        (None, Some(b)) => format!("{what} added: {}", describe::deadline_short(b)),
        (Some(a), None) => format!("{what} removed (was {})", describe::deadline_short(a)),
        (None, None) => return,
    };
    out.push((kind, text));
}

fn duty_changes(
    keyword: &str,
    old: &Duty,
    new: &Duty,
    o: &Obligation,
    n: &Obligation,
    out: &mut Vec<(ChangeKind, String)>,
) {
    use ChangeKind::*;
    match (old, new) {
        (Duty::Consult { deadline: a }, Duty::Consult { deadline: b }) => {
            timing_change("consultation deadline", a.as_ref(), b.as_ref(), out);
        }
        (
            Duty::Assist {
                verb: av,
                means: am,
                timing: at,
            },
            Duty::Assist {
                verb: bv,
                means: bm,
                timing: bt,
            },
        ) => {
            if av != bv {
                let rank = |v: &AssistVerb| u8::from(*v != AssistVerb::Act);
                out.push((
                    by_rank(rank(av), rank(bv)),
                    format!("{} -> {}", o.keyword(), n.keyword()),
                ));
            }
            let (a_force, b_force) = (o.includes_armed_force(), n.includes_armed_force());
            if a_force && !b_force {
                out.push((
                    Weakened,
                    "armed force removed from the response".to_string(),
                ));
            } else if b_force && !a_force {
                out.push((
                    Strengthened,
                    "armed force added to the response".to_string(),
                ));
            }
            let force_changed = a_force != b_force;
            for m in am.iter().filter(|m| !bm.contains(m)) {
                if !(force_changed && m.includes_armed_force()) {
                    out.push((
                        Weakened,
                        format!("means {} removed from {keyword}", m.word()),
                    ));
                }
            }
            for m in bm.iter().filter(|m| !am.contains(m)) {
                if !(force_changed && m.includes_armed_force()) {
                    out.push((
                        Strengthened,
                        format!("means {} added to {keyword}", m.word()),
                    ));
                }
            }
            timing_change(&format!("{keyword} timing"), at.as_ref(), bt.as_ref(), out);
        }
        (
            Duty::Provide {
                assistance: aa,
                amount: am,
                from: af,
                until: au,
            },
            Duty::Provide {
                assistance: ba,
                amount: bm,
                from: bf,
                until: bu,
            },
        ) => {
            let kinds = |list: &[crate::model::Assistance]| -> Vec<AssistanceKind> {
                list.iter().map(|a| a.kind).collect()
            };
            set_changes(
                &kinds(aa),
                &kinds(ba),
                |k| k.word(),
                |w| (Strengthened, format!("{w} added to provide")),
                |w| (Weakened, format!("{w} removed from provide")),
                out,
            );
            for a in aa {
                if let Some(b) = ba.iter().find(|b| b.kind == a.kind) {
                    let kind_word = a.kind.word();
                    set_changes(
                        &a.details,
                        &b.details,
                        |k| k.word(),
                        |w| (Strengthened, format!("{w} added to {kind_word}")),
                        |w| (Weakened, format!("{w} removed from {kind_word}")),
                        out,
                    );
                }
            }
            if am != bm {
                let entry = match (am, bm) {
                    (Some(a), Some(b)) => {
                        let kind = if a.currency == b.currency && a.per == b.per {
                            match b.value.partial_cmp(&a.value) {
                                Some(std::cmp::Ordering::Greater) => Strengthened,
                                Some(std::cmp::Ordering::Less) => Weakened,
                                _ => Changed,
                            }
                        } else {
                            Changed
                        };
                        (
                            kind,
                            format!("amount {} -> {}", describe::amount(a), describe::amount(b)),
                        )
                    }
                    (None, Some(b)) => (
                        Strengthened,
                        format!("amount {} added", describe::amount(b)),
                    ),
                    (Some(a), None) => {
                        (Weakened, format!("amount {} removed", describe::amount(a)))
                    }
                    (None, None) => (Changed, String::new()),
                };
                out.push(entry);
            }
            if af != bf {
                let show = |d: &Option<crate::model::Date>| {
                    d.map_or("none".to_string(), |d| d.to_string())
                };
                out.push((
                    Changed,
                    format!("provide from {} -> {}", show(af), show(bf)),
                ));
            }
            if au != bu {
                // Support that runs longer is stronger; an end date where there was none
                // is weaker.
                let kind = match (au, bu) {
                    (Some(a), Some(b)) => by_rank(a, b),
                    (None, Some(_)) => Weakened,
                    (Some(_), None) => Strengthened,
                    (None, None) => Changed,
                };
                let show = |d: &Option<crate::model::Date>| {
                    d.map_or("open-ended".to_string(), |d| d.to_string())
                };
                out.push((kind, format!("provide until {} -> {}", show(au), show(bu))));
            }
        }
        (
            Duty::Station {
                place: ap,
                size: az,
                tripwire: at,
                permanent: aperm,
            },
            Duty::Station {
                place: bp,
                size: bz,
                tripwire: bt,
                permanent: bperm,
            },
        ) => {
            if ap != bp {
                out.push((
                    Changed,
                    format!(
                        "station in {} -> {}",
                        describe::place(ap),
                        describe::place(bp)
                    ),
                ));
            }
            size_change(az, bz, out);
            for (what, a, b) in [("tripwire", at, bt), ("permanent", aperm, bperm)] {
                if a != b {
                    if *b {
                        out.push((Strengthened, format!("station made {what}")));
                    } else {
                        out.push((Weakened, format!("station no longer {what}")));
                    }
                }
            }
        }
        (Duty::Deter { means: a }, Duty::Deter { means: b }) if a != b => {
            let rank = |m: &DeterrentMeans| u8::from(*m == DeterrentMeans::NuclearForces);
            out.push((
                by_rank(rank(a), rank(b)),
                format!("deterrence {} -> {}", a.word(), b.word()),
            ));
        }
        (
            Duty::Mission {
                mandate: am,
                place: ap,
                size: az,
                ..
            },
            Duty::Mission {
                mandate: bm,
                place: bp,
                size: bz,
                ..
            },
        ) => {
            if am != bm {
                let rank = |m: &Mandate| u8::from(*m == Mandate::Enforce);
                out.push((
                    by_rank(rank(am), rank(bm)),
                    format!("{keyword} mandate {} -> {}", am.word(), bm.word()),
                ));
            }
            if ap != bp {
                let show = |p: &Option<crate::model::Place>| {
                    p.as_ref().map_or("unstated".to_string(), describe::place)
                };
                out.push((
                    Changed,
                    format!("{keyword} in {} -> {}", show(ap), show(bp)),
                ));
            }
            size_change(az, bz, out);
        }
        (Duty::Refrain { acts: a }, Duty::Refrain { acts: b }) => set_changes(
            a,
            b,
            |k| k.word(),
            |w| (Strengthened, format!("refrain now also from {w}")),
            |w| (Weakened, format!("refrain no longer from {w}")),
            out,
        ),
        (Duty::Respect { aspects: a }, Duty::Respect { aspects: b }) => set_changes(
            a,
            b,
            |k| k.word(),
            |w| (Strengthened, format!("respect now also {w}")),
            |w| (Weakened, format!("respect no longer {w}")),
            out,
        ),
        (
            Duty::Seek {
                what: aw,
                body: ab,
                timing: at,
            },
            Duty::Seek {
                what: bw,
                body: bb,
                timing: bt,
            },
        ) => {
            if aw != bw {
                out.push((Changed, format!("seek {aw} -> {bw}")));
            }
            if ab != bb {
                out.push((
                    Changed,
                    format!("seek by {} -> {}", describe::body(ab), describe::body(bb)),
                ));
            }
            timing_change("seek timing", at.as_ref(), bt.as_ref(), out);
        }
        (
            Duty::Report {
                body: ab,
                timing: at,
            },
            Duty::Report {
                body: bb,
                timing: bt,
            },
        ) => {
            if ab != bb {
                out.push((
                    Changed,
                    format!("report to {} -> {}", describe::body(ab), describe::body(bb)),
                ));
            }
            timing_change("report timing", at.as_ref(), bt.as_ref(), out);
        }
        (Duty::Establish { name: a, .. }, Duty::Establish { name: b, .. }) if a != b => {
            let show = |n: &Option<Text>| {
                n.as_ref()
                    .map_or("no name".to_string(), |n| format!("\"{n}\""))
            };
            out.push((
                Changed,
                format!("establish {}: name {} -> {}", identity(n), show(a), show(b)),
            ));
        }
        (Duty::Prohibit { what: a, place: ap }, Duty::Prohibit { what: b, place: bp }) => {
            // A ban on foreign forces or bases rules out a guarantee on the ground.
            let kind = |p: Prohibited, added: bool| match (p.bans_foreign_forces(), added) {
                (true, true) => Weakened,
                (true, false) => Strengthened,
                (false, _) => Changed,
            };
            for p in a.iter().filter(|p| !b.contains(p)) {
                out.push((
                    kind(*p, false),
                    format!("prohibition of {} lifted", p.word()),
                ));
            }
            for p in b.iter().filter(|p| !a.contains(p)) {
                out.push((kind(*p, true), format!("prohibition of {} added", p.word())));
            }
            if ap != bp {
                let show = |p: &Option<crate::model::Place>| {
                    p.as_ref().map_or("unstated".to_string(), describe::place)
                };
                out.push((
                    Changed,
                    format!("prohibition in {} -> {}", show(ap), show(bp)),
                ));
            }
        }
        _ => {}
    }
}

fn size_change(
    old: &Option<crate::model::Size>,
    new: &Option<crate::model::Size>,
    out: &mut Vec<(ChangeKind, String)>,
) {
    if old == new {
        return;
    }
    let show =
        |s: &Option<crate::model::Size>| s.as_ref().map_or("unstated".to_string(), describe::size);
    let kind = match (old, new) {
        (Some(a), Some(b)) if a.unit == b.unit => {
            let top = |s: &crate::model::Size| s.high.unwrap_or(s.low);
            pairwise_rank((a.low, top(a)), (b.low, top(b)))
        }
        _ => ChangeKind::Changed,
    };
    out.push((kind, format!("size {} -> {}", show(old), show(new))));
}
