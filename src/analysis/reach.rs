//! Reachability per stage: who feeds it, at what distance, with what net sign, and one shortest path.
//!
//! The search runs backwards from the stage over states (node, parity of hinders so far). Signs
//! multiply along a path, so a determinant reached with even parity enables the stage, with odd
//! parity hinders it, and with both is mixed. Keeping parity in the state makes this one
//! breadth-first search of 2·(nodes + influences) steps per stage, correct on cyclic maps: a
//! feedback loop on the way that flips the sign is found, because it leads to the other parity.
//! (petgraph's `Bfs` has no way to carry the parity or to give back the predecessor tree.)

use super::MapGraph;
use crate::model::{Id, Map, Sign};
use petgraph::graph::NodeIndex;
use std::fmt;
use std::sync::OnceLock;

/// A path of at most this many influences is shown whole; a longer one only by its ends (see
/// [`PathEnds`]): a chain of 100,000 determinants would otherwise print 100,000 steps on each of its
/// 100,000 rows.
pub const MAX_WHOLE_PATH_STEPS: usize = 12;

/// How many influences of a long path are shown at each end.
pub const PATH_END_STEPS: usize = 5;

/// A path as it is shown: whole when it has at most [`MAX_WHOLE_PATH_STEPS`] influences, else its
/// first and last [`PATH_END_STEPS`] influences with the count of nodes left out between. Reading it
/// costs at most a few dozen steps, however long the path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathEnds<'a> {
    /// The whole path, or its first `PATH_END_STEPS + 1` nodes.
    pub first: Vec<&'a Id>,
    /// How many nodes are left out between `first` and `last` (0 when the path is whole).
    pub omitted: usize,
    /// Empty when the path is whole; else its last `PATH_END_STEPS + 1` nodes, the stage last.
    pub last: Vec<&'a Id>,
}

impl<'a> PathEnds<'a> {
    /// Every node shown, in order (the left-out ones go between `first` and `last`).
    pub fn shown(&self) -> impl Iterator<Item = &'a Id> + '_ {
        self.first.iter().chain(&self.last).copied()
    }
    /// How many nodes the whole path has.
    pub fn len(&self) -> usize {
        self.first.len() + self.omitted + self.last.len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The net sign of everything that reaches a stage from one determinant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NetEffect {
    Enables,
    Hinders,
    /// Paths of both signs reach the stage.
    Mixed,
}

impl NetEffect {
    pub fn as_str(self) -> &'static str {
        match self {
            NetEffect::Enables => "enables",
            NetEffect::Hinders => "hinders",
            NetEffect::Mixed => "mixed",
        }
    }
}

impl fmt::Display for NetEffect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A determinant that feeds a stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feeder {
    pub determinant: Id,
    /// Influences on the shortest path; 1 is an influence straight into the stage.
    pub distance: u32,
    pub net: NetEffect,
}

impl Feeder {
    pub fn is_direct(&self) -> bool {
        self.distance == 1
    }
}

const UNREACHED: u32 = u32::MAX;

/// The search from one stage. Feeders are in order of distance, then of the map's determinant order.
#[derive(Debug, Clone)]
pub struct StageReach {
    pub stage: Id,
    pub feeders: Vec<Feeder>,
    /// Distance of each state `2·node + parity` from the stage, `UNREACHED` if none.
    dist: Vec<u32>,
    /// The next state on a shortest path towards the stage.
    next: Vec<u32>,
    /// For each node, its place in `feeders`, or `UNREACHED`.
    feeder_at: Vec<u32>,
    /// For each reached state, the state on its shortest path at distance [`PATH_END_STEPS`] (itself
    /// if nearer): where the last steps of a long path begin. Made on first use (see [`PathEnds`]).
    anchors: OnceLock<Vec<u32>>,
}

impl StageReach {
    /// Runs the search from `stage`, treating `removed` as absent (for knock-out).
    pub(crate) fn search(g: &MapGraph, stage: NodeIndex, removed: Option<NodeIndex>) -> StageReach {
        Search::run(g, stage, removed).finish(g)
    }
}

/// A finished search before its feeders are named: node indices only. The searches of several
/// stages run on several threads; naming a feeder clones its shared id, and clones of the same ids
/// from two threads at once contend for their counters, so naming happens after the threads join.
pub(crate) struct Search {
    stage: NodeIndex,
    dist: Vec<u32>,
    next: Vec<u32>,
    /// `(node, distance, net)` of each feeder, nearest first, ties in the map's order.
    order: Vec<(u32, u32, NetEffect)>,
}

impl Search {
    fn run(g: &MapGraph, stage: NodeIndex, removed: Option<NodeIndex>) -> Search {
        let states = 2 * g.node_count();
        let mut dist = vec![UNREACHED; states];
        let mut next = vec![UNREACHED; states];
        // States are visited in order of distance, so the visit list doubles as the queue.
        let mut queue: Vec<u32> = Vec::with_capacity(states);
        let start = 2 * stage.index();
        dist[start] = 0;
        queue.push(start as u32);
        let mut head = 0;
        let removed = removed.map_or(usize::MAX, NodeIndex::index);
        while let Some(&state) = queue.get(head) {
            head += 1;
            let (node, parity) = (state as usize / 2, state as usize % 2);
            let d = dist[state as usize] + 1;
            let mut visit = |s: usize| {
                if dist[s] == UNREACHED {
                    dist[s] = d;
                    next[s] = state;
                    queue.push(s as u32);
                }
            };
            for (from, signs) in g.sources_of(NodeIndex::new(node)) {
                if from == removed {
                    continue;
                }
                // An enabling influence keeps the parity, a hindering one flips it.
                if signs.has_enables() {
                    visit(2 * from + parity);
                }
                if signs.has_hinders() {
                    visit(2 * from + (parity ^ 1));
                }
            }
        }
        // Feeders nearest first, ties in the map's order: a counting sort on the distance.
        let max_distance = queue.last().map_or(0, |&s| dist[s as usize]) as usize;
        let mut found: Vec<(u32, u32, NetEffect)> = Vec::new();
        let mut starts = vec![0usize; max_distance + 2];
        for n in g.determinants() {
            let (even, odd) = (dist[2 * n.index()], dist[2 * n.index() + 1]);
            let net = match (even != UNREACHED, odd != UNREACHED) {
                (true, false) => NetEffect::Enables,
                (false, true) => NetEffect::Hinders,
                (true, true) => NetEffect::Mixed,
                (false, false) => continue,
            };
            let distance = even.min(odd);
            starts[distance as usize + 1] += 1;
            found.push((n.index() as u32, distance, net));
        }
        for d in 1..starts.len() {
            starts[d] += starts[d - 1];
        }
        let mut order = vec![(0, 0, NetEffect::Enables); found.len()];
        for f in found {
            let at = &mut starts[f.1 as usize];
            order[*at] = f;
            *at += 1;
        }
        Search {
            stage,
            dist,
            next,
            order,
        }
    }

    /// The search with its feeders named.
    fn finish(self, g: &MapGraph) -> StageReach {
        let mut feeder_at = vec![UNREACHED; g.node_count()];
        let feeders = self
            .order
            .iter()
            .enumerate()
            .map(|(k, &(node, distance, net))| {
                feeder_at[node as usize] = k as u32;
                Feeder {
                    determinant: g.id(NodeIndex::new(node as usize)).clone(),
                    distance,
                    net,
                }
            })
            .collect();
        StageReach {
            stage: g.id(self.stage).clone(),
            feeders,
            dist: self.dist,
            next: self.next,
            feeder_at,
            anchors: OnceLock::new(),
        }
    }
}

impl StageReach {
    /// How `node` feeds this stage, if it does.
    pub(crate) fn feeder_of(&self, node: NodeIndex) -> Option<&Feeder> {
        self.feeders.get(*self.feeder_at.get(node.index())? as usize)
    }

    /// Whether `node` reaches the stage by a path of the given sign.
    pub(crate) fn reaches_with(&self, node: NodeIndex, sign: Sign) -> bool {
        self.dist[2 * node.index() + usize::from(sign == Sign::Hinders)] != UNREACHED
    }

    /// One shortest path from `node` to the stage with the given sign: the node ids, first to last.
    pub(crate) fn path_with(&self, g: &MapGraph, node: NodeIndex, sign: Sign) -> Option<Vec<Id>> {
        Some(self.walk(g, node, sign)?.cloned().collect())
    }

    /// The ids along one shortest path from `node` to the stage with the given sign, read lazily
    /// from the predecessor tree: a report of tens of thousands of paths allocates none of them.
    pub(crate) fn walk<'a>(
        &'a self,
        g: &'a MapGraph,
        node: NodeIndex,
        sign: Sign,
    ) -> Option<impl Iterator<Item = &'a Id> + 'a> {
        let first = 2 * node.index() + usize::from(sign == Sign::Hinders);
        if self.dist[first] == UNREACHED {
            return None;
        }
        let states = std::iter::successors(Some(first), |&state| {
            (self.dist[state] != 0).then(|| self.next[state] as usize)
        });
        Some(states.map(|state| g.id(NodeIndex::new(state / 2))))
    }

    /// The state `(node, parity of hinders)` a path of the given sign starts from.
    fn state(node: NodeIndex, sign: Sign) -> usize {
        2 * node.index() + usize::from(sign == Sign::Hinders)
    }

    /// The states along the shortest path from `first`, whole or by its ends when it has more than
    /// [`MAX_WHOLE_PATH_STEPS`] influences: `(first states, nodes left out, last states)`. `None` if
    /// the state is not reached.
    pub(crate) fn state_path(&self, first: usize, bounded: bool) -> Option<(Vec<usize>, usize, Vec<usize>)> {
        let distance = *self.dist.get(first)?;
        if distance == UNREACHED {
            return None;
        }
        let walk = |from: usize| {
            std::iter::successors(Some(from), |&state| {
                (self.dist[state] != 0).then(|| self.next[state] as usize)
            })
        };
        let distance = distance as usize;
        if !bounded || distance <= MAX_WHOLE_PATH_STEPS {
            return Some((walk(first).collect(), 0, Vec::new()));
        }
        let head = walk(first).take(PATH_END_STEPS + 1).collect();
        let tail = walk(self.anchors()[first] as usize).collect();
        Some((head, distance + 1 - 2 * (PATH_END_STEPS + 1), tail))
    }

    /// See `anchors`: each state's is its successor's, down to distance [`PATH_END_STEPS`]. Each
    /// state is set once, so this is linear in the states.
    fn anchors(&self) -> &[u32] {
        self.anchors.get_or_init(|| {
            let mut anchors = vec![UNREACHED; self.dist.len()];
            let mut climb = Vec::new();
            for start in 0..self.dist.len() {
                if self.dist[start] == UNREACHED || anchors[start] != UNREACHED {
                    continue;
                }
                let mut state = start;
                while anchors[state] == UNREACHED && self.dist[state] as usize > PATH_END_STEPS {
                    climb.push(state);
                    state = self.next[state] as usize;
                }
                if anchors[state] == UNREACHED {
                    anchors[state] = state as u32;
                }
                let anchor = anchors[state];
                for s in climb.drain(..) {
                    anchors[s] = anchor;
                }
            }
            anchors
        })
    }

    /// The sign of the shortest path from `node` (the enabling one when both are as short).
    fn shortest_sign(&self, node: NodeIndex) -> Sign {
        let (even, odd) = (self.dist[2 * node.index()], self.dist[2 * node.index() + 1]);
        if even <= odd { Sign::Enables } else { Sign::Hinders }
    }
}

/// For every stage, the determinants that feed it; and from that, the stages each determinant feeds.
#[derive(Debug, Clone)]
pub struct Reachability {
    graph: MapGraph,
    stages: Vec<StageReach>,
}

impl Reachability {
    pub fn compute(map: &Map) -> Self {
        Self::of_graph(MapGraph::new(map))
    }

    /// Searches every stage, on several cores for a large map (see [`MapGraph::per_stage`]).
    pub fn of_graph(graph: MapGraph) -> Self {
        let searches = graph.per_stage(|s| Search::run(&graph, s, None));
        let stages = searches.into_iter().map(|s| s.finish(&graph)).collect();
        Reachability { graph, stages }
    }

    pub fn graph(&self) -> &MapGraph {
        &self.graph
    }

    /// Every stage, in the map's order.
    pub fn stages(&self) -> &[StageReach] {
        &self.stages
    }

    pub fn stage(&self, stage: &Id) -> Option<&StageReach> {
        self.stages.iter().find(|s| &s.stage == stage)
    }

    /// The determinants that feed `stage`, nearest first; `None` if it is not a stage.
    pub fn feeders_of(&self, stage: &Id) -> Option<&[Feeder]> {
        self.stage(stage).map(|s| s.feeders.as_slice())
    }

    /// The stages `determinant` feeds, in stage order, each with how it feeds it.
    pub fn stages_fed_by(&self, determinant: &Id) -> Vec<(&Id, &Feeder)> {
        let Some(node) = self.graph.node(determinant) else {
            return Vec::new();
        };
        self.stages
            .iter()
            .filter_map(|s| s.feeder_of(node).map(|f| (&s.stage, f)))
            .collect()
    }

    /// The stages `determinant` feeds, as places in [`stages`](Self::stages), each with how it feeds it.
    pub fn feeds_of<'a>(&'a self, determinant: &Id) -> impl Iterator<Item = (usize, &'a Feeder)> + 'a {
        let node = self.graph.node(determinant);
        self.stages
            .iter()
            .enumerate()
            .filter_map(move |(k, s)| Some((k, s.feeder_of(node?)?)))
    }

    /// How `determinant` feeds `stage`, if it does.
    pub fn feeder(&self, determinant: &Id, stage: &Id) -> Option<&Feeder> {
        self.stage(stage)?.feeder_of(self.graph.node(determinant)?)
    }

    /// Determinants that feed no stage at all, in map order.
    pub fn feeding_no_stage(&self) -> Vec<&Id> {
        self.graph
            .determinants()
            .filter(|&n| {
                !self
                    .stages
                    .iter()
                    .any(|s| s.reaches_with(n, Sign::Enables) || s.reaches_with(n, Sign::Hinders))
            })
            .map(|n| self.graph.id(n))
            .collect()
    }

    /// One shortest path that explains how `determinant` feeds `stage`: ids from the determinant to the
    /// stage. For a mixed feeder it is the shortest path of either sign (the enabling one on a tie).
    pub fn path(&self, determinant: &Id, stage: &Id) -> Option<Vec<Id>> {
        Some(self.path_ids(determinant, stage)?.cloned().collect())
    }

    /// What [`Reachability::path`] returns, without allocating: for reports that write every path.
    pub fn path_ids<'a>(&'a self, determinant: &Id, stage: &Id) -> Option<impl Iterator<Item = &'a Id> + 'a> {
        let reach = self.stage(stage)?;
        let node = self.graph.node(determinant)?;
        reach.feeder_of(node)?; // a stage reaches itself, but does not feed it
        reach.walk(&self.graph, node, reach.shortest_sign(node))
    }

    /// What [`Reachability::path`] returns, shown whole when short and by its ends when long (see
    /// [`PathEnds`]): what reports print, in time and memory bounded per row.
    pub fn path_ends<'a>(&'a self, determinant: &Id, stage: &Id) -> Option<PathEnds<'a>> {
        let reach = self.stage(stage)?;
        let node = self.graph.node(determinant)?;
        reach.feeder_of(node)?;
        let first = StageReach::state(node, reach.shortest_sign(node));
        let (head, omitted, tail) = reach.state_path(first, true)?;
        let id = |state: usize| self.graph.id(NodeIndex::new(state / 2));
        Some(PathEnds {
            first: head.into_iter().map(id).collect(),
            omitted,
            last: tail.into_iter().map(id).collect(),
        })
    }

    /// The states of one shortest path of the given sign from `node` to `stage`, whole or by its ends.
    pub(crate) fn path_states(
        &self,
        determinant: &Id,
        stage: &Id,
        sign: Sign,
        bounded: bool,
    ) -> Option<(Vec<usize>, usize, Vec<usize>)> {
        let node = self.graph.node(determinant)?;
        self.stage(stage)?.state_path(StageReach::state(node, sign), bounded)
    }

    /// One shortest path of the given sign, e.g. to explain both sides of a mixed feeder.
    pub fn path_with_sign(&self, determinant: &Id, stage: &Id, sign: Sign) -> Option<Vec<Id>> {
        self.stage(stage)?
            .path_with(&self.graph, self.graph.node(determinant)?, sign)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};

    /// Large maps are searched on several threads; the result must be the sequential one, in stage order.
    #[test]
    fn parallel_search_equals_sequential() {
        let map = generate(Spec {
            determinants: 3_000,
            influences: 9_000,
            stages: 5,
            seed: 3,
        });
        let graph = MapGraph::new(&map);
        let sequential: Vec<StageReach> = graph.stages().map(|s| StageReach::search(&graph, s, None)).collect();
        let parallel = Reachability::of_graph(graph.clone());
        assert_eq!(parallel.stages().len(), 5);
        for (p, s) in parallel.stages().iter().zip(&sequential) {
            assert_eq!(p.stage, s.stage);
            assert_eq!(p.feeders, s.feeders);
            assert!(!p.feeders.is_empty());
        }
    }
}
