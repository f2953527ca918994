//! `treaty check [PATH...]`: check files and directories, print diagnostics, one line
//! per treaty and a summary.

use clap::{Args, ValueEnum};
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;

use super::files;
use super::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::analysis::Level;
use crate::analysis::{self, FileReport};
use crate::config::{self, ConfigError, Overrides};
use crate::diagnostics::Severity;
use crate::output::human::{self, HumanStyle};
use crate::output::json;
use crate::rules::{Baseline, Tier};
use crate::source::DEFAULT_MAX_FILE_SIZE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette diagnostics with source excerpts, then a line per treaty.
    Human,
    /// The documented JSON shape (docs/json-output.md).
    Json,
    /// One line per finding, no box drawing: for logs and screen readers.
    Plain,
    /// GitHub Actions workflow annotations.
    Github,
    /// SARIF 2.1.0, for code-scanning uploads (docs/output-formats.md).
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinTier {
    Soft,
    Intermediate,
    Hard,
}

impl From<MinTier> for Tier {
    fn from(value: MinTier) -> Self {
        match value {
            MinTier::Soft => Tier::Soft,
            MinTier::Intermediate => Tier::Intermediate,
            MinTier::Hard => Tier::Hard,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and directories to check; directories are searched for `*.treaty`;
    /// `-` reads one treaty file from standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline
    /// (overrides `baseline` in treaty.toml).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Fail (exit 1) when a treaty's tier is below this (overrides `min-tier`).
    #[arg(long, value_enum, value_name = "TIER")]
    pub min_tier: Option<MinTier>,

    /// Set a rule's level, overriding treaty.toml: `--rule NO_NUCLEAR_UMBRELLA=off`,
    /// `--rule unused-party=error`. Repeatable.
    #[arg(long = "rule", value_name = "RULE=LEVEL", value_parser = parse_rule_level)]
    pub rules: Vec<(&'static str, Level)>,

    /// Use this configuration file for every checked file instead of searching for
    /// `treaty.toml` upward from each file.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,

    /// Ignore every `treaty.toml`.
    #[arg(long)]
    pub no_config: bool,

    /// Show every diagnostic even when several files are checked (by default, a
    /// check of several files shows errors in full and counts the rest).
    #[arg(long, conflicts_with = "quiet")]
    pub details: bool,

    /// Show only errors and the closing summary line (human, plain and GitHub output).
    #[arg(long, short)]
    pub quiet: bool,

    /// Check again whenever a `.treaty` file or `treaty.toml` under the paths is saved
    /// (until interrupted).
    #[arg(long)]
    pub watch: bool,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

pub(super) fn failure(message: &str) -> u8 {
    eprintln!("error: {}", crate::terminal::clean(message));
    EXIT_FAILURE
}

/// The baseline named on the command line, or the bundled one (for the commands that
/// compare treaties).
pub(super) fn load_baseline(path: &Option<PathBuf>) -> Result<Baseline, String> {
    match path {
        Some(path) => config::load_baseline(path),
        None => Ok(analysis::bundled_baseline()),
    }
}

/// `CODE=LEVEL` or `name=level`, for `--rule`.
fn parse_rule_level(text: &str) -> Result<(&'static str, Level), String> {
    let (rule, level) = text
        .split_once('=')
        .ok_or_else(|| format!("expected RULE=LEVEL, got `{text}`"))?;
    let code = config::configurable_rule(rule.trim())?;
    let level = config::parse_level(level.trim())
        .ok_or_else(|| format!("`{level}` is not a level: write error, warning, advice or off"))?;
    Ok((code, level))
}

/// Print a configuration file's problems (always human-readable, on stderr).
fn report_config_error(error: &ConfigError) -> u8 {
    let style = HumanStyle {
        colour: false,
        ..HumanStyle::plain()
    };
    for diagnostic in &error.diagnostics {
        eprintln!("{}", human::render(diagnostic, &error.source, style));
    }
    EXIT_FAILURE
}

/// One check of the paths: print, and return the exit code (`--watch` repeats it,
/// from `cli::watch`).
pub fn run(args: &CheckArgs) -> u8 {
    let mut resolver = config::Resolver::new(Overrides {
        config: args.config.clone(),
        no_config: args.no_config,
        baseline: args.baseline.clone(),
        min_tier: args.min_tier.map(Tier::from),
        levels: args.rules.clone(),
        today: None,
    });
    let mut found = files::find(&args.paths);
    if let Err(error) = found.drop_excluded(&mut resolver) {
        return report_config_error(&error);
    }
    let mut io_failed = !found.problems.is_empty();
    for problem in &found.problems {
        eprintln!("error: {}", crate::terminal::clean(problem));
    }

    // Settings first, one configuration file at a time (cached per directory)...
    let mut jobs = Vec::with_capacity(found.files.len());
    for path in &found.files {
        // Standard input takes the configuration of the current directory.
        let place = if files::is_stdin(path) {
            std::path::Path::new(".").join("-")
        } else {
            path.clone()
        };
        match resolver.settings_for(&place) {
            Ok(settings) => jobs.push((path, settings)),
            Err(error) => return report_config_error(&error),
        }
    }
    // ...then read and check in parallel; `collect` keeps the files in order.
    // Only the human summary and JSON show the paths to the next tier.
    let next_tier = matches!(args.format, Format::Human | Format::Json);
    let results = files::check_all(&jobs, args.max_file_size, next_tier);
    let mut reports = Vec::with_capacity(results.len());
    for result in results {
        match result {
            Ok(report) => reports.push(report),
            Err(message) => {
                eprintln!("error: {}", crate::terminal::clean(&message));
                io_failed = true;
            }
        }
    }
    // Nothing could be read: the error already said so, and a "checked 0 files"
    // summary beside it would read as a clean run.
    if reports.is_empty() && io_failed {
        return EXIT_FAILURE;
    }
    if found.files.is_empty() && !io_failed {
        let shown: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        return failure(&format!("no `.treaty` files found in {}", shown.join(", ")));
    }

    // The run's baseline for the formats that name one; each file also names its own.
    let baseline = reports
        .iter()
        .map(|r| r.baseline.as_str())
        .find(|name| !name.is_empty())
        .unwrap_or("");
    // Buffered: serde writes JSON in small pieces, and a line-buffered stdout would
    // make a system call for every line of it.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = match args.format {
        Format::Json => {
            json::write_pretty(&mut stdout, &reports, baseline).and_then(|()| writeln!(stdout))
        }
        Format::Sarif => {
            let log = crate::output::sarif::log(&reports, baseline);
            serde_json::to_writer_pretty(&mut stdout, &log)
                .map_err(std::io::Error::from)
                .and_then(|_| writeln!(stdout))
        }
        Format::Plain | Format::Github => {
            // Rendered per file in parallel: on 10,000 files, rendering serially
            // would leave one core idle for a third of the run.
            let plain = args.format == Format::Plain;
            if let [report] = reports.as_slice() {
                // One file: stream its lines, as for human output.
                let mut line = String::new();
                report
                    .diagnostics
                    .iter()
                    .filter(|d| !args.quiet || d.severity == Severity::Error)
                    .try_for_each(|d| {
                        line.clear();
                        if plain {
                            crate::output::linear::plain_line(report, d, &mut line);
                        } else {
                            crate::output::linear::github_line(report, d, &mut line);
                        }
                        stdout.write_all(line.as_bytes())
                    })
                    .and_then(|()| {
                        if plain {
                            stdout.write_all(
                                treaty_lines(&reports, plain_detail(args), false).as_bytes(),
                            )
                        } else {
                            Ok(())
                        }
                    })
            } else {
                let mut out: String = reports
                    .par_iter()
                    .map(|report| {
                        let mut text = String::new();
                        let shown = report
                            .diagnostics
                            .iter()
                            .filter(|d| !args.quiet || d.severity == Severity::Error);
                        for d in shown {
                            if plain {
                                crate::output::linear::plain_line(report, d, &mut text);
                            } else {
                                crate::output::linear::github_line(report, d, &mut text);
                            }
                        }
                        text
                    })
                    .collect();
                if plain {
                    out.push_str(&treaty_lines(&reports, plain_detail(args), false));
                }
                stdout.write_all(out.as_bytes())
            }
        }
        Format::Human => {
            let style = HumanStyle {
                colour: super::colour_stdout(),
                ..HumanStyle::plain()
            };
            let detail = if args.quiet {
                Detail::Quiet
            } else if args.details || reports.len() == 1 {
                Detail::All
            } else {
                Detail::Summary
            };
            if let ([report], Detail::All) = (reports.as_slice(), detail) {
                // One file: stream its diagnostics instead of holding them all
                // rendered in memory (a 100 MB file has 600,000 of them).
                report
                    .diagnostics
                    .iter()
                    .try_for_each(|d| {
                        writeln!(stdout, "{}", human::render(d, &report.source, style))
                    })
                    .and_then(|()| {
                        stdout.write_all(treaty_lines(&reports, detail, style.colour).as_bytes())
                    })
            } else {
                stdout.write_all(render_human_with(&reports, style, detail).as_bytes())
            }
        }
    }
    .and_then(|()| stdout.flush());
    // A closed pipe (`treaty check | head`) is not a failure of the check.
    if let Err(error) = written {
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            return failure(&format!("cannot write output: {}", files::describe(&error)));
        }
    }

    let summary = json::Summary::of(&reports);
    if io_failed {
        EXIT_FAILURE
    } else if summary.errors > 0 {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// How much of a check the human output shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// Every diagnostic, then the verdicts (one file, or `--details`).
    All,
    /// Errors in full, the verdicts, and counts of what was not shown (several files).
    Summary,
    /// Errors in full and the closing summary line (`--quiet`).
    Quiet,
}

fn plain_detail(args: &CheckArgs) -> Detail {
    if args.quiet {
        Detail::Quiet
    } else {
        Detail::All
    }
}

/// The whole human report: diagnostics per file, one line per treaty, a summary.
pub fn render_human(reports: &[FileReport], style: HumanStyle) -> String {
    render_human_with(reports, style, Detail::All)
}

/// The human report at a level of detail.
pub fn render_human_with(reports: &[FileReport], style: HumanStyle, detail: Detail) -> String {
    // Each file's diagnostics are rendered in parallel; `collect` keeps the order.
    let mut out: String = reports
        .par_iter()
        .map(|report| {
            let mut text = String::new();
            let shown = report
                .diagnostics
                .iter()
                .filter(|d| detail == Detail::All || d.severity == Severity::Error);
            for diagnostic in shown {
                text.push_str(&human::render(diagnostic, &report.source, style));
                text.push('\n');
            }
            text
        })
        .collect();
    out.push_str(&treaty_lines(reports, detail, style.colour));
    out
}

/// A tier word, coloured when the output is: hard green, intermediate yellow, soft red.
fn painted_tier(tier: Tier, colour: bool) -> String {
    if !colour {
        return tier.to_string();
    }
    let code = match tier {
        Tier::Hard => "32",
        Tier::Intermediate => "33",
        Tier::Soft => "31",
    };
    format!("\u{1b}[1;{code}m{tier}\u{1b}[0m")
}

/// One line per treaty with its tier and gap count, its reasons, the gap codes, what
/// would move it up, and the summary. User text is cleaned of control characters here;
/// the tier's colour is added after.
fn treaty_lines(reports: &[FileReport], detail: Detail, colour: bool) -> String {
    let clean = |text: String| crate::terminal::clean(&text).into_owned();
    let mut out = String::new();
    for report in reports {
        if detail == Detail::Quiet {
            break;
        }
        for treaty in &report.treaties {
            let gaps = treaty.gaps.len();
            let provisional = json::provisional_text(&report.source, treaty)
                .map(|text| format!(", {text}"))
                .unwrap_or_default();
            out.push_str(&format!(
                "{}: {}{}, {}\n",
                clean(treaty.id.to_string()),
                painted_tier(treaty.tier.tier, colour),
                provisional,
                clean(format!(
                    "{} gap{} against {}",
                    gaps,
                    if gaps == 1 { "" } else { "s" },
                    report.baseline
                ))
            ));
            let reasons: Vec<String> = treaty
                .tier
                .reasons
                .iter()
                .map(|r| json::reason_text(&report.source, &r.text, r.span))
                .collect();
            out.push_str(&clean(format!(
                "  {}: {}\n",
                treaty.tier.tier,
                reasons.join("; ")
            )));
            if !treaty.gaps.is_empty() {
                let codes: Vec<&str> = treaty.gaps.iter().map(|g| g.code).collect();
                out.push_str(&format!("  gaps: {}\n", codes.join(", ")));
            }
            for path in &treaty.next_tier {
                out.push_str(&clean(format!("  {}\n", path.heading())));
                for edit in &path.edits {
                    out.push_str(&clean(format!("    {} ({})\n", edit.describe(), edit.why)));
                }
            }
            if let Some(once) = &treaty.tier.once_concluded {
                let reasons: Vec<String> = once
                    .reasons
                    .iter()
                    .map(|r| json::reason_text(&report.source, &r.text, r.span))
                    .collect();
                out.push_str(&clean(format!(
                    "  {} once concluded: {}\n",
                    once.tier,
                    reasons.join("; ")
                )));
            }
        }
    }
    let summary = json::Summary::of(reports);
    out.push_str(&format!(
        "\nchecked {} file{}, {} treat{}: {} error{}, {} warning{}, {} advice\n",
        summary.files,
        if summary.files == 1 { "" } else { "s" },
        summary.treaties,
        if summary.treaties == 1 { "y" } else { "ies" },
        summary.errors,
        if summary.errors == 1 { "" } else { "s" },
        summary.warnings,
        if summary.warnings == 1 { "" } else { "s" },
        summary.advice,
    ));
    if detail != Detail::All && summary.warnings + summary.advice > 0 {
        out.push_str(&format!(
            "(the {} warning{} and {} advice are not shown: `--details` shows them, as does checking one file)\n",
            summary.warnings,
            if summary.warnings == 1 { "" } else { "s" },
            summary.advice,
        ));
    }
    out
}
