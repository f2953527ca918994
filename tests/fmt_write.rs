//! Issue 17: `fmt --write` cannot lose data. A file changed between the read and the
//! rename is refused; mode, owner and group are kept; a symbolic link's target is
//! formatted and the link stays; read-only files need `--force`; `report -o` will not
//! overwrite one of its inputs.

#![cfg(unix)]

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};

use common::{code, stderr, treaty};
use treaty::cli::safe_write::{self, Refused};

/// Not in the canonical layout: `fmt` changes it.
const UNFORMATTED: &str = "treaty t {\nform treaty\n    status in-force\n}\n";

fn formatted(text: &str) -> String {
    treaty::fmt::format_text(text).expect("formats")
}

#[test]
fn a_file_changed_after_it_was_read_is_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.treaty");
    std::fs::write(&path, UNFORMATTED).unwrap();
    let (bytes, snapshot) = safe_write::read(&path, 1 << 20).unwrap();
    // Another program saves the file in between (same size, so only the content and
    // the time tell).
    let edited = UNFORMATTED.replace("treaty t", "treaty u");
    std::fs::write(&path, &edited).unwrap();
    let new = formatted(UNFORMATTED);
    let result = safe_write::replace(&path, &bytes, &snapshot, new.as_bytes(), false);
    assert!(matches!(result, Err(Refused::Changed)), "{result:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), edited);
    // No temporary file is left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1);
}

#[test]
fn an_unchanged_file_is_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.treaty");
    std::fs::write(&path, UNFORMATTED).unwrap();
    let (bytes, snapshot) = safe_write::read(&path, 1 << 20).unwrap();
    let new = formatted(UNFORMATTED);
    safe_write::replace(&path, &bytes, &snapshot, new.as_bytes(), false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);
}

#[test]
fn fmt_keeps_the_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.treaty");
    std::fs::write(&path, UNFORMATTED).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    let out = treaty(&["fmt", "t.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.mode() & 0o7777, 0o640);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        formatted(UNFORMATTED)
    );
}

#[test]
fn fmt_keeps_the_owner_and_group() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.treaty");
    std::fs::write(&path, UNFORMATTED).unwrap();
    // Only root can give a file away; elsewhere the owner is ours and stays so.
    let given = std::os::unix::fs::chown(&path, Some(4321), Some(8765)).is_ok();
    let before = std::fs::metadata(&path).unwrap();
    let out = treaty(&["fmt", "t.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    if given {
        assert_eq!((after.uid(), after.gid()), (4321, 8765));
    }
}

#[test]
fn fmt_formats_a_symlinks_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/t.treaty");
    std::fs::write(&target, UNFORMATTED).unwrap();
    std::os::unix::fs::symlink("real/t.treaty", dir.path().join("link.treaty")).unwrap();
    let out = treaty(&["fmt", "link.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let link = std::fs::symlink_metadata(dir.path().join("link.treaty")).unwrap();
    assert!(
        link.file_type().is_symlink(),
        "the link was replaced by a file"
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        formatted(UNFORMATTED)
    );
}

#[test]
fn fmt_refuses_a_read_only_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.treaty");
    std::fs::write(&path, UNFORMATTED).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = treaty(&["fmt", "t.treaty"], dir.path());
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), UNFORMATTED);
    let out = treaty(&["fmt", "--force", "t.treaty"], dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        formatted(UNFORMATTED)
    );
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(meta.mode() & 0o777, 0o444, "the mode is kept when forced");
}

#[test]
fn report_refuses_to_overwrite_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let text = formatted(UNFORMATTED);
    std::fs::write(dir.path().join("t.treaty"), &text).unwrap();
    for out_path in ["t.treaty", "./t.treaty"] {
        let out = treaty(&["report", ".", "-o", out_path], dir.path());
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(
            stderr(&out).contains("one of its inputs"),
            "{}",
            stderr(&out)
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("t.treaty")).unwrap(),
            text
        );
    }
}
