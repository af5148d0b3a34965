//! Importing a workbook of 10,000 determinants and 50,000 influences (7 stages) against loading
//! the same map from its .ron file, and merging and diffing two such maps. Run with
//! `cargo bench --bench sheets`; the figures are in the note.

use criterion::{Criterion, criterion_group, criterion_main};
use detmap::analysis::{Matrix, Reachability};
use detmap::generate::{Spec, generate};
use detmap::import::{Input, import};
use detmap::model::{Map, Nature};
use detmap::{diff, export, format, merge};
use std::hint::black_box;
use std::time::Duration;

fn big(seed: u64) -> Map {
    generate(Spec {
        determinants: 10_000,
        influences: 50_000,
        stages: 7,
        seed,
    })
}

/// A breakout group's copy: a tenth of the determinants recoded, some labels retyped under new ids.
fn group_copy(map: &Map) -> Map {
    let mut b = map.clone();
    for (k, d) in b.determinants.iter_mut().enumerate() {
        if k % 10 == 0 {
            d.nature = Some(if d.nature == Some(Nature::Structural) {
                Nature::PressurePoint
            } else {
                Nature::Structural
            });
        }
        if k % 50 == 0 {
            let old = d.id.clone();
            d.id = format!("{old}-b").into();
            d.label = d.label.to_uppercase();
        }
    }
    let renamed: std::collections::HashMap<_, _> = map
        .determinants
        .iter()
        .zip(&b.determinants)
        .filter(|(x, y)| x.id != y.id)
        .map(|(x, y)| (x.id.clone(), y.id.clone()))
        .collect();
    for i in &mut b.influences {
        for end in [&mut i.from, &mut i.to] {
            if let Some(id) = renamed.get(end) {
                *end = id.clone();
            }
        }
    }
    b
}

fn sheets(c: &mut Criterion) {
    let map = big(1);
    let text = format::to_string(&map);
    let reach = Reachability::compute(&map);
    let mut xlsx = Vec::new();
    export::write_xlsx(&map, &Matrix::compute(&map, &reach), &mut xlsx).unwrap();
    eprintln!("the map: {} bytes of .ron, {} bytes of .xlsx", text.len(), xlsx.len());

    let mut g = c.benchmark_group("10k determinants, 50k influences");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("load the .ron", |b| {
        b.iter(|| format::load_str(black_box(&text)).unwrap())
    });
    g.bench_function("import the .xlsx", |b| {
        b.iter(|| {
            import(vec![Input {
                name: "big.xlsx".into(),
                bytes: xlsx.clone(),
            }])
            .unwrap()
        })
    });
    g.bench_function("export the .xlsx", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(xlsx.len());
            export::write_xlsx(&map, &Matrix::compute(&map, &reach), &mut out).unwrap();
            out
        })
    });
    let copy = group_copy(&map);
    let inputs = vec![
        merge::Input {
            name: "a.ron".into(),
            map: map.clone(),
        },
        merge::Input {
            name: "b.ron".into(),
            map: copy.clone(),
        },
    ];
    g.bench_function("merge two", |b| b.iter(|| merge::merge(black_box(&inputs)).unwrap()));
    g.bench_function("diff two", |b| {
        b.iter(|| diff::diff(black_box(&map), black_box(&copy), false))
    });
    g.finish();
}

criterion_group!(benches, sheets);
criterion_main!(benches);
