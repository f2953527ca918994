//! `treaty test [PATH...]`: run every `scenario` block found in the files (directories
//! are searched for `*.treaty`) and check its expectations. Each expectation that
//! fails is an S001 diagnostic pointing at it. Exit 0 when all pass, 1 when any fails,
//! 2 when a scenario cannot be run (bad events, unreadable treaty references) or no
//! scenario was found.

use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::simulate::read;
use super::{files, EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::diagnostics::{Diagnostic, Severity};
use crate::output::human::{self, HumanStyle};
use crate::scenario::block as scenario_block;
use crate::scenario::load::{Library, TreatyFile};
use crate::source::SourceFile;
use crate::syntax;

#[derive(Debug, Args)]
pub struct TestArgs {
    /// Files and directories; directories are searched for `*.treaty` files with
    /// `scenario` blocks.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
}

#[derive(Default)]
struct Tally {
    scenarios: usize,
    expectations: usize,
    passed: usize,
    failed: usize,
    unusable: usize,
}

const GREEN: &str = "\u{1b}[32m";
const RED: &str = "\u{1b}[1;31m";

/// A status word, coloured when the output is: a reader scans the column for FAIL.
fn paint(word: &str, colour: &str, on: bool) -> String {
    if on {
        format!("{colour}{word}\u{1b}[0m")
    } else {
        word.to_string()
    }
}

fn diagnostics_text(diagnostics: &[Diagnostic], source: &SourceFile, style: HumanStyle) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&human::render(d, source, style));
        out.push('\n');
    }
    out
}

pub fn run(args: &TestArgs) -> u8 {
    let style = HumanStyle {
        colour: super::colour_stdout(),
        ..HumanStyle::plain()
    };
    let mut found = files::find(&args.paths);
    let mut resolver = crate::config::Resolver::new(crate::config::Overrides::default());
    if let Err(error) = found.drop_excluded(&mut resolver) {
        eprint!(
            "{}",
            diagnostics_text(&error.diagnostics, &error.source, style)
        );
        return EXIT_FAILURE;
    }
    let mut io_failed = !found.problems.is_empty();
    for problem in &found.problems {
        eprintln!("error: {}", crate::terminal::clean(problem));
    }
    let mut out = String::new();
    let mut tally = Tally::default();
    let mut library = Library::new();
    for path in &found.files {
        let file = match read(path) {
            Ok(file) => file,
            Err(message) => {
                eprintln!("error: {}", crate::terminal::clean(&message));
                io_failed = true;
                continue;
            }
        };
        test_file(path, &file, &mut library, style, &mut tally, &mut out);
    }
    if tally.scenarios == 0 && !io_failed {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        eprintln!("error: no `scenario` blocks found in {}", shown.join(", "));
        return EXIT_FAILURE;
    }
    out.push_str(&format!(
        "\n{}, {}: {} passed, {} failed{}\n",
        crate::output::count(tally.scenarios, "scenario"),
        crate::output::count(tally.expectations, "expectation"),
        tally.passed,
        tally.failed,
        if tally.unusable > 0 {
            format!(
                "; {} could not be run",
                crate::output::count(tally.unusable, "scenario")
            )
        } else {
            String::new()
        }
    ));
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write output: {}", files::describe(&e));
            return EXIT_FAILURE;
        }
    }
    if io_failed || tally.unusable > 0 {
        EXIT_FAILURE
    } else if tally.failed > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

fn test_file(
    path: &Path,
    file: &SourceFile,
    library: &mut Library,
    style: HumanStyle,
    tally: &mut Tally,
    out: &mut String,
) {
    let parsed = syntax::parse(&file.text);
    if parsed.file.scenarios.is_empty() {
        return;
    }
    let syntax_errors: Vec<Diagnostic> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect();
    if !syntax_errors.is_empty() {
        tally.scenarios += parsed.file.scenarios.len();
        tally.unusable += parsed.file.scenarios.len();
        out.push_str(&format!(
            "error {}: the file does not parse\n",
            crate::terminal::clean(&file.path)
        ));
        out.push_str(&diagnostics_text(&syntax_errors, file, style));
        return;
    }
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let own = library.add(TreatyFile::new(file.path.clone(), file.text.clone()));
    for block in &parsed.file.scenarios {
        tally.scenarios += 1;
        let ran = scenario_block::run(block, &file.text, own, &dir, library);
        let name = crate::terminal::clean(&ran.scenario.name);
        let shown_path = crate::terminal::clean(&file.path);
        if !ran.problems.is_empty() {
            tally.unusable += 1;
            out.push_str(&format!(
                "{} {name} ({shown_path}): cannot be run\n",
                paint("error", RED, style.colour),
            ));
            out.push_str(&diagnostics_text(&ran.problems, file, style));
            continue;
        }
        let failed = ran.failures();
        let expectations = ran.verdicts.len();
        tally.expectations += expectations;
        tally.failed += failed.len();
        tally.passed += ran.passed();
        if failed.is_empty() {
            out.push_str(&format!(
                "{}    {name} ({shown_path}): {}\n",
                paint("ok", GREEN, style.colour),
                crate::output::count(expectations, "expectation")
            ));
        } else {
            out.push_str(&format!(
                "{}  {name} ({shown_path}): {} of {} failed\n",
                paint("FAIL", RED, style.colour),
                failed.len(),
                crate::output::count(expectations, "expectation")
            ));
            out.push_str(&diagnostics_text(&failed, file, style));
        }
    }
}
