//! Part of element A5-01 (binding, ratified, in force): an instrument whose guarantees
//! wait for an event (`activation on ...`), whose obligations between some parties are
//! suspended (`suspend ...`), or that was terminated on a date (`terminated ...`).

use super::{Finding, GapRule, Shortfall};
use crate::model::terms::event_text;
use crate::model::Treaty;

pub const NOT_YET_ACTIVE: GapRule = GapRule {
    code: "NOT_YET_ACTIVE",
    shortfall: Shortfall::Weakened,
    name: "not-yet-active",
    summary: "the guarantees take effect only once an event has happened (`activation on EVENT`)",
    why: "until the event (a ceasefire, a ratification) nothing is owed, and whether it has happened can itself be disputed",
    example: "treaty t {\n  form treaty\n  status signed\n  ratification completed\n  activation on ceasefire-in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with armed-force forthwith\n  }\n}\n",
    fix: "let the guarantee apply on signature or entry into force, or define the event so that its occurrence can be verified",
};

pub const PARTLY_SUSPENDED: GapRule = GapRule {
    code: "PARTLY_SUSPENDED",
    shortfall: Shortfall::Weakened,
    name: "partly-suspended",
    summary: "obligations between some parties are suspended while the instrument stays in force (`suspend`)",
    why: "a guarantee one party has suspended towards another protects that party no longer, whatever the text says",
    example: "treaty t {\n  form treaty\n  status in-force\n  members AU, NZ, US\n  suspend US -> NZ from 1986-08-11\n  trigger armed-attack against any member {\n    act each member\n  }\n}\n",
    fix: "lift the suspension (give the `suspend` clause an `until` date), or record the obligations as they now stand",
};

/// `NOT_YET_ACTIVE` and `PARTLY_SUSPENDED` findings.
pub fn findings(treaty: &Treaty) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(activation) = &treaty.activation {
        // A named event reads as a name (`ceasefire-in-force`), a described one as
        // its quoted words.
        let event = match &activation.value {
            crate::model::Event::Named { .. } => format!("`{}`", event_text(&activation.value)),
            _ => event_text(&activation.value),
        };
        findings.push(
            Finding::new(
                "NOT_YET_ACTIVE",
                activation.span,
                format!("the guarantee takes effect only once {event} has happened: until then nothing is owed"),
            )
            .with_detail(format!("waits for {event}")),
        );
    }
    for suspension in &treaty.suspensions {
        let (givers, receivers) = suspension.between(treaty);
        let (givers, receivers) = (givers.join(", "), receivers.join(", "));
        let when = match suspension.until {
            Some(until) => format!("from {} until {until}", suspension.from),
            None => format!("since {}", suspension.from),
        };
        findings.push(
            Finding::new(
                "PARTLY_SUSPENDED",
                suspension.span,
                format!("the obligations of {givers} to {receivers} are suspended {when}, while the instrument stays in force"),
            )
            .with_detail(format!("{givers} -> {receivers} suspended")),
        );
    }
    findings
}

/// The `NOT_IN_FORCE` message for a terminated instrument.
pub fn terminated(treaty: &Treaty) -> Option<Finding> {
    let terminated = treaty.terminated.as_ref()?;
    Some(
        Finding::new(
            "NOT_IN_FORCE",
            terminated.span,
            format!("no longer in force: terminated on {}", terminated.value),
        )
        .with_detail(format!("terminated {}", terminated.value)),
    )
}
