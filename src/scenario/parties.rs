//! Party codes in a scenario that look like a party of the run's treaties without
//! being it (`against UА` with a Cyrillic `А` for a declared `UA`). The run would treat
//! such a code as a state no treaty names, so `expect no act US, UА` would pass for
//! the wrong reason: it is reported as `S002` with the declared code, and the
//! scenario does not run. A code that is simply not a party (an aggressor, a third
//! state) is ordinary and is not reported; neither is an ASCII near-miss (`NX` for
//! `NZ`), since two-letter codes one letter apart are usually both real states.
//! `tests/scenario_parties.rs` runs it through `treaty check`'s scenario problems.

use super::codes;
use super::engine::Instrument;
use crate::diagnostics::Diagnostic;
use crate::suggest::look_alike::explain;
use crate::suggest::Suggester;
use crate::syntax::ast::scenario::Scenario;

/// `S002` for each party code of `block` that is a look-alike of a code declared by
/// one of `instruments` (a party or a member of a group party).
pub fn check(block: &Scenario, instruments: &[Instrument<'_>]) -> Vec<Diagnostic> {
    let mut declared: Vec<&str> = instruments
        .iter()
        .flat_map(|i| i.treaty.parties.iter())
        .flat_map(|p| std::iter::once(p.code.as_str()).chain(p.members.iter().map(|m| m.as_str())))
        .collect();
    declared.sort_unstable();
    declared.dedup();
    let mut suggester = Suggester::new();
    for code in &declared {
        suggester.push(code);
    }
    let mut out = Vec::new();
    for word in block.party_words() {
        let code = word.value.as_str();
        if code.is_ascii() || declared.binary_search(&code).is_ok() {
            continue;
        }
        let Some(party) = suggester.look_alike(code) else {
            continue;
        };
        out.push(
            Diagnostic::error(
                codes::BAD_EVENT,
                format!(
                    "party `{code}` is a look-alike of `{party}`, a party of the run's treaties"
                ),
            )
            .with_label(word.span, format!("not `{party}`: other characters"))
            .with_help(format!("{}; retype it as `{party}`", explain(code, party)))
            .with_suggestion(Some(party)),
        );
    }
    out
}
