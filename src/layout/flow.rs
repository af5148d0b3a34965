//! The layered "flow" layout: stages in one column on the right in their order, determinants in
//! columns to the left by how far upstream they are, ordered within each column to reduce crossings.
//!
//! It is the classic layered (Sugiyama) scheme, kept small:
//! 1. Layers. Stages are layer 0. Cycles are broken by dropping a small feedback arc set (petgraph's
//!    greedy one), only its arcs inside a strongly connected component (petgraph's Tarjan), so an
//!    influence that is on no cycle is never dropped. A determinant's layer is then the longest path from it to a
//!    stage: it sits left of everything it influences, and one column left of the furthest.
//! 2. Order. An influence that spans several layers gets a placeholder in each layer it crosses.
//!    Barycentre sweeps, away from the stages and back, reorder each column by the mean place of
//!    its neighbours in the column just swept; the order with the fewest crossings is kept. The
//!    stages are never reordered.
//! 3. Place. Columns are a fixed distance apart. Stages are spread over the height of the tallest
//!    column; in every other column, nodes keep their order and a minimum gap and sit as near the
//!    mean height of their neighbours as the gaps allow (least squares), so links run flat.

use super::{COLUMN_GAP, ROW_GAP, STAGE_GAP};
use crate::analysis::MapGraph;
use crate::model::{Id, Map, Position};
use petgraph::algo::{greedy_feedback_arc_set, tarjan_scc};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use std::collections::HashSet;

/// Barycentre sweeps (each one away from the stages and back).
const SWEEPS: usize = 12;
/// Passes that pull nodes towards their neighbours' height.
const STRAIGHTEN: usize = 8;

/// Positions for every stage and determinant of `map` (in map order: stages, then determinants).
/// Pure: the map is not changed.
pub fn flow_layout(map: &Map) -> Vec<(Id, Position)> {
    let graph = MapGraph::new(map);
    let n = graph.node_count();
    let edges = acyclic_edges(&graph);
    let layer = layers(&graph, &edges);
    let layers_count = layer.iter().copied().max().map_or(1, |m| m + 1);
    let (columns, links) = with_placeholders(&layer, &edges, layers_count, n);
    let columns = order(columns, &links);
    let y = place(&columns, &links, n);
    let top_layer = layers_count - 1;
    let mut out = Vec::with_capacity(map.stages.len() + map.determinants.len());
    // The graph has one node per stage and per determinant, in this order, even for an id repeated
    // in an invalid map, so node `i` is the `i`-th of them.
    let ids = map
        .stages
        .iter()
        .map(|s| &s.id)
        .chain(map.determinants.iter().map(|d| &d.id));
    for (i, id) in ids.enumerate() {
        out.push((
            id.clone(),
            Position::new((top_layer - layer[i]) as f32 * COLUMN_GAP, y[i]),
        ));
    }
    out
}

/// Every influence as (from, to) node indices, without self-loops and without a feedback arc set
/// (petgraph's greedy one, of Eades, Lin and Smyth, linear in the map), so what remains has no
/// cycle. Only arcs inside one strongly connected component are dropped: an arc between two
/// components is on no cycle, so every influence that is on no cycle remains and points right.
fn acyclic_edges(graph: &MapGraph) -> Vec<(usize, usize)> {
    let g = graph.digraph();
    let mut component = vec![0; graph.node_count()];
    for (c, members) in tarjan_scc(g).into_iter().enumerate() {
        for m in members {
            component[m.index()] = c;
        }
    }
    let dropped: HashSet<usize> = greedy_feedback_arc_set(g)
        .filter(|e| component[e.source().index()] == component[e.target().index()])
        .map(|e| e.id().index())
        .collect();
    g.edge_references()
        .filter(|e| e.source() != e.target() && !dropped.contains(&e.id().index()))
        .map(|e| (e.source().index(), e.target().index()))
        .collect()
}

/// Stages 0; a determinant one more than the highest layer it leads to, or 1 if it leads nowhere.
fn layers(graph: &MapGraph, edges: &[(usize, usize)]) -> Vec<usize> {
    let n = graph.node_count();
    let mut out_edges = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for &(a, b) in edges {
        out_edges[b].push(a); // reversed: from the target back to its sources
        indegree[a] += 1; // how many targets `a` still waits for
    }
    let mut layer: Vec<usize> = (0..n)
        .map(|i| usize::from(!graph.is_stage(NodeIndex::new(i))))
        .collect();
    // Kahn's algorithm from the sinks: a node is final once all it influences are.
    let mut ready: Vec<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
    while let Some(b) = ready.pop() {
        for &a in &out_edges[b] {
            layer[a] = layer[a].max(layer[b] + 1);
            indegree[a] -= 1;
            if indegree[a] == 0 {
                ready.push(a);
            }
        }
    }
    layer
}

/// Columns of node indices (map order for now), with a placeholder (index ≥ `n`) in every layer an
/// edge crosses; and the links between adjacent layers, each (left node, right node).
fn with_placeholders(
    layer: &[usize],
    edges: &[(usize, usize)],
    layers_count: usize,
    n: usize,
) -> (Vec<Vec<usize>>, Vec<(usize, usize)>) {
    let mut columns: Vec<Vec<usize>> = vec![Vec::new(); layers_count];
    for (i, &l) in layer.iter().enumerate() {
        columns[l].push(i);
    }
    let mut links = Vec::new();
    let mut next = n;
    for &(a, b) in edges {
        let mut left = a;
        for l in (layer[b] + 1..layer[a]).rev() {
            columns[l].push(next);
            links.push((left, next));
            left = next;
            next += 1;
        }
        links.push((left, b));
    }
    (columns, links)
}

/// Reorders every column but the stages' by barycentre sweeps; keeps the order with fewest crossings.
fn order(mut columns: Vec<Vec<usize>>, links: &[(usize, usize)]) -> Vec<Vec<usize>> {
    let count = columns.iter().map(Vec::len).sum::<usize>();
    // Links join adjacent columns only, so a node's right neighbours are all in the column to its
    // right and its left neighbours in the column to its left.
    let mut right_of = vec![Vec::new(); count];
    let mut left_of = vec![Vec::new(); count];
    for &(l, r) in links {
        right_of[l].push(r);
        left_of[r].push(l);
    }
    let mut place = vec![0f64; count];
    for column in &columns {
        set_places(column, &mut place);
    }
    let mut best = (crossings(&columns, links, count), columns.clone());
    for _ in 0..SWEEPS {
        for column in columns.iter_mut().skip(1) {
            reorder(column, &right_of, &left_of, &place);
            set_places(column, &mut place);
        }
        for l in (1..columns.len().saturating_sub(1)).rev() {
            reorder(&mut columns[l], &left_of, &right_of, &place);
            set_places(&columns[l], &mut place);
        }
        let c = crossings(&columns, links, count);
        if c < best.0 {
            best = (c, columns.clone());
        }
    }
    best.1
}

/// Each node's place in its column as a fraction of the column's length, so that columns of
/// different lengths compare.
fn set_places(column: &[usize], place: &mut [f64]) {
    for (k, &v) in column.iter().enumerate() {
        place[v] = k as f64 / (column.len().max(2) - 1) as f64;
    }
}

/// Sorts `column` by the mean place of each node's neighbours on the side just swept (`towards`).
/// A node with none there goes by its neighbours on the other side (`away`), and one with none at
/// all keeps its place. The sort is stable, so ties keep the current order.
fn reorder(column: &mut [usize], towards: &[Vec<usize>], away: &[Vec<usize>], place: &[f64]) {
    let mean = |ns: &[usize]| (!ns.is_empty()).then(|| ns.iter().map(|&w| place[w]).sum::<f64>() / ns.len() as f64);
    let mut keyed: Vec<(f64, usize)> = column
        .iter()
        .map(|&v| (mean(&towards[v]).or_else(|| mean(&away[v])).unwrap_or(place[v]), v))
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (slot, (_, v)) in column.iter_mut().zip(keyed) {
        *slot = v;
    }
}

/// The number of pairs of links between adjacent columns that cross.
pub(super) fn crossings(columns: &[Vec<usize>], links: &[(usize, usize)], count: usize) -> usize {
    let mut place = vec![0usize; count];
    for column in columns {
        for (k, &v) in column.iter().enumerate() {
            place[v] = k;
        }
    }
    // Links between layers l+1 (left) and l: sort by the left end, count inversions of the right end.
    let mut layer_of = vec![0usize; count];
    for (l, column) in columns.iter().enumerate() {
        for &v in column {
            layer_of[v] = l;
        }
    }
    let mut by_gap: Vec<Vec<(usize, usize)>> = vec![Vec::new(); columns.len()];
    for &(a, b) in links {
        by_gap[layer_of[b]].push((place[a], place[b]));
    }
    by_gap
        .into_iter()
        .map(|mut pairs| {
            pairs.sort();
            let rights: Vec<usize> = pairs.into_iter().map(|(_, r)| r).collect();
            inversions(&rights)
        })
        .sum()
}

/// Pairs i < j with v[i] > v[j], by merge sort.
fn inversions(v: &[usize]) -> usize {
    if v.len() < 2 {
        return 0;
    }
    let (left, right) = v.split_at(v.len() / 2);
    let mut count = inversions(left) + inversions(right);
    let (mut l, mut r) = (left.to_vec(), right.to_vec());
    l.sort_unstable();
    r.sort_unstable();
    let mut j = 0;
    for &x in &l {
        while j < r.len() && r[j] < x {
            j += 1;
        }
        count += j;
    }
    count
}

/// Least distance between a placeholder and its neighbours in a column: long links pass between
/// nodes without taking a whole row each.
const PLACEHOLDER_GAP: f32 = 24.0;

/// Heights. Stages are spread evenly, at least `STAGE_GAP` apart, over the height of the tallest
/// column, so links into them fan in gently; every other column is pulled towards its neighbours'
/// heights, keeping its order and the gaps between nodes. Placeholders take part (they keep long
/// links clear of nodes) but are not returned.
fn place(columns: &[Vec<usize>], links: &[(usize, usize)], n: usize) -> Vec<f32> {
    let count = columns.iter().map(Vec::len).sum::<usize>();
    let mut neighbours = vec![Vec::new(); count];
    for &(a, b) in links {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let half = |v: usize| if v < n { ROW_GAP / 2.0 } else { PLACEHOLDER_GAP / 2.0 };
    let gap = |a: usize, b: usize| half(a) + half(b);
    let extent = |column: &[usize]| column.windows(2).map(|w| gap(w[0], w[1])).sum::<f32>();
    let tallest = columns.iter().skip(1).map(|c| extent(c)).fold(0.0, f32::max);
    let stages = columns.first().map_or(0, Vec::len);
    let stage_gap = if stages > 1 {
        STAGE_GAP.max(tallest / (stages - 1) as f32)
    } else {
        STAGE_GAP
    };
    let middle = stages.saturating_sub(1) as f32 * stage_gap / 2.0;

    let mut y = vec![0f32; count];
    for (l, column) in columns.iter().enumerate() {
        let mut at = middle - if l == 0 { middle } else { extent(column) / 2.0 };
        for (k, &v) in column.iter().enumerate() {
            if k > 0 {
                at += if l == 0 { stage_gap } else { gap(column[k - 1], v) };
            }
            y[v] = at;
        }
    }
    for _ in 0..STRAIGHTEN {
        for column in columns.iter().skip(1) {
            let wanted: Vec<f32> = column
                .iter()
                .map(|&v| {
                    if neighbours[v].is_empty() {
                        y[v]
                    } else {
                        neighbours[v].iter().map(|&w| y[w]).sum::<f32>() / neighbours[v].len() as f32
                    }
                })
                .collect();
            let gaps: Vec<f32> = column.windows(2).map(|w| gap(w[0], w[1])).collect();
            for (&v, p) in column.iter().zip(nearest_keeping_gaps(&wanted, &gaps)) {
                y[v] = p;
            }
        }
    }
    y.truncate(n);
    y
}

/// The heights nearest to `wanted` (least squares) that keep the order with at least `gaps[k]`
/// between item k and k+1. Subtracting the running gap turns it into isotonic regression, solved
/// exactly by pooling adjacent violators.
fn nearest_keeping_gaps(wanted: &[f32], gaps: &[f32]) -> Vec<f32> {
    let offsets: Vec<f32> = std::iter::once(0.0)
        .chain(gaps.iter().scan(0.0, |acc, g| {
            *acc += g;
            Some(*acc)
        }))
        .collect();
    // Blocks of (sum of targets, count): each block's items share their mean.
    let mut blocks: Vec<(f32, usize)> = Vec::new();
    for (w, o) in wanted.iter().zip(&offsets) {
        blocks.push((w - o, 1));
        while blocks.len() > 1 {
            let (s2, c2) = blocks[blocks.len() - 1];
            let (s1, c1) = blocks[blocks.len() - 2];
            if s1 / c1 as f32 <= s2 / c2 as f32 {
                break;
            }
            blocks.pop();
            *blocks.last_mut().expect("two blocks") = (s1 + s2, c1 + c2);
        }
    }
    blocks
        .iter()
        .flat_map(|&(s, c)| std::iter::repeat_n(s / c as f32, c))
        .zip(&offsets)
        .map(|(z, o)| z + o)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_heights_keep_the_gaps_and_split_the_difference() {
        // Both want 0, 10 apart: they straddle 0.
        assert_eq!(nearest_keeping_gaps(&[0.0, 0.0], &[10.0]), vec![-5.0, 5.0]);
        // Far enough apart already: unchanged.
        assert_eq!(
            nearest_keeping_gaps(&[0.0, 50.0, 51.0], &[10.0, 1.0]),
            vec![0.0, 50.0, 51.0]
        );
        assert_eq!(nearest_keeping_gaps(&[], &[]), Vec::<f32>::new());
    }

    #[test]
    fn inversions_are_counted() {
        assert_eq!(inversions(&[0, 1, 2]), 0);
        assert_eq!(inversions(&[2, 1, 0]), 3);
        assert_eq!(inversions(&[1, 0, 1, 0]), 3);
    }
}
