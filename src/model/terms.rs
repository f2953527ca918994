//! Time in the model: when an instrument or a clause starts to apply, what voids it,
//! which obligations are suspended between whom, and the dates that anchor a term.
//!
//! These are read by the gap rules (`NOT_YET_ACTIVE`, `PARTLY_SUSPENDED`,
//! `DURATION_NOT_STATED`, forfeiture as `CONDITIONALITY_ON_BENEFICIARY`), by the lints
//! (`L017`, `L018`) and by the scenario engine, which decides at each event whether the
//! instrument has been activated, voided, suspended or terminated.

use serde::{Deserialize, Serialize};

use super::{Date, Event, PartyRef, Text, Treaty};
use crate::source::Span;
use crate::vocab::TriggerKind;

/// When a clause or trigger starts to apply (`from DATE` or `from EVENT`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Applies {
    Date { date: Date },
    Event { event: Event },
}

impl std::fmt::Display for Applies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Applies::Date { date } => write!(f, "{date}"),
            Applies::Event { event } => f.write_str(&event_text(event)),
        }
    }
}

/// An event as written: `nato-accession(UA)`, or a quoted description.
pub fn event_text(event: &Event) -> String {
    match event {
        Event::Named { name, parties } if parties.is_empty() => name.to_string(),
        Event::Named { name, parties } => format!(
            "{name}({})",
            parties
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Event::Described { text } => format!("\"{text}\""),
    }
}

/// What a `void if` waits for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "type")]
pub enum Condition {
    /// A quoted description the engine cannot match against events.
    Described { text: Text },
    /// A named event (`ceasefire-collapse`) or an occurrence of a trigger kind with who
    /// did it to whom, where and how (`armed-attack by UA against RU unprovoked`).
    Happening {
        name: Text,
        /// The trigger kind the name is, when it is one.
        #[serde(skip_serializing_if = "Option::is_none")]
        kind: Option<TriggerKind>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parties: Vec<Text>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        by: Vec<PartyRef>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        against: Vec<PartyRef>,
        #[serde(skip_serializing_if = "Option::is_none")]
        scope: Option<Text>,
        /// How it must have been done: `unprovoked`, `deliberate`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        attributes: Vec<Text>,
    },
}

impl Condition {
    /// The parties whose conduct the condition is about (its `by`), as codes.
    pub fn actors<'t>(&'t self, treaty: &'t Treaty) -> Vec<&'t str> {
        match self {
            Condition::Happening { by, .. } => {
                let mut out: Vec<&str> = Vec::new();
                for r in by {
                    for code in treaty.expand(r) {
                        if !out.contains(&code) {
                            out.push(code);
                        }
                    }
                }
                out
            }
            Condition::Described { .. } => Vec::new(),
        }
    }
}

impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::Described { text } => write!(f, "\"{text}\""),
            Condition::Happening {
                name,
                parties,
                by,
                against,
                scope,
                attributes,
                ..
            } => {
                f.write_str(name)?;
                if !parties.is_empty() {
                    let parties: Vec<&str> = parties.iter().map(|p| p.as_str()).collect();
                    write!(f, "({})", parties.join(", "))?;
                }
                if !by.is_empty() {
                    write!(f, " by {}", super::describe::parties(by))?;
                }
                if !against.is_empty() {
                    write!(f, " against {}", super::describe::parties(against))?;
                }
                if let Some(scope) = scope {
                    write!(f, " in {scope}")?;
                }
                for a in attributes {
                    write!(f, " {a}")?;
                }
                Ok(())
            }
        }
    }
}

/// `suspend GIVERS -> RECEIVERS from DATE [until DATE]`: what the givers owe the
/// receivers is not owed between the dates; the instrument stays in force.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suspension {
    pub givers: Vec<PartyRef>,
    pub receivers: Vec<PartyRef>,
    pub from: Date,
    /// The last day suspended is the day before; `None`: not lifted.
    pub until: Option<Date>,
    pub source: Option<Text>,
    pub span: Span,
}

impl Suspension {
    /// Whether the suspension covers a day.
    pub fn covers(&self, day: Date) -> bool {
        day >= self.from && self.until.is_none_or(|until| day < until)
    }

    /// `US -> NZ`, with groups expanded.
    pub fn between(&self, treaty: &Treaty) -> (Vec<String>, Vec<String>) {
        let expand = |refs: &[PartyRef]| {
            let mut out: Vec<String> = Vec::new();
            for r in refs {
                for code in treaty.expand(r) {
                    if !out.iter().any(|c| c == code) {
                        out.push(code.to_string());
                    }
                }
            }
            out
        };
        (expand(&self.givers), expand(&self.receivers))
    }
}

impl Treaty {
    /// The date a term is counted from, and what it is: entry into force, else
    /// signature, else a draft's proposed date.
    pub fn anchor(&self) -> Option<(Date, &'static str)> {
        self.effective
            .as_ref()
            .map(|d| (d.value, "entry into force"))
            .or_else(|| self.signed.as_ref().map(|d| (d.value, "signature")))
            .or_else(|| {
                self.proposed
                    .as_ref()
                    .map(|d| (d.value, "the proposed date"))
            })
    }
}
