//! `treaty simulate FILE... [--event TEXT]...`: run events against treaties and print
//! the timeline (or JSON). With `--event`, the events run against every treaty in the
//! files; without, the files' `scenario` blocks run. Exit 0 when the run was made, 2
//! when the input is unusable.

use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{files, EXIT_FAILURE, EXIT_OK};
use crate::diagnostics::{Diagnostic, Severity};
use crate::output::human::{self, HumanStyle};
use crate::scenario::engine::{self, Run};
use crate::scenario::load::{self, Library, TreatyFile};
use crate::scenario::{render, resolve, Instant, Scenario};
use crate::source::{self, Loaded, SourceFile, Span, DEFAULT_MAX_FILE_SIZE};
use crate::syntax::{self, lower_scenario::parse_happening};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A timeline, as a monitoring mission would log it.
    Human,
    /// The documented JSON shape (docs/scenarios.md).
    Json,
}

#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Treaty files and directories (searched for `*.treaty`). With `--event`, the
    /// events run against every treaty in them; without, their `scenario` blocks run.
    #[arg(required = true, value_name = "PATH")]
    pub files: Vec<PathBuf>,

    /// An event, such as `armed-attack by RU against UA at 2027-03-01T06:00Z` or
    /// `UK consults UA at 2027-03-02T05:00Z`. Repeat for more.
    #[arg(long = "event", value_name = "EVENT")]
    pub events: Vec<String>,

    /// When the log closes (default: a scenario's `end`, else the last event).
    #[arg(long, value_name = "TIME")]
    pub end: Option<String>,

    /// Run only the scenario block of this name.
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,

    /// Treat every treaty as in force, whatever its status and dates (a what-if).
    #[arg(long)]
    pub assume_in_force: bool,

    /// A signature date for treaties that give none (YYYY-MM-DD), so that a fixed
    /// term can be counted from it.
    #[arg(long, value_name = "DATE")]
    pub assume_signed: Option<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// Diagnostics on stderr, each against its file.
pub(super) fn report(diagnostics: &[Diagnostic], source: &SourceFile) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        let _ = writeln!(err, "{}", human::render(d, source, HumanStyle::plain()));
    }
}

/// Read a file as text, or say why not.
pub(super) fn read(path: &Path) -> Result<SourceFile, String> {
    if files::is_stdin(path) {
        let bytes = crate::input::stdin(DEFAULT_MAX_FILE_SIZE)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return match source::from_bytes(files::STDIN_NAME.to_string(), bytes) {
            Loaded::Text(file) => Ok(file),
            Loaded::Rejected(_, d) => Err(format!("cannot read standard input: {}", d.message)),
        };
    }
    let display = path.display().to_string();
    match source::load(path, display.clone(), DEFAULT_MAX_FILE_SIZE) {
        Ok(Loaded::Text(file)) => Ok(file),
        Ok(Loaded::Rejected(_, d)) => Err(format!("cannot read `{display}`: {}", d.message)),
        Err(e) => Err(format!("cannot read `{display}`: {}", files::describe(&e))),
    }
}

fn errors_of(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect()
}

fn failure(message: &str) -> u8 {
    eprintln!("error: {}", crate::terminal::clean(message));
    EXIT_FAILURE
}

pub fn run(args: &SimulateArgs) -> u8 {
    let end = match args.end.as_deref().map(Instant::parse) {
        None => None,
        Some(Ok(end)) => Some(end),
        Some(Err(message)) => return failure(&format!("--end: {message}")),
    };
    let mut found = files::find(&args.files);
    let mut resolver = crate::config::Resolver::new(crate::config::Overrides::default());
    if let Err(error) = found.drop_excluded(&mut resolver) {
        report(&error.diagnostics, &error.source);
        return EXIT_FAILURE;
    }
    if !found.problems.is_empty() {
        for problem in &found.problems {
            eprintln!("error: {}", crate::terminal::clean(problem));
        }
        return EXIT_FAILURE;
    }
    if found.files.is_empty() {
        return failure("no `.treaty` files found to simulate");
    }
    let runs = if args.events.is_empty() {
        scenario_runs(args, &found.files, end)
    } else {
        event_run(args, &found.files, end).map(|r| vec![r])
    };
    let runs = match runs {
        Ok(runs) => runs,
        Err(code) => return code,
    };
    let mut stdout = std::io::stdout().lock();
    let written = match args.format {
        Format::Json => serde_json::to_writer_pretty(&mut stdout, &render::json(&runs))
            .map_err(std::io::Error::from)
            .and_then(|_| writeln!(stdout)),
        Format::Human => {
            let text: Vec<String> = runs.iter().map(render::timeline).collect();
            stdout.write_all(crate::terminal::clean(&text.join("\n")).as_bytes())
        }
    };
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            failure(&format!("cannot write output: {}", files::describe(&e)))
        }
        _ => EXIT_OK,
    }
}

/// `--assume-signed DATE`, checked.
fn assumed_signature(args: &SimulateArgs) -> Result<Option<crate::model::Date>, u8> {
    match args.assume_signed.as_deref().map(crate::model::Date::parse) {
        None => Ok(None),
        Some(Ok(date)) => Ok(Some(date)),
        Some(Err(message)) => Err(failure(&format!("--assume-signed: {message}"))),
    }
}

/// `--event` given: one run of those events against every treaty in the files.
fn event_run(args: &SimulateArgs, paths: &[PathBuf], end: Option<Instant>) -> Result<Run, u8> {
    let mut events = Vec::new();
    let mut bad = false;
    for (i, text) in args.events.iter().enumerate() {
        let source = SourceFile::new(format!("--event {}", i + 1), text.clone());
        let mut diagnostics = Vec::new();
        match parse_happening(text) {
            Ok(h) => match resolve::happening(&h, text, &mut diagnostics) {
                Some(mut event) if diagnostics.is_empty() => {
                    event.span = None;
                    events.push(event);
                }
                _ => bad = true,
            },
            Err(d) => {
                diagnostics.push(d);
                bad = true;
            }
        }
        if !diagnostics.is_empty() {
            let d: Vec<Diagnostic> = diagnostics
                .into_iter()
                .map(|d| {
                    if d.labels.is_empty() {
                        d.with_label(Span::new(0, text.len()), "this event")
                    } else {
                        d
                    }
                })
                .collect();
            report(&d, &source);
        }
    }
    let mut library = Library::new();
    let mut ids = Vec::new();
    for path in paths {
        let file = read(path).map_err(|m| failure(&m))?;
        let treaty_file = TreatyFile::new(file.path, file.text);
        if !treaty_file.errors.is_empty() {
            report(&treaty_file.errors, &treaty_file.source);
            bad = true;
        }
        let index = library.add(treaty_file);
        ids.extend((0..library.file(index).model.treaties.len()).map(|t| (index, t)));
    }
    if bad {
        return Err(EXIT_FAILURE);
    }
    if ids.is_empty() {
        return Err(failure(
            "the files define no treaty to run the events against",
        ));
    }
    let mut scenario = Scenario::from_events("command-line", events);
    scenario.end = end;
    scenario.assume_in_force = args.assume_in_force;
    scenario.assume_signed = assumed_signature(args)?;
    let unknown = crate::scenario::named::check(&scenario, &library.instruments(&ids));
    if !unknown.is_empty() {
        for d in &unknown {
            eprintln!("error[{}]: {}", d.code, d.message);
            if let Some(help) = &d.help {
                eprintln!("  help: {help}");
            }
        }
        return Err(EXIT_FAILURE);
    }
    if let Some(end) = end {
        if scenario.events.iter().any(|e| e.at > end) {
            return Err(failure("--end comes before an event"));
        }
    }
    Ok(engine::run(&scenario, &library.instruments(&ids)))
}

/// No `--event`: every scenario block of the files (or the one `--scenario` names).
fn scenario_runs(
    args: &SimulateArgs,
    paths: &[PathBuf],
    end: Option<Instant>,
) -> Result<Vec<Run>, u8> {
    let mut library = Library::new();
    let mut runs = Vec::new();
    let mut bad = false;
    for path in paths {
        let file = read(path).map_err(|m| failure(&m))?;
        let parsed = syntax::parse(&file.text);
        let syntax_errors = errors_of(parsed.diagnostics.clone());
        let has_scenarios = !parsed.file.scenarios.is_empty();
        if !syntax_errors.is_empty() && has_scenarios {
            report(&syntax_errors, &file);
            bad = true;
            continue;
        }
        let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
        let own = library.add(TreatyFile::new(file.path.clone(), file.text.clone()));
        for block in &parsed.file.scenarios {
            let mut diagnostics = Vec::new();
            let mut scenario = resolve::scenario(block, &file.text, &mut diagnostics);
            if args
                .scenario
                .as_ref()
                .is_some_and(|name| *name != scenario.name)
            {
                continue;
            }
            if !diagnostics.is_empty() {
                report(&diagnostics, &file);
                bad = true;
                continue;
            }
            let ids = match load::treaties_for(&scenario, block, own, &dir, &mut library) {
                Ok(ids) => ids,
                Err(diagnostics) => {
                    report(&diagnostics, &file);
                    bad = true;
                    continue;
                }
            };
            if let Some(end) = end {
                if scenario.events.iter().any(|e| e.at > end) {
                    eprintln!(
                        "error: --end comes before an event of scenario `{}`",
                        scenario.name
                    );
                    bad = true;
                    continue;
                }
                scenario.end = Some(end);
            }
            scenario.assume_in_force |= args.assume_in_force;
            if let Some(date) = assumed_signature(args)? {
                scenario.assume_signed = Some(date);
            }
            runs.push(engine::run(&scenario, &library.instruments(&ids)));
        }
    }
    if bad {
        return Err(EXIT_FAILURE);
    }
    if runs.is_empty() {
        let shown: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
        let what = match &args.scenario {
            Some(name) => format!("no scenario `{name}` in {}", shown.join(", ")),
            None => format!(
                "no scenario blocks in {}; give events with --event \"armed-attack by RU against UA at 2027-03-01T06:00Z\"",
                shown.join(", ")
            ),
        };
        return Err(failure(&what));
    }
    Ok(runs)
}
