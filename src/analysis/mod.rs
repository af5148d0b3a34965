//! What the map says: which determinants feed each stage, why, and what if.
//!
//! Everything here works on a [`MapGraph`], the petgraph projection of a valid map, and returns
//! model ids, never graph indices.

mod graph;
mod knockout;
mod loops;
mod pressure;
mod reach;

pub use graph::MapGraph;
pub use knockout::{KnockOut, StageLoss, knock_out};
pub use loops::{FeedbackLoop, LoopKind, Loops, feedback_loops};
pub use pressure::{PressurePoint, StagePressurePoints, pressure_points};
pub use reach::{Feeder, NetEffect, Reachability, StageReach};
