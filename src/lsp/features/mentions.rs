//! Party mentions: every declaration and reference of a party code in the syntax
//! tree, and the navigation built on them (go to definition, find references).

use super::*;

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
    // A group's member declared nowhere else is declared by the group.
    let mut declared: Vec<String> = out
        .iter()
        .filter(|m| m.declaration)
        .map(|m| m.code.clone())
        .collect();
    for clause in clauses {
        if let ClauseKind::Party { members, .. } = &clause.kind {
            for member in members {
                if declared.iter().any(|d| *d == member.value) {
                    continue;
                }
                if let Some(m) = out.iter_mut().find(|m| m.span == member.span) {
                    m.declaration = true;
                    declared.push(m.code.clone());
                }
            }
        }
    }
    out
}

pub(super) fn mention(out: &mut Vec<PartyMention>, w: &Word, declaration: bool) {
    out.push(PartyMention {
        code: w.value.to_string(),
        span: w.span,
        declaration,
    });
}

pub(super) fn list(out: &mut Vec<PartyMention>, l: &PartyList) {
    for item in &l.items {
        if let PartyItem::Named(w) = item {
            mention(out, w, false);
        }
    }
    l.except.iter().for_each(|w| mention(out, w, false));
}

pub(super) fn place(out: &mut Vec<PartyMention>, p: Option<&Place>) {
    if let Some(Place::Party(w)) = p {
        mention(out, w, false);
    }
}

pub(super) fn event(out: &mut Vec<PartyMention>, e: &Event) {
    if let Event::Named { parties, .. } = e {
        parties.iter().for_each(|w| mention(out, w, false));
    }
}

pub(super) fn flow(out: &mut Vec<PartyMention>, f: &Flow) {
    list(out, &f.givers);
    if let Some(r) = &f.receivers {
        list(out, r);
    }
}

pub(super) fn mentions_in(clause: &Clause, out: &mut Vec<PartyMention>) {
    if let Some(decided) = &clause.decided_by {
        if let Decider::Parties(parties) = &decided.by {
            list(out, parties);
        }
        if let Some((_, Some(with))) = &decided.consultation {
            list(out, with);
        }
    }
    match &clause.kind {
        ClauseKind::Party { code, members, .. } => {
            mention(out, code, true);
            members.iter().for_each(|m| mention(out, m, false));
        }
        ClauseKind::Limit {
            parties, place: p, ..
        } => {
            list(out, parties);
            place(out, p.as_ref());
        }
        ClauseKind::Prohibit { of, place: p, .. } => {
            if let Some(crate::syntax::ast::ForcesOf::Parties(l)) = of {
                list(out, l);
            }
            place(out, p.as_ref());
        }
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
                for area in spec.scope.iter().chain(&spec.excluding) {
                    match area {
                        Area::Party(w) => mention(out, w, false),
                        Area::Territory { parties, .. } | Area::Administered { parties, .. } => {
                            list(out, parties)
                        }
                        _ => {}
                    }
                }
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
        ClauseKind::Activation(e) => event(out, e),
        ClauseKind::Suspend { flow: f, .. } => flow(out, f),
        ClauseKind::Void(Condition::Happening {
            parties,
            by,
            against,
            scope,
            ..
        }) => {
            parties.iter().for_each(|w| mention(out, w, false));
            for l in [by, against].into_iter().flatten() {
                list(out, l);
            }
            place(out, scope.as_ref());
        }
        ClauseKind::Reinstate {
            by, against, on, ..
        } => {
            for l in [by, against].into_iter().flatten() {
                list(out, l);
            }
            if let Some(e) = on {
                event(out, e);
            }
        }
        _ => {}
    }
}

/// The treaty (by index) whose block contains `offset`, with its party mentions.
pub(super) fn treaty_at(
    context: &Context<'_>,
    offset: usize,
) -> Option<(usize, Vec<PartyMention>)> {
    let treaties = &context.document.syntax.treaties;
    let index = treaties
        .iter()
        .position(|t| t.span.start <= offset && offset <= t.span.end)?;
    Some((index, party_mentions(&treaties[index].clauses)))
}

pub(super) fn mention_at(
    context: &Context<'_>,
    offset: usize,
) -> Option<(PartyMention, Vec<PartyMention>)> {
    let (_, mentions) = treaty_at(context, offset)?;
    let found = mentions
        .iter()
        .find(|m| m.span.start <= offset && offset <= m.span.end)?
        .clone();
    Some((found, mentions))
}

/// The word (keyword, code or vocabulary) under the cursor.
pub(super) fn word_at(text: &str, offset: usize) -> Option<(String, Span)> {
    comments::tokens(text)
        .into_iter()
        .find(|t| t.kind == TokenKind::Word && t.span.start <= offset && offset <= t.span.end)
        .map(|t| (text[t.span.start..t.span.end].to_string(), t.span))
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
