//! Plain-text and Markdown renderings of the matrix and the redline. No
//! terminal-width probing: the same input always prints the same text; colour only in
//! [`diff_human_coloured`], which the command asks for.

use std::borrow::Cow;

use super::diff::{Area, Change, ChangeKind, Diff, TreatyDiff, TreatyStatus};
use super::matrix::Matrix;
use crate::rules::gaps::Standing;

/// The symbol that tells a status apart without colour.
pub fn symbol(status: Standing) -> &'static str {
    match status {
        Standing::Met => "✓",
        Standing::Partly => "◐",
        Standing::Missing => "✗",
        Standing::Unknown => "?",
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A treaty id cut into header lines at `_` and `-`: `north_atlantic_1949` is
/// `north` / `atlantic` / `1949`, so columns stay narrow.
fn header_lines(id: &str) -> Vec<String> {
    let parts: Vec<String> = id
        .split(['_', '-'])
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if parts.is_empty() {
        vec![id.to_string()]
    } else {
        parts
    }
}

/// The widest a panel of the text matrix gets; more treaties make more panels.
const PANEL_WIDTH: usize = 100;

/// Split the columns into as few panels as fit [`PANEL_WIDTH`], with as even a
/// number of columns in each as fits (a last panel of one column reads badly).
fn panels(label_width: usize, widths: &[usize]) -> Vec<Vec<usize>> {
    let fits =
        |chunk: &[usize]| label_width + chunk.iter().map(|w| w + 2).sum::<usize>() <= PANEL_WIDTH;
    for count in 1..=widths.len() {
        let per = widths.len().div_ceil(count);
        let chunks: Vec<Vec<usize>> = (0..widths.len())
            .collect::<Vec<_>>()
            .chunks(per)
            .map(<[usize]>::to_vec)
            .collect();
        let all_fit = chunks.iter().all(|c| {
            let ws: Vec<usize> = c.iter().map(|i| widths[*i]).collect();
            fits(&ws)
        });
        if all_fit || per == 1 {
            return chunks;
        }
    }
    vec![(0..widths.len()).collect()]
}

/// `prefix` and the items joined by commas, wrapped at `max` characters with the
/// continuation lines indented under the first item.
fn wrap(prefix: &str, items: &[String], max: usize) -> String {
    let indent = " ".repeat(width(prefix));
    let mut out = String::new();
    let mut line = prefix.to_string();
    let mut fresh = true;
    for (i, item) in items.iter().enumerate() {
        let piece = if i + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        if !fresh && width(&line) + 1 + width(&piece) > max {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
        } else if !fresh {
            line.push(' ');
        }
        if width(&line) + width(&piece) > max {
            // An item too long for any line is broken between its words.
            for (j, word) in piece.split(' ').enumerate() {
                if j > 0 && width(&line) + 1 + width(word) > max {
                    out.push_str(line.trim_end());
                    out.push('\n');
                    line = indent.clone();
                } else if j > 0 {
                    line.push(' ');
                }
                line.push_str(word);
            }
        } else {
            line.push_str(&piece);
        }
        fresh = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

fn width(text: &str) -> usize {
    text.chars().count()
}

fn pad(text: &str, to: usize) -> String {
    let mut out = text.to_string();
    out.extend(std::iter::repeat_n(' ', to.saturating_sub(width(text))));
    out
}

/// The matrix as a text table: element ids down the side, treaty ids (cut into lines)
/// across the top, then the notes of every partly met cell and a line per treaty.
pub fn matrix_human(matrix: &Matrix) -> String {
    let mut out = format!(
        "Compared with {}: {}, {}\n\n",
        matrix.baseline,
        plural(matrix.rows.len(), "element", "elements"),
        plural(matrix.treaties.len(), "treaty", "treaties")
    );
    if matrix.treaties.is_empty() {
        return out;
    }
    let label_width = matrix
        .rows
        .iter()
        .map(|r| width(r.element))
        .chain([width("tier")])
        .max()
        .unwrap_or(4);
    let headers: Vec<Vec<String>> = matrix
        .treaties
        .iter()
        .map(|t| header_lines(&t.id))
        .collect();
    let widths: Vec<usize> = matrix
        .treaties
        .iter()
        .zip(&headers)
        .map(|(t, h)| {
            h.iter()
                .map(|l| width(l))
                .chain([width(&t.tier_cell()), width("missing")])
                .max()
                .unwrap_or(7)
        })
        .collect();
    // Panels of columns, each at most PANEL_WIDTH wide, so that many treaties do not
    // make one line too long to read; the widths are fixed, not the terminal's.
    let panels = panels(label_width, &widths);
    for (p, panel) in panels.iter().enumerate() {
        if p > 0 {
            out.push('\n');
        }
        let line = |label: &str, cells: Vec<String>| -> String {
            let mut l = pad(label, label_width);
            for (cell, i) in cells.iter().zip(panel) {
                l.push_str("  ");
                l.push_str(&pad(cell, widths[*i]));
            }
            format!("{}\n", l.trim_end())
        };
        let depth = panel.iter().map(|i| headers[*i].len()).max().unwrap_or(1);
        for row in 0..depth {
            let cells = panel
                .iter()
                .map(|i| {
                    // Bottom-align the ids so their last part sits just above the rows.
                    let h = &headers[*i];
                    let offset = depth - h.len();
                    if row >= offset {
                        h[row - offset].clone()
                    } else {
                        String::new()
                    }
                })
                .collect();
            out.push_str(&line("", cells));
        }
        out.push_str(&line(
            "tier",
            panel
                .iter()
                .map(|i| matrix.treaties[*i].tier_cell())
                .collect(),
        ));
        for row in &matrix.rows {
            let cells = panel
                .iter()
                .map(|i| {
                    row.cells
                        .get(*i)
                        .map_or(String::new(), |c| c.status.as_str().to_string())
                })
                .collect();
            out.push_str(&line(row.element, cells));
        }
    }

    let mut notes = String::new();
    for (i, treaty) in matrix.treaties.iter().enumerate() {
        let partly: Vec<(&str, Vec<String>)> = matrix
            .rows
            .iter()
            .filter_map(|r| r.cells.get(i).map(|c| (r.element, c)))
            .filter(|(_, c)| matches!(c.status, Standing::Partly | Standing::Unknown))
            .map(|(e, c)| (e, c.notes.clone()))
            .collect();
        if partly.is_empty() {
            continue;
        }
        notes.push_str(&format!("  {}\n", treaty.id));
        for (element, note) in partly {
            let first = format!("    {}  partly: ", pad(element, label_width));
            notes.push_str(&wrap(&first, &note, PANEL_WIDTH));
        }
    }
    if !notes.is_empty() {
        out.push_str("\npartly met, and why:\n");
        out.push_str(&notes);
    }

    out.push_str("\ntreaties: tier, elements met / partly / missing, file\n");
    let id_width = matrix
        .treaties
        .iter()
        .map(|t| width(&t.id))
        .max()
        .unwrap_or(0);
    for (i, treaty) in matrix.treaties.iter().enumerate() {
        let (met, partly, missing) = matrix.counts(i);
        let unknown = match matrix.unknown_count(i) {
            0 => String::new(),
            n => format!(" (+{n} unknown)"),
        };
        out.push_str(&format!(
            "  {}  {}  {met:>2} / {partly:>2} / {missing:>2}{unknown}  {}\n",
            pad(&treaty.id, id_width),
            pad(treaty.tier.as_str(), "intermediate".len()),
            treaty.path,
        ));
        if let Some(once) = treaty.tier_once_concluded {
            out.push_str(&format!(
                "  {}  {} once the foreseen instrument is concluded\n",
                pad("", id_width),
                once
            ));
        }
    }
    out
}

/// Escape text for a Markdown table cell.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('\n', " ")
}

pub fn matrix_markdown(matrix: &Matrix) -> String {
    let mut out = format!(
        "## Compared with {}\n\n{} ✓ met · ◐ partly met · ✗ missing\n\n",
        md_cell(&matrix.baseline),
        plural(matrix.treaties.len(), "treaty", "treaties")
    );
    if matrix.treaties.is_empty() {
        return out;
    }
    out.push_str("| element |");
    for t in &matrix.treaties {
        out.push_str(&format!(" {} |", md_cell(&t.id)));
    }
    out.push_str("\n|---|");
    for _ in &matrix.treaties {
        out.push_str("---|");
    }
    out.push_str("\n| **tier** |");
    for t in &matrix.treaties {
        out.push_str(&format!(" **{}** |", t.tier_cell()));
    }
    out.push('\n');
    for row in &matrix.rows {
        out.push_str(&format!("| {} |", md_cell(row.title)));
        for cell in &row.cells {
            out.push_str(&format!(
                " {} {} |",
                symbol(cell.status),
                md_cell(&cell.text)
            ));
        }
        out.push('\n');
    }
    out.push_str("\n| treaty | file | tier | gaps |\n|---|---|---|---|\n");
    for t in &matrix.treaties {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            md_cell(&t.id),
            md_cell(&t.path),
            t.tier,
            t.gaps
        ));
    }
    out
}

fn lines(change: &Change) -> String {
    match (change.old_line, change.new_line) {
        (Some(a), Some(b)) if a == b => format!("line {a}"),
        (Some(a), Some(b)) => format!("lines {a} -> {b}"),
        (Some(a), None) => format!("old line {a}"),
        (None, Some(b)) => format!("new line {b}"),
        (None, None) => String::new(),
    }
}

fn counts_line(diff: &Diff) -> String {
    let parts: Vec<String> = ChangeKind::ALL
        .iter()
        .filter(|k| diff.counts.get(**k) > 0)
        .map(|k| format!("{} {}", diff.counts.get(*k), k.as_str()))
        .collect();
    format!(
        "{} ({})",
        plural(diff.counts.total(), "change", "changes"),
        parts.join(", ")
    )
}

fn treaty_heading(t: &TreatyDiff) -> String {
    match t.status {
        TreatyStatus::Added => format!("treaty {} added", t.id),
        TreatyStatus::Removed => format!("treaty {} removed", t.id),
        TreatyStatus::Unchanged => format!("treaty {}: no change", t.id),
        TreatyStatus::Changed => format!(
            "treaty {}: {}",
            t.id,
            plural(t.changes.len(), "change", "changes")
        ),
    }
}

fn tier_line(t: &TreatyDiff) -> Option<String> {
    if let Some(cause) = &t.tier.cause {
        return Some(cause.clone());
    }
    match (t.tier.old, t.tier.new) {
        (Some(o), Some(n)) if o == n => Some(format!("{o}, unchanged")),
        (None, Some(n)) => Some(n.to_string()),
        (Some(o), None) => Some(o.to_string()),
        _ => None,
    }
}

/// The redline as text: per treaty, its tier, its changes by area, and the baseline
/// elements it gained or lost.
pub fn diff_human(diff: &Diff) -> String {
    let mut out = format!(
        "diff {} -> {} (against {})\n",
        diff.old, diff.new, diff.baseline
    );
    if !diff.changed {
        out.push_str("\nno semantic change\n");
        return out;
    }
    let kind_width = "strengthened".len();
    for t in &diff.treaties {
        out.push_str(&format!("\n{}\n", treaty_heading(t)));
        if let Some(tier) = tier_line(t) {
            out.push_str(&format!("  tier: {tier}\n"));
        }
        for area in [Area::Header, Area::Parties, Area::Clauses] {
            let changes: Vec<&Change> = t.changes.iter().filter(|c| c.area == area).collect();
            if changes.is_empty() {
                continue;
            }
            out.push_str(&format!("\n  {}\n", area.as_str()));
            for c in changes {
                out.push_str(&format!(
                    "    {}  {}  [{}]\n",
                    pad(c.kind.as_str(), kind_width),
                    c.text,
                    lines(c)
                ));
                if let Some(clause) = &c.clause {
                    out.push_str(&format!("    {}  in: {clause}\n", pad("", kind_width)));
                }
            }
        }
        if !t.elements.is_empty() {
            out.push_str(&format!("\n  against {}\n", diff.baseline));
            for e in &t.elements {
                out.push_str(&format!(
                    "    {}  {}: {} -> {}\n",
                    pad(e.shift.as_str(), kind_width),
                    e.element,
                    e.old,
                    e.new
                ));
            }
        }
    }
    out.push_str(&format!("\n{}\n", counts_line(diff)));
    out
}

/// [`diff_human`]'s text, already cleaned for a terminal, with each change's kind
/// coloured: a reviewer scans the column for what got weaker (red) or firmer (green).
/// Only the kind column is painted, after cleaning, so no text from a file can carry
/// an escape sequence of its own.
pub fn diff_human_coloured(diff: &Diff) -> String {
    let plain = diff_human(diff);
    let cleaned = crate::terminal::clean(&plain);
    let mut out = String::with_capacity(cleaned.len() + 256);
    for line in cleaned.split_inclusive('\n') {
        out.push_str(&paint_kind_column(line));
    }
    out
}

/// A change line (`    weakened  ...`) with its kind word coloured; other lines as given.
fn paint_kind_column(line: &str) -> Cow<'_, str> {
    const INDENT: &str = "    ";
    let Some(rest) = line.strip_prefix(INDENT) else {
        return Cow::Borrowed(line);
    };
    let word_end = rest.find(' ').unwrap_or(rest.len());
    let colour = match &rest[..word_end] {
        "weakened" | "removed" | "lost" => "\u{1b}[1;31m",
        "strengthened" | "added" | "gained" => "\u{1b}[32m",
        "changed" => "\u{1b}[33m",
        _ => return Cow::Borrowed(line),
    };
    Cow::Owned(format!(
        "{INDENT}{colour}{}\u{1b}[0m{}",
        &rest[..word_end],
        &rest[word_end..]
    ))
}

pub fn diff_markdown(diff: &Diff) -> String {
    let mut out = format!(
        "## Changes from `{}` to `{}`\n\nAgainst {}. ",
        md_cell(&diff.old),
        md_cell(&diff.new),
        md_cell(&diff.baseline)
    );
    if !diff.changed {
        out.push_str("No semantic change.\n");
        return out;
    }
    out.push_str(&format!("{}.\n", counts_line(diff)));
    for t in &diff.treaties {
        out.push_str(&format!("\n### {}\n\n", md_cell(&treaty_heading(t))));
        if let Some(tier) = tier_line(t) {
            out.push_str(&format!("**Tier:** {}\n\n", md_cell(&tier)));
        }
        if !t.changes.is_empty() {
            out.push_str("| | change | clause | lines |\n|---|---|---|---|\n");
            for c in &t.changes {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    c.kind.as_str(),
                    md_cell(&c.text),
                    c.clause.as_deref().map(md_cell).unwrap_or_default(),
                    lines(c)
                ));
            }
            out.push('\n');
        }
        if !t.elements.is_empty() {
            out.push_str(&format!(
                "Against {}:\n\n| element | | before | after |\n|---|---|---|---|\n",
                md_cell(&diff.baseline)
            ));
            for e in &t.elements {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    md_cell(e.title),
                    e.shift.as_str(),
                    md_cell(&e.old),
                    md_cell(&e.new)
                ));
            }
        }
    }
    out
}
