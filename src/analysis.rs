//! The whole pipeline for one file: parse, resolve, assess. The CLI, the tests and any
//! future front end (language server, scenario engine) call this and nothing lower.

use crate::diagnostics::{self, Diagnostic, Severity};
use crate::model::{self, Model};
use crate::rules::{self, Baseline, TreatyReport};
use crate::source::SourceFile;
use crate::syntax;

/// Everything `check` knows about one file.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub model: Model,
    pub treaties: Vec<TreatyReport>,
    /// Syntax, model and gap diagnostics, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// A file that could not be read as text: no treaties, one diagnostic.
    pub fn rejected(source: SourceFile, diagnostic: Diagnostic) -> Self {
        FileReport {
            source,
            model: Model::default(),
            treaties: Vec::new(),
            diagnostics: vec![diagnostic],
        }
    }
}

/// Parse and resolve only: the model and the syntax and model diagnostics.
pub fn model_of(text: &str) -> (Model, Vec<Diagnostic>) {
    let parsed = syntax::parse(text);
    let (model, mut diagnostics) = model::resolve(&parsed.file);
    let mut all = parsed.diagnostics;
    all.append(&mut diagnostics);
    (model, all)
}

pub fn check(source: SourceFile, baseline: &Baseline) -> FileReport {
    let (model, mut diagnostics) = model_of(&source.text);
    let mut treaties = Vec::with_capacity(model.treaties.len());
    for treaty in &model.treaties {
        let report = rules::assess(treaty, baseline);
        for gap in &report.gaps {
            diagnostics.push(
                Diagnostic::warning(gap.code, format!("{}: {}", treaty.id, gap.message))
                    .with_label(
                        gap.span,
                        format!("gap against {}: {}", baseline.name, gap.element_title),
                    )
                    .with_help(gap.help),
            );
        }
        treaties.push(report);
    }
    diagnostics::sort(&mut diagnostics);
    FileReport {
        source,
        model,
        treaties,
        diagnostics,
    }
}

/// The bundled baseline: Article 5 of the North Atlantic Treaty with NATO practice.
pub const BUNDLED_BASELINE: &str = include_str!("../treaties/article5-baseline.treaty");

/// Build a baseline from treaty text; the first treaty in it is the baseline.
pub fn baseline_from(text: &str) -> Result<Baseline, Vec<Diagnostic>> {
    let (model, diagnostics) = model_of(text);
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
