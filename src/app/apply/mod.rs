//! The apply point: the one place where the window's state changes, and the window around it.
//!
//! [`AppModel`] is the application without a window: it owns the document, the selection, the
//! history, the analysis view and its derived results, the recovery session and the status line,
//! and changes them only in [`AppModel::apply`], one [`Request`] at a time. What it needs from the
//! platform (a file dialog, the title, the clipboard, the view of the canvas, a wake-up at the
//! autosave deadline) it returns as [`PlatformAction`]s, so it is tested as plain Rust with time passed in.
//!
//! [`DetmapApp`] is the eframe app: the model, the panels, the file dialogs and the queue of
//! requests. eframe calls `App::logic` before every frame and also while the window is hidden (when
//! a repaint was asked for), and `App::ui` only while it is visible; so `logic` does everything that
//! must not wait for the window to be shown (dialog answers, a close request from the taskbar, the
//! queued requests, autosave) and `ui` only draws and queues.
//!
//! - `mod.rs`: [`AppModel`], [`PlatformAction`];
//! - `command_handling.rs`: [`AppModel::apply`] and the edits, selection, undo and commands;
//! - `files.rs`: opening, saving (asking first when someone else changed the file), exporting,
//!   "save changes first?", dialog answers;
//! - `layouts.rs`: the analysis panel's toggle and the two automatic layouts;
//! - `placement.rs`: where new determinants and stages go (free space next to the selection);
//! - `autosave.rs`: the recovery copy and the offer to restore one;
//! - `window.rs`: [`DetmapApp`]: construction, what tests read of it, and [`run`], which opens the window;
//! - `logic.rs`: `App::logic`: platform input in, platform actions out; `clock.rs`: the time it
//!   runs at, which goes on while the window is hidden;
//! - `ui.rs`: `App::ui`, `App::save`, `App::on_exit`.
//!
//! Nothing outside this folder names [`AppModel`] or [`DetmapApp`] (other than the `pub use` in
//! `app/mod.rs`): panels read [`AppState`] and send [`Request`]s.

mod autosave;
mod clock;
mod command_handling;
mod files;
mod layouts;
mod logic;
mod placement;
mod room;
mod screen;
mod steps;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_capture;
#[cfg(test)]
mod tests_confidence;
#[cfg(test)]
mod tests_steps;
mod ui;
mod window;

pub use layouts::FORCE_LAYOUT_MAX_NODES;
pub use window::{DetmapApp, run};

use super::commands::Request;
use super::dialogs::DialogRequest;
use super::document::Document;
use super::persistence::Prefs;
use super::recovery::Recovery;
use super::state::{AppState, Screen};
use super::undo::History;
use crate::model::{Id, Map, Position};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How much larger the interface is drawn in presentation mode.
const PRESENTATION_ZOOM: f32 = 1.25;

/// What the model needs the platform to do after a request.
#[derive(Debug, Clone, PartialEq)]
pub enum PlatformAction {
    /// Open a file dialog; its answer comes back as [`Request::Answered`].
    Ask(DialogRequest),
    /// The window's title.
    Title(String),
    /// Put this text on the clipboard.
    CopyText(String),
    /// Ask for the clipboard's text; it comes back as [`Request::PasteText`].
    RequestPaste,
    /// Close the window: the user chose to quit.
    Close,
    /// Keep the window open although the platform asked to close it, and show it (it may be
    /// minimised): "Save changes?" waits for an answer.
    CancelClose,
    Theme {
        dark: bool,
    },
    /// The interface's zoom factor (presentation mode draws everything larger).
    Zoom(f32),
    /// Fill the screen, or go back to a window.
    Fullscreen(bool),
    Canvas(CanvasEffect),
    /// Put the keyboard in the outline's search field.
    FocusSearch,
    /// Run `logic` again after this long even if nothing happens: the autosave deadline.
    WakeAfter(Duration),
}

/// What the canvas is asked to do with its view (the view is the canvas's own, not the model's).
#[derive(Debug, Clone, PartialEq)]
pub enum CanvasEffect {
    /// A new document: forget the old one's view and fit the new one.
    Reset,
    Fit,
    /// Fit once the panels have settled (the canvas changed size, or a layout moved everything).
    FitSoon,
    ZoomBy(f32),
    /// Bring this node to the middle of the canvas.
    CentreOn(Id),
    /// Remember the view, to go back to it (entering presentation mode).
    SaveView,
    /// Go back to the view last remembered (leaving presentation mode).
    RestoreView,
    /// Bring this part of the map (map units) into view, moving the view only as far as needed:
    /// a node just added, which the canvas has not drawn yet.
    Show(egui::Rect),
    /// Frame these stages and determinants (what a presentation step shows), readable if they
    /// fit so, moving there in a short animation.
    Frame(Vec<Id>),
}

/// The application without a window. See the module documentation.
pub struct AppModel {
    state: AppState,
    history: History,
    /// Autosave and the restore offer; `None` in tests that do not ask for it (and when the
    /// platform has no data folder).
    recovery: Option<Recovery>,
    /// Revisions are never reused, so an undo past a save and a new edit cannot look saved.
    last_revision: u64,
    /// The document's map at one revision, shared: the undo step before the next edit and the
    /// panic hook's snapshot are this one copy, made once per revision when first needed.
    snapshot: Option<(u64, Arc<Map>)>,
    /// The revision last made by an edit, which was checked against every rule of the model: the
    /// next edit that keeps the structure need check only what it changes (`edit::apply_over_valid`).
    valid: Option<u64>,
    /// Set once the user agreed to quit, so the close request is let through.
    quitting: bool,
    /// A file dialog is open: another is not asked for until it answers.
    dialog_open: bool,
    /// Where keyboard-added items go: the middle of the canvas as last drawn.
    view_centre: Position,
    /// The node added last: the next new one goes next to it when nothing is selected.
    last_made: Option<Id>,
    /// The title last given to the platform, to give it only when it changes.
    title: String,
    /// The time of the request being applied (seconds, the window's clock): undo merging.
    now: f64,
    /// What the request being applied needs from the platform.
    effects: Vec<PlatformAction>,
    /// The window as it was before presentation mode, to restore it exactly on leaving.
    before_presentation: Option<BeforePresentation>,
}

/// What presentation mode changes and gives back.
#[derive(Debug, Clone)]
struct BeforePresentation {
    fullscreen: bool,
    dark: bool,
    focus: Option<super::analysis_view::Focus>,
    knocked_out: Option<Id>,
    /// A step sets these too.
    direct_only: bool,
    filters: super::analysis_view::Filters,
    min_confidence: crate::model::Level,
}

impl AppModel {
    /// The model with `prefs`, on `file` (the start screen when there is none, or when it does
    /// not open: its problem is then shown there).
    pub fn new(prefs: Prefs, dark: bool, file: Option<PathBuf>) -> Self {
        let show_analysis = prefs.show_analysis;
        let mut model = AppModel {
            state: AppState::new(Document::new(Map::default(), None), prefs, dark),
            history: History::default(),
            recovery: None,
            last_revision: 0,
            snapshot: None,
            valid: None,
            quitting: false,
            dialog_open: false,
            view_centre: Position::default(),
            last_made: None,
            title: String::new(),
            now: 0.0,
            effects: Vec::new(),
            before_presentation: None,
        };
        model.state.analysis.set_open(show_analysis);
        // The start screen until a file opens (which shows the editor): a file that does not open
        // leaves the start screen with its problem, and no map was open to be "unchanged".
        model.state.screen = Screen::Start;
        if let Some(path) = file {
            model.open_path(&path);
        }
        model.effects.clear();
        model
    }

    /// What the panels read.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The window title as last given to the platform.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where items added from the keyboard go: the middle of the canvas, which only the canvas knows.
    pub fn set_view_centre(&mut self, centre: Position) {
        self.view_centre = centre;
    }

    /// Applies one request at `now` (seconds) and returns what it needs of the platform.
    pub fn apply(&mut self, request: Request, now: f64) -> Vec<PlatformAction> {
        self.now = now;
        self.apply_request(request);
        self.state.can_undo = self.history.can_undo();
        self.state.can_redo = self.history.can_redo();
        // In words now, so a language switch (itself a request) renames them at once.
        self.state.undo_what = self.history.undo_what().map(crate::i18n::Message::text);
        self.state.redo_what = self.history.redo_what().map(crate::i18n::Message::text);
        std::mem::take(&mut self.effects)
    }

    /// What runs every frame, and while the window is hidden, after the requests: autosave (with
    /// the wake-up at its next deadline), the analysis brought up to date, and the title.
    pub fn tick(&mut self, now: f64) -> Vec<PlatformAction> {
        self.now = now;
        self.autosave();
        self.state.derived.refresh(&self.state.doc, &self.state.analysis);
        self.refresh_comparison();
        let title = self.window_title();
        if title != self.title {
            self.title = title.clone();
            self.effects.push(PlatformAction::Title(title));
        }
        std::mem::take(&mut self.effects)
    }

    fn window_title(&self) -> String {
        let doc = &self.state.doc;
        match self.state.screen {
            Screen::Start => "Determinant Mapper".to_owned(),
            Screen::Editor if doc.is_dirty() => crate::tr!("window-title-unsaved", name = doc.display_name()),
            Screen::Editor => format!("{} — Determinant Mapper", doc.display_name()),
        }
    }

    /// The document's map at its current revision, shared (see `snapshot`).
    fn shared_map(&mut self) -> Arc<Map> {
        shared_map(&mut self.snapshot, &self.state.doc)
    }

    fn next_revision(&mut self) -> u64 {
        self.last_revision += 1;
        self.last_revision
    }

    fn canvas(&mut self, effect: CanvasEffect) {
        self.effects.push(PlatformAction::Canvas(effect));
    }

    /// The document changed (an edit, an undo, another document): the analysis view forgets what
    /// named items that are gone.
    fn document_changed(&mut self) {
        let map = &self.state.doc.map;
        let selection = &mut self.state.selection;
        if selection.ids.len() <= FEW {
            selection.retain_existing(map);
        } else {
            // Looked up in a set of the map's ids: one scan of the map per selected item would be
            // quadratic (a drag of 10,000 selected determinants took seconds).
            let ids = item_ids(map);
            selection.ids.retain(|id| ids.contains(id));
        }
        self.state.analysis.forget_missing(&self.state.doc.map);
        if self.state.step.is_some() {
            self.refresh_step_view();
        }
    }
}

/// Up to this many ids are looked up in the map one by one; more, in a set of its ids.
const FEW: usize = 8;

/// Every stage, determinant and influence id of `map`.
fn item_ids(map: &Map) -> std::collections::HashSet<&Id> {
    map.stages
        .iter()
        .map(|s| &s.id)
        .chain(map.determinants.iter().map(|d| &d.id))
        .chain(map.influences.iter().map(|i| &i.id))
        .collect()
}

/// The map of `doc` at its revision from `snapshot`, or a new shared copy of it kept there. A
/// revision always names the same map (an edit makes a new one; undo and redo bring back a map
/// with its own revision), so the key is enough.
fn shared_map(snapshot: &mut Option<(u64, Arc<Map>)>, doc: &Document) -> Arc<Map> {
    match snapshot {
        Some((revision, map)) if *revision == doc.revision => map.clone(),
        _ => {
            let map = Arc::new(doc.map.clone());
            *snapshot = Some((doc.revision, map.clone()));
            map
        }
    }
}
