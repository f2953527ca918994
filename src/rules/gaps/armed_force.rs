//! Element A5-11: the response explicitly includes the use of armed force.

use super::{Element, Facts, Finding, GapRule, Shortfall};
use crate::model::vocab::{Means, QualifierKind};
use crate::model::{Duty, Treaty};

pub const ELEMENT: Element = Element {
    id: "armed-force",
    title: "armed force explicit",
    requires: None,
    rules: &[
        GapRule {
            code: "NO_ARMED_FORCE",
            shortfall: Shortfall::Missing,
            name: "no-armed-force",
            summary: "no commitment that may include the use of armed force",
            why: "equipment and money can be outlasted; only the prospect of armed force deters an attack outright",
            example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    assist UK -> UA with military-equipment, economic-assistance forthwith\n  }\n}\n",
            fix: "name the means: an `assist` clause `with armed-force` in the armed-attack trigger",
        },
        GapRule {
            code: "ARMED_FORCE_OPT_OUT",
            shortfall: Shortfall::Weakened,
            name: "armed-force-opt-out",
            summary: "armed force is excluded or left to each party's consent",
            why: "an opt-out tells the aggressor which response it need not fear",
            example: "treaty t {\n  form treaty\n  status in-force\n  members UK, UA\n  trigger armed-attack against any member {\n    assist each member -> attacked with all-means forthwith\n      armed-force-opt-out \"the use of armed force is subject to each party's consent\"\n  }\n}\n",
            fix: "remove `armed-force-opt-out`",
        },
    ],
    assess,
};

/// NO_ARMED_FORCE, saying why when the means look wider than they are: open-ended
/// means ("all the aid in their power") and `military-capabilities` do not name armed
/// force, and a menu (`may-include`) without it offers none.
fn no_armed_force(facts: &Facts, span: crate::span::Span) -> Finding {
    let means = || {
        facts
            .assistance_duties
            .iter()
            .filter_map(|o| match &o.duty {
                Duty::Assist { means, menu, .. } => Some((means, *menu)),
                _ => None,
            })
    };
    let open_ended: Vec<&str> = means()
        .flat_map(|(m, _)| m.iter())
        .filter(|m| m.is_open_ended())
        .map(|m| m.word())
        .collect();
    let capabilities = means().any(|(m, _)| m.contains(&Means::MilitaryCapabilities));
    let menu = means().any(|(_, menu)| menu);
    let mut message = "armed force is not among the means of the response".to_string();
    let mut detail = None;
    if let Some(word) = open_ended.first() {
        message.push_str(&format!(
            ": the means are open-ended (`{word}` does not name armed force)"
        ));
        detail = Some("open-ended means");
    } else if menu {
        message.push_str(": a menu of means (`may-include`) without armed force");
        detail = Some("a menu without armed force");
    } else if capabilities {
        message.push_str(
            ": `military-capabilities` are put at the beneficiary's disposal, not armed force",
        );
        detail = Some("military capabilities only");
    }
    let finding = Finding::new("NO_ARMED_FORCE", span, message);
    match detail {
        Some(d) => finding.with_detail(d),
        None => finding,
    }
}

fn assess(treaty: &Treaty, facts: &Facts) -> Vec<Finding> {
    let mut findings = Vec::new();
    if !facts
        .assistance_duties
        .iter()
        .any(|o| o.includes_armed_force())
    {
        let span = facts
            .assistance_duties
            .first()
            .map(|o| o.span)
            .or(facts.attack_triggers.first().map(|t| t.span))
            .unwrap_or(treaty.header_span);
        let finding = no_armed_force(facts, span);
        findings.push(match super::fix::assist_clause(treaty) {
            Some(assist) => finding.with_fix(super::fix::Fix::add_to_response(treaty, assist)),
            None => finding,
        });
    }
    if let Some(opt_out) = treaty
        .all_obligations()
        .find_map(|(_, o)| o.qualifier(QualifierKind::ArmedForceOptOut))
    {
        findings.push(
            Finding::new(
                "ARMED_FORCE_OPT_OUT",
                opt_out.span,
                "armed force is excluded or subject to each party's consent",
            )
            .with_detail("armed-force-opt-out")
            .with_fix(super::fix::Fix::remove(
                opt_out.span,
                "armed-force-opt-out",
                "",
            )),
        );
    }
    findings
}
