//! Completion: clause keywords where a clause can start, otherwise what may come next
//! inside the clause (declared parties, words of a vocabulary). It reads the line
//! before the cursor; it must not parse the document again.

use super::*;

pub(super) const COMPLETION_VARIABLE: u8 = 6;
pub(super) const COMPLETION_VALUE: u8 = 12;
pub(super) const COMPLETION_KEYWORD: u8 = 14;

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
pub(super) struct Expected {
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
