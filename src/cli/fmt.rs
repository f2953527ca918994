//! `treaty fmt`: rewrite treaty files in the canonical layout (`docs/formatting.md`).
//!
//! Files are rewritten in place by default (`--write` says so explicitly); `--check`
//! writes nothing and prints a unified diff for each file that is not formatted. `-`
//! reads standard input and writes standard output. A file with syntax errors is never
//! touched: its diagnostics are printed and the exit code is 1.
//!
//! Exit codes: 0 every file formatted (or already so); 1 a file is not formatted
//! (`--check`), has syntax errors, or is not text (`E005`: a NUL byte, or not UTF-8),
//! a file and standard input alike; 2 a file could not be read or written.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;
use rayon::prelude::*;

use super::{files, safe_write};
use super::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::fmt::{self, FormatError};
use crate::input;
use crate::output::human::{self, HumanStyle};
use crate::source::{self, Loaded, SourceFile, DEFAULT_MAX_FILE_SIZE};

#[derive(Debug, Args)]
pub struct FmtArgs {
    /// Files or directories (searched for `*.treaty`); `-` for standard input.
    ///
    /// With no path, the current directory, but only under a `treaty.toml` (the
    /// project's root): a directory that is not a treaty project is not rewritten.
    pub paths: Vec<PathBuf>,
    /// Write nothing; print a diff and exit 1 if a file is not formatted.
    #[arg(long, conflicts_with = "write")]
    pub check: bool,
    /// Rewrite files in place (the default; accepted for scripts that say so).
    #[arg(long)]
    pub write: bool,
    /// Rewrite read-only files too.
    #[arg(long, conflicts_with = "check")]
    pub force: bool,
}

/// Files formatted at once on the cores before their output is printed.
const FILES_PER_CHUNK: usize = 256;

/// What happened to one file.
#[derive(Debug, Clone, Copy)]
enum Outcome {
    Unchanged,
    Changed,
    Findings,
    Failed,
}

pub fn run(args: &FmtArgs) -> u8 {
    let mut resolver = crate::config::Resolver::new(crate::config::Overrides::default());
    let defaulted = args.paths.is_empty();
    if defaulted && !args.check && resolver.config_for(Path::new("./-")).is_none() {
        eprintln!(
            "error: no `treaty.toml` here or above, so `treaty fmt` with no path rewrites nothing; name the files or directories to format (`treaty fmt treaties/`), or add a treaty.toml at the project's root"
        );
        return EXIT_FAILURE;
    }
    let given = if defaulted {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut worst = EXIT_OK;
    let mut note = |code: u8| worst = worst.max(code);
    let (stdin, paths): (Vec<&PathBuf>, Vec<PathBuf>) = {
        let stdin = given.iter().filter(|p| p.as_os_str() == "-").collect();
        let rest = given
            .iter()
            .filter(|p| p.as_os_str() != "-")
            .cloned()
            .collect();
        (stdin, rest)
    };
    if !stdin.is_empty() {
        note(outcome_code(format_stdin(args.check)));
    }
    if !paths.is_empty() {
        let mut found = files::find(&paths);
        if let Err(error) = found.drop_excluded(&mut resolver) {
            for d in &error.diagnostics {
                eprintln!("{}", human::render(d, &error.source, HumanStyle::plain()));
            }
            return EXIT_FAILURE;
        }
        for problem in &found.problems {
            eprintln!("error: {}", crate::terminal::clean(problem));
            note(EXIT_FAILURE);
        }
        // Files are formatted on every core, a bounded chunk at a time so that at most
        // that many files' diffs are held; what each prints is kept and printed in the
        // files' order, so the output is the same as one file after another.
        for chunk in found.files.chunks(FILES_PER_CHUNK) {
            let done: Vec<Printed> = chunk
                .par_iter()
                .map(|path| {
                    let mut printed = Printed::default();
                    printed.outcome = Some(format_path(path, args.check, args.force, &mut printed));
                    printed
                })
                .collect();
            for printed in done {
                note(printed.emit());
            }
        }
    }
    worst
}

/// What formatting one file printed, kept until the files before it are printed.
#[derive(Default)]
struct Printed {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    outcome: Option<Outcome>,
}

impl Printed {
    /// Print what was kept and give the file's exit code.
    fn emit(self) -> u8 {
        let mut code = self.outcome.map_or(EXIT_OK, outcome_code);
        if !self.stdout.is_empty() {
            let mut stdout = std::io::stdout().lock();
            if let Err(error) = stdout.write_all(&self.stdout).and_then(|()| stdout.flush()) {
                eprintln!("error: cannot write output: {}", files::describe(&error));
                code = code.max(EXIT_FAILURE);
            }
        }
        // Standard error is unbuffered and a write to it that fails has nowhere to be
        // reported, as with `eprint!`.
        let _ = std::io::stderr().lock().write_all(&self.stderr);
        code
    }
}

fn outcome_code(outcome: Outcome) -> u8 {
    match outcome {
        Outcome::Unchanged | Outcome::Changed => EXIT_OK,
        Outcome::Findings => EXIT_FINDINGS,
        Outcome::Failed => EXIT_FAILURE,
    }
}

fn format_stdin(check: bool) -> Outcome {
    let bytes = match input::stdin(DEFAULT_MAX_FILE_SIZE) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("error: cannot read standard input: {error}");
            return Outcome::Failed;
        }
    };
    let source = match source::from_bytes("<stdin>".to_string(), bytes) {
        Loaded::Text(source) => source,
        Loaded::Rejected(source, diagnostic) => {
            eprint!(
                "{}",
                human::render(&diagnostic, &source, HumanStyle::plain())
            );
            eprintln!("<stdin>: not formatted");
            // As for a file: text that is not text is a finding about the input (1),
            // not a failure to read it (2).
            return Outcome::Findings;
        }
    };
    let mut stderr = Vec::new();
    let formatted = format_or_report(&source, &mut stderr);
    let _ = std::io::stderr().lock().write_all(&stderr);
    let formatted = match formatted {
        Ok(formatted) => formatted,
        Err(outcome) => return outcome,
    };
    let mut stdout = std::io::stdout().lock();
    let written = if check {
        if formatted == source.text {
            return Outcome::Unchanged;
        }
        let shown = diff("<stdin>", &source.text, &formatted);
        let written = stdout.write_all(crate::terminal::clean(&shown).as_bytes());
        if written.is_ok() {
            return Outcome::Findings;
        }
        written
    } else {
        stdout.write_all(formatted.as_bytes())
    };
    match written.and_then(|()| stdout.flush()) {
        Ok(()) => Outcome::Changed,
        Err(error) => {
            eprintln!("error: cannot write output: {}", files::describe(&error));
            Outcome::Failed
        }
    }
}

fn format_path(path: &Path, check: bool, force: bool, printed: &mut Printed) -> Outcome {
    // Shown in messages and diffs: control characters in the name are escaped.
    let display = crate::terminal::clean(&path.display().to_string()).into_owned();
    // A symbolic link is formatted through: its target is the file rewritten.
    let target = match safe_write::target_of(path) {
        Ok(target) => target,
        Err(error) => {
            let _ = writeln!(
                printed.stderr,
                "error: cannot read `{display}`: {}",
                files::describe(&error)
            );
            return Outcome::Failed;
        }
    };
    let (bytes, snapshot) = match safe_write::read(&target, DEFAULT_MAX_FILE_SIZE) {
        Ok(read) => read,
        Err(error) => {
            let _ = writeln!(
                printed.stderr,
                "error: cannot read `{display}`: {error}; left as it is"
            );
            return Outcome::Failed;
        }
    };
    // The same NUL and UTF-8 checks as `treaty check`, with the same E005.
    let source = match source::from_bytes(display.clone(), bytes) {
        Loaded::Text(source) => source,
        Loaded::Rejected(source, diagnostic) => {
            let _ = write!(
                printed.stderr,
                "{}",
                human::render(&diagnostic, &source, HumanStyle::plain())
            );
            let _ = writeln!(printed.stderr, "{display}: not formatted; left as it is");
            return Outcome::Findings;
        }
    };
    let formatted = match format_or_report(&source, &mut printed.stderr) {
        Ok(formatted) => formatted,
        Err(outcome) => return outcome,
    };
    if formatted == source.text {
        return Outcome::Unchanged;
    }
    if check {
        let shown = diff(&display, &source.text, &formatted);
        printed
            .stdout
            .extend_from_slice(crate::terminal::clean(&shown).as_bytes());
        return Outcome::Findings;
    }
    let written = safe_write::replace(
        &target,
        source.text.as_bytes(),
        &snapshot,
        formatted.as_bytes(),
        force,
    );
    match written {
        Ok(()) => {
            let _ = writeln!(printed.stderr, "formatted {display}");
            Outcome::Changed
        }
        Err(refused) => {
            let _ = writeln!(
                printed.stderr,
                "error: `{display}` not formatted: {refused}; left as it is"
            );
            Outcome::Failed
        }
    }
}

/// The formatted text, or the outcome after printing why there is none.
fn format_or_report(source: &SourceFile, stderr: &mut Vec<u8>) -> Result<String, Outcome> {
    match fmt::format_text(&source.text) {
        Ok(formatted) => Ok(formatted),
        Err(FormatError::Syntax(diagnostics)) => {
            let style = HumanStyle::plain();
            let mut out = String::new();
            for diagnostic in &diagnostics {
                out.push_str(&human::render(diagnostic, source, style));
            }
            let _ = write!(stderr, "{out}");
            let _ = writeln!(
                stderr,
                "{}: not formatted: fix the syntax errors first",
                source.path
            );
            Err(Outcome::Findings)
        }
        Err(FormatError::Internal(reason)) => {
            let _ = writeln!(stderr,
                "error: {}: the formatter refused its own output ({reason}); the file is left as it is",
                source.path
            );
            Err(Outcome::Failed)
        }
    }
}

/// A unified diff from the file as it is to the file formatted.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(path, &format!("{path} (formatted)"))
        .to_string()
}
