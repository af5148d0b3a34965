//! How sure the analysis is: the strongest confidence with which each determinant reaches each
//! stage, against a reference on random maps (walk-length dynamic programming over the influences
//! of each confidence, not breadth-first search), and `--min-confidence` and the report's last
//! column on the command line.

mod common;

use common::{reference, small_map};
use detmap::analysis::{Reachability, StrongestConfidence, link_confidence, with_min_confidence};
use detmap::model::{Level, Map};
use proptest::prelude::*;
use std::process::Command;

/// Small random maps whose influences carry random confidences, some none.
fn map_with_confidences() -> impl Strategy<Value = Map> {
    small_map().prop_flat_map(|map| {
        let n = map.influences.len();
        proptest::collection::vec(proptest::option::of(proptest::sample::select(Level::ALL.to_vec())), n).prop_map(
            move |levels| {
                let mut map = map.clone();
                for (inf, level) in map.influences.iter_mut().zip(levels) {
                    inf.confidence = level;
                }
                map
            },
        )
    })
}

proptest! {
    /// The strongest confidence of a pair is the highest level whose influences alone connect it.
    #[test]
    fn strongest_confidence_matches_the_reference(map in map_with_confidences()) {
        let strongest = StrongestConfidence::compute(&map);
        let mut expected = std::collections::BTreeMap::new();
        for level in [Level::Low, Level::Medium, Level::High] {
            let only = Map {
                influences: map.influences.iter().filter(|i| link_confidence(i) >= level).cloned().collect(),
                ..map.clone()
            };
            for (stage, det) in reference::walks(&only, None).keys() {
                expected.insert((det.clone(), stage.clone()), level);
            }
        }
        let reach = Reachability::compute(&map);
        let mut pairs = 0;
        for stage in reach.stages() {
            for f in &stage.feeders {
                pairs += 1;
                let key = (f.determinant.to_string(), stage.stage.to_string());
                prop_assert_eq!(strongest.get(&f.determinant, &stage.stage), expected.get(&key).copied(), "{:?}", key);
            }
        }
        prop_assert_eq!(strongest.len(), pairs);
        prop_assert_eq!(expected.len(), pairs);
        let high = with_min_confidence(&map, Level::High);
        prop_assert!(high.influences.iter().all(|i| i.confidence.is_none_or(|c| c == Level::High)));
    }
}

fn detmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// The report's CSV gains `strongest_confidence` as its last column (the others keep their order),
/// and `--min-confidence high` leaves out what rests only on weaker links.
#[test]
fn the_command_line_reports_and_filters_by_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("m.ron");
    let mut map = common::map_of(&["s"], &["a", "b"], &[("a", "s", '+'), ("b", "a", '-')]);
    map.influences[1].confidence = Some(Level::Low);
    detmap::format::save_file(&file, &map).unwrap();
    let path = file.to_str().unwrap();

    let out = detmap(&["analyze", path, "--format", "csv"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("stage_id,stage,determinant_id,determinant,distance,net_effect,path,strongest_confidence")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(
        rows.iter()
            .any(|r| r.starts_with("s,") && r.contains(",a,") && r.ends_with(",high")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.contains(",b,") && r.ends_with(",low")),
        "{rows:?}"
    );

    let out = detmap(&["analyze", path, "--format", "csv", "--min-confidence", "high"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 2, "only a feeds s on stated links: {text}");
    assert!(!text.contains(",b,"));

    let text = String::from_utf8(detmap(&["analyze", path]).stdout).unwrap();
    assert!(text.contains("[low confidence]"), "{text}");
}
