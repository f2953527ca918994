//! Colour decided by terminal detection, tested on a real pseudo-terminal: `treaty`'s
//! stdout is the slave side of a pty opened with `openpty(3)`, so `is_terminal()` is true
//! in the child, and what it writes is read back from the master side. The other tests
//! run with `NO_COLOR=1` and a pipe, where colour is off whatever the detection does.
#![cfg(unix)]

use std::io::Read;
use std::os::fd::{FromRawFd, OwnedFd};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const BROKEN: &str = "treaty t {\n  form treaty\n  asist each member\n}\n";
const ESC: &str = "\u{1b}[";

/// How `NO_COLOR` is set for the child.
#[derive(Clone, Copy)]
enum NoColor {
    Unset,
    Set(&'static str),
}

/// Runs `treaty args` in `dir` with stdout on a fresh pseudo-terminal (or on a pipe when
/// `tty` is false); returns the exit code and everything written to stdout.
fn run(args: &[&str], dir: &Path, no_color: NoColor, tty: bool) -> (i32, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_treaty"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR")
        .stdin(Stdio::null())
        .stderr(Stdio::null());
    if let NoColor::Set(value) = no_color {
        command.env("NO_COLOR", value);
    }
    if !tty {
        let output = command.output().expect("the treaty binary runs");
        let code = output.status.code().expect("exited normally");
        return (code, String::from_utf8(output.stdout).expect("UTF-8"));
    }
    let (master, slave) = openpty();
    command.stdout(Stdio::from(slave));
    let mut child = command.spawn().expect("the treaty binary runs");
    // The parent's copy of the slave side went into `command`; drop it so the master
    // sees the end (EIO on Linux) once the child exits.
    drop(command);
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut master = std::fs::File::from(master);
        let mut bytes = Vec::new();
        let mut buffer = [0u8; 4096];
        loop {
            match master.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(n) => bytes.extend_from_slice(&buffer[..n]),
            }
        }
        let _ = send.send(bytes);
    });
    let bytes = match receive.recv_timeout(Duration::from_secs(60)) {
        Ok(bytes) => bytes,
        Err(_) => {
            let _ = child.kill();
            panic!("treaty {args:?} on a pty did not finish within 60 s");
        }
    };
    let status = child.wait().expect("the child is waited for");
    let code = status.code().expect("exited normally");
    (code, String::from_utf8(bytes).expect("UTF-8"))
}

/// A pseudo-terminal pair (master, slave).
fn openpty() -> (OwnedFd, OwnedFd) {
    let mut master: libc::c_int = -1;
    let mut slave: libc::c_int = -1;
    // SAFETY: both out-pointers are valid; name, termios and winsize may be null.
    let result = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    assert_eq!(result, 0, "openpty: {}", std::io::Error::last_os_error());
    // SAFETY: openpty succeeded, so both are open descriptors we now own.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

fn broken() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.treaty"), BROKEN).unwrap();
    dir
}

#[test]
fn a_terminal_gets_colour() {
    let dir = broken();
    let (code, out) = run(&["check", "a.treaty"], dir.path(), NoColor::Unset, true);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("asist"), "the finding is shown: {out}");
    assert!(out.contains(ESC), "colour on a terminal: {out:?}");
}

#[test]
fn no_color_turns_colour_off_on_a_terminal() {
    let dir = broken();
    let (code, out) = run(&["check", "a.treaty"], dir.path(), NoColor::Set("1"), true);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("asist"), "the finding is shown: {out}");
    assert!(!out.contains('\u{1b}'), "NO_COLOR=1 on a terminal: {out:?}");
}

/// <https://no-color.org>: only a non-empty value disables colour.
#[test]
fn an_empty_no_color_does_not_turn_colour_off() {
    let dir = broken();
    let (_, out) = run(&["check", "a.treaty"], dir.path(), NoColor::Set(""), true);
    assert!(
        out.contains(ESC),
        "NO_COLOR= (empty) on a terminal: {out:?}"
    );
}

#[test]
fn a_pipe_gets_no_colour_even_without_no_color() {
    let dir = broken();
    let (code, out) = run(&["check", "a.treaty"], dir.path(), NoColor::Unset, false);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("asist"), "the finding is shown: {out}");
    assert!(!out.contains('\u{1b}'), "no colour into a pipe: {out:?}");
}

#[test]
fn color_never_wins_over_a_terminal() {
    let dir = broken();
    for args in [
        &["--color", "never", "check", "a.treaty"][..],
        &["check", "a.treaty", "--color", "never"][..],
    ] {
        let (code, out) = run(args, dir.path(), NoColor::Unset, true);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains("asist"), "{args:?}: {out}");
        assert!(!out.contains('\u{1b}'), "{args:?} on a terminal: {out:?}");
    }
}

#[test]
fn color_always_wins_over_a_pipe_and_no_color() {
    let dir = broken();
    for no_color in [NoColor::Unset, NoColor::Set("1")] {
        let args = ["--color", "always", "check", "a.treaty"];
        let (code, out) = run(&args, dir.path(), no_color, false);
        assert_eq!(code, 1, "{out}");
        assert!(out.contains(ESC), "--color always into a pipe: {out:?}");
    }
}

#[test]
fn color_auto_is_the_terminal_check() {
    let dir = broken();
    let args = ["--color", "auto", "check", "a.treaty"];
    let (_, on_tty) = run(&args, dir.path(), NoColor::Unset, true);
    assert!(on_tty.contains(ESC), "auto on a terminal: {on_tty:?}");
    let (_, on_pipe) = run(&args, dir.path(), NoColor::Unset, false);
    assert!(!on_pipe.contains('\u{1b}'), "auto into a pipe: {on_pipe:?}");
}

/// Two versions of one treaty: the second waters the duty down to consultation.
fn redline() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let old = "treaty t {\n  party A \"Alpha\" guarantor\n  party B \"Beta\" beneficiary\n  form treaty\n  status in-force\n  trigger armed-attack against B {\n    assist A -> B with armed-force\n  }\n}\n";
    let new = "treaty t {\n  party A \"Alpha\" guarantor\n  party B \"Beta\" beneficiary\n  form treaty\n  status in-force\n  trigger armed-attack against B {\n    consult A, B within 24 hours\n  }\n}\n";
    std::fs::write(dir.path().join("old.treaty"), old).expect("write old");
    std::fs::write(dir.path().join("new.treaty"), new).expect("write new");
    dir
}

#[test]
fn diff_colours_what_got_weaker_and_firmer_on_a_terminal_only() {
    let dir = redline();
    let args = ["diff", "old.treaty", "new.treaty"];
    let (code, on_tty) = run(&args, dir.path(), NoColor::Unset, true);
    assert_eq!(code, 1, "a semantic change exits 1: {on_tty}");
    // The pty turns \n into \r\n.
    let on_tty = on_tty.replace("\r\n", "\n");
    assert!(
        on_tty.contains("    \u{1b}[1;31mremoved\u{1b}[0m"),
        "removed is red on a terminal: {on_tty:?}"
    );
    assert!(
        on_tty.contains("    \u{1b}[32madded\u{1b}[0m"),
        "added is green on a terminal: {on_tty:?}"
    );
    let (_, on_pipe) = run(&args, dir.path(), NoColor::Unset, false);
    assert!(
        !on_pipe.contains('\u{1b}'),
        "no colour into a pipe: {on_pipe:?}"
    );
    // The same text once the colour is taken out.
    let uncoloured = on_tty
        .replace("\u{1b}[1;31m", "")
        .replace("\u{1b}[32m", "")
        .replace("\u{1b}[33m", "")
        .replace("\u{1b}[0m", "");
    assert_eq!(uncoloured, on_pipe);
}
