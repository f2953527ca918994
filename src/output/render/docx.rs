//! A draft as a Word document (Office Open XML, through `docx-rs`): the title, a
//! heading per article, a numbered paragraph per sentence, and on each sentence a
//! comment that names its clause's line in the treaty file. With `--annotate` each gap
//! is a shaded paragraph after its article, with its line in a comment too.

use docx_rs::{AlignmentType, Comment, Docx, Paragraph, Run, Style, StyleType};

use super::Draft;

const AUTHOR: &str = "treaty render";

fn text(style: &str, words: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(words))
}

fn styles(docx: Docx) -> Docx {
    docx.add_style(
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .size(36)
            .bold()
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .align(AlignmentType::Center),
    )
    .add_style(
        Style::new("Heading1", StyleType::Paragraph)
            .name("Heading 1")
            .size(26)
            .bold()
            .outline_lvl(0),
    )
    .add_style(
        Style::new("Gap", StyleType::Paragraph)
            .name("Gap")
            .italic()
            .highlight("yellow"),
    )
    .add_style(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .italic(),
    )
}

/// The document's bytes: a ZIP package of XML parts.
pub fn render(drafts: &[Draft]) -> Result<Vec<u8>, String> {
    let mut docx = styles(Docx::new());
    let mut comment_id = 0usize;
    // A paragraph whose whole text carries a comment (the clause's line).
    let mut comment = |style: &str, words: &str, note: String| {
        comment_id += 1;
        let comment = Comment::new(comment_id)
            .author(AUTHOR)
            .date("1970-01-01T00:00:00Z")
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(note)));
        Paragraph::new()
            .style(style)
            .add_comment_start(comment)
            .add_run(Run::new().add_text(words))
            .add_comment_end(comment_id)
    };
    for draft in drafts {
        docx = docx.add_paragraph(text("Title", &draft.title));
        if !draft.parties.is_empty() {
            docx = docx.add_paragraph(text(
                "Subtitle",
                &format!("{}: {}", draft.labels.parties, draft.parties.join(" · ")),
            ));
        }
        if let Some(date) = &draft.date {
            docx = docx.add_paragraph(text("Subtitle", date));
        }
        for article in &draft.articles {
            docx = docx.add_paragraph(text(
                "Heading1",
                &format!("{} — {}", draft.article_label(article), article.heading),
            ));
            for (n, sentence) in article.sentences.iter().enumerate() {
                let words = format!("{}. {}", n + 1, sentence.text);
                let note = format!("{}, {} {}", draft.file, draft.labels.line, sentence.line);
                docx = docx.add_paragraph(comment("Normal", &words, note));
                if let Some(quote) = &sentence.quote {
                    docx = docx
                        .add_paragraph(text("Quote", &format!("{}: {quote}", draft.labels.source)));
                }
            }
            for gap in &article.gaps {
                let words = format!("{} {}: {}", draft.labels.gap, gap.code, gap.message);
                let note = format!("{}, {} {}", draft.file, draft.labels.line, gap.line);
                docx = docx.add_paragraph(comment("Gap", &words, note));
            }
        }
    }
    let mut bytes = std::io::Cursor::new(Vec::new());
    docx.build()
        .pack(&mut bytes)
        .map_err(|e| format!("cannot write the document: {e}"))?;
    Ok(bytes.into_inner())
}
