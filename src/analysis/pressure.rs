//! Structural pressure points: the determinants every path from some feeder into a stage must pass
//! through. They are the dominators of the reversed graph rooted at the stage.

use super::MapGraph;
use crate::model::Id;
use petgraph::algo::dominators;
use petgraph::graph::NodeIndex;
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
/// depend on each (ties in map order). Stages are worked on several cores for a large map.
pub fn pressure_points(graph: &MapGraph) -> Vec<StagePressurePoints> {
    graph.per_stage(|stage| of_stage(graph, stage))
}

/// The pressure points of one stage.
fn of_stage(graph: &MapGraph, stage: NodeIndex) -> StagePressurePoints {
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
                determinant: graph.id(NodeIndex::new(d)).clone(),
                dependents,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};

    /// A large map's stages are worked on several threads; the result is the sequential one, in order.
    #[test]
    fn parallel_pressure_points_equal_sequential() {
        let map = generate(Spec {
            determinants: 3_000,
            influences: 4_000,
            stages: 5,
            seed: 7,
        });
        let graph = MapGraph::new(&map);
        let sequential: Vec<StagePressurePoints> = graph.stages().map(|s| of_stage(&graph, s)).collect();
        assert_eq!(pressure_points(&graph), sequential);
        assert!(sequential.iter().any(|s| !s.points.is_empty()), "not vacuous");
    }
}
