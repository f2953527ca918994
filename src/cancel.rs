//! Cooperative cancellation: long work (the next-tier search, scenario runs, a walk of
//! the workspace) polls a shared flag and stops early once it is set. Nothing is
//! interrupted from outside; the work looks between its steps.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// A handle on one piece of work's "stop" flag. Clones share the flag: the language
/// server keeps one clone per running request and hands another to the work.
#[derive(Debug, Clone, Default)]
pub struct Cancel {
    /// `None` for work that cannot be cancelled: polling it costs no memory access.
    flag: Option<Arc<AtomicBool>>,
}

impl Cancel {
    /// A flag that can be set.
    pub fn new() -> Self {
        Cancel {
            flag: Some(Arc::new(AtomicBool::new(false))),
        }
    }

    /// For callers that cannot be cancelled (the command line, in-process tests).
    pub fn never() -> Self {
        Cancel { flag: None }
    }

    /// Ask the work to stop. A no-op on [`Cancel::never`].
    pub fn cancel(&self) {
        if let Some(flag) = &self.flag {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Whether the work was asked to stop: one relaxed atomic load.
    pub fn is_cancelled(&self) -> bool {
        self.flag
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    }

    /// A poller that reads the flag only once every `steps` calls, for loops whose
    /// steps are cheaper than the load.
    pub fn check_every(&self, steps: u32) -> Poll<'_> {
        Poll {
            cancel: self,
            every: steps.max(1),
            left: 0,
        }
    }
}

/// See [`Cancel::check_every`].
#[derive(Debug)]
pub struct Poll<'a> {
    cancel: &'a Cancel,
    every: u32,
    left: u32,
}

impl Poll<'_> {
    /// One step: whether the work should stop (read on the first step, then every
    /// `steps` steps).
    pub fn step(&mut self) -> bool {
        if self.left > 0 {
            self.left -= 1;
            return false;
        }
        if self.cancel.is_cancelled() {
            // Left at 0: every later step reads the flag, and finds it set.
            return true;
        }
        self.left = self.every - 1;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_is_never_cancelled() {
        let never = Cancel::never();
        never.cancel();
        assert!(!never.is_cancelled());
    }

    #[test]
    fn clones_share_the_flag() {
        let cancel = Cancel::new();
        let work = cancel.clone();
        assert!(!work.is_cancelled());
        cancel.cancel();
        assert!(work.is_cancelled());
    }

    #[test]
    fn a_poll_reads_the_flag_every_n_steps() {
        let cancel = Cancel::new();
        let mut poll = cancel.check_every(4);
        assert!(!poll.step(), "first step reads the flag: not set");
        cancel.cancel();
        // Three more steps before the flag is read again.
        assert!(!poll.step());
        assert!(!poll.step());
        assert!(!poll.step());
        assert!(poll.step());
        assert!(poll.step(), "and stays cancelled");
    }
}
