//! Qualifiers written where they cannot stand (E008). A qualifier ends a clause (or a
//! trigger's header, before `{`); written earlier, it is either read as something else
//! (`trigger as-deemed-necessary armed-attack ...` makes it a trigger kind,
//! `establish council as-deemed-necessary "Name"` makes the name its wording) or stops
//! the clause from parsing. Either way the drafter is told where qualifiers go, with
//! the clause rewritten that way.

use super::codes;
use crate::diagnostics::Diagnostic;
use crate::span::Span;
use crate::vocab::QualifierKind;

/// Whether a word is one of the qualifiers (or a synonym the language accepts).
pub fn is_qualifier(word: &str) -> bool {
    QualifierKind::parse(word).is_some()
}

/// The text of `clause` (starting at file offset `clause.start`) with the qualifier at
/// `qualifier` (and, with `with_wording`, a quoted wording right after it) moved to its
/// end, or, for a block header, to just before its `{`.
pub fn moved_to_end(text: &str, clause: Span, qualifier: Span, with_wording: bool) -> String {
    let clause_text = text[clause.start..clause.end].trim_end();
    let (head, brace) = match clause_text.strip_suffix('{') {
        Some(head) => (head.trim_end(), " {"),
        None => (clause_text, ""),
    };
    let local_start = qualifier.start - clause.start;
    let mut local_end = (qualifier.end - clause.start).min(head.len());
    // Its wording, `as-deemed-necessary "..."`, moves with it.
    let after = &head[local_end..];
    let trimmed = after.trim_start();
    if with_wording && trimmed.starts_with('"') {
        if let Some(close) = trimmed[1..].find('"') {
            local_end += after.len() - trimmed.len() + close + 2;
        }
    }
    let moved = &head[local_start..local_end];
    let before = head[..local_start].trim_end();
    let rest = head[local_end..].trim_start();
    let mut out = before.to_string();
    for piece in [rest, moved] {
        if !piece.is_empty() {
            out.push(' ');
            out.push_str(piece);
        }
    }
    out.push_str(brace);
    out
}

/// E008 for the qualifier `word` at `span`; `fixed` is the clause as it should read.
pub fn misplaced(word: &str, span: Span, consequence: &str, fixed: &str) -> Diagnostic {
    Diagnostic::error(
        codes::MISPLACED_QUALIFIER,
        format!("misplaced qualifier `{word}`"),
    )
    .with_label(span, format!("a qualifier cannot stand here: {consequence}"))
    .with_help(format!(
        "qualifiers go at the end of a clause, after what it says (or on a continuation line), and at the end of a trigger's header, just before `{{`: `{fixed}`"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, word: &str) -> String {
        let start = text.find(word).unwrap();
        moved_to_end(
            text,
            Span::new(0, text.len()),
            Span::new(start, start + word.len()),
            !text.starts_with("establish"),
        )
    }

    #[test]
    fn a_qualifier_moves_to_the_end_with_its_wording() {
        assert_eq!(
            fixed(
                "establish council as-deemed-necessary \"Nordic-Baltic Defence Council\"",
                "as-deemed-necessary"
            ),
            "establish council \"Nordic-Baltic Defence Council\" as-deemed-necessary"
        );
        assert_eq!(
            fixed(
                "assist subject-to-funding \"if funded\" UK -> UA with armed-force",
                "subject-to-funding"
            ),
            "assist UK -> UA with armed-force subject-to-funding \"if funded\""
        );
    }

    #[test]
    fn in_a_trigger_header_it_moves_before_the_brace() {
        assert_eq!(
            fixed(
                "trigger as-deemed-necessary armed-attack against any member {",
                "as-deemed-necessary"
            ),
            "trigger armed-attack against any member as-deemed-necessary {"
        );
    }

    #[test]
    fn qualifiers_and_their_synonyms_are_recognised() {
        assert!(is_qualifier("as-deemed-necessary"));
        assert!(is_qualifier("subject-to"));
        assert!(!is_qualifier("armed-attack"));
        assert!(!is_qualifier("council"));
    }
}
