//! One `scenario` block of a file, run as `treaty test` runs it: resolved, its
//! `treaty` lines loaded, run, and each expectation judged. `treaty test` and the
//! language server both run blocks through [`run`], so the editor shows exactly what
//! the command reports.

use std::path::Path;

use super::engine::{self, Run};
use super::expect::{self, Verdict};
use super::load::{self, Library};
use super::{resolve, Scenario};
use crate::cancel::Cancel;
use crate::diagnostics::Diagnostic;
use crate::syntax::ast::scenario as ast;

/// What became of one block.
pub struct BlockRun {
    pub scenario: Scenario,
    /// What kept it from running (S002 to S005); empty when it ran.
    pub problems: Vec<Diagnostic>,
    /// The run, when it could be run.
    pub run: Option<Run>,
    /// The verdict on each expectation, in the order written.
    pub verdicts: Vec<Verdict>,
}

impl BlockRun {
    /// An S001 for each expectation the run did not meet.
    pub fn failures(&self) -> Vec<Diagnostic> {
        self.verdicts
            .iter()
            .filter(|v| !v.passed)
            .map(Verdict::diagnostic)
            .collect()
    }

    pub fn passed(&self) -> usize {
        self.verdicts.iter().filter(|v| v.passed).count()
    }
}

/// Run `block` of the file `own` of `library` (whose text is `text`); `dir` is what its
/// `treaty "..."` paths are relative to.
pub fn run(
    block: &ast::Scenario,
    text: &str,
    own: usize,
    dir: &Path,
    library: &mut Library,
) -> BlockRun {
    run_until(block, text, own, dir, library, &Cancel::never())
}

/// [`run`], its run stopping between events once `cancel` is set (the run and its
/// verdicts are then those of the events run so far).
pub fn run_until(
    block: &ast::Scenario,
    text: &str,
    own: usize,
    dir: &Path,
    library: &mut Library,
    cancel: &Cancel,
) -> BlockRun {
    let mut problems = Vec::new();
    let scenario = resolve::scenario(block, text, &mut problems);
    let ids = if problems.is_empty() {
        load::treaties_for(&scenario, block, own, dir, library).unwrap_or_else(|found| {
            problems = found;
            Vec::new()
        })
    } else {
        Vec::new()
    };
    if !problems.is_empty() {
        return BlockRun {
            scenario,
            problems,
            run: None,
            verdicts: Vec::new(),
        };
    }
    let run = engine::run_until(&scenario, &library.instruments(&ids), cancel);
    let verdicts = expect::check(&scenario, &run);
    BlockRun {
        scenario,
        problems,
        run: Some(run),
        verdicts,
    }
}
