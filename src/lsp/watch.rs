//! Configuration and watched files: the `treaty.toml` that applies to a document, its
//! problems published on the TOML file itself, and `workspace/didChangeWatchedFiles`.

use std::collections::HashSet;
use std::sync::Arc;

use lsp_server::{Message, Request, RequestId};
use serde_json::{json, Value};

use super::position::Positions;
use super::{features, file_path, publish, Outgoing, Server};
use crate::analysis::Settings;
use crate::config;

impl Server {
    /// Files changed on disk (`workspace/didChangeWatchedFiles`): a `treaty.toml` is
    /// read again and the open documents below its folder re-checked; a `.treaty` file
    /// may be referenced by the open documents, which are re-checked (all but the file
    /// itself, whose text is the editor's).
    pub(super) fn files_changed(&mut self, params: &Value) -> Vec<Outgoing> {
        let changes = params.get("changes").and_then(Value::as_array);
        let mut config_dirs = Vec::new();
        let mut treaties = HashSet::new();
        let mut clears = Vec::new();
        for uri in changes
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("uri").and_then(Value::as_str))
        {
            let Some(path) = file_path(uri) else { continue };
            if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                config_dirs.extend(path.parent().map(std::path::Path::to_path_buf));
                // Gone or fixed: its problems are published again below if still there.
                if self.config_problems.remove(uri).is_some() {
                    let none: [features::LspDiagnostic<'_>; 0] = [];
                    clears.push(publish(uri, None, &none));
                }
            } else {
                treaties.insert(uri.to_string());
            }
        }
        if !config_dirs.is_empty() {
            // Settings, exclusions and which folder uses which file: all read again.
            self.configs = config::Resolver::new(config::Overrides::default());
        }
        let mut affected: Vec<String> = self
            .documents
            .iter()
            .filter(|(uri, document)| {
                let under_config = file_path(uri)
                    .is_some_and(|path| config_dirs.iter().any(|dir| path.starts_with(dir)));
                let may_reference = !treaties.is_empty()
                    && !treaties.contains(*uri)
                    && crate::model::references::may_have_references(document.text());
                under_config || may_reference
            })
            .map(|(uri, _)| uri.clone())
            .collect();
        affected.sort();
        let mut out = clears;
        for uri in affected {
            let Some(document) = self.documents.get(&uri) else {
                continue;
            };
            let (text, version) = (document.text().to_string(), document.version);
            out.extend(self.update(&uri, text, version));
        }
        out
    }

    /// An empty publication for the `treaty.toml` of `uri` if its problems were
    /// published and it now reads well (noticed at an edit, without file watching).
    pub(super) fn config_fixed(&mut self, uri: &str) -> Option<Outgoing> {
        let config = self.configs.config_for(&file_path(uri)?)?;
        let config_uri = features::uri_of(&config);
        self.config_problems.remove(&config_uri)?;
        let none: [features::LspDiagnostic<'_>; 0] = [];
        Some(publish(&config_uri, None, &none))
    }

    /// The problems of a broken `treaty.toml` as diagnostics on that file, at the
    /// offending keys; `None` when exactly this was already published.
    pub(super) fn config_publication(&mut self, problem: ConfigProblem) -> Option<Outgoing> {
        let uri = features::uri_of(&problem.path);
        let text = &problem.error.source.text;
        let lines = crate::source::LineIndex::new(text);
        let positions = Positions {
            text,
            lines: &lines,
            encoding: self.encoding,
        };
        let diagnostics =
            features::config_diagnostics(&uri, &problem.error.diagnostics, &positions);
        let Outgoing::Written(body) = publish(&uri, None, &diagnostics) else {
            return None;
        };
        if self.config_problems.get(&uri) == Some(&body) {
            return None;
        }
        self.config_problems.insert(uri, body.clone());
        Some(Outgoing::Written(body))
    }

    /// The settings for a document: from the `treaty.toml` above its file, or the
    /// defaults (with what is wrong in that file) when it is broken.
    pub(super) fn settings_for(&mut self, uri: &str) -> (Arc<Settings>, Option<ConfigProblem>) {
        let Some(path) = file_path(uri) else {
            return (Arc::clone(&self.defaults), None);
        };
        self.configs.forget_locations();
        match self.configs.settings_for(&path) {
            Ok(settings) => (settings, None),
            Err(error) => {
                let problem = self
                    .configs
                    .config_for(&path)
                    .map(|path| ConfigProblem { path, error });
                (Arc::clone(&self.defaults), problem)
            }
        }
    }
}

/// A `treaty.toml` that could not be used, and where it is.
pub(super) struct ConfigProblem {
    path: std::path::PathBuf,
    error: config::ConfigError,
}

/// Ask the client to report changes to configuration and treaty files
/// (`workspace/didChangeWatchedFiles`).
pub(super) fn register_watchers() -> Outgoing {
    Outgoing::Message(Message::Request(Request::new(
        RequestId::from("treaty/watch-files".to_string()),
        "client/registerCapability".to_string(),
        json!({ "registrations": [{
            "id": "treaty/watch-files",
            "method": "workspace/didChangeWatchedFiles",
            "registerOptions": { "watchers": [
                { "globPattern": "**/treaty.toml" },
                { "globPattern": "**/*.treaty" },
            ] },
        }] }),
    )))
}
