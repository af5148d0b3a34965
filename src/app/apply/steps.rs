//! Playing a map's presentation in presentation mode: → and Page Down go to the next step, ← and
//! Page Up back. A step sets what the analysis view brings forward (its focus, feeders, knock-out
//! and filters), and the view is framed again on the map.

use super::{AppModel, CanvasEffect};
use crate::app::analysis_view::{AnalysisRequest, Focus as ViewFocus};
use crate::model::{Feeders, Focus, Step};

impl AppModel {
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
        if self.state.step == Some(next) {
            return;
        }
        self.state.step = Some(next);
        let step = self.state.doc.map.presentation[next].clone();
        self.show_step(&step);
    }

    fn show_step(&mut self, step: &Step) {
        let view = &mut self.state.analysis;
        let (focus, direct) = match &step.focus {
            Focus::WholeMap | Focus::FeedbackLoop { .. } => (None, false),
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
        view.apply(AnalysisRequest::Focus(focus));
        view.apply(AnalysisRequest::DirectOnly(direct));
        view.apply(AnalysisRequest::KnockOut(step.knock_out.clone()));
        view.apply(AnalysisRequest::Filters(step.filters.clone()));
        self.canvas(CanvasEffect::FitSoon);
    }
}
