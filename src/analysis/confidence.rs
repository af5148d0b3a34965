//! How sure the map is that a determinant reaches a stage: the strongest confidence with which it
//! does. A link the study only implies (low confidence) should not count as much as one it states,
//! so for each (stage, determinant) this is the highest level at which a path exists using only
//! influences of that confidence or above. An influence with no confidence given counts as stated
//! (high): most maps code confidence only where it is in doubt.
//!
//! Three reachability searches (high, then medium and above, then all), each linear in the map.

use super::Reachability;
use crate::model::{Id, Influence, Level, Map};
use foldhash::HashMap;

/// The confidence an influence counts with here: its own, or high when none is given.
pub fn link_confidence(influence: &Influence) -> Level {
    influence.confidence.unwrap_or(Level::High)
}

/// `map` with only the influences of at least `min` confidence: what `--min-confidence` and the
/// analysis panel's filter analyse. The stages and determinants all stay.
pub fn with_min_confidence(map: &Map, min: Level) -> Map {
    Map {
        influences: map
            .influences
            .iter()
            .filter(|i| link_confidence(i) >= min)
            .cloned()
            .collect(),
        ..map.clone()
    }
}

/// The strongest confidence of every (determinant, stage) pair that is connected at all.
#[derive(Debug, Clone, Default)]
pub struct StrongestConfidence {
    by_pair: HashMap<(Id, Id), Level>,
}

impl StrongestConfidence {
    pub fn compute(map: &Map) -> Self {
        Self::with_reach(map, &Reachability::compute(map))
    }

    /// As [`compute`](Self::compute), reusing `reach`, the reachability of the whole `map`
    /// (which serves the lowest level): a map whose influences are all stated costs no search.
    pub fn with_reach(map: &Map, reach: &Reachability) -> Self {
        let mut by_pair: HashMap<(Id, Id), Level> = HashMap::default();
        let mut record = |reach: &Reachability, level: Level| {
            for stage in reach.stages() {
                for f in &stage.feeders {
                    by_pair
                        .entry((f.determinant.clone(), stage.stage.clone()))
                        .or_insert(level);
                }
            }
        };
        if map.influences.iter().all(|i| link_confidence(i) == Level::High) {
            record(reach, Level::High);
        } else {
            for level in [Level::High, Level::Medium] {
                record(&Reachability::compute(&with_min_confidence(map, level)), level);
            }
            record(reach, Level::Low);
        }
        StrongestConfidence { by_pair }
    }

    /// The highest confidence at which `determinant` reaches `stage`; `None` when it does not.
    pub fn get(&self, determinant: &Id, stage: &Id) -> Option<Level> {
        self.by_pair.get(&(determinant.clone(), stage.clone())).copied()
    }

    pub fn len(&self) -> usize {
        self.by_pair.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_pair.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Determinant, Influence, Position, Sign, Stage};

    fn map(links: &[(&str, &str, Option<Level>)]) -> Map {
        let det = |id: &str| Determinant::uncoded(Id::from(id), id, vec![], Position::new(0.0, 0.0));
        Map {
            stages: vec![Stage {
                id: "s".into(),
                label: "s".into(),
                description: String::new(),
                position: Position::new(0.0, 0.0),
            }],
            determinants: ["a", "b", "c"].iter().map(|d| det(d)).collect(),
            influences: links
                .iter()
                .enumerate()
                .map(|(k, (from, to, confidence))| Influence {
                    id: format!("i{k}").as_str().into(),
                    from: (*from).into(),
                    to: (*to).into(),
                    sign: Sign::Enables,
                    strength: None,
                    confidence: *confidence,
                    note: String::new(),
                    evidence: vec![],
                })
                .collect(),
            ..Map::default()
        }
    }

    /// A path is as sure as its weakest link, and the surest path counts: a → s directly at low,
    /// and a → b → s at medium, make a's link to s medium; unstated links count as high.
    #[test]
    fn a_path_is_as_sure_as_its_weakest_link_and_the_surest_path_counts() {
        let m = map(&[
            ("a", "s", Some(Level::Low)),
            ("a", "b", Some(Level::High)),
            ("b", "s", Some(Level::Medium)),
            ("c", "s", None),
        ]);
        let c = StrongestConfidence::compute(&m);
        let (s, a, b, cc) = (Id::from("s"), Id::from("a"), Id::from("b"), Id::from("c"));
        assert_eq!(c.get(&a, &s), Some(Level::Medium));
        assert_eq!(c.get(&b, &s), Some(Level::Medium));
        assert_eq!(c.get(&cc, &s), Some(Level::High));
        assert_eq!(with_min_confidence(&m, Level::High).influences.len(), 2);
    }
}
