//! Checking a scenario's expectations against a run. Pure: a [`Run`] and the
//! scenario's expectations in, a verdict per expectation out; failures become S001
//! diagnostics pointing at the `expect` line.
//!
//! - `expect WHAT [PARTIES]`: some obligation about WHAT (a clause keyword such as
//!   `consult`, or a word it carries, such as `armed-force`) concerning every one of
//!   PARTIES fired.
//! - `by TIME`: ... and it is due at exactly that instant (in any zone).
//! - `fulfilled` / `violated` / `pending`: ... and that is its status, judged on the
//!   shares of PARTIES that owe it (or on all shares when none of them owes it).
//! - `late PERIOD`: ... and it was done exactly that much after its due time.
//! - `because REASON`: ... and it carries that note (`discretionary`,
//!   `attacker-is-guarantor`, ...).
//! - `expect no ...`: no fired obligation fits; with `because REASON`, in addition a
//!   trigger that would have brought such an obligation due stayed silent for REASON.

use super::describe::late_text;
use super::engine::{aggregate, Owed, Run, Share, Status};
use super::time::exact_seconds;
use super::{codes, Expectation, Instant, Reason, Scenario, StatusWord};
use crate::diagnostics::Diagnostic;
use crate::model::{Period, Unit};
use crate::span::Span;

#[derive(Debug, Clone)]
pub struct Verdict {
    pub span: Span,
    pub passed: bool,
    /// Why it failed (empty when it passed).
    pub message: String,
    pub help: Option<String>,
    /// For a failed expectation, the one-word changes that make it hold against this
    /// run: each kind of word at most once, and only when exactly one value does.
    pub corrections: Vec<Correction>,
}

/// A new value for one word of an expectation, checked to make it hold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Correction {
    /// The `by` time: when the obligation is due.
    Due(Instant),
    /// The status word: what became of the obligation.
    Status(StatusWord),
    /// The `late` period, in whole days or hours.
    Late(Period),
}

impl Correction {
    /// The word (or words) as written in a scenario.
    pub fn text(&self) -> String {
        match self {
            Correction::Due(at) => at.to_string(),
            Correction::Status(status) => status.word().to_string(),
            Correction::Late(period) => period.to_string(),
        }
    }

    fn applied_to(self, e: &Expectation) -> Expectation {
        let mut changed = e.clone();
        match self {
            Correction::Due(at) => changed.due = Some(at),
            Correction::Status(status) => changed.status = Some(status),
            Correction::Late(period) => changed.late = Some(period),
        }
        changed
    }
}

impl Verdict {
    fn pass(span: Span) -> Self {
        Verdict {
            span,
            passed: true,
            message: String::new(),
            help: None,
            corrections: Vec::new(),
        }
    }

    fn fail(span: Span, message: String, help: Option<String>) -> Self {
        Verdict {
            span,
            passed: false,
            message,
            help,
            corrections: Vec::new(),
        }
    }

    pub fn diagnostic(&self) -> Diagnostic {
        let d = Diagnostic::error(codes::EXPECTATION_FAILED, self.message.clone())
            .with_label(self.span, "this expectation");
        match &self.help {
            Some(help) => d.with_help(help.clone()),
            None => d,
        }
    }
}

/// Check every expectation of a scenario against its run.
pub fn check(scenario: &Scenario, run: &Run) -> Vec<Verdict> {
    scenario
        .expectations
        .iter()
        .map(|e| {
            let mut judged = verdict(e, run);
            if !judged.passed {
                judged.corrections = corrections(e, run);
            }
            judged
        })
        .collect()
}

/// The values of `e`'s `by` time, status word and `late` period that make it hold,
/// each tried on its own and kept only when it is the one value that does. An `expect
/// no ...` gets none: what would make it hold is a different expectation.
fn corrections(e: &Expectation, run: &Run) -> Vec<Correction> {
    if e.negated {
        return Vec::new();
    }
    let about: Vec<&Owed> = run
        .obligations
        .iter()
        .filter(|o| o.sketch.mentions(&e.what) && o.sketch.concerns(&e.parties))
        .collect();
    let only = |candidates: Vec<Correction>| {
        let holding: Vec<Correction> = candidates
            .into_iter()
            .filter(|c| verdict(&c.applied_to(e), run).passed)
            .collect();
        match holding[..] {
            [one] => Some(one),
            _ => None,
        }
    };
    let mut out = Vec::new();
    if e.due.is_some() {
        let mut dues: Vec<Instant> = about.iter().filter_map(|o| o.due).collect();
        dues.sort();
        dues.dedup();
        let candidates = dues.into_iter().map(Correction::Due).collect();
        out.extend(only(candidates));
    }
    if e.status.is_some() {
        let candidates = [
            StatusWord::Fulfilled,
            StatusWord::Violated,
            StatusWord::Pending,
        ]
        .into_iter()
        .filter(|w| e.status != Some(*w))
        .map(Correction::Status)
        .collect();
        out.extend(only(candidates));
    }
    if e.late.is_some() {
        let mut periods: Vec<Period> = Vec::new();
        for period in about
            .iter()
            .filter_map(|o| lateness(o, e))
            .filter_map(whole_period)
        {
            if !periods.contains(&period) {
                periods.push(period);
            }
        }
        let candidates = periods.into_iter().map(Correction::Late).collect();
        out.extend(only(candidates));
    }
    out
}

/// A lateness as a `late` period can write it: whole days, else whole hours.
fn whole_period(seconds: i64) -> Option<Period> {
    const HOUR: i64 = 3600;
    let (value, unit) = if seconds > 0 && seconds % (24 * HOUR) == 0 {
        (seconds / (24 * HOUR), Unit::Days)
    } else if seconds > 0 && seconds % HOUR == 0 {
        (seconds / HOUR, Unit::Hours)
    } else {
        return None;
    };
    Some(Period {
        value: u32::try_from(value).ok()?,
        unit,
    })
}

fn subject(e: &Expectation) -> String {
    if e.parties.is_empty() {
        format!("`{}` obligation", e.what)
    } else {
        format!("`{}` obligation of {}", e.what, e.parties.join(", "))
    }
}

fn short(o: &Owed) -> String {
    let due = o.due.map(|d| format!(", due {d}")).unwrap_or_default();
    format!(
        "#{} {} ({}{due}, {})",
        o.id,
        o.what,
        o.treaty,
        o.status.word()
    )
}

/// The shares an expectation is judged on: those of the parties it names, or all.
fn selected<'r>(o: &'r Owed, e: &Expectation) -> Vec<&'r Share> {
    let named: Vec<&Share> = o
        .shares
        .iter()
        .filter(|s| e.parties.contains(&s.party))
        .collect();
    if named.is_empty() {
        o.shares.iter().collect()
    } else {
        named
    }
}

fn status_of(o: &Owed, e: &Expectation) -> Status {
    // Discretionary, or automatic (no party owes a share): the obligation's own status.
    if o.discretionary || o.shares.is_empty() {
        return o.status;
    }
    aggregate(selected(o, e))
}

fn lateness(o: &Owed, e: &Expectation) -> Option<i64> {
    selected(o, e)
        .iter()
        .filter(|s| s.outcome == super::engine::Outcome::Late)
        .filter_map(|s| s.late_seconds)
        .max()
}

fn carries(run: &Run, o: &Owed, reason: Reason) -> bool {
    (reason == Reason::Discretionary && o.discretionary)
        || o.notes.iter().any(|n| n.code == reason)
        || run
            .evaluations
            .iter()
            .filter(|ev| ev.obligations.contains(&o.id))
            .any(|ev| ev.notes.iter().any(|n| n.code == reason))
}

fn verdict(e: &Expectation, run: &Run) -> Verdict {
    let because = e.because.as_deref().and_then(Reason::parse);
    let about: Vec<&Owed> = run
        .obligations
        .iter()
        .filter(|o| o.sketch.mentions(&e.what) && o.sketch.concerns(&e.parties))
        .collect();
    let due: Vec<&Owed> = about
        .iter()
        .copied()
        .filter(|o| e.due.is_none() || o.due == e.due)
        .collect();
    let wanted_status = e.status.or(e.late.map(|_| super::StatusWord::Violated));
    let status: Vec<&Owed> = due
        .iter()
        .copied()
        .filter(|o| wanted_status.is_none_or(|w| status_of(o, e).is(w)))
        .collect();
    let late: Vec<&Owed> = status
        .iter()
        .copied()
        .filter(|o| {
            e.late
                .is_none_or(|p| exact_seconds(p).is_some() && lateness(o, e) == exact_seconds(p))
        })
        .collect();
    let silencing = because.filter(|r| r.silences());
    let noted: Vec<&Owed> = late
        .iter()
        .copied()
        .filter(|o| match because {
            Some(r) if !r.silences() => carries(run, o, r),
            _ => true,
        })
        .collect();

    if e.negated {
        if let Some(o) = noted.first() {
            return Verdict::fail(
                e.span,
                format!("expected no {}, but one fired: {}", subject(e), short(o)),
                None,
            );
        }
        let Some(reason) = silencing else {
            return Verdict::pass(e.span);
        };
        let silent: Vec<_> = run
            .evaluations
            .iter()
            .filter(|ev| !ev.fires)
            .filter(|ev| {
                ev.sketches
                    .iter()
                    .any(|s| s.mentions(&e.what) && s.concerns(&e.parties))
            })
            .collect();
        if silent
            .iter()
            .any(|ev| ev.reasons.iter().any(|r| r.code == reason))
        {
            return Verdict::pass(e.span);
        }
        let help = if silent.is_empty() {
            "no trigger of these treaties that stayed silent has such an obligation".to_string()
        } else {
            let lines: Vec<String> = silent
                .iter()
                .map(|ev| {
                    let reasons: Vec<String> = ev
                        .reasons
                        .iter()
                        .map(|r| format!("{}: {}", r.code, r.message))
                        .collect();
                    format!("`{}` ({}): {}", ev.trigger, ev.treaty, reasons.join("; "))
                })
                .collect();
            format!("silent for other reasons: {}", lines.join(" | "))
        };
        return Verdict::fail(
            e.span,
            format!("no {} fired, but not because `{reason}`", subject(e)),
            Some(help),
        );
    }

    if !noted.is_empty() && silencing.is_none() {
        return Verdict::pass(e.span);
    }
    if about.is_empty() {
        let silent: Vec<String> = run
            .evaluations
            .iter()
            .filter(|ev| !ev.fires)
            .filter(|ev| {
                ev.sketches
                    .iter()
                    .any(|s| s.mentions(&e.what) && s.concerns(&e.parties))
            })
            .map(|ev| {
                let reasons: Vec<&str> = ev.reasons.iter().map(|r| r.message.as_str()).collect();
                format!(
                    "`{}` ({}) did not fire: {}",
                    ev.trigger,
                    ev.treaty,
                    reasons.join("; ")
                )
            })
            .collect();
        let help = if !silent.is_empty() {
            silent.join(" | ")
        } else if run.obligations.is_empty() {
            "nothing fired".to_string()
        } else {
            let fired: Vec<String> = run.obligations.iter().map(short).collect();
            format!("what fired: {}", fired.join("; "))
        };
        return Verdict::fail(e.span, format!("no {} fired", subject(e)), Some(help));
    }
    if due.is_empty() {
        let found: Vec<String> = about
            .iter()
            .map(|o| match o.due {
                Some(d) => format!("#{} is due {d}", o.id),
                None => format!("#{} has no due time", o.id),
            })
            .collect();
        let wanted = e.due.map(|d| d.to_string()).unwrap_or_default();
        return Verdict::fail(
            e.span,
            format!(
                "the {} is not due {wanted}: {}",
                subject(e),
                found.join("; ")
            ),
            Some(
                about
                    .iter()
                    .map(|o| short(o))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
        );
    }
    if status.is_empty() {
        let found: Vec<String> = due
            .iter()
            .map(|o| format!("#{} is {}", o.id, status_of(o, e).word()))
            .collect();
        let wanted = wanted_status.map(|w| w.word()).unwrap_or_default();
        return Verdict::fail(
            e.span,
            format!("the {} is not {wanted}: {}", subject(e), found.join("; ")),
            Some(due.iter().map(|o| short(o)).collect::<Vec<_>>().join("; ")),
        );
    }
    if late.is_empty() {
        let found: Vec<String> = status
            .iter()
            .map(|o| match lateness(o, e) {
                Some(s) => format!("#{} was {} late", o.id, late_text(s)),
                None => format!("#{} was not done late", o.id),
            })
            .collect();
        let wanted = e.late.map(|p| p.to_string()).unwrap_or_default();
        return Verdict::fail(
            e.span,
            format!(
                "the {} was not {wanted} late: {}",
                subject(e),
                found.join("; ")
            ),
            None,
        );
    }
    if let Some(reason) = silencing {
        return Verdict::fail(
            e.span,
            format!(
                "`{reason}` says why a trigger does not fire, but a {} fired: {}",
                subject(e),
                short(late[0])
            ),
            Some(format!("write `expect no {} ... because {reason}`", e.what)),
        );
    }
    let reason = because.map(|r| r.word()).unwrap_or_default();
    let found: Vec<String> = late
        .iter()
        .map(|o| {
            let notes: Vec<&str> = o.notes.iter().map(|n| n.code.word()).collect();
            format!(
                "#{} carries {}",
                o.id,
                if notes.is_empty() {
                    "no notes".to_string()
                } else {
                    notes.join(", ")
                }
            )
        })
        .collect();
    Verdict::fail(
        e.span,
        format!(
            "the {} fired, but not with `{reason}`: {}",
            subject(e),
            found.join("; ")
        ),
        None,
    )
}
