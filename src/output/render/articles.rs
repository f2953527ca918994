//! The articles of a draft, in treaty order, each a list of sentences with the span of
//! the clause each came from. Which article a clause goes to depends on the model
//! alone, never on the language.

use super::clauses::{sp, Cx};
use super::messages::capitalise;
use super::parties::{self, Case};
use super::ArticleKind;
use crate::model::conditions::Decision;
use crate::model::scope::{Area, Line};
use crate::model::terms::Condition;
use crate::model::vocab::{Role, TriggerKind};
use crate::model::{Duty, Obligation, Reference, ReferenceKind, Review, Term, Trigger, Withdrawal};
use crate::span::Span;

/// A sentence, the span of its clause and the clause's `source` wording.
pub type Raw = (String, Span, Option<String>);

pub struct RawArticle {
    pub kind: ArticleKind,
    pub heading: String,
    pub sentences: Vec<Raw>,
    /// Clauses the article stands for beside its sentences' (a trigger's header).
    pub spans: Vec<Span>,
}

/// Where a standing obligation is written.
fn article_of(o: &Obligation) -> ArticleKind {
    match o.duty {
        Duty::Consult { .. } => ArticleKind::Consultation,
        Duty::Station { .. } | Duty::Deter { .. } | Duty::Mission { .. } => ArticleKind::Forces,
        Duty::Establish { .. } => ArticleKind::Institutions,
        Duty::Provide { .. }
        | Duty::Assist { .. }
        | Duty::Refrain { .. }
        | Duty::Respect { .. }
        | Duty::Seek { .. }
        | Duty::Report { .. }
        | Duty::Prohibit { .. }
        | Duty::Indivisible { .. }
        | Duty::Reinstate { .. }
        | Duty::Limit { .. } => ArticleKind::Standing,
    }
}

impl Cx<'_> {
    fn heading(&self, kind: ArticleKind) -> String {
        self.m.word(&format!("heading-{}", kind.id()))
    }

    fn article(&self, kind: ArticleKind, sentences: Vec<Raw>) -> RawArticle {
        RawArticle {
            kind,
            heading: self.heading(kind),
            sentences,
            spans: Vec::new(),
        }
    }

    fn obligation_sentences(&self, o: &Obligation, out: &mut Vec<Raw>) {
        for (i, text) in self.obligation(o).into_iter().enumerate() {
            let quote = if i == 0 {
                o.source.as_ref().map(|s| s.to_string())
            } else {
                None
            };
            out.push((text, o.span, quote));
        }
    }

    fn purpose(&self) -> Vec<Raw> {
        let (m, t) = (self.m, self.treaty);
        let mut out = Vec::new();
        if let Some(form) = &t.form {
            let form_text = m.vocab("form", form.value.word());
            out.push((
                m.get("purpose-form", &[("form", (&form_text).into())]),
                form.span,
                None,
            ));
        }
        if let Some(binding) = &t.binding_override {
            out.push((m.vocab("binding", binding.value.word()), binding.span, None));
        }
        for party in &t.parties {
            let name = parties::party_name(m, t, &party.code, Case::Plain);
            let roles: Vec<String> = party
                .roles
                .iter()
                .map(|r| m.vocab("role", r.word()))
                .collect();
            let roles = m.and(&roles);
            let text = if party.is_group() {
                let members: Vec<String> = party
                    .members
                    .iter()
                    .map(|c| parties::party_name(m, t, c, Case::Plain).text)
                    .collect();
                let members = m.and(&members);
                m.get(
                    "party-group",
                    &[
                        ("name", (&name.text).into()),
                        ("members", (&members).into()),
                        ("roles", (&roles).into()),
                        ("n", name.n().into()),
                    ],
                )
            } else if party.roles == [Role::Adversary] {
                m.get("party-adversary", &[("name", (&name.text).into())])
            } else if party.roles.is_empty() {
                m.get("party-plain", &[("name", (&name.text).into())])
            } else {
                m.get(
                    "party-roles",
                    &[
                        ("name", (&name.text).into()),
                        ("roles", (&roles).into()),
                        ("n", name.n().into()),
                    ],
                )
            };
            out.push((capitalise(&text), party.span, None));
        }
        if !t.hedges.is_empty() {
            let phrases = self.qualifier_phrases(&t.hedges, 2, &[]);
            let span = t.hedges_span.unwrap_or(t.header_span);
            out.push((
                m.get("hedges", &[("quals", (&m.and(&phrases)).into())]),
                span,
                None,
            ));
        }
        for reference in &t.references {
            if let Some(text) = self.reference(reference) {
                out.push((text, reference.span, None));
            }
        }
        for addition in &t.in_addition_to {
            let what = m.quote(&addition.value);
            out.push((
                m.get("in-addition-to", &[("what", (&what).into())]),
                addition.span,
                None,
            ));
        }
        if let Some(foresees) = &t.foresees {
            let form = m.vocab("foresees-form", foresees.value.form.word());
            let ratification = foresees
                .value
                .ratification
                .map(|r| m.vocab("foresees-ratification", r.word()))
                .unwrap_or_default();
            out.push((
                m.get(
                    "foresees",
                    &[
                        ("form", (&form).into()),
                        ("ratification", (&sp(ratification)).into()),
                    ],
                ),
                foresees.span,
                None,
            ));
        }
        out
    }

    fn reference(&self, reference: &Reference) -> Option<String> {
        let name = self.m.quote(&reference.name);
        let id = match reference.kind {
            ReferenceKind::Incorporate => "reference-incorporate",
            ReferenceKind::Mirror => "reference-mirror",
            // Written with the trigger, and from the clause as written.
            ReferenceKind::ScopeOf | ReferenceKind::InAdditionTo => return None,
        };
        Some(self.m.get(id, &[("name", (&name).into())]))
    }

    /// "an armed attack by the Russian Federation against Ukraine", in the form the
    /// language puts after "In the event of".
    fn trigger_event(&self, t: &Trigger, form: Option<&str>) -> String {
        let m = self.m;
        let (kinds, absorbed) = self.trigger_kinds(t, form);
        let by = if t.by.is_empty() {
            String::new()
        } else {
            m.get(
                "piece-by",
                &[("who", (&self.who(&t.by, Case::Plain).text).into())],
            )
        };
        let against = if t.against.is_empty() || absorbed {
            String::new()
        } else {
            m.get(
                "piece-against",
                &[("whom", (&self.who(&t.against, Case::Plain).text).into())],
            )
        };
        format!("{kinds}{}{}", sp(by), sp(against))
    }

    /// The kinds of a trigger joined with "or", and whether they already name the
    /// party attacked (`a threat to the independence of Ukraine`).
    fn trigger_kinds(&self, t: &Trigger, form: Option<&str>) -> (String, bool) {
        let m = self.m;
        let mut absorbed = false;
        let kinds: Vec<String> = t
            .kinds
            .iter()
            .map(|k| {
                let id = format!("kind-{}", k.word());
                let plain = |id: &str| {
                    form.and_then(|f| m.attribute(id, f, &[]))
                        .unwrap_or_else(|| m.word(id))
                };
                if *k == TriggerKind::Threat && !t.aspects.is_empty() {
                    absorbed = !t.against.is_empty();
                    let aspects: Vec<String> = t
                        .aspects
                        .iter()
                        .map(|a| m.vocab("aspect", a.word()))
                        .collect();
                    let of = if t.against.is_empty() {
                        String::new()
                    } else {
                        self.who(&t.against, Case::Of).text
                    };
                    let (aspects, of) = (m.and(&aspects), sp(of));
                    let args = [("aspects", (&aspects).into()), ("of", (&of).into())];
                    form.and_then(|f| m.attribute("kind-threat-to", f, &args))
                        .unwrap_or_else(|| m.get("kind-threat-to", &args))
                } else {
                    plain(&id)
                }
            })
            .collect();
        (m.or(&kinds), absorbed)
    }

    fn area(&self, area: &Area) -> String {
        let m = self.m;
        match area {
            Area::Territory { parties } => {
                let of = self.who(parties, Case::Of).text;
                m.get("area-territory", &[("of", (&of).into())])
            }
            Area::Administered { parties } => {
                let by = self.who(parties, Case::Plain).text;
                m.get("area-administered", &[("by", (&by).into())])
            }
            Area::ScopeOf { treaty, .. } => {
                m.get("area-scope-of", &[("name", (&m.quote(treaty)).into())])
            }
            Area::Region { text } => m.quote(text),
        }
    }

    fn decision_sentence(&self, decision: &Decision, out: &mut Vec<Raw>) {
        out.push((self.decision(decision), decision.span, None));
    }

    fn trigger(&self, t: &Trigger) -> RawArticle {
        let m = self.m;
        let event = self.trigger_event(t, Some("event"));
        let mut out: Vec<Raw> = Vec::new();
        let source = t.source.as_ref().map(|s| s.to_string());
        if t.obligations.is_empty() {
            out.push((
                m.get("trigger-no-response", &[("event", (&event).into())]),
                t.span,
                source.clone(),
            ));
        }
        for (i, o) in t.obligations.iter().enumerate() {
            // The clause as it stands after "In the event of ...,": not capitalised.
            let clause = self.clause(o);
            let sentences = self.obligation(o).into_iter().skip(1);
            let text = if i == 0 {
                m.get(
                    "in-the-event",
                    &[("event", (&event).into()), ("clause", (&clause).into())],
                )
            } else {
                m.get("in-that-event", &[("clause", (&clause).into())])
            };
            let quote = match (&o.source, i) {
                (Some(s), _) => Some(s.to_string()),
                (None, 0) => source.clone(),
                _ => None,
            };
            out.push((capitalise(&text), o.span, quote));
            for rest in sentences {
                out.push((rest, o.span, None));
            }
        }
        let scope = &t.scope;
        if !scope.areas.is_empty() {
            let areas: Vec<String> = scope.areas.iter().map(|a| self.area(&a.value)).collect();
            out.push((
                m.get("scope-in", &[("areas", (&m.or(&areas)).into())]),
                t.span,
                None,
            ));
        }
        if !scope.covering.is_empty() {
            let objects: Vec<String> = scope
                .covering
                .iter()
                .map(|c| m.vocab("covered", c.word()))
                .collect();
            out.push((
                m.get("scope-covering", &[("objects", (&m.or(&objects)).into())]),
                t.span,
                None,
            ));
        }
        if !scope.excluding.is_empty() {
            let areas: Vec<String> = scope
                .excluding
                .iter()
                .map(|a| self.area(&a.value))
                .collect();
            out.push((
                m.get("scope-excluding", &[("areas", (&m.or(&areas)).into())]),
                t.span,
                None,
            ));
        }
        if let Some(line) = &scope.across {
            let line = match line {
                Line::Named { line } => m.vocab("line", line.word()),
                Line::Described { text } => m.quote(text),
            };
            out.push((
                m.get("scope-across", &[("line", (&line).into())]),
                t.span,
                None,
            ));
        }
        if let Some(name) = &t.scope_of {
            out.push((
                m.get("scope-of", &[("name", (&m.quote(name)).into())]),
                t.span,
                None,
            ));
        }
        if !t.threshold.is_empty() {
            let words: Vec<String> = t
                .threshold
                .iter()
                .map(|w| m.vocab("threshold", w.word()))
                .collect();
            out.push((
                m.get("threshold", &[("words", (&m.and(&words)).into())]),
                t.span,
                None,
            ));
        }
        if let Some(decision) = &t.decision {
            self.decision_sentence(decision, &mut out);
        }
        if !t.qualifiers.is_empty() {
            let phrases = self.qualifier_phrases(&t.qualifiers, 2, &[]);
            out.push((
                m.get("trigger-qualified", &[("quals", (&m.and(&phrases)).into())]),
                t.span,
                None,
            ));
        }
        if let Some(from) = &t.from {
            out.push((self.applies(from), t.span, None));
        }
        if let Some(name) = &t.by_reference {
            out.push((
                m.get("by-reference", &[("name", (&m.quote(name)).into())]),
                t.span,
                None,
            ));
        }
        let heading_event = self.trigger_kinds(t, None).0;
        RawArticle {
            kind: ArticleKind::Trigger,
            heading: capitalise(&m.get("heading-trigger", &[("event", (&heading_event).into())])),
            sentences: out,
            spans: vec![t.span],
        }
    }

    fn condition(&self, condition: &Condition) -> String {
        let m = self.m;
        match condition {
            Condition::Described { text } => m.quote(text),
            Condition::Happening {
                name,
                kind,
                parties,
                by,
                against,
                scope,
                attributes,
            } => {
                let mut out = match kind {
                    Some(kind) => m.vocab("kind", kind.word()),
                    None => self.event(&crate::model::Event::Named {
                        name: name.clone(),
                        parties: parties.clone(),
                    }),
                };
                if !by.is_empty() {
                    out.push_str(&sp(m.get(
                        "piece-by",
                        &[("who", (&self.who(by, Case::Plain).text).into())],
                    )));
                }
                if !against.is_empty() {
                    out.push_str(&sp(m.get(
                        "piece-against",
                        &[("whom", (&self.who(against, Case::Plain).text).into())],
                    )));
                }
                if let Some(scope) = scope {
                    let place = if self.treaty.party(scope).is_some() {
                        parties::party_name(m, self.treaty, scope, Case::In).text
                    } else {
                        m.get("case-in", &[("name", (&m.quote(scope)).into())])
                    };
                    out.push_str(&sp(place));
                }
                if !attributes.is_empty() {
                    let words: Vec<String> = attributes
                        .iter()
                        .map(|a| {
                            let id = format!("attribute-{a}");
                            if m.has(&id) {
                                m.word(&id)
                            } else {
                                a.to_string()
                            }
                        })
                        .collect();
                    out.push_str(&sp(m.get(
                        "condition-attributes",
                        &[("words", (&m.and(&words)).into())],
                    )));
                }
                out
            }
        }
    }

    fn duration(&self) -> Vec<Raw> {
        let (m, t) = (self.m, self.treaty);
        let mut out = Vec::new();
        if let Some(term) = &t.duration {
            let text = match &term.value {
                Term::Indefinite => m.word("duration-indefinite"),
                Term::NotStated => m.word("duration-not-stated"),
                Term::Fixed { period } => {
                    m.get("duration-fixed", &[("period", (&m.period(*period)).into())])
                }
                Term::Until { event } => {
                    m.get("duration-until", &[("event", (&self.event(event)).into())])
                }
            };
            out.push((text, term.span, None));
        }
        if let Some(renewal) = &t.renewal {
            let every = renewal
                .value
                .every
                .map(|p| m.get("piece-every", &[("period", (&m.period(p)).into())]))
                .unwrap_or_default();
            let id = format!("renewal-{}", renewal.value.mode.word());
            out.push((
                m.get(&id, &[("every", (&sp(every)).into())]),
                renewal.span,
                None,
            ));
        }
        for void in &t.voids {
            let condition = self.condition(&void.value);
            out.push((
                m.get("void-if", &[("condition", (&condition).into())]),
                void.span,
                None,
            ));
        }
        for s in &t.suspensions {
            let givers = self.who(&s.givers, Case::Of).text;
            let receivers = self.who(&s.receivers, Case::Plain).text;
            let until = s
                .until
                .map(|d| m.get("piece-until-date", &[("date", (&m.date(d)).into())]))
                .unwrap_or_default();
            out.push((
                m.get(
                    "suspension",
                    &[
                        ("givers", (&givers).into()),
                        ("receivers", (&receivers).into()),
                        ("from", (&m.date(s.from)).into()),
                        ("until", (&sp(until)).into()),
                    ],
                ),
                s.span,
                s.source.as_ref().map(|x| x.to_string()),
            ));
        }
        if let Some(terminated) = &t.terminated {
            out.push((
                m.get(
                    "terminated-on",
                    &[("date", (&m.date(terminated.value)).into())],
                ),
                terminated.span,
                None,
            ));
        }
        out
    }

    fn review(&self) -> Vec<Raw> {
        let m = self.m;
        self.treaty
            .reviews
            .iter()
            .map(|r| {
                let text = match &r.value {
                    Review::Within { period } => {
                        m.get("review-within", &[("period", (&m.period(*period)).into())])
                    }
                    Review::After { period } => {
                        m.get("review-after", &[("period", (&m.period(*period)).into())])
                    }
                    Review::Every { period } => {
                        m.get("review-every", &[("period", (&m.period(*period)).into())])
                    }
                    Review::On { event } => {
                        m.get("review-on", &[("event", (&self.event(event)).into())])
                    }
                };
                (text, r.span, None)
            })
            .collect()
    }

    fn withdrawal(&self) -> Vec<Raw> {
        let m = self.m;
        let Some(w) = &self.treaty.withdrawal else {
            return Vec::new();
        };
        let text = match &w.value {
            Withdrawal::Notice { notice, not_before } => {
                let not_before = not_before
                    .map(|p| m.get("piece-not-before", &[("period", (&m.period(p)).into())]))
                    .unwrap_or_default();
                m.get(
                    "withdrawal-notice",
                    &[
                        ("notice", (&m.period(*notice)).into()),
                        ("not-before", (&not_before).into()),
                    ],
                )
            }
            Withdrawal::AnyTime => m.word("withdrawal-any-time"),
            Withdrawal::NoExit => m.word("withdrawal-none"),
        };
        vec![(text, w.span, None)]
    }

    fn entry_into_force(&self) -> Vec<Raw> {
        let (m, t) = (self.m, self.treaty);
        let mut out = Vec::new();
        let dated = |id: &str, date| m.get(id, &[("date", (&m.date(date)).into())]);
        if let Some(proposed) = &t.proposed {
            out.push((dated("proposed-on", proposed.value), proposed.span, None));
        }
        if let Some(signed) = &t.signed {
            out.push((dated("signed-on", signed.value), signed.span, None));
        }
        if let Some(ratification) = &t.ratification {
            let date = ratification
                .value
                .date
                .map(|d| m.get("piece-on-date", &[("date", (&m.date(d)).into())]))
                .unwrap_or_default();
            let id = format!("ratification-{}", ratification.value.state.word());
            out.push((
                m.get(&id, &[("date", (&sp(date)).into())]),
                ratification.span,
                None,
            ));
        }
        if let Some(effective) = &t.effective {
            out.push((dated("effective-on", effective.value), effective.span, None));
        }
        if let Some(activation) = &t.activation {
            let event = self.event(&activation.value);
            out.push((
                m.get("activation", &[("event", (&event).into())]),
                activation.span,
                None,
            ));
        }
        if let Some(status) = &t.status {
            out.push((m.vocab("status", status.value.word()), status.span, None));
        }
        out
    }
}

/// Every article of the treaty, in treaty order; empty ones are dropped by the caller.
pub fn articles(cx: &Cx) -> Vec<RawArticle> {
    let t = cx.treaty;
    let standing = |kind: ArticleKind| {
        let mut out = Vec::new();
        for o in t.obligations.iter().filter(|o| article_of(o) == kind) {
            cx.obligation_sentences(o, &mut out);
        }
        out
    };
    let mut articles = vec![
        cx.article(ArticleKind::Purpose, cx.purpose()),
        cx.article(ArticleKind::Standing, standing(ArticleKind::Standing)),
        cx.article(
            ArticleKind::Consultation,
            standing(ArticleKind::Consultation),
        ),
    ];
    articles.extend(t.triggers.iter().map(|trigger| cx.trigger(trigger)));
    articles.push(cx.article(ArticleKind::Forces, standing(ArticleKind::Forces)));
    articles.push(cx.article(
        ArticleKind::Institutions,
        standing(ArticleKind::Institutions),
    ));
    articles.push(cx.article(ArticleKind::Duration, cx.duration()));
    articles.push(cx.article(ArticleKind::Review, cx.review()));
    articles.push(cx.article(ArticleKind::Withdrawal, cx.withdrawal()));
    articles.push(cx.article(ArticleKind::EntryIntoForce, cx.entry_into_force()));
    articles
}
