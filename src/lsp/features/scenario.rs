//! Scenario blocks, live: each one is resolved and run against its treaties as
//! `treaty test` would run it, so a failing `expect` (S001) or an unusable event or
//! `treaty` line (S002 to S005) shows in the editor; hover, symbols, inlay hints and
//! code lenses read the same runs. Nothing runs for a document without scenarios.

use std::path::{Path, PathBuf};

use super::*;
use crate::cancel::Cancel;
use crate::output::count;
use crate::scenario::block as scenario_block;
use crate::scenario::engine::Run;
use crate::scenario::expect::{Correction, Verdict};
use crate::scenario::load::{Library, TreatyFile};
use crate::scenario::resolve;
use crate::syntax::ast::scenario::{Happening, ScenarioItem, UseTarget};

/// The words that open a scenario item, with what each says.
pub const ITEM_WORDS: &[(&str, &str)] = &[
    (
        "treaty",
        "what the scenario runs against: a file in quotes, or a treaty of this file",
    ),
    (
        "assume",
        "a what-if: `assume in-force`, or `assume signed DATE`",
    ),
    (
        "event",
        "something that happened, and when: `event armed-attack by RU against UA at TIME`",
    ),
    ("end", "when the log closes: `end 2027-03-10T00:00Z`"),
    (
        "expect",
        "what must (or must not) follow: `expect consult UK, UA by TIME`",
    ),
];

/// What a party can be logged doing in an `event` line.
const VERBS: &[(&str, &str)] = &[
    ("consults", "the party consulted the ones named"),
    (
        "provides",
        "the party provided assistance of the kinds named",
    ),
    (
        "assists",
        "the party assisted the ones named (also `defends`, `acts`)",
    ),
    ("reports", "the party reported to a body"),
    ("seeks", "the party sought action from a body"),
    ("stations", "the party stationed forces (also `deploys`)"),
    ("withdraws", "the party withdrew from the instrument"),
    (
        "decides",
        "the party (or body) took the decision a `decided-by` waits for",
    ),
];

const STATUS_WORDS: &[(&str, &str)] = &[
    ("fulfilled", "the obligation was met"),
    ("violated", "the obligation was not met in time"),
    (
        "pending",
        "the obligation is still open when the log closes",
    ),
];

/// One scenario block of the document and what running it gave.
pub struct Outcome {
    /// Index into the document's `syntax.scenarios`.
    pub block: usize,
    /// S001 for each failed expectation, or the S002 to S005 that kept it from running.
    pub diagnostics: Vec<Diagnostic>,
    pub run: Option<Run>,
    /// The verdict on each expectation (none when it could not be run).
    pub verdicts: Vec<Verdict>,
    /// Expectations checked, and how many of them passed.
    pub expectations: usize,
    pub passed: usize,
}

/// Run every scenario block of the document. A document with syntax errors gets no
/// runs: its syntax errors are reported already, and the blocks may be half-written.
/// Once `cancel` is set, no further block is run (and a running one stops between
/// events): what is returned is then incomplete, for an answer no one will read.
pub fn outcomes(uri: &str, document: &Document, cancel: &Cancel) -> Vec<Outcome> {
    let scenarios = &document.syntax.scenarios;
    let has_syntax_error = document.report.diagnostics.iter().any(|d| {
        d.severity == Severity::Error
            && registry::lookup(d.code).is_some_and(|r| r.family == "syntax")
    });
    if scenarios.is_empty() || has_syntax_error {
        return Vec::new();
    }
    let text = document.text();
    let dir = crate::lsp::file_path(uri)
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .unwrap_or_else(|| PathBuf::from("."));
    let mut library = Library::new();
    let own = library.add(TreatyFile::new(
        document.report.source.path.clone(),
        text.to_string(),
    ));
    scenarios
        .iter()
        .enumerate()
        .take_while(|_| !cancel.is_cancelled())
        .map(|(block, ast)| {
            let ran = scenario_block::run_until(ast, text, own, &dir, &mut library, cancel);
            let diagnostics = if ran.problems.is_empty() {
                ran.failures()
            } else {
                ran.problems.clone()
            };
            Outcome {
                block,
                diagnostics,
                expectations: ran.verdicts.len(),
                passed: ran.passed(),
                run: ran.run,
                verdicts: ran.verdicts,
            }
        })
        .collect()
}

/// The scenario diagnostics of a document, as published with the check's own.
pub fn scenario_diagnostics(uri: &str, document: &Document) -> Vec<Diagnostic> {
    outcomes(uri, document, &Cancel::never())
        .into_iter()
        .flat_map(|o| o.diagnostics)
        .collect()
}

/// What may follow in a scenario item, from the line before the cursor.
pub(super) fn expected_in_item(line_before_cursor: &str) -> Expected {
    use crate::vocab::*;
    let written = written_words(line_before_cursor);
    let keyword = written.first().copied().unwrap_or("");
    let previous = written.last().copied().unwrap_or("");
    let second = written.get(1).copied().unwrap_or("");
    let words_of = |list: &[(&'static str, &'static str)]| list.to_vec();
    let all = |list: &'static [(&'static str, &'static str)]| list.to_vec();
    let vocabulary =
        |words: Vec<(&'static str, &'static str)>, parties| Expected { parties, words };
    let kinds: Vec<(&'static str, &'static str)> = TriggerKind::ALL
        .iter()
        .map(|k| (k.word(), k.meaning()))
        .collect();
    let is_verb = |w: &str| crate::scenario::Verb::parse(w).is_some();
    match (keyword, previous) {
        ("assume", "assume") => vocabulary(
            vec![
                ("in-force", "run the treaties as if in force"),
                ("signed", "a signature date for treaties that give none"),
            ],
            false,
        ),
        ("event", "event") => vocabulary(kinds, true),
        ("event", "at") | ("end", _) | ("treaty", _) => vocabulary(Vec::new(), false),
        ("event", "by" | "against" | "in") => vocabulary(Vec::new(), true),
        ("event", "with") => vocabulary(
            Means::ALL.iter().map(|m| (m.word(), m.meaning())).collect(),
            false,
        ),
        ("event", "provides") => vocabulary(
            AssistanceKind::ALL
                .iter()
                .map(|k| (k.word(), k.meaning()))
                .collect(),
            false,
        ),
        ("event", "to") if !is_verb(second) => vocabulary(
            ThreatAspect::ALL
                .iter()
                .map(|a| (a.word(), a.meaning()))
                .collect(),
            false,
        ),
        ("event", verb) if is_verb(verb) => vocabulary(Vec::new(), true),
        ("event", _) if written.contains(&"at") => vocabulary(
            EventAttribute::ALL
                .iter()
                .map(|a| (a.word(), a.meaning()))
                .collect(),
            false,
        ),
        ("event", _) if written.len() == 2 && TriggerKind::parse(second).is_none() => {
            let mut words = words_of(VERBS);
            words.push(("at", "when it happened"));
            vocabulary(words, false)
        }
        ("event", _) => vocabulary(
            vec![
                ("by", "the attacker"),
                ("against", "the party attacked"),
                ("in", "where it happened"),
                ("at", "when it happened"),
            ],
            true,
        ),
        ("expect", "expect" | "no") => {
            let mut words = all(STATUS_WORDS);
            if previous == "expect" {
                words.push(("no", "the obligation must not arise"));
            }
            words.extend(expectation_words());
            vocabulary(words, false)
        }
        ("expect", status) if STATUS_WORDS.iter().any(|(w, _)| *w == status) => {
            vocabulary(expectation_words(), false)
        }
        ("expect", _) => vocabulary(
            vec![
                ("by", "the time by which it is due"),
                ("late", "how late it was met: `late 27 hours`"),
                ("because", "the reason the run gives"),
            ],
            true,
        ),
        _ => vocabulary(Vec::new(), false),
    }
}

fn expectation_words() -> Vec<(&'static str, &'static str)> {
    resolve::expectation_words()
        .into_iter()
        .map(|w| {
            let meaning = keywords::find_word(w).map_or("an obligation or outcome", |k| k.meaning);
            (w, meaning)
        })
        .collect()
}

/// The scenario block (by index) whose text contains `offset`.
pub(super) fn block_at(context: &Context<'_>, offset: usize) -> Option<usize> {
    context
        .document
        .syntax
        .scenarios
        .iter()
        .position(|s| s.span.start <= offset && offset <= s.span.end)
}

/// One line about a run: what the lens and the hover show.
pub(super) fn summary(outcome: &Outcome) -> String {
    match &outcome.run {
        None => format!(
            "cannot be run: {}",
            outcome
                .diagnostics
                .first()
                .map_or("", |d| d.message.as_str())
        ),
        Some(run) => {
            let s = &run.summary;
            format!(
                "{} of {} pass; {}: {} fulfilled, {} violated, {} pending",
                outcome.passed,
                count(outcome.expectations, "expectation"),
                count(s.obligations, "obligation"),
                s.fulfilled,
                s.violated,
                s.pending
            )
        }
    }
}

/// Hover inside a scenario: the item word, the run's summary on the header, and on an
/// event the obligations it brought due.
pub(super) fn hover_sections(context: &Context<'_>, offset: usize) -> Vec<String> {
    let Some(index) = block_at(context, offset) else {
        return Vec::new();
    };
    let block = &context.document.syntax.scenarios[index];
    let mut sections = Vec::new();
    if let Some((word, span)) = super::mentions::word_at(context.text(), offset) {
        if let Some((_, meaning)) = ITEM_WORDS.iter().find(|(w, _)| *w == word) {
            if opens_line(context.text(), span.start) {
                sections.push(format!("**{word}** (scenario): {meaning}"));
            }
        } else if let Some((_, meaning)) = VERBS.iter().find(|(w, _)| *w == word) {
            sections.push(format!("**{word}** (event): {meaning}"));
        }
    }
    let outcomes = outcomes(context.uri, context.document, context.cancel);
    let Some(outcome) = outcomes.iter().find(|o| o.block == index) else {
        return sections;
    };
    if block.header_span.start <= offset && offset <= block.header_span.end {
        let name = block
            .name
            .as_ref()
            .map_or("(unnamed)", |n| n.value.as_str());
        sections.push(format!("**scenario {name}**: {}", summary(outcome)));
    }
    for diagnostic in &outcome.diagnostics {
        let Some(span) = diagnostic.primary_span() else {
            continue;
        };
        if span.start <= offset && offset <= span.end {
            let help = diagnostic
                .help
                .as_deref()
                .map_or(String::new(), |h| format!("\n\n{h}"));
            sections.push(format!(
                "**{}**: {}{help}",
                diagnostic.code, diagnostic.message
            ));
        }
    }
    if let Some(run) = &outcome.run {
        for (event, report) in run.events.iter().enumerate() {
            let Some(span) = report.span else { continue };
            if !(span.start <= offset && offset <= span.end) {
                continue;
            }
            let owed: Vec<String> = run
                .obligations
                .iter()
                .filter(|o| o.event == event)
                .map(|o| {
                    let due = o.due.map_or(String::new(), |d| format!(", due {d}"));
                    format!(
                        "- #{} {} ({}{due}): {}",
                        o.id,
                        o.what,
                        o.treaty,
                        o.status.word()
                    )
                })
                .collect();
            if !owed.is_empty() {
                sections.push(format!("**brings due**\n\n{}", owed.join("\n")));
            }
        }
    }
    sections
}

pub(super) fn item_span(item: &ScenarioItem) -> Span {
    match item {
        ScenarioItem::Use { span, .. }
        | ScenarioItem::Assume { span, .. }
        | ScenarioItem::End { span, .. } => *span,
        ScenarioItem::Event(happening) => happening.span(),
        ScenarioItem::Expect(expectation) => expectation.span,
    }
}

/// `workspace/executeCommand` `treaty.runScenario` with `[uri, name]`: the run's
/// timeline, as `treaty simulate --scenario NAME` prints it.
pub(super) fn timeline(uri: &str, document: &Document, name: &str) -> Option<String> {
    let index = document
        .syntax
        .scenarios
        .iter()
        .position(|s| s.name.as_ref().is_some_and(|n| n.value == name))?;
    let outcome = outcomes(uri, document, &Cancel::never())
        .into_iter()
        .find(|o| o.block == index)?;
    Some(match &outcome.run {
        Some(run) => format!(
            "{}\n{}\n",
            crate::scenario::render::timeline(run),
            summary(&outcome)
        ),
        None => summary(&outcome),
    })
}

/// Inlay hints in scenarios: after an event, each obligation it brought due with the
/// absolute time it is due.
pub(super) fn deadline_hints(context: &Context<'_>, wanted: Span) -> Vec<Value> {
    let mut hints = Vec::new();
    for outcome in outcomes(context.uri, context.document, context.cancel) {
        let Some(run) = &outcome.run else { continue };
        for owed in &run.obligations {
            let (Some(due), Some(span)) =
                (owed.due, run.events.get(owed.event).and_then(|e| e.span))
            else {
                continue;
            };
            if span.end < wanted.start || span.start > wanted.end {
                continue;
            }
            hints.push(json!({
                "position": context.positions.range(Span::new(span.end, span.end))["start"],
                "label": format!("{} due {due}", owed.duty),
                "tooltip": format!("#{} {} ({}): {}", owed.id, owed.what, owed.treaty, owed.status.word()),
                "paddingLeft": true,
            }));
        }
    }
    hints
}

/// Quick fixes for the scenario diagnostics within `wanted`, each with the diagnostic
/// it fixes: a failed `expect` whose `by` time, status or `late` period has exactly
/// one value that makes it hold gets that value, and an unknown word with a
/// did-you-mean gets the suggested word. Scenario results get no "allow" action: the
/// suppression comments silence the check's rules on treaty clauses, and nothing
/// silences what `treaty test` reports.
pub(super) fn fixes(context: &Context<'_>, wanted: Span) -> Vec<(Diagnostic, super::fixes::Fix)> {
    let blocks = &context.document.syntax.scenarios;
    if !blocks
        .iter()
        .any(|b| b.span.start <= wanted.end && wanted.start <= b.span.end)
    {
        return Vec::new();
    }
    let text = context.text();
    let touches = |span: Span| span.start <= wanted.end && wanted.start <= span.end;
    let mut out = Vec::new();
    for outcome in outcomes(context.uri, context.document, context.cancel) {
        let block = &blocks[outcome.block];
        for verdict in outcome.verdicts.iter().filter(|v| !v.passed) {
            if !touches(verdict.span) {
                continue;
            }
            let Some(expectation) = block.items.iter().find_map(|item| match item {
                ScenarioItem::Expect(e) if e.span == verdict.span => Some(e),
                _ => None,
            }) else {
                continue;
            };
            for correction in &verdict.corrections {
                let written = match correction {
                    Correction::Due(_) => expectation.due.as_ref().map(|w| w.span),
                    Correction::Status(_) => expectation.status.as_ref().map(|w| w.span),
                    Correction::Late(_) => expectation.late.as_ref().map(|p| p.span),
                };
                let Some(span) = written else { continue };
                let new_text = correction.text();
                out.push((
                    verdict.diagnostic(),
                    replacement(text, span, new_text, "what the run gives"),
                ));
            }
        }
        for diagnostic in outcome
            .diagnostics
            .iter()
            .filter(|d| d.code != crate::scenario::codes::EXPECTATION_FAILED)
        {
            let Some(span) = diagnostic.primary_span().filter(|s| touches(*s)) else {
                continue;
            };
            let suggested = diagnostic.suggestion.clone().or_else(|| {
                diagnostic
                    .help
                    .as_deref()
                    .and_then(super::fixes::suggestion)
                    .map(str::to_string)
            });
            let Some(suggested) = suggested else { continue };
            let Some(word) = misspelt_word(block, text, span) else {
                continue;
            };
            out.push((
                diagnostic.clone(),
                replacement(text, word, suggested, "did you mean"),
            ));
        }
    }
    out
}

/// "Replace `old` with `new` (why)", one edit.
fn replacement(text: &str, span: Span, new_text: String, why: &str) -> super::fixes::Fix {
    let old = text.get(span.start..span.end).unwrap_or("");
    super::fixes::Fix {
        title: format!("Replace `{old}` with `{new_text}` ({why})"),
        edits: vec![(span, new_text)],
    }
}

/// The word a scenario diagnostic at `span` is about: the span itself when it is one
/// word (S002, S005), the treaty name of a `treaty NAME` line (S003), the event word of
/// an event line (S004).
fn misspelt_word(
    block: &crate::syntax::ast::scenario::Scenario,
    text: &str,
    span: Span,
) -> Option<Span> {
    let written = text.get(span.start..span.end)?;
    if !written.is_empty() && !written.contains(char::is_whitespace) {
        return Some(span);
    }
    block.items.iter().find_map(|item| match item {
        ScenarioItem::Use {
            target: UseTarget::Treaty(name),
            span: line,
        } if *line == span => Some(name.span),
        ScenarioItem::Event(Happening::Occurrence {
            kind, span: line, ..
        }) if *line == span => Some(kind.span),
        _ => None,
    })
}
