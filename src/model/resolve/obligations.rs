//! Obligations and triggers: each clause resolved to the duty it creates (assist,
//! consult, station, deter, establish...), who owes it to whom, and its timing and
//! qualifiers; triggers with the obligations they bring due.

use super::*;

impl Resolver<'_> {
    pub(super) fn trigger(
        &mut self,
        spec: &ast::TriggerSpec,
        clause: &ast::Clause,
        clauses: &[ast::Clause],
    ) -> Trigger {
        let head_failures = self.failures();
        let kinds: Vec<TriggerKind> = spec
            .kinds
            .iter()
            .filter_map(|k| word_of!(self, TriggerKind, k))
            .collect();
        let aspects = spec
            .aspects
            .iter()
            .filter_map(|a| word_of!(self, ThreatAspect, a))
            .collect();
        let by = spec
            .by
            .as_ref()
            .map(|l| self.parties(l))
            .unwrap_or_default();
        let against = spec
            .against
            .as_ref()
            .map(|l| self.parties(l))
            .unwrap_or_default();
        let scope = self.scope(spec);
        let qualifiers = self.qualifiers(clause);
        let threshold = self.threshold(spec, &kinds);
        let decision = self.decision(clause);
        let from = self.applies(clause.from.as_ref());
        if self.failed_since(head_failures) {
            self.unreadable.push(unresolved(clause, false));
        }
        let mut obligations = Vec::new();
        for response in clauses {
            let before = self.failures();
            obligations.extend(self.obligation(response));
            if self.failed_since(before) {
                self.unreadable.push(unresolved(response, true));
            }
        }
        Trigger {
            from,
            kinds,
            aspects,
            by,
            against,
            scope,
            threshold,
            decision,
            qualifiers,
            source: clause.source.as_ref().map(|s| s.value.clone()),
            obligations,
            span: clause.span,
            by_reference: None,
            scope_of: spec.scope_of.as_ref().map(|w| w.value.clone()),
        }
    }

    pub(super) fn flow(&mut self, flow: &ast::Flow) -> (Vec<PartyRef>, Vec<PartyRef>) {
        let givers = self.parties(&flow.givers);
        let receivers = flow
            .receivers
            .as_ref()
            .map(|r| self.parties(r))
            .unwrap_or_default();
        (givers, receivers)
    }

    pub(super) fn obligation(&mut self, clause: &ast::Clause) -> Option<Obligation> {
        use ast::ClauseKind as K;
        let mut givers = Vec::new();
        let mut receivers = Vec::new();
        let duty = match &clause.kind {
            K::Consult { parties, deadline } => {
                givers = self.parties(parties);
                Duty::Consult {
                    deadline: deadline.as_ref().and_then(|d| self.deadline(d)),
                }
            }
            K::Provide {
                flow,
                kinds,
                amount,
                from,
                until,
            } => {
                (givers, receivers) = self.flow(flow);
                let assistance = self.assistance_kinds(kinds);
                // Every kind written was unknown (and reported): leave the clause out
                // rather than keep a `provide` of nothing.
                if assistance.is_empty() && !kinds.is_empty() {
                    return None;
                }
                let amount = amount.as_ref().and_then(|a| self.amount(a));
                Duty::Provide {
                    assistance,
                    amount,
                    from: from.as_ref().and_then(|d| self.date(d)),
                    until: until.as_ref().and_then(|d| self.date(d)),
                }
            }
            K::Assist {
                verb,
                flow,
                means,
                menu,
                timing,
            } => {
                (givers, receivers) = self.flow(flow);
                Duty::Assist {
                    verb: match verb {
                        ast::AssistVerb::Assist => AssistVerb::Assist,
                        ast::AssistVerb::Defend => AssistVerb::Defend,
                        ast::AssistVerb::Act => AssistVerb::Act,
                    },
                    means: means
                        .iter()
                        .filter_map(|m| word_of!(self, Means, m))
                        .collect(),
                    menu: *menu,
                    timing: timing.as_ref().and_then(|t| self.deadline(t)),
                }
            }
            K::Station {
                parties,
                place,
                size,
                tripwire,
                permanent,
            } => {
                givers = self.parties(parties);
                Duty::Station {
                    place: self.place(place),
                    size: size.as_ref().and_then(|s| self.size(s)),
                    tripwire: *tripwire,
                    permanent: *permanent,
                }
            }
            K::Deter { flow, means } => {
                (givers, receivers) = self.flow(flow);
                Duty::Deter {
                    means: word_of!(self, DeterrentMeans, means)?,
                }
            }
            K::Mission {
                kind,
                parties,
                mandate,
                place,
                size,
            } => {
                givers = self.parties(parties);
                let mandate = match mandate {
                    Some(word) => word_of!(self, Mandate, word)?,
                    None if *kind == ast::MissionKind::Monitor => Mandate::Monitor,
                    None => Mandate::Monitor,
                };
                Duty::Mission {
                    mission: match kind {
                        ast::MissionKind::Peacekeeping => MissionKind::Peacekeeping,
                        ast::MissionKind::Monitor => MissionKind::Monitor,
                    },
                    mandate,
                    place: place.as_ref().map(|p| self.place(p)),
                    size: size.as_ref().and_then(|s| self.size(s)),
                }
            }
            K::Refrain {
                parties,
                acts,
                against,
            } => {
                givers = self.parties(parties);
                receivers = against
                    .as_ref()
                    .map(|a| self.parties(a))
                    .unwrap_or_default();
                Duty::Refrain {
                    acts: acts
                        .iter()
                        .filter_map(|a| word_of!(self, RefrainAct, a))
                        .collect(),
                }
            }
            K::Respect {
                parties,
                aspects,
                of,
            } => {
                givers = self.parties(parties);
                receivers = self.parties(of);
                Duty::Respect {
                    aspects: aspects
                        .iter()
                        .filter_map(|a| word_of!(self, RespectAspect, a))
                        .collect(),
                }
            }
            K::Seek {
                parties,
                what,
                body,
                for_,
                timing,
            } => {
                givers = self.parties(parties);
                receivers = for_.as_ref().map(|f| self.parties(f)).unwrap_or_default();
                Duty::Seek {
                    what: what.value.clone(),
                    body: self.body(body),
                    timing: timing.as_ref().and_then(|t| self.deadline(t)),
                }
            }
            K::Report {
                parties,
                body,
                timing,
            } => {
                givers = parties
                    .as_ref()
                    .map(|p| self.parties(p))
                    .unwrap_or_default();
                Duty::Report {
                    body: self.body(body),
                    timing: timing.as_ref().and_then(|t| self.deadline(t)),
                }
            }
            K::Establish { institution, name } => Duty::Establish {
                institution: word_of!(self, Institution, institution)?,
                name: name.as_ref().map(|n| n.value.clone()),
            },
            K::Prohibit { what, of, place } => Duty::Prohibit {
                what: what
                    .iter()
                    .filter_map(|w| word_of!(self, Prohibited, w))
                    .collect(),
                of: of.as_ref().map(|of| match of {
                    ast::ForcesOf::Parties(list) => ForcesOf::Parties {
                        parties: self.parties(list),
                    },
                    ast::ForcesOf::Described(text) => ForcesOf::Described {
                        text: text.value.clone(),
                    },
                }),
                place: place.as_ref().map(|p| self.place(p)),
            },
            K::Indivisible(grade) => Duty::Indivisible {
                grade: match grade {
                    Some(word) => word_of!(self, Indivisibility, word)?,
                    None => Indivisibility::AttackOnAll,
                },
            },
            K::Reinstate { .. } => {
                let (duty, by) = self.reinstate(&clause.kind)?;
                givers = by;
                duty
            }
            K::Limit {
                parties,
                what,
                size,
                place,
            } => {
                givers = self.parties(parties);
                let kinds: Vec<LimitKind> = what
                    .iter()
                    .filter_map(|w| word_of!(self, LimitKind, w))
                    .collect();
                if kinds.is_empty() {
                    return None;
                }
                Duty::Limit {
                    what: kinds,
                    size: size.as_ref().and_then(|s| self.size(s)),
                    place: place.as_ref().map(|p| self.place(p)),
                }
            }
            _ => return None,
        };
        let from = self.applies(clause.from.as_ref());
        Some(Obligation {
            from,
            duty,
            givers,
            receivers,
            qualifiers: self.qualifiers(clause),
            source: clause.source.as_ref().map(|s| s.value.clone()),
            decision: self.decision(clause),
            span: clause.span,
            by_reference: None,
        })
    }
}
