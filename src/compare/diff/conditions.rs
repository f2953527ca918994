//! Changes to the conditions of a response (issue 13): a trigger's threshold, and the
//! decision procedure (`decided-by`) of a trigger or an obligation.

use super::*;
use crate::model::conditions::threshold_text;
use crate::model::{Decision, Trigger};

impl Ctx<'_> {
    /// A threshold added or dropped: a higher bar for the attack is weaker.
    pub(super) fn threshold_changes(&mut self, o: &Trigger, n: &Trigger, clause: Option<String>) {
        let set = |t: &Trigger| t.threshold.iter().copied().collect::<BTreeSet<_>>();
        let (before, after) = (set(o), set(n));
        if before == after {
            return;
        }
        let show = |t: &Trigger| {
            if t.threshold.is_empty() {
                "none".to_string()
            } else {
                threshold_text(&t.threshold)
            }
        };
        // More words to meet is a narrower trigger.
        let kind = if after.is_superset(&before) {
            ChangeKind::Weakened
        } else if after.is_subset(&before) {
            ChangeKind::Strengthened
        } else {
            ChangeKind::Changed
        };
        self.push(
            Area::Clauses,
            kind,
            format!("threshold {} -> {}", show(o), show(n)),
            clause,
            Some(o.span),
            Some(n.span),
        );
    }

    /// A decision procedure added, dropped or changed: a response that waits for
    /// someone's decision is weaker than one owed on the attack itself.
    pub(super) fn decision_changes(
        &mut self,
        what: &str,
        o: Option<&Decision>,
        n: Option<&Decision>,
        clause: Option<String>,
        spans: (Span, Span),
    ) {
        let text = |d: Option<&Decision>| d.map_or("none".to_string(), Decision::text);
        if text(o) == text(n) {
            return;
        }
        let kind = match (o, n) {
            (None, Some(_)) => ChangeKind::Weakened,
            (Some(_), None) => ChangeKind::Strengthened,
            _ => ChangeKind::Changed,
        };
        self.push(
            Area::Clauses,
            kind,
            format!("decision on {what}: {} -> {}", text(o), text(n)),
            clause,
            Some(spans.0),
            Some(spans.1),
        );
    }
}
