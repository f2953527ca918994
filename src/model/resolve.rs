//! From the syntax tree to the model: check vocabulary words (with did-you-mean),
//! resolve party codes, validate dates and normalise periods and amounts.
//! Problems become diagnostics; the clause concerned is then left out of the model
//! (or the bad word dropped) so the rules still run on the rest.

use super::*;
use crate::diagnostics::Diagnostic;
use crate::suggest::did_you_mean;
use crate::syntax::ast;

pub mod codes {
    //! Codes of the diagnostics this stage emits.
    pub const UNKNOWN_PARTY: &str = "E101";
    pub const DUPLICATE_PARTY: &str = "E102";
    pub const INVALID_DATE: &str = "E103";
    pub const UNKNOWN_WORD: &str = "E104";
    pub const INVALID_NUMBER: &str = "E105";
    pub const DUPLICATE_FIELD: &str = "E106";
    pub const MISSING_FIELD: &str = "E107";
    pub const DUPLICATE_TREATY: &str = "E108";
}

/// Resolve every treaty of a parsed file.
pub fn resolve(file: &ast::File) -> (Model, Vec<Diagnostic>) {
    let mut resolver = FileResolver::default();
    let treaties = file
        .treaties
        .iter()
        .filter_map(|treaty| resolver.add(treaty))
        .collect();
    (Model { treaties }, resolver.into_diagnostics())
}

/// Resolves a file's treaties one at a time, in file order, so that a caller can drop
/// each treaty's syntax tree, and even its model, once it is done with it (see
/// `syntax::parse_in_pieces` and `analysis::check`).
#[derive(Default)]
pub struct FileResolver {
    diagnostics: Vec<Diagnostic>,
    /// Header spans by name: a map, so a file with many treaties stays linear.
    seen: std::collections::HashMap<Text, Span>,
}

impl FileResolver {
    /// The treaty resolved, or `None` when it cannot be (no name) or its name was
    /// already taken in this file; a diagnostic says so.
    pub fn add(&mut self, treaty: &ast::Treaty) -> Option<Treaty> {
        let resolved = Resolver::new(&mut self.diagnostics).treaty(treaty)?;
        if let Some(first) = self.seen.get(&resolved.id) {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_TREATY,
                    format!("treaty `{}` is defined twice in this file", resolved.id),
                )
                .with_label(resolved.header_span, "defined again here")
                .with_label(*first, "first defined here")
                .with_help("give each treaty in a file its own name"),
            );
            return None;
        }
        self.seen.insert(resolved.id.clone(), resolved.header_span);
        Some(resolved)
    }

    /// The model diagnostics of every treaty added.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

/// Declared codes for a help text: the first ten, and how many more (a help that
/// listed 10,000 codes for each of 20,000 unknown references took gigabytes).
fn listed(codes: &[Text]) -> String {
    const SHOWN: usize = 10;
    let mut text = codes
        .iter()
        .take(SHOWN)
        .map(|c| format!("`{c}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if codes.len() > SHOWN {
        text.push_str(&format!(" and {} more", codes.len() - SHOWN));
    }
    text
}

struct Resolver<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// Declared party codes, in declaration order (for suggestions)...
    party_codes: Vec<Text>,
    /// ...indexed for did-you-mean (sub-linear past a few hundred parties)...
    party_suggester: crate::suggest::Suggester,
    /// ...and by code, to the party's index in the treaty (for lookups).
    party_index: std::collections::HashMap<Text, usize>,
    /// Header keywords met, valid or not: a `form` with a bad value is reported once,
    /// as a bad value, not again as missing.
    fields_seen: Vec<&'static str>,
}

fn vocab<T: Copy>(
    word: &ast::Word,
    parse: impl Fn(&str) -> Option<T>,
    words: impl Iterator<Item = &'static str>,
    what: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    if let Some(value) = parse(&word.value) {
        return Some(value);
    }
    let words: Vec<&'static str> = words.collect();
    let suggestion = did_you_mean(&word.value, words.iter().copied());
    let help = match suggestion {
        Some(suggestion) => format!("did you mean `{suggestion}`?"),
        None => format!(
            "a {what} is one of: {}",
            words
                .iter()
                .map(|w| format!("`{w}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    diagnostics.push(
        Diagnostic::error(
            codes::UNKNOWN_WORD,
            format!("unknown {what} `{}`", word.value),
        )
        .with_label(word.span, format!("not a {what}"))
        .with_help(help)
        .with_suggestion(suggestion),
    );
    None
}

macro_rules! word_of {
    ($self:ident, $ty:ty, $word:expr) => {
        vocab(
            $word,
            <$ty>::parse,
            <$ty>::words(),
            <$ty>::WHAT,
            $self.diagnostics,
        )
    };
}

impl<'d> Resolver<'d> {
    fn new(diagnostics: &'d mut Vec<Diagnostic>) -> Self {
        Resolver {
            diagnostics,
            party_codes: Vec::new(),
            party_suggester: crate::suggest::Suggester::new(),
            party_index: std::collections::HashMap::new(),
            fields_seen: Vec::new(),
        }
    }

    fn treaty(&mut self, treaty: &ast::Treaty) -> Option<Treaty> {
        let name = treaty.name.as_ref()?;
        let mut out = Treaty {
            id: name.value.clone(),
            header_span: treaty.header_span,
            title: None,
            signed: None,
            effective: None,
            form: None,
            status: None,
            binding_override: None,
            ratification: None,
            duration: None,
            renewal: None,
            reviews: Vec::new(),
            withdrawal: None,
            hedges: Vec::new(),
            hedges_span: None,
            parties: Vec::new(),
            obligations: Vec::new(),
            triggers: Vec::new(),
        };

        // Parties first, so references anywhere in the file resolve.
        for clause in &treaty.clauses {
            match &clause.kind {
                ast::ClauseKind::Party { code, name, roles } => {
                    let roles: Vec<Role> = roles
                        .iter()
                        .filter_map(|r| word_of!(self, Role, r))
                        .collect();
                    self.declare(
                        &mut out,
                        code,
                        name.as_ref().map(|n| n.value.clone()),
                        roles,
                        clause.span,
                    );
                }
                ast::ClauseKind::Members(codes) => {
                    for code in codes {
                        let existing = self.party_index.get(&code.value).copied();
                        if let Some(existing) = existing.map(|i| &mut out.parties[i]) {
                            if !existing.roles.contains(&Role::Member) {
                                existing.roles.push(Role::Member);
                            }
                        } else {
                            self.declare(&mut out, code, None, vec![Role::Member], code.span);
                        }
                    }
                }
                _ => {}
            }
        }

        for clause in &treaty.clauses {
            self.header_or_obligation(&mut out, clause);
        }

        for (field, present) in [
            ("form", self.fields_seen.contains(&"form")),
            ("status", self.fields_seen.contains(&"status")),
        ] {
            if !present {
                let example = if field == "form" {
                    "form treaty"
                } else {
                    "status signed"
                };
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::MISSING_FIELD,
                        format!("treaty `{}` has no `{field}` clause", out.id),
                    )
                    .with_label(out.header_span, format!("`{field}` is missing"))
                    .with_help(format!(
                        "add a `{field}` clause to the treaty block, such as `{example}`: the tier depends on it"
                    )),
                );
            }
        }
        Some(out)
    }

    fn declare(
        &mut self,
        out: &mut Treaty,
        code: &ast::Word,
        name: Option<Text>,
        roles: Vec<Role>,
        span: Span,
    ) {
        if let Some(first) = self.party_index.get(&code.value).map(|&i| &out.parties[i]) {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_PARTY,
                    format!("party `{}` is declared twice", code.value),
                )
                .with_label(code.span, "declared again here")
                .with_label(first.span, "first declared here")
                .with_help("declare each party once, with all its roles: `party RU \"Russian Federation\" guarantor, adversary`"),
            );
            return;
        }
        self.party_index
            .insert(code.value.clone(), out.parties.len());
        self.party_codes.push(code.value.clone());
        self.party_suggester.push(&code.value);
        out.parties.push(Party {
            code: code.value.clone(),
            name,
            roles,
            span,
        });
    }

    fn set_once<T>(&mut self, slot: &mut Option<At<T>>, value: T, clause: &ast::Clause) {
        if let Some(first) = slot {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::DUPLICATE_FIELD,
                    format!("`{}` is given twice", clause.kind.keyword()),
                )
                .with_label(clause.span, "given again here")
                .with_label(first.span, "first given here")
                .with_help("keep one of the two clauses"),
            );
            return;
        }
        *slot = Some(At::new(value, clause.span));
    }

    fn date(&mut self, word: &ast::Word) -> Option<Date> {
        match Date::parse(&word.value) {
            Ok(date) => Some(date),
            Err(message) => {
                self.diagnostics.push(
                    Diagnostic::error(codes::INVALID_DATE, message)
                        .with_label(word.span, "invalid date")
                        .with_help("write dates as YYYY-MM-DD, such as `2024-01-12`"),
                );
                None
            }
        }
    }

    fn number(&mut self, text: &ast::Spanned<Text>) -> Option<f64> {
        let cleaned: String = text
            .value
            .chars()
            .filter(|c| *c != '_' && *c != ',')
            .collect();
        match cleaned.parse::<f64>() {
            Ok(n) if n.is_finite() => Some(n),
            _ => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_NUMBER,
                        format!("`{}` is not a usable number", text.value),
                    )
                    .with_label(text.span, "invalid number"),
                );
                None
            }
        }
    }

    fn whole(&mut self, text: &ast::Spanned<Text>) -> Option<u64> {
        let cleaned: String = text
            .value
            .chars()
            .filter(|c| *c != '_' && *c != ',')
            .collect();
        match cleaned.parse::<u64>() {
            Ok(n) => Some(n),
            Err(_) => {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_NUMBER,
                        format!("`{}` is not a whole number (or is too large)", text.value),
                    )
                    .with_label(text.span, "expected a whole number"),
                );
                None
            }
        }
    }

    fn period(&mut self, period: &ast::Period) -> Option<Period> {
        let unit = match Unit::parse(&period.unit.value) {
            Some(unit) => unit,
            None => {
                vocab(
                    &period.unit,
                    Unit::parse,
                    Unit::WORDS.iter().copied(),
                    "unit of time",
                    self.diagnostics,
                );
                return None;
            }
        };
        let value = self.whole(&period.amount)?;
        let Ok(value) = u32::try_from(value) else {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_NUMBER,
                    format!("`{}` is too long a period", period.amount.value),
                )
                .with_label(period.span, "too large"),
            );
            return None;
        };
        let resolved = Period { value, unit };
        if !resolved.is_within_limit() {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_NUMBER,
                    format!(
                        "`{} {}` is too long a period: the longest accepted is {} years",
                        period.amount.value,
                        period.unit.value,
                        crate::model::time::MAX_PERIOD_YEARS
                    ),
                )
                .with_label(period.span, "too long")
                .with_help("for a treaty without an end, write `duration indefinite`"),
            );
            return None;
        }
        Some(resolved)
    }

    fn event(&mut self, event: &ast::Event) -> Event {
        match event {
            ast::Event::Named { name, parties, .. } => {
                for party in parties {
                    self.check_party(party);
                }
                Event::Named {
                    name: name.value.clone(),
                    parties: parties.iter().map(|p| p.value.clone()).collect(),
                }
            }
            ast::Event::Described(text) => Event::Described {
                text: text.value.clone(),
            },
        }
    }

    fn check_party(&mut self, code: &ast::Word) -> bool {
        if self.party_index.contains_key(&code.value) {
            return true;
        }
        let suggestion = self.party_suggester.suggest(&code.value);
        let help = match suggestion {
            Some(suggestion) => format!("did you mean `{suggestion}`?"),
            None if self.party_codes.is_empty() => {
                format!(
                    "declare it first: `party {} \"Full name\" guarantor`",
                    code.value
                )
            }
            None => format!(
                "declared parties: {}; or declare it: `party {} \"Full name\" guarantor`",
                listed(&self.party_codes),
                code.value
            ),
        };
        self.diagnostics.push(
            Diagnostic::error(
                codes::UNKNOWN_PARTY,
                format!("unknown party `{}`", code.value),
            )
            .with_label(code.span, "not declared in this treaty")
            .with_help(help)
            .with_suggestion(suggestion),
        );
        false
    }

    fn parties(&mut self, list: &ast::PartyList) -> Vec<PartyRef> {
        let mut out = Vec::new();
        for item in &list.items {
            match item {
                ast::PartyItem::Named(code) => {
                    if self.check_party(code) {
                        out.push(PartyRef::Party {
                            code: code.value.clone(),
                        });
                    }
                }
                ast::PartyItem::Attacked(_) => out.push(PartyRef::Attacked),
                ast::PartyItem::Quantified {
                    quantifier, group, ..
                } => {
                    let Some(group) = word_of!(self, Group, group) else {
                        continue;
                    };
                    out.push(match quantifier.value.as_str() {
                        "each" => PartyRef::Each { group },
                        "all" => PartyRef::All { group },
                        _ => PartyRef::Any { group },
                    });
                }
            }
        }
        out
    }

    fn place(&mut self, place: &ast::Place) -> Place {
        match place {
            ast::Place::Party(code) => {
                self.check_party(code);
                Place::Party {
                    code: code.value.clone(),
                }
            }
            ast::Place::Described(text) => Place::Described {
                text: text.value.clone(),
            },
        }
    }

    fn place_text(&mut self, place: &ast::Place) -> Text {
        match place {
            ast::Place::Party(code) => {
                self.check_party(code);
                code.value.clone()
            }
            ast::Place::Described(text) => text.value.clone(),
        }
    }

    fn deadline(&mut self, timing: &ast::Timing) -> Option<Deadline> {
        Some(match timing {
            ast::Timing::Forthwith(_) => Deadline::Forthwith,
            ast::Timing::Immediately(_) => Deadline::Immediately,
            ast::Timing::Within(period) => Deadline::Within {
                period: self.period(period)?,
            },
            ast::Timing::AfterConsultation(_) => Deadline::AfterConsultation,
        })
    }

    fn size(&mut self, size: &ast::Size) -> Option<Size> {
        Some(Size {
            low: self.whole(&size.low)?,
            high: match &size.high {
                Some(high) => Some(self.whole(high)?),
                None => None,
            },
            unit: size.unit.value.clone(),
        })
    }

    fn body(&self, body: &ast::Body) -> Body {
        let text = match body {
            ast::Body::Named(w) => w.value.as_str(),
            ast::Body::Described(s) => s.value.as_str(),
        };
        let lower = text.to_lowercase();
        if lower == "un-security-council" || lower == "unsc" || lower.contains("security council") {
            Body::UnSecurityCouncil
        } else {
            Body::Other {
                name: Text::from(text),
            }
        }
    }

    fn qualifiers(&mut self, clause: &ast::Clause) -> Vec<Qualifier> {
        clause
            .qualifiers
            .iter()
            .filter_map(|q| {
                let kind = word_of!(self, QualifierKind, &q.name)?;
                Some(Qualifier {
                    kind,
                    argument: q.argument.as_ref().map(|a| a.value.clone()),
                    span: q.span,
                })
            })
            .collect()
    }

    fn header_or_obligation(&mut self, out: &mut Treaty, clause: &ast::Clause) {
        use ast::ClauseKind as K;
        self.fields_seen.push(clause.kind.keyword());
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
            K::Trigger { spec, clauses, .. } => {
                let Some(spec) = spec else { return };
                let trigger = self.trigger(spec, clause, clauses);
                out.triggers.push(trigger);
            }
            _ => {
                if let Some(obligation) = self.obligation(clause) {
                    out.obligations.push(obligation);
                }
            }
        }
    }

    /// A period where a bad one has already been reported: fall back to zero so the
    /// clause is kept.
    fn period_or_return(&mut self, period: &ast::Period) -> Period {
        self.period(period).unwrap_or(Period {
            value: 0,
            unit: Unit::Years,
        })
    }

    fn trigger(
        &mut self,
        spec: &ast::TriggerSpec,
        clause: &ast::Clause,
        clauses: &[ast::Clause],
    ) -> Trigger {
        let kinds = spec
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
        let scope = spec.scope.as_ref().map(|p| self.place_text(p));
        let excluding = spec.excluding.as_ref().map(|p| self.place_text(p));
        let qualifiers = self.qualifiers(clause);
        let obligations = clauses.iter().filter_map(|c| self.obligation(c)).collect();
        Trigger {
            kinds,
            aspects,
            by,
            against,
            scope,
            excluding,
            qualifiers,
            source: clause.source.as_ref().map(|s| s.value.clone()),
            obligations,
            span: clause.span,
        }
    }

    fn flow(&mut self, flow: &ast::Flow) -> (Vec<PartyRef>, Vec<PartyRef>) {
        let givers = self.parties(&flow.givers);
        let receivers = flow
            .receivers
            .as_ref()
            .map(|r| self.parties(r))
            .unwrap_or_default();
        (givers, receivers)
    }

    fn obligation(&mut self, clause: &ast::Clause) -> Option<Obligation> {
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
                let assistance = kinds
                    .iter()
                    .filter_map(|k| {
                        let kind = word_of!(self, AssistanceKind, &k.name)?;
                        let details = k
                            .details
                            .iter()
                            .filter_map(|d| word_of!(self, AssistanceKind, d))
                            .collect();
                        Some(Assistance { kind, details })
                    })
                    .collect::<Vec<_>>();
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
            K::Prohibit { what, place } => Duty::Prohibit {
                what: what
                    .iter()
                    .filter_map(|w| word_of!(self, Prohibited, w))
                    .collect(),
                place: place.as_ref().map(|p| self.place(p)),
            },
            K::Indivisible => Duty::Indivisible,
            _ => return None,
        };
        Some(Obligation {
            duty,
            givers,
            receivers,
            qualifiers: self.qualifiers(clause),
            source: clause.source.as_ref().map(|s| s.value.clone()),
            span: clause.span,
        })
    }

    /// The largest amount accepted, in whole currency units (a trillion billion):
    /// larger ones, and those that overflow to infinity, are `E105`.
    fn amount(&mut self, amount: &ast::Amount) -> Option<Amount> {
        const MAX_AMOUNT: f64 = 1e21;
        let base = self.number(&amount.number)?;
        let factor = match amount.magnitude.as_ref().map(|m| m.value.as_str()) {
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            _ => 1.0,
        };
        let value = base * factor;
        if !(value.is_finite() && value <= MAX_AMOUNT) {
            self.diagnostics.push(
                Diagnostic::error(
                    codes::INVALID_NUMBER,
                    format!("`{}` is too large an amount", amount.number.value),
                )
                .with_label(amount.number.span, "too large"),
            );
            return None;
        }
        Some(Amount {
            currency: amount.currency.value.clone(),
            value,
            per: amount.per.as_ref().map(|p| p.value.clone()),
        })
    }
}
