//! A draft as Markdown: headings for the title and the articles, each sentence a
//! numbered paragraph with a footnote naming its clause's line, quotes and gaps as
//! block quotes.

use std::fmt::Write;

use super::Draft;

/// Markdown special characters in text from a treaty file, escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Every draft of a file, one after the other; one footnote per line of the file.
pub fn render(drafts: &[Draft]) -> String {
    let mut out = String::new();
    let mut lines: Vec<usize> = Vec::new();
    let mut file = String::new();
    let mut footnote_label = String::new();
    for (i, draft) in drafts.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        file.clone_from(&draft.file);
        footnote_label.clone_from(&draft.labels.line);
        let _ = writeln!(out, "# {}\n", escape(&draft.title));
        if !draft.parties.is_empty() {
            let _ = writeln!(
                out,
                "**{}:** {}\n",
                draft.labels.parties,
                escape(&draft.parties.join(" · "))
            );
        }
        if let Some(date) = &draft.date {
            let _ = writeln!(out, "*{}*\n", escape(date));
        }
        for article in &draft.articles {
            let _ = writeln!(
                out,
                "## {} — {}\n",
                draft.article_label(article),
                escape(&article.heading)
            );
            for (n, sentence) in article.sentences.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{}. {}[^L{}]",
                    n + 1,
                    escape(&sentence.text),
                    sentence.line
                );
                if let Some(quote) = &sentence.quote {
                    let _ = writeln!(out, "   > {}: {}", draft.labels.source, escape(quote));
                }
                if !lines.contains(&sentence.line) {
                    lines.push(sentence.line);
                }
            }
            out.push('\n');
            for gap in &article.gaps {
                let _ = writeln!(
                    out,
                    "> **{}** `{}` ({} {}): {}\n",
                    draft.labels.gap,
                    gap.code,
                    draft.labels.line,
                    gap.line,
                    gap.message.replace('<', "\\<")
                );
            }
        }
    }
    lines.sort_unstable();
    for line in lines {
        let _ = writeln!(
            out,
            "[^L{line}]: {}, {footnote_label} {line}",
            escape(&file)
        );
    }
    out
}
