//! What would move a treaty up a tier: the shape of the answer, as data. The search
//! that finds it edits the source and re-runs the pipeline, so it lives above the
//! rules (`crate::uplift`); the rules only hold the result in [`super::TreatyReport`]
//! so that every renderer can show it.

use serde::Serialize;

use super::Tier;

/// The smallest set of clause changes found that gives the treaty `tier`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierPath {
    pub tier: Tier,
    /// The changes, in line order. Empty with `found == false`.
    pub edits: Vec<Edit>,
    /// False when no combination of changes within the search's bound reached the
    /// tier.
    pub found: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EditAction {
    Insert,
    Replace,
    Delete,
}

impl EditAction {
    pub fn as_str(self) -> &'static str {
        match self {
            EditAction::Insert => "insert",
            EditAction::Replace => "replace",
            EditAction::Delete => "delete",
        }
    }
}

/// One change to the source, by whole lines. Line numbers are those of the file as it
/// stands: apply several changes from the bottom up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edit {
    /// 1-based: the first line removed, or the line the inserted text goes before.
    pub line: usize,
    pub action: EditAction,
    /// The lines removed, as written (empty for an insert).
    pub removed: Vec<String>,
    /// The lines put in their place, indented like the file (empty for a delete).
    pub insert: Vec<String>,
    /// What the change does for the tier, in words.
    pub why: String,
}

impl Edit {
    /// "line 7: replace `form declaration` with `form treaty`"
    pub fn describe(&self) -> String {
        let join = |lines: &[String]| lines.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        match self.action {
            EditAction::Insert => format!("line {}: insert `{}`", self.line, join(&self.insert)),
            EditAction::Delete => format!("line {}: delete `{}`", self.line, join(&self.removed)),
            EditAction::Replace => format!(
                "line {}: replace `{}` with `{}`",
                self.line,
                join(&self.removed),
                join(&self.insert)
            ),
        }
    }
}

impl TierPath {
    /// "intermediate (1 change)" or "hard: no combination of up to 4 changes found"
    pub fn heading(&self) -> String {
        if !self.found {
            return format!(
                "to reach {}: no small set of clause changes found",
                self.tier
            );
        }
        let n = self.edits.len();
        format!(
            "to reach {} ({} change{}):",
            self.tier,
            n,
            if n == 1 { "" } else { "s" }
        )
    }
}
