//! Finding the treaties a scenario runs against: `treaty "../file.treaty"` lines are
//! read relative to the scenario's own file, `treaty name` lines name a treaty in the
//! scenario's own file, and a scenario with neither runs against every treaty of its
//! file. Files are read once however many scenarios name them. A reference that cannot
//! be used is a diagnostic (S003) on the `treaty` line.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use super::engine::Instrument;
use super::{codes, Scenario, TreatyRef};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Model;
use crate::source::{self, Loaded, SourceFile, Span, DEFAULT_MAX_FILE_SIZE};
use crate::suggest::did_you_mean;

/// A treaty file read for scenarios: its text, model and error diagnostics.
#[derive(Debug)]
pub struct TreatyFile {
    pub source: SourceFile,
    pub model: Model,
    pub errors: Vec<Diagnostic>,
}

impl TreatyFile {
    pub fn new(display: impl Into<String>, text: impl Into<String>) -> Self {
        let source = SourceFile::new(display, text);
        let (model, diagnostics) = crate::analysis::model_with_references(
            &source.text,
            &source.path,
            &crate::model::references::FsLoader,
        );
        let errors = diagnostics
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        TreatyFile {
            source,
            model,
            errors,
        }
    }
}

/// Treaty files, each read once. Indices into it stay valid.
#[derive(Debug, Default)]
pub struct Library {
    files: Vec<TreatyFile>,
    by_path: HashMap<PathBuf, Result<usize, String>>,
}

/// One treaty of the library: (file index, treaty index).
pub type TreatyId = (usize, usize);

impl Library {
    pub fn new() -> Self {
        Library::default()
    }

    /// Add a file already read (a scenario's own file).
    pub fn add(&mut self, file: TreatyFile) -> usize {
        self.files.push(file);
        self.files.len() - 1
    }

    pub fn file(&self, index: usize) -> &TreatyFile {
        &self.files[index]
    }

    /// Read a treaty file, or say why it cannot be read.
    pub fn load(&mut self, path: &Path) -> Result<usize, String> {
        let display = normalise(path);
        let key = std::fs::canonicalize(path).unwrap_or_else(|_| display.clone());
        if let Some(known) = self.by_path.get(&key) {
            return known.clone();
        }
        let shown = display.display().to_string();
        let result = match source::load(path, shown.clone(), DEFAULT_MAX_FILE_SIZE) {
            Ok(Loaded::Text(file)) => Ok(self.add(TreatyFile::new(file.path, file.text))),
            Ok(Loaded::Rejected(_, diagnostic)) => Err(diagnostic.message),
            Err(error) => Err(describe(&error)),
        };
        self.by_path.insert(key, result.clone());
        result
    }

    /// The instruments for a list of treaties, ready for the engine.
    pub fn instruments(&self, ids: &[TreatyId]) -> Vec<Instrument<'_>> {
        ids.iter()
            .map(|&(file, treaty)| {
                let f = &self.files[file];
                Instrument {
                    treaty: &f.model.treaties[treaty],
                    file: &f.source.path,
                    text: &f.source.text,
                    lines: &f.source.lines,
                }
            })
            .collect()
    }
}

/// An I/O error in a few words, without the "(os error N)" suffix.
fn describe(error: &std::io::Error) -> String {
    let text = error.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A path with `.` and `a/..` removed, as shown to users.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if matches!(out.components().next_back(), Some(Component::Normal(_))) {
                    out.pop();
                } else {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    if out.as_os_str().is_empty() {
        out.push(".");
    }
    out
}

fn reference_error(span: Span, message: String, help: &str) -> Diagnostic {
    Diagnostic::error(codes::BAD_TREATY_REFERENCE, message)
        .with_label(span, "this treaty reference")
        .with_help(help.to_string())
}

/// `shown` is the path as the scenario wrote it, or `None` for the scenario's own file,
/// which is then named by its path.
fn usable(
    library: &Library,
    file: usize,
    span: Span,
    shown: Option<&str>,
) -> Result<(), Diagnostic> {
    let f = library.file(file);
    let shown = match shown {
        Some(path) => format!("`{path}`"),
        None => format!("this file, `{}`,", f.source.path),
    };
    if let Some(first) = f.errors.first() {
        let line = first
            .primary_span()
            .map(|s| format!(" (line {})", f.source.line_col(s.start).0))
            .unwrap_or_default();
        return Err(reference_error(
            span,
            format!(
                "{shown} has {} error{}; first: {}{line}",
                f.errors.len(),
                if f.errors.len() == 1 { "" } else { "s" },
                first.message
            ),
            &format!("run `treaty check {}` and fix it first", f.source.path),
        ));
    }
    Ok(())
}

/// Whether `dir.join(path)` stays inside the scenario's project: the directory of the
/// nearest `treaty.toml` above `dir`, or `dir` itself without one. Symbolic links are
/// resolved first, so a link cannot lead out either. A path that does not resolve (a
/// missing file) passes here and is reported when it is read. Errs with the root.
pub fn confined(dir: &Path, path: &str) -> Result<(), PathBuf> {
    let Ok(real) = std::fs::canonicalize(dir.join(path)) else {
        return Ok(());
    };
    // `a.treaty`'s parent is the empty path: the working directory.
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(dir) = std::fs::canonicalize(dir) else {
        return Ok(());
    };
    let root = crate::config::find(&dir)
        .and_then(|config| config.parent().map(Path::to_path_buf))
        .unwrap_or(dir);
    if real.starts_with(&root) {
        Ok(())
    } else {
        Err(root)
    }
}

/// The treaties a scenario runs against. `own` is the scenario's own file in the
/// library, and `dir` the directory its `treaty "..."` paths are relative to;
/// `block` is the scenario as written, whose party codes are checked against them.
pub fn treaties_for(
    scenario: &Scenario,
    block: &crate::syntax::ast::scenario::Scenario,
    own: usize,
    dir: &Path,
    library: &mut Library,
) -> Result<Vec<TreatyId>, Vec<Diagnostic>> {
    let mut ids: Vec<TreatyId> = Vec::new();
    let mut problems = Vec::new();
    let push = |ids: &mut Vec<TreatyId>, id: TreatyId| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    };
    for reference in &scenario.treaties {
        match reference {
            TreatyRef::Path { path, span } => {
                if let Err(root) = confined(dir, path) {
                    problems.push(reference_error(
                        *span,
                        format!(
                            "`{path}` is outside this project (`{}`)",
                            root.display()
                        ),
                        "a scenario may name treaty files inside the directory of the nearest `treaty.toml`, or, without one, inside its own file's directory",
                    ));
                    continue;
                }
                let file = match library.load(&dir.join(path)) {
                    Ok(file) => file,
                    Err(reason) => {
                        problems.push(reference_error(
                            *span,
                            format!("cannot read `{path}`: {reason}"),
                            "paths are relative to the scenario's own file",
                        ));
                        continue;
                    }
                };
                if let Err(d) = usable(library, file, *span, Some(path)) {
                    problems.push(d);
                    continue;
                }
                let count = library.file(file).model.treaties.len();
                if count == 0 {
                    problems.push(reference_error(
                        *span,
                        format!("`{path}` defines no treaty"),
                        "name a file with a `treaty name { ... }` block",
                    ));
                }
                for treaty in 0..count {
                    push(&mut ids, (file, treaty));
                }
            }
            TreatyRef::Named { name, span } => {
                let treaties = &library.file(own).model.treaties;
                match treaties.iter().position(|t| t.id == name) {
                    Some(treaty) => match usable(library, own, *span, None) {
                        Ok(()) => push(&mut ids, (own, treaty)),
                        Err(d) => problems.push(d),
                    },
                    None => {
                        let names: Vec<&str> = treaties.iter().map(|t| t.id.as_str()).collect();
                        let help = match did_you_mean(name, names.iter().copied()) {
                            Some(s) => crate::suggest::did_you_mean_text(name, s),
                            None => "name a treaty defined in this file, or give a file in quotes: `treaty \"../file.treaty\"`".to_string(),
                        };
                        problems.push(reference_error(
                            *span,
                            format!("this file defines no treaty `{name}`"),
                            &help,
                        ));
                    }
                }
            }
        }
    }
    if scenario.treaties.is_empty() {
        let count = library.file(own).model.treaties.len();
        if count == 0 {
            problems.push(
                Diagnostic::error(
                    codes::BAD_TREATY_REFERENCE,
                    format!("scenario `{}` names no treaty", scenario.name),
                )
                .with_label(scenario.header_span, "no `treaty` line in this scenario")
                .with_help("add `treaty \"../file.treaty\"` (relative to this file) or define the treaty in this file"),
            );
        } else if let Err(d) = usable(library, own, scenario.header_span, None) {
            problems.push(d);
        } else {
            for treaty in 0..count {
                push(&mut ids, (own, treaty));
            }
        }
    }
    if problems.is_empty() {
        let instruments = library.instruments(&ids);
        problems = super::named::check(scenario, &instruments);
        problems.extend(super::parties::check(block, &instruments));
    }
    if problems.is_empty() {
        Ok(ids)
    } else {
        Err(problems)
    }
}

/// The problems of a file's `scenario` blocks that keep them from running (S002 to
/// S005: bad events and look-alike party codes, unusable `treaty` references, unknown named events), found
/// without running them, for `treaty check`. A file with syntax errors gets none:
/// its syntax errors are reported already.
pub fn scenario_problems(path: &Path, source: &SourceFile) -> Vec<Diagnostic> {
    // A piece at a time, keeping only the scenario blocks: what `syntax::parse` gives,
    // without holding the syntax tree of every treaty of a large file.
    let mut scenarios = Vec::new();
    let mut has_errors = false;
    crate::syntax::parse_in_pieces(&source.text, crate::syntax::PIECE_BYTES, |mut piece| {
        scenarios.append(&mut piece.file.scenarios);
        has_errors |= piece
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
    });
    if scenarios.is_empty() || has_errors {
        return Vec::new();
    }
    problems_of_blocks(path, source, &scenarios)
}

/// [`scenario_problems`] of the scenario blocks of a file already parsed (`blocks`, in
/// file order, from a parse with no error).
pub fn problems_of_blocks(
    path: &Path,
    source: &SourceFile,
    blocks: &[crate::syntax::ast::scenario::Scenario],
) -> Vec<Diagnostic> {
    let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
    let mut library = Library::new();
    let own = library.add(TreatyFile::new(source.path.clone(), source.text.clone()));
    let mut out = Vec::new();
    for block in blocks {
        let mut diagnostics = Vec::new();
        let scenario = super::resolve::scenario(block, &source.text, &mut diagnostics);
        if diagnostics.is_empty() {
            if let Err(problems) = treaties_for(&scenario, block, own, &dir, &mut library) {
                diagnostics = problems;
            }
        }
        out.extend(diagnostics);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalised_lexically() {
        assert_eq!(
            normalise(Path::new("treaties/scenarios/../uk.treaty")),
            PathBuf::from("treaties/uk.treaty")
        );
        assert_eq!(normalise(Path::new("./a/./b")), PathBuf::from("a/b"));
        assert_eq!(normalise(Path::new("../x")), PathBuf::from("../x"));
        assert_eq!(normalise(Path::new("a/..")), PathBuf::from("."));
    }
}
