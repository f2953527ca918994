//! `treaty report [PATH...] --out FILE`: one self-contained HTML page with the
//! comparison matrix, the tier ladder and every treaty's gaps.

use clap::Args;
use std::path::PathBuf;

use super::check::failure;
use super::compare::{load_checked, write_stdout};
use super::files;
use super::EXIT_OK;
use crate::compare::{html, report::Report};
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
    let (baseline, reports) = match load_checked(&args.paths, &args.baseline, args.max_file_size) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let mut report = Report::of(&baseline.name, &reports, args.date.clone());
    // The counter-scenarios run the baseline's text: the one on the command line or
    // the bundled one. A baseline named only in treaty.toml gets none (its text is
    // not at hand here), rather than scenarios run against the wrong baseline.
    if args.baseline.is_some() || baseline.name == crate::analysis::bundled_baseline().name {
        report.add_counter_scenarios(
            &reports,
            &baseline,
            &super::explain_gap::baseline_text(&args.baseline),
            &crate::model::references::FsLoader,
        );
    }
    let page = html::render(&report);
    match &args.out {
        None => write_stdout(&page),
        Some(path) => match std::fs::write(path, page) {
            Ok(()) => {
                eprintln!(
                    "wrote {} ({} treaties from {} files)",
                    path.display(),
                    report.treaties.len(),
                    report.files
                );
                EXIT_OK
            }
            Err(error) => failure(&format!(
                "cannot write `{}`: {}",
                path.display(),
                files::describe(&error)
            )),
        },
    }
}
