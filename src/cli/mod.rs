//! Command-line interface: argument parsing (clap), output formats and exit codes.
//! Exit codes: 0 clean; 1 errors, or a treaty below `--min-tier`; 2 the tool could not
//! do its job (bad usage, missing or unreadable path). The commands only read files,
//! call the stages below and print; they must not hold checking logic of their own.

pub mod check;
pub mod compare;
pub mod diff;
pub mod explain_gap;
mod files;
pub mod fmt;
pub mod lsp;
pub mod render;
pub mod report;
pub mod rules;
pub mod safe_write;
pub mod simulate;
pub mod test_cmd;
mod watch;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use std::process::ExitCode;
use std::sync::OnceLock;

#[derive(Debug, Parser)]
#[command(
    name = "treaty",
    version,
    about = "Draft and check security-guarantee treaties"
)]
pub struct Cli {
    /// When to colour the output: `auto` (on a terminal, unless NO_COLOR is set),
    /// `always` or `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The `--color` choice, set once in `main` before any command runs.
static COLOR: OnceLock<ColorWhen> = OnceLock::new();

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
    /// Show what a gap means: an event run against the treaty and against the baseline.
    ExplainGap(explain_gap::ExplainGapArgs),
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
    /// Print a shell completion script: `treaty completions bash > ~/.local/share/bash-completion/completions/treaty`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `treaty man > treaty.1`.
    Man,
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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
    let _ = COLOR.set(cli.color);
    let code = match cli.command {
        Command::Check(args) if args.watch => watch::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Fmt(args) => fmt::run(&args),
        Command::Lsp(args) => lsp::run(&args),
        Command::Explain(args) => rules::run_explain(&args),
        Command::ExplainGap(args) => explain_gap::run(&args),
        Command::Rules(args) => rules::run_rules(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Simulate(args) => simulate::run(&args),
        Command::Test(args) => test_cmd::run(&args),
        Command::Completions(args) => completions(args.shell),
        Command::Man => manual(),
    };
    ExitCode::from(code)
}

/// Whether to colour output written to stdout: as `--color` says; on `auto`, only on a
/// terminal, and never when `NO_COLOR` is set to anything non-empty.
pub fn colour_stdout() -> bool {
    use std::io::IsTerminal;
    match COLOR.get().copied().unwrap_or(ColorWhen::Auto) {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            !no_color && std::io::stdout().is_terminal()
        }
    }
}

/// `treaty completions SHELL`: generated from the same clap definitions as the parser,
/// so they never drift from the real options.
fn completions(shell: clap_complete::Shell) -> u8 {
    let mut command = Cli::command();
    clap_complete::generate(shell, &mut command, "treaty", &mut std::io::stdout());
    EXIT_OK
}

/// `treaty man`: the manual page for the whole tool, in roff.
fn manual() -> u8 {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    if let Err(error) = page.render(&mut out) {
        eprintln!("error: cannot render the manual page: {error}");
        return EXIT_FAILURE;
    }
    use std::io::Write;
    match std::io::stdout().lock().write_all(&out) {
        Ok(()) => EXIT_OK,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write output: {e}");
            EXIT_FAILURE
        }
    }
}
