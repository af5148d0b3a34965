//! What the panels read: the document being edited and how it is being looked at.

use crate::model::Map;
use std::path::PathBuf;

/// The map being edited, where it lives, and whether it has unsaved changes.
pub struct Document {
    pub map: Map,
    /// Where the map was read from or last saved to; `None` for a new map or a sample, so Save asks where.
    pub path: Option<PathBuf>,
    /// Bumped by every edit; the document is dirty when it differs from `saved_revision`.
    pub revision: u64,
    pub saved_revision: u64,
}

impl Document {
    pub fn new(map: Map, path: Option<PathBuf>) -> Self {
        Document { map, path, revision: 0, saved_revision: 0 }
    }

    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The name shown in the title bar: the file name, else the map's title.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| p.display().to_string()),
            None if self.map.title.is_empty() => "Untitled map".to_owned(),
            None => self.map.title.clone(),
        }
    }
}
