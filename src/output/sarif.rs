//! The SARIF 2.1.0 output of `treaty check --format sarif`, for code-scanning services
//! (GitHub code scanning, Azure DevOps, IDE SARIF viewers). `docs/output-formats.md`
//! describes what goes where; `tests/sarif.rs` validates the output against the OASIS
//! schema.
//!
//! The log is built from the plain serde structs below rather than with a SARIF crate:
//! the one of note (`serde-sarif`) generates its types from the whole schema and brings
//! a builder and enum crates with it, while this output uses a dozen objects of the
//! format. Structs that list exactly the fields written keep the output easy to read in
//! review and cost no dependency.
//!
//! Choices the format leaves open:
//! - Columns are counted in UTF-16 code units, SARIF's default `columnKind`, which is
//!   also what GitHub and editors use; the run says so explicitly. (The other outputs
//!   count characters; the two differ only after a character outside the Basic
//!   Multilingual Plane, such as an emoji.)
//! - SARIF has no per-result help: the diagnostic's help is appended to the message
//!   text on its own line (`help: ...`) and also kept in the result's property bag.
//! - The first label is the result's location (its message is the location's); the
//!   other labels are `relatedLocations`. A diagnostic without a label (a file that
//!   could not be read) gets a location naming the artifact only.
//! - Tiers, which are per treaty rather than per finding, go in the run's property bag.

use std::collections::HashMap;

use serde::Serialize;

use super::json::Summary;
use crate::analysis::FileReport;
use crate::diagnostics::{Diagnostic, Label, Severity};
use crate::rules::registry::{self, RuleInfo};
use crate::source::{clamp_to_char_boundary, SourceFile, Span};

/// Where the schema of the log lives; the OASIS schema is published there too.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
pub const SARIF_VERSION: &str = "2.1.0";
/// How columns are counted, see the module documentation.
pub const COLUMN_KIND: &str = "utf16CodeUnits";

#[derive(Debug, Serialize)]
pub struct Log<'a> {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run<'a>>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run<'a> {
    pub tool: Tool,
    pub artifacts: Vec<Artifact>,
    pub results: Results<'a>,
    pub column_kind: &'static str,
    pub properties: RunProperties,
}

#[derive(Debug, Serialize)]
pub struct Tool {
    pub driver: Driver,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub rules: Vec<ReportingDescriptor>,
}

/// One rule of the registry.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReportingDescriptor {
    pub id: &'static str,
    pub name: &'static str,
    pub short_description: Message,
    pub full_description: Message,
    pub help: MultiformatMessage,
    pub default_configuration: Configuration,
    pub properties: RuleProperties,
}

#[derive(Debug, Serialize)]
pub struct Message {
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct MultiformatMessage {
    pub text: String,
    pub markdown: String,
}

#[derive(Debug, Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Debug, Serialize)]
pub struct RuleProperties {
    /// `syntax`, `model` or `gap`.
    pub family: &'static str,
    /// The family again, where code-scanning services look for a rule's tags.
    pub tags: Vec<&'static str>,
}

/// One checked file.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Artifact {
    pub location: ArtifactLocation,
    /// In bytes; absent for a file that was not read (or is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub length: Option<usize>,
    pub roles: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArtifactLocation {
    pub uri: String,
    /// Index in `run.artifacts`.
    pub index: usize,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult {
    pub rule_id: &'static str,
    /// Index in `tool.driver.rules`; absent only for a code missing from the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
    pub level: &'static str,
    pub message: Message,
    pub locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    #[serde(skip_serializing_if = "ResultProperties::is_empty")]
    pub properties: ResultProperties,
}

#[derive(Debug, Serialize)]
pub struct ResultProperties {
    /// The diagnostic's help, also appended to the message text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl ResultProperties {
    fn is_empty(&self) -> bool {
        self.help.is_none()
    }
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Set on related locations, which a message may refer to by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Message>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

/// A text region: 1-based lines and columns, the end column exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// The did-you-mean replacement of a diagnostic, as a fix editors can apply.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Fix {
    pub description: Message,
    pub artifact_changes: Vec<ArtifactChange>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactChange {
    pub artifact_location: ArtifactLocation,
    pub replacements: Vec<Replacement>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replacement {
    pub deleted_region: Region,
    pub inserted_content: ArtifactContent,
}

#[derive(Debug, Serialize)]
pub struct ArtifactContent {
    pub text: String,
}

/// What the run found per treaty, for CI scripts (`jq '.runs[0].properties.treaties'`).
#[derive(Debug, Serialize)]
pub struct RunProperties {
    pub baseline: String,
    pub treaties: Vec<TreatyProperties>,
    pub summary: Summary,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TreatyProperties {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The file, as in its artifact's `uri`.
    pub uri: String,
    pub artifact_index: usize,
    pub tier: &'static str,
    pub tier_reasons: Vec<String>,
    /// The codes of the treaty's gaps against the baseline.
    pub gaps: Vec<&'static str>,
    /// `provisional: 1 clause unreadable (line 22)` when a clause could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisional: Option<String>,
}

/// The SARIF level of a severity.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Advice => "note",
    }
}

/// One result per diagnostic, made as they are serialised: the results of a large file
/// are never all in memory at once.
pub struct Results<'a> {
    reports: &'a [FileReport],
    /// Each report's artifact.
    locations: Vec<ArtifactLocation>,
    rule_index: HashMap<&'static str, usize>,
}

impl Results<'_> {
    /// Every result, in order.
    fn iter(&self) -> impl Iterator<Item = SarifResult> + '_ {
        self.reports
            .iter()
            .zip(&self.locations)
            .flat_map(move |(report, location)| {
                report.diagnostics.iter().map(move |diagnostic| {
                    result(
                        diagnostic,
                        &report.source,
                        location,
                        self.rule_index.get(diagnostic.code).copied(),
                    )
                })
            })
    }
}

impl Serialize for Results<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl std::fmt::Debug for Results<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Results { .. }")
    }
}

/// The whole log for one `treaty check`: one run, every rule, one result per
/// diagnostic.
pub fn log<'a>(reports: &'a [FileReport], baseline: &str) -> Log<'a> {
    let rules = registry::all();
    let rule_index: HashMap<&'static str, usize> = rules
        .iter()
        .enumerate()
        .map(|(index, rule)| (rule.code, index))
        .collect();

    let mut artifacts = Vec::with_capacity(reports.len());
    let mut locations = Vec::with_capacity(reports.len());
    let mut treaties = Vec::new();
    // A file named twice on the command line (`a.treaty ./a.treaty`) is checked twice,
    // as in the other formats, but is one artifact.
    let mut artifact_index: HashMap<String, usize> = HashMap::new();
    for report in reports {
        let uri = uri(&report.source.path);
        let index = match artifact_index.get(&uri) {
            Some(&index) => index,
            None => {
                let index = artifacts.len();
                artifact_index.insert(uri.clone(), index);
                // A rejected file (binary, too large) has no text, so no length to give.
                let text = &report.source.text;
                artifacts.push(Artifact {
                    location: ArtifactLocation {
                        uri: uri.clone(),
                        index,
                    },
                    length: (!text.is_empty()).then_some(text.len()),
                    roles: vec!["analysisTarget"],
                });
                index
            }
        };
        let location = ArtifactLocation { uri, index };
        for treaty in &report.treaties {
            treaties.push(TreatyProperties {
                id: treaty.id.clone(),
                title: treaty.title.clone(),
                uri: location.uri.clone(),
                artifact_index: index,
                tier: treaty.tier.tier.as_str(),
                tier_reasons: treaty
                    .tier
                    .reasons
                    .iter()
                    .map(|r| super::json::reason_text(&report.source, &r.text, r.span))
                    .collect(),
                gaps: treaty.gaps.iter().map(|g| g.code).collect(),
                provisional: super::json::provisional_text(&report.source, treaty),
            });
        }
        locations.push(location);
    }

    Log {
        schema: SCHEMA_URI,
        version: SARIF_VERSION,
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "treaty",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rules.iter().map(descriptor).collect(),
                },
            },
            artifacts,
            results: Results {
                reports,
                locations,
                rule_index,
            },
            column_kind: COLUMN_KIND,
            properties: RunProperties {
                baseline: baseline.to_string(),
                treaties,
                summary: Summary::of(reports),
            },
        }],
    }
}

fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    ReportingDescriptor {
        id: rule.code,
        name: rule.name,
        short_description: Message {
            text: sentence(rule.summary),
        },
        full_description: Message {
            text: sentence(rule.why),
        },
        help: MultiformatMessage {
            text: sentence(rule.fix),
            markdown: format!(
                "**What it checks.** {}\n\n**Why it matters.** {}\n\n**How to fix it.** {}",
                sentence(rule.summary),
                sentence(rule.why),
                sentence(rule.fix)
            ),
        },
        default_configuration: Configuration {
            level: level(rule.severity),
        },
        properties: RuleProperties {
            family: rule.family,
            tags: vec![rule.family],
        },
    }
}

/// Registry texts are lower-case fragments; SARIF descriptions are sentences.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => return String::new(),
    };
    if !out.ends_with(['.', '!', '?']) {
        out.push('.');
    }
    out
}

fn result(
    diagnostic: &Diagnostic,
    source: &SourceFile,
    artifact: &ArtifactLocation,
    rule_index: Option<usize>,
) -> SarifResult {
    let mut text = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        text.push_str("\nhelp: ");
        text.push_str(help);
    }
    let location = |label: &Label, id: Option<usize>| Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact.clone(),
            region: Some(region(source, label.span)),
        },
        message: (!label.message.is_empty()).then(|| Message {
            text: label.message.to_string(),
        }),
    };
    let locations = match diagnostic.labels.first() {
        Some(primary) => vec![location(primary, None)],
        None => vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact.clone(),
                region: None,
            },
            message: None,
        }],
    };
    let related_locations = diagnostic
        .labels
        .iter()
        .skip(1)
        .enumerate()
        .map(|(id, label)| location(label, Some(id + 1)))
        .collect();
    let fixes = match (&diagnostic.suggestion, diagnostic.primary_span()) {
        (Some(replacement), Some(span)) => vec![Fix {
            description: Message {
                text: format!("replace with `{replacement}`"),
            },
            artifact_changes: vec![ArtifactChange {
                artifact_location: artifact.clone(),
                replacements: vec![Replacement {
                    deleted_region: region(source, span),
                    inserted_content: ArtifactContent {
                        text: replacement.clone(),
                    },
                }],
            }],
        }],
        _ => Vec::new(),
    };
    SarifResult {
        rule_id: diagnostic.code,
        rule_index,
        level: level(diagnostic.severity),
        message: Message { text },
        locations,
        related_locations,
        fixes,
        properties: ResultProperties {
            help: diagnostic.help.as_deref().map(str::to_string),
        },
    }
}

/// The region of a byte span, columns in UTF-16 code units.
pub fn region(source: &SourceFile, span: Span) -> Region {
    let (start_line, start_column) = utf16_line_col(source, span.start);
    let (end_line, end_column) = utf16_line_col(source, span.end.max(span.start));
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

/// 1-based line and 1-based column, in UTF-16 code units, of a byte offset.
fn utf16_line_col(source: &SourceFile, offset: usize) -> (usize, usize) {
    let offset = clamp_to_char_boundary(&source.text, offset);
    let line = source.lines.line_of(offset);
    let start = source.lines.line_start(line);
    let units: usize = source.text[start..offset]
        .chars()
        .map(char::len_utf16)
        .sum();
    (line + 1, units + 1)
}

/// A file's path as shown to the user, as a URI reference: forward slashes, no leading
/// `./`, every byte outside RFC 3986's unreserved characters and `/` percent-encoded.
/// A relative path stays relative (code scanning resolves it against the repository
/// root); an absolute one becomes a `file:` URI.
pub fn uri(path: &str) -> String {
    let mut path = path.replace('\\', "/");
    while let Some(rest) = path.strip_prefix("./") {
        path = rest.trim_start_matches('/').to_string();
    }
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/';
    if drive {
        // `C:/dir/a.treaty`: the drive's colon stays as it is.
        format!("file:///{}:{}", &path[..1], encode(&path[2..]))
    } else if path.starts_with('/') {
        format!("file://{}", encode(&path))
    } else {
        encode(&path)
    }
}

fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for &byte in path.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_relative_forward_slashed_and_percent_encoded() {
        assert_eq!(uri("treaties/a.treaty"), "treaties/a.treaty");
        assert_eq!(uri("./a.treaty"), "a.treaty");
        assert_eq!(uri(".//x/./a.treaty"), "x/./a.treaty");
        assert_eq!(uri("dir\\a b.treaty"), "dir/a%20b.treaty");
        assert_eq!(uri("100%#?:.treaty"), "100%25%23%3F%3A.treaty");
        assert_eq!(
            uri("Україна.treaty"),
            "%D0%A3%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0.treaty"
        );
        assert_eq!(uri("/tmp/a b.treaty"), "file:///tmp/a%20b.treaty");
        assert_eq!(uri("C:\\dir\\a.treaty"), "file:///C:/dir/a.treaty");
        assert_eq!(uri("../up.treaty"), "../up.treaty");
    }

    #[test]
    fn columns_count_utf16_code_units() {
        let source = SourceFile::new("a.treaty", "ab\nУкраїна x\n😀 y\n");
        let x = source.text.find('x').unwrap();
        let y = source.text.find('y').unwrap();
        assert_eq!(utf16_line_col(&source, 0), (1, 1));
        assert_eq!(utf16_line_col(&source, x), (2, 9));
        // The emoji is one character but two UTF-16 code units.
        assert_eq!(utf16_line_col(&source, y), (3, 4));
        assert_eq!(source.line_col(y), (3, 3));
        assert_eq!(
            region(&source, Span::new(x, x + 1)),
            Region {
                start_line: 2,
                start_column: 9,
                end_line: 2,
                end_column: 10
            }
        );
    }

    #[test]
    fn levels_and_sentences() {
        assert_eq!(level(Severity::Advice), "note");
        assert_eq!(sentence("add the missing `}`"), "Add the missing `}`.");
        assert_eq!(sentence("done."), "Done.");
        assert_eq!(sentence(""), "");
    }
}
