//! Element A5-01: a legally binding treaty, ratified and in force.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::{Form, RatificationState, Status};
use crate::model::{Bindingness, Treaty};

pub const ELEMENT: Element = Element {
    id: "legally-binding",
    title: "legally binding, ratified and in force",
    requires: None,
    rules: &[
        GapRule {
            code: "NOT_BINDING",
            shortfall: Shortfall::Missing,
            name: "not-binding",
            summary: "the instrument is political, not legally binding",
            why: "a political commitment can be dropped by the next government at no legal cost",
            example: "treaty t {\n  form political\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
            fix: "make it a treaty: `form treaty` with `ratification required`",
        },
        GapRule {
            code: "BINDING_STATUS_CONTESTED",
            shortfall: Shortfall::Weakened,
            name: "binding-status-contested",
            summary: "whether the instrument binds in law is disputed",
            why: "a guarantee whose bindingness is argued over invites the guarantor to argue it away",
            example: "treaty t {\n  form executive\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  provide US -> UA security-assistance, training\n}\n",
            fix: "conclude it as a treaty (`form treaty`) rather than an executive agreement",
        },
        GapRule {
            code: "NOT_RATIFIED",
            shortfall: Shortfall::Weakened,
            name: "not-ratified",
            summary: "no legislature has approved the instrument",
            why: "without ratification the commitment rests on one executive and lacks domestic backing",
            example: "treaty t {\n  form treaty\n  status in-force\n  ratification none source \"enters into force on signature\"\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid, training\n}\n",
            fix: "submit it for ratification: `ratification required` (and `completed` once done)",
        },
        GapRule {
            code: "NOT_INTERNATIONAL",
            shortfall: Shortfall::Missing,
            name: "not-international",
            summary: "a domestic statute of the guarantor, not an obligation to another state",
            why: "the guarantor can amend or repeal its own law; the beneficiary has no claim under it",
            example: "treaty t {\n  form statute\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  provide US -> UA security-assistance\n}\n",
            fix: "put the commitment in an international agreement with the beneficiary (`form treaty`)",
        },
        GapRule {
            code: "NOT_IN_FORCE",
            shortfall: Shortfall::Weakened,
            name: "not-in-force",
            summary: "the instrument is a draft, awaits ratification, or has lapsed",
            why: "an obligation that is not in force protects no one",
            example: "treaty t {\n  form treaty\n  status draft\n  ratification required\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
            fix: "bring it into force (`status in-force`), or read its tier as what it would be if concluded",
        },
        super::activation::NOT_YET_ACTIVE,
        super::activation::PARTLY_SUSPENDED,
    ],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    let form_span = treaty
        .binding_override
        .as_ref()
        .map(|b| b.span)
        .or(treaty.form.as_ref().map(|f| f.span))
        .unwrap_or(treaty.header_span);
    let form = treaty.form();
    let status = treaty.status();
    let status_span = treaty
        .status
        .as_ref()
        .map(|s| s.span)
        .unwrap_or(treaty.header_span);
    match treaty.bindingness() {
        Bindingness::NotBinding => findings.push(
            Finding::new(
                "NOT_BINDING",
                form_span,
                "not legally binding: a political instrument, not a treaty",
            )
            .with_detail(form.map_or("form not stated", |f| f.word())),
        ),
        Bindingness::Contested => findings.push(
            Finding::new(
                "BINDING_STATUS_CONTESTED",
                form_span,
                "whether this instrument binds in law is contested",
            )
            .with_detail("bindingness contested"),
        ),
        Bindingness::Domestic => findings.push(
            Finding::new(
                "NOT_INTERNATIONAL",
                form_span,
                "a domestic statute: nothing is owed to another state",
            )
            .with_detail("domestic statute"),
        ),
        Bindingness::Binding => {}
    }

    let ratification = treaty.ratification.as_ref().map(|r| r.value.state);
    let ratified = ratification == Some(RatificationState::Completed)
        || (form == Some(Form::Treaty)
            && ratification != Some(RatificationState::NotRequired)
            && matches!(status, Some(Status::Ratified | Status::InForce)));
    let pending_draft = status == Some(Status::Draft);
    if !ratified && !pending_draft && form != Some(Form::Statute) {
        let span = treaty
            .ratification
            .as_ref()
            .map(|r| r.span)
            .unwrap_or(form_span);
        findings.push(
            Finding::new(
                "NOT_RATIFIED",
                span,
                "not ratified: no legislature has approved it",
            )
            .with_detail("not ratified"),
        );
    }

    let awaiting_ratification = form == Some(Form::Treaty)
        && status == Some(Status::Signed)
        && ratification != Some(RatificationState::Completed);
    if let Some(terminated) = super::activation::terminated(treaty) {
        findings.push(terminated);
        findings.extend(super::activation::findings(treaty));
        return findings;
    }
    findings.extend(super::activation::findings(treaty));
    match status {
        Some(Status::Draft) => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "a draft: never concluded, so not in force",
            )
            .with_detail("draft"),
        ),
        Some(Status::Lapsed) => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "no longer in force: the instrument has lapsed",
            )
            .with_detail("lapsed"),
        ),
        _ if awaiting_ratification => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "signed but not yet ratified, so not in force",
            )
            .with_detail("awaiting ratification"),
        ),
        _ => {}
    }
    findings
}
