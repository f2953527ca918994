//! `treaty render`: a treaty as a readable draft. A title block, then numbered articles
//! in the order a treaty is written, each clause of the model as sentences in plain
//! treaty language from the language's message file (`locales/*.ftl`), each sentence
//! carrying the line of the clause it came from.
//!
//! A renderer: it reads the model and the analysis's gaps, never the syntax. The
//! [`Draft`] is the same for every output format and, but for its words, for every
//! language: the articles and their order come from the model alone.

mod articles;
mod clauses;
pub mod docx;
pub mod html;
pub mod markdown;
pub mod messages;
mod parties;
pub mod redline;

use serde::Serialize;

use crate::model::Treaty;
use crate::rules::gaps::Gap;
use crate::source::SourceFile;
use crate::span::Span;
pub use messages::{languages, Messages};

/// Where a clause's `source` wording goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMode {
    /// After the generated sentence.
    Alongside,
    /// In place of the generated sentence, where the clause has one.
    Instead,
}

#[derive(Debug, Clone, Default)]
pub struct Options {
    pub quote_sources: Option<QuoteMode>,
    /// Each gap next to the article it concerns.
    pub annotate: bool,
}

/// The articles, in the order a treaty is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ArticleKind {
    Purpose,
    Standing,
    Consultation,
    Trigger,
    Forces,
    Institutions,
    Duration,
    Review,
    Withdrawal,
    EntryIntoForce,
}

impl ArticleKind {
    pub fn id(self) -> &'static str {
        match self {
            ArticleKind::Purpose => "purpose",
            ArticleKind::Standing => "standing",
            ArticleKind::Consultation => "consultation",
            ArticleKind::Trigger => "trigger",
            ArticleKind::Forces => "forces",
            ArticleKind::Institutions => "institutions",
            ArticleKind::Duration => "duration",
            ArticleKind::Review => "review",
            ArticleKind::Withdrawal => "withdrawal",
            ArticleKind::EntryIntoForce => "entry-into-force",
        }
    }
}

/// One rendered sentence and where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    pub text: String,
    /// The 1-based line of the clause in the treaty file.
    pub line: usize,
    /// The clause's `source` wording, when `--quote-sources` shows it alongside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    #[serde(skip)]
    pub span: Span,
}

/// A gap the analysis found, placed at the article of the clause it points at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annotation {
    pub code: String,
    pub message: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Article {
    pub number: usize,
    pub kind: ArticleKind,
    pub heading: String,
    pub sentences: Vec<Sentence>,
    pub gaps: Vec<Annotation>,
    #[serde(skip)]
    pub spans: Vec<Span>,
}

/// A treaty as a draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub lang: String,
    /// The file the lines refer to.
    pub file: String,
    pub id: String,
    pub title: String,
    /// The parties to the instrument by their full names.
    pub parties: Vec<String>,
    /// "Signed on 4 April 1949", "Proposed on ...", when the treaty gives a date.
    pub date: Option<String>,
    pub articles: Vec<Article>,
    /// The words the writers put around the text ("Article", "line", "Gap").
    pub labels: Labels,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Labels {
    pub article: String,
    pub parties: String,
    pub line: String,
    pub gap: String,
    pub source: String,
    pub gaps_heading: String,
    pub source_heading: String,
}

impl Draft {
    /// `Article 3`.
    pub fn article_label(&self, article: &Article) -> String {
        format!("{} {}", self.labels.article, article.number)
    }

    /// Every sentence in order, with its article.
    pub fn sentences(&self) -> impl Iterator<Item = (&Article, &Sentence)> {
        self.articles
            .iter()
            .flat_map(|a| a.sentences.iter().map(move |s| (a, s)))
    }
}

/// Render one treaty. `gaps` are the analysis's gaps for it (used with `annotate`).
pub fn draft(
    treaty: &Treaty,
    source: &SourceFile,
    gaps: &[Gap],
    m: &Messages,
    options: &Options,
) -> Draft {
    let cx = clauses::Cx { m, treaty };
    let line = |span: Span| source.line_col(span.start).0;
    let mut raw = articles::articles(&cx);
    raw.retain(|a| !a.sentences.is_empty());
    let mut articles: Vec<Article> = raw
        .into_iter()
        .enumerate()
        .map(|(i, a)| Article {
            number: i + 1,
            kind: a.kind,
            heading: a.heading,
            sentences: a
                .sentences
                .into_iter()
                .map(|(text, span, quote)| {
                    let quote = quote.map(|q| m.quote(&q));
                    let (text, quote) = match (options.quote_sources, quote) {
                        (Some(QuoteMode::Instead), Some(q)) => (q, None),
                        (Some(QuoteMode::Alongside), q) => (text, q),
                        _ => (text, None),
                    };
                    Sentence {
                        text,
                        line: line(span),
                        quote,
                        span,
                    }
                })
                .collect(),
            gaps: Vec::new(),
            spans: a.spans,
        })
        .collect();
    if options.annotate {
        for gap in gaps {
            let at = articles
                .iter()
                .position(|a| {
                    a.sentences
                        .iter()
                        .map(|s| s.span)
                        .chain(a.spans.iter().copied())
                        .any(|s| s.contains(gap.span.start) || s.start == gap.span.start)
                })
                .unwrap_or(0);
            if let Some(article) = articles.get_mut(at) {
                article.gaps.push(Annotation {
                    code: gap.code.to_string(),
                    message: gap.message.clone(),
                    line: line(gap.span),
                });
            }
        }
    }
    let title = treaty
        .title
        .as_ref()
        .map_or_else(|| treaty.id.to_string(), |t| t.value.to_string());
    let parties = treaty
        .parties
        .iter()
        .filter(|p| p.is_participant())
        .map(|p| {
            messages::capitalise(
                &parties::party_name(m, treaty, &p.code, parties::Case::Plain).text,
            )
        })
        .collect();
    let date = if let Some(signed) = &treaty.signed {
        Some(m.get("title-signed", &[("date", (&m.date(signed.value)).into())]))
    } else {
        treaty
            .proposed
            .as_ref()
            .map(|p| m.get("title-proposed", &[("date", (&m.date(p.value)).into())]))
    };
    Draft {
        lang: m.lang.to_string(),
        file: source.path.clone(),
        id: treaty.id.to_string(),
        title,
        parties,
        date,
        articles,
        labels: Labels {
            article: m.word("label-article"),
            parties: m.word("label-parties"),
            line: m.word("label-line"),
            gap: m.word("label-gap"),
            source: m.word("label-source"),
            gaps_heading: m.word("label-gaps"),
            source_heading: m.word("label-source-file"),
        },
    }
}

/// Every treaty of a file, rendered; with `annotate`, each with the gaps the rules find
/// against `baseline` (all of them: no suppression or configured level applies).
pub fn drafts(
    source: &SourceFile,
    model: &crate::model::Model,
    baseline: &crate::rules::Baseline,
    m: &Messages,
    options: &Options,
) -> Vec<Draft> {
    let gaps: Vec<Vec<Gap>> = if options.annotate {
        model
            .treaties
            .iter()
            .map(|treaty| crate::rules::assess(treaty, baseline).gaps)
            .collect()
    } else {
        Vec::new()
    };
    drafts_with_gaps(source, model, &gaps, m, options)
}

/// Every treaty of a file, rendered; with `annotate`, treaty `i` with `gaps[i]` (as
/// the checker reported them, after suppressions and levels).
pub fn drafts_with_gaps(
    source: &SourceFile,
    model: &crate::model::Model,
    gaps: &[Vec<Gap>],
    m: &Messages,
    options: &Options,
) -> Vec<Draft> {
    model
        .treaties
        .iter()
        .enumerate()
        .map(|(i, treaty)| {
            let gaps = match gaps.get(i) {
                Some(gaps) if options.annotate => gaps.as_slice(),
                _ => &[],
            };
            draft(treaty, source, gaps, m, options)
        })
        .collect()
}
