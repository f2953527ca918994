//! The clause changes the search may try, written as source text with the treaty's
//! own party codes: drop a hedge (`aspirational`, `reserve-right`, an instrument-wide
//! `qualified-by aspirational`), commit security cooperation, add a duty to assist
//! with armed force on armed attack (inside an armed-attack trigger, or in a new
//! one), and change the legal form or the bindingness. Which of them matter is not
//! decided here: the search applies them and lets the tier rule say.

use super::text::{self, Lines};
// The parties by role as the gap help names them, so a path and a help line agree.
use crate::model::vocab::{BindingOverride, Form, QualifierKind, Role};
use crate::model::{PartyRef, Treaty, Trigger};
use crate::rules::gaps::fix::codes;

/// One change by whole lines of the treaty's text (0-based, relative to the text
/// the treaty was read from).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub at: usize,
    pub remove: usize,
    pub insert: Vec<String>,
    pub why: &'static str,
}

/// At most this many changes are tried (the first ones, in the order below).
pub const MAX_CANDIDATES: usize = 14;

pub fn candidates(treaty: &Treaty, lines: &Lines<'_>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut push = |c: Option<Candidate>| {
        if let Some(c) = c {
            if !out.contains(&c) {
                out.push(c);
            }
        }
    };
    // Hedges on the whole instrument.
    if let Some(q) = treaty
        .hedges
        .iter()
        .find(|q| q.kind == QualifierKind::Aspirational)
    {
        let why = "the instrument is no longer only an intention";
        let line = lines.line_of(q.span.start);
        let bare = text::without(
            lines.text(line),
            q.span.start - lines.start(line),
            q.span.end - lines.start(line),
        )
        .is_some_and(|rest| rest.trim() == "qualified-by");
        let next = treaty
            .hedges
            .iter()
            .find(|h| h.kind != QualifierKind::Aspirational)
            .map(|h| lines.line_of(h.span.start));
        let c = match (bare, next) {
            // `qualified-by aspirational` with the other hedges on the next line:
            // they move up.
            (true, Some(next)) if next == line + 1 => Some(Candidate {
                at: line,
                remove: 2,
                insert: vec![format!(
                    "{}qualified-by {}",
                    text::indent(lines.text(line)),
                    lines.text(next).trim()
                )],
                why,
            }),
            (true, None) => Some(delete(line, why)),
            (true, Some(_)) => None,
            (false, _) => drop_qualifier(lines, q.span, why),
        };
        push(c);
    }
    // New content: committed security cooperation, and a duty to assist.
    let close = lines.len().saturating_sub(1);
    let body = body_indent(lines);
    if lines.text(close).trim() == "}" {
        push(Some(Candidate {
            at: close,
            remove: 0,
            insert: vec![format!(
                "{body}provide {} -> {} training",
                givers(treaty),
                receivers(treaty)
            )],
            why: "committed security cooperation",
        }));
    }
    push(assist_on_attack(treaty, lines, &body, close));
    // Hedges on clauses.
    for (_, o) in treaty.all_obligations() {
        if o.by_reference.is_some() {
            continue;
        }
        for (kind, why) in [
            (
                QualifierKind::Aspirational,
                "the clause becomes a commitment, not an intention",
            ),
            (QualifierKind::ReserveRight, "the right becomes a duty"),
        ] {
            if let Some(q) = o.qualifier(kind) {
                push(drop_qualifier(lines, q.span, why));
            }
        }
    }
    // Form and bindingness.
    let binds = "binding in international law";
    match &treaty.binding_override {
        Some(b) if b.value != BindingOverride::Yes => {
            let line = lines.line_of(b.span.start);
            push(replace(lines, line, "binding", "yes", binds));
        }
        _ => {}
    }
    match &treaty.form {
        Some(form) if form.value != Form::Treaty => {
            let line = lines.line_of(form.span.start);
            push(replace(lines, line, "form", "treaty", binds));
            if matches!(
                form.value,
                Form::Declaration | Form::JointStatement | Form::Communique
            ) {
                push(replace(
                    lines,
                    line,
                    "form",
                    "political",
                    "a political agreement rather than a declaration",
                ));
            }
        }
        Some(_) => {}
        None => push(Some(Candidate {
            at: 1,
            remove: 0,
            insert: vec![format!("{body}form treaty")],
            why: binds,
        })),
    }
    out.truncate(MAX_CANDIDATES);
    out
}

fn delete(line: usize, why: &'static str) -> Candidate {
    Candidate {
        at: line,
        remove: 1,
        insert: Vec::new(),
        why,
    }
}

fn replace(
    lines: &Lines<'_>,
    line: usize,
    keyword: &str,
    word: &str,
    why: &'static str,
) -> Option<Candidate> {
    let new = text::replace_word_after(lines.text(line), keyword, word)?;
    Some(Candidate {
        at: line,
        remove: 1,
        insert: vec![new],
        why,
    })
}

/// Take a qualifier out of its line (the whole line when it stands alone).
fn drop_qualifier(
    lines: &Lines<'_>,
    span: crate::span::Span,
    why: &'static str,
) -> Option<Candidate> {
    let line = lines.line_of(span.start);
    let start = lines.start(line);
    let text = lines.text(line);
    if span.end > start + text.len() {
        return None;
    }
    Some(
        match text::without(text, span.start - start, span.end - start) {
            None => delete(line, why),
            Some(new) => Candidate {
                at: line,
                remove: 0,
                insert: vec![new],
                why,
            }
            .replacing(),
        },
    )
}

impl Candidate {
    fn replacing(mut self) -> Self {
        self.remove = 1;
        self
    }
}

/// `assist GIVERS -> RECEIVERS with armed-force forthwith`, in the first armed-attack
/// trigger of the treaty's own text, or in a new trigger when there is none.
fn assist_on_attack(
    treaty: &Treaty,
    lines: &Lines<'_>,
    body: &str,
    close: usize,
) -> Option<Candidate> {
    let why = "a duty to assist with armed force on armed attack";
    let givers = givers(treaty);
    let own = |t: &&Trigger| t.by_reference.is_none();
    if let Some(trigger) = treaty
        .triggers
        .iter()
        .filter(own)
        .find(|t| t.covers_armed_attack())
    {
        let whole: String = lines.lines.concat();
        let (open, _) = text::block_at(&whole, trigger.span.start - lines.base())?;
        if !text::ends_line(&whole, open + 1) {
            return None;
        }
        let line = lines.line_of(open + lines.base());
        let indent = format!("{}  ", text::indent(lines.text(line)));
        let to = match trigger.against.as_slice() {
            [PartyRef::Party { code }] => code.to_string(),
            _ => "attacked".to_string(),
        };
        return Some(Candidate {
            at: line + 1,
            remove: 0,
            insert: vec![format!(
                "{indent}assist {givers} -> {to} with armed-force forthwith"
            )],
            why,
        });
    }
    if lines.text(close).trim() != "}" {
        return None;
    }
    let against = if treaty.is_collective() {
        "any member".to_string()
    } else {
        receivers(treaty)
    };
    let to = if codes(treaty, Role::Beneficiary).len() == 1 {
        against.clone()
    } else {
        "attacked".to_string()
    };
    Some(Candidate {
        at: close,
        remove: 0,
        insert: vec![
            format!("{body}trigger armed-attack against {against} {{"),
            format!("{body}  assist {givers} -> {to} with armed-force forthwith"),
            format!("{body}}}"),
        ],
        why,
    })
}

/// A short list of codes, or the group word when there are many.
fn list(codes: &[&str], group: &str) -> Option<String> {
    match codes.len() {
        0 => None,
        1..=3 => Some(codes.join(", ")),
        _ => Some(format!("each {group}")),
    }
}

/// Who gives, in the file's own codes.
pub fn givers(treaty: &Treaty) -> String {
    if treaty.is_collective() {
        return "each member".to_string();
    }
    list(&codes(treaty, Role::Guarantor), "guarantor").unwrap_or_else(|| "each party".into())
}

/// Who receives, in the file's own codes.
pub fn receivers(treaty: &Treaty) -> String {
    if treaty.is_collective() {
        return "each member".to_string();
    }
    list(&codes(treaty, Role::Beneficiary), "beneficiary").unwrap_or_else(|| "each party".into())
}

/// The indentation of the treaty's clauses.
fn body_indent(lines: &Lines<'_>) -> String {
    (1..lines.len())
        .map(|i| lines.text(i))
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
        .filter(|l| l.trim() != "}")
        .map(|l| text::indent(l).to_string())
        .unwrap_or_else(|| "  ".to_string())
}
