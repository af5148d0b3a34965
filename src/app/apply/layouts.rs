//! The analysis commands that change the window or write files: showing the analysis panel, the
//! two automatic layouts, and the analysis exports.
//!
//! A layout is one edit (`Edit::Move` of every node it moves), so one undo puts the drawing back;
//! nothing is moved unless the user chose the command. Exports write the map as drawn: the
//! analysis panel's filters, focus and knock-out are a view and do not change them.

use super::{AppModel, CanvasEffect};
use crate::app::commands::{Command, Purpose};
use crate::app::edit::Edit;
use crate::layout;
use crate::model::{Id, Map, Position};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Force-directed layout compares every pair of nodes in each of its iterations; above this many
/// nodes that takes long enough to freeze the window, and the flow layout is the better choice.
pub const FORCE_LAYOUT_MAX_NODES: usize = 1_500;

impl AppModel {
    pub(super) fn run_analysis(&mut self, c: Command) {
        match c {
            Command::ToggleAnalysis => {
                let open = !self.state.analysis.open;
                self.state.analysis.set_open(open);
                self.state.prefs.show_analysis = open;
                // The canvas changes size: show the whole map in what is left of it.
                self.canvas(CanvasEffect::FitSoon);
            }
            Command::FlowLayout => {
                let positions = layout::flow_layout(&self.state.doc.map);
                self.apply_layout("Flow layout", positions);
            }
            Command::ForceLayout => {
                let map = &self.state.doc.map;
                let nodes = map.stages.len() + map.determinants.len();
                if nodes > FORCE_LAYOUT_MAX_NODES {
                    self.state.status = Some(format!(
                        "Force layout is for maps of up to {FORCE_LAYOUT_MAX_NODES} stages and determinants; \
                         this one has {nodes}. Flow layout handles any size."
                    ));
                    return;
                }
                let positions = layout::force_layout(map, layout::FORCE_ITERATIONS);
                self.apply_layout("Force layout", positions);
            }
            Command::ExportMatrixCsv | Command::ExportHandout | Command::ExportSvg | Command::ExportPng => {
                self.ask_export(Purpose::AnalysisExport(c), c)
            }
            _ => {}
        }
    }

    /// Moves what the layout moves, as one undoable edit, and refits the view to the new drawing.
    fn apply_layout(&mut self, name: &str, positions: Vec<(Id, Position)>) {
        let moves = changed_positions(&self.state.doc.map, positions);
        if moves.is_empty() {
            self.state.status = Some(format!("{name}: everything is already in place."));
            return;
        }
        let count = moves.len();
        if self.edit(Edit::Move(moves), None) {
            self.canvas(CanvasEffect::FitSoon);
            self.state.status = Some(format!("{name}: moved {count} items (Undo puts them back)."));
        }
    }

    /// Writes an analysis export where its dialog answered (`files.rs` takes every dialog's
    /// answer and sends `Purpose::AnalysisExport` here).
    pub(super) fn write_analysis_export(&mut self, c: Command, path: &Path) {
        let map = &self.state.doc.map;
        let result = write_export(c, map, path);
        self.state.status = Some(match result {
            Ok(()) => format!("Exported {}", path.display()),
            Err(e) => format!("Could not export {}: {e}", path.display()),
        });
    }
}

/// Writes one analysis export of `map` to `path`.
fn write_export(c: Command, map: &Map, path: &Path) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut out = std::io::BufWriter::new(file);
    match c {
        Command::ExportMatrixCsv => {
            let reach = crate::analysis::Reachability::compute(map);
            let matrix = crate::analysis::Matrix::compute(map, &reach);
            crate::export::write_matrix_csv(map, &matrix, &mut out).map_err(|e| e.to_string())?
        }
        Command::ExportHandout => {
            let reach = crate::analysis::Reachability::compute(map);
            crate::export::write_handout(map, &reach, &mut out).map_err(|e| e.to_string())?
        }
        Command::ExportSvg => crate::export::write_svg(map, &mut out).map_err(|e| e.to_string())?,
        Command::ExportPng => {
            crate::export::write_png(map, crate::export::DEFAULT_PNG_WIDTH, &mut out).map_err(|e| e.to_string())?
        }
        _ => return Err("not an analysis export".into()),
    }
    out.flush().map_err(|e| e.to_string())
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
