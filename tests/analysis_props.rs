//! The analysis against the slow reference implementations in tests/common/reference.rs, on random
//! small maps with cycles, self-loops, parallel influences and both signs.

mod common;

use common::{reference, small_map};
use detmap::analysis::{
    MapGraph, NAMED_DEPENDENTS, NetEffect, Reachability, feedback_loops, knock_out, pressure_points,
};
use detmap::model::{Id, Map, Sign};
use proptest::prelude::*;
use std::collections::BTreeSet;

fn net_of(even: Option<u32>, odd: Option<u32>) -> Option<(u32, NetEffect)> {
    match (even, odd) {
        (Some(e), None) => Some((e, NetEffect::Enables)),
        (None, Some(o)) => Some((o, NetEffect::Hinders)),
        (Some(e), Some(o)) => Some((e.min(o), NetEffect::Mixed)),
        (None, None) => None,
    }
}

/// The path is a real walk of influences from the determinant to the stage, of the feeder's length.
fn check_path(map: &Map, path: &[Id], det: &Id, stage: &Id, distance: u32) -> Sign {
    assert_eq!(path.first(), Some(det));
    assert_eq!(path.last(), Some(stage));
    assert_eq!(path.len() as u32, distance + 1);
    let mut sign = Sign::Enables;
    for w in path.windows(2) {
        let step = map
            .influences
            .iter()
            .find(|i| i.from == w[0] && i.to == w[1])
            .expect("each step is an influence");
        // With parallel influences of both signs either could be the one used; take the product with any.
        sign = sign.then(step.sign);
    }
    sign
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn reachability_matches_walk_enumeration(map in small_map()) {
        let reach = Reachability::compute(&map);
        let expected = reference::walks(&map, None);
        for stage in &map.stages {
            let got: BTreeSet<(String, u32, NetEffect)> = reach.feeders_of(&stage.id).unwrap().iter()
                .map(|f| (f.determinant.to_string(), f.distance, f.net)).collect();
            let want: BTreeSet<(String, u32, NetEffect)> = map.determinants.iter().filter_map(|d| {
                let (e, o) = expected.get(&(stage.id.to_string(), d.id.to_string())).copied().unwrap_or((None, None));
                net_of(e, o).map(|(dist, net)| (d.id.to_string(), dist, net))
            }).collect();
            prop_assert_eq!(&got, &want, "stage {}", stage.id);
            for f in reach.feeders_of(&stage.id).unwrap() {
                let path = reach.path(&f.determinant, &stage.id).expect("a feeder has a path");
                check_path(&map, &path, &f.determinant, &stage.id, f.distance);
                if f.net != NetEffect::Mixed {
                    let sign = if f.net == NetEffect::Enables { Sign::Enables } else { Sign::Hinders };
                    let signed = reach.path_with_sign(&f.determinant, &stage.id, sign).unwrap();
                    prop_assert_eq!(signed.len() as u32, f.distance + 1);
                }
            }
        }
        let unfed: BTreeSet<String> = reach.feeding_no_stage().into_iter().map(|i| i.to_string()).collect();
        let want_unfed: BTreeSet<String> = map.determinants.iter()
            .filter(|d| !expected.keys().any(|(_, det)| *det == d.id.to_string()))
            .map(|d| d.id.to_string()).collect();
        prop_assert_eq!(unfed, want_unfed);
    }

    #[test]
    fn knock_out_matches_removal(map in small_map()) {
        let graph = MapGraph::new(&map);
        let before = reference::walks(&map, None);
        for d in &map.determinants {
            let after = reference::walks(&map, Some(d.id.as_str()));
            let enabled = |w: &reference::Walks, stage: &str, det: &str| {
                w.get(&(stage.to_owned(), det.to_owned())).is_some_and(|x| x.0.is_some())
            };
            let ko = knock_out(&graph, &d.id).unwrap();
            for stage in &map.stages {
                let s = stage.id.as_str();
                let had: Vec<&str> = map.determinants.iter().map(|x| x.id.as_str()).filter(|x| enabled(&before, s, x)).collect();
                let keeps: Vec<&str> = had.iter().copied().filter(|x| *x != d.id.as_str() && enabled(&after, s, x)).collect();
                let lost: Vec<String> = had.iter().filter(|x| **x != d.id.as_str() && !keeps.contains(x)).map(|x| x.to_string()).collect();
                let loses_all = !had.is_empty() && keeps.is_empty();
                let got = ko.losses.iter().find(|l| l.stage == stage.id);
                match got {
                    None => prop_assert!(!loses_all && lost.is_empty(), "stage {} should lose {:?}", s, lost),
                    Some(l) => {
                        prop_assert_eq!(l.loses_all_enabling, loses_all);
                        prop_assert_eq!(l.lost_enablers.iter().map(|i| i.to_string()).collect::<Vec<_>>(), lost);
                    }
                }
            }
        }
    }

    #[test]
    fn pressure_points_are_the_unavoidable_determinants(map in small_map()) {
        let graph = MapGraph::new(&map);
        let reach = Reachability::of_graph(graph.clone());
        for sp in pressure_points(&graph) {
            let feeders: Vec<&Id> = reach.feeders_of(&sp.stage).unwrap().iter().map(|f| &f.determinant).collect();
            for d in &map.determinants {
                let want: Vec<String> = map.determinants.iter()
                    .filter(|f| f.id != d.id && feeders.contains(&&f.id))
                    .filter(|f| !reference::reaches_avoiding(&map, f.id.as_str(), sp.stage.as_str(), d.id.as_str()))
                    .map(|f| f.id.to_string()).collect();
                // Small maps have far fewer points than the limit, so every one is listed; its
                // dependents are counted, and the first few named in map order.
                let (count, named): (usize, Vec<String>) = sp.points.iter().find(|p| p.determinant == d.id)
                    .map(|p| (p.dependent_count, p.first_dependents.iter().map(|i| i.to_string()).collect()))
                    .unwrap_or_default();
                prop_assert_eq!(count, want.len(), "stage {} point {}", sp.stage, d.id);
                let first: Vec<String> = want.iter().take(NAMED_DEPENDENTS).cloned().collect();
                prop_assert_eq!(named, first, "stage {} point {}", sp.stage, d.id);
            }
            prop_assert_eq!(sp.not_listed, 0);
            let counts: Vec<usize> = sp.points.iter().map(|p| p.dependent_count).collect();
            prop_assert!(counts.windows(2).all(|w| w[0] >= w[1]), "ranked by dependents");
        }
    }

    #[test]
    fn feedback_loops_match_brute_force(map in small_map()) {
        let found = feedback_loops(&MapGraph::new(&map), 100_000);
        prop_assert!(!found.truncated);
        let got: BTreeSet<(Vec<String>, Vec<bool>)> = found.loops.iter().map(|l| {
            let hinders = l.signs.iter().filter(|s| **s == Sign::Hinders).count();
            assert_eq!(l.kind == detmap::analysis::LoopKind::Reinforcing, hinders % 2 == 0);
            (l.determinants.iter().map(|i| i.to_string()).collect(), l.signs.iter().map(|s| *s == Sign::Hinders).collect())
        }).collect();
        prop_assert_eq!(got.len(), found.loops.len(), "no loop is reported twice");
        prop_assert_eq!(got, reference::cycles(&map));
    }
}
