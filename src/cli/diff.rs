//! `treaty diff OLD NEW`: a semantic redline between two drafts. Exit 0 when nothing
//! changed in substance, 1 when something did, 2 when a file cannot be read or has
//! errors.

use clap::{Args, ValueEnum};
use std::path::{Path, PathBuf};

use super::check::{failure, load_baseline};
use super::compare::{print_errors, to_json, write_stdout};
use super::files;
use super::{EXIT_FAILURE, EXIT_FINDINGS, EXIT_OK};
use crate::analysis;
use crate::compare::{diff, text, Side};
use crate::diagnostics::Severity;
use crate::model::Model;
use crate::output::human::{self, HumanStyle};
use crate::source::{self, Loaded, SourceFile, DEFAULT_MAX_FILE_SIZE};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The redline as text.
    Human,
    /// The redline as JSON (docs/compare.md).
    Json,
    /// The redline as Markdown tables.
    Markdown,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The earlier draft.
    pub old: PathBuf,
    /// The later draft.
    pub new: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// The redline as the drafts read (`treaty render`): sentences, changed ones marked.
    #[arg(long)]
    pub render: bool,

    /// The language of `--render`.
    #[arg(long, default_value = "en", requires = "render")]
    pub lang: String,
}

/// `--render`: both drafts rendered, the changed sentences marked.
fn run_render(
    args: &DiffArgs,
    old: &(SourceFile, Model),
    new: &(SourceFile, Model),
    baseline: &crate::rules::Baseline,
) -> u8 {
    use crate::output::render::{self, Messages, Options};
    let messages = match Messages::new(&args.lang) {
        Ok(messages) => messages,
        Err(message) => return failure(&message),
    };
    let options = Options::default();
    let old_drafts = render::drafts(&old.0, &old.1, baseline, &messages, &options);
    let new_drafts = render::drafts(&new.0, &new.1, baseline, &messages, &options);
    let (text, changed) =
        render::redline::redline(&old.0.path, &old_drafts, &new.0.path, &new_drafts);
    let written = write_stdout(&crate::terminal::clean(&text));
    if written != EXIT_OK {
        written
    } else if changed {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Read and resolve one draft; its errors are printed and end the command.
pub(super) fn read(path: &Path) -> Result<(SourceFile, Model), u8> {
    let display = path.display().to_string();
    let file = match source::load(path, display.clone(), DEFAULT_MAX_FILE_SIZE) {
        Ok(Loaded::Text(file)) => file,
        Ok(Loaded::Rejected(file, diagnostic)) => {
            print_errors(&analysis::FileReport::rejected(file, diagnostic));
            return Err(EXIT_FAILURE);
        }
        Err(error) => {
            return Err(failure(&format!(
                "cannot read `{display}`: {}",
                files::describe(&error)
            )))
        }
    };
    let (model, diagnostics) = analysis::model_with_references(
        &file.text,
        &file.path,
        &crate::model::references::FsLoader,
    );
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        let report = analysis::FileReport {
            source: file,
            treaties: Vec::new(),
            diagnostics,
            baseline: String::new(),
        };
        print_errors(&report);
        return Err(failure(&format!(
            "`{display}` has {errors} error{}; fix {} to compare it",
            if errors == 1 { "" } else { "s" },
            if errors == 1 { "it" } else { "them" }
        )));
    }
    if model.treaties.is_empty() {
        return Err(failure(&format!("`{display}` defines no treaty")));
    }
    Ok((file, model))
}

pub fn run(args: &DiffArgs) -> u8 {
    // The baseline on the command line, else the one the new draft's treaty.toml
    // names (as `treaty check` would measure it), else the bundled one.
    let baseline = match &args.baseline {
        Some(_) => match load_baseline(&args.baseline) {
            Ok(baseline) => baseline,
            Err(message) => return failure(&message),
        },
        None => {
            let mut resolver = crate::config::Resolver::new(crate::config::Overrides::default());
            match resolver.settings_for(&args.new) {
                Ok(settings) => settings.baseline.clone(),
                Err(error) => {
                    for d in &error.diagnostics {
                        eprintln!("{}", human::render(d, &error.source, HumanStyle::plain()));
                    }
                    return EXIT_FAILURE;
                }
            }
        }
    };
    let old = read(&args.old);
    let new = read(&args.new);
    let ((old_source, old_model), (new_source, new_model)) = match (old, new) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    if args.render {
        return run_render(
            args,
            &(old_source, old_model),
            &(new_source, new_model),
            &baseline,
        );
    }
    let diff = diff(
        Side {
            source: &old_source,
            model: &old_model,
        },
        Side {
            source: &new_source,
            model: &new_model,
        },
        &baseline,
    );
    let output = match args.format {
        Format::Human if super::colour_stdout() => text::diff_human_coloured(&diff),
        Format::Human => crate::terminal::clean(&text::diff_human(&diff)).into_owned(),
        Format::Markdown => crate::terminal::clean(&text::diff_markdown(&diff)).into_owned(),
        Format::Json => match to_json(&diff) {
            Ok(json) => json,
            Err(code) => return code,
        },
    };
    let written = write_stdout(&output);
    if written != EXIT_OK {
        written
    } else if diff.changed {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}
