//! A draft as one self-contained HTML page, like `treaty report`: inline CSS, no
//! scripts, no external assets, every text from the file escaped. Each article has an
//! anchor; each sentence links to its clause's line in the source listing at the end
//! of the page, where every line has an anchor of its own (`#L12`).

use std::fmt::Write;

use super::Draft;
use crate::compare::html::escape;

const STYLE: &str = r#"
body { margin: 0 auto; max-width: 46rem; padding: 2rem 1.25rem 3rem; color: #1d232a;
  font: 17px/1.55 Georgia, "Times New Roman", serif; }
h1 { font-size: 1.7rem; line-height: 1.25; text-align: center; margin: 0 0 .6rem; }
.parties, .date { text-align: center; margin: .2rem 0; }
.date { font-style: italic; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
h2 a { color: inherit; text-decoration: none; }
ol { padding-left: 1.6rem; }
li { margin: .35rem 0; }
a.line { font: .7rem/1 ui-monospace, Menlo, Consolas, monospace; color: #56616b;
  vertical-align: super; margin-left: .2rem; text-decoration: none; }
blockquote { margin: .3rem 0 .3rem .5rem; padding-left: .7rem; border-left: 3px solid #d3d9df; color: #56616b; }
aside.gap { margin: .5rem 0; padding: .4rem .7rem; background: #fdf0c4; color: #6d4a00;
  font: .9rem/1.4 system-ui, sans-serif; border-radius: .25rem; }
hr { border: 0; border-top: 1px solid #d3d9df; margin: 2.5rem 0; }
section.source pre { font: .75rem/1.45 ui-monospace, Menlo, Consolas, monospace; background: #f4f6f8;
  padding: .6rem; overflow-x: auto; }
section.source span:target { background: #fdf0c4; }
@media print { section.source { break-before: page; } a.line { color: #000; } }
"#;

/// Every draft of a file on one page, then the file's text with a numbered anchor per
/// line.
pub fn render(drafts: &[Draft], source_text: &str) -> String {
    let lang = drafts.first().map_or("en", |d| d.lang.as_str());
    let title = drafts.first().map_or(String::new(), |d| d.title.clone());
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(lang),
        escape(&title)
    );
    for (t, draft) in drafts.iter().enumerate() {
        if t > 0 {
            out.push_str("<hr>\n");
        }
        let _ = writeln!(
            out,
            "<main class=\"draft\" data-treaty=\"{}\">\n<h1>{}</h1>",
            escape(&draft.id),
            escape(&draft.title)
        );
        if !draft.parties.is_empty() {
            let _ = writeln!(
                out,
                "<p class=\"parties\">{}: {}</p>",
                escape(&draft.labels.parties),
                escape(&draft.parties.join(" · "))
            );
        }
        if let Some(date) = &draft.date {
            let _ = writeln!(out, "<p class=\"date\">{}</p>", escape(date));
        }
        for article in &draft.articles {
            let anchor = format!("t{}-article-{}", t + 1, article.number);
            let _ = writeln!(
                out,
                "<section class=\"article\" id=\"{anchor}\" data-kind=\"{}\">\n<h2><a href=\"#{anchor}\">{} — {}</a></h2>\n<ol>",
                article.kind.id(),
                escape(&draft.article_label(article)),
                escape(&article.heading)
            );
            for sentence in &article.sentences {
                let _ = write!(
                    out,
                    "<li data-line=\"{line}\">{} <a class=\"line\" href=\"#L{line}\" title=\"{}, {} {line}\">{line}</a>",
                    escape(&sentence.text),
                    escape(&draft.file),
                    escape(&draft.labels.line),
                    line = sentence.line
                );
                if let Some(quote) = &sentence.quote {
                    let _ = write!(
                        out,
                        "<blockquote>{}: {}</blockquote>",
                        escape(&draft.labels.source),
                        escape(quote)
                    );
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
            for gap in &article.gaps {
                let _ = writeln!(
                    out,
                    "<aside class=\"gap\" data-code=\"{code}\"><strong>{}</strong> <code>{code}</code> {} <a href=\"#L{line}\">{} {line}</a></aside>",
                    escape(&draft.labels.gap),
                    escape(&gap.message),
                    escape(&draft.labels.line),
                    code = escape(&gap.code),
                    line = gap.line
                );
            }
            out.push_str("</section>\n");
        }
        out.push_str("</main>\n");
    }
    let heading = drafts.first().map_or(String::new(), |d| {
        format!("{}: {}", d.labels.source_heading, d.file)
    });
    let _ = write!(
        out,
        "<section class=\"source\">\n<h2>{}</h2>\n<pre>",
        escape(&heading)
    );
    for (i, line) in source_text.lines().enumerate() {
        let _ = writeln!(
            out,
            "<span id=\"L{n}\">{n:>4}  {}</span>",
            escape(line),
            n = i + 1
        );
    }
    out.push_str("</pre>\n</section>\n</body>\n</html>\n");
    out
}
