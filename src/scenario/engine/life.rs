//! The engine's side of an instrument's life: every event is fed to each instrument's
//! [`Life`] (named events activate, matching `void if` conditions void), standing
//! `reinstate ... on EVENT` measures take effect, and `suspend` clauses take the
//! suspended givers out of an obligation. It must not evaluate triggers (see
//! `trigger`).

use super::lifecycle::suspension;
use super::parties::{expand_all, push_unique};
use super::*;

/// A `reinstate` that took effect, and what brought it.
pub(super) struct Reinstated {
    pub event: usize,
    pub at: Instant,
    pub origin: Origin,
    pub trigger: Option<String>,
    pub givers: Vec<String>,
    pub sketch: Sketch,
}

impl<'a> Engine<'_, 'a> {
    /// Feed an event to every instrument's life.
    pub(super) fn record(&mut self, index: usize, event: &Event) {
        for i in 0..self.instruments.len() {
            let treaty: &'a Treaty = self.instruments[i].treaty;
            let was_active = treaty
                .activation
                .as_ref()
                .map(|a| self.lives[i].happened(&a.value).is_some());
            if let Some(why) = self.lives[i].record(treaty, event) {
                self.reports[index]
                    .effects
                    .push(format!("{}: void from now on: {why}", treaty.id));
            }
            if let (Some(false), Some(activation)) = (was_active, &treaty.activation) {
                if self.lives[i].happened(&activation.value).is_some() {
                    self.reports[index].effects.push(format!(
                        "{}: active from now on (it waited for {})",
                        treaty.id,
                        crate::model::terms::event_text(&activation.value)
                    ));
                }
            }
            if self.lives[i]
                .void
                .as_ref()
                .is_some_and(|(at, _)| *at < event.at)
            {
                continue;
            }
            for obligation in &treaty.obligations {
                let Duty::Reinstate {
                    on: Some(on),
                    against,
                    ..
                } = &obligation.duty
                else {
                    continue;
                };
                if self.lives[i].happened(on) != Some(event.at) {
                    continue;
                }
                let givers = expand_all(treaty, &obligation.givers, None);
                let targets = expand_all(treaty, against, None);
                let sketch = super::parties::sketch(obligation, &givers, &targets);
                let reinstated = Reinstated {
                    event: index,
                    at: event.at,
                    origin: Origin::Automatic,
                    trigger: None,
                    givers,
                    sketch,
                };
                self.reinstated(i, obligation, reinstated);
            }
        }
    }

    /// A `reinstate` that took effect: by itself when `automatically` or when no party
    /// gives it (no party owes an act, so it is fulfilled), else owed by its givers with
    /// no deadline. Returns its id.
    pub(super) fn reinstated(
        &mut self,
        instrument: usize,
        obligation: &'a Obligation,
        r: Reinstated,
    ) -> usize {
        let Duty::Reinstate {
            automatically,
            against,
            ..
        } = &obligation.duty
        else {
            return 0;
        };
        let treaty = self.instruments[instrument].treaty;
        let automatic = *automatically || r.givers.is_empty();
        let targets = expand_all(treaty, against, None);
        let mut notes = Vec::new();
        let (status, shares, waiting) = if automatic {
            let against = if targets.is_empty() {
                String::new()
            } else {
                format!(" against {}", targets.join(", "))
            };
            let measures: Vec<&str> = r.sketch.words.iter().skip(1).map(|w| w.as_str()).collect();
            notes.push(Finding::new(
                Reason::Automatic,
                format!(
                    "{}{against} reinstated automatically at {}: no party owes an act",
                    measures.join(", "),
                    r.at
                ),
            ));
            (Status::Fulfilled, Vec::new(), Vec::new())
        } else {
            notes.push(Finding::new(
                Reason::NoDeadline,
                "no deadline: it can be pending but never late",
            ));
            let shares: Vec<Share> = r
                .givers
                .iter()
                .map(|g| Share {
                    party: g.clone(),
                    outcome: Outcome::Pending,
                    status: Status::Pending,
                    at: None,
                    by_event: None,
                    late_seconds: None,
                })
                .collect();
            let waiting = (0..shares.len()).collect();
            (Status::Pending, shares, waiting)
        };
        let id = self.owed.len() + 1;
        let line = self.line(instrument, obligation.span);
        self.open.push(Open {
            obligation,
            waiting,
        });
        self.owed.push(Owed {
            id,
            origin: r.origin,
            treaty: treaty.id.to_string(),
            event: r.event,
            trigger: r.trigger,
            line,
            duty: obligation.keyword(),
            what: obligation_text(obligation),
            owed_by: r.givers,
            owed_to: Vec::new(),
            deadline: None,
            due: None,
            discretionary: false,
            decision: None,
            qualifiers: obligation
                .qualifiers
                .iter()
                .map(|q| q.kind.word())
                .collect(),
            notes,
            status,
            shares,
            span: obligation.span,
            sketch: r.sketch,
        });
        id
    }
}

/// Take out the givers a `suspend` clause covers on `day`: a note for each, and the
/// sketch without them.
pub(super) fn suspend_givers(
    treaty: &Treaty,
    givers: &mut Vec<String>,
    receivers: &[String],
    day: Date,
    mut sketch: Sketch,
) -> (Vec<Finding>, Sketch) {
    let mut notes = Vec::new();
    givers.retain(|g| match suspension(treaty, g, receivers, day) {
        Some(s) => {
            let (from, to) = s.between(treaty);
            notes.push(Finding::new(
                Reason::Suspended,
                format!(
                    "{g} owes nothing here: suspended between {} and {} since {}",
                    from.join(", "),
                    to.join(", "),
                    s.from
                ),
            ));
            false
        }
        None => true,
    });
    if !notes.is_empty() {
        // Those suspended are no longer concerned.
        sketch.parties = givers.clone();
        for r in receivers {
            push_unique(&mut sketch.parties, r);
        }
    }
    (notes, sketch)
}
