//! Format evolution: files of an earlier version open as the same map, and are saved in the current one.
//!
//! `tests/data/v1/` holds real version-1 files: the samples and the documented example exactly as the
//! version-1 writer saved them (taken from git before version 2 existed). `tests/data/v2/` holds the same
//! maps as version 2 first wrote them, and `tests/data/v3/` as version 3 first wrote them (frozen here,
//! so the samples may change). Each version-1 file must open as the same map as its version-2 and
//! version-3 counterparts, each version-2 file as its version-3 counterpart, and saving either must give
//! that version-3 file byte for byte.

use detmap::format;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Each fixture of version `from` with the file of version `to` it must become.
fn fixtures(from: u32, to: u32) -> Vec<(PathBuf, PathBuf)> {
    let mut pairs: Vec<(PathBuf, PathBuf)> = std::fs::read_dir(root().join(format!("tests/data/v{from}")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .map(|old| {
            let new = root().join(format!("tests/data/v{to}")).join(old.file_name().unwrap());
            (old, new)
        })
        .collect();
    pairs.sort();
    assert_eq!(pairs.len(), 5, "the four samples and the example");
    pairs
}

/// Each version-1 fixture with the version-2 file it must become.
fn pairs() -> Vec<(PathBuf, PathBuf)> {
    fixtures(1, 2)
}

#[test]
fn version_1_files_are_version_1_with_positions_in_their_blocks() {
    for (old, _) in pairs() {
        let text = std::fs::read_to_string(&old).unwrap();
        assert!(text.contains("\n    format_version: 1,\n"), "{}", old.display());
        assert!(text.contains("            position: (x: "), "{}", old.display());
        assert!(!text.contains("layout:"), "{}", old.display());
    }
}

#[test]
fn a_version_1_file_opens_as_the_same_map_as_its_version_2_counterpart() {
    for (old, new) in pairs() {
        let migrated = format::load_file(&old).unwrap_or_else(|e| panic!("{e}"));
        let current = format::load_file(&new).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(migrated, current, "{}", old.display());
        // Not vacuous: the positions, which moved, are there and not all at the origin.
        let placed = migrated.determinants.iter().filter(|d| !d.position.is_origin()).count();
        assert!(
            placed * 2 > migrated.determinants.len(),
            "{}: {placed} placed",
            old.display()
        );
    }
}

#[test]
fn saving_a_migrated_file_writes_the_current_version_byte_for_byte() {
    for (old, new) in fixtures(1, 3).into_iter().chain(fixtures(2, 3)) {
        let migrated = format::load_file(&old).unwrap();
        let saved = format::to_string(&migrated);
        assert_eq!(saved, std::fs::read_to_string(&new).unwrap(), "{}", old.display());
        assert!(saved.contains(&format!("\n    format_version: {},\n", format::FORMAT_VERSION)));
        assert!(saved.contains("\n    layout: [\n"));
        assert!(saved.contains("\n    presentation: [],\n"));
    }
}

#[test]
fn version_2_files_are_version_2_without_a_presentation() {
    for (old, _) in fixtures(2, 3) {
        let text = std::fs::read_to_string(&old).unwrap();
        assert!(text.contains("\n    format_version: 2,\n"), "{}", old.display());
        assert!(text.contains("\n    layout: [\n"), "{}", old.display());
        assert!(!text.contains("presentation:"), "{}", old.display());
    }
}

#[test]
fn a_version_2_file_opens_as_the_same_map_as_its_version_3_counterpart() {
    for (old, new) in fixtures(2, 3) {
        let migrated = format::load_file(&old).unwrap_or_else(|e| panic!("{e}"));
        let current = format::load_file(&new).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(migrated, current, "{}", old.display());
        assert!(migrated.presentation.is_empty());
        // Not vacuous: the maps have their content and their positions.
        assert!(migrated.influences.len() >= 4, "{}", old.display());
        assert!(migrated.determinants.iter().any(|d| !d.position.is_origin()));
    }
}

/// A version-2 file keeps version 2's rules: a presentation, which version 3 added, is refused, located.
#[test]
fn a_version_2_file_with_a_presentation_is_refused_not_half_read() {
    let old = std::fs::read_to_string(root().join("tests/data/v2/example.ron")).unwrap();
    let broken = old.replace("    layout: [", "    presentation: [],\n    layout: [");
    let problems = format::load_str(&broken).unwrap_err();
    assert!(
        problems[0]
            .message
            .starts_with("unknown field `presentation` in the map"),
        "{problems:?}"
    );
    let at = problems[0].at.unwrap();
    let line = broken.lines().position(|l| l.starts_with("    presentation")).unwrap() + 1;
    assert_eq!(at.line, line);
    // The same file as version 3 opens.
    let current = broken.replace("format_version: 2,", "format_version: 3,");
    assert_eq!(format::load_str(&current).unwrap(), format::load_str(&old).unwrap());
}

/// Every position of a version-1 file survives, including the ones at the origin and unusual ones.
#[test]
fn every_position_moves_to_the_layout() {
    let old = r##"(
    format_version: 1,
    title: "t",
    stages: [(id: "s1", label: "S", position: (x: -0.5, y: 123456.5))],
    categories: [(name: "C", colour: "#000000")],
    determinants: [
        (id: "d1", label: "A", categories: ["C"], position: (x: 3.25, y: -7.0)),
        (id: "d2", label: "B", categories: ["C"]),
    ],
    influences: [(id: "i1", from: "d1", to: "s1", sign: enables)],
)"##;
    let map = format::load_str(old).unwrap();
    assert_eq!((map.stages[0].position.x, map.stages[0].position.y), (-0.5, 123456.5));
    assert_eq!(
        (map.determinants[0].position.x, map.determinants[0].position.y),
        (3.25, -7.0)
    );
    assert!(map.determinants[1].position.is_origin());
    let saved = format::to_string(&map);
    assert!(saved.contains("(id: \"s1\", x: -0.5, y: 123456.5)"), "{saved}");
    assert!(saved.contains("(id: \"d1\", x: 3.25, y: -7.0)"), "{saved}");
    assert!(
        !saved.contains("(id: \"d2\", x:"),
        "a node at the origin is left out: {saved}"
    );
    assert_eq!(format::load_str(&saved).unwrap(), map);
}

/// A version-1 file keeps version 1's rules: a field it did not have is refused, located, not dropped.
#[test]
fn a_version_1_file_with_a_layout_is_refused_not_half_read() {
    let old = std::fs::read_to_string(root().join("tests/data/v1/example.ron")).unwrap();
    let broken = old.replace("    influences: [", "    layout: [],\n    influences: [");
    let problems = format::load_str(&broken).unwrap_err();
    assert!(
        problems[0].message.starts_with("unknown field `layout` in the map"),
        "{problems:?}"
    );
}

/// The version is read wherever it is, not only first, and decides the schema.
#[test]
fn the_version_decides_the_schema_wherever_it_is() {
    let v1_last = r#"(title: "t", stages: [(id: "s1", label: "S", position: (x: 1.0, y: 2.0))], format_version: 1)"#;
    let map = format::load_str(v1_last).unwrap();
    assert_eq!((map.stages[0].position.x, map.stages[0].position.y), (1.0, 2.0));
    let v2_last =
        r#"(title: "t", stages: [(id: "s1", label: "S")], layout: [(id: "s1", x: 1.0, y: 2.0)], format_version: 2)"#;
    assert_eq!(format::load_str(v2_last).unwrap(), map);
    let v3_last = r#"(title: "t", stages: [(id: "s1", label: "S")], layout: [(id: "s1", x: 1.0, y: 2.0)], presentation: [], format_version: 3)"#;
    assert_eq!(format::load_str(v3_last).unwrap(), map);
    // A version-2 file whose version is last is still read by version 2's rules.
    let v2_with_steps = r#"(title: "t", presentation: [], format_version: 2)"#;
    let problems = format::load_str(v2_with_steps).unwrap_err();
    assert!(
        problems[0].message.starts_with("unknown field `presentation`"),
        "{problems:?}"
    );
}

/// A version-1 file with no positions has version 2's shape too; wherever its version is, it is read as
/// version 1 (and not refused as an unknown version).
#[test]
fn a_version_1_file_without_positions_opens_wherever_its_version_is() {
    for text in [
        r#"(title: "t", format_version: 1)"#,
        r#"(title: "t", stages: [(id: "s1", label: "S")], format_version: 1)"#,
        r#"(format_version: 1, title: "t", stages: [(id: "s1", label: "S")])"#,
    ] {
        let map = format::load_str(text).unwrap_or_else(|e| panic!("{text}: {e:?}"));
        assert_eq!(map.title, "t");
    }
    // Version 1's rules still hold for it: no layout.
    let problems = format::load_str(r#"(title: "t", layout: [], format_version: 1)"#).unwrap_err();
    assert!(
        problems[0].message.starts_with("unknown field `layout`"),
        "{problems:?}"
    );
}

/// Other versions are refused for their version, located at it.
#[test]
fn other_versions_are_refused_at_their_version() {
    for (text, says) in [
        (
            "(format_version: 4, title: \"t\", wings: 2)",
            "written in file format 4 by a newer Determinant Mapper",
        ),
        ("(format_version: 0, title: \"t\")", "unknown file format version 0"),
        ("(title: \"t\", format_version: 9)", "written in file format 9"),
    ] {
        let problems = format::load_str(text).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains(says), "{text}: {problems:?}");
        let at = problems[0].at.expect("located");
        let column = text.find("format_version").unwrap() + "format_version: ".len() + 1;
        assert_eq!((at.line, at.col), (1, column), "{text}");
    }
}
