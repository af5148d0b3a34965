//! What the window remembers between runs, in eframe's storage (not in the map file): recent files
//! and display preferences. Window size and panel widths are remembered by eframe and egui
//! themselves. `#[serde(default)]` lets an older save load after fields are added.

use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const KEY: &str = "detmap.prefs";
const MAX_RECENT: usize = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    pub show_legend: bool,
    pub show_outline: bool,
    pub show_inspector: bool,
    /// The steps panel (View › Presentation steps): open for a facilitator who builds a story.
    pub show_steps: bool,
    /// The analysis panel was open when the window last ran: a facilitator who works with it open
    /// gets it back. Closed by default (and in prefs saved before it was remembered), so a first
    /// start shows the map alone.
    pub show_analysis: bool,
    /// `None`: follow the system.
    pub dark: Option<bool>,
    /// A plain drag on empty canvas draws a selection box (as in draw.io); otherwise it pans (as
    /// in Kumu and map viewers), and Shift or Ctrl draws the box.
    pub drag_selects: bool,
    /// Presentation mode draws in the dark theme. Off by default: a light canvas projects better.
    pub presentation_dark: bool,
    /// The interface's language; `None`: the system's.
    pub language: Option<crate::i18n::Language>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            recent: Vec::new(),
            show_legend: true,
            show_outline: true,
            show_inspector: true,
            show_steps: false,
            show_analysis: false,
            dark: None,
            drag_selects: false,
            presentation_dark: false,
            language: None,
        }
    }
}

impl Prefs {
    /// Whether preferences were saved by an earlier run (a first start has none).
    pub fn stored(storage: Option<&dyn eframe::Storage>) -> bool {
        storage.is_some_and(|s| s.get_string(KEY).is_some())
    }

    pub fn load(storage: Option<&dyn eframe::Storage>) -> Prefs {
        storage.and_then(|s| eframe::get_value(s, KEY)).unwrap_or_default()
    }

    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
    }

    /// Puts `path` first in the recent list.
    pub fn add_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn forget_recent(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut p = Prefs::default();
        for i in 0..15 {
            p.add_recent(Path::new(&format!("/nonexistent/{i}.ron")));
        }
        p.add_recent(Path::new("/nonexistent/7.ron"));
        assert_eq!(p.recent.len(), MAX_RECENT);
        assert_eq!(p.recent[0], Path::new("/nonexistent/7.ron"));
        assert_eq!(p.recent.iter().filter(|r| r.ends_with("7.ron")).count(), 1);
    }

    #[test]
    fn an_old_save_without_newer_fields_still_loads() {
        let p: Prefs = ron::from_str("(recent: [\"/a.ron\"])").unwrap();
        assert_eq!(p.recent.len(), 1);
        assert!(p.show_legend);
        assert!(!p.show_analysis, "the analysis panel starts closed");
        let p: Prefs = ron::from_str("(show_analysis: true)").unwrap();
        assert!(p.show_analysis && p.show_inspector);
    }
}
