//! treaty: a small language for security-guarantee treaties and a rules engine that
//! tiers them (soft / intermediate / hard) and lists their gaps against an
//! Article-5-style baseline.
//!
//! Data flows one way:
//! source text -> [`syntax`] (pest parse, AST with byte spans, recovery)
//! -> [`model`] (resolved, normalised, serde) -> [`rules`] (tier, gaps, lints)
//! -> [`diagnostics`] (one type) -> [`output`] (human, JSON, plain, SARIF).
//! [`config`] builds the settings and [`analysis`] runs the stages for one file.
//! `docs/design.md` maps the stages and what each may import; `tests/architecture.rs`
//! enforces it.
//! Scenarios take the same model: [`scenario`] resolves events, runs the treaties over
//! them (`scenario::engine`, pure) and renders the run (`scenario::render`).

pub mod analysis;
pub mod cancel;
pub mod cli;
pub mod compare;
pub mod config;
pub mod counter;
pub mod diagnostics;
pub mod fmt;
pub mod generate;
pub mod input;
pub mod lsp;
pub mod model;
pub mod output;
pub mod rules;
pub mod scenario;
pub mod source;
pub mod span;
pub mod suggest;
pub mod syntax;
pub mod terminal;
pub mod uplift;
pub mod vocab;
