//! Classification: whether a change weakens or strengthens the guarantee (shorter
//! deadlines, firmer legal form, more parties bound...). Pure functions of model
//! values; they must not produce messages or read spans.

use super::*;

/// Strength of a deadline: hours until it falls due (none is the weakest).
pub(super) fn deadline_hours(deadline: Option<&Deadline>) -> u64 {
    match deadline {
        Some(Deadline::Forthwith | Deadline::Immediately) => 0,
        Some(Deadline::Within { period }) => period.approx_hours(),
        Some(Deadline::AfterConsultation) => u64::MAX - 1,
        None => u64::MAX,
    }
}

/// Stronger when the new rank is higher.
pub(super) fn by_rank<R: Ord>(old: R, new: R) -> ChangeKind {
    match new.cmp(&old) {
        std::cmp::Ordering::Greater => ChangeKind::Strengthened,
        std::cmp::Ordering::Less => ChangeKind::Weakened,
        std::cmp::Ordering::Equal => ChangeKind::Changed,
    }
}

pub(super) fn binding_rank(b: Bindingness) -> u8 {
    match b {
        Bindingness::NotBinding => 0,
        Bindingness::Domestic => 1,
        Bindingness::Contested => 2,
        Bindingness::Binding => 3,
    }
}

pub(super) fn status_rank(s: Status) -> u8 {
    match s {
        Status::Lapsed => 0,
        Status::Draft => 1,
        Status::Signed => 2,
        Status::Ratified => 3,
        Status::InForce => 4,
    }
}

pub(super) fn ratification_rank(r: RatificationState) -> u8 {
    match r {
        RatificationState::NotRequired => 0,
        RatificationState::Required => 1,
        RatificationState::Completed => 2,
    }
}

/// Hours a term runs; indefinite is the longest. `until EVENT` has no length.
pub(super) fn term_hours(term: &Term) -> Option<u64> {
    match term {
        Term::Indefinite => Some(u64::MAX),
        Term::Fixed { period } => Some(period.approx_hours()),
        Term::Until { .. } | Term::NotStated => None,
    }
}

/// Withdrawal: (notice, minimum period) in hours; no exit is the firmest.
pub(super) fn withdrawal_hours(w: &Withdrawal) -> (u64, u64) {
    match w {
        Withdrawal::AnyTime => (0, 0),
        Withdrawal::Notice { notice, not_before } => (
            notice.approx_hours(),
            not_before.map(|p| p.approx_hours()).unwrap_or(0),
        ),
        Withdrawal::NoExit => (u64::MAX, u64::MAX),
    }
}

pub(super) fn pairwise_rank(old: (u64, u64), new: (u64, u64)) -> ChangeKind {
    if new.0 >= old.0 && new.1 >= old.1 && new != old {
        ChangeKind::Strengthened
    } else if new.0 <= old.0 && new.1 <= old.1 && new != old {
        ChangeKind::Weakened
    } else {
        ChangeKind::Changed
    }
}

pub(super) fn codes(treaty: &Treaty, refs: &[PartyRef]) -> BTreeSet<String> {
    refs.iter()
        .flat_map(|r| match r {
            PartyRef::Attacked => vec!["attacked".to_string()],
            // A class of states is not a set of codes: it stands for itself.
            PartyRef::Class { .. } => vec![describe::party_ref(r)],
            _ => treaty.expand(r).into_iter().map(str::to_string).collect(),
        })
        .collect()
}

/// Party references as written, in no particular order.
pub(super) fn written(refs: &[PartyRef]) -> BTreeSet<String> {
    refs.iter().map(describe::party_ref).collect()
}

/// More parties bound (or covered) is stronger, fewer weaker.
pub(super) fn set_kind<T: Ord>(old: &BTreeSet<T>, new: &BTreeSet<T>) -> ChangeKind {
    if new.is_superset(old) && new != old {
        ChangeKind::Strengthened
    } else if new.is_subset(old) && new != old {
        ChangeKind::Weakened
    } else {
        ChangeKind::Changed
    }
}
