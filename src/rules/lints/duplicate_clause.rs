//! The same obligation written twice in one block.

use std::collections::HashMap;

use super::{Lint, LintContext};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Obligation, PartyRef, Treaty};

pub const LINT: Lint = Lint {
    code: "L006",
    name: "duplicate-clause",
    severity: Severity::Warning,
    summary: "the same obligation twice in one block",
    why: "a repeated clause is usually a copy that was meant to be edited: one of the two probably should say something else",
    example: "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training\n}\n",
    fix: "delete the copy, or change it to say what was intended",
    check,
};

/// Two obligations are the same when everything but their spans and `source` quotes
/// is equal.
fn same(a: &Obligation, b: &Obligation) -> bool {
    a.duty == b.duty
        && a.givers == b.givers
        && a.receivers == b.receivers
        && a.qualifiers.len() == b.qualifiers.len()
        && a.qualifiers
            .iter()
            .zip(&b.qualifiers)
            .all(|(x, y)| x.kind == y.kind && x.argument == y.argument)
}

fn check_block(treaty: &Treaty, block: &[Obligation], out: &mut Vec<Diagnostic>) {
    // Bucketed by a cheap key (keyword and parties), then compared in full within a
    // bucket: linear for a realistic block, with no per-clause formatting. A bucket
    // that grows past `LINEAR` clauses (10,000 distinct `consult A within N days` in
    // one trigger) is also indexed by a hash of what `same` compares, so that it does
    // not turn quadratic (issue 19).
    type Key<'a> = (&'static str, &'a [PartyRef], &'a [PartyRef]);
    let mut buckets: HashMap<Key<'_>, Bucket<'_>> = HashMap::with_capacity(block.len());
    for obligation in block {
        let key = (
            obligation.keyword(),
            obligation.givers.as_slice(),
            obligation.receivers.as_slice(),
        );
        let bucket = buckets.entry(key).or_default();
        if let Some(first) = bucket.find_or_add(obligation) {
            out.push(
                LINT.diagnostic(format!(
                    "{}: this `{}` clause repeats an earlier one",
                    treaty.id,
                    obligation.keyword()
                ))
                .with_label(obligation.span, "the same obligation again")
                .with_label(first.span, "first written here")
                .with_help(LINT.fix),
            );
        }
    }
}

/// Clauses in a bucket compared one by one up to this many; past it, by hash first.
const LINEAR: usize = 16;

#[derive(Default)]
struct Bucket<'a> {
    clauses: Vec<&'a Obligation>,
    /// Past `LINEAR` clauses: their positions in `clauses` by fingerprint.
    by_print: Option<HashMap<u64, Vec<usize>>>,
}

impl<'a> Bucket<'a> {
    /// The earlier clause `obligation` repeats, or `None` after adding it.
    fn find_or_add(&mut self, obligation: &'a Obligation) -> Option<&'a Obligation> {
        let Some(by_print) = &mut self.by_print else {
            if let Some(first) = self.clauses.iter().find(|e| same(e, obligation)) {
                return Some(first);
            }
            self.clauses.push(obligation);
            if self.clauses.len() > LINEAR {
                let mut map: HashMap<u64, Vec<usize>> = HashMap::new();
                for (i, clause) in self.clauses.iter().enumerate() {
                    map.entry(fingerprint(clause)).or_default().push(i);
                }
                self.by_print = Some(map);
            }
            return None;
        };
        let print = fingerprint(obligation);
        let same_print = by_print.entry(print).or_default();
        if let Some(&first) = same_print
            .iter()
            .find(|&&i| same(self.clauses[i], obligation))
        {
            return Some(self.clauses[first]);
        }
        same_print.push(self.clauses.len());
        self.clauses.push(obligation);
        None
    }
}

/// A hash of what [`same`] compares besides the bucket's key (equal clauses have
/// equal fingerprints), written straight into the hasher without a string.
fn fingerprint(obligation: &Obligation) -> u64 {
    use std::fmt::Write;
    use std::hash::Hasher;
    struct Hashing(std::collections::hash_map::DefaultHasher);
    impl Write for Hashing {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut hashing = Hashing(Default::default());
    let _ = write!(hashing, "{:?}", obligation.duty);
    for qualifier in &obligation.qualifiers {
        let _ = write!(hashing, "|{:?}|{:?}", qualifier.kind, qualifier.argument);
    }
    hashing.0.finish()
}

fn check(treaty: &Treaty, _: &LintContext, out: &mut Vec<Diagnostic>) {
    check_block(treaty, &treaty.obligations, out);
    for trigger in &treaty.triggers {
        check_block(treaty, &trigger.obligations, out);
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{lint, treaty};
    use super::*;

    #[test]
    fn the_example_triggers_it() {
        let found = lint(&LINT, LINT.example);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].labels.len(), 2);
    }

    #[test]
    fn different_blocks_qualifiers_or_sources_are_not_duplicates() {
        let text = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  provide UK -> UA training aspirational\n  trigger armed-attack against UA {\n    provide UK -> UA training\n  }",
        );
        assert!(lint(&LINT, &text).is_empty());
        let sources = treaty(
            "  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training source \"a\"\n  provide UK -> UA training source \"b\"",
        );
        assert_eq!(lint(&LINT, &sources).len(), 1);
    }
}
