//! The broken-rule experiment (docs/design.md, "How the suite guards the rules"): with the
//! `broken-rule-experiment` feature, `TREATY_BREAK_RULE=CODE:MODE` breaks one gap rule or
//! lint at the point where its verdict is taken, so `tests/broken_rules.sh` can show that
//! some test fails for every rule. `silence` drops every finding of the rule (its
//! condition never holds); `always` reports it on every treaty that lacks it (its
//! condition always holds). Never compiled into a normal build. The gap and lint
//! dispatchers call in here; this module knows neither.

use std::sync::OnceLock;

use crate::diagnostics::Diagnostic;

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

/// Break the lint `code` among `diagnostics[from..]`: drop its diagnostics there, or add
/// `made()` when there are none.
pub fn lint_diagnostics(
    code: &str,
    from: usize,
    diagnostics: &mut Vec<Diagnostic>,
    made: impl FnOnce() -> Diagnostic,
) {
    let Some((target, mode)) = target() else {
        return;
    };
    if target != code {
        return;
    }
    match mode {
        Mode::Silence => {
            let mut tail = diagnostics.split_off(from);
            tail.retain(|d| d.code != code);
            diagnostics.append(&mut tail);
        }
        Mode::Always if !diagnostics[from..].iter().any(|d| d.code == code) => {
            diagnostics.push(made());
        }
        Mode::Always => {}
    }
}
