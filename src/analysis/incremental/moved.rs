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
