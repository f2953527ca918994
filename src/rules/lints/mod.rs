//! Drafting lints: mistakes in how a treaty is written, as opposed to gaps in what it
//! guarantees. Each lint is one file with its code, its documentation and its tests;
//! every lint reads the semantic model only.
//!
//! Two drafting mistakes are caught earlier, by the model stage, because the model
//! cannot be built without resolving them: an unknown party (`E101`) and an unknown
//! vocabulary word such as a kind of assistance (`E104`), both with a did-you-mean.

mod beneficiary_owed_nothing;
pub mod confusable_text;
mod consultation_without_deadline;
mod contradictory_stationing;
mod contradictory_termination;
mod deadline_out_of_range;
mod duplicate_clause;
mod emptying_hedge;
mod end_before_start;
mod future_signing_date;
mod guarantor_is_adversary;
mod provide_without_kind;
mod short_withdrawal_notice;
mod trigger_names_no_party;
mod trigger_without_response;
mod unanchored_term;
mod unused_party;
pub mod unused_suppression;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Date, Treaty};
use crate::span::Span;

/// What a lint may know besides the treaty.
#[derive(Debug, Clone, Copy)]
pub struct LintContext {
    /// Today's date, for dates in the future. Tests fix it.
    pub today: Date,
}

/// One drafting lint: its documentation and the function that finds it.
pub struct Lint {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what it checks.
    pub summary: &'static str,
    /// Why it matters for the guarantee's credibility.
    pub why: &'static str,
    /// A small file that triggers it (the rule catalogue's example; tested).
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    pub check: fn(&Treaty, &LintContext, &mut Vec<Diagnostic>),
}

impl Lint {
    /// A diagnostic of this lint, with its code and default severity.
    pub fn diagnostic(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, self.severity, message)
    }

    /// This lint's finding on `treaty`: the message prefixed with the treaty's name,
    /// labelled at `span`, with the lint's fix as help.
    pub fn report(
        &self,
        treaty: &Treaty,
        span: Span,
        label: impl Into<crate::diagnostics::Note>,
        message: &str,
    ) -> Diagnostic {
        self.diagnostic(format!("{}: {message}", treaty.id))
            .with_label(span, label)
            .with_help(self.fix)
    }
}

/// Every lint that runs on a treaty, in code order. `unused-suppression` is not here:
/// it runs after suppressions are applied, on the whole file.
pub const LINTS: &[&Lint] = &[
    &unused_party::LINT,
    &beneficiary_owed_nothing::LINT,
    &trigger_without_response::LINT,
    &consultation_without_deadline::LINT,
    &deadline_out_of_range::LINT,
    &duplicate_clause::LINT,
    &future_signing_date::LINT,
    &end_before_start::LINT,
    &contradictory_stationing::LINT,
    &guarantor_is_adversary::LINT,
    &emptying_hedge::LINT,
    &provide_without_kind::LINT,
    &short_withdrawal_notice::LINT,
    &trigger_names_no_party::LINT,
    &confusable_text::LINT,
    &unanchored_term::LINT,
    &contradictory_termination::LINT,
];

/// Every lint's documentation, including the file-level ones.
pub fn all() -> impl Iterator<Item = &'static Lint> {
    LINTS
        .iter()
        .copied()
        .chain(std::iter::once(&unused_suppression::LINT))
}

/// Run every lint on one treaty.
pub fn run(treaty: &Treaty, context: &LintContext) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for lint in LINTS {
        #[cfg(feature = "broken-rule-experiment")]
        let before = diagnostics.len();
        (lint.check)(treaty, context, &mut diagnostics);
        #[cfg(feature = "broken-rule-experiment")]
        super::broken::lint_diagnostics(lint.code, before, &mut diagnostics, || {
            lint.diagnostic("broken rule: always fires")
                .with_label(treaty.header_span, "here")
        });
    }
    diagnostics
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Run one lint on a snippet of treaty text.
    use super::*;

    pub const TODAY: Date = Date {
        year: 2026,
        month: 11,
        day: 29,
    };

    /// The diagnostics `lint` reports on `text`, which must resolve without errors.
    pub fn lint(lint: &Lint, text: &str) -> Vec<Diagnostic> {
        let (model, diagnostics) = crate::model::model_of(text);
        let errors: Vec<_> = diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "fixture does not resolve: {errors:?}");
        let context = LintContext { today: TODAY };
        let mut out = Vec::new();
        for treaty in &model.treaties {
            #[cfg(feature = "broken-rule-experiment")]
            let before = out.len();
            (lint.check)(treaty, &context, &mut out);
            #[cfg(feature = "broken-rule-experiment")]
            crate::rules::broken::lint_diagnostics(lint.code, before, &mut out, || {
                lint.diagnostic("broken rule: always fires")
                    .with_label(treaty.header_span, "here")
            });
        }
        out
    }

    /// A minimal treaty around `body` (clauses, one per line).
    pub fn treaty(body: &str) -> String {
        format!("treaty t {{\n  form treaty\n  status in-force\n{body}\n}}\n")
    }
}
