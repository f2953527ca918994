//! The command-line habits a new user expects (issue 21): `-` for standard input,
//! directories wherever files are taken, a missing path that is only an error,
//! `--color`, completions and a manual page, searches that honour ignore files and
//! `exclude`, `fmt` that rewrites nothing outside a project, scenario blocks checked
//! by `check`, and `compare`/`diff` reading `treaty.toml` as `check` does.

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{code, repo, stderr, stdout, treaty};

const CLEAN: &str = "treaty t {\n  form treaty\n  status in-force\n  members UK, FR\n  trigger armed-attack against any member {\n    assist each member -> attacked with armed-force forthwith\n  }\n}\n";
const BROKEN: &str = "treaty t {\n  form treaty\n  asist each member\n}\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn with_stdin(args: &[&str], dir: &Path, input: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    common::wait_within(child)
}

#[test]
fn check_reads_standard_input_as_a_file_named_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = with_stdin(&["check", "--format", "json", "-"], dir.path(), CLEAN);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["files"][0]["path"], "<stdin>");
    assert_eq!(json["files"][0]["treaties"][0]["tier"], "hard");

    let out = with_stdin(&["check", "-"], dir.path(), BROKEN);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("<stdin>"), "{}", stdout(&out));
}

#[test]
fn a_missing_path_is_only_the_error_not_a_clean_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = treaty(&["check", "no-such.treaty"], dir.path());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot read `no-such.treaty`"));
    assert_eq!(stdout(&out), "", "no summary beside the error");
}

#[test]
fn simulate_takes_a_directory_like_the_other_commands() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pacts/a.treaty", CLEAN);
    let out = treaty(
        &[
            "simulate",
            "pacts",
            "--event",
            "armed-attack against UK at 2027-03-01T06:00Z",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("FR"), "{}", stdout(&out));
}

#[test]
fn end_that_is_not_a_time_says_a_time_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.treaty", CLEAN);
    let out = treaty(
        &[
            "simulate",
            "a.treaty",
            "--event",
            "armed-attack against UK at 2027-03-01T06:00Z",
            "--end",
            "garbage",
        ],
        dir.path(),
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("is not a time: write a date (YYYY-MM-DD) or a date and time"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn color_always_and_never_override_the_terminal_check() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.treaty", BROKEN);
    let always = treaty(&["--color", "always", "check", "a.treaty"], dir.path());
    assert!(stdout(&always).contains("\u{1b}["), "colour when asked");
    let never = treaty(&["check", "a.treaty", "--color", "never"], dir.path());
    assert!(
        !stdout(&never).contains("\u{1b}["),
        "no colour when refused"
    );
    let auto = treaty(&["check", "a.treaty"], dir.path());
    assert!(!stdout(&auto).contains("\u{1b}["), "no colour into a pipe");
}

#[test]
fn completions_and_manual_page_come_from_the_real_options() {
    let dir = tempfile::tempdir().unwrap();
    let bash = treaty(&["completions", "bash"], dir.path());
    assert_eq!(code(&bash), 0);
    let script = stdout(&bash);
    for word in ["simulate", "--min-tier", "--assume-in-force", "completions"] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    let zsh = treaty(&["completions", "zsh"], dir.path());
    assert!(stdout(&zsh).starts_with("#compdef treaty"));
    let man = treaty(&["man"], dir.path());
    assert_eq!(code(&man), 0);
    let page = stdout(&man);
    assert!(page.contains(".TH treaty"), "{page}");
    assert!(page.contains("Draft and check security\\-guarantee treaties"));
    let bad = treaty(&["completions", "cmd.exe"], dir.path());
    assert_eq!(code(&bad), 2);
}

#[test]
fn a_search_honours_ignore_files_and_exclude_but_named_paths_are_checked() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "treaty.toml",
        "exclude = [\"seeds\", \"drafts/*-old.treaty\"]\n",
    );
    write(dir.path(), "good.treaty", CLEAN);
    write(dir.path(), "seeds/deep/bad.treaty", BROKEN);
    write(dir.path(), "drafts/v1-old.treaty", BROKEN);
    write(dir.path(), "drafts/v2.treaty", CLEAN);
    write(dir.path(), ".ignore", "scratch/\n");
    write(dir.path(), "scratch/x.treaty", BROKEN);
    // A `.gitignore` counts inside a Git work tree.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    write(dir.path(), ".gitignore", "built/\n");
    write(dir.path(), "built/y.treaty", BROKEN);

    let out = treaty(&["check", "--format", "json"], dir.path());
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut paths: Vec<String> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().replace('\\', "/"))
        .collect();
    paths.sort();
    assert_eq!(paths, ["./drafts/v2.treaty", "./good.treaty"]);

    // What the user names is never left out by its own name.
    let named = treaty(&["check", "seeds"], dir.path());
    assert_eq!(code(&named), 1, "{}", stdout(&named));
    assert!(stdout(&named).contains("bad.treaty"));
    let file = treaty(&["check", "drafts/v1-old.treaty"], dir.path());
    assert_eq!(code(&file), 1);
}

#[test]
fn a_bad_exclude_pattern_is_a_config_error_at_the_pattern() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "treaty.toml", "exclude = [\"a[\"]\n");
    write(dir.path(), "good.treaty", CLEAN);
    let out = treaty(&["check"], dir.path());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("C001"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`a[` is not a glob"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_repository_root_checks_the_bundled_treaties_only() {
    let out = treaty(&["check", "--format", "json"], repo());
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files = json["files"].as_array().unwrap();
    assert!(!files.is_empty());
    for file in files {
        let path = file["path"].as_str().unwrap();
        assert!(path.starts_with("./treaties/"), "{path} was searched");
    }
}

#[test]
fn fmt_with_no_path_rewrites_nothing_outside_a_project() {
    let dir = tempfile::tempdir().unwrap();
    let messy = "treaty t {\nform treaty\n}\n";
    write(dir.path(), "a.treaty", messy);
    let out = treaty(&["fmt"], dir.path());
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("no `treaty.toml` here or above"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.treaty")).unwrap(),
        messy
    );
    // Named paths are formatted anywhere; inside a project no path is needed.
    write(dir.path(), "treaty.toml", "exclude = [\"keep\"]\n");
    write(dir.path(), "keep/b.treaty", messy);
    let out = treaty(&["fmt"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_ne!(
        std::fs::read_to_string(dir.path().join("a.treaty")).unwrap(),
        messy
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep/b.treaty")).unwrap(),
        messy,
        "excluded files are not rewritten"
    );
}

#[test]
fn check_reports_a_scenario_typo_without_running_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{CLEAN}\nscenario typo {{\n  event armed-atack against UK at 2027-03-01T06:00Z\n}}\n"
    );
    write(dir.path(), "a.treaty", &text);
    let out = treaty(&["check", "a.treaty"], dir.path());
    assert_eq!(code(&out), 1, "{}", stdout(&out));
    let shown = stdout(&out);
    assert!(shown.contains("S00"), "{shown}");
    assert!(shown.contains("armed-atack"), "{shown}");
    // A correct scenario adds nothing.
    let text = format!(
        "{CLEAN}\nscenario fine {{\n  event armed-attack against UK at 2027-03-01T06:00Z\n}}\n"
    );
    write(dir.path(), "b.treaty", &text);
    let out = treaty(&["check", "b.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stdout(&out));
}

#[test]
fn compare_and_diff_measure_against_the_baseline_treaty_toml_names() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "reference/mandate.treaty",
        "treaty mandate {\n  title \"Our mandate\"\n  form treaty\n  status in-force\n  members UK, FR\n  trigger armed-attack against any member {\n    consult all members within 24 hours\n  }\n}\n",
    );
    write(
        dir.path(),
        "treaty.toml",
        "baseline = \"reference/mandate.treaty\"\n",
    );
    write(dir.path(), "a.treaty", CLEAN);
    let check = treaty(&["check", "a.treaty"], dir.path());
    assert!(
        stdout(&check).contains("against Our mandate"),
        "{}",
        stdout(&check)
    );
    let compare = treaty(&["compare", "a.treaty"], dir.path());
    assert_eq!(code(&compare), 0, "{}", stderr(&compare));
    assert!(
        stdout(&compare).contains("Our mandate"),
        "{}",
        stdout(&compare)
    );
    assert!(
        !stdout(&compare).contains("Article 5"),
        "{}",
        stdout(&compare)
    );
    let diff = treaty(
        &["diff", "a.treaty", "a.treaty", "--format", "json"],
        dir.path(),
    );
    assert_eq!(code(&diff), 0, "{}", stderr(&diff));
    assert!(stdout(&diff).contains("Our mandate"), "{}", stdout(&diff));
}

#[test]
fn check_watch_checks_again_when_a_file_is_saved() {
    use std::io::{BufRead, BufReader};
    use std::sync::mpsc;
    use std::time::Duration;

    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.treaty", CLEAN);
    let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(["check", "--watch", "."])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (lines, received) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    // Everything printed up to the next "[watching" line; a generous bound, so a
    // slow machine fails the test only if the watcher never answers.
    let next_run = || -> Vec<String> {
        let mut run = Vec::new();
        while let Ok(line) = received.recv_timeout(Duration::from_secs(60)) {
            let done = line.starts_with("[watching");
            run.push(line);
            if done {
                break;
            }
        }
        run
    };
    let first = next_run();
    assert!(first.iter().any(|l| l.starts_with("t: hard")), "{first:?}");
    write(dir.path(), "a.treaty", BROKEN);
    let second = next_run();
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        second
            .iter()
            .any(|l| l.starts_with("checked 1 file") && !l.contains(": 0 errors")),
        "the save was not checked again: {second:?}"
    );
}
