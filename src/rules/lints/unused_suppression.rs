//! Suppression comments, applied: drop the diagnostics they cover, and report each
//! directive (or each rule in it) that covered nothing, names no rule, or cannot be
//! read. A suppression that outlives its reason would otherwise hide the next real
//! finding on that clause.

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Treaty;
use crate::rules::registry;
use crate::source::Span;
use crate::suggest::did_you_mean;
use crate::syntax::suppressions::{Scope, Suppressions};

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

/// This lint looks at the whole file after the others, through [`apply`].
fn not_per_treaty(_: &Treaty, _: &LintContext, _: &mut Vec<Diagnostic>) {}

/// Silence what `suppressions` cover in `diagnostics`, and report the suppressions that
/// did nothing.
pub fn apply(diagnostics: &mut Vec<Diagnostic>, suppressions: &Suppressions) {
    if suppressions.directives.is_empty() && suppressions.malformed.is_empty() {
        return;
    }
    let mut reports = Vec::new();
    // (code the entry stands for, scope, entry span, used)
    let mut entries: Vec<(&'static str, &Scope, Span, bool)> = Vec::new();
    for directive in &suppressions.directives {
        for (name, span) in &directive.rules {
            match registry::lookup(name) {
                Some(rule) if rule.family == "syntax" => reports.push(
                    LINT.diagnostic(format!(
                        "`{name}` cannot be suppressed: a clause that does not parse is not checked at all"
                    ))
                    .with_label(*span, "a syntax rule")
                    .with_help("fix the syntax error instead"),
                ),
                Some(rule) => entries.push((rule.code, &directive.scope, *span, false)),
                None => {
                    let rules = registry::all();
                    let names = rules.iter().flat_map(|r| [r.code, r.name]);
                    let suggestion = did_you_mean(name, names);
                    let help = match suggestion {
                        Some(s) => format!("did you mean `{s}`? `treaty rules` lists every rule"),
                        None => "`treaty rules` lists every rule".to_string(),
                    };
                    reports.push(
                        LINT.diagnostic(format!("`{name}` is not a rule code or name"))
                            .with_label(*span, "no such rule")
                            .with_help(help)
                            .with_suggestion(suggestion),
                    );
                }
            }
        }
    }
    diagnostics.retain(|diagnostic| {
        let at = diagnostic.primary_span().map(|s| s.start);
        let mut suppressed = false;
        for (code, scope, _, used) in entries.iter_mut() {
            if *code != diagnostic.code {
                continue;
            }
            let covers = match scope {
                Scope::File => true,
                Scope::Clause(Some(clause)) => at.is_some_and(|at| clause.contains(at)),
                Scope::Clause(None) => false,
            };
            if covers {
                *used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    for (code, _, span, used) in entries {
        if !used {
            reports.push(
                LINT.diagnostic(format!("this suppression of `{code}` suppresses nothing"))
                    .with_label(span, "nothing to suppress here")
                    .with_help(LINT.fix),
            );
        }
    }
    for malformed in &suppressions.malformed {
        reports.push(
            LINT.diagnostic("this `treaty:` comment is not a suppression the checker can read")
                .with_label(malformed.span, "unreadable directive")
                .with_help(
                    "write `// treaty: allow(CODE-OR-NAME, ...)` or `// treaty: allow-file(...)`",
                ),
        );
    }
    diagnostics.append(&mut reports);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis;

    fn codes(text: &str) -> Vec<&'static str> {
        let report = analysis::check(
            crate::source::SourceFile::new("t.treaty", text),
            &analysis::Settings::default(),
        );
        report.diagnostics.iter().map(|d| d.code).collect()
    }

    const TWICE: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  // treaty: allow(duplicate-clause) repeated in the signed text\n  provide UK -> UA training\n}\n";

    #[test]
    fn the_example_triggers_it() {
        let found = codes(LINT.example);
        assert!(found.contains(&"L016"), "{found:?}");
    }

    #[test]
    fn a_used_suppression_silences_and_is_not_reported() {
        let plain = TWICE.replace(
            "  // treaty: allow(duplicate-clause) repeated in the signed text\n",
            "",
        );
        assert!(codes(&plain).contains(&"L006"));
        let found = codes(TWICE);
        assert!(!found.contains(&"L006"), "{found:?}");
        assert!(!found.contains(&"L016"), "{found:?}");
    }

    #[test]
    fn file_wide_suppression_by_code_and_unknown_names() {
        let text = format!(
            "// treaty: allow-file(L006, NO_NUCLEAR_UMBRELLA)\n{}",
            TWICE.replace("duplicate-clause", "duplicat-clause")
        );
        let report = analysis::check(
            crate::source::SourceFile::new("t.treaty", &text),
            &analysis::Settings::default(),
        );
        let found: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            !found.contains(&"L006") && !found.contains(&"NO_NUCLEAR_UMBRELLA"),
            "{found:?}"
        );
        let unknown = report
            .diagnostics
            .iter()
            .find(|d| d.code == "L016")
            .expect("the misspelt name is reported");
        assert_eq!(unknown.suggestion.as_deref(), Some("duplicate-clause"));
    }

    #[test]
    fn syntax_errors_cannot_be_suppressed() {
        let text =
            "treaty t {\n  // treaty: allow(E001)\n  form treaty nonsense\n  status in-force\n}\n";
        let found = codes(text);
        assert!(
            found.contains(&"E001") && found.contains(&"L016"),
            "{found:?}"
        );
    }
}
