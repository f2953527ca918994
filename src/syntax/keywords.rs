//! The language's clause keywords, each with a one-line meaning and an example.
//! Syntax-error help, `docs/language.md` and editor hover/completion all read this table.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Allowed directly in a treaty block.
    Header,
    /// Allowed in a treaty block and inside a trigger block.
    Obligation,
}

#[derive(Debug, Clone, Copy)]
pub struct Keyword {
    pub word: &'static str,
    pub place: Place,
    pub meaning: &'static str,
    pub example: &'static str,
}

const fn kw(
    word: &'static str,
    place: Place,
    meaning: &'static str,
    example: &'static str,
) -> Keyword {
    Keyword {
        word,
        place,
        meaning,
        example,
    }
}

pub const CLAUSE_KEYWORDS: &[Keyword] = &[
    kw("title", Place::Header, "the instrument's full title", "title \"North Atlantic Treaty\""),
    kw("signed", Place::Header, "the date of signature", "signed 1949-04-04"),
    kw("effective", Place::Header, "the date the instrument took effect (entry into force); `effective on EVENT` is `activation on EVENT`", "effective 1949-08-24"),
    kw("activation", Place::Header, "the guarantees apply only once an event has happened (also `effective on EVENT`)", "activation on ceasefire-in-force"),
    kw("proposed", Place::Header, "the date a draft was proposed; it anchors a draft's term", "proposed 2025-11-20"),
    kw("terminated", Place::Header, "the date the instrument ended; nothing applies after it", "terminated 1980-01-01"),
    kw("void", Place::Header, "the instrument is void once a condition happens (repeatable)", "void if armed-attack by UA against RU unprovoked"),
    kw("suspend", Place::Header, "obligations between some parties suspended from a date, while the instrument stays in force", "suspend UK -> UA from 1986-08-11"),
    kw("form", Place::Header, "the legal form: declaration, joint-statement, communique, memorandum, political, executive, statute or treaty", "form treaty"),
    kw("status", Place::Header, "where the instrument stands: draft, signed, ratified, in-force or lapsed", "status in-force"),
    kw("binding", Place::Header, "overrides the bindingness the form implies: yes, no or contested", "binding contested"),
    kw("ratification", Place::Header, "whether legislatures must approve it: required, completed or none, with an optional date", "ratification completed 1949-08-24"),
    kw("duration", Place::Header, "how long it lasts: a fixed term, indefinite, or until an event", "duration 10 years"),
    kw("renewal", Place::Header, "how the term is extended: automatic or by-agreement, optionally every period", "renewal by-agreement"),
    kw("review", Place::Header, "a review: within a period (mandatory), after or every period, or on an event", "review on nato-accession(UA)"),
    kw("withdrawal", Place::Header, "how a party may leave: notice period (optionally only after a period), any-time or none", "withdrawal notice 1 year after 20 years"),
    kw("qualified-by", Place::Header, "hedges that weaken the whole instrument", "qualified-by aspirational"),
    kw("party", Place::Header, "declares a party: a code, its full name and its roles", "party UK \"United Kingdom\" guarantor"),
    kw("members", Place::Header, "declares a collective pact: each listed party guarantees each other", "members BE, CA, DK, FR"),
    kw("trigger", Place::Header, "what sets off the obligations in its block: kind, by, against, scope", "trigger armed-attack by RU against UA { ... }"),
    kw("consult", Place::Obligation, "a duty to consult, with a deadline", "consult UK, UA within 24 hours"),
    kw("provide", Place::Obligation, "assistance from givers to receivers, with kinds and an optional amount", "provide UK -> UA military-aid [air-defence], training GBP 2.5 billion per year"),
    kw("assist", Place::Obligation, "a duty to assist the attacked party, with means and timing", "assist each member -> attacked with armed-force forthwith"),
    kw("defend", Place::Obligation, "a duty to defend (same shape as assist)", "defend US -> UA with armed-force immediately"),
    kw("act", Place::Obligation, "a pledge to act to meet the common danger (weaker than assist)", "act each member constitutional-processes"),
    kw("station", Place::Obligation, "forces stationed on a party's territory", "station US forces in KR size 28500 troops tripwire"),
    kw("deter", Place::Obligation, "extended deterrence", "deter US -> KR with nuclear-forces"),
    kw("peacekeeping", Place::Obligation, "a peacekeeping mission, with a mandate (monitor or enforce) and size", "peacekeeping UN mandate enforce in UA size 40000 troops"),
    kw("monitor", Place::Obligation, "a monitoring mission", "monitor OSCE in \"certain areas of Donetsk and Luhansk\""),
    kw("refrain", Place::Obligation, "an assurance to refrain from acts", "refrain US, UK, RU from threat-or-use-of-force against UA"),
    kw("respect", Place::Obligation, "an assurance to respect a party's independence, sovereignty or borders", "respect US, UK, RU independence, sovereignty, borders of UA"),
    kw("seek", Place::Obligation, "a pledge to seek action by a body", "seek US, UK, RU action by un-security-council for UA immediately"),
    kw("report", Place::Obligation, "a duty to report to a body", "report to un-security-council immediately"),
    kw("establish", Place::Obligation, "a standing institution", "establish council \"North Atlantic Council\""),
    kw("prohibit", Place::Obligation, "something the instrument forbids, optionally in a place", "prohibit stationing, foreign-bases in UA"),
    kw("indivisible", Place::Obligation, "an attack on one counts as an attack on all", "indivisible"),
    kw("reinstate", Place::Obligation, "measures that take effect by themselves (snap-back), with or without a giver", "reinstate sanctions against RU automatically on ceasefire-violation(RU)"),
    kw("limit", Place::Obligation, "a limit placed on a party, usually the beneficiary: a force ceiling, non-nuclear status, neutrality, no alliance, no foreign troops, a demilitarised zone", "limit UA armed-forces size 600000 troops"),
    kw("incorporate", Place::Header, "takes another treaty's obligations and triggers as this one's, with their parties (a guarantee by reference)", "incorporate north_atlantic_1949"),
    kw("mirror", Place::Header, "takes another pact's obligations as this one's, its members mapped onto this instrument's guarantors and beneficiaries", "mirror article5-baseline"),
    kw("in-addition-to", Place::Header, "other arrangements this instrument adds to (a quoted description or a treaty's name)", "in-addition-to \"bilateral security agreements\""),
    kw("foresees", Place::Header, "the binding instrument this text commits the parties to conclude later, with its form and ratification", "foresees treaty ratification required"),
];

/// Words that modify a clause rather than open one: conditions on a trigger or on
/// the response (issue 13). Hover and completion read them with the clause keywords.
pub const CONDITION_MODIFIERS: &[Keyword] = &[
    kw("threshold", Place::Obligation, "how grave an attack must be for the trigger to fire: significant, deliberate, sustained, large-scale, state-of-war, unprovoked", "trigger armed-attack by RU against UA threshold significant, deliberate, sustained { ... }"),
    kw("decided-by", Place::Obligation, "who decides on the response, and how: parties or a quoted organ, a vote (unanimity, consensus, two-thirds, majority), after consultation", "decided-by US after consultation with UA"),
];

pub fn find(word: &str) -> Option<&'static Keyword> {
    CLAUSE_KEYWORDS
        .iter()
        .chain(CONDITION_MODIFIERS)
        .find(|k| k.word == word)
}

/// Words of a trigger's scope (after its kinds and parties): not clause keywords, but
/// documented and offered the same way.
pub const SCOPE_WORDS: &[Keyword] = &[
    kw(
        "in",
        Place::Header,
        "where an attack counts: areas joined by `,`",
        "trigger armed-attack against UA in territory of UA { ... }",
    ),
    kw(
        "territory",
        Place::Header,
        "an area: the listed parties' own territory (`territory of PARTIES`)",
        "in territory of each member",
    ),
    kw(
        "administered-territory",
        Place::Header,
        "an area: territory under the listed parties' administration, whoever is sovereign",
        "in administered-territory of JP",
    ),
    kw(
        "scope-of",
        Place::Header,
        "an area: another treaty's armed-attack scope",
        "in scope-of north_atlantic_1949",
    ),
    kw(
        "covering",
        Place::Header,
        "what of a party counts inside the areas: territory, forces, vessels, aircraft",
        "covering territory, forces, vessels, aircraft",
    ),
    kw(
        "excluding",
        Place::Header,
        "areas carved out of the scope",
        "excluding \"Crimea\", \"Sevastopol\"",
    ),
    kw(
        "across",
        Place::Header,
        "only an attack across this line counts",
        "across ceasefire-line",
    ),
];

/// A clause keyword or a scope word.
pub fn find_word(word: &str) -> Option<&'static Keyword> {
    find(word).or_else(|| SCOPE_WORDS.iter().find(|k| k.word == word))
}
