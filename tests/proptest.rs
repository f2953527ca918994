//! Property tests: the checker never panics, whatever the text (arbitrary strings,
//! generated treaties with random byte-level and line-level mutations), and every
//! diagnostic label it reports lies inside the file on character boundaries.

use proptest::prelude::*;
use treaty::analysis::{check, Settings};
use treaty::generate;
use treaty::source::SourceFile;

/// Checks `text` and asserts every label span is inside it, ordered and on char
/// boundaries.
fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let report = check(SourceFile::new("prop.treaty", text), &Settings::default());
    for diagnostic in &report.diagnostics {
        for label in &diagnostic.labels {
            let span = label.span;
            prop_assert!(
                span.start <= span.end,
                "{}: reversed span {:?}",
                diagnostic.code,
                span
            );
            prop_assert!(
                span.end <= text.len(),
                "{}: span {:?} past end {}",
                diagnostic.code,
                span,
                text.len()
            );
            prop_assert!(
                text.is_char_boundary(span.start),
                "{}: start {:?} inside a char",
                diagnostic.code,
                span
            );
            prop_assert!(
                text.is_char_boundary(span.end),
                "{}: end {:?} inside a char",
                diagnostic.code,
                span
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check_spans(&text)?;
    }

    #[test]
    fn treaty_shaped_text_never_panics(text in "(treaty|party|provide|consult|\\{|\\}|->|\"|//|[a-z]{1,8}|[0-9]{1,4}|[ \n,\\[\\]é]){0,120}") {
        check_spans(&text)?;
    }

    #[test]
    fn mutated_generated_treaties_never_panic(
        seed in 0u64..1000,
        count in 1usize..4,
        cut in any::<prop::sample::Index>(),
        insert in "\\PC{0,12}",
        drop_len in 0usize..40,
    ) {
        let original = generate::treaties(seed, count, seed % 2 == 0);
        check_spans(&original)?;
        // Delete a slice and splice in random text at a char boundary.
        let mut at = cut.index(original.len() + 1);
        while !original.is_char_boundary(at) { at -= 1; }
        let mut end = (at + drop_len).min(original.len());
        while !original.is_char_boundary(end) { end -= 1; }
        let mutated = format!("{}{}{}", &original[..at], insert, &original[end..]);
        check_spans(&mutated)?;
    }
}

#[test]
fn deep_nesting_and_unterminated_constructs_are_diagnosed_not_crashed() {
    let deep = format!("treaty t {{\n{}\n", "{".repeat(10_000));
    for text in [
        deep.as_str(),
        "treaty t {",
        "treaty t { source \"unterminated",
        "\u{feff}treaty é {}",
    ] {
        let report = check(SourceFile::new("edge.treaty", text), &Settings::default());
        assert!(
            !report.diagnostics.is_empty(),
            "broken input must be diagnosed: {text:.40}"
        );
        check_spans(text).expect("spans in bounds");
    }
}
