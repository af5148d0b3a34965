//! What the panels read: the document, the selection and the window's own state. Panels get
//! `&AppState` and send requests; only the apply point (`apply/`) writes here.

use super::analysis_view::AnalysisView;
use super::commands::Proceed;
use super::derived::Derived;
use super::document::Document;
use super::persistence::Prefs;
use crate::model::{Id, Map};
use std::collections::HashSet;
use std::path::PathBuf;

/// What is selected: stages and determinants (nodes) and influences, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Selection {
    pub ids: HashSet<Id>,
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    pub fn contains(&self, id: &Id) -> bool {
        self.ids.contains(id)
    }
    /// The single selected item, if exactly one is selected.
    pub fn single(&self) -> Option<&Id> {
        if self.ids.len() == 1 {
            self.ids.iter().next()
        } else {
            None
        }
    }
    /// Drops ids that no longer name anything in `map` (after undo or delete).
    pub fn retain_existing(&mut self, map: &Map) {
        self.ids
            .retain(|id| map.node(id).is_some() || map.influence(id).is_some());
    }
}

/// A save held back until the user says what to do: it would replace something the window did
/// not write.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: PathBuf,
    /// What to do once the map is saved (or reloaded): what "Save changes first?" was for.
    pub then: Option<Proceed>,
    pub reason: ConflictReason,
}

/// What a save would replace without asking.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ConflictReason {
    /// Someone else changed the file since this window read or wrote it.
    ChangedOnDisk,
    /// The file holds comments written by hand (the first at this line and column), and the
    /// saved layout has no place for them.
    HandComments(crate::format::LineCol),
}

/// A file that could not be opened, shown in the window until dismissed.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadProblem {
    pub file: PathBuf,
    /// One `FILE:LINE:COL: message` line per problem.
    pub lines: Vec<String>,
    /// A map was open in the editor when this happened (and is as it was): the banner says so.
    /// False from the start screen, where there is no map to reassure about.
    pub map_open: bool,
}

/// A sample map as the start screen and File › Open sample show it.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleInfo {
    pub file_name: &'static str,
    pub title: String,
    pub description: String,
    pub determinants: usize,
    pub influences: usize,
    pub stages: usize,
}

impl SampleInfo {
    /// Every sample compiled into the binary that reads (the tests check that all do).
    pub fn all() -> Vec<SampleInfo> {
        crate::samples::all()
            .filter_map(|s| {
                let map = s.load().ok()?;
                Some(SampleInfo {
                    file_name: s.file_name,
                    title: map.title,
                    description: map.description,
                    determinants: map.determinants.len(),
                    influences: map.influences.len(),
                    stages: map.stages.len(),
                })
            })
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Samples and recent files, shown when the window starts without a file.
    Start,
    Editor,
}

/// Everything the panels read.
pub struct AppState {
    pub doc: Document,
    pub selection: Selection,
    pub prefs: Prefs,
    pub screen: Screen,
    pub load_problem: Option<LoadProblem>,
    /// The analysis panel's view state: focus, filters, knock-out (not saved anywhere).
    pub analysis: AnalysisView,
    /// Analysis results, recomputed only when the document or `analysis` changes.
    pub derived: Derived,
    /// A short message in the status bar (saved, refused edit, could not save…).
    pub status: Option<String>,
    /// The node whose label is being typed on the canvas.
    pub renaming: Option<Id>,
    /// "Save changes first?" is on screen, and what to do after.
    pub confirm: Option<Proceed>,
    /// A save to the document's file would replace what this window did not write (another
    /// program's changes, comments written by hand), and it waits for the user.
    pub conflict: Option<Conflict>,
    pub samples: Vec<SampleInfo>,
    pub show_shortcuts: bool,
    pub show_about: bool,
    pub presentation: bool,
    /// The presentation step on screen (an index into the map's steps), while presenting.
    pub step: Option<usize>,
    /// What the step on screen shows (`export::step_view`, as the slides print it): the canvas
    /// hides what a revealing step has not shown yet.
    pub step_view: Option<crate::export::step_view::StepView>,
    /// The step the steps panel works on (renamed, moved, deleted, played from).
    pub step_selected: Option<Id>,
    /// A step on screen tells its story with its title and the map alone: the explanation of
    /// the focus beside the map (which takes a third of a projector's width) waits for a click
    /// on the map.
    pub step_fills_screen: bool,
    /// The window fills the screen (F11, or presentation mode).
    pub fullscreen: bool,
    pub dark: bool,
    pub can_undo: bool,
    pub can_redo: bool,
    /// What Undo and Redo would undo and redo ("add stage"), for the Edit menu.
    pub undo_what: Option<String>,
    pub redo_what: Option<String>,
    /// A recovery copy left by a window that closed without saving, offered until answered.
    pub recovery_offer: Option<super::recovery::Offer>,
    /// The last merge's conflicts, listed until closed (File › Merge…).
    pub merge_review: Option<super::room::MergeReview>,
    /// The map compared with another (View › Compare with…), until closed.
    pub comparison: Option<super::room::Comparison>,
}

impl AppState {
    pub fn new(doc: Document, prefs: Prefs, dark: bool) -> Self {
        AppState {
            doc,
            selection: Selection::default(),
            prefs,
            screen: Screen::Editor,
            load_problem: None,
            analysis: AnalysisView::default(),
            derived: Derived::default(),
            status: None,
            renaming: None,
            confirm: None,
            conflict: None,
            samples: SampleInfo::all(),
            show_shortcuts: false,
            show_about: false,
            presentation: false,
            step: None,
            step_view: None,
            step_selected: None,
            step_fills_screen: false,
            fullscreen: false,
            dark,
            can_undo: false,
            can_redo: false,
            undo_what: None,
            redo_what: None,
            recovery_offer: None,
            merge_review: None,
            comparison: None,
        }
    }
}
