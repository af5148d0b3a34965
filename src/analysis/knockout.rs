//! What if a determinant were gone: which stages lose their enabling support.

use super::{MapGraph, StageReach};
use crate::model::{Id, Sign};

/// What one stage loses when a determinant is knocked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageLoss {
    pub stage: Id,
    /// Other determinants that enabled the stage before and have no enabling path without it.
    pub lost_enablers: Vec<Id>,
    /// The stage had at least one enabling path and now has none.
    pub loses_all_enabling: bool,
}

/// The effect of removing one determinant, stage by stage (only stages that lose something).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnockOut {
    pub determinant: Id,
    pub losses: Vec<StageLoss>,
}

impl KnockOut {
    /// The stages that would lose every enabling path.
    pub fn stages_losing_all_enabling(&self) -> impl Iterator<Item = &Id> {
        self.losses.iter().filter(|l| l.loses_all_enabling).map(|l| &l.stage)
    }
}

/// Removes `determinant` (in the analysis only) and compares each stage's enabling feeders.
/// `None` if the id is not a determinant.
pub fn knock_out(graph: &MapGraph, determinant: &Id) -> Option<KnockOut> {
    let removed = graph.node(determinant).filter(|&n| !graph.is_stage(n))?;
    let mut losses = Vec::new();
    for stage in graph.stages() {
        let before = StageReach::search(graph, stage, None);
        let after = StageReach::search(graph, stage, Some(removed));
        let enabled_before: Vec<_> = graph
            .determinants()
            .filter(|&n| before.reaches_with(n, Sign::Enables))
            .collect();
        if enabled_before.is_empty() {
            continue;
        }
        let still_enabled = |n| n != removed && after.reaches_with(n, Sign::Enables);
        let lost_enablers: Vec<Id> = enabled_before
            .iter()
            .filter(|&&n| n != removed && !still_enabled(n))
            .map(|&n| graph.id(n).clone())
            .collect();
        let loses_all_enabling = !enabled_before.iter().any(|&n| still_enabled(n));
        if loses_all_enabling || !lost_enablers.is_empty() {
            losses.push(StageLoss {
                stage: graph.id(stage).clone(),
                lost_enablers,
                loses_all_enabling,
            });
        }
    }
    Some(KnockOut {
        determinant: determinant.clone(),
        losses,
    })
}
