//! Lookups the sample-map tests share: load a sample, and ask the analysis about it by id.

use detmap::analysis::{Feeder, Reachability};
use detmap::model::{Id, Map, Sign};
use std::path::Path;

/// Loads `samples/NAME`, failing the test with the loader's located messages.
pub fn load(name: &str) -> Map {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name);
    detmap::format::load_file(&path).unwrap_or_else(|e| panic!("{name} must load:\n{e}"))
}

pub fn id(s: &str) -> Id {
    Id::from(s)
}

pub fn path(ids: &[&str]) -> Vec<Id> {
    ids.iter().map(|s| id(s)).collect()
}

/// How `determinant` feeds `stage`, or a failure naming both.
pub fn feeder<'a>(reach: &'a Reachability, stage: &str, determinant: &str) -> &'a Feeder {
    reach
        .feeders_of(&id(stage))
        .unwrap_or_else(|| panic!("`{stage}` is not a stage"))
        .iter()
        .find(|f| f.determinant.as_str() == determinant)
        .unwrap_or_else(|| panic!("`{determinant}` does not feed `{stage}`"))
}

/// The stages `determinant` feeds, in stage order.
pub fn stages_fed(reach: &Reachability, determinant: &str) -> Vec<String> {
    reach
        .stages_fed_by(&id(determinant))
        .iter()
        .map(|(s, _)| s.as_str().to_owned())
        .collect()
}

/// Whether the map has an influence `from` → `to` with this sign.
pub fn has_influence(map: &Map, from: &str, to: &str, sign: Sign) -> bool {
    map.influences
        .iter()
        .any(|i| i.from.as_str() == from && i.to.as_str() == to && i.sign == sign)
}
