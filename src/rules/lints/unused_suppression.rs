//! The `unused-suppression` lint's declaration: its code and documentation. It is
//! reported by [`crate::rules::suppress`], which applies the suppression comments of a
//! whole file after every other rule has run; it must not be applied from here, since
//! knowing every rule's name means importing the registry, which lists this lint.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;

pub const LINT: Lint = Lint {
    code: "L016",
    name: "unused-suppression",
    severity: Severity::Warning,
    summary: "a `// treaty: allow(...)` comment that suppresses nothing, names no rule, or cannot be read",
    why: "a suppression that no longer matches anything hides the next real finding on that clause, and a misspelt one silences nothing while looking as if it does",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  // treaty: allow(duplicate-clause) the two clauses differ in the signed text\n  provide UK -> UA training\n}\n",
    fix: "delete the suppression, or correct the code or name it lists (`treaty rules` lists them all)",
    check: not_per_treaty,
};

/// This lint looks at the whole file after the others, through
/// [`crate::rules::suppress::apply`].
fn not_per_treaty(_: &Treaty, _: &LintContext, _: &mut Vec<Diagnostic>) {}
