//! The scenario engine (in progress: event model, time arithmetic and resolution are
//! here; trigger evaluation is not yet written): a front end that runs treaties over time. Events (attacks,
//! threats, and what parties did) are put on a timeline; every trigger of every treaty
//! is evaluated against them in time order; the result says which obligations fired,
//! who owes what to whom and by when, which triggers stayed silent and why, and whether
//! each obligation was fulfilled, violated or is still pending when the log closes.
//!
//! It reads treaties only through [`crate::analysis::model_of`] and scenario text only
//! through the grammar (`scenario` blocks, `probe_happening` for `--event`).

pub mod resolve;
pub mod time;

use serde::Serialize;

use crate::model::vocab::{ThreatAspect, TriggerKind};
use crate::model::Period;
use crate::source::Span;
pub use time::Instant;

pub mod codes {
    //! Codes of the diagnostics `treaty simulate` and `treaty test` emit.
    /// An expectation that the run did not meet.
    pub const EXPECTATION_FAILED: &str = "S001";
    /// An event or expectation with an unknown word or an impossible time.
    pub const BAD_EVENT: &str = "S002";
    /// A `treaty` reference that cannot be read or names no treaty.
    pub const BAD_TREATY_REFERENCE: &str = "S003";
}

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
    },
    Action {
        actor: String,
        verb: Verb,
        /// Kinds provided (`air-defence`), means used (`armed-force`), or a body.
        kinds: Vec<String>,
        targets: Vec<String>,
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
    pub expectations: Vec<Expectation>,
}
