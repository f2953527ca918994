//! `docs/tutorial.md` is run: every ```treaty snippet is checked, and the ```output block
//! after it must be exactly the verdict `treaty check` prints for it (the per-treaty
//! lines of the human output: tier, reasons, gap codes, the next-tier path).

use treaty::analysis::Settings;
use treaty::diagnostics::Severity;
use treaty::output::human::HumanStyle;
use treaty::source::SourceFile;

/// Fenced blocks in order, as (fence, body).
fn fenced(doc: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut lines = doc.lines();
    while let Some(line) = lines.next() {
        if let Some(fence) = line.strip_prefix("```").filter(|f| !f.is_empty()) {
            let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
            blocks.push((fence.to_string(), body.join("\n") + "\n"));
        }
    }
    blocks
}

/// What the tutorial shows for a snippet.
fn summary(text: &str) -> String {
    let settings = Settings::default();
    // What `treaty check` gives, with the path to the next tier.
    let report = treaty::uplift::check(SourceFile::new("tutorial.treaty", text), &settings);
    let errors: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{text}");
    let reports = [report];
    let human = treaty::cli::check::render_human(&reports, HumanStyle::plain());
    // The verdict: from the treaty's line to the blank line before the summary.
    human
        .lines()
        .skip_while(|l| !l.starts_with("g7_support:"))
        .take_while(|l| !l.is_empty())
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn every_step_of_the_tutorial_shows_the_checkers_real_output() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/tutorial.md")).unwrap();
    let blocks = fenced(&doc);
    let mut steps = 0;
    for pair in blocks.windows(2) {
        if let [(first, snippet), (second, shown)] = pair {
            if first == "treaty" {
                assert_eq!(second, "output", "a snippet is followed by its output");
                assert_eq!(&summary(snippet), shown, "output drifted for:\n{snippet}");
                steps += 1;
            }
        }
    }
    assert_eq!(steps, 4);
}

#[test]
fn the_tutorial_climbs_from_soft_to_hard() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/tutorial.md")).unwrap();
    let tiers: Vec<String> = fenced(&doc)
        .into_iter()
        .filter(|(fence, _)| fence == "output")
        .map(|(_, body)| body.split([',', ':']).nth(1).unwrap().trim().to_string())
        .collect();
    assert_eq!(tiers, ["soft", "intermediate", "hard", "hard"]);
}
