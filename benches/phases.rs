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
    let load = median(|| drop(black_box(format::load_str(&text).unwrap())));
    let validate = median(|| drop(black_box(model::validate(&map))));
    report("parse + validate (load_str)", load);
    report("  of which validate", validate);
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
