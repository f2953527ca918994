//! The clauses about time and conditions, resolved: `activation on`, `proposed`,
//! `terminated`, `void if` (a bare word is a named event; with an attacker, victim,
//! place or manner it must be a trigger kind, with did-you-mean), `suspend`,
//! `reinstate`, and a clause's `from DATE|EVENT`.

use super::*;

impl Resolver<'_> {
    /// A header clause about time, set on the treaty.
    pub(super) fn time_clause(&mut self, out: &mut Treaty, clause: &ast::Clause) {
        use ast::ClauseKind as K;
        match &clause.kind {
            K::Activation(event) => {
                let event = self.event(event);
                let mut slot = out.activation.take();
                self.set_once(&mut slot, event, clause);
                out.activation = slot;
            }
            K::Proposed(word) => {
                let Some(date) = self.date(word) else { return };
                let mut slot = out.proposed.take();
                self.set_once(&mut slot, date, clause);
                out.proposed = slot;
            }
            K::Terminated(word) => {
                let Some(date) = self.date(word) else { return };
                let mut slot = out.terminated.take();
                self.set_once(&mut slot, date, clause);
                out.terminated = slot;
            }
            K::Void(condition) => {
                if let Some(condition) = self.condition(condition) {
                    out.voids.push(At::new(condition, clause.span));
                }
            }
            K::Suspend { flow, from, until } => {
                let (givers, receivers) = self.flow(flow);
                let Some(from) = self.date(from) else { return };
                let until = until.as_ref().and_then(|d| self.date(d));
                out.suspensions.push(Suspension {
                    givers,
                    receivers,
                    from,
                    until,
                    source: clause.source.as_ref().map(|s| s.value.clone()),
                    span: clause.span,
                });
            }
            _ => {}
        }
    }

    /// A clause's `from DATE|EVENT`.
    pub(super) fn applies(&mut self, from: Option<&ast::ClauseFrom>) -> Option<Applies> {
        Some(match from? {
            ast::ClauseFrom::Date(word) => Applies::Date {
                date: self.date(word)?,
            },
            ast::ClauseFrom::Event(event) => Applies::Event {
                event: self.event(event),
            },
        })
    }

    fn condition(&mut self, condition: &ast::Condition) -> Option<Condition> {
        let (name, parties, by, against, scope, attributes) = match condition {
            ast::Condition::Described(text) => {
                return Some(Condition::Described {
                    text: text.value.clone(),
                })
            }
            ast::Condition::Happening {
                name,
                parties,
                by,
                against,
                scope,
                attributes,
                ..
            } => (name, parties, by, against, scope, attributes),
        };
        let qualified =
            by.is_some() || against.is_some() || scope.is_some() || !attributes.is_empty();
        let kind = if qualified {
            Some(word_of!(self, TriggerKind, name)?)
        } else {
            TriggerKind::parse(&name.value)
        };
        for party in parties {
            self.check_party(party);
        }
        Some(Condition::Happening {
            name: name.value.clone(),
            kind,
            parties: parties.iter().map(|p| p.value.clone()).collect(),
            by: by.as_ref().map(|l| self.parties(l)).unwrap_or_default(),
            against: against
                .as_ref()
                .map(|l| self.parties(l))
                .unwrap_or_default(),
            scope: scope.as_ref().map(|p| self.place_text(p)),
            attributes: attributes.iter().map(|a| a.value.clone()).collect(),
        })
    }

    /// `reinstate ...`: the duty and its givers (none when it takes effect by itself).
    pub(super) fn reinstate(&mut self, kind: &ast::ClauseKind) -> Option<(Duty, Vec<PartyRef>)> {
        let ast::ClauseKind::Reinstate {
            kinds,
            by,
            against,
            automatically,
            on,
        } = kind
        else {
            return None;
        };
        let givers = by.as_ref().map(|b| self.parties(b)).unwrap_or_default();
        let measures = self.assistance_kinds(kinds);
        if measures.is_empty() {
            return None;
        }
        let duty = Duty::Reinstate {
            measures,
            against: against
                .as_ref()
                .map(|a| self.parties(a))
                .unwrap_or_default(),
            automatically: *automatically,
            on: on.as_ref().map(|e| self.event(e)),
        };
        Some((duty, givers))
    }
}
