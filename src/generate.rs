//! Synthetic maps for benchmarks and tests: valid, deterministic for a seed, with cycles and both signs.

use crate::format::MAX_LIST_ITEMS;
use crate::model::{
    Category, Colour, Determinant, Directness, Effect, Id, Influence, Locus, MAX_STAGES, Map, Nature, Position, Sign,
    Stage,
};
use crate::words::plural;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// How big a map to make.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub determinants: usize,
    pub influences: usize,
    pub stages: usize,
    pub seed: u64,
}

const CATEGORIES: [(&str, [u8; 3]); 4] = [
    ("Political will", [0x00, 0x72, 0xb2]),
    ("Civil society", [0xe6, 0x9f, 0x00]),
    ("International law", [0x00, 0x9e, 0x73]),
    ("Funding and resources", [0xcc, 0x79, 0xa7]),
];

impl Spec {
    /// Refuses counts no map file may hold, before anything is allocated for them. A map within
    /// these can still be over the file's size or its total of list entries; the caller checks the
    /// finished map as a save does ([`crate::format::to_file_text`]).
    pub fn check(&self) -> Result<(), String> {
        check_counts(&[
            ("determinants", self.determinants, MAX_LIST_ITEMS),
            ("influences", self.influences, MAX_LIST_ITEMS),
            ("stages", self.stages, MAX_STAGES),
        ])
    }
}

/// What [`Spec::check`] does for [`generate_chain`].
pub fn check_chain(length: usize, stages: usize) -> Result<(), String> {
    check_counts(&[
        ("determinants", length, MAX_LIST_ITEMS),
        ("stages", stages, MAX_STAGES),
        // The chain's influences: one between each pair of neighbours, one into each stage.
        (
            "influences",
            length.saturating_sub(1).saturating_add(stages),
            MAX_LIST_ITEMS,
        ),
    ])
}

fn check_counts(counts: &[(&str, usize, usize)]) -> Result<(), String> {
    for &(what, n, limit) in counts {
        if n > limit {
            return Err(crate::tr!(
                "generate-too-many",
                what = what,
                count = n.to_string(),
                max = limit.to_string()
            ));
        }
    }
    Ok(())
}

/// Makes a map to `spec`. About a fifth of the influences go into stages, the rest link
/// determinants at random (which makes cycles); the first two close a loop on purpose, and about
/// three in ten influences hinder. Influences are only made when there are determinants to start them.
pub fn generate(spec: Spec) -> Map {
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let columns = (spec.determinants as f32).sqrt().ceil().max(1.0) as usize;
    let stages: Vec<Stage> = (0..spec.stages)
        .map(|i| Stage {
            id: Id::from(format!("s{}", i + 1)),
            label: format!("Stage {}", i + 1),
            description: String::new(),
            position: Position::new(220.0 * columns as f32 + 200.0, 140.0 * i as f32),
        })
        .collect();
    let determinants: Vec<Determinant> = (0..spec.determinants)
        .map(|i| Determinant {
            id: Id::from(format!("d{}", i + 1)),
            label: format!("Determinant {}", i + 1),
            categories: vec![CATEGORIES[rng.random_range(0..CATEGORIES.len())].0.to_owned()],
            locus: pick(&mut rng, &[Locus::Internal, Locus::External]),
            directness: pick(&mut rng, &[Directness::Direct, Directness::Indirect]),
            nature: pick(&mut rng, &[Nature::Structural, Nature::PressurePoint]),
            effect: if rng.random_bool(0.3) {
                Effect::Hinder
            } else {
                Effect::Enabler
            },
            tags: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
            position: Position::new(220.0 * (i % columns) as f32, 100.0 * (i / columns) as f32),
        })
        .collect();
    let mut influences = Vec::with_capacity(spec.influences);
    let n = determinants.len();
    if n > 0 {
        for k in 0..spec.influences {
            // `to` indexes stages first, then determinants. The first two influences close a loop.
            let (from, to) = match k {
                0 if n >= 2 => (0, stages.len() + 1),
                1 if n >= 2 => (1, stages.len()),
                _ => {
                    let from = rng.random_range(0..n);
                    let to = if !stages.is_empty() && rng.random_bool(0.2) {
                        rng.random_range(0..stages.len())
                    } else {
                        stages.len() + rng.random_range(0..n)
                    };
                    (from, to)
                }
            };
            let target = if to < stages.len() {
                stages[to].id.clone()
            } else {
                determinants[to - stages.len()].id.clone()
            };
            influences.push(Influence {
                id: Id::from(format!("i{}", k + 1)),
                from: determinants[from].id.clone(),
                to: target,
                sign: if k == 1 || rng.random_bool(0.3) {
                    Sign::Hinders
                } else {
                    Sign::Enables
                },
                strength: None,
                confidence: None,
                note: String::new(),
                evidence: Vec::new(),
            });
        }
    }
    Map {
        title: format!(
            "Synthetic map: {}, {}, {} (seed {})",
            plural(spec.determinants, "determinant", "determinants"),
            plural(spec.influences, "influence", "influences"),
            plural(spec.stages, "stage", "stages"),
            spec.seed
        ),
        description: "Generated by `detmap generate` for benchmarks and tests.".into(),
        sources: Vec::new(),
        stages,
        categories: categories(),
        tags: Vec::new(),
        determinants,
        influences,
        presentation: Vec::new(),
    }
}

/// A chain of `length` determinants, `d1 -> d2 -> ... -> dN`, the last feeding every one of `stages`
/// stages: every determinant feeds every stage, `dK` at distance N - K + 1, so the paths are as long
/// as a map of that size allows. Every seventh influence hinders, so net effects alternate. Nodes
/// are left at the origin (no layout), which keeps the file small.
pub fn generate_chain(length: usize, stages: usize) -> Map {
    let stages: Vec<Stage> = (0..stages)
        .map(|i| Stage {
            id: Id::from(format!("s{}", i + 1)),
            label: format!("Stage {}", i + 1),
            description: String::new(),
            position: Position::default(),
        })
        .collect();
    let determinants: Vec<Determinant> = (0..length)
        .map(|i| {
            Determinant::uncoded(
                format!("d{}", i + 1),
                format!("Determinant {}", i + 1),
                vec![CATEGORIES[i % CATEGORIES.len()].0.to_owned()],
                Position::default(),
            )
        })
        .collect();
    let links = determinants.windows(2).map(|pair| (&pair[0].id, &pair[1].id));
    let into_stages = determinants
        .last()
        .into_iter()
        .flat_map(|last| stages.iter().map(move |s| (&last.id, &s.id)));
    let influences = links
        .chain(into_stages)
        .enumerate()
        .map(|(k, (from, to))| Influence {
            id: Id::from(format!("i{}", k + 1)),
            from: from.clone(),
            to: to.clone(),
            sign: if k % 7 == 6 { Sign::Hinders } else { Sign::Enables },
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: Vec::new(),
        })
        .collect();
    Map {
        title: format!(
            "Synthetic chain: {} into {}",
            plural(length, "determinant", "determinants"),
            plural(stages.len(), "stage", "stages")
        ),
        description: "Generated by `detmap generate --shape chain` for benchmarks and tests.".into(),
        sources: Vec::new(),
        stages,
        categories: categories(),
        tags: Vec::new(),
        determinants,
        influences,
        presentation: Vec::new(),
    }
}

/// One of `values`, or unknown one time in ten (the studies do not always say).
fn pick<T: Copy>(rng: &mut ChaCha8Rng, values: &[T]) -> Option<T> {
    if rng.random_bool(0.1) {
        None
    } else {
        Some(values[rng.random_range(0..values.len())])
    }
}

/// The generated maps' category list, the same for every shape.
fn categories() -> Vec<Category> {
    CATEGORIES
        .iter()
        .map(|(name, rgb)| Category {
            name: (*name).into(),
            colour: Colour(*rgb),
        })
        .collect()
}
