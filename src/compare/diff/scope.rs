//! How a trigger's scope changed between two drafts, part by part: areas, what is
//! covered, carve-outs and the `across` line. `treaty diff` reports each as weakened
//! (the trigger covers less), strengthened (it covers more) or changed.

use crate::model::scope::{and_list, Area, Scope};
use crate::model::At;

/// One change of scope, with its direction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScopeChange {
    /// The trigger covers less.
    Narrowed(String),
    /// The trigger covers more.
    Widened(String),
    /// Another place, neither plainly more nor less.
    Changed(String),
}

fn syntax(areas: &[&At<Area>]) -> String {
    and_list(&areas.iter().map(|a| a.value.syntax()).collect::<Vec<_>>())
}

fn only_in<'a>(these: &'a [At<Area>], those: &[At<Area>]) -> Vec<&'a At<Area>> {
    these
        .iter()
        .filter(|a| !those.iter().any(|b| b.value == a.value))
        .collect()
}

/// The changes from `old` to `new`, for the trigger called `name`.
pub fn scope_changes(old: &Scope, new: &Scope, name: &str) -> Vec<ScopeChange> {
    let mut out = Vec::new();
    let added = only_in(&new.areas, &old.areas);
    let removed = only_in(&old.areas, &new.areas);
    if old.areas.is_empty() && !new.areas.is_empty() {
        out.push(ScopeChange::Narrowed(format!(
            "the {name} now counts only attacks in {}",
            new.areas_text()
        )));
    } else if !old.areas.is_empty() && new.areas.is_empty() {
        out.push(ScopeChange::Widened(format!(
            "scope {} removed from the {name}: an attack anywhere counts",
            syntax(&removed)
        )));
    } else if !added.is_empty() && !removed.is_empty() {
        out.push(ScopeChange::Changed(format!(
            "scope {} -> {}",
            syntax(&removed),
            syntax(&added)
        )));
    } else if !added.is_empty() {
        out.push(ScopeChange::Widened(format!(
            "scope {} added to the {name}",
            syntax(&added)
        )));
    } else if !removed.is_empty() {
        out.push(ScopeChange::Narrowed(format!(
            "scope {} removed from the {name}",
            syntax(&removed)
        )));
    }
    let (was, now) = (old.objects(), new.objects());
    let lost: Vec<&str> = was
        .iter()
        .filter(|c| !now.contains(c))
        .map(|c| c.word())
        .collect();
    let gained: Vec<&str> = now
        .iter()
        .filter(|c| !was.contains(c))
        .map(|c| c.word())
        .collect();
    if !lost.is_empty() {
        out.push(ScopeChange::Narrowed(format!(
            "the {name} no longer covers {}",
            and_list(&lost)
        )));
    }
    if !gained.is_empty() {
        out.push(ScopeChange::Widened(format!(
            "the {name} now covers {}",
            and_list(&gained)
        )));
    }
    let carved = only_in(&new.excluding, &old.excluding);
    let restored = only_in(&old.excluding, &new.excluding);
    if !carved.is_empty() {
        out.push(ScopeChange::Narrowed(format!(
            "carve-out {} added to the {name}",
            syntax(&carved)
        )));
    }
    if !restored.is_empty() {
        out.push(ScopeChange::Widened(format!(
            "carve-out {} removed from the {name}",
            syntax(&restored)
        )));
    }
    match (&old.across, &new.across) {
        (None, Some(line)) => out.push(ScopeChange::Narrowed(format!(
            "the {name} now counts only attacks across {}",
            line.text()
        ))),
        (Some(line), None) => out.push(ScopeChange::Widened(format!(
            "the {name} no longer requires an attack across {}",
            line.text()
        ))),
        (Some(a), Some(b)) if a != b => out.push(ScopeChange::Changed(format!(
            "line across {} -> {}",
            a.syntax(),
            b.syntax()
        ))),
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::vocab::{Covered, CrossingLine};
    use crate::model::{Line, PartyRef};
    use crate::source::Span;

    fn at(area: Area) -> At<Area> {
        At::new(area, Span::default())
    }

    fn territory(code: &str) -> At<Area> {
        at(Area::Territory {
            parties: vec![PartyRef::Party { code: code.into() }],
        })
    }

    #[test]
    fn a_new_carve_out_and_line_narrow_the_scope() {
        let old = Scope::default();
        let new = Scope {
            excluding: vec![at(Area::Region {
                text: "Crimea".into(),
            })],
            across: Some(Line::Named {
                line: CrossingLine::CeasefireLine,
            }),
            ..Scope::default()
        };
        let changes = scope_changes(&old, &new, "trigger");
        assert_eq!(
            changes,
            vec![
                ScopeChange::Narrowed("carve-out \"Crimea\" added to the trigger".into()),
                ScopeChange::Narrowed(
                    "the trigger now counts only attacks across the ceasefire line".into()
                ),
            ]
        );
        // And back again: the same parts, widened.
        let back = scope_changes(&new, &old, "trigger");
        assert!(back.iter().all(|c| matches!(c, ScopeChange::Widened(_))));
        assert_eq!(back.len(), 2);
    }

    #[test]
    fn areas_and_objects_are_compared_as_sets() {
        let old = Scope {
            areas: vec![territory("UA")],
            ..Scope::default()
        };
        let same = Scope {
            areas: vec![territory("UA")],
            covering: Covered::ALL.to_vec(),
            ..Scope::default()
        };
        // Covering everything is what an unsaid `covering` means.
        assert!(scope_changes(&old, &same, "trigger").is_empty());
        let narrower = Scope {
            areas: vec![territory("UA")],
            covering: vec![Covered::Territory],
            ..Scope::default()
        };
        assert_eq!(
            scope_changes(&old, &narrower, "trigger"),
            vec![ScopeChange::Narrowed(
                "the trigger no longer covers forces, vessels and aircraft".into()
            )]
        );
        let other = Scope {
            areas: vec![territory("PL")],
            ..Scope::default()
        };
        assert_eq!(
            scope_changes(&old, &other, "trigger"),
            vec![ScopeChange::Changed("scope UA -> PL".into())]
        );
    }
}
