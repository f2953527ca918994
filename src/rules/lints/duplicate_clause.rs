//! The same obligation written twice in one block.

use std::collections::HashMap;

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Obligation, Treaty};
use crate::source::Span;

pub const LINT: Lint = Lint {
    code: "L006",
    name: "duplicate-clause",
    severity: Severity::Warning,
    summary: "the same obligation twice in one block",
    why: "a repeated clause is usually a copy that was meant to be edited: one of the two probably should say something else",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training\n}\n",
    fix: "delete the copy, or change it to say what was intended",
    check,
};

/// What makes two obligations the same: everything but spans and `source` quotes.
fn identity(obligation: &Obligation) -> String {
    let qualifiers: Vec<_> = obligation
        .qualifiers
        .iter()
        .map(|q| (q.kind, q.argument.as_deref()))
        .collect();
    format!(
        "{:?}|{:?}|{:?}|{:?}",
        obligation.duty, obligation.givers, obligation.receivers, qualifiers
    )
}

fn check_block(treaty: &Treaty, block: &[Obligation], out: &mut Vec<Diagnostic>) {
    let mut first_seen: HashMap<String, Span> = HashMap::with_capacity(block.len());
    for obligation in block {
        match first_seen.get(&identity(obligation)) {
            Some(first) => out.push(
                LINT.diagnostic(format!(
                    "{}: this `{}` clause repeats an earlier one",
                    treaty.id,
                    obligation.keyword()
                ))
                .with_label(obligation.span, "the same obligation again")
                .with_label(*first, "first written here")
                .with_help(LINT.fix),
            ),
            None => {
                first_seen.insert(identity(obligation), obligation.span);
            }
        }
    }
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    check_block(treaty, &treaty.obligations, out);
    for trigger in &treaty.triggers {
        check_block(treaty, &trigger.obligations, out);
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
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn different_blocks_qualifiers_or_sources_are_not_duplicates() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training aspirational\n  trigger armed-attack against UA {\n    provide UK -> UA training\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
        let sources = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training source \"a\"\n  provide UK -> UA training source \"b\"",
        );
        assert_eq!(lint(&LINT, &sources).len(), 1);
    }
}
