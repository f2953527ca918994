//! Turning a piece of text that did not parse into a diagnostic a drafter can act on.
//!
//! The main parse only knows that a line is not a clause. To say why, the text is parsed
//! again from the start of that clause with the clause rules alone; pest's furthest
//! failure position and the rules it expected there are then put into words. pest rule
//! names never reach the user.

use pest::error::{ErrorVariant, InputLocation};
use pest::Parser;

use super::keywords::{self, Place};
use super::{codes, Rule, TreatyParser};
use crate::diagnostics::Diagnostic;
use crate::source::{clamp_to_char_boundary, Span};
use crate::suggest::did_you_mean;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Outside any treaty block.
    TopLevel,
    /// Between `treaty` and `{`.
    TreatyHead,
    /// A clause directly inside a treaty block.
    Treaty,
    /// Between `trigger` and `{`.
    TriggerHead,
    /// A clause inside a trigger block.
    Trigger,
}

/// The leading word of a text (letters, digits, `-`, `_`).
fn leading_word(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    &text[..end]
}

/// What stands at `offset`: a word, a quoted string, one symbol, or the end of the line.
fn found_at(text: &str, offset: usize) -> (Span, String) {
    let rest = &text[offset..];
    let Some(first) = rest.chars().next() else {
        return (Span::new(offset, offset), "the end of the file".to_string());
    };
    // Spaces before the line's end are not a word: `status ` is missing its word.
    let blank = rest.trim_start_matches([' ', '\t']);
    if blank.starts_with(['\n', '\r']) {
        return (Span::new(offset, offset), "the end of the line".to_string());
    }
    let word = leading_word(rest);
    let len = if !word.is_empty() {
        word.len()
    } else if first == '"' {
        match rest[1..].find(['"', '\n']) {
            Some(i) if rest[1 + i..].starts_with('"') => i + 2,
            // An unterminated string: up to the end of the line, without the newline.
            unterminated => {
                let line = &rest[..unterminated.map_or(rest.len(), |i| i + 1)];
                let line = line.trim_end_matches('\r');
                return (
                    Span::new(offset, offset + line.len()),
                    "a text whose closing `\"` is missing".to_string(),
                );
            }
        }
    } else {
        first.len_utf8()
    };
    let shown: String = rest[..len].chars().take(40).collect();
    (Span::new(offset, offset + len), format!("`{shown}`"))
}

/// Describe one expected rule in a drafter's words. `clause` is the keyword of the
/// clause being read, which tells what kind of word is expected.
fn describe(rule: Rule, clause: &str) -> Option<String> {
    let text = match rule {
        Rule::string | Rule::string_body => "a quoted text such as `\"...\"`",
        Rule::date => "a date such as `2024-01-12`",
        Rule::period | Rule::number => match clause {
            "duration" => "a duration such as `10 years`",
            "consult" | "within" => "a deadline such as `24 hours` or `3 days`",
            "station" | "peacekeeping" | "monitor" => "a number such as `5000`",
            "provide" => "a number such as `5` (as in `EUR 5 billion`)",
            _ => "a period such as `24 hours` or `10 years`",
        },
        Rule::unit => "a unit such as `hours`, `days`, `months` or `years`",
        Rule::kw_indefinite => "`indefinite`",
        Rule::duration_value => "a duration such as `10 years`, `indefinite` or `until <event>`",
        Rule::review_when => "`within`, `after` or `every` and a period, or `on` and an event",
        Rule::withdrawal_terms | Rule::withdrawal_notice => {
            "`notice` and a period (such as `notice 1 year`), `any-time` or `none`"
        }
        Rule::trigger_spec => "a trigger kind such as `armed-attack`",
        Rule::trigger_aspects => "`to` and what is threatened, such as `to territorial-integrity`",
        Rule::assist_parties => "who assists whom, such as `each member -> attacked`",
        Rule::roles => "a role such as `guarantor`, `beneficiary` or `member`",
        Rule::mission_kind | Rule::assist_verb => return None,
        Rule::kw_until if clause == "provide" => "`until <date>`",
        Rule::until_event | Rule::kw_until => "`until <event>`",
        Rule::event | Rule::event_call => {
            "an event such as `nato-accession(UA)` or a quoted description"
        }
        Rule::word | Rule::vocab | Rule::trigger_kinds | Rule::role => match clause {
            "form" => "a legal form such as `treaty`, `executive` or `political`",
            "status" => "a status such as `signed`, `in-force` or `draft`",
            "binding" => "`yes`, `no` or `contested`",
            "ratification" => "`required`, `completed` or `none`",
            "renewal" => "`automatic` or `by-agreement`",
            "trigger" => "a trigger kind such as `armed-attack`",
            "provide" => "a kind of assistance such as `military-aid` or `training`",
            "deter" => "a means such as `nuclear-forces`",
            "assist" | "defend" | "act" => "a means such as `armed-force`",
            "establish" => "an institution such as `council`",
            "prohibit" => "what is prohibited, such as `stationing`",
            "refrain" => "what is refrained from, such as `threat-or-use-of-force`",
            "respect" => "what is respected, such as `sovereignty` or `borders`",
            "party" => "a role such as `guarantor`, `beneficiary` or `member`",
            _ => "a lower-case word",
        },
        Rule::party_name
        | Rule::party_set
        | Rule::quantified
        | Rule::quantifier
        | Rule::attacked => "a party code such as `UA`, or a group such as `each member`",
        Rule::treaty_name => "a treaty name such as `uk_ukraine_2024`",
        Rule::flow => "givers and receivers such as `UK -> UA`",
        Rule::kinds | Rule::kind => "a kind of assistance such as `military-aid`",
        Rule::amount | Rule::currency => "an amount such as `EUR 5 billion per year`",
        Rule::magnitude => "`thousand`, `million` or `billion`",
        Rule::place => "a party code or a quoted place",
        Rule::body => "a body such as `un-security-council` or a quoted name",
        Rule::deadline | Rule::within | Rule::kw_within => "a deadline such as `within 24 hours`",
        Rule::timing | Rule::kw_forthwith | Rule::kw_immediately | Rule::after_consultation => {
            "a timing such as `forthwith`, `immediately` or `within 3 days`"
        }
        Rule::means | Rule::kw_with => "`with` and a means such as `armed-force`",
        Rule::size | Rule::kw_size => "a size such as `size 5000 troops`",
        Rule::source | Rule::kw_source => "`source \"...\"`",
        Rule::qualifier | Rule::qualifier_name => "a qualifier",
        Rule::station_flag | Rule::kw_tripwire | Rule::kw_permanent => "`tripwire` or `permanent`",
        Rule::kw_treaty => "`treaty <name> {`",
        _ => {
            let name = format!("{rule:?}");
            let keyword = name.strip_prefix("kw_")?;
            return Some(format!("`{}`", keyword.replace('_', "-")));
        }
    };
    Some(text.to_string())
}

fn is_clause_keyword_rule(rule: Rule) -> bool {
    let name = format!("{rule:?}");
    name.strip_prefix("kw_")
        .is_some_and(|k| keywords::find(&k.replace('_', "-")).is_some())
}

fn join_alternatives(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

/// Build the diagnostic for a piece of text that did not parse.
pub fn bad_text(text: &str, span: Span, context: Context) -> Diagnostic {
    let snippet = &text[span.start..span.end];
    let first = leading_word(snippet);
    let clause_span = Span::new(span.start, span.start + snippet.trim_end().len());

    match context {
        Context::Treaty | Context::Trigger => {
            let Some(keyword) = keywords::find(first) else {
                return unknown_clause(first, clause_span, context);
            };
            if context == Context::Trigger && keyword.place == Place::Header {
                return Diagnostic::error(
                    codes::SYNTAX_ERROR,
                    format!("`{}` is not allowed inside a trigger block", keyword.word),
                )
                .with_label(clause_span, "this belongs in the treaty block")
                .with_help(format!(
                    "move this clause out of the trigger, next to the treaty's other {} clauses",
                    if keyword.word == "trigger" {
                        "trigger"
                    } else {
                        "header"
                    }
                ));
            }
            let rule = if context == Context::Trigger {
                Rule::probe_trigger_item
            } else {
                Rule::probe_treaty_item
            };
            let example = format!("for example: `{}`", keyword.example);
            explain_with_probe(
                text,
                span,
                Probe::Clause(rule),
                keyword.word,
                &format!("this `{}` clause could not be read", keyword.word),
                example,
            )
        }
        Context::TriggerHead => explain_with_probe(
            text,
            span,
            Probe::Head(Rule::probe_trigger_spec),
            "trigger",
            "this trigger's header could not be read",
            "for example: `trigger armed-attack by RU against UA in \"Ukraine\" {`".to_string(),
        ),
        Context::TreatyHead => explain_with_probe(
            text,
            span,
            Probe::Head(Rule::probe_treaty_head),
            "treaty",
            "this treaty's name could not be read",
            "a treaty name is letters, digits, `_` and `-`, such as `uk_ukraine_2024`".to_string(),
        ),
        Context::TopLevel => {
            if first == "treaty" {
                return explain_with_probe(
                    text,
                    span,
                    Probe::Head(Rule::probe_top),
                    "treaty",
                    "this treaty's header could not be read",
                    "a treaty starts with `treaty <name> {` on one line".to_string(),
                );
            }
            let (found_span, _) = found_at(text, span.start);
            let mut diagnostic =
                Diagnostic::error(codes::SYNTAX_ERROR, "text outside a treaty block")
                    .with_label(found_span.to(clause_span), "expected `treaty <name> {`");
            diagnostic.help = Some(match did_you_mean(first, ["treaty"]) {
                Some(_) if !first.is_empty() => {
                    format!("did you mean `treaty`? (found `{first}`)").into()
                }
                _ if snippet.starts_with('}') => {
                    "this `}` closes nothing: remove it, or check the braces above".into()
                }
                _ => "every clause belongs inside a `treaty <name> { ... }` block".into(),
            });
            diagnostic
        }
    }
}

fn unknown_clause(first: &str, clause_span: Span, context: Context) -> Diagnostic {
    let allowed: Vec<&str> = keywords::CLAUSE_KEYWORDS
        .iter()
        .filter(|k| context == Context::Treaty || k.place == Place::Obligation)
        .map(|k| k.word)
        .collect();
    let (message, label) = if first.is_empty() {
        (
            "this line is not a clause".to_string(),
            "expected a clause keyword".to_string(),
        )
    } else {
        (
            format!("unknown clause `{first}`"),
            "not a clause keyword".to_string(),
        )
    };
    let qualifier = did_you_mean(first, crate::vocab::QualifierKind::words());
    let help = match did_you_mean(first, allowed.iter().copied()) {
        None if qualifier.is_some() => format!(
            "did you mean the qualifier `{}`? a qualifier on its own line continues the clause above it",
            qualifier.unwrap_or_default()
        ),
        Some(suggestion) if !first.is_empty() => {
            let keyword = keywords::find(suggestion)
                .map(|k| k.example)
                .unwrap_or(suggestion);
            let mean = crate::suggest::did_you_mean_text(first, suggestion);
            format!("{mean} for example: `{keyword}`")
        }
        _ => format!(
            "a clause here starts with one of: {}",
            allowed
                .iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    Diagnostic::error(codes::SYNTAX_ERROR, message)
        .with_label(clause_span, label)
        .with_help(help)
}

/// How to parse a piece of text again to find out why it failed.
enum Probe {
    /// A whole clause: exactly the text given, to its end.
    Clause(Rule),
    /// A block header: from its start up to its `{`, which lies beyond the text.
    Head(Rule),
}

fn explain_with_probe(
    text: &str,
    span: Span,
    probe: Probe,
    clause: &str,
    message: &str,
    help: String,
) -> Diagnostic {
    let clause_text = &text[span.start..span.end];
    let clause_span = Span::new(span.start, span.start + clause_text.trim_end().len());
    let (rule, input) = match probe {
        Probe::Clause(rule) => (rule, &text[span.start..clause_span.end]),
        Probe::Head(rule) => (rule, &text[span.start..]),
    };
    let (offset, expected) = match TreatyParser::parse(rule, input) {
        Ok(_) => (span.start, Vec::new()),
        Err(error) => {
            let position = match error.location {
                InputLocation::Pos(p) => p,
                InputLocation::Span((p, _)) => p,
            };
            let positives = match &error.variant {
                ErrorVariant::ParsingError { positives, .. } => positives.clone(),
                ErrorVariant::CustomError { .. } => Vec::new(),
            };
            (span.start + position, positives)
        }
    };
    // Clamp into the text that failed: the probe may look past the bad clause's end.
    let offset = clamp_to_char_boundary(text, offset.min(span.end));
    let (found_span, found) = found_at(text, offset);

    let mut phrases: Vec<String> = Vec::new();
    let mut wants_clause_end = false;
    let expected_rules = expected.clone();
    for rule in expected {
        if is_clause_keyword_rule(rule) && offset > span.start {
            wants_clause_end = true;
            continue;
        }
        if let Some(phrase) = describe(rule, clause) {
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
    }
    let unterminated = text[offset..].starts_with('"') && found.starts_with("a text whose");
    let label = if unterminated {
        "this text has no closing `\"` on its line".to_string()
    } else if phrases.is_empty() && wants_clause_end {
        format!("unexpected {found}: the clause should end before it")
    } else if phrases.is_empty() {
        format!("unexpected {found}")
    } else {
        if wants_clause_end {
            phrases.push("the end of the clause".to_string());
        }
        format!("expected {}, found {found}", join_alternatives(&phrases))
    };
    let label_span = if found_span.is_empty() && found_span.start > clause_span.start {
        // Point at the last character written rather than at an empty line (its
        // start: the character may be several bytes long).
        Span::new(
            clamp_to_char_boundary(text, clause_span.end.saturating_sub(1)).max(clause_span.start),
            clause_span.end,
        )
    } else {
        found_span
    };
    let mut diagnostic =
        Diagnostic::error(codes::SYNTAX_ERROR, message.to_string()).with_label(label_span, label);
    let found_word = &text[offset..found_span.end];
    let suggestion = closed_list_suggestion(&expected_rules, found_word)
        .or_else(|| vocabulary_suggestion(&expected_rules, clause, found_word));
    let help = if found_word == "and" {
        format!("list several parties or words with commas, as in `UK, UA`; {help}")
    } else {
        help
    };
    let help = match suggestion {
        Some(suggestion) => format!(
            "{} {help}",
            crate::suggest::did_you_mean_text(found_word, suggestion)
        ),
        None => help,
    };
    let qualifier_expected = expected_rules
        .iter()
        .any(|r| matches!(r, Rule::qualifier | Rule::qualifier_name));
    // A qualifier right after the keyword (`assist as-deemed-necessary UK -> UA`) is
    // never in its place, whatever pest made of it; elsewhere, one where no qualifier
    // can stand is not either.
    let written = &text[clause_span.start..clause_span.end];
    let keyword_len = leading_word(written).len();
    let after_keyword = &written[keyword_len..];
    let second_start =
        clause_span.start + keyword_len + (after_keyword.len() - after_keyword.trim_start().len());
    let second = leading_word(&text[second_start..clause_span.end]);
    let misplaced = if keyword_len > 0 && super::misplaced::is_qualifier(second) {
        Some((second, Span::new(second_start, second_start + second.len())))
    } else if offset > span.start
        && !qualifier_expected
        && super::misplaced::is_qualifier(found_word)
    {
        Some((found_word, found_span))
    } else {
        None
    };
    if let Some((word, word_span)) = misplaced {
        let fixed = super::misplaced::moved_to_end(text, clause_span, word_span, true);
        diagnostic =
            super::misplaced::misplaced(word, word_span, "the clause is not finished", &fixed);
    }
    let label_span = misplaced.map_or(label_span, |(_, s)| s);
    // The clause is labelled on its keyword: a label over the whole clause would
    // overlap the primary one, and miette then draws the primary's caret at the
    // clause's end instead of under the word.
    let keyword_span = Span::new(
        clause_span.start,
        clause_span.start + leading_word(clause_text).len(),
    );
    if leading_word(clause_text) == clause && keyword_span.end <= label_span.start {
        diagnostic = diagnostic.with_label(keyword_span, format!("in this `{clause}` clause"));
    }
    if misplaced.is_some() {
        // Its help says where the qualifier goes.
        return diagnostic;
    }
    diagnostic.with_help(help)
}

/// For a word where a role or a qualifier was expected (closed lists in the grammar),
/// the closest word of that list.
fn closed_list_suggestion(expected: &[Rule], found: &str) -> Option<&'static str> {
    use crate::vocab::{QualifierKind, Role};
    if found.is_empty() || !found.starts_with(|c: char| c.is_ascii_lowercase()) {
        return None;
    }
    if expected.contains(&Rule::role) {
        if let Some(role) = did_you_mean(found, Role::words()) {
            return Some(role);
        }
    }
    if expected
        .iter()
        .any(|r| matches!(r, Rule::qualifier | Rule::qualifier_name))
    {
        return did_you_mean(found, QualifierKind::words());
    }
    None
}

/// For a word where a vocabulary word was expected (`form Treaty`, `status inforce`),
/// the closest word of the vocabulary that clause takes.
fn vocabulary_suggestion(expected: &[Rule], clause: &str, found: &str) -> Option<&'static str> {
    use crate::vocab::*;
    if found.is_empty()
        || !expected.iter().any(|r| {
            matches!(
                r,
                Rule::word | Rule::vocab | Rule::trigger_kinds | Rule::trigger_spec
            )
        })
    {
        return None;
    }
    let words: Vec<&'static str> = match clause {
        "form" => Form::words().collect(),
        "status" => Status::words().collect(),
        "binding" => BindingOverride::words().collect(),
        "ratification" => RatificationState::words().collect(),
        "renewal" => RenewalMode::words().collect(),
        "trigger" => TriggerKind::words().chain(ThreatAspect::words()).collect(),
        "provide" => AssistanceKind::words().collect(),
        "assist" | "defend" | "act" => Means::words().collect(),
        "deter" => DeterrentMeans::words().collect(),
        "establish" => Institution::words().collect(),
        "prohibit" => Prohibited::words().collect(),
        "refrain" => RefrainAct::words().collect(),
        "respect" => RespectAspect::words().collect(),
        _ => return None,
    };
    did_you_mean(found, words)
}
