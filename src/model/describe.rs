//! Model values written back in the language's own words, for the redline and the
//! scenario engine's reports: `assist FR, UK -> attacked with armed-force immediately`,
//! `notice 1 year after 10 years`.
//! Not a formatter (that is `treaty fmt`, which works on the syntax tree): this prints a
//! resolved clause compactly, without its `source` and qualifier arguments.

use crate::model::vocab::{Group, Indivisibility, LimitKind};
use crate::model::{
    Amount, Assistance, Body, Deadline, Duty, Event, ForcesOf, Obligation, Party, PartyRef, Place,
    Qualifier, Review, Size, Term, Trigger, Withdrawal,
};

pub fn group_plural(group: Group) -> &'static str {
    match group {
        Group::Members => "members",
        Group::Guarantors => "guarantors",
        Group::Beneficiaries => "beneficiaries",
        Group::Parties => "parties",
        Group::Signatories => "signatories",
    }
}

pub fn party_ref(party: &PartyRef) -> String {
    match party {
        PartyRef::Party { code } => code.to_string(),
        PartyRef::Each { group } => format!("each {}", group.word()),
        PartyRef::All { group } => format!("all {}", group_plural(*group)),
        PartyRef::Any { group } => format!("any {}", group.word()),
        PartyRef::Attacked => "attacked".to_string(),
        PartyRef::Class { name } => format!("any \"{name}\""),
        PartyRef::Except { of, except } => {
            format!("{} except {}", party_ref(of), except.join(", "))
        }
    }
}

pub fn parties(list: &[PartyRef]) -> String {
    list.iter().map(party_ref).collect::<Vec<_>>().join(", ")
}

pub fn words<T: Copy>(items: &[T], word: fn(T) -> &'static str) -> String {
    items
        .iter()
        .map(|i| word(*i))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn deadline(deadline: &Deadline) -> String {
    match deadline {
        Deadline::Forthwith => "forthwith".to_string(),
        Deadline::Immediately => "immediately".to_string(),
        Deadline::Within { period } => format!("within {period}"),
        Deadline::AfterConsultation => "after consultation".to_string(),
    }
}

/// `within 24 hours` -> `24 hours`; the others as written.
pub fn deadline_short(deadline: &Deadline) -> String {
    match deadline {
        Deadline::Within { period } => period.to_string(),
        other => self::deadline(other),
    }
}

pub fn place(place: &Place) -> String {
    match place {
        Place::Party { code } => code.to_string(),
        Place::Described { text } => format!("\"{text}\""),
    }
}

/// `indivisible`, with its grade when it is not the plain attack on all.
pub fn indivisible(grade: Indivisibility) -> String {
    match grade {
        Indivisibility::AttackOnAll => "indivisible".to_string(),
        other => format!("indivisible {}", other.word()),
    }
}

pub fn body(body: &Body) -> String {
    match body {
        Body::UnSecurityCouncil => "un-security-council".to_string(),
        Body::Other { name } => format!("\"{name}\""),
    }
}

pub fn size(size: &Size) -> String {
    match size.high {
        Some(high) => format!("{} to {} {}", size.low, high, size.unit),
        None => format!("{} {}", size.low, size.unit),
    }
}

/// `GBP 2.5 billion per year`.
pub fn amount(amount: &Amount) -> String {
    let (value, scale) = [(1e9, " billion"), (1e6, " million"), (1e3, " thousand")]
        .iter()
        .find(|(unit, _)| amount.value >= *unit)
        .map(|(unit, word)| (amount.value / unit, *word))
        .unwrap_or((amount.value, ""));
    let number = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.3}");
        text.trim_end_matches('0').to_string()
    };
    let per = amount
        .per
        .as_ref()
        .map(|p| format!(" per {p}"))
        .unwrap_or_default();
    format!("{} {number}{scale}{per}", amount.currency)
}

/// `reinstate sanctions by US against RU automatically on ceasefire-violation(RU)`.
pub fn reinstate(
    givers: &[PartyRef],
    measures: &[Assistance],
    against: &[PartyRef],
    automatically: bool,
    on: Option<&Event>,
) -> String {
    let mut s = format!(
        "reinstate {}",
        measures
            .iter()
            .map(assistance)
            .collect::<Vec<_>>()
            .join(", ")
    );
    if !givers.is_empty() {
        s.push_str(&format!(" by {}", parties(givers)));
    }
    if !against.is_empty() {
        s.push_str(&format!(" against {}", parties(against)));
    }
    if automatically {
        s.push_str(" automatically");
    }
    if let Some(on) = on {
        s.push_str(&format!(" on {}", event(on)));
    }
    s
}

pub fn assistance(item: &Assistance) -> String {
    if item.details.is_empty() {
        item.kind.word().to_string()
    } else {
        format!(
            "{} [{}]",
            item.kind.word(),
            words(&item.details, |d| d.word())
        )
    }
}

pub fn event(event: &Event) -> String {
    match event {
        Event::Named { name, parties } if parties.is_empty() => name.to_string(),
        Event::Named { name, parties } => format!("{name}({})", parties.join(", ")),
        Event::Described { text } => format!("\"{text}\""),
    }
}

pub fn term(term: &Term) -> String {
    match term {
        Term::Indefinite => "indefinite".to_string(),
        Term::NotStated => "not-stated".to_string(),
        Term::Fixed { period } => period.to_string(),
        Term::Until { event } => format!("until {}", self::event(event)),
    }
}

pub fn review(review: &Review) -> String {
    match review {
        Review::Within { period } => format!("within {period}"),
        Review::After { period } => format!("after {period}"),
        Review::Every { period } => format!("every {period}"),
        Review::On { event } => format!("on {}", self::event(event)),
    }
}

pub fn withdrawal(withdrawal: &Withdrawal) -> String {
    match withdrawal {
        Withdrawal::Notice {
            notice,
            not_before: Some(after),
        } => format!("notice {notice} after {after}"),
        Withdrawal::Notice {
            notice,
            not_before: None,
        } => format!("notice {notice}"),
        Withdrawal::AnyTime => "any-time".to_string(),
        Withdrawal::NoExit => "none".to_string(),
    }
}

pub fn party(party: &Party) -> String {
    let mut out = format!("party {}", party.code);
    if let Some(name) = &party.name {
        out.push_str(&format!(" \"{name}\""));
    }
    if !party.roles.is_empty() {
        out.push(' ');
        out.push_str(&words(&party.roles, |r| r.word()));
    }
    out
}

/// Whose forces a ban is about: `NATO`, `"NATO"`.
pub fn forces_of(of: &ForcesOf) -> String {
    match of {
        ForcesOf::Parties { parties: list } => parties(list),
        ForcesOf::Described { text } => format!("\"{text}\""),
    }
}

/// A limit in words, for gap messages: "armed forces capped at 600,000 troops".
pub fn limit(what: &[LimitKind], size: Option<&Size>, place: Option<&Place>) -> String {
    let mut parts = Vec::new();
    for kind in what {
        let text = match kind {
            LimitKind::ArmedForces => match size {
                Some(size) => format!("armed forces capped at {}", size_words(size)),
                None => "armed forces capped".to_string(),
            },
            LimitKind::NonNuclear => "non-nuclear status".to_string(),
            LimitKind::Neutrality => "neutrality".to_string(),
            LimitKind::NoAlliance => "no military alliance".to_string(),
            LimitKind::NoForeignTroops => "no foreign troops".to_string(),
            LimitKind::DemilitarisedZone => match place {
                Some(p) => format!("a demilitarised zone in {}", self::place(p)),
                None => "a demilitarised zone".to_string(),
            },
            LimitKind::LongRangeWeapons => "no long-range weapons".to_string(),
        };
        parts.push(text);
    }
    parts.join(", ")
}

/// `600,000 troops`, `40,000 to 50,000 troops`.
pub fn size_words(size: &Size) -> String {
    let n = |v: u64| {
        let digits = v.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    match size.high {
        Some(high) => format!("{} to {} {}", n(size.low), n(high), size.unit),
        None => format!("{} {}", n(size.low), size.unit),
    }
}

pub fn qualifiers(list: &[Qualifier]) -> String {
    list.iter()
        .map(|q| q.kind.word())
        .collect::<Vec<_>>()
        .join(" ")
}

fn flow(o: &Obligation) -> String {
    if o.receivers.is_empty() {
        parties(&o.givers)
    } else {
        format!("{} -> {}", parties(&o.givers), parties(&o.receivers))
    }
}

/// The clause without its qualifiers.
pub fn duty(o: &Obligation) -> String {
    let keyword = o.keyword();
    let mut out = match &o.duty {
        Duty::Consult { deadline } => {
            let mut s = format!("consult {}", parties(&o.givers));
            if let Some(d) = deadline {
                s.push(' ');
                s.push_str(&self::deadline(d));
            }
            s
        }
        Duty::Provide {
            assistance,
            amount,
            from,
            until,
        } => {
            let kinds: Vec<String> = assistance.iter().map(self::assistance).collect();
            let mut s = format!("provide {} {}", flow(o), kinds.join(", "));
            if let Some(a) = amount {
                s.push_str(&format!(" {}", self::amount(a)));
            }
            if let Some(d) = from {
                s.push_str(&format!(" from {d}"));
            }
            if let Some(d) = until {
                s.push_str(&format!(" until {d}"));
            }
            s
        }
        Duty::Assist {
            means,
            menu,
            timing,
            ..
        } => {
            let mut s = format!("{keyword} {}", flow(o));
            if !means.is_empty() {
                let menu = if *menu { "may-include " } else { "" };
                s.push_str(&format!(" with {menu}{}", words(means, |m| m.word())));
            }
            if let Some(t) = timing {
                s.push_str(&format!(" {}", deadline(t)));
            }
            s
        }
        Duty::Station {
            place,
            size,
            tripwire,
            permanent,
        } => {
            let mut s = format!(
                "station {} forces in {}",
                parties(&o.givers),
                self::place(place)
            );
            if let Some(size) = size {
                s.push_str(&format!(" size {}", self::size(size)));
            }
            if *tripwire {
                s.push_str(" tripwire");
            }
            if *permanent {
                s.push_str(" permanent");
            }
            s
        }
        Duty::Deter { means } => format!("deter {} with {}", flow(o), means.word()),
        Duty::Mission {
            mandate,
            place,
            size,
            ..
        } => {
            let mut s = format!(
                "{keyword} {} mandate {}",
                parties(&o.givers),
                mandate.word()
            );
            if let Some(p) = place {
                s.push_str(&format!(" in {}", self::place(p)));
            }
            if let Some(size) = size {
                s.push_str(&format!(" size {}", self::size(size)));
            }
            s
        }
        Duty::Refrain { acts } => {
            let mut s = format!(
                "refrain {} from {}",
                parties(&o.givers),
                words(acts, |a| a.word())
            );
            if !o.receivers.is_empty() {
                s.push_str(&format!(" against {}", parties(&o.receivers)));
            }
            s
        }
        Duty::Respect { aspects } => {
            let mut s = format!(
                "respect {} {}",
                parties(&o.givers),
                words(aspects, |a| a.word())
            );
            if !o.receivers.is_empty() {
                s.push_str(&format!(" of {}", parties(&o.receivers)));
            }
            s
        }
        Duty::Seek { what, body, timing } => {
            let mut s = format!("seek {} {what} by {}", parties(&o.givers), self::body(body));
            if !o.receivers.is_empty() {
                s.push_str(&format!(" for {}", parties(&o.receivers)));
            }
            if let Some(t) = timing {
                s.push_str(&format!(" {}", deadline(t)));
            }
            s
        }
        Duty::Report { body, timing } => {
            let mut s = "report".to_string();
            if !o.givers.is_empty() {
                s.push_str(&format!(" {}", parties(&o.givers)));
            }
            s.push_str(&format!(" to {}", self::body(body)));
            if let Some(t) = timing {
                s.push_str(&format!(" {}", deadline(t)));
            }
            s
        }
        Duty::Establish { institution, name } => {
            let mut s = format!("establish {}", institution.word());
            if let Some(n) = name {
                s.push_str(&format!(" \"{n}\""));
            }
            s
        }
        Duty::Prohibit { what, of, place } => {
            let mut s = format!("prohibit {}", words(what, |w| w.word()));
            if let Some(of) = of {
                s.push_str(&format!(" of {}", forces_of(of)));
            }
            if let Some(p) = place {
                s.push_str(&format!(" in {}", self::place(p)));
            }
            s
        }
        Duty::Indivisible { grade } => indivisible(*grade),
        Duty::Reinstate {
            measures,
            against,
            automatically,
            on,
        } => reinstate(&o.givers, measures, against, *automatically, on.as_ref()),
        Duty::Limit { what, size, place } => {
            let mut s = format!("limit {} {}", parties(&o.givers), words(what, |w| w.word()));
            if let Some(size) = size {
                s.push_str(&format!(" size {}", self::size(size)));
            }
            if let Some(p) = place {
                s.push_str(&format!(" in {}", self::place(p)));
            }
            s
        }
    };
    // `consult` and `report` may have no parties; avoid a double space.
    while out.contains("  ") {
        out = out.replace("  ", " ");
    }
    out.trim().to_string()
}

/// The whole clause with its qualifiers.
pub fn obligation(o: &Obligation) -> String {
    let mut out = duty(o);
    if let Some(decision) = &o.decision {
        out.push_str(&format!(" decided-by {}", decision.text()));
    }
    if !o.qualifiers.is_empty() {
        out.push(' ');
        out.push_str(&qualifiers(&o.qualifiers));
    }
    out
}

/// A trigger's header: `armed-attack by RU against UA`.
pub fn trigger(t: &Trigger) -> String {
    let mut out = words(&t.kinds, |k| k.word());
    if !t.aspects.is_empty() {
        out.push_str(&format!(" to {}", words(&t.aspects, |a| a.word())));
    }
    if !t.by.is_empty() {
        out.push_str(&format!(" by {}", parties(&t.by)));
    }
    if !t.against.is_empty() {
        out.push_str(&format!(" against {}", parties(&t.against)));
    }
    let scope = t.scope.syntax();
    if !scope.is_empty() {
        out.push(' ');
        out.push_str(&scope);
    }
    if !t.threshold.is_empty() {
        out.push_str(&format!(" threshold {}", words(&t.threshold, |w| w.word())));
    }
    if let Some(decision) = &t.decision {
        out.push_str(&format!(" decided-by {}", decision.text()));
    }
    if !t.qualifiers.is_empty() {
        out.push(' ');
        out.push_str(&qualifiers(&t.qualifiers));
    }
    out
}

/// `trigger armed-attack against UA` without the block's qualifiers and places, to
/// say which trigger a clause sits in.
pub fn trigger_short(t: &Trigger) -> String {
    let mut out = words(&t.kinds, |k| k.word());
    if !t.by.is_empty() {
        out.push_str(&format!(" by {}", parties(&t.by)));
    }
    if !t.against.is_empty() {
        out.push_str(&format!(" against {}", parties(&t.against)));
    }
    out
}
