//! Helpers shared by the integration tests: small maps built in code, and strategies for proptest.
#![allow(dead_code)]

pub mod reference;
pub mod samples;
pub mod tmpfs;
#[cfg(feature = "gui")]
pub mod window;

use detmap::model::*;
use proptest::prelude::*;

pub fn stage(id: &str) -> Stage {
    Stage {
        id: id.into(),
        label: format!("Stage {id}"),
        description: String::new(),
        position: Position::default(),
    }
}

pub fn determinant(id: &str) -> Determinant {
    Determinant::uncoded(id, format!("Determinant {id}"), vec!["C".into()], Position::default())
}

pub fn influence(id: &str, from: &str, to: &str, sign: Sign) -> Influence {
    Influence {
        id: id.into(),
        from: from.into(),
        to: to.into(),
        sign,
        strength: None,
        confidence: None,
        note: String::new(),
        evidence: vec![],
    }
}

/// A map from a compact description: stage ids, determinant ids, and edges `from > to` with `+` or `-`.
pub fn map_of(stages: &[&str], determinants: &[&str], edges: &[(&str, &str, char)]) -> Map {
    Map {
        title: "test".into(),
        categories: vec![Category {
            name: "C".into(),
            colour: Colour([1, 2, 3]),
        }],
        stages: stages.iter().map(|s| stage(s)).collect(),
        determinants: determinants.iter().map(|d| determinant(d)).collect(),
        influences: edges
            .iter()
            .enumerate()
            .map(|(k, (f, t, s))| {
                influence(
                    &format!("i{k}"),
                    f,
                    t,
                    if *s == '-' { Sign::Hinders } else { Sign::Enables },
                )
            })
            .collect(),
        ..Map::default()
    }
}

/// Small random maps with cycles, self-loops, parallel influences and both signs.
pub fn small_map() -> impl Strategy<Value = Map> {
    (1usize..=3, 1usize..=6).prop_flat_map(|(s, d)| {
        let edge = (0..d, 0..s + d, any::<bool>());
        proptest::collection::vec(edge, 0..=16).prop_map(move |edges| {
            let stages: Vec<String> = (0..s).map(|i| format!("s{i}")).collect();
            let dets: Vec<String> = (0..d).map(|i| format!("d{i}")).collect();
            let node = |i: usize| if i < s { stages[i].clone() } else { dets[i - s].clone() };
            let mut map = map_of(&[], &[], &[]);
            map.stages = stages.iter().map(|x| stage(x)).collect();
            map.determinants = dets.iter().map(|x| determinant(x)).collect();
            map.influences = edges
                .iter()
                .enumerate()
                .map(|(k, &(from, to, hinders))| {
                    influence(
                        &format!("i{k}"),
                        &dets[from],
                        &node(to),
                        if hinders { Sign::Hinders } else { Sign::Enables },
                    )
                })
                .collect();
            map
        })
    })
}

/// The names in a folder, sorted.
pub fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
