//! Structural pressure points: the determinants every path from some feeder into a stage must pass
//! through. They are the dominators of the reversed graph rooted at the stage.

use super::MapGraph;
use crate::model::Id;
use petgraph::algo::dominators;
use petgraph::visit::Reversed;
use std::collections::HashMap;

/// A determinant that paths into a stage must pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PressurePoint {
    pub determinant: Id,
    /// The feeders whose every path to the stage passes through it, in map order.
    pub dependents: Vec<Id>,
}

/// The structural pressure points of one stage, the most depended-on first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagePressurePoints {
    pub stage: Id,
    pub points: Vec<PressurePoint>,
}

/// For every stage, the determinants that dominate at least one feeder, ranked by how many feeders
/// depend on each (ties in map order).
pub fn pressure_points(graph: &MapGraph) -> Vec<StagePressurePoints> {
    graph
        .stages()
        .map(|stage| {
            let doms = dominators::simple_fast(Reversed(graph.digraph()), stage);
            let mut dependents: HashMap<usize, Vec<Id>> = HashMap::new();
            for feeder in graph.determinants() {
                let Some(strict) = doms.strict_dominators(feeder) else {
                    continue;
                };
                for d in strict.filter(|&d| d != stage) {
                    dependents.entry(d.index()).or_default().push(graph.id(feeder).clone());
                }
            }
            let mut points: Vec<(usize, Vec<Id>)> = dependents.into_iter().collect();
            points.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
            StagePressurePoints {
                stage: graph.id(stage).clone(),
                points: points
                    .into_iter()
                    .map(|(d, dependents)| PressurePoint {
                        determinant: graph.id(petgraph::graph::NodeIndex::new(d)).clone(),
                        dependents,
                    })
                    .collect(),
            }
        })
        .collect()
}
