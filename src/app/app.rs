//! The frame loop and the one place where state changes.
//!
//! Each frame: platform input (dropped files, close requests, clipboard events, shortcuts, dialog
//! answers) becomes requests; the panels draw from `&AppState` and add requests; then
//! [`DetmapApp::apply`] runs them in order. Undo, dirty tracking and recent files hook in here only.

use super::commands::{Command, PanelKind, Proceed, Purpose, Request, Requests, Select};
use super::dialogs::{Dialogs, RfdDialogs};
use super::edit::{self, Edit, IdAllocator};
use super::persistence::Prefs;
use super::document::Document;
use super::state::{AppState, Screen};
use super::ui::{self, Panels};
use super::undo::History;
use crate::model::{Determinant, Effect, Id, Influence, Map, Position, Stage};
use std::collections::HashSet;
use std::path::PathBuf;

/// How much larger the interface is drawn in presentation mode.
const PRESENTATION_ZOOM: f32 = 1.25;

pub struct DetmapApp {
    pub(super) state: AppState,
    pub(super) history: History,
    pub(super) dialogs: Box<dyn Dialogs>,
    pub(super) requests: Requests,
    pub(super) panels: Panels,
    /// Revisions are never reused, so an undo past a save and a new edit cannot look saved.
    pub(super) last_revision: u64,
    /// The title last sent to the window, to send it only when it changes.
    pub(super) title: String,
    /// Set once the user agreed to quit, so the close request is let through.
    pub(super) quitting: bool,
    pub(super) now: f64,
    /// Autosave and the restore offer; `None` in tests that do not ask for it.
    pub(super) recovery: Option<super::recovery::Recovery>,
}

impl DetmapApp {
    /// The window's app: real file dialogs, preferences from eframe's storage. With no file, the
    /// start screen shows the samples and recent files.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let prefs = Prefs::load(cc.storage);
        Self::with_dialogs(&cc.egui_ctx, prefs, file, Box::new(RfdDialogs::default())).with_platform_recovery()
    }

    /// The app with the given dialogs and preferences (tests pass scripted dialogs).
    pub fn with_dialogs(ctx: &egui::Context, prefs: Prefs, file: Option<PathBuf>, dialogs: Box<dyn Dialogs>) -> Self {
        let dark = prefs.dark.unwrap_or_else(|| ctx.global_style().visuals.dark_mode);
        ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
        let empty = Document::new(Map::default(), None);
        let show_analysis = prefs.show_analysis;
        let mut app = DetmapApp {
            state: AppState::new(empty, prefs, dark),
            history: History::default(),
            dialogs,
            requests: Requests::default(),
            panels: Panels::default(),
            last_revision: 0,
            title: String::new(),
            quitting: false,
            now: 0.0,
            recovery: None,
        };
        app.state.analysis.set_open(show_analysis);
        match file {
            Some(path) => {
                app.open_path(&path);
                if app.state.load_problem.is_some() {
                    app.state.screen = Screen::Start;
                }
            }
            None => app.state.screen = Screen::Start,
        }
        app
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub(super) fn next_revision(&mut self) -> u64 {
        self.last_revision += 1;
        self.last_revision
    }

    /// Everything that happened this frame, in order.
    fn apply_all(&mut self, ctx: &egui::Context) {
        for request in self.requests.take() {
            self.apply(request, ctx);
        }
        self.state.can_undo = self.history.can_undo();
        self.state.can_redo = self.history.can_redo();
    }

    pub fn apply(&mut self, request: Request, ctx: &egui::Context) {
        // The restore offer is modal for the keyboard and dropped files too: until it is answered
        // nothing else acts, or a shortcut pressed behind it would change the document that
        // Restore then replaces without asking.
        if self.state.recovery_offer.is_some() && !matches!(request, Request::Recover(_)) {
            return;
        }
        match request {
            Request::Run(c) => self.run(c, ctx),
            Request::Edit { edit, merge } => {
                self.edit(edit, merge.as_deref());
            }
            Request::Select(s) => self.select(s),
            Request::AddDeterminantAt(at) => self.add_determinant(at),
            Request::AddInfluence { from, to, sign } => {
                let id = IdAllocator::new(&self.state.doc.map).fresh("i");
                let influence = Influence {
                    id: id.clone(),
                    from,
                    to,
                    sign,
                    strength: None,
                    confidence: None,
                    note: String::new(),
                    evidence: Vec::new(),
                };
                if self.edit(Edit::AddInfluence(influence), None) {
                    self.state.selection.ids = HashSet::from([id]);
                }
            }
            Request::Reveal(id) => {
                self.state.selection.ids = HashSet::from([id.clone()]);
                let target = match self.state.doc.map.influence(&id) {
                    Some(i) => i.from.clone(),
                    None => id,
                };
                self.panels.canvas.centre_on(&target);
            }
            Request::Rename(id) => self.state.renaming = id,
            Request::Proceed(p) => self.proceed(p, ctx),
            Request::PasteText(text) => self.paste(&text),
            Request::Confirm(choice) => self.confirm(choice, ctx),
            Request::DismissError => self.state.load_problem = None,
            Request::Recover(choice) => self.recover(choice),
            Request::ForgetRecent(p) => self.state.prefs.forget_recent(&p),
            Request::TogglePanel(PanelKind::Outline) => self.state.prefs.show_outline = !self.state.prefs.show_outline,
            Request::TogglePanel(PanelKind::Inspector) => {
                self.state.prefs.show_inspector = !self.state.prefs.show_inspector
            }
            Request::Analysis(r) => self.state.analysis.apply(r),
            Request::CloseWindows => {
                self.state.show_shortcuts = false;
                self.state.show_about = false;
            }
        }
    }

    /// Applies one document edit; returns whether it was applied (it is refused if it would break
    /// the map, and the reason goes to the status bar).
    pub(super) fn edit(&mut self, edit: Edit, merge: Option<&str>) -> bool {
        let doc = &self.state.doc;
        let started = self.history.record(&doc.map, doc.revision, merge, self.now);
        match edit::apply(&mut self.state.doc.map, edit) {
            Ok(()) => {
                self.state.status = None;
                self.state.doc.revision = self.next_revision();
                self.state.selection.retain_existing(&self.state.doc.map);
                true
            }
            Err(edit::Refused(why)) => {
                if started {
                    self.history.discard_last();
                }
                self.state.status = Some(format!("Not done: {why}"));
                false
            }
        }
    }

    fn select(&mut self, s: Select) {
        let ids = &mut self.state.selection.ids;
        match s {
            Select::Only(new) => *ids = new.into_iter().collect(),
            Select::Add(new) => ids.extend(new),
            Select::Toggle(id) => {
                if !ids.remove(&id) {
                    ids.insert(id);
                }
            }
            Select::None => ids.clear(),
        }
        if self
            .state
            .renaming
            .as_ref()
            .is_some_and(|r| !self.state.selection.contains(r))
        {
            self.state.renaming = None;
        }
    }

    fn run(&mut self, c: Command, ctx: &egui::Context) {
        match c {
            Command::New => self.proceed(Proceed::New, ctx),
            Command::Open => self.proceed(Proceed::OpenDialog, ctx),
            Command::Save => match self.state.doc.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_save_as(None, ctx),
            },
            Command::SaveAs => self.ask_save_as(None, ctx),
            Command::ExportDeterminantsCsv | Command::ExportInfluencesCsv | Command::ExportReport => {
                self.ask_export(Purpose::Export(c), c, ctx);
            }
            Command::Quit => self.proceed(Proceed::Quit, ctx),
            Command::Undo => self.undo(true),
            Command::Redo => self.undo(false),
            Command::Copy | Command::Cut => {
                let ids = self.selected_nodes();
                if ids.is_empty() {
                    return;
                }
                ctx.copy_text(edit::copy_text(&self.state.doc.map, &ids));
                if c == Command::Cut {
                    self.edit(Edit::Remove(ids.into_iter().collect()), None);
                }
            }
            // The platform answers with a paste event carrying the clipboard's text.
            Command::Paste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            Command::Duplicate => {
                let ids = self.selected_nodes();
                if !ids.is_empty() {
                    let fragment = edit::fragment(&self.state.doc.map, &ids);
                    self.insert(fragment);
                }
            }
            Command::Delete => {
                let ids: Vec<Id> = self.state.selection.ids.iter().cloned().collect();
                if !ids.is_empty() {
                    self.edit(Edit::Remove(ids), None);
                }
            }
            Command::SelectAll => {
                let map = &self.state.doc.map;
                self.state.selection.ids = map
                    .stages
                    .iter()
                    .map(|s| s.id.clone())
                    .chain(map.determinants.iter().map(|d| d.id.clone()))
                    .collect();
            }
            Command::Find => {
                self.state.prefs.show_outline = true;
                self.set_presentation(false, ctx);
                self.panels.outline.focus_search();
            }
            Command::Rename => {
                if let Some(id) = self
                    .state
                    .selection
                    .single()
                    .filter(|id| self.state.doc.map.node(id).is_some())
                {
                    self.state.renaming = Some(id.clone());
                }
            }
            Command::FlipSign => {
                if !self.panels.canvas.flip_pending_link() {
                    self.flip_selected_signs();
                }
            }
            Command::AddDeterminant => {
                let at = self.panels.canvas.centre_of_view();
                self.add_determinant(at);
            }
            Command::AddStage => self.add_stage(),
            Command::Escape => {
                if self.panels.canvas.cancel_gesture() || self.state.renaming.take().is_some() {
                } else if self.state.presentation {
                    self.set_presentation(false, ctx);
                } else {
                    self.state.selection.ids.clear();
                    self.state
                        .analysis
                        .apply(super::analysis_view::AnalysisRequest::Focus(None));
                }
            }
            Command::ZoomToFit => self.panels.canvas.fit(),
            Command::ZoomIn => self.panels.canvas.zoom_by(1.25),
            Command::ZoomOut => self.panels.canvas.zoom_by(0.8),
            Command::FlowLayout
            | Command::ForceLayout
            | Command::ToggleAnalysis
            | Command::ExportMatrixCsv
            | Command::ExportHandout
            | Command::ExportSvg
            | Command::ExportPng => self.run_analysis(c, ctx),
            Command::ToggleLegend => self.state.prefs.show_legend = !self.state.prefs.show_legend,
            Command::ToggleTheme => {
                self.state.dark = !self.state.dark;
                self.state.prefs.dark = Some(self.state.dark);
                ctx.set_theme(if self.state.dark {
                    egui::Theme::Dark
                } else {
                    egui::Theme::Light
                });
            }
            Command::TogglePresentation => self.set_presentation(!self.state.presentation, ctx),
            Command::ShowShortcuts => self.state.show_shortcuts = !self.state.show_shortcuts,
            Command::About => self.state.show_about = !self.state.show_about,
        }
    }

    /// Presentation mode: no menus or panels, the map refitted to the whole window, thicker lines,
    /// and the interface drawn a quarter larger. Map labels keep their size relative to their boxes
    /// (a larger label would grow its box into its neighbours); they get larger on screen because
    /// the map does.
    fn set_presentation(&mut self, on: bool, ctx: &egui::Context) {
        if self.state.presentation == on {
            return;
        }
        self.state.presentation = on;
        ctx.set_zoom_factor(if on { PRESENTATION_ZOOM } else { 1.0 });
        self.panels.canvas.fit_soon();
    }

    fn selected_nodes(&self) -> HashSet<Id> {
        self.state
            .selection
            .ids
            .iter()
            .filter(|id| self.state.doc.map.node(id).is_some())
            .cloned()
            .collect()
    }

    fn flip_selected_signs(&mut self) {
        let map = &self.state.doc.map;
        let flipped: Vec<Edit> = map
            .influences
            .iter()
            .filter(|i| self.state.selection.contains(&i.id))
            .map(|i| {
                Edit::SetInfluence(Influence {
                    sign: i.sign.flipped(),
                    ..i.clone()
                })
            })
            .collect();
        if !flipped.is_empty() {
            self.edit(Edit::Batch(flipped), None);
        }
    }

    fn undo(&mut self, undo: bool) {
        let doc = &mut self.state.doc;
        let current = std::mem::take(&mut doc.map);
        let result = if undo {
            self.history.undo(current.clone(), doc.revision)
        } else {
            self.history.redo(current.clone(), doc.revision)
        };
        match result {
            Some((map, revision)) => {
                doc.map = map;
                doc.revision = revision;
                self.state.selection.retain_existing(&doc.map);
                self.state.renaming = None;
            }
            None => doc.map = current,
        }
    }

    /// A new determinant at `at`, in the first category (made if the map has none), selected and
    /// with its label open for typing.
    fn add_determinant(&mut self, at: Position) {
        let map = &self.state.doc.map;
        let id = IdAllocator::new(map).fresh("d");
        let category = map.categories.first().cloned().unwrap_or_else(edit::default_category);
        let fragment = Map {
            categories: vec![category.clone()],
            determinants: vec![Determinant {
                id: id.clone(),
                label: "New determinant".into(),
                categories: vec![category.name],
                locus: None,
                directness: None,
                nature: None,
                effect: Effect::Enabler,
                tags: Vec::new(),
                notes: String::new(),
                evidence: Vec::new(),
                position: at,
            }],
            ..Default::default()
        };
        if self.edit(Edit::Insert(fragment), None) {
            self.state.selection.ids = HashSet::from([id.clone()]);
            self.state.renaming = Some(id);
        }
    }

    /// A new stage below the last one (stages usually form a column), or in the middle of the view.
    fn add_stage(&mut self) {
        let map = &self.state.doc.map;
        let id = IdAllocator::new(map).fresh("s");
        let position = match map.stages.last() {
            Some(last) => Position::new(last.position.x, last.position.y + 140.0),
            None => self.panels.canvas.centre_of_view(),
        };
        let stage = Stage {
            id: id.clone(),
            label: "New stage".into(),
            description: String::new(),
            position,
        };
        if self.edit(Edit::AddStage(stage), None) {
            self.state.selection.ids = HashSet::from([id.clone()]);
            self.state.renaming = Some(id);
        }
    }

    fn paste(&mut self, text: &str) {
        match edit::parse_clipboard(text) {
            Some(fragment) => self.insert(fragment),
            None => self.state.status = Some("The clipboard holds no determinants to paste.".into()),
        }
    }

    /// Adds a copied fragment a little below and to the right of where it came from, selected.
    fn insert(&mut self, fragment: Map) {
        let (fragment, ids) = edit::prepare_paste(&self.state.doc.map, fragment, Position::new(40.0, 40.0));
        if self.edit(Edit::Insert(fragment), None) {
            self.state.selection.ids = ids.into_iter().collect();
        }
    }

    // ---- platform input ----

    fn platform_input(&mut self, ctx: &egui::Context) {
        let text_focus = ctx.text_edit_focused();
        let (dropped, clipboard, close) = ctx.input(|i| {
            let dropped: Vec<PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect();
            let clipboard: Vec<egui::Event> = i
                .events
                .iter()
                .filter(|e| matches!(e, egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)))
                .cloned()
                .collect();
            (dropped, clipboard, i.viewport().close_requested())
        });
        if let Some(path) = dropped.into_iter().next() {
            self.requests.send(Request::Proceed(Proceed::OpenPath(path)));
        }
        if !text_focus && self.state.screen == Screen::Editor {
            for e in clipboard {
                self.requests.send(match e {
                    egui::Event::Copy => Request::Run(Command::Copy),
                    egui::Event::Cut => Request::Run(Command::Cut),
                    egui::Event::Paste(text) => Request::PasteText(text),
                    _ => continue,
                });
            }
        }
        if close && !self.quitting && self.state.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state.confirm = Some(Proceed::Quit);
        }
        for c in Command::pressed(ctx) {
            self.requests.run(c);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let doc = &self.state.doc;
        let title = match self.state.screen {
            Screen::Start => "Determinant Mapper".to_owned(),
            Screen::Editor if doc.is_dirty() => {
                format!("● {} (unsaved changes) — Determinant Mapper", doc.display_name())
            }
            Screen::Editor => format!("{} — Determinant Mapper", doc.display_name()),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// Where a stage or determinant was drawn in the last frame, in screen points: lets a test
    /// (or an accessibility layer) point at it as a user would.
    pub fn node_screen_rect(&self, id: &Id) -> Option<egui::Rect> {
        self.panels.canvas.screen_rect_of(id)
    }

    /// The canvas zoom: screen points per map unit.
    pub fn canvas_zoom(&self) -> f32 {
        self.panels.canvas.camera.zoom
    }

    /// The canvas area in the last frame, in screen points.
    pub fn canvas_rect(&self) -> egui::Rect {
        self.panels.canvas.viewport()
    }
}

impl eframe::App for DetmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.now = ctx.input(|i| i.time);
        self.dialog_answers(&ctx);
        self.platform_input(&ctx);
        self.state.refresh_analysis();
        ui::layout(ui, &self.state, &mut self.panels, &mut self.requests);
        ui::recovery::offer(&ctx, &self.state, &mut self.requests);
        self.apply_all(&ctx);
        self.autosave(&ctx);
        self.update_title(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.prefs.save(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.end_recovery();
    }
}
