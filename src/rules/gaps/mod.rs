//! Gaps: a treaty compared with a baseline, element by element.
//!
//! Each element (one file here) looks at a treaty and reports findings, each with a
//! stable gap code. A finding is a gap unless the baseline itself produces the same
//! code: the baseline's own weaknesses (Article 5 leaves the choice of means to each
//! ally, and its consultation article has no deadline) are never held against a treaty.
//! The bundled baseline is `treaties/article5-baseline.treaty`; any other `.treaty`
//! file can serve.

mod activation;
mod armed_force;
mod beneficiary_limits;
mod binding;
mod by_reference;
mod consultation;
mod decision;
mod durability;
mod duty_to_assist;
pub mod fix;
mod forfeiture;
mod guarantor_integrity;
mod immediacy;
mod indivisibility;
mod institution;
mod nuclear;
mod qualifiers;
mod reciprocity;
mod scope;
mod stationing;
mod trigger;

pub use binding::ratified;

use serde::Serialize;
use std::collections::BTreeSet;

use crate::model::{Duty, Obligation, Treaty, Trigger};
use crate::span::Span;

/// Documentation of one gap code.
#[derive(Debug, Clone, Copy)]
pub struct GapRule {
    pub code: &'static str,
    pub name: &'static str,
    /// One line: what the gap means.
    pub summary: &'static str,
    /// Why it weakens a guarantee.
    pub why: &'static str,
    /// A small treaty that has this gap (the rule catalogue's example; tested).
    pub example: &'static str,
    /// The clause to add or strengthen.
    pub fix: &'static str,
    /// Whether the finding means the element is absent or only weakened.
    pub shortfall: Shortfall,
}

/// What a gap says about its element: absent altogether, or present but weakened (by
/// a hedge, a qualifier, a late deadline, a narrow scope). `treaty compare` reads an
/// element with only `Weakened` gaps as partly met, and one with a `Missing` gap as
/// missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shortfall {
    Missing,
    Weakened,
    /// The text does not say (`duration not-stated`): neither met nor a known shortfall.
    Unknown,
}

/// One element of the baseline obligation and the gap codes it can produce.
pub struct Element {
    pub id: &'static str,
    pub title: &'static str,
    /// An element that only applies when another is present: without a duty to
    /// assist there is nothing to be immediate, so immediacy cannot be met either.
    pub requires: Option<&'static str>,
    pub rules: &'static [GapRule],
    pub assess: fn(&Treaty, &Facts) -> Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub span: Span,
    pub message: String,
    /// The weakness in a word or two ("legal-requirements", "72 hours"), for tables.
    pub detail: Option<String>,
    /// What this finding says about its element, when not what its rule says (a
    /// weaker recital of indivisibility weakens the element the rule calls missing).
    pub shortfall: Option<Shortfall>,
    /// The help and edit that close this gap in this file, when the rule can write
    /// them with the file's own parties; else the rule's `fix` text is the help.
    pub fix: Option<fix::Fix>,
}

impl Finding {
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Finding {
            code,
            span,
            message: message.into(),
            detail: None,
            shortfall: None,
            fix: None,
        }
    }

    /// The help and edit for this finding, written for this file.
    pub fn with_fix(mut self, fix: fix::Fix) -> Self {
        self.fix = Some(fix);
        self
    }

    /// This finding weakens its element rather than saying it is missing.
    pub fn weakening(mut self) -> Self {
        self.shortfall = Some(Shortfall::Weakened);
        self
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub element: &'static str,
    #[serde(skip)]
    pub element_title: &'static str,
    pub code: &'static str,
    pub message: String,
    pub help: String,
    /// The edit the help describes, when one clause closes the gap.
    #[serde(skip)]
    pub edit: Option<fix::Edit>,
    pub span: Span,
    /// The weakness in a word or two; not part of `check`'s JSON.
    #[serde(skip)]
    pub detail: Option<String>,
    /// Whether this gap means its element is missing or weakened.
    #[serde(skip)]
    pub shortfall: Shortfall,
}

/// Every element, in the order gaps are listed.
pub const ELEMENTS: &[&Element] = &[
    &binding::ELEMENT,
    &reciprocity::ELEMENT,
    &trigger::ELEMENT,
    &indivisibility::ELEMENT,
    &duty_to_assist::ELEMENT,
    &armed_force::ELEMENT,
    &immediacy::ELEMENT,
    &consultation::ELEMENT,
    &qualifiers::ELEMENT,
    &durability::ELEMENT,
    &stationing::ELEMENT,
    &nuclear::ELEMENT,
    &institution::ELEMENT,
    &guarantor_integrity::ELEMENT,
    &beneficiary_limits::ELEMENT,
    &by_reference::ELEMENT,
];

pub fn gap_rule(code: &str) -> Option<(&'static Element, &'static GapRule)> {
    ELEMENTS
        .iter()
        .flat_map(|e| e.rules.iter().map(move |r| (*e, r)))
        .find(|(_, r)| r.code == code)
}

/// Facts several elements need, computed once per treaty.
pub struct Facts<'t> {
    /// Triggers set off by an attack of any kind.
    pub attack_triggers: Vec<&'t Trigger>,
    /// Duties to assist, defend or act inside attack triggers.
    pub assistance_duties: Vec<&'t Obligation>,
    /// Consultation clauses anywhere.
    pub consultations: Vec<&'t Obligation>,
    /// The baseline the treaty is compared with (itself, when the baseline's own
    /// findings are computed); `None` when there is none.
    pub baseline: Option<&'t Treaty>,
}

impl<'t> Facts<'t> {
    pub fn of(treaty: &'t Treaty, baseline: Option<&'t Treaty>) -> Self {
        let attack_triggers: Vec<&Trigger> = treaty.attack_triggers().collect();
        let assistance_duties = attack_triggers
            .iter()
            .flat_map(|t| t.obligations.iter())
            .filter(|o| o.is_assistance_duty())
            .collect();
        let consultations = treaty
            .all_obligations()
            .map(|(_, o)| o)
            .filter(|o| matches!(o.duty, Duty::Consult { .. }))
            .collect();
        Facts {
            attack_triggers,
            assistance_duties,
            consultations,
            baseline,
        }
    }

    pub fn has_duty_to_assist(&self) -> bool {
        !self.assistance_duties.is_empty()
    }

    /// Obligations inside attack triggers.
    pub fn responses(&self) -> impl Iterator<Item = &'t Obligation> + '_ {
        self.attack_triggers
            .iter()
            .flat_map(|t| t.obligations.iter())
    }
}

fn findings<'t>(
    treaty: &'t Treaty,
    baseline: Option<&'t Treaty>,
) -> Vec<(&'static Element, Finding)> {
    let facts = Facts::of(treaty, baseline);
    #[allow(unused_mut)]
    let mut findings: Vec<(&'static Element, Finding)> = ELEMENTS
        .iter()
        .flat_map(|element| {
            (element.assess)(treaty, &facts)
                .into_iter()
                .map(move |f| (*element, f))
        })
        .collect();
    #[cfg(feature = "broken-rule-experiment")]
    break_gap_rule(treaty, baseline, &mut findings);
    findings
}

/// The broken-rule experiment (`rules::broken`) on one treaty's findings. `always` stays
/// off the baseline itself: a code the baseline produces is never a gap, so injecting
/// it there would silence the rule instead of flipping it.
#[cfg(feature = "broken-rule-experiment")]
fn break_gap_rule(
    treaty: &Treaty,
    baseline: Option<&Treaty>,
    findings: &mut Vec<(&'static Element, Finding)>,
) {
    use super::broken::{target, Mode};
    let Some((code, mode)) = target() else { return };
    let Some((element, rule)) = gap_rule(code) else {
        return;
    };
    let is_baseline = baseline.is_some_and(|b| std::ptr::eq(b, treaty));
    match mode {
        Mode::Silence => findings.retain(|(_, f)| f.code != rule.code),
        Mode::Always if !is_baseline && !findings.iter().any(|(_, f)| f.code == rule.code) => {
            findings.push((
                element,
                Finding::new(rule.code, treaty.header_span, "broken rule: always fires"),
            ));
        }
        Mode::Always => {}
    }
}

/// The treaty a comparison is made against, with the codes it itself produces.
#[derive(Debug, Clone)]
pub struct Baseline {
    pub treaty: Treaty,
    /// Short name for summaries ("Article 5").
    pub name: String,
    own_codes: BTreeSet<&'static str>,
}

impl Baseline {
    pub fn new(treaty: Treaty) -> Self {
        let own_codes = findings(&treaty, Some(&treaty))
            .into_iter()
            .map(|(_, f)| f.code)
            .collect();
        let name = treaty
            .title
            .as_ref()
            .map_or_else(|| treaty.id.to_string(), |t| t.value.to_string());
        Baseline {
            treaty,
            name,
            own_codes,
        }
    }

    /// Codes the baseline itself produces, which are therefore never gaps.
    pub fn own_codes(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.own_codes.iter().copied()
    }

    pub fn gaps(&self, treaty: &Treaty) -> Vec<Gap> {
        let mut gaps: Vec<Gap> = Vec::new();
        for (element, finding) in findings(treaty, Some(&self.treaty)) {
            if self.own_codes.contains(finding.code) || gaps.iter().any(|g| g.code == finding.code)
            {
                continue;
            }
            let rule = element.rules.iter().find(|r| r.code == finding.code);
            let (help, edit) = match finding.fix {
                Some(fix) => (fix.help, fix.edit),
                None => (rule.map(|r| r.fix).unwrap_or("").to_string(), None),
            };
            let shortfall = finding
                .shortfall
                .unwrap_or_else(|| rule.map_or(Shortfall::Missing, |r| r.shortfall));
            gaps.push(Gap {
                element: element.id,
                element_title: element.title,
                code: finding.code,
                message: finding.message,
                help,
                edit,
                span: finding.span,
                detail: finding.detail,
                shortfall,
            });
        }
        gaps
    }
}

/// How far a treaty meets one element of the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    Missing,
    /// The text does not say enough to tell (a duration not stated).
    Unknown,
    Partly,
    Met,
}

impl Standing {
    pub fn as_str(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Partly => "partly",
            Standing::Missing => "missing",
            Standing::Unknown => "unknown",
        }
    }
}

/// One element's standing in a treaty, with what keeps it from being met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementStanding {
    pub element: &'static str,
    pub standing: Standing,
    /// The weaknesses, or what is missing, in a word or two each.
    pub notes: Vec<String>,
    /// The gap codes behind the standing.
    pub codes: Vec<&'static str>,
}

/// Every element's standing, in [`ELEMENTS`] order, from a treaty's gaps: no gap is
/// met; only gaps that weaken ([`Shortfall::Weakened`]) is partly met; a gap that says
/// the text does not tell ([`Shortfall::Unknown`]) makes it unknown, never met; any gap
/// that says the element is absent is missing. An element that [`Element::requires`]
/// another is missing when that one is.
pub fn standings(gaps: &[Gap]) -> Vec<ElementStanding> {
    let mut out: Vec<ElementStanding> = Vec::with_capacity(ELEMENTS.len());
    for element in ELEMENTS {
        let mut standing = Standing::Met;
        let mut notes = Vec::new();
        let mut codes = Vec::new();
        let mut missing_notes = Vec::new();
        for gap in gaps.iter().filter(|g| g.element == element.id) {
            let rule = element.rules.iter().find(|r| r.code == gap.code);
            let note = gap
                .detail
                .clone()
                .unwrap_or_else(|| rule.map_or(gap.code, |r| r.name).to_string());
            match gap.shortfall {
                Shortfall::Missing => {
                    standing = Standing::Missing;
                    missing_notes.push(note);
                }
                Shortfall::Weakened => {
                    if standing == Standing::Met {
                        standing = Standing::Partly;
                    }
                    notes.push(note);
                }
                Shortfall::Unknown => {
                    if standing != Standing::Missing {
                        standing = Standing::Unknown;
                    }
                    notes.push(note);
                }
            }
            codes.push(gap.code);
        }
        if standing == Standing::Missing {
            notes = missing_notes;
        }
        if let Some(required) = element.requires {
            let absent = out
                .iter()
                .find(|s| s.element == required)
                .is_some_and(|s| s.standing == Standing::Missing);
            if absent && standing != Standing::Missing {
                standing = Standing::Missing;
                notes = vec![format!("no {required}")];
            }
        }
        out.push(ElementStanding {
            element: element.id,
            standing,
            notes,
            codes,
        });
    }
    out
}
