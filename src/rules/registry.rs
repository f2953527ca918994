//! Every code the tool can emit, with its kebab-case name, default severity and doc
//! text. `treaty explain`, the docs and editor hover read from here, so a code never
//! changes meaning and is documented once.
//!
//! The registry collects the codes of the stages below it (source, syntax, model) and
//! of the rules beside it (tier, gaps, lints). It sits below the configuration, which
//! checks rule names against it, so it must not import the configuration, the
//! scenarios or anything above the rules: the codes those stages emit are declared
//! here instead, in [`config_codes`] and [`scenario_codes`].

use crate::diagnostics::Severity;
use crate::model::codes as model_codes;
use crate::rules::gaps::ELEMENTS;
use crate::rules::{lints, tier};
use crate::source;
use crate::syntax::codes as syntax_codes;

pub mod config_codes {
    //! Codes of the diagnostics about configuration files (`config::codes`).
    pub const INVALID_CONFIG: &str = "C001";
}

pub mod scenario_codes {
    //! Codes of the diagnostics `treaty simulate` and `treaty test` emit
    //! (`scenario::codes`).
    /// An expectation that the run did not meet.
    pub const EXPECTATION_FAILED: &str = "S001";
    /// An event or expectation with an unknown word or an impossible time, or a
    /// look-alike of a party code of the run's treaties.
    pub const BAD_EVENT: &str = "S002";
    /// A `treaty` reference that cannot be read or names no treaty.
    pub const BAD_TREATY_REFERENCE: &str = "S003";
    /// An event attribute (after the time) that is not a known attribute word.
    pub const UNKNOWN_ATTRIBUTE: &str = "S005";
    /// An event word that is neither a trigger kind nor an event a treaty of the run names.
    pub const UNKNOWN_EVENT: &str = "S004";
}

#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Which family the rule belongs to: syntax, model, config, tier, gap, lint.
    pub family: &'static str,
    pub summary: &'static str,
    pub why: &'static str,
    /// A small input that triggers the rule: a `.treaty` file, or for the `config`
    /// family a `treaty.toml`. The test suite checks that it does.
    pub example: &'static str,
    pub fix: &'static str,
}

const fn rule(
    code: &'static str,
    name: &'static str,
    family: &'static str,
    summary: &'static str,
    why: &'static str,
    example: &'static str,
    fix: &'static str,
) -> RuleInfo {
    RuleInfo {
        code,
        name,
        severity: Severity::Error,
        family,
        summary,
        why,
        example,
        fix,
    }
}

/// Rules of the syntax, model, configuration and tier stages.
const ERRORS: &[RuleInfo] = &[
    rule(syntax_codes::SYNTAX_ERROR, "syntax-error", "syntax",
        "a clause, header or line that does not follow the language's grammar",
        "a clause the checker cannot read is a clause it cannot check; the rest of the file is still checked",
        "treaty t {\n  form treaty\n  status in-force\n  consult UK UA within 24 hours\n}\n",
        "follow the example in the diagnostic's help; `docs/language.md` lists every clause"),
    rule(syntax_codes::UNCLOSED_BLOCK, "unclosed-block", "syntax",
        "a treaty or trigger block whose closing `}` is missing",
        "usually a file cut short, or a brace lost in editing",
        "treaty t {\n  form treaty\n  status in-force\n",
        "add the missing `}`"),
    rule(syntax_codes::NESTING_TOO_DEEP, "nesting-too-deep", "syntax",
        "braces nested deeper than the language ever needs",
        "the language uses two levels; very deep nesting is a corrupted or hostile file",
        concat!("treaty t {\n  form treaty\n  status in-force\n  trigger armed-attack {\n", "{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{\n", "}\n"),
        "check the file's braces"),
    rule(syntax_codes::TOO_MANY_ITEMS, "too-many-items", "syntax",
        "a top-level block with more than 100,000 list items (commas outside strings and comments)",
        "each item costs the parser and the syntax tree about 180 bytes, so a list of millions of one-letter items would take memory out of all proportion to the file; it is refused before parsing",
        "treaty t {\n  form treaty\n  status in-force\n  party A\n  trigger armed-attack against A {\n    consult A, A, A, ... // 100,001 commas\n  }\n}\n",
        "split the block or its lists"),
    rule(syntax_codes::MISPLACED_QUALIFIER, "misplaced-qualifier", "syntax",
        "a qualifier written before the words of its clause, or among a trigger's kinds",
        "a qualifier ends a clause; written earlier it is read as something else (a trigger kind, or the wording that swallows an institution's name) or stops the clause from parsing, so the hedge the drafter meant is lost or misread",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  establish council as-deemed-necessary \"Defence Council\"\n}\n",
        "move the qualifier to the end of the clause, or of the trigger's header just before `{`: `establish council \"Defence Council\" as-deemed-necessary`"),
    rule(syntax_codes::NO_TREATY, "no-treaty", "syntax",
        "a file with no treaty in it",
        "an empty or truncated file checks nothing",
        "// only a comment\n",
        "add `treaty name { ... }`"),
    rule(source::codes::NOT_TEXT, "not-text", "syntax",
        "a file that is not UTF-8 text (a binary file, or another encoding)",
        "the checker reads UTF-8 text only",
        "treaty t {\u{0}}",
        "save the file as UTF-8"),
    rule(source::codes::TOO_LARGE, "file-too-large", "syntax",
        "a file larger than the size limit",
        "bounds the time and memory one file can take",
        "// checked with `--max-file-size 16`\ntreaty t {\n  form treaty\n  status in-force\n}\n",
        "split the file, or raise the limit with `--max-file-size`"),
    rule(model_codes::UNKNOWN_PARTY, "unknown-party", "model",
        "a party code that no `party` or `members` clause declares",
        "an obligation owed by or to an undeclared party cannot be checked, and is usually a typo",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> AU training\n}\n",
        "declare the party, or fix the code (the help suggests the closest declared one)"),
    rule(model_codes::DUPLICATE_PARTY, "duplicate-party", "model",
        "a party declared twice",
        "two declarations may disagree on the party's name or roles",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UK \"United Kingdom\" guarantor\n}\n",
        "declare each party once, listing all its roles"),
    rule(model_codes::INVALID_DATE, "invalid-date", "model",
        "a date that does not exist, such as 2023-02-29",
        "dates decide when obligations begin and end",
        "treaty t {\n  form treaty\n  status in-force\n  signed 2023-02-29\n}\n",
        "write a real date as YYYY-MM-DD"),
    rule(model_codes::UNKNOWN_WORD, "unknown-word", "model",
        "a word outside the documented vocabulary (legal form, role, trigger kind, assistance kind, qualifier...)",
        "the tier and the gaps depend on these words; an unknown one is ignored by every rule",
        "treaty t {\n  form treaty\n  status in-force\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA air-defense, trainning\n}\n",
        "use the suggested word, or one listed in `docs/language.md`"),
    rule(model_codes::INVALID_NUMBER, "invalid-number", "model",
        "a number that cannot be read or is out of range",
        "sizes, amounts and periods are compared by the rules",
        "treaty t {\n  form treaty\n  status in-force\n  duration 99999999999 years\n}\n",
        "write a plain number such as `5000` or `2.5`"),
    rule(model_codes::DUPLICATE_FIELD, "duplicate-field", "model",
        "a header clause (form, status, duration...) given twice",
        "two values for one field contradict each other",
        "treaty t {\n  form treaty\n  form political\n  status in-force\n}\n",
        "keep one of the two clauses"),
    rule(model_codes::MISSING_FIELD, "missing-field", "model",
        "a treaty without a `form` or `status` clause",
        "the tier depends on the legal form and status",
        "treaty t {\n  status in-force\n}\n",
        "add the missing clause"),
    rule(model_codes::DUPLICATE_TREATY, "duplicate-treaty", "model",
        "two treaties with the same name in one file",
        "reports and references name treaties by their name",
        "treaty t {\n  form treaty\n  status in-force\n}\ntreaty t {\n  form political\n  status draft\n}\n",
        "rename one of them"),
    rule(model_codes::MISPLACED_MODIFIER, "misplaced-modifier", "model",
        "a clause modifier where it has no meaning: `decided-by` on a header clause or a party declaration, a `threshold` on a trigger that is not an attack",
        "the drafter meant something the checker would otherwise silently drop: who decides on a response, or how grave an attack must be",
        "treaty t {\n  form treaty decided-by US\n  status in-force\n  party US guarantor\n}\n",
        "put `decided-by` on the trigger or the obligation it governs, and `threshold` on an attack trigger"),
    rule(model_codes::REFERENCE_NOT_FOUND, "reference-not-found", "model",
        "a treaty named by `incorporate`, `mirror`, `in-addition-to` or `scope-of` that cannot be found or read",
        "a guarantee by reference is only as good as the text it points to; one that cannot be read cannot be assessed",
        "treaty t {\n  form treaty\n  status in-force\n  party FR guarantor\n  party UA beneficiary\n  incorporate no_such_treaty\n}\n",
        "define the treaty in this file or a `.treaty` file beside it, or say where it is with `from \"PATH\"`"),
    rule(model_codes::GROUP_MEMBER, "group-member", "model",
        "an `except` that names a state not in the group, `except` on a list without a group, or a group inside itself",
        "leaving out a state that was never in the group, or a group that contains itself, means the clause binds someone other than the drafter meant",
        "treaty t {\n  form political\n  status signed\n  party COW \"Coalition\" guarantor group FR, UK\n  party UA beneficiary\n  party PL guarantor\n  provide COW except PL -> UA training\n}\n",
        "leave out only members of the groups named before `except`, and list states (or other groups) as a group's members"),
    rule(config_codes::INVALID_CONFIG, "invalid-config", "config",
        "a `treaty.toml` that cannot be read: bad TOML, an unknown setting, rule or level, a baseline that does not load",
        "a configuration the checker ignored would silently check something else than the team agreed; nothing is checked until it is fixed (exit code 2)",
        "[rules]\nno-nukes = \"off\"\n",
        "correct the setting the diagnostic points at; `docs/configuration.md` lists every setting and `treaty rules` every rule"),
    rule(tier::codes::BELOW_MIN_TIER, "below-min-tier", "tier",
        "a treaty whose tier is below the minimum set by `--min-tier` or `min-tier` in `treaty.toml`",
        "lets a CI job hold every draft to the tier the negotiating mandate requires",
        "// checked with `--min-tier hard`\ntreaty t {\n  form declaration\n  status signed\n  party UK guarantor\n  party UA beneficiary\n  provide UK -> UA political-support\n}\n",
        "strengthen the treaty (the tier line lists the clauses that decide it), or lower the minimum"),
    rule(scenario_codes::EXPECTATION_FAILED, "expectation-failed", "scenario",
        "an `expect` line of a scenario that the run did not meet (`treaty test`)",
        "the expectation states what the treaty must (or must not) bring about; the help shows what the run found instead",
        "treaty t {\n  form treaty\n  status in-force\n  signed 2024-01-12\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n}\nscenario late {\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n  expect consult UK, UA by 2027-03-03T06:00Z\n}\n",
        "fix the treaty or the scenario, whichever is wrong; `treaty simulate FILE --scenario NAME` shows the whole timeline"),
    rule(scenario_codes::BAD_EVENT, "bad-event", "scenario",
        "an event, expectation or assumption of a scenario with an unknown word or an impossible time, or a party code that looks like a party of the run's treaties without being it (a Greek `Ζ` in `NΖ` for `NZ`)",
        "a scenario that cannot be read cannot be run; `treaty test` exits 2; a look-alike code would be a state no treaty names, so `expect no act US, NΖ` would pass for the wrong reason",
        "treaty t {\n  form treaty\n  status in-force\n  signed 2024-01-12\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n}\nscenario typo {\n  event armed-atack by RU against UA at 2027-03-01T06:00Z\n}\n",
        "use the suggested word or party code, write times as `2027-03-01T06:00Z` or with an offset such as `+02:00`, and keep events before the `end`"),
    rule(scenario_codes::BAD_TREATY_REFERENCE, "bad-treaty-reference", "scenario",
        "a scenario's `treaty` line that names a file that cannot be read, has errors or defines no treaty, or a treaty not in the file",
        "the scenario has nothing to run against",
        "scenario elsewhere {\n  treaty \"missing.treaty\"\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n}\n",
        "give the file relative to the scenario's own file, such as `treaty \"../uk-ukraine-2024.treaty\"`, and run `treaty check` on it"),
    rule(scenario_codes::UNKNOWN_ATTRIBUTE, "unknown-event-attribute", "scenario",
        "an event attribute after the time that is not a known word (`significant`, `minor`, `deliberate`, `accidental`, ...)",
        "a threshold is decided on the attributes; a misspelt one would leave the trigger undetermined without saying why",
        "treaty t {\n  form treaty\n  status in-force\n  signed 2024-01-12\n  party US guarantor\n  party UA beneficiary\n  party RU adversary\n  trigger armed-attack by RU against UA threshold significant {\n    consult US, UA within 24 hours\n  }\n}\nscenario typo {\n  event armed-attack by RU against UA at 2027-03-01T06:00Z signficant\n}\n",
        "use the suggested word; the attributes are listed in docs/scenarios.md"),
    rule(scenario_codes::UNKNOWN_EVENT, "unknown-event", "scenario",
        "an event word that is neither a trigger kind nor an event any treaty of the run names (in `activation on`, `from`, `void if`, `reinstate ... on`, `duration until` or `review on`)",
        "a misspelt event would never activate or void anything, and the run would silently say the guarantee never applied",
        "treaty t {\n  form treaty\n  status in-force\n  signed 2024-01-12\n  activation on ceasefire-in-force\n  party UK guarantor\n  party UA beneficiary\n  trigger armed-attack against UA {\n    consult UK, UA within 24 hours\n  }\n}\nscenario typo {\n  event ceasefire-in-forse at 2027-03-01T06:00Z\n}\n",
        "use the suggested word: an event the treaty names, or a trigger kind such as `armed-attack`"),
];

/// Every rule: the syntax, model, config and tier rules, then gaps in element order,
/// then the drafting lints.
pub fn all() -> Vec<RuleInfo> {
    rules().to_vec()
}

/// The registry, built once: every diagnostic looks its rule up.
fn rules() -> &'static [RuleInfo] {
    static RULES: std::sync::OnceLock<Vec<RuleInfo>> = std::sync::OnceLock::new();
    RULES.get_or_init(build)
}

fn build() -> Vec<RuleInfo> {
    let mut rules: Vec<RuleInfo> = ERRORS.to_vec();
    for element in ELEMENTS {
        for gap in element.rules {
            rules.push(RuleInfo {
                code: gap.code,
                name: gap.name,
                severity: Severity::Warning,
                family: "gap",
                summary: gap.summary,
                why: gap.why,
                example: gap.example,
                fix: gap.fix,
            });
        }
    }
    for lint in lints::all() {
        rules.push(RuleInfo {
            code: lint.code,
            name: lint.name,
            severity: lint.severity,
            family: "lint",
            summary: lint.summary,
            why: lint.why,
            example: lint.example,
            fix: lint.fix,
        });
    }
    rules
}

/// Find a rule by code or by name.
pub fn lookup(code_or_name: &str) -> Option<RuleInfo> {
    use std::collections::HashMap;
    // Codes match in any case, names exactly. FxHash: every diagnostic a language
    // server publishes looks its rule up, and the keys are the registry's own.
    static INDEX: std::sync::OnceLock<HashMap<String, usize, rustc_hash::FxBuildHasher>> =
        std::sync::OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index = HashMap::default();
        for (i, rule) in rules().iter().enumerate() {
            index.insert(rule.code.to_ascii_uppercase(), i);
            index.insert(rule.name.to_string(), i);
        }
        index
    });
    index
        .get(code_or_name)
        .or_else(|| index.get(&code_or_name.to_ascii_uppercase()))
        .map(|&i| rules()[i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let rules = all();
        for (i, a) in rules.iter().enumerate() {
            for b in &rules[i + 1..] {
                assert_ne!(a.code, b.code, "duplicate code");
                assert_ne!(a.name, b.name, "duplicate name");
            }
        }
    }

    #[test]
    fn names_are_kebab_case() {
        for rule in all() {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{} is not kebab-case",
                rule.name
            );
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        assert_eq!(lookup("NOT_BINDING").unwrap().name, "not-binding");
        assert_eq!(lookup("unknown-party").unwrap().code, "E101");
        assert!(lookup("nonsense").is_none());
    }
}
