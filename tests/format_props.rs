//! Round trips of the file format on random maps, and the loader on random bytes.

mod common;

use detmap::format;
use detmap::model::*;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    // Any Unicode, with the characters that need escaping made likely.
    prop_oneof![any::<String>(), "[a-z \"\\\\\n\t/*#(){}\\[\\]:,]{0,12}"]
}

fn evidence(sources: usize) -> impl Strategy<Value = Evidence> {
    (0..sources.max(1), text(), text()).prop_map(|(s, location, paraphrase)| Evidence {
        source: Id::from(format!("src{s}")),
        location,
        paraphrase,
    })
}

fn option<T: Clone + std::fmt::Debug + 'static>(values: &'static [T]) -> impl Strategy<Value = Option<T>> {
    proptest::option::of(proptest::sample::select(values))
}

fn rich_map() -> impl Strategy<Value = Map> {
    (
        common::small_map(),
        text(),
        text(),
        proptest::collection::vec((text(), -1e6f32..1e6, -1e6f32..1e6), 0..8),
        any::<u64>(),
    )
        .prop_flat_map(|(base, title, description, labels, _)| {
            let n = base.determinants.len();
            let m = base.influences.len();
            (
                Just((base, title, description, labels)),
                proptest::collection::vec(
                    (
                        option(Locus::ALL),
                        option(Directness::ALL),
                        option(Nature::ALL),
                        option(Effect::ALL),
                        text(),
                        proptest::collection::vec(evidence(1), 0..3),
                    ),
                    n,
                ),
                proptest::collection::vec(
                    (
                        option(Level::ALL),
                        option(Level::ALL),
                        text(),
                        proptest::collection::vec(evidence(1), 0..2),
                    ),
                    m,
                ),
            )
        })
        .prop_map(|((mut map, title, description, labels), dets, infs)| {
            map.title = title;
            map.description = description;
            map.sources = vec![Source {
                id: "src0".into(),
                title: "A study".into(),
                citation: "Someone, 2022".into(),
            }];
            map.tags = vec!["prosecution".into(), "protection".into()];
            for (i, (d, (locus, directness, nature, effect, notes, ev))) in
                map.determinants.iter_mut().zip(dets).enumerate()
            {
                (d.locus, d.directness, d.nature, d.effect) = (locus, directness, nature, effect.unwrap_or_default());
                d.notes = notes;
                d.evidence = ev;
                if let Some((label, x, y)) = labels.get(i) {
                    d.label = label.clone();
                    d.position = Position::new(*x, *y);
                    d.tags = vec!["protection".into()];
                }
            }
            for (inf, (strength, confidence, note, ev)) in map.influences.iter_mut().zip(infs) {
                (inf.strength, inf.confidence, inf.note, inf.evidence) = (strength, confidence, note, ev);
            }
            map
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn save_load_gives_the_same_map_and_the_same_bytes(map in rich_map()) {
        prop_assert!(validate(&map).is_empty(), "{:?}", validate(&map));
        let text = format::to_string(&map);
        let loaded = format::load_str(&text).map_err(|e| TestCaseError::fail(format!("{e:?}\n{text}")))?;
        prop_assert_eq!(&loaded, &map);
        prop_assert_eq!(format::to_string(&loaded), text);
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = format::load_bytes(&bytes);
    }

    /// Damaging a valid file anywhere gives a map or located problems, never a panic.
    #[test]
    fn damaged_files_fail_cleanly(map in common::small_map(), cut in any::<prop::sample::Index>(), junk in "[\\[\\](),:\"a-z0-9 ]{0,5}") {
        let text = format::to_string(&map);
        let at = cut.index(text.len());
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap();
        let damaged = format!("{}{}{}", &text[..at], junk, &text[at..][..(text.len() - at) / 2]);
        if let Err(problems) = format::load_str(&damaged) {
            prop_assert!(!problems.is_empty());
            for p in problems {
                let at = p.at.expect("text problems are located");
                prop_assert!(at.line >= 1 && at.line <= damaged.lines().count() + 1, "{:?} {}", at, p.message);
            }
        }
    }
}
