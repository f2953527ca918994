//! Unknown vocabulary words, reported once per word and treaty, and at most
//! [`MAX_REPORTED`] distinct words per treaty.
//!
//! A diagnostic costs a few hundred bytes (message, help, label), an unknown word in a
//! list as little as three (`x, `): a 10 MB `provide A -> B x, x, ...` made 3.3 million
//! diagnostics and peaked at 1.46 GB. The same word again in the same treaty adds a
//! label to the first diagnostic (up to [`MAX_LABELS`]) and a count to its message; past
//! [`MAX_REPORTED`] distinct words, one more diagnostic counts the rest. Memory is then
//! bounded by the vocabulary of mistakes, not by the length of the list.

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::model::Text;
use crate::span::Span;

use super::codes;

/// Distinct unknown words reported with their own diagnostic, per treaty.
pub const MAX_REPORTED: usize = 200;
/// Labels on one unknown word's diagnostic: the first use and this many repeats.
pub const MAX_LABELS: usize = 4;

#[derive(Default)]
pub(super) struct UnknownWords {
    /// `(what, word)` -> index of its diagnostic in the resolver's list, and how many
    /// times it was met.
    seen: HashMap<(&'static str, Text), (usize, usize)>,
    /// The diagnostic that counts the words past `MAX_REPORTED`, and their count.
    rest: Option<(usize, usize)>,
    /// Every unknown word met, reported or counted.
    occurrences: usize,
}

impl UnknownWords {
    /// How many unknown words were met so far.
    pub fn occurrences(&self) -> usize {
        self.occurrences
    }

    /// Whether `word` needs a diagnostic of its own; if not, it was counted on an
    /// earlier one (or on the one that counts the rest).
    pub fn first_time(
        &mut self,
        what: &'static str,
        word: &str,
        span: Span,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> bool {
        self.occurrences += 1;
        if let Some((index, count)) = self.seen.get_mut(&(what, Text::from(word))) {
            *count += 1;
            let diagnostic = &mut diagnostics[*index];
            if diagnostic.labels.len() < MAX_LABELS {
                diagnostic.labels.push(crate::diagnostics::Label {
                    span,
                    message: "again here".into(),
                });
            }
            return false;
        }
        if self.seen.len() < MAX_REPORTED {
            self.seen
                .insert((what, Text::from(word)), (diagnostics.len(), 1));
            return true;
        }
        match &mut self.rest {
            Some((_, count)) => *count += 1,
            None => {
                self.rest = Some((diagnostics.len(), 1));
                diagnostics.push(
                    Diagnostic::error(codes::UNKNOWN_WORD, String::new())
                        .with_label(span, "not reported one by one from here on")
                        .with_help("fix the words reported above first; the rest are often the same mistake"),
                );
            }
        }
        false
    }

    /// Put the counts into the messages, once the treaty is resolved.
    pub fn finish(self, diagnostics: &mut [Diagnostic]) {
        for ((_, _), (index, count)) in self.seen {
            if count > 1 {
                let diagnostic = &mut diagnostics[index];
                diagnostic.message = format!("{} ({count} times)", diagnostic.message);
            }
        }
        if let Some((index, count)) = self.rest {
            diagnostics[index].message = format!(
                "{count} more unknown words: only the first {MAX_REPORTED} distinct ones are reported"
            );
        }
    }
}
