//! The semantic model: a treaty with its vocabulary checked, its party references
//! resolved, its dates validated and its periods normalised. Serialisable with serde,
//! and the only thing the rules (tier, gaps, lints) and the scenario engine look at.
//!
//! Every element keeps the byte span of the clause it came from, so a rule can point
//! at the clause concerned. The model must not judge a treaty (tier, gaps and lints
//! are the rules' job), only say what it says.

pub mod conditions;
pub mod describe;
pub mod party_index;
pub mod references;
mod resolve;
pub mod scope;
pub mod terms;
pub mod time;
pub mod who;
/// The language's vocabularies live beside the grammar; re-exported here because the
/// model is where they are resolved.
pub use crate::vocab;

use serde::{Deserialize, Serialize};

pub use conditions::{Decider, Decision};
pub use resolve::{codes, model_of, resolve, resolve_one, FileResolver};
pub use scope::{Area, Line, Scope};
pub use terms::{Applies, Condition, Suspension};
pub use time::{Date, Period, Unit};
use vocab::*;
pub use who::{ForcesOf, Foresees, Reference, ReferenceKind};

use crate::span::Span;
/// Short text stored inline (see `syntax::ast::Text`).
pub use crate::syntax::ast::Text;

/// A value and the span of the clause (or word) it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct At<T> {
    pub value: T,
    pub span: Span,
}

impl<T> At<T> {
    pub fn new(value: T, span: Span) -> Self {
        At { value, span }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Treaty {
    pub id: Text,
    pub header_span: Span,
    pub title: Option<At<Text>>,
    pub signed: Option<At<Date>>,
    pub effective: Option<At<Date>>,
    pub form: Option<At<Form>>,
    pub status: Option<At<Status>>,
    pub binding_override: Option<At<BindingOverride>>,
    pub ratification: Option<At<Ratification>>,
    pub duration: Option<At<Term>>,
    pub renewal: Option<At<Renewal>>,
    pub reviews: Vec<At<Review>>,
    pub withdrawal: Option<At<Withdrawal>>,
    /// Hedges on the whole instrument (`qualified-by`).
    pub hedges: Vec<Qualifier>,
    pub hedges_span: Option<Span>,
    pub parties: Vec<Party>,
    /// Obligations in force without any trigger.
    pub obligations: Vec<Obligation>,
    pub triggers: Vec<Trigger>,
    /// `activation on EVENT`: nothing applies before the event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation: Option<At<Event>>,
    /// `proposed DATE`: a draft's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<At<Date>>,
    /// `terminated DATE`: nothing applies from this day on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terminated: Option<At<Date>>,
    /// `void if ...`: the instrument no longer applies once one of these happens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voids: Vec<At<Condition>>,
    /// `suspend ...`: obligations between some parties suspended for a time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suspensions: Vec<Suspension>,
    /// Other treaties named by `incorporate`, `mirror`, `in-addition-to` and
    /// `scope-of`, resolved by `crate::references`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// `in-addition-to`: what this instrument adds to, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub in_addition_to: Vec<At<Text>>,
    /// `foresees`: the instrument the parties commit to conclude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub foresees: Option<At<Foresees>>,
    /// Clauses that did not parse, or did not resolve (an unknown word, party or
    /// date): what the verdict could not read. `crate::rules::provisional` says
    /// which findings rest on them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Unreadable>,
    /// `parties` by code, built on first lookup (not part of the model).
    #[serde(skip)]
    pub party_index: party_index::PartyIndex,
}

/// A clause the model could not take in whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unreadable {
    pub span: Span,
    /// Its keyword, when known (`assist`, `form`, `party`).
    pub keyword: Option<Text>,
    /// In a trigger block: a response the trigger may have been meant to bring.
    pub in_trigger: bool,
    pub cause: UnreadableCause,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnreadableCause {
    /// It did not parse (a syntax error).
    Syntax,
    /// It parsed, but a word, party, date or number in it could not be resolved.
    Unresolved,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Bindingness {
    Binding,
    Contested,
    /// Binding as domestic law, but not an obligation between states.
    Domestic,
    NotBinding,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ratification {
    pub state: RatificationState,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Term {
    Indefinite,
    /// `duration not-stated`: the text says nothing about how long it lasts.
    NotStated,
    Fixed {
        period: Period,
    },
    Until {
        event: Event,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Event {
    Named { name: Text, parties: Vec<Text> },
    Described { text: Text },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Renewal {
    pub mode: RenewalMode,
    pub every: Option<Period>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Review {
    /// A review that must happen within the period: the commitments are revisited.
    Within {
        period: Period,
    },
    After {
        period: Period,
    },
    Every {
        period: Period,
    },
    On {
        event: Event,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Withdrawal {
    Notice {
        notice: Period,
        not_before: Option<Period>,
    },
    AnyTime,
    NoExit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub code: Text,
    pub name: Option<Text>,
    pub roles: Vec<Role>,
    /// A group party (`group FR, UK, CA`): the states it stands for.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Text>,
    pub span: Span,
}

impl Party {
    /// A party that is a group of states (a coalition).
    pub fn is_group(&self) -> bool {
        !self.members.is_empty()
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// A party to the instrument (as opposed to a state it merely names).
    pub fn is_participant(&self) -> bool {
        self.roles.iter().any(|r| *r != Role::Adversary)
    }

    /// Guarantees others under the instrument: a guarantor, or a member of a pact in
    /// which every member guarantees the others.
    pub fn guarantees(&self) -> bool {
        self.has_role(Role::Guarantor) || self.has_role(Role::Member)
    }

    /// Named as the adversary, yet also a guarantor, member or signatory.
    pub fn is_participant_other_than_adversary(&self) -> bool {
        self.roles
            .iter()
            .any(|r| !matches!(r, Role::Adversary | Role::Observer))
    }
}

/// Who an obligation binds or benefits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum PartyRef {
    Party {
        code: Text,
    },
    Each {
        group: Group,
    },
    All {
        group: Group,
    },
    Any {
        group: Group,
    },
    /// The party that was attacked (inside a trigger).
    Attacked,
    /// A class of states that are not parties: `any "European Power"`.
    Class {
        name: Text,
    },
    /// Groups with some members left out: `COW except HU, SK`.
    Except {
        of: Box<PartyRef>,
        except: Vec<Text>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qualifier {
    pub kind: QualifierKind,
    pub argument: Option<Text>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Deadline {
    Forthwith,
    Immediately,
    Within { period: Period },
    AfterConsultation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assistance {
    pub kind: AssistanceKind,
    pub details: Vec<AssistanceKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub currency: Text,
    /// The amount in whole currency units (`5 billion` = 5_000_000_000).
    pub value: f64,
    pub per: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub low: u64,
    pub high: Option<u64>,
    pub unit: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Place {
    Party { code: Text },
    Described { text: Text },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Body {
    UnSecurityCouncil,
    Other { name: Text },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssistVerb {
    Assist,
    Defend,
    /// "act to meet the common danger"
    Act,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MissionKind {
    Peacekeeping,
    Monitor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Duty {
    Consult {
        deadline: Option<Deadline>,
    },
    Provide {
        assistance: Vec<Assistance>,
        amount: Option<Amount>,
        from: Option<Date>,
        until: Option<Date>,
    },
    Assist {
        verb: AssistVerb,
        means: Vec<Means>,
        /// `with may-include ...`: a menu of means the givers may choose from.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        menu: bool,
        timing: Option<Deadline>,
    },
    Station {
        place: Place,
        size: Option<Size>,
        tripwire: bool,
        permanent: bool,
    },
    Deter {
        means: DeterrentMeans,
    },
    Mission {
        mission: MissionKind,
        mandate: Mandate,
        place: Option<Place>,
        size: Option<Size>,
    },
    Refrain {
        acts: Vec<RefrainAct>,
    },
    Respect {
        aspects: Vec<RespectAspect>,
    },
    Seek {
        what: Text,
        body: Body,
        timing: Option<Deadline>,
    },
    Report {
        body: Body,
        timing: Option<Deadline>,
    },
    Establish {
        institution: Institution,
        name: Option<Text>,
    },
    Prohibit {
        what: Vec<Prohibited>,
        /// Whose forces, when the ban is not about everyone's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<ForcesOf>,
        place: Option<Place>,
    },
    /// An attack on one concerns the others, as strongly as the grade says.
    Indivisible {
        grade: Indivisibility,
    },
    /// Measures that take effect by themselves (snap-back): no party owes an act.
    Reinstate {
        measures: Vec<Assistance>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        against: Vec<PartyRef>,
        automatically: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        on: Option<Event>,
    },
    /// A limit the givers (usually the beneficiary) accept.
    Limit {
        what: Vec<LimitKind>,
        size: Option<Size>,
        place: Option<Place>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obligation {
    pub duty: Duty,
    /// Who owes it (for `consult`, everyone who consults).
    pub givers: Vec<PartyRef>,
    /// Who it is owed to, where the clause says.
    pub receivers: Vec<PartyRef>,
    pub qualifiers: Vec<Qualifier>,
    pub source: Option<Text>,
    /// `decided-by ...` on the clause: the response waits for that decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    pub span: Span,
    /// `from DATE|EVENT`: not owed before then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Applies>,
    /// Taken from another treaty (`incorporate`, `mirror`): that treaty's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_reference: Option<Text>,
}

impl Obligation {
    pub fn has(&self, kind: QualifierKind) -> bool {
        self.qualifiers.iter().any(|q| q.kind == kind)
    }

    pub fn qualifier(&self, kind: QualifierKind) -> Option<&Qualifier> {
        self.qualifiers.iter().find(|q| q.kind == kind)
    }

    /// A duty to assist, defend or act for the attacked party.
    pub fn is_assistance_duty(&self) -> bool {
        matches!(self.duty, Duty::Assist { .. }) && !self.has(QualifierKind::ReserveRight)
    }

    pub fn includes_armed_force(&self) -> bool {
        match &self.duty {
            Duty::Assist { means, .. } => means.iter().any(|m| m.includes_armed_force()),
            _ => false,
        }
    }

    pub fn keyword(&self) -> &'static str {
        match &self.duty {
            Duty::Consult { .. } => "consult",
            Duty::Provide { .. } => "provide",
            Duty::Assist { verb, .. } => match verb {
                AssistVerb::Assist => "assist",
                AssistVerb::Defend => "defend",
                AssistVerb::Act => "act",
            },
            Duty::Station { .. } => "station",
            Duty::Deter { .. } => "deter",
            Duty::Mission { mission, .. } => match mission {
                MissionKind::Peacekeeping => "peacekeeping",
                MissionKind::Monitor => "monitor",
            },
            Duty::Refrain { .. } => "refrain",
            Duty::Respect { .. } => "respect",
            Duty::Seek { .. } => "seek",
            Duty::Report { .. } => "report",
            Duty::Establish { .. } => "establish",
            Duty::Prohibit { .. } => "prohibit",
            Duty::Indivisible { .. } => "indivisible",
            Duty::Reinstate { .. } => "reinstate",
            Duty::Limit { .. } => "limit",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trigger {
    pub kinds: Vec<TriggerKind>,
    pub aspects: Vec<ThreatAspect>,
    /// Empty: an attack by anyone.
    pub by: Vec<PartyRef>,
    pub against: Vec<PartyRef>,
    /// Where an attack counts (`in`, `covering`, `excluding`, `across`).
    #[serde(default)]
    pub scope: Scope,
    /// `threshold ...`: how grave an attack must be to count (empty: any attack).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threshold: Vec<Threshold>,
    /// `decided-by ...` on the trigger: every response in it waits for that decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    pub qualifiers: Vec<Qualifier>,
    pub source: Option<Text>,
    pub obligations: Vec<Obligation>,
    /// The trigger's header line.
    pub span: Span,
    /// `from DATE|EVENT`: the trigger applies only from then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Applies>,
    /// Taken from another treaty (`incorporate`, `mirror`): that treaty's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_reference: Option<Text>,
    /// `in scope-of NAME`: the scope is that treaty's (filled in by `crate::references`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_of: Option<Text>,
}

impl Trigger {
    pub fn covers_armed_attack(&self) -> bool {
        self.kinds.iter().any(|k| k.covers_armed_attack())
    }

    pub fn is_attack(&self) -> bool {
        self.kinds.iter().any(|k| k.is_attack())
    }
}

impl Treaty {
    pub fn party(&self, code: &str) -> Option<&Party> {
        self.party_index.find(&self.parties, code)
    }

    /// Whether the instrument binds in international law, from its form and any
    /// explicit `binding` override.
    pub fn bindingness(&self) -> Bindingness {
        if let Some(explicit) = &self.binding_override {
            return match explicit.value {
                BindingOverride::Yes => match self.form.as_ref().map(|f| f.value) {
                    Some(Form::Statute) => Bindingness::Domestic,
                    _ => Bindingness::Binding,
                },
                BindingOverride::No => Bindingness::NotBinding,
                BindingOverride::Contested => Bindingness::Contested,
            };
        }
        match self.form.as_ref().map(|f| f.value) {
            Some(Form::Treaty) => Bindingness::Binding,
            Some(Form::Executive) => Bindingness::Contested,
            Some(Form::Statute) => Bindingness::Domestic,
            _ => Bindingness::NotBinding,
        }
    }

    pub fn form(&self) -> Option<Form> {
        self.form.as_ref().map(|f| f.value)
    }

    pub fn status(&self) -> Option<Status> {
        self.status.as_ref().map(|s| s.value)
    }

    /// Whether the whole instrument carries a hedge of this kind.
    pub fn hedged(&self, kind: QualifierKind) -> bool {
        self.hedges.iter().any(|q| q.kind == kind)
    }

    /// A pact where every member guarantees every other.
    pub fn is_collective(&self) -> bool {
        self.parties
            .iter()
            .filter(|p| p.has_role(Role::Member) && !p.is_group())
            .count()
            >= 2
    }

    /// Every obligation, standing and triggered, with its trigger if any.
    pub fn all_obligations(&self) -> impl Iterator<Item = (Option<&Trigger>, &Obligation)> {
        self.obligations.iter().map(|o| (None, o)).chain(
            self.triggers
                .iter()
                .flat_map(|t| t.obligations.iter().map(move |o| (Some(t), o))),
        )
    }

    /// Triggers set off by an attack (armed, nuclear, hybrid or cyber).
    pub fn attack_triggers(&self) -> impl Iterator<Item = &Trigger> {
        self.triggers.iter().filter(|t| t.is_attack())
    }

    /// The codes of the parties a reference can stand for. A group party stands for
    /// its members (a group inside a group for that group's members); `each
    /// guarantor` and the like name the members, not the group parties themselves.
    pub fn expand<'a>(&'a self, party: &'a PartyRef) -> Vec<&'a str> {
        let mut out = Vec::new();
        self.expand_into(party, &mut out, 0);
        keep_first_of_each(&mut out);
        out
    }

    /// Pushes every code the reference stands for, repeats included: they are removed
    /// once at the end (checking each push against all the codes before it was
    /// quadratic in a large group or `except` list).
    fn expand_into<'a>(&'a self, party: &'a PartyRef, out: &mut Vec<&'a str>, depth: usize) {
        match party {
            PartyRef::Party { code } => self.expand_code(code, out, depth),
            PartyRef::Except { of, except } => {
                let mut inner = Vec::new();
                self.expand_into(of, &mut inner, depth);
                if except.len() <= SMALL_LIST {
                    out.extend(inner.into_iter().filter(|c| !except.iter().any(|e| e == c)));
                } else {
                    let left_out: std::collections::HashSet<&str> =
                        except.iter().map(|e| e.as_str()).collect();
                    out.extend(inner.into_iter().filter(|c| !left_out.contains(c)));
                }
            }
            other => out.extend(self.expand_flat(other)),
        }
    }

    /// A code, or a group's members (groups nest at most a few levels; a group
    /// inside itself is refused by the resolver).
    fn expand_code<'a>(&'a self, code: &'a str, out: &mut Vec<&'a str>, depth: usize) {
        match self.party(code) {
            Some(p) if p.is_group() && depth < 8 => {
                for member in &p.members {
                    self.expand_code(member, out, depth + 1);
                }
            }
            _ => out.push(code),
        }
    }

    /// The members of a group party, expanded; empty for a state.
    pub fn members_of<'a>(&'a self, code: &'a str) -> Vec<&'a str> {
        match self.party(code) {
            Some(p) if p.is_group() => {
                let mut out = Vec::new();
                self.expand_code(code, &mut out, 0);
                keep_first_of_each(&mut out);
                out
            }
            _ => Vec::new(),
        }
    }

    /// The group parties a state belongs to.
    pub fn groups_of<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Party> + 'a {
        let code = Text::from(code);
        self.parties
            .iter()
            .filter(move |p| p.members.contains(&code))
    }

    fn expand_flat<'a>(&'a self, party: &'a PartyRef) -> Vec<&'a str> {
        let in_group = |p: &&Party, group: Group| {
            !p.is_group()
                && match group {
                    Group::Members => p.has_role(Role::Member),
                    Group::Guarantors => p.has_role(Role::Guarantor) || p.has_role(Role::Member),
                    Group::Beneficiaries => {
                        p.has_role(Role::Beneficiary) || p.has_role(Role::Member)
                    }
                    Group::Parties => p.is_participant(),
                    Group::Signatories => p.has_role(Role::Signatory),
                }
        };
        match party {
            PartyRef::Party { code } => vec![code.as_str()],
            PartyRef::Each { group } | PartyRef::All { group } | PartyRef::Any { group } => self
                .parties
                .iter()
                .filter(|p| in_group(p, *group))
                .map(|p| p.code.as_str())
                .collect(),
            PartyRef::Attacked | PartyRef::Class { .. } | PartyRef::Except { .. } => Vec::new(),
        }
    }
}

/// Lists up to this long are searched by scanning; longer ones through a hash set.
const SMALL_LIST: usize = 32;

/// Removes repeats, keeping each code where it first appears.
fn keep_first_of_each(codes: &mut Vec<&str>) {
    if codes.len() <= SMALL_LIST {
        let mut index = 0;
        while index < codes.len() {
            if codes[..index].contains(&codes[index]) {
                codes.remove(index);
            } else {
                index += 1;
            }
        }
    } else {
        let mut seen = std::collections::HashSet::with_capacity(codes.len());
        codes.retain(|code| seen.insert(*code));
    }
}

/// A file's treaties after resolution.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub treaties: Vec<Treaty>,
}
