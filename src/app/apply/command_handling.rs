//! [`AppModel::apply`]: each request, and the edits, selection, history and commands it leads to.
//! Undo, dirty tracking and the analysis view's resets hook in here only.

use super::{AppModel, BeforePresentation, CanvasEffect, PRESENTATION_ZOOM, PlatformAction};
use crate::app::analysis_view::AnalysisRequest;
use crate::app::commands::{Command, PanelKind, Proceed, Request, Select};
use crate::app::edit::{self, Edit, IdAllocator};
use crate::app::undo::Step;
use crate::model::{Determinant, Id, Influence, Map, Position, Stage};
use std::collections::HashSet;
use std::sync::Arc;

impl AppModel {
    pub(super) fn apply_request(&mut self, request: Request) {
        if let Request::Answered { .. } = request {
            // Whatever else happens to it, the dialog is closed.
            self.dialog_open = false;
        }
        // The restore offer is modal for the keyboard and dropped files too: until it is answered
        // nothing else acts, or a shortcut pressed behind it would change the document that
        // Restore then replaces without asking. A close request is the platform's, not the user's
        // answer to anything, and is handled as always.
        if self.state.recovery_offer.is_some() && !matches!(request, Request::Recover(_) | Request::CloseRequested) {
            return;
        }
        match request {
            Request::Run(c) => self.run(c),
            Request::Edit { edit, merge } => {
                self.edit(edit, merge.as_deref());
            }
            Request::Select(s) => self.select(s),
            Request::AddDeterminantAt(at) => self.add_determinant(Some(at)),
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
                self.canvas(CanvasEffect::CentreOn(target));
            }
            Request::Rename(id) => self.state.renaming = id,
            Request::Proceed(p) => self.proceed(p),
            Request::PasteText(text) => self.paste(&text),
            Request::Confirm(choice) => self.confirm(choice),
            Request::Conflict(choice) => self.resolve_conflict(choice),
            Request::Language(language) => {
                self.state.prefs.language = language;
                crate::i18n::set_language(language.unwrap_or_else(crate::i18n::Language::from_system));
            }
            Request::Answered { purpose, path } => {
                if let Some(path) = path {
                    self.dialog_answer(purpose, path);
                }
            }
            Request::CloseRequested => self.close_requested(),
            Request::DismissError => self.state.load_problem = None,
            Request::Recover(choice) => self.recover(choice),
            Request::ForgetRecent(p) => self.state.prefs.forget_recent(&p),
            Request::TogglePanel(PanelKind::Outline) => self.state.prefs.show_outline = !self.state.prefs.show_outline,
            Request::TogglePanel(PanelKind::Inspector) => {
                self.state.prefs.show_inspector = !self.state.prefs.show_inspector
            }
            Request::Analysis(r) => {
                // A click on the map while a step is on screen: explain it beside the map.
                self.state.step_fills_screen = false;
                self.state.analysis.apply(r)
            }
            Request::Steps(r) => self.step_request(r),
            Request::CloseWindows => {
                self.state.show_shortcuts = false;
                self.state.show_about = false;
            }
            Request::KeepMergeValue { conflict, value } => self.keep_merge_value(conflict, value),
            Request::CloseMergeReview => self.state.merge_review = None,
            Request::CloseComparison => self.state.comparison = None,
        }
    }

    /// The platform asks to close the window (its close button, the taskbar, the system). With
    /// unsaved changes and no decision to quit yet, the window stays and asks first.
    fn close_requested(&mut self) {
        if !self.quitting && self.state.doc.is_dirty() {
            self.effects.push(PlatformAction::CancelClose);
            self.state.confirm = Some(Proceed::Quit);
        }
    }

    /// Applies one document edit; returns whether it was applied (it is refused if it would break
    /// the map, and the reason goes to the status bar).
    pub(super) fn edit(&mut self, edit: Edit, merge: Option<&str>) -> bool {
        // The map as it was: the undo step, and what a refused edit is put back to. Usually the
        // copy autosave already made of this revision for the panic hook, so no copy is made here.
        let before = self.shared_map();
        let what = edit.describe(&before);
        let result = if self.valid == Some(self.state.doc.revision) {
            edit::apply_over_valid(&mut self.state.doc.map, edit, &before)
        } else {
            edit::apply_over(&mut self.state.doc.map, edit, &before)
        };
        match result {
            Ok(()) => {
                self.history
                    .record(before, self.state.doc.revision, what, merge, self.now);
                self.state.status = None;
                self.state.doc.revision = self.next_revision();
                self.valid = Some(self.state.doc.revision);
                self.document_changed();
                true
            }
            Err(edit::Refused(why)) => {
                self.state.status = Some(crate::tr!("status-not-done", why = why));
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

    fn run(&mut self, c: Command) {
        match c {
            Command::New => self.proceed(Proceed::New),
            Command::Open => self.proceed(Proceed::OpenDialog),
            Command::Save => match self.state.doc.path.clone() {
                Some(path) => {
                    self.save_checked(&path, None);
                }
                None => self.ask_save_as(None),
            },
            Command::SaveAs => self.ask_save_as(None),
            Command::Import => self.proceed(Proceed::ImportDialog),
            Command::Merge => self.ask_merge(),
            Command::Compare => self.ask_compare(),
            Command::Export(e) => self.ask_export(e),
            Command::Quit => self.proceed(Proceed::Quit),
            Command::Undo => self.undo(true),
            Command::Redo => self.undo(false),
            Command::Copy | Command::Cut => {
                let ids = self.selected_nodes();
                if ids.is_empty() {
                    return;
                }
                self.effects
                    .push(PlatformAction::CopyText(edit::copy_text(&self.state.doc.map, &ids)));
                if c == Command::Cut {
                    self.edit(Edit::Remove(ids.into_iter().collect()), None);
                }
            }
            // The platform answers with a paste event carrying the clipboard's text.
            Command::Paste | Command::PasteLines => self.effects.push(PlatformAction::RequestPaste),
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
                self.set_presentation(false);
                self.effects.push(PlatformAction::FocusSearch);
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
            // A link being drawn on the canvas is flipped by the canvas itself (`logic.rs`).
            Command::FlipSign => self.flip_selected_signs(),
            Command::AddDeterminant => self.add_determinant(None),
            Command::AddStage => self.add_stage(),
            // A gesture on the canvas is cancelled by the canvas itself first (`logic.rs`).
            Command::Escape => {
                if self.state.renaming.take().is_some() {
                } else if self.state.presentation {
                    self.set_presentation(false);
                } else {
                    self.state.selection.ids.clear();
                    self.state.analysis.apply(AnalysisRequest::Focus(None));
                }
            }
            Command::ZoomToFit => self.canvas(CanvasEffect::Fit),
            Command::ZoomIn => self.canvas(CanvasEffect::ZoomBy(1.25)),
            Command::ZoomOut => self.canvas(CanvasEffect::ZoomBy(0.8)),
            Command::FlowLayout | Command::ForceLayout | Command::ToggleAnalysis => self.run_analysis(c),
            Command::ToggleLegend => self.state.prefs.show_legend = !self.state.prefs.show_legend,
            Command::ToggleDragSelects => self.state.prefs.drag_selects = !self.state.prefs.drag_selects,
            Command::ToggleTheme => {
                self.state.dark = !self.state.dark;
                if self.state.presentation {
                    self.state.prefs.presentation_dark = self.state.dark;
                } else {
                    self.state.prefs.dark = Some(self.state.dark);
                }
                self.effects.push(PlatformAction::Theme { dark: self.state.dark });
            }
            Command::TogglePresentation => self.set_presentation(!self.state.presentation),
            Command::ToggleFullscreen => self.set_fullscreen(!self.state.fullscreen),
            // The panel is hidden in presentation mode: no key acts on it there.
            Command::ToggleSteps if self.state.presentation => {}
            Command::ToggleSteps => self.state.prefs.show_steps = !self.state.prefs.show_steps,
            Command::NextStep => self.step_by(1),
            Command::PreviousStep => self.step_by(-1),
            Command::ShowShortcuts => self.state.show_shortcuts = !self.state.show_shortcuts,
            Command::About => self.state.show_about = !self.state.show_about,
        }
    }

    /// Presentation mode: the screen filled, no menus or panels (the legend stays, docked), the
    /// light theme unless the user chose dark for presenting, thicker lines, the interface a
    /// quarter larger, and the map refitted. Clicking a stage or a determinant lights what feeds
    /// it or what it feeds and explains it beside the map. Leaving restores the window exactly:
    /// full screen or not, theme, view, and the analysis focus and knock-out it had.
    pub(super) fn set_presentation(&mut self, on: bool) {
        if self.state.presentation == on {
            return;
        }
        self.state.presentation = on;
        self.state.renaming = None;
        if on {
            self.before_presentation = Some(BeforePresentation {
                fullscreen: self.state.fullscreen,
                dark: self.state.dark,
                focus: self.state.analysis.focus.clone(),
                knocked_out: self.state.analysis.knocked_out.clone(),
                direct_only: self.state.analysis.direct_only,
                filters: self.state.analysis.filters.clone(),
                min_confidence: self.state.analysis.min_confidence,
            });
            self.canvas(CanvasEffect::SaveView);
            self.set_fullscreen(true);
            self.set_dark(self.state.prefs.presentation_dark);
            self.state.analysis.set_presenting(true);
            self.effects.push(PlatformAction::Zoom(PRESENTATION_ZOOM));
            self.canvas(CanvasEffect::FitSoon);
        } else {
            self.state.step = None;
            self.state.step_view = None;
            self.state.step_fills_screen = false;
            self.state.analysis.set_presenting(false);
            self.effects.push(PlatformAction::Zoom(1.0));
            if let Some(before) = self.before_presentation.take() {
                self.set_fullscreen(before.fullscreen);
                self.set_dark(before.dark);
                self.state.analysis.apply(AnalysisRequest::Focus(before.focus));
                self.state.analysis.apply(AnalysisRequest::KnockOut(before.knocked_out));
                self.state
                    .analysis
                    .apply(AnalysisRequest::DirectOnly(before.direct_only));
                self.state.analysis.apply(AnalysisRequest::Filters(before.filters));
                self.state
                    .analysis
                    .apply(AnalysisRequest::MinConfidence(before.min_confidence));
            }
            self.canvas(CanvasEffect::RestoreView);
        }
    }

    fn set_fullscreen(&mut self, on: bool) {
        if self.state.fullscreen != on {
            self.state.fullscreen = on;
            self.effects.push(PlatformAction::Fullscreen(on));
        }
    }

    /// The theme drawn now (not the preference: presentation mode has its own).
    fn set_dark(&mut self, dark: bool) {
        if self.state.dark != dark {
            self.state.dark = dark;
            self.effects.push(PlatformAction::Theme { dark });
        }
    }

    fn selected_nodes(&self) -> HashSet<Id> {
        let map = &self.state.doc.map;
        let nodes: HashSet<&Id> = map
            .stages
            .iter()
            .map(|s| &s.id)
            .chain(map.determinants.iter().map(|d| &d.id))
            .collect();
        self.state
            .selection
            .ids
            .iter()
            .filter(|id| nodes.contains(id))
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
        let possible = if undo {
            self.history.can_undo()
        } else {
            self.history.can_redo()
        };
        if !possible {
            return;
        }
        // The map leaving goes to the other stack as it is shared already, or moved: no copy.
        let revision = self.state.doc.revision;
        let current = match self.snapshot.take() {
            Some((r, map)) if r == revision => map,
            _ => Arc::new(std::mem::take(&mut self.state.doc.map)),
        };
        let step = if undo {
            self.history.undo(current, revision)
        } else {
            self.history.redo(current, revision)
        };
        let Some(Step { map, revision, what }) = step else {
            return;
        };
        self.state.status = Some(if undo {
            crate::tr!("status-undone", what = what.text())
        } else {
            crate::tr!("status-redone", what = what.text())
        });
        self.state.doc.map = match Arc::try_unwrap(map) {
            Ok(map) => map,
            // Still the panic hook's snapshot: one copy, which is then this revision's snapshot.
            Err(shared) => {
                let map = (*shared).clone();
                self.snapshot = Some((revision, shared));
                map
            }
        };
        self.state.doc.revision = revision;
        self.state.renaming = None;
        self.document_changed();
    }

    /// A new determinant in free space (see `placement.rs`): at `at`, a spot the user chose, unless
    /// that is taken; else next to the selection or the node made last. In the first category
    /// (made if the map has none), selected, with its label open for typing, and in view.
    fn add_determinant(&mut self, at: Option<Position>) {
        // Made in the language the user works in; from then on it is map content like any label.
        let label = crate::tr!("new-determinant-label");
        let label = label.as_str();
        let mut placer = self.determinant_placer(at);
        let position = placer.determinant(label);
        let map = &self.state.doc.map;
        let id = IdAllocator::new(map).fresh("d");
        let category = map.categories.first().cloned().unwrap_or_else(edit::default_category);
        let fragment = Map {
            categories: vec![category.clone()],
            determinants: vec![Determinant::uncoded(id.clone(), label, vec![category.name], position)],
            ..Default::default()
        };
        if self.edit(Edit::Insert(fragment), None) {
            self.state.selection.ids = HashSet::from([id.clone()]);
            self.state.renaming = Some(id.clone());
            self.made(id);
            self.show_placed(&placer);
        }
    }

    /// A new stage in free space below the selected or the last stage (stages usually form a
    /// column), or in the middle of the view; selected, its label open for typing, and in view.
    fn add_stage(&mut self) {
        let label = crate::tr!("new-stage-label");
        let label = label.as_str();
        let id = IdAllocator::new(&self.state.doc.map).fresh("s");
        let mark = self.effects.len();
        let position = self.place_stage(label);
        let stage = Stage {
            id: id.clone(),
            label: label.into(),
            description: String::new(),
            position,
        };
        if self.edit(Edit::AddStage(stage), None) {
            self.state.selection.ids = HashSet::from([id.clone()]);
            self.state.renaming = Some(id.clone());
            self.made(id);
        } else {
            // Refused (a map at its limit of stages): the view stays where it was.
            self.effects.truncate(mark);
        }
    }

    /// The clipboard's text: a copied map fragment is inserted as it was; any other text with
    /// lines in it makes one determinant per line.
    fn paste(&mut self, text: &str) {
        if let Some(fragment) = edit::parse_clipboard(text) {
            return self.insert(fragment);
        }
        if edit::looks_like_a_map(text) {
            self.state.status = Some(crate::tr!("status-paste-broken-map"));
            return;
        }
        match edit::pasted_labels(text) {
            Ok(labels) => self.add_determinants(&labels),
            Err(why) => self.state.status = Some(why),
        }
    }

    /// One determinant per label, a column in the order of the lines, in free space next to the
    /// selection, as one undo step; selected after.
    fn add_determinants(&mut self, labels: &[String]) {
        let mut placer = self.determinant_placer(None);
        let map = &self.state.doc.map;
        let mut ids = IdAllocator::new(map);
        let category = map.categories.first().cloned().unwrap_or_else(edit::default_category);
        let determinants: Vec<Determinant> = labels
            .iter()
            .zip(placer.column(labels))
            .map(|(label, position)| {
                Determinant::uncoded(ids.fresh("d"), label.as_str(), vec![category.name.clone()], position)
            })
            .collect();
        let new: Vec<Id> = determinants.iter().map(|d| d.id.clone()).collect();
        let fragment = Map {
            categories: vec![category],
            determinants,
            ..Default::default()
        };
        if self.edit(Edit::Insert(fragment), None) {
            self.state.selection.ids = new.iter().cloned().collect();
            self.state.status = Some(edit::added_from_lines(new.len()));
            if let Some(last) = new.last() {
                self.made(last.clone());
            }
            self.show_placed(&placer);
        }
    }

    /// Adds a copied fragment a little below and to the right of where it came from, selected.
    fn insert(&mut self, fragment: Map) {
        let (fragment, ids) = edit::prepare_paste(&self.state.doc.map, fragment, Position::new(40.0, 40.0));
        if self.edit(Edit::Insert(fragment), None) {
            self.state.selection.ids = ids.into_iter().collect();
        }
    }
}
