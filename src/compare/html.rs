//! `treaty report` as one self-contained HTML page: inline CSS and SVG, no scripts,
//! no external assets. Every piece of text from a treaty file is escaped. The page
//! is deterministic: the same files give the same bytes (a date appears only when
//! given).

use std::fmt::Write;

use super::matrix::{Cell, Column, Matrix};
use super::report::{Entry, Report, TreatySection};
use super::text::symbol;
use crate::rules::gaps::Standing;
use crate::rules::Tier;

/// Escape text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A treaty id that may break after `_` or `-` in a narrow column, but only where
/// both sides are at least [`MIN_PIECE`] characters: `north_atlantic_1949` may break
/// into `north_` / `atlantic_1949`, while `article_5` never leaves a `5` alone.
fn breakable(id: &str) -> String {
    let pieces: Vec<&str> = id.split_inclusive(['_', '-']).collect();
    let mut out = String::with_capacity(id.len() + 8);
    let mut line = 0;
    for (i, piece) in pieces.iter().enumerate() {
        let rest: usize = pieces[i..].iter().map(|p| p.chars().count()).sum();
        if i > 0 && line >= MIN_PIECE && rest >= MIN_PIECE {
            out.push_str("<wbr>");
            line = 0;
        }
        out.push_str(&escape(piece));
        line += piece.chars().count();
    }
    out
}

/// The shortest piece of a treaty id a header line may hold.
const MIN_PIECE: usize = 4;

/// The anchor of a treaty's section; by position, so equal ids in two files differ.
fn anchor(index: usize) -> String {
    format!("treaty-{}", index + 1)
}

const STYLE: &str = r#"
:root {
  --ink: #1d232a; --muted: #56616b; --rule: #d3d9df; --paper: #ffffff; --code: #f4f6f8;
  --met: #dcefdc; --met-ink: #1d5c22; --partly: #fdf0c4; --partly-ink: #6d4a00;
  --missing: #f8d9d7; --missing-ink: #8a1c17;
  --hard: #1f4e79; --intermediate: #3d7ab8; --soft: #a9c9e8;
}
* { box-sizing: border-box; }
html { background: var(--paper); }
body { margin: 0; padding: 1.5rem 1.25rem 3rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); }
header, #tiers, section.treaty { max-width: 62rem; margin-left: auto; margin-right: auto; }
#comparison { max-width: 110rem; margin: 0 auto; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p { margin: .3rem 0 .6rem; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.meta, .muted { color: var(--muted); }
.legend { display: flex; flex-wrap: wrap; gap: .5rem 1rem; padding: 0; list-style: none; font-size: .85rem; }
.legend li { padding: .1rem .5rem; border-radius: .25rem; }
.table-wrap { overflow-x: auto; }
table.matrix { border-collapse: collapse; width: 100%; font-size: .7rem; line-height: 1.25; }
.matrix th, .matrix td { border: 1px solid var(--rule); padding: .22rem .22rem; vertical-align: top; text-align: left; }
.matrix .tier { padding: 0 .25rem; font-size: .95em; }
.matrix thead th { font-weight: 600; background: #f3f5f7; }
.matrix thead th a { color: inherit; }
.matrix tbody th { font-weight: 500; min-width: 7rem; background: #fafbfc; }
/* The element names stay in view while the treaties scroll past. */
.matrix tbody th, .matrix thead th:first-child { position: sticky; left: 0; z-index: 1;
  box-shadow: 1px 0 0 var(--rule); }
.matrix thead th:first-child { background: #f3f5f7; }
.matrix thead th { overflow-wrap: normal; word-break: normal; hyphens: manual; }
.matrix .tier-row th, .matrix .tier-row td { font-weight: 600; border-bottom: 2px solid var(--ink); }
.cell .sym { font-weight: 700; margin-right: .15rem; }
.cell .note { display: block; font-size: .92em; hyphens: manual; overflow-wrap: break-word; word-break: normal; min-width: 6em; }
.met { background: var(--met); color: var(--met-ink); }
.partly { background: var(--partly); color: var(--partly-ink); }
.missing { background: var(--missing); color: var(--missing-ink); }
.unknown { background: #eeeeee; color: var(--ink); }
.tier { display: inline-block; padding: 0 .45rem; border-radius: .25rem; font-weight: 600; }
.tier-hard { background: var(--hard); color: #fff; }
.tier-intermediate { background: var(--intermediate); color: #fff; }
.tier-soft { background: var(--soft); color: var(--ink); }
figure { margin: 0; }
figure svg { width: 100%; height: auto; max-width: 60rem; display: block; }
figcaption { font-size: .85rem; color: var(--muted); margin-top: .3rem; }
section.treaty { border-top: 2px solid var(--rule); margin-top: 2.5rem; }
section.treaty h2 { display: flex; flex-wrap: wrap; align-items: baseline; gap: .5rem; }
.summary { font-size: .9rem; }
ul.reasons { margin: .2rem 0 .6rem; padding-left: 1.2rem; }
ol.findings { padding-left: 1.4rem; }
ol.findings li { margin: 0 0 .9rem; }
.finding-head { margin: 0; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; font-weight: 600; }
.severity-error { color: var(--missing-ink); }
.element { color: var(--muted); }
pre.source { background: var(--code); border-left: 3px solid var(--rule); margin: .3rem 0;
  padding: .35rem .6rem; font-size: .8rem; white-space: pre-wrap; overflow-wrap: anywhere; }
pre.source .ln { color: var(--muted); user-select: none; }
/* A counter-scenario's lines are long sentences: they wrap inside the column instead
   of widening the page (measured by tests/report_layout.sh). */
pre.counter { background: #f7f9fb; border-left: 3px solid var(--intermediate); margin: .3rem 0;
  padding: .35rem .6rem; font-size: .8rem; white-space: pre-wrap; overflow-wrap: break-word; }
.help { font-size: .9rem; }
section.error-cards { max-width: 62rem; margin: 2rem auto 0; }
.error-card { border: 1px solid var(--missing-ink); border-left-width: 4px; border-radius: .25rem;
  padding: .4rem .9rem; margin: .8rem 0; background: #fdf6f5; }
.error-card h3 { margin: .3rem 0; }
p.caption { font-size: .85rem; margin: .2rem 0 .5rem; }
@media (max-width: 40rem) { body { padding: 1rem .6rem; } .matrix tbody th { min-width: 7rem; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  @page wide { size: A4 landscape; }
  html, body { background: #fff; }
  body { padding: 0; font-size: 10pt; }
  header, #tiers, section.treaty, #comparison { max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  #comparison { page: wide; }
  .cell .note { font-size: .85em; }
  .table-wrap { overflow: visible; }
  table.matrix { font-size: 6.5pt; }
  thead { display: table-header-group; }
  tr, li, pre, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  section.treaty { break-before: page; border-top: none; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
"#;

fn tier_badge(tier: Tier) -> String {
    format!("<span class=\"tier tier-{0}\">{0}</span>", tier.as_str())
}

fn status_word(status: Standing) -> &'static str {
    match status {
        Standing::Met => "met",
        Standing::Partly => "partly met",
        Standing::Missing => "missing",
        Standing::Unknown => "unknown",
    }
}

fn cell(element: &str, cell: &Cell) -> String {
    let status = cell.status.as_str();
    let note =
        if matches!(cell.status, Standing::Partly | Standing::Unknown) && !cell.notes.is_empty() {
            // One note a line: the cell stays narrow and each weakness reads on its own.
            cell.notes
                .iter()
                .map(|n| format!("<span class=\"note\">{}</span>", escape(n)))
                .collect()
        } else {
            String::new()
        };
    format!(
        "<td class=\"cell {status}\" data-element=\"{}\" data-treaty=\"{}\" data-status=\"{status}\" data-text=\"{}\" title=\"{}\"><span class=\"sym\" aria-hidden=\"true\">{}</span>{}{note}</td>",
        escape(element),
        escape(&cell.treaty),
        escape(&cell.text),
        escape(&cell.codes.join(", ")),
        symbol(cell.status),
        status_word(cell.status),
    )
}

fn matrix_table(matrix: &Matrix) -> String {
    // The caption sits outside the scrolling box: inside it, a narrow window cut it
    // at the box's edge, mid-word.
    let mut out = String::new();
    let _ = write!(
        out,
        "<p class=\"caption muted\" id=\"matrix-caption\">Each treaty against the elements of {}; a cell's tooltip lists its gap codes.</p>\n<div class=\"table-wrap\"><table class=\"matrix\" aria-describedby=\"matrix-caption\">\n<thead><tr><th scope=\"col\">element</th>",
        escape(&matrix.baseline)
    );
    for (i, t) in matrix.treaties.iter().enumerate() {
        let _ = write!(
            out,
            "<th scope=\"col\" data-treaty=\"{}\"><a href=\"#{}\">{}</a></th>",
            escape(&t.id),
            anchor(i),
            breakable(&t.id)
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n<tr class=\"tier-row\"><th scope=\"row\">tier</th>");
    for t in &matrix.treaties {
        let _ = write!(
            out,
            "<td data-treaty=\"{}\" data-tier=\"{}\">{}</td>",
            escape(&t.id),
            t.tier,
            tier_badge(t.tier)
        );
    }
    out.push_str("</tr>\n");
    for row in &matrix.rows {
        let _ = write!(
            out,
            "<tr><th scope=\"row\" data-element=\"{}\">{}</th>",
            escape(row.element),
            escape(row.title)
        );
        for c in &row.cells {
            out.push_str(&cell(row.element, c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></div>\n");
    out
}

/// The tiers as a ladder: a band per tier, firmest at the top, each treaty a labelled
/// marker in its band. Sizes are computed, so the drawing never clips a name.
fn ladder(columns: &[Column]) -> String {
    const WIDTH: f64 = 800.0;
    const LEFT: f64 = 260.0;
    const PILL_H: f64 = 24.0;
    const GAP: f64 = 8.0;
    const CHAR_W: f64 = 7.3;
    let tiers = [
        (
            Tier::Hard,
            "binding, with a duty to assist,",
            "stationed forces or a nuclear umbrella",
        ),
        (
            Tier::Intermediate,
            "arms, training, intelligence;",
            "or binding without hard content",
        ),
        (
            Tier::Soft,
            "declarations, assurances,",
            "consultation, pledges of support",
        ),
    ];
    let mut bands = String::new();
    let mut y = 0.0;
    for (band_index, (tier, line1, line2)) in tiers.iter().enumerate() {
        // Lay the markers out in rows first, to know the band's height.
        let mut markers = Vec::new();
        let (mut x, mut row) = (LEFT + GAP, 0usize);
        for (i, c) in columns.iter().enumerate().filter(|(_, c)| c.tier == *tier) {
            let w = (c.id.chars().count() as f64 * CHAR_W + 20.0).max(56.0);
            if x + w > WIDTH - GAP && x > LEFT + GAP {
                row += 1;
                x = LEFT + GAP;
            }
            markers.push((i, c, x, row, w));
            x += w + GAP;
        }
        let rows = markers.last().map_or(1, |m| m.3 + 1);
        let height = (rows as f64 * (PILL_H + GAP) + 2.0 * GAP + 4.0).max(74.0);
        let fill = if band_index % 2 == 0 {
            "#eef3f8"
        } else {
            "#f7f9fb"
        };
        let _ = write!(
            bands,
            "<g class=\"band\" data-tier=\"{t}\"><rect x=\"0\" y=\"{y}\" width=\"{WIDTH}\" height=\"{height}\" fill=\"{fill}\"/>\
<text x=\"34\" y=\"{ty}\" font-size=\"15\" font-weight=\"700\" fill=\"#1d232a\">{t}</text>\
<text x=\"34\" y=\"{l1}\" font-size=\"10\" fill=\"#56616b\">{line1}</text>\
<text x=\"34\" y=\"{l2}\" font-size=\"10\" fill=\"#56616b\">{line2}</text>",
            t = tier.as_str(),
            ty = y + 24.0,
            l1 = y + 40.0,
            l2 = y + 53.0,
        );
        if markers.is_empty() {
            let _ = write!(
                bands,
                "<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#56616b\">none</text>",
                LEFT + GAP,
                y + GAP + 16.0
            );
        }
        let (pill_fill, text_fill) = match tier {
            Tier::Hard => ("#1f4e79", "#ffffff"),
            Tier::Intermediate => ("#3d7ab8", "#ffffff"),
            Tier::Soft => ("#a9c9e8", "#1d232a"),
        };
        for (i, c, x, row, w) in markers {
            let py = y + GAP + 2.0 + row as f64 * (PILL_H + GAP);
            let tooltip = match &c.title {
                Some(title) => format!("{}: {} ({})", c.id, title, c.tier),
                None => format!("{} ({})", c.id, c.tier),
            };
            let _ = write!(
                bands,
                "<a href=\"#{}\"><g class=\"marker\" data-treaty=\"{}\"><title>{}</title>\
<rect x=\"{x:.1}\" y=\"{py:.1}\" width=\"{w:.1}\" height=\"{PILL_H}\" rx=\"12\" fill=\"{pill_fill}\"/>\
<text x=\"{tx:.1}\" y=\"{ty:.1}\" font-size=\"12\" font-family=\"ui-monospace, Menlo, Consolas, monospace\" text-anchor=\"middle\" fill=\"{text_fill}\">{}</text></g></a>",
                anchor(i),
                escape(&c.id),
                escape(&tooltip),
                escape(&c.id),
                tx = x + w / 2.0,
                ty = py + 16.0,
            );
        }
        bands.push_str("</g>");
        y += height;
    }
    // The ladder's rails and an arrow: firmer towards the top.
    let rails = format!(
        "<line x1=\"14\" y1=\"{b}\" x2=\"14\" y2=\"10\" stroke=\"#56616b\" stroke-width=\"2\"/>\
<polygon points=\"8,14 14,2 20,14\" fill=\"#56616b\"/>\
<text x=\"0\" y=\"0\" font-size=\"10\" fill=\"#56616b\" transform=\"translate(26 {m}) rotate(-90)\" text-anchor=\"middle\">firmer</text>",
        b = y - 6.0,
        m = y / 2.0
    );
    format!(
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {y}\" role=\"img\" aria-labelledby=\"ladder-title\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">\
<title id=\"ladder-title\">The treaties on the soft, intermediate and hard ladder</title>{bands}{rails}</svg>\
<figcaption>Each treaty on the gradation of security guarantees; select a name for its gaps.</figcaption></figure>\n"
    )
}

fn entry(e: &Entry) -> String {
    let mut out = String::from("<li>");
    let location = match (e.line, e.column) {
        (Some(l), Some(c)) => format!(" · <span class=\"muted\">line {l}, column {c}</span>"),
        _ => String::new(),
    };
    let element = e
        .element
        .map(|el| format!(" · <span class=\"element\">{}</span>", escape(el)))
        .unwrap_or_default();
    let _ = write!(
        out,
        "<p class=\"finding-head\"><span class=\"code severity-{}\">{}</span>{element}{location}</p><p>{}</p>",
        e.severity,
        escape(e.code),
        escape(&e.message)
    );
    if let Some(counter) = &e.counter_scenario {
        let _ = write!(
            out,
            "<pre class=\"counter\"><code>{}</code></pre>",
            escape(counter)
        );
    }
    if !e.excerpt.is_empty() {
        let width = e
            .excerpt
            .iter()
            .map(|(n, _)| n.to_string().len())
            .max()
            .unwrap_or(1);
        out.push_str("<pre class=\"source\"><code>");
        for (n, text) in &e.excerpt {
            let _ = writeln!(
                out,
                "<span class=\"ln\">{n:>width$} │ </span>{}",
                escape(text)
            );
        }
        out.push_str("</code></pre>");
    }
    if let Some(help) = &e.help {
        let _ = write!(out, "<p class=\"help\">Fix: {}</p>", escape(help));
    }
    out.push_str("</li>\n");
    out
}

fn section(index: usize, t: &TreatySection, matrix: &Matrix) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<section class=\"treaty\" id=\"{}\" data-treaty=\"{}\">\n<h2><code>{}</code> {}</h2>\n",
        anchor(index),
        escape(&t.id),
        escape(&t.id),
        tier_badge(t.tier)
    );
    if let Some(title) = &t.title {
        let _ = writeln!(out, "<p><strong>{}</strong></p>", escape(title));
    }
    let (met, partly, missing) = matrix.counts(index);
    let _ = write!(
        out,
        "<p class=\"summary\"><code>{}</code> · <span class=\"met\">✓ {met} met</span> · <span class=\"partly\">◐ {partly} partly met</span> · <span class=\"missing\">✗ {missing} missing</span></p>\n<h3>Tier: {}</h3>\n<ul class=\"reasons\">",
        escape(&t.path),
        t.tier
    );
    for r in &t.tier_reasons {
        let _ = write!(out, "<li>{}</li>", escape(r));
    }
    out.push_str("</ul>\n");
    if !t.next_tier.is_empty() {
        out.push_str("<h3>What moves it up</h3>\n<ul class=\"reasons\">");
        for (heading, edits) in &t.next_tier {
            let _ = write!(out, "<li>{}<ul>", escape(heading));
            for e in edits {
                let _ = write!(out, "<li><code>{}</code></li>", escape(e));
            }
            out.push_str("</ul></li>");
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<h3>Gaps against {} ({})</h3>",
        escape(&matrix.baseline),
        t.gaps.len()
    );
    if t.gaps.is_empty() {
        out.push_str("<p class=\"muted\">None: every element is met.</p>\n");
    } else {
        out.push_str("<ol class=\"findings gaps\">\n");
        for g in &t.gaps {
            out.push_str(&entry(g));
        }
        out.push_str("</ol>\n");
    }
    if !t.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "<h3>Other diagnostics in <code>{}</code> ({})</h3>\n<ol class=\"findings diagnostics\">",
            escape(&t.path),
            t.diagnostics.len()
        );
        for d in &t.diagnostics {
            out.push_str(&entry(d));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
    out
}

/// "1 file", "2 files".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The page's subtitle: what was compared, and what was not.
fn subtitle(report: &Report) -> String {
    let mut parts = vec![format!(
        "{} in {}",
        count(report.treaties.len(), "treaty", "treaties"),
        count(report.files, "file", "files")
    )];
    if report.files_without_treaties > 0 {
        parts.push(format!(
            "{} with no treaty (scenarios only)",
            count(report.files_without_treaties, "file", "files")
        ));
    }
    if !report.error_cards.is_empty() {
        parts.push(format!(
            "<a href=\"#not-compared\">{} not compared: errors</a>",
            count(report.error_cards.len(), "file", "files")
        ));
    }
    parts.join(" · ")
}

/// One card per file left out, with its errors and their source lines.
fn error_cards(report: &Report) -> String {
    if report.error_cards.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<section class=\"error-cards\" id=\"not-compared\">\n<h2>Not compared ({})</h2>\n<p>These files could not be read as treaties; <code>treaty check</code> on each shows the same errors. Their treaties are not in the matrix above.</p>\n",
        report.error_cards.len()
    );
    for card in &report.error_cards {
        out.push_str("<div class=\"error-card\">");
        if !card.path.is_empty() {
            let _ = write!(out, "<h3><code>{}</code></h3>", escape(&card.path));
        }
        if let Some(reason) = &card.reason {
            let _ = write!(out, "<p class=\"severity-error\">{}</p>", escape(reason));
        }
        if !card.errors.is_empty() {
            let _ = writeln!(
                out,
                "<p>{}:</p><ol class=\"findings errors\">",
                count(card.errors.len(), "error", "errors")
            );
            for e in &card.errors {
                out.push_str(&entry(e));
            }
            out.push_str("</ol>");
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
    out
}

pub fn render(report: &Report) -> String {
    let treaties = report.treaties.len();
    let title = format!(
        "{} treat{} compared with {}",
        treaties,
        if treaties == 1 { "y" } else { "ies" },
        report.baseline
    );
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>Security guarantees: {}</h1>\n<p class=\"meta\">{}",
        escape(&title),
        escape(&title),
        subtitle(report),
    );
    if let Some(date) = &report.date {
        let _ = write!(out, " · {}", escape(date));
    }
    out.push_str(" · made by <code>treaty report</code></p>\n</header>\n<main>\n");
    if !report.treaties.is_empty() {
        let _ = write!(
            out,
            "<section id=\"tiers\">\n<h2>Tiers</h2>\n{}</section>\n",
            ladder(&report.matrix.treaties)
        );
        let _ = write!(
            out,
            "<section id=\"comparison\">\n<h2>Element by element</h2>\n<ul class=\"legend\"><li class=\"met\">✓ met: no gap</li><li class=\"partly\">◐ partly met: present, but hedged, qualified or late</li><li class=\"missing\">✗ missing: absent</li></ul>\n{}</section>\n",
            matrix_table(&report.matrix)
        );
    }
    out.push_str(&error_cards(report));
    for (i, t) in report.treaties.iter().enumerate() {
        out.push_str(&section(i, t, &report.matrix));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
