//! Rename and document highlight: every place a party code or a treaty name is
//! written, in the treaty blocks and the scenario blocks of one document.
//!
//! A party code belongs to its treaty: renaming `UK` in one treaty leaves another
//! treaty's `UK` alone, but follows it into the scenarios that run against that treaty
//! (those naming it with `treaty NAME`, and those with no `treaty` line, which run
//! against every treaty of their file). A treaty name follows into `treaty NAME` lines
//! and `scope-of NAME` areas.

use super::mentions::party_mentions;
use super::*;
use crate::syntax::ast::scenario::{ScenarioItem, UseTarget};

const HIGHLIGHT_TEXT: u8 = 1;
const HIGHLIGHT_READ: u8 = 2;
const HIGHLIGHT_WRITE: u8 = 3;

/// One written occurrence of the renamed thing.
struct Occurrence {
    span: Span,
    declaration: bool,
}

/// What is under the cursor, and everywhere it is written.
struct Target {
    name: String,
    what: &'static str,
    span: Span,
    occurrences: Vec<Occurrence>,
}

/// The in-file treaties (by index) a scenario block runs against.
fn treaties_of_scenario(context: &Context<'_>, block: usize) -> Vec<usize> {
    let syntax = &context.document.syntax;
    let named: Vec<&str> = syntax.scenarios[block]
        .items
        .iter()
        .filter_map(|item| match item {
            ScenarioItem::Use {
                target: UseTarget::Treaty(word),
                ..
            } => Some(word.value.as_str()),
            _ => None,
        })
        .collect();
    let uses_files = syntax.scenarios[block].items.iter().any(|item| {
        matches!(
            item,
            ScenarioItem::Use {
                target: UseTarget::Path(_),
                ..
            }
        )
    });
    (0..syntax.treaties.len())
        .filter(|&t| {
            let name = syntax.treaties[t].name.as_ref().map(|n| n.value.as_str());
            if named.is_empty() {
                !uses_files
            } else {
                name.is_some_and(|n| named.contains(&n))
            }
        })
        .collect()
}

/// Every `scope-of NAME` in the document's triggers.
fn scope_references(clauses: &[Clause], out: &mut Vec<Word>) {
    for clause in clauses {
        if let ClauseKind::Trigger { spec, clauses, .. } = &clause.kind {
            if let Some(spec) = spec {
                for area in spec.scope.iter().chain(&spec.excluding) {
                    if let Area::ScopeOf { treaty, .. } = area {
                        out.push(treaty.clone());
                    }
                }
            }
            scope_references(clauses, out);
        }
    }
}

fn treaty_target(context: &Context<'_>, offset: usize) -> Option<Target> {
    let syntax = &context.document.syntax;
    let mut written: Vec<(Word, bool)> = Vec::new();
    for treaty in &syntax.treaties {
        if let Some(name) = &treaty.name {
            written.push((name.clone(), true));
        }
        let mut references = Vec::new();
        scope_references(&treaty.clauses, &mut references);
        written.extend(references.into_iter().map(|w| (w, false)));
    }
    for block in &syntax.scenarios {
        for item in &block.items {
            if let ScenarioItem::Use {
                target: UseTarget::Treaty(word),
                ..
            } = item
            {
                written.push((word.clone(), false));
            }
        }
    }
    let (at, _) = written
        .iter()
        .find(|(w, _)| w.span.start <= offset && offset <= w.span.end)?;
    Some(Target {
        name: at.value.to_string(),
        what: "treaty name",
        span: at.span,
        occurrences: written
            .iter()
            .filter(|(w, _)| w.value == at.value)
            .map(|(w, declaration)| Occurrence {
                span: w.span,
                declaration: *declaration,
            })
            .collect(),
    })
}

fn party_target(context: &Context<'_>, offset: usize) -> Option<Target> {
    let syntax = &context.document.syntax;
    let (code, span, treaties) =
        if let Some((index, mentions)) = super::mentions::treaty_at(context, offset) {
            let found = mentions
                .iter()
                .find(|m| m.span.start <= offset && offset <= m.span.end)?;
            (found.code.clone(), found.span, vec![index])
        } else {
            let block = super::scenario::block_at(context, offset)?;
            let word = syntax.scenarios[block]
                .party_words()
                .into_iter()
                .find(|w| w.span.start <= offset && offset <= w.span.end)?;
            (
                word.value.to_string(),
                word.span,
                treaties_of_scenario(context, block),
            )
        };
    let mut occurrences = Vec::new();
    for &t in &treaties {
        for mention in party_mentions(&syntax.treaties[t].clauses) {
            if mention.code == code {
                occurrences.push(Occurrence {
                    span: mention.span,
                    declaration: mention.declaration,
                });
            }
        }
    }
    for (block, scenario) in syntax.scenarios.iter().enumerate() {
        let runs_against = treaties_of_scenario(context, block);
        let shares_a_treaty = runs_against.iter().any(|t| treaties.contains(t));
        // A scenario that runs against no treaty of this file still renames its own.
        let is_the_one_renamed_in =
            scenario.span.start <= span.start && span.end <= scenario.span.end;
        let follows = shares_a_treaty || (treaties.is_empty() && is_the_one_renamed_in);
        if !follows {
            continue;
        }
        for word in scenario.party_words() {
            if word.value == code {
                occurrences.push(Occurrence {
                    span: word.span,
                    declaration: false,
                });
            }
        }
    }
    occurrences.sort_by_key(|o| o.span.start);
    occurrences.dedup_by_key(|o| o.span.start);
    Some(Target {
        name: code,
        what: "party code",
        span,
        occurrences,
    })
}

fn target_at(context: &Context<'_>, offset: usize) -> Option<Target> {
    treaty_target(context, offset).or_else(|| party_target(context, offset))
}

pub fn prepare_rename(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    Ok(target_at(context, offset).map_or(Value::Null, |target| {
        json!({ "range": context.positions.range(target.span), "placeholder": target.name })
    }))
}

pub fn rename(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let new_name = params
        .get("newName")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("missing `newName`"))?;
    let Some(target) = target_at(context, offset) else {
        return Err((
            crate::lsp::errors::REQUEST_FAILED,
            "only a party code or a treaty name can be renamed".to_string(),
        ));
    };
    // The renamed text must read as the same document with another name: anything
    // the grammar would take differently (a keyword, a space, a quote) is refused.
    let mut renamed = context.text().to_string();
    for occurrence in target.occurrences.iter().rev() {
        renamed.replace_range(occurrence.span.start..occurrence.span.end, new_name);
    }
    let before = crate::syntax::parse(context.text());
    let after = crate::syntax::parse(&renamed);
    let errors = |p: &crate::syntax::Parsed| {
        p.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    };
    let same_shape = after.file.treaties.len() == before.file.treaties.len()
        && after.file.scenarios.len() == before.file.scenarios.len();
    if new_name.is_empty() || errors(&after) > errors(&before) || !same_shape {
        return Err((
            crate::lsp::errors::REQUEST_FAILED,
            format!(
                "`{new_name}` cannot be a {}: it does not read as one",
                target.what
            ),
        ));
    }
    let edits: Vec<Value> = target
        .occurrences
        .iter()
        .map(|o| json!({ "range": context.positions.range(o.span), "newText": new_name }))
        .collect();
    Ok(json!({ "changes": { context.uri: edits } }))
}

pub fn document_highlight(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let Some(target) = target_at(context, offset) else {
        return Ok(Value::Null);
    };
    let treaty = target.what == "treaty name";
    Ok(Value::Array(
        target
            .occurrences
            .iter()
            .map(|o| {
                let kind = match (treaty, o.declaration) {
                    (true, _) => HIGHLIGHT_TEXT,
                    (false, true) => HIGHLIGHT_WRITE,
                    (false, false) => HIGHLIGHT_READ,
                };
                json!({ "range": context.positions.range(o.span), "kind": kind })
            })
            .collect(),
    ))
}
