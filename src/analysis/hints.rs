//! Where the researchers' coding and the map's structure disagree. These are hints, never errors:
//! the coding is data from the study, and the map may simply lack an influence the study implies.

use super::Reachability;
use crate::model::{Directness, Id, Map};

/// What disagrees.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum HintKind {
    /// Coded *direct*, yet every stage it feeds it reaches only through other determinants;
    /// `nearest` is its shortest distance to any stage (at least 2).
    CodedDirectButOnlyIndirect { nearest: u32 },
    /// Coded *indirect*, yet it has an influence straight into these stages (in stage order).
    CodedIndirectButFeedsDirectly { stages: Vec<Id> },
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
        let label = map.label_of(&self.determinant);
        match &self.kind {
            HintKind::CodedDirectButOnlyIndirect { nearest } => format!(
                "\u{201c}{label}\u{201d} is coded direct, but reaches every stage it feeds only through other determinants (nearest: {nearest} steps)."
            ),
            HintKind::CodedIndirectButFeedsDirectly { stages } => format!(
                "\u{201c}{label}\u{201d} is coded indirect, but has an influence straight into {}.",
                stages.iter().map(|s| format!("\u{201c}{}\u{201d}", map.label_of(s))).collect::<Vec<_>>().join(", ")
            ),
            HintKind::FeedsNoStage => format!("\u{201c}{label}\u{201d} feeds no stage, directly or through others."),
        }
    }
}

/// Every hint for `map`, in the map's determinant order. `reach` must have been computed from `map`.
pub fn coding_hints(map: &Map, reach: &Reachability) -> Vec<Hint> {
    let mut hints = Vec::new();
    for d in &map.determinants {
        let fed = reach.stages_fed_by(&d.id);
        let hint = |kind| Hint { determinant: d.id.clone(), kind };
        if fed.is_empty() {
            hints.push(hint(HintKind::FeedsNoStage));
            continue;
        }
        let direct: Vec<Id> = fed.iter().filter(|(_, f)| f.is_direct()).map(|(s, _)| (*s).clone()).collect();
        match d.directness {
            Some(Directness::Direct) if direct.is_empty() => {
                let nearest = fed.iter().map(|(_, f)| f.distance).min().expect("fed is not empty");
                hints.push(hint(HintKind::CodedDirectButOnlyIndirect { nearest }));
            }
            Some(Directness::Indirect) if !direct.is_empty() => {
                hints.push(hint(HintKind::CodedIndirectButFeedsDirectly { stages: direct }));
            }
            _ => {}
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
                (id: "alone", label: "Alone", categories: ["C"], directness: indirect),
                (id: "uncoded", label: "Uncoded", categories: ["C"]),
            ],
            influences: [
                (id: "i1", from: "far", to: "near", sign: enables),
                (id: "i2", from: "near", to: "s1", sign: enables),
                (id: "i3", from: "ind", to: "s2", sign: hinders),
                (id: "i4", from: "uncoded", to: "far", sign: enables),
            ])"##,
        )
        .unwrap();
        let hints = coding_hints(&map, &Reachability::compute(&map));
        let hint = |d: &str, kind| Hint { determinant: d.into(), kind };
        assert_eq!(
            hints,
            vec![
                hint("far", HintKind::CodedDirectButOnlyIndirect { nearest: 2 }),
                hint("ind", HintKind::CodedIndirectButFeedsDirectly { stages: vec!["s2".into()] }),
                hint("alone", HintKind::FeedsNoStage),
            ]
        );
        assert_eq!(hints[0].message(&map), "\u{201c}Far\u{201d} is coded direct, but reaches every stage it feeds only through other determinants (nearest: 2 steps).");
    }
}
