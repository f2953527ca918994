//! Parties as a reader names them: full names from the treaty, in the article and case
//! the language wants ("the Russian Federation", "to Ukraine"; "la Fédération de
//! Russie", "au Royaume-Uni"), groups and classes in words ("each member", "any
//! European Power").

use super::messages::{name_id, Arg, Messages};
use crate::model::describe::group_plural;
use crate::model::{PartyRef, Place, Treaty};

/// How a name stands in the sentence: alone, or after "to", "of" or "in".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Plain,
    To,
    Of,
    In,
}

impl Case {
    fn key(self) -> Option<&'static str> {
        match self {
            Case::Plain => None,
            Case::To => Some("to"),
            Case::Of => Some("of"),
            Case::In => Some("in"),
        }
    }
}

/// Who, as written, and whether a verb after it takes the plural.
#[derive(Debug, Clone)]
pub struct Who {
    pub text: String,
    pub plural: bool,
}

impl Who {
    /// `1` or `2`, for the messages' plural selectors.
    pub fn n(&self) -> u64 {
        if self.plural {
            2
        } else {
            1
        }
    }
}

/// A phrase in a case: the message's own attribute for that case when the file gives
/// one (`.to = au Royaume-Uni`), else the language's `case-to` pattern around it.
fn in_case(m: &Messages, id: Option<&str>, plain: String, case: Case) -> String {
    let Some(key) = case.key() else {
        return plain;
    };
    if let Some(form) = id.and_then(|id| m.attribute(id, key, &[])) {
        return form;
    }
    m.get(&format!("case-{key}"), &[("name", (&plain).into())])
}

/// A declared party by its full name (its code when it has none).
pub fn party_name(m: &Messages, treaty: &Treaty, code: &str, case: Case) -> Who {
    let name = treaty
        .party(code)
        .and_then(|p| p.name.as_ref())
        .map_or(code, |n| n.as_str());
    let id = name_id(name);
    let known = m.has(&id);
    let plain = if known { m.word(&id) } else { name.to_string() };
    let plural = known && m.attribute(&id, "number", &[]).as_deref() == Some("plural");
    Who {
        text: in_case(m, known.then_some(id.as_str()), plain, case),
        plural,
    }
}

/// One reference.
pub fn party_ref(m: &Messages, treaty: &Treaty, party: &PartyRef, case: Case) -> Who {
    let message = |id: String, args: &[(&str, Arg)], plural: bool| {
        let plain = m.get(&id, args);
        Who {
            text: in_case(m, Some(&id), plain, case),
            plural,
        }
    };
    match party {
        PartyRef::Party { code } => party_name(m, treaty, code, case),
        PartyRef::Each { group } => {
            message(format!("ref-each-{}", group_plural(*group)), &[], false)
        }
        PartyRef::Any { group } => message(format!("ref-any-{}", group_plural(*group)), &[], false),
        PartyRef::All { group } => message(format!("ref-all-{}", group_plural(*group)), &[], true),
        PartyRef::Attacked => message("ref-attacked".to_string(), &[], false),
        PartyRef::Class { name } => {
            let quoted = m.quote(name);
            message(
                "ref-class".to_string(),
                &[("name", (&quoted).into())],
                false,
            )
        }
        PartyRef::Except { of, except } => {
            let whole = party_ref(m, treaty, of, Case::Plain);
            let left_out: Vec<String> = except
                .iter()
                .map(|code| party_name(m, treaty, code, Case::Plain).text)
                .collect();
            let left_out = m.and(&left_out);
            let plain = m.get(
                "ref-except",
                &[
                    ("whole", (&whole.text).into()),
                    ("except", (&left_out).into()),
                ],
            );
            Who {
                text: in_case(m, None, plain, case),
                plural: whole.plural,
            }
        }
    }
}

/// A list of references joined with "and"; "the Participants" when it names every
/// party to the instrument (two or more).
pub fn parties(m: &Messages, treaty: &Treaty, refs: &[PartyRef], case: Case) -> Who {
    if refs.is_empty() || is_everyone(treaty, refs) {
        return participants(m, case);
    }
    let items: Vec<Who> = refs.iter().map(|r| party_ref(m, treaty, r, case)).collect();
    let plural = items.len() > 1 || items.iter().any(|w| w.plural);
    let texts: Vec<String> = items.into_iter().map(|w| w.text).collect();
    Who {
        text: m.and(&texts),
        plural,
    }
}

/// "the Participants": every party to the instrument.
pub fn participants(m: &Messages, case: Case) -> Who {
    let plain = m.word("ref-participants");
    Who {
        text: in_case(m, Some("ref-participants"), plain, case),
        plural: true,
    }
}

/// Whether a list of plain codes names every participant (two or more).
fn is_everyone(treaty: &Treaty, refs: &[PartyRef]) -> bool {
    if !refs.iter().all(|r| matches!(r, PartyRef::Party { .. })) {
        return false;
    }
    let mut named: Vec<&str> = Vec::new();
    for r in refs {
        for code in treaty.expand(r) {
            if !named.contains(&code) {
                named.push(code);
            }
        }
    }
    let everyone: Vec<&str> = treaty
        .parties
        .iter()
        .filter(|p| p.is_participant() && !p.is_group())
        .map(|p| p.code.as_str())
        .collect();
    everyone.len() >= 2
        && everyone.iter().all(|c| named.contains(c))
        && named.len() == everyone.len()
}

/// A place: a party's territory ("in Ukraine") or a quoted description.
pub fn place(m: &Messages, treaty: &Treaty, place: &Place) -> String {
    match place {
        Place::Party { code } => party_name(m, treaty, code, Case::In).text,
        Place::Described { text } => {
            let quoted = m.quote(text);
            m.get("case-in", &[("name", (&quoted).into())])
        }
    }
}
