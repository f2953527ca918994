//! Semantic tokens: what each word is, from the syntax tree where the tree knows
//! (party codes, treaty names, clause keywords) and from the vocabularies otherwise,
//! so a currency in an amount (`GBP 2.5 billion`) is not coloured as a party, and a
//! vocabulary word (`armed-attack`) is coloured in every editor.

use std::collections::HashMap;

use super::mentions::party_mentions;
use super::scenario::{party_words, ITEM_WORDS};
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
        for word in party_words(block) {
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
    let line_start = text[..span.start].rfind('\n').map_or(0, |n| n + 1);
    let opens_line = text[line_start..span.start].trim().is_empty();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        Some(NUMBER)
    } else if opens_line && ITEM_WORDS.iter().any(|(w, _)| *w == word) {
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
fn encode(context: &Context<'_>, wanted: Span) -> Value {
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
    json!({ "data": data })
}

pub fn semantic_tokens_full(context: &Context<'_>, _params: &Value) -> Reply {
    Ok(encode(context, Span::new(0, context.text().len())))
}

pub fn semantic_tokens_range(context: &Context<'_>, params: &Value) -> Reply {
    let wanted = params
        .get("range")
        .and_then(|r| context.positions.span_of(r))
        .ok_or_else(|| invalid("missing or malformed `range`"))?;
    Ok(encode(context, wanted))
}
