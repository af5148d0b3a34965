//! Golden files for the text exports: the matrix CSV and the hand-out report of the example map and
//! of the Chile sample. `UPDATE_GOLDEN=1 cargo test --test export_golden` rewrites them; read the
//! diff before committing it, since a golden file is only as right as the person who checked it.

use detmap::analysis::{Matrix, Reachability};
use detmap::export;
use detmap::model::Map;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(relative: &str) -> Map {
    detmap::format::load_file(&root().join(relative)).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Compares `actual` with `tests/golden/NAME`, or rewrites the file when UPDATE_GOLDEN=1.
fn golden(name: &str, actual: &str) {
    let path: PathBuf = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1 to create it)", path.display()));
    if actual != expected {
        let first = actual
            .lines()
            .zip(expected.lines())
            .position(|(a, e)| a != e)
            .unwrap_or(actual.lines().count().min(expected.lines().count()));
        panic!(
            "{} differs from the export at line {}:\n  golden: {:?}\n  export: {:?}\n(UPDATE_GOLDEN=1 rewrites it)",
            path.display(),
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

fn matrix_csv(map: &Map) -> String {
    let matrix = Matrix::compute(map, &Reachability::compute(map));
    let mut out = Vec::new();
    export::write_matrix_csv(map, &matrix, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn matrix_of_the_example() {
    golden("example-matrix.csv", &matrix_csv(&load("tests/data/valid/example.ron")));
}

#[test]
fn matrix_of_the_chile_sample() {
    golden(
        "chile-anti-trafficking-matrix.csv",
        &matrix_csv(&load("samples/chile-anti-trafficking.ron")),
    );
}

fn report_md(map: &Map) -> String {
    let mut out = Vec::new();
    export::write_handout(map, &Reachability::compute(map), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn report_of_the_example() {
    golden("example-report.md", &report_md(&load("tests/data/valid/example.ron")));
}

#[test]
fn report_of_the_chile_sample() {
    golden(
        "chile-anti-trafficking-report.md",
        &report_md(&load("samples/chile-anti-trafficking.ron")),
    );
}
