//! A `consult` clause with no deadline.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Duty, Treaty};

pub const LINT: Lint = Lint {
    code: "L004",
    name: "consultation-without-deadline",
    severity: Severity::Advice,
    summary: "a consultation with no time limit",
    why: "in a crisis, a consultation that may start whenever suits the guarantor can be delayed until it no longer matters; the UK and US agreements with Ukraine promise consultation within 24 hours",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA\n  }\n}\n",
    fix: "add a deadline after the parties the clause names: `within 24 hours`, or `immediately`",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    for (_, obligation) in treaty.all_obligations() {
        if let Duty::Consult { deadline: None } = obligation.duty {
            let parties: Vec<String> = obligation
                .givers
                .iter()
                .map(crate::model::describe::party_ref)
                .collect();
            let diagnostic = LINT.report(
                treaty,
                obligation.span,
                "no `within` or `immediately`",
                "consultation without a deadline",
            );
            // The clause's own parties, as the NO_CONSULTATION_DEADLINE gap writes it.
            out.push(if parties.is_empty() {
                diagnostic
            } else {
                diagnostic.with_help(format!(
                    "add a deadline: `consult {} within 24 hours`, or `immediately`",
                    parties.join(", ")
                ))
            });
        }
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
        let text = treaty(
            "  party FR guarantor\n  party MD beneficiary\n  trigger armed-attack against MD {\n    consult FR, MD\n  }",
        );
        assert_eq!(
            lint(&LINT, &text)[0].help.as_deref(),
            Some("add a deadline: `consult FR, MD within 24 hours`, or `immediately`")
        );
    }

    #[test]
    fn a_deadline_satisfies_it() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n    consult UK, UA immediately\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
    }
}
