//! Semantic tokens: what each word is, from the syntax tree where the tree knows
//! (party codes, treaty names, clause keywords) and from the vocabularies otherwise,
//! so a currency in an amount (`GBP 2.5 billion`) is not coloured as a party, and a
//! vocabulary word (`armed-attack`) is coloured in every editor.
//!
//! A full result carries a `resultId`; a delta request against the last one sent for
//! the document is answered with the edit from it (their common prefix and suffix
//! kept), which is all that changes after a keystroke.

use std::collections::HashMap;
use std::sync::Mutex;

use super::mentions::party_mentions;
use super::scenario::ITEM_WORDS;
use super::*;
use crate::syntax::ast::scenario::{ScenarioItem, UseTarget};

/// The legend, in the order of the type numbers sent.
const TYPES: &[&str] = &[
    "keyword",
    "enumMember",
    "variable",
    "string",
    "comment",
    "number",
    "namespace",
    "operator",
];
const KEYWORD: u32 = 0;
const VOCABULARY: u32 = 1;
const PARTY: u32 = 2;
const STRING: u32 = 3;
const COMMENT: u32 = 4;
const NUMBER: u32 = 5;
const NAME: u32 = 6;
const OPERATOR: u32 = 7;
const MODIFIERS: &[&str] = &["declaration"];
const DECLARATION: u32 = 1;

/// Words that join a clause's parts: keywords wherever they stand.
const CONNECTIVES: &[&str] = &[
    "by",
    "against",
    "with",
    "within",
    "in",
    "of",
    "to",
    "at",
    "from",
    "on",
    "if",
    "until",
    "after",
    "every",
    "notice",
    "except",
    "each",
    "any",
    "all",
    "attacked",
    "decided-by",
    "threshold",
    "no",
    "late",
    "because",
    "size",
    "per",
];

pub fn token_legend() -> Value {
    json!({ "tokenTypes": TYPES, "tokenModifiers": MODIFIERS })
}

/// What the tree says each word is, by its start offset.
fn known_words(context: &Context<'_>) -> HashMap<usize, (u32, u32)> {
    let syntax = &context.document.syntax;
    let mut known = HashMap::new();
    fn keywords_of(clauses: &[Clause], known: &mut HashMap<usize, (u32, u32)>) {
        for clause in clauses {
            known.insert(clause.keyword_span.start, (KEYWORD, 0));
            if let ClauseKind::Trigger { clauses, spec, .. } = &clause.kind {
                keywords_of(clauses, known);
                for area in spec.iter().flat_map(|s| s.scope.iter().chain(&s.excluding)) {
                    if let Area::ScopeOf { treaty, .. } = area {
                        known.insert(treaty.span.start, (NAME, 0));
                    }
                }
            }
        }
    }
    for treaty in &syntax.treaties {
        known.insert(treaty.header_span.start, (KEYWORD, 0));
        if let Some(name) = &treaty.name {
            known.insert(name.span.start, (NAME, DECLARATION));
        }
        keywords_of(&treaty.clauses, &mut known);
        for mention in party_mentions(&treaty.clauses) {
            let modifier = if mention.declaration { DECLARATION } else { 0 };
            known.insert(mention.span.start, (PARTY, modifier));
        }
    }
    for block in &syntax.scenarios {
        known.insert(block.header_span.start, (KEYWORD, 0));
        if let Some(name) = &block.name {
            known.insert(name.span.start, (NAME, DECLARATION));
        }
        for word in block.party_words() {
            known.insert(word.span.start, (PARTY, 0));
        }
        for item in &block.items {
            if let ScenarioItem::Use {
                target: UseTarget::Treaty(word),
                ..
            } = item
            {
                known.insert(word.span.start, (NAME, 0));
            }
        }
    }
    known
}

/// The type of a word the tree does not place.
fn word_type(text: &str, span: Span) -> Option<u32> {
    let word = &text[span.start..span.end];
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        Some(NUMBER)
    } else if opens_line(text, span.start) && ITEM_WORDS.iter().any(|(w, _)| *w == word) {
        Some(KEYWORD)
    } else if super::hover::is_vocabulary(word) {
        Some(VOCABULARY)
    } else if CONNECTIVES.contains(&word)
        || keywords::find_word(word).is_some()
        || crate::scenario::Verb::parse(word).is_some()
    {
        Some(KEYWORD)
    } else {
        None
    }
}

/// Every token of the document within `wanted`, as LSP's relative five-number groups.
fn encode(context: &Context<'_>, wanted: Span) -> Vec<u32> {
    let text = context.text();
    let known = known_words(context);
    let positions = &context.positions;
    let mut data: Vec<u32> = Vec::new();
    let (mut last_line, mut last_start) = (0usize, 0usize);
    for token in comments::token_iter(text) {
        if token.span.end < wanted.start {
            continue;
        }
        if token.span.start > wanted.end {
            break;
        }
        let piece = &text[token.span.start..token.span.end];
        let found = match token.kind {
            TokenKind::Comment => Some((COMMENT, 0)),
            TokenKind::Str => Some((STRING, 0)),
            TokenKind::Punct if piece == "->" => Some((OPERATOR, 0)),
            TokenKind::Punct => None,
            TokenKind::Word => known
                .get(&token.span.start)
                .copied()
                .or_else(|| word_type(text, token.span).map(|t| (t, 0))),
        };
        let Some((kind, modifiers)) = found else {
            continue;
        };
        let (line, start) = positions.position(token.span.start);
        let (_, end) = positions.position(token.span.end);
        let delta_start = if line == last_line {
            start - last_start
        } else {
            start
        };
        data.extend([
            (line - last_line) as u32,
            delta_start as u32,
            (end.saturating_sub(start)) as u32,
            kind,
            modifiers,
        ]);
        (last_line, last_start) = (line, start);
    }
    data
}

/// The last full token array sent for each open document, with its `resultId`: what a
/// delta request is answered against. One per document, so an older id is stale.
#[derive(Debug, Default)]
pub struct TokenResults {
    state: Mutex<Sent>,
}

#[derive(Debug, Default)]
struct Sent {
    next_id: u64,
    by_uri: HashMap<String, (String, Vec<u32>)>,
}

impl TokenResults {
    /// Record `data` as the newest result for `uri`; returns the previous result's id
    /// and data, and the new id.
    fn replace(&self, uri: &str, data: Vec<u32>) -> (Option<(String, Vec<u32>)>, String) {
        // A panic while the lock was held cannot leave `Sent` half-written: keep going.
        let mut sent = self.state.lock().unwrap_or_else(|e| e.into_inner());
        sent.next_id += 1;
        let id = sent.next_id.to_string();
        let previous = sent.by_uri.insert(uri.to_string(), (id.clone(), data));
        (previous, id)
    }

    /// Drop what was sent for a closed document.
    pub fn forget(&self, uri: &str) {
        let mut sent = self.state.lock().unwrap_or_else(|e| e.into_inner());
        sent.by_uri.remove(uri);
    }
}

/// The one edit turning `old` into `new`: what lies between their common prefix and
/// common suffix. No edit when they are equal.
fn edits_between(old: &[u32], new: &[u32]) -> Vec<Value> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    if prefix == old.len() && prefix == new.len() {
        return Vec::new();
    }
    vec![json!({
        "start": prefix,
        "deleteCount": old.len() - prefix - suffix,
        "data": &new[prefix..new.len() - suffix],
    })]
}

pub fn semantic_tokens_full(context: &Context<'_>, results: &TokenResults) -> Reply {
    let data = encode(context, Span::new(0, context.text().len()));
    let (_, id) = results.replace(context.uri, data.clone());
    Ok(json!({ "resultId": id, "data": data }))
}

/// `semanticTokens/full/delta`: edits against `previousResultId` when it is the last
/// result sent for the document, otherwise (unknown or stale) a full result.
pub fn semantic_tokens_delta(
    context: &Context<'_>,
    params: &Value,
    results: &TokenResults,
) -> Reply {
    let asked = params
        .get("previousResultId")
        .and_then(Value::as_str)
        .ok_or_else(|| invalid("missing `previousResultId`"))?;
    let data = encode(context, Span::new(0, context.text().len()));
    let (previous, id) = results.replace(context.uri, data.clone());
    Ok(match previous {
        Some((previous_id, old)) if previous_id == asked => {
            json!({ "resultId": id, "edits": edits_between(&old, &data) })
        }
        _ => json!({ "resultId": id, "data": data }),
    })
}

pub fn semantic_tokens_range(context: &Context<'_>, params: &Value) -> Reply {
    let wanted = params
        .get("range")
        .and_then(|r| context.positions.span_of(r))
        .ok_or_else(|| invalid("missing or malformed `range`"))?;
    Ok(json!({ "data": encode(context, wanted) }))
}

#[cfg(test)]
mod tests {
    use super::edits_between;

    /// Apply LSP semantic-token edits to an array, as a client does.
    fn apply(old: &[u32], edits: &[serde_json::Value]) -> Vec<u32> {
        let mut out = old.to_vec();
        for edit in edits.iter().rev() {
            let start = edit["start"].as_u64().unwrap() as usize;
            let delete = edit["deleteCount"].as_u64().unwrap() as usize;
            let data: Vec<u32> = edit["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_u64().unwrap() as u32)
                .collect();
            out.splice(start..start + delete, data);
        }
        out
    }

    #[test]
    fn the_edit_keeps_the_common_prefix_and_suffix() {
        let cases: &[(&[u32], &[u32])] = &[
            (&[1, 2, 3, 4, 5], &[1, 2, 9, 4, 5]),
            (&[1, 2, 3], &[1, 2, 3, 4, 5]),
            (&[1, 2, 3, 4, 5], &[4, 5]),
            (&[], &[1, 2]),
            (&[1, 2], &[]),
            // A repeated run: the prefix and suffix must not overlap.
            (&[7, 7, 7], &[7, 7]),
            (&[7, 7], &[7, 7, 7]),
        ];
        for (old, new) in cases {
            let edits = edits_between(old, new);
            assert_eq!(edits.len(), 1, "{old:?} -> {new:?}");
            assert_eq!(apply(old, &edits), *new, "{old:?} -> {new:?}: {edits:?}");
        }
        let edit = &edits_between(&[1, 2, 3, 4, 5], &[1, 2, 9, 4, 5])[0];
        assert_eq!(edit["start"], 2);
        assert_eq!(edit["deleteCount"], 1);
        assert!(edits_between(&[1, 2], &[1, 2]).is_empty());
    }
}
