//! Elements A5-03 and A5-04: an armed attack by anyone sets the obligation off, within
//! a geographic scope without carve-outs.

use super::fix::{self, Fix};
use super::{scope, Element, Facts, Finding, GapRule, Shortfall};
use crate::model::conditions::{graded_attack, threshold_text};
use crate::model::{PartyRef, Treaty};

pub const ELEMENT: Element = Element {
    id: "armed-attack-trigger",
    title: "armed-attack trigger",
    requires: None,
    rules: &[
        GapRule {
            code: "NO_TRIGGER",
            shortfall: Shortfall::Missing,
            name: "no-trigger",
            summary: "no event sets off any obligation",
            why: "without a trigger nothing obliges anyone to act when the beneficiary is attacked",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA military-aid [air-defence], training\n}\n",
            fix: "add an armed-attack trigger against the protected parties, with the guarantors' response inside it",
        },
        GapRule {
            code: "NARROW_TRIGGER",
            shortfall: Shortfall::Weakened,
            name: "narrow-trigger",
            summary: "the trigger is narrower than an armed attack by anyone: a named attacker or class of attacker, a threshold, or a kind short of armed attack",
            why: "an aggressor can stay below a narrow trigger (no nuclear use, a proxy instead of the named state, an attack kept 'minor' or 'isolated')",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
            fix: "trigger on `armed-attack` with no `by`, so an attack by anyone counts",
        },
        GapRule {
            code: "GEOGRAPHIC_EXCLUSION",
            shortfall: Shortfall::Weakened,
            name: "geographic-exclusion",
            summary: "the trigger's scope leaves out what the baseline's covers: a carve-out, a party's territory, forces, vessels or aircraft beyond the territory, or attacks that do not cross a line",
            why: "an excluded area is where the next attack will come",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA excluding \"Crimea\" {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
            fix: "drop the carve-out, and cover the territory of every protected party and its forces, vessels and aircraft, as the baseline does",
        },
    ],
    assess,
};

fn describe_by(by: &[PartyRef]) -> String {
    by.iter()
        .map(|p| match p {
            PartyRef::Party { code } => format!("`{code}`"),
            PartyRef::Class { name } => {
                // "an Arab State", but "a European Power", "a Union member".
                let lower = name.to_lowercase();
                let vowel = lower.starts_with(['a', 'e', 'i', 'o', 'u'])
                    && !["eu", "uni", "use", "one"]
                        .iter()
                        .any(|p| lower.starts_with(p));
                format!("{} {name}", if vowel { "an" } else { "a" })
            }
            _ => "a group of parties".to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    if treaty.triggers.is_empty() {
        let finding = Finding::new(
            "NO_TRIGGER",
            treaty.header_span,
            "no trigger: no event sets off any obligation",
        );
        findings.push(match fix::assist_clause(treaty) {
            Some(assist) => finding.with_fix(Fix::new_trigger(treaty, &assist, "add")),
            None => finding,
        });
        return findings;
    }
    let broad = treaty.triggers.iter().any(|t| {
        t.covers_armed_attack()
            && t.threshold.is_empty()
            && t.by.iter().all(|b| matches!(b, PartyRef::Any { .. }))
    });
    if !broad {
        let narrow = facts
            .attack_triggers
            .first()
            .copied()
            .or(treaty.triggers.first());
        if let Some(trigger) = narrow {
            let (message, detail) = if !trigger.threshold.is_empty() {
                // "only a significant, deliberate and sustained armed attack counts"
                let grave = threshold_text(&trigger.threshold);
                let kinds: Vec<String> = trigger
                    .kinds
                    .iter()
                    .map(|k| k.word().replace('-', " "))
                    .collect();
                let by = if trigger.by.iter().all(|b| matches!(b, PartyRef::Any { .. })) {
                    String::new()
                } else {
                    format!(" by {}", describe_by(&trigger.by))
                };
                (
                    format!(
                        "narrow trigger: only {}{by} counts",
                        graded_attack(&trigger.threshold, &kinds.join(" or "))
                    ),
                    format!("{grave} attack{} only", by.replace('`', "")),
                )
            } else if trigger.covers_armed_attack() {
                let by = describe_by(&trigger.by);
                (
                    format!("narrow trigger: only an attack by {by} counts"),
                    format!("attack by {} only", by.replace('`', "")),
                )
            } else {
                let kinds: Vec<&str> = trigger.kinds.iter().map(|k| k.word()).collect();
                (
                    format!(
                        "narrow trigger: only {} sets it off, not any armed attack",
                        kinds.join(" or ")
                    ),
                    format!("{} only", kinds.join(" or ")),
                )
            };
            let finding = Finding::new("NARROW_TRIGGER", trigger.span, message).with_detail(detail);
            findings.push(match fix::assist_clause(treaty) {
                Some(assist) => finding.with_fix(Fix::new_trigger(
                    treaty,
                    &assist,
                    "let any armed attack count: add",
                )),
                None => finding,
            });
        }
    }
    if let Some(finding) = geographic_exclusion(treaty, facts) {
        findings.push(finding);
    }
    findings
}

/// GEOGRAPHIC_EXCLUSION: carve-outs the baseline does not make, and what the scope
/// leaves out that the baseline's covers (see `super::scope`).
fn geographic_exclusion(treaty: &Treaty, facts: &Facts) -> Option<Finding> {
    let baseline_excludes = |area: &crate::model::Area| {
        facts.baseline.is_some_and(|b| {
            b.triggers
                .iter()
                .any(|t| t.scope.excluding.iter().any(|e| &e.value == area))
        })
    };
    let mut parts = Vec::new();
    let mut details = Vec::new();
    let mut span = None;
    if let Some(trigger) = treaty.triggers.iter().find(|t| {
        t.scope
            .excluding
            .iter()
            .any(|e| !baseline_excludes(&e.value))
    }) {
        let what = trigger.scope.excluding_text();
        parts.push(format!("the trigger leaves out {what}"));
        details.push(format!("excluding {what}"));
        span = Some(trigger.span);
    }
    if let Some(baseline) = facts.baseline {
        let triggers = scope::scoped_triggers(treaty, &facts.attack_triggers);
        let baseline_triggers =
            scope::scoped_triggers(baseline, &baseline.attack_triggers().collect::<Vec<_>>());
        let left = scope::left_out(treaty, &triggers, baseline, &baseline_triggers);
        parts.extend(left.parts);
        details.extend(left.details);
        span = span.or(left.span);
    }
    let span = span?;
    Some(
        Finding::new(
            "GEOGRAPHIC_EXCLUSION",
            span,
            format!("geographic exclusion: {}", parts.join("; ")),
        )
        .with_detail(details.join("; ")),
    )
}
