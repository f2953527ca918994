//! The syntax tree of `scenario` blocks: events on a timeline, the treaties they run
//! against, and the expectations about what follows. Words are kept as written; the
//! scenario resolver (`crate::scenario::resolve`) checks them.

use serde::{Deserialize, Serialize};

use super::{Period, Spanned, Text, Word};
use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// `None` when the header did not parse.
    pub name: Option<Word>,
    pub header_span: Span,
    pub span: Span,
    pub items: Vec<ScenarioItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ScenarioItem {
    /// `treaty "../file.treaty"` or `treaty name` (a treaty in the same file).
    Use {
        target: UseTarget,
        span: Span,
    },
    /// `assume in-force`: a what-if about the treaties' standing; `assume signed DATE`
    /// dates a signature the treaties do not give.
    Assume {
        what: Word,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at: Option<Word>,
        span: Span,
    },
    Event(Happening),
    /// `end 2027-04-01T00:00Z`: when the monitoring log is closed.
    End {
        at: Word,
        span: Span,
    },
    Expect(Expectation),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum UseTarget {
    Path(Spanned<Text>),
    Treaty(Word),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ScenePlace {
    Party(Word),
    Described(Spanned<Text>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Happening {
    /// `armed-attack by RU against UA in "Kharkiv" at 2027-03-01T06:00Z`
    Occurrence {
        kind: Word,
        /// A named event's parties: `nato-accession(UA)`.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        parties: Vec<Word>,
        aspects: Vec<Word>,
        by: Option<Word>,
        against: Option<Word>,
        place: Option<ScenePlace>,
        at: Word,
        /// What the attack was like, after the time: `significant deliberate`, `minor`.
        #[serde(default)]
        attributes: Vec<Word>,
        span: Span,
    },
    /// `UK provides air-defence to UA at 2027-03-02T10:00Z`
    Action {
        actor: Word,
        verb: Word,
        kinds: Vec<Word>,
        targets: Vec<Word>,
        means: Vec<Word>,
        at: Word,
        span: Span,
    },
}

impl Scenario {
    /// The party codes the block names (in events and expectations), each with its
    /// span, in the order written.
    pub fn party_words(&self) -> Vec<&Word> {
        let mut out = Vec::new();
        for item in &self.items {
            match item {
                ScenarioItem::Event(Happening::Occurrence {
                    parties,
                    by,
                    against,
                    place,
                    ..
                }) => {
                    out.extend(parties);
                    out.extend(by.iter().chain(against));
                    if let Some(ScenePlace::Party(w)) = place {
                        out.push(w);
                    }
                }
                ScenarioItem::Event(Happening::Action { actor, targets, .. }) => {
                    out.push(actor);
                    out.extend(targets);
                }
                ScenarioItem::Expect(expectation) => out.extend(&expectation.parties),
                _ => {}
            }
        }
        out
    }
}

impl Happening {
    pub fn span(&self) -> Span {
        match self {
            Happening::Occurrence { span, .. } | Happening::Action { span, .. } => *span,
        }
    }
}

/// `expect [no] [fulfilled|violated|pending] WHAT [PARTIES] [by TIME] [late PERIOD]
/// [because REASON]`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Expectation {
    pub negated: bool,
    pub status: Option<Word>,
    pub what: Word,
    pub parties: Vec<Word>,
    pub due: Option<Word>,
    pub late: Option<Period>,
    pub because: Option<Word>,
    pub span: Span,
}
