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
//!
//! Here: the run's types and the event loop. Trigger evaluation is in `trigger`, the
//! obligation ledger in `ledger` (with who owes whom in `parties`), fulfilment by acts
//! in `fulfilment`, and whether a treaty binds on a day in `standing`.

mod conditions;
mod fulfilment;
mod ledger;
mod life;
pub mod lifecycle;
mod parties;
mod standing;
mod term;
mod trigger;

pub use conditions::DecisionStep;
use lifecycle::Life;
use standing::treaty_info;
pub use standing::{is_discretionary, standing_at, standing_on};
use term::unchecked_term;
pub use term::{term_end, term_standing};
pub use trigger::kind_matches;

use std::collections::BTreeSet;

use serde::Serialize;

use super::describe::*;
use super::{Event, Happening, Instant, Reason, Scenario, StatusWord, Verb};
use crate::cancel::Cancel;
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
    /// The file's text, for line numbers...
    pub text: &'a str,
    /// ...and its line index, built once per file: one per instrument and run made
    /// `treaty test` quadratic (10.4 GB for 10,000 treaties and 1,000 scenarios in one
    /// 2.3 MB file, issue 19).
    pub lines: &'a LineIndex,
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
    /// Obligations whose decision this act took (`US decides at T`), by `id`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub decides: Vec<usize>,
    /// What a named event or an occurrence did to the instruments: activated, voided.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub effects: Vec<String>,
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
    pub(crate) fn new(code: Reason, message: impl Into<String>) -> Self {
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
    /// A measure that took effect by itself when its event happened (`reinstate ... on`).
    Automatic,
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
    /// The decision the response waits for (`decided-by`), and when it was taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionStep>,
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
    run_until(scenario, instruments, &Cancel::never())
}

/// [`run`], stopping before the next event once `cancel` is set: the run is then of
/// the events before it.
pub fn run_until(scenario: &Scenario, instruments: &[Instrument<'_>], cancel: &Cancel) -> Run {
    // An event is a few trigger evaluations: read the flag once in a while only.
    let mut poll = cancel.check_every(16);
    let mut order: Vec<usize> = (0..scenario.events.len()).collect();
    order.sort_by_key(|&i| (scenario.events[i].at, i));
    let events: Vec<&Event> = order.iter().map(|&i| &scenario.events[i]).collect();
    let end = scenario.end.or_else(|| events.last().map(|e| e.at));
    let mut engine = Engine {
        instruments,
        lives: vec![Life::default(); instruments.len()],
        assume_signed: scenario.assume_signed,
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
                decides: Vec::new(),
                effects: Vec::new(),
                span: e.span,
            })
            .collect(),
    };
    for (index, event) in events.iter().enumerate() {
        if poll.step() {
            break;
        }
        match &event.happening {
            Happening::Occurrence { .. } => {
                engine.occurrence(index, event);
                engine.record(index, event);
            }
            Happening::Named { .. } => engine.record(index, event),
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
        .map(|i| treaty_info(i, scenario.assume_in_force, scenario.assume_signed))
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
    /// Parallel to `instruments`: what each has seen happen.
    lives: Vec<Life>,
    assume_signed: Option<Date>,
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
    attributes: &'e [EventAttribute],
    at: Instant,
}

impl<'a> Engine<'_, 'a> {
    fn line(&self, instrument: usize, span: Span) -> usize {
        let instrument = &self.instruments[instrument];
        instrument.lines.line_col(instrument.text, span.start).0
    }

    fn occurrence(&mut self, index: usize, event: &Event) {
        let Happening::Occurrence {
            kind,
            aspects,
            by,
            against,
            place,
            attributes,
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
            attributes,
            at: event.at,
        };
        for (i, instrument) in self.instruments.iter().enumerate() {
            let treaty = instrument.treaty;
            let day = event.at.local_date();
            let standing = if self.assume {
                term_standing(treaty, day, self.assume_signed)
            } else {
                standing_on(treaty, day, self.assume_signed)
            };
            for trigger in &treaty.triggers {
                self.evaluate(i, trigger, index, &occurrence, standing.as_ref().err());
            }
            if standing.is_ok() {
                self.breaches(i, index, &occurrence);
            }
        }
    }
}
