//! Rules: the tier classifier, the element-by-element comparison with a baseline
//! (gaps), the drafting lints, and the registry of every code the tool can emit.
//!
//! Rules read the [`crate::model`] only; they never see syntax or source text (except
//! [`suppress`], which applies the suppression comments the syntax stage found). They
//! must not import the configuration or anything above it: the [`registry`] sits here
//! so that the configuration can check rule names against it.

#[cfg(feature = "broken-rule-experiment")]
pub mod broken;
pub mod gaps;
pub mod lints;
pub mod next_tier;
pub mod provisional;
pub mod registry;
pub mod suppress;
pub mod tier;

use serde::Serialize;

use crate::model::Treaty;
pub use gaps::{Baseline, Gap};
pub use tier::{Tier, TierAssessment};

/// Everything the rules conclude about one treaty.
#[derive(Debug, Clone, Serialize)]
pub struct TreatyReport {
    pub id: String,
    pub title: Option<String>,
    pub tier: TierAssessment,
    pub gaps: Vec<Gap>,
    /// The treaty's header line, to find its text again.
    #[serde(skip)]
    pub header_span: crate::span::Span,
    /// For a treaty below hard: the smallest changes found that reach each tier
    /// above it. Empty until a front end asks `crate::uplift` to fill it in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub next_tier: Vec<next_tier::TierPath>,
    /// Set when a clause could not be read: the verdict rests on the rest
    /// ([`provisional`]); the gaps that may only follow from it are left out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<provisional::Provisional>,
}

pub fn assess(treaty: &Treaty, baseline: &Baseline) -> TreatyReport {
    let provisional = provisional::assess(treaty);
    let mut gaps = baseline.gaps(treaty);
    if let Some(provisional) = &provisional {
        gaps.retain(|gap| !provisional.withholds(gap));
    }
    TreatyReport {
        id: treaty.id.to_string(),
        title: treaty.title.as_ref().map(|t| t.value.to_string()),
        tier: tier::classify(treaty),
        gaps,
        header_span: treaty.header_span,
        next_tier: Vec::new(),
        provisional,
    }
}
