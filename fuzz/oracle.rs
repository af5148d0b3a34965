// What the fuzz targets check on each input. Shared, through `include!`, by fuzz/fuzz_targets/*.rs
// and by tests/robustness_fuzz_corpus.rs, which replays the committed corpus and the regressions in
// `cargo test` without libFuzzer. Nothing here may depend on libFuzzer.

#[allow(unused_imports)]
use detmap::analysis::{Explainer, Reachability, feedback_loops, knock_out, pressure_points};
#[allow(unused_imports)]
use detmap::export::{self, ReportFormat};
use detmap::format::{self, LineCol, Locator};
use detmap::model::{FieldPath, Id, PathSeg};

/// Whether `at` is a position in `text` (or just after its end).
fn inside(text: &str, at: LineCol) -> bool {
    let mut lines = text.split('\n');
    at.line >= 1
        && at.col >= 1
        && lines.nth(at.line - 1).is_some_and(|line| at.col <= line.chars().count() + 1)
}

/// Any bytes into the loader. Beyond "no panic, no hang, no runaway allocation" (which libFuzzer
/// checks), it checks what the loader promises:
/// - a refused file gets at least one and at most MAX_DIAGNOSTICS + 1 problems, each positioned
///   inside the text, each message non-empty and short;
/// - an accepted map is within the limits, saves, and its saved text loads to the same text again;
/// - the locator, which walks any text, finds positions inside it, the same whether it indexes
///   everything or only the paths asked for.
#[allow(dead_code)]
pub fn check_load(data: &[u8]) {
    let text = std::str::from_utf8(data).ok();
    match format::load_bytes(data) {
        Ok(map) => {
            assert!(format::check_limits(&map).is_empty(), "a loaded map is within the limits");
            let saved = format::to_file_text(&map).unwrap_or_else(|e| panic!("the saver refuses a map that loaded: {e}"));
            let again = format::load_str(&saved).unwrap_or_else(|e| panic!("a saved map does not load: {e:?}\n{saved}"));
            assert_eq!(format::to_string(&again), saved, "saving is not stable");
        }
        Err(problems) => {
            assert!(!problems.is_empty() && problems.len() <= format::MAX_DIAGNOSTICS + 1, "{} problems", problems.len());
            for p in &problems {
                assert!(!p.message.is_empty() && p.message.chars().count() <= 700, "{:?}", p.message);
                if let (Some(at), Some(text)) = (p.at, text) {
                    assert!(inside(text, at), "{at:?} is outside the text: {:?}", p.message);
                }
            }
        }
    }
    if let Some(text) = text {
        if let Some(at) = format::first_comment(text) {
            assert!(inside(text, at), "the first comment {at:?} is outside the text");
        }
        let paths = [
            FieldPath(vec![PathSeg::Field("title")]),
            FieldPath(vec![PathSeg::Field("influences"), PathSeg::Index(0), PathSeg::Field("to")]),
            FieldPath(vec![
                PathSeg::Field("determinants"),
                PathSeg::Index(1),
                PathSeg::Field("evidence"),
                PathSeg::Index(0),
                PathSeg::Field("source"),
            ]),
        ];
        let all = Locator::new(text);
        let some = Locator::for_paths(text, &paths);
        for path in &paths {
            let at = all.find(path);
            assert!(inside(text, at), "{at:?}");
            assert_eq!(some.find(path), at);
        }
    }
}

/// Any bytes into the loader, and whatever loads through the whole analysis and the reports, as the
/// window and `detmap analyze` do. Nothing may panic or hang; paths explain feeders.
#[allow(dead_code)]
pub fn check_load_analyse(data: &[u8]) {
    let Ok(map) = format::load_bytes(data) else { return };
    let reach = Reachability::compute(&map);
    let graph = reach.graph();
    let _ = feedback_loops(graph, 64);
    let _ = pressure_points(graph);
    for d in map.determinants.iter().take(4) {
        let _ = knock_out(graph, &d.id);
    }
    let _ = knock_out(graph, &Id::from("no-such-determinant"));
    for stage in &map.stages {
        for feeder in reach.feeders_of(&stage.id).into_iter().flatten().take(8) {
            let path = reach.path(&feeder.determinant, &stage.id).expect("a feeder has a path to its stage");
            assert_eq!(path.first(), Some(&feeder.determinant));
            assert_eq!(path.last(), Some(&stage.id));
            assert_eq!(path.len() as u32, feeder.distance + 1, "the path is a shortest one");
            // What the reports print: the path whole when short, else its ends, the same nodes.
            let ends = reach.path_ends(&feeder.determinant, &stage.id).expect("a feeder has a path");
            assert_eq!(ends.len(), path.len());
            assert!(ends.first.len() + ends.last.len() <= 13);
            let shown: Vec<&Id> = ends.shown().collect();
            assert_eq!(shown[..ends.first.len()], path.iter().collect::<Vec<_>>()[..ends.first.len()]);
            assert_eq!(shown.last().copied(), path.last());
            // Each explanation's steps multiply to its sign, each backed by influences of its own sign.
            for e in Explainer::new(&map, &reach).explain_ends(&feeder.determinant, &stage.id) {
                let product = e.steps.iter().fold(detmap::model::Sign::Enables, |acc, s| acc.then(s.sign));
                if e.gap.is_none() {
                    assert_eq!(product, e.sign, "the steps multiply to the path's sign");
                }
                assert!(e.length() as u32 >= feeder.distance, "no path is shorter than the shortest");
                for step in &e.steps {
                    assert!(!step.influences.is_empty() && step.influences.iter().all(|i| i.sign == step.sign));
                }
            }
        }
    }
    export::write_handout(&map, &reach, std::io::sink()).expect("writing to a sink cannot fail");
    let stages: Vec<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
    for format in [ReportFormat::Text, ReportFormat::Csv, ReportFormat::Json, ReportFormat::Markdown] {
        export::write_reachability(&map, &reach, &stages, format, std::io::sink()).expect("writing to a sink cannot fail");
    }
    export::write_determinants_csv(&map, std::io::sink()).expect("writing to a sink cannot fail");
    export::write_influences_csv(&map, std::io::sink()).expect("writing to a sink cannot fail");
}
