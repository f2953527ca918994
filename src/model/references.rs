//! Guarantees by reference: `incorporate NAME`, `mirror NAME`, `in-addition-to NAME`
//! and `in scope-of NAME`, resolved after a file's own model is built.
//!
//! The model resolver (`resolve/`) never reads files. The analysis stage calls
//! [`resolve_all`] once a file's own model is built, with the
//! treaties of the same file and a [`Loader`] the front end passes (the file system for
//! the CLI, nothing for a test that wants no file access). A name is looked for:
//! `article5-baseline` is the bundled baseline; otherwise a treaty of the same file,
//! else a `.treaty` file of the same directory (the file named after the treaty first,
//! `north_atlantic_1949` -> `north-atlantic-1949.treaty`), or the file given with
//! `from "PATH"`, relative to the referencing file. A name that cannot be found, or a
//! file that cannot be read, is error E109 on the clause.
//!
//! What is taken: for `incorporate`, the other treaty's obligations and triggers, with
//! its parties that this one does not declare; for `mirror`, the same obligations with
//! the other pact's members mapped onto this instrument's guarantors (who give) and
//! beneficiaries (who are protected); for `scope-of`, the scope of the other treaty's
//! armed-attack trigger. Everything taken is marked with the treaty's name
//! (`by_reference`) and points at the referencing clause. References inside the
//! referenced treaty are not followed.

use std::fmt;
use std::path::{Path, PathBuf};

use super::vocab::{Group, Role};
use super::{codes, Obligation, PartyRef, ReferenceKind, Text, Treaty, Trigger};
use crate::diagnostics::Diagnostic;
use crate::span::Span;

/// The name under which the bundled baseline can be referenced.
pub const BUNDLED_NAME: &str = "article5-baseline";

/// The bundled baseline's text (the same file `config` loads as the baseline).
const BUNDLED_TEXT: &str = include_str!("../../treaties/article5-baseline.treaty");

/// Reads the files a reference may name.
pub trait Loader: Send + Sync + fmt::Debug {
    /// The text of `path`, relative to the directory of the referencing file `from`,
    /// with the path to show.
    fn read(&self, from: &str, path: &str) -> Result<(String, String), String>;
    /// The `.treaty` files in the directory of `from` (paths to pass to `read`),
    /// in name order.
    fn siblings(&self, from: &str) -> Vec<String>;
}

/// Reads from the file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct FsLoader;

fn directory_of(from: &str) -> PathBuf {
    let from = from.strip_prefix("file://").unwrap_or(from);
    Path::new(from)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

impl Loader for FsLoader {
    fn read(&self, from: &str, path: &str) -> Result<(String, String), String> {
        let full = directory_of(from).join(path);
        let shown = full.display().to_string();
        match crate::source::load(&full, shown.clone(), crate::source::DEFAULT_MAX_FILE_SIZE) {
            Ok(crate::source::Loaded::Text(file)) => Ok((shown, file.text)),
            Ok(crate::source::Loaded::Rejected(_, d)) => {
                Err(format!("`{shown}` cannot be read: {}", d.message))
            }
            Err(e) => Err(format!("cannot read `{}`: {e}", full.display())),
        }
    }

    fn siblings(&self, from: &str) -> Vec<String> {
        let dir = directory_of(from);
        let read_dir = if dir.as_os_str().is_empty() {
            std::fs::read_dir(".")
        } else {
            std::fs::read_dir(&dir)
        };
        let Ok(entries) = read_dir else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|e| e.path().extension().is_some_and(|x| x == "treaty"))
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .collect();
        names.sort();
        names
    }
}

/// Reads nothing: only the same file and the bundled baseline can be referenced.
#[derive(Debug, Default, Clone, Copy)]
pub struct NoFiles;

impl Loader for NoFiles {
    fn read(&self, _from: &str, path: &str) -> Result<(String, String), String> {
        Err(format!("`{path}` cannot be read here (no file access)"))
    }

    fn siblings(&self, _from: &str) -> Vec<String> {
        Vec::new()
    }
}

/// Whether a text may contain a reference, so that a caller that reads a file a
/// piece at a time knows it must keep the models to resolve them.
pub fn may_have_references(text: &str) -> bool {
    ["incorporate", "mirror", "in-addition-to", "scope-of"]
        .iter()
        .any(|w| text.contains(w))
}

/// A referenced treaty found, and where.
struct Found {
    treaty: Treaty,
    found_in: String,
}

/// Resolve the references of every treaty of `treaties` (one file's, in order).
pub fn resolve_all(treaties: &mut [Treaty], from: &str, loader: &dyn Loader) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    if treaties.iter().all(|t| t.references.is_empty()) {
        return diagnostics;
    }
    // The file's own treaties as they were written (before any reference is taken in).
    let own: Vec<Treaty> = treaties.to_vec();
    for treaty in treaties.iter_mut() {
        diagnostics.extend(resolve(treaty, &own, from, loader));
    }
    diagnostics
}

/// Resolve one treaty's references against the file's treaties and the loader.
pub fn resolve(
    treaty: &mut Treaty,
    same_file: &[Treaty],
    from: &str,
    loader: &dyn Loader,
) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let references = treaty.references.clone();
    for (index, reference) in references.iter().enumerate() {
        if reference.name == treaty.id {
            diagnostics.push(
                Diagnostic::error(
                    codes::REFERENCE_NOT_FOUND,
                    format!("treaty `{}` refers to itself", treaty.id),
                )
                .with_label(
                    reference.span,
                    "a treaty cannot take its content from itself",
                )
                .with_help("name another treaty"),
            );
            continue;
        }
        let found = match find(reference, same_file, from, loader) {
            Ok(found) => found,
            Err(message) => {
                diagnostics.push(
                    Diagnostic::error(codes::REFERENCE_NOT_FOUND, message)
                        .with_label(
                            reference.span,
                            format!("`{}` refers to this treaty", reference.kind.keyword()),
                        )
                        .with_help(format!(
                            "define `{0}` in this file, put a `.treaty` file defining it in the same directory, or say where it is: `{1} {0} from \"../file.treaty\"`",
                            reference.name,
                            reference.kind.keyword()
                        )),
                );
                continue;
            }
        };
        treaty.references[index].found_in = Some(Text::from(found.found_in.as_str()));
        let span = reference.span;
        let name = &reference.name;
        match reference.kind {
            ReferenceKind::Incorporate => incorporate(treaty, &found.treaty, name, span),
            ReferenceKind::Mirror => mirror(treaty, &found.treaty, name, span),
            ReferenceKind::ScopeOf => {
                // The referenced treaty's armed-attack scope fills in every `scope-of`
                // area that names it.
                let scope = found
                    .treaty
                    .triggers
                    .iter()
                    .find(|t| t.covers_armed_attack())
                    .map(|t| t.scope.clone());
                if let Some(scope) = scope {
                    for trigger in &mut treaty.triggers {
                        for area in &mut trigger.scope.areas {
                            if let super::scope::Area::ScopeOf { treaty, resolved } =
                                &mut area.value
                            {
                                if treaty == name && resolved.is_none() {
                                    *resolved = Some(Box::new(scope.clone()));
                                }
                            }
                        }
                    }
                }
            }
            ReferenceKind::InAdditionTo => {}
        }
    }
    diagnostics
}

fn find(
    reference: &super::Reference,
    same_file: &[Treaty],
    from: &str,
    loader: &dyn Loader,
) -> Result<Found, String> {
    let name = reference.name.as_str();
    let pick = |text: &str, shown: &str| -> Result<Option<Found>, String> {
        let (model, diagnostics) = super::model_of(text);
        let errors = diagnostics
            .iter()
            .filter(|d| d.severity == crate::diagnostics::Severity::Error)
            .count();
        match model.treaties.into_iter().find(|t| t.id == name) {
            Some(_) if errors > 0 => Err(format!(
                "treaty `{name}` in `{shown}` cannot be used: the file has {errors} error{}",
                if errors == 1 { "" } else { "s" }
            )),
            Some(treaty) => Ok(Some(Found {
                treaty,
                found_in: shown.to_string(),
            })),
            None => Ok(None),
        }
    };
    if let Some(path) = &reference.path {
        let (shown, text) = loader.read(from, path)?;
        return pick(&text, &shown)?.ok_or_else(|| format!("`{shown}` defines no treaty `{name}`"));
    }
    if name == BUNDLED_NAME {
        let (model, _) = super::model_of(BUNDLED_TEXT);
        let treaty = model
            .treaties
            .into_iter()
            .next()
            .ok_or_else(|| "the bundled baseline defines no treaty".to_string())?;
        return Ok(Found {
            treaty,
            found_in: "the bundled baseline".to_string(),
        });
    }
    if let Some(treaty) = same_file.iter().find(|t| t.id == name) {
        return Ok(Found {
            treaty: treaty.clone(),
            found_in: "this file".to_string(),
        });
    }
    let own_name = Path::new(from.strip_prefix("file://").unwrap_or(from))
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string);
    let mut siblings = loader.siblings(from);
    siblings.retain(|s| Some(s) != own_name.as_ref());
    // The file named after the treaty first.
    let likely = format!("{}.treaty", name.replace('_', "-"));
    siblings.sort_by_key(|s| *s != likely);
    for sibling in siblings {
        let Ok((shown, text)) = loader.read(from, &sibling) else {
            continue;
        };
        if !text.contains(name) {
            continue;
        }
        if let Some(found) = pick(&text, &shown)? {
            return Ok(found);
        }
    }
    Err(format!("cannot find treaty `{name}`"))
}

/// Point everything taken at the referencing clause and mark it.
fn mark_obligation(mut o: Obligation, name: &Text, span: Span) -> Obligation {
    o.span = span;
    for q in &mut o.qualifiers {
        q.span = span;
    }
    o.by_reference = Some(name.clone());
    o
}

fn mark_trigger(mut t: Trigger, name: &Text, span: Span) -> Trigger {
    t.span = span;
    for q in &mut t.qualifiers {
        q.span = span;
    }
    t.obligations = t
        .obligations
        .into_iter()
        .map(|o| mark_obligation(o, name, span))
        .collect();
    t.by_reference = Some(name.clone());
    t
}

fn incorporate(treaty: &mut Treaty, other: &Treaty, name: &Text, span: Span) {
    for party in &other.parties {
        if treaty.party(&party.code).is_none() {
            let mut party = party.clone();
            party.span = span;
            treaty.parties.push(party);
        }
    }
    treaty.obligations.extend(
        other
            .obligations
            .iter()
            .cloned()
            .map(|o| mark_obligation(o, name, span)),
    );
    treaty.triggers.extend(
        other
            .triggers
            .iter()
            .cloned()
            .map(|t| mark_trigger(t, name, span)),
    );
}

/// Which side of a mirrored clause a reference stands on.
#[derive(Clone, Copy, PartialEq)]
enum Side {
    Givers,
    Protected,
}

fn map_ref(other: &Treaty, reference: &PartyRef, side: Side) -> Option<PartyRef> {
    let group = match side {
        Side::Givers => Group::Guarantors,
        Side::Protected => Group::Beneficiaries,
    };
    Some(match reference {
        PartyRef::Each {
            group: Group::Members,
        } => PartyRef::Each { group },
        PartyRef::All {
            group: Group::Members,
        } => PartyRef::All { group },
        PartyRef::Any {
            group: Group::Members,
        } => PartyRef::Any { group },
        PartyRef::Party { code } => match other.party(code) {
            Some(p) if p.has_role(Role::Member) => PartyRef::All { group },
            _ => return None,
        },
        other_ref => other_ref.clone(),
    })
}

fn map_refs(other: &Treaty, refs: &[PartyRef], side: Side) -> Vec<PartyRef> {
    let mut out: Vec<PartyRef> = Vec::new();
    for r in refs {
        if let Some(mapped) = map_ref(other, r, side) {
            if !out.contains(&mapped) {
                out.push(mapped);
            }
        }
    }
    out
}

fn mirror_obligation(other: &Treaty, o: &Obligation, name: &Text, span: Span) -> Obligation {
    let mut o = o.clone();
    o.givers = map_refs(other, &o.givers, Side::Givers);
    o.receivers = map_refs(other, &o.receivers, Side::Protected);
    mark_obligation(o, name, span)
}

fn mirror(treaty: &mut Treaty, other: &Treaty, name: &Text, span: Span) {
    for o in &other.obligations {
        treaty
            .obligations
            .push(mirror_obligation(other, o, name, span));
    }
    for t in &other.triggers {
        let mut t = t.clone();
        t.against = map_refs(other, &t.against, Side::Protected);
        // An attacker named by the other pact is kept only if it is a party here too.
        t.by.retain(|b| match b {
            PartyRef::Party { code } => treaty.party(code).is_some(),
            _ => true,
        });
        t.obligations = t
            .obligations
            .iter()
            .map(|o| mirror_obligation(other, o, name, span))
            .collect();
        let t = mark_trigger(t, name, span);
        treaty.triggers.push(t);
    }
}
