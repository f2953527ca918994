//! Completion: clause keywords where a clause can start, otherwise what may come next
//! inside the clause (declared parties, words of a vocabulary), and the same for the
//! items of a `scenario` block. It reads the text around the cursor; it must not parse
//! the document again.
//!
//! Every item carries a `textEdit` over the whole word under the cursor (words contain
//! `-`, which editors do not treat as part of a word), so accepting `armed-attack`
//! after `armed-a` replaces the word instead of appending to it. Nothing is offered
//! inside a string or a comment.

use super::*;

pub(super) const COMPLETION_VARIABLE: u8 = 6;
pub(super) const COMPLETION_VALUE: u8 = 12;
pub(super) const COMPLETION_KEYWORD: u8 = 14;
pub(super) const COMPLETION_SNIPPET: u8 = 15;
const FORMAT_SNIPPET: u8 = 2;

/// A word character of the language: anything but blanks, quotes and punctuation.
fn is_word_char(c: char) -> bool {
    !(c.is_whitespace() || matches!(c, '"' | ',' | '[' | ']' | '(' | ')' | '{' | '}'))
}

/// The span of the word the cursor is in or at the end of (empty when between words).
pub(super) fn word_around(text: &str, offset: usize) -> Span {
    let start = text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_word_char(*c))
        .last()
        .map_or(offset, |(i, _)| i);
    let end = text[offset..]
        .char_indices()
        .find(|(_, c)| !is_word_char(*c))
        .map_or(text.len(), |(i, _)| offset + i);
    Span::new(start, end)
}

/// Whether `offset` is inside a string or a comment, where nothing is completed.
pub(super) fn in_string_or_comment(text: &str, offset: usize) -> bool {
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    comments::token_iter(&text[line_start..])
        .take_while(|t| line_start + t.span.start < offset)
        .last()
        .is_some_and(|t| {
            let (start, end) = (line_start + t.span.start, line_start + t.span.end);
            match t.kind {
                TokenKind::Comment => true,
                TokenKind::Str => {
                    let closed = end - start >= 2 && text[..end].ends_with('"');
                    offset < end || !closed
                }
                _ => false,
            }
        })
}

/// The blocks open at `offset`, outermost first, each named by the first word of the
/// line that opened it (`treaty`, `trigger`, `scenario`).
pub(super) fn open_blocks(text: &str, offset: usize) -> Vec<&str> {
    let mut stack = Vec::new();
    for token in comments::token_iter(text).take_while(|t| t.span.end <= offset) {
        match &text[token.span.start..token.span.end] {
            "{" => {
                let line_start = text[..token.span.start].rfind('\n').map_or(0, |n| n + 1);
                let opener = text[line_start..token.span.start]
                    .split_whitespace()
                    .next()
                    .unwrap_or("");
                stack.push(opener);
            }
            "}" => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack
}

/// One completion item replacing `replace` with `label` (or, for a snippet, `snippet`).
struct Items<'a> {
    context: &'a Context<'a>,
    replace: Value,
    items: Vec<Value>,
}

impl Items<'_> {
    fn push(&mut self, label: &str, kind: u8, detail: &str) {
        self.items.push(json!({
            "label": label,
            "kind": kind,
            "detail": detail,
            "filterText": label,
            "textEdit": { "range": self.replace, "newText": label },
        }));
    }

    fn snippet(&mut self, label: &str, detail: &str, body: String) {
        if !self.context.client.snippets {
            return;
        }
        self.items.push(json!({
            "label": label,
            "kind": COMPLETION_SNIPPET,
            "detail": detail,
            "filterText": label.split_whitespace().next().unwrap_or(label),
            "insertTextFormat": FORMAT_SNIPPET,
            "textEdit": { "range": self.replace, "newText": body },
        }));
    }
}

/// Keywords where a clause can start (by block), otherwise what the clause takes next.
pub fn completion(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let text = context.text();
    let empty = json!({ "isIncomplete": false, "items": [] });
    if in_string_or_comment(text, offset) {
        return Ok(empty);
    }
    let word = word_around(text, offset);
    let blocks = open_blocks(text, word.start);
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let before = &text[line_start..offset];
    let first_word_on_line = opens_line(text, word.start);
    let mut items = Items {
        context,
        replace: context.positions.range(word),
        items: Vec::new(),
    };
    let in_scenario = blocks.first() == Some(&"scenario");
    if first_word_on_line {
        match blocks.last() {
            None => top_level(&mut items),
            Some(_) if in_scenario => scenario_items(&mut items),
            Some(_) => clause_keywords(&mut items, blocks.len() >= 2),
        }
    } else if in_scenario {
        let expected = super::scenario::expected_in_item(before);
        if expected.parties {
            push_parties(&mut items);
        }
        for (word, meaning) in expected.words {
            items.push(word, COMPLETION_VALUE, meaning);
        }
        if before.trim_start().starts_with("treaty ") {
            for name in context
                .document
                .syntax
                .treaties
                .iter()
                .flat_map(|t| &t.name)
            {
                items.push(&name.value, COMPLETION_VARIABLE, "a treaty in this file");
            }
        }
    } else if !blocks.is_empty() {
        let expected = expected_in_clause(before);
        if expected.parties {
            push_parties(&mut items);
        }
        for (word, meaning) in expected.words {
            items.push(word, COMPLETION_VALUE, meaning);
        }
    }
    Ok(json!({ "isIncomplete": false, "items": items.items }))
}

fn push_parties(items: &mut Items<'_>) {
    let model = &items.context.document.model;
    let mut seen = std::collections::BTreeSet::new();
    let parties: Vec<(String, String)> = model
        .treaties
        .iter()
        .flat_map(|t| &t.parties)
        .filter(|party| seen.insert(party.code.clone()))
        .map(|party| {
            (
                party.code.to_string(),
                party.name.as_deref().unwrap_or_default().to_string(),
            )
        })
        .collect();
    for (code, name) in parties {
        items.push(&code, COMPLETION_VARIABLE, &name);
    }
}

fn top_level(items: &mut Items<'_>) {
    items.push("treaty", COMPLETION_KEYWORD, "a treaty block");
    items.push(
        "scenario",
        COMPLETION_KEYWORD,
        "a scenario block: events and expectations",
    );
    items.snippet(
        "treaty name { ... }",
        "a treaty block with its form and status",
        "treaty ${1:name} {\n  form ${2:treaty}\n  status ${3:in-force}\n  $0\n}".to_string(),
    );
    let (guarantor, beneficiary) = party_pair(items.context);
    items.snippet(
        "scenario name { ... }",
        "a scenario block: an attack and what must follow",
        format!(
            "scenario ${{1:name}} {{\n  event ${{2:armed-attack}} against ${{3:{beneficiary}}} at ${{4:2027-03-01T06:00Z}}\n  expect ${{5:consult}} ${{6:{guarantor}, {beneficiary}}}\n  $0\n}}"
        ),
    );
}

fn clause_keywords(items: &mut Items<'_>, in_trigger: bool) {
    for keyword in CLAUSE_KEYWORDS {
        if in_trigger && keyword.place == keywords::Place::Header {
            continue;
        }
        items.items.push(json!({
            "label": keyword.word,
            "kind": COMPLETION_KEYWORD,
            "detail": keyword.meaning,
            "filterText": keyword.word,
            "textEdit": { "range": items.replace, "newText": keyword.word },
            // The example is sent on `completionItem/resolve`.
            "data": { "keyword": keyword.word },
        }));
    }
    let (guarantor, beneficiary) = party_pair(items.context);
    if !in_trigger {
        items.snippet(
            "trigger ... { }",
            "a trigger block with its response",
            format!(
                "trigger ${{1:armed-attack}} against ${{2:{beneficiary}}} {{\n  ${{3:consult {guarantor}, {beneficiary} within 24 hours}}\n}}$0"
            ),
        );
    }
    items.snippet(
        &format!("provide {guarantor} -> {beneficiary}"),
        "assistance from a guarantor to the beneficiary",
        format!("provide ${{1:{guarantor}}} -> ${{2:{beneficiary}}} ${{3:military-aid}}$0"),
    );
    items.snippet(
        &format!("assist {guarantor} -> attacked"),
        "a duty to assist the attacked party",
        format!("assist ${{1:{guarantor}}} -> attacked with ${{2:armed-force}} ${{3:forthwith}}$0"),
    );
    items.snippet(
        &format!("consult {guarantor}, {beneficiary}"),
        "a duty to consult, with a deadline",
        format!("consult ${{1:{guarantor}, {beneficiary}}} within ${{2:24 hours}}$0"),
    );
}

fn scenario_items(items: &mut Items<'_>) {
    for (word, meaning) in super::scenario::ITEM_WORDS {
        items.push(word, COMPLETION_KEYWORD, meaning);
    }
    let (guarantor, beneficiary) = party_pair(items.context);
    items.snippet(
        "event ... at TIME",
        "an attack on the timeline",
        format!(
            "event ${{1:armed-attack}} against ${{2:{beneficiary}}} at ${{3:2027-03-01T06:00Z}}$0"
        ),
    );
    items.snippet(
        &format!("event {guarantor} consults ..."),
        "what a party did, and when",
        format!("event ${{1:{guarantor}}} ${{2:consults}} ${{3:{beneficiary}}} at ${{4:2027-03-01T12:00Z}}$0"),
    );
}

/// The file's first guarantor and first beneficiary (by role, else by order), for
/// snippets; placeholders when the file declares none.
pub(super) fn party_pair(context: &Context<'_>) -> (String, String) {
    use crate::vocab::Role;
    let parties: Vec<&crate::model::Party> = context
        .document
        .model
        .treaties
        .iter()
        .flat_map(|t| &t.parties)
        .collect();
    let with_role = |role: Role| parties.iter().find(|p| p.roles.contains(&role));
    let guarantor = with_role(Role::Guarantor)
        .or(parties.first())
        .map_or("GUARANTOR".to_string(), |p| p.code.to_string());
    let beneficiary = with_role(Role::Beneficiary)
        .or_else(|| parties.iter().find(|p| p.code != guarantor.as_str()))
        .map_or("BENEFICIARY".to_string(), |p| p.code.to_string());
    (guarantor, beneficiary)
}

/// `completionItem/resolve`: the keyword's example, as documentation.
pub fn resolve_completion(item: &Value) -> Value {
    let mut item = item.clone();
    let keyword = item
        .pointer("/data/keyword")
        .and_then(Value::as_str)
        .and_then(keywords::find_word);
    if let Some(keyword) = keyword {
        item["documentation"] = json!({
            "kind": "markdown",
            "value": format!("{}\n\nexample: `{}`", keyword.meaning, keyword.example),
        });
    }
    item
}

macro_rules! vocabulary_words {
    ($($vocabulary:ty),+) => {{
        let mut words: Vec<(&'static str, &'static str)> = Vec::new();
        $(words.extend(<$vocabulary>::ALL.iter().map(|w| (w.word(), w.meaning())));)+
        words
    }};
}

/// The scope words among `words`, with their meanings.
fn scope_words(words: &[&str]) -> Vec<(&'static str, &'static str)> {
    keywords::SCOPE_WORDS
        .iter()
        .filter(|k| words.contains(&k.word))
        .map(|k| (k.word, k.meaning))
        .collect()
}

/// Decide from the clause's keyword and the word before the cursor what the grammar
/// accepts there, so `form ` offers legal forms and `with ` the means of assistance.
pub(super) fn expected_in_clause(line_before_cursor: &str) -> Expected {
    use crate::vocab::*;
    let written = written_words(line_before_cursor);
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
        ("trigger", _)
            if previous == "threshold" || (after_list_comma && written.contains(&"threshold")) =>
        {
            only(vocabulary_words!(Threshold))
        }
        ("trigger", "by" | "against") => with_parties(Vec::new()),
        ("trigger", "in" | "excluding") => with_parties(scope_words(&[
            "territory",
            "administered-territory",
            "scope-of",
        ])),
        ("trigger", "of")
            if written
                .iter()
                .any(|w| matches!(*w, "territory" | "administered-territory")) =>
        {
            with_parties(Vec::new())
        }
        ("trigger", "covering") => only(vocabulary_words!(Covered)),
        ("trigger", "across") => only(vocabulary_words!(CrossingLine)),
        ("trigger", _)
            if after_list_comma
                && written.last() != Some(&"covering")
                && written.contains(&"covering")
                && !written.contains(&"excluding")
                && !written.contains(&"across") =>
        {
            only(vocabulary_words!(Covered))
        }
        ("indivisible", "indivisible") => only(vocabulary_words!(Indivisibility)),
        ("trigger", _)
            if after_list_comma && !written.contains(&"by") && !written.contains(&"against") =>
        {
            only(vocabulary_words!(TriggerKind))
        }
        ("party", _) if written.len() >= 2 => only(vocabulary_words!(Role)),
        ("refrain", "from") => only(vocabulary_words!(RefrainAct)),
        ("establish", "establish") => only(vocabulary_words!(Institution)),
        ("prohibit", "prohibit") => only(vocabulary_words!(Prohibited)),
        ("limit", _) if written.len() >= 2 => with_parties(vocabulary_words!(LimitKind)),
        ("foresees", "foresees") => only(vocabulary_words!(Form)),
        ("respect", _) if !written.contains(&"of") => {
            with_parties(vocabulary_words!(RespectAspect))
        }
        ("provide", _) if written.contains(&"->") => {
            with_parties(vocabulary_words!(AssistanceKind))
        }
        (_, "decided-by") => with_parties(Vec::new()),
        // After the decider: how it decides, or a qualifier.
        _ if written.iter().rev().nth(1) == Some(&"decided-by") => {
            only(vocabulary_words!(Vote, QualifierKind))
        }
        // After a clause's parties come its own words; a qualifier can end any clause.
        _ => with_parties(vocabulary_words!(QualifierKind)),
    }
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

    #[test]
    fn thresholds_and_decision_procedures_are_offered() {
        let (parties, words) = offered("  trigger armed-attack against UA threshold ");
        assert!(!parties && words.contains(&"significant") && words.contains(&"state-of-war"));
        let (_, words) = offered("  trigger armed-attack threshold significant, ");
        assert!(words.contains(&"sustained") && !words.contains(&"cyber-attack"));
        let (parties, words) = offered("    assist US -> UA with armed-force decided-by ");
        assert!(parties && words.is_empty());
        let (parties, words) = offered("    assist US -> UA decided-by council ");
        assert!(!parties && words.contains(&"two-thirds") && words.contains(&"unanimity"));
    }
}
