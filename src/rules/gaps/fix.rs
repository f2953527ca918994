//! The clause that would close a gap, written with the treaty's own parties: the one
//! source of the text a gap's help quotes and the language server's quick fix inserts.
//!
//! A rule that knows how to close its gap attaches a [`Fix`] to its finding: the help
//! line, and the edit it describes. The help always names the file's own party codes
//! (or `each member` in a collective pact), never a placeholder or an example code.

use crate::model::vocab::Role;
use crate::model::Treaty;
use crate::span::Span;

/// One change to the text that closes a gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// A clause for the response to an armed attack: on a line of its own at the end
    /// of the treaty's first armed-attack trigger ([`response_trigger`]).
    AddToResponse(String),
    /// A clause (or a whole trigger block, several lines) at the end of the treaty body.
    AddToTreaty(String),
    /// The clause at the span replaced by this one.
    Replace(Span, String),
    /// The qualifier or clause at the span deleted (with the blanks before it).
    Remove(Span),
}

/// A gap's help line and, where one closes it, the edit it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub help: String,
    pub edit: Option<Edit>,
}

impl Fix {
    /// Help in words only: there is no single clause that closes the gap.
    pub fn advice(help: impl Into<String>) -> Self {
        Fix {
            help: help.into(),
            edit: None,
        }
    }

    /// "add to the armed-attack trigger: `CLAUSE`", or a new trigger holding the
    /// clause when the treaty has no armed-attack trigger.
    pub fn add_to_response(treaty: &Treaty, clause: String) -> Self {
        if response_trigger(treaty).is_some() {
            Fix {
                help: format!("add to the armed-attack trigger: `{clause}`"),
                edit: Some(Edit::AddToResponse(clause)),
            }
        } else {
            let block = trigger_block(treaty, &clause);
            Fix {
                help: format!("add an armed-attack trigger: `{}`", one_line(&block)),
                edit: Some(Edit::AddToTreaty(block)),
            }
        }
    }

    /// A new armed-attack trigger against the protected parties, holding `clause`.
    pub fn new_trigger(treaty: &Treaty, clause: &str, lead: &str) -> Self {
        let block = trigger_block(treaty, clause);
        Fix {
            help: format!("{lead} `{}`", one_line(&block)),
            edit: Some(Edit::AddToTreaty(block)),
        }
    }

    /// "add `CLAUSE`" at the end of the treaty body.
    pub fn add_to_treaty(clause: String) -> Self {
        Fix {
            help: format!("add `{}`", one_line(&clause)),
            edit: Some(Edit::AddToTreaty(clause)),
        }
    }

    /// `lead` followed by the new clause: "write `status in-force`".
    pub fn replace(span: Span, lead: &str, clause: String) -> Self {
        Fix {
            help: format!("{lead} `{clause}`"),
            edit: Some(Edit::Replace(span, clause)),
        }
    }

    /// "remove `WORD`" and why.
    pub fn remove(span: Span, word: &str, why: &str) -> Self {
        Fix {
            help: format!("remove `{word}`{why}"),
            edit: Some(Edit::Remove(span)),
        }
    }
}

/// The trigger a response clause goes in: the treaty's own first armed-attack trigger
/// (not one taken from another treaty).
pub fn response_trigger(treaty: &Treaty) -> Option<&crate::model::Trigger> {
    treaty
        .triggers
        .iter()
        .find(|t| t.by_reference.is_none() && t.covers_armed_attack())
}

/// A multi-line clause shown on one line, as a help line quotes it.
fn one_line(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The codes of the parties with `role`, adversaries left out.
pub fn codes(treaty: &Treaty, role: Role) -> Vec<&str> {
    treaty
        .parties
        .iter()
        .filter(|p| p.has_role(role) && !p.has_role(Role::Adversary))
        .map(|p| p.code.as_str())
        .collect()
}

/// The parties to the instrument (not the adversaries or observers it names).
pub fn participants(treaty: &Treaty) -> Vec<&str> {
    treaty
        .parties
        .iter()
        .filter(|p| p.is_participant() && !p.has_role(Role::Adversary) && !p.is_group())
        .map(|p| p.code.as_str())
        .collect()
}

/// Who gives assistance, in the file's own words: `each member` in a collective
/// pact, else the guarantors' codes. `None` when the file names no guarantor.
pub fn givers(treaty: &Treaty) -> Option<String> {
    if treaty.is_collective() {
        return Some("each member".to_string());
    }
    let guarantors = codes(treaty, Role::Guarantor);
    (!guarantors.is_empty()).then(|| guarantors.join(", "))
}

/// Who is protected, in the file's own words.
pub fn receivers(treaty: &Treaty) -> Option<String> {
    if treaty.is_collective() {
        return Some("each member".to_string());
    }
    let beneficiaries = codes(treaty, Role::Beneficiary);
    (!beneficiaries.is_empty()).then(|| beneficiaries.join(", "))
}

/// The baseline's duty to assist, owed by the file's guarantors.
pub fn assist_clause(treaty: &Treaty) -> Option<String> {
    Some(format!(
        "assist {} -> attacked with armed-force forthwith",
        givers(treaty)?
    ))
}

/// A consultation of every party within 24 hours.
pub fn consult_clause(treaty: &Treaty) -> Option<String> {
    let parties = participants(treaty);
    (parties.len() >= 2).then(|| format!("consult {} within 24 hours", parties.join(", ")))
}

/// Extended nuclear deterrence from the guarantors to the beneficiaries.
pub fn deter_clause(treaty: &Treaty) -> Option<String> {
    if treaty.is_collective() {
        return None;
    }
    let guarantors = codes(treaty, Role::Guarantor);
    let beneficiaries = codes(treaty, Role::Beneficiary);
    (!guarantors.is_empty() && !beneficiaries.is_empty()).then(|| {
        format!(
            "deter {} -> {} with nuclear-forces",
            guarantors.join(", "),
            beneficiaries.join(", ")
        )
    })
}

/// Forces of the first guarantor stationed in the first beneficiary.
pub fn station_clause(treaty: &Treaty) -> Option<String> {
    let guarantor = codes(treaty, Role::Guarantor).first().copied()?;
    let beneficiary = codes(treaty, Role::Beneficiary).first().copied()?;
    Some(format!("station {guarantor} forces in {beneficiary}"))
}

/// An armed-attack trigger against the protected parties holding `clause`.
fn trigger_block(treaty: &Treaty, clause: &str) -> String {
    let against = if treaty.is_collective() {
        "any member".to_string()
    } else {
        receivers(treaty).unwrap_or_else(|| "any party".to_string())
    };
    format!("trigger armed-attack against {against} {{\n  {clause}\n}}")
}

/// The withdrawal clause of a durable guarantee (the North Atlantic Treaty's): one
/// year's notice, and none before twenty years.
pub const DURABLE_WITHDRAWAL: &str = "withdrawal notice 1 year after 20 years";

/// The help for an exit that is too easy, the same for the gap and the lint that
/// both report the `withdrawal` clause at `span`.
pub fn durable_withdrawal(span: Span) -> Fix {
    Fix::replace(
        span,
        "require a year's notice after a minimum period: write",
        DURABLE_WITHDRAWAL.to_string(),
    )
}

/// The clause the language server's quick fix adds to a trigger for `code`: the same
/// text the gap's help quotes.
pub fn response_clause(code: &str, treaty: &Treaty) -> Option<String> {
    match code {
        "NO_CONSULTATION" | "L003" => consult_clause(treaty),
        "NO_MUTUAL_DEFENCE" | "CONSULT_ONLY" | "COMMON_DANGER_FORMULA" | "NO_ARMED_FORCE" => {
            assist_clause(treaty)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(text: &str) -> Treaty {
        let (model, _) = crate::model::model_of(text);
        model.treaties.into_iter().next().expect("a treaty")
    }

    #[test]
    fn clauses_name_the_files_own_parties() {
        let t = model(
            "treaty t {\n  form treaty\n  party FR guarantor\n  party DE guarantor\n  party MD beneficiary\n  party RU adversary\n}\n",
        );
        assert_eq!(
            assist_clause(&t).as_deref(),
            Some("assist FR, DE -> attacked with armed-force forthwith")
        );
        assert_eq!(
            consult_clause(&t).as_deref(),
            Some("consult FR, DE, MD within 24 hours")
        );
        assert_eq!(
            deter_clause(&t).as_deref(),
            Some("deter FR, DE -> MD with nuclear-forces")
        );
        let fix = Fix::add_to_response(&t, assist_clause(&t).unwrap());
        assert!(
            matches!(&fix.edit, Some(Edit::AddToTreaty(block)) if block.starts_with("trigger armed-attack against MD {")),
            "{fix:?}"
        );
    }

    #[test]
    fn a_pact_of_members_is_written_with_each_member() {
        let t = model("treaty t {\n  form treaty\n  members FR, DE\n}\n");
        assert_eq!(
            assist_clause(&t).as_deref(),
            Some("assist each member -> attacked with armed-force forthwith")
        );
        assert_eq!(deter_clause(&t), None);
    }
}
