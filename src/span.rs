//! `Span`, a byte range in a source file: what every stage uses to point at text.
//! It imports nothing from the crate, so any module may use it; it must not learn
//! about lines, files or diagnostics (the line index is in [`crate::source`]).

use serde::{Deserialize, Serialize};

/// A byte range in a source file.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Whether the byte offset lies in the span (an empty span contains its start).
    pub fn contains(&self, offset: usize) -> bool {
        offset == self.start || (self.start..self.end).contains(&offset)
    }
    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

impl From<pest::Span<'_>> for Span {
    fn from(span: pest::Span<'_>) -> Self {
        Span::new(span.start(), span.end())
    }
}
