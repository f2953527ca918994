//! The broken-rule experiment (docs/design.md, "How the suite guards the rules"): with the
//! `broken-rule-experiment` feature, `TREATY_BREAK_RULE=CODE:MODE` breaks one gap rule or
//! lint at the point where its verdict is taken, so `tests/broken_rules.sh` can show that
//! some test fails for every rule. `silence` drops every finding of the rule (its
//! condition never holds); `always` reports it on every treaty that lacks it (its
//! condition always holds). Never compiled into a normal build.

use std::sync::OnceLock;

use crate::diagnostics::Diagnostic;
use crate::model::Treaty;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Silence,
    Always,
}

/// The rule code to break and how, read once from `TREATY_BREAK_RULE`.
pub fn target() -> Option<(&'static str, Mode)> {
    static TARGET: OnceLock<Option<(&'static str, Mode)>> = OnceLock::new();
    *TARGET.get_or_init(|| {
        let value = std::env::var("TREATY_BREAK_RULE").ok()?;
        let (code, mode) = value.split_once(':')?;
        let mode = match mode {
            "silence" => Mode::Silence,
            "always" => Mode::Always,
            _ => return None,
        };
        Some((Box::leak(code.to_string().into_boxed_str()), mode))
    })
}

/// Break a gap rule among the findings of one treaty. `is_baseline` keeps the `always`
/// mode off the baseline itself: a code the baseline produces is never a gap, so
/// injecting it there would silence the rule instead of flipping it.
pub fn gap_findings<E: Copy>(
    treaty: &Treaty,
    is_baseline: bool,
    element_of: impl Fn(&'static str) -> Option<E>,
    findings: &mut Vec<(E, super::gaps::Finding)>,
) {
    let Some((code, mode)) = target() else { return };
    let Some(element) = element_of(code) else {
        return;
    };
    match mode {
        Mode::Silence => findings.retain(|(_, f)| f.code != code),
        Mode::Always if !is_baseline && !findings.iter().any(|(_, f)| f.code == code) => {
            let code = super::gaps::gap_rule(code).map_or(code, |(_, r)| r.code);
            findings.push((
                element,
                super::gaps::Finding::new(code, treaty.header_span, "broken rule: always fires"),
            ));
        }
        Mode::Always => {}
    }
}

/// Break one lint: `diagnostics[before..]` are what it reported on `treaty`.
pub fn lint_diagnostics(
    lint: &super::lints::Lint,
    treaty: &Treaty,
    before: usize,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let Some((code, mode)) = target() else { return };
    if lint.code != code {
        return;
    }
    match mode {
        Mode::Silence => diagnostics.truncate(before),
        Mode::Always if diagnostics.len() == before => diagnostics.push(
            lint.diagnostic("broken rule: always fires")
                .with_label(treaty.header_span, "here"),
        ),
        Mode::Always => {}
    }
}

/// Break a lint among all of a file's diagnostics: the file-level ones (L015 in comments,
/// L016 from `rules::suppress`) never pass through `lints::run`. Gap findings in a
/// treaty report's `gaps` are left as `gap_findings` made them.
pub fn file_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    let Some((code, mode)) = target() else { return };
    let Some(lint) = super::lints::all().find(|l| l.code == code) else {
        return;
    };
    match mode {
        Mode::Silence => diagnostics.retain(|d| d.code != code),
        Mode::Always if !diagnostics.iter().any(|d| d.code == code) => diagnostics.push(
            lint.diagnostic("broken rule: always fires")
                .with_label(crate::span::Span::new(0, 0), "here"),
        ),
        Mode::Always => {}
    }
}
