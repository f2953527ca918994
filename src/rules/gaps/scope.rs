//! What a treaty's armed-attack scope covers, party by party, for two gap rules:
//! GEOGRAPHIC_EXCLUSION (what the scope leaves out that the baseline's covers) and
//! ASYMMETRIC_SCOPE (protected parties covered differently).
//!
//! Coverage is read from the structured scope (`crate::model::scope`) in four parts:
//! whose territory is covered, which objects count (territory, forces, vessels,
//! aircraft), whether forces, vessels and aircraft count beyond the parties' territory,
//! and the carve-outs and crossing line. Quoted regions are never guessed at: a party
//! covered only through a quoted region is "covered only inside" it, and a scope made of
//! quoted regions alone is not compared area by area.

use std::collections::BTreeMap;

use crate::model::scope::{and_list, Scope, TerritoryCover};
use crate::model::vocab::Covered;
use crate::model::{Party, Treaty, Trigger};
use crate::source::Span;

/// The triggers whose scope is compared: those set off by an armed attack, or failing
/// that any attack.
pub fn scoped_triggers<'t>(
    treaty: &'t Treaty,
    attack_triggers: &[&'t Trigger],
) -> Vec<&'t Trigger> {
    let armed: Vec<&Trigger> = attack_triggers
        .iter()
        .copied()
        .filter(|t| t.covers_armed_attack())
        .collect();
    if armed.is_empty() {
        treaty.attack_triggers().collect()
    } else {
        armed
    }
}

/// The parties a trigger protects: its `against` list, or the parties to the treaty.
pub fn protected<'t>(treaty: &'t Treaty, trigger: &'t Trigger) -> Vec<&'t str> {
    let mut out: Vec<&str> = Vec::new();
    if trigger.against.is_empty() {
        out.extend(
            treaty
                .parties
                .iter()
                .filter(|p| p.is_participant())
                .map(|p| p.code.as_str()),
        );
    } else {
        for code in trigger.against.iter().flat_map(|p| treaty.expand(p)) {
            if !out.contains(&code) {
                out.push(code);
            }
        }
    }
    // Only a party to the treaty is protected; a named adversary is not.
    out.retain(|code| treaty.party(code).is_some_and(Party::is_participant));
    out
}

/// How one protected party is covered, over every scoped trigger that protects it.
#[derive(Debug, Clone, PartialEq)]
pub struct PartyCover {
    pub territory: TerritoryCover,
    /// Objects that count somewhere.
    pub objects: Vec<Covered>,
    /// Objects other than territory that count beyond the parties' own territory.
    pub beyond: Vec<Covered>,
    /// The scope that covers it best, for messages.
    pub scope: Scope,
    pub span: Span,
}

fn merge(into: &mut Vec<Covered>, more: impl IntoIterator<Item = Covered>) {
    for c in more {
        if !into.contains(&c) {
            into.push(c);
        }
    }
    into.sort();
}

/// Each protected party's coverage, in the order the parties are declared.
pub fn coverage(treaty: &Treaty, triggers: &[&Trigger]) -> BTreeMap<String, PartyCover> {
    let mut out: BTreeMap<String, PartyCover> = BTreeMap::new();
    for trigger in triggers {
        let scope = &trigger.scope;
        for code in protected(treaty, trigger) {
            let territory = scope.territory_cover(treaty, code);
            let objects = scope.objects();
            let beyond: Vec<Covered> = if scope.reaches_beyond_territory() {
                objects
                    .iter()
                    .copied()
                    .filter(|c| *c != Covered::Territory)
                    .collect()
            } else {
                Vec::new()
            };
            match out.get_mut(code) {
                Some(cover) => {
                    if territory < cover.territory {
                        cover.territory = territory;
                        cover.scope = scope.clone();
                        cover.span = trigger.span;
                    }
                    merge(&mut cover.objects, objects);
                    merge(&mut cover.beyond, beyond);
                }
                None => {
                    out.insert(
                        code.to_string(),
                        PartyCover {
                            territory,
                            objects,
                            beyond,
                            scope: scope.clone(),
                            span: trigger.span,
                        },
                    );
                }
            }
        }
    }
    out
}

/// What a treaty's scope leaves out compared with the baseline's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Sentences for the message.
    pub parts: Vec<String>,
    /// The same, in a few words each, for tables.
    pub details: Vec<String>,
    pub span: Option<Span>,
}

fn objects_text(objects: &[Covered]) -> String {
    and_list(&objects.iter().map(|c| c.word()).collect::<Vec<_>>())
}

/// Compare the coverage of `treaty` with that of `baseline` (both through their scoped
/// triggers). Only what the baseline covers can be left out.
pub fn left_out(
    treaty: &Treaty,
    triggers: &[&Trigger],
    baseline: &Treaty,
    baseline_triggers: &[&Trigger],
) -> LeftOut {
    let mut out = LeftOut::default();
    if triggers.is_empty() {
        return out;
    }
    let mine = coverage(treaty, triggers);
    let theirs = coverage(baseline, baseline_triggers);
    let baseline_all_territory =
        !theirs.is_empty() && theirs.values().all(|c| c.territory == TerritoryCover::Own);
    let baseline_objects: Vec<Covered> = {
        let mut all = Vec::new();
        theirs
            .values()
            .for_each(|c| merge(&mut all, c.objects.iter().copied()));
        all
    };
    let baseline_beyond: Vec<Covered> = {
        let mut all = Vec::new();
        theirs
            .values()
            .for_each(|c| merge(&mut all, c.beyond.iter().copied()));
        all
    };

    // Whose territory is not covered.
    if baseline_all_territory {
        let with = |cover: TerritoryCover| -> Vec<(&String, &PartyCover)> {
            mine.iter().filter(|(_, c)| c.territory == cover).collect()
        };
        let not_covered = with(TerritoryCover::No);
        if let Some((_, first)) = not_covered.first() {
            let codes: Vec<&str> = not_covered.iter().map(|(c, _)| c.as_str()).collect();
            out.parts.push(format!(
                "the territory of {} is not covered (only {})",
                and_list(&codes),
                first.scope.areas_text()
            ));
            out.details
                .push(format!("only {}", first.scope.areas_text()));
            out.span.get_or_insert(first.span);
        }
        let region_only: Vec<(&String, &PartyCover)> = with(TerritoryCover::RegionOnly)
            .into_iter()
            .filter(|(_, c)| !c.scope.only_regions())
            .collect();
        if let Some((_, first)) = region_only.first() {
            let codes: Vec<&str> = region_only.iter().map(|(c, _)| c.as_str()).collect();
            let regions = regions_text(&first.scope);
            out.parts.push(format!(
                "the territory of {} is covered only inside {regions}",
                and_list(&codes)
            ));
            out.details.push(format!(
                "territory of {} only inside the named region",
                and_list(&codes)
            ));
            out.span.get_or_insert(first.span);
        }
    }

    // Objects that do not count anywhere, or not beyond the territory.
    let mut objects = Vec::new();
    let mut beyond = Vec::new();
    mine.values().for_each(|c| {
        merge(&mut objects, c.objects.iter().copied());
        merge(&mut beyond, c.beyond.iter().copied());
    });
    let nowhere: Vec<Covered> = baseline_objects
        .iter()
        .copied()
        .filter(|c| !objects.contains(c))
        .collect();
    let not_beyond: Vec<Covered> = baseline_beyond
        .iter()
        .copied()
        .filter(|c| !beyond.contains(c) && !nowhere.contains(c))
        .collect();
    let first_span = triggers.first().map(|t| t.span);
    if !nowhere.is_empty() {
        out.parts.push(format!(
            "attacks on {} do not count",
            objects_text(&nowhere)
        ));
        out.details.push(objects_text(&nowhere));
        out.span = out.span.or(first_span);
    }
    if !not_beyond.is_empty() {
        out.parts.push(format!(
            "attacks on {} outside the territory do not count",
            objects_text(&not_beyond)
        ));
        out.details.push(format!(
            "{} outside the territory",
            objects_text(&not_beyond)
        ));
        out.span = out.span.or(first_span);
    }

    // A line the attack must cross, which the baseline does not ask for.
    let baseline_across = baseline_triggers.iter().all(|t| t.scope.across.is_some());
    if !baseline_across {
        let lines: Option<Vec<_>> = triggers.iter().map(|t| t.scope.across.as_ref()).collect();
        if let Some(lines) = lines {
            if let Some(line) = lines.first() {
                out.parts
                    .push(format!("only attacks across {} count", line.text()));
                out.details
                    .push(format!("only attacks across {}", line.text()));
                out.span = out.span.or(first_span);
            }
        }
    }
    out
}

/// The quoted regions (and references) of a scope, for messages.
pub fn regions_text(scope: &Scope) -> String {
    {
        let regions: Vec<String> = scope
            .areas
            .iter()
            .filter(|a| {
                matches!(
                    a.value,
                    crate::model::Area::Region { .. } | crate::model::Area::ScopeOf { .. }
                )
            })
            .map(|a| a.value.text())
            .collect();
        regions.join(" or ")
    }
}

/// A protected party's code and how it is covered.
pub type Covering<'c> = (&'c String, &'c PartyCover);

/// The best-covered protected party, and every party covered as badly as the worst
/// one, when the protected parties are not all covered alike.
pub fn asymmetry(
    coverage: &BTreeMap<String, PartyCover>,
) -> Option<(Covering<'_>, Vec<Covering<'_>>)> {
    let key = |c: &PartyCover| (c.territory.clone(), c.objects.clone(), c.beyond.clone());
    let mut entries: Vec<(&String, &PartyCover)> = coverage.iter().collect();
    let first = entries.first().copied()?;
    if entries.iter().all(|(_, c)| key(c) == key(first.1)) {
        return None;
    }
    // Best covered first: own territory, then more objects; ties in code order.
    entries.sort_by_key(|(code, c)| {
        (
            c.territory.clone(),
            std::cmp::Reverse(c.objects.len() + c.beyond.len()),
            (*code).clone(),
        )
    });
    let best = entries[0];
    let worst = key(entries[entries.len() - 1].1);
    let mut worse: Vec<(&String, &PartyCover)> = entries
        .into_iter()
        .filter(|(_, c)| key(c) == worst)
        .collect();
    worse.sort_by(|a, b| a.0.cmp(b.0));
    Some((best, worse))
}
