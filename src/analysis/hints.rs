//! Where the researchers' coding and the map's structure disagree. These are hints, never errors:
//! the coding is data from the study, and the map may simply lack an influence the study implies.
//!
//! The converse of the first hint (coded *indirect* with an influence straight into a stage) is
//! deliberately not one: the studies code determinants indirect that the text still says act on a
//! stage (the Chile sample has seventeen), so it would bury the hints that matter.

use super::Reachability;
use crate::model::{Directness, Id, Map};

/// What disagrees.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HintKind {
    /// Coded *direct*, yet every stage it feeds it reaches only through other determinants;
    /// `nearest` is its shortest distance to any stage (at least 2).
    CodedDirectButOnlyIndirect { nearest: u32 },
    /// It feeds no stage at all, directly or through others.
    FeedsNoStage,
}

/// One disagreement about one determinant. Equal hints are the same hint, so a window can remember
/// which ones the user dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hint {
    pub determinant: Id,
    pub kind: HintKind,
}

impl Hint {
    /// The hint in a sentence, naming the map's labels.
    pub fn message(&self, map: &Map) -> String {
        self.message_for(map.label_of(&self.determinant))
    }

    /// The sentence with the determinant's label given (a report of many hints looks labels up in
    /// an index rather than searching the map for each).
    pub fn message_for(&self, label: &str) -> String {
        match &self.kind {
            HintKind::CodedDirectButOnlyIndirect { nearest } => {
                crate::tr!("hint-coded-direct", determinant = label, steps = *nearest)
            }
            HintKind::FeedsNoStage => crate::tr!("hint-feeds-no-stage", determinant = label),
        }
    }
}

/// Every hint for `map`, in the map's determinant order. `reach` must have been computed from `map`.
pub fn coding_hints(map: &Map, reach: &Reachability) -> Vec<Hint> {
    let mut hints = Vec::new();
    for d in &map.determinants {
        let fed = reach.stages_fed_by(&d.id);
        let hint = |kind| Hint {
            determinant: d.id.clone(),
            kind,
        };
        if fed.is_empty() {
            hints.push(hint(HintKind::FeedsNoStage));
            continue;
        }
        let nearest = fed.iter().map(|(_, f)| f.distance).min().expect("fed is not empty");
        if d.directness == Some(Directness::Direct) && nearest > 1 {
            hints.push(hint(HintKind::CodedDirectButOnlyIndirect { nearest }));
        }
    }
    hints
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_disagreement_is_found_and_agreement_is_not() {
        let map = crate::format::load_str(
            r##"(format_version: 1, title: "t",
            stages: [(id: "s1", label: "S1"), (id: "s2", label: "S2")],
            categories: [(name: "C", colour: "#000000")],
            determinants: [
                (id: "far", label: "Far", categories: ["C"], directness: direct),
                (id: "near", label: "Near", categories: ["C"], directness: direct),
                (id: "ind", label: "Ind", categories: ["C"], directness: indirect),
                (id: "direct", label: "Direct", categories: ["C"], directness: direct),
                (id: "alone", label: "Alone", categories: ["C"], directness: indirect),
                (id: "uncoded", label: "Uncoded", categories: ["C"]),
            ],
            influences: [
                (id: "i1", from: "far", to: "near", sign: enables),
                (id: "i2", from: "near", to: "s1", sign: enables),
                (id: "i3", from: "ind", to: "s2", sign: hinders),
                (id: "i4", from: "uncoded", to: "far", sign: enables),
                (id: "i5", from: "direct", to: "far", sign: enables),
                (id: "i6", from: "direct", to: "s2", sign: enables),
            ])"##,
        )
        .unwrap();
        let hints = coding_hints(&map, &Reachability::compute(&map));
        let hint = |d: &str, kind| Hint {
            determinant: d.into(),
            kind,
        };
        assert_eq!(
            hints,
            vec![
                hint("far", HintKind::CodedDirectButOnlyIndirect { nearest: 2 }),
                hint("alone", HintKind::FeedsNoStage),
            ]
        );
        assert_eq!(
            hints[0].message(&map),
            "\u{201c}Far\u{201d} is coded direct, but reaches every stage it feeds only through other determinants (nearest: 2 steps)."
        );
    }
}
