//! Arbitrary bytes -> the reader (`source::from_bytes`) -> the parser. Neither may
//! panic, and every span the parser reports must lie inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treaty::source::{self, Loaded};

fuzz_target!(|data: &[u8]| {
    let source = match source::from_bytes("fuzz.treaty".to_string(), data.to_vec()) {
        Loaded::Text(source) => source,
        Loaded::Rejected(source, diagnostic) => {
            for label in &diagnostic.labels {
                assert!(label.span.start <= label.span.end);
                assert!(label.span.end <= source.text.len());
            }
            return;
        }
    };
    let text = &source.text;
    let parsed = treaty::syntax::parse(text);
    for diagnostic in &parsed.diagnostics {
        for label in &diagnostic.labels {
            let span = label.span;
            assert!(
                span.start <= span.end && span.end <= text.len(),
                "{}: span {span:?} outside 0..{}",
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
});
