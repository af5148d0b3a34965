//! The map being edited, where it lives, and whether it has unsaved changes. Plain data: the
//! application model changes it, panels read it, the recovery copy and the derived analysis key
//! on its revision and serial.

use crate::model::Map;
use std::path::PathBuf;
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
            None if self.map.title.is_empty() => "Untitled map".to_owned(),
            None => self.map.title.clone(),
        }
    }
}
