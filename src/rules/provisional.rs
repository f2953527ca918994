//! Provisional verdicts: a treaty with a clause that did not parse or did not resolve
//! (`model::Treaty::unreadable`) is judged on what could be read, and says so.
//!
//! Each unreadable clause could have met some baseline elements: a broken `assist` in a
//! trigger might have been the duty to assist, with armed force, forthwith; a broken
//! `form` might have made the instrument binding. The gaps of those elements are
//! provisional. A gap that says an element is *missing* (or unknown) may only follow
//! from the unreadable clause, so it is withheld: the drafter fixes the error first,
//! then sees the real gaps. A gap that says an element is *weakened* rests on a clause
//! that was read, so it is kept, marked provisional. Lints that report an absence (a
//! party used nowhere, a beneficiary owed nothing, a trigger with no response) are
//! withheld in the same way. The tier is kept, and marked provisional with the lines
//! of the clauses it could not read.

use serde::Serialize;

use super::gaps::{Gap, Shortfall, ELEMENTS};
use crate::model::{Treaty, UnreadableCause};
use crate::span::Span;

/// The elements a clause with this keyword could have met; `None` when it cannot be
/// told, and it could have met any.
fn elements_of(keyword: Option<&str>, in_trigger: bool) -> Option<&'static [&'static str]> {
    const RESPONSE: &[&str] = &[
        "duty-to-assist",
        "armed-force",
        "immediacy",
        "reciprocal",
        "indivisibility",
        "consultation",
    ];
    Some(match keyword {
        Some("assist" | "defend" | "act") => RESPONSE,
        Some("consult") if in_trigger => &["consultation", "duty-to-assist"],
        Some("consult") => &["consultation"],
        Some("trigger") => &[
            "armed-attack-trigger",
            "duty-to-assist",
            "armed-force",
            "immediacy",
            "reciprocal",
            "indivisibility",
            "consultation",
            "qualifiers",
        ],
        Some("form" | "binding" | "ratification" | "status" | "signed" | "effective") => {
            &["legally-binding"]
        }
        Some("duration" | "withdrawal" | "renewal" | "review") => &["durability"],
        Some("station" | "prohibit") => &["stationed-forces"],
        Some("deter") => &["nuclear-deterrence"],
        Some("establish") => &["standing-institution"],
        Some("indivisible") => &["indivisibility"],
        Some("incorporate" | "mirror") => &["self-contained"],
        // In a trigger block only responses stand: a misspelt keyword was one.
        _ if in_trigger => RESPONSE,
        // Roles decide reciprocity, integrity and who is owed what: anything.
        Some("party" | "members") | None => return None,
        Some(_) => &[],
    })
}

/// Lints that report an absence an unreadable clause may have filled.
const ABSENCE_LINTS: &[&str] = &["L001", "L002", "L003", "L014"];

/// A clause the verdict could not read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnreadableClause {
    pub span: Span,
    pub keyword: Option<String>,
    pub cause: UnreadableCause,
}

/// Why a treaty's verdict is provisional, and what it touches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Provisional {
    /// In file order.
    pub unreadable: Vec<UnreadableClause>,
    /// The ids of the elements whose gaps are provisional.
    pub elements: Vec<&'static str>,
}

/// `None` when every clause was read.
pub fn assess(treaty: &Treaty) -> Option<Provisional> {
    if treaty.unreadable.is_empty() {
        return None;
    }
    let mut elements: Vec<&'static str> = Vec::new();
    for clause in &treaty.unreadable {
        let touched: Vec<&'static str> =
            match elements_of(clause.keyword.as_deref(), clause.in_trigger) {
                Some(ids) => ids.to_vec(),
                None => ELEMENTS.iter().map(|e| e.id).collect(),
            };
        for id in touched {
            if !elements.contains(&id) {
                elements.push(id);
            }
        }
    }
    // An element that requires a provisional one is provisional too.
    for element in ELEMENTS {
        if element.requires.is_some_and(|r| elements.contains(&r))
            && !elements.contains(&element.id)
        {
            elements.push(element.id);
        }
    }
    Some(Provisional {
        unreadable: treaty
            .unreadable
            .iter()
            .map(|u| UnreadableClause {
                span: u.span,
                keyword: u.keyword.as_ref().map(|k| k.to_string()),
                cause: u.cause,
            })
            .collect(),
        elements,
    })
}

impl Provisional {
    /// Whether the gap's element is one an unreadable clause could have met.
    pub fn marks(&self, gap: &Gap) -> bool {
        self.elements.contains(&gap.element)
    }

    /// Whether the gap may only follow from an unreadable clause: its element is
    /// provisional and the gap says it is absent, not weakened.
    pub fn withholds(&self, gap: &Gap) -> bool {
        self.marks(gap) && gap.shortfall != Shortfall::Weakened
    }

    /// Whether a lint's finding may only follow from an unreadable clause.
    pub fn withholds_lint(&self, code: &str) -> bool {
        ABSENCE_LINTS.contains(&code)
    }

    /// "1 clause unreadable" / "2 clauses unreadable".
    pub fn count_text(&self) -> String {
        let n = self.unreadable.len();
        format!("{n} clause{} unreadable", if n == 1 { "" } else { "s" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{assess as assess_treaty, Baseline};

    fn baseline() -> Baseline {
        let text = include_str!("../../treaties/article5-baseline.treaty");
        let (mut model, _) = crate::model::model_of(text);
        Baseline::new(model.treaties.remove(0))
    }

    const READABLE: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n";

    fn report(text: &str) -> crate::rules::TreatyReport {
        let (model, _) = crate::model::model_of(text);
        let treaty = model.treaties.first().expect("a treaty is read");
        assess_treaty(treaty, &baseline())
    }

    fn codes(report: &crate::rules::TreatyReport) -> Vec<&'static str> {
        report.gaps.iter().map(|g| g.code).collect()
    }

    #[test]
    fn a_readable_treaty_is_not_provisional() {
        assert_eq!(report(READABLE).provisional, None);
    }

    #[test]
    fn a_broken_response_withholds_the_gaps_of_what_it_could_have_met() {
        let broken = READABLE.replace("assist UK -> UA", "asist UK -> UA");
        let plain = READABLE.replace("    assist UK -> UA with armed-force forthwith\n", "");
        // Without the response at all, the duty to assist is missing...
        let missing = codes(&report(&plain));
        assert!(missing.contains(&"NO_MUTUAL_DEFENCE"), "{missing:?}");
        // ...but a response that could not be read is not taken for a missing one.
        let report = report(&broken);
        let provisional = report.provisional.as_ref().expect("provisional");
        assert_eq!(provisional.unreadable.len(), 1);
        assert_eq!(provisional.unreadable[0].cause, UnreadableCause::Syntax);
        assert!(provisional.elements.contains(&"duty-to-assist"));
        assert!(provisional.elements.contains(&"immediacy"));
        for code in ["NO_MUTUAL_DEFENCE", "NO_ARMED_FORCE", "CONSULT_ONLY"] {
            assert!(
                !codes(&report).contains(&code),
                "{code} in {:?}",
                codes(&report)
            );
        }
    }

    #[test]
    fn an_unknown_form_withholds_not_binding_only() {
        let report = report(&READABLE.replace("form treaty", "form treatty"));
        let provisional = report.provisional.as_ref().expect("provisional");
        assert_eq!(provisional.unreadable[0].cause, UnreadableCause::Unresolved);
        assert_eq!(provisional.unreadable[0].keyword.as_deref(), Some("form"));
        assert_eq!(provisional.elements, vec!["legally-binding"]);
        assert!(!codes(&report).contains(&"NOT_BINDING"));
    }

    #[test]
    fn weakened_gaps_of_a_provisional_element_are_kept() {
        let text = READABLE
            .replace(
                "with armed-force forthwith",
                "with armed-force within 30 days",
            )
            .replace("status in-force", "status in-force\n  duration 5 yeers");
        let report = report(&text);
        let provisional = report.provisional.as_ref().expect("provisional");
        assert_eq!(provisional.elements, vec!["durability"]);
        // The late response was read: its gap stands, and is not provisional.
        let late = report
            .gaps
            .iter()
            .find(|g| g.code == "NOT_IMMEDIATE")
            .expect("NOT_IMMEDIATE");
        assert!(!provisional.marks(late));
    }
}
