//! The syntax tree: what the drafter wrote, clause by clause, with byte spans.
//!
//! Words from a vocabulary (legal forms, trigger kinds, assistance kinds, qualifiers)
//! are kept as written; the model checks them. Nothing here is resolved or normalised,
//! so the formatter can print a file back from it without losing anything but layout.

pub mod scenario;
pub mod shift;

use serde::{Deserialize, Serialize};

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Span) -> Self {
        Spanned { value, span }
    }
}

/// Text as written. Inline up to 24 bytes: most words (party codes, vocabulary) are
/// short, so the tree does not allocate per word.
pub type Text = compact_str::CompactString;

pub type Word = Spanned<Text>;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct File {
    pub treaties: Vec<Treaty>,
    /// `scenario` blocks (see [`scenario`]), run by `treaty simulate` and `treaty test`.
    #[serde(default)]
    pub scenarios: Vec<scenario::Scenario>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Treaty {
    /// `None` when the header did not parse (a diagnostic says why).
    pub name: Option<Word>,
    /// From `treaty` to the opening brace: where "missing clause" gaps are labelled.
    pub header_span: Span,
    pub span: Span,
    pub clauses: Vec<Clause>,
    /// Clauses that did not parse (each has its syntax diagnostic): left out of
    /// `clauses`, kept here so the verdict can say it rests on an incomplete reading.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<Unreadable>,
}

/// A clause that did not parse, as far as it can be told what it was meant to be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unreadable {
    /// The clause's text (for a trigger whose header did not parse, its header).
    pub span: Span,
    /// Its keyword, when it starts with one (`assist` in `assist each membr ...`).
    pub keyword: Option<Text>,
    /// Inside a trigger block: a response the trigger may have been meant to bring.
    pub in_trigger: bool,
    /// For a `party` clause, the code it declares (`FI` in `party FI "Finland"
    /// memeber`): its uses are not also reported as unknown parties.
    pub party_code: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clause {
    pub kind: ClauseKind,
    pub qualifiers: Vec<Qualifier>,
    pub source: Option<Spanned<Text>>,
    /// `decided-by ...`: who decides on the response, and how.
    #[serde(default)]
    pub decided_by: Option<DecidedBy>,
    /// The whole clause; for a trigger, its header line only.
    pub span: Span,
    /// The keyword that opens the clause.
    pub keyword_span: Span,
    /// `from DATE|EVENT` in the clause's tail: it applies only from then.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<ClauseFrom>,
}

/// When a clause starts to apply: `from 2026-01-01` or `from ceasefire-in-force`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ClauseFrom {
    Date(Word),
    Event(Event),
}

/// What a `void if` waits for: a quoted description, or a happening (a named event or
/// an occurrence, with who did it to whom, where, and how).
// A `void if` clause is rare (a few per treaty at most): boxing the larger variant
// would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    Described(Spanned<Text>),
    Happening {
        name: Word,
        parties: Vec<Word>,
        by: Option<PartyList>,
        against: Option<PartyList>,
        scope: Option<Place>,
        attributes: Vec<Word>,
        span: Span,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Qualifier {
    pub name: Word,
    pub argument: Option<Spanned<Text>>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Period {
    pub amount: Spanned<Text>,
    pub unit: Word,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    Named {
        name: Word,
        parties: Vec<Word>,
        span: Span,
    },
    Described(Spanned<Text>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum DurationValue {
    Indefinite(Span),
    /// `duration not-stated`: the text says nothing about how long it lasts.
    NotStated(Span),
    Fixed(Period),
    Until(Event),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ReviewWhen {
    Within(Period),
    After(Period),
    Every(Period),
    On(Event),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum WithdrawalTerms {
    Notice {
        notice: Period,
        after: Option<Period>,
    },
    AnyTime(Span),
    NoExit(Span),
}

/// One entry of a party list: a code, a quantified group or the attacked party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PartyItem {
    Named(Word),
    Quantified {
        quantifier: Word,
        group: Word,
        span: Span,
    },
    Attacked(Span),
    /// A class of states that are not declared parties: `any "European Power"`.
    Class {
        quantifier: Word,
        name: Spanned<Text>,
        span: Span,
    },
}

impl PartyItem {
    pub fn span(&self) -> Span {
        match self {
            PartyItem::Named(w) => w.span,
            PartyItem::Quantified { span, .. } => *span,
            PartyItem::Attacked(span) => *span,
            PartyItem::Class { span, .. } => *span,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyList {
    pub items: Vec<PartyItem>,
    /// Members left out of the groups named: `COW except HU, SK`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Word>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flow {
    pub givers: PartyList,
    pub receivers: Option<PartyList>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kind {
    pub name: Word,
    pub details: Vec<Word>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub currency: Word,
    pub number: Spanned<Text>,
    pub magnitude: Option<Word>,
    pub per: Option<Word>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Timing {
    Forthwith(Span),
    Immediately(Span),
    Within(Period),
    AfterConsultation(Span),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub low: Spanned<Text>,
    pub high: Option<Spanned<Text>>,
    pub unit: Word,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Place {
    Party(Word),
    Described(Spanned<Text>),
}

impl Place {
    pub fn span(&self) -> Span {
        match self {
            Place::Party(w) => w.span,
            Place::Described(s) => s.span,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Body {
    Named(Word),
    Described(Spanned<Text>),
}

/// One area of a trigger's scope (`in AREA, ...`) or of a carve-out (`excluding AREA, ...`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Area {
    /// `territory of PARTIES`.
    Territory { parties: PartyList, span: Span },
    /// `administered-territory of PARTIES`: the test is administration, not sovereignty.
    Administered { parties: PartyList, span: Span },
    /// `scope-of TREATY`: another treaty's armed-attack scope.
    ScopeOf { treaty: Word, span: Span },
    /// A quoted region: `"the treaty area"`.
    Described(Spanned<Text>),
    /// A party code: that party's territory.
    Party(Word),
}

impl Area {
    pub fn span(&self) -> Span {
        match self {
            Area::Territory { span, .. }
            | Area::Administered { span, .. }
            | Area::ScopeOf { span, .. } => *span,
            Area::Described(s) => s.span,
            Area::Party(w) => w.span,
        }
    }
}

/// The line of `across LINE`: a vocabulary word or a quoted description.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Line {
    Named(Word),
    Described(Spanned<Text>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TriggerSpec {
    pub kinds: Vec<Word>,
    pub aspects: Vec<Word>,
    pub by: Option<PartyList>,
    pub against: Option<PartyList>,
    /// `in AREA, ...`; empty when the trigger gives no place.
    #[serde(default)]
    pub scope: Vec<Area>,
    /// `covering territory, forces, ...`: what of a party counts inside the scope.
    #[serde(default)]
    pub covering: Vec<Word>,
    /// `excluding AREA, ...`: carve-outs.
    #[serde(default)]
    pub excluding: Vec<Area>,
    /// `across LINE`: only attacks across this line count.
    #[serde(default)]
    pub across: Option<Line>,
    /// `threshold significant, deliberate, sustained`: how grave the attack must be.
    #[serde(default)]
    pub threshold: Vec<Word>,
    /// `in scope-of NAME`: the scope of another treaty's armed-attack trigger.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_of: Option<Word>,
}

/// Who decides on the response: parties or a named body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Decider {
    Parties(PartyList),
    Body(Spanned<Text>),
}

/// `decided-by US after consultation with UA`, `decided-by "Organ of Consultation"
/// two-thirds`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DecidedBy {
    pub by: Decider,
    pub vote: Option<Word>,
    /// `after consultation [with PARTIES]`: the span of those words, and whom.
    pub consultation: Option<(Span, Option<PartyList>)>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AssistVerb {
    Assist,
    Defend,
    Act,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MissionKind {
    Peacekeeping,
    Monitor,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ClauseKind {
    Title(Spanned<Text>),
    Signed(Word),
    Effective(Word),
    Form(Word),
    Status(Word),
    Binding(Word),
    Ratification {
        state: Word,
        date: Option<Word>,
    },
    Duration(DurationValue),
    Renewal {
        mode: Word,
        every: Option<Period>,
    },
    Review(ReviewWhen),
    Withdrawal(WithdrawalTerms),
    /// `qualified-by ...`: hedges that weaken the whole instrument. The qualifiers are
    /// in [`Clause::qualifiers`].
    QualifiedBy,
    Party {
        code: Word,
        name: Option<Spanned<Text>>,
        roles: Vec<Word>,
        /// `group FR, UK, CA`: the party is a group of these states.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        members: Vec<Word>,
    },
    Members(Vec<Word>),
    Trigger {
        /// `None` when the trigger's header did not parse.
        spec: Option<TriggerSpec>,
        clauses: Vec<Clause>,
        /// The whole block, header to closing brace.
        block_span: Span,
    },
    Consult {
        parties: PartyList,
        deadline: Option<Timing>,
    },
    Provide {
        flow: Flow,
        kinds: Vec<Kind>,
        /// Boxed, as is `size` below: rare, and large enough to double every clause.
        amount: Option<Box<Amount>>,
        from: Option<Word>,
        until: Option<Word>,
    },
    Assist {
        verb: AssistVerb,
        flow: Flow,
        means: Vec<Word>,
        /// `with may-include ...`: the means are a menu, not a list of duties.
        #[serde(default)]
        menu: bool,
        timing: Option<Timing>,
    },
    Station {
        parties: PartyList,
        place: Place,
        size: Option<Box<Size>>,
        tripwire: bool,
        permanent: bool,
    },
    Deter {
        flow: Flow,
        means: Word,
    },
    Mission {
        kind: MissionKind,
        parties: PartyList,
        mandate: Option<Word>,
        place: Option<Place>,
        size: Option<Box<Size>>,
    },
    Refrain {
        parties: PartyList,
        acts: Vec<Word>,
        against: Option<PartyList>,
    },
    Respect {
        parties: PartyList,
        aspects: Vec<Word>,
        of: PartyList,
    },
    Seek {
        parties: PartyList,
        what: Word,
        body: Body,
        for_: Option<PartyList>,
        timing: Option<Timing>,
    },
    Report {
        parties: Option<PartyList>,
        body: Body,
        timing: Option<Timing>,
    },
    Establish {
        institution: Word,
        name: Option<Spanned<Text>>,
    },
    Prohibit {
        what: Vec<Word>,
        /// `of NATO`: whose forces, when not everyone's.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        of: Option<ForcesOf>,
        place: Option<Place>,
    },
    /// `indivisible [GRADE]`: `None` is the bare keyword, read as `attack-on-all`.
    Indivisible(Option<Word>),
    /// `activation on EVENT` (or `effective on EVENT`): the guarantees wait for it.
    Activation(Event),
    /// `proposed DATE`: a draft's date.
    Proposed(Word),
    /// `terminated DATE`: when the instrument ended.
    Terminated(Word),
    /// `void if CONDITION`: the instrument no longer applies once it happens.
    Void(Condition),
    /// `suspend GIVERS -> RECEIVERS from DATE [until DATE]`.
    Suspend {
        flow: Flow,
        from: Word,
        until: Option<Word>,
    },
    /// `reinstate KINDS [by P] [against P] [automatically] [on EVENT]`.
    Reinstate {
        kinds: Vec<Kind>,
        by: Option<PartyList>,
        against: Option<PartyList>,
        automatically: bool,
        on: Option<Event>,
    },
    /// `limit UA armed-forces size 600000 troops`, `limit UA neutrality, non-nuclear`.
    Limit {
        parties: PartyList,
        what: Vec<Word>,
        size: Option<Box<Size>>,
        place: Option<Place>,
    },
    /// `incorporate NAME [from "PATH"]` or `mirror NAME [from "PATH"]`.
    Incorporate {
        mirror: bool,
        name: Word,
        from: Option<Spanned<Text>>,
    },
    /// `in-addition-to "bilateral security agreements"` or `in-addition-to NAME`.
    InAdditionTo(Reference),
    /// `foresees treaty ratification required`.
    Foresees {
        form: Word,
        ratification: Option<Word>,
    },
}

/// Whose forces a `prohibit` is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ForcesOf {
    Parties(PartyList),
    Described(Spanned<Text>),
}

/// Another text named by this one: a quoted description or a treaty's name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reference {
    Described(Spanned<Text>),
    Treaty(Word),
}

impl ClauseKind {
    /// The keyword that opens this clause, as written in the language.
    pub fn keyword(&self) -> &'static str {
        match self {
            ClauseKind::Title(_) => "title",
            ClauseKind::Signed(_) => "signed",
            ClauseKind::Effective(_) => "effective",
            ClauseKind::Form(_) => "form",
            ClauseKind::Status(_) => "status",
            ClauseKind::Binding(_) => "binding",
            ClauseKind::Ratification { .. } => "ratification",
            ClauseKind::Duration(_) => "duration",
            ClauseKind::Renewal { .. } => "renewal",
            ClauseKind::Review(_) => "review",
            ClauseKind::Withdrawal(_) => "withdrawal",
            ClauseKind::QualifiedBy => "qualified-by",
            ClauseKind::Party { .. } => "party",
            ClauseKind::Members(_) => "members",
            ClauseKind::Trigger { .. } => "trigger",
            ClauseKind::Consult { .. } => "consult",
            ClauseKind::Provide { .. } => "provide",
            ClauseKind::Assist { verb, .. } => match verb {
                AssistVerb::Assist => "assist",
                AssistVerb::Defend => "defend",
                AssistVerb::Act => "act",
            },
            ClauseKind::Station { .. } => "station",
            ClauseKind::Deter { .. } => "deter",
            ClauseKind::Mission { kind, .. } => match kind {
                MissionKind::Peacekeeping => "peacekeeping",
                MissionKind::Monitor => "monitor",
            },
            ClauseKind::Refrain { .. } => "refrain",
            ClauseKind::Respect { .. } => "respect",
            ClauseKind::Seek { .. } => "seek",
            ClauseKind::Report { .. } => "report",
            ClauseKind::Establish { .. } => "establish",
            ClauseKind::Prohibit { .. } => "prohibit",
            ClauseKind::Indivisible(_) => "indivisible",
            ClauseKind::Activation(_) => "activation",
            ClauseKind::Proposed(_) => "proposed",
            ClauseKind::Terminated(_) => "terminated",
            ClauseKind::Void(_) => "void",
            ClauseKind::Suspend { .. } => "suspend",
            ClauseKind::Reinstate { .. } => "reinstate",
            ClauseKind::Limit { .. } => "limit",
            ClauseKind::Incorporate { mirror: false, .. } => "incorporate",
            ClauseKind::Incorporate { mirror: true, .. } => "mirror",
            ClauseKind::InAdditionTo(_) => "in-addition-to",
            ClauseKind::Foresees { .. } => "foresees",
        }
    }
}
