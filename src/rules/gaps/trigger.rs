//! Elements A5-03 and A5-04: an armed attack by anyone sets the obligation off, within
//! a geographic scope without carve-outs.

use super::{span_or_header, Element, Facts, Finding, GapRule, Shortfall};
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
            fix: "add `trigger armed-attack against UA { ... }` with the response inside it",
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
            summary: "the trigger carves territory out of its scope",
            why: "an excluded area is where the next attack will come",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA excluding \"Crimea\" {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
            fix: "remove the `excluding` part of the trigger",
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
        findings.push(Finding::new(
            "NO_TRIGGER",
            treaty.header_span,
            "no trigger: no event sets off any obligation",
        ));
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
            findings
                .push(Finding::new("NARROW_TRIGGER", trigger.span, message).with_detail(detail));
        }
    }
    let excluded = treaty.triggers.iter().filter(|t| t.excluding.is_some());
    if let Some(trigger) = excluded.clone().next() {
        let what = trigger.excluding.clone().unwrap_or_default();
        findings.push(
            Finding::new(
                "GEOGRAPHIC_EXCLUSION",
                span_or_header(treaty, excluded.map(|t| t.span)),
                format!("geographic exclusion: the trigger leaves out {what}"),
            )
            .with_detail(format!("excluding {what}")),
        );
    }
    findings
}
