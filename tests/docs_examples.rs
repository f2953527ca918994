//! The examples in docs/scenarios.md, docs/compare.md and docs/configuration.md are run
//! against the binary:
//! - an output block preceded by `<!-- run: ARGS -->` (or `<!-- run in DIR: ARGS -->`,
//!   DIR relative to the repository; `(exit N)` at the end names the exit code) must
//!   appear, line for line and in order, in what `treaty ARGS` prints there (stdout,
//!   then stderr): the docs may show an excerpt, never a line the binary does not print;
//! - a command block (```sh) is run line by line (joined at `\`), each must exit 0 or 1
//!   (0 and 1 are verdicts, 2 is unusable input);
//! - a ```toml block under a `<!-- config in DIR -->` is a valid `treaty.toml` there;
//! - a ```treaty block checks with no error.

mod common;

use common::{code, repo, stderr, stdout, treaty};

/// A fenced block: the comment line just above it (if any), its language and body.
struct Block {
    line: usize,
    comment: Option<String>,
    language: String,
    body: String,
}

fn blocks(doc: &str) -> Vec<Block> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if let Some(language) = lines[i].strip_prefix("```") {
            let start = i;
            let mut body = Vec::new();
            i += 1;
            while i < lines.len() && lines[i] != "```" {
                body.push(lines[i]);
                i += 1;
            }
            let comment = start
                .checked_sub(1)
                .map(|c| lines[c].trim())
                .and_then(|c| c.strip_prefix("<!--"))
                .and_then(|c| c.strip_suffix("-->"))
                .map(|c| c.trim().to_string());
            out.push(Block {
                line: start + 1,
                comment,
                language: language.to_string(),
                body: body.join("\n"),
            });
        }
        i += 1;
    }
    out
}

/// Words of a command line, with "double quotes" grouping.
fn words(command: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in command.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    out.push(std::mem::take(&mut current));
                    any = false;
                }
            }
            c => {
                current.push(c);
                any = true;
            }
        }
    }
    if any {
        out.push(current);
    }
    out
}

/// `needle`'s lines appear in `haystack`, in order and next to each other.
fn contains_lines(haystack: &str, needle: &str) -> bool {
    let hay: Vec<&str> = haystack.lines().map(str::trim_end).collect();
    let want: Vec<&str> = needle.lines().map(str::trim_end).collect();
    want.is_empty() || hay.windows(want.len()).any(|w| w == want.as_slice())
}

/// Runs every example of one document; returns how many were checked.
fn run_examples(doc_name: &str) -> usize {
    let doc = std::fs::read_to_string(repo().join("docs").join(doc_name)).unwrap();
    let mut checked = 0;
    let mut failures = Vec::new();
    for block in blocks(&doc) {
        let at = format!("docs/{doc_name}:{}", block.line);
        match (&block.comment, block.language.as_str()) {
            (Some(comment), _) if comment.starts_with("run") => {
                let (dir, args) = match comment.strip_prefix("run in ") {
                    Some(rest) => {
                        let (dir, args) = rest.split_once(':').expect("run in DIR: ARGS");
                        (repo().join(dir.trim()), args.trim())
                    }
                    None => (
                        repo().to_path_buf(),
                        comment.strip_prefix("run:").expect("run: ARGS").trim(),
                    ),
                };
                let (args, exit) = match args.rsplit_once("(exit ") {
                    Some((args, n)) => (args.trim(), n.trim_end_matches(')').parse().ok()),
                    None => (args, Some(0)),
                };
                let args = words(args);
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                // A fixture folder is run from a copy, where a `NAME.broken` file becomes
                // `NAME`: a broken treaty.toml kept under its real name would break
                // `treaty check` at the repository's root.
                let has_broken = std::fs::read_dir(&dir)
                    .unwrap()
                    .any(|e| e.unwrap().path().extension().is_some_and(|x| x == "broken"));
                let copy = tempfile::tempdir().unwrap();
                let dir = if has_broken {
                    copy_dir(&dir, copy.path());
                    for entry in std::fs::read_dir(copy.path()).unwrap() {
                        let path = entry.unwrap().path();
                        if let Some(name) = path.to_str().and_then(|p| p.strip_suffix(".broken")) {
                            std::fs::rename(&path, name).unwrap();
                        }
                    }
                    copy.path().to_path_buf()
                } else {
                    dir
                };
                let output = treaty(&args, &dir);
                let printed = format!("{}\n{}", stdout(&output), stderr(&output));
                if exit.is_some_and(|e: i32| e != code(&output)) {
                    failures.push(format!(
                        "{at}: `treaty {}` exited {}, the docs say {exit:?}\n{printed}",
                        args.join(" "),
                        code(&output)
                    ));
                } else if !contains_lines(&printed, &block.body) {
                    failures.push(format!(
                        "{at}: `treaty {}` does not print what the docs show.\n--- docs:\n{}\n--- printed:\n{printed}",
                        args.join(" "),
                        block.body
                    ));
                }
                checked += 1;
            }
            (comment, "toml") => {
                let Some(project) = comment
                    .as_deref()
                    .and_then(|c| c.strip_prefix("config in "))
                else {
                    continue;
                };
                // The example's treaty.toml over a copy of the project it is written for.
                let dir = tempfile::tempdir().unwrap();
                copy_dir(&repo().join(project.trim()), dir.path());
                std::fs::write(dir.path().join("treaty.toml"), &block.body).unwrap();
                let output = treaty(&["check", "."], dir.path());
                if code(&output) == 2 {
                    failures.push(format!(
                        "{at}: the treaty.toml example is not usable:\n{}",
                        stderr(&output)
                    ));
                }
                checked += 1;
            }
            (_, "sh") => {
                for command in block.body.replace("\\\n", " ").lines() {
                    let command = command.trim();
                    let Some(args) = command.strip_prefix("treaty ") else {
                        continue;
                    };
                    let args = words(args);
                    let args: Vec<&str> = args.iter().map(String::as_str).collect();
                    let output = treaty(&args, repo());
                    if !matches!(code(&output), 0 | 1) {
                        failures.push(format!(
                            "{at}: `{command}` exited {}:\n{}",
                            code(&output),
                            stderr(&output)
                        ));
                    }
                    checked += 1;
                }
            }
            (_, "treaty") => {
                let dir = tempfile::tempdir().unwrap();
                std::fs::write(dir.path().join("example.treaty"), &block.body).unwrap();
                let output = treaty(&["check", "example.treaty"], dir.path());
                if code(&output) == 2 || stdout(&output).contains("× ") {
                    failures.push(format!(
                        "{at}: the example has errors:\n{}",
                        stdout(&output)
                    ));
                }
                checked += 1;
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    checked
}

/// Copies the files (not folders) of `from` into `to`, leaving `to`'s treaty.toml.
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != "treaty.toml" {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn scenarios_doc_examples_run_as_shown() {
    assert!(run_examples("scenarios.md") >= 6);
}

#[test]
fn compare_doc_examples_run_as_shown() {
    assert!(run_examples("compare.md") >= 3);
}

#[test]
fn configuration_doc_examples_run_as_shown() {
    assert!(run_examples("configuration.md") >= 3);
}

/// README.md's first commands and its example: the `$ treaty ...` block prints what it
/// shows (after its `...`), and the excerpt of the bundled treaty is the file's text,
/// clause for clause (an elided title aside).
#[test]
fn readme_commands_and_excerpt_are_real() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let all = blocks(&readme);
    // The first block: install, run, test; the run command works on the bundled corpus.
    let first = &all[0];
    assert_eq!(first.language, "sh");
    let commands: Vec<&str> = first
        .body
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(
        commands,
        [
            "cargo install --path . --locked",
            "treaty check treaties/",
            "cargo test --release --locked"
        ]
    );
    let run = treaty(&["check", "treaties/"], repo());
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    // The shown session.
    let session = all
        .iter()
        .find(|b| b.body.starts_with("$ treaty check "))
        .expect("README shows a `$ treaty check` session");
    let mut lines = session.body.lines();
    let command = lines.next().unwrap().strip_prefix("$ treaty ").unwrap();
    let args = words(command);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let shown: Vec<&str> = lines.skip_while(|l| *l == "...").collect();
    let output = treaty(&args, repo());
    assert!(
        contains_lines(&stdout(&output), &shown.join("\n")),
        "README's `$ treaty {command}` drifted:\n--- README:\n{}\n--- printed:\n{}",
        shown.join("\n"),
        stdout(&output)
    );
    // The excerpt: every line begins a line of the file (a `source` quote may follow).
    let excerpt = all
        .iter()
        .find(|b| b.body.starts_with("// treaties/"))
        .expect("README shows an excerpt of a bundled treaty");
    let path = excerpt.body.lines().next().unwrap()[3..]
        .split(' ')
        .next()
        .unwrap();
    let file = std::fs::read_to_string(repo().join(path)).unwrap();
    let normalise = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
    let file_lines: Vec<String> = file.lines().map(normalise).collect();
    for line in excerpt.body.lines().skip(1).map(normalise) {
        if line.is_empty() || line.contains("...") {
            continue;
        }
        assert!(
            file_lines
                .iter()
                .any(|f| f == &line || f.starts_with(&format!("{line} "))),
            "README's excerpt line `{line}` is not in {path}"
        );
    }
}
