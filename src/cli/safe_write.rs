//! Rewriting a file in place without losing anything (`treaty fmt`).
//!
//! - The file that is replaced is the one that was read: before the rename, its size,
//!   modification time, inode and content are compared with what was read, and a file
//!   that changed in between (an editor saved it, a `git checkout` ran) is left alone.
//! - The new file keeps the old one's mode, owner and group.
//! - A symbolic link is followed: its target is rewritten, and the link stays a link.
//! - A read-only file is refused unless forced.
//!
//! What is left: the comparison and the rename are two steps, so a write that lands
//! in the microseconds between them is still lost. Only a lock every writer honours
//! could close that window, and editors take none.

use std::fs::{self, Metadata};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::input;

/// What the file was when it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl Snapshot {
    pub fn of(meta: &Metadata) -> Snapshot {
        #[cfg(unix)]
        use std::os::unix::fs::MetadataExt;
        Snapshot {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: (meta.dev(), meta.ino()),
        }
    }
}

/// Why a file was not rewritten.
#[derive(Debug)]
pub enum Refused {
    /// It changed since it was read.
    Changed,
    /// It is read-only, and `--force` was not given.
    ReadOnly,
    /// Its owner or group could not be kept.
    Owner(io::Error),
    Io(io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Changed => f.write_str(
                "it changed after it was read (saved by another program?); format it again",
            ),
            Refused::ReadOnly => {
                f.write_str("it is read-only; make it writable, or pass `--force`")
            }
            Refused::Owner(error) => write!(
                f,
                "its owner and group could not be kept ({})",
                super::files::describe(error)
            ),
            Refused::Io(error) => f.write_str(&super::files::describe(error)),
        }
    }
}

impl From<io::Error> for Refused {
    fn from(error: io::Error) -> Self {
        Refused::Io(error)
    }
}

/// The file to rewrite for `path`: the final target when it is a symbolic link.
pub fn target_of(path: &Path) -> io::Result<PathBuf> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        fs::canonicalize(path)
    } else {
        Ok(path.to_path_buf())
    }
}

/// Read `path` (through the input layer) with the snapshot to compare against later.
pub fn read(path: &Path, limit: u64) -> Result<(Vec<u8>, Snapshot), input::InputError> {
    let (file, _) = input::open_regular(path)?;
    let meta = file.metadata()?;
    // Taken before the read: a write during it changes the modification time.
    let snapshot = Snapshot::of(&meta);
    let bytes = input::bounded(file, limit, meta.len())?;
    Ok((bytes, snapshot))
}

/// Replace `target` (not a symbolic link: see [`target_of`]) with `contents`, if it
/// is still `original` as `snapshot` saw it.
pub fn replace(
    target: &Path,
    original: &[u8],
    snapshot: &Snapshot,
    contents: &[u8],
    force: bool,
) -> Result<(), Refused> {
    let meta = fs::metadata(target)?;
    if meta.permissions().readonly() && !force {
        return Err(Refused::ReadOnly);
    }
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "treaty".into());
    let mut attempt = 0u32;
    let (temp_path, mut temp) = loop {
        let candidate = dir.join(format!(".{name}.fmt-{}-{attempt}.tmp", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => break (candidate, file),
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(error) => return Err(error.into()),
        }
    };
    let result = (|| {
        temp.write_all(contents)?;
        keep_owner(&temp, &meta)?;
        temp.set_permissions(meta.permissions())?;
        temp.sync_all()?;
        drop(temp);
        // Last look before the rename: is it still the file that was read?
        let now = fs::metadata(target)?;
        if Snapshot::of(&now) != *snapshot {
            return Err(Refused::Changed);
        }
        match input::bytes(target, original.len() as u64) {
            Ok(bytes) if bytes == original => {}
            _ => return Err(Refused::Changed),
        }
        fs::rename(&temp_path, target)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp_path);
    }
    result
}

/// Give the new file the old one's owner and group. Only root can give a file away;
/// anyone else succeeds when the owner is already theirs (and the group one of theirs),
/// and is refused otherwise, since the rename would silently take the file over.
#[cfg(unix)]
fn keep_owner(file: &fs::File, meta: &Metadata) -> Result<(), Refused> {
    use std::os::unix::fs::MetadataExt;
    let current = file.metadata()?;
    if current.uid() == meta.uid() && current.gid() == meta.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).map_err(Refused::Owner)
}

#[cfg(not(unix))]
fn keep_owner(_: &fs::File, _: &Metadata) -> Result<(), Refused> {
    Ok(())
}
