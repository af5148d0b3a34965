//! What the map says: which determinants feed each stage, why, and what if.
//!
//! Everything here works on a [`MapGraph`], the petgraph projection of a valid map, and returns
//! model ids, never graph indices.

mod confidence;
mod explain;
mod graph;
mod hints;
mod knockout;
mod loops;
mod matrix;
mod pressure;
mod reach;

pub use confidence::{StrongestConfidence, link_confidence, with_min_confidence};
pub use explain::{Explainer, Explanation, Gap, Step};
pub use graph::MapGraph;
pub use hints::{Hint, HintKind, coding_hints};
pub use knockout::{KnockOut, StageLoss, knock_out};
pub use loops::{FeedbackLoop, LoopKind, Loops, feedback_loops};
pub use matrix::{Cell, Matrix, MatrixRow, StageTotals};
pub use pressure::{NAMED_DEPENDENTS, PRESSURE_POINT_LIMIT, PressurePoint, StagePressurePoints, pressure_points};
pub use reach::{Feeder, MAX_WHOLE_PATH_STEPS, NetEffect, PATH_END_STEPS, PathEnds, Reachability, StageReach};
