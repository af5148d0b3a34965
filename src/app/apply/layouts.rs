//! The analysis commands that change the window: showing the analysis panel and the two automatic
//! layouts (`files.rs` writes the exports).
//!
//! A layout is one edit (`Edit::Move` of every node it moves), so one undo puts the drawing back;
//! nothing is moved unless the user chose the command.

use super::{AppModel, CanvasEffect};
use crate::app::commands::Command;
use crate::app::edit::Edit;
use crate::layout;
use crate::model::{Id, Map, Position};
use std::collections::HashMap;

/// Force-directed layout compares every pair of nodes in each of its iterations; above this many
/// nodes that takes long enough to freeze the window, and the flow layout is the better choice.
pub const FORCE_LAYOUT_MAX_NODES: usize = 1_500;

impl AppModel {
    pub(super) fn run_analysis(&mut self, c: Command) {
        match c {
            // The panel is hidden in presentation mode: no key acts on it there.
            Command::ToggleAnalysis if self.state.presentation => {}
            Command::ToggleAnalysis => {
                let open = !self.state.analysis.open;
                self.state.analysis.set_open(open);
                self.state.prefs.show_analysis = open;
                // The canvas changes size; a view that follows the window is framed again in what
                // is left, and one the user moved stays where it was.
            }
            Command::FlowLayout => {
                let positions = layout::flow_layout(&self.state.doc.map);
                self.apply_layout(crate::tr!("command-flow-layout"), positions);
            }
            Command::ForceLayout => {
                let map = &self.state.doc.map;
                let nodes = map.stages.len() + map.determinants.len();
                if nodes > FORCE_LAYOUT_MAX_NODES {
                    self.state.status = Some(crate::tr!(
                        "status-force-layout-too-big",
                        max = FORCE_LAYOUT_MAX_NODES,
                        count = nodes
                    ));
                    return;
                }
                let positions = layout::force_layout(map, layout::FORCE_ITERATIONS);
                self.apply_layout(crate::tr!("command-force-layout"), positions);
            }
            _ => {}
        }
    }

    /// Moves what the layout moves, as one undoable edit, and refits the view to the new drawing.
    fn apply_layout(&mut self, name: String, positions: Vec<(Id, Position)>) {
        let moves = changed_positions(&self.state.doc.map, positions);
        if moves.is_empty() {
            self.state.status = Some(crate::tr!("status-layout-in-place", layout = name));
            return;
        }
        let count = moves.len();
        if self.edit(Edit::Move(moves), None) {
            self.canvas(CanvasEffect::FitSoon);
            self.state.status = Some(crate::tr!("status-layout-moved", layout = name, count = count));
        }
    }
}

/// The positions that differ from where the nodes are now: a layout that moves nothing makes no
/// edit, so the document does not become "unsaved" for nothing.
pub fn changed_positions(map: &Map, positions: Vec<(Id, Position)>) -> Vec<(Id, Position)> {
    let now: HashMap<&Id, Position> = map
        .stages
        .iter()
        .map(|s| (&s.id, s.position))
        .chain(map.determinants.iter().map(|d| (&d.id, d.position)))
        .collect();
    positions
        .into_iter()
        .filter(|(id, p)| now.get(id).is_some_and(|now| now != p))
        .collect()
}
