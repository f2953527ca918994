//! A party declared but never mentioned by any clause.

use crate::syntax::ast::Text;
use std::collections::HashSet;

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::vocab::Role;
use crate::model::Review;
use crate::model::{Duty, Event, ForcesOf, Party, PartyRef, Place, Term, Treaty};

pub const LINT: Lint = Lint {
    code: "L001",
    name: "unused-party",
    severity: Severity::Warning,
    summary: "a party declared but never mentioned by any clause or group (adversaries and observers excepted)",
    why: "a state listed among the parties but owing and owed nothing is usually a clause that was lost in drafting, or a party that should not be there",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  party PL guarantor\n  provide UK -> UA training\n}\n",
    fix: "give the party its obligations (or name it in a trigger), or remove its declaration",
    check,
};

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    let mentioned = mentioned_parties(treaty);
    // Naming the adversary, or an observer without obligations, is information in
    // itself: neither needs a clause.
    let needs_a_clause = |p: &&Party| {
        p.roles.is_empty()
            || p.roles
                .iter()
                .any(|r| !matches!(r, Role::Adversary | Role::Observer))
    };
    for party in treaty.parties.iter().filter(needs_a_clause) {
        if !mentioned.contains(party.code.as_str()) {
            out.push(LINT.report(
                treaty,
                party.span,
                "declared here, never used",
                &format!(
                    "party `{}` is declared but no clause mentions it",
                    party.code
                ),
            ));
        }
    }
}

/// Every party code some clause names, directly or through a group (`each guarantor`).
pub(super) fn mentioned_parties(treaty: &Treaty) -> HashSet<&str> {
    let mut mentioned = HashSet::new();
    let mut events: Vec<&Event> = Vec::new();
    if let Some(term) = &treaty.duration {
        if let Term::Until { event } = &term.value {
            events.push(event);
        }
    }
    for review in &treaty.reviews {
        if let Review::On { event } = &review.value {
            events.push(event);
        }
    }
    for event in events {
        if let Event::Named { parties, .. } = event {
            mentioned.extend(parties.iter().map(Text::as_str));
        }
    }
    let triggers = treaty
        .triggers
        .iter()
        .flat_map(|t| t.by.iter().chain(&t.against));
    let flows = treaty
        .all_obligations()
        .flat_map(|(_, o)| o.givers.iter().chain(&o.receivers));
    let bans = treaty.all_obligations().flat_map(|(_, o)| match &o.duty {
        Duty::Prohibit {
            of: Some(ForcesOf::Parties { parties }),
            ..
        } => parties.as_slice(),
        _ => &[],
    });
    let deciders = treaty.decisions().flat_map(|d| d.parties());
    for reference in triggers.chain(flows).chain(bans).chain(deciders) {
        mentioned.extend(treaty.expand(reference));
        // A group named is used itself, not only through its members.
        let mut named = reference;
        while let PartyRef::Except { of, .. } = named {
            named = of;
        }
        if let PartyRef::Party { code } = named {
            mentioned.insert(code.as_str());
        }
    }
    for (_, obligation) in treaty.all_obligations() {
        let place = match &obligation.duty {
            Duty::Station { place, .. } => Some(place),
            Duty::Mission { place, .. }
            | Duty::Prohibit { place, .. }
            | Duty::Limit { place, .. } => place.as_ref(),
            _ => None,
        };
        if let Some(Place::Party { code }) = place {
            mentioned.insert(code.as_str());
            mentioned.extend(treaty.members_of(code));
        }
    }
    // A group is used when one of its members is.
    for group in treaty.parties.iter().filter(|p| p.is_group()) {
        if treaty
            .members_of(&group.code)
            .iter()
            .any(|m| mentioned.contains(m))
        {
            mentioned.insert(group.code.as_str());
        }
    }
    mentioned
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("`PL`"));
    }

    #[test]
    fn deciders_and_those_consulted_count_as_mentions() {
        let body = "  party US guarantor\n  party UA beneficiary\n  party NATO signatory\n  party EU signatory\n  trigger armed-attack against UA decided-by EU after consultation with NATO {\n    assist US -> UA\n  }";
        assert!(lint(&LINT, &treaty(body)).is_empty());
        let unused = body.replace(" with NATO", "");
        let found = lint(&LINT, &treaty(&unused));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`NATO`"));
    }

    #[test]
    fn a_group_and_its_members_count_as_mentioned_together() {
        let text = treaty(
            "  party COW \"Coalition\" guarantor group FR, UK\n  party UA beneficiary\n  provide COW -> UA training",
        );
        assert!(lint(&LINT, &text).is_empty(), "{:?}", lint(&LINT, &text));
        let member_only = treaty(
            "  party COW \"Coalition\" guarantor group FR, UK\n  party UA beneficiary\n  provide FR -> UA training",
        );
        let found = lint(&LINT, &member_only);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("`UK`"), "{}", found[0].message);
    }

    #[test]
    fn groups_places_and_events_count_as_mentions() {
        let text = treaty(
            "  duration until nato-accession(UA)\n  party UK guarantor\n  party FR guarantor\n  party UA beneficiary\n  party PL\n  trigger armed-attack against UA {\n    consult all guarantors\n  }\n  station UK forces in PL",
        );
        let found = lint(&LINT, &text);
        assert!(found.is_empty(), "{found:?}");
        let adversary = treaty("  party RU adversary\n  party OB observer");
        assert!(lint(&LINT, &adversary).is_empty());
    }
}
