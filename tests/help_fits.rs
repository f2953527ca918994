//! Gap help fits the file it is given for: on every bundled treaty, each gap's help
//! names only parties the file declares (no placeholder, no example code from the
//! docs), and the clause it quotes, put into a copy of the file, parses and closes
//! that gap.

use std::collections::BTreeSet;
use std::path::Path;

use treaty::analysis::{bundled_baseline, model_of};
use treaty::diagnostics::Severity;
use treaty::model::Treaty;
use treaty::rules::gaps::fix::{self, Edit};
use treaty::rules::{self, Baseline};

fn bundled() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("treaties");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("treaties/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "treaty"))
        .collect();
    files.sort();
    assert!(files.len() >= 20, "the bundled corpus is missing");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("readable"))
        })
        .collect()
}

/// The words of a help line written like party codes: two or more capitals.
fn code_like_words(help: &str) -> Vec<&str> {
    help.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()))
        .collect()
}

/// The matching closing brace of the block that opens at the first `{` after `from`.
fn block_end(text: &str, from: usize) -> usize {
    let open = from + text[from..].find('{').expect("a block");
    let mut depth = 0usize;
    let mut in_string = false;
    for (i, c) in text[open..].char_indices() {
        match c {
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    return open + i;
                }
            }
            _ => {}
        }
    }
    panic!("unclosed block")
}

fn indent_of(text: &str, offset: usize) -> String {
    let start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    text[start..]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// `lines`, each indented, inserted on the line of the brace closing the block that
/// opens after `from`.
fn insert_before_close(text: &str, from: usize, lines: &str) -> String {
    let close = block_end(text, from);
    let line_start = text[..close].rfind('\n').map_or(0, |n| n + 1);
    assert!(
        text[line_start..close].trim().is_empty(),
        "the closing brace shares its line"
    );
    let indent = format!("{}  ", indent_of(text, from));
    let block: String = lines.lines().map(|l| format!("{indent}{l}\n")).collect();
    format!("{}{block}{}", &text[..line_start], &text[line_start..])
}

fn apply(text: &str, treaty: &Treaty, edit: &Edit) -> String {
    match edit {
        Edit::Replace(span, new) => {
            format!("{}{new}{}", &text[..span.start], &text[span.end..])
        }
        Edit::Remove(span) => {
            let start = text[..span.start].trim_end_matches([' ', '\t']).len();
            let mut out = format!("{}{}", &text[..start], &text[span.end..]);
            // A line left blank goes too.
            let line_start = out[..start].rfind('\n').map_or(0, |n| n + 1);
            let line_end = out[start..].find('\n').map_or(out.len(), |n| start + n);
            if out[line_start..line_end].trim().is_empty() {
                out.replace_range(line_start..(line_end + 1).min(out.len()), "");
            }
            out
        }
        Edit::AddToTreaty(clause) => insert_before_close(text, treaty.header_span.start, clause),
        Edit::AddToResponse(clause) => {
            let trigger = fix::response_trigger(treaty).expect("a response trigger");
            insert_before_close(text, trigger.span.start, clause)
        }
    }
}

fn gap_codes(text: &str, id: &str, baseline: &Baseline) -> Result<Vec<&'static str>, String> {
    let (model, diagnostics) = model_of(text);
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    if !errors.is_empty() {
        return Err(errors.join("; "));
    }
    let treaty = model
        .treaties
        .iter()
        .find(|t| t.id == id)
        .ok_or("the treaty is gone")?;
    Ok(rules::assess(treaty, baseline)
        .gaps
        .iter()
        .map(|g| g.code)
        .collect())
}

#[test]
fn gap_help_names_the_files_parties_and_its_clause_closes_the_gap() {
    let baseline = bundled_baseline();
    let mut problems = Vec::new();
    let (mut gaps, mut edits) = (0, 0);
    for (name, text) in bundled() {
        let (model, _) = model_of(&text);
        let declared: BTreeSet<&str> = model
            .treaties
            .iter()
            .flat_map(|t| t.parties.iter().map(|p| p.code.as_str()))
            .collect();
        for treaty in &model.treaties {
            for gap in rules::assess(treaty, &baseline).gaps {
                gaps += 1;
                for word in code_like_words(&gap.help) {
                    if !declared.contains(word) {
                        problems.push(format!(
                            "{name} {}: help names `{word}`, not a party of the file: {}",
                            gap.code, gap.help
                        ));
                    }
                }
                let Some(edit) = &gap.edit else { continue };
                edits += 1;
                let fixed = apply(&text, treaty, edit);
                match gap_codes(&fixed, &treaty.id, &baseline) {
                    Err(errors) => problems.push(format!(
                        "{name} {}: the fix `{}` does not check: {errors}",
                        gap.code, gap.help
                    )),
                    Ok(codes) if codes.contains(&gap.code) => problems.push(format!(
                        "{name} {}: the fix `{}` leaves the gap",
                        gap.code, gap.help
                    )),
                    Ok(_) => {}
                }
            }
        }
    }
    assert!(gaps > 100, "only {gaps} gaps in the corpus");
    assert!(
        edits * 2 > gaps,
        "only {edits} of {gaps} gaps come with a clause"
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_example_codes_of_the_docs_do_not_leak_into_help() {
    // A file whose parties are not the docs' UK and UA.
    let text = "treaty t {\n  form political\n  status signed\n  party FR guarantor\n  party MD beneficiary\n  trigger armed-attack against MD {\n    consult FR, MD\n  }\n}\n";
    let (model, _) = model_of(text);
    let report = rules::assess(&model.treaties[0], &bundled_baseline());
    for gap in &report.gaps {
        for word in code_like_words(&gap.help) {
            assert!(["FR", "MD"].contains(&word), "{}: {}", gap.code, gap.help);
        }
    }
    let no_defence = report
        .gaps
        .iter()
        .find(|g| g.code == "NO_MUTUAL_DEFENCE")
        .expect("NO_MUTUAL_DEFENCE");
    assert!(
        no_defence
            .help
            .contains("`assist FR -> attacked with armed-force forthwith`"),
        "{}",
        no_defence.help
    );
}
