//! Where a trigger applies: its structured scope.
//!
//! A scope is a union of areas (`in territory of each member, "the North Atlantic
//! area"`), what of a party counts inside them (`covering territory, forces, vessels,
//! aircraft`), carve-outs (`excluding "Crimea"`) and an optional line an attack must
//! cross (`across ceasefire-line`). Quoted regions are kept as text: the checker never
//! pretends to know a map, so wherever a question turns on a quoted region it says it
//! cannot tell.
//!
//! Three readers use this module: the gap rules (what a scope leaves out compared with
//! the baseline's, and whether the protected parties are covered alike), the scenario
//! engine (whether an event's place is inside), and the renderers (the scope as text).

use serde::{Deserialize, Serialize};

use super::vocab::{Covered, CrossingLine};
use super::{At, PartyRef, Text, Treaty};

/// A trigger's scope. The default is no limit at all: an attack anywhere on the party.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    /// `in AREA, ...`: the union of these areas; empty means anywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<At<Area>>,
    /// `covering ...`: what of a party counts. Empty means not said: anything of the
    /// party, anywhere when there is no area and inside the areas when there are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub covering: Vec<Covered>,
    /// `excluding AREA, ...`: carve-outs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluding: Vec<At<Area>>,
    /// `across LINE`: only an attack across this line counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub across: Option<Line>,
}

/// One area of a scope or of a carve-out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Area {
    /// `territory of PARTIES`, or a bare party code.
    Territory { parties: Vec<PartyRef> },
    /// `administered-territory of PARTIES`: territory under their administration,
    /// whoever is sovereign.
    Administered { parties: Vec<PartyRef> },
    /// `scope-of TREATY`: another treaty's armed-attack scope. `resolved` is filled in
    /// where the reference is resolved; until then nothing is decided from it.
    ScopeOf {
        treaty: Text,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        resolved: Option<Box<Scope>>,
    },
    /// A quoted region, kept as written.
    Region { text: Text },
}

/// The line of `across LINE`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Line {
    Named { line: CrossingLine },
    Described { text: Text },
}

impl Line {
    /// `the ceasefire line`, or the quoted description.
    pub fn text(&self) -> String {
        match self {
            Line::Named { line } => format!("the {}", line.word().replace('-', " ")),
            Line::Described { text } => format!("\"{text}\""),
        }
    }

    /// As written in the language: `ceasefire-line` or `"the line of 2025"`.
    pub fn syntax(&self) -> String {
        match self {
            Line::Named { line } => line.word().to_string(),
            Line::Described { text } => format!("\"{text}\""),
        }
    }
}

fn parties_text(parties: &[PartyRef]) -> String {
    super::describe::parties(parties)
}

impl Area {
    /// As written in the language: `territory of UA`, `"the treaty area"`.
    pub fn syntax(&self) -> String {
        match self {
            Area::Territory { parties } => match parties.as_slice() {
                [PartyRef::Party { code }] => code.to_string(),
                _ => format!("territory of {}", parties_text(parties)),
            },
            Area::Administered { parties } => {
                format!("administered-territory of {}", parties_text(parties))
            }
            Area::ScopeOf { treaty, .. } => format!("scope-of {treaty}"),
            Area::Region { text } => format!("\"{text}\""),
        }
    }

    /// For a reader: `the territory of UA`, `territory administered by JP`.
    pub fn text(&self) -> String {
        match self {
            Area::Territory { parties } => format!("the territory of {}", parties_text(parties)),
            Area::Administered { parties } => {
                format!("territory administered by {}", parties_text(parties))
            }
            Area::ScopeOf { treaty, .. } => format!("the scope of {treaty}"),
            Area::Region { text } => format!("\"{text}\""),
        }
    }
}

/// Whether something is inside an area, as far as the words tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inside {
    Yes,
    No,
    /// The words cannot decide it (a quoted region, an unresolved reference).
    Unknown,
}

/// Where an event happened, as far as the scope can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    Inside,
    /// Outside the scope, or in a carve-out: why.
    Outside(String),
    /// The scope cannot decide it from the words: why (the trigger is run as covered).
    Undetermined(String),
}

impl Scope {
    /// No area, no carve-out, no line and nothing left out: an attack anywhere counts.
    pub fn is_unlimited(&self) -> bool {
        self.areas.is_empty()
            && self.excluding.is_empty()
            && self.across.is_none()
            && self.covers_all_objects()
    }

    /// Whether `covering` leaves nothing out (said in full, or not said).
    fn covers_all_objects(&self) -> bool {
        self.covering.is_empty() || Covered::ALL.iter().all(|c| self.covering.contains(c))
    }

    /// What counts: the `covering` list, or every object when it is not said.
    pub fn objects(&self) -> Vec<Covered> {
        if self.covering.is_empty() {
            Covered::ALL.to_vec()
        } else {
            Covered::ALL
                .iter()
                .copied()
                .filter(|c| self.covering.contains(c))
                .collect()
        }
    }

    /// The scope as written after the trigger's kinds and parties (`in ... covering
    /// ... excluding ... across ...`), empty for an unlimited scope.
    pub fn syntax(&self) -> String {
        let mut out = Vec::new();
        let list = |areas: &[At<Area>]| {
            areas
                .iter()
                .map(|a| a.value.syntax())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !self.areas.is_empty() {
            out.push(format!("in {}", list(&self.areas)));
        }
        if !self.covering.is_empty() {
            let words: Vec<&str> = self.covering.iter().map(|c| c.word()).collect();
            out.push(format!("covering {}", words.join(", ")));
        }
        if !self.excluding.is_empty() {
            out.push(format!("excluding {}", list(&self.excluding)));
        }
        if let Some(line) = &self.across {
            out.push(format!("across {}", line.syntax()));
        }
        out.join(" ")
    }

    /// The areas for a reader: `the territory of each member or "the North Atlantic
    /// area"`; `anywhere` when there are none.
    pub fn areas_text(&self) -> String {
        if self.areas.is_empty() {
            return "anywhere".to_string();
        }
        self.areas
            .iter()
            .map(|a| a.value.text())
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// The carve-outs for a reader: `Crimea, Sevastopol and certain areas of Donbas`.
    pub fn excluding_text(&self) -> String {
        let parts: Vec<String> = self
            .excluding
            .iter()
            .map(|a| match &a.value {
                Area::Region { text } => text.to_string(),
                other => other.text(),
            })
            .collect();
        and_list(&parts)
    }

    /// Whether an event that happened at `place` (a party code or a described place)
    /// falls within the scope. `None`: the event gives no place.
    pub fn locate(&self, treaty: &Treaty, place: Option<&str>) -> Located {
        let Some(place) = place else {
            return if self.areas.is_empty() {
                match &self.across {
                    Some(line) => Located::Undetermined(format!(
                        "undetermined: the event does not say whether the attack crossed {}; taken to be across it",
                        line.text()
                    )),
                    None => Located::Inside,
                }
            } else {
                Located::Undetermined(format!(
                    "the event gives no place; taken to be inside {}",
                    self.areas_text()
                ))
            };
        };
        for excluded in &self.excluding {
            if area_contains(treaty, &excluded.value, place) == Inside::Yes {
                return Located::Outside(format!(
                    "{place} is excluded from the trigger's scope (excluding {})",
                    excluded.value.syntax()
                ));
            }
        }
        let crossing = |located: Located| {
            match (&located, &self.across) {
            (Located::Inside, Some(line)) => Located::Undetermined(format!(
                "undetermined: the event does not say whether the attack crossed {}; taken to be across it",
                line.text()
            )),
            _ => located,
        }
        };
        if self.areas.is_empty() {
            return crossing(Located::Inside);
        }
        let verdicts: Vec<Inside> = self
            .areas
            .iter()
            .map(|a| area_contains(treaty, &a.value, place))
            .collect();
        if verdicts.contains(&Inside::Yes) {
            crossing(Located::Inside)
        } else if verdicts.iter().all(|v| *v == Inside::No) {
            Located::Outside(format!(
                "{place} is outside the trigger's scope ({})",
                self.areas_text()
            ))
        } else {
            let shown = if treaty.party(place).is_some() {
                place.to_string()
            } else {
                format!("\"{place}\"")
            };
            Located::Undetermined(format!(
                "undetermined: cannot tell whether {shown} is within {}; taken to be inside it",
                self.areas_text()
            ))
        }
    }
}

/// Whether `text` names `name` as a whole word or phrase, ignoring case.
pub fn names(text: &str, name: &str) -> bool {
    let text = text.to_lowercase();
    let name = name.trim().to_lowercase();
    if name.is_empty() {
        return false;
    }
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    text.match_indices(&name).any(|(i, m)| {
        boundary(text[..i].chars().next_back()) && boundary(text[i + m.len()..].chars().next())
    })
}

/// The names a place goes by: the text, and for a party code the party's name.
fn place_names(treaty: &Treaty, place: &str) -> Vec<String> {
    let mut out = vec![place.to_string()];
    if let Some(name) = treaty.party(place).and_then(|p| p.name.clone()) {
        out.push(name.to_string());
    }
    out
}

/// Whether a quoted region is exactly a party's code or name (`"Ukraine"`), not a
/// description that merely mentions it.
fn is_party_itself(treaty: &Treaty, text: &str, code: &str) -> bool {
    let text = text.trim();
    place_names(treaty, code)
        .iter()
        .any(|n| !n.is_empty() && n.eq_ignore_ascii_case(text))
}

/// Whether a described place names one of `codes` (by code or by the party's name).
fn names_party(treaty: &Treaty, place: &str, codes: &[&str]) -> bool {
    codes
        .iter()
        .any(|code| place_names(treaty, code).iter().any(|n| names(place, n)))
}

/// Whether `place` (a party code, or a described place) is inside `area`.
pub fn area_contains(treaty: &Treaty, area: &Area, place: &str) -> Inside {
    let code = treaty.party(place).map(|p| p.code.as_str());
    match area {
        Area::Territory { parties } | Area::Administered { parties } => {
            let codes: Vec<&str> = parties.iter().flat_map(|p| treaty.expand(p)).collect();
            match code {
                // A party's own territory: inside when it is one of the parties. The
                // territory one party administers is not another party's territory.
                Some(code) => {
                    if codes.contains(&code) {
                        Inside::Yes
                    } else {
                        Inside::No
                    }
                }
                None if names_party(treaty, place, &codes) => Inside::Yes,
                None => Inside::Unknown,
            }
        }
        Area::Region { text } => {
            if place_names(treaty, place).iter().any(|n| names(text, n)) {
                Inside::Yes
            } else {
                Inside::Unknown
            }
        }
        Area::ScopeOf { resolved, .. } => match resolved {
            Some(scope) => match scope.locate(treaty, Some(place)) {
                Located::Inside => Inside::Yes,
                Located::Outside(_) => Inside::No,
                Located::Undetermined(_) => Inside::Unknown,
            },
            None => Inside::Unknown,
        },
    }
}

/// How a protected party's own territory is covered by a scope.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TerritoryCover {
    /// Covered: no area limits it, or an area names the party.
    Own,
    /// Only a quoted region (or an unresolved reference) could cover it.
    RegionOnly,
    /// Not covered: the areas name other parties' territory only.
    No,
}

impl Scope {
    /// How the territory of the party `code` is covered.
    pub fn territory_cover(&self, treaty: &Treaty, code: &str) -> TerritoryCover {
        if self.areas.is_empty() {
            return TerritoryCover::Own;
        }
        if !self.objects().contains(&Covered::Territory) {
            return TerritoryCover::No;
        }
        let mut region = false;
        for area in &self.areas {
            // A quoted region that mentions a party ("the islands under US jurisdiction")
            // covers some of its territory, not all of it, unless it is just its name.
            let inside = match &area.value {
                Area::Region { text } if !is_party_itself(treaty, text, code) => Inside::Unknown,
                other => area_contains(treaty, other, code),
            };
            match inside {
                Inside::Yes => return TerritoryCover::Own,
                Inside::Unknown => region = true,
                Inside::No => {}
            }
        }
        if region {
            TerritoryCover::RegionOnly
        } else {
            TerritoryCover::No
        }
    }

    /// Whether the scope reaches beyond the parties' own territory (no area at all, a
    /// quoted region, or another treaty's scope).
    pub fn reaches_beyond_territory(&self) -> bool {
        self.areas.is_empty()
            || self
                .areas
                .iter()
                .any(|a| matches!(a.value, Area::Region { .. } | Area::ScopeOf { .. }))
    }

    /// Whether every area is a quoted region (or an unresolved reference): a scope the
    /// words alone cannot compare.
    pub fn only_regions(&self) -> bool {
        !self.areas.is_empty()
            && self.areas.iter().all(|a| {
                matches!(
                    a.value,
                    Area::Region { .. } | Area::ScopeOf { resolved: None, .. }
                )
            })
    }

    /// The parties named by `administered-territory of` areas.
    pub fn administrators(&self, treaty: &Treaty) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for area in &self.areas {
            if let Area::Administered { parties } = &area.value {
                for code in parties.iter().flat_map(|p| treaty.expand(p)) {
                    if !out.iter().any(|c| c == code) {
                        out.push(code.to_string());
                    }
                }
            }
        }
        out
    }
}

/// `a`, `a and b`, `a, b and c`.
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(|s| s.as_ref())
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_names_are_whole_words() {
        assert!(names(
            "Crimea, Sevastopol and certain areas of Donbas",
            "crimea"
        ));
        assert!(names("Crimea, Sevastopol", "Sevastopol"));
        assert!(!names("Crimean coast", "Crimea"));
        assert!(!names("anything", ""));
    }

    #[test]
    fn lists_read_as_prose() {
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(and_list::<&str>(&[]), "");
    }
}
