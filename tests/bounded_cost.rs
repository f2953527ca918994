//! Issue 17, item 5, and issue 19: inputs whose cost used to grow faster than they do.
//! Sizes here are small; `benches/scaling.sh` measures the 1x/10x ratios and the peaks.
//! Nothing here is timed: each test checks the output that the linear code gives.

use treaty::analysis::{check, Settings};
use treaty::source::SourceFile;

fn diagnostics(text: &str) -> Vec<treaty::diagnostics::Diagnostic> {
    check(SourceFile::new("t.treaty", text), &Settings::default()).diagnostics
}

/// The 10 MB `provide A -> B x, x, ...` made one `E104` per `x` (3.3 million, 1.46 GB).
#[test]
fn a_repeated_unknown_word_is_reported_once_with_a_count() {
    let list = vec!["x"; 5_000].join(", ");
    let text = format!(
        "treaty t {{\n  form treaty\n  status in-force\n  party A\n  party B\n  provide A -> B {list}\n}}\n"
    );
    let unknown: Vec<_> = diagnostics(&text)
        .into_iter()
        .filter(|d| d.code == "E104")
        .collect();
    assert_eq!(unknown.len(), 1, "{unknown:?}");
    assert!(
        unknown[0].message.contains("(5000 times)"),
        "{}",
        unknown[0].message
    );
    assert_eq!(
        unknown[0].labels.len(),
        4,
        "the first use and three repeats"
    );
}

#[test]
fn past_two_hundred_distinct_unknown_words_one_diagnostic_counts_the_rest() {
    let list: Vec<String> = (0..1_000).map(|i| format!("w{i}")).collect();
    let text = format!(
        "treaty t {{\n  form treaty\n  status in-force\n  party A\n  party B\n  provide A -> B {}\n}}\n",
        list.join(", ")
    );
    let unknown: Vec<_> = diagnostics(&text)
        .into_iter()
        .filter(|d| d.code == "E104")
        .collect();
    assert_eq!(unknown.len(), 201);
    assert!(
        unknown[200].message.starts_with("800 more unknown words"),
        "{}",
        unknown[200].message
    );
}

/// The 50 MB `consult A, A, ...`: refused before pest allocates 80 bytes per item.
#[test]
fn a_block_with_too_many_list_items_is_refused_before_parsing() {
    let n = treaty::syntax::MAX_BLOCK_ITEMS + 1;
    let text = format!(
        "treaty t {{\n  party A\n  trigger armed-attack against A {{\n    consult {}A\n  }}\n}}\n",
        "A, ".repeat(n)
    );
    let found = diagnostics(&text);
    assert_eq!(
        found.len(),
        1,
        "{:?}",
        found.iter().map(|d| d.code).collect::<Vec<_>>()
    );
    assert_eq!(found[0].code, "E007");
    assert!(matches!(
        treaty::fmt::format_text(&text),
        Err(treaty::fmt::FormatError::Syntax(d)) if d[0].code == "E007"
    ));
    // One item fewer is read as usual.
    let fewer = text.replacen("A, ", "", 1);
    assert!(diagnostics(&fewer).iter().all(|d| d.code != "E007"));
}

/// Human output of a repeat far from the first occurrence printed every line between.
#[test]
fn a_far_label_is_named_in_the_help_not_printed_with_every_line_between() {
    let text = format!(
        "treaty t {{\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n{}}}\n",
        "  provide UK -> UA training\n".repeat(100)
    );
    let source = SourceFile::new("t.treaty", text.clone());
    let last = diagnostics(&text)
        .into_iter()
        .rev()
        .find(|d| d.code == "L006")
        .expect("duplicates");
    let out =
        treaty::output::human::render(&last, &source, treaty::output::human::HumanStyle::plain());
    assert!(
        out.contains("first written here: line 6, column 3"),
        "{out}"
    );
    assert!(out.lines().count() < 20, "{out}");
}
