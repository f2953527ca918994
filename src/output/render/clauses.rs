//! One obligation as sentences: the clause itself ("The United Kingdom shall provide
//! training to Ukraine."), then what conditions it (from when, who decides, whose text
//! it is). Every duty of the model has its message here: the match has no catch-all,
//! so a new duty does not compile until it renders.

use super::messages::{capitalise, Arg, Messages};
use super::parties::{self, Case, Who};
use crate::model::vocab::QualifierKind;
use crate::model::{
    Amount, Applies, Assistance, Body, Deadline, Decider, Decision, Duty, Event, ForcesOf,
    MissionKind, Obligation, Qualifier, Size, Treaty,
};

/// What the sentences of one treaty are built with.
pub struct Cx<'a> {
    pub m: &'a Messages,
    pub treaty: &'a Treaty,
}

/// `" text"`, or nothing for no text: the optional pieces of a sentence.
pub fn sp(text: String) -> String {
    if text.is_empty() {
        text
    } else {
        format!(" {text}")
    }
}

impl Cx<'_> {
    pub fn who(&self, refs: &[crate::model::PartyRef], case: Case) -> Who {
        parties::parties(self.m, self.treaty, refs, case)
    }

    pub fn deadline(&self, deadline: &Deadline) -> String {
        match deadline {
            Deadline::Forthwith => self.m.word("deadline-forthwith"),
            Deadline::Immediately => self.m.word("deadline-immediately"),
            Deadline::AfterConsultation => self.m.word("deadline-after-consultation"),
            Deadline::Within { period } => {
                let period = self.m.period(*period);
                self.m
                    .get("deadline-within", &[("period", (&period).into())])
            }
        }
    }

    fn timing(&self, deadline: Option<&Deadline>) -> String {
        sp(deadline.map(|d| self.deadline(d)).unwrap_or_default())
    }

    pub fn event(&self, event: &Event) -> String {
        match event {
            Event::Described { text } => self.m.quote(text),
            Event::Named { name, parties } => {
                let names: Vec<String> = parties
                    .iter()
                    .map(|code| parties::party_name(self.m, self.treaty, code, Case::Plain).text)
                    .collect();
                let who = self.m.and(&names);
                let of: Vec<String> = parties
                    .iter()
                    .map(|code| parties::party_name(self.m, self.treaty, code, Case::Of).text)
                    .collect();
                let of = self.m.and(&of);
                let id = format!("event-{name}");
                if self.m.has(&id) {
                    return self.m.get(
                        &id,
                        &[("parties", (&who).into()), ("parties-of", (&of).into())],
                    );
                }
                let words = name.replace(['-', '_'], " ");
                let quoted = self.m.quote(&words);
                let mut out = self.m.get("event-other", &[("name", (&quoted).into())]);
                if !names.is_empty() {
                    out.push_str(&sp(self
                        .m
                        .get("event-parties", &[("parties", (&who).into())])));
                }
                out
            }
        }
    }

    pub fn applies(&self, applies: &Applies) -> String {
        match applies {
            Applies::Date { date } => {
                let date = self.m.date(*date);
                self.m.get("applies-from-date", &[("date", (&date).into())])
            }
            Applies::Event { event } => {
                let event = self.event(event);
                self.m
                    .get("applies-from-event", &[("event", (&event).into())])
            }
        }
    }

    pub fn decision(&self, decision: &Decision) -> String {
        let by = match &decision.by {
            Decider::Parties { parties } => self.who(parties, Case::Plain).text,
            Decider::Body { name } => self.m.quote(name),
        };
        let vote = decision
            .vote
            .map(|v| self.m.vocab("vote", v.word()))
            .unwrap_or_default();
        let consultation = match &decision.consultation {
            None => String::new(),
            Some(with) if with.is_empty() => self.m.word("decision-after-consultation"),
            Some(with) => {
                let with = self.who(with, Case::Plain).text;
                self.m.get(
                    "decision-after-consultation-with",
                    &[("with", (&with).into())],
                )
            }
        };
        self.m.get(
            "decision",
            &[
                ("by", (&by).into()),
                ("vote", (&sp(vote)).into()),
                ("consultation", (&sp(consultation)).into()),
            ],
        )
    }

    /// Each qualifier as the words it stands for, its recorded wording after it.
    pub fn qualifier_phrases(
        &self,
        qualifiers: &[Qualifier],
        n: u64,
        skip: &[QualifierKind],
    ) -> Vec<String> {
        qualifiers
            .iter()
            .filter(|q| !skip.contains(&q.kind))
            .map(|q| {
                let phrase = self
                    .m
                    .get(&format!("q-{}", q.kind.word()), &[("n", n.into())]);
                match &q.argument {
                    Some(argument) => {
                        let quoted = self.m.quote(argument);
                        self.m.get(
                            "q-with-wording",
                            &[("phrase", (&phrase).into()), ("wording", (&quoted).into())],
                        )
                    }
                    None => phrase,
                }
            })
            .collect()
    }

    /// `, in accordance with their respective legal requirements`: the qualifiers
    /// after a clause.
    pub fn qualifiers(&self, qualifiers: &[Qualifier], n: u64, skip: &[QualifierKind]) -> String {
        let separator = self.m.word("q-separator");
        self.qualifier_phrases(qualifiers, n, skip)
            .into_iter()
            .map(|p| format!("{separator}{p}"))
            .collect()
    }

    fn body(&self, body: &Body, case: Case) -> String {
        match body {
            Body::UnSecurityCouncil => {
                let key = match case {
                    Case::To => "to",
                    Case::Of => "of",
                    _ => "",
                };
                self.m
                    .attribute("body-un-security-council", key, &[])
                    .unwrap_or_else(|| self.m.word("body-un-security-council"))
            }
            Body::Other { name } => {
                let quoted = self.m.quote(name);
                match case {
                    Case::Plain => quoted,
                    _ => self.m.get("case-to", &[("name", (&quoted).into())]),
                }
            }
        }
    }

    pub fn assistance(&self, items: &[Assistance]) -> String {
        let texts: Vec<String> = items
            .iter()
            .map(|a| {
                let kind = self.m.vocab("assistance", a.kind.word());
                if a.details.is_empty() {
                    kind
                } else {
                    let details: Vec<String> = a
                        .details
                        .iter()
                        .map(|d| self.m.vocab("assistance", d.word()))
                        .collect();
                    let details = self.m.and(&details);
                    self.m.get(
                        "assistance-with-details",
                        &[("kind", (&kind).into()), ("details", (&details).into())],
                    )
                }
            })
            .collect();
        self.m.and(&texts)
    }

    fn amount(&self, amount: &Amount) -> String {
        let (value, scale) = [(1e9, "billion"), (1e6, "million"), (1e3, "thousand")]
            .iter()
            .find(|(unit, _)| amount.value >= *unit)
            .map(|(unit, word)| (amount.value / unit, *word))
            .unwrap_or((amount.value, ""));
        let number = if value.fract() == 0.0 {
            format!("{value:.0}")
        } else {
            format!("{value:.3}")
                .trim_end_matches('0')
                .replace('.', &self.m.word("decimal-separator"))
        };
        let scale = if scale.is_empty() {
            String::new()
        } else {
            self.m.word(&format!("scale-{scale}"))
        };
        let per = amount
            .per
            .as_ref()
            .map(|p| {
                let unit = self.unit(p);
                self.m.get("amount-per", &[("unit", (&unit).into())])
            })
            .unwrap_or_default();
        self.m.get(
            "amount",
            &[
                ("currency", amount.currency.as_str().into()),
                ("number", (&number).into()),
                ("scale", (&sp(scale)).into()),
                ("per", (&sp(per)).into()),
            ],
        )
    }

    /// A unit word from the file (`troops`, `year`), translated where the language
    /// file knows it.
    fn unit(&self, word: &str) -> String {
        let id = format!("unit-{word}");
        if self.m.has(&id) {
            self.m.word(&id)
        } else {
            word.to_string()
        }
    }

    pub fn size(&self, size: &Size) -> String {
        let unit = self.unit(&size.unit);
        let low = self.m.number(size.low);
        match size.high {
            Some(high) => {
                let high = self.m.number(high);
                self.m.get(
                    "size-range",
                    &[
                        ("low", (&low).into()),
                        ("high", (&high).into()),
                        ("unit", (&unit).into()),
                    ],
                )
            }
            None => self.m.get(
                "size-one",
                &[("low", (&low).into()), ("unit", (&unit).into())],
            ),
        }
    }

    /// ` for Ukraine`, or nothing.
    fn for_piece(&self, receivers: &[crate::model::PartyRef]) -> String {
        if receivers.is_empty() {
            return String::new();
        }
        let whom = self.who(receivers, Case::Plain).text;
        sp(self.m.get("piece-for", &[("whom", (&whom).into())]))
    }

    fn place(&self, place: &crate::model::Place) -> String {
        parties::place(self.m, self.treaty, place)
    }

    fn vocab_list<T: Copy>(
        &self,
        prefix: &str,
        items: &[T],
        word: fn(T) -> &'static str,
    ) -> String {
        let texts: Vec<String> = items
            .iter()
            .map(|i| self.m.vocab(prefix, word(*i)))
            .collect();
        self.m.and(&texts)
    }

    /// The clause itself, then its conditions, each a sentence.
    pub fn obligation(&self, o: &Obligation) -> Vec<String> {
        let mut out = vec![capitalise(&self.clause(o))];
        if let Some(from) = &o.from {
            out.push(self.applies(from));
        }
        if let Some(decision) = &o.decision {
            out.push(self.decision(decision));
        }
        if let Some(name) = &o.by_reference {
            let name = self.m.quote(name);
            out.push(self.m.get("by-reference", &[("name", (&name).into())]));
        }
        out
    }

    /// The clause's sentence, without its first letter capitalised (a trigger puts
    /// "In the event of ..." before it).
    pub fn clause(&self, o: &Obligation) -> String {
        let m = self.m;
        let givers = self.who(&o.givers, Case::Plain);
        let n = givers.n();
        // A right reads "may", an aim "intend to"; their qualifiers are then in the verb.
        let (modal, in_verb) = if o.has(QualifierKind::ReserveRight) {
            ("modal-may", vec![QualifierKind::ReserveRight])
        } else if o.has(QualifierKind::Aspirational) {
            ("modal-intend", vec![QualifierKind::Aspirational])
        } else {
            ("modal-shall", Vec::new())
        };
        let modal = m.get(modal, &[("n", n.into())]);
        let quals = self.qualifiers(&o.qualifiers, n, &in_verb);
        let to = |case| {
            sp(if o.receivers.is_empty() {
                String::new()
            } else {
                self.who(&o.receivers, case).text
            })
        };
        let mut args: Vec<(&str, String)> = vec![
            ("givers", givers.text.clone()),
            ("modal", modal),
            ("quals", quals),
        ];
        let id: String = match &o.duty {
            Duty::Consult { deadline } => {
                args.push(("with", to(Case::Plain)));
                args.push(("timing", self.timing(deadline.as_ref())));
                "ob-consult".into()
            }
            Duty::Provide {
                assistance,
                amount,
                from,
                until,
            } => {
                args.push(("what", self.assistance(assistance)));
                args.push(("to", to(Case::To)));
                args.push((
                    "amount",
                    sp(amount.as_ref().map(|a| self.amount(a)).unwrap_or_default()),
                ));
                let date = |id: &str, d: Option<&crate::model::Date>| {
                    sp(d.map(|d| m.get(id, &[("date", (&m.date(*d)).into())]))
                        .unwrap_or_default())
                };
                args.push(("from", date("piece-from-date", from.as_ref())));
                args.push(("until", date("piece-until-date", until.as_ref())));
                "ob-provide".into()
            }
            Duty::Assist {
                verb: _,
                means,
                menu,
                timing,
            } => {
                let means_text = self.vocab_list("means", means, |x| x.word());
                let means = if means.is_empty() {
                    String::new()
                } else if *menu {
                    m.get("piece-means-menu", &[("means", (&means_text).into())])
                } else {
                    m.get("piece-means", &[("means", (&means_text).into())])
                };
                args.push(("means", sp(means)));
                args.push(("whom", to(Case::Plain)));
                args.push(("for", self.for_piece(&o.receivers)));
                args.push(("timing", self.timing(timing.as_ref())));
                format!("ob-{}", o.keyword())
            }
            Duty::Station {
                place,
                size,
                tripwire,
                permanent,
            } => {
                args.push(("place", self.place(place)));
                args.push((
                    "size",
                    sp(size
                        .as_ref()
                        .map(|s| m.get("piece-size", &[("size", (&self.size(s)).into())]))
                        .unwrap_or_default()),
                ));
                let mut flags = String::new();
                if *tripwire {
                    flags.push_str(&m.word("piece-tripwire"));
                }
                if *permanent {
                    flags.push_str(&m.word("piece-permanent"));
                }
                args.push(("flags", flags));
                "ob-station".into()
            }
            Duty::Deter { means } => {
                args.push(("means", m.vocab("deterrent", means.word())));
                args.push(("to", to(Case::To)));
                "ob-deter".into()
            }
            Duty::Mission {
                mission,
                mandate,
                place,
                size,
            } => {
                args.push((
                    "place",
                    sp(place.as_ref().map(|p| self.place(p)).unwrap_or_default()),
                ));
                args.push((
                    "size",
                    sp(size
                        .as_ref()
                        .map(|s| m.get("piece-size", &[("size", (&self.size(s)).into())]))
                        .unwrap_or_default()),
                ));
                args.push(("mandate", m.vocab("mandate", mandate.word())));
                match mission {
                    MissionKind::Peacekeeping => "ob-peacekeeping".into(),
                    MissionKind::Monitor => "ob-monitor".into(),
                }
            }
            Duty::Refrain { acts } => {
                args.push(("acts", self.vocab_list("refrain", acts, |x| x.word())));
                let against = if o.receivers.is_empty() {
                    String::new()
                } else {
                    let whom = self.who(&o.receivers, Case::Plain).text;
                    m.get("piece-against", &[("whom", (&whom).into())])
                };
                args.push(("against", sp(against)));
                "ob-refrain".into()
            }
            Duty::Respect { aspects } => {
                args.push(("aspects", self.vocab_list("respect", aspects, |x| x.word())));
                args.push(("of", to(Case::Of)));
                "ob-respect".into()
            }
            Duty::Seek { what, body, timing } => {
                args.push(("what", m.quote(what)));
                args.push(("body", self.body(body, Case::Plain)));
                args.push(("body-to", self.body(body, Case::To)));
                args.push(("for", self.for_piece(&o.receivers)));
                args.push(("timing", self.timing(timing.as_ref())));
                "ob-seek".into()
            }
            Duty::Report { body, timing } => {
                args.push(("body", self.body(body, Case::Plain)));
                args.push(("body-to", self.body(body, Case::To)));
                args.push(("timing", self.timing(timing.as_ref())));
                if o.givers.is_empty() {
                    "ob-report-passive".into()
                } else {
                    "ob-report".into()
                }
            }
            Duty::Establish { institution, name } => {
                args.push(("institution", m.vocab("institution", institution.word())));
                let name = name
                    .as_ref()
                    .map(|n| m.get("piece-named", &[("name", (&m.quote(n)).into())]))
                    .unwrap_or_default();
                args.push(("name", name));
                "ob-establish".into()
            }
            Duty::Prohibit { what, of, place } => {
                args.push(("what", self.vocab_list("prohibited", what, |x| x.word())));
                let of = match of {
                    None => String::new(),
                    Some(ForcesOf::Parties { parties }) => {
                        let whose = self.who(parties, Case::Of).text;
                        m.get("piece-forces-of", &[("whose", (&whose).into())])
                    }
                    Some(ForcesOf::Described { text }) => {
                        let whose = m.get("case-of", &[("name", (&m.quote(text)).into())]);
                        m.get("piece-forces-of", &[("whose", (&whose).into())])
                    }
                };
                args.push(("of", of));
                args.push((
                    "in",
                    sp(place.as_ref().map(|p| self.place(p)).unwrap_or_default()),
                ));
                "ob-prohibit".into()
            }
            Duty::Indivisible { grade } => format!("ob-indivisible-{}", grade.word()),
            Duty::Reinstate {
                measures,
                against,
                automatically,
                on,
            } => {
                args.push(("measures", self.assistance(measures)));
                let against = if against.is_empty() {
                    String::new()
                } else {
                    let whom = self.who(against, Case::Plain).text;
                    m.get("piece-against", &[("whom", (&whom).into())])
                };
                args.push(("against", sp(against)));
                args.push((
                    "automatically",
                    if *automatically {
                        sp(m.word("piece-automatically"))
                    } else {
                        String::new()
                    },
                ));
                args.push((
                    "on",
                    sp(on
                        .as_ref()
                        .map(|e| m.get("piece-on-event", &[("event", (&self.event(e)).into())]))
                        .unwrap_or_default()),
                ));
                let by = if o.givers.is_empty() {
                    String::new()
                } else {
                    m.get("piece-by", &[("who", (&givers.text).into())])
                };
                args.push(("by", sp(by)));
                "ob-reinstate".into()
            }
            Duty::Limit { what, size, place } => {
                let limits: Vec<String> = what
                    .iter()
                    .map(|kind| {
                        let size = size.as_ref().map(|s| self.size(s)).unwrap_or_default();
                        let place = place.as_ref().map(|p| self.place(p)).unwrap_or_default();
                        m.get(
                            &format!("limit-{}", kind.word()),
                            &[
                                ("size", (&size).into()),
                                ("place", (&sp(place)).into()),
                                ("sized", (if size.is_empty() { "no" } else { "yes" }).into()),
                            ],
                        )
                    })
                    .collect();
                args.push(("limits", m.and(&limits)));
                "ob-limit".into()
            }
        };
        let mut fluent: Vec<(&str, Arg)> = args.iter().map(|(k, v)| (*k, v.into())).collect();
        fluent.push(("n", n.into()));
        m.get(&id, &fluent)
    }
}
