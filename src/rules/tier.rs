//! The tier of a treaty on the gradation of the reference paper's Table 1:
//! soft (political, non-binding), intermediate (structured agreements short of mutual
//! defence), hard (legal, military, full guarantees).
//!
//! The rule, in one place:
//! 1. **Hard**: the instrument binds in international law (a treaty, or `binding yes`)
//!    and it contains hard content: a duty to assist (or defend, or act) when an armed
//!    attack occurs, forces stationed on the protected party's territory, or extended
//!    nuclear deterrence. A draft or a signed-but-unratified treaty is tiered as drafted;
//!    its status shows up as gaps, not as a lower tier.
//! 2. **Soft**: a declaration, joint statement or communique, or an instrument hedged as
//!    a whole (`qualified-by aspirational`), whatever it lists.
//! 3. **Intermediate**: a binding treaty without hard content, or any instrument with
//!    structured content: committed security cooperation (arms, training, intelligence:
//!    `provide` of a security kind that is not aspirational), a peacekeeping mission with
//!    an enforcement mandate, stationed forces, deterrence, or a duty to assist in a
//!    non-binding text.
//! 4. **Soft** otherwise: assurances, consultation pledges and statements of support.

use serde::Serialize;
use std::fmt;

pub mod codes {
    //! Codes of the diagnostics about tiers.
    /// A treaty below the configured minimum tier.
    pub const BELOW_MIN_TIER: &str = "T001";
}

use crate::model::vocab::RatificationState;
use crate::model::vocab::{DeterrentMeans, Form, Mandate, QualifierKind, Role, Status};
use crate::model::{Bindingness, Duty, Obligation, Place, Treaty};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    Soft,
    Intermediate,
    Hard,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Soft => "soft",
            Tier::Intermediate => "intermediate",
            Tier::Hard => "hard",
        }
    }

    pub fn parse(word: &str) -> Option<Tier> {
        match word {
            "soft" => Some(Tier::Soft),
            "intermediate" => Some(Tier::Intermediate),
            "hard" => Some(Tier::Hard),
            _ => None,
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One reason for the tier, and the clause it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reason {
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierAssessment {
    pub tier: Tier,
    pub reasons: Vec<Reason>,
    /// For an instrument that `foresees` another: the tier of the same content once
    /// that instrument is concluded (with its form, in force, ratified).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub once_concluded: Option<Box<TierAssessment>>,
}

fn reason(text: impl Into<String>, span: Span) -> Reason {
    Reason {
        text: text.into(),
        span,
    }
}

/// A reason resting on one clause, marked when the clause records practice rather
/// than treaty text.
fn clause_reason(text: &str, obligation: &Obligation) -> Reason {
    let mut text = text.to_string();
    if obligation.has(QualifierKind::InPractice) {
        text.push_str(" (in practice)");
    }
    if let Some(name) = &obligation.by_reference {
        text.push_str(&format!(" (by reference to {name})"));
    }
    reason(text, obligation.span)
}

/// Whether stationed forces are on the territory of a party the instrument protects:
/// a beneficiary or member named by its code (or a group of them). A described place
/// counts only in a collective pact, where every member's territory is protected
/// ("allied territory"); elsewhere it is not shown to be the beneficiary's.
fn stationed_on_protected_territory(treaty: &Treaty, place: &Place) -> bool {
    match place {
        Place::Party { code } => {
            let protected = |code: &str| {
                treaty
                    .party(code)
                    .is_some_and(|p| p.has_role(Role::Beneficiary) || p.has_role(Role::Member))
            };
            protected(code) || treaty.members_of(code).iter().any(|m| protected(m))
        }
        Place::Described { .. } => treaty.is_collective(),
    }
}

/// Stationing that does not count for the tier, said as a reason.
fn stationing_notes(treaty: &Treaty) -> Vec<Reason> {
    treaty
        .all_obligations()
        .filter_map(|(_, o)| match &o.duty {
            Duty::Station { place, .. }
                if committed(treaty, o) && !stationed_on_protected_territory(treaty, place) =>
            {
                Some(reason(
                    format!(
                        "forces stationed in {} do not count: not the territory of a beneficiary",
                        crate::model::describe::place(place)
                    ),
                    o.span,
                ))
            }
            _ => None,
        })
        .collect()
}

/// Aspirational wording on a clause, or on the whole instrument, empties it; so does a
/// reserved right, which RIGHT_NOT_OBLIGATION reports as no obligation.
fn committed(treaty: &Treaty, obligation: &Obligation) -> bool {
    !obligation.has(QualifierKind::Aspirational)
        && !treaty.hedged(QualifierKind::Aspirational)
        && !obligation.has(QualifierKind::ReserveRight)
}

/// The legal-form reason: what kind of instrument this is, and how far along.
fn form_reason(treaty: &Treaty) -> Reason {
    let span = treaty
        .form
        .as_ref()
        .map(|f| f.span)
        .unwrap_or(treaty.header_span);
    let form = treaty.form();
    let status = treaty.status();
    // The same reading of ratification as the NOT_RATIFIED gap.
    let ratified = crate::rules::gaps::ratified(treaty);
    let instrument = form.map_or("instrument", form_phrase);
    // A `binding` clause overrides the form, so the reason cites it, not the form.
    if let Some(explicit) = &treaty.binding_override {
        let text = match treaty.bindingness() {
            Bindingness::NotBinding => {
                format!("{instrument}, declared not legally binding")
            }
            Bindingness::Contested => {
                format!("{instrument}, bindingness contested")
            }
            Bindingness::Domestic => {
                "domestic statute, not an international obligation".to_string()
            }
            Bindingness::Binding if form == Some(Form::Treaty) => treaty_stage(status, ratified),
            Bindingness::Binding => match status {
                Some(Status::Draft) => {
                    format!("{instrument}, declared legally binding, as drafted")
                }
                Some(Status::Lapsed) => {
                    format!("{instrument}, declared legally binding (lapsed)")
                }
                _ => format!("{instrument}, declared legally binding"),
            },
        };
        let span = if form == Some(Form::Treaty) && treaty.bindingness() == Bindingness::Binding {
            span
        } else {
            explicit.span
        };
        return reason(text, span);
    }
    let text = match form {
        Some(Form::Treaty) => treaty_stage(status, ratified),
        Some(Form::Executive) => "executive agreement, bindingness contested".to_string(),
        Some(Form::Statute) => "domestic statute, not an international obligation".to_string(),
        Some(form) => format!("{}: not legally binding", form_phrase(form)),
        None => "legal form not stated".to_string(),
    };
    reason(text, span)
}

/// How far along a binding treaty is.
fn treaty_stage(status: Option<Status>, ratified: bool) -> String {
    match status {
        Some(Status::Draft) => "binding treaty as drafted (not in force)",
        Some(Status::Lapsed) => "binding treaty (lapsed)",
        _ if ratified => "ratified treaty",
        Some(Status::InForce) => "binding treaty in force, not ratified",
        _ => "signed treaty, not yet ratified",
    }
    .to_string()
}

fn form_phrase(form: Form) -> &'static str {
    match form {
        Form::Declaration => "declaration",
        Form::JointStatement => "joint statement",
        Form::Communique => "communique",
        Form::Memorandum => "memorandum",
        Form::Political => "political agreement",
        Form::Executive => "executive agreement",
        Form::Statute => "statute",
        Form::Treaty => "treaty",
    }
}

/// Content that makes a binding instrument hard.
fn hard_content(treaty: &Treaty) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for trigger in treaty.triggers.iter().filter(|t| t.covers_armed_attack()) {
        for obligation in &trigger.obligations {
            if !obligation.is_assistance_duty() || !committed(treaty, obligation) {
                continue;
            }
            let text = if obligation.includes_armed_force() {
                "armed-force assistance on armed attack"
            } else if obligation.keyword() == "act" {
                "pledge to act against the common danger on armed attack"
            } else {
                "duty to assist on armed attack"
            };
            reasons.push(clause_reason(text, obligation));
        }
    }
    for (_, obligation) in treaty.all_obligations() {
        if !committed(treaty, obligation) {
            continue;
        }
        match &obligation.duty {
            Duty::Station {
                tripwire, place, ..
            } if stationed_on_protected_territory(treaty, place) => reasons.push(clause_reason(
                if *tripwire {
                    "trip-wire forces stationed"
                } else {
                    "forces stationed"
                },
                obligation,
            )),
            Duty::Deter {
                means: DeterrentMeans::NuclearForces,
            } => reasons.push(clause_reason("extended nuclear deterrence", obligation)),
            _ => {}
        }
    }
    reasons
}

/// A clause whose means each party chooses as it deems necessary.
fn discretionary(obligation: &Obligation) -> bool {
    obligation.has(QualifierKind::AsDeemedNecessary)
}

/// Content that makes an instrument a structured agreement.
fn structured_content(treaty: &Treaty) -> Vec<Reason> {
    let mut reasons = Vec::new();
    for (trigger, obligation) in treaty.all_obligations() {
        if !committed(treaty, obligation) {
            continue;
        }
        let on_attack = trigger.is_some_and(|t| t.is_attack());
        let text = match &obligation.duty {
            // Help owed only once an attack comes, and then only as each party deems
            // necessary (or as a right), is no standing cooperation and no commitment.
            Duty::Provide { .. } if trigger.is_some() && discretionary(obligation) => continue,
            Duty::Provide { assistance, .. }
                if trigger.is_some()
                    && assistance.iter().any(|a| a.kind.is_security_cooperation()) =>
            {
                "security assistance owed on attack"
            }
            Duty::Provide { assistance, .. }
                if assistance.iter().any(|a| a.kind.is_security_cooperation()) =>
            {
                "security cooperation (arms, training, intelligence)"
            }
            Duty::Mission {
                mandate: Mandate::Enforce,
                ..
            } => "peacekeeping with an enforcement mandate",
            Duty::Station { place, .. } if stationed_on_protected_territory(treaty, place) => {
                "forces stationed"
            }
            Duty::Deter { .. } => "deterrence commitment",
            // "duty to assist" only for the duties the duty-to-assist gap counts, those
            // owed on an attack; help owed at other times is named for what it is.
            Duty::Assist { .. } if on_attack && obligation.is_assistance_duty() => "duty to assist",
            Duty::Assist { .. } if obligation.is_assistance_duty() => {
                "assistance not owed on an armed attack"
            }
            _ => continue,
        };
        if !reasons.iter().any(|r: &Reason| r.text == text) {
            reasons.push(reason(text, obligation.span));
        }
    }
    reasons
}

/// What a soft instrument does offer, so its reasons are not only negative.
fn soft_content(treaty: &Treaty) -> Option<Reason> {
    let mut kinds: Vec<&'static str> = Vec::new();
    let mut first_span = None;
    for (_, obligation) in treaty.all_obligations() {
        let kind = match &obligation.duty {
            Duty::Refrain { .. } | Duty::Respect { .. } => "assurances",
            Duty::Consult { .. } => "consultation",
            Duty::Seek { .. } => "a pledge to seek action by others",
            Duty::Provide { .. } if !committed(treaty, obligation) => "intended support",
            Duty::Provide { .. } => "non-military support",
            Duty::Mission { .. } => "a monitoring mission",
            _ => continue,
        };
        if !kinds.contains(&kind) {
            kinds.push(kind);
            first_span.get_or_insert(obligation.span);
        }
    }
    let span = first_span?;
    Some(reason(format!("only {}", kinds.join(", ")), span))
}

pub fn classify(treaty: &Treaty) -> TierAssessment {
    let mut assessment = classify_as_written(treaty);
    assessment.reasons.extend(stationing_notes(treaty));
    if let Some(foreseen) = &treaty.foresees {
        let mut concluded = treaty.clone();
        concluded.foresees = None;
        concluded.form = Some(crate::model::At::new(foreseen.value.form, foreseen.span));
        concluded.status = Some(crate::model::At::new(Status::InForce, foreseen.span));
        concluded.binding_override = None;
        concluded.ratification = Some(crate::model::At::new(
            crate::model::Ratification {
                state: match foreseen.value.ratification {
                    Some(RatificationState::NotRequired) => RatificationState::NotRequired,
                    _ => RatificationState::Completed,
                },
                date: None,
            },
            foreseen.span,
        ));
        let mut once = classify(&concluded);
        if let Some(first) = once.reasons.first_mut() {
            first.text = format!("once concluded as {}", first.text);
        }
        assessment.once_concluded = Some(Box::new(once));
    }
    assessment
}

fn classify_as_written(treaty: &Treaty) -> TierAssessment {
    let form = form_reason(treaty);
    let hard = hard_content(treaty);
    let binding = treaty.bindingness() == Bindingness::Binding;
    let aspirational = treaty.hedged(QualifierKind::Aspirational);

    if binding && !aspirational && !hard.is_empty() {
        let mut reasons = vec![form];
        reasons.extend(hard);
        return TierAssessment {
            tier: Tier::Hard,
            reasons,
            once_concluded: None,
        };
    }

    if matches!(
        treaty.form(),
        Some(Form::Declaration | Form::JointStatement | Form::Communique)
    ) {
        let mut reasons = vec![form];
        reasons.extend(soft_content(treaty));
        return TierAssessment {
            tier: Tier::Soft,
            reasons,
            once_concluded: None,
        };
    }
    if aspirational {
        let span = treaty.hedges_span.unwrap_or(treaty.header_span);
        return TierAssessment {
            tier: Tier::Soft,
            reasons: vec![form, reason("the whole instrument is aspirational", span)],
            once_concluded: None,
        };
    }

    let structured = structured_content(treaty);
    if binding || !structured.is_empty() {
        let mut reasons = vec![form];
        if binding && structured.is_empty() {
            let span = treaty.header_span;
            reasons.push(reason("no assistance obligation on armed attack", span));
        }
        reasons.extend(structured);
        return TierAssessment {
            tier: Tier::Intermediate,
            reasons,
            once_concluded: None,
        };
    }

    let mut reasons = vec![form];
    reasons.extend(soft_content(treaty));
    TierAssessment {
        tier: Tier::Soft,
        reasons,
        once_concluded: None,
    }
}

impl TierAssessment {
    /// "hard: ratified treaty; armed-force assistance on armed attack"
    pub fn summary(&self) -> String {
        let reasons: Vec<&str> = self.reasons.iter().map(|r| r.text.as_str()).collect();
        let mut out = format!("{}: {}", self.tier, reasons.join("; "));
        if let Some(once) = &self.once_concluded {
            out.push_str(&format!("; {} once concluded: {}", once.tier, {
                let r: Vec<&str> = once.reasons.iter().map(|r| r.text.as_str()).collect();
                r.join("; ")
            }));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assessment(text: &str) -> TierAssessment {
        let (model, _) = crate::model::model_of(text);
        classify(&model.treaties[0])
    }

    fn treaty(header: &str, body: &str) -> String {
        format!("treaty t {{\n{header}\n  party US guarantor\n  party TW beneficiary\n{body}\n}}\n")
    }

    const ARMED_ASSISTANCE: &str =
        "  trigger armed-attack against TW {\n    assist US -> TW with armed-force forthwith\n  }";

    /// The first reason (the legal form's) and the line it points at.
    fn form_reason_of(header: &str) -> (Tier, String, usize) {
        let text = treaty(header, ARMED_ASSISTANCE);
        let tier = assessment(&text);
        let first = &tier.reasons[0];
        let line = text[..first.span.start].matches('\n').count() + 1;
        (tier.tier, first.text.clone(), line)
    }

    #[test]
    fn a_treaty_declared_not_binding_is_not_called_ratified() {
        let (tier, text, line) = form_reason_of("  form treaty\n  binding no\n  status in-force");
        assert_eq!(tier, Tier::Intermediate);
        assert_eq!(text, "treaty, declared not legally binding");
        assert_eq!(line, 3, "the reason points at the `binding` clause");
    }

    #[test]
    fn a_political_text_declared_binding_is_binding_but_not_ratified() {
        let (tier, text, line) =
            form_reason_of("  form political\n  binding yes\n  status in-force");
        assert_eq!(tier, Tier::Hard);
        assert_eq!(text, "political agreement, declared legally binding");
        assert_eq!(line, 3);
    }

    #[test]
    fn a_contested_override_says_so() {
        let (tier, text, _) =
            form_reason_of("  form treaty\n  binding contested\n  status in-force");
        assert_eq!(tier, Tier::Intermediate);
        assert_eq!(text, "treaty, bindingness contested");
    }

    #[test]
    fn a_plain_treaty_keeps_its_stage() {
        let (tier, text, line) =
            form_reason_of("  form treaty\n  status in-force\n  ratification completed");
        assert_eq!(
            (tier, text.as_str(), line),
            (Tier::Hard, "ratified treaty", 2)
        );
        let (_, text, _) = form_reason_of("  form treaty\n  binding yes\n  status draft");
        assert_eq!(text, "binding treaty as drafted (not in force)");
    }

    #[test]
    fn peacekeeping_with_an_enforcement_mandate_makes_a_political_text_intermediate() {
        let with_mandate = |mandate: &str| {
            assessment(&treaty(
                "  form political\n  status in-force",
                &format!("  peacekeeping US mandate {mandate} in TW size 5000 troops"),
            ))
        };
        let enforce = with_mandate("enforce");
        assert_eq!(enforce.tier, Tier::Intermediate, "{}", enforce.summary());
        assert!(enforce
            .reasons
            .iter()
            .any(|r| r.text == "peacekeeping with an enforcement mandate"));
        let monitor = with_mandate("monitor");
        assert!(
            monitor
                .reasons
                .iter()
                .all(|r| r.text != "peacekeeping with an enforcement mandate"),
            "{}",
            monitor.summary()
        );
    }

    #[test]
    fn assistance_not_owed_on_attack_is_not_called_a_duty_to_assist() {
        // The duty-to-assist gap finds no duty here: the tier must not cite one.
        let text = treaty(
            "  form statute\n  status in-force",
            "  assist US -> TW with armed-force\n  trigger threat to territorial-integrity against TW {\n    consult US, TW\n  }",
        );
        let tier = assessment(&text);
        assert!(
            tier.reasons.iter().all(|r| r.text != "duty to assist"),
            "{}",
            tier.summary()
        );
        assert!(tier
            .reasons
            .iter()
            .any(|r| r.text == "assistance not owed on an armed attack"));
    }

    #[test]
    fn help_owed_only_on_attack_is_not_standing_cooperation() {
        let on_attack = |qualifier: &str| {
            treaty(
                "  form political\n  status in-force",
                &format!("  trigger armed-attack against TW {{\n    provide US -> TW military-aid, training{qualifier}\n  }}"),
            )
        };
        let discretionary = assessment(&on_attack(" as-deemed-necessary"));
        assert_eq!(
            discretionary.tier,
            Tier::Soft,
            "{}",
            discretionary.summary()
        );
        let owed = assessment(&on_attack(""));
        assert_eq!(owed.tier, Tier::Intermediate);
        assert!(
            owed.summary()
                .contains("security assistance owed on attack")
                && !owed.summary().contains("security cooperation"),
            "{}",
            owed.summary()
        );
    }

    #[test]
    fn the_tier_and_not_ratified_read_ratification_alike() {
        for header in [
            "  form treaty\n  status in-force\n  ratification none",
            "  form treaty\n  status signed",
            "  form treaty\n  status in-force",
        ] {
            let text = treaty(header, "");
            let (model, _) = crate::model::model_of(&text);
            let says_ratified = classify(&model.treaties[0]).reasons[0].text == "ratified treaty";
            assert_eq!(
                says_ratified,
                crate::rules::gaps::ratified(&model.treaties[0]),
                "{header}"
            );
            let treaty = &model.treaties[0];
            let facts = crate::rules::gaps::Facts::of(treaty, None);
            let binding = crate::rules::gaps::ELEMENTS
                .iter()
                .find(|e| e.id == "legally-binding")
                .expect("the binding element");
            let not_ratified = (binding.assess)(treaty, &facts)
                .iter()
                .any(|f| f.code == "NOT_RATIFIED");
            assert_eq!(says_ratified, !not_ratified, "{header}");
        }
        let none = treaty("  form treaty\n  status in-force\n  ratification none", "");
        assert_eq!(
            assessment(&none).reasons[0].text,
            "binding treaty in force, not ratified"
        );
    }
}
