//! What a check run needs besides the file: the baseline, each rule's level and
//! today's date ([`Settings`]), and the baseline loaded from treaty text.
//!
//! Settings are plain data handed to `analysis::check`; this module must not run the
//! checks itself.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{self, Date};
use crate::rules::{Baseline, Tier};
use crate::syntax;

/// A rule's configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Advice,
    Off,
}

/// What a check run needs besides the file: the baseline, per-rule levels (from
/// `treaty.toml` and the command line) and today's date.
#[derive(Debug, Clone)]
pub struct Settings {
    pub baseline: Baseline,
    /// Levels by rule code; a rule not listed keeps its default severity.
    pub levels: HashMap<&'static str, Level>,
    /// Treaties below this tier get a `below-min-tier` error.
    pub min_tier: Option<Tier>,
    pub today: Date,
    /// Reads the files that `incorporate`, `mirror`, `in-addition-to` and `scope-of`
    /// name (the file system unless a front end says otherwise).
    pub loader: std::sync::Arc<dyn model::references::Loader>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings::with_baseline(bundled_baseline())
    }
}

impl Settings {
    pub fn with_baseline(baseline: Baseline) -> Self {
        Settings {
            baseline,
            levels: HashMap::new(),
            min_tier: None,
            today: Date::today(),
            loader: std::sync::Arc::new(model::references::FsLoader),
        }
    }

    /// Apply the configured levels: change severities, drop rules turned off.
    pub fn apply_levels(&self, diagnostics: &mut Vec<Diagnostic>) {
        if self.levels.is_empty() {
            return;
        }
        diagnostics.retain_mut(|d| match self.levels.get(d.code) {
            Some(Level::Off) => false,
            Some(Level::Error) => {
                d.severity = Severity::Error;
                true
            }
            Some(Level::Warning) => {
                d.severity = Severity::Warning;
                true
            }
            Some(Level::Advice) => {
                d.severity = Severity::Advice;
                true
            }
            None => true,
        });
    }
}

/// The bundled baseline: Article 5 of the North Atlantic Treaty with NATO practice.
pub const BUNDLED_BASELINE: &str = include_str!("../../treaties/article5-baseline.treaty");

/// Build a baseline from treaty text; the first treaty in it is the baseline.
pub fn baseline_from(text: &str) -> Result<Baseline, Vec<Diagnostic>> {
    let (model, diagnostics) = model::model_of(text);
    let errors: Vec<Diagnostic> = diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    match model.treaties.into_iter().next() {
        Some(treaty) => Ok(Baseline::new(treaty)),
        None => Err(vec![Diagnostic::error(
            syntax::codes::NO_TREATY,
            "the baseline file defines no treaty",
        )]),
    }
}

pub fn bundled_baseline() -> Baseline {
    baseline_from(BUNDLED_BASELINE).expect("the bundled baseline is checked by the test suite")
}
