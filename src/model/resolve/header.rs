//! Header clauses (legal form, status, dates, duration, renewal, reviews,
//! withdrawal, parties, hedges), each set once on the treaty; whatever is not a
//! header clause is handed to `obligations`.

use super::*;

impl Resolver<'_> {
    pub(super) fn header_or_obligation(&mut self, out: &mut Treaty, clause: &ast::Clause) {
        use ast::ClauseKind as K;
        self.fields_seen.push(clause.kind.keyword());
        self.check_decision_placement(clause);
        match &clause.kind {
            K::Title(text) => {
                let mut slot = out.title.take();
                self.set_once(&mut slot, text.value.clone(), clause);
                out.title = slot;
            }
            K::Signed(word) => {
                if let Some(date) = self.date(word) {
                    let mut slot = out.signed.take();
                    self.set_once(&mut slot, date, clause);
                    out.signed = slot;
                }
            }
            K::Effective(word) => {
                if let Some(date) = self.date(word) {
                    let mut slot = out.effective.take();
                    self.set_once(&mut slot, date, clause);
                    out.effective = slot;
                }
            }
            K::Form(word) => {
                if let Some(form) = word_of!(self, Form, word) {
                    let mut slot = out.form.take();
                    self.set_once(&mut slot, form, clause);
                    out.form = slot;
                }
            }
            K::Status(word) => {
                if let Some(status) = word_of!(self, Status, word) {
                    let mut slot = out.status.take();
                    self.set_once(&mut slot, status, clause);
                    out.status = slot;
                }
            }
            K::Binding(word) => {
                if let Some(value) = word_of!(self, BindingOverride, word) {
                    let mut slot = out.binding_override.take();
                    self.set_once(&mut slot, value, clause);
                    out.binding_override = slot;
                }
            }
            K::Ratification { state, date } => {
                let Some(state) = word_of!(self, RatificationState, state) else {
                    return;
                };
                let date = date.as_ref().and_then(|d| self.date(d));
                let mut slot = out.ratification.take();
                self.set_once(&mut slot, Ratification { state, date }, clause);
                out.ratification = slot;
            }
            K::Duration(value) => {
                let term = match value {
                    ast::DurationValue::Indefinite(_) => Term::Indefinite,
                    ast::DurationValue::NotStated(_) => Term::NotStated,
                    ast::DurationValue::Fixed(period) => {
                        let Some(period) = self.period(period) else {
                            return;
                        };
                        Term::Fixed { period }
                    }
                    ast::DurationValue::Until(event) => Term::Until {
                        event: self.event(event),
                    },
                };
                let mut slot = out.duration.take();
                self.set_once(&mut slot, term, clause);
                out.duration = slot;
            }
            K::Renewal { mode, every } => {
                let Some(mode) = word_of!(self, RenewalMode, mode) else {
                    return;
                };
                let every = every.as_ref().and_then(|p| self.period(p));
                let mut slot = out.renewal.take();
                self.set_once(&mut slot, Renewal { mode, every }, clause);
                out.renewal = slot;
            }
            K::Review(when) => {
                let review = match when {
                    ast::ReviewWhen::Within(p) => Review::Within {
                        period: self.period_or_return(p),
                    },
                    ast::ReviewWhen::After(p) => Review::After {
                        period: self.period_or_return(p),
                    },
                    ast::ReviewWhen::Every(p) => Review::Every {
                        period: self.period_or_return(p),
                    },
                    ast::ReviewWhen::On(event) => Review::On {
                        event: self.event(event),
                    },
                };
                out.reviews.push(At::new(review, clause.span));
            }
            K::Withdrawal(terms) => {
                let withdrawal = match terms {
                    ast::WithdrawalTerms::Notice { notice, after } => {
                        let Some(notice) = self.period(notice) else {
                            return;
                        };
                        let not_before = after.as_ref().and_then(|p| self.period(p));
                        Withdrawal::Notice { notice, not_before }
                    }
                    ast::WithdrawalTerms::AnyTime(_) => Withdrawal::AnyTime,
                    ast::WithdrawalTerms::NoExit(_) => Withdrawal::NoExit,
                };
                let mut slot = out.withdrawal.take();
                self.set_once(&mut slot, withdrawal, clause);
                out.withdrawal = slot;
            }
            K::QualifiedBy => {
                let hedges = self.qualifiers(clause);
                out.hedges.extend(hedges);
                out.hedges_span = Some(out.hedges_span.map_or(clause.span, |s| s.to(clause.span)));
            }
            K::Party { .. } | K::Members(_) => {}
            K::Activation(_)
            | K::Proposed(_)
            | K::Terminated(_)
            | K::Void(_)
            | K::Suspend { .. } => self.time_clause(out, clause),
            K::Incorporate { mirror, name, from } => out.references.push(Reference {
                kind: if *mirror {
                    ReferenceKind::Mirror
                } else {
                    ReferenceKind::Incorporate
                },
                name: name.value.clone(),
                path: from.as_ref().map(|f| f.value.clone()),
                found_in: None,
                span: clause.span,
            }),
            K::InAdditionTo(target) => match target {
                ast::Reference::Described(text) => out
                    .in_addition_to
                    .push(At::new(text.value.clone(), clause.span)),
                ast::Reference::Treaty(name) => {
                    out.in_addition_to
                        .push(At::new(name.value.clone(), clause.span));
                    out.references.push(Reference {
                        kind: ReferenceKind::InAdditionTo,
                        name: name.value.clone(),
                        path: None,
                        found_in: None,
                        span: clause.span,
                    });
                }
            },
            K::Foresees { form, ratification } => {
                let Some(form) = word_of!(self, Form, form) else {
                    return;
                };
                let ratification = match ratification {
                    Some(word) => match word_of!(self, RatificationState, word) {
                        Some(state) => Some(state),
                        None => return,
                    },
                    None => None,
                };
                let mut slot = out.foresees.take();
                self.set_once(&mut slot, Foresees { form, ratification }, clause);
                out.foresees = slot;
            }
            K::Trigger { spec, clauses, .. } => {
                let Some(spec) = spec else { return };
                let trigger = self.trigger(spec, clause, clauses);
                if let (Some(name), Some(word)) = (&trigger.scope_of, &spec.scope_of) {
                    out.references.push(Reference {
                        kind: ReferenceKind::ScopeOf,
                        name: name.clone(),
                        path: None,
                        found_in: None,
                        span: word.span,
                    });
                }
                out.triggers.push(trigger);
            }
            _ => {
                if let Some(obligation) = self.obligation(clause) {
                    out.obligations.push(obligation);
                }
            }
        }
    }
}
