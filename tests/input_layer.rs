//! Issue 17, items 2 and 3: every file the tool reads goes through one input layer
//! (`treaty::input`): regular files only, a size limit, a NUL/UTF-8 check, bounded
//! reads. FIFOs, devices and directories get a clear error instead of a hang or an
//! unbounded read.
//!
//! Every child process here runs under a timeout ([`run_with_timeout`]): if the fix
//! regresses, the test fails with "hung" instead of hanging the test run.

#![cfg(unix)]

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(30);

struct Ran {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Run the binary in `dir`, killing it if it has not finished within [`TIMEOUT`].
fn run_with_timeout(args: &[&str], dir: &Path, stdin: Option<&[u8]>) -> Ran {
    let mut child = Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(bytes) = stdin {
        let mut input = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = input.write_all(&bytes);
        });
    }
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out.read_to_end(&mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = err.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`treaty {}` hung (killed after {TIMEOUT:?})",
                args.join(" ")
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Ran {
        code: status.code(),
        stdout: String::from_utf8_lossy(&out_thread.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&err_thread.join().unwrap()).into_owned(),
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

const TREATY: &str = "treaty t {\n  form treaty\n  status in-force\n  party UK \"United Kingdom\" guarantor\n  party UA \"Ukraine\" beneficiary\n  party RU \"Russia\" adversary\n  trigger armed-attack by RU against UA {\n    consult UK, UA within 24 hours\n  }\n}\n";

/// A directory with `t.treaty` and a FIFO called `fifo` (and `fifo.treaty`).
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.treaty"), TREATY).unwrap();
    mkfifo(&dir.path().join("fifo"));
    mkfifo(&dir.path().join("fifo.treaty"));
    dir
}

fn assert_refused(ran: &Ran, what: &str) {
    assert_eq!(
        ran.code,
        Some(2),
        "stdout: {}\nstderr: {}",
        ran.stdout,
        ran.stderr
    );
    assert!(
        ran.stderr.contains(what),
        "expected `{what}` in: {}",
        ran.stderr
    );
}

const EVENT: &str = "armed-attack by RU against UA at 2027-03-01T06:00Z";

#[test]
fn simulate_refuses_a_fifo() {
    let dir = project();
    let ran = run_with_timeout(
        &["simulate", "fifo.treaty", "--event", EVENT],
        dir.path(),
        None,
    );
    assert_refused(&ran, "a FIFO (named pipe), not a regular file");
}

#[test]
fn diff_refuses_a_fifo() {
    let dir = project();
    let ran = run_with_timeout(&["diff", "t.treaty", "fifo.treaty"], dir.path(), None);
    assert_refused(&ran, "a FIFO (named pipe), not a regular file");
}

#[test]
fn a_scenario_naming_a_fifo_gets_s003() {
    let dir = project();
    let text = "scenario s {\n  treaty \"fifo\"\n  event armed-attack by RU against UA at 2027-03-01T06:00Z\n}\n";
    std::fs::write(dir.path().join("s.treaty"), text).unwrap();
    let ran = run_with_timeout(&["test", "s.treaty"], dir.path(), None);
    assert!(ran.stdout.contains("not a regular file"), "{}", ran.stdout);
    assert_ne!(ran.code, Some(0));
}

#[test]
fn a_baseline_that_is_a_fifo_is_refused() {
    let dir = project();
    for command in ["check", "compare", "diff"] {
        let mut args = vec![command, "--baseline", "fifo", "t.treaty"];
        if command == "diff" {
            args.push("t.treaty");
        }
        let ran = run_with_timeout(&args, dir.path(), None);
        assert_refused(&ran, "not a regular file");
    }
}

#[test]
fn a_config_that_is_a_fifo_is_refused() {
    let dir = project();
    let ran = run_with_timeout(&["check", "--config", "fifo", "t.treaty"], dir.path(), None);
    assert_refused(&ran, "not a regular file");
}

#[test]
fn a_baseline_in_treaty_toml_that_is_a_fifo_is_refused() {
    let dir = project();
    std::fs::write(dir.path().join("treaty.toml"), "baseline = \"fifo\"\n").unwrap();
    let ran = run_with_timeout(&["check", "t.treaty"], dir.path(), None);
    assert_refused(&ran, "not a regular file");
}

#[test]
fn the_language_server_does_not_hang_on_a_fifo_baseline() {
    let dir = project();
    std::fs::write(dir.path().join("treaty.toml"), "baseline = \"fifo\"\n").unwrap();
    let uri = format!("file://{}/t.treaty", dir.path().display());
    let frame = |body: serde_json::Value| {
        let body = body.to_string();
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    };
    let mut input = String::new();
    input += &frame(
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}),
    );
    input += &frame(serde_json::json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    input += &frame(
        serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "treaty", "version": 1, "text": TREATY}}}),
    );
    input += &frame(serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}));
    input += &frame(serde_json::json!({"jsonrpc": "2.0", "method": "exit"}));
    let ran = run_with_timeout(&["lsp"], dir.path(), Some(input.as_bytes()));
    assert_eq!(ran.code, Some(0), "{}", ran.stderr);
    assert!(ran.stdout.contains("publishDiagnostics"), "{}", ran.stdout);
    assert!(ran.stdout.contains("not a regular file"), "{}", ran.stdout);
}

#[test]
fn a_baseline_of_dev_zero_is_refused_without_reading_it() {
    let dir = project();
    let ran = run_with_timeout(
        &["check", "--baseline", "/dev/zero", "t.treaty"],
        dir.path(),
        None,
    );
    assert_refused(&ran, "a character device, not a regular file");
}

#[test]
fn simulate_and_diff_refuse_character_devices() {
    let dir = project();
    let ran = run_with_timeout(
        &["simulate", "/dev/zero", "--event", EVENT],
        dir.path(),
        None,
    );
    assert_refused(&ran, "a character device, not a regular file");
    let ran = run_with_timeout(&["diff", "/dev/null", "t.treaty"], dir.path(), None);
    assert_refused(&ran, "a character device, not a regular file");
}

#[test]
fn a_directory_given_where_a_file_is_needed_is_refused() {
    let dir = project();
    std::fs::create_dir(dir.path().join("d.treaty")).unwrap();
    let ran = run_with_timeout(&["diff", "d.treaty", "t.treaty"], dir.path(), None);
    assert_refused(&ran, "a directory, not a regular file");
}

#[test]
fn treaty_toml_has_a_size_limit() {
    let dir = project();
    let mut toml = String::from("# padding\n");
    while toml.len() <= 1024 * 1024 {
        toml.push_str(
            "# a comment line that makes the configuration file larger than it should be\n",
        );
    }
    std::fs::write(dir.path().join("treaty.toml"), toml).unwrap();
    let ran = run_with_timeout(&["check", "t.treaty"], dir.path(), None);
    assert_refused(&ran, "over the 1 MiB limit");
}

#[test]
fn fmt_has_a_size_limit() {
    let dir = project();
    // Sparse: 300 MiB in the metadata, nothing on disk. Refused before it is read.
    let file = std::fs::File::create(dir.path().join("big.treaty")).unwrap();
    file.set_len(300 * 1024 * 1024).unwrap();
    drop(file);
    let ran = run_with_timeout(&["fmt", "big.treaty"], dir.path(), None);
    assert_refused(&ran, "over the 256 MiB limit");
    let ran = run_with_timeout(&["fmt", "--check", "big.treaty"], dir.path(), None);
    assert_refused(&ran, "over the 256 MiB limit");
}

#[test]
fn fmt_refuses_a_file_with_a_nul_byte_as_check_does() {
    let dir = project();
    let text = "treaty t {\n  title \"a\0b\"\n    form treaty\n}\n";
    let path = dir.path().join("nul.treaty");
    std::fs::write(&path, text).unwrap();
    let ran = run_with_timeout(&["fmt", "nul.treaty"], dir.path(), None);
    assert_eq!(ran.code, Some(1), "{}", ran.stderr);
    assert!(ran.stderr.contains("E005"), "{}", ran.stderr);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "fmt rewrote it"
    );
    let check = run_with_timeout(&["check", "nul.treaty"], dir.path(), None);
    assert!(check.stdout.contains("E005"), "{}", check.stdout);
    // Standard input too.
    let ran = run_with_timeout(&["fmt", "-"], dir.path(), Some(text.as_bytes()));
    assert!(ran.stderr.contains("E005"), "{}", ran.stderr);
    assert!(ran.stdout.is_empty());
}

#[test]
fn fmt_exits_1_for_text_that_is_not_utf8_in_a_file_and_on_standard_input() {
    let dir = project();
    let latin1 = b"treaty t {\n  title \"Sj\xf6\"\n  form treaty\n}\n";
    let path = dir.path().join("latin1.treaty");
    std::fs::write(&path, latin1).unwrap();
    let from_file = run_with_timeout(&["fmt", "latin1.treaty"], dir.path(), None);
    let from_stdin = run_with_timeout(&["fmt", "-"], dir.path(), Some(latin1));
    for ran in [&from_file, &from_stdin] {
        assert_eq!(ran.code, Some(1), "{}", ran.stderr);
        assert!(ran.stderr.contains("E005"), "{}", ran.stderr);
        assert!(ran.stdout.is_empty(), "{}", ran.stdout);
    }
    assert_eq!(std::fs::read(&path).unwrap(), latin1, "fmt rewrote it");
}

#[test]
fn fmt_refuses_a_fifo() {
    let dir = project();
    let ran = run_with_timeout(&["fmt", "--check", "fifo.treaty"], dir.path(), None);
    assert_refused(&ran, "not a regular file");
}

#[test]
fn the_input_layer_reads_at_most_the_limit() {
    // A reader that never ends stands for a file that grows while it is read.
    let endless = std::io::repeat(b'a');
    match treaty::input::bounded(endless, 1000, 10) {
        Err(treaty::input::InputError::TooLarge { limit: 1000, .. }) => {}
        other => panic!("{other:?}"),
    }
    let bytes = treaty::input::bounded(&b"abc"[..], 3, 3).unwrap();
    assert_eq!(bytes, b"abc");
    assert!(treaty::input::bounded(&b"abcd"[..], 3, 0).is_err());
    assert!(matches!(
        treaty::input::to_text(b"a\0b".to_vec()),
        Err(treaty::input::InputError::Binary { offset: 1 })
    ));
}
