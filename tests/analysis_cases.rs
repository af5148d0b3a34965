//! Hand-checked analysis cases, each written as a tiny map and the answer a person works out on paper.

mod common;

use common::map_of;
use detmap::analysis::{LoopKind, MapGraph, NetEffect, Reachability, feedback_loops, knock_out, pressure_points};
use detmap::model::Id;

/// Checks the feeders of `stage` as `(determinant, distance, net)`, in report order.
fn check(map: &detmap::model::Map, stage: &str, expected: &[(&str, u32, NetEffect)]) {
    let reach = Reachability::compute(map);
    let got: Vec<(String, u32, NetEffect)> = reach
        .feeders_of(&Id::from(stage))
        .unwrap()
        .iter()
        .map(|f| (f.determinant.to_string(), f.distance, f.net))
        .collect();
    let want: Vec<(String, u32, NetEffect)> = expected.iter().map(|(d, n, e)| (d.to_string(), *n, *e)).collect();
    assert_eq!(got, want);
}

use NetEffect::*;

#[test]
fn a_hinder_of_a_hinder_enables() {
    // a -| b -| s: a weakens what hinders the stage, so a enables it.
    let map = map_of(&["s"], &["a", "b"], &[("a", "b", '-'), ("b", "s", '-')]);
    check(&map, "s", &[("b", 1, Hinders), ("a", 2, Enables)]);
}

#[test]
fn paths_of_both_signs_make_a_mixed_feeder() {
    let map = map_of(
        &["s"],
        &["a", "b", "c"],
        &[("a", "b", '+'), ("a", "c", '-'), ("b", "s", '+'), ("c", "s", '+')],
    );
    check(&map, "s", &[("b", 1, Enables), ("c", 1, Enables), ("a", 2, Mixed)]);
}

#[test]
fn a_balancing_loop_on_the_way_makes_the_sign_mixed() {
    // a -> b -> s, and b -| c -> b: going once round the loop flips the sign.
    let map = map_of(
        &["s"],
        &["a", "b", "c"],
        &[("a", "b", '+'), ("b", "s", '+'), ("b", "c", '-'), ("c", "b", '+')],
    );
    // c -> b -> s enables; c -> b -| c -> b -> s hinders: c is mixed too.
    check(&map, "s", &[("b", 1, Mixed), ("a", 2, Mixed), ("c", 2, Mixed)]);
    let loops = feedback_loops(&MapGraph::new(&map), 10);
    assert_eq!(loops.loops.len(), 1);
    assert_eq!(loops.loops[0].kind, LoopKind::Balancing);
}

#[test]
fn a_reinforcing_loop_keeps_the_sign() {
    let map = map_of(
        &["s"],
        &["a", "b"],
        &[("a", "b", '-'), ("b", "a", '-'), ("a", "s", '+')],
    );
    check(&map, "s", &[("a", 1, Enables), ("b", 1 + 1, Hinders)]);
    assert_eq!(
        feedback_loops(&MapGraph::new(&map), 10).loops[0].kind,
        LoopKind::Reinforcing
    );
}

#[test]
fn the_shortest_path_is_the_explanation() {
    let map = map_of(
        &["s"],
        &["a", "b", "c"],
        &[("a", "b", '+'), ("b", "c", '+'), ("c", "s", '+'), ("a", "c", '+')],
    );
    let reach = Reachability::compute(&map);
    let path: Vec<String> = reach
        .path(&"a".into(), &"s".into())
        .unwrap()
        .iter()
        .map(|i| i.to_string())
        .collect();
    assert_eq!(path, ["a", "c", "s"]);
}

#[test]
fn a_determinant_that_reaches_no_stage_is_reported() {
    let map = map_of(
        &["s1", "s2"],
        &["a", "b", "lonely"],
        &[("a", "s1", '+'), ("b", "a", '+'), ("a", "lonely", '+')],
    );
    let reach = Reachability::compute(&map);
    assert_eq!(reach.feeding_no_stage(), vec![&Id::from("lonely")]);
    let fed: Vec<&Id> = reach.stages_fed_by(&"b".into()).into_iter().map(|(s, _)| s).collect();
    assert_eq!(fed, vec![&Id::from("s1")]);
}

#[test]
fn knocking_out_the_only_bridge_cuts_the_stage_off() {
    // a and b enable s only through c; d hinders s directly.
    let map = map_of(
        &["s"],
        &["a", "b", "c", "d"],
        &[("a", "c", '+'), ("b", "c", '+'), ("c", "s", '+'), ("d", "s", '-')],
    );
    let graph = MapGraph::new(&map);
    let ko = knock_out(&graph, &"c".into()).unwrap();
    assert_eq!(
        ko.stages_losing_all_enabling().collect::<Vec<_>>(),
        vec![&Id::from("s")]
    );
    assert_eq!(ko.losses[0].lost_enablers, vec![Id::from("a"), Id::from("b")]);
    // Removing a loses nothing: b still enables through c.
    assert!(knock_out(&graph, &"a".into()).unwrap().losses.is_empty());
    assert!(
        knock_out(&graph, &"s".into()).is_none(),
        "a stage cannot be knocked out"
    );
}

#[test]
fn pressure_points_rank_by_how_many_feeders_depend_on_them() {
    // a, b -> c -> e -> s; d -> e. Every path from a, b, c, d passes through e; from a and b also through c.
    let map = map_of(
        &["s"],
        &["a", "b", "c", "d", "e"],
        &[
            ("a", "c", '+'),
            ("b", "c", '+'),
            ("c", "e", '+'),
            ("d", "e", '+'),
            ("e", "s", '+'),
        ],
    );
    let points = &pressure_points(&MapGraph::new(&map))[0].points;
    let ranked: Vec<(String, usize)> = points
        .iter()
        .map(|p| (p.determinant.to_string(), p.dependent_count))
        .collect();
    assert_eq!(ranked, [("e".to_string(), 4), ("c".to_string(), 2)]);
}

#[test]
fn an_empty_map_and_a_map_without_stages_analyse_to_nothing() {
    let empty = map_of(&[], &[], &[]);
    assert!(Reachability::compute(&empty).stages().is_empty());
    let no_stage = map_of(&[], &["a"], &[("a", "a", '-')]);
    let reach = Reachability::compute(&no_stage);
    assert_eq!(reach.feeding_no_stage(), vec![&Id::from("a")]);
    assert_eq!(
        feedback_loops(&MapGraph::new(&no_stage), 10).loops[0].kind,
        LoopKind::Balancing
    );
}

#[test]
fn the_loop_list_stops_at_its_limit_and_says_so() {
    // A complete graph on 6 determinants has hundreds of elementary cycles.
    let ids = ["a", "b", "c", "d", "e", "f"];
    let edges: Vec<(&str, &str, char)> = ids
        .iter()
        .flat_map(|&x| ids.iter().filter(move |&&y| y != x).map(move |&y| (x, y, '+')))
        .collect();
    let map = map_of(&["s"], &ids, &edges);
    let loops = feedback_loops(&MapGraph::new(&map), 50);
    assert!(loops.truncated);
    assert_eq!(loops.loops.len(), 50);
}

#[test]
fn the_loop_limit_bounds_the_work_on_a_dense_generated_map() {
    // A plain simple-path search spent over ten minutes here before finding its first loops; Johnson's
    // algorithm finds the first hundred at once. (No timing: a hang shows as a stuck test.)
    let map = detmap::generate::generate(detmap::generate::Spec {
        determinants: 500,
        influences: 1500,
        stages: 7,
        seed: 1,
    });
    let loops = feedback_loops(&MapGraph::new(&map), 100);
    assert!(loops.truncated);
    assert_eq!(loops.loops.len(), 100);
}
