//! Resolving conditions: trigger thresholds, decision procedures (`decided-by`), and
//! the E110 check for a modifier written where it has no meaning.

use super::*;

impl Resolver<'_> {
    /// `threshold WORD, ...` on a trigger: the words checked against the vocabulary,
    /// and refused (E110) on a trigger that is not set off by an attack.
    pub(super) fn threshold(
        &mut self,
        spec: &ast::TriggerSpec,
        kinds: &[TriggerKind],
    ) -> Vec<Threshold> {
        let Some(first) = spec.threshold.first() else {
            return Vec::new();
        };
        let words: Vec<Threshold> = spec
            .threshold
            .iter()
            .filter_map(|w| word_of!(self, Threshold, w))
            .collect();
        let attack = kinds
            .iter()
            .any(|k| k.is_attack() || *k == TriggerKind::CeasefireViolation);
        if !attack && !kinds.is_empty() {
            let last = spec.threshold.last().unwrap_or(first);
            self.diagnostics.push(
                Diagnostic::error(
                    codes::MISPLACED_MODIFIER,
                    "a threshold has no meaning on a trigger that is not an attack",
                )
                .with_label(first.span.to(last.span), "threshold on a non-attack trigger")
                .with_help(
                    "a threshold (`significant`, `deliberate`, ...) says how grave an attack must be: use it on `armed-attack`, `aggression` or another attack kind, or drop it",
                ),
            );
            return Vec::new();
        }
        words
    }

    /// E110 for `decided-by` on a clause where it has no meaning (a header clause, a
    /// party declaration).
    pub(super) fn check_decision_placement(&mut self, clause: &ast::Clause) {
        let Some(decided) = clause.decided_by.as_ref() else {
            return;
        };
        use ast::ClauseKind as K;
        let obligation_or_trigger = !matches!(
            clause.kind,
            K::Title(_)
                | K::Signed(_)
                | K::Effective(_)
                | K::Form(_)
                | K::Status(_)
                | K::Binding(_)
                | K::Ratification { .. }
                | K::Duration(_)
                | K::Renewal { .. }
                | K::Review(_)
                | K::Withdrawal(_)
                | K::QualifiedBy
                | K::Party { .. }
                | K::Members(_)
        );
        if !obligation_or_trigger {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::MISPLACED_MODIFIER,
                    format!(
                        "`decided-by` has no meaning on a `{}` clause",
                        clause.kind.keyword()
                    ),
                )
                .with_label(decided.span, "a decision procedure here")
                .with_help(
                    "`decided-by` says who decides on a response: put it on the trigger or on the obligation it governs",
                ),
            );
        }
    }

    /// `decided-by ...` on an obligation or a trigger, resolved.
    pub(super) fn decision(&mut self, clause: &ast::Clause) -> Option<Decision> {
        let decided = clause.decided_by.as_ref()?;
        let by = match &decided.by {
            ast::Decider::Body(name) => Decider::Body {
                name: name.value.clone(),
            },
            ast::Decider::Parties(list) => match body_word(list, &self.party_index) {
                // `decided-by council`: a lower-case word that is no party is an organ.
                Some(name) => Decider::Body { name },
                None => Decider::Parties {
                    parties: self.parties(list),
                },
            },
        };
        let vote = decided.vote.as_ref().and_then(|v| word_of!(self, Vote, v));
        let consultation = decided
            .consultation
            .as_ref()
            .map(|(_, with)| with.as_ref().map(|l| self.parties(l)).unwrap_or_default());
        Some(Decision {
            by,
            vote,
            consultation,
            span: decided.span,
        })
    }
}

/// A decider written as one lower-case word that is not a declared party
/// (`decided-by council`): the name of an organ.
fn body_word(
    list: &ast::PartyList,
    declared: &std::collections::HashMap<Text, usize>,
) -> Option<Text> {
    match list.items.as_slice() {
        [ast::PartyItem::Named(word)]
            if !declared.contains_key(&word.value)
                && word.value.chars().next().is_some_and(|c| c.is_lowercase()) =>
        {
            Some(word.value.clone())
        }
        _ => None,
    }
}
