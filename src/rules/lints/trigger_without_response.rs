//! A trigger block with nothing in it.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;
use crate::rules::gaps::fix;

pub const LINT: Lint = Lint {
    code: "L003",
    name: "trigger-without-response",
    severity: Severity::Warning,
    summary: "a trigger with no obligation inside it",
    why: "a trigger names the event the guarantee exists for; with no response under it, the event sets off nothing",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n  }\n}\n",
    fix: "write the response inside the block: a `consult` clause with a deadline, and an `assist` clause owed to the attacked party",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    for trigger in treaty.triggers.iter().filter(|t| t.obligations.is_empty()) {
        let diagnostic = LINT.report(
            treaty,
            trigger.span,
            "no response inside this block",
            "this trigger sets off no obligation",
        );
        // The file's own clauses, as the gaps' help writes them.
        let clauses: Vec<String> = [fix::consult_clause(treaty), fix::assist_clause(treaty)]
            .into_iter()
            .flatten()
            .map(|c| format!("`{c}`"))
            .collect();
        out.push(if clauses.is_empty() {
            diagnostic
        } else {
            diagnostic.with_help(format!(
                "write the response inside the block: {}",
                clauses.join(", ")
            ))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].help.as_deref(),
            Some("write the response inside the block: `consult UK, UA within 24 hours`, `assist UK -> attacked with armed-force forthwith`")
        );
    }

    #[test]
    fn a_trigger_with_a_response_is_fine() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
