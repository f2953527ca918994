//! Comparing treaties: a matrix of several treaties against the baseline's elements
//! (`treaty compare`, `treaty report`), and a semantic redline between two drafts of
//! one treaty (`treaty diff`).
//!
//! Computation ([`matrix`], [`diff`], [`report`]) produces serialisable structs from
//! the analysis; the renderers ([`text`], [`html`]) only format them. Data flows one
//! way: analysis -> these structs -> text, Markdown, JSON or HTML.

/// Model values in the language's own words (shared with the scenario engine).
pub use crate::model::describe;
pub mod diff;
pub mod html;
pub mod matrix;
pub mod report;
pub mod text;

pub use diff::{diff, Diff, Side};
pub use matrix::Matrix;
