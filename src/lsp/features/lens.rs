//! What the check and the scenario runs found, written into the text: inlay hints (a
//! treaty's tier after its name, an obligation's absolute due time after the event
//! that brought it due) and code lenses (a treaty's tier and gap count; "run
//! scenario"), with the commands the lenses run.

use std::collections::HashMap;

use super::*;
use crate::output::count;

/// The command a scenario's lens runs: `[uri, scenario name]`; it answers the run's
/// timeline.
pub const RUN_SCENARIO: &str = "treaty.runScenario";
/// The command a treaty's lens runs: `[uri, treaty name]`; it answers why the treaty
/// has its tier.
pub const SHOW_TIER: &str = "treaty.showTier";

const HINT_TYPE: u8 = 1;

/// "intermediate", or "intermediate, provisional: 1 clause unreadable (line 10)" when a
/// clause could not be read: the tier as every LSP feature writes it (hover too).
pub fn tier_text(
    source: &crate::source::SourceFile,
    report: &crate::rules::TreatyReport,
) -> String {
    let tier = report.tier.tier.as_str();
    match crate::output::json::provisional_text(source, report) {
        Some(provisional) => format!("{tier}, {provisional}"),
        None => tier.to_string(),
    }
}

/// "tier: intermediate, 14 gaps": the line a treaty's lens shows.
fn tier_line(source: &crate::source::SourceFile, report: &crate::rules::TreatyReport) -> String {
    format!(
        "tier: {}, {}",
        tier_text(source, report),
        count(report.gaps.len(), "gap")
    )
}

/// The reasons for a treaty's tier, one "- reason" line each (the lens's command and
/// the hover list them).
pub(super) fn tier_reasons(report: &crate::rules::TreatyReport) -> String {
    let reasons: Vec<String> = report
        .tier
        .reasons
        .iter()
        .map(|r| format!("- {}", r.text))
        .collect();
    reasons.join("\n")
}

pub fn code_lens(context: &Context<'_>, _params: &Value) -> Reply {
    let positions = &context.positions;
    let mut lenses = Vec::new();
    let syntax = &context.document.syntax;
    for (treaty, report) in syntax
        .treaties
        .iter()
        .zip(&context.document.report.treaties)
    {
        let name = treaty.name.as_ref().map_or("", |n| n.value.as_str());
        lenses.push(json!({
            "range": positions.range(treaty.header_span),
            "command": {
                "title": tier_line(&context.document.report.source, report),
                "command": SHOW_TIER,
                "arguments": [context.uri, name],
            },
        }));
    }
    let outcomes = super::scenario::outcomes(context.uri, context.document, context.cancel);
    for outcome in &outcomes {
        let block = &syntax.scenarios[outcome.block];
        let Some(name) = &block.name else { continue };
        let command = |title: String| {
            json!({
                "range": positions.range(block.header_span),
                "command": {
                    "title": title,
                    "command": RUN_SCENARIO,
                    "arguments": [context.uri, name.value.as_str()],
                },
            })
        };
        lenses.push(command("run scenario".to_string()));
        lenses.push(command(super::scenario::summary(outcome)));
    }
    Ok(Value::Array(lenses))
}

/// `workspace/executeCommand` for the lenses' commands.
pub fn execute_command(documents: &HashMap<String, Document>, params: &Value) -> Reply {
    let command = params
        .get("command")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("missing `command`"))?;
    let arguments = params.get("arguments").and_then(Value::as_array);
    let argument = |i: usize| arguments.and_then(|a| a.get(i)).and_then(Value::as_str);
    let (Some(uri), Some(name)) = (argument(0), argument(1)) else {
        return Err(invalid(format!(
            "`{command}` takes a document uri and a name"
        )));
    };
    let document = documents
        .get(uri)
        .ok_or_else(|| invalid(format!("unknown document `{uri}`: open it first")))?;
    let answer = match command {
        RUN_SCENARIO => super::scenario::timeline(uri, document, name),
        SHOW_TIER => document
            .report
            .treaties
            .iter()
            .find(|t| t.id == name)
            .map(|report| {
                format!(
                    "treaty {name}: {}\n{}\n",
                    tier_line(&document.report.source, report),
                    tier_reasons(report)
                )
            }),
        _ => {
            return Err((
                crate::lsp::errors::METHOD_NOT_FOUND,
                format!("no command `{command}`"),
            ))
        }
    };
    answer
        .map(Value::String)
        .ok_or_else(|| invalid(format!("no `{name}` in `{uri}`")))
}

pub fn inlay_hints(context: &Context<'_>, params: &Value) -> Reply {
    let wanted = params
        .get("range")
        .and_then(|r| context.positions.span_of(r))
        .ok_or_else(|| invalid("missing or malformed `range`"))?;
    let positions = &context.positions;
    let mut hints = Vec::new();
    let syntax = &context.document.syntax;
    for (treaty, report) in syntax
        .treaties
        .iter()
        .zip(&context.document.report.treaties)
    {
        let at = treaty
            .name
            .as_ref()
            .map_or(treaty.header_span.start, |n| n.span.end);
        if at < wanted.start || at > wanted.end {
            continue;
        }
        let (line, character) = positions.position(at);
        hints.push(json!({
            "position": { "line": line, "character": character },
            "label": format!(
                "tier: {}{}",
                report.tier.tier.as_str(),
                if report.provisional.is_some() { " (provisional)" } else { "" }
            ),
            "kind": HINT_TYPE,
            "tooltip": tier_line(&context.document.report.source, report),
            "paddingLeft": true,
        }));
    }
    hints.extend(super::scenario::deadline_hints(context, wanted));
    Ok(Value::Array(hints))
}
