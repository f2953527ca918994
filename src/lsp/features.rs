//! The answers to each LSP request, computed from one document's parse and report.

use serde_json::{json, Value};

use super::position::Positions;
use super::{invalid, Context, Document, Reply};
use crate::diagnostics::{Diagnostic, Severity};
use crate::rules::registry;
use crate::source::Span;
use crate::syntax::ast::{
    Clause, ClauseKind, DurationValue, Event, Flow, PartyItem, PartyList, Place, ReviewWhen,
    Timing, Word,
};
use crate::syntax::comments::{self, TokenKind};
use crate::syntax::keywords::{self, CLAUSE_KEYWORDS};

const SEVERITY_ERROR: u8 = 1;
const SEVERITY_WARNING: u8 = 2;
const SEVERITY_INFORMATION: u8 = 3;

/// The document's diagnostics, exactly as `treaty check` reports them, as LSP
/// `Diagnostic` objects. The rule's name, summary and the diagnostic's help travel in
/// `data`. Typed and borrowed, so they are written out without first being built as a
/// `serde_json::Value` tree (which cost a fifth of the round trip on a large file).
pub fn diagnostics<'a>(
    uri: &'a str,
    document: &'a Document,
    positions: &Positions<'_>,
) -> Vec<LspDiagnostic<'a>> {
    document
        .report
        .diagnostics
        .iter()
        .map(|d| lsp_diagnostic(uri, d, positions))
        .collect()
}

#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LspDiagnostic<'a> {
    range: Range,
    severity: u8,
    code: &'static str,
    source: &'static str,
    message: &'a str,
    data: DiagnosticData<'a>,
    related_information: Vec<Related<'a>>,
}

#[derive(Debug, serde::Serialize)]
struct DiagnosticData<'a> {
    help: Option<&'a str>,
    rule: Option<&'static str>,
    summary: Option<&'static str>,
}

#[derive(Debug, serde::Serialize)]
struct Related<'a> {
    location: Location<'a>,
    message: &'a str,
}

#[derive(Debug, serde::Serialize)]
struct Location<'a> {
    uri: &'a str,
    range: Range,
}

/// An LSP `Range`, in the negotiated position encoding.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct Range {
    start: Position,
    end: Position,
}

#[derive(Debug, Clone, Copy, serde::Serialize)]
struct Position {
    line: usize,
    character: usize,
}

impl Range {
    fn of(span: Span, positions: &Positions<'_>) -> Self {
        let (line, character) = positions.position(span.start);
        let start = Position { line, character };
        let (line, character) = positions.position(span.end.max(span.start));
        Range {
            start,
            end: Position { line, character },
        }
    }
}

fn lsp_diagnostic<'a>(
    uri: &'a str,
    diagnostic: &'a Diagnostic,
    positions: &Positions<'_>,
) -> LspDiagnostic<'a> {
    let span = diagnostic.primary_span().unwrap_or_default();
    let severity = match diagnostic.severity {
        Severity::Error => SEVERITY_ERROR,
        Severity::Warning => SEVERITY_WARNING,
        Severity::Advice => SEVERITY_INFORMATION,
    };
    let rule = registry::lookup(diagnostic.code);
    LspDiagnostic {
        range: Range::of(span, positions),
        severity,
        code: diagnostic.code,
        source: "treaty",
        message: &diagnostic.message,
        data: DiagnosticData {
            help: diagnostic.help.as_deref(),
            rule: rule.map(|r| r.name),
            summary: rule.map(|r| r.summary),
        },
        // Labels after the first point at other places that explain the diagnostic.
        related_information: diagnostic
            .labels
            .iter()
            .skip(1)
            .map(|label| Related {
                location: Location {
                    uri,
                    range: Range::of(label.span, positions),
                },
                message: &label.message,
            })
            .collect(),
    }
}

/// Every mention of a party code in the tree: declarations and references.
#[derive(Debug, Clone)]
pub struct PartyMention {
    pub code: String,
    pub span: Span,
    pub declaration: bool,
}

pub fn party_mentions(clauses: &[Clause]) -> Vec<PartyMention> {
    let mut out = Vec::new();
    for clause in clauses {
        mentions_in(clause, &mut out);
    }
    out
}

fn mention(out: &mut Vec<PartyMention>, w: &Word, declaration: bool) {
    out.push(PartyMention {
        code: w.value.to_string(),
        span: w.span,
        declaration,
    });
}

fn list(out: &mut Vec<PartyMention>, l: &PartyList) {
    for item in &l.items {
        if let PartyItem::Named(w) = item {
            mention(out, w, false);
        }
    }
}

fn place(out: &mut Vec<PartyMention>, p: Option<&Place>) {
    if let Some(Place::Party(w)) = p {
        mention(out, w, false);
    }
}

fn event(out: &mut Vec<PartyMention>, e: &Event) {
    if let Event::Named { parties, .. } = e {
        parties.iter().for_each(|w| mention(out, w, false));
    }
}

fn flow(out: &mut Vec<PartyMention>, f: &Flow) {
    list(out, &f.givers);
    if let Some(r) = &f.receivers {
        list(out, r);
    }
}

fn mentions_in(clause: &Clause, out: &mut Vec<PartyMention>) {
    match &clause.kind {
        ClauseKind::Party { code, .. } => mention(out, code, true),
        ClauseKind::Members(codes) => codes.iter().for_each(|c| mention(out, c, true)),
        ClauseKind::Duration(DurationValue::Until(e)) => event(out, e),
        ClauseKind::Review(ReviewWhen::On(e)) => event(out, e),
        ClauseKind::Trigger { spec, clauses, .. } => {
            if let Some(spec) = spec {
                if let Some(by) = &spec.by {
                    list(out, by);
                }
                if let Some(against) = &spec.against {
                    list(out, against);
                }
                place(out, spec.scope.as_ref());
                place(out, spec.excluding.as_ref());
            }
            for inner in clauses {
                mentions_in(inner, out);
            }
        }
        ClauseKind::Consult { parties, .. } => list(out, parties),
        ClauseKind::Provide { flow: f, .. }
        | ClauseKind::Assist { flow: f, .. }
        | ClauseKind::Deter { flow: f, .. } => flow(out, f),
        ClauseKind::Station {
            parties, place: p, ..
        } => {
            list(out, parties);
            place(out, Some(p));
        }
        ClauseKind::Mission {
            parties, place: p, ..
        } => {
            list(out, parties);
            place(out, p.as_ref());
        }
        ClauseKind::Refrain {
            parties, against, ..
        } => {
            list(out, parties);
            if let Some(a) = against {
                list(out, a);
            }
        }
        ClauseKind::Respect { parties, of, .. } => {
            list(out, parties);
            list(out, of);
        }
        ClauseKind::Seek { parties, for_, .. } => {
            list(out, parties);
            if let Some(f) = for_ {
                list(out, f);
            }
        }
        ClauseKind::Report {
            parties: Some(p), ..
        } => list(out, p),
        _ => {}
    }
}

/// The treaty (by index) whose block contains `offset`, with its party mentions.
fn treaty_at(context: &Context<'_>, offset: usize) -> Option<(usize, Vec<PartyMention>)> {
    let treaties = &context.document.syntax.treaties;
    let index = treaties
        .iter()
        .position(|t| t.span.start <= offset && offset <= t.span.end)?;
    Some((index, party_mentions(&treaties[index].clauses)))
}

fn mention_at(context: &Context<'_>, offset: usize) -> Option<(PartyMention, Vec<PartyMention>)> {
    let (_, mentions) = treaty_at(context, offset)?;
    let found = mentions
        .iter()
        .find(|m| m.span.start <= offset && offset <= m.span.end)?
        .clone();
    Some((found, mentions))
}

/// The word (keyword, code or vocabulary) under the cursor.
fn word_at(text: &str, offset: usize) -> Option<(String, Span)> {
    comments::tokens(text)
        .into_iter()
        .find(|t| t.kind == TokenKind::Word && t.span.start <= offset && offset <= t.span.end)
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.span))
}

pub fn hover(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let mut sections = Vec::new();
    let mut range = None;
    if let Some((mention, _)) = mention_at(context, offset) {
        let model = &context.document.model;
        let party = model
            .treaties
            .iter()
            .flat_map(|t| &t.parties)
            .find(|p| p.code == mention.code);
        let text = match party {
            Some(party) => {
                let roles: Vec<String> = party
                    .roles
                    .iter()
                    .map(|r| format!("{} ({})", r.word(), r.meaning()))
                    .collect();
                format!(
                    "**party {}**: {}\n\nroles: {}",
                    party.code,
                    party.name.as_deref().unwrap_or("(no full name given)"),
                    if roles.is_empty() {
                        "none".to_string()
                    } else {
                        roles.join(", ")
                    }
                )
            }
            None => format!("**{}**: not a declared party", mention.code),
        };
        sections.push(text);
        range = Some(mention.span);
    } else if let Some((word, span)) = word_at(context.text(), offset) {
        if let Some(keyword) = keywords::find(&word) {
            sections.push(format!(
                "**{}**: {}\n\nexample: `{}`",
                keyword.word, keyword.meaning, keyword.example
            ));
            range = Some(span);
        } else if let Some(meanings) = vocabulary_meanings(&word) {
            sections.push(meanings);
            range = Some(span);
        }
    }
    let treaties = &context.document.syntax.treaties;
    if let Some(index) = treaties
        .iter()
        .position(|t| t.header_span.start <= offset && offset <= t.header_span.end)
    {
        if let Some(report) = context.document.report.treaties.get(index) {
            let reasons: Vec<String> = report
                .tier
                .reasons
                .iter()
                .map(|r| format!("- {}", r.text))
                .collect();
            sections.push(format!(
                "**treaty {}**: tier **{}**\n\n{}\n\n{} gap(s) against {}",
                report.id,
                report.tier.tier.as_str(),
                reasons.join("\n"),
                report.gaps.len(),
                context.baseline.name
            ));
            range.get_or_insert(treaties[index].header_span);
        }
    }
    for diagnostic in &context.document.report.diagnostics {
        let Some(span) = diagnostic.primary_span() else {
            continue;
        };
        if span.start <= offset && offset <= span.end {
            if let Some(rule) = registry::lookup(diagnostic.code) {
                sections.push(format!(
                    "**{}** ({}): {}\n\nwhy: {}\n\nfix: {}",
                    rule.code, rule.name, rule.summary, rule.why, rule.fix
                ));
            }
        }
    }
    if sections.is_empty() {
        return Ok(Value::Null);
    }
    let mut hover = json!({
        "contents": { "kind": "markdown", "value": sections.join("\n\n---\n\n") },
    });
    if let Some(span) = range {
        hover["range"] = context.positions.range(span);
    }
    Ok(hover)
}

/// What a vocabulary word means, in every vocabulary that has it.
fn vocabulary_meanings(word: &str) -> Option<String> {
    use crate::vocab::*;
    let mut found = Vec::new();
    macro_rules! look {
        ($($ty:ty),*) => {$(
            if let Some(value) = <$ty>::parse(word) {
                found.push(format!("**{}** ({}): {}", value.word(), <$ty>::WHAT, value.meaning()));
            }
        )*};
    }
    look!(
        Form,
        Status,
        BindingOverride,
        RatificationState,
        RenewalMode,
        Role,
        Group,
        TriggerKind,
        ThreatAspect,
        AssistanceKind,
        Means,
        DeterrentMeans,
        Mandate,
        Institution,
        Prohibited,
        RefrainAct,
        RespectAspect,
        QualifierKind
    );
    (!found.is_empty()).then(|| found.join("\n\n"))
}

pub fn definition(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let Some((mention, mentions)) = mention_at(context, offset) else {
        return Ok(Value::Null);
    };
    Ok(mentions
        .iter()
        .find(|m| m.declaration && m.code == mention.code)
        .map_or(Value::Null, |m| context.location(m.span)))
}

pub fn references(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let include_declaration = params
        .pointer("/context/includeDeclaration")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let Some((mention, mentions)) = mention_at(context, offset) else {
        return Ok(Value::Null);
    };
    let found: Vec<Value> = mentions
        .iter()
        .filter(|m| m.code == mention.code && (include_declaration || !m.declaration))
        .map(|m| context.location(m.span))
        .collect();
    Ok(Value::Array(found))
}

const SYMBOL_NAMESPACE: u8 = 3;
const SYMBOL_FIELD: u8 = 8;
const SYMBOL_FUNCTION: u8 = 12;
const SYMBOL_VARIABLE: u8 = 13;
const SYMBOL_EVENT: u8 = 24;

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
    fn clause_symbols(
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
    let list: Vec<Value> = context
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
    Ok(Value::Array(list))
}

fn is_header(kind: &ClauseKind) -> bool {
    keywords::find(kind.keyword()).is_some_and(|k| k.place == keywords::Place::Header)
}

const COMPLETION_VARIABLE: u8 = 6;
const COMPLETION_VALUE: u8 = 12;
const COMPLETION_KEYWORD: u8 = 14;

/// Keywords where a clause can start (by block depth), otherwise declared parties and
/// assistance kinds.
pub fn completion(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let text = context.text();
    let tokens = comments::tokens(text);
    let mut depth = 0usize;
    for token in tokens.iter().take_while(|t| t.span.end <= offset) {
        match &text[token.span.start..token.span.end] {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..offset];
    let first_word_on_line = before.trim_start().chars().all(|c| !c.is_whitespace());
    let mut items = Vec::new();
    if first_word_on_line {
        if depth == 0 {
            items.push(json!({
                "label": "treaty", "kind": COMPLETION_KEYWORD,
                "detail": "a treaty block", "insertText": "treaty ",
            }));
        } else {
            for keyword in CLAUSE_KEYWORDS {
                if depth >= 2 && keyword.place == keywords::Place::Header {
                    continue;
                }
                items.push(json!({
                    "label": keyword.word,
                    "kind": COMPLETION_KEYWORD,
                    "detail": keyword.meaning,
                    "documentation": format!("example: {}", keyword.example),
                }));
            }
        }
    } else {
        let model = &context.document.model;
        let mut seen = std::collections::BTreeSet::new();
        let parties: Vec<Value> = model
            .treaties
            .iter()
            .flat_map(|t| &t.parties)
            .filter(|party| seen.insert(party.code.clone()))
            .map(|party| {
                json!({
                    "label": party.code,
                    "kind": COMPLETION_VARIABLE,
                    "detail": party.name.clone().unwrap_or_default(),
                })
            })
            .collect();
        let expected = expected_in_clause(before);
        if expected.parties {
            items.extend(parties);
        }
        for (word, meaning) in expected.words {
            items.push(json!({ "label": word, "kind": COMPLETION_VALUE, "detail": meaning }));
        }
    }
    Ok(json!({ "isIncomplete": false, "items": items }))
}

/// What may come next inside a clause: declared parties, and words of a vocabulary.
struct Expected {
    parties: bool,
    words: Vec<(&'static str, &'static str)>,
}

macro_rules! vocabulary_words {
    ($($vocabulary:ty),+) => {{
        let mut words: Vec<(&'static str, &'static str)> = Vec::new();
        $(words.extend(<$vocabulary>::ALL.iter().map(|w| (w.word(), w.meaning())));)+
        words
    }};
}

/// Decide from the clause's keyword and the word before the cursor what the grammar
/// accepts there, so `form ` offers legal forms and `with ` the means of assistance.
fn expected_in_clause(line_before_cursor: &str) -> Expected {
    use crate::vocab::*;
    let words: Vec<&str> = line_before_cursor
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // The word being typed is not yet part of the clause.
    let typing = !line_before_cursor.ends_with(|c: char| c.is_whitespace() || c == ',');
    let written = if typing {
        &words[..words.len().saturating_sub(1)]
    } else {
        &words[..]
    };
    let keyword = written.first().copied().unwrap_or("");
    let previous = written.last().copied().unwrap_or("");
    let after_list_comma = line_before_cursor.trim_end().ends_with(',');
    let only = |words| Expected {
        parties: false,
        words,
    };
    let with_parties = |words| Expected {
        parties: true,
        words,
    };
    match (keyword, previous) {
        (_, "form") => only(vocabulary_words!(Form)),
        (_, "status") => only(vocabulary_words!(Status)),
        (_, "binding") => only(vocabulary_words!(BindingOverride)),
        (_, "ratification") => only(vocabulary_words!(RatificationState)),
        (_, "renewal") => only(vocabulary_words!(RenewalMode)),
        (_, "qualified-by") => only(vocabulary_words!(QualifierKind)),
        (_, "mandate") => only(vocabulary_words!(Mandate)),
        ("deter", "with") => only(vocabulary_words!(DeterrentMeans)),
        (_, "with") => only(vocabulary_words!(Means)),
        ("trigger", "trigger") => only(vocabulary_words!(TriggerKind)),
        ("trigger", "to") => only(vocabulary_words!(ThreatAspect)),
        ("trigger", "by" | "against") => with_parties(Vec::new()),
        ("trigger", _)
            if after_list_comma && !written.contains(&"by") && !written.contains(&"against") =>
        {
            only(vocabulary_words!(TriggerKind))
        }
        ("party", _) if written.len() >= 2 => only(vocabulary_words!(Role)),
        ("refrain", "from") => only(vocabulary_words!(RefrainAct)),
        ("establish", "establish") => only(vocabulary_words!(Institution)),
        ("prohibit", "prohibit") => only(vocabulary_words!(Prohibited)),
        ("respect", _) if !written.contains(&"of") => {
            with_parties(vocabulary_words!(RespectAspect))
        }
        ("provide", _) if written.contains(&"->") => {
            with_parties(vocabulary_words!(AssistanceKind))
        }
        // After a clause's parties come its own words; a qualifier can end any clause.
        _ => with_parties(vocabulary_words!(QualifierKind)),
    }
}

pub fn formatting(context: &Context<'_>, _params: &Value) -> Reply {
    match crate::fmt::format_text(context.text()) {
        Ok(formatted) if formatted == context.text() => Ok(json!([])),
        Ok(formatted) => Ok(json!([{
            "range": context.positions.range(Span::new(0, context.text().len())),
            "newText": formatted,
        }])),
        Err(crate::fmt::FormatError::Syntax(_)) => Err((
            super::errors::REQUEST_FAILED,
            "the document has syntax errors; fix them before formatting".to_string(),
        )),
        Err(crate::fmt::FormatError::Internal(reason)) => {
            Err((super::errors::REQUEST_FAILED, reason))
        }
    }
}

/// The suggestion in a help text of the form "did you mean `X`? ...".
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    let end = rest.find('`')?;
    let suggested = &rest[..end];
    (!suggested.is_empty() && !suggested.contains(char::is_whitespace)).then_some(suggested)
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
        let fix = diagnostic
            .suggestion
            .as_deref()
            .or_else(|| diagnostic.help.as_deref().and_then(suggestion));
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
        if diagnostic.code == "NO_CONSULTATION_DEADLINE" {
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
    }
    Ok(Value::Array(actions))
}

/// Where to insert a deadline in the `consult` clause at `span`: after its parties.
fn consult_without_deadline(context: &Context<'_>, span: Span) -> Option<usize> {
    fn find(clauses: &[Clause], span: Span) -> Option<usize> {
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

fn edit_action(
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

#[cfg(test)]
mod completion_tests {
    use super::expected_in_clause;

    fn offered(line: &str) -> (bool, Vec<&'static str>) {
        let expected = expected_in_clause(line);
        (
            expected.parties,
            expected.words.iter().map(|(w, _)| *w).collect(),
        )
    }

    #[test]
    fn words_follow_the_clause_and_the_previous_word() {
        let (parties, words) = offered("  form ");
        assert!(!parties && words.contains(&"treaty") && words.contains(&"political"));
        let (_, words) = offered("  status in-");
        assert!(
            words.contains(&"in-force"),
            "the word being typed is completed"
        );
        let (_, words) = offered("  party PL \"Poland\" ");
        assert!(words.contains(&"guarantor"));
        let (_, words) = offered("  trigger armed-attack, ");
        assert!(words.contains(&"cyber-attack"));
        let (parties, words) = offered("  trigger armed-attack by ");
        assert!(parties && words.is_empty());
        let (_, words) = offered("    assist UK -> attacked with ");
        assert!(words.contains(&"armed-force"));
        let (_, words) = offered("  deter US -> KR with ");
        assert_eq!(words, ["nuclear-forces", "conventional-forces"]);
        let (parties, words) = offered("  provide UK -> UA ");
        assert!(parties && words.contains(&"air-defence"));
        let (parties, words) = offered("    consult UK, UA within 24 hours ");
        assert!(parties && words.contains(&"as-deemed-necessary"));
    }
}
