//! The changes within one duty (assistance, consultation, stationing, deterrence,
//! institutions...): what each side of a matched clause obliges, compared and
//! classified. Each function appends (kind, text) pairs for the caller to record; it
//! must not touch `Ctx` or spans.

use super::strength::{by_rank, deadline_hours, pairwise_rank};
use super::*;

pub(super) fn set_changes<T: Copy + PartialEq>(
    old: &[T],
    new: &[T],
    word: fn(T) -> &'static str,
    added: impl Fn(&str) -> (ChangeKind, String),
    removed: impl Fn(&str) -> (ChangeKind, String),
    out: &mut Vec<(ChangeKind, String)>,
) {
    for x in old.iter().filter(|x| !new.contains(x)) {
        out.push(removed(word(*x)));
    }
    for x in new.iter().filter(|x| !old.contains(x)) {
        out.push(added(word(*x)));
    }
}

pub(super) fn timing_change(
    what: &str,
    old: Option<&Deadline>,
    new: Option<&Deadline>,
    out: &mut Vec<(ChangeKind, String)>,
) {
    if old == new {
        return;
    }
    // Fewer hours to act is stronger.
    let kind = by_rank(
        std::cmp::Reverse(deadline_hours(old)),
        std::cmp::Reverse(deadline_hours(new)),
    );
    let text = match (old, new) {
        (Some(a), Some(b)) => format!(
            "{what} {} -> {}",
            describe::deadline_short(a),
            describe::deadline_short(b)
        ),
        (None, Some(b)) => format!("{what} added: {}", describe::deadline_short(b)),
        (Some(a), None) => format!("{what} removed (was {})", describe::deadline_short(a)),
        (None, None) => return,
    };
    out.push((kind, text));
}

pub(super) fn duty_changes(
    keyword: &str,
    old: &Duty,
    new: &Duty,
    o: &Obligation,
    n: &Obligation,
    out: &mut Vec<(ChangeKind, String)>,
) {
    use ChangeKind::*;
    match (old, new) {
        (Duty::Consult { deadline: a }, Duty::Consult { deadline: b }) => {
            timing_change("consultation deadline", a.as_ref(), b.as_ref(), out);
        }
        (
            Duty::Assist {
                verb: av,
                means: am,
                menu: amenu,
                timing: at,
            },
            Duty::Assist {
                verb: bv,
                means: bm,
                menu: bmenu,
                timing: bt,
            },
        ) => {
            if amenu != bmenu {
                out.push(if *bmenu {
                    (
                        Weakened,
                        format!("means of {} became a menu (may-include)", o.keyword()),
                    )
                } else {
                    (
                        Strengthened,
                        format!("means of {} are no longer a menu", o.keyword()),
                    )
                });
            }
            if av != bv {
                let rank = |v: &AssistVerb| u8::from(*v != AssistVerb::Act);
                out.push((
                    by_rank(rank(av), rank(bv)),
                    format!("{} -> {}", o.keyword(), n.keyword()),
                ));
            }
            let (a_force, b_force) = (o.includes_armed_force(), n.includes_armed_force());
            if a_force && !b_force {
                out.push((
                    Weakened,
                    "armed force removed from the response".to_string(),
                ));
            } else if b_force && !a_force {
                out.push((
                    Strengthened,
                    "armed force added to the response".to_string(),
                ));
            }
            let force_changed = a_force != b_force;
            for m in am.iter().filter(|m| !bm.contains(m)) {
                if !(force_changed && m.includes_armed_force()) {
                    out.push((
                        Weakened,
                        format!("means {} removed from {keyword}", m.word()),
                    ));
                }
            }
            for m in bm.iter().filter(|m| !am.contains(m)) {
                if !(force_changed && m.includes_armed_force()) {
                    out.push((
                        Strengthened,
                        format!("means {} added to {keyword}", m.word()),
                    ));
                }
            }
            timing_change(&format!("{keyword} timing"), at.as_ref(), bt.as_ref(), out);
        }
        (
            Duty::Provide {
                assistance: aa,
                amount: am,
                from: af,
                until: au,
            },
            Duty::Provide {
                assistance: ba,
                amount: bm,
                from: bf,
                until: bu,
            },
        ) => {
            let kinds = |list: &[crate::model::Assistance]| -> Vec<AssistanceKind> {
                list.iter().map(|a| a.kind).collect()
            };
            set_changes(
                &kinds(aa),
                &kinds(ba),
                |k| k.word(),
                |w| (Strengthened, format!("{w} added to provide")),
                |w| (Weakened, format!("{w} removed from provide")),
                out,
            );
            for a in aa {
                if let Some(b) = ba.iter().find(|b| b.kind == a.kind) {
                    let kind_word = a.kind.word();
                    set_changes(
                        &a.details,
                        &b.details,
                        |k| k.word(),
                        |w| (Strengthened, format!("{w} added to {kind_word}")),
                        |w| (Weakened, format!("{w} removed from {kind_word}")),
                        out,
                    );
                }
            }
            if am != bm {
                let entry = match (am, bm) {
                    (Some(a), Some(b)) => {
                        let kind = if a.currency == b.currency && a.per == b.per {
                            match b.value.partial_cmp(&a.value) {
                                Some(std::cmp::Ordering::Greater) => Strengthened,
                                Some(std::cmp::Ordering::Less) => Weakened,
                                _ => Changed,
                            }
                        } else {
                            Changed
                        };
                        (
                            kind,
                            format!("amount {} -> {}", describe::amount(a), describe::amount(b)),
                        )
                    }
                    (None, Some(b)) => (
                        Strengthened,
                        format!("amount {} added", describe::amount(b)),
                    ),
                    (Some(a), None) => {
                        (Weakened, format!("amount {} removed", describe::amount(a)))
                    }
                    (None, None) => (Changed, String::new()),
                };
                out.push(entry);
            }
            if af != bf {
                let show = |d: &Option<crate::model::Date>| {
                    d.map_or("none".to_string(), |d| d.to_string())
                };
                out.push((
                    Changed,
                    format!("provide from {} -> {}", show(af), show(bf)),
                ));
            }
            if au != bu {
                // Support that runs longer is stronger; an end date where there was none
                // is weaker.
                let kind = match (au, bu) {
                    (Some(a), Some(b)) => by_rank(a, b),
                    (None, Some(_)) => Weakened,
                    (Some(_), None) => Strengthened,
                    (None, None) => Changed,
                };
                let show = |d: &Option<crate::model::Date>| {
                    d.map_or("open-ended".to_string(), |d| d.to_string())
                };
                out.push((kind, format!("provide until {} -> {}", show(au), show(bu))));
            }
        }
        (
            Duty::Station {
                place: ap,
                size: az,
                tripwire: at,
                permanent: aperm,
            },
            Duty::Station {
                place: bp,
                size: bz,
                tripwire: bt,
                permanent: bperm,
            },
        ) => {
            if ap != bp {
                out.push((
                    Changed,
                    format!(
                        "station in {} -> {}",
                        describe::place(ap),
                        describe::place(bp)
                    ),
                ));
            }
            size_change(az, bz, out);
            for (what, a, b) in [("tripwire", at, bt), ("permanent", aperm, bperm)] {
                if a != b {
                    if *b {
                        out.push((Strengthened, format!("station made {what}")));
                    } else {
                        out.push((Weakened, format!("station no longer {what}")));
                    }
                }
            }
        }
        (Duty::Deter { means: a }, Duty::Deter { means: b }) if a != b => {
            let rank = |m: &DeterrentMeans| u8::from(*m == DeterrentMeans::NuclearForces);
            out.push((
                by_rank(rank(a), rank(b)),
                format!("deterrence {} -> {}", a.word(), b.word()),
            ));
        }
        (
            Duty::Mission {
                mandate: am,
                place: ap,
                size: az,
                ..
            },
            Duty::Mission {
                mandate: bm,
                place: bp,
                size: bz,
                ..
            },
        ) => {
            if am != bm {
                let rank = |m: &Mandate| u8::from(*m == Mandate::Enforce);
                out.push((
                    by_rank(rank(am), rank(bm)),
                    format!("{keyword} mandate {} -> {}", am.word(), bm.word()),
                ));
            }
            if ap != bp {
                let show = |p: &Option<crate::model::Place>| {
                    p.as_ref().map_or("unstated".to_string(), describe::place)
                };
                out.push((
                    Changed,
                    format!("{keyword} in {} -> {}", show(ap), show(bp)),
                ));
            }
            size_change(az, bz, out);
        }
        (Duty::Refrain { acts: a }, Duty::Refrain { acts: b }) => set_changes(
            a,
            b,
            |k| k.word(),
            |w| (Strengthened, format!("refrain now also from {w}")),
            |w| (Weakened, format!("refrain no longer from {w}")),
            out,
        ),
        (Duty::Respect { aspects: a }, Duty::Respect { aspects: b }) => set_changes(
            a,
            b,
            |k| k.word(),
            |w| (Strengthened, format!("respect now also {w}")),
            |w| (Weakened, format!("respect no longer {w}")),
            out,
        ),
        (
            Duty::Seek {
                what: aw,
                body: ab,
                timing: at,
            },
            Duty::Seek {
                what: bw,
                body: bb,
                timing: bt,
            },
        ) => {
            if aw != bw {
                out.push((Changed, format!("seek {aw} -> {bw}")));
            }
            if ab != bb {
                out.push((
                    Changed,
                    format!("seek by {} -> {}", describe::body(ab), describe::body(bb)),
                ));
            }
            timing_change("seek timing", at.as_ref(), bt.as_ref(), out);
        }
        (
            Duty::Report {
                body: ab,
                timing: at,
            },
            Duty::Report {
                body: bb,
                timing: bt,
            },
        ) => {
            if ab != bb {
                out.push((
                    Changed,
                    format!("report to {} -> {}", describe::body(ab), describe::body(bb)),
                ));
            }
            timing_change("report timing", at.as_ref(), bt.as_ref(), out);
        }
        (Duty::Establish { name: a, .. }, Duty::Establish { name: b, .. }) if a != b => {
            let show = |n: &Option<Text>| {
                n.as_ref()
                    .map_or("no name".to_string(), |n| format!("\"{n}\""))
            };
            out.push((
                Changed,
                format!("establish {}: name {} -> {}", identity(n), show(a), show(b)),
            ));
        }
        (
            Duty::Limit {
                what: a,
                size: asize,
                place: ap,
            },
            Duty::Limit {
                what: b,
                size: bsize,
                place: bp,
            },
        ) => {
            // A limit on the beneficiary weakens the protection; lifting it strengthens.
            for k in a.iter().filter(|k| !b.contains(k)) {
                out.push((Strengthened, format!("limit {} lifted", k.word())));
            }
            for k in b.iter().filter(|k| !a.contains(k)) {
                out.push((Weakened, format!("limit {} added", k.word())));
            }
            if asize != bsize {
                let show = |s: &Option<crate::model::Size>| {
                    s.as_ref().map_or("unstated".to_string(), describe::size)
                };
                out.push((
                    Changed,
                    format!("limit size {} -> {}", show(asize), show(bsize)),
                ));
            }
            if ap != bp {
                let show = |p: &Option<crate::model::Place>| {
                    p.as_ref().map_or("unstated".to_string(), describe::place)
                };
                out.push((Changed, format!("limit in {} -> {}", show(ap), show(bp))));
            }
        }
        (
            Duty::Prohibit {
                what: a,
                of: aof,
                place: ap,
            },
            Duty::Prohibit {
                what: b,
                of: bof,
                place: bp,
            },
        ) => {
            if aof != bof {
                let show = |o: &Option<crate::model::ForcesOf>| {
                    o.as_ref()
                        .map_or("everyone's".to_string(), describe::forces_of)
                };
                out.push((
                    Changed,
                    format!("prohibition of forces of {} -> {}", show(aof), show(bof)),
                ));
            }
            // A ban on foreign forces or bases rules out a guarantee on the ground.
            let kind = |p: Prohibited, added: bool| match (p.bans_foreign_forces(), added) {
                (true, true) => Weakened,
                (true, false) => Strengthened,
                (false, _) => Changed,
            };
            for p in a.iter().filter(|p| !b.contains(p)) {
                out.push((
                    kind(*p, false),
                    format!("prohibition of {} lifted", p.word()),
                ));
            }
            for p in b.iter().filter(|p| !a.contains(p)) {
                out.push((kind(*p, true), format!("prohibition of {} added", p.word())));
            }
            if ap != bp {
                let show = |p: &Option<crate::model::Place>| {
                    p.as_ref().map_or("unstated".to_string(), describe::place)
                };
                out.push((
                    Changed,
                    format!("prohibition in {} -> {}", show(ap), show(bp)),
                ));
            }
        }
        _ => {}
    }
}

pub(super) fn size_change(
    old: &Option<crate::model::Size>,
    new: &Option<crate::model::Size>,
    out: &mut Vec<(ChangeKind, String)>,
) {
    if old == new {
        return;
    }
    let show =
        |s: &Option<crate::model::Size>| s.as_ref().map_or("unstated".to_string(), describe::size);
    let kind = match (old, new) {
        (Some(a), Some(b)) if a.unit == b.unit => {
            let top = |s: &crate::model::Size| s.high.unwrap_or(s.low);
            pairwise_rank((a.low, top(a)), (b.low, top(b)))
        }
        _ => ChangeKind::Changed,
    };
    out.push((kind, format!("size {} -> {}", show(old), show(new))));
}
