//! A hedge that leaves nothing of the obligation it qualifies.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::QualifierKind;
use crate::model::{Qualifier, Treaty};

pub const LINT: Lint = Lint {
    code: "L011",
    name: "emptying-hedge",
    severity: Severity::Warning,
    summary: "a hedge that empties an obligation: conditional on a condition it never states, or aspirational wording",
    why: "\"conditional on\" with no stated condition lets the guarantor name the condition after the fact, and an aspiration is not a commitment: either way the clause promises nothing anyone can hold the guarantor to",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training conditional-on\n  provide UK -> UA air-defence aspirational\n}\n",
    fix: "for a bare `conditional-on`, write its condition in quotes after it; for an aspiration, remove `aspirational` so the clause commits (or, if the text really is only an aspiration, suppress this with the reason)",
    check,
};

/// Why this qualifier empties what it qualifies, if it does, and the help for it.
fn empties(qualifier: &Qualifier) -> Option<(&'static str, &'static str)> {
    match qualifier.kind {
        QualifierKind::ConditionalOn
            if qualifier
                .argument
                .as_deref()
                .is_none_or(|a| a.trim().is_empty()) =>
        {
            Some((
                "conditional on a condition that is never stated",
                // The qualifier is already there: what is missing is its condition.
                "write the condition in quotes after this `conditional-on` (`conditional-on \"a ceasefire holding for 30 days\"`), or remove it",
            ))
        }
        QualifierKind::Aspirational => Some((
            "aspirational: an intention, not a commitment",
            "remove `aspirational` so the clause commits; if the text really is only an aspiration, suppress this with the reason",
        )),
        _ => None,
    }
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    for hedge in &treaty.hedges {
        if let Some((why, help)) = empties(hedge) {
            out.push(
                LINT.report(
                    treaty,
                    hedge.span,
                    "this hedge applies to every clause",
                    &format!("the whole instrument is {why}"),
                )
                .with_help(help),
            );
        }
    }
    let trigger_hedges = treaty
        .triggers
        .iter()
        .flat_map(|t| t.qualifiers.iter().map(move |q| (q, "trigger")));
    let obligation_hedges = treaty
        .all_obligations()
        .flat_map(|(_, o)| o.qualifiers.iter().map(move |q| (q, o.keyword())));
    for (qualifier, what) in trigger_hedges.chain(obligation_hedges) {
        if let Some((why, help)) = empties(qualifier) {
            out.push(
                LINT.report(
                    treaty,
                    qualifier.span,
                    "this hedge empties the clause",
                    &format!("this `{what}` is {why}"),
                )
                .with_help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it_twice() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].message.contains("never stated"));
        assert!(found[1].message.contains("aspirational"));
        // The bare `conditional-on` is told to state its condition, not to add one;
        // the aspiration is told nothing about conditions.
        let bare = found[0].help.as_deref().unwrap_or("");
        assert!(bare.contains("after this `conditional-on`"), "{bare}");
        let aspiration = found[1].help.as_deref().unwrap_or("");
        assert!(!aspiration.contains("conditional-on"), "{aspiration}");
        assert!(aspiration.contains("remove `aspirational`"), "{aspiration}");
    }

    #[test]
    fn a_stated_condition_or_a_milder_hedge_is_fine() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training conditional-on \"a ceasefire\"\n  provide UK -> UA air-defence legal-requirements",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
