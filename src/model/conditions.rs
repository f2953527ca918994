//! Conditions on a guarantee: who decides on the response and how (`decided-by`), and
//! helpers for thresholds (`threshold significant, deliberate, sustained`) and classes
//! of attacker (`by any "European Power"`).

use serde::{Deserialize, Serialize};

use super::{PartyRef, Text, Treaty, Trigger};
use crate::source::Span;
use crate::vocab::{Threshold, Vote};

/// Who decides whether and how the response is given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Decider {
    /// Declared parties (`decided-by US`, `decided-by all guarantors`).
    Parties { parties: Vec<PartyRef> },
    /// A named organ (`decided-by "Organ of Consultation"`, `decided-by council`).
    Body { name: Text },
}

/// `decided-by DECIDER [VOTE] [after consultation [with PARTIES]]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    pub by: Decider,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<Vote>,
    /// `Some` when the decision comes after consultation; the parties consulted, if
    /// named (empty when not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation: Option<Vec<PartyRef>>,
    pub span: Span,
}

impl Decision {
    /// The decider as it reads: `US`, `"Organ of Consultation"`, `all guarantors`.
    pub fn decider_text(&self) -> String {
        match &self.by {
            // Quoted as the language writes it, unless it is one word (`council`).
            Decider::Body { name } if name.contains(char::is_whitespace) => format!("\"{name}\""),
            Decider::Body { name } => name.to_string(),
            Decider::Parties { parties } => parties
                .iter()
                .map(super::describe::party_ref)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// The whole decision step as it reads, without the keyword: `US after
    /// consultation with UA, NATO`.
    pub fn text(&self) -> String {
        let mut out = self.decider_text();
        if let Some(vote) = self.vote {
            out.push(' ');
            out.push_str(vote.word());
        }
        if let Some(with) = &self.consultation {
            out.push_str(" after consultation");
            if !with.is_empty() {
                out.push_str(" with ");
                out.push_str(
                    &with
                        .iter()
                        .map(super::describe::party_ref)
                        .collect::<Vec<_>>()
                        .join(", "),
                );
            }
        }
        out
    }

    /// Whether a single member can block the decision (unanimity, consensus).
    pub fn is_veto(&self) -> bool {
        self.vote.is_some_and(Vote::is_veto)
    }

    /// A vote that a qualified number of members decides (two-thirds, majority).
    pub fn is_collective_vote(&self) -> bool {
        self.vote.is_some_and(|v| !v.is_veto())
    }

    /// The codes of the parties that decide, in the treaty's terms (empty for a body).
    pub fn deciders<'a>(&'a self, treaty: &'a Treaty) -> Vec<&'a str> {
        match &self.by {
            Decider::Body { .. } => Vec::new(),
            Decider::Parties { parties } => {
                let mut out: Vec<&str> = Vec::new();
                for p in parties {
                    for code in treaty.expand(p) {
                        if !out.contains(&code) {
                            out.push(code);
                        }
                    }
                }
                out
            }
        }
    }
}

/// Threshold words joined as prose: `significant, deliberate and sustained`.
pub fn threshold_text(words: &[Threshold]) -> String {
    let words: Vec<&str> = words.iter().map(|t| t.word()).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Trigger {
    /// The classes of attacker the trigger names (`by any "European Power"`).
    pub fn attacker_classes(&self) -> impl Iterator<Item = &Text> {
        self.by.iter().filter_map(|b| match b {
            PartyRef::Class { name } => Some(name),
            _ => None,
        })
    }
}

/// An attack of the given kinds qualified by a threshold, as prose: "a significant,
/// deliberate and sustained armed attack", "an armed attack that puts the party in a
/// state of war".
pub fn graded_attack(threshold: &[Threshold], kinds: &str) -> String {
    let adjectives: Vec<Threshold> = threshold
        .iter()
        .copied()
        .filter(|t| *t != Threshold::StateOfWar)
        .collect();
    let mut out = if adjectives.is_empty() {
        kinds.to_string()
    } else {
        format!("{} {kinds}", threshold_text(&adjectives))
    };
    if threshold.contains(&Threshold::StateOfWar) {
        out.push_str(" that puts the party in a state of war");
    }
    let vowel = out.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {out}", if vowel { "an" } else { "a" })
}

impl Decision {
    /// Every party the procedure names: the deciders and those consulted.
    pub fn parties(&self) -> impl Iterator<Item = &PartyRef> {
        let deciders: &[PartyRef] = match &self.by {
            Decider::Parties { parties } => parties,
            Decider::Body { .. } => &[],
        };
        deciders.iter().chain(self.consultation.iter().flatten())
    }
}

impl Treaty {
    /// Every decision procedure, on triggers and on obligations.
    pub fn decisions(&self) -> impl Iterator<Item = &Decision> {
        self.triggers
            .iter()
            .filter_map(|t| t.decision.as_ref())
            .chain(
                self.all_obligations()
                    .filter_map(|(_, o)| o.decision.as_ref()),
            )
    }
}
