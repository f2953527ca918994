//! Moving a piece of the syntax tree to another place in its file: every span in it
//! is moved by the same amount. The incremental check (`analysis::incremental`) reuses
//! the tree of a block whose text did not change but which now starts elsewhere,
//! because an edit before it made the file longer or shorter.
//!
//! Every struct is taken apart field by field with no `..`, and every enum is matched
//! with no wildcard, so a new field or variant does not compile until it is moved too.

use super::scenario::{Expectation, Happening, Scenario, ScenarioItem, ScenePlace, UseTarget};
use super::*;

/// Where a piece of text was and where it is now: an offset `at` in it becomes
/// `at - from + to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub from: usize,
    pub to: usize,
}

impl Move {
    pub fn offset(self, at: usize) -> usize {
        // Wrapping: the result is right whichever of `from` and `to` is larger, and
        // every offset moved lies at or after `from`.
        at.wrapping_sub(self.from).wrapping_add(self.to)
    }
}

/// A part of the syntax tree whose spans can be moved.
pub trait Shift {
    fn shift(&mut self, by: Move);
}

impl Shift for Span {
    fn shift(&mut self, by: Move) {
        self.start = by.offset(self.start);
        self.end = by.offset(self.end);
    }
}

/// Values with no span in them.
macro_rules! nothing_to_move {
    ($($ty:ty),*) => {
        $(impl $crate::syntax::ast::shift::Shift for $ty {
            fn shift(&mut self, _: $crate::syntax::ast::shift::Move) {}
        })*
    };
}
pub(crate) use nothing_to_move;

nothing_to_move!(bool, Text, AssistVerb, MissionKind);

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, by: Move) {
        for item in self {
            item.shift(by);
        }
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, by: Move) {
        if let Some(value) = self {
            value.shift(by);
        }
    }
}

impl<T: Shift> Shift for Box<T> {
    fn shift(&mut self, by: Move) {
        (**self).shift(by);
    }
}

impl<A: Shift, B: Shift> Shift for (A, B) {
    fn shift(&mut self, by: Move) {
        self.0.shift(by);
        self.1.shift(by);
    }
}

/// A struct: each field named, none left out.
macro_rules! move_fields {
    ($ty:ident { $($field:ident),* }) => {
        impl $crate::syntax::ast::shift::Shift for $ty {
            fn shift(&mut self, by: $crate::syntax::ast::shift::Move) {
                let $ty { $($field),* } = self;
                $($crate::syntax::ast::shift::Shift::shift($field, by);)*
            }
        }
    };
}
pub(crate) use move_fields;

impl<T: Shift> Shift for Spanned<T> {
    fn shift(&mut self, by: Move) {
        let Spanned { value, span } = self;
        value.shift(by);
        span.shift(by);
    }
}

move_fields!(File {
    treaties,
    scenarios
});
move_fields!(Treaty {
    name,
    header_span,
    span,
    clauses,
    unreadable
});
move_fields!(Unreadable {
    span,
    keyword,
    in_trigger,
    party_code
});
move_fields!(Clause {
    kind,
    qualifiers,
    source,
    decided_by,
    span,
    keyword_span,
    from
});
move_fields!(Qualifier {
    name,
    argument,
    span
});
move_fields!(Period { amount, unit, span });
move_fields!(PartyList {
    items,
    except,
    span
});
move_fields!(Flow { givers, receivers });
move_fields!(Kind { name, details });
move_fields!(Amount {
    currency,
    number,
    magnitude,
    per,
    span
});
move_fields!(Size {
    low,
    high,
    unit,
    span
});
move_fields!(TriggerSpec {
    kinds,
    aspects,
    by,
    against,
    scope,
    covering,
    excluding,
    across,
    threshold,
    scope_of
});
move_fields!(DecidedBy {
    by,
    vote,
    consultation,
    span
});
move_fields!(Scenario {
    name,
    header_span,
    span,
    items
});
move_fields!(Expectation {
    negated,
    status,
    what,
    parties,
    due,
    late,
    because,
    span
});

impl Shift for ClauseFrom {
    fn shift(&mut self, by: Move) {
        match self {
            ClauseFrom::Date(word) => word.shift(by),
            ClauseFrom::Event(event) => event.shift(by),
        }
    }
}

impl Shift for Condition {
    fn shift(&mut self, by: Move) {
        match self {
            Condition::Described(text) => text.shift(by),
            Condition::Happening {
                name,
                parties,
                by: by_parties,
                against,
                scope,
                attributes,
                span,
            } => {
                name.shift(by);
                parties.shift(by);
                by_parties.shift(by);
                against.shift(by);
                scope.shift(by);
                attributes.shift(by);
                span.shift(by);
            }
        }
    }
}

impl Shift for Event {
    fn shift(&mut self, by: Move) {
        match self {
            Event::Named {
                name,
                parties,
                span,
            } => {
                name.shift(by);
                parties.shift(by);
                span.shift(by);
            }
            Event::Described(text) => text.shift(by),
        }
    }
}

impl Shift for DurationValue {
    fn shift(&mut self, by: Move) {
        match self {
            DurationValue::Indefinite(span) | DurationValue::NotStated(span) => span.shift(by),
            DurationValue::Fixed(period) => period.shift(by),
            DurationValue::Until(event) => event.shift(by),
        }
    }
}

impl Shift for ReviewWhen {
    fn shift(&mut self, by: Move) {
        match self {
            ReviewWhen::Within(period) | ReviewWhen::After(period) | ReviewWhen::Every(period) => {
                period.shift(by)
            }
            ReviewWhen::On(event) => event.shift(by),
        }
    }
}

impl Shift for WithdrawalTerms {
    fn shift(&mut self, by: Move) {
        match self {
            WithdrawalTerms::Notice { notice, after } => {
                notice.shift(by);
                after.shift(by);
            }
            WithdrawalTerms::AnyTime(span) | WithdrawalTerms::NoExit(span) => span.shift(by),
        }
    }
}

impl Shift for PartyItem {
    fn shift(&mut self, by: Move) {
        match self {
            PartyItem::Named(word) => word.shift(by),
            PartyItem::Quantified {
                quantifier,
                group,
                span,
            } => {
                quantifier.shift(by);
                group.shift(by);
                span.shift(by);
            }
            PartyItem::Attacked(span) => span.shift(by),
            PartyItem::Class {
                quantifier,
                name,
                span,
            } => {
                quantifier.shift(by);
                name.shift(by);
                span.shift(by);
            }
        }
    }
}

impl Shift for Timing {
    fn shift(&mut self, by: Move) {
        match self {
            Timing::Forthwith(span)
            | Timing::Immediately(span)
            | Timing::AfterConsultation(span) => span.shift(by),
            Timing::Within(period) => period.shift(by),
        }
    }
}

impl Shift for Place {
    fn shift(&mut self, by: Move) {
        match self {
            Place::Party(word) => word.shift(by),
            Place::Described(text) => text.shift(by),
        }
    }
}

impl Shift for Body {
    fn shift(&mut self, by: Move) {
        match self {
            Body::Named(word) => word.shift(by),
            Body::Described(text) => text.shift(by),
        }
    }
}

impl Shift for Area {
    fn shift(&mut self, by: Move) {
        match self {
            Area::Territory { parties, span } | Area::Administered { parties, span } => {
                parties.shift(by);
                span.shift(by);
            }
            Area::ScopeOf { treaty, span } => {
                treaty.shift(by);
                span.shift(by);
            }
            Area::Described(text) => text.shift(by),
            Area::Party(word) => word.shift(by),
        }
    }
}

impl Shift for Line {
    fn shift(&mut self, by: Move) {
        match self {
            Line::Named(word) => word.shift(by),
            Line::Described(text) => text.shift(by),
        }
    }
}

impl Shift for Decider {
    fn shift(&mut self, by: Move) {
        match self {
            Decider::Parties(parties) => parties.shift(by),
            Decider::Body(text) => text.shift(by),
        }
    }
}

impl Shift for ForcesOf {
    fn shift(&mut self, by: Move) {
        match self {
            ForcesOf::Parties(parties) => parties.shift(by),
            ForcesOf::Described(text) => text.shift(by),
        }
    }
}

impl Shift for Reference {
    fn shift(&mut self, by: Move) {
        match self {
            Reference::Described(text) => text.shift(by),
            Reference::Treaty(word) => word.shift(by),
        }
    }
}

impl Shift for ClauseKind {
    fn shift(&mut self, by: Move) {
        match self {
            ClauseKind::Title(text) => text.shift(by),
            ClauseKind::Signed(word)
            | ClauseKind::Effective(word)
            | ClauseKind::Form(word)
            | ClauseKind::Status(word)
            | ClauseKind::Binding(word)
            | ClauseKind::Proposed(word)
            | ClauseKind::Terminated(word) => word.shift(by),
            ClauseKind::Ratification { state, date } => {
                state.shift(by);
                date.shift(by);
            }
            ClauseKind::Duration(value) => value.shift(by),
            ClauseKind::Renewal { mode, every } => {
                mode.shift(by);
                every.shift(by);
            }
            ClauseKind::Review(when) => when.shift(by),
            ClauseKind::Withdrawal(terms) => terms.shift(by),
            ClauseKind::QualifiedBy => {}
            ClauseKind::Party {
                code,
                name,
                roles,
                members,
            } => {
                code.shift(by);
                name.shift(by);
                roles.shift(by);
                members.shift(by);
            }
            ClauseKind::Members(members) => members.shift(by),
            ClauseKind::Trigger {
                spec,
                clauses,
                block_span,
            } => {
                spec.shift(by);
                clauses.shift(by);
                block_span.shift(by);
            }
            ClauseKind::Consult { parties, deadline } => {
                parties.shift(by);
                deadline.shift(by);
            }
            ClauseKind::Provide {
                flow,
                kinds,
                amount,
                from,
                until,
            } => {
                flow.shift(by);
                kinds.shift(by);
                amount.shift(by);
                from.shift(by);
                until.shift(by);
            }
            ClauseKind::Assist {
                verb,
                flow,
                means,
                menu,
                timing,
            } => {
                verb.shift(by);
                flow.shift(by);
                means.shift(by);
                menu.shift(by);
                timing.shift(by);
            }
            ClauseKind::Station {
                parties,
                place,
                size,
                tripwire,
                permanent,
            } => {
                parties.shift(by);
                place.shift(by);
                size.shift(by);
                tripwire.shift(by);
                permanent.shift(by);
            }
            ClauseKind::Deter { flow, means } => {
                flow.shift(by);
                means.shift(by);
            }
            ClauseKind::Mission {
                kind,
                parties,
                mandate,
                place,
                size,
            } => {
                kind.shift(by);
                parties.shift(by);
                mandate.shift(by);
                place.shift(by);
                size.shift(by);
            }
            ClauseKind::Refrain {
                parties,
                acts,
                against,
            } => {
                parties.shift(by);
                acts.shift(by);
                against.shift(by);
            }
            ClauseKind::Respect {
                parties,
                aspects,
                of,
            } => {
                parties.shift(by);
                aspects.shift(by);
                of.shift(by);
            }
            ClauseKind::Seek {
                parties,
                what,
                body,
                for_,
                timing,
            } => {
                parties.shift(by);
                what.shift(by);
                body.shift(by);
                for_.shift(by);
                timing.shift(by);
            }
            ClauseKind::Report {
                parties,
                body,
                timing,
            } => {
                parties.shift(by);
                body.shift(by);
                timing.shift(by);
            }
            ClauseKind::Establish { institution, name } => {
                institution.shift(by);
                name.shift(by);
            }
            ClauseKind::Prohibit { what, of, place } => {
                what.shift(by);
                of.shift(by);
                place.shift(by);
            }
            ClauseKind::Indivisible(grade) => grade.shift(by),
            ClauseKind::Activation(event) => event.shift(by),
            ClauseKind::Void(condition) => condition.shift(by),
            ClauseKind::Suspend { flow, from, until } => {
                flow.shift(by);
                from.shift(by);
                until.shift(by);
            }
            ClauseKind::Reinstate {
                kinds,
                by: by_parties,
                against,
                automatically,
                on,
            } => {
                kinds.shift(by);
                by_parties.shift(by);
                against.shift(by);
                automatically.shift(by);
                on.shift(by);
            }
            ClauseKind::Limit {
                parties,
                what,
                size,
                place,
            } => {
                parties.shift(by);
                what.shift(by);
                size.shift(by);
                place.shift(by);
            }
            ClauseKind::Incorporate { mirror, name, from } => {
                mirror.shift(by);
                name.shift(by);
                from.shift(by);
            }
            ClauseKind::InAdditionTo(reference) => reference.shift(by),
            ClauseKind::Foresees { form, ratification } => {
                form.shift(by);
                ratification.shift(by);
            }
        }
    }
}

impl Shift for ScenarioItem {
    fn shift(&mut self, by: Move) {
        match self {
            ScenarioItem::Use { target, span } => {
                target.shift(by);
                span.shift(by);
            }
            ScenarioItem::Assume { what, at, span } => {
                what.shift(by);
                at.shift(by);
                span.shift(by);
            }
            ScenarioItem::Event(happening) => happening.shift(by),
            ScenarioItem::End { at, span } => {
                at.shift(by);
                span.shift(by);
            }
            ScenarioItem::Expect(expectation) => expectation.shift(by),
        }
    }
}

impl Shift for UseTarget {
    fn shift(&mut self, by: Move) {
        match self {
            UseTarget::Path(text) => text.shift(by),
            UseTarget::Treaty(word) => word.shift(by),
        }
    }
}

impl Shift for ScenePlace {
    fn shift(&mut self, by: Move) {
        match self {
            ScenePlace::Party(word) => word.shift(by),
            ScenePlace::Described(text) => text.shift(by),
        }
    }
}

impl Shift for Happening {
    fn shift(&mut self, by: Move) {
        match self {
            Happening::Occurrence {
                kind,
                parties,
                aspects,
                by: by_party,
                against,
                place,
                at,
                attributes,
                span,
            } => {
                kind.shift(by);
                parties.shift(by);
                aspects.shift(by);
                by_party.shift(by);
                against.shift(by);
                place.shift(by);
                at.shift(by);
                attributes.shift(by);
                span.shift(by);
            }
            Happening::Action {
                actor,
                verb,
                kinds,
                targets,
                means,
                at,
                span,
            } => {
                actor.shift(by);
                verb.shift(by);
                kinds.shift(by);
                targets.shift(by);
                means.shift(by);
                at.shift(by);
                span.shift(by);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A block parsed at one place, moved to another, is the block parsed there.
    #[test]
    fn a_moved_tree_is_the_tree_parsed_at_the_new_place() {
        let block = "treaty a {\n  form treaty\n  status in-force\n  party US guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA {\n    assist US -> UA with armed-force immediately decided-by US after consultation with UA\n  }\n  provide US -> UA training, funding USD 3 billion per year\n}\n\nscenario s {\n  treaty a\n  event armed-attack by RU against UA at 2027-03-03T06:00Z\n  expect assist US, UA by 2027-06-01T06:00Z\n}\n";
        let here = crate::syntax::parse(block);
        assert!(here.diagnostics.is_empty(), "{:?}", here.diagnostics);
        let padding = "// a comment that moves the block along\n\n";
        let there = crate::syntax::parse(&format!("{padding}{block}"));
        let mut moved = here.file.clone();
        moved.shift(Move {
            from: 0,
            to: padding.len(),
        });
        assert_eq!(moved, there.file);
        assert_ne!(moved, here.file, "the spans did move");
        moved.shift(Move {
            from: padding.len(),
            to: 0,
        });
        assert_eq!(moved, here.file, "and move back");
    }
}
