//! `treaty report [PATH...] --out FILE`: one self-contained HTML page with the
//! comparison matrix, the tier ladder and every treaty's gaps.

use clap::Args;
use std::path::PathBuf;

use super::check::failure;
use super::compare::{load, no_treaties_is_a_failure, write_stdout, Failed};
use super::files;
use super::{EXIT_FINDINGS, EXIT_OK};
use crate::compare::{
    html,
    report::{ErrorCard, Report},
};
use crate::source::DEFAULT_MAX_FILE_SIZE;

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files and directories; directories are searched for `*.treaty`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Where to write the HTML; without it, the page goes to standard output.
    #[arg(long, short, value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// A date (or any text) to print under the title. The report has none otherwise,
    /// so the same files always give the same page.
    #[arg(long, value_name = "TEXT")]
    pub date: Option<String>,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Refuse files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_FILE_SIZE)]
    pub max_file_size: u64,
}

/// The input `out` would overwrite, if any: a file the report reads, or its baseline.
fn overwritten_input(out: &std::path::Path, args: &ReportArgs) -> Option<PathBuf> {
    let out = std::fs::canonicalize(out).ok()?;
    let found = files::find(&args.paths);
    found
        .files
        .iter()
        .chain(args.baseline.iter())
        .find(|input| std::fs::canonicalize(input).ok().as_ref() == Some(&out))
        .cloned()
}

pub fn run(args: &ReportArgs) -> u8 {
    if let Some(input) = args
        .out
        .as_deref()
        .and_then(|out| overwritten_input(out, args))
    {
        return failure(&format!(
            "refusing to write the report over `{}`, which is one of its inputs; choose another --out",
            input.display()
        ));
    }
    // Every readable file is shown; a file with errors gets a card with them (and the
    // command exits 1 once the page is written), instead of no page at all.
    let loaded = match load(&args.paths, &args.baseline, args.max_file_size) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    if let Err(code) = no_treaties_is_a_failure(&args.paths, &loaded) {
        return code;
    }
    let (baseline, reports) = (&loaded.baseline, &loaded.reports);
    let mut report = Report::of(&baseline.name, reports, args.date.clone());
    report.error_cards = loaded
        .failed
        .iter()
        .map(|failed| match failed {
            Failed::Unread { path, reason } => ErrorCard::unread(path.clone(), reason.clone()),
            Failed::WithErrors(file) => ErrorCard::of_file(file),
        })
        .collect();
    let done = if loaded.failed.is_empty() {
        EXIT_OK
    } else {
        EXIT_FINDINGS
    };
    // The counter-scenarios run the baseline's text: the one on the command line or
    // the bundled one. A baseline named only in treaty.toml gets none (its text is
    // not at hand here), rather than scenarios run against the wrong baseline.
    if args.baseline.is_some() || baseline.name == crate::analysis::bundled_baseline().name {
        report.add_counter_scenarios(
            reports,
            baseline,
            &super::explain_gap::baseline_text(&args.baseline),
            &crate::model::references::FsLoader,
        );
    }
    let page = html::render(&report);
    match &args.out {
        None => match write_stdout(&page) {
            EXIT_OK => done,
            code => code,
        },
        Some(path) => match std::fs::write(path, page) {
            Ok(()) => {
                let plural = |n: usize, one: &str, many: &str| {
                    format!("{n} {}", if n == 1 { one } else { many })
                };
                let mut wrote = format!(
                    "wrote {} ({} in {}",
                    path.display(),
                    plural(report.treaties.len(), "treaty", "treaties"),
                    plural(report.files, "file", "files")
                );
                if !report.error_cards.is_empty() {
                    wrote.push_str(&format!(
                        "; {} not compared, shown as error cards",
                        plural(report.error_cards.len(), "file", "files")
                    ));
                }
                eprintln!("{})", crate::terminal::clean(&wrote));
                done
            }
            Err(error) => failure(&format!(
                "cannot write `{}`: {}",
                path.display(),
                files::describe(&error)
            )),
        },
    }
}
