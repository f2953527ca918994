//! Words and values: dates, numbers, periods, deadlines, sizes, amounts, places,
//! party references and qualifiers, each checked and normalised, with a diagnostic
//! for what cannot be read. They resolve one value; they must not add clauses to the
//! treaty (see `header` and `obligations`).

use super::*;

impl Resolver<'_> {
    pub(super) fn date(&mut self, word: &ast::Word) -> Option<Date> {
        match Date::parse(&word.value) {
            Ok(date) => Some(date),
            Err(message) => {
                self.diagnostics.push(
                    Diagnostic::error(codes::INVALID_DATE, message)
                        .with_label(word.span, "invalid date")
                        .with_help(match Date::nearest_valid(&word.value) {
                            Some((before, after)) => format!("did you mean {before} or {after}?"),
                            None => "write dates as YYYY-MM-DD, such as `2024-01-12`".to_string(),
                        }),
                );
                None
            }
        }
    }

    pub(super) fn number(&mut self, text: &ast::Spanned<Text>) -> Option<f64> {
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

    pub(super) fn whole(&mut self, text: &ast::Spanned<Text>) -> Option<u64> {
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

    pub(super) fn period(&mut self, period: &ast::Period) -> Option<Period> {
        let unit = match Unit::parse(&period.unit.value) {
            Some(unit) => unit,
            None => {
                vocab(
                    &period.unit,
                    Unit::parse,
                    Unit::WORDS.iter().copied(),
                    "unit of time",
                    self.diagnostics,
                    &mut self.unknown,
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

    pub(super) fn event(&mut self, event: &ast::Event) -> Event {
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

    pub(super) fn check_party(&mut self, code: &ast::Word) -> bool {
        if self.party_index.contains_key(&code.value) {
            return true;
        }
        if self.unreadable_parties.contains(&code.value) {
            self.unreadable_party_uses += 1;
            return false;
        }
        if let Some(declared) = self.party_suggester.look_alike(&code.value) {
            let declared = declared.to_string();
            self.diagnostics.push(look_alike_party(code, &declared));
            return false;
        }
        let suggestion = self.party_suggester.suggest(&code.value);
        let help = match suggestion {
            Some(suggestion) => crate::suggest::did_you_mean_text(&code.value, suggestion),
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

    pub(super) fn parties(&mut self, list: &ast::PartyList) -> Vec<PartyRef> {
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
                ast::PartyItem::Class { name, .. } => out.push(PartyRef::Class {
                    name: name.value.clone(),
                }),
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
        self.apply_except(list, out)
    }

    /// Assistance kinds with their bracketed details; unknown words are reported and
    /// left out (shared by `provide` and `reinstate`).
    pub(super) fn assistance_kinds(&mut self, kinds: &[ast::Kind]) -> Vec<Assistance> {
        kinds
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
            .collect()
    }

    /// A place as text: a party code (checked) or the quoted words.
    pub(super) fn place_text(&mut self, place: &ast::Place) -> Text {
        match place {
            ast::Place::Party(code) => {
                self.check_party(code);
                code.value.clone()
            }
            ast::Place::Described(text) => text.value.clone(),
        }
    }

    pub(super) fn place(&mut self, place: &ast::Place) -> Place {
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

    pub(super) fn deadline(&mut self, timing: &ast::Timing) -> Option<Deadline> {
        Some(match timing {
            ast::Timing::Forthwith(_) => Deadline::Forthwith,
            ast::Timing::Immediately(_) => Deadline::Immediately,
            ast::Timing::Within(period) => Deadline::Within {
                period: self.period(period)?,
            },
            ast::Timing::AfterConsultation(_) => Deadline::AfterConsultation,
        })
    }

    pub(super) fn size(&mut self, size: &ast::Size) -> Option<Size> {
        let low = self.whole(&size.low)?;
        let high = match &size.high {
            Some(high) => Some(self.whole(high)?),
            None => None,
        };
        // `size 4294967295 to 1 troops` is no range: refused rather than read as one
        // that every size is outside of.
        if let (Some(high), Some(high_text)) = (high, &size.high) {
            if high < low {
                self.diagnostics.push(
                    Diagnostic::error(
                        codes::INVALID_NUMBER,
                        format!(
                            "the size range `{} to {}` runs backwards",
                            size.low.value, high_text.value
                        ),
                    )
                    .with_label(
                        Span::new(size.low.span.start, high_text.span.end),
                        "the second number is smaller than the first",
                    )
                    .with_help(format!(
                        "write the smaller number first: `size {} to {} {}`",
                        high_text.value, size.low.value, size.unit.value
                    )),
                );
                return None;
            }
        }
        Some(Size {
            low,
            high,
            unit: size.unit.value.clone(),
        })
    }

    pub(super) fn body(&self, body: &ast::Body) -> Body {
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

    pub(super) fn qualifiers(&mut self, clause: &ast::Clause) -> Vec<Qualifier> {
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
}

impl Resolver<'_> {
    /// A period where a bad one has already been reported: fall back to zero so the
    /// clause is kept.
    pub(super) fn period_or_return(&mut self, period: &ast::Period) -> Period {
        self.period(period).unwrap_or(Period {
            value: 0,
            unit: Unit::Years,
        })
    }
}

impl Resolver<'_> {
    /// The largest amount accepted, in whole currency units (a trillion billion):
    /// larger ones, and those that overflow to infinity, are `E105`.
    pub(super) fn amount(&mut self, amount: &ast::Amount) -> Option<Amount> {
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

/// An unknown party that looks exactly like a declared one (`ЕЕ` in Cyrillic for a
/// declared Latin `EE`): said so, with the characters named, rather than an ordinary
/// did-you-mean that may point elsewhere.
fn look_alike_party(code: &ast::Word, declared: &str) -> Diagnostic {
    use crate::suggest::look_alike::explain;
    // Explain the letters that are not plain ASCII, wherever they are.
    let help = if code.value.is_ascii() {
        format!(
            "the declaration is written in other letters: {}; retype the declaration as `{}`, or this reference as `{declared}`",
            explain(declared, &code.value),
            code.value
        )
    } else {
        format!(
            "{}; retype it as `{declared}`",
            explain(&code.value, declared)
        )
    };
    Diagnostic::error(
        codes::UNKNOWN_PARTY,
        format!(
            "unknown party `{}`, a look-alike of `{declared}`",
            code.value
        ),
    )
    .with_label(code.span, format!("not `{declared}`: other characters"))
    .with_help(help)
    .with_suggestion(Some(declared))
}
