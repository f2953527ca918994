//! The trigger evaluation engine: treaties (the model) and a resolved scenario in, a
//! serialisable [`Run`] out. Pure: no files, no printing.
//!
//! Events are taken in time order. Each occurrence (an attack, a threat) is put to
//! every trigger of every treaty: a trigger fires, bringing its obligations due, or
//! stays silent with the reasons why. Standing assurances to refrain from force or to
//! respect borders are breached when the party that gave them attacks. Each act a
//! party is recorded doing (`UK consults UA at ...`) is matched against the open
//! obligations it fulfils. When the log closes (`end`, or the last event), every
//! obligation is fulfilled, violated (late, missed or breached) or still pending.

use std::collections::BTreeSet;

use serde::Serialize;

use super::describe::*;
use super::{Event, Happening, Instant, Reason, Scenario, StatusWord, Verb};
use crate::model::time::days_in_month;
use crate::model::{
    AssistVerb, Date, Deadline, Duty, Obligation, Party, PartyRef, Period, Term, Treaty, Trigger,
    Unit,
};
use crate::source::{LineIndex, Span};
use crate::vocab::*;

/// A treaty to run a scenario against, with the file it was read from.
#[derive(Debug, Clone, Copy)]
pub struct Instrument<'a> {
    pub treaty: &'a Treaty,
    /// The file as shown to users.
    pub file: &'a str,
    /// The file's text, for line numbers.
    pub text: &'a str,
}

/// Everything a scenario run found, in the order a monitoring log would keep it.
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub scenario: String,
    /// When the log closes: the scenario's `end`, or its last event.
    pub end: Option<Instant>,
    pub assumed_in_force: bool,
    pub treaties: Vec<TreatyInfo>,
    /// Events in time order (ties keep their written order).
    pub events: Vec<EventReport>,
    /// One per occurrence and trigger: fires or not, and why.
    pub evaluations: Vec<Evaluation>,
    /// Obligations brought due by triggers, and standing assurances breached.
    pub obligations: Vec<Owed>,
    pub summary: Summary,
}

#[derive(Debug, Clone, Serialize)]
pub struct TreatyInfo {
    pub id: String,
    pub file: String,
    pub title: Option<String>,
    pub status: Option<&'static str>,
    /// The first day in force, where the treaty says (effective, else signed).
    pub from: Option<String>,
    /// The last day of a fixed term.
    pub last_day: Option<String>,
    /// The treaty's standing in a sentence.
    pub standing: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct EventReport {
    pub at: Instant,
    pub text: String,
    pub happening: Happening,
    /// Obligations this act fulfilled (a share each), for actions.
    pub fulfils: Vec<Fulfilment>,
    /// Where it was written, when it came from a scenario file.
    #[serde(skip)]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fulfilment {
    /// The obligation's `id` (1-based, as in [`Owed::id`]).
    pub obligation: usize,
    pub parties: Vec<String>,
    pub late_seconds: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub code: Reason,
    pub message: String,
}

impl Finding {
    fn new(code: Reason, message: impl Into<String>) -> Self {
        Finding {
            code,
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Evaluation {
    /// Index into [`Run::events`].
    pub event: usize,
    pub treaty: String,
    /// The trigger as it reads: `armed-attack by RU against UA`.
    pub trigger: String,
    pub line: usize,
    pub fires: bool,
    /// Why it does not fire (empty when it fires).
    pub reasons: Vec<Finding>,
    /// What the firing carries: the attacker is a guarantor, an assumption, a place.
    pub notes: Vec<Finding>,
    /// The `id`s of the obligations it brought due.
    pub obligations: Vec<usize>,
    /// For a silent trigger: what it would have brought due.
    pub would_owe: Vec<String>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub sketches: Vec<Sketch>,
}

/// What an obligation is about and who it concerns, for matching expectations.
#[derive(Debug, Clone, Default)]
pub struct Sketch {
    pub words: Vec<String>,
    pub parties: Vec<String>,
}

impl Sketch {
    pub fn mentions(&self, what: &str) -> bool {
        self.words.iter().any(|w| w == what)
    }

    pub fn concerns(&self, parties: &[String]) -> bool {
        parties.iter().all(|p| self.parties.contains(p))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// Brought due by a trigger.
    Trigger,
    /// A standing assurance (refrain, respect) that an occurrence breached.
    Standing,
}

#[derive(Debug, Clone, Serialize)]
pub struct Owed {
    /// 1-based, as shown: `#1`.
    pub id: usize,
    pub origin: Origin,
    pub treaty: String,
    /// Index into [`Run::events`] of the occurrence that brought it due.
    pub event: usize,
    pub trigger: Option<String>,
    pub line: usize,
    /// The clause keyword: `consult`, `provide`, `assist`, `seek`, ...
    pub duty: &'static str,
    /// The obligation as it reads: `consult UK, UA within 24 hours`.
    pub what: String,
    pub owed_by: Vec<String>,
    pub owed_to: Vec<String>,
    /// The deadline as written: `within 24 hours`, `immediately`, `after consultation`.
    pub deadline: Option<String>,
    pub due: Option<Instant>,
    pub discretionary: bool,
    /// Every qualifier on it, its trigger or its treaty.
    pub qualifiers: Vec<&'static str>,
    pub notes: Vec<Finding>,
    pub status: Status,
    /// One per party that owes it.
    pub shares: Vec<Share>,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub sketch: Sketch,
}

/// An obligation's standing when the log closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Fulfilled,
    Violated,
    Pending,
    /// Left to the party's discretion, and it did not act.
    Discretionary,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Fulfilled => "fulfilled",
            Status::Violated => "violated",
            Status::Pending => "pending",
            Status::Discretionary => "discretionary",
        }
    }

    pub fn is(self, word: StatusWord) -> bool {
        matches!(
            (self, word),
            (Status::Fulfilled, StatusWord::Fulfilled)
                | (Status::Violated, StatusWord::Violated)
                | (Status::Pending, StatusWord::Pending)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Done by the due time (or done, where there is no due time).
    OnTime,
    /// Done after the due time.
    Late,
    /// Not done, and the due time passed before the log closed.
    Missed,
    /// A standing assurance broken by the party's own act.
    Breached,
    /// Not done, and not yet due (or never due) when the log closed.
    Pending,
    /// Discretionary, and done.
    Acted,
    /// Discretionary, and not done.
    NotActed,
}

impl Outcome {
    pub fn status(self) -> Status {
        match self {
            Outcome::OnTime | Outcome::Acted => Status::Fulfilled,
            Outcome::Late | Outcome::Missed | Outcome::Breached => Status::Violated,
            Outcome::Pending => Status::Pending,
            Outcome::NotActed => Status::Discretionary,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Share {
    pub party: String,
    pub outcome: Outcome,
    pub status: Status,
    /// When it was done (or breached).
    pub at: Option<Instant>,
    /// The event that did it (index into [`Run::events`]).
    pub by_event: Option<usize>,
    /// How late it was done, or (for a missed one) how overdue it was at the end.
    pub late_seconds: Option<i64>,
}

/// The standing of a set of shares, the way an obligation's status is decided: any
/// violation makes it violated, then anything pending makes it pending; a
/// discretionary obligation nobody acted on is discretionary.
pub fn aggregate<'a>(shares: impl IntoIterator<Item = &'a Share>) -> Status {
    let statuses: Vec<Status> = shares.into_iter().map(|s| s.status).collect();
    if statuses.is_empty() {
        return Status::Pending;
    }
    for status in [Status::Violated, Status::Pending, Status::Discretionary] {
        if statuses.contains(&status) {
            return status;
        }
    }
    Status::Fulfilled
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub events: usize,
    pub evaluations: usize,
    pub fired: usize,
    pub silent: usize,
    pub obligations: usize,
    pub fulfilled: usize,
    pub violated: usize,
    pub pending: usize,
    pub discretionary: usize,
}

/// Run a scenario against the instruments.
pub fn run(scenario: &Scenario, instruments: &[Instrument<'_>]) -> Run {
    let mut order: Vec<usize> = (0..scenario.events.len()).collect();
    order.sort_by_key(|&i| (scenario.events[i].at, i));
    let events: Vec<&Event> = order.iter().map(|&i| &scenario.events[i]).collect();
    let end = scenario.end.or_else(|| events.last().map(|e| e.at));
    let lines: Vec<LineIndex> = instruments.iter().map(|i| LineIndex::new(i.text)).collect();
    let mut engine = Engine {
        instruments,
        lines,
        assume: scenario.assume_in_force,
        evaluations: Vec::new(),
        owed: Vec::new(),
        open: Vec::new(),
        reports: events
            .iter()
            .map(|e| EventReport {
                at: e.at,
                text: e.text.clone(),
                happening: e.happening.clone(),
                fulfils: Vec::new(),
                span: e.span,
            })
            .collect(),
    };
    for (index, event) in events.iter().enumerate() {
        match &event.happening {
            Happening::Occurrence { .. } => engine.occurrence(index, event),
            Happening::Action {
                actor,
                verb,
                kinds,
                targets,
            } => engine.action(
                index,
                event.at,
                &Act {
                    actor,
                    verb: *verb,
                    kinds,
                    targets,
                },
            ),
        }
    }
    engine.close(end);
    let treaties = instruments
        .iter()
        .map(|i| treaty_info(i, scenario.assume_in_force))
        .collect();
    let mut summary = Summary {
        events: engine.reports.len(),
        evaluations: engine.evaluations.len(),
        fired: engine.evaluations.iter().filter(|e| e.fires).count(),
        silent: engine.evaluations.iter().filter(|e| !e.fires).count(),
        obligations: engine.owed.len(),
        ..Summary::default()
    };
    for owed in &engine.owed {
        match owed.status {
            Status::Fulfilled => summary.fulfilled += 1,
            Status::Violated => summary.violated += 1,
            Status::Pending => summary.pending += 1,
            Status::Discretionary => summary.discretionary += 1,
        }
    }
    Run {
        scenario: scenario.name.clone(),
        end,
        assumed_in_force: scenario.assume_in_force,
        treaties,
        events: engine.reports,
        evaluations: engine.evaluations,
        obligations: engine.owed,
        summary,
    }
}

struct Act<'e> {
    actor: &'e str,
    verb: Verb,
    kinds: &'e [String],
    targets: &'e [String],
}

/// What an open obligation needs to be matched against acts.
struct Open<'a> {
    obligation: &'a Obligation,
    /// Shares not yet done, by index into the owed obligation's shares.
    waiting: Vec<usize>,
}

struct Engine<'i, 'a> {
    instruments: &'i [Instrument<'a>],
    lines: Vec<LineIndex>,
    assume: bool,
    evaluations: Vec<Evaluation>,
    owed: Vec<Owed>,
    /// Parallel to `owed`.
    open: Vec<Open<'a>>,
    reports: Vec<EventReport>,
}

/// What an occurrence says, borrowed.
struct Occurrence<'e> {
    kind: TriggerKind,
    aspects: &'e [ThreatAspect],
    by: Option<&'e str>,
    against: Option<&'e str>,
    place: Option<&'e str>,
    at: Instant,
}

impl<'a> Engine<'_, 'a> {
    fn line(&self, instrument: usize, span: Span) -> usize {
        let text = self.instruments[instrument].text;
        self.lines[instrument].line_col(text, span.start).0
    }

    fn occurrence(&mut self, index: usize, event: &Event) {
        let Happening::Occurrence {
            kind,
            aspects,
            by,
            against,
            place,
        } = &event.happening
        else {
            return;
        };
        let occurrence = Occurrence {
            kind: *kind,
            aspects,
            by: by.as_deref(),
            against: against.as_deref(),
            place: place.as_deref(),
            at: event.at,
        };
        for (i, instrument) in self.instruments.iter().enumerate() {
            let treaty = instrument.treaty;
            let standing = if self.assume {
                Ok(())
            } else {
                standing_at(treaty, event.at.local_date())
            };
            for trigger in &treaty.triggers {
                self.evaluate(i, trigger, index, &occurrence, standing.as_ref().err());
            }
            if standing.is_ok() {
                self.breaches(i, index, &occurrence);
            }
        }
    }

    fn evaluate(
        &mut self,
        instrument: usize,
        trigger: &'a Trigger,
        event: usize,
        o: &Occurrence<'_>,
        standing: Option<&Finding>,
    ) {
        let treaty: &'a Treaty = self.instruments[instrument].treaty;
        let mut reasons: Vec<Finding> = standing.into_iter().cloned().collect();
        let mut notes = Vec::new();
        if self.assume {
            notes.push(Finding::new(
                Reason::AssumedInForce,
                "the scenario assumes the treaty in force (`assume in-force`)",
            ));
        }
        if !kind_matches(trigger, o.kind, o.aspects) {
            reasons.push(Finding::new(
                Reason::WrongKind,
                format!(
                    "{} is not among the trigger's kinds ({})",
                    with_article(&occurrence_kind_text(o.kind, o.aspects)),
                    kinds_text(trigger)
                ),
            ));
        }
        if !trigger.by.is_empty() {
            let adversaries = expand_all(treaty, &trigger.by, o.against);
            match o.by {
                None => reasons.push(Finding::new(
                    Reason::NotAdversary,
                    format!(
                        "the event names no attacker; the trigger needs an attack by {}",
                        or_list(&adversaries)
                    ),
                )),
                Some(attacker) if !adversaries.iter().any(|a| a == attacker) => {
                    reasons.push(Finding::new(
                        Reason::NotAdversary,
                        format!(
                            "the attacker, {attacker}, is not the adversary the trigger names ({})",
                            or_list(&adversaries)
                        ),
                    ))
                }
                Some(_) => {}
            }
        }
        if let Some(reason) = coverage(treaty, trigger, o) {
            reasons.push(reason);
        }
        match place_check(treaty, trigger, o.place) {
            PlaceCheck::Inside => {}
            PlaceCheck::Outside(message) => reasons.push(Finding::new(Reason::OutOfScope, message)),
            PlaceCheck::Assumed(message) => notes.push(Finding::new(Reason::PlaceAssumed, message)),
        }
        if let Some(attacker) = o.by.and_then(|a| treaty.party(a)) {
            if attacker.is_participant_other_than_adversary() {
                notes.push(Finding::new(
                    Reason::AttackerIsGuarantor,
                    format!(
                        "the attacker, {}, is itself {} of this treaty",
                        attacker.code,
                        roles_text(attacker)
                    ),
                ));
            }
        }
        let span = trigger.span;
        let line = self.line(instrument, span);
        let trigger_text = trigger_text(trigger);
        let fires = reasons.is_empty();
        if !fires {
            notes.clear();
        }
        let mut evaluation = Evaluation {
            event,
            treaty: treaty.id.to_string(),
            trigger: trigger_text.clone(),
            line,
            fires,
            reasons,
            notes,
            obligations: Vec::new(),
            would_owe: Vec::new(),
            span,
            sketches: Vec::new(),
        };
        for obligation in &trigger.obligations {
            let victim = o.against;
            let (givers, receivers) = parties_of(treaty, obligation, victim);
            let sketch = sketch(obligation, &givers, &receivers);
            if !fires {
                evaluation.would_owe.push(obligation_text(obligation));
                evaluation.sketches.push(sketch);
                continue;
            }
            let hedges: Vec<&'static str> = obligation
                .qualifiers
                .iter()
                .chain(&trigger.qualifiers)
                .chain(&treaty.hedges)
                .map(|q| q.kind.word())
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let discretionary_by: Vec<&'static str> = hedges
                .iter()
                .copied()
                .filter(|w| QualifierKind::parse(w).is_some_and(is_discretionary))
                .collect();
            let conditional_by: Vec<&'static str> = hedges
                .iter()
                .copied()
                .filter(|w| {
                    QualifierKind::parse(w).is_some_and(|k| !is_discretionary(k) && k.weakens())
                })
                .collect();
            let mut notes = Vec::new();
            if !discretionary_by.is_empty() {
                notes.push(Finding::new(
                    Reason::Discretionary,
                    format!("fires but discretionary: {}", discretionary_by.join(", ")),
                ));
            }
            if !conditional_by.is_empty() {
                notes.push(Finding::new(
                    Reason::Conditional,
                    format!(
                        "subject to {} (not recorded by the scenario)",
                        conditional_by.join(", ")
                    ),
                ));
            }
            let deadline = deadline_of(obligation);
            let due = match deadline {
                Some(Deadline::Within { period }) => Some(o.at.plus(*period)),
                Some(Deadline::Immediately | Deadline::Forthwith) => Some(o.at),
                Some(Deadline::AfterConsultation) | None => None,
            };
            if due.is_none() {
                notes.push(Finding::new(
                    Reason::NoDeadline,
                    match deadline {
                        Some(Deadline::AfterConsultation) => {
                            "due after consultation, with no fixed time".to_string()
                        }
                        _ => "no deadline: it can be pending but never late".to_string(),
                    },
                ));
            }
            if let Some(attacker) = o.by.filter(|a| givers.iter().any(|g| g == a)) {
                notes.push(Finding::new(
                    Reason::AttackerIsGuarantor,
                    format!("{attacker} owes this in answer to its own attack"),
                ));
            }
            let discretionary = !discretionary_by.is_empty();
            let shares = givers
                .iter()
                .map(|g| Share {
                    party: g.clone(),
                    outcome: Outcome::Pending,
                    status: Status::Pending,
                    at: None,
                    by_event: None,
                    late_seconds: None,
                })
                .collect::<Vec<_>>();
            let id = self.owed.len();
            let line = self.line(instrument, obligation.span);
            self.open.push(Open {
                obligation,
                waiting: (0..shares.len()).collect(),
            });
            self.owed.push(Owed {
                id: id + 1,
                origin: Origin::Trigger,
                treaty: treaty.id.to_string(),
                event,
                trigger: Some(trigger_text.clone()),
                line,
                duty: obligation.keyword(),
                what: obligation_text(obligation),
                owed_by: givers,
                owed_to: receivers,
                deadline: deadline.map(deadline_text),
                due,
                discretionary,
                qualifiers: hedges,
                notes,
                status: Status::Pending,
                shares,
                span: obligation.span,
                sketch,
            });
            evaluation.obligations.push(id + 1);
        }
        self.evaluations.push(evaluation);
    }

    /// Standing assurances (refrain, respect) broken by the attacker's own act.
    fn breaches(&mut self, instrument: usize, event: usize, o: &Occurrence<'_>) {
        let Some(attacker) = o.by else { return };
        let treaty: &'a Treaty = self.instruments[instrument].treaty;
        for obligation in &treaty.obligations {
            if !breaches(&obligation.duty, o.kind) {
                continue;
            }
            let (givers, receivers) = parties_of(treaty, obligation, o.against);
            if !givers.iter().any(|g| g == attacker) {
                continue;
            }
            if let Some(victim) = o.against {
                if !receivers.is_empty() && !receivers.iter().any(|r| r == victim) {
                    continue;
                }
            }
            let mut notes = Vec::new();
            if let Some(party) = treaty.party(attacker) {
                if party.is_participant_other_than_adversary() {
                    notes.push(Finding::new(
                        Reason::AttackerIsGuarantor,
                        format!(
                            "{attacker}, {} of this treaty, broke its own assurance",
                            roles_text(party)
                        ),
                    ));
                }
            }
            let sketch = sketch(obligation, &givers, &receivers);
            let id = self.owed.len();
            let line = self.line(instrument, obligation.span);
            self.open.push(Open {
                obligation,
                waiting: Vec::new(),
            });
            self.owed.push(Owed {
                id: id + 1,
                origin: Origin::Standing,
                treaty: treaty.id.to_string(),
                event,
                trigger: None,
                line,
                duty: obligation.keyword(),
                what: obligation_text(obligation),
                owed_by: givers,
                owed_to: receivers,
                deadline: None,
                due: None,
                discretionary: false,
                qualifiers: obligation
                    .qualifiers
                    .iter()
                    .map(|q| q.kind.word())
                    .collect(),
                notes,
                status: Status::Violated,
                shares: vec![Share {
                    party: attacker.to_string(),
                    outcome: Outcome::Breached,
                    status: Status::Violated,
                    at: Some(o.at),
                    by_event: Some(event),
                    late_seconds: None,
                }],
                span: obligation.span,
                sketch,
            });
        }
    }

    fn action(&mut self, index: usize, at: Instant, act: &Act<'_>) {
        for (id, open) in self.open.iter_mut().enumerate() {
            if open.waiting.is_empty() {
                continue;
            }
            let owed = &mut self.owed[id];
            let parties = fulfilled_by(open.obligation, &owed.owed_by, &owed.owed_to, act);
            if parties.is_empty() {
                continue;
            }
            let late = owed
                .due
                .map(|due| at.utc - due.utc)
                .filter(|seconds| *seconds > 0);
            let mut done = Vec::new();
            open.waiting.retain(|&share| {
                let party = &owed.shares[share].party;
                if parties.contains(party) {
                    let s = &mut owed.shares[share];
                    s.at = Some(at);
                    s.by_event = Some(index);
                    s.late_seconds = late;
                    s.outcome = match (owed.discretionary, late) {
                        (true, _) => Outcome::Acted,
                        (false, Some(_)) => Outcome::Late,
                        (false, None) => Outcome::OnTime,
                    };
                    s.status = s.outcome.status();
                    done.push(s.party.clone());
                    false
                } else {
                    true
                }
            });
            if !done.is_empty() {
                self.reports[index].fulfils.push(Fulfilment {
                    obligation: id + 1,
                    parties: done,
                    late_seconds: if owed.discretionary { None } else { late },
                });
            }
        }
    }

    fn close(&mut self, end: Option<Instant>) {
        for (owed, open) in self.owed.iter_mut().zip(&self.open) {
            for &share in &open.waiting {
                let s = &mut owed.shares[share];
                s.outcome = if owed.discretionary {
                    Outcome::NotActed
                } else {
                    match (owed.due, end) {
                        (Some(due), Some(end)) if due < end => {
                            s.late_seconds = Some(end.utc - due.utc);
                            Outcome::Missed
                        }
                        _ => Outcome::Pending,
                    }
                };
                s.status = s.outcome.status();
            }
            owed.status = if owed.discretionary {
                if owed.shares.iter().all(|s| s.outcome == Outcome::Acted)
                    && !owed.shares.is_empty()
                {
                    Status::Fulfilled
                } else {
                    Status::Discretionary
                }
            } else {
                aggregate(&owed.shares)
            };
        }
    }
}

/// Qualifiers that leave the response to the party's own judgment.
pub fn is_discretionary(kind: QualifierKind) -> bool {
    matches!(
        kind,
        QualifierKind::AsDeemedNecessary
            | QualifierKind::LegalRequirements
            | QualifierKind::ReserveRight
            | QualifierKind::Aspirational
            | QualifierKind::WherePossible
    )
}

// ---------------------------------------------------------------- the treaty's standing

/// The day a fixed term ends (exclusive): the anniversary of its start, or, where the
/// anniversary does not exist (29 February, 31st of a shorter month), the day after
/// the end of that month. Hours, days and weeks are counted exactly.
pub fn term_end(start: Date, period: Period) -> Date {
    let day = start.days_since_epoch();
    let v = i64::from(period.value);
    match period.unit {
        Unit::Hours => super::time::date_of_day(day + (v + 23) / 24),
        Unit::Days => super::time::date_of_day(day + v),
        Unit::Weeks => super::time::date_of_day(day + 7 * v),
        Unit::Months | Unit::Years => {
            let months = if period.unit == Unit::Years {
                v * 12
            } else {
                v
            };
            let anniversary = start.add_months(months);
            if anniversary.day == start.day {
                anniversary
            } else {
                // Clamped: the period runs to the end of that month.
                let last = days_in_month(anniversary.year, anniversary.month);
                super::time::date_of_day(
                    Date {
                        day: last,
                        ..anniversary
                    }
                    .days_since_epoch()
                        + 1,
                )
            }
        }
    }
}

fn start_of(treaty: &Treaty) -> Option<(Date, &'static str)> {
    treaty
        .effective
        .as_ref()
        .map(|d| (d.value, "entry into force"))
        .or_else(|| treaty.signed.as_ref().map(|d| (d.value, "signature")))
}

fn previous_day(date: Date) -> Date {
    super::time::date_of_day(date.days_since_epoch() - 1)
}

/// Whether the treaty is in force on a day; if not, why.
pub fn standing_at(treaty: &Treaty, day: Date) -> Result<(), Finding> {
    let ratification_pending = treaty
        .ratification
        .as_ref()
        .is_some_and(|r| r.value.state == RatificationState::Required);
    match treaty.status() {
        Some(Status_::Draft) => {
            return Err(Finding::new(
                Reason::NotInForce,
                "never entered into force: its status is draft",
            ))
        }
        Some(Status_::Signed) if ratification_pending => {
            return Err(Finding::new(
                Reason::NotInForce,
                "never entered into force: signed, but its ratification is still required",
            ))
        }
        Some(Status_::Lapsed) => {
            return Err(Finding::new(Reason::Lapsed, "lapsed: its status is lapsed"))
        }
        _ => {}
    }
    if let Some(signed) = &treaty.signed {
        if day < signed.value {
            return Err(Finding::new(
                Reason::NotYetSigned,
                format!("not yet signed: it was signed on {}", signed.value),
            ));
        }
    }
    if let Some(effective) = &treaty.effective {
        if day < effective.value {
            return Err(Finding::new(
                Reason::NotYetInForce,
                format!("not yet in force: it took effect on {}", effective.value),
            ));
        }
    }
    if let (Some(Term::Fixed { period }), Some((start, from))) =
        (treaty.duration.as_ref().map(|d| &d.value), start_of(treaty))
    {
        let end = term_end(start, *period);
        if day >= end {
            return Err(Finding::new(
                Reason::Lapsed,
                format!(
                    "lapsed: its {period} term, counted from {from} on {start}, ended with {}",
                    previous_day(end)
                ),
            ));
        }
    }
    Ok(())
}

use crate::vocab::Status as Status_;

fn treaty_info(instrument: &Instrument<'_>, assumed: bool) -> TreatyInfo {
    let treaty = instrument.treaty;
    let from = start_of(treaty).map(|(d, _)| d);
    let last_day = match (treaty.duration.as_ref().map(|d| &d.value), from) {
        (Some(Term::Fixed { period }), Some(start)) => Some(previous_day(term_end(start, *period))),
        _ => None,
    };
    let status = treaty.status().map(|s| s.word());
    let mut standing = match status {
        Some("draft") => "a draft: never in force".to_string(),
        Some("lapsed") => "lapsed".to_string(),
        _ => match (from, last_day) {
            (Some(from), Some(last)) => format!("in force from {from} to {last}"),
            (Some(from), None) => match treaty.duration.as_ref().map(|d| &d.value) {
                Some(Term::Until { .. }) => format!("in force from {from} until an event"),
                _ => format!("in force from {from}, indefinitely"),
            },
            (None, _) => "in force (no date given)".to_string(),
        },
    };
    if assumed {
        standing.push_str("; assumed in force for this scenario");
    }
    TreatyInfo {
        id: treaty.id.to_string(),
        file: instrument.file.to_string(),
        title: treaty.title.as_ref().map(|t| t.value.to_string()),
        status,
        from: from.map(|d| d.to_string()),
        last_day: last_day.map(|d| d.to_string()),
        standing,
    }
}

// ---------------------------------------------------------------- matching an occurrence

fn is_armed(kind: TriggerKind) -> bool {
    kind.covers_armed_attack() || kind == TriggerKind::NuclearAttack
}

/// Whether an occurrence of `kind` is one the trigger names. An attack includes the
/// threat of it; aggression, armed attack and military operation cover one another; a
/// nuclear attack is an armed attack; a cyber attack is a hybrid attack; a `situation`
/// trigger answers to anything.
pub fn kind_matches(trigger: &Trigger, kind: TriggerKind, aspects: &[ThreatAspect]) -> bool {
    use TriggerKind as K;
    trigger.kinds.iter().any(|&t| match t {
        K::Situation => true,
        K::ArmedAttack | K::Aggression | K::MilitaryOperation => is_armed(kind),
        K::NuclearAttack => kind == K::NuclearAttack,
        K::NuclearThreat => matches!(kind, K::NuclearThreat | K::NuclearAttack),
        K::ThreatOfArmedAttack => {
            is_armed(kind) || matches!(kind, K::ThreatOfArmedAttack | K::NuclearThreat)
        }
        K::Threat => {
            let aspects_meet = trigger.aspects.is_empty()
                || aspects.is_empty()
                || aspects.iter().any(|a| trigger.aspects.contains(a));
            is_armed(kind)
                || matches!(kind, K::ThreatOfArmedAttack | K::NuclearThreat)
                || (kind == K::Threat && aspects_meet)
        }
        K::CeasefireViolation => kind == K::CeasefireViolation,
        K::HybridAttack => matches!(kind, K::HybridAttack | K::CyberAttack),
        K::CyberAttack => kind == K::CyberAttack,
    })
}

fn coverage(treaty: &Treaty, trigger: &Trigger, o: &Occurrence<'_>) -> Option<Finding> {
    if !trigger.against.is_empty() {
        let covered = expand_all(treaty, &trigger.against, o.against);
        return match o.against {
            None => Some(Finding::new(
                Reason::NotCovered,
                format!(
                    "the event names no victim; the trigger covers {}",
                    or_list(&covered)
                ),
            )),
            Some(victim) if !covered.iter().any(|c| c == victim) => Some(Finding::new(
                Reason::NotCovered,
                format!(
                    "the victim, {victim}, is not covered: the trigger covers {}",
                    or_list(&covered)
                ),
            )),
            Some(_) => None,
        };
    }
    let victim = o.against?;
    let situation = trigger.kinds.contains(&TriggerKind::Situation);
    let declared = |code: &str| treaty.party(code).is_some();
    let participant = |code: &str| treaty.party(code).is_some_and(Party::is_participant);
    let concerns = if situation {
        declared(victim) || o.by.is_some_and(declared)
    } else {
        participant(victim)
    };
    (!concerns).then(|| {
        Finding::new(
            Reason::NotCovered,
            format!("the victim, {victim}, is not a party to this treaty"),
        )
    })
}

enum PlaceCheck {
    Inside,
    Outside(String),
    Assumed(String),
}

/// Whether `text` names `name` as a whole word or phrase, ignoring case.
fn names(text: &str, name: &str) -> bool {
    let text = text.to_lowercase();
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return false;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(&name).any(|(i, m)| {
        boundary(text[..i].chars().next_back()) && boundary(text[i + m.len()..].chars().next())
    })
}

/// The names a place goes by: the text, and for a party code the party's name.
fn place_names(treaty: &Treaty, place: &str) -> Vec<String> {
    let mut out = vec![place.to_string()];
    if let Some(name) = treaty.party(place).and_then(|p| p.name.clone()) {
        out.push(name.to_string());
    }
    out
}

/// Places are compared as words: a place is outside when the trigger's `excluding`
/// text names it, or when the scope and the place are both party codes and differ;
/// inside when the scope names it; otherwise it is taken to be inside, with a note.
fn place_check(treaty: &Treaty, trigger: &Trigger, place: Option<&str>) -> PlaceCheck {
    let Some(place) = place else {
        return match &trigger.scope {
            Some(scope) => PlaceCheck::Assumed(format!(
                "the event gives no place; taken to be inside the scope \"{scope}\""
            )),
            None => PlaceCheck::Inside,
        };
    };
    let aliases = place_names(treaty, place);
    if let Some(excluded) = &trigger.excluding {
        if aliases.iter().any(|a| names(excluded, a)) {
            return PlaceCheck::Outside(format!(
                "{place} is excluded from the trigger's scope (excluding \"{excluded}\")"
            ));
        }
    }
    let Some(scope) = &trigger.scope else {
        return PlaceCheck::Inside;
    };
    if aliases.iter().any(|a| names(scope, a)) {
        return PlaceCheck::Inside;
    }
    if treaty.party(scope).is_some() && treaty.party(place).is_some() {
        return PlaceCheck::Outside(format!("{place} is outside the trigger's scope ({scope})"));
    }
    PlaceCheck::Assumed(format!(
        "the scope \"{scope}\" does not name {place}; taken to be inside it"
    ))
}

/// Whether an occurrence of `kind` by a party breaks its standing assurance.
fn breaches(duty: &Duty, kind: TriggerKind) -> bool {
    use TriggerKind as K;
    match duty {
        Duty::Refrain { acts } => acts.iter().any(|act| match act {
            RefrainAct::ThreatOrUseOfForce => {
                !matches!(kind, K::Situation | K::HybridAttack | K::CyberAttack)
            }
            RefrainAct::Aggression => is_armed(kind),
            RefrainAct::NuclearUse => kind == K::NuclearAttack,
            RefrainAct::Interference => matches!(kind, K::HybridAttack | K::CyberAttack),
            RefrainAct::EconomicCoercion => false,
        }),
        Duty::Respect { .. } => is_armed(kind),
        _ => false,
    }
}

// ---------------------------------------------------------------- parties

fn push_unique(out: &mut Vec<String>, code: &str) {
    if !out.iter().any(|c| c == code) {
        out.push(code.to_string());
    }
}

fn expand_all(treaty: &Treaty, refs: &[PartyRef], victim: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for r in refs {
        match r {
            PartyRef::Attacked => {
                if let Some(v) = victim {
                    push_unique(&mut out, v);
                }
            }
            other => {
                for code in treaty.expand(other) {
                    push_unique(&mut out, code);
                }
            }
        }
    }
    out
}

/// Who owes an obligation and to whom, for an attack on `victim`.
fn parties_of(
    treaty: &Treaty,
    obligation: &Obligation,
    victim: Option<&str>,
) -> (Vec<String>, Vec<String>) {
    let mut givers = expand_all(treaty, &obligation.givers, victim);
    if givers.is_empty() {
        // `report to un-security-council`: the parties report.
        givers = treaty
            .parties
            .iter()
            .filter(|p| p.is_participant())
            .map(|p| p.code.to_string())
            .collect();
    }
    let mut receivers = expand_all(treaty, &obligation.receivers, victim);
    match &obligation.duty {
        Duty::Consult { .. } => receivers = givers.clone(),
        Duty::Report { body, .. } => receivers = vec![body_text(body)],
        Duty::Assist { .. } | Duty::Provide { .. } | Duty::Deter { .. } => {
            if receivers.is_empty() {
                if let Some(v) = victim {
                    receivers.push(v.to_string());
                }
            }
            // The attacked party does not owe help to itself.
            if givers.len() > 1 {
                givers.retain(|g| !receivers.contains(g));
            }
        }
        _ => {}
    }
    (givers, receivers)
}

/// Whether an act fulfils an obligation, and for whom.
fn fulfilled_by(
    obligation: &Obligation,
    givers: &[String],
    receivers: &[String],
    act: &Act<'_>,
) -> Vec<String> {
    let is_giver = givers.iter().any(|g| g == act.actor);
    let to_receiver = act.targets.is_empty()
        || receivers.is_empty()
        || act.targets.iter().any(|t| receivers.contains(t));
    let solo = || {
        if is_giver && to_receiver {
            vec![act.actor.to_string()]
        } else {
            Vec::new()
        }
    };
    match (&obligation.duty, act.verb) {
        (Duty::Consult { .. }, Verb::Consults) => {
            let with_party =
                act.targets.is_empty() || act.targets.iter().any(|t| givers.contains(t));
            if !is_giver || !with_party {
                return Vec::new();
            }
            // Consultation is mutual: those consulted have consulted too.
            let mut out = vec![act.actor.to_string()];
            for t in act.targets {
                if givers.contains(t) {
                    push_unique(&mut out, t);
                }
            }
            out
        }
        (Duty::Provide { assistance, .. }, Verb::Provides) => {
            if act.kinds.is_empty() || act.kinds.iter().any(|k| provides(assistance, k)) {
                solo()
            } else {
                Vec::new()
            }
        }
        (Duty::Assist { .. }, Verb::Assists) => solo(),
        (Duty::Assist { means, .. }, Verb::Provides) => {
            if act
                .kinds
                .iter()
                .any(|k| means.iter().any(|m| m.word() == k))
            {
                solo()
            } else {
                Vec::new()
            }
        }
        (Duty::Seek { .. }, Verb::Seeks)
        | (Duty::Report { .. }, Verb::Reports)
        | (Duty::Station { .. } | Duty::Mission { .. }, Verb::Stations) => {
            if is_giver {
                vec![act.actor.to_string()]
            } else {
                Vec::new()
            }
        }
        _ => Vec::new(),
    }
}

/// Whether providing `kind` counts towards providing one of `assistance`: the same
/// kind, one of its details, or a specific military kind under a general one.
fn provides(assistance: &[crate::model::Assistance], kind: &str) -> bool {
    use AssistanceKind as A;
    let given = AssistanceKind::parse(kind);
    assistance.iter().any(|a| {
        let general = matches!(
            a.kind,
            A::MilitaryAid | A::SecurityAssistance | A::MilitaryEquipment | A::Weapons
        );
        Some(a.kind) == given
            || a.details.iter().any(|d| Some(*d) == given)
            || (general && given.is_some_and(|g| g.is_security_cooperation()))
            || (general && Means::parse(kind) == Some(Means::MilitaryEquipment))
    })
}

fn sketch(obligation: &Obligation, givers: &[String], receivers: &[String]) -> Sketch {
    let mut words = vec![obligation.keyword().to_string()];
    match &obligation.duty {
        Duty::Provide { assistance, .. } => {
            for a in assistance {
                words.push(a.kind.word().into());
                words.extend(a.details.iter().map(|d| d.word().to_string()));
            }
        }
        Duty::Assist { means, verb, .. } => {
            words.extend(means.iter().map(|m| m.word().to_string()));
            if obligation.includes_armed_force() {
                words.push(Means::ArmedForce.word().into());
            }
            if *verb != AssistVerb::Assist {
                words.push("assist".into());
            }
        }
        Duty::Refrain { acts } => words.extend(acts.iter().map(|a| a.word().to_string())),
        Duty::Respect { aspects } => words.extend(aspects.iter().map(|a| a.word().to_string())),
        Duty::Seek { body, .. } | Duty::Report { body, .. } => words.push(body_text(body)),
        Duty::Deter { means } => words.push(means.word().into()),
        Duty::Mission { mandate, .. } => words.push(mandate.word().into()),
        Duty::Establish { institution, .. } => words.push(institution.word().into()),
        Duty::Prohibit { what, .. } => words.extend(what.iter().map(|w| w.word().to_string())),
        Duty::Consult { .. } | Duty::Station { .. } | Duty::Indivisible => {}
    }
    let mut parties = givers.to_vec();
    for r in receivers {
        push_unique(&mut parties, r);
    }
    Sketch { words, parties }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn terms_end_on_the_anniversary_or_after_a_short_month() {
        let years = |v| Period {
            value: v,
            unit: Unit::Years,
        };
        assert_eq!(term_end(d("2024-01-12"), years(10)), d("2034-01-12"));
        assert_eq!(term_end(d("2024-02-29"), years(1)), d("2025-03-01"));
        assert_eq!(term_end(d("2024-02-29"), years(4)), d("2028-02-29"));
        let month = Period {
            value: 1,
            unit: Unit::Months,
        };
        assert_eq!(term_end(d("2024-03-31"), month), d("2024-05-01"));
        assert_eq!(term_end(d("2024-03-01"), month), d("2024-04-01"));
        let days = Period {
            value: 3,
            unit: Unit::Days,
        };
        assert_eq!(term_end(d("2024-12-30"), days), d("2025-01-02"));
    }

    #[test]
    fn place_names_are_whole_words() {
        assert!(names(
            "Crimea, Sevastopol and certain areas of Donbas",
            "crimea"
        ));
        assert!(names("Crimea, Sevastopol", "Sevastopol"));
        assert!(!names("Crimean coast", "Crimea"));
        assert!(!names("anything", ""));
    }
}
