//! Differential: a text parsed in the smallest pieces the prescan allows (a cut before
//! every top-level `treaty` or `scenario` line) must give exactly the tree and the
//! diagnostics of one parse of the whole text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treaty::syntax::{parse_in_pieces, Parsed};

fn parsed_with(text: &str, piece_bytes: usize) -> Parsed {
    let mut whole = Parsed::default();
    parse_in_pieces(text, piece_bytes, |piece| whole.append(piece));
    whole
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let at_once = parsed_with(text, usize::MAX);
    // A piece pest refuses (out of stack) is reported alone by design, where one parse
    // of the whole text loses all of it: not a difference to report.
    if at_once
        .diagnostics
        .iter()
        .any(|d| d.message.starts_with("the parser"))
    {
        return;
    }
    let in_pieces = parsed_with(text, 1);
    assert!(in_pieces == at_once, "pieces differ from one parse");
});
