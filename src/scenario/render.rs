//! Renderers of a [`Run`]: a readable timeline, the way a monitoring mission would
//! keep its log, and the JSON document of `treaty simulate --format json`
//! (documented in `docs/scenarios.md`, versioned by [`JSON_VERSION`]).

use serde::Serialize;

use super::describe::late_text;
use super::engine::{Evaluation, Origin, Outcome, Owed, Run, Status};
use super::{Happening, Instant};

pub const JSON_VERSION: u32 = 1;

#[derive(Debug, Serialize)]
pub struct Document<'r> {
    pub version: u32,
    pub runs: &'r [Run],
}

/// The JSON document for some runs.
pub fn json(runs: &[Run]) -> Document<'_> {
    Document {
        version: JSON_VERSION,
        runs,
    }
}

/// An event as written, without its `at TIME`; attributes written after the time
/// follow in parentheses: `armed-attack by RU against UA (minor)`.
fn event_text(text: &str) -> String {
    match text.rsplit_once(" at ") {
        Some((head, tail)) => {
            let mut words = tail.split_whitespace();
            match words.next() {
                Some(time) if Instant::parse(time).is_ok() => {
                    let attributes: Vec<&str> = words.collect();
                    if attributes.is_empty() {
                        head.to_string()
                    } else {
                        format!("{head} ({})", attributes.join(" "))
                    }
                }
                _ => text.to_string(),
            }
        }
        None => text.to_string(),
    }
}

fn stamp(at: Instant) -> String {
    format!("{:<22}  ", at.to_string())
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "nobody".into()
    } else {
        items.join(", ")
    }
}

fn parties_line(o: &Owed) -> String {
    if o.duty == "consult" {
        format!("between {}", list(&o.owed_by))
    } else if o.owed_to.is_empty() {
        format!("owed by {}", list(&o.owed_by))
    } else {
        format!("owed by {} to {}", list(&o.owed_by), list(&o.owed_to))
    }
}

fn due_line(o: &Owed) -> String {
    if o.decision.is_some() {
        // Shown where it fired: the deadline runs only once the decision is taken.
        return match &o.deadline {
            Some(deadline) => format!("due {deadline} once decided"),
            None => "no deadline".into(),
        };
    }
    match (o.due, &o.deadline) {
        (Some(due), _) => format!("due {due}"),
        (None, Some(deadline)) => format!("due {deadline}, no fixed time"),
        (None, None) => "no deadline".into(),
    }
}

fn owed_lines(out: &mut String, o: &Owed, indent: &str) {
    let mut line = format!(
        "{indent}#{} {}: {}, {}",
        o.id,
        o.what,
        parties_line(o),
        due_line(o)
    );
    if o.discretionary {
        let words: Vec<&str> = o
            .qualifiers
            .iter()
            .copied()
            .filter(|w| {
                crate::vocab::QualifierKind::parse(w).is_some_and(super::engine::is_discretionary)
            })
            .collect();
        line.push_str(&format!("; fires but discretionary ({})", words.join(", ")));
    }
    out.push_str(&line);
    out.push('\n');
    if let Some(step) = &o.decision {
        out.push_str(&format!(
            "{indent}   decision step: {} decide{}{}\n",
            step.deciders.join(", "),
            if step.deciders.len() == 1 { "s" } else { "" },
            decision_detail(step)
        ));
    }
    for note in &o.notes {
        if matches!(
            note.code,
            super::Reason::Discretionary
                | super::Reason::NoDeadline
                | super::Reason::AwaitsDecision
        ) {
            continue;
        }
        out.push_str(&format!(
            "{indent}   note ({}): {}\n",
            note.code, note.message
        ));
    }
}

/// How a decision is taken, after who takes it: ` by two-thirds, after consultation
/// with UA, NATO; pending`.
fn decision_detail(step: &super::engine::DecisionStep) -> String {
    let mut out = String::new();
    if let Some(vote) = step.vote {
        out.push_str(&format!(" by {vote}"));
    }
    if let Some(with) = &step.after_consultation_with {
        if with.is_empty() {
            out.push_str(", after consultation");
        } else {
            out.push_str(&format!(", after consultation with {}", with.join(", ")));
        }
    }
    out.push_str(": the response is owed once the decision is taken");
    out
}

fn evaluation_lines(out: &mut String, run: &Run, ev: &Evaluation) {
    let undetermined = !ev.fires
        && ev
            .reasons
            .iter()
            .all(|r| r.code == super::Reason::Undetermined);
    let verb = if ev.fires {
        "fires"
    } else if undetermined {
        "cannot be decided (undetermined)"
    } else {
        "does not fire"
    };
    out.push_str(&format!(
        "  {}: trigger `{}` (line {}) {verb}\n",
        ev.treaty, ev.trigger, ev.line
    ));
    for reason in &ev.reasons {
        out.push_str(&format!("    {}: {}\n", reason.code, reason.message));
    }
    for note in &ev.notes {
        out.push_str(&format!("    note ({}): {}\n", note.code, note.message));
    }
    for o in ev.obligations.iter().filter_map(|&id| owed(run, id)) {
        owed_lines(out, o, "    ");
    }
    if !ev.would_owe.is_empty() {
        out.push_str(&format!(
            "    would have required: {}\n",
            ev.would_owe.join("; ")
        ));
    }
}

/// An obligation by its 1-based id.
fn owed(run: &Run, id: usize) -> Option<&Owed> {
    run.obligations.get(id.checked_sub(1)?)
}

enum Entry<'r> {
    Event(usize),
    Deadline(&'r Owed),
    End,
}

/// The human timeline of one run.
pub fn timeline(run: &Run) -> String {
    let mut out = format!("scenario {}\n", run.scenario);
    for t in &run.treaties {
        out.push_str(&format!("  treaty {} ({}): {}\n", t.id, t.file, t.standing));
    }
    if run.events.is_empty() {
        out.push_str("  no events\n");
        return out;
    }
    out.push('\n');

    // Events, then deadlines at the same instant (an act at the due time is on time),
    // then the close of the log.
    let mut entries: Vec<(Instant, u8, usize, Entry<'_>)> = Vec::new();
    for (i, e) in run.events.iter().enumerate() {
        entries.push((e.at, 0, i, Entry::Event(i)));
    }
    for o in run
        .obligations
        .iter()
        .filter(|o| o.origin == Origin::Trigger)
    {
        if let Some(due) = o.due {
            if run.end.is_none_or(|end| due <= end) {
                entries.push((due, 1, o.id, Entry::Deadline(o)));
            }
        }
    }
    if let Some(end) = run.end {
        entries.push((end, 2, 0, Entry::End));
    }
    entries.sort_by_key(|(at, rank, i, _)| (*at, *rank, *i));

    for (at, _, _, entry) in &entries {
        match entry {
            Entry::Event(i) => event_lines(&mut out, run, *i),
            Entry::Deadline(o) => {
                let (met, open): (Vec<_>, Vec<_>) = o
                    .shares
                    .iter()
                    .partition(|s| s.at.is_some_and(|done| done <= *at));
                let mut parts = Vec::new();
                if !met.is_empty() {
                    let names: Vec<String> = met.iter().map(|s| s.party.clone()).collect();
                    parts.push(format!("met by {}", names.join(", ")));
                }
                if !open.is_empty() {
                    let names: Vec<String> = open.iter().map(|s| s.party.clone()).collect();
                    parts.push(format!("not done by {}", names.join(", ")));
                }
                let kind = if o.discretionary {
                    "indicative deadline"
                } else {
                    "deadline"
                };
                out.push_str(&format!(
                    "{}{kind} of #{} {}: {}\n",
                    stamp(o.due.unwrap_or(*at)),
                    o.id,
                    o.what,
                    parts.join("; ")
                ));
            }
            Entry::End => {
                let shown = run.end.unwrap_or(*at);
                out.push_str(&format!("{}the log closes\n", stamp(shown)));
            }
        }
    }

    if !run.obligations.is_empty() {
        out.push_str("\nobligations when the log closes:\n");
        for o in &run.obligations {
            closing_lines(&mut out, o);
        }
    }
    let s = &run.summary;
    out.push_str(&format!(
        "\n{} event{}, {} trigger evaluation{}: {} fired, {} silent; {} obligation{}: {} fulfilled, {} violated, {} pending, {} discretionary\n",
        s.events,
        if s.events == 1 { "" } else { "s" },
        s.evaluations,
        if s.evaluations == 1 { "" } else { "s" },
        s.fired,
        s.silent,
        s.obligations,
        if s.obligations == 1 { "" } else { "s" },
        s.fulfilled,
        s.violated,
        s.pending,
        s.discretionary,
    ));
    out
}

fn event_lines(out: &mut String, run: &Run, index: usize) {
    let event = &run.events[index];
    out.push_str(&format!("{}{}\n", stamp(event.at), event_text(&event.text)));
    if let Happening::Action { .. } = event.happening {
        for &id in &event.decides {
            let Some(o) = owed(run, id) else { continue };
            let due = match o.due {
                Some(due) => format!("due {due}"),
                None => "no deadline".to_string(),
            };
            out.push_str(&format!(
                "  decides on #{} {}: now owed by {}, {due}\n",
                o.id,
                o.what,
                list(&o.owed_by)
            ));
        }
        if event.fulfils.is_empty() && event.decides.is_empty() {
            out.push_str("  fulfils no open obligation\n");
        }
        for f in &event.fulfils {
            let Some(o) = owed(run, f.obligation) else {
                continue;
            };
            let when = match f.late_seconds {
                Some(late) => format!(", {} late", late_text(late)),
                None if o.due.is_some() && !o.discretionary => ", on time".to_string(),
                None => String::new(),
            };
            out.push_str(&format!(
                "  fulfils #{} {} for {}{when}\n",
                o.id,
                o.what,
                f.parties.join(", ")
            ));
        }
        return;
    }
    for ev in run.evaluations.iter().filter(|ev| ev.event == index) {
        evaluation_lines(out, run, ev);
    }
    for o in run
        .obligations
        .iter()
        .filter(|o| o.event == index && o.origin == Origin::Standing)
    {
        let by: Vec<&str> = o.shares.iter().map(|s| s.party.as_str()).collect();
        out.push_str(&format!(
            "  {}: standing assurance #{} {} (line {}) breached by {}\n",
            o.treaty,
            o.id,
            o.what,
            o.line,
            by.join(", ")
        ));
        for note in &o.notes {
            out.push_str(&format!("    note ({}): {}\n", note.code, note.message));
        }
    }
    for o in run
        .obligations
        .iter()
        .filter(|o| o.event == index && o.origin == Origin::Automatic)
    {
        out.push_str(&format!(
            "  {}: #{} {} (line {}) takes effect\n",
            o.treaty, o.id, o.what, o.line
        ));
        for note in &o.notes {
            out.push_str(&format!("    note ({}): {}\n", note.code, note.message));
        }
    }
    for effect in &event.effects {
        out.push_str(&format!("  {effect}\n"));
    }
}

fn closing_lines(out: &mut String, o: &Owed) {
    out.push_str(&format!(
        "  #{} {} ({}, line {}): {}\n",
        o.id,
        o.what,
        o.treaty,
        o.line,
        o.status.word()
    ));
    for s in &o.shares {
        let detail = match s.outcome {
            Outcome::OnTime => format!("on time, done {}", show(s.at)),
            Outcome::Late => format!(
                "late, done {}, {} after the due time",
                show(s.at),
                late_text(s.late_seconds.unwrap_or(0))
            ),
            Outcome::Missed => format!(
                "never done: overdue by {} when the log closed",
                late_text(s.late_seconds.unwrap_or(0))
            ),
            Outcome::Breached => format!("breached {}", show(s.at)),
            Outcome::Pending => match (o.due, &o.decision) {
                (None, Some(step)) if step.decided_at.is_none() => format!(
                    "not yet done; waits for a decision by {}",
                    step.deciders.join(", ")
                ),
                (Some(due), _) => format!("not yet done; due {due}"),
                (None, _) => "not yet done; no deadline".to_string(),
            },
            Outcome::Acted => format!("acted {}", show(s.at)),
            Outcome::NotActed => "did not act (left to its discretion)".to_string(),
        };
        let status = match s.status {
            Status::Discretionary => "discretionary",
            other => other.word(),
        };
        out.push_str(&format!("      {}: {status}: {detail}\n", s.party));
    }
}

fn show(at: Option<Instant>) -> String {
    at.map(|a| a.to_string()).unwrap_or_default()
}
