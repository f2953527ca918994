//! A file parsed in pieces (cut between top-level blocks, as `treaty check` does with
//! large files) gives exactly the tree and diagnostics of parsing it at once: the same
//! spans into the file, the same recovery, whatever the text.

use proptest::prelude::*;
use treaty::generate;
use treaty::syntax::{parse_in_pieces, Parsed};

fn parsed_with(text: &str, piece_bytes: usize) -> (Parsed, usize) {
    let mut count = 0;
    let mut whole = Parsed::default();
    parse_in_pieces(text, piece_bytes, |piece| {
        count += 1;
        whole.append(piece);
    });
    (whole, count)
}

/// Parses `text` at once and in pieces of each size; returns the most pieces used.
fn assert_pieces_agree(text: &str) -> usize {
    let (at_once, one) = parsed_with(text, usize::MAX);
    assert_eq!(one, 1, "no cuts without a piece size");
    let mut most = 1;
    for piece_bytes in [1, 200, 4096] {
        let (in_pieces, count) = parsed_with(text, piece_bytes);
        assert_eq!(
            in_pieces, at_once,
            "pieces of {piece_bytes} bytes differ from one parse of:\n{text}"
        );
        most = most.max(count);
    }
    most
}

#[test]
fn the_example_corpus_parses_the_same_in_pieces() {
    let mut files = 0;
    let mut cut_files = 0;
    for entry in walk("treaties") {
        let text = std::fs::read_to_string(&entry).expect("readable corpus file");
        files += 1;
        if assert_pieces_agree(&text) > 1 {
            cut_files += 1;
        }
    }
    assert!(files >= 14, "corpus not found: {files} files");
    // Files with several treaties or scenarios were really cut.
    assert!(cut_files >= 3, "only {cut_files} files were cut");
}

#[test]
fn generated_treaties_parse_the_same_in_pieces() {
    for (seed, broken) in [(1, false), (2, true), (3, true)] {
        let text = generate::treaties(seed, 40, broken);
        assert!(assert_pieces_agree(&text) >= 40, "every treaty is a piece");
    }
}

#[test]
fn a_wrong_cut_falls_back_to_reading_the_rest_at_once() {
    // The prescan skips the `}` inside the comment, pest's recovery reads the broken
    // clause's block through it: the prescan sees a cut before `treaty b` that pest
    // does not, and the result must still be the one-parse result.
    let text = "treaty z {\n}\ntreaty a {\n  form treaty\n  oops { // }\n  \"x\n}\n}\ntreaty b {\n  form treaty\n}\nstray words\ntreaty c {\n}\n";
    assert_pieces_agree(text);
    let (parsed, pieces) = parsed_with(text, 1);
    // `z`, then everything from `a` on at once.
    assert_eq!(pieces, 2);
    let names: Vec<_> = parsed
        .file
        .treaties
        .iter()
        .map(|t| t.name.as_ref().map(|n| n.value.to_string()))
        .collect();
    assert!(names.len() >= 2, "{names:?}");
}

#[test]
fn empty_and_blank_files_still_say_there_is_no_treaty() {
    for text in ["", "\n\n", "// only a comment\n"] {
        let (parsed, _) = parsed_with(text, 1);
        assert_eq!(parsed.diagnostics.len(), 1, "{text:?}");
        assert_eq!(parsed.diagnostics[0].code, "E004");
    }
}

fn walk(dir: &str) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path).expect("readable directory") {
                stack.push(entry.expect("directory entry").path());
            }
        } else if path.extension().is_some_and(|e| e == "treaty") {
            out.push(path);
        }
    }
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Several generated treaties with text spliced in at random: unbalanced braces,
    /// quotes, comments and stray words between or inside blocks.
    #[test]
    fn mutated_files_parse_the_same_in_pieces(
        seed in 0u64..500,
        count in 2usize..5,
        cuts in prop::collection::vec((any::<prop::sample::Index>(), "([{}\"]|//|\n|treaty x |scenario s |\\\\|[a-z ]{1,6}){1,4}", 0usize..30), 1..4),
    ) {
        let mut text = generate::treaties(seed, count, seed % 2 == 0);
        for (at, insert, drop_len) in cuts {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) { start -= 1; }
            let mut end = (start + drop_len).min(text.len());
            while !text.is_char_boundary(end) { end -= 1; }
            text.replace_range(start..end, &insert);
        }
        let (at_once, _) = parsed_with(&text, usize::MAX);
        for piece_bytes in [1, 300] {
            let (in_pieces, _) = parsed_with(&text, piece_bytes);
            prop_assert_eq!(&in_pieces, &at_once, "pieces of {} bytes, text:\n{}", piece_bytes, text);
        }
    }
}
