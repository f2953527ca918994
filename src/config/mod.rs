//! `treaty.toml`: per-project settings, found by searching upward from each checked
//! file. Command-line flags override what it says.
//!
//! ```toml
//! baseline = "baselines/article5.treaty"   # relative to this file
//! min-tier = "intermediate"
//!
//! [rules]
//! NO_NUCLEAR_UMBRELLA = "off"              # by code...
//! consultation-without-deadline = "warning" # ...or by name
//! ```
//!
//! A file that cannot be read as such is never half-applied: it is reported with
//! diagnostics pointing into the TOML and the run stops (exit code 2).
//!
//! What a run needs besides the file ([`Settings`]: baseline, levels, today) is built
//! here and handed to `analysis::check`; this stage must not run checks itself.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::Diagnostic;
use crate::model::Date;
use crate::rules::registry;
use crate::rules::{Baseline, Tier};
use crate::source::SourceFile;
use crate::span::Span;
use crate::suggest::did_you_mean;

mod settings;

pub use settings::{baseline_from, bundled_baseline, Level, Settings, BUNDLED_BASELINE};

/// Codes of the diagnostics about configuration files, declared in the registry (which
/// must list them and sits below this stage).
pub use crate::rules::registry::config_codes as codes;

pub const FILE_NAME: &str = "treaty.toml";

/// A configuration file, read and validated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// The baseline file, resolved against the configuration file's directory.
    pub baseline: Option<PathBuf>,
    pub min_tier: Option<Tier>,
    /// Levels by rule code.
    pub levels: HashMap<&'static str, Level>,
    /// Paths left out when a directory is searched (`exclude = ["fuzz", "drafts/*.treaty"]`).
    pub exclude: Exclude,
}

/// The `exclude` patterns of a configuration file: globs relative to the file's
/// directory. A pattern that names a directory leaves out everything below it.
#[derive(Debug, Clone, Default)]
pub struct Exclude {
    root: PathBuf,
    patterns: Vec<String>,
    set: globset::GlobSet,
}

impl PartialEq for Exclude {
    fn eq(&self, other: &Self) -> bool {
        self.root == other.root && self.patterns == other.patterns
    }
}

impl Exclude {
    /// Whether `path`, found by searching the directory `searched`, is left out: a
    /// pattern matches it or a directory between `searched` and it. What the user
    /// named (`treaty check fuzz/corpus`) is never left out by its own name.
    pub fn excludes(&self, path: &Path, searched: &Path) -> bool {
        if self.patterns.is_empty() {
            return false;
        }
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let root = canonical(&self.root);
        let (file, searched) = (canonical(path), canonical(searched));
        let Ok(relative) = file.strip_prefix(&root) else {
            return false;
        };
        let named_depth = searched
            .strip_prefix(&root)
            .map_or(0, |s| s.components().count());
        let mut prefix = PathBuf::new();
        for (depth, part) in relative.components().enumerate() {
            prefix.push(part);
            if depth + 1 > named_depth && self.set.is_match(&prefix) {
                return true;
            }
        }
        false
    }
}

/// A configuration file that cannot be used, with what is wrong in it.
#[derive(Debug)]
pub struct ConfigError {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    baseline: Option<Spanned<String>>,
    min_tier: Option<Spanned<String>>,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

fn invalid(span: Span, message: impl Into<String>, label: &str, help: &str) -> Diagnostic {
    Diagnostic::error(codes::INVALID_CONFIG, message)
        .with_label(span, label.to_string())
        .with_help(help.to_string())
}

fn span_of<T>(value: &Spanned<T>) -> Span {
    let range = value.span();
    Span::new(range.start, range.end)
}

pub fn parse_level(word: &str) -> Option<Level> {
    Some(match word {
        "error" => Level::Error,
        "warning" => Level::Warning,
        "advice" => Level::Advice,
        "off" => Level::Off,
        _ => return None,
    })
}

pub fn parse_tier(word: &str) -> Option<Tier> {
    Some(match word {
        "soft" => Tier::Soft,
        "intermediate" => Tier::Intermediate,
        "hard" => Tier::Hard,
        _ => return None,
    })
}

/// The code a rule code or name stands for, if it may be configured. Syntax errors may
/// not be silenced: a clause that does not parse is not checked at all.
pub fn configurable_rule(code_or_name: &str) -> Result<&'static str, String> {
    match registry::lookup(code_or_name) {
        Some(rule) if rule.family == "syntax" => Err(format!(
            "`{code_or_name}` is a syntax rule and cannot be reconfigured"
        )),
        Some(rule) => Ok(rule.code),
        None => {
            let rules = registry::all();
            let names = rules.iter().flat_map(|r| [r.code, r.name]);
            Err(match did_you_mean(code_or_name, names) {
                Some(close) => format!("no rule `{code_or_name}`; did you mean `{close}`?"),
                None => format!("no rule `{code_or_name}`; `treaty rules` lists them all"),
            })
        }
    }
}

/// Read configuration text. `dir` is the directory relative paths are resolved from.
pub fn parse(text: &str, dir: &Path) -> Result<Config, Vec<Diagnostic>> {
    let raw: RawConfig = toml::from_str(text).map_err(|error| {
        let span = error
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        vec![invalid(
            span,
            format!("cannot read this configuration: {}", error.message().trim()),
            "here",
            "settings are `baseline`, `min-tier`, `exclude` and a `[rules]` table; see docs/configuration.md",
        )]
    })?;
    let mut diagnostics = Vec::new();
    let mut config = Config {
        baseline: raw.baseline.as_ref().map(|b| dir.join(b.get_ref())),
        ..Config::default()
    };
    if let Some(tier) = &raw.min_tier {
        match parse_tier(tier.get_ref()) {
            Some(tier) => config.min_tier = Some(tier),
            None => diagnostics.push(invalid(
                span_of(tier),
                format!("`{}` is not a tier", tier.get_ref()),
                "not a tier",
                "write `soft`, `intermediate` or `hard`",
            )),
        }
    }
    for (rule, level) in &raw.rules {
        let code = match configurable_rule(rule.get_ref()) {
            Ok(code) => code,
            Err(message) => {
                diagnostics.push(invalid(
                    span_of(rule),
                    message,
                    "unknown or fixed rule",
                    "`treaty rules` lists every rule's code and name",
                ));
                continue;
            }
        };
        match parse_level(level.get_ref()) {
            Some(level) => {
                config.levels.insert(code, level);
            }
            None => diagnostics.push(invalid(
                span_of(level),
                format!("`{}` is not a level", level.get_ref()),
                "not a level",
                "write `error`, `warning`, `advice` or `off`",
            )),
        }
    }
    let mut globs = globset::GlobSetBuilder::new();
    for pattern in &raw.exclude {
        let text = pattern.get_ref().trim_end_matches('/');
        // Matched against each directory on the way down and the file itself, so
        // `fuzz` leaves out the directory and everything below it.
        let built = globset::GlobBuilder::new(text)
            .literal_separator(true)
            .build();
        match built {
            Ok(glob) if !text.is_empty() => {
                globs.add(glob);
                config.exclude.patterns.push(text.to_string());
            }
            Ok(_) => diagnostics.push(invalid(
                span_of(pattern),
                "an empty `exclude` pattern",
                "empty",
                "write a path or glob relative to this file, such as `fuzz` or `drafts/*.treaty`",
            )),
            Err(error) => diagnostics.push(invalid(
                span_of(pattern),
                format!("`{}` is not a glob: {}", pattern.get_ref(), error.kind()),
                "not a glob",
                "write a path or glob relative to this file, such as `fuzz` or `drafts/*.treaty`",
            )),
        }
    }
    config.exclude.root = dir.to_path_buf();
    match globs.build() {
        Ok(set) => config.exclude.set = set,
        Err(error) => diagnostics.push(invalid(
            Span::new(0, 0),
            format!("the `exclude` patterns cannot be used: {error}"),
            "here",
            "write paths or globs relative to this file",
        )),
    }
    diagnostics.sort_by_key(|d| d.primary_span().map(|s| s.start));
    if diagnostics.is_empty() {
        Ok(config)
    } else {
        Err(diagnostics)
    }
}

/// Read a configuration file.
pub fn load(path: &Path) -> Result<Config, ConfigError> {
    let display = shown(path);
    let text =
        crate::input::text(path, crate::input::MAX_CONFIG_SIZE).map_err(|error| ConfigError {
            source: SourceFile::new(display.clone(), ""),
            diagnostics: vec![Diagnostic::error(
                codes::INVALID_CONFIG,
                format!("cannot read this configuration file: {error}"),
            )],
        })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    parse(&text, dir).map_err(|diagnostics| ConfigError {
        source: SourceFile::new(display, text),
        diagnostics,
    })
}

/// A path as users should see it: relative to the working directory when inside it.
fn shown(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf));
    relative.as_deref().unwrap_or(path).display().to_string()
}

/// The nearest `treaty.toml` in `dir` or one of its ancestors.
pub fn find(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|d| d.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// What the command line says, which wins over any configuration file.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Use this file for every checked file instead of searching.
    pub config: Option<PathBuf>,
    /// Ignore configuration files.
    pub no_config: bool,
    pub baseline: Option<PathBuf>,
    pub min_tier: Option<Tier>,
    pub levels: Vec<(&'static str, Level)>,
    /// Today's date, for tests; the system clock otherwise.
    pub today: Option<Date>,
}

/// Settings for each checked file, built once per configuration file. Searching upward
/// is cached per directory, so checking 10,000 files in one folder reads one config.
pub struct Resolver {
    overrides: Overrides,
    config_of_dir: HashMap<PathBuf, Option<PathBuf>>,
    /// Settings by configuration file, with the file's modification time when read,
    /// so a long-running language server notices an edited `treaty.toml`.
    settings_of_config: HashMap<Option<PathBuf>, (Option<SystemTime>, Arc<Settings>)>,
    /// The `exclude` patterns by configuration file, read with its settings.
    exclude_of_config: HashMap<PathBuf, Arc<Exclude>>,
}

fn modified(path: Option<&Path>) -> Option<SystemTime> {
    std::fs::metadata(path?).and_then(|m| m.modified()).ok()
}

impl Resolver {
    pub fn new(overrides: Overrides) -> Self {
        Resolver {
            overrides,
            config_of_dir: HashMap::new(),
            settings_of_config: HashMap::new(),
            exclude_of_config: HashMap::new(),
        }
    }

    /// The configuration file that applies to `file`, if any.
    pub fn config_for(&mut self, file: &Path) -> Option<PathBuf> {
        if self.overrides.no_config {
            return None;
        }
        if let Some(explicit) = &self.overrides.config {
            return Some(explicit.clone());
        }
        let dir = match file.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        // Cached by the directory as given: one lookup (and one `canonicalize`, so
        // the search can climb above `.`) per directory, not per file.
        if let Some(found) = self.config_of_dir.get(dir) {
            return found.clone();
        }
        let absolute = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let found = find(&absolute);
        self.config_of_dir.insert(dir.to_path_buf(), found.clone());
        found
    }

    /// The settings for `file`: its configuration file with the overrides applied.
    pub fn settings_for(&mut self, file: &Path) -> Result<Arc<Settings>, ConfigError> {
        let config_path = self.config_for(file);
        let stamp = modified(config_path.as_deref());
        if let Some((read_at, settings)) = self.settings_of_config.get(&config_path) {
            if *read_at == stamp {
                return Ok(Arc::clone(settings));
            }
        }
        let settings = Arc::new(self.build(config_path.as_deref())?);
        self.settings_of_config
            .insert(config_path, (stamp, Arc::clone(&settings)));
        Ok(settings)
    }

    /// Whether the configuration that applies to `file`, found by searching the
    /// directory `searched`, leaves it out (its `exclude`).
    pub fn excludes(&mut self, file: &Path, searched: &Path) -> Result<bool, ConfigError> {
        let Some(config_path) = self.config_for(file) else {
            return Ok(false);
        };
        // Read (and validated) with the settings; cached with them.
        self.settings_for(file)?;
        Ok(self
            .exclude_of_config
            .get(&config_path)
            .is_some_and(|exclude| exclude.excludes(file, searched)))
    }

    /// Forget which directory uses which configuration file, so that a `treaty.toml`
    /// created or deleted since is found (settings stay cached while unchanged).
    pub fn forget_locations(&mut self) {
        self.config_of_dir.clear();
    }

    fn build(&mut self, config_path: Option<&Path>) -> Result<Settings, ConfigError> {
        let config = match config_path {
            Some(path) => load(path)?,
            None => Config::default(),
        };
        if let Some(path) = config_path {
            self.exclude_of_config
                .insert(path.to_path_buf(), Arc::new(config.exclude.clone()));
        }
        let baseline = match (&self.overrides.baseline, &config.baseline) {
            (Some(path), _) => load_baseline(path).map_err(|message| ConfigError {
                source: SourceFile::new(path.display().to_string(), ""),
                diagnostics: vec![Diagnostic::error(codes::INVALID_CONFIG, message)],
            })?,
            (None, Some(path)) => {
                load_baseline(path).map_err(|message| baseline_error(config_path, message))?
            }
            (None, None) => bundled_baseline(),
        };
        let mut levels = config.levels;
        levels.extend(self.overrides.levels.iter().copied());
        Ok(Settings {
            baseline,
            levels,
            min_tier: self.overrides.min_tier.or(config.min_tier),
            today: self.overrides.today.unwrap_or_else(Date::today),
            loader: std::sync::Arc::new(crate::model::references::FsLoader),
        })
    }
}

/// A baseline named by a configuration file that does not load: a diagnostic on the
/// `baseline` setting.
fn baseline_error(config_path: Option<&Path>, message: String) -> ConfigError {
    let path = config_path.map(Path::to_path_buf).unwrap_or_default();
    let text = crate::input::text(&path, crate::input::MAX_CONFIG_SIZE).unwrap_or_default();
    let span = text.find("baseline").map_or(Span::new(0, 0), |start| {
        let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
        Span::new(start, end)
    });
    ConfigError {
        source: SourceFile::new(shown(&path), text),
        diagnostics: vec![invalid(
            span,
            message,
            "this baseline",
            "point `baseline` at a `.treaty` file that checks without errors (relative to this file)",
        )],
    }
}

/// Load a baseline treaty file.
pub fn load_baseline(path: &Path) -> Result<Baseline, String> {
    let text = crate::input::text(path, crate::source::DEFAULT_MAX_FILE_SIZE)
        .map_err(|e| format!("cannot read baseline `{}`: {e}", path.display()))?;
    baseline_from(&text).map_err(|errors| {
        let first = errors.first().map(|d| d.message.as_str()).unwrap_or("");
        format!(
            "baseline `{}` has {} error{}, first: {first}; run `treaty check {}` to see them",
            path.display(),
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            path.display()
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_here(text: &str) -> Result<Config, Vec<Diagnostic>> {
        parse(text, Path::new("/project"))
    }

    #[test]
    fn a_full_configuration_reads() {
        let config = parse_here(
            "baseline = \"b/art5.treaty\"\nmin-tier = \"intermediate\"\n[rules]\nNO_NUCLEAR_UMBRELLA = \"off\"\nunused-party = \"error\"\n",
        )
        .expect("valid");
        assert_eq!(
            config.baseline,
            Some(PathBuf::from("/project/b/art5.treaty"))
        );
        assert_eq!(config.min_tier, Some(Tier::Intermediate));
        assert_eq!(config.levels.get("NO_NUCLEAR_UMBRELLA"), Some(&Level::Off));
        assert_eq!(config.levels.get("L001"), Some(&Level::Error));
    }

    #[test]
    fn every_mistake_points_into_the_toml() {
        let text = "min-tier = \"hardest\"\n[rules]\nunused-partie = \"error\"\nL001 = \"loud\"\nE001 = \"off\"\n";
        let errors = parse_here(text).expect_err("invalid");
        let pointed: Vec<&str> = errors
            .iter()
            .map(|d| {
                let span = d.primary_span().expect("a span");
                &text[span.start..span.end]
            })
            .collect();
        assert_eq!(
            pointed,
            ["\"hardest\"", "unused-partie", "\"loud\"", "E001"],
            "{errors:?}"
        );
        assert!(errors[1].message.contains("did you mean `unused-party`"));
    }

    #[test]
    fn bad_toml_and_unknown_settings_are_reported_with_a_span() {
        for text in ["min-tier = \n", "colour = true\n"] {
            let errors = parse_here(text).expect_err("invalid");
            assert_eq!(errors.len(), 1);
            assert!(errors[0].primary_span().is_some(), "{text}");
        }
    }
}
