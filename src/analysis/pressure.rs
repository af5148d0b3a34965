//! Structural pressure points: the determinants every path from some feeder into a stage must pass
//! through. They are the dominators of the reversed graph rooted at the stage.

use super::MapGraph;
use crate::model::Id;
use petgraph::algo::dominators;
use petgraph::graph::NodeIndex;
use petgraph::visit::Reversed;

/// At most this many pressure points are kept per stage, the most depended-on; the rest are counted.
/// A chain of N determinants has N of them per stage, and a list of that length says nothing more.
pub const PRESSURE_POINT_LIMIT: usize = 100;

/// At most this many of a pressure point's dependents are named; all of them are counted. In a
/// chain the last determinant has every other one as a dependent.
pub const NAMED_DEPENDENTS: usize = 10;

/// A determinant that paths into a stage must pass through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PressurePoint {
    pub determinant: Id,
    /// How many feeders have every path to the stage passing through it.
    pub dependent_count: usize,
    /// The first [`NAMED_DEPENDENTS`] of those feeders, in map order.
    pub first_dependents: Vec<Id>,
}

/// The structural pressure points of one stage, the most depended-on first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagePressurePoints {
    pub stage: Id,
    /// At most [`PRESSURE_POINT_LIMIT`].
    pub points: Vec<PressurePoint>,
    /// How many more pressure points the stage has, each with no more dependents than the last listed.
    pub not_listed: usize,
}

/// For every stage, the determinants that dominate at least one feeder, ranked by how many feeders
/// depend on each (ties in map order). Stages are worked on several cores for a large map.
///
/// The cost is linear in the map per stage: the dependents of a determinant are its descendants in
/// the dominator tree, counted and named bottom-up, never listed (a chain of N would list N²/2).
pub fn pressure_points(graph: &MapGraph) -> Vec<StagePressurePoints> {
    graph.per_stage(|stage| of_stage(graph, stage))
}

/// The first feeders of a subtree, in map order: at most [`NAMED_DEPENDENTS`] node indices, ascending.
#[derive(Clone, Copy, Default)]
struct First {
    nodes: [u32; NAMED_DEPENDENTS],
    len: usize,
}

impl First {
    fn insert(&mut self, node: u32) {
        let at = self.nodes[..self.len].partition_point(|&n| n < node);
        if at == NAMED_DEPENDENTS || self.nodes[..self.len].get(at) == Some(&node) {
            return;
        }
        let end = (self.len + 1).min(NAMED_DEPENDENTS);
        self.nodes.copy_within(at..end - 1, at + 1);
        self.nodes[at] = node;
        self.len = end;
    }
}

/// The pressure points of one stage.
fn of_stage(graph: &MapGraph, stage: NodeIndex) -> StagePressurePoints {
    let doms = dominators::simple_fast(Reversed(graph.digraph()), stage);
    let n = graph.node_count();
    // The dominator tree: each reached node's parent, and the nodes parents first (breadth-first).
    let parent: Vec<Option<usize>> = (0..n)
        .map(|v| doms.immediate_dominator(NodeIndex::new(v)).map(NodeIndex::index))
        .collect();
    let mut children_start = vec![0usize; n + 1];
    for p in parent.iter().flatten() {
        children_start[p + 1] += 1;
    }
    for v in 0..n {
        children_start[v + 1] += children_start[v];
    }
    let mut fill = children_start.clone();
    let mut children = vec![0usize; children_start[n]];
    for (v, p) in parent.iter().enumerate() {
        if let Some(p) = *p {
            children[fill[p]] = v;
            fill[p] += 1;
        }
    }
    let mut order = vec![stage.index()];
    let mut head = 0;
    while let Some(&v) = order.get(head) {
        head += 1;
        order.extend_from_slice(&children[children_start[v]..children_start[v + 1]]);
    }
    // Bottom-up: every node below the stage is a feeder (nothing leads out of another stage).
    let mut count = vec![0usize; n];
    let mut first = vec![First::default(); n];
    for &v in order.iter().skip(1).rev() {
        let p = parent[v].expect("every node below the root has a parent");
        count[p] += count[v] + 1;
        let below = first[v];
        let into = &mut first[p];
        into.insert(v as u32);
        for &node in &below.nodes[..below.len] {
            into.insert(node);
        }
    }
    let mut points: Vec<usize> = order.iter().skip(1).copied().filter(|&v| count[v] > 0).collect();
    points.sort_unstable_by(|&a, &b| count[b].cmp(&count[a]).then(a.cmp(&b)));
    let not_listed = points.len().saturating_sub(PRESSURE_POINT_LIMIT);
    points.truncate(PRESSURE_POINT_LIMIT);
    StagePressurePoints {
        stage: graph.id(stage).clone(),
        points: points
            .into_iter()
            .map(|d| PressurePoint {
                determinant: graph.id(NodeIndex::new(d)).clone(),
                dependent_count: count[d],
                first_dependents: first[d].nodes[..first[d].len]
                    .iter()
                    .map(|&f| graph.id(NodeIndex::new(f as usize)).clone())
                    .collect(),
            })
            .collect(),
        not_listed,
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
