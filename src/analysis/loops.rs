//! Feedback loops: the elementary cycles among determinants, with their sign.
//!
//! Cycles are enumerated inside each strongly connected component (petgraph's Tarjan), as the simple
//! paths from each node back to itself through nodes of higher index only, so each cycle is found
//! once. Their number can grow exponentially with the map, so the list stops at a limit and says so.

use super::MapGraph;
use crate::model::{Id, Sign};
use petgraph::algo::{all_simple_paths, tarjan_scc};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashSet;

/// Reinforcing: an even number of hinders, the loop amplifies itself. Balancing: odd, it damps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LoopKind {
    Reinforcing,
    Balancing,
}

impl LoopKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LoopKind::Reinforcing => "reinforcing",
            LoopKind::Balancing => "balancing",
        }
    }
}

/// One feedback loop: determinants in order, the last influencing the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedbackLoop {
    pub determinants: Vec<Id>,
    /// The sign of each influence along the loop, `signs[i]` from `determinants[i]` to the next.
    pub signs: Vec<Sign>,
    pub kind: LoopKind,
}

/// The loops found, and whether the search stopped at its limit before finding them all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loops {
    pub loops: Vec<FeedbackLoop>,
    pub truncated: bool,
}

/// Finds up to `limit` feedback loops.
pub fn feedback_loops(graph: &MapGraph, limit: usize) -> Loops {
    let g = &graph.graph;
    let mut out = Loops::default();
    for component in tarjan_scc(g) {
        let self_loop = |n: NodeIndex| g.edges_connecting(n, n).next().is_some();
        if component.len() == 1 && !self_loop(component[0]) {
            continue;
        }
        let members: HashSet<NodeIndex> = component.iter().copied().collect();
        let mut ordered = component.clone();
        ordered.sort();
        for &start in &ordered {
            let allowed = |n: NodeIndex| members.contains(&n) && n >= start;
            // The component's nodes from `start` on, as a graph of its own whose weights are the
            // original indices (all_simple_paths needs a graph that can count its nodes).
            let sub = g.filter_map(|n, _| allowed(n).then_some(n), |_, sign| Some(*sign));
            let local = |n: NodeIndex| sub.node_indices().find(|&m| sub[m] == n).expect("allowed nodes are kept");
            // Each predecessor `last` of `start` closes the cycles start → … → last → start.
            let mut lasts: Vec<NodeIndex> = g
                .edges_directed(start, petgraph::Direction::Incoming)
                .map(|e| e.source())
                .filter(|&n| allowed(n))
                .collect();
            lasts.sort();
            lasts.dedup();
            for last in lasts {
                let paths: Box<dyn Iterator<Item = Vec<NodeIndex>>> = if last == start {
                    Box::new(std::iter::once(vec![start]))
                } else {
                    let (from, to) = (local(start), local(last));
                    Box::new(
                        all_simple_paths::<Vec<_>, _, std::hash::RandomState>(&sub, from, to, 0, None)
                            .map(|p| p.into_iter().map(|m| sub[m]).collect()),
                    )
                };
                // Parallel influences make all_simple_paths yield the same node sequence more than once.
                let mut seen = HashSet::new();
                for nodes in paths.filter(|p| seen.insert(p.clone())) {
                    for signs in sign_choices(graph, &nodes) {
                        if out.loops.len() >= limit {
                            out.truncated = true;
                            return out;
                        }
                        let hinders = signs.iter().filter(|s| **s == Sign::Hinders).count();
                        out.loops.push(FeedbackLoop {
                            determinants: nodes.iter().map(|&n| graph.id(n).clone()).collect(),
                            signs,
                            kind: if hinders % 2 == 0 { LoopKind::Reinforcing } else { LoopKind::Balancing },
                        });
                    }
                }
            }
        }
    }
    out
}

/// The distinct sign sequences along a cycle of nodes. Two influences between the same pair with
/// different signs make two loops; with the same sign, one.
fn sign_choices(graph: &MapGraph, nodes: &[NodeIndex]) -> Vec<Vec<Sign>> {
    let mut choices: Vec<Vec<Sign>> = vec![Vec::new()];
    for (i, &from) in nodes.iter().enumerate() {
        let to = nodes[(i + 1) % nodes.len()];
        let mut signs: Vec<Sign> = graph.graph.edges_connecting(from, to).map(|e| *e.weight()).collect();
        signs.sort();
        signs.dedup();
        choices = choices
            .into_iter()
            .flat_map(|prefix| signs.iter().map(move |&s| [prefix.clone(), vec![s]].concat()))
            .collect();
    }
    choices
}
