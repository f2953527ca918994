//! The documented vocabularies of the language (shared by the syntax stage, for
//! suggestions, and the model, which resolves words into these types): legal forms, roles, trigger kinds,
//! assistance kinds, qualifiers and the rest. Each word has a one-line meaning that
//! `docs/language.md`, error help and editor hover all share. A leaf: it must not import
//! anything from the crate, so the grammar's tests, the syntax and the model can all
//! read it.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $variant:ident = $word:literal $(| $alias:literal)* : $meaning:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $( $variant ),* }

        impl $name {
            /// What a word of this vocabulary is, for messages ("legal form").
            pub const WHAT: &'static str = $what;
            pub const ALL: &'static [$name] = &[ $( $name::$variant ),* ];

            pub fn word(self) -> &'static str {
                match self { $( $name::$variant => $word ),* }
            }

            pub fn meaning(self) -> &'static str {
                match self { $( $name::$variant => $meaning ),* }
            }

            pub fn parse(word: &str) -> Option<Self> {
                match word {
                    $( $word $(| $alias)* => Some($name::$variant), )*
                    _ => None,
                }
            }

            pub fn words() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.word())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.word())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let word = String::deserialize(deserializer)?;
                $name::parse(&word).ok_or_else(|| {
                    serde::de::Error::custom(format!("unknown {} `{}`", $what, word))
                })
            }
        }
    };
}

vocabulary! {
    /// The legal form of an instrument.
    Form, "legal form" {
        Declaration = "declaration": "a declaration of support or intent; politically, not legally, binding",
        JointStatement = "joint-statement": "a joint statement by the parties; political",
        Communique = "communique": "a communique, such as the outcome of a round of talks; political",
        Memorandum = "memorandum": "a memorandum of assurances or understanding; political unless ratified as a treaty",
        Political = "political": "a signed political agreement or set of commitments, not legally binding",
        Executive = "executive": "an executive agreement concluded without the legislature; bindingness contested",
        Statute = "statute": "a domestic law of the guarantor, binding at home but owed to no one abroad",
        Treaty = "treaty": "an international treaty, legally binding once ratified",
    }
}

vocabulary! {
    Status, "status" {
        Draft = "draft": "proposed or negotiated text, never concluded",
        Signed = "signed": "signed but not (yet) ratified or in force",
        Ratified = "ratified": "ratified by the parties",
        InForce = "in-force" | "in_force": "in force",
        Lapsed = "lapsed" | "terminated" | "defunct": "no longer in effect: expired, terminated or overtaken",
    }
}

vocabulary! {
    BindingOverride, "bindingness" {
        Yes = "yes": "legally binding",
        No = "no": "not legally binding",
        Contested = "contested": "whether it binds is disputed",
    }
}

vocabulary! {
    RatificationState, "ratification state" {
        Required = "required": "the text requires ratification (by legislatures or referendum)",
        Completed = "completed": "ratification has been completed",
        NotRequired = "none": "the instrument is not submitted for ratification",
    }
}

vocabulary! {
    RenewalMode, "renewal mode" {
        Automatic = "automatic": "the term renews unless a party objects",
        ByAgreement = "by-agreement": "the term is extended only if the parties agree",
    }
}

vocabulary! {
    Role, "role" {
        Guarantor = "guarantor": "gives the guarantee or assurance",
        Beneficiary = "beneficiary": "receives the guarantee or assistance",
        Member = "member": "a member of a mutual pact: both guarantor and beneficiary of every other member",
        Adversary = "adversary": "the state the instrument guards against",
        Observer = "observer": "takes part without obligations",
        Signatory = "signatory": "signs the instrument without giving a guarantee",
        Mediator = "mediator": "facilitates or monitors the instrument",
    }
}

vocabulary! {
    /// The word after `each`, `all` or `any`.
    Group, "party group" {
        Members = "member" | "members": "every party declared with `members` or the `member` role",
        Guarantors = "guarantor" | "guarantors": "every guarantor",
        Beneficiaries = "beneficiary" | "beneficiaries": "every beneficiary",
        Parties = "party" | "parties": "every declared party except adversaries",
        Signatories = "signatory" | "signatories": "every signatory",
    }
}

vocabulary! {
    TriggerKind, "trigger kind" {
        ArmedAttack = "armed-attack": "an armed attack",
        Aggression = "aggression": "aggression, which includes an armed attack",
        MilitaryOperation = "military-operation": "any military operation against the party",
        ThreatOfArmedAttack = "threat-of-armed-attack": "a threat of armed attack",
        Threat = "threat" | "threat-to": "a threat to the aspects named after `to` (territorial integrity, independence, security)",
        CeasefireViolation = "ceasefire-violation": "a violation of a ceasefire",
        HybridAttack = "hybrid-attack": "hybrid warfare short of an armed attack",
        CyberAttack = "cyber-attack": "a cyber attack",
        NuclearAttack = "nuclear-attack" | "nuclear-aggression": "aggression in which nuclear weapons are used",
        NuclearThreat = "nuclear-threat": "a threat of aggression with nuclear weapons",
        Situation = "situation": "any situation that raises a question about the commitments",
    }
}

impl TriggerKind {
    /// Kinds that amount to (or include) an armed attack.
    pub fn covers_armed_attack(self) -> bool {
        matches!(
            self,
            TriggerKind::ArmedAttack | TriggerKind::Aggression | TriggerKind::MilitaryOperation
        )
    }

    /// Kinds that are attacks of some sort (armed, nuclear, hybrid, cyber).
    pub fn is_attack(self) -> bool {
        self.covers_armed_attack()
            || matches!(
                self,
                TriggerKind::NuclearAttack | TriggerKind::HybridAttack | TriggerKind::CyberAttack
            )
    }
}

vocabulary! {
    ThreatAspect, "threatened aspect" {
        TerritorialIntegrity = "territorial-integrity": "the integrity of the party's territory",
        PoliticalIndependence = "political-independence" | "independence": "the party's political independence",
        Security = "security": "the party's security",
        Sovereignty = "sovereignty": "the party's sovereignty",
    }
}

vocabulary! {
    /// What of a party an attack must hit to count (`covering ...` after a trigger's scope).
    Covered, "covered object" {
        Territory = "territory": "the party's territory (and its islands) inside the scope",
        Forces = "forces": "the party's armed forces, wherever the scope reaches",
        Vessels = "vessels": "the party's vessels, public or merchant, inside the scope",
        Aircraft = "aircraft": "the party's aircraft inside the scope",
    }
}

vocabulary! {
    /// The line of `across LINE`: only an attack that crosses it counts.
    CrossingLine, "line" {
        CeasefireLine = "ceasefire-line": "the line where a ceasefire leaves the forces",
        ContactLine = "contact-line": "the line of contact between the forces",
        ArmisticeLine = "armistice-line" | "demarcation-line": "an armistice or military demarcation line",
    }
}

vocabulary! {
    /// How strongly an attack on one concerns the others (`indivisible GRADE`).
    Indivisibility, "grade of indivisibility" {
        AttackOnAll = "attack-on-all": "an attack on one is an attack on all (Article 5)",
        ThreatToCommunity = "threat-to-community": "an attack on one threatens the peace and security of all, without being an attack on all",
        CommonDanger = "common-danger": "an attack on one is dangerous to the others' peace and safety (the Pacific formula)",
    }
}

vocabulary! {
    AssistanceKind, "kind of assistance" {
        MilitaryAid = "military-aid": "military aid in general",
        SecurityAssistance = "security-assistance": "security assistance",
        MilitaryEquipment = "military-equipment": "modern military equipment",
        Weapons = "weapons": "weapons",
        Ammunition = "ammunition": "ammunition",
        AirDefence = "air-defence" | "air-defense": "air and missile defence",
        Artillery = "artillery": "artillery",
        LongRangeFires = "long-range-fires": "long-range strike",
        ArmouredVehicles = "armoured-vehicles" | "armored-vehicles": "armoured vehicles",
        CombatAir = "combat-air": "combat aircraft",
        MaritimeSecurity = "maritime-security": "naval and maritime capabilities",
        Training = "training": "training of armed forces",
        Intelligence = "intelligence": "intelligence sharing",
        CyberDefence = "cyber-defence" | "cyber-defense": "cyber defence and resilience",
        HybridDefence = "hybrid-defence": "countering hybrid threats",
        DefenceIndustrial = "defence-industrial" | "defense-industrial": "defence-industrial cooperation and joint production",
        Logistics = "logistics": "logistics and enablers",
        Demining = "demining": "demining",
        Advisory = "advisory": "advisers and institutional support for the armed forces",
        MutualAid = "mutual-aid": "continuous self-help and mutual aid to build capacity to resist attack",
        EconomicAssistance = "economic-assistance": "economic assistance",
        FinancialAid = "financial-aid": "budget and financial support",
        HumanitarianAid = "humanitarian-aid": "humanitarian aid",
        EnergySecurity = "energy-security": "energy security",
        Reconstruction = "reconstruction": "post-war reconstruction",
        Sanctions = "sanctions": "imposing economic and other costs on the aggressor",
        PoliticalSupport = "political-support": "diplomatic and political support",
        MembershipSupport = "membership-support": "support for membership of the EU or NATO",
    }
}

impl AssistanceKind {
    /// Kinds that make up security cooperation in Table 1's sense (training,
    /// intelligence, arms supply), as opposed to economic or political support.
    pub fn is_security_cooperation(self) -> bool {
        use AssistanceKind::*;
        !matches!(
            self,
            EconomicAssistance
                | FinancialAid
                | HumanitarianAid
                | EnergySecurity
                | Reconstruction
                | Sanctions
                | PoliticalSupport
                | MembershipSupport
        )
    }
}

vocabulary! {
    /// The means of an `assist`, `defend` or `act` clause.
    Means, "means" {
        ArmedForce = "armed-force": "the use of armed force",
        AllMeans = "all-means": "all the military and other aid and assistance in the party's power (open-ended: does not name armed force)",
        NecessaryAction = "necessary-action": "such action as each party deems necessary",
        MilitaryAssistance = "military-assistance": "military assistance short of committing forces",
        MilitaryEquipment = "military-equipment": "weapons and equipment",
        ClosingAirspace = "closing-airspace": "closing the airspace over the attacked party",
        EconomicAssistance = "economic-assistance": "economic assistance",
        PoliticalSupport = "political-support": "diplomatic and political support",
        MilitaryCapabilities = "military-capabilities": "military capabilities put at the party's disposal (not the use of armed force)",
        Intelligence = "intelligence": "intelligence sharing",
        Logistics = "logistics": "logistics and enablers",
        Sanctions = "sanctions": "economic and other costs imposed on the aggressor",
        Diplomatic = "diplomatic": "diplomatic action",
    }
}

impl Means {
    /// Means that include, or necessarily imply, the use of armed force. `all-means`
    /// ("all the aid in their power") and `military-capabilities` do not name it.
    pub fn includes_armed_force(self) -> bool {
        matches!(self, Means::ArmedForce | Means::ClosingAirspace)
    }

    /// Means so wide that they may cover armed force without naming it.
    pub fn is_open_ended(self) -> bool {
        matches!(self, Means::AllMeans | Means::NecessaryAction)
    }
}

vocabulary! {
    DeterrentMeans, "means of deterrence" {
        NuclearForces = "nuclear-forces": "extended nuclear deterrence (a nuclear umbrella)",
        ConventionalForces = "conventional-forces": "conventional deterrence",
    }
}

vocabulary! {
    Mandate, "mission mandate" {
        Monitor = "monitor": "observe and report",
        Enforce = "enforce": "enforce the settlement, with the capacity to use force",
    }
}

vocabulary! {
    Institution, "institution" {
        Council = "council": "a standing council of the parties",
        DefenceCommittee = "defence-committee" | "defense-committee": "a defence committee that plans implementation",
        IntegratedCommand = "integrated-command": "an integrated military command structure",
        ConsultativeGroup = "consultative-group": "a standing consultative group (such as a nuclear consultative group)",
        ContactGroup = "contact-group": "a contact group for negotiation",
        Secretariat = "secretariat": "a secretariat",
    }
}

impl Institution {
    /// Institutions that amount to a standing council or integrated military structure.
    pub fn is_standing_defence_body(self) -> bool {
        matches!(
            self,
            Institution::Council | Institution::DefenceCommittee | Institution::IntegratedCommand
        )
    }
}

vocabulary! {
    Prohibited, "prohibited thing" {
        Stationing = "stationing": "stationing of foreign troops",
        ForeignBases = "foreign-bases": "foreign military bases",
        NuclearWeapons = "nuclear-weapons": "nuclear weapons on the territory",
        AllianceMembership = "alliance-membership": "joining a military alliance (neutrality)",
        Exercises = "exercises": "military exercises with foreign forces",
        LongRangeWeapons = "long-range-weapons": "long-range weapons",
    }
}

impl Prohibited {
    pub fn bans_foreign_forces(self) -> bool {
        matches!(self, Prohibited::Stationing | Prohibited::ForeignBases)
    }
}

vocabulary! {
    /// What a `limit` clause restricts (usually on the beneficiary).
    LimitKind, "kind of limit" {
        ArmedForces = "armed-forces": "a ceiling on the party's armed forces (give it with `size N troops`)",
        NonNuclear = "non-nuclear": "the party stays without nuclear weapons",
        Neutrality = "neutrality": "the party stays neutral",
        NoAlliance = "no-alliance": "the party may not join a military alliance",
        NoForeignTroops = "no-foreign-troops": "no foreign troops on the party's territory",
        DemilitarisedZone = "demilitarised-zone" | "demilitarized-zone": "a zone without forces (give it with `in`)",
        LongRangeWeapons = "long-range-weapons": "no long-range weapons",
    }
}

vocabulary! {
    RefrainAct, "act to refrain from" {
        ThreatOrUseOfForce = "threat-or-use-of-force": "the threat or use of force",
        EconomicCoercion = "economic-coercion": "economic coercion",
        NuclearUse = "nuclear-use": "the use of nuclear weapons",
        Aggression = "aggression": "aggression",
        Interference = "interference": "interference in internal affairs",
    }
}

vocabulary! {
    RespectAspect, "respected aspect" {
        Independence = "independence": "the party's independence",
        Sovereignty = "sovereignty": "the party's sovereignty",
        Borders = "borders": "the party's existing borders",
        TerritorialIntegrity = "territorial-integrity": "the party's territorial integrity",
    }
}

vocabulary! {
    /// Qualifiers: words after a clause that change how firm it is.
    QualifierKind, "qualifier" {
        AsDeemedNecessary = "as-deemed-necessary": "each party chooses the means it deems necessary (Article 5's own discretion)",
        ConstitutionalProcesses = "constitutional-processes": "in accordance with each party's constitutional processes",
        LegalRequirements = "legal-requirements" | "subject-to": "in accordance with each party's laws or legal requirements",
        SubjectToFunding = "subject-to-funding": "subject to budgets, appropriations or political guidance on funding",
        ConditionalOn = "conditional-on": "conditional on something; name the condition in quotes",
        ConditionalOnReforms = "conditional-on-reforms": "tied to reforms or other conduct of the beneficiary",
        Aspirational = "aspirational": "an intention or aim, not a commitment",
        AtRequest = "at-request": "only at the request of the attacked or another party",
        WherePossible = "where-possible": "only where possible",
        ReserveRight = "reserve-right": "a right to act, not an obligation",
        Unanimity = "unanimity": "requires every guarantor to agree, so any one of them can block it",
        NeutralityCarveout = "neutrality-carveout": "without prejudice to some parties' neutral security policy",
        ArmedForceOptOut = "armed-force-opt-out": "armed force excluded, or subject to each party's consent",
        InPractice = "in-practice": "established in practice rather than in the text",
    }
}

impl QualifierKind {
    /// Whether the qualifier makes a commitment weaker. `in-practice` does not.
    pub fn weakens(self) -> bool {
        !matches!(self, QualifierKind::InPractice)
    }
}

vocabulary! {
    /// How grave an attack must be for a trigger to fire: `threshold significant, ...`.
    Threshold, "threshold" {
        Significant = "significant": "an attack of some weight, not a minor incident",
        Deliberate = "deliberate": "an intended attack, not an accident or a stray shot",
        Sustained = "sustained": "an attack that goes on, not an isolated strike",
        LargeScale = "large-scale": "an attack on a large scale (which is also significant)",
        StateOfWar = "state-of-war": "an attack that puts the party in a state of war",
        Unprovoked = "unprovoked": "an attack the victim did not provoke",
    }
}

vocabulary! {
    /// What a scenario says an attack was like (`at 2027-03-01T06:00Z minor`): the
    /// threshold words and their opposites.
    EventAttribute, "event attribute" {
        Significant = "significant": "an attack of some weight",
        Deliberate = "deliberate": "an intended attack",
        Sustained = "sustained": "an attack that goes on",
        LargeScale = "large-scale": "an attack on a large scale (so also significant)",
        StateOfWar = "state-of-war": "an attack that puts the victim in a state of war",
        Unprovoked = "unprovoked": "an attack the victim did not provoke",
        Minor = "minor": "a minor incident (not significant, nor large-scale)",
        Accidental = "accidental": "an accident, not a deliberate attack",
        Isolated = "isolated": "an isolated strike, not sustained",
        Limited = "limited": "an attack of limited scale (not large-scale)",
        ShortOfWar = "short-of-war": "an attack that does not amount to a state of war",
        Provoked = "provoked": "an attack the victim provoked",
    }
}

impl EventAttribute {
    /// Whether an event with this attribute meets a threshold word: `Some(true)` when
    /// it says so (or implies it: large-scale is significant), `Some(false)` when it
    /// says the opposite (minor is neither significant nor large-scale), `None` when it
    /// says nothing about it.
    pub fn meets(self, threshold: Threshold) -> Option<bool> {
        use EventAttribute as A;
        use Threshold as T;
        match (self, threshold) {
            (A::Significant, T::Significant)
            | (A::LargeScale, T::Significant | T::LargeScale)
            | (A::Deliberate, T::Deliberate)
            | (A::Sustained, T::Sustained)
            | (A::StateOfWar, T::StateOfWar)
            | (A::Unprovoked, T::Unprovoked) => Some(true),
            (A::Minor, T::Significant | T::LargeScale)
            | (A::Limited, T::LargeScale)
            | (A::Accidental, T::Deliberate)
            | (A::Isolated, T::Sustained)
            | (A::ShortOfWar, T::StateOfWar)
            | (A::Provoked, T::Unprovoked) => Some(false),
            _ => None,
        }
    }
}

vocabulary! {
    /// How an organ or a group of parties decides on the response (`decided-by`).
    Vote, "vote" {
        Unanimity = "unanimity": "every member must agree, so any one of them can block the response",
        Consensus = "consensus": "no member may object, so any one of them can block the response",
        TwoThirds = "two-thirds": "two thirds of the votes decide; the response waits for the vote",
        Majority = "majority": "a majority of the votes decides; the response waits for the vote",
    }
}

impl Vote {
    /// Whether a single member can block the decision.
    pub fn is_veto(self) -> bool {
        matches!(self, Vote::Unanimity | Vote::Consensus)
    }
}
