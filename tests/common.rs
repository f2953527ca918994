//! Helpers shared by the integration tests: run the real binary, in a temporary
//! directory when files are needed.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// How long a child may run before the test kills it and fails: a hung binary fails CI
/// instead of stalling it. Generous, as a guard, not a timing assertion.
pub const TIMEOUT: Duration = Duration::from_secs(180);

pub fn treaty(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treaty"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output_within()
}

/// `Command::output`, killed and failed after [`TIMEOUT`].
pub trait OutputWithin {
    fn output_within(&mut self) -> Output;
}

impl OutputWithin for Command {
    fn output_within(&mut self) -> Output {
        let child = self
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the child process starts");
        wait_within(child)
    }
}

/// `Child::wait_with_output`, killed and failed after [`TIMEOUT`].
pub fn wait_within(child: Child) -> Output {
    let pid = child.id();
    let (done, finished) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        if let Err(mpsc::RecvTimeoutError::Timeout) = finished.recv_timeout(TIMEOUT) {
            // SAFETY: kill(2) on the child's pid; it has not been waited for yet.
            unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) };
            return true;
        }
        false
    });
    let output = child.wait_with_output().expect("the child is waited for");
    let _ = done.send(());
    let killed = watchdog.join().expect("the watchdog");
    assert!(
        !killed,
        "the child (pid {pid}) ran over {TIMEOUT:?} and was killed"
    );
    output
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

pub fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("exited normally, not by a signal")
}

/// The repository root, where `treaties/` lives.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The page stands alone: no scripts, no external assets (the SVG namespace aside).
/// `treaty report` and `treaty render --to html` must both pass it.
pub fn assert_self_contained(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>"));
    for forbidden in [
        "<script", "<link", "src=", "http://", "https://", "@import", "url(",
    ] {
        let allowed_svg_namespace = forbidden == "http://"
            && html.matches("http://").count()
                == html.matches("http://www.w3.org/2000/svg").count();
        assert!(
            !html.contains(forbidden) || allowed_svg_namespace,
            "{forbidden}"
        );
    }
}
