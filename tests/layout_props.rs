//! Properties of the automatic layouts, on the samples, on generated maps and on random small maps
//! with cycles: stages in one column in order, determinants left of what they influence, nobody on
//! top of anybody, the same answer every time.

mod common;

use detmap::generate::{Spec, generate};
use detmap::layout::{COLUMN_GAP, ROW_GAP, apply_positions, flow_layout, force_layout, has_no_saved_layout};
use detmap::model::{Id, Map, Position};
use proptest::prelude::*;
use std::collections::HashMap;

fn samples() -> Vec<Map> {
    detmap::samples::all().map(|s| s.load().unwrap()).collect()
}

fn by_id(positions: &[(Id, Position)]) -> HashMap<&Id, Position> {
    positions.iter().map(|(id, p)| (id, *p)).collect()
}

/// Whether `to` leads back to `from` along influences (then `from -> to` is on a cycle).
fn on_a_cycle(map: &Map, from: &Id, to: &Id) -> bool {
    let mut seen = vec![to];
    let mut stack = vec![to];
    while let Some(n) = stack.pop() {
        if n == from {
            return true;
        }
        for inf in map.influences.iter().filter(|i| &i.from == n) {
            if !seen.contains(&&inf.to) {
                seen.push(&inf.to);
                stack.push(&inf.to);
            }
        }
    }
    false
}

fn check_flow(map: &Map) {
    let positions = flow_layout(map);
    assert_eq!(
        positions.len(),
        map.stages.len() + map.determinants.len(),
        "a place for every node"
    );
    let at = by_id(&positions);
    // Stages: one column, in their order, right of every determinant.
    let stage_x: Vec<f32> = map.stages.iter().map(|s| at[&s.id].x).collect();
    assert!(
        stage_x.windows(2).all(|w| w[0] == w[1]),
        "stages in one column: {stage_x:?}"
    );
    let ys: Vec<f32> = map.stages.iter().map(|s| at[&s.id].y).collect();
    assert!(
        ys.windows(2).all(|w| w[0] < w[1]),
        "stages top to bottom in their order: {ys:?}"
    );
    if let Some(&x) = stage_x.first() {
        assert!(
            map.determinants.iter().all(|d| at[&d.id].x < x),
            "determinants left of the stages"
        );
    }
    // Every influence that is on no cycle points right.
    for inf in &map.influences {
        if inf.from != inf.to && !on_a_cycle(map, &inf.from, &inf.to) {
            assert!(
                at[&inf.from].x < at[&inf.to].x,
                "{} -> {} points right",
                inf.from,
                inf.to
            );
        }
    }
    // Columns are COLUMN_GAP apart, and in a column nodes keep a row apart: no two overlap.
    for (k, (_, p)) in positions.iter().enumerate() {
        assert!(p.x.is_finite() && p.y.is_finite());
        assert!((p.x / COLUMN_GAP).fract() == 0.0, "on a column: {p:?}");
        for (_, q) in &positions[k + 1..] {
            assert!(
                p.x != q.x || (p.y - q.y).abs() >= ROW_GAP - 0.01,
                "{p:?} and {q:?} overlap"
            );
        }
    }
    assert_eq!(flow_layout(map), positions, "deterministic");
}

#[test]
fn flow_layout_of_every_sample() {
    for map in samples() {
        check_flow(&map);
    }
}

#[test]
fn flow_layout_of_generated_maps_with_cycles() {
    for seed in 0..4 {
        check_flow(&generate(Spec {
            determinants: 60,
            influences: 150,
            stages: 5,
            seed,
        }));
    }
}

proptest! {
    #[test]
    fn flow_layout_of_random_small_maps(map in common::small_map()) {
        check_flow(&map);
    }
}

/// Whether segments ab and cd cross at a point inside both.
fn cross(a: Position, b: Position, c: Position, d: Position) -> bool {
    let orient = |p: Position, q: Position, r: Position| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (o1, o2, o3, o4) = (orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b));
    o1 * o2 < 0.0 && o3 * o4 < 0.0
}

#[test]
fn flow_layout_untangles_a_map_that_can_be_drawn_without_crossings() {
    // Three chains into three stages, listed in an order that crosses every pair of chains.
    let map = common::map_of(
        &["s1", "s2", "s3"],
        &["x", "a", "z", "b", "y", "c"],
        &[
            ("a", "s3", '+'),
            ("b", "s1", '+'),
            ("c", "s2", '+'),
            ("x", "a", '+'),
            ("y", "b", '-'),
            ("z", "c", '+'),
        ],
    );
    let saved: HashMap<&str, Position> = [("x", 0.0), ("a", 1.0), ("z", 2.0), ("b", 3.0), ("y", 4.0), ("c", 5.0)]
        .into_iter()
        .map(|(d, k)| (d, Position::new(0.0, k)))
        .collect();
    let laid = flow_layout(&map);
    let at = by_id(&laid);
    let segments: Vec<(Position, Position)> = map.influences.iter().map(|i| (at[&i.from], at[&i.to])).collect();
    let crossings = |segs: &[(Position, Position)]| {
        (0..segs.len())
            .flat_map(|i| (i + 1..segs.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| cross(segs[i].0, segs[i].1, segs[j].0, segs[j].1))
            .count()
    };
    assert_eq!(crossings(&segments), 0, "{laid:?}");
    // In map order (one determinant per row, as listed) the same links do cross.
    let stage_at = |k: f32| Position::new(1.0, k * 2.5);
    let naive: Vec<(Position, Position)> = map
        .influences
        .iter()
        .map(|i| {
            let to = saved
                .get(i.to.as_str())
                .map(|p| Position::new(0.5, p.y))
                .unwrap_or_else(|| stage_at(i.to.as_str()[1..].parse::<f32>().unwrap() - 1.0));
            (saved[i.from.as_str()], to)
        })
        .collect();
    assert!(crossings(&naive) > 0, "the test map is tangled to begin with");
}

fn check_force(map: &Map, iterations: usize) -> Vec<(Id, Position)> {
    let positions = force_layout(map, iterations);
    assert_eq!(positions.len(), map.stages.len() + map.determinants.len());
    for (k, (a, p)) in positions.iter().enumerate() {
        assert!(p.x.is_finite() && p.y.is_finite(), "{a}: {p:?}");
        for (b, q) in &positions[k + 1..] {
            assert!(
                (p.x - q.x).abs() + (p.y - q.y).abs() > 1.0,
                "{a} and {b} at the same place"
            );
        }
    }
    assert_eq!(force_layout(map, iterations), positions, "deterministic");
    positions
}

#[test]
fn force_layout_of_every_sample_pulls_linked_nodes_together() {
    for map in samples() {
        let laid = check_force(&map, 200);
        let at = by_id(&laid);
        let dist = |a: &Id, b: &Id| ((at[a].x - at[b].x).powi(2) + (at[a].y - at[b].y).powi(2)).sqrt();
        let linked: Vec<f32> = map
            .influences
            .iter()
            .filter(|i| i.from != i.to)
            .map(|i| dist(&i.from, &i.to))
            .collect();
        let ids: Vec<&Id> = laid.iter().map(|(id, _)| id).collect();
        let all: Vec<f32> = (0..ids.len())
            .flat_map(|i| (i + 1..ids.len()).map(move |j| (i, j)))
            .map(|(i, j)| dist(ids[i], ids[j]))
            .collect();
        let mean = |v: &[f32]| v.iter().sum::<f32>() / v.len() as f32;
        assert!(
            mean(&linked) < 0.7 * mean(&all),
            "{}: linked {} vs all {}",
            map.title,
            mean(&linked),
            mean(&all)
        );
    }
}

#[test]
fn force_layout_spreads_a_map_without_positions() {
    let map = generate(Spec {
        determinants: 30,
        influences: 60,
        stages: 4,
        seed: 9,
    });
    let mut stacked = map.clone();
    for d in &mut stacked.determinants {
        d.position = Position::default();
    }
    for s in &mut stacked.stages {
        s.position = Position::default();
    }
    assert!(has_no_saved_layout(&stacked) && !has_no_saved_layout(&map));
    check_force(&stacked, 100);
    check_force(&stacked, 0);
}

#[test]
fn force_layout_with_no_iterations_keeps_a_tidy_drawing() {
    let mut map = common::map_of(&["s"], &["a", "b"], &[("a", "b", '+'), ("b", "s", '-')]);
    for (k, d) in map.determinants.iter_mut().enumerate() {
        d.position = Position::new(400.0 * k as f32, 0.0);
    }
    map.stages[0].position = Position::new(800.0, 0.0);
    let kept: Vec<Position> = force_layout(&map, 0).into_iter().map(|(_, p)| p).collect();
    assert_eq!(
        kept,
        vec![
            Position::new(800.0, 0.0),
            Position::new(0.0, 0.0),
            Position::new(400.0, 0.0)
        ]
    );
}

#[test]
fn empty_maps_have_empty_layouts_and_applying_a_layout_moves_only_what_it_names() {
    let empty = Map::default();
    assert!(flow_layout(&empty).is_empty() && force_layout(&empty, 10).is_empty());
    assert!(!has_no_saved_layout(&empty));
    let mut map = common::map_of(&["s"], &["a", "b"], &[("a", "s", '+')]);
    apply_positions(
        &mut map,
        &[
            (Id::from("a"), Position::new(5.0, 6.0)),
            (Id::from("s"), Position::new(1.0, 2.0)),
        ],
    );
    assert_eq!(map.determinants[0].position, Position::new(5.0, 6.0));
    assert_eq!(map.determinants[1].position, Position::default());
    assert_eq!(map.stages[0].position, Position::new(1.0, 2.0));
}
