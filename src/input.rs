//! The one way `treaty` reads a file: treaties, scenarios' treaty files, baselines,
//! `treaty.toml` and standard input all come through here (docs/robustness.md).
//!
//! - Regular files only. The file is opened with `O_NONBLOCK`, so opening a FIFO
//!   returns at once instead of waiting for a writer, and the open file's own metadata
//!   (not the path's, which could change in between) decides: a FIFO, a character or
//!   block device, a socket or a directory is refused with a clear error.
//! - A size limit, checked from that metadata before anything is read, and again by
//!   the read itself, which takes at most `limit + 1` bytes: a file that grows while
//!   it is read cannot get past the limit either.
//! - [`text`] adds the NUL and UTF-8 checks, with the offset of the first bad byte.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug)]
pub enum InputError {
    /// Not a regular file: `what` says what it is ("a FIFO", "a directory", ...).
    NotRegular { what: &'static str },
    /// Over the limit: the size seen (at least `limit + 1` when it grew while read).
    TooLarge { size: u64, limit: u64 },
    /// A NUL byte at this offset: a binary file.
    Binary { offset: usize },
    /// Not UTF-8: the first bad byte's offset, and the bytes read (for a label).
    NotUtf8 { offset: usize, bytes: Vec<u8> },
    /// The operating system's error (missing file, permission denied, ...).
    Io(io::Error),
}

impl From<io::Error> for InputError {
    fn from(error: io::Error) -> Self {
        InputError::Io(error)
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::NotRegular { what } => {
                write!(f, "it is {what}, not a regular file")
            }
            InputError::TooLarge { size, limit } => write!(
                f,
                "file is {}, over the {} limit",
                human_size(*size),
                human_size(*limit)
            ),
            InputError::Binary { offset } => write!(
                f,
                "this looks like a binary file (it has a NUL byte at offset {offset})"
            ),
            InputError::NotUtf8 { offset, .. } => {
                write!(
                    f,
                    "it is not valid UTF-8 (first bad byte at offset {offset})"
                )
            }
            InputError::Io(error) => {
                let text = error.to_string();
                let short = text.find(" (os error").map_or(&text[..], |i| &text[..i]);
                f.write_str(short)
            }
        }
    }
}

/// What a file that is not a regular file is, in words.
pub fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a directory"
    } else {
        "not a regular file"
    }
}

/// Open a regular file for reading without blocking on a FIFO or a device.
pub fn open_regular(path: &Path) -> Result<(File, u64), InputError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opened for reading without O_NONBLOCK waits for a writer forever.
        // On a regular file the flag changes nothing.
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(InputError::NotRegular {
            what: kind_of(meta.file_type()),
        });
    }
    Ok((file, meta.len()))
}

/// Read at most `limit` bytes from `reader`, or say it is larger: reads `limit + 1`
/// bytes at most, whatever the reader claims its size is.
pub fn bounded(reader: impl Read, limit: u64, size_hint: u64) -> Result<Vec<u8>, InputError> {
    // The hint is only trusted up to the limit, and never for more than 64 MiB up
    // front: a file that shrank, or lied, costs only what it delivers.
    let capacity = size_hint.min(limit).min(64 << 20) as usize;
    let mut bytes = Vec::with_capacity(capacity);
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            size: size_hint.max(bytes.len() as u64),
            limit,
        });
    }
    Ok(bytes)
}

/// The bytes of a regular file of at most `limit` bytes.
pub fn bytes(path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let (file, size) = open_regular(path)?;
    if size > limit {
        return Err(InputError::TooLarge { size, limit });
    }
    bounded(file, limit, size)
}

/// Check that bytes are text: no NUL byte, valid UTF-8.
pub fn to_text(bytes: Vec<u8>) -> Result<String, InputError> {
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(InputError::Binary { offset });
    }
    String::from_utf8(bytes).map_err(|error| InputError::NotUtf8 {
        offset: error.utf8_error().valid_up_to(),
        bytes: error.into_bytes(),
    })
}

/// The text of a regular file of at most `limit` bytes, with no NUL byte.
pub fn text(path: &Path, limit: u64) -> Result<String, InputError> {
    to_text(bytes(path, limit)?)
}

/// Standard input, at most `limit` bytes (it may be a pipe or a terminal; it is read
/// to its end, but never more than `limit + 1` bytes are kept).
pub fn stdin(limit: u64) -> Result<Vec<u8>, InputError> {
    bounded(io::stdin().lock(), limit, 0)
}

/// The limit for `treaty.toml`: a configuration file is a few lines.
pub const MAX_CONFIG_SIZE: u64 = 1024 * 1024;

/// A byte count for messages: `16 bytes`, `12.5 KiB`, `256 MiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    let shown = format!("{value:.1}");
    let shown = shown.strip_suffix(".0").unwrap_or(&shown);
    format!("{shown} {}", UNITS[unit])
}
