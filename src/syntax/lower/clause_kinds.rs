//! Each clause rule's parts lowered to its typed [`ClauseKind`], words kept as
//! written. Where a new clause enters the syntax tree. It must not check vocabulary or
//! parties (the model does) nor report anything but what fails to lower.

use super::values::{body, event, flow, kind, party_list, period, place_of, size, timing, words};
use super::*;

impl Lowerer<'_> {
    pub(super) fn clause_kind(&self, rule: Rule, parts: Vec<Node<'_>>) -> Option<ClauseKind> {
        let mut parts = parts.into_iter();
        let kind = match rule {
            Rule::title_field => ClauseKind::Title(string(&parts.next()?)),
            Rule::signed_field => ClauseKind::Signed(word(&parts.next()?)),
            Rule::effective_field => ClauseKind::Effective(word(&parts.next()?)),
            Rule::form_field => ClauseKind::Form(word(&parts.next()?)),
            Rule::status_field => ClauseKind::Status(word(&parts.next()?)),
            Rule::binding_field => ClauseKind::Binding(word(&parts.next()?)),
            Rule::ratification_field => ClauseKind::Ratification {
                state: word(&parts.next()?),
                date: parts.next().map(|p| word(&p)),
            },
            Rule::duration_field => {
                let value = parts.next()?.into_inner().next()?;
                ClauseKind::Duration(match value.as_rule() {
                    Rule::kw_indefinite => DurationValue::Indefinite(span_of(&value)),
                    Rule::kw_not_stated => DurationValue::NotStated(span_of(&value)),
                    Rule::until_event => DurationValue::Until(event(value.into_inner().nth(1)?)?),
                    _ => DurationValue::Fixed(period(value)?),
                })
            }
            Rule::renewal_field => {
                let mode = word(&parts.next()?);
                let every = parts.find(|p| p.as_rule() == Rule::period).and_then(period);
                ClauseKind::Renewal { mode, every }
            }
            Rule::review_field => {
                let when = parts.next()?.into_inner().next()?;
                let rule = when.as_rule();
                let value = when.into_inner().nth(1)?;
                ClauseKind::Review(match rule {
                    Rule::review_within => ReviewWhen::Within(period(value)?),
                    Rule::review_after => ReviewWhen::After(period(value)?),
                    Rule::review_every => ReviewWhen::Every(period(value)?),
                    _ => ReviewWhen::On(event(value)?),
                })
            }
            Rule::withdrawal_field => {
                let terms = parts.next()?.into_inner().next()?;
                ClauseKind::Withdrawal(match terms.as_rule() {
                    Rule::withdrawal_notice => {
                        let mut periods =
                            terms.into_inner().filter(|p| p.as_rule() == Rule::period);
                        WithdrawalTerms::Notice {
                            notice: period(periods.next()?)?,
                            after: periods.next().and_then(period),
                        }
                    }
                    Rule::kw_any_time => WithdrawalTerms::AnyTime(span_of(&terms)),
                    _ => WithdrawalTerms::NoExit(span_of(&terms)),
                })
            }
            Rule::qualified_field => ClauseKind::QualifiedBy,
            Rule::party_decl => {
                let code = word(&parts.next()?);
                let mut name = None;
                let mut roles = Vec::new();
                let mut members = Vec::new();
                for p in parts {
                    match p.as_rule() {
                        Rule::string => name = Some(string(&p)),
                        Rule::roles => roles = p.into_inner().map(|r| word(&r)).collect(),
                        Rule::group_members => {
                            members = p
                                .into_inner()
                                .filter(|m| m.as_rule() == Rule::party_name)
                                .map(|m| word(&m))
                                .collect()
                        }
                        _ => {}
                    }
                }
                ClauseKind::Party {
                    code,
                    name,
                    roles,
                    members,
                }
            }
            Rule::members_decl => ClauseKind::Members(
                parts
                    .filter(|p| p.as_rule() == Rule::party_name)
                    .map(|p| word(&p))
                    .collect(),
            ),
            Rule::consult => {
                let parties = party_list(parts.next()?);
                let deadline = parts.next().and_then(|d| timing(d.into_inner().next()?));
                ClauseKind::Consult { parties, deadline }
            }
            Rule::provide => {
                let flow = flow(parts.next()?);
                let mut kinds = Vec::new();
                let mut amount = None;
                let mut from = None;
                let mut until = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::kinds => kinds = p.into_inner().map(kind).collect(),
                        Rule::amount => amount = Some(Box::new(self.amount(p))),
                        Rule::provide_from => from = p.into_inner().nth(1).map(|d| word(&d)),
                        Rule::provide_until => until = p.into_inner().nth(1).map(|d| word(&d)),
                        _ => {}
                    }
                }
                ClauseKind::Provide {
                    flow,
                    kinds,
                    amount,
                    from,
                    until,
                }
            }
            Rule::assist => {
                let verb = match parts.next()?.into_inner().next()?.as_rule() {
                    Rule::kw_defend => AssistVerb::Defend,
                    Rule::kw_act => AssistVerb::Act,
                    _ => AssistVerb::Assist,
                };
                let parties = parts.next()?.into_inner().next()?;
                let flow = if parties.as_rule() == Rule::flow {
                    flow(parties)
                } else {
                    Flow {
                        givers: party_list(parties),
                        receivers: None,
                    }
                };
                let mut means = Vec::new();
                let mut menu = false;
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::means => {
                            menu = p
                                .clone()
                                .into_inner()
                                .any(|m| m.as_rule() == Rule::may_include);
                            means = words(p)
                        }
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Assist {
                    verb,
                    flow,
                    means,
                    menu,
                    timing: timing_value,
                }
            }
            Rule::station => {
                let parties = party_list(parts.next()?);
                let mut place = None;
                let mut size_value = None;
                let mut tripwire = false;
                let mut permanent = false;
                for p in parts {
                    match p.as_rule() {
                        Rule::place => place = place_of(p),
                        Rule::size => size_value = Some(Box::new(size(p))),
                        Rule::station_flag => match p.into_inner().next().map(|f| f.as_rule()) {
                            Some(Rule::kw_tripwire) => tripwire = true,
                            _ => permanent = true,
                        },
                        _ => {}
                    }
                }
                ClauseKind::Station {
                    parties,
                    place: place?,
                    size: size_value,
                    tripwire,
                    permanent,
                }
            }
            Rule::deter => {
                let flow = flow(parts.next()?);
                let means = parts
                    .find(|p| p.as_rule() == Rule::word)
                    .map(|p| word(&p))?;
                ClauseKind::Deter { flow, means }
            }
            Rule::mission => {
                let kind = match parts.next()?.into_inner().next()?.as_rule() {
                    Rule::kw_peacekeeping => MissionKind::Peacekeeping,
                    _ => MissionKind::Monitor,
                };
                let parties = party_list(parts.next()?);
                let mut mandate = None;
                let mut place = None;
                let mut size_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::vocab => mandate = Some(word(&p)),
                        Rule::place => place = place_of(p),
                        Rule::size => size_value = Some(Box::new(size(p))),
                        _ => {}
                    }
                }
                ClauseKind::Mission {
                    kind,
                    parties,
                    mandate,
                    place,
                    size: size_value,
                }
            }
            Rule::refrain => {
                let parties = party_list(parts.next()?);
                let mut acts = Vec::new();
                let mut against = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => acts.push(word(&p)),
                        Rule::party_set => against = Some(party_list(p)),
                        _ => {}
                    }
                }
                ClauseKind::Refrain {
                    parties,
                    acts,
                    against,
                }
            }
            Rule::respect => {
                let parties = party_list(parts.next()?);
                let mut aspects = Vec::new();
                let mut of = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => aspects.push(word(&p)),
                        Rule::party_set => of = Some(party_list(p)),
                        _ => {}
                    }
                }
                ClauseKind::Respect {
                    parties,
                    aspects,
                    of: of?,
                }
            }
            Rule::seek => {
                let parties = party_list(parts.next()?);
                let what = word(&parts.next()?);
                let mut body_value = None;
                let mut for_ = None;
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::body => body_value = body(p),
                        Rule::party_set => for_ = Some(party_list(p)),
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Seek {
                    parties,
                    what,
                    body: body_value?,
                    for_,
                    timing: timing_value,
                }
            }
            Rule::report => {
                let mut parties = None;
                let mut body_value = None;
                let mut timing_value = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::party_set => parties = Some(party_list(p)),
                        Rule::body => body_value = body(p),
                        Rule::timing => timing_value = p.into_inner().next().and_then(timing),
                        _ => {}
                    }
                }
                ClauseKind::Report {
                    parties,
                    body: body_value?,
                    timing: timing_value,
                }
            }
            Rule::establish => {
                let institution = word(&parts.next()?);
                let name = parts.next().map(|p| string(&p));
                ClauseKind::Establish { institution, name }
            }
            Rule::prohibit => {
                let mut what = Vec::new();
                let mut of = None;
                let mut place = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => what.push(word(&p)),
                        Rule::prohibit_of => {
                            of = p.into_inner().find_map(|o| match o.as_rule() {
                                Rule::string => Some(ForcesOf::Described(string(&o))),
                                Rule::party_set => Some(ForcesOf::Parties(party_list(o))),
                                _ => None,
                            })
                        }
                        Rule::place => place = place_of(p),
                        _ => {}
                    }
                }
                ClauseKind::Prohibit { what, of, place }
            }
            Rule::indivisible => ClauseKind::Indivisible(parts.next().map(|g| word(&g))),
            Rule::limit => {
                let parties = party_list(parts.next()?);
                let mut what = Vec::new();
                let mut size_value = None;
                let mut place = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::word => what.push(word(&p)),
                        Rule::size => size_value = Some(Box::new(size(p))),
                        Rule::place => place = place_of(p),
                        _ => {}
                    }
                }
                ClauseKind::Limit {
                    parties,
                    what,
                    size: size_value,
                    place,
                }
            }
            Rule::incorporate => {
                let mut mirror = false;
                let mut name = None;
                let mut from = None;
                for p in parts {
                    match p.as_rule() {
                        Rule::kw_mirror => mirror = true,
                        Rule::treaty_ref => name = Some(word(&p)),
                        Rule::string => from = Some(string(&p)),
                        _ => {}
                    }
                }
                ClauseKind::Incorporate {
                    mirror,
                    name: name?,
                    from,
                }
            }
            Rule::in_addition_field => {
                let target = parts.next()?;
                ClauseKind::InAdditionTo(match target.as_rule() {
                    Rule::string => Reference::Described(string(&target)),
                    _ => Reference::Treaty(word(&target)),
                })
            }
            Rule::foresees_field => {
                let form = word(&parts.next()?);
                let ratification = parts
                    .find(|p| p.as_rule() == Rule::foresees_ratification)
                    .and_then(|p| p.into_inner().find(|w| w.as_rule() == Rule::vocab))
                    .map(|w| word(&w));
                ClauseKind::Foresees { form, ratification }
            }
            _ => return super::time::clause_kind(rule, parts.collect()),
        };
        Some(kind)
    }
}
