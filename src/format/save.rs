//! Writing a file so that a failure loses nothing: every map save and every export goes through
//! [`save_with_options`].
//!
//! What is at the path decides how:
//! - nothing, or a regular file: a temporary file beside it is written, flushed, synced and renamed
//!   over it, so the path holds the old file or the new one, complete;
//! - a symbolic link: the same, to the file the link points to (created if it does not exist yet);
//!   the link is kept, as editors do;
//! - a character device (`/dev/null`, a terminal) or a link through an open file descriptor
//!   (`/dev/stdout`, `/proc/self/fd/N`): written through, in place, since replacing it would turn
//!   a device into a file or cut the file from whoever holds the descriptor;
//! - a named pipe: written through on the command line (a shell's `>` waits for a reader too), and
//!   refused in the window, which must never wait on one ([`Fifo`]);
//! - a folder, a disk (block device) or a socket: refused, with a message that says what it is.

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a save does when the path is a named pipe (FIFO).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fifo {
    /// Write into it, waiting until something reads it: the command line.
    Wait,
    /// Refuse it with a message, without opening it: the window, which must never block.
    Refuse,
}

/// Why a save failed. The file on disk is as it was before.
#[derive(Debug)]
pub struct SaveError {
    pub file: PathBuf,
    /// The cause, once: for a system error, the system's words.
    pub source: io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display().to_string();
        let why = self.source.to_string();
        f.write_str(&crate::tr!("save-failed", file = file, why = why))
    }
}

/// The cause is part of the message and not a `source()`, so an error chain printed in full
/// (`anyhow`'s `{:#}`) names it once.
impl std::error::Error for SaveError {}

/// [`save_with_options`] refusing named pipes: what saving a map uses.
pub fn save_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<(), SaveError> {
    save_with_options(path, Fifo::Refuse, write)
}

/// Writes a file through `write`, as the module's documentation says for each kind of path.
///
/// For a regular file (or none):
/// - the temporary file (`.detmap-save-*.tmp`) is made in the target's folder, so the rename never
///   crosses file systems; it is removed on every failure. Only a process killed mid-save can leave
///   one behind, and nothing ever reads it;
/// - the data is flushed to disk (`fsync`) before the rename, and the folder after it, so after a
///   power cut the file is the old one or the new one, complete;
/// - a replaced file keeps its permissions; a new file gets the usual ones (0666 less the umask).
pub fn save_with_options(
    path: &Path,
    fifo: Fifo,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), SaveError> {
    let err = |source| SaveError {
        file: path.to_owned(),
        source,
    };
    match target(path, fifo).map_err(err)? {
        Target::Replace(file) => replace(&file, write).map_err(|e| err(plain(e))),
        Target::Through { truncate } => through(path, truncate, write).map_err(err),
    }
}

enum Target {
    /// Write a new file and rename it over this path (the end of any links).
    Replace(PathBuf),
    /// Write into what `path` opens, in place.
    Through { truncate: bool },
}

/// How to write to `path`, or why not to.
fn target(path: &Path, fifo: Fifo) -> io::Result<Target> {
    let (end, descriptor) = follow_links(path)?;
    let meta = match std::fs::metadata(&end) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !descriptor => return Ok(Target::Replace(end)),
        Err(e) => return Err(e),
    };
    let kind = meta.file_type();
    let refuse = |why: &str| Err(io::Error::new(io::ErrorKind::InvalidInput, why.to_owned()));
    if kind.is_dir() {
        return refuse(&crate::tr!("save-is-folder"));
    }
    if kind.is_file() {
        // Through a descriptor (`/dev/stdout` sent to a file), the file is the descriptor's: it is
        // written in place, from its start, as `>` would.
        return Ok(if descriptor {
            Target::Through { truncate: true }
        } else {
            Target::Replace(end)
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return match fifo {
                Fifo::Wait => Ok(Target::Through { truncate: false }),
                Fifo::Refuse => refuse(&crate::tr!("save-is-pipe")),
            };
        }
        if kind.is_block_device() {
            return refuse(&crate::tr!("save-is-device"));
        }
        if kind.is_socket() {
            return refuse(&crate::tr!("save-is-socket"));
        }
    }
    let _ = fifo;
    // A character device: `/dev/null`, a terminal.
    Ok(Target::Through { truncate: false })
}

/// Where the symbolic links starting at `path` end (a path that may not exist yet), and whether
/// they pass through an open file descriptor (`/dev/fd/…`, `/proc/…/fd/…`), whose "links" name no
/// path a file could be renamed over.
fn follow_links(path: &Path) -> io::Result<(PathBuf, bool)> {
    let mut at = path.to_owned();
    // As many links as Linux follows before it gives up (ELOOP).
    for _ in 0..40 {
        if at.starts_with("/proc") || at.starts_with("/dev/fd") {
            return Ok((at, true));
        }
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let next = std::fs::read_link(&at)?;
                at = match at.parent() {
                    Some(parent) if next.is_relative() => parent.join(next),
                    _ => next,
                };
            }
            _ => return Ok((at, false)),
        }
    }
    Err(io::Error::other(crate::tr!("save-too-many-links")))
}

/// The atomic replacement of a regular file (or of nothing) at `target`.
fn replace(target: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = std::fs::metadata(target).ok().filter(|m| m.is_file());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".detmap-save-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir)?;
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    write(tmp.as_file_mut())?;
    tmp.as_file_mut().flush()?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Writes into what `path` opens (a device, a pipe, a descriptor's file), never creating it.
fn through(path: &Path, truncate: bool, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let mut file: File = OpenOptions::new().write(true).truncate(truncate).open(path)?;
    write(&mut file)?;
    file.flush()?;
    if truncate {
        file.sync_all()?;
    }
    Ok(())
}

/// The system's error without the temporary file's path that `tempfile` adds ("… at path
/// \"/x/.detmap-save-ab12.tmp\""): that name means nothing to the user, and the save's own
/// message already names the file. `tempfile` keeps the system's error only in its text, as
/// "(os error N)", so the code is read back from there.
fn plain(e: io::Error) -> io::Error {
    if e.raw_os_error().is_some() || e.get_ref().is_none() {
        return e;
    }
    let text = e.to_string();
    let code = text
        .split_once("(os error ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .and_then(|(n, _)| n.parse::<i32>().ok());
    match code {
        Some(code) => io::Error::from_raw_os_error(code),
        None => e,
    }
}

/// Flushes a folder's entries (the rename) to disk. Best effort: the new file is already in place, and
/// some file systems cannot sync a folder, so a failure here is not a failed save.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temporary_files_path_is_taken_out_of_a_system_error() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing");
        let wrapped = tempfile::Builder::new().tempfile_in(&missing).unwrap_err();
        assert!(wrapped.to_string().contains("at path"), "{wrapped}");
        let clean = plain(wrapped);
        assert_eq!(clean.kind(), io::ErrorKind::NotFound);
        assert_eq!(clean.to_string(), io::Error::from_raw_os_error(2).to_string());
    }
}
