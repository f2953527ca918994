//! Text that parses without errors -> the formatter. Its output must parse without
//! errors, formatting it again must change nothing, and the model (what the file means,
//! spans aside) must be the same before and after. The comparison is the one in
//! `tests/fmt.rs`: the model and the model diagnostics as JSON with every span removed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;
use treaty::analysis::model_of;
use treaty::fmt::{format_text, FormatError};

/// The model as JSON with every span removed: what a file means, not where it says it.
fn meaning(text: &str) -> Value {
    fn strip(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|k, _| k != "span" && !k.ends_with("_span"));
                map.values_mut().for_each(strip);
            }
            Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let (model, diagnostics) = model_of(text);
    let mut value = serde_json::json!({
        "model": model,
        "diagnostics": diagnostics.iter().map(|d| (d.code, d.message.clone())).collect::<Vec<_>>(),
    });
    strip(&mut value);
    value
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let once = match format_text(text) {
        Ok(once) => once,
        // Files with syntax errors are refused; that is the contract.
        Err(FormatError::Syntax(_)) => return,
        Err(FormatError::Internal(why)) => panic!("formatter self-check failed: {why}"),
    };
    let reparsed = treaty::syntax::parse(&once);
    assert!(
        !reparsed.has_errors(),
        "formatted output does not parse: {:?}\n{once}",
        reparsed.diagnostics
    );
    let twice = match format_text(&once) {
        Ok(twice) => twice,
        Err(error) => panic!("formatted output cannot be formatted again: {error:?}\n{once}"),
    };
    assert_eq!(once, twice, "formatting is not idempotent");
    assert_eq!(
        meaning(text),
        meaning(&once),
        "formatting changed the model:\n{once}"
    );
});
