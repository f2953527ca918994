//! The scenario engine: a front end that runs treaties over time. Events (attacks,
//! threats, and what parties did) are put on a timeline; every trigger of every treaty
//! is evaluated against them in time order; the result says which obligations fired,
//! who owes what to whom and by when, which triggers stayed silent and why, and whether
//! each obligation was fulfilled, violated or is still pending when the log closes.
//!
//! It reads treaties only through [`crate::model::model_of`] and scenario text only
//! through the grammar (`scenario` blocks, `probe_happening` for `--event`).

pub mod block;
pub mod describe;
pub mod engine;
pub mod expect;
pub mod load;
pub mod named;
pub mod parties;
pub mod render;
pub mod resolve;
pub mod time;

use serde::Serialize;

use crate::model::vocab::{EventAttribute, ThreatAspect, TriggerKind};
use crate::model::Period;
use crate::span::Span;
pub use time::Instant;

/// Codes of the diagnostics `treaty simulate` and `treaty test` emit, declared in the
/// registry (which must list them and sits below this stage).
pub use crate::rules::registry::scenario_codes as codes;

/// What a party did, as a monitoring mission would log it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verb {
    Consults,
    Provides,
    Assists,
    Reports,
    Seeks,
    Stations,
    Withdraws,
    /// `US decides at T`: the decision a `decided-by` response waits for.
    Decides,
}

impl Verb {
    pub fn parse(word: &str) -> Option<Verb> {
        Some(match word {
            "consults" => Verb::Consults,
            "provides" => Verb::Provides,
            "assists" | "defends" | "acts" => Verb::Assists,
            "reports" => Verb::Reports,
            "seeks" => Verb::Seeks,
            "stations" | "deploys" => Verb::Stations,
            "withdraws" => Verb::Withdraws,
            "decides" => Verb::Decides,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum Happening {
    Occurrence {
        kind: TriggerKind,
        aspects: Vec<ThreatAspect>,
        by: Option<String>,
        against: Option<String>,
        /// Where it happened, when the event says (`in "Kharkiv"` or `in UA`).
        place: Option<String>,
        /// What it was like, for thresholds: `significant`, `minor`.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        attributes: Vec<EventAttribute>,
    },
    Action {
        actor: String,
        verb: Verb,
        /// Kinds provided (`air-defence`), means used (`armed-force`), or a body.
        kinds: Vec<String>,
        targets: Vec<String>,
    },
    /// An event a treaty names (`ceasefire-in-force`, `nato-accession(UA)`), not a
    /// trigger kind: it activates, voids or anchors, and fires no trigger itself.
    Named {
        name: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        parties: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub at: Instant,
    pub happening: Happening,
    /// As written, for the timeline.
    pub text: String,
    /// Where it was written in a scenario file (absent for `--event`).
    #[serde(skip)]
    pub span: Option<Span>,
}

/// Outcome of one obligation, as a status word for expectations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatusWord {
    Fulfilled,
    Violated,
    Pending,
}

impl StatusWord {
    pub fn word(self) -> &'static str {
        match self {
            StatusWord::Fulfilled => "fulfilled",
            StatusWord::Violated => "violated",
            StatusWord::Pending => "pending",
        }
    }

    pub fn parse(word: &str) -> Option<StatusWord> {
        match word {
            "fulfilled" => Some(StatusWord::Fulfilled),
            "violated" => Some(StatusWord::Violated),
            "pending" => Some(StatusWord::Pending),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expectation {
    pub negated: bool,
    pub status: Option<StatusWord>,
    pub what: String,
    pub parties: Vec<String>,
    pub due: Option<Instant>,
    pub late: Option<Period>,
    /// A reason word (`lapsed`, `not-adversary`, ...), checked by the engine.
    pub because: Option<String>,
    pub span: Span,
}

/// Which treaties a scenario runs against.
#[derive(Debug, Clone, PartialEq)]
pub enum TreatyRef {
    /// A file, relative to the scenario's own file.
    Path { path: String, span: Span },
    /// A treaty defined in the scenario's own file.
    Named { name: String, span: Span },
}

/// A scenario block after its words and times are checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub span: Span,
    pub header_span: Span,
    pub treaties: Vec<TreatyRef>,
    pub events: Vec<Event>,
    pub end: Option<Instant>,
    /// `assume in-force`: run the treaties as if in force, whatever their status and dates.
    pub assume_in_force: bool,
    /// `assume signed DATE` (or `--assume-signed`): a signature date for treaties that
    /// give none, so that a fixed term can be counted.
    pub assume_signed: Option<crate::model::Date>,
    pub expectations: Vec<Expectation>,
}

impl Scenario {
    /// A scenario made of events given on the command line.
    pub fn from_events(name: impl Into<String>, events: Vec<Event>) -> Scenario {
        Scenario {
            name: name.into(),
            span: Span::default(),
            header_span: Span::default(),
            treaties: Vec::new(),
            events,
            end: None,
            assume_in_force: false,
            assume_signed: None,
            expectations: Vec::new(),
        }
    }
}

/// Why a trigger stays silent, or what a trigger or obligation that fires carries.
/// The words are what `because` in an expectation names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "&'static str")]
pub enum Reason {
    /// The event is not of a kind the trigger names.
    WrongKind,
    /// The attacker is not the one the trigger names (`by`), or the event names none.
    NotAdversary,
    /// The victim is not one the trigger covers (`against`), or the event names none.
    NotCovered,
    /// The place is excluded from, or outside, the trigger's scope.
    OutOfScope,
    /// The instrument was signed after the event.
    NotYetSigned,
    /// Signed, but its entry into force (`effective`) comes after the event.
    NotYetInForce,
    /// A draft, or signed but never ratified: it never entered into force.
    NotInForce,
    /// Its fixed term had run out, or its status is lapsed.
    Lapsed,
    /// Fires, but a qualifier leaves the response to the party's discretion.
    Discretionary,
    /// The attacker is itself a guarantor (or member) of the instrument.
    AttackerIsGuarantor,
    /// Fires subject to a condition the scenario does not record (a request, funding).
    Conditional,
    /// Fires with no deadline: it can be late only in a political sense.
    NoDeadline,
    /// Fires because the scenario assumes the instrument in force (`assume in-force`).
    AssumedInForce,
    /// The trigger has a geographic scope the engine could not check against the place.
    PlaceAssumed,
    /// The event falls short of the trigger's threshold (`minor` where it needs
    /// `significant`).
    BelowThreshold,
    /// The event does not say what the trigger needs to know: an attribute its
    /// threshold names, or whether the attacker belongs to a class of attackers.
    Undetermined,
    /// Fires, but the response waits for a decision (`decided-by`) not yet taken.
    AwaitsDecision,
    /// The event the instrument (or the clause) waits for has not happened yet.
    NotYetActive,
    /// A `void if` condition has happened: the instrument no longer applies.
    Void,
    /// The instrument was terminated (`terminated DATE`) before the event.
    Terminated,
    /// A `suspend` clause takes some parties' obligations out.
    Suspended,
    /// A fixed term that could not be counted: no date to anchor it.
    TermUnchecked,
    /// A measure that takes effect by itself (`reinstate ... automatically`).
    Automatic,
}

impl Reason {
    pub const ALL: &'static [Reason] = &[
        Reason::WrongKind,
        Reason::NotAdversary,
        Reason::NotCovered,
        Reason::OutOfScope,
        Reason::NotYetSigned,
        Reason::NotYetInForce,
        Reason::NotInForce,
        Reason::Lapsed,
        Reason::Discretionary,
        Reason::AttackerIsGuarantor,
        Reason::Conditional,
        Reason::NoDeadline,
        Reason::AssumedInForce,
        Reason::PlaceAssumed,
        Reason::BelowThreshold,
        Reason::Undetermined,
        Reason::AwaitsDecision,
        Reason::NotYetActive,
        Reason::Void,
        Reason::Terminated,
        Reason::Suspended,
        Reason::TermUnchecked,
        Reason::Automatic,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Reason::WrongKind => "wrong-kind",
            Reason::NotAdversary => "not-adversary",
            Reason::NotCovered => "not-covered",
            Reason::OutOfScope => "out-of-scope",
            Reason::NotYetSigned => "not-yet-signed",
            Reason::NotYetInForce => "not-yet-in-force",
            Reason::NotInForce => "not-in-force",
            Reason::Lapsed => "lapsed",
            Reason::Discretionary => "discretionary",
            Reason::AttackerIsGuarantor => "attacker-is-guarantor",
            Reason::Conditional => "conditional",
            Reason::NoDeadline => "no-deadline",
            Reason::AssumedInForce => "assumed-in-force",
            Reason::PlaceAssumed => "place-assumed",
            Reason::BelowThreshold => "below-threshold",
            Reason::Undetermined => "undetermined",
            Reason::AwaitsDecision => "awaits-decision",
            Reason::NotYetActive => "not-yet-active",
            Reason::Void => "voided",
            Reason::Terminated => "after-termination",
            Reason::Suspended => "suspended",
            Reason::TermUnchecked => "term-unchecked",
            Reason::Automatic => "automatic",
        }
    }

    pub fn parse(word: &str) -> Option<Reason> {
        Reason::ALL.iter().copied().find(|r| r.word() == word)
    }

    pub fn words() -> impl Iterator<Item = &'static str> {
        Reason::ALL.iter().map(|r| r.word())
    }

    /// Whether this reason keeps a trigger from firing (the others accompany a firing).
    pub fn silences(self) -> bool {
        matches!(
            self,
            Reason::WrongKind
                | Reason::NotAdversary
                | Reason::NotCovered
                | Reason::OutOfScope
                | Reason::NotYetSigned
                | Reason::NotYetInForce
                | Reason::NotInForce
                | Reason::Lapsed
                | Reason::BelowThreshold
                | Reason::Undetermined
                | Reason::NotYetActive
                | Reason::Void
                | Reason::Terminated
        )
    }
}

impl From<Reason> for &'static str {
    fn from(reason: Reason) -> Self {
        reason.word()
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.word())
    }
}
