//! The map as a petgraph graph: stages first, then determinants, one edge per influence.

use crate::model::{Id, Map, Sign};
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::HashMap;

/// A read-only graph view of a map. Built once per analysis; indices never leave this module's
/// siblings (public results carry [`Id`]s).
#[derive(Debug, Clone)]
pub struct MapGraph {
    pub(crate) graph: DiGraph<(), Sign, u32>,
    ids: Vec<Id>,
    index: HashMap<Id, NodeIndex>,
    stage_count: usize,
}

impl MapGraph {
    /// Builds the graph. Influences whose ends are missing (only possible in an invalid map) and
    /// influences out of a stage are skipped, so the analysis never fails.
    pub fn new(map: &Map) -> Self {
        let node_count = map.stages.len() + map.determinants.len();
        let mut graph = DiGraph::with_capacity(node_count, map.influences.len());
        let mut ids = Vec::with_capacity(node_count);
        let mut index = HashMap::with_capacity(node_count);
        for id in map.stages.iter().map(|s| &s.id).chain(map.determinants.iter().map(|d| &d.id)) {
            let n = graph.add_node(());
            ids.push(id.clone());
            index.entry(id.clone()).or_insert(n);
        }
        let stage_count = map.stages.len();
        for inf in &map.influences {
            if let (Some(&from), Some(&to)) = (index.get(&inf.from), index.get(&inf.to)) {
                if from.index() >= stage_count {
                    graph.add_edge(from, to, inf.sign);
                }
            }
        }
        MapGraph { graph, ids, index, stage_count }
    }

    pub fn node_count(&self) -> usize {
        self.ids.len()
    }
    pub fn stage_count(&self) -> usize {
        self.stage_count
    }
    pub fn is_stage(&self, n: NodeIndex) -> bool {
        n.index() < self.stage_count
    }
    pub fn id(&self, n: NodeIndex) -> &Id {
        &self.ids[n.index()]
    }
    pub fn node(&self, id: &Id) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }
    pub fn stages(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (0..self.stage_count).map(NodeIndex::new)
    }
    pub fn determinants(&self) -> impl Iterator<Item = NodeIndex> + '_ {
        (self.stage_count..self.ids.len()).map(NodeIndex::new)
    }
}
