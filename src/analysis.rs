//! The whole pipeline for one file: parse, resolve, assess. The CLI, the tests and any
//! future front end (language server, scenario engine) call this and nothing lower.
//! It only sequences the stages below it; it must not hold rules of its own, nor
//! present results (the renderers in [`crate::output`] do).

use std::collections::HashSet;

pub use crate::config::{baseline_from, bundled_baseline, Level, Settings, BUNDLED_BASELINE};
use crate::diagnostics::{self, Diagnostic, Severity};
pub use crate::model::model_of;
use crate::model::{self, references, Model};
use crate::rules::lints::{self, LintContext};
use crate::rules::{self, Tier, TreatyReport};
use crate::source::SourceFile;
use crate::span::Span;
use crate::syntax;

pub mod incremental;

/// Everything `check` knows about one file.
#[derive(Debug)]
pub struct FileReport {
    pub source: SourceFile,
    pub treaties: Vec<TreatyReport>,
    /// Syntax, model, gap and lint diagnostics after suppressions and configured
    /// levels, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The name of the baseline the gaps are measured against.
    pub baseline: String,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// A file that could not be read as text: no treaties, one diagnostic.
    pub fn rejected(source: SourceFile, diagnostic: Diagnostic) -> Self {
        FileReport {
            source,
            treaties: Vec::new(),
            diagnostics: vec![diagnostic],
            baseline: String::new(),
        }
    }
}

/// Check one file. The file is parsed, resolved and assessed a piece at a time, and
/// neither its syntax tree nor its model is kept: a large file never has either in
/// memory whole. Front ends that need them call [`check_keeping_model`].
pub fn check(source: SourceFile, settings: &Settings) -> FileReport {
    check_keeping_trees(source, settings, 0).0
}

/// [`check`], also keeping the syntax trees of the first `below_hard` treaties below
/// hard, of those that parsed without a problem (in pieces with no syntax diagnostic)
/// and take nothing by reference: the next-tier search ([`crate::uplift`]) starts from
/// them instead of parsing the treaties again. At most that many trees are held.
pub fn check_keeping_trees(
    source: SourceFile,
    settings: &Settings,
    below_hard: usize,
) -> (FileReport, Vec<syntax::ast::Treaty>) {
    let (report, trees, _) = check_keeping_trees_and_scenarios(source, settings, below_hard);
    (report, trees)
}

/// The `scenario` blocks of a checked file, as its parse met them: what
/// `treaty check` looks at after the check without parsing the file a second time.
#[derive(Debug, Default)]
pub struct Scenarios {
    /// In file order, as [`syntax::parse`] gives them.
    pub blocks: Vec<syntax::ast::scenario::Scenario>,
    /// The parse reported an error (before suppressions and levels).
    pub syntax_errors: bool,
}

/// [`check`], also handing back the file's scenario blocks.
pub fn check_with_scenarios(source: SourceFile, settings: &Settings) -> (FileReport, Scenarios) {
    let (report, _, scenarios) = check_keeping_trees_and_scenarios(source, settings, 0);
    (report, scenarios)
}

/// [`check_keeping_trees`], also handing back the file's scenario blocks.
pub fn check_keeping_trees_and_scenarios(
    source: SourceFile,
    settings: &Settings,
    below_hard: usize,
) -> (FileReport, Vec<syntax::ast::Treaty>, Scenarios) {
    let text = &source.text;
    let mut scenarios = Scenarios::default();
    let mut trees = Vec::new();
    let mut seen_below_hard = 0;
    // The tree of the treaty just assessed, if it is among the first below hard.
    let mut keep_if_below_hard = |rules: &RuleRun, tree: Option<syntax::ast::Treaty>| {
        let below = rules
            .treaties
            .last()
            .is_some_and(|r| r.tier.tier < Tier::Hard);
        if below && seen_below_hard < below_hard {
            seen_below_hard += 1;
            trees.extend(tree);
        }
    };
    let mut rules = RuleRun::new(settings);
    let wants_clauses = syntax::suppressions::may_have_directives(text);
    // A file that refers to other treaties keeps its models until the end, where the
    // references are resolved (a treaty may name one defined after it).
    let wants_models = references::may_have_references(text);
    let mut kept = Vec::new();
    let mut kept_trees = Vec::new();
    let mut kept_tree_count = 0;
    let mut clause_spans = Vec::new();
    let mut resolver = model::FileResolver::default();
    syntax::parse_in_pieces(text, syntax::PIECE_BYTES, |mut piece| {
        let clean_piece = piece.diagnostics.is_empty();
        scenarios.syntax_errors |= piece
            .diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error);
        scenarios.blocks.append(&mut piece.file.scenarios);
        rules.diagnostics.append(&mut piece.diagnostics);
        if wants_clauses {
            syntax::suppressions::add_clause_spans(&piece.file.treaties, &mut clause_spans);
        }
        for treaty in piece.file.treaties.drain(..) {
            if let Some(resolved) = resolver.add(&treaty) {
                // A tree worth keeping for the search, if its treaty turns out below hard.
                let tree = (below_hard > 0
                    && clean_piece
                    && treaty.unreadable.is_empty()
                    && resolved.references.is_empty())
                .then_some(treaty);
                if wants_models {
                    // Held until the end: only as many as the search may use, of
                    // treaties below hard (a treaty with no references has its tier
                    // already), so a large file never holds its whole tree.
                    let tree = tree.filter(|_| {
                        kept_tree_count < below_hard
                            && rules::tier::classify(&resolved).tier < Tier::Hard
                    });
                    kept_tree_count += usize::from(tree.is_some());
                    kept.push(resolved);
                    kept_trees.push(tree);
                } else {
                    rules.assess(&resolved);
                    keep_if_below_hard(&rules, tree);
                }
            }
        }
    });
    rules.diagnostics.append(&mut resolver.into_diagnostics());
    if wants_models {
        let loader = settings.loader.clone();
        rules
            .diagnostics
            .extend(references::resolve_all(&mut kept, &source.path, &*loader));
        for (treaty, tree) in kept.iter().zip(kept_trees) {
            rules.assess(treaty);
            keep_if_below_hard(&rules, tree);
        }
    }
    // Comments are not in the model: direction controls are looked for in the text.
    rules
        .diagnostics
        .append(&mut lints::confusable_text::scan_source(text));
    let suppressions = syntax::suppressions::find_with_clauses(text, clause_spans);
    (rules.finish(source, &suppressions), trees, scenarios)
}

/// [`model_of`] with the references of its treaties resolved
/// ([`model::references`]): what the scenario engine and `treaty diff` read, so that
/// content taken by reference is simulated and compared too.
pub fn model_with_references(
    text: &str,
    path: &str,
    loader: &dyn references::Loader,
) -> (Model, Vec<Diagnostic>) {
    let (mut model, mut diagnostics) = model_of(text);
    diagnostics.extend(references::resolve_all(&mut model.treaties, path, loader));
    (model, diagnostics)
}

/// [`check`], also handing back the model and the syntax tree, for front ends that
/// answer questions about the text (the language server), so that a change is parsed
/// once.
pub fn check_keeping_model(
    source: SourceFile,
    settings: &Settings,
) -> (FileReport, Model, syntax::ast::File) {
    let parsed = syntax::parse(&source.text);
    check_parsed(source, settings, parsed, None)
}

/// [`check_keeping_model`] of a file already parsed: everything after the parse, which
/// looks at the whole file (suppressions, duplicate names, references between treaties,
/// the order of the diagnostics), is done here for every caller alike.
fn check_parsed(
    source: SourceFile,
    settings: &Settings,
    parsed: syntax::Parsed,
    mut memo: Option<&mut dyn RuleMemo>,
) -> (FileReport, Model, syntax::ast::File) {
    let suppressions = syntax::suppressions::find(&source.text, &parsed.file);
    // `model::resolve`, keeping which syntax tree each treaty came from.
    let mut resolver = model::FileResolver::default();
    let mut tree_of = Vec::new();
    let mut treaties = Vec::new();
    for (tree, treaty) in parsed.file.treaties.iter().enumerate() {
        let admitted = match memo.as_deref_mut() {
            Some(memo) => {
                let resolved = memo.recall_resolved(tree).unwrap_or_else(|| {
                    let resolved = model::resolve_one(treaty);
                    memo.remember_resolved(tree, &resolved);
                    resolved
                });
                resolver.add_resolved(resolved.0, &resolved.1)
            }
            None => resolver.add(treaty),
        };
        if let Some(resolved) = admitted {
            tree_of.push(tree);
            treaties.push(resolved);
        }
    }
    let mut model = Model { treaties };
    let mut model_diagnostics = resolver.into_diagnostics();
    model_diagnostics.extend(references::resolve_all(
        &mut model.treaties,
        &source.path,
        &*settings.loader,
    ));
    let mut rules = RuleRun::new(settings);
    rules.diagnostics = parsed.diagnostics;
    rules.diagnostics.append(&mut model_diagnostics);
    for (treaty, &tree) in model.treaties.iter().zip(&tree_of) {
        // A treaty that takes content by reference depends on more than its own tree.
        let memo = memo.as_deref_mut().filter(|_| treaty.references.is_empty());
        let assessed = match memo {
            Some(memo) => match memo.recall(tree) {
                Some(assessed) => assessed,
                None => {
                    let assessed = rules.assessed(treaty);
                    memo.remember(tree, &assessed);
                    assessed
                }
            },
            None => rules.assessed(treaty),
        };
        rules.push(assessed);
    }
    rules
        .diagnostics
        .append(&mut lints::confusable_text::scan_source(&source.text));
    (rules.finish(source, &suppressions), model, parsed.file)
}

/// What the rules concluded about one treaty: its report and the diagnostics of its
/// gaps, lints and minimum tier, before suppressions and levels.
#[derive(Debug, Clone)]
pub(crate) struct Assessed {
    pub report: TreatyReport,
    pub diagnostics: Vec<Diagnostic>,
}

/// The rules' results of an earlier check, by the index of the treaty's syntax tree in
/// the file: for a tree whose text has not changed, the rules need not run again
/// ([`incremental`]). Asked only about treaties that take nothing by reference, under
/// the same settings.
///
/// Likewise each tree's resolved treaty, before references are followed, with the
/// diagnostics of its resolution ([`model::resolve_one`]): it depends on the tree alone.
pub(crate) trait RuleMemo {
    fn recall(&mut self, tree: usize) -> Option<Assessed>;
    fn remember(&mut self, tree: usize, assessed: &Assessed);
    fn recall_resolved(&mut self, tree: usize) -> Option<Resolved>;
    fn remember_resolved(&mut self, tree: usize, resolved: &Resolved);
}

/// A treaty resolved from its tree alone, if it has a name, and what resolving it said.
pub(crate) type Resolved = (Option<model::Treaty>, Vec<Diagnostic>);

/// The rules' side of a check: each resolved treaty is assessed as it comes, and the
/// diagnostics are filtered and sorted once at the end.
struct RuleRun<'s> {
    settings: &'s Settings,
    lint_context: LintContext,
    /// "gap against Article 5: <element>" for each element title met so far: the same
    /// few labels are put on every gap of a file.
    gap_labels: Vec<(&'static str, String)>,
    treaties: Vec<TreatyReport>,
    diagnostics: Vec<Diagnostic>,
}

impl<'s> RuleRun<'s> {
    fn new(settings: &'s Settings) -> Self {
        RuleRun {
            settings,
            lint_context: LintContext {
                today: settings.today,
            },
            gap_labels: Vec::new(),
            treaties: Vec::new(),
            diagnostics: Vec::new(),
        }
    }

    fn gap_label(&mut self, element_title: &'static str) -> String {
        if let Some((_, label)) = self.gap_labels.iter().find(|(t, _)| *t == element_title) {
            return label.clone();
        }
        let label = format!(
            "gap against {}: {element_title}",
            self.settings.baseline.name
        );
        self.gap_labels.push((element_title, label.clone()));
        label
    }

    /// Tier, gaps, lints and the minimum tier for one treaty.
    fn assess(&mut self, treaty: &model::Treaty) {
        let assessed = self.assessed(treaty);
        self.push(assessed);
    }

    /// What [`Self::assess`] adds for `treaty`.
    fn assessed(&mut self, treaty: &model::Treaty) -> Assessed {
        let report = rules::assess(treaty, &self.settings.baseline);
        let mut diagnostics = Vec::with_capacity(report.gaps.len());
        for gap in &report.gaps {
            let label = self.gap_label(gap.element_title);
            diagnostics.push(
                Diagnostic::warning(gap.code, format!("{}: {}", treaty.id, gap.message))
                    .with_label(gap.span, label)
                    .with_help(gap.help.clone()),
            );
        }
        let mut lints = lints::run(treaty, &self.lint_context);
        if let Some(provisional) = &report.provisional {
            lints.retain(|lint| !provisional.withholds_lint(lint.code));
        }
        diagnostics.append(&mut lints);
        if let Some(min) = self.settings.min_tier.filter(|min| report.tier.tier < *min) {
            diagnostics.push(below_min_tier(treaty, &report, min));
        }
        Assessed {
            report,
            diagnostics,
        }
    }

    fn push(&mut self, assessed: Assessed) {
        let Assessed {
            report,
            mut diagnostics,
        } = assessed;
        self.diagnostics.append(&mut diagnostics);
        self.treaties.push(report);
    }

    /// Apply suppressions and levels, and sort.
    fn finish(
        self,
        source: SourceFile,
        suppressions: &syntax::suppressions::Suppressions,
    ) -> FileReport {
        let RuleRun {
            settings,
            mut treaties,
            mut diagnostics,
            ..
        } = self;
        let filtered = !suppressions.is_empty() || !settings.levels.is_empty();
        if filtered {
            rules::suppress::apply(&mut diagnostics, suppressions);
            settings.apply_levels(&mut diagnostics);
            // A gap suppressed or turned off is not reported as a gap either. A set,
            // so a file with thousands of treaties stays linear.
            let kept: HashSet<(&str, Option<Span>)> = diagnostics
                .iter()
                .map(|d| (d.code, d.primary_span()))
                .collect();
            for report in &mut treaties {
                report
                    .gaps
                    .retain(|gap| kept.contains(&(gap.code, Some(gap.span))));
            }
        }
        // File-level lints (L015 in comments, L016) are reported outside `lints::run`.
        #[cfg(feature = "broken-rule-experiment")]
        for lint in rules::lints::all() {
            rules::broken::lint_diagnostics(lint.code, 0, &mut diagnostics, || {
                lint.diagnostic("broken rule: always fires")
                    .with_label(Span::new(0, 0), "here")
            });
        }
        diagnostics::sort(&mut diagnostics);
        FileReport {
            source,
            treaties,
            diagnostics,
            baseline: settings.baseline.name.clone(),
        }
    }
}

fn below_min_tier(treaty: &model::Treaty, report: &TreatyReport, min: Tier) -> Diagnostic {
    let reasons: Vec<&str> = report
        .tier
        .reasons
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    Diagnostic::error(
        rules::tier::codes::BELOW_MIN_TIER,
        format!(
            "{}: tier {} is below the required minimum, {min}",
            treaty.id, report.tier.tier
        ),
    )
    .with_label(treaty.header_span, format!("{} treaty", report.tier.tier))
    .with_help(format!(
        "{} because: {}; strengthen it, or lower the minimum",
        report.tier.tier,
        reasons.join("; ")
    ))
}

#[cfg(test)]
mod suppression_tests {
    //! Suppressions through the whole pipeline (`rules::suppress` on real checks).
    use crate::analysis;
    use crate::rules::lints::unused_suppression::LINT;

    fn codes(text: &str) -> Vec<&'static str> {
        let report = analysis::check(
            crate::source::SourceFile::new("t.treaty", text),
            &analysis::Settings::default(),
        );
        report.diagnostics.iter().map(|d| d.code).collect()
    }

    const TWICE: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA training\n  // treaty: allow(duplicate-clause) repeated in the signed text\n  provide UK -> UA training\n}\n";

    #[test]
    fn the_example_triggers_it() {
        let found = codes(LINT.example);
        assert!(found.contains(&"L016"), "{found:?}");
    }

    #[test]
    fn a_used_suppression_silences_and_is_not_reported() {
        let plain = TWICE.replace(
            "  // treaty: allow(duplicate-clause) repeated in the signed text\n",
            "",
        );
        assert!(codes(&plain).contains(&"L006"));
        let found = codes(TWICE);
        assert!(!found.contains(&"L006"), "{found:?}");
        assert!(!found.contains(&"L016"), "{found:?}");
    }

    #[test]
    fn file_wide_suppression_by_code_and_unknown_names() {
        let text = format!(
            "// treaty: allow-file(L006, NO_NUCLEAR_UMBRELLA)\n{}",
            TWICE.replace("duplicate-clause", "duplicat-clause")
        );
        let report = analysis::check(
            crate::source::SourceFile::new("t.treaty", &text),
            &analysis::Settings::default(),
        );
        let found: Vec<_> = report.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            !found.contains(&"L006") && !found.contains(&"NO_NUCLEAR_UMBRELLA"),
            "{found:?}"
        );
        let unknown = report
            .diagnostics
            .iter()
            .find(|d| d.code == "L016")
            .expect("the misspelt name is reported");
        assert_eq!(unknown.suggestion.as_deref(), Some("duplicate-clause"));
    }

    #[test]
    fn syntax_errors_cannot_be_suppressed() {
        let text =
            "treaty t {\n  // treaty: allow(E001)\n  form treaty nonsense\n  status in-force\n}\n";
        let found = codes(text);
        assert!(
            found.contains(&"E001") && found.contains(&"L016"),
            "{found:?}"
        );
    }
}
