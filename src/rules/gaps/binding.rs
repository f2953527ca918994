//! Element A5-01: a legally binding treaty, ratified and in force.

use super::fix::Fix;
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
            fix: "submit it for ratification, and write `ratification completed` once a legislature has approved it",
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
            fix: "a draft or signed text: read its tier as what it would be if concluded, and write `status in-force` once it is; a lapsed or terminated one applies again only under a new instrument",
        },
        super::activation::NOT_YET_ACTIVE,
        super::activation::PARTLY_SUSPENDED,
    ],
    assess,
};

/// Whether the instrument counts as ratified: the one reading the tier and the gaps
/// share. `ratification completed` says so; `ratification none` says no legislature
/// approves it; otherwise a treaty (or a binding instrument) ratified or in force has been
/// through whatever approval it needed, and anything earlier (signed, a draft, no
/// status) has not.
pub fn ratified(treaty: &Treaty) -> bool {
    match treaty.ratification.as_ref().map(|r| r.value.state) {
        Some(RatificationState::Completed) => true,
        Some(RatificationState::NotRequired) => false,
        _ => {
            (treaty.form() == Some(Form::Treaty) || treaty.bindingness() == Bindingness::Binding)
                && matches!(treaty.status(), Some(Status::Ratified | Status::InForce))
        }
    }
}

/// `form treaty` in place of the form clause; words only when the bindingness is
/// set by a `binding` clause or no form is written.
fn form_fix(treaty: &Treaty, lead: &str) -> Fix {
    match (&treaty.form, &treaty.binding_override) {
        (Some(form), None) => Fix::replace(form.span, lead, "form treaty".to_string()),
        _ => Fix::advice(format!(
            "{lead} `form treaty` (and no `binding` clause saying otherwise)"
        )),
    }
}

/// The help for NOT_RATIFIED, from what the file already says about ratification.
fn ratification_fix(treaty: &Treaty) -> Fix {
    let completed = "ratification completed".to_string();
    match &treaty.ratification {
        Some(r) if r.value.state == RatificationState::Required => Fix::replace(
            r.span,
            "the file already says ratification is required: once a legislature has approved it, write",
            completed,
        ),
        Some(r) => Fix::replace(
            r.span,
            "submit it for ratification; once approved, write",
            completed,
        ),
        None => Fix::add_to_treaty(completed),
    }
}

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
            .with_detail(form.map_or("form not stated", |f| f.word()))
            .with_fix(form_fix(treaty, "make it a treaty, to be ratified: write")),
        ),
        Bindingness::Contested => findings.push(
            Finding::new(
                "BINDING_STATUS_CONTESTED",
                form_span,
                "whether this instrument binds in law is contested",
            )
            .with_detail("bindingness contested")
            .with_fix(form_fix(
                treaty,
                "conclude it as a treaty rather than an executive agreement:",
            )),
        ),
        Bindingness::Domestic => findings.push(
            Finding::new(
                "NOT_INTERNATIONAL",
                form_span,
                "a domestic statute: nothing is owed to another state",
            )
            .with_detail("domestic statute")
            .with_fix(form_fix(
                treaty,
                "put the commitment in an international agreement with the beneficiary:",
            )),
        ),
        Bindingness::Binding => {}
    }

    let ratification = treaty.ratification.as_ref().map(|r| r.value.state);
    let pending_draft = status == Some(Status::Draft);
    if !ratified(treaty) && !pending_draft && form != Some(Form::Statute) {
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
            .with_detail("not ratified")
            .with_fix(ratification_fix(treaty)),
        );
    }

    let awaiting_ratification = form == Some(Form::Treaty)
        && status == Some(Status::Signed)
        && ratification != Some(RatificationState::Completed);
    let ended = |what: &str| {
        Fix::advice(format!(
            "the instrument {what}: the guarantee applies again only under a new or renewed instrument"
        ))
    };
    if let Some(terminated) = super::activation::terminated(treaty) {
        findings.push(terminated.with_fix(ended("was terminated")));
        findings.extend(super::activation::findings(treaty));
        return findings;
    }
    findings.extend(super::activation::findings(treaty));
    let in_force = |lead: &str| Fix::replace(status_span, lead, "status in-force".to_string());
    match status {
        Some(Status::Draft) => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "a draft: never concluded, so not in force",
            )
            .with_detail("draft")
            .with_fix(in_force(
                "read its tier as what it would be if concluded; once it is, write",
            )),
        ),
        Some(Status::Lapsed) => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "no longer in force: the instrument has lapsed",
            )
            .with_detail("lapsed")
            .with_fix(ended("has lapsed")),
        ),
        _ if awaiting_ratification => findings.push(
            Finding::new(
                "NOT_IN_FORCE",
                status_span,
                "signed but not yet ratified, so not in force",
            )
            .with_detail("awaiting ratification")
            .with_fix(in_force("once ratified and in force, write")),
        ),
        _ => {}
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn findings_of(text: &str) -> Vec<Finding> {
        let (model, _) = crate::model::model_of(text);
        let treaty = &model.treaties[0];
        assess(treaty, &Facts::of(treaty, None))
    }

    fn treaty(header: &str) -> String {
        format!("treaty t {{\n{header}\n  party UK guarantor\n  party UA beneficiary\n}}\n")
    }

    #[test]
    fn a_terminated_or_lapsed_treaty_is_not_told_to_enter_into_force() {
        for header in [
            "  form treaty\n  status in-force\n  terminated 1980-01-01",
            "  form treaty\n  status lapsed",
        ] {
            let found = findings_of(&treaty(header));
            let not_in_force = found
                .iter()
                .find(|f| f.code == "NOT_IN_FORCE")
                .expect("NOT_IN_FORCE");
            let fix = not_in_force.fix.as_ref().expect("a fix");
            assert!(!fix.help.contains("into force"), "{}", fix.help);
            assert!(!fix.help.contains("status in-force"), "{}", fix.help);
            assert_eq!(fix.edit, None);
        }
    }

    #[test]
    fn not_ratified_does_not_ask_for_what_the_file_already_says() {
        let found = findings_of(&treaty(
            "  form treaty\n  status signed\n  ratification required",
        ));
        let help = &found
            .iter()
            .find(|f| f.code == "NOT_RATIFIED")
            .and_then(|f| f.fix.as_ref())
            .expect("NOT_RATIFIED with a fix")
            .help;
        assert!(!help.contains("`ratification required`"), "{help}");
        assert!(help.contains("`ratification completed`"), "{help}");
    }

    #[test]
    fn a_treaty_that_needs_no_ratification_is_not_ratified_whatever_its_status() {
        for status in ["in-force", "ratified", "signed"] {
            let text = treaty(&format!(
                "  form treaty\n  status {status}\n  ratification none"
            ));
            let (model, _) = crate::model::model_of(&text);
            assert!(!ratified(&model.treaties[0]), "{status}");
            assert!(findings_of(&text).iter().any(|f| f.code == "NOT_RATIFIED"));
        }
    }
}
