//! Hover: what the word under the cursor means, a party, a clause keyword, a
//! vocabulary word, a rule named in a suppression comment, or the rule behind a
//! diagnostic there; in a scenario block, what running it gave.

use super::mentions::{mention_at, word_at};
use super::*;

pub fn hover(context: &Context<'_>, params: &Value) -> Reply {
    let offset = context.offset(params)?;
    let mut sections = Vec::new();
    let mut range = None;
    let scenario_party = super::scenario::block_at(context, offset).and_then(|index| {
        context.document.syntax.scenarios[index]
            .party_words()
            .into_iter()
            .find(|w| w.span.start <= offset && offset <= w.span.end)
            .map(|w| (w.value.to_string(), w.span))
    });
    let mention = mention_at(context, offset)
        .map(|(m, _)| (m.code, m.span))
        .or(scenario_party);
    if let Some((code, span)) = mention {
        sections.push(party_text(context, &code));
        range = Some(span);
    } else if let Some((rule, span)) = suppressed_rule_at(context, offset) {
        sections.push(format!(
            "**{}** ({}): {}\n\nwhy: {}\n\nfix: {}\n\n[documentation]({})",
            rule.code,
            rule.name,
            rule.summary,
            rule.why,
            rule.fix,
            super::report::rule_docs(rule.name)
        ));
        range = Some(span);
    } else if let Some((word, span)) = word_at(context.text(), offset) {
        if let Some(keyword) = keywords::find_word(&word) {
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
            let mut text = format!(
                "**treaty {}**: tier **{}**\n\n{}\n\n{} against {}",
                report.id,
                super::lens::tier_text(&context.document.report.source, report),
                super::lens::tier_reasons(report),
                crate::output::count(report.gaps.len(), "gap"),
                context.baseline.name
            );
            // Computed on hover only: the search re-reads the treaty for each try.
            let document = &context.document;
            let searched = crate::uplift::paths_until(
                context.text(),
                &document.report.source.path,
                treaties[index].header_span,
                &*document.settings.loader,
                context.cancel,
            );
            let mut effort = context.effort.get();
            effort.next_tier_tries += searched.tries;
            context.effort.set(effort);
            if searched.cancelled {
                // The client has been answered -32800 already; nothing more is of use.
                return Ok(Value::Null);
            }
            for path in searched.paths {
                text.push_str(&format!("\n\n{}", path.heading()));
                for edit in &path.edits {
                    text.push_str(&format!("\n- {} ({})", edit.describe(), edit.why));
                }
            }
            sections.push(text);
            range.get_or_insert(treaties[index].header_span);
        }
    }
    sections.extend(super::scenario::hover_sections(context, offset));
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

/// A party's code, full name and roles, or that it is not declared.
fn party_text(context: &Context<'_>, code: &str) -> String {
    let model = &context.document.model;
    let party = model
        .treaties
        .iter()
        .flat_map(|t| &t.parties)
        .find(|p| p.code == code);
    match party {
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
        None => format!("**{code}**: not a declared party"),
    }
}

/// The rule a suppression comment names at `offset` (`// treaty: allow(L001)`).
pub(super) fn suppressed_rule_at(
    context: &Context<'_>,
    offset: usize,
) -> Option<(registry::RuleInfo, Span)> {
    let text = context.text();
    if !crate::syntax::suppressions::may_have_directives(text) {
        return None;
    }
    let found = crate::syntax::suppressions::find(text, &context.document.syntax);
    found
        .directives
        .iter()
        .flat_map(|d| &d.rules)
        .find(|(_, span)| span.start <= offset && offset <= span.end)
        .and_then(|(name, span)| registry::lookup(name).map(|rule| (rule, *span)))
}

/// What a vocabulary word means, in every vocabulary that has it.
pub(super) fn vocabulary_meanings(word: &str) -> Option<String> {
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
        Covered,
        CrossingLine,
        Indivisibility,
        AssistanceKind,
        Means,
        DeterrentMeans,
        Mandate,
        Institution,
        Prohibited,
        LimitKind,
        RefrainAct,
        RespectAspect,
        QualifierKind,
        Threshold,
        Vote,
        EventAttribute
    );
    (!found.is_empty()).then(|| found.join("\n\n"))
}

/// Whether a word belongs to some vocabulary of the language.
pub(super) fn is_vocabulary(word: &str) -> bool {
    vocabulary_meanings(word).is_some()
}
