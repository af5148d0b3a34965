//! The core on a large synthetic map (10,000 determinants, 50,000 influences, 7 stages): the full
//! analysis of every stage, and loading and saving the file. Run with `cargo bench --bench core`.

use criterion::{Criterion, criterion_group, criterion_main};
use detmap::analysis::{MapGraph, Reachability, pressure_points};
use detmap::format;
use detmap::generate::{Spec, generate};
use std::hint::black_box;

fn big() -> detmap::model::Map {
    generate(Spec {
        determinants: 10_000,
        influences: 50_000,
        stages: 7,
        seed: 1,
    })
}

fn analysis(c: &mut Criterion) {
    let map = big();
    let graph = MapGraph::new(&map);
    c.bench_function("reachability, all 7 stages (graph built)", |b| {
        b.iter(|| Reachability::of_graph(black_box(graph.clone())))
    });
    c.bench_function("reachability, all 7 stages (from the map)", |b| {
        b.iter(|| Reachability::compute(black_box(&map)))
    });
    c.bench_function("pressure points, all 7 stages", |b| {
        b.iter(|| pressure_points(black_box(&graph)))
    });
}

fn file(c: &mut Criterion) {
    let map = big();
    let text = format::to_string(&map);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    format::save_file(&path, &map).unwrap();
    c.bench_function("load 10k/50k map from disk", |b| {
        b.iter(|| format::load_file(black_box(&path)).unwrap())
    });
    c.bench_function("parse + validate 10k/50k map text", |b| {
        b.iter(|| format::load_str(black_box(&text)).unwrap())
    });
    c.bench_function("save 10k/50k map to disk (atomic, fsync)", |b| {
        b.iter(|| format::save_file(black_box(&path), &map).unwrap())
    });
    c.bench_function("serialise 10k/50k map to text", |b| {
        b.iter(|| format::to_string(black_box(&map)))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = analysis, file
}
criterion_main!(benches);
