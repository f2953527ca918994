//! The incremental check (`analysis::incremental`, issue 16 item 6) gives what a check
//! from scratch gives: random edits, seeded, on bundled treaties, on a scenario file and
//! on one file of every bundled treaty; after each edit the incremental result (report,
//! model and syntax tree: everything the language server's features read) is compared
//! with `analysis::check_keeping_model` of the same text.

use treaty::analysis::{self, incremental::Incremental, Settings};
use treaty::source::SourceFile;

/// xorshift64*: a seeded sequence, so a failure names the seed that reproduces it.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text typed or pasted: characters that open and close blocks and strings, whole
/// clauses, a second definition of a name, a suppression, a reference, a scenario.
const SNIPPETS: &[&str] = &[
    " ",
    "\n",
    "x",
    "-",
    "}",
    "{",
    "\"",
    "é",
    "// treaty: allow(L006)\n",
    "// treaty: allow-file(G001)\n",
    "  party UK \"United Kingdom\" guarantor\n",
    "  provide UK -> UA training\n",
    "  provide UK -> UA training\n  provide UK -> UA training\n",
    "  trigger armed-attack against UA {\n    consult UK, UA within 3 days\n  }\n",
    "\ntreaty duplicate {\n  form treaty\n  status in-force\n}\n",
    "\ntreaty anzus_1951 {\n  form treaty\n}\n",
    "  mirror anzus_1951\n",
    "  trigger armed-attack in scope-of anzus_1951 {\n    consult UK, UA\n  }\n",
    "\nscenario typed {\n  treaty duplicate\n  event armed-attack against UA at 2027-01-01T00:00Z\n  expect no assist\n}\n",
    "treaty ",
    "status",
];

fn boundary(text: &str, random: &mut Random) -> usize {
    let mut at = random.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// One random edit, as an editor would send it: a replacement of a range.
fn edit(text: &mut String, random: &mut Random) {
    let start = boundary(text, random);
    match random.below(5) {
        // Typing or pasting.
        0 | 1 => {
            let snippet = SNIPPETS[random.below(SNIPPETS.len())];
            text.insert_str(start, snippet);
        }
        // Deleting a few characters.
        2 => {
            let mut end = (start + 1 + random.below(40)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, "");
        }
        // Duplicating a line (a clause, or a treaty's header).
        3 => {
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[start..]
                .find('\n')
                .map_or(text.len(), |i| start + i + 1);
            let line = text[line_start..line_end].to_string();
            text.insert_str(line_end, &line);
        }
        // Renaming a treaty to the name of another (E108), or retyping a word.
        _ => {
            let headers: Vec<usize> = text
                .match_indices("\ntreaty ")
                .map(|(i, _)| i + 8)
                .collect();
            if headers.len() >= 2 {
                let from = headers[random.below(headers.len())];
                let to = headers[random.below(headers.len())];
                let name = |at: usize| {
                    let end = text[at..]
                        .find(|c: char| c.is_whitespace() || c == '{')
                        .map_or(text.len(), |i| at + i);
                    at..end
                };
                let taken = text[name(from)].to_string();
                let range = name(to);
                text.replace_range(range, &taken);
            } else {
                text.insert(start, 'q');
            }
        }
    }
}

/// Everything a check hands back, written out: diagnostics with their labels, help and
/// fixes, each treaty's report, the model, the tree and the line index.
fn everything(
    result: &(
        analysis::FileReport,
        treaty::model::Model,
        treaty::syntax::ast::File,
    ),
) -> String {
    let (report, model, syntax) = result;
    format!(
        "{:#?}\n{:#?}\n{}\n{:#?}\n{:#?}\n{:#?}",
        report.diagnostics, report.treaties, report.baseline, report.source, model, syntax
    )
}

fn settings() -> Settings {
    Settings {
        // A fixed day, so a lint about dates says the same in both checks.
        today: treaty::model::Date::parse("2026-06-01").expect("a date"),
        ..Settings::default()
    }
}

/// `steps` random edits to `original` (back to the original every `reset` edits), each
/// checked both ways; returns how many pieces were reused and how many treaties' rules'
/// results, to show it was incremental.
fn run(path: &str, original: &str, seed: u64, steps: usize, reset: usize) -> (usize, usize) {
    let settings = settings();
    let mut random = Random(seed);
    let mut incremental = Incremental::new();
    let mut text = original.to_string();
    let mut reused = 0;
    let mut assessments_reused = 0;
    for step in 0..steps {
        if step % reset == 0 {
            text = original.to_string();
        } else {
            edit(&mut text, &mut random);
        }
        let fast = incremental.check(SourceFile::new(path, text.clone()), &settings);
        reused += incremental.reuse().reused;
        assessments_reused += incremental.reuse().assessments_reused;
        let full = analysis::check_keeping_model(SourceFile::new(path, text.clone()), &settings);
        // The server's check (which assesses many treaties on every core) reports what
        // `treaty check` reports, a piece at a time on one thread.
        let streamed = analysis::check(SourceFile::new(path, text.clone()), &settings);
        assert_eq!(
            format!("{:?}\n{:?}", streamed.diagnostics, streamed.treaties),
            format!("{:?}\n{:?}", full.0.diagnostics, full.0.treaties),
            "`check` and the server's check differ (seed {seed}, step {step})"
        );
        assert_eq!(
            fast.2, full.2,
            "the trees differ (seed {seed}, step {step})"
        );
        let (fast, full) = (everything(&fast), everything(&full));
        if fast != full {
            let line = fast
                .lines()
                .zip(full.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            panic!(
                "seed {seed}, step {step}: the incremental check differs from a full one at \
                 line {line} of the dump:\n incremental: {:?}\n full:        {:?}\ntext:\n{text}",
                fast.lines().nth(line),
                full.lines().nth(line),
            );
        }
    }
    (reused, assessments_reused)
}

fn bundled(name: &str) -> (String, String) {
    let path = format!("{}/treaties/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("a bundled file");
    (path, text)
}

#[test]
fn random_edits_to_bundled_treaties_check_as_from_scratch() {
    for (seed, name) in [
        (1, "north-atlantic-1949.treaty"),
        (2, "uk-ukraine-2024.treaty"),
        (3, "paris-declaration-2026.treaty"),
        (4, "scenarios/anzus.treaty"),
    ] {
        let (path, text) = bundled(name);
        run(&path, &text, seed, 40, 10);
    }
}

/// One file of every bundled treaty and a scenario: many pieces, most reused, while the
/// edits add duplicate names, references between treaties and suppressions.
#[test]
fn random_edits_to_a_file_of_many_treaties_check_as_from_scratch() {
    let folder = format!("{}/treaties", env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(&folder)
        .expect("the bundled treaties")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "treaty"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for path in &paths {
        text.push_str(&std::fs::read_to_string(path).expect("a bundled treaty"));
        text.push('\n');
    }
    text.push_str(
        &std::fs::read_to_string(format!("{folder}/scenarios/anzus.treaty")).expect("scenarios"),
    );
    let path = format!("{folder}/all.treaty");
    for seed in [11, 12, 13] {
        let (reused, assessments_reused) = run(&path, &text, seed, 30, 15);
        assert!(
            reused > 100,
            "seed {seed}: only {reused} pieces were reused"
        );
        // Most treaties take nothing by reference: their rules' results are kept too.
        assert!(
            assessments_reused > 100,
            "seed {seed}: only {assessments_reused} treaties' results were reused"
        );
    }
}

/// The rules' results kept with a piece hold only under the settings they were had
/// under: a new minimum tier, baseline or date gives what a check from scratch gives.
#[test]
fn results_kept_from_other_settings_are_not_reused() {
    let (path, text) = bundled("uk-ukraine-2024.treaty");
    let mut incremental = Incremental::new();
    let first = settings();
    incremental.check(SourceFile::new(&path, text.clone()), &first);
    let again = incremental.check(SourceFile::new(&path, text.clone()), &first);
    assert!(incremental.reuse().assessments_reused > 0);
    let below_min_tier = |report: &analysis::FileReport| {
        report
            .diagnostics
            .iter()
            .filter(|d| d.code == "T001")
            .count()
    };
    assert_eq!(below_min_tier(&again.0), 0);
    let stricter = Settings {
        min_tier: Some(treaty::rules::Tier::Hard),
        ..settings()
    };
    let later = Settings {
        today: treaty::model::Date::parse("2040-01-01").expect("a date"),
        ..settings()
    };
    for (changed, below) in [(stricter, 1), (later, 0)] {
        let fast = incremental.check(SourceFile::new(&path, text.clone()), &changed);
        assert_eq!(incremental.reuse().assessments_reused, 0);
        assert_eq!(below_min_tier(&fast.0), below);
        let full = analysis::check_keeping_model(SourceFile::new(&path, text.clone()), &changed);
        assert_eq!(everything(&fast), everything(&full));
    }
}
