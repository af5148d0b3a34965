//! Where the time of `detmap analyze --format csv` goes on the benchmark map (10,000
//! determinants, 50,000 influences, 7 stages), phase by phase. Prints the median of repeated runs;
//! run with `cargo bench --bench phases`. Criterion (`benches/core.rs`) gives the statistics; this
//! gives the breakdown, which is what tells us where to work.

use detmap::analysis::{MapGraph, Reachability};
use detmap::export::{ReportFormat, write_reachability};
use detmap::format;
use detmap::generate::{Spec, generate};
use detmap::model;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The file's shape as plain serde structs, for the floor: what ron and serde alone cost on this
/// text, without the loader's limits, its version check, its shared ids or the validation.
mod plain {
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    pub struct File {
        format_version: u32,
        title: String,
        description: String,
        sources: Vec<ron::Value>,
        stages: Vec<Stage>,
        categories: Vec<Category>,
        tags: Vec<String>,
        determinants: Vec<Determinant>,
        influences: Vec<Influence>,
        layout: Vec<Placement>,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Stage {
        id: String,
        label: String,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Category {
        name: String,
        colour: String,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Determinant {
        id: String,
        label: String,
        categories: Vec<String>,
        locus: Option<ron::Value>,
        directness: Option<ron::Value>,
        nature: Option<ron::Value>,
        effect: Option<ron::Value>,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Influence {
        id: String,
        from: String,
        to: String,
        sign: ron::Value,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Placement {
        id: String,
        x: f32,
        y: f32,
    }
}

const RUNS: usize = 15;

fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn report(what: &str, d: Duration) {
    println!("{what:<48} {:>8.2} ms", d.as_secs_f64() * 1000.0);
}

fn main() {
    let map = generate(Spec {
        determinants: 10_000,
        influences: 50_000,
        stages: 7,
        seed: 1,
    });
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("big.ron");
    format::save_file(&path, &map).expect("save the benchmark map");
    let text = std::fs::read_to_string(&path).expect("read it back");
    println!(
        "map: {} determinants, {} influences, {} stages; file {:.1} MB; {RUNS} runs each, median",
        map.determinants.len(),
        map.influences.len(),
        map.stages.len(),
        text.len() as f64 / 1e6
    );
    report(
        "read the file",
        median(|| drop(black_box(std::fs::read(&path).unwrap()))),
    );
    let options = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let floor = median(|| drop(black_box(options.from_str::<plain::File>(&text).unwrap())));
    let load = median(|| drop(black_box(format::load_str(&text).unwrap())));
    let validate = median(|| drop(black_box(model::validate(&map))));
    report("parse + validate (load_str)", load);
    report("  of which validate", validate);
    report("  ron + serde alone, into plain structs (the floor)", floor);
    report(
        "build the graph (MapGraph::new)",
        median(|| drop(black_box(MapGraph::new(&map)))),
    );
    let graph = MapGraph::new(&map);
    report(
        "search all stages (Reachability::of_graph)",
        median(|| drop(black_box(Reachability::of_graph(graph.clone())))),
    );
    let reach = Reachability::of_graph(graph);
    let mut out = Vec::with_capacity(8 << 20);
    report(
        "write the csv report",
        median(|| {
            out.clear();
            write_reachability(&map, &reach, &[], ReportFormat::Csv, &mut out).unwrap();
        }),
    );
    report("clone + drop the map", median(|| drop(black_box(map.clone()))));
    report(
        "serialise (to_string)",
        median(|| drop(black_box(format::to_string(&map)))),
    );
    report(
        "save (serialise, write, fsync, rename)",
        median(|| format::save_file(&path, &map).unwrap()),
    );
}
