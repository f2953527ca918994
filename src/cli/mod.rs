//! Command-line interface: argument parsing (clap), output formats and exit codes.
//! Exit codes: 0 clean; 1 errors, or a treaty below `--min-tier`; 2 the tool could not
//! do its job (bad usage, missing or unreadable path). The commands only read files,
//! call the stages below and print; they must not hold checking logic of their own.

pub mod check;
pub mod compare;
pub mod diff;
mod files;
pub mod fmt;
pub mod lsp;
pub mod render;
pub mod report;
pub mod rules;
pub mod safe_write;
pub mod simulate;
pub mod test_cmd;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "treaty",
    version,
    about = "Draft and check security-guarantee treaties"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check treaties: syntax, tier, and gaps against a baseline.
    Check(check::CheckArgs),
    /// Rewrite treaty files in the canonical layout (`--check` to only report).
    Fmt(fmt::FmtArgs),
    /// Run the language server (LSP over standard input and output) for editors.
    Lsp(lsp::LspArgs),
    /// Print a rule's documentation: what it checks, why it matters, how to fix it.
    Explain(rules::ExplainArgs),
    /// List every rule (`--format json` or `markdown` for docs/rules.md).
    Rules(rules::RulesArgs),
    /// Compare treaties element by element against the baseline, in one matrix.
    Compare(compare::CompareArgs),
    /// Show what changed in substance between two drafts of a treaty.
    Diff(diff::DiffArgs),
    /// Write one self-contained HTML report: the matrix, the tiers and every gap.
    Report(report::ReportArgs),
    /// Write a treaty as a readable draft: numbered articles in plain language.
    Render(render::RenderArgs),
    /// Run events against treaties: what fires, who owes what to whom, by when.
    Simulate(simulate::SimulateArgs),
    /// Run the scenario blocks found in files and check their expectations.
    Test(test_cmd::TestArgs),
}

pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FAILURE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                EXIT_FAILURE
            } else {
                EXIT_OK
            };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Explain(args) => rules::run_explain(&args),
        Command::Rules(args) => rules::run_rules(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Test(args) => test_cmd::run(&args),
    };
    ExitCode::from(code)
}

/// Whether to colour output written to stdout: only on a terminal, and never when
/// `NO_COLOR` is set to anything non-empty.
pub fn colour_stdout() -> bool {
    use std::io::IsTerminal;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    !no_color && std::io::stdout().is_terminal()
}
