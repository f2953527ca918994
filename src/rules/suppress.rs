//! Suppression comments, applied: drop the diagnostics they cover, and report each
//! directive (or each rule in it) that covered nothing, names no rule, or cannot be
//! read, as `unused-suppression`. A suppression that outlives its reason would
//! otherwise hide the next real finding on that clause.
//!
//! It runs on a whole file's diagnostics, after every other rule, and checks rule
//! names against the [`registry`]; it must not decide what is found, only what is
//! shown.

use crate::diagnostics::Diagnostic;
use crate::rules::lints::unused_suppression::LINT;
use crate::rules::registry;
use crate::span::Span;
use crate::suggest::did_you_mean;
use crate::syntax::suppressions::{Scope, Suppressions};

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
