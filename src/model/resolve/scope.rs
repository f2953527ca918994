//! A trigger's scope resolved: the areas of `in` and `excluding` with their parties
//! checked, `covering` and `across` words checked against their vocabularies.
//! `scope-of` references are left unresolved here (`resolved: None`); the stage that
//! resolves references between treaties fills them in.

use super::*;
use crate::model::scope;

impl Resolver<'_> {
    /// A trigger's structured scope; an area whose parties are all unknown is dropped
    /// (the unknown codes are reported).
    pub(super) fn scope(&mut self, spec: &ast::TriggerSpec) -> Scope {
        Scope {
            areas: spec.scope.iter().filter_map(|a| self.area(a)).collect(),
            covering: spec
                .covering
                .iter()
                .filter_map(|w| word_of!(self, Covered, w))
                .collect(),
            excluding: spec.excluding.iter().filter_map(|a| self.area(a)).collect(),
            across: spec.across.as_ref().and_then(|line| match line {
                ast::Line::Named(word) => {
                    word_of!(self, CrossingLine, word).map(|line| scope::Line::Named { line })
                }
                ast::Line::Described(text) => Some(scope::Line::Described {
                    text: text.value.clone(),
                }),
            }),
        }
    }

    fn area(&mut self, area: &ast::Area) -> Option<At<scope::Area>> {
        let value = match area {
            ast::Area::Territory { parties, .. } => scope::Area::Territory {
                parties: self.parties(parties),
            },
            ast::Area::Administered { parties, .. } => scope::Area::Administered {
                parties: self.parties(parties),
            },
            ast::Area::ScopeOf { treaty, .. } => scope::Area::ScopeOf {
                treaty: treaty.value.clone(),
                resolved: None,
            },
            ast::Area::Described(text) => scope::Area::Region {
                text: text.value.clone(),
            },
            ast::Area::Party(code) => scope::Area::Territory {
                parties: if self.check_party(code) {
                    vec![PartyRef::Party {
                        code: code.value.clone(),
                    }]
                } else {
                    Vec::new()
                },
            },
        };
        let empty = matches!(
            &value,
            scope::Area::Territory { parties } | scope::Area::Administered { parties }
                if parties.is_empty()
        );
        (!empty).then(|| At::new(value, area.span()))
    }
}
