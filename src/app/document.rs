//! The map being edited, where it lives, and whether it has unsaved changes. Plain data: the
//! application model changes it, panels read it, the recovery copy and the derived analysis key
//! on its revision and serial.

use crate::format;
use crate::model::Map;
use std::hash::Hasher;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Serial numbers for documents, so view state about one map is not applied to the next.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);

/// The map being edited, where it lives, and whether it has unsaved changes.
pub struct Document {
    pub map: Map,
    /// Where the map was read from or last saved to; `None` for a new map or a sample, so Save asks where.
    pub path: Option<PathBuf>,
    /// The modification time of `path` when this window last read or wrote it (`None` if unknown).
    /// Recovery copies record it, so a restore can tell whether someone else changed the file since.
    pub file_modified: Option<jiff::Timestamp>,
    /// What `path` held when this window last read or wrote it (`None` if unknown: a restored
    /// copy knows only the time its window saw). A save first compares the file with it, so the
    /// work of another window, a sync tool or `git pull` is not replaced without asking.
    pub file_content: Option<FileContent>,
    /// Where `path` held the first comment a person wrote, as this window last read it. The saved
    /// layout has no place for comments, so the first save over that file asks before dropping
    /// them; once saved (or answered) the file holds none and later saves do not ask.
    pub hand_comment: Option<format::LineCol>,
    /// Changes with every edit (and undo/redo); the document is dirty when it differs from `saved_revision`.
    pub revision: u64,
    pub saved_revision: u64,
    /// Different for every document made, even for the same file opened twice: revisions restart
    /// with each document, this does not.
    pub serial: u64,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        Document {
            map,
            path,
            file_modified: None,
            file_content: None,
            hand_comment: None,
            revision: 0,
            saved_revision: 0,
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The name shown in the title bar: the file name, else the map's title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None if self.map.title.is_empty() => crate::tr!("new-map-title"),
            None => self.map.title.clone(),
        }
    }

    /// Whether someone else changed this document's own file since this window last read or
    /// wrote it: by its content (size, then a hash of every byte) when that is known, so a file
    /// touched or written again with the same bytes is no change while a same-size rewrite within
    /// the file system's time resolution is one; else by its modification time. A file that is
    /// gone or cannot be read holds nothing a save would replace.
    pub fn changed_on_disk(&self) -> bool {
        let Some(path) = &self.path else { return false };
        let Some(now) = FileContent::of(path) else {
            return false;
        };
        match (&self.file_content, self.file_modified) {
            (Some(known), _) => *known != now,
            (None, Some(time)) => modified(path) != Some(time),
            (None, None) => false,
        }
    }
}

/// The size and a hash of a file's bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileContent {
    pub len: u64,
    pub hash: u64,
}

impl FileContent {
    /// What the regular file at `path` holds now, read in pieces (no more than a map file can
    /// be, plus one byte); `None` if there is no such file or it cannot be read.
    pub fn of(path: &Path) -> Option<FileContent> {
        if !std::fs::metadata(path).ok()?.is_file() {
            return None;
        }
        let mut file = std::fs::File::open(path).ok()?.take(format::MAX_FILE_BYTES as u64 + 1);
        // std's SipHash with fixed keys: the same bytes give the same hash for the life of the
        // window, which is all a stamp needs (it is never stored).
        let mut hasher = std::hash::DefaultHasher::new();
        let mut buffer = vec![0; 64 * 1024];
        let mut len = 0u64;
        loop {
            match file.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.write(&buffer[..n]);
                    len += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(FileContent {
            len,
            hash: hasher.finish(),
        })
    }
}

/// The modification time of `file` now, or `None` if it cannot be read (or is outside what a
/// timestamp holds); recovery copies record it.
pub fn modified(file: &Path) -> Option<jiff::Timestamp> {
    let time = std::fs::metadata(file).and_then(|m| m.modified()).ok()?;
    jiff::Timestamp::try_from(time).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set_time(path: &Path, time: std::time::SystemTime) {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(time).unwrap();
    }

    fn doc_on(path: &Path) -> Document {
        let mut doc = Document::new(Map::default(), Some(path.to_owned()));
        doc.file_modified = modified(path);
        doc.file_content = FileContent::of(path);
        doc
    }

    #[test]
    fn a_file_written_again_is_a_change_only_if_its_bytes_differ() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "(version: 2)").unwrap();
        let doc = doc_on(&path);
        assert!(!doc.changed_on_disk());
        // The same bytes again, with another time: no change.
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        std::fs::write(&path, "(version: 2)").unwrap();
        set_time(&path, later);
        assert!(!doc.changed_on_disk());
        // Same size, other bytes, the old time put back: a change.
        let time = std::fs::metadata(&path).unwrap().modified().unwrap();
        std::fs::write(&path, "(version: 3)").unwrap();
        set_time(&path, time);
        assert!(doc.changed_on_disk());
        // Gone: nothing to lose.
        std::fs::remove_file(&path).unwrap();
        assert!(!doc.changed_on_disk());
    }

    #[test]
    fn without_its_content_a_file_is_compared_by_its_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, "a").unwrap();
        let mut doc = doc_on(&path);
        doc.file_content = None;
        assert!(!doc.changed_on_disk());
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(5);
        set_time(&path, later);
        assert!(doc.changed_on_disk());
        assert!(
            !Document::new(Map::default(), None).changed_on_disk(),
            "no file, nothing to compare"
        );
    }
}
