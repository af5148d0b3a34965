//! The map's presentation: building it from the steps panel and playing it in presentation mode.
//!
//! Building: each change (a step added from the view, renamed, moved, deleted) is one
//! `Edit::SetPresentation`, so one undo step, made from the lists `app/steps.rs` works out.
//! Playing: → and Page Down go to the next step, ← and Page Up back. A step sets what the analysis
//! view brings forward (its focus, feeders, knock-out and filters; a feedback loop as the loops
//! list has it, and every link counts whatever the editor's minimum confidence, as on the
//! slide); what it shows is worked out by
//! `export::step_view`, as the slides print it, and the canvas is asked to frame the items it
//! lights (and to hide what a revealing step has not shown yet).

use super::{AppModel, CanvasEffect};
use crate::analysis::Reachability;
use crate::app::analysis_view::{AnalysisRequest, Focus as ViewFocus};
use crate::app::edit::Edit;
use crate::app::steps::{self, StepRequest};
use crate::export::step_view::{Mark, step_views};
use crate::model::{Feeders, Focus, Id, Step};

impl AppModel {
    pub(super) fn step_request(&mut self, request: StepRequest) {
        let list = &self.state.doc.map.presentation;
        match request {
            StepRequest::AddFromView => {
                let step = steps::from_view(&self.state.doc.map, &self.state.analysis);
                let id = step.id.clone();
                let new = steps::added(list, step, self.state.step_selected.as_ref());
                if self.edit(Edit::SetPresentation(new), None) {
                    self.state.step_selected = Some(id);
                }
            }
            StepRequest::Select(id) => self.state.step_selected = id,
            StepRequest::Rename { id, title } => {
                if let Some(new) = steps::renamed(list, &id, &title) {
                    self.edit(Edit::SetPresentation(new), None);
                }
            }
            StepRequest::Note { id, note } => {
                if let Some(new) = steps::changed(list, &id, |s| s.note = note.trim().to_owned()) {
                    self.edit(Edit::SetPresentation(new), None);
                }
            }
            StepRequest::Reveal { id, on } => {
                if let Some(new) = steps::changed(list, &id, |s| s.reveal = on) {
                    self.edit(Edit::SetPresentation(new), None);
                }
            }
            StepRequest::Move { id, by } => {
                if let Some(new) = steps::moved(list, &id, by) {
                    self.edit(Edit::SetPresentation(new), None);
                }
            }
            StepRequest::Delete(id) => {
                let at = list.iter().position(|s| s.id == id);
                if let Some(new) = steps::deleted(list, &id)
                    && self.edit(Edit::SetPresentation(new), None)
                {
                    // The panel goes on with the step that took its place, so Delete can be
                    // pressed again.
                    let list = &self.state.doc.map.presentation;
                    self.state.step_selected = at.and_then(|k| list.get(k).or(list.last())).map(|s| s.id.clone());
                }
            }
            StepRequest::Play(id) => {
                if let Some(k) = list.iter().position(|s| s.id == id) {
                    self.set_presentation(true);
                    self.go_to_step(k);
                }
            }
        }
    }

    /// Moves `by` steps through the presentation (only while presenting, and only if the map has
    /// steps): from before the first, → goes to the first.
    pub(super) fn step_by(&mut self, by: isize) {
        let count = self.state.doc.map.presentation.len();
        if !self.state.presentation || count == 0 {
            return;
        }
        let next = match self.state.step {
            None if by > 0 => 0,
            None => return,
            Some(k) => (k as isize + by).clamp(0, count as isize - 1) as usize,
        };
        if self.state.step != Some(next) {
            self.go_to_step(next);
        }
    }

    fn go_to_step(&mut self, k: usize) {
        self.state.step = Some(k);
        let step = self.state.doc.map.presentation[k].clone();
        self.state.step_selected = Some(step.id.clone());
        self.state.step_fills_screen = true;
        self.show_step(&step);
        self.refresh_step_view();
        if let Some(view) = &self.state.step_view {
            let map = &self.state.doc.map;
            let ids: Vec<&Id> = map.node_ids().collect();
            let marked = |wanted: fn(Mark) -> bool| -> Vec<Id> {
                ids.iter()
                    .zip(&view.nodes)
                    .filter(|(_, m)| wanted(**m))
                    .map(|(id, _)| (*id).clone())
                    .collect()
            };
            // What the step is about (all it draws when it gathers that: with the knock-out and
            // what is lost); for a step that lights nothing (the whole map, maybe revealed so
            // far), what it shows.
            let mut frame = match view.gathered {
                Some(_) => marked(|m| m != Mark::Hidden),
                None => marked(|m| m == Mark::Lit),
            };
            if frame.is_empty() {
                frame = marked(Mark::is_shown);
            }
            self.canvas(CanvasEffect::Frame(frame));
        }
    }

    /// What the step on screen shows, worked out again (after an edit or undo in presentation
    /// mode too); nothing when no step is on screen or it is gone.
    pub(super) fn refresh_step_view(&mut self) {
        let map = &self.state.doc.map;
        self.state.step = self.state.step.filter(|&k| k < map.presentation.len());
        self.state.step_view = self.state.step.and_then(|k| {
            let reach = Reachability::compute(map);
            step_views(map, &reach).into_iter().nth(k)
        });
    }

    fn show_step(&mut self, step: &Step) {
        let (focus, direct) = match &step.focus {
            Focus::WholeMap => (None, false),
            Focus::FeedbackLoop { determinants } => (
                crate::analysis::FeedbackLoop::through(&self.state.doc.map, determinants).map(ViewFocus::Loop),
                false,
            ),
            Focus::Stage { stage, feeders } => (Some(ViewFocus::Stage(stage.clone())), *feeders == Feeders::Direct),
            Focus::Determinant { determinant } => (Some(ViewFocus::Determinant(determinant.clone())), false),
            Focus::Path { determinant, stage } => (
                Some(ViewFocus::Cell {
                    determinant: determinant.clone(),
                    stage: stage.clone(),
                }),
                false,
            ),
        };
        let view = &mut self.state.analysis;
        view.apply(AnalysisRequest::Focus(focus));
        view.apply(AnalysisRequest::DirectOnly(direct));
        view.apply(AnalysisRequest::KnockOut(step.knock_out.clone()));
        view.apply(AnalysisRequest::Filters(step.filters.clone()));
        // A step keeps no minimum confidence: it shows every link, as its slide does (the
        // editor's filter comes back with Esc).
        view.apply(AnalysisRequest::MinConfidence(crate::model::Level::Low));
    }
}
