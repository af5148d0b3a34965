//! Merge and diff on random maps: a map merged with itself is unchanged; merging is the same in
//! either order up to which value wins; a map's diff with itself is empty; the diff of A and
//! merge(A, B) lists what B added, and removes nothing.

use detmap::diff::{Kind, What, diff};
use detmap::import::match_key;
use detmap::merge::{Input, merge};
use detmap::model::*;
use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

mod import_maps;
use import_maps::rich_map;

/// A breakout group's copy of `a`: some determinants (and their influences) dropped, some coding
/// and notes changed, a label retyped in another case and punctuation under a new id, and new
/// determinants and influences added. With `only_add`, nothing is dropped or changed.
fn group_copy(a: &Map, seed: u64, only_add: bool) -> Map {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut b = a.clone();
    if !only_add {
        let dropped: Vec<Id> = b
            .determinants
            .iter()
            .filter(|_| rng.random_bool(0.2))
            .map(|d| d.id.clone())
            .collect();
        if dropped.len() < b.determinants.len() {
            b.determinants.retain(|d| !dropped.contains(&d.id));
            b.influences
                .retain(|i| !dropped.contains(&i.from) && !dropped.contains(&i.to));
        }
        for d in &mut b.determinants {
            if rng.random_bool(0.3) {
                d.nature = match d.nature {
                    Some(Nature::Structural) => Some(Nature::PressurePoint),
                    _ => Some(Nature::Structural),
                };
            }
            if rng.random_bool(0.2) {
                d.notes.push_str(" (group B)");
            }
        }
        for i in &mut b.influences {
            if rng.random_bool(0.2) {
                i.sign = i.sign.flipped();
            }
        }
        // The same determinant typed again under another id: matched by its label.
        if let Some(d) = b.determinants.first_mut() {
            let old = d.id.clone();
            d.id = format!("{}-retyped", d.id).into();
            d.label = format!("  {}! ", d.label.to_uppercase());
            for i in &mut b.influences {
                for end in [&mut i.from, &mut i.to] {
                    if *end == old {
                        *end = d.id.clone();
                    }
                }
            }
        }
    }
    let category = b.categories[0].name.clone();
    let extra = rng.random_range(1..4);
    for k in 0..extra {
        b.determinants.push(Determinant::uncoded(
            format!("new{k}"),
            format!("Group B finding number {k}"),
            vec![category.clone()],
            Position::new(k as f32, 1.0),
        ));
        let to = b.determinants[rng.random_range(0..b.determinants.len())].id.clone();
        b.influences.push(Influence {
            id: format!("new-link{k}").into(),
            from: format!("new{k}").into(),
            to,
            sign: Sign::Hinders,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: vec![],
        });
    }
    assert!(validate(&b).is_empty(), "{:?}", validate(&b));
    b
}

fn inputs(maps: &[&Map]) -> Vec<Input> {
    maps.iter()
        .enumerate()
        .map(|(k, m)| Input {
            name: format!("group-{k}.ron"),
            map: (*m).clone(),
        })
        .collect()
}

/// A map with its lists in id order, to compare maps that differ only in order.
fn sorted(mut map: Map) -> Map {
    map.stages.sort_by(|x, y| x.id.cmp(&y.id));
    map.determinants.sort_by(|x, y| x.id.cmp(&y.id));
    map.influences.sort_by(|x, y| x.id.cmp(&y.id));
    map.sources.sort_by(|x, y| x.id.cmp(&y.id));
    map.categories.sort_by(|x, y| x.name.cmp(&y.name));
    map.tags.sort();
    for d in &mut map.determinants {
        d.evidence
            .sort_by(|x, y| (&x.source, &x.location, &x.paraphrase).cmp(&(&y.source, &y.location, &y.paraphrase)));
    }
    for i in &mut map.influences {
        i.evidence
            .sort_by(|x, y| (&x.source, &x.location, &x.paraphrase).cmp(&(&y.source, &y.location, &y.paraphrase)));
    }
    map
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn merging_a_map_with_itself_changes_nothing(a in rich_map()) {
        let merged = merge(&inputs(&[&a, &a, &a])).unwrap();
        prop_assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        prop_assert_eq!(merged.map, a);
    }

    #[test]
    fn a_diff_of_a_map_with_itself_is_empty(a in rich_map(), layout in any::<bool>()) {
        prop_assert_eq!(diff(&a, &a, layout), vec![]);
    }

    #[test]
    fn merge_is_the_same_in_either_order_up_to_which_value_wins(a in rich_map(), seed in any::<u64>()) {
        let b = group_copy(&a, seed, false);
        let ab = merge(&inputs(&[&a, &b])).unwrap();
        let ba = merge(&inputs(&[&b, &a])).unwrap();
        prop_assert_eq!(ab.map.stages.len(), ba.map.stages.len());
        prop_assert_eq!(ab.map.determinants.len(), ba.map.determinants.len());
        prop_assert_eq!(ab.map.influences.len(), ba.map.influences.len());
        // The same conflicts: the same fields, with the same values on either side.
        let conflicts = |m: &detmap::merge::Merged| {
            let mut c: Vec<(&'static str, &'static str, Vec<String>)> = m
                .conflicts
                .iter()
                .map(|c| {
                    let mut values: Vec<String> = c.values.iter().map(|(v, _)| v.clone()).collect();
                    values.sort();
                    (c.kind.as_str(), c.field, values)
                })
                .collect();
            c.sort();
            c
        };
        prop_assert_eq!(conflicts(&ab), conflicts(&ba));
        // Evidence is united, whichever comes first.
        let evidence = |m: &Map| {
            let mut all: Vec<usize> = m.determinants.iter().map(|d| d.evidence.len()).collect();
            all.sort();
            all
        };
        prop_assert_eq!(evidence(&ab.map), evidence(&ba.map));
    }

    #[test]
    fn when_one_side_only_adds_the_order_does_not_matter(a in rich_map(), seed in any::<u64>()) {
        let b = group_copy(&a, seed, true);
        let ab = merge(&inputs(&[&a, &b])).unwrap();
        let ba = merge(&inputs(&[&b, &a])).unwrap();
        prop_assert!(ab.conflicts.is_empty() && ba.conflicts.is_empty());
        prop_assert_eq!(sorted(ab.map), sorted(ba.map.clone()));
        prop_assert_eq!(sorted(ba.map), sorted(b));
    }

    #[test]
    fn the_diff_of_a_and_its_merge_with_b_lists_what_b_added(a in rich_map(), seed in any::<u64>()) {
        let b = group_copy(&a, seed, false);
        let merged = merge(&inputs(&[&a, &b])).unwrap().map;
        let changes = diff(&a, &merged, false);
        prop_assert!(!changes.iter().any(|c| c.what == What::Removed), "{changes:#?}");
        let added: Vec<(Kind, &str)> = changes
            .iter()
            .filter(|c| c.what == What::Added)
            .map(|c| (c.kind, c.id.as_str()))
            .collect();
        // B's own items that A has neither by id nor by label are exactly the added determinants.
        let a_keys: Vec<String> = a.determinants.iter().map(|d| match_key(&d.label)).collect();
        let new_in_b: Vec<&Determinant> = b
            .determinants
            .iter()
            .filter(|d| a.determinant(&d.id).is_none() && !a_keys.contains(&match_key(&d.label)))
            .collect();
        let added_dets: Vec<&str> = added.iter().filter(|(k, _)| *k == Kind::Determinant).map(|(_, id)| *id).collect();
        prop_assert_eq!(added_dets.len(), new_in_b.len());
        for d in new_in_b {
            prop_assert!(added_dets.contains(&d.id.as_str()), "{} not listed as added: {changes:#?}", d.id);
        }
        // Every influence B added is there too.
        let added_links = added.iter().filter(|(k, _)| *k == Kind::Influence).count();
        prop_assert!(added_links >= b.influences.iter().filter(|i| i.id.as_str().starts_with("new-link")).count());
    }
}

#[test]
fn a_conflict_names_the_item_the_field_and_each_file() {
    let mut a = Map {
        title: "t".into(),
        categories: vec![Category {
            name: "C".into(),
            colour: Colour([0, 0, 0]),
        }],
        ..Map::default()
    };
    a.determinants.push(Determinant {
        id: "d1".into(),
        label: "Regional dialogues".into(),
        categories: vec!["C".into()],
        locus: None,
        directness: None,
        nature: Some(Nature::Structural),
        effect: Effect::Enabler,
        tags: vec![],
        notes: "From the plenary.".into(),
        evidence: vec![],
        position: Position::default(),
    });
    let mut b = a.clone();
    b.determinants[0].nature = Some(Nature::PressurePoint);
    b.determinants[0].id = "x9".into();
    b.determinants[0].label = "regional dialogues.".into();
    let mut c = a.clone();
    c.determinants[0].nature = None;
    let merged = merge(&[
        Input {
            name: "group-a.ron".into(),
            map: a,
        },
        Input {
            name: "group-b.ron".into(),
            map: b,
        },
        Input {
            name: "group-c.ron".into(),
            map: c,
        },
    ])
    .unwrap();
    let lines: Vec<String> = merged.conflicts.iter().map(|c| c.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "conflict: determinant \"Regional dialogues\": label: \"Regional dialogues\" (group-a.ron, group-c.ron) / \"regional dialogues.\" (group-b.ron)",
            "conflict: determinant \"Regional dialogues\": nature: structural (group-a.ron) / pressure_point (group-b.ron) / unknown (group-c.ron)",
        ]
    );
    assert_eq!(merged.map.determinants.len(), 1);
    assert_eq!(merged.map.determinants[0].nature, Some(Nature::Structural));
    assert_eq!(
        merged.map.determinants[0].notes,
        "From the plenary.\n\n[group-b.ron] label: \"regional dialogues.\"\n[group-b.ron] nature: pressure_point\n[group-c.ron] nature: unknown"
    );
}
