//! The document outline: treaties, their header fields, parties, triggers and
//! clauses, and scenarios, as LSP document symbols.

use super::*;
use crate::syntax::ast::scenario::ScenarioItem;

pub(super) const SYMBOL_MODULE: u8 = 2;
pub(super) const SYMBOL_NAMESPACE: u8 = 3;
pub(super) const SYMBOL_FIELD: u8 = 8;
pub(super) const SYMBOL_FUNCTION: u8 = 12;
pub(super) const SYMBOL_VARIABLE: u8 = 13;
pub(super) const SYMBOL_EVENT: u8 = 24;

pub fn symbols(context: &Context<'_>, _params: &Value) -> Reply {
    let positions = &context.positions;
    let symbol =
        |name: String, detail: String, kind: u8, span: Span, select: Span, children: Vec<Value>| {
            json!({
                "name": name,
                "detail": detail,
                "kind": kind,
                "range": positions.range(span),
                "selectionRange": positions.range(select),
                "children": children,
            })
        };
    let text = context.text();
    pub(super) fn clause_symbols(
        clauses: &[Clause],
        text: &str,
        symbol: &dyn Fn(String, String, u8, Span, Span, Vec<Value>) -> Value,
    ) -> Vec<Value> {
        let mut out = Vec::new();
        for clause in clauses {
            let line = text[clause.span.start..clause.span.end]
                .lines()
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            match &clause.kind {
                ClauseKind::Party { code, name, .. } => out.push(symbol(
                    code.value.to_string(),
                    name.as_ref()
                        .map(|n| n.value.to_string())
                        .unwrap_or_default(),
                    SYMBOL_VARIABLE,
                    clause.span,
                    code.span,
                    Vec::new(),
                )),
                ClauseKind::Members(codes) => {
                    for code in codes {
                        out.push(symbol(
                            code.value.to_string(),
                            "member".into(),
                            SYMBOL_VARIABLE,
                            clause.span,
                            code.span,
                            Vec::new(),
                        ))
                    }
                }
                ClauseKind::Trigger {
                    clauses: inner,
                    block_span,
                    ..
                } => out.push(symbol(
                    line.trim_end_matches('{').trim().to_string(),
                    String::new(),
                    SYMBOL_EVENT,
                    *block_span,
                    clause.keyword_span,
                    clause_symbols(inner, text, symbol),
                )),
                kind if is_header(kind) => out.push(symbol(
                    line,
                    String::new(),
                    SYMBOL_FIELD,
                    clause.span,
                    clause.keyword_span,
                    Vec::new(),
                )),
                _ => out.push(symbol(
                    line,
                    String::new(),
                    SYMBOL_FUNCTION,
                    clause.span,
                    clause.keyword_span,
                    Vec::new(),
                )),
            }
        }
        out
    }
    let mut list: Vec<Value> = context
        .document
        .syntax
        .treaties
        .iter()
        .map(|treaty| {
            let name = treaty
                .name
                .as_ref()
                .map_or("treaty".to_string(), |n| n.value.to_string());
            let select = treaty.name.as_ref().map_or(treaty.header_span, |n| n.span);
            symbol(
                name,
                "treaty".into(),
                SYMBOL_NAMESPACE,
                treaty.span,
                select,
                clause_symbols(&treaty.clauses, text, &symbol),
            )
        })
        .collect();
    list.extend(scenario_symbols(context));
    Ok(Value::Array(list))
}

pub(super) fn is_header(kind: &ClauseKind) -> bool {
    keywords::find(kind.keyword()).is_some_and(|k| k.place == keywords::Place::Header)
}

/// Document symbols for the scenario blocks: one per block, its items as children.
fn scenario_symbols(context: &Context<'_>) -> Vec<Value> {
    let positions = &context.positions;
    let text = context.text();
    context
        .document
        .syntax
        .scenarios
        .iter()
        .map(|block| {
            let children: Vec<Value> = block
                .items
                .iter()
                .map(|item| {
                    let span = super::scenario::item_span(item);
                    let line = text[span.start..span.end]
                        .lines()
                        .next()
                        .unwrap_or("")
                        .trim();
                    let kind = match item {
                        ScenarioItem::Event(_) => SYMBOL_EVENT,
                        ScenarioItem::Expect(_) => SYMBOL_FUNCTION,
                        _ => SYMBOL_FIELD,
                    };
                    json!({
                        "name": line,
                        "kind": kind,
                        "range": positions.range(span),
                        "selectionRange": positions.range(span),
                    })
                })
                .collect();
            let name = block
                .name
                .as_ref()
                .map_or("scenario".to_string(), |n| n.value.to_string());
            let select = block.name.as_ref().map_or(block.header_span, |n| n.span);
            json!({
                "name": name,
                "detail": "scenario",
                "kind": SYMBOL_MODULE,
                "range": positions.range(block.span),
                "selectionRange": positions.range(select),
                "children": children,
            })
        })
        .collect()
}
