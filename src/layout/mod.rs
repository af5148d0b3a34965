//! Automatic layouts of a map: where to put every stage and determinant.
//!
//! Both are pure functions of the map that return positions by id and change nothing: the window
//! applies them as one undoable command, and the command line applies them to a copy before an
//! export. Neither uses randomness, so the same map always gives the same positions.
//! - [`flow_layout`]: layered, stages in a column on the right, upstream determinants to the left;
//!   the layout that reads like the studies' own "what feeds what" diagrams.
//! - [`force_layout`]: force-directed, starting from the saved positions; clusters what is linked.
//!
//! [`FreeSpace`] answers a smaller question: where one new node goes so that it covers none;
//! [`gather`] another: how a few nodes shown on their own (a presentation step) sit together.

mod flow;
mod force;
mod free_space;
mod gather;

pub use flow::flow_layout;
pub use force::force_layout;
pub use free_space::{FreeSpace, GAP};
pub use gather::gather;

use crate::model::{Id, Map, Position};
use std::collections::HashMap;

/// Distance between the centres of two columns of the flow layout, in map units: a determinant box
/// is 180 wide and a stage 230, which leaves room for the arrowheads between columns.
pub const COLUMN_GAP: f32 = 320.0;
/// Least distance between the centres of two determinants in a column (a box with a three-line
/// label is about 75 high).
pub const ROW_GAP: f32 = 110.0;
/// Distance between the centres of two stages.
pub const STAGE_GAP: f32 = 140.0;

/// A good number of iterations for [`force_layout`] on the maps people draw.
pub const FORCE_ITERATIONS: usize = 300;

/// Sets the position of every stage and determinant named in `positions` (an id repeated in an
/// invalid map gets the positions in turn). For copies the command line exports; the window has
/// its own undoable command.
pub fn apply_positions(map: &mut Map, positions: &[(Id, Position)]) {
    let mut by_id: HashMap<&Id, Vec<Position>> = HashMap::new();
    for (id, p) in positions.iter().rev() {
        by_id.entry(id).or_default().push(*p);
    }
    let mut take = |id: &Id| by_id.get_mut(id).and_then(Vec::pop);
    for s in &mut map.stages {
        if let Some(p) = take(&s.id) {
            s.position = p;
        }
    }
    for d in &mut map.determinants {
        if let Some(p) = take(&d.id) {
            d.position = p;
        }
    }
}

/// Whether the map has no drawing of its own: two or more nodes, all at one place (as in a file
/// written by hand or by another tool without positions).
pub fn has_no_saved_layout(map: &Map) -> bool {
    let mut all = map
        .stages
        .iter()
        .map(|s| s.position)
        .chain(map.determinants.iter().map(|d| d.position));
    let Some(first) = all.next() else { return false };
    let mut others = all.peekable();
    others.peek().is_some() && others.all(|p| p == first)
}
