//! A trigger's scope lowered from its pairs: the areas of `in` and `excluding`, and
//! the line of `across`. Words are kept as written; the model checks them.

use super::values::first_party_list;
use super::*;

/// The areas of `in AREA, ...` or `excluding AREA, ...`.
pub(super) fn areas(pair: Node<'_>) -> Vec<Area> {
    pair.into_inner()
        .filter(|p| p.as_rule() == Rule::area)
        .filter_map(area)
        .collect()
}

fn area(pair: Node<'_>) -> Option<Area> {
    let inner = pair.into_inner().next()?;
    let span = span_of(&inner);
    Some(match inner.as_rule() {
        Rule::string => Area::Described(string(&inner)),
        Rule::party_name => Area::Party(word(&inner)),
        Rule::area_territory => Area::Territory {
            parties: first_party_list(inner)?,
            span,
        },
        Rule::area_administered => Area::Administered {
            parties: first_party_list(inner)?,
            span,
        },
        Rule::area_scope_of => Area::ScopeOf {
            treaty: inner
                .into_inner()
                .find(|p| p.as_rule() == Rule::treaty_ref)
                .map(|p| word(&p))?,
            span,
        },
        _ => return None,
    })
}

/// The line of `across LINE`.
pub(super) fn line(pair: Node<'_>) -> Option<Line> {
    let inner = pair
        .into_inner()
        .find(|p| matches!(p.as_rule(), Rule::string | Rule::word))?;
    Some(match inner.as_rule() {
        Rule::string => Line::Described(string(&inner)),
        _ => Line::Named(word(&inner)),
    })
}
