//! Lowering the conditions of issue 13: `decided-by` (thresholds and attacker classes
//! are read with the trigger spec and party lists). Reads one pair, reports nothing.

use super::values::party_list;
use super::*;

/// `decided-by PARTIES|"BODY" [VOTE] [after consultation [with PARTIES]]`.
pub(super) fn decision(pair: Node<'_>) -> DecidedBy {
    let span = span_of(&pair);
    let mut by = Decider::Body(Spanned::new(Text::default(), span));
    let mut vote = None;
    let mut consultation = None;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::string => by = Decider::Body(string(&p)),
            Rule::party_set => by = Decider::Parties(party_list(p)),
            Rule::vote => vote = Some(word(&p)),
            Rule::decision_consultation => {
                let at = span_of(&p);
                let with = p
                    .into_inner()
                    .find(|c| c.as_rule() == Rule::party_set)
                    .map(party_list);
                consultation = Some((at, with));
            }
            _ => {}
        }
    }
    DecidedBy {
        by,
        vote,
        consultation,
        span,
    }
}
