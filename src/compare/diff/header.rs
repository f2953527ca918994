//! Changes to the header clauses: name, title, dates, legal form, status,
//! ratification, duration, renewal, reviews, withdrawal and hedges. Each change is
//! classified by `strength` and recorded with `Ctx::push`.

use super::strength::{
    binding_rank, by_rank, pairwise_rank, ratification_rank, status_rank, term_hours,
    withdrawal_hours,
};
use super::*;

impl Ctx<'_> {
    /// A header field present in either draft.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn field<T: PartialEq>(
        &mut self,
        name: &str,
        old: Option<&At<T>>,
        new: Option<&At<T>>,
        show: impl Fn(&T) -> String,
        kind: impl Fn(Option<&T>, Option<&T>) -> ChangeKind,
        old_header: Span,
        new_header: Span,
    ) {
        let (o, n) = (old.map(|a| &a.value), new.map(|a| &a.value));
        if o == n {
            return;
        }
        let text = match (o, n) {
            (Some(a), Some(b)) => format!("{name} {} -> {}", show(a), show(b)),
            (None, Some(b)) => format!("{name} {} added", show(b)),
            (Some(a), None) => format!("{name} {} removed", show(a)),
            (None, None) => return,
        };
        let kind = kind(o, n);
        self.push(
            Area::Header,
            kind,
            text,
            None,
            Some(old.map_or(old_header, |a| a.span)),
            Some(new.map_or(new_header, |a| a.span)),
        );
    }

    pub(super) fn header(&mut self, old: &Treaty, new: &Treaty) {
        let (oh, nh) = (old.header_span, new.header_span);
        if old.id != new.id {
            self.push(
                Area::Header,
                ChangeKind::Changed,
                format!("treaty renamed {} -> {}", old.id, new.id),
                None,
                Some(oh),
                Some(nh),
            );
        }
        let changed = |_: Option<&Text>, _: Option<&Text>| ChangeKind::Changed;
        self.field(
            "title",
            old.title.as_ref(),
            new.title.as_ref(),
            |t| format!("\"{t}\""),
            changed,
            oh,
            nh,
        );
        for (name, o, n) in [
            ("signed", old.signed.as_ref(), new.signed.as_ref()),
            ("effective", old.effective.as_ref(), new.effective.as_ref()),
        ] {
            self.field(
                name,
                o,
                n,
                |d| d.to_string(),
                |_, _| ChangeKind::Changed,
                oh,
                nh,
            );
        }
        let binding = by_rank(
            binding_rank(old.bindingness()),
            binding_rank(new.bindingness()),
        );
        self.field(
            "form",
            old.form.as_ref(),
            new.form.as_ref(),
            |f| f.word().to_string(),
            |_, _| binding,
            oh,
            nh,
        );
        self.field(
            "binding",
            old.binding_override.as_ref(),
            new.binding_override.as_ref(),
            |b| b.word().to_string(),
            |_, _| binding,
            oh,
            nh,
        );
        self.field(
            "status",
            old.status.as_ref(),
            new.status.as_ref(),
            |s| s.word().to_string(),
            |a, b| match (a, b) {
                (Some(a), Some(b)) => by_rank(status_rank(*a), status_rank(*b)),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "ratification",
            old.ratification.as_ref(),
            new.ratification.as_ref(),
            |r| match r.date {
                Some(d) => format!("{} {d}", r.state.word()),
                None => r.state.word().to_string(),
            },
            |a, b| match (a, b) {
                (Some(a), Some(b)) => {
                    by_rank(ratification_rank(a.state), ratification_rank(b.state))
                }
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "duration",
            old.duration.as_ref(),
            new.duration.as_ref(),
            describe::term,
            |a, b| match (a.and_then(term_hours), b.and_then(term_hours)) {
                (Some(a), Some(b)) => by_rank(a, b),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "renewal",
            old.renewal.as_ref(),
            new.renewal.as_ref(),
            |r| match r.every {
                Some(p) => format!("{} every {p}", r.mode.word()),
                None => r.mode.word().to_string(),
            },
            |a, b| match (a, b) {
                (Some(a), Some(b)) => {
                    let rank = |m: RenewalMode| u8::from(m == RenewalMode::Automatic);
                    by_rank(rank(a.mode), rank(b.mode))
                }
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        self.field(
            "withdrawal",
            old.withdrawal.as_ref(),
            new.withdrawal.as_ref(),
            describe::withdrawal,
            |a, b| match (a, b) {
                (Some(a), Some(b)) => pairwise_rank(withdrawal_hours(a), withdrawal_hours(b)),
                _ => ChangeKind::Changed,
            },
            oh,
            nh,
        );
        // Reviews: a list; a mandatory `review within` is a fixed term in disguise.
        let review_kind = |r: &Review, added: bool| match (r, added) {
            (Review::Within { .. }, true) => ChangeKind::Weakened,
            (Review::Within { .. }, false) => ChangeKind::Strengthened,
            (_, true) => ChangeKind::Added,
            (_, false) => ChangeKind::Removed,
        };
        for r in &old.reviews {
            if !new.reviews.iter().any(|n| n.value == r.value) {
                self.push(
                    Area::Header,
                    review_kind(&r.value, false),
                    format!("review {} removed", describe::review(&r.value)),
                    None,
                    Some(r.span),
                    Some(nh),
                );
            }
        }
        for r in &new.reviews {
            if !old.reviews.iter().any(|o| o.value == r.value) {
                self.push(
                    Area::Header,
                    review_kind(&r.value, true),
                    format!("review {} added", describe::review(&r.value)),
                    None,
                    Some(oh),
                    Some(r.span),
                );
            }
        }
        self.qualifier_changes(
            &old.hedges,
            &new.hedges,
            "the whole instrument (qualified-by)",
            Area::Header,
            old.hedges_span.unwrap_or(oh),
            new.hedges_span.unwrap_or(nh),
            None,
        );
    }
}
