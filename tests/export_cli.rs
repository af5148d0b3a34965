//! `detmap export` run as a user runs it: the files it writes, on the samples, on an empty map and
//! on a map whose influences form loops.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap")).args(args).output().expect("the binary runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn chile() -> PathBuf {
    root().join("samples/chile-anti-trafficking.ron")
}

/// A valid map file with no stage, no determinant and no influence.
const EMPTY: &str = "(format_version: 1, title: \"Empty\")";

/// A valid map whose determinants form a reinforcing and a balancing loop, with a self-loop.
const CYCLIC: &str = r##"(
    format_version: 1,
    title: "Loops",
    stages: [(id: "s1", label: "Stage one"), (id: "s2", label: "Stage two")],
    categories: [(name: "C", colour: "#336699")],
    determinants: [
        (id: "a", label: "A", categories: ["C"]),
        (id: "b", label: "B", categories: ["C"]),
        (id: "c", label: "C & <c>", categories: ["C"]),
    ],
    influences: [
        (id: "i1", from: "a", to: "b", sign: enables),
        (id: "i2", from: "b", to: "a", sign: enables),
        (id: "i3", from: "b", to: "c", sign: hinders),
        (id: "i4", from: "c", to: "b", sign: enables),
        (id: "i5", from: "c", to: "c", sign: enables),
        (id: "i6", from: "b", to: "s1", sign: enables),
    ],
)"##;

fn write_map(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    assert!(detmap(&["validate", path(&p)]).status.success(), "{name} is a valid map");
    p
}

#[test]
fn matrix_file_is_the_library_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.csv");
    let run = detmap(&["export", path(&chile()), "--matrix", path(&out)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let written = std::fs::read_to_string(&out).unwrap();
    let golden = std::fs::read_to_string(root().join("tests/golden/chile-anti-trafficking-matrix.csv")).unwrap();
    assert_eq!(written, golden);
}

#[test]
fn matrix_of_an_empty_map_is_a_header() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "empty.ron", EMPTY);
    let out = dir.path().join("m.csv");
    assert!(detmap(&["export", path(&map), "--matrix", path(&out)]).status.success());
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "determinant_id,determinant\n");
}

#[test]
fn matrix_of_a_cyclic_map() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "loops.ron", CYCLIC);
    let out = dir.path().join("m.csv");
    assert!(detmap(&["export", path(&map), "--matrix", path(&out)]).status.success());
    // b -> s1 enables, and b -| c -> b -> s1 hinders: b is mixed, and so is everything that
    // reaches b (a -> b, c -> b), because the balancing loop through c flips the sign.
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "determinant_id,determinant,Stage one,Stage two\na,A,2:mixed,\nb,B,1:mixed,\nc,C & <c>,2:mixed,\n"
    );
}

#[test]
fn export_with_nothing_to_write_says_what_it_can_write() {
    let run = detmap(&["export", path(&chile())]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--matrix"));
}

fn export_to_string(map: &Path, flag: &str, name: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join(name);
    let run = detmap(&["export", path(map), flag, path(&out)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn report_of_an_empty_map_says_there_is_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "empty.ron", EMPTY);
    let report = export_to_string(&map, "--report", "r.md");
    assert!(report.starts_with("# Empty\n"), "{report}");
    assert!(report.contains("The map has no stages of response."));
    assert!(report.contains("The map has no feedback loops."));
}

#[test]
fn report_of_a_cyclic_map_lists_its_loops_with_their_sign() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "loops.ron", CYCLIC);
    let report = export_to_string(&map, "--report", "r.md");
    for line in [
        "- **reinforcing**: A → *enables* → B → *enables* → A",
        "- **balancing**: B → *hinders* → C & \\<c\\> → *enables* → B",
        "- **reinforcing**: C & \\<c\\> → *enables* → C & \\<c\\>",
        "## Stage 2: Stage two\n\nNo determinant feeds this stage.",
        // b is mixed: one path of each sign, the hindering one round the balancing loop.
        "Path that hinders: B → *hinders* → C & \\<c\\> → *enables* → B → *enables* → Stage one",
    ] {
        assert!(report.contains(line), "missing `{line}` in:\n{report}");
    }
    assert_eq!(report.matches("- **").count(), 3, "three loops:\n{report}");
}
