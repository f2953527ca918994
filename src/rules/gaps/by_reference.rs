//! A self-contained text: Article 5 says what it obliges in its own words. A
//! guarantee by reference (`incorporate`, `mirror`, `in scope-of`) takes its content
//! from another text, so what it is worth depends on that text staying as it is and
//! being read the same way.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::Treaty;

pub const ELEMENT: Element = Element {
    id: "self-contained",
    title: "self-contained text",
    requires: None,
    rules: &[GapRule {
        code: "BY_REFERENCE",
        shortfall: Shortfall::Weakened,
        name: "by-reference",
        summary: "the guarantee's content depends on another text (incorporated, mirrored, or its scope taken from another treaty)",
        why: "a commitment by reference moves with the text it points to: amended, denounced or read differently there, it changes here too",
        example: "treaty t {\n  form treaty\n  status in-force\n  party FR guarantor\n  party UA beneficiary\n  mirror article5-baseline\n}\n",
        fix: "write the obligations out in this text instead of referring to another one",
    }],
    assess,
};

fn assess(treaty: &Treaty, _facts: &Facts) -> Vec<Finding> {
    let mut names: Vec<String> = Vec::new();
    let mut first = None;
    for reference in treaty
        .references
        .iter()
        .filter(|r| r.kind.imports_content())
    {
        first.get_or_insert(reference.span);
        let text = format!("{} {}", reference.kind.keyword(), reference.name);
        if !names.contains(&text) {
            names.push(text);
        }
    }
    let Some(span) = first else {
        return Vec::new();
    };
    vec![Finding::new(
        "BY_REFERENCE",
        span,
        format!("the content depends on another text: {}", names.join(", ")),
    )
    .with_detail(names.join(", "))]
}
