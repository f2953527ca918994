//! Quick fixes beyond a did-you-mean: the clause a gap asks for, written with the
//! treaty's own parties; the qualifier a gap asks to remove; the lints whose fix is one
//! edit; a look-alike identifier (L015) retyped in plain letters everywhere; and
//! "allow RULE on this clause", the suppression comment of
//! `syntax::suppressions`. Each fix is a list of edits; `actions` turns them into code
//! actions.

use super::*;
use crate::rules::gaps::fix as fix_text;
use crate::rules::lints::confusable_text;
use crate::suggest::look_alike;
use crate::vocab::Role;

/// A fix: its title, and the edits (span replaced, new text).
pub struct Fix {
    pub title: String,
    pub edits: Vec<(Span, String)>,
}

fn fix(title: impl Into<String>, edits: Vec<(Span, String)>) -> Fix {
    Fix {
        title: title.into(),
        edits,
    }
}

/// The suggestion in a help text of the form "did you mean `X`? ...".
pub fn suggestion(help: &str) -> Option<&str> {
    let rest = help.strip_prefix("did you mean `")?;
    let end = rest.find('`')?;
    let suggested = &rest[..end];
    (!suggested.is_empty() && !suggested.contains(char::is_whitespace)).then_some(suggested)
}

/// The treaty (syntax and model) whose block holds `offset`.
fn treaty_at<'a>(
    context: &'a Context<'_>,
    offset: usize,
) -> Option<(&'a crate::syntax::ast::Treaty, &'a crate::model::Treaty)> {
    let syntax = context
        .document
        .syntax
        .treaties
        .iter()
        .find(|t| t.span.start <= offset && offset <= t.span.end)?;
    let name = syntax.name.as_ref()?;
    let model = context
        .document
        .model
        .treaties
        .iter()
        .find(|t| t.id == name.value)?;
    Some((syntax, model))
}

fn codes_with(model: &crate::model::Treaty, role: Role) -> Vec<String> {
    model
        .parties
        .iter()
        .filter(|p| p.roles.contains(&role))
        .map(|p| p.code.to_string())
        .collect()
}

/// The start of the line holding `offset`, and that line's indentation.
fn line_of(text: &str, offset: usize) -> (usize, &str) {
    let start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let indent_len = text[start..]
        .find(|c: char| c != ' ' && c != '\t')
        .unwrap_or(0);
    (start, &text[start..start + indent_len])
}

/// Where a new clause goes in a trigger block: the start of the line of its closing
/// brace, with the indentation of the clauses inside. `None` when the brace does not
/// stand on its own line.
fn insert_in_block(text: &str, block: Span, opener: usize) -> Option<(usize, String)> {
    let close = block.end.checked_sub(1)?;
    if text.as_bytes().get(close) != Some(&b'}') {
        return None;
    }
    let (line_start, indent) = line_of(text, close);
    if line_start + indent.len() != close {
        return None;
    }
    let (_, outer) = line_of(text, opener);
    Some((line_start, format!("{outer}  ")))
}

/// The trigger a response goes in: the one holding `offset`, else the first
/// armed-attack trigger, else the first trigger.
fn response_trigger(treaty: &crate::syntax::ast::Treaty, offset: usize) -> Option<&Clause> {
    let triggers: Vec<&Clause> = treaty
        .clauses
        .iter()
        .filter(|c| matches!(c.kind, ClauseKind::Trigger { .. }))
        .collect();
    let holds = |c: &&&Clause| match &c.kind {
        ClauseKind::Trigger { block_span, .. } => {
            c.span.start <= offset && offset <= block_span.end
        }
        _ => false,
    };
    let armed = |c: &&&Clause| match &c.kind {
        ClauseKind::Trigger {
            spec: Some(spec), ..
        } => spec.kinds.iter().any(|k| k.value == "armed-attack"),
        _ => false,
    };
    triggers
        .iter()
        .find(holds)
        .or_else(|| triggers.iter().find(armed))
        .or_else(|| triggers.first())
        .copied()
}

/// "Add `CLAUSE` to the trigger": one edit inserting the clause on its own line.
fn add_to_trigger(context: &Context<'_>, offset: usize, clause: &str) -> Option<Fix> {
    let (treaty, _) = treaty_at(context, offset)?;
    let trigger = response_trigger(treaty, offset)?;
    let ClauseKind::Trigger { block_span, .. } = &trigger.kind else {
        return None;
    };
    let (at, indent) = insert_in_block(context.text(), *block_span, trigger.span.start)?;
    Some(fix(
        format!("Add `{clause}` to the trigger"),
        vec![(Span::new(at, at), format!("{indent}{clause}\n"))],
    ))
}

/// The clause a help text asks to add, when it is written out in full with the
/// treaty's own parties: "add `assist UK -> attacked with armed-force`".
fn clause_in_help<'h>(help: &'h str, parties: &[String]) -> Option<&'h str> {
    let rest = &help[help.find("add `")? + "add `".len()..];
    let clause = &rest[..rest.find('`')?];
    let opens = clause.split_whitespace().next()?;
    let placeholder = clause.contains("...")
        || clause
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "GUARANTOR" | "BENEFICIARY" | "N" | "A" | "B"));
    let names_a_party = clause
        .split(|c: char| c.is_whitespace() || c == ',')
        .any(|w| parties.iter().any(|p| p == w));
    (keywords::find(opens).is_some_and(|k| k.place == keywords::Place::Obligation)
        && !placeholder
        && names_a_party)
        .then_some(clause)
}

/// A qualifier named in "remove `WORD`", on the clause at `offset`.
fn qualifier_removal(context: &Context<'_>, offset: usize, help: &str) -> Option<Fix> {
    let rest = &help[help.find("remove `")? + "remove `".len()..];
    let word = &rest[..rest.find('`')?];
    let (treaty, _) = treaty_at(context, offset)?;
    fn find<'c>(
        clauses: &'c [Clause],
        offset: usize,
        word: &str,
    ) -> Option<&'c crate::syntax::ast::Qualifier> {
        for clause in clauses {
            if let ClauseKind::Trigger { clauses, .. } = &clause.kind {
                if let Some(found) = find(clauses, offset, word) {
                    return Some(found);
                }
            }
            if clause.span.start <= offset && offset <= clause.span.end {
                if let Some(q) = clause.qualifiers.iter().find(|q| q.name.value == word) {
                    return Some(q);
                }
            }
        }
        None
    }
    let qualifier = find(&treaty.clauses, offset, word)?;
    let text = context.text();
    // The blanks before it go with it.
    let start = text[..qualifier.span.start]
        .trim_end_matches([' ', '\t'])
        .len();
    Some(fix(
        format!("Remove `{word}`"),
        vec![(Span::new(start, qualifier.span.end), String::new())],
    ))
}

/// The fixes the check's gaps and lints offer.
pub fn fixes_for(context: &Context<'_>, diagnostic: &Diagnostic, span: Span) -> Vec<Fix> {
    let mut out = Vec::new();
    let text = context.text();
    let help = diagnostic.help.as_deref().unwrap_or("");
    let rule_fix = registry::lookup(diagnostic.code).map_or("", |r| r.fix);
    let parties = treaty_at(context, span.start).map(|(_, model)| {
        let guarantors = codes_with(model, Role::Guarantor);
        let beneficiaries = codes_with(model, Role::Beneficiary);
        let everyone: Vec<String> = model.parties.iter().map(|p| p.code.to_string()).collect();
        (guarantors, beneficiaries, everyone, model)
    });
    if let Some((guarantors, beneficiaries, everyone, model)) = &parties {
        let written = clause_in_help(help, everyone).map(str::to_string);
        // The clause the gap's own help quotes (rules::gaps::fix), so the quick fix
        // inserts exactly what the help line says.
        let template = fix_text::response_clause(diagnostic.code, model).or_else(|| {
            (diagnostic.code == "NO_NUCLEAR_UMBRELLA")
                .then(|| fix_text::deter_clause(model))
                .flatten()
        });
        if let Some(clause) = written.or(template) {
            out.extend(add_to_trigger(context, span.start, &clause));
        }
        if diagnostic.code == "NO_TRIGGER" && !guarantors.is_empty() && !beneficiaries.is_empty() {
            out.extend(new_trigger(context, span.start, guarantors, beneficiaries));
        }
    }
    out.extend(qualifier_removal(context, span.start, rule_fix));
    match diagnostic.code {
        "NOT_IMMEDIATE" => out.extend(assist_timing(context, span)),
        "L001" | "L006" => {
            let (start, _) = line_of(text, span.start);
            let end = text[span.end..]
                .find('\n')
                .map_or(text.len(), |n| span.end + n + 1);
            let only_clause = text[start..end].trim() == text[span.start..span.end].trim();
            if only_clause {
                let title = if diagnostic.code == "L001" {
                    "Remove the unused party's declaration"
                } else {
                    "Delete the duplicate clause"
                };
                out.push(fix(title, vec![(Span::new(start, end), String::new())]));
            }
        }
        "L016" => out.extend(drop_suppression(context, span)),
        "L015" => out.extend(plain_everywhere(context, span)),
        _ => {}
    }
    out
}

/// `NO_TRIGGER`: a trigger for an attack on the beneficiaries, with the guarantors'
/// duty to assist, before the treaty's closing brace.
fn new_trigger(
    context: &Context<'_>,
    offset: usize,
    guarantors: &[String],
    beneficiaries: &[String],
) -> Option<Fix> {
    let (treaty, _) = treaty_at(context, offset)?;
    let (at, indent) = insert_in_block(context.text(), treaty.span, treaty.header_span.start)?;
    let clause = format!(
        "{indent}trigger armed-attack against {} {{\n{indent}  assist {} -> attacked with armed-force forthwith\n{indent}}}\n",
        beneficiaries.join(", "),
        guarantors.join(", ")
    );
    Some(fix(
        format!(
            "Add an armed-attack trigger against {}",
            beneficiaries.join(", ")
        ),
        vec![(Span::new(at, at), clause)],
    ))
}

/// `NOT_IMMEDIATE`: `forthwith` after an `assist` clause with no timing and nothing
/// after its means.
fn assist_timing(context: &Context<'_>, span: Span) -> Option<Fix> {
    let (treaty, _) = treaty_at(context, span.start)?;
    fn find(clauses: &[Clause], span: Span) -> Option<&Clause> {
        clauses.iter().find_map(|c| match &c.kind {
            ClauseKind::Trigger { clauses, .. } => find(clauses, span),
            ClauseKind::Assist { timing: None, .. }
                if c.span.start <= span.start
                    && span.start <= c.span.end
                    && c.qualifiers.is_empty()
                    && c.decided_by.is_none()
                    && c.source.is_none()
                    && c.from.is_none() =>
            {
                Some(c)
            }
            _ => None,
        })
    }
    let clause = find(&treaty.clauses, span)?;
    Some(fix(
        "Make the assistance `forthwith`",
        vec![(
            Span::new(clause.span.end, clause.span.end),
            " forthwith".to_string(),
        )],
    ))
}

/// `L016`: the suppression that suppresses nothing is deleted (the whole comment when
/// it lists only that rule).
fn drop_suppression(context: &Context<'_>, span: Span) -> Option<Fix> {
    let text = context.text();
    let found = crate::syntax::suppressions::find(text, &context.document.syntax);
    let directive = found
        .directives
        .iter()
        .find(|d| d.span.start <= span.start && span.end <= d.span.end)?;
    let edit = if directive.rules.len() == 1 {
        let (start, indent) = line_of(text, directive.span.start);
        if start + indent.len() == directive.span.start {
            let end = text[directive.span.end..]
                .find('\n')
                .map_or(text.len(), |n| directive.span.end + n + 1);
            (Span::new(start, end), String::new())
        } else {
            let before = text[..directive.span.start]
                .trim_end_matches([' ', '\t'])
                .len();
            (Span::new(before, directive.span.end), String::new())
        }
    } else {
        // One entry of several: it goes with the comma and blanks that follow it (or,
        // for the last entry, precede it).
        let after = &text[span.end..];
        let trailing = after.len() - after.trim_start_matches([',', ' ']).len();
        if after.starts_with([',', ' '])
            && after
                .trim_start_matches([',', ' '])
                .starts_with(|c: char| c != ')')
        {
            (Span::new(span.start, span.end + trailing), String::new())
        } else {
            let before = text[..span.start].trim_end_matches([',', ' ']).len();
            (Span::new(before, span.end), String::new())
        }
    };
    Some(fix("Delete the unused suppression", vec![edit]))
}

/// "Allow RULE on this clause": a suppression comment above the innermost clause (or
/// treaty header) holding the diagnostic, indented like it.
pub fn allow_here(context: &Context<'_>, diagnostic: &Diagnostic, span: Span) -> Option<Fix> {
    let rule = registry::lookup(diagnostic.code)?;
    if matches!(rule.family, "syntax" | "config" | "scenario") {
        return None;
    }
    let mut clauses = Vec::new();
    crate::syntax::suppressions::add_clause_spans(&context.document.syntax.treaties, &mut clauses);
    let clause = clauses
        .into_iter()
        .filter(|c| c.start <= span.start && span.start <= c.end.max(c.start))
        .min_by_key(|c| c.end - c.start)?;
    let text = context.text();
    let (line_start, indent) = line_of(text, clause.start);
    Some(fix(
        format!("Allow `{}` on this clause", rule.name),
        vec![(
            Span::new(line_start, line_start),
            format!("{indent}// treaty: allow({})\n", rule.name),
        )],
    ))
}

/// Whether `c` may be part of an identifier as the look-alike check sees one: letters,
/// digits, `_`, `-`, and the invisible characters a look-alike may hide.
fn in_identifier(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-' || look_alike::is_invisible(c)
}

/// L015: "Replace `UА` with `UA` everywhere" for each look-alike identifier written in
/// the finding's span that has a plain ASCII form: every whole-word occurrence in the
/// document is replaced, declaration and mentions alike.
fn plain_everywhere(context: &Context<'_>, span: Span) -> Vec<Fix> {
    let text = context.text();
    let Some(flagged) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut odd: Vec<&str> = Vec::new();
    for word in flagged.split(|c: char| !in_identifier(c)) {
        if !word.is_ascii() && !odd.contains(&word) {
            odd.push(word);
        }
    }
    let mut out = Vec::new();
    for word in odd {
        let Some(plain) = confusable_text::plain_identifier(word) else {
            continue;
        };
        let edits: Vec<(Span, String)> = text
            .match_indices(word)
            .filter(|(at, _)| {
                let before = text[..*at].chars().next_back();
                let after = text[at + word.len()..].chars().next();
                !before.is_some_and(in_identifier) && !after.is_some_and(in_identifier)
            })
            .map(|(at, _)| (Span::new(at, at + word.len()), plain.clone()))
            .collect();
        if !edits.is_empty() {
            out.push(fix(
                format!("Replace `{word}` with `{plain}` everywhere"),
                edits,
            ));
        }
    }
    out
}
