//! Simple, slow reference implementations of the analysis, written differently from the library's
//! (walk-length dynamic programming and brute-force removal instead of breadth-first search and
//! dominators), for property tests to compare against.

use detmap::model::{Map, Sign};
use std::collections::{BTreeMap, BTreeSet};

/// (stage, determinant) -> (shortest walk length with an even number of hinders, with an odd number).
pub type Walks = BTreeMap<(String, String), (Option<u32>, Option<u32>)>;

fn edges(map: &Map, removed: Option<&str>) -> Vec<(String, String, bool)> {
    map.influences
        .iter()
        .filter(|i| Some(i.from.as_str()) != removed && Some(i.to.as_str()) != removed)
        .map(|i| (i.from.to_string(), i.to.to_string(), i.sign == Sign::Hinders))
        .collect()
}

/// Shortest walks into each stage by parity: `reach[k]` holds (node, parity) pairs that reach the stage
/// in exactly k influences; a walk longer than 2·nodes can always be shortened, so that bounds k.
pub fn walks(map: &Map, removed: Option<&str>) -> Walks {
    let edges = edges(map, removed);
    let limit = 2 * (map.stages.len() + map.determinants.len()) as u32 + 2;
    let mut out = Walks::new();
    for stage in &map.stages {
        let mut frontier: BTreeSet<(String, bool)> = BTreeSet::from([(stage.id.to_string(), false)]);
        for k in 1..=limit {
            let mut next = BTreeSet::new();
            for (from, to, hinders) in &edges {
                for (node, parity) in &frontier {
                    if to == node {
                        next.insert((from.clone(), parity ^ hinders));
                    }
                }
            }
            for (node, parity) in &next {
                let entry = out.entry((stage.id.to_string(), node.clone())).or_insert((None, None));
                let slot = if *parity { &mut entry.1 } else { &mut entry.0 };
                slot.get_or_insert(k);
            }
            frontier = next;
        }
    }
    out
}

/// Whether `from` reaches `to` without passing through `avoid` (ignoring signs).
pub fn reaches_avoiding(map: &Map, from: &str, to: &str, avoid: &str) -> bool {
    let edges = edges(map, Some(avoid));
    let mut seen = BTreeSet::from([from.to_owned()]);
    let mut stack = vec![from.to_owned()];
    while let Some(n) = stack.pop() {
        if n == to {
            return true;
        }
        for (f, t, _) in &edges {
            if *f == n && seen.insert(t.clone()) {
                stack.push(t.clone());
            }
        }
    }
    false
}

/// Every elementary cycle among determinants as (node ids rotated to start at the smallest index in
/// map order, signs), found by trying every sequence of distinct nodes.
pub fn cycles(map: &Map) -> BTreeSet<(Vec<String>, Vec<bool>)> {
    let ids: Vec<String> = map.determinants.iter().map(|d| d.id.to_string()).collect();
    let edges = edges(map, None);
    let mut out = BTreeSet::new();
    fn extend(
        path: &mut Vec<usize>,
        ids: &[String],
        edges: &[(String, String, bool)],
        out: &mut BTreeSet<(Vec<String>, Vec<bool>)>,
    ) {
        let start = path[0];
        let last = *path.last().unwrap();
        // Close the cycle if there is an edge back to the start (each sign choice is a loop).
        let signs_between = |a: usize, b: usize| -> BTreeSet<bool> {
            edges
                .iter()
                .filter(|(f, t, _)| *f == ids[a] && *t == ids[b])
                .map(|e| e.2)
                .collect()
        };
        if !signs_between(last, start).is_empty() {
            let mut combos: Vec<Vec<bool>> = vec![vec![]];
            for w in 0..path.len() {
                let (a, b) = (path[w], path[(w + 1) % path.len()]);
                combos = combos
                    .into_iter()
                    .flat_map(|c| {
                        signs_between(a, b)
                            .into_iter()
                            .map(move |s| [c.clone(), vec![s]].concat())
                    })
                    .collect();
            }
            for c in combos {
                out.insert((path.iter().map(|&i| ids[i].clone()).collect(), c));
            }
        }
        for next in start + 1..ids.len() {
            if !path.contains(&next) && !signs_between(last, next).is_empty() {
                path.push(next);
                extend(path, ids, edges, out);
                path.pop();
            }
        }
    }
    for start in 0..ids.len() {
        extend(&mut vec![start], &ids, &edges, &mut out);
    }
    out
}
