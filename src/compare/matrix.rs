//! The comparison matrix: the baseline's elements as rows, the treaties as columns,
//! each cell met, partly met or missing, and a tier per treaty.
//!
//! Cells come from [`crate::rules::gaps::standings`]: the rules decide what a gap means
//! for its element; this module only lays the results out.

use serde::Serialize;

use crate::analysis::FileReport;
use crate::rules::gaps::{standings, ElementStanding, Standing, ELEMENTS};
use crate::rules::{Tier, TreatyReport};
use crate::source::SourceFile;

/// The version of the JSON shape of `treaty compare --format json`.
pub const MATRIX_VERSION: u32 = 1;

#[derive(Debug, Clone, Serialize)]
pub struct Matrix {
    pub version: u32,
    /// The baseline's name ("Article 5").
    pub baseline: String,
    /// The columns, in the order the files and treaties were given.
    pub treaties: Vec<Column>,
    /// One row per baseline element, in the order gaps are listed.
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub id: String,
    pub title: Option<String>,
    /// The file, as given on the command line.
    pub path: String,
    pub tier: Tier,
    /// The tier's reasons, each with its line ("ratified treaty (line 8)").
    pub tier_reasons: Vec<String>,
    /// For an instrument that `foresees` another: the tier once that is concluded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier_once_concluded: Option<Tier>,
    pub gaps: usize,
}

impl Column {
    /// The tier cell: `soft`, or `soft→hard` for one that foresees a firmer instrument.
    pub fn tier_cell(&self) -> String {
        match self.tier_once_concluded {
            Some(once) if once != self.tier => format!("{}→{}", self.tier, once),
            _ => self.tier.as_str().to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub element: &'static str,
    pub title: &'static str,
    /// One cell per treaty, in column order.
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// The column's treaty id.
    pub treaty: String,
    pub status: Standing,
    /// For partly met: the weaknesses; for missing: what is absent.
    pub notes: Vec<String>,
    /// The gap codes behind the status.
    pub codes: Vec<&'static str>,
    /// The cell as printed: `met`, `partly: legal-requirements` or `missing`.
    pub text: String,
}

impl Cell {
    pub fn new(treaty: &str, standing: &ElementStanding) -> Cell {
        Cell {
            treaty: treaty.to_string(),
            status: standing.standing,
            notes: standing.notes.clone(),
            codes: standing.codes.clone(),
            text: cell_text(standing.standing, &standing.notes),
        }
    }
}

/// `met`, `partly: a, b` or `missing`.
pub fn cell_text(status: Standing, notes: &[String]) -> String {
    match status {
        Standing::Partly if !notes.is_empty() => format!("partly: {}", notes.join(", ")),
        Standing::Unknown if !notes.is_empty() => format!("unknown: {}", notes.join(", ")),
        other => other.as_str().to_string(),
    }
}

/// A tier reason with the line of the clause it rests on.
pub fn reason_with_line(source: &SourceFile, text: &str, start: usize) -> String {
    format!("{text} (line {})", source.line_col(start).0)
}

fn column(source: &SourceFile, report: &TreatyReport) -> Column {
    Column {
        id: report.id.clone(),
        title: report.title.clone(),
        path: source.path.clone(),
        tier: report.tier.tier,
        tier_reasons: report
            .tier
            .reasons
            .iter()
            .map(|r| reason_with_line(source, &r.text, r.span.start))
            .collect(),
        tier_once_concluded: report.tier.once_concluded.as_ref().map(|o| o.tier),
        gaps: report.gaps.len(),
    }
}

impl Matrix {
    /// The matrix of every treaty in the files, in order.
    pub fn of(baseline: &str, files: &[FileReport]) -> Matrix {
        let entries: Vec<(&SourceFile, &TreatyReport)> = files
            .iter()
            .flat_map(|f| f.treaties.iter().map(move |t| (&f.source, t)))
            .collect();
        let treaties: Vec<Column> = entries.iter().map(|(s, t)| column(s, t)).collect();
        let per_treaty: Vec<Vec<ElementStanding>> =
            entries.iter().map(|(_, t)| standings(&t.gaps)).collect();
        let rows = ELEMENTS
            .iter()
            .enumerate()
            .map(|(i, element)| Row {
                element: element.id,
                title: element.title,
                cells: entries
                    .iter()
                    .zip(&per_treaty)
                    .filter_map(|((_, t), s)| s.get(i).map(|s| Cell::new(&t.id, s)))
                    .collect(),
            })
            .collect();
        Matrix {
            version: MATRIX_VERSION,
            baseline: baseline.to_string(),
            treaties,
            rows,
        }
    }

    /// How many cells of each status a column has: (met, partly, missing).
    pub fn counts(&self, column: usize) -> (usize, usize, usize) {
        let mut counts = (0, 0, 0);
        for row in &self.rows {
            match row.cells.get(column).map(|c| c.status) {
                Some(Standing::Met) => counts.0 += 1,
                Some(Standing::Partly) => counts.1 += 1,
                Some(Standing::Missing) => counts.2 += 1,
                Some(Standing::Unknown) | None => {}
            }
        }
        counts
    }

    /// How many cells of a column the texts do not say enough to judge (unknown).
    pub fn unknown_count(&self, column: usize) -> usize {
        self.rows
            .iter()
            .filter(|r| r.cells.get(column).map(|c| c.status) == Some(Standing::Unknown))
            .count()
    }
}
