//! `detmap export` run as a user runs it: the files it writes, on the samples, on an empty map and
//! on a map whose influences form loops.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
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
    assert!(
        detmap(&["validate", path(&p)]).status.success(),
        "{name} is a valid map"
    );
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

/// Decodes a PNG file: (width, height, share of pixels that are not white).
fn decode_png(file: &Path) -> (u32, u32, f64) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(file).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = &buf[..info.buffer_size()];
    let inked = pixels
        .chunks(channels)
        .filter(|p| p[..3].iter().any(|&c| c < 200))
        .count();
    (
        info.width,
        info.height,
        inked as f64 / (info.width as f64 * info.height as f64),
    )
}

#[test]
fn png_of_the_chile_sample_is_print_sized_by_default_and_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chile.png");
    let run = detmap(&["export", path(&chile()), "--png", path(&out)]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let (w, h, inked) = decode_png(&out);
    assert!(w >= 3000, "default width {w}");
    assert!(
        h > 1000 && h < w,
        "{w} × {h}: the map is wider than tall, with its legend under it"
    );
    // Dozens of nodes, a hundred links and their labels: a good share of the picture is drawn on.
    assert!(inked > 0.05, "only {:.1}% of the pixels are drawn on", inked * 100.0);
}

#[test]
fn png_takes_the_requested_width_for_empty_and_cyclic_maps() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("empty.ron", EMPTY), ("loops.ron", CYCLIC)] {
        let map = write_map(dir.path(), name, text);
        let out = dir.path().join(format!("{name}.png"));
        let run = detmap(&["export", path(&map), "--png", path(&out), "--width", "900"]);
        assert!(run.status.success(), "{name}: {}", String::from_utf8_lossy(&run.stderr));
        let (w, h, inked) = decode_png(&out);
        assert_eq!(w, 900, "{name}");
        assert!(h > 100 && inked > 0.005, "{name}: {w} × {h}, {inked}");
    }
}

#[test]
fn svg_and_png_are_written_together() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "loops.ron", CYCLIC);
    let (svg, png) = (dir.path().join("m.svg"), dir.path().join("m.png"));
    let run = detmap(&[
        "export",
        path(&map),
        "--svg",
        path(&svg),
        "--png",
        path(&png),
        "--width",
        "640",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let text = std::fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&text).expect("the SVG file is XML");
    assert_eq!(decode_png(&png).0, 640);
}

#[test]
fn a_png_width_of_zero_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    let run = detmap(&["export", path(&chile()), "--png", path(&out), "--width", "0"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!out.exists());
}

/// The first point of each node's outline in an SVG file, by node kind.
fn outline_starts(svg: &str, kind: &str) -> Vec<(f32, f32)> {
    let doc = roxmltree::Document::parse(svg).unwrap();
    doc.descendants()
        .filter(|n| n.attribute("data-kind") == Some(kind))
        .map(|g| {
            let points = g
                .children()
                .find(|n| n.has_tag_name("polygon"))
                .unwrap()
                .attribute("points")
                .unwrap();
            let (x, y) = points.split(' ').next().unwrap().split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

#[test]
fn a_map_without_positions_is_drawn_with_the_flow_layout() {
    let dir = tempfile::tempdir().unwrap();
    let map = write_map(dir.path(), "loops.ron", CYCLIC);
    let out = dir.path().join("m.svg");
    let run = detmap(&["export", path(&map), "--svg", path(&out)]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("flow layout"), "says so");
    let starts = outline_starts(&std::fs::read_to_string(&out).unwrap(), "determinant");
    assert_eq!(starts.len(), 3);
    assert!(
        starts[0] != starts[1] && starts[1] != starts[2] && starts[0] != starts[2],
        "{starts:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&map).unwrap(),
        CYCLIC,
        "the map file is not changed"
    );
}

#[test]
fn layout_flow_puts_the_stages_in_one_column_and_saved_keeps_the_file_positions() {
    let dir = tempfile::tempdir().unwrap();
    let (flow, saved) = (dir.path().join("flow.svg"), dir.path().join("saved.svg"));
    assert!(
        detmap(&["export", path(&chile()), "--svg", path(&flow), "--layout", "flow"])
            .status
            .success()
    );
    assert!(
        detmap(&["export", path(&chile()), "--svg", path(&saved)])
            .status
            .success()
    );
    let flow_stages = outline_starts(&std::fs::read_to_string(&flow).unwrap(), "stage");
    assert_eq!(flow_stages.len(), 7);
    assert!(flow_stages.iter().all(|s| s.0 == flow_stages[0].0), "{flow_stages:?}");
    let (flow_dets, saved_dets) = (
        outline_starts(&std::fs::read_to_string(&flow).unwrap(), "determinant"),
        outline_starts(&std::fs::read_to_string(&saved).unwrap(), "determinant"),
    );
    assert_ne!(flow_dets, saved_dets, "the flow layout moved the determinants");
}
