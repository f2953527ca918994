//! `treaty render FILE [--to markdown|html|docx] [--out PATH] [--lang LANG]`: the
//! treaty as a readable draft (docs/render.md). Exit 0 when written, 2 when the file
//! cannot be read, has errors, or the output cannot be written.

use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use super::check::failure;
use super::compare::write_stdout;
use super::{files, EXIT_FAILURE, EXIT_OK};
use crate::output::human::{self, HumanStyle};
use crate::output::render::{self, Messages, Options, QuoteMode};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum To {
    /// Markdown, one footnote per line of the file.
    Markdown,
    /// One self-contained HTML page with the file's text and a link per sentence.
    Html,
    /// A Word document with a comment per sentence.
    Docx,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Quote {
    /// The clause's `source` wording after each sentence.
    Alongside,
    /// The `source` wording in place of the sentence, where the clause has one.
    Instead,
}

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The `.treaty` file; every treaty in it is rendered.
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = To::Markdown)]
    pub to: To,

    /// Where to write; without it, standard output (not for docx on a terminal).
    #[arg(long, short, value_name = "PATH")]
    pub out: Option<PathBuf>,

    /// The language of the draft: a message file in `locales/` (en, fr).
    #[arg(long, default_value = "en")]
    pub lang: String,

    /// Show each clause's `source` wording: `alongside` the sentence (the default), or
    /// `instead` of it.
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "alongside")]
    pub quote_sources: Option<Quote>,

    /// Put each gap against the baseline next to the article it concerns.
    #[arg(long)]
    pub annotate: bool,

    /// A `.treaty` file to compare against instead of the bundled Article 5 baseline
    /// (for `--annotate`).
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
}

pub fn run(args: &RenderArgs) -> u8 {
    let messages = match Messages::new(&args.lang) {
        Ok(messages) => messages,
        Err(message) => return failure(&message),
    };
    if let Some(out) = &args.out {
        let same = std::fs::canonicalize(out)
            .ok()
            .is_some_and(|out| std::fs::canonicalize(&args.file).ok().as_ref() == Some(&out));
        if same {
            return failure(&format!(
                "refusing to write the draft over `{}`, its input; choose another --out",
                out.display()
            ));
        }
    }
    if args.to == To::Docx && args.out.is_none() && std::io::stdout().is_terminal() {
        return failure("a docx document is binary: give --out FILE.docx or redirect the output");
    }
    // The file's settings, as `treaty check` finds them: the baseline (the one on the
    // command line winning) and, for `--annotate`, the suppressions and levels that
    // decide which gaps `check` reports.
    let mut resolver = crate::config::Resolver::new(crate::config::Overrides {
        baseline: args.baseline.clone(),
        ..Default::default()
    });
    let settings = match resolver.settings_for(&args.file) {
        Ok(settings) => settings,
        Err(error) => {
            for d in &error.diagnostics {
                eprintln!("{}", human::render(d, &error.source, HumanStyle::plain()));
            }
            return EXIT_FAILURE;
        }
    };
    let (source, model) = match super::diff::read(&args.file) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let options = Options {
        quote_sources: args.quote_sources.map(|q| match q {
            Quote::Alongside => QuoteMode::Alongside,
            Quote::Instead => QuoteMode::Instead,
        }),
        annotate: args.annotate,
    };
    let gaps: Vec<Vec<crate::rules::gaps::Gap>> = if args.annotate {
        crate::analysis::check(source.clone(), &settings)
            .treaties
            .into_iter()
            .map(|t| t.gaps)
            .collect()
    } else {
        Vec::new()
    };
    let drafts = render::drafts_with_gaps(&source, &model, &gaps, &messages, &options);
    let bytes = match args.to {
        To::Markdown => crate::terminal::clean(&render::markdown::render(&drafts))
            .into_owned()
            .into_bytes(),
        To::Html => render::html::render(&drafts, &source.text).into_bytes(),
        To::Docx => match render::docx::render(&drafts) {
            Ok(bytes) => bytes,
            Err(message) => return failure(&message),
        },
    };
    match &args.out {
        None => match std::str::from_utf8(&bytes) {
            Ok(text) => write_stdout(text),
            Err(_) => {
                let mut stdout = std::io::stdout().lock();
                match stdout.write_all(&bytes) {
                    Ok(()) => EXIT_OK,
                    Err(error) => {
                        failure(&format!("cannot write output: {}", files::describe(&error)))
                    }
                }
            }
        },
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => {
                let articles: usize = drafts.iter().map(|d| d.articles.len()).sum();
                eprintln!(
                    "wrote {} ({} treaties, {articles} articles)",
                    path.display(),
                    drafts.len()
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
