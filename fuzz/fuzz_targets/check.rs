//! Arbitrary bytes -> the whole pipeline (`analysis::check` with the default settings)
//! -> the human renderer for every diagnostic. Nothing may panic, and every label span
//! must lie inside the text, in order, on character boundaries.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use treaty::analysis::{self, Settings};
use treaty::output::human::{self, HumanStyle};
use treaty::source::{self, Loaded, SourceFile};

/// Built once: parsing the bundled baseline on every input would dominate the run.
fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(Settings::default)
}

fn assert_spans(source: &SourceFile, diagnostics: &[treaty::diagnostics::Diagnostic]) {
    let text = &source.text;
    for diagnostic in diagnostics {
        for label in &diagnostic.labels {
            let span = label.span;
            assert!(
                span.start <= span.end,
                "{}: reversed span {span:?}",
                diagnostic.code
            );
            assert!(
                span.end <= text.len(),
                "{}: span {span:?} past the end ({})",
                diagnostic.code,
                text.len()
            );
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{}: span {span:?} inside a character",
                diagnostic.code
            );
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let report = match source::from_bytes("fuzz.treaty".to_string(), data.to_vec()) {
        Loaded::Text(source) => analysis::check(source, settings()),
        Loaded::Rejected(source, diagnostic) => analysis::FileReport::rejected(source, diagnostic),
    };
    assert_spans(&report.source, &report.diagnostics);
    // Plain and coloured output take different paths through miette's theme.
    let style = HumanStyle {
        colour: data.len() % 2 == 0,
        width: 40 + data.len() % 120,
    };
    for diagnostic in &report.diagnostics {
        let rendered = human::render(diagnostic, &report.source, style);
        assert!(!rendered.is_empty(), "{}: empty rendering", diagnostic.code);
    }
});
