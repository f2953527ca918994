//! Edits: formatting the whole document, and quick fixes (a did-you-mean
//! replacement, a missing consultation deadline, the fixes of `fixes`, "allow RULE on
//! this clause", and the scenario fixes of `scenario::fixes`).

use super::report::{lsp_diagnostic, owned_lsp_diagnostic, LspDiagnostic};
use super::*;

pub fn formatting(context: &Context<'_>, _params: &Value) -> Reply {
    match crate::fmt::format_text(context.text()) {
        Ok(formatted) if formatted == context.text() => Ok(json!([])),
        Ok(formatted) => Ok(json!([{
            "range": context.positions.range(Span::new(0, context.text().len())),
            "newText": formatted,
        }])),
        Err(crate::fmt::FormatError::Syntax(_)) => Err((
            crate::lsp::errors::REQUEST_FAILED,
            "the document has syntax errors; fix them before formatting".to_string(),
        )),
        Err(crate::fmt::FormatError::Internal(reason)) => {
            Err((crate::lsp::errors::REQUEST_FAILED, reason))
        }
    }
}

pub fn code_actions(context: &Context<'_>, params: &Value) -> Reply {
    let wanted = params
        .get("range")
        .and_then(|r| context.positions.span_of(r))
        .ok_or_else(|| invalid("missing or malformed `range`"))?;
    let mut actions = Vec::new();
    for diagnostic in &context.document.report.diagnostics {
        let Some(span) = diagnostic.primary_span() else {
            continue;
        };
        if span.end < wanted.start || span.start > wanted.end {
            continue;
        }
        let lsp = lsp_diagnostic(context.uri, diagnostic, &context.positions);
        // Clamped to character boundaries: a bad span must not take the server down.
        let replaced = context.document.report.source.slice(span);
        // Carried by the diagnostic where the model made it; otherwise read from the help
        // text (the syntax stage's suggestions are only in prose).
        let fix = diagnostic.suggestion.as_deref().or_else(|| {
            diagnostic
                .help
                .as_deref()
                .and_then(super::fixes::suggestion)
        });
        if let Some(suggested) = fix {
            // Only a single written word is replaced: the suggestion is for that word.
            if !replaced.is_empty()
                && !replaced.contains(char::is_whitespace)
                && replaced != suggested
            {
                actions.push(edit_action(
                    context,
                    format!("Replace `{replaced}` with `{suggested}`"),
                    span,
                    suggested.to_string(),
                    &lsp,
                ));
            }
        }
        if matches!(diagnostic.code, "NO_CONSULTATION_DEADLINE" | "L004") {
            if let Some(at) = consult_without_deadline(context, span) {
                actions.push(edit_action(
                    context,
                    "Add a consultation deadline (within 24 hours)".to_string(),
                    Span::new(at, at),
                    " within 24 hours".to_string(),
                    &lsp,
                ));
            }
        }
        let fixes = super::fixes::fixes_for(context, diagnostic, span);
        let allow = super::fixes::allow_here(context, diagnostic, span);
        for (n, fix) in fixes.into_iter().chain(allow).enumerate() {
            let mut action = edits_action(context, fix.title, &fix.edits, &lsp);
            // The suppression is never the preferred fix; the first real one is.
            action["isPreferred"] =
                json!(n == 0 && !action["title"].as_str().unwrap_or("").starts_with("Allow "));
            actions.push(action);
        }
    }
    let mut fixed: Vec<Option<Span>> = Vec::new();
    for (diagnostic, fix) in super::scenario::fixes(context, wanted) {
        let lsp = owned_lsp_diagnostic(context.uri, &diagnostic, &context.positions);
        let mut action = edits_action(context, fix.title, &fix.edits, &lsp);
        // The first fix of each diagnostic is the preferred one.
        let first = !fixed.contains(&diagnostic.primary_span());
        fixed.push(diagnostic.primary_span());
        action["isPreferred"] = json!(first);
        actions.push(action);
    }
    Ok(Value::Array(actions))
}

/// Where to insert a deadline in the `consult` clause at `span`: after its parties.
pub(super) fn consult_without_deadline(context: &Context<'_>, span: Span) -> Option<usize> {
    pub(super) fn find(clauses: &[Clause], span: Span) -> Option<usize> {
        for clause in clauses {
            match &clause.kind {
                ClauseKind::Consult {
                    parties,
                    deadline: None,
                } if clause.span.start <= span.start && span.start <= clause.span.end => {
                    return Some(parties.span.end)
                }
                ClauseKind::Consult {
                    deadline: Some(Timing::Within(_)),
                    ..
                } => {}
                ClauseKind::Trigger { clauses, .. } => {
                    if let Some(at) = find(clauses, span) {
                        return Some(at);
                    }
                }
                _ => {}
            }
        }
        None
    }
    context
        .document
        .syntax
        .treaties
        .iter()
        .find_map(|t| find(&t.clauses, span))
}

pub(super) fn edits_action(
    context: &Context<'_>,
    title: String,
    edits: &[(Span, String)],
    diagnostic: &LspDiagnostic<'_>,
) -> Value {
    let edits: Vec<Value> = edits
        .iter()
        .map(|(span, text)| json!({ "range": context.positions.range(*span), "newText": text }))
        .collect();
    json!({
        "title": title,
        "kind": "quickfix",
        "diagnostics": [diagnostic],
        "edit": { "changes": { context.uri: edits } },
    })
}

pub(super) fn edit_action(
    context: &Context<'_>,
    title: String,
    span: Span,
    new_text: String,
    diagnostic: &LspDiagnostic<'_>,
) -> Value {
    json!({
        "title": title,
        "kind": "quickfix",
        "diagnostics": [diagnostic],
        "isPreferred": true,
        "edit": { "changes": { context.uri: [{
            "range": context.positions.range(span),
            "newText": new_text,
        }] } },
    })
}
