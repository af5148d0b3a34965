//! Undo and redo as whole-map snapshots, one per applied edit.
//!
//! A snapshot is simple and always right (there is no inverse to get wrong). Snapshots are shared
//! (`Arc`): the step before an edit is the same copy of the map the window keeps for its panic
//! hook, so an edit copies the map once, not once for each. A run of edits with the same merge key (typing into
//! one field) within a few seconds is one step; anything else in between starts a new one. A drag
//! is one step because the canvas sends one `Move` edit at the end of the drag.
//! The history is not saved: it belongs to the window, not the file.

use crate::model::Map;
use std::sync::Arc;

/// Edits of one field closer together than this merge into one undo step.
const MERGE_SECONDS: f64 = 3.0;
/// Steps kept; the oldest are dropped first.
const CAPACITY: usize = 200;

struct Entry {
    map: Arc<Map>,
    revision: u64,
}

#[derive(Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// The merge key of the last recorded edit and when it happened.
    last: Option<(String, f64)>,
}

impl History {
    /// Called once an edit is applied, with the map as it was before. Returns whether a new step
    /// began (else the edit joined the last one).
    pub fn record(&mut self, before: Arc<Map>, revision: u64, merge: Option<&str>, now: f64) -> bool {
        if let (Some(key), Some((last_key, at))) = (merge, &self.last)
            && key == last_key
            && now - at < MERGE_SECONDS
        {
            self.last = Some((key.to_owned(), now));
            self.redo.clear();
            return false;
        }
        self.undo.push(Entry { map: before, revision });
        if self.undo.len() > CAPACITY {
            self.undo.remove(0);
        }
        self.redo.clear();
        self.last = merge.map(|k| (k.to_owned(), now));
        true
    }

    /// Forgets the last edit's merge key, so the next edit is a step of its own (after a save, or
    /// when the user moves to another field).
    pub fn break_merge(&mut self) {
        self.last = None;
    }

    /// Swaps the current map for the one before the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self, current: Arc<Map>, revision: u64) -> Option<(Arc<Map>, u64)> {
        let entry = self.undo.pop()?;
        self.redo.push(Entry { map: current, revision });
        self.last = None;
        Some((entry.map, entry.revision))
    }

    pub fn redo(&mut self, current: Arc<Map>, revision: u64) -> Option<(Arc<Map>, u64)> {
        let entry = self.redo.pop()?;
        self.undo.push(Entry { map: current, revision });
        self.last = None;
        Some((entry.map, entry.revision))
    }

    /// The map the next undo brings back (for tests of what is shared).
    #[cfg(test)]
    pub(crate) fn next_undo(&self) -> Option<&Arc<Map>> {
        self.undo.last().map(|e| &e.map)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        *self = History::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(title: &str) -> Arc<Map> {
        Arc::new(Map {
            title: title.into(),
            ..Default::default()
        })
    }

    #[test]
    fn typing_in_one_field_is_one_step_and_another_field_starts_a_new_one() {
        let mut h = History::default();
        assert!(h.record(map(""), 0, Some("title"), 0.0));
        assert!(!h.record(map("a"), 1, Some("title"), 0.5));
        assert!(!h.record(map("ab"), 2, Some("title"), 1.0));
        assert!(h.record(map("abc"), 3, Some("description"), 1.2));
        assert!(
            h.record(map("abc"), 4, Some("description"), 9.0),
            "a pause starts a new step"
        );
        let (m, rev) = h.undo(map("now"), 5).unwrap();
        assert_eq!((m.title.as_str(), rev), ("abc", 4));
        h.undo(m, rev).unwrap();
        let (m, rev) = h.undo(map("x"), 3).unwrap();
        assert_eq!((m.title.as_str(), rev), ("", 0));
        assert!(!h.can_undo());
        assert!(h.can_redo());
    }

    #[test]
    fn redo_returns_what_undo_took_and_a_new_edit_drops_the_redo_tail() {
        let mut h = History::default();
        h.record(map("a"), 0, None, 0.0);
        let (m, rev) = h.undo(map("b"), 1).unwrap();
        assert_eq!(m.title, "a");
        let (m, rev) = h.redo(m, rev).unwrap();
        assert_eq!((m.title.as_str(), rev), ("b", 1));
        h.undo(m, rev).unwrap();
        h.record(map("a"), 0, None, 1.0);
        assert!(!h.can_redo());
    }
}
