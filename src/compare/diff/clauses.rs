//! Changes to clauses: obligations and triggers matched across the drafts (by
//! `matching`), then each matched pair compared field by field, the duty itself by
//! `duties`.

use super::duties::duty_changes;
use super::matching::pair;
use super::scope::{scope_changes, ScopeChange};
use super::strength::{codes, set_kind, written};
use super::*;

impl Ctx<'_> {
    pub(super) fn obligations(
        &mut self,
        old_t: &Treaty,
        old_trigger: Option<&Trigger>,
        old: &[Obligation],
        new_t: &Treaty,
        new_trigger: Option<&Trigger>,
        new: &[Obligation],
    ) {
        let key = |o: &Obligation, n: &Obligation| {
            o.keyword() == n.keyword()
                && identity(o) == identity(n)
                && codes(old_t, &o.givers) == codes(new_t, &n.givers)
                && codes(old_t, &o.receivers) == codes(new_t, &n.receivers)
        };
        let kin = |o: &Obligation, n: &Obligation| {
            o.keyword() == n.keyword()
                && identity(o) == identity(n)
                && (o.duty == n.duty
                    || codes(old_t, &o.givers) == codes(new_t, &n.givers)
                    || codes(old_t, &o.receivers) == codes(new_t, &n.receivers))
        };
        let cost = |o: &Obligation, n: &Obligation| {
            let mut probe = Ctx {
                old: self.old,
                new: self.new,
                changes: Vec::new(),
            };
            probe.clause(old_t, old_trigger, o, new_t, new_trigger, n);
            probe.changes.len()
        };
        let pairing = pair(old, new, &[&key, &kin], &cost);
        for (i, j) in &pairing.pairs {
            self.clause(old_t, old_trigger, &old[*i], new_t, new_trigger, &new[*j]);
        }
        for i in pairing.removed {
            let o = &old[i];
            self.push(
                Area::Clauses,
                ChangeKind::Removed,
                format!(
                    "clause removed: {}{}",
                    describe::obligation(o),
                    context(old_trigger)
                ),
                None,
                Some(o.span),
                None,
            );
        }
        for j in pairing.added {
            let n = &new[j];
            self.push(
                Area::Clauses,
                ChangeKind::Added,
                format!(
                    "clause added: {}{}",
                    describe::obligation(n),
                    context(new_trigger)
                ),
                None,
                None,
                Some(n.span),
            );
        }
    }

    pub(super) fn triggers(&mut self, old_t: &Treaty, new_t: &Treaty) {
        let kinds = |t: &Trigger| t.kinds.iter().copied().collect::<BTreeSet<_>>();
        let key = |o: &Trigger, n: &Trigger| {
            kinds(o) == kinds(n) && codes(old_t, &o.against) == codes(new_t, &n.against)
        };
        let kin = |o: &Trigger, n: &Trigger| !kinds(o).is_disjoint(&kinds(n));
        let cost = |o: &Trigger, n: &Trigger| {
            let mut probe = Ctx {
                old: self.old,
                new: self.new,
                changes: Vec::new(),
            };
            probe.trigger(old_t, o, new_t, n);
            probe.changes.len()
        };
        let pairing = pair(&old_t.triggers, &new_t.triggers, &[&key, &kin], &cost);
        for (i, j) in &pairing.pairs {
            self.trigger(old_t, &old_t.triggers[*i], new_t, &new_t.triggers[*j]);
        }
        let summary = |t: &Trigger| {
            let clauses: Vec<String> = t.obligations.iter().map(describe::obligation).collect();
            if clauses.is_empty() {
                String::new()
            } else {
                format!(" {{ {} }}", clauses.join("; "))
            }
        };
        for i in pairing.removed {
            let t = &old_t.triggers[i];
            self.push(
                Area::Clauses,
                ChangeKind::Removed,
                format!("trigger removed: {}{}", describe::trigger(t), summary(t)),
                None,
                Some(t.span),
                None,
            );
            if let Some(last) = self.changes.last_mut() {
                last.old_spans.extend(t.obligations.iter().map(|o| o.span));
            }
        }
        for j in pairing.added {
            let t = &new_t.triggers[j];
            self.push(
                Area::Clauses,
                ChangeKind::Added,
                format!("trigger added: {}{}", describe::trigger(t), summary(t)),
                None,
                None,
                Some(t.span),
            );
            if let Some(last) = self.changes.last_mut() {
                last.new_spans.extend(t.obligations.iter().map(|o| o.span));
            }
        }
    }

    pub(super) fn trigger(&mut self, old_t: &Treaty, o: &Trigger, new_t: &Treaty, n: &Trigger) {
        let name = format!("trigger {}", describe::trigger_short(n));
        let (os, ns) = (Some(o.span), Some(n.span));
        let clause = Some(format!("trigger {}", describe::trigger(n)));
        for k in o.kinds.iter().filter(|k| !n.kinds.contains(k)) {
            self.push(
                Area::Clauses,
                ChangeKind::Weakened,
                format!("{} no longer sets off the trigger", k.word()),
                clause.clone(),
                os,
                ns,
            );
        }
        for k in n.kinds.iter().filter(|k| !o.kinds.contains(k)) {
            self.push(
                Area::Clauses,
                ChangeKind::Strengthened,
                format!("{} now sets off the trigger", k.word()),
                clause.clone(),
                os,
                ns,
            );
        }
        let aspects = |t: &Trigger| t.aspects.iter().copied().collect::<BTreeSet<_>>();
        if aspects(o) != aspects(n) {
            let show = |t: &Trigger| {
                let words: Vec<&str> = t.aspects.iter().map(|a| a.word()).collect();
                if words.is_empty() {
                    "none".to_string()
                } else {
                    words.join(", ")
                }
            };
            self.push(
                Area::Clauses,
                set_kind(&aspects(o), &aspects(n)),
                format!("threatened aspects {} -> {}", show(o), show(n)),
                clause.clone(),
                os,
                ns,
            );
        }
        let (ob, nb) = (codes(old_t, &o.by), codes(new_t, &n.by));
        if ob != nb {
            let (kind, text) = if nb.is_empty() {
                (
                    ChangeKind::Strengthened,
                    format!(
                        "trigger widened: an attack by anyone counts (was by {})",
                        describe::parties(&o.by)
                    ),
                )
            } else if ob.is_empty() {
                (
                    ChangeKind::Weakened,
                    format!(
                        "trigger narrowed to an attack by {}",
                        describe::parties(&n.by)
                    ),
                )
            } else {
                (
                    ChangeKind::Changed,
                    format!(
                        "attacker named by the trigger {} -> {}",
                        describe::parties(&o.by),
                        describe::parties(&n.by)
                    ),
                )
            };
            self.push(Area::Clauses, kind, text, clause.clone(), os, ns);
        }
        let (oa, na) = (codes(old_t, &o.against), codes(new_t, &n.against));
        if oa != na {
            self.push(
                Area::Clauses,
                set_kind(&oa, &na),
                format!(
                    "parties the trigger protects {} -> {}",
                    describe::parties(&o.against),
                    describe::parties(&n.against)
                ),
                clause.clone(),
                os,
                ns,
            );
        }
        for change in scope_changes(&o.scope, &n.scope, &name) {
            // A narrower scope or a new carve-out covers less.
            let (kind, text) = match change {
                ScopeChange::Narrowed(text) => (ChangeKind::Weakened, text),
                ScopeChange::Widened(text) => (ChangeKind::Strengthened, text),
                ScopeChange::Changed(text) => (ChangeKind::Changed, text),
            };
            self.push(Area::Clauses, kind, text, clause.clone(), os, ns);
        }
        self.threshold_changes(o, n, clause.clone());
        self.decision_changes(
            &format!("the {name}"),
            o.decision.as_ref(),
            n.decision.as_ref(),
            clause.clone(),
            (o.span, n.span),
        );
        self.qualifier_changes(
            &o.qualifiers,
            &n.qualifiers,
            &format!("the {name}"),
            Area::Clauses,
            o.span,
            n.span,
            clause.as_deref(),
        );
        self.obligations(
            old_t,
            Some(o),
            &o.obligations,
            new_t,
            Some(n),
            &n.obligations,
        );
    }

    /// Changes within one clause matched across the drafts.
    pub(super) fn clause(
        &mut self,
        old_t: &Treaty,
        _old_trigger: Option<&Trigger>,
        o: &Obligation,
        new_t: &Treaty,
        new_trigger: Option<&Trigger>,
        n: &Obligation,
    ) {
        let keyword = n.keyword();
        let clause = format!("{}{}", describe::obligation(n), context(new_trigger));
        let (os, ns) = (Some(o.span), Some(n.span));
        let mut out: Vec<(ChangeKind, String)> = Vec::new();

        for (what, old_refs, new_refs) in [
            ("by", &o.givers, &n.givers),
            ("to", &o.receivers, &n.receivers),
        ] {
            let (before, after) = (codes(old_t, old_refs), codes(new_t, new_refs));
            let text = format!(
                "{keyword} {what} {} -> {}",
                describe::parties(old_refs),
                describe::parties(new_refs)
            );
            if before != after {
                out.push((set_kind(&before, &after), text));
            } else if written(old_refs) != written(new_refs) {
                // `each guarantor` for `FR, UK`: the same parties today, but not the
                // same words (a party added later would be covered by one only).
                out.push((ChangeKind::Changed, format!("{text} (the same parties)")));
            }
        }
        duty_changes(keyword, &o.duty, &n.duty, o, n, &mut out);
        for (kind, text) in out {
            self.push(Area::Clauses, kind, text, Some(clause.clone()), os, ns);
        }
        self.decision_changes(
            keyword,
            o.decision.as_ref(),
            n.decision.as_ref(),
            Some(clause.clone()),
            (o.span, n.span),
        );
        self.qualifier_changes(
            &o.qualifiers,
            &n.qualifiers,
            keyword,
            Area::Clauses,
            o.span,
            n.span,
            Some(&clause),
        );
    }
}
