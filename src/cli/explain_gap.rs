//! `treaty explain-gap FILE CODE`: what a gap means, shown by an event. The event is
//! run through the scenario engine against the file's treaties that have the gap and
//! against the baseline (`crate::counter`). Exit 0 when shown, 1 when no treaty of the
//! file has that gap, 2 on unusable input.

use clap::{Args, ValueEnum};
use std::path::PathBuf;

use super::check::{failure, load_baseline};
use super::simulate::read;
use super::{EXIT_FINDINGS, EXIT_OK};
use crate::analysis::{self, Settings};
use crate::rules::gaps::gap_rule;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainGapArgs {
    /// The treaty file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The gap's code, such as `CONSULT_ONLY` (see `treaty rules`).
    #[arg(value_name = "CODE")]
    pub code: String,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
}

/// The baseline's text, for line numbers in its run.
pub(super) fn baseline_text(path: &Option<PathBuf>) -> String {
    match path {
        // Through the input layer: a FIFO or a device is refused, not read forever.
        Some(path) => {
            crate::input::text(path, crate::source::DEFAULT_MAX_FILE_SIZE).unwrap_or_default()
        }
        None => analysis::BUNDLED_BASELINE.to_string(),
    }
}

pub fn run(args: &ExplainGapArgs) -> u8 {
    let code = args.code.trim().to_ascii_uppercase().replace('-', "_");
    if gap_rule(&code).is_none() {
        return failure(&format!(
            "`{}` is not a gap code; `treaty rules` lists them (NO_MUTUAL_DEFENCE, CONSULT_ONLY, ...)",
            args.code
        ));
    }
    let baseline = match load_baseline(&args.baseline) {
        Ok(baseline) => baseline,
        Err(message) => return failure(&message),
    };
    let base_text = baseline_text(&args.baseline);
    let file = match read(&args.file) {
        Ok(file) => file,
        Err(message) => return failure(&message),
    };
    let settings = Settings::with_baseline(baseline.clone());
    let report = analysis::check(file, &settings);
    let found: Vec<_> =
        crate::counter::for_report(&report, &baseline, &base_text, &*settings.loader)
            .into_iter()
            .filter(|(_, _, c)| c.code == code)
            .collect();
    let with_gap: Vec<_> = report
        .treaties
        .iter()
        .filter(|t| t.gaps.iter().any(|g| g.code == code))
        .collect();
    if with_gap.is_empty() {
        eprintln!(
            "{}: no treaty in this file has the gap {code}",
            crate::terminal::clean(&report.source.path)
        );
        return EXIT_FINDINGS;
    }
    match args.format {
        Format::Json => {
            let entries: Vec<_> = with_gap
                .iter()
                .map(|t| {
                    let index = report.treaties.iter().position(|r| r.id == t.id);
                    let gap = t.gaps.iter().find(|g| g.code == code);
                    serde_json::json!({
                        "treaty": t.id,
                        "code": code,
                        "message": gap.map(|g| g.message.clone()),
                        "counter_scenario": found
                            .iter()
                            .find(|(i, _, _)| Some(*i) == index)
                            .map(|(_, _, c)| c),
                    })
                })
                .collect();
            let out = serde_json::json!({ "version": 1, "gaps": entries });
            println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        }
        Format::Human => {
            let mut out = String::new();
            for t in &with_gap {
                let index = report.treaties.iter().position(|r| r.id == t.id);
                if let Some(gap) = t.gaps.iter().find(|g| g.code == code) {
                    let (line, _) = report.source.line_col(gap.span.start);
                    out.push_str(&format!("{} (line {line}) {code}: {}\n", t.id, gap.message));
                }
                match found.iter().find(|(i, _, _)| Some(*i) == index) {
                    Some((_, _, c)) => out.push_str(&format!("{}\n", c.render())),
                    None => out.push_str(
                        "no event shows this gap: it is about the text itself, not about what happens when an attack comes\n",
                    ),
                }
            }
            print!("{}", crate::terminal::clean(&out));
        }
    }
    EXIT_OK
}
