//! Element A5-08: assistance comes forthwith, not after a delay.

use super::fix::{Edit, Fix};
use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::{Deadline, Duty, Treaty};
use crate::span::Span;

pub const ELEMENT: Element = Element {
    id: "immediacy",
    title: "immediate response",
    requires: Some("duty-to-assist"),
    rules: &[
        GapRule {
            code: "NOT_IMMEDIATE",
            shortfall: Shortfall::Weakened,
            name: "not-immediate",
            summary: "the duty to assist has no 'forthwith' or 'immediately'",
            why: "the first days of an invasion decide much of it; an open-ended response can come too late",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force within 30 days\n  }\n}\n",
            fix: "add a timing to the clause that owes the assistance: `forthwith` or `immediately`",
        },
        GapRule {
            code: "CONSULTATION_DELAY",
            shortfall: Shortfall::Weakened,
            name: "consultation-delay",
            summary: "assistance waits for a consultation period, or for a decision taken after consultation",
            why: "days spent consulting are days the attacker uses, and a consultation can end without agreement",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 72 hours\n    assist UK -> UA with armed-force after consultation\n  }\n}\n",
            fix: "make assistance `forthwith` and let consultation run alongside it",
        },
    ],
    assess,
};

/// Forthwith, immediately, or within a day.
fn is_immediate(deadline: &Option<Deadline>) -> bool {
    match deadline {
        Some(Deadline::Forthwith | Deadline::Immediately) => true,
        Some(Deadline::Within { period }) => period.approx_hours() <= 24,
        _ => false,
    }
}

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    // A response decided only after consultation (`decided-by US after consultation`).
    let consulted = super::decision::decisions(treaty)
        .into_iter()
        .find(|(d, _)| d.consultation.is_some());
    if let Some((decision, _)) = consulted {
        return vec![Finding::new(
            "CONSULTATION_DELAY",
            decision.span,
            format!("the response waits for a decision by {}", decision.text()),
        )
        .with_detail("decided after consultation")];
    }
    let timings: Vec<_> = facts
        .assistance_duties
        .iter()
        .filter_map(|o| match &o.duty {
            Duty::Assist { timing, .. } => Some((o, timing)),
            _ => None,
        })
        .collect();
    if timings.is_empty() || timings.iter().any(|(_, t)| is_immediate(t)) {
        return Vec::new();
    }
    if let Some((delayed, _)) = timings
        .iter()
        .find(|(_, t)| matches!(t, Some(Deadline::AfterConsultation)))
    {
        let consultation_deadline = facts.responses().find_map(|o| match &o.duty {
            Duty::Consult {
                deadline: Some(Deadline::Within { period }),
            } => Some(*period),
            _ => None,
        });
        let message = match consultation_deadline {
            Some(period) => format!("assistance waits for consultations of up to {period}"),
            None => "assistance waits for consultations with no time limit".to_string(),
        };
        return vec![Finding::new("CONSULTATION_DELAY", delayed.span, message)
            .with_detail("after consultation")];
    }
    let (first, timing) = timings[0];
    // The clause is named by its own keyword: an `act` pledge is not an `assist` duty.
    let keyword = first.keyword();
    let duty = match keyword {
        "act" => "the pledge to act",
        "defend" => "the duty to defend",
        _ => "the duty to assist",
    };
    let (message, detail) = match timing {
        Some(Deadline::Within { period }) => (
            format!("assistance may take up to {period}"),
            period.to_string(),
        ),
        _ => (
            format!("{duty} sets no timing: not 'forthwith'"),
            "no timing".to_string(),
        ),
    };
    // `forthwith` goes at the end of the clause when nothing follows its means there.
    let bare = timing.is_none()
        && first.qualifiers.is_empty()
        && first.source.is_none()
        && first.decision.is_none()
        && first.from.is_none()
        && first.by_reference.is_none();
    let fix = if bare {
        Fix {
            help: format!(
                "make it immediate: add `forthwith` at the end of the `{keyword}` clause"
            ),
            edit: Some(Edit::Replace(
                Span::new(first.span.end, first.span.end),
                " forthwith".to_string(),
            )),
        }
    } else {
        Fix::advice(format!(
            "give the `{keyword}` clause a timing of `forthwith` or `immediately`"
        ))
    };
    vec![Finding::new("NOT_IMMEDIATE", first.span, message)
        .with_detail(detail)
        .with_fix(fix)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_act_pledge_is_named_as_one() {
        let (model, _) = crate::model::model_of(
            "treaty t {\n  form treaty\n  members US, PH\n  trigger armed-attack against any member {\n    act each member within 7 days\n  }\n}\n",
        );
        let treaty = &model.treaties[0];
        let found = assess(treaty, &Facts::of(treaty, None));
        assert_eq!(found.len(), 1, "{found:?}");
        let help = &found[0].fix.as_ref().expect("a fix").help;
        assert!(help.contains("`act` clause"), "{help}");
        assert!(!help.contains("assist"), "{help}");
    }
}
