//! Model types for who gives and receives, and with what: group parties, limits on
//! the beneficiary, whose forces a ban is about, guarantees by reference and
//! foreseen instruments (`docs/language.md`, "Coalitions, limits and references").

use serde::{Deserialize, Serialize};

use super::vocab::{Form, RatificationState};
use super::{PartyRef, Text};
use crate::span::Span;

/// Whose forces a `prohibit` is about (`prohibit stationing of NATO in UA`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum ForcesOf {
    Parties { parties: Vec<PartyRef> },
    Described { text: Text },
}

/// How another text is referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReferenceKind {
    /// `incorporate NAME`: its obligations and triggers, with their parties.
    Incorporate,
    /// `mirror NAME`: its obligations, its members mapped onto this instrument's
    /// guarantors (as givers) and beneficiaries (as those protected).
    Mirror,
    /// `in-addition-to NAME`: this instrument adds to that one.
    InAdditionTo,
    /// `in scope-of NAME`: a trigger takes that treaty's armed-attack scope.
    ScopeOf,
}

impl ReferenceKind {
    pub fn keyword(self) -> &'static str {
        match self {
            ReferenceKind::Incorporate => "incorporate",
            ReferenceKind::Mirror => "mirror",
            ReferenceKind::InAdditionTo => "in-addition-to",
            ReferenceKind::ScopeOf => "scope-of",
        }
    }

    /// Whether the referenced text supplies content of this one.
    pub fn imports_content(self) -> bool {
        !matches!(self, ReferenceKind::InAdditionTo)
    }
}

/// A reference to another treaty, resolved after the file's own model is built
/// (`crate::references`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub kind: ReferenceKind,
    /// The referenced treaty's name (`north_atlantic_1949`, `article5-baseline`).
    pub name: Text,
    /// `from "PATH"`, relative to the referencing file.
    pub path: Option<Text>,
    /// Where it was found, once resolved ("same file", a path, "bundled baseline").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found_in: Option<Text>,
    pub span: Span,
}

/// `foresees treaty ratification required`: the instrument the parties commit to
/// conclude.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Foresees {
    pub form: Form,
    pub ratification: Option<RatificationState>,
}
