//! Ranges from the tree's blocks: folding (treaty, trigger and scenario blocks, and
//! runs of comment lines) and selection ranges (word, clause, block, treaty).

use super::*;

/// A trigger clause with its block.
fn clause_extent(clause: &Clause) -> Span {
    match &clause.kind {
        ClauseKind::Trigger { block_span, .. } => {
            Span::new(clause.span.start, block_span.end.max(clause.span.end))
        }
        _ => clause.span,
    }
}

pub fn folding_ranges(context: &Context<'_>, _params: &Value) -> Reply {
    let positions = &context.positions;
    let mut ranges = Vec::new();
    let mut fold = |span: Span, kind: Option<&str>| {
        let (start, _) = positions.position(span.start);
        let (end, _) = positions.position(span.end.saturating_sub(1).max(span.start));
        if end > start {
            let mut range = json!({ "startLine": start, "endLine": end });
            if let Some(kind) = kind {
                range["kind"] = json!(kind);
            }
            ranges.push(range);
        }
    };
    fn triggers(clauses: &[Clause], fold: &mut dyn FnMut(Span, Option<&str>)) {
        for clause in clauses {
            if let ClauseKind::Trigger { clauses, .. } = &clause.kind {
                fold(clause_extent(clause), None);
                triggers(clauses, fold);
            }
        }
    }
    let syntax = &context.document.syntax;
    for treaty in &syntax.treaties {
        fold(treaty.span, None);
        triggers(&treaty.clauses, &mut fold);
    }
    for block in &syntax.scenarios {
        fold(block.span, None);
    }
    // Consecutive comment lines fold as one.
    let mut run: Option<Span> = None;
    for comment in comments::scan(context.text())
        .into_iter()
        .filter(|c| c.own_line)
    {
        let (line, _) = positions.position(comment.span.start);
        run = match run {
            Some(open) if positions.position(open.end).0 + 1 == line => {
                Some(Span::new(open.start, comment.span.end))
            }
            Some(open) => {
                fold(open, Some("comment"));
                Some(comment.span)
            }
            None => Some(comment.span),
        };
    }
    if let Some(open) = run {
        fold(open, Some("comment"));
    }
    Ok(Value::Array(ranges))
}

/// The spans around `offset`, innermost first: the word, its clause, the trigger
/// blocks around it, its treaty or scenario block, the whole text.
fn around(context: &Context<'_>, offset: usize) -> Vec<Span> {
    let text = context.text();
    let mut spans = Vec::new();
    let contains = |s: Span| s.start <= offset && offset <= s.end;
    let word = super::completion::word_around(text, offset);
    if !word.is_empty() {
        spans.push(word);
    }
    fn clauses_around(clauses: &[Clause], offset: usize, out: &mut Vec<Span>) {
        for clause in clauses {
            let extent = clause_extent(clause);
            if extent.start <= offset && offset <= extent.end {
                out.push(extent);
                if let ClauseKind::Trigger { clauses, .. } = &clause.kind {
                    clauses_around(clauses, offset, out);
                }
            }
        }
    }
    let syntax = &context.document.syntax;
    for treaty in syntax.treaties.iter().filter(|t| contains(t.span)) {
        spans.push(treaty.span);
        clauses_around(&treaty.clauses, offset, &mut spans);
    }
    for block in syntax.scenarios.iter().filter(|s| contains(s.span)) {
        spans.push(block.span);
        spans.extend(
            block
                .items
                .iter()
                .map(super::scenario::item_span)
                .filter(|s| contains(*s)),
        );
    }
    spans.push(Span::new(0, text.len()));
    spans.sort_by_key(|s| (s.end - s.start, std::cmp::Reverse(s.start)));
    spans.dedup();
    spans
}

pub fn selection_ranges(context: &Context<'_>, params: &Value) -> Reply {
    let positions = params
        .get("positions")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("missing `positions`"))?;
    let mut out = Vec::new();
    for position in positions {
        let offset = context
            .positions
            .offset_of(position)
            .ok_or_else(|| invalid("malformed position"))?;
        let mut range: Option<Value> = None;
        for span in around(context, offset).into_iter().rev() {
            let mut inner = json!({ "range": context.positions.range(span) });
            if let Some(parent) = range.take() {
                inner["parent"] = parent;
            }
            range = Some(inner);
        }
        out.push(range.unwrap_or(Value::Null));
    }
    Ok(Value::Array(out))
}
