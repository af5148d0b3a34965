//! The map as a petgraph graph: stages first, then determinants, one edge per influence.

use crate::model::{Id, Influence, Map, Sign};
use foldhash::{HashMap, HashMapExt};
use petgraph::csr::Csr;
use petgraph::graph::{DiGraph, NodeIndex};
use std::sync::OnceLock;

/// A read-only graph view of a map. Built once per analysis; indices never leave this module's
/// siblings (public results carry [`Id`]s).
///
/// Reachability, the analysis run on every change, needs only the compact backwards adjacency, so
/// that is all that is built up front; the full petgraph graph that loops, pressure points and the
/// layouts walk is built on first use.
#[derive(Debug, Clone)]
pub struct MapGraph {
    /// Every influence that the analysis follows, `(from, to, sign)` by node index, in map order.
    edges: Vec<(u32, u32, Sign)>,
    digraph: OnceLock<DiGraph<(), Sign, u32>>,
    /// The influences backwards (target to source), compact for the per-stage searches. Parallel
    /// influences are merged; the weight says which signs they carry.
    pub(crate) backwards: Csr<(), SignSet, petgraph::Directed, u32>,
    ids: Vec<Id>,
    index: HashMap<Id, NodeIndex>,
    stage_count: usize,
}

impl MapGraph {
    /// Builds the graph. Influences whose ends are missing (only possible in an invalid map) and
    /// influences out of a stage are skipped, so the analysis never fails.
    pub fn new(map: &Map) -> Self {
        Self::with_influences(map, |_| true)
    }

    /// The graph of `map` as it would be without `determinant`'s influences (the "what if" of a
    /// knock-out): the node stays, so indices and rows line up with the whole map's, but it feeds
    /// nothing and nothing passes through it. The map itself is not copied.
    pub fn without(map: &Map, determinant: &Id) -> Self {
        Self::with_influences(map, |i| &i.from != determinant && &i.to != determinant)
    }

    fn with_influences(map: &Map, keep: impl Fn(&Influence) -> bool) -> Self {
        let node_count = map.stages.len() + map.determinants.len();
        let mut ids = Vec::with_capacity(node_count);
        let mut index = HashMap::with_capacity(node_count);
        for id in map
            .stages
            .iter()
            .map(|s| &s.id)
            .chain(map.determinants.iter().map(|d| &d.id))
        {
            index.entry(id.clone()).or_insert(NodeIndex::new(ids.len()));
            ids.push(id.clone());
        }
        let stage_count = map.stages.len();
        let edges: Vec<(u32, u32, Sign)> = map
            .influences
            .iter()
            .filter(|inf| keep(inf))
            .filter_map(|inf| {
                let (from, to) = (index.get(&inf.from)?.index(), index.get(&inf.to)?.index());
                (from >= stage_count).then_some((from as u32, to as u32, inf.sign))
            })
            .collect();
        let mut reversed: Vec<(u32, u32, SignSet)> = edges
            .iter()
            .map(|&(from, to, sign)| (to, from, SignSet::of(sign)))
            .collect();
        reversed.sort_unstable_by_key(|&(to, from, _)| (to, from));
        reversed.dedup_by(|later, kept| {
            let same = (later.0, later.1) == (kept.0, kept.1);
            if same {
                kept.2 = kept.2.with(later.2);
            }
            same
        });
        let backwards = Csr::from_sorted_edges(&reversed).expect("sorted and deduplicated just above");
        MapGraph {
            edges,
            digraph: OnceLock::new(),
            backwards,
            ids,
            index,
            stage_count,
        }
    }

    /// The map as a petgraph graph, one edge per influence followed, for the algorithms that walk it.
    pub(crate) fn digraph(&self) -> &DiGraph<(), Sign, u32> {
        self.digraph.get_or_init(|| {
            let mut g = DiGraph::with_capacity(self.ids.len(), self.edges.len());
            for _ in 0..self.ids.len() {
                g.add_node(());
            }
            for &(from, to, sign) in &self.edges {
                g.add_edge(NodeIndex::new(from as usize), NodeIndex::new(to as usize), sign);
            }
            g
        })
    }

    /// The nodes with an influence into `n`, each with the signs of those influences.
    pub(crate) fn sources_of(&self, n: NodeIndex) -> impl Iterator<Item = (usize, SignSet)> + '_ {
        let known = n.index() < self.backwards.node_count();
        let (sources, signs): (&[u32], &[SignSet]) = if known {
            (
                self.backwards.neighbors_slice(n.index() as u32),
                self.backwards.edges_slice(n.index() as u32),
            )
        } else {
            (&[], &[])
        };
        sources.iter().map(|&s| s as usize).zip(signs.iter().copied())
    }

    /// `work` run for every stage, in stage order. Stages are independent, so on a large map they
    /// are spread over the machine's cores; a small one is not worth the threads.
    pub(crate) fn per_stage<T: Send>(&self, work: impl Fn(NodeIndex) -> T + Sync) -> Vec<T> {
        let stages: Vec<NodeIndex> = self.stages().collect();
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(stages.len())
            .max(1);
        if threads == 1 || self.node_count() < 2_000 {
            return stages.into_iter().map(work).collect();
        }
        let chunk = stages.len().div_ceil(threads);
        let work = &work;
        std::thread::scope(|scope| {
            let handles: Vec<_> = stages
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|&s| work(s)).collect::<Vec<T>>()))
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("the work of one stage does not panic"))
                .collect()
        })
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

/// Which signs the influences between one pair of nodes carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SignSet(u8);

impl SignSet {
    const ENABLES: u8 = 1;
    const HINDERS: u8 = 2;

    fn of(sign: Sign) -> Self {
        SignSet(if sign == Sign::Enables {
            Self::ENABLES
        } else {
            Self::HINDERS
        })
    }
    fn with(self, other: SignSet) -> Self {
        SignSet(self.0 | other.0)
    }
    pub(crate) fn has_enables(self) -> bool {
        self.0 & Self::ENABLES != 0
    }
    pub(crate) fn has_hinders(self) -> bool {
        self.0 & Self::HINDERS != 0
    }
}
