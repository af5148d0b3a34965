//! One drawing geometry for the window's canvas and the SVG/PNG export: how big each node is, where
//! its label breaks and sits, the outline of each nature, the stage chevron, the badges, where an
//! influence starts and ends and the shape of its end. Both painters take their shapes from here
//! and only turn them into drawing calls, so a map reads the same on screen and on paper (a test
//! compares the two).
//!
//! Sizes are in map units (what the file stores). The shape functions take a scale `k`, the output
//! units per map unit: the SVG draws at `k = 1`, the canvas at its zoom in screen points, and the
//! legends at the size of their samples. Types are kurbo's (f64), which resvg already brings.

mod nodes;
mod shapes;
pub mod text;

pub use kurbo::{CubicBez, Point, Rect, Vec2};
pub use nodes::{MapGeometry, NodeBox, NodeKind, label_lines, links, node_rect};
pub use shapes::{
    Badge, LinkEnd, Tip, border_point, chevron, chips, determinant_label_centre, hinder_badge, hinders_dash, link_end,
    link_ends, locus_badge, outline, self_loop, stage_label_centre, stage_number, unit,
};

/// Width of a determinant box; labels wrap inside it.
pub const DET_WIDTH: f64 = 180.0;
/// Width of a stage.
pub const STAGE_WIDTH: f64 = 230.0;
/// Inner padding around a label.
pub const PAD: f64 = 10.0;
/// Room on the left of a stage for its number.
pub const STAGE_NUMBER_ROOM: f64 = 30.0;
/// Room under a determinant's label for its category chips.
pub const CHIP_ROOM: f64 = 8.0;
/// The font size of labels.
pub const LABEL_SIZE: f64 = 15.0;
/// The distance between the baselines of a label's lines.
pub const LINE_HEIGHT: f64 = 18.0;
/// The least height of a determinant and of a stage: a one-line label still makes a box that a
/// pointer can hit and that holds its badges.
pub const MIN_DET_HEIGHT: f64 = 48.0;
pub const MIN_STAGE_HEIGHT: f64 = 52.0;
/// Arrowhead and bar size of an influence.
pub const HEAD: f64 = 11.0;
/// Opposite influences between one pair of nodes are drawn this far apart, so both show.
pub const PAIR_SHIFT: f64 = 6.0;
/// The text width a label wraps to is a little less than its room in the box, because a viewer
/// may draw the SVG with a slightly wider fallback font than the one measured.
pub const WRAP_SLACK: f64 = 0.94;

/// Below this many pixels (or screen points) of determinant width, a drawing shows nodes as plain
/// boxes and influences as plain lines: labels, badges and arrowheads would be specks. The canvas
/// zoomed far out and the PNG of a large map both draw so.
pub const PLAIN_BELOW_PX: f64 = 36.0;

/// The width a label of a node of `kind` wraps to.
pub fn wrap_width(kind: NodeKind) -> f64 {
    let room = match kind {
        NodeKind::Determinant => DET_WIDTH - 2.0 * PAD,
        NodeKind::Stage(_) => STAGE_WIDTH - 2.0 * PAD - STAGE_NUMBER_ROOM,
    };
    room * WRAP_SLACK
}
