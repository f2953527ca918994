//! Renderers: each turns checked files' diagnostics into one output format (human
//! text through miette, JSON, plain and GitHub lines, SARIF), computing lines and
//! columns from the file's line index.
//!
//! Renderers only present what [`crate::analysis`] concluded: they must not parse,
//! resolve or judge anything, and nothing below them may import them.

pub mod human;
pub mod json;
pub mod linear;
pub mod render;
pub mod sarif;

/// "1 gap", "3 expectations": a count with its noun, as summary lines write it.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}
