//! The force-directed layout (Fruchterman–Reingold): influences pull their ends together like
//! springs, every pair of nodes pushes apart, and the moves shrink as the layout cools. It starts
//! from the saved positions, so it tidies the user's drawing rather than throwing it away; it has
//! no randomness, so the same map always gives the same layout.
//!
//! Each iteration compares every pair of nodes: fine for the maps people draw (tens to a few
//! hundred nodes), slow for thousands.

use super::{COLUMN_GAP, ROW_GAP};
use crate::analysis::MapGraph;
use crate::model::{Id, Map, Position};
use petgraph::visit::EdgeRef;

/// The length an influence settles at, about a column of the flow layout.
const IDEAL: f32 = COLUMN_GAP * 0.85;
/// A weak pull towards the centre, so parts of the map that are not linked stay near each other.
const GRAVITY: f32 = 0.02;
/// Node boxes, for the final pass that pushes overlapping nodes apart (a determinant is 180 wide
/// in the window, a stage 230; heights are under `ROW_GAP`).
const BOX_W: f32 = 250.0;
const BOX_H: f32 = ROW_GAP * 0.85;

#[derive(Clone, Copy)]
struct P {
    x: f32,
    y: f32,
}

/// Positions for every stage and determinant of `map` (in map order: stages, then determinants)
/// after `iterations` steps. Pure: the map is not changed.
pub fn force_layout(map: &Map, iterations: usize) -> Vec<(Id, Position)> {
    let graph = MapGraph::new(map);
    let ids: Vec<&Id> = map
        .stages
        .iter()
        .map(|s| &s.id)
        .chain(map.determinants.iter().map(|d| &d.id))
        .collect();
    let saved = map
        .stages
        .iter()
        .map(|s| s.position)
        .chain(map.determinants.iter().map(|d| d.position));
    let mut pos: Vec<P> = spread(saved.map(|p| P { x: p.x, y: p.y }).collect());
    let n = pos.len();
    // Undirected springs, one per linked pair (parallel and opposite influences pull once).
    let mut springs: Vec<(usize, usize)> = graph
        .digraph()
        .edge_references()
        .filter(|e| e.source() != e.target())
        .map(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            (a.min(b), a.max(b))
        })
        .collect();
    springs.sort_unstable();
    springs.dedup();

    let start_temperature = IDEAL * 2.0;
    for step in 0..iterations {
        let temperature = start_temperature * (1.0 - step as f32 / iterations as f32);
        let mut moves = vec![P { x: 0.0, y: 0.0 }; n];
        for i in 0..n {
            for j in i + 1..n {
                let (dx, dy) = separation(&pos, i, j);
                let d2 = (dx * dx + dy * dy).max(1.0);
                let push = IDEAL * IDEAL / d2; // k²/d along the unit vector (dx, dy)/d
                moves[i].x += dx * push;
                moves[i].y += dy * push;
                moves[j].x -= dx * push;
                moves[j].y -= dy * push;
            }
        }
        for &(a, b) in &springs {
            let (dx, dy) = separation(&pos, a, b);
            let d = (dx * dx + dy * dy).sqrt();
            let pull = d / IDEAL; // d²/k along the unit vector
            moves[a].x -= dx * pull;
            moves[a].y -= dy * pull;
            moves[b].x += dx * pull;
            moves[b].y += dy * pull;
        }
        let centre = centroid(&pos);
        for (p, m) in pos.iter_mut().zip(&moves) {
            let (mx, my) = (m.x - (p.x - centre.x) * GRAVITY, m.y - (p.y - centre.y) * GRAVITY);
            let len = (mx * mx + my * my).sqrt();
            if len > 0.0 {
                let step = len.min(temperature);
                p.x += mx / len * step;
                p.y += my / len * step;
            }
        }
    }
    separate_boxes(&mut pos);
    // Put the layout's top left corner where the saved drawing's was, so the view does not jump.
    let (min_x, min_y) = pos
        .iter()
        .fold((f32::INFINITY, f32::INFINITY), |(x, y), p| (x.min(p.x), y.min(p.y)));
    let saved_min = map
        .stages
        .iter()
        .map(|s| s.position)
        .chain(map.determinants.iter().map(|d| d.position))
        .fold((f32::INFINITY, f32::INFINITY), |(x, y), p| (x.min(p.x), y.min(p.y)));
    ids.into_iter()
        .zip(pos)
        .map(|(id, p)| {
            (
                id.clone(),
                Position::new((p.x - min_x + saved_min.0).round(), (p.y - min_y + saved_min.1).round()),
            )
        })
        .collect()
}

/// From `j` to `i`; for two nodes at the same place, a fixed direction that depends on their
/// indices, so they part deterministically.
fn separation(pos: &[P], i: usize, j: usize) -> (f32, f32) {
    let (dx, dy) = (pos[i].x - pos[j].x, pos[i].y - pos[j].y);
    if dx == 0.0 && dy == 0.0 {
        let a = (i * 7 + j * 13) as f32;
        (a.cos(), a.sin())
    } else {
        (dx, dy)
    }
}

fn centroid(pos: &[P]) -> P {
    let n = pos.len().max(1) as f32;
    P {
        x: pos.iter().map(|p| p.x).sum::<f32>() / n,
        y: pos.iter().map(|p| p.y).sum::<f32>() / n,
    }
}

/// Moves nodes that share a saved position (a map drawn without positions has every node at the
/// origin) onto a golden-angle spiral around it, so the forces have directions to work with.
fn spread(mut pos: Vec<P>) -> Vec<P> {
    let mut seen: std::collections::HashMap<(u32, u32), usize> = std::collections::HashMap::new();
    for p in &mut pos {
        let count = seen.entry((p.x.to_bits(), p.y.to_bits())).or_insert(0);
        if *count > 0 {
            let k = *count as f32;
            let angle = k * 2.399_963; // the golden angle, in radians
            let radius = IDEAL * 0.5 * k.sqrt();
            p.x += radius * angle.cos();
            p.y += radius * angle.sin();
        }
        *count += 1;
    }
    pos
}

/// Pushes apart nodes whose boxes overlap, along the axis where they overlap least, a few rounds.
fn separate_boxes(pos: &mut [P]) {
    for _ in 0..50 {
        let mut moved = false;
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = separation(pos, i, j);
                let (ox, oy) = (BOX_W - dx.abs(), BOX_H - dy.abs());
                if ox <= 0.0 || oy <= 0.0 {
                    continue;
                }
                moved = true;
                if ox / BOX_W < oy / BOX_H {
                    let half = ox / 2.0 * dx.signum();
                    pos[i].x += half;
                    pos[j].x -= half;
                } else {
                    let half = oy / 2.0 * dy.signum();
                    pos[i].y += half;
                    pos[j].y -= half;
                }
            }
        }
        if !moved {
            break;
        }
    }
}
