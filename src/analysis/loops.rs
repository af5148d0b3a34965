//! Feedback loops: the elementary cycles among determinants, with their sign.
//!
//! Cycles are enumerated with Johnson's algorithm inside each strongly connected component
//! (petgraph's Tarjan; petgraph has no cycle enumeration): from each node, the circuits back to it
//! through nodes of higher index only, so each cycle is found once. Johnson's blocking keeps the
//! work proportional to the loops found, so stopping at `limit` bounds the time too (a plain search
//! of simple paths can run for minutes before it finds a first loop). The number of loops can grow
//! exponentially with the map, so the list stops at the limit and says so.

use super::MapGraph;
use crate::model::{Id, Sign};
use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;

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

impl FeedbackLoop {
    /// The loop through `determinants` of `map` in this order (the last back to the first), with
    /// the sign of the first influence of each hop, as the search lists that choice; `None` when a
    /// hop has no influence or there are no determinants.
    pub fn through(map: &crate::model::Map, determinants: &[Id]) -> Option<FeedbackLoop> {
        let signs = (0..determinants.len())
            .map(|k| {
                let (from, to) = (&determinants[k], &determinants[(k + 1) % determinants.len()]);
                map.influences
                    .iter()
                    .find(|i| &i.from == from && &i.to == to)
                    .map(|i| i.sign)
            })
            .collect::<Option<Vec<Sign>>>()
            .filter(|s| !s.is_empty())?;
        Some(FeedbackLoop {
            determinants: determinants.to_vec(),
            kind: LoopKind::of(&signs),
            signs,
        })
    }
}

impl LoopKind {
    /// Reinforcing with an even number of hinders, else balancing.
    fn of(signs: &[Sign]) -> LoopKind {
        if signs.iter().filter(|s| **s == Sign::Hinders).count() % 2 == 0 {
            LoopKind::Reinforcing
        } else {
            LoopKind::Balancing
        }
    }
}

/// The loops found, and whether the search stopped at its limit before finding them all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loops {
    pub loops: Vec<FeedbackLoop>,
    pub truncated: bool,
}

/// Finds up to `limit` feedback loops.
pub fn feedback_loops(graph: &MapGraph, limit: usize) -> Loops {
    let g = graph.digraph();
    let n = g.node_count();
    // Successors without repeats: parallel influences are told apart by `sign_choices` later.
    let successors: Vec<Vec<usize>> = (0..n)
        .map(|v| {
            let mut next: Vec<usize> = g.neighbors(NodeIndex::new(v)).map(|w| w.index()).collect();
            next.sort_unstable();
            next.dedup();
            next
        })
        .collect();
    let mut component_of = vec![usize::MAX; n];
    let mut starts = Vec::new();
    for (c, component) in tarjan_scc(g).into_iter().enumerate() {
        for v in &component {
            component_of[v.index()] = c;
        }
        let self_loop = |v: &NodeIndex| successors[v.index()].contains(&v.index());
        if component.len() > 1 || self_loop(&component[0]) {
            starts.extend(component.iter().map(|v| v.index()));
        }
    }
    starts.sort_unstable();

    let mut out = Loops::default();
    let mut search = Johnson::new(n);
    for start in starts {
        let allowed = |w: usize| component_of[w] == component_of[start] && w >= start;
        let finished = search.circuits(start, &successors, allowed, |cycle| {
            let nodes: Vec<NodeIndex> = cycle.iter().map(|&v| NodeIndex::new(v)).collect();
            for signs in sign_choices(graph, &nodes) {
                if out.loops.len() >= limit {
                    out.truncated = true;
                    return false;
                }
                out.loops.push(FeedbackLoop {
                    determinants: nodes.iter().map(|&v| graph.id(v).clone()).collect(),
                    kind: LoopKind::of(&signs),
                    signs,
                });
            }
            true
        });
        if !finished {
            break;
        }
    }
    out
}

/// The state of Johnson's circuit search, reused from one start node to the next.
struct Johnson {
    blocked: Vec<bool>,
    /// `blockers[w]`: nodes to unblock when `w` is unblocked.
    blockers: Vec<Vec<usize>>,
}

/// One node on the search path: which successor to try next, and whether a circuit was found below it.
struct Frame {
    node: usize,
    next: usize,
    found: bool,
}

impl Johnson {
    fn new(n: usize) -> Self {
        Johnson {
            blocked: vec![false; n],
            blockers: vec![Vec::new(); n],
        }
    }

    /// Calls `emit` with every elementary circuit through `start` that stays within `allowed`, until
    /// `emit` returns false (then returns false). Iterative, so a long path cannot overflow the stack.
    fn circuits(
        &mut self,
        start: usize,
        successors: &[Vec<usize>],
        allowed: impl Fn(usize) -> bool,
        mut emit: impl FnMut(&[usize]) -> bool,
    ) -> bool {
        for v in 0..self.blocked.len() {
            if allowed(v) {
                self.blocked[v] = false;
                self.blockers[v].clear();
            }
        }
        let mut path = vec![start];
        let mut stack = vec![Frame {
            node: start,
            next: 0,
            found: false,
        }];
        self.blocked[start] = true;
        while let Some(top) = stack.last_mut() {
            let v = top.node;
            if let Some(&w) = successors[v].get(top.next) {
                top.next += 1;
                if !allowed(w) {
                    continue;
                }
                if w == start {
                    top.found = true;
                    if !emit(&path) {
                        return false;
                    }
                } else if !self.blocked[w] {
                    self.blocked[w] = true;
                    path.push(w);
                    stack.push(Frame {
                        node: w,
                        next: 0,
                        found: false,
                    });
                }
                continue;
            }
            let done = stack.pop().expect("the loop runs while the stack has a top");
            path.pop();
            if done.found {
                self.unblock(v);
            } else {
                for &w in successors[v].iter().filter(|&&w| allowed(w)) {
                    if !self.blockers[w].contains(&v) {
                        self.blockers[w].push(v);
                    }
                }
            }
            if let Some(parent) = stack.last_mut() {
                parent.found |= done.found;
            }
        }
        true
    }

    fn unblock(&mut self, v: usize) {
        let mut todo = vec![v];
        while let Some(u) = todo.pop() {
            if self.blocked[u] {
                self.blocked[u] = false;
                todo.append(&mut self.blockers[u]);
            }
        }
    }
}

/// The distinct sign sequences along a cycle of nodes. Two influences between the same pair with
/// different signs make two loops; with the same sign, one.
fn sign_choices(graph: &MapGraph, nodes: &[NodeIndex]) -> Vec<Vec<Sign>> {
    let mut choices: Vec<Vec<Sign>> = vec![Vec::new()];
    for (i, &from) in nodes.iter().enumerate() {
        let to = nodes[(i + 1) % nodes.len()];
        let mut signs: Vec<Sign> = graph
            .digraph()
            .edges_connecting(from, to)
            .map(|e| *e.weight())
            .collect();
        signs.sort();
        signs.dedup();
        choices = choices
            .into_iter()
            .flat_map(|prefix| signs.iter().map(move |&s| [prefix.clone(), vec![s]].concat()))
            .collect();
    }
    choices
}
