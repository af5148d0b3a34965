//! Undo and redo as whole-map snapshots, one per applied edit.
//!
//! A snapshot is simple and always right (there is no inverse to get wrong). Snapshots are shared
//! (`Arc`): the step before an edit is the same copy of the map the window keeps for its panic
//! hook, so an edit copies the map once, not once for each. A run of edits with the same merge key (typing into
//! one field) within a few seconds is one step; anything else in between starts a new one. A drag
//! is one step because the canvas sends one `Move` edit at the end of the drag. Each step keeps
//! what its edit did (`Edit::describe`), so the Edit menu and the status bar can say what Undo and
//! Redo will do ("Undo add stage").
//! The history is not saved: it belongs to the window, not the file.

use crate::i18n::Message;
use crate::model::Map;
use std::sync::Arc;

/// Edits of one field closer together than this merge into one undo step.
const MERGE_SECONDS: f64 = 3.0;
/// Steps kept; the oldest are dropped first.
const CAPACITY: usize = 200;

struct Entry {
    map: Arc<Map>,
    revision: u64,
    /// What the step's edit did, e.g. "add stage": the same words undone and redone.
    what: Message,
}

/// A map brought back by undo or redo, its revision, and what the step it crossed did.
pub struct Step {
    pub map: Arc<Map>,
    pub revision: u64,
    pub what: Message,
}

#[derive(Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// The merge key of the last recorded edit and when it happened.
    last: Option<(String, f64)>,
}

impl History {
    /// Called once an edit is applied, with the map as it was before and what the edit did.
    /// Returns whether a new step began (else the edit joined the last one, which keeps the
    /// words of its first edit: typing a label is one "rename").
    pub fn record(&mut self, before: Arc<Map>, revision: u64, what: Message, merge: Option<&str>, now: f64) -> bool {
        if let (Some(key), Some((last_key, at))) = (merge, &self.last)
            && key == last_key
            && now - at < MERGE_SECONDS
        {
            self.last = Some((key.to_owned(), now));
            self.redo.clear();
            return false;
        }
        self.undo.push(Entry {
            map: before,
            revision,
            what,
        });
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

    /// Swaps the current map for the one before the last step, and says what that step did;
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, current: Arc<Map>, revision: u64) -> Option<Step> {
        let entry = self.undo.pop()?;
        self.redo.push(Entry {
            map: current,
            revision,
            what: entry.what.clone(),
        });
        self.last = None;
        Some(Step {
            map: entry.map,
            revision: entry.revision,
            what: entry.what,
        })
    }

    pub fn redo(&mut self, current: Arc<Map>, revision: u64) -> Option<Step> {
        let entry = self.redo.pop()?;
        self.undo.push(Entry {
            map: current,
            revision,
            what: entry.what.clone(),
        });
        self.last = None;
        Some(Step {
            map: entry.map,
            revision: entry.revision,
            what: entry.what,
        })
    }

    /// What the next undo would undo ("add stage"), for the Edit menu.
    pub fn undo_what(&self) -> Option<&Message> {
        self.undo.last().map(|e| &e.what)
    }

    /// What the next redo would redo.
    pub fn redo_what(&self) -> Option<&Message> {
        self.redo.last().map(|e| &e.what)
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
    use crate::app::edit::{self, Edit};
    use crate::i18n::Language;
    use crate::model::{Determinant, Id, Influence, Position, Sign, Stage};

    fn map(title: &str) -> Arc<Map> {
        Arc::new(Map {
            title: title.into(),
            ..Default::default()
        })
    }

    /// The message ids of what the next undo and redo would do.
    fn whats(h: &History) -> (Option<&'static str>, Option<&'static str>) {
        (h.undo_what().map(|m| m.id), h.redo_what().map(|m| m.id))
    }

    fn undo(h: &mut History, current: Arc<Map>, revision: u64) -> (Arc<Map>, u64) {
        let step = h.undo(current, revision).unwrap();
        (step.map, step.revision)
    }

    #[test]
    fn typing_in_one_field_is_one_step_and_another_field_starts_a_new_one() {
        let mut h = History::default();
        let t = || Message::new("step title");
        assert!(h.record(map(""), 0, t(), Some("title"), 0.0));
        assert!(!h.record(map("a"), 1, t(), Some("title"), 0.5));
        assert!(!h.record(map("ab"), 2, t(), Some("title"), 1.0));
        assert!(h.record(
            map("abc"),
            3,
            Message::new("step description"),
            Some("description"),
            1.2
        ));
        assert!(
            h.record(
                map("abc"),
                4,
                Message::new("step description"),
                Some("description"),
                9.0
            ),
            "a pause starts a new step"
        );
        let (m, rev) = undo(&mut h, map("now"), 5);
        assert_eq!((m.title.as_str(), rev), ("abc", 4));
        undo(&mut h, m, rev);
        let (m, rev) = undo(&mut h, map("x"), 3);
        assert_eq!((m.title.as_str(), rev), ("", 0));
        assert!(!h.can_undo());
        assert!(h.can_redo());
    }

    #[test]
    fn redo_returns_what_undo_took_and_a_new_edit_drops_the_redo_tail() {
        let mut h = History::default();
        h.record(map("a"), 0, Message::new("step title"), None, 0.0);
        let (m, rev) = undo(&mut h, map("b"), 1);
        assert_eq!(m.title, "a");
        let step = h.redo(m, rev).unwrap();
        let (m, rev) = (step.map, step.revision);
        assert_eq!((m.title.as_str(), rev), ("b", 1));
        undo(&mut h, m, rev);
        h.record(map("a"), 0, Message::new("step title"), None, 1.0);
        assert!(!h.can_redo());
    }

    /// A step keeps its words through undo and redo; a merged step keeps its first edit's words.
    #[test]
    fn each_step_says_what_it_undoes_and_redoes() {
        let mut h = History::default();
        assert_eq!(whats(&h), (None, None));
        h.record(map(""), 0, Message::new("step add-stage"), None, 0.0);
        h.record(map("a"), 1, Message::new("step rename-stage"), Some("label:s1"), 1.0);
        h.record(map("ab"), 2, Message::new("step rename-stage"), Some("label:s1"), 1.5);
        h.record(map("ab"), 3, Message::new("step delete-determinant"), None, 2.0);
        assert_eq!(whats(&h).0, Some("step delete-determinant"));
        let step = h.undo(map("abc"), 4).unwrap();
        assert_eq!(step.what.id, "step delete-determinant");
        assert_eq!(whats(&h), (Some("step rename-stage"), Some("step delete-determinant")));
        let step = h.undo(step.map, step.revision).unwrap();
        assert_eq!(step.what.id, "step rename-stage");
        assert_eq!(whats(&h), (Some("step add-stage"), Some("step rename-stage")));
        let step = h.redo(step.map, step.revision).unwrap();
        assert_eq!(step.what.id, "step rename-stage");
        assert_eq!(whats(&h), (Some("step rename-stage"), Some("step delete-determinant")));
    }

    fn det(id: &str, label: &str) -> Determinant {
        Determinant::uncoded(id, label, vec!["A".into()], Position::default())
    }

    fn stage(id: &str, label: &str) -> Stage {
        Stage {
            id: id.into(),
            label: label.into(),
            description: String::new(),
            position: Position::default(),
        }
    }

    fn inf(id: &str, from: &str, to: &str, sign: Sign) -> Influence {
        Influence {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            sign,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: vec![],
        }
    }

    fn sample() -> Map {
        Map {
            title: "t".into(),
            categories: vec![edit::default_category()],
            stages: vec![stage("s1", "Stage")],
            determinants: vec![det("d1", "One"), det("d2", "Two")],
            influences: vec![
                inf("i1", "d1", "s1", Sign::Enables),
                inf("i2", "d2", "s1", Sign::Enables),
            ],
            ..Default::default()
        }
    }

    /// The words of the Edit menu ("Undo …") for the edits the window makes.
    #[test]
    fn edits_describe_themselves_in_the_editor_s_words() {
        let m = sample();
        let flipped = |id: &str| {
            let mut i = m.influence(&Id::from(id)).unwrap().clone();
            i.sign = i.sign.flipped();
            Edit::SetInfluence(i)
        };
        let mut renamed = det("d1", "Renamed");
        let mut coded = det("d1", "One");
        coded.notes = "a note".into();
        let cases: Vec<(Edit, &str)> = vec![
            (Edit::AddStage(stage("s2", "New stage")), "add stage"),
            (Edit::AddDeterminant(det("d3", "New")), "add determinant"),
            (
                Edit::Insert(Map {
                    determinants: vec![det("d3", "New determinant")],
                    ..Default::default()
                }),
                "add determinant",
            ),
            (
                Edit::Insert(Map {
                    determinants: vec![det("d3", "x"), det("d4", "y")],
                    stages: vec![stage("s2", "z")],
                    ..Default::default()
                }),
                "add 3 items",
            ),
            (Edit::SetDeterminant(renamed.clone()), "rename determinant"),
            (Edit::SetDeterminant(coded), "edit notes"),
            (Edit::SetStage(stage("s1", "Other")), "rename stage"),
            (flipped("i1"), "flip sign"),
            (Edit::Batch(vec![flipped("i1"), flipped("i2")]), "flip 2 signs"),
            (Edit::Batch(vec![flipped("i1")]), "flip sign"),
            (
                Edit::Move(vec![("d1".into(), Position::new(1.0, 1.0))]),
                "move determinant",
            ),
            (
                Edit::Move(vec![
                    ("d1".into(), Position::new(1.0, 1.0)),
                    ("s1".into(), Position::new(2.0, 1.0)),
                ]),
                "move 2 items",
            ),
            (Edit::Remove(vec!["s1".into()]), "delete stage"),
            (Edit::Remove(vec!["i1".into()]), "delete influence"),
            (Edit::Remove(vec!["d1".into(), "d2".into()]), "delete 2 items"),
            (Edit::MoveStage { id: "s1".into(), to: 0 }, "reorder stages"),
            (Edit::SetTitle("x".into()), "edit title"),
            (
                Edit::Batch(vec![Edit::SetTitle("x".into()), Edit::SetDescription("y".into())]),
                "2 changes",
            ),
        ];
        for (edit, words) in cases {
            assert_eq!(edit.describe(&m).text_in(Language::English), words, "{edit:?}");
        }
        // The same label is not a rename.
        renamed.label = "One".into();
        assert_eq!(
            Edit::SetDeterminant(renamed).describe(&m).text_in(Language::English),
            "edit determinant"
        );
    }

    /// The same steps in Spanish: the kind of item and the count agree inside one message.
    #[test]
    fn edits_describe_themselves_in_spanish() {
        let m = sample();
        let es = |e: Edit| e.describe(&m).text_in(Language::Spanish);
        assert_eq!(es(Edit::AddStage(stage("s2", "x"))), "agregar etapa");
        assert_eq!(
            es(Edit::Move(vec![("d1".into(), Position::new(1.0, 1.0))])),
            "mover determinante"
        );
        assert_eq!(es(Edit::Remove(vec!["i1".into()])), "eliminar influencia");
        assert_eq!(es(Edit::Remove(vec!["d1".into(), "d2".into()])), "eliminar 2 elementos");
        assert_eq!(
            es(Edit::Batch(vec![
                Edit::SetTitle("x".into()),
                Edit::SetDescription("y".into())
            ])),
            "2 cambios"
        );
    }
}
