//! Obligations and triggers in words, as they read in a treaty (without qualifiers or
//! `source`), rebuilt from the model: `consult UK, UA within 24 hours`,
//! `armed-attack by RU against UA`. Used by the engine for its reports.

use super::time::describe_seconds;
pub(super) use crate::model::describe::deadline as deadline_text;
use crate::model::describe::{self, parties, words};
use crate::model::{Body, Deadline, Duty, Obligation, Party, Trigger};
use crate::vocab::*;

pub(super) fn deadline_of(obligation: &Obligation) -> Option<&Deadline> {
    match &obligation.duty {
        Duty::Consult { deadline } => deadline.as_ref(),
        Duty::Assist { timing, .. } | Duty::Seek { timing, .. } | Duty::Report { timing, .. } => {
            timing.as_ref()
        }
        _ => None,
    }
}

pub(super) fn body_text(body: &Body) -> String {
    match body {
        Body::UnSecurityCouncil => "un-security-council".into(),
        Body::Other { name } => name.to_string(),
    }
}

/// An obligation as it reads in the treaty, without qualifiers or source.
pub fn obligation_text(obligation: &Obligation) -> String {
    let givers = parties(&obligation.givers);
    let receivers = parties(&obligation.receivers);
    let flow = if receivers.is_empty() {
        givers.clone()
    } else {
        format!("{givers} -> {receivers}")
    };
    let mut out = match &obligation.duty {
        Duty::Consult { .. } => format!("consult {givers}"),
        Duty::Provide { assistance, .. } => {
            let kinds: Vec<String> = assistance
                .iter()
                .map(|a| {
                    if a.details.is_empty() {
                        a.kind.word().to_string()
                    } else {
                        format!(
                            "{} [{}]",
                            a.kind.word(),
                            words(&a.details, AssistanceKind::word)
                        )
                    }
                })
                .collect();
            format!("provide {flow} {}", kinds.join(", "))
        }
        Duty::Assist { means, .. } => {
            let mut s = format!("{} {flow}", obligation.keyword());
            if !means.is_empty() {
                s.push_str(&format!(" with {}", words(means, Means::word)));
            }
            s
        }
        Duty::Seek { what, body, .. } => {
            let mut s = format!("seek {givers} {what} by {}", body_text(body));
            if !receivers.is_empty() {
                s.push_str(&format!(" for {receivers}"));
            }
            s
        }
        Duty::Report { body, .. } => {
            if givers.is_empty() {
                format!("report to {}", body_text(body))
            } else {
                format!("report {givers} to {}", body_text(body))
            }
        }
        Duty::Refrain { acts } => {
            let mut s = format!("refrain {givers} from {}", words(acts, RefrainAct::word));
            if !receivers.is_empty() {
                s.push_str(&format!(" against {receivers}"));
            }
            s
        }
        Duty::Respect { aspects } => format!(
            "respect {givers} {} of {receivers}",
            words(aspects, RespectAspect::word)
        ),
        Duty::Station { place, .. } => {
            format!("station {givers} forces in {}", describe::place(place))
        }
        Duty::Deter { means } => format!("deter {flow} with {}", means.word()),
        Duty::Mission { place, .. } => {
            let mut s = format!("{} {givers}", obligation.keyword());
            if let Some(place) = place {
                s.push_str(&format!(" in {}", describe::place(place)));
            }
            s
        }
        Duty::Establish { institution, name } => match name {
            Some(name) => format!("establish {} \"{name}\"", institution.word()),
            None => format!("establish {}", institution.word()),
        },
        Duty::Prohibit { what, .. } => format!("prohibit {}", words(what, Prohibited::word)),
        Duty::Indivisible { grade } => describe::indivisible(*grade),
        Duty::Reinstate {
            measures,
            against,
            automatically,
            on,
        } => describe::reinstate(
            &obligation.givers,
            measures,
            against,
            *automatically,
            on.as_ref(),
        ),
        Duty::Limit { what, .. } => {
            format!(
                "limit {givers} {}",
                words(what, crate::model::vocab::LimitKind::word)
            )
        }
    };
    if let Some(deadline) = deadline_of(obligation) {
        out.push(' ');
        out.push_str(&deadline_text(deadline));
    }
    out
}

pub(super) fn kinds_text(trigger: &Trigger) -> String {
    let mut kinds: Vec<String> = trigger.kinds.iter().map(|k| k.word().to_string()).collect();
    if !trigger.aspects.is_empty() {
        if let Some(last) = kinds.last_mut() {
            last.push_str(&format!(
                " to {}",
                words(&trigger.aspects, ThreatAspect::word)
            ));
        }
    }
    kinds.join(", ")
}

/// A trigger as it reads: `armed-attack by RU against UA`.
pub fn trigger_text(trigger: &Trigger) -> String {
    let mut kinds = words(&trigger.kinds, TriggerKind::word);
    if !trigger.aspects.is_empty() {
        kinds.push_str(&format!(
            " to {}",
            words(&trigger.aspects, ThreatAspect::word)
        ));
    }
    let mut out = kinds;
    if !trigger.by.is_empty() {
        out.push_str(&format!(" by {}", parties(&trigger.by)));
    }
    if !trigger.against.is_empty() {
        out.push_str(&format!(" against {}", parties(&trigger.against)));
    }
    let scope = trigger.scope.syntax();
    if !scope.is_empty() {
        out.push(' ');
        out.push_str(&scope);
    }
    if !trigger.threshold.is_empty() {
        out.push_str(&format!(
            " threshold {}",
            words(&trigger.threshold, Threshold::word)
        ));
    }
    out
}

pub(super) fn occurrence_kind_text(kind: TriggerKind, aspects: &[ThreatAspect]) -> String {
    if aspects.is_empty() {
        kind.word().to_string()
    } else {
        format!("{} to {}", kind.word(), words(aspects, ThreatAspect::word))
    }
}

pub(super) fn with_article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

pub(super) fn or_list(items: &[String]) -> String {
    match items {
        [] => "nobody".into(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

pub(super) fn roles_text(party: &Party) -> String {
    let roles: Vec<&str> = party
        .roles
        .iter()
        .filter(|r| !matches!(r, Role::Adversary | Role::Observer))
        .map(|r| r.word())
        .collect();
    with_article(&roles.join(" and "))
}

/// A lateness in words, for renderers.
pub fn late_text(seconds: i64) -> String {
    describe_seconds(seconds)
}
