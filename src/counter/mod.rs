//! Counter-scenarios: for a gap, the event that shows what it means. The event is
//! built from the treaty's own parties (its adversary attacks its beneficiary, or a
//! third state does, or the attack falls in a carve-out, or after the term), run
//! through the scenario engine against the treaty, and the same event run against the
//! baseline the gaps are measured against (its first member standing for the victim).
//! Both sides are what the engine found; nothing here states what a treaty owes.
//!
//! Which event fits a gap is decided by the gap's code (an attack by someone else for
//! a narrow trigger, ...); codes about things no event can show (the legal form,
//! stationed forces, an institution) have none.

use crate::source::LineIndex;
use serde::Serialize;

use crate::model::vocab::Role;
use crate::model::{Date, Term, Treaty};
use crate::rules::Baseline;
use crate::scenario::engine::{self, Instrument, Run};
use crate::scenario::{resolve, Instant, Scenario};
use crate::syntax::lower_scenario::parse_happening;

/// The event a gap is shown with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// An armed attack by the treaty's adversary on the party it protects.
    Attack,
    /// The same, run as the text stands (not assumed in force).
    AttackAsItStands,
    /// An armed attack by a state the trigger does not name.
    AttackByOther,
    /// An armed attack in an area the trigger carves out.
    AttackInCarveOut,
    /// An armed attack after the fixed term has run out.
    AttackAfterTerm,
    /// An armed attack by a party of the treaty itself.
    AttackByGuarantor,
}

fn shape(code: &str) -> Option<Shape> {
    Some(match code {
        "NOT_IN_FORCE" | "NOT_RATIFIED" | "NOT_YET_ACTIVE" | "PARTLY_SUSPENDED" => {
            Shape::AttackAsItStands
        }
        "NARROW_TRIGGER" => Shape::AttackByOther,
        "GEOGRAPHIC_EXCLUSION" => Shape::AttackInCarveOut,
        "FIXED_TERM" => Shape::AttackAfterTerm,
        "GUARANTOR_IS_POTENTIAL_AGGRESSOR" => Shape::AttackByGuarantor,
        "NO_TRIGGER"
        | "NO_ATTACK_ON_ALL"
        | "NO_MUTUAL_DEFENCE"
        | "CONSULT_ONLY"
        | "COMMON_DANGER_FORMULA"
        | "RIGHT_NOT_OBLIGATION"
        | "NO_ARMED_FORCE"
        | "ARMED_FORCE_OPT_OUT"
        | "NOT_IMMEDIATE"
        | "CONSULTATION_DELAY"
        | "NO_CONSULTATION"
        | "NO_CONSULTATION_DEADLINE"
        | "CONSTITUTIONAL_QUALIFIER_IN_OPERATIVE_CLAUSE"
        | "CONDITIONAL_ON_REQUEST"
        | "UNSC_DEPENDENT"
        | "FUNDING_CONDITIONAL"
        | "CONDITIONALITY_ON_BENEFICIARY"
        | "INTENT_ONLY"
        | "CONDITIONAL_COMMITMENT"
        | "QUALIFIED_DEADLINE"
        | "UNILATERAL_DETERMINATION"
        | "COLLECTIVE_DECISION" => Shape::Attack,
        _ => return None,
    })
}

/// One event, and what the treaty and the baseline make of it.
#[derive(Debug, Clone, Serialize)]
pub struct CounterScenario {
    pub code: String,
    /// The event, as an `--event` line of `treaty simulate`.
    pub event: String,
    /// Whether the run assumed the treaty in force (a what-if on its content).
    pub assumed_in_force: bool,
    /// What the engine found under the treaty: one sentence per finding.
    pub under_text: Vec<String>,
    /// The baseline's name and the event as run against it.
    pub baseline: String,
    pub baseline_event: String,
    pub under_baseline: Vec<String>,
}

impl CounterScenario {
    /// A few lines of text: the event, then each side.
    pub fn render(&self) -> String {
        let mut out = format!("event: {}", self.event);
        if self.assumed_in_force {
            out.push_str(" (the text assumed in force)");
        }
        out.push_str("\n  under this text:");
        for line in &self.under_text {
            out.push_str(&format!("\n    {line}"));
        }
        out.push_str(&format!(
            "\n  under {} (the same event, `{}`):",
            self.baseline, self.baseline_event
        ));
        for line in &self.under_baseline {
            out.push_str(&format!("\n    {line}"));
        }
        out
    }

    /// One line: "armed-attack by RU against UA at T: under this text ...; under Article 5 ...".
    pub fn sentence(&self) -> String {
        format!(
            "{}: under this text {}; under {} {}",
            self.event,
            self.under_text.join("; "),
            self.baseline,
            self.under_baseline.join("; ")
        )
    }
}

/// The counter-scenario of gap `code` of `treaty` (read from `text`, shown as
/// `file`), or `None` when no event shows what the gap means.
pub fn for_gap(
    treaty: &Treaty,
    text: (&str, &LineIndex),
    file: &str,
    code: &str,
    baseline: &Baseline,
    baseline_text: (&str, &LineIndex),
) -> Option<CounterScenario> {
    let shape = shape(code)?;
    let victim = protected(treaty)?;
    let adversary = treaty
        .parties
        .iter()
        .find(|p| p.has_role(Role::Adversary) && !p.is_group())
        .map(|p| p.code.to_string());
    let by = match shape {
        Shape::AttackByOther => Some(third_state(treaty)),
        Shape::AttackByGuarantor => Some(
            treaty
                .parties
                .iter()
                .find(|p| {
                    p.has_role(Role::Adversary)
                        && (p.has_role(Role::Guarantor) || p.has_role(Role::Member))
                })
                .or_else(|| treaty.parties.iter().find(|p| p.has_role(Role::Guarantor)))?
                .code
                .to_string(),
        ),
        _ => adversary,
    };
    let place = match shape {
        Shape::AttackInCarveOut => Some(carve_out(treaty)?),
        _ => None,
    };
    let at = time(treaty, shape)?;
    let event = event_text(by.as_deref(), &victim, place.as_deref(), &at);
    let assumed = shape != Shape::AttackAsItStands;
    let run = run(&event, assumed, treaty, text, file)?;
    let under_text = findings(&run, &at);
    let ally = protected(&baseline.treaty)?;
    let baseline_event = event_text(by.as_deref(), &ally, place.as_deref(), &at);
    let base = run_baseline(&baseline_event, baseline, baseline_text)?;
    Some(CounterScenario {
        code: code.to_string(),
        event,
        assumed_in_force: assumed,
        under_text,
        baseline: baseline.name.clone(),
        baseline_event,
        under_baseline: findings(&base, &at),
    })
}

fn event_text(by: Option<&str>, victim: &str, place: Option<&str>, at: &str) -> String {
    let mut out = "armed-attack".to_string();
    if let Some(by) = by {
        out.push_str(&format!(" by {by}"));
    }
    out.push_str(&format!(" against {victim}"));
    if let Some(place) = place {
        out.push_str(&format!(" in {place}"));
    }
    out.push_str(&format!(" at {at}"));
    out
}

/// The party an attack is on: the first beneficiary, else the first member or party.
fn protected(treaty: &Treaty) -> Option<String> {
    let usable = |p: &&crate::model::Party| !p.is_group() && !p.has_role(Role::Adversary);
    treaty
        .parties
        .iter()
        .filter(usable)
        .find(|p| p.has_role(Role::Beneficiary))
        .or_else(|| {
            treaty
                .parties
                .iter()
                .filter(usable)
                .find(|p| p.has_role(Role::Member))
        })
        .or_else(|| treaty.parties.iter().find(usable))
        .map(|p| p.code.to_string())
}

/// A code no party of the treaty uses, for "a state the trigger does not name".
fn third_state(treaty: &Treaty) -> String {
    ["XX", "XY", "XZ"]
        .into_iter()
        .find(|c| treaty.party(c).is_none())
        .unwrap_or("XX")
        .to_string()
}

/// The first area an armed-attack trigger carves out, as an event's place.
fn carve_out(treaty: &Treaty) -> Option<String> {
    treaty
        .triggers
        .iter()
        .filter(|t| t.covers_armed_attack())
        .flat_map(|t| t.scope.excluding.iter())
        .find_map(|area| match &area.value {
            crate::model::scope::Area::Region { text } => Some(format!("\"{text}\"")),
            _ => None,
        })
}

/// When the event happens: a year into the instrument (or a month after its fixed
/// term has run out), at 06:00 UTC.
fn time(treaty: &Treaty, shape: Shape) -> Option<String> {
    let start = [&treaty.effective, &treaty.signed, &treaty.proposed]
        .into_iter()
        .flatten()
        .map(|d| d.value)
        .next()
        .unwrap_or(Date {
            year: 2030,
            month: 1,
            day: 1,
        });
    let day = match (shape, treaty.duration.as_ref().map(|d| &d.value)) {
        (Shape::AttackAfterTerm, Some(Term::Fixed { period })) => {
            engine::term_end(start, *period).add_months(1)
        }
        (Shape::AttackAfterTerm, _) => return None,
        _ => start.add_months(12),
    };
    Some(format!("{day}T06:00Z"))
}

fn scenario(event_text: &str, assumed: bool) -> Option<Scenario> {
    let happening = parse_happening(event_text).ok()?;
    let mut diagnostics = Vec::new();
    let mut event = resolve::happening(&happening, event_text, &mut diagnostics)?;
    if !diagnostics.is_empty() {
        return None;
    }
    event.span = None;
    let mut scenario = Scenario::from_events("counter-scenario", vec![event]);
    scenario.assume_in_force = assumed;
    Some(scenario)
}

/// `text` with its line index, built once per file by the caller: a run per gap must
/// not index the whole file again (a report on one file of 10,000 treaties was
/// quadratic).
fn run(
    event: &str,
    assumed: bool,
    treaty: &Treaty,
    (text, lines): (&str, &LineIndex),
    file: &str,
) -> Option<Run> {
    let scenario = scenario(event, assumed)?;
    Some(engine::run(
        &scenario,
        &[Instrument {
            treaty,
            file,
            text,
            lines,
        }],
    ))
}

fn run_baseline(event: &str, baseline: &Baseline, text: (&str, &LineIndex)) -> Option<Run> {
    run(event, true, &baseline.treaty, text, &baseline.name)
}

/// What a run found, in sentences: each obligation brought due, with its deadline
/// counted from the event, each trigger of the right kind that stayed silent, and
/// whether anyone owes assistance.
fn findings(run: &Run, at: &str) -> Vec<String> {
    let start = Instant::parse(at).ok();
    let mut out = Vec::new();
    for e in &run.evaluations {
        let relevant = e
            .reasons
            .iter()
            .all(|r| r.code != crate::scenario::Reason::WrongKind);
        if !e.fires && relevant {
            let why: Vec<&str> = e.reasons.iter().map(|r| r.message.as_str()).collect();
            out.push(format!(
                "trigger `{}` (line {}) does not fire: {}",
                e.trigger,
                e.line,
                why.join("; ")
            ));
        }
    }
    for e in run.evaluations.iter().filter(|e| e.fires) {
        let notes: Vec<&str> = e
            .notes
            .iter()
            .filter(|n| {
                use crate::scenario::Reason::*;
                matches!(
                    n.code,
                    AttackerIsGuarantor | AwaitsDecision | Suspended | Conditional
                )
            })
            .map(|n| n.message.as_str())
            .collect();
        if !notes.is_empty() {
            out.push(format!(
                "trigger `{}` (line {}) fires: {}",
                e.trigger,
                e.line,
                notes.join("; ")
            ));
        }
    }
    for o in &run.obligations {
        if o.origin != engine::Origin::Trigger || o.duty == "indivisible" {
            continue;
        }
        let when = match (o.due, start) {
            _ if o.decision.is_some() => "once a decision is taken".to_string(),
            (Some(due), Some(start)) if due.utc == start.utc => "at once (T)".to_string(),
            (Some(due), Some(start)) => {
                format!("by T+{}", hours(due.utc - start.utc))
            }
            _ => "with no deadline".to_string(),
        };
        let mut line = format!(
            "{} {} `{}` {when}",
            o.owed_by.join(", "),
            if o.discretionary && o.owed_by.len() > 1 {
                "may (at their discretion)"
            } else if o.discretionary {
                "may (at its discretion)"
            } else {
                "must"
            },
            o.what
        );
        if !o.qualifiers.is_empty() && !o.discretionary {
            line.push_str(&format!(" (subject to {})", o.qualifiers.join(", ")));
        }
        out.push(line);
    }
    let assists = run
        .obligations
        .iter()
        .filter(|o| matches!(o.duty, "assist" | "defend" | "act"))
        .collect::<Vec<_>>();
    if assists.is_empty() {
        out.push("no party owes assistance".to_string());
    } else if !assists.iter().any(|o| o.what.contains("armed-force")) {
        out.push("no party owes armed force".to_string());
    }
    out
}

fn hours(seconds: i64) -> String {
    let h = seconds / 3600;
    if h % 24 == 0 && h >= 48 {
        format!("{}d", h / 24)
    } else {
        format!("{h}h")
    }
}

/// The counter-scenario of every gap of a checked file that has one: (treaty index,
/// gap index, scenario). The file is resolved again, with its references.
pub fn for_report(
    report: &crate::analysis::FileReport,
    baseline: &Baseline,
    baseline_text: &str,
    loader: &dyn crate::model::references::Loader,
) -> Vec<(usize, usize, CounterScenario)> {
    let text = &report.source.text;
    let path = &report.source.path;
    let (model, _) = crate::analysis::model_with_references(text, path, loader);
    let by_id: std::collections::HashMap<&str, &Treaty> =
        model.treaties.iter().map(|m| (m.id.as_str(), m)).collect();
    let file_text = (text.as_str(), &report.source.lines);
    let baseline_lines = LineIndex::new(baseline_text);
    let baseline_text = (baseline_text, &baseline_lines);
    let mut out = Vec::new();
    for (t, treaty) in report.treaties.iter().enumerate() {
        let Some(resolved) = by_id.get(treaty.id.as_str()) else {
            continue;
        };
        for (g, gap) in treaty.gaps.iter().enumerate() {
            if let Some(c) = for_gap(resolved, file_text, path, gap.code, baseline, baseline_text) {
                out.push((t, g, c));
            }
        }
    }
    out
}
