//! The tier change between two drafts, each reason of the new tier shown with the
//! changes made to the clause it rests on. It reads the two assessments only; it must
//! not compare clauses itself (that is the other modules' job).

use super::*;

pub(super) fn tier_change(
    old_source: &SourceFile,
    old: Option<&TierAssessment>,
    new_source: &SourceFile,
    new: Option<&TierAssessment>,
    changes: &[Change],
) -> TierChange {
    let texts = |t: Option<&TierAssessment>| -> Vec<String> {
        t.map(|t| t.reasons.iter().map(|r| r.text.clone()).collect())
            .unwrap_or_default()
    };
    let (old_texts, new_texts) = (texts(old), texts(new));
    let lost: Vec<&Reason> = old
        .map(|t| {
            t.reasons
                .iter()
                .filter(|r| !new_texts.contains(&r.text))
                .collect()
        })
        .unwrap_or_default();
    let gained: Vec<&Reason> = new
        .map(|t| {
            t.reasons
                .iter()
                .filter(|r| !old_texts.contains(&r.text))
                .collect()
        })
        .unwrap_or_default();
    let old_tier = old.map(|t| t.tier);
    let new_tier = new.map(|t| t.tier);

    // Each reason with the changes made to the clause it rests on.
    let explain = |reason: &Reason, old_side: bool| -> String {
        let related: Vec<&str> = changes
            .iter()
            .filter(|c| {
                let spans = if old_side { &c.old_spans } else { &c.new_spans };
                spans.contains(&reason.span)
            })
            .map(|c| c.text.as_str())
            .collect();
        if related.is_empty() {
            reason.text.clone()
        } else {
            format!("{} ({})", reason.text, related.join("; "))
        }
    };
    let cause = match (old_tier, new_tier) {
        (Some(o), Some(n)) if o != n || !lost.is_empty() || !gained.is_empty() => {
            let mut parts = Vec::new();
            // A tier that rose is explained by what it gained; reasons the old tier
            // listed (intermediate content under a hard tier) need not be "lost".
            let lost = if n > o { Vec::new() } else { lost.clone() };
            if !lost.is_empty() {
                let lost: Vec<String> = lost.iter().map(|r| explain(r, true)).collect();
                parts.push(format!("no longer {}", lost.join("; ")));
            }
            if !gained.is_empty() {
                let gained: Vec<String> = gained.iter().map(|r| explain(r, false)).collect();
                parts.push(format!("now {}", gained.join("; ")));
            }
            let head = if o == n {
                format!("{o}, unchanged")
            } else {
                format!("{o} -> {n}")
            };
            Some(format!("{head}: {}", parts.join("; ")))
        }
        _ => None,
    };
    TierChange {
        old: old_tier,
        new: new_tier,
        lost_reasons: lost
            .iter()
            .map(|r| format!("{} (line {})", r.text, line(old_source, r.span)))
            .collect(),
        gained_reasons: gained
            .iter()
            .map(|r| format!("{} (line {})", r.text, line(new_source, r.span)))
            .collect(),
        cause,
    }
}
