//! Moving the rules' results for a treaty along with its tree (`ast::shift`), when the
//! piece they came from now starts elsewhere in the file. As in `ast::shift`, every
//! struct is taken apart with no `..` and every enum matched with no wildcard, so a new
//! field with a span in it does not compile until it is moved too.

use std::borrow::Cow;

use super::Assessed;
use crate::diagnostics::{Diagnostic, Label, Severity};
use crate::model::UnreadableCause;
use crate::rules::gaps::fix::Edit;
use crate::rules::gaps::{Gap, Shortfall};
use crate::rules::provisional::{Provisional, UnreadableClause};
use crate::rules::tier::Reason;
use crate::rules::{Tier, TierAssessment, TreatyReport};
use crate::syntax::ast::shift::{move_fields, nothing_to_move, Move, Shift};

nothing_to_move!(
    String,
    &'static str,
    Cow<'static, str>,
    Tier,
    Shortfall,
    UnreadableCause,
    Severity
);

move_fields!(Assessed {
    report,
    diagnostics
});
move_fields!(TierAssessment {
    tier,
    reasons,
    once_concluded
});
move_fields!(Reason { text, span });
move_fields!(Gap {
    element,
    element_title,
    code,
    message,
    help,
    edit,
    span,
    detail,
    shortfall
});
move_fields!(Provisional {
    unreadable,
    elements
});
move_fields!(UnreadableClause {
    span,
    keyword,
    cause
});
move_fields!(Diagnostic {
    code,
    severity,
    message,
    help,
    labels,
    suggestion
});
move_fields!(Label { span, message });

impl Shift for TreatyReport {
    fn shift(&mut self, by: Move) {
        let TreatyReport {
            id,
            title,
            tier,
            gaps,
            header_span,
            next_tier,
            provisional,
        } = self;
        // Filled in later by a front end, never kept with a piece (`PieceMemo`).
        debug_assert!(next_tier.is_empty());
        id.shift(by);
        title.shift(by);
        tier.shift(by);
        gaps.shift(by);
        header_span.shift(by);
        provisional.shift(by);
    }
}

impl Shift for Edit {
    fn shift(&mut self, by: Move) {
        match self {
            Edit::AddToResponse(clause) | Edit::AddToTreaty(clause) => clause.shift(by),
            Edit::Replace(span, text) => {
                span.shift(by);
                text.shift(by);
            }
            Edit::Remove(span) => span.shift(by),
        }
    }
}

// The resolved model of a treaty, kept with its piece like the rules' results.

use crate::model::party_index::PartyIndex;
use crate::model::Obligation;
use crate::model::{
    Area, At, Decision, Party, Qualifier, Reference, Scope, Suspension, Treaty, Trigger, Unreadable,
};

/// Parts of the model with no span anywhere in them: what a treaty says, not where.
mod spanless {
    use crate::model::vocab::*;
    use crate::model::*;
    use crate::syntax::ast::shift::nothing_to_move;

    nothing_to_move!(
        Date,
        Period,
        Form,
        Status,
        BindingOverride,
        Ratification,
        Term,
        Event,
        Renewal,
        Review,
        Withdrawal,
        Role,
        PartyRef,
        Duty,
        Applies,
        Condition,
        Foresees,
        ReferenceKind,
        QualifierKind,
        Decider,
        Vote,
        TriggerKind,
        ThreatAspect,
        Threshold,
        Covered,
        Line
    );
}

nothing_to_move!(PartyIndex);

impl<T: Shift> Shift for At<T> {
    fn shift(&mut self, by: Move) {
        let At { value, span } = self;
        value.shift(by);
        span.shift(by);
    }
}

move_fields!(Treaty {
    id,
    header_span,
    title,
    signed,
    effective,
    form,
    status,
    binding_override,
    ratification,
    duration,
    renewal,
    reviews,
    withdrawal,
    hedges,
    hedges_span,
    parties,
    obligations,
    triggers,
    activation,
    proposed,
    terminated,
    voids,
    suspensions,
    references,
    in_addition_to,
    foresees,
    unreadable,
    party_index
});
move_fields!(Unreadable {
    span,
    keyword,
    in_trigger,
    cause
});
move_fields!(Party {
    code,
    name,
    roles,
    members,
    span
});
move_fields!(Qualifier {
    kind,
    argument,
    span
});
move_fields!(Obligation {
    duty,
    givers,
    receivers,
    qualifiers,
    source,
    decision,
    span,
    from,
    by_reference
});
move_fields!(Trigger {
    kinds,
    aspects,
    by,
    against,
    scope,
    threshold,
    decision,
    qualifiers,
    source,
    obligations,
    span,
    from,
    by_reference,
    scope_of
});
move_fields!(Decision {
    by,
    vote,
    consultation,
    span
});
move_fields!(Suspension {
    givers,
    receivers,
    from,
    until,
    source,
    span
});
move_fields!(Reference {
    kind,
    name,
    path,
    found_in,
    span
});
move_fields!(Scope {
    areas,
    covering,
    excluding,
    across
});

impl Shift for Area {
    fn shift(&mut self, by: Move) {
        match self {
            Area::ScopeOf { treaty, resolved } => {
                treaty.shift(by);
                resolved.shift(by);
            }
            Area::Territory { parties } | Area::Administered { parties } => parties.shift(by),
            Area::Region { text } => text.shift(by),
        }
    }
}
