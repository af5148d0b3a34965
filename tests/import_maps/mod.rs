//! Random maps whose texts a spreadsheet cell keeps as they are (see tests/import_roundtrip.rs),
//! shared by the import, merge and diff property tests.
#![allow(dead_code)]

use detmap::model::*;
use proptest::prelude::*;

pub fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éñÓ \n\t|\\\\;,.'=+@\"-]{0,16}"
}

fn trimmed() -> impl Strategy<Value = String> {
    text().prop_map(|s| s.trim().to_owned())
}

/// One line, no space at the ends, not empty, not starting with `'` (see `undo_formula_guard`).
pub fn label() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9éñÓ=+@-][a-zA-Z0-9éñÓ ,.'=+@()|;-]{0,20}".prop_map(|s| s.trim().to_owned())
}

fn name() -> impl Strategy<Value = String> {
    "[a-zA-Zé][a-zA-Zé /()-]{0,12}".prop_map(|s| s.trim().to_owned())
}

fn option<T: Clone + std::fmt::Debug + 'static>(values: &'static [T]) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(values))
}

fn evidence() -> impl Strategy<Value = Vec<Evidence>> {
    proptest::collection::vec(
        (0..2usize, trimmed(), trimmed()).prop_map(|(s, location, paraphrase)| Evidence {
            source: Id::from(format!("src{s}")),
            location,
            paraphrase,
        }),
        0..3,
    )
}

pub fn rich_map() -> impl Strategy<Value = Map> {
    let det = (
        label(),
        proptest::sample::subsequence(vec![0usize, 1, 2], 1..=3),
        option(Locus::ALL),
        option(Directness::ALL),
        option(Nature::ALL),
        any::<bool>(),
        proptest::sample::subsequence(vec![0usize, 1], 0..=2),
        text(),
        evidence(),
        (-1e5f32..1e5, -1e5f32..1e5),
    );
    let stage = (label(), text(), (-1e5f32..1e5, -1e5f32..1e5));
    (
        proptest::collection::vec(stage, 0..4),
        proptest::collection::vec(det, 1..7),
        proptest::collection::btree_set(name(), 3..=3),
        proptest::collection::btree_set(name(), 2..=2),
        label(),
        text(),
        (trimmed(), text()),
    )
        .prop_flat_map(|(stages, dets, categories, tags, title, description, source)| {
            let (s, d) = (stages.len(), dets.len());
            let influence = (
                0..d,
                0..s + d,
                any::<bool>(),
                option(Level::ALL),
                option(Level::ALL),
                text(),
                evidence(),
            );
            (
                Just((stages, dets, categories, tags, title, description, source)),
                proptest::collection::vec(influence, 0..12),
            )
        })
        .prop_map(|((stages, dets, categories, tags, title, description, source), infs)| {
            let categories: Vec<String> = categories.into_iter().collect();
            let tags: Vec<String> = tags.into_iter().collect();
            let stages: Vec<Stage> = stages
                .into_iter()
                .enumerate()
                .map(|(i, (label, description, (x, y)))| Stage {
                    id: format!("s{i}").into(),
                    label,
                    description,
                    position: Position::new(x, y),
                })
                .collect();
            let determinants: Vec<Determinant> = dets
                .into_iter()
                .enumerate()
                .map(
                    |(i, (label, cats, locus, directness, nature, hinder, tag_picks, notes, evidence, (x, y)))| {
                        Determinant {
                            id: format!("d{i}").into(),
                            label,
                            categories: cats.into_iter().map(|c| categories[c].clone()).collect(),
                            locus,
                            directness,
                            nature,
                            effect: if hinder { Effect::Hinder } else { Effect::Enabler },
                            tags: tag_picks.into_iter().map(|t| tags[t].clone()).collect(),
                            notes,
                            evidence,
                            position: Position::new(x, y),
                        }
                    },
                )
                .collect();
            let node = |k: usize| {
                if k < stages.len() {
                    stages[k].id.clone()
                } else {
                    determinants[k - stages.len()].id.clone()
                }
            };
            let influences = infs
                .into_iter()
                .enumerate()
                .map(
                    |(k, (from, to, hinders, strength, confidence, note, evidence))| Influence {
                        id: format!("i{k}").into(),
                        from: determinants[from].id.clone(),
                        to: node(to),
                        sign: if hinders { Sign::Hinders } else { Sign::Enables },
                        strength,
                        confidence,
                        note,
                        evidence,
                    },
                )
                .collect();
            Map {
                title,
                description,
                sources: vec![
                    Source {
                        id: "src0".into(),
                        title: "A study".into(),
                        citation: source.1,
                    },
                    Source {
                        id: "src1".into(),
                        title: if source.0.is_empty() {
                            "Interviews".into()
                        } else {
                            source.0
                        },
                        citation: String::new(),
                    },
                ],
                stages,
                categories: categories
                    .iter()
                    .enumerate()
                    .map(|(i, name)| Category {
                        name: name.clone(),
                        colour: Colour([i as u8 * 40, 7, 200]),
                    })
                    .collect(),
                tags,
                determinants,
                influences,
                presentation: Vec::new(),
            }
        })
}
