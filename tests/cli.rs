//! The `detmap` command line, run as a user runs it, on the samples and on the broken corpus.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn samples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert!(v.len() >= 4, "the four sample maps are there");
    v
}

fn chile() -> String {
    root().join("samples/chile-anti-trafficking.ron").display().to_string()
}

#[test]
fn every_sample_validates() {
    let paths: Vec<String> = samples().iter().map(|p| p.display().to_string()).collect();
    let args: Vec<&str> = std::iter::once("validate")
        .chain(paths.iter().map(String::as_str))
        .collect();
    let out = detmap(&args);
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        format!("{} files checked: all are valid maps\n", paths.len())
    );
}

#[test]
fn broken_files_give_one_located_line_per_problem_and_exit_1() {
    for entry in std::fs::read_dir(root().join("tests/data/broken")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expect") {
            continue;
        }
        let shown = path.display().to_string();
        let out = detmap(&["validate", &shown]);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{shown}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = stdout(&out);
        assert!(!text.is_empty());
        for line in text.lines() {
            let rest = line
                .strip_prefix(&format!("{shown}:"))
                .unwrap_or_else(|| panic!("`{line}` does not start with the file"));
            let mut parts = rest.splitn(3, ':');
            let (l, c) = (parts.next().unwrap(), parts.next().unwrap());
            assert!(
                l.parse::<usize>().is_ok() && c.parse::<usize>().is_ok(),
                "`{line}` has no LINE:COL"
            );
            assert!(parts.next().is_some_and(|m| m.len() > 5), "`{line}` has no message");
        }
    }
}

#[test]
fn validating_a_mix_reports_only_the_bad_file() {
    let bad = root().join("tests/data/broken/duplicate-id.ron").display().to_string();
    let out = detmap(&["validate", &chile(), &bad, "/no/such/file.ron"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(!text.contains("chile-anti-trafficking"));
    assert!(text.contains("duplicate id `bill-2005`"));
    assert!(text.contains("/no/such/file.ron: cannot read the file"));
}

#[test]
fn analyze_csv_has_the_documented_header_and_one_row_per_feeder() {
    let out = detmap(&["analyze", &chile(), "--format", "csv"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>().join(","),
        "stage_id,stage,determinant_id,determinant,distance,net_effect,path,strongest_confidence"
    );
    let mut rows = 0;
    let mut pairs = std::collections::HashSet::new();
    for record in reader.records() {
        let r = record.unwrap();
        assert!(["enables", "hinders", "mixed"].contains(&&r[5]));
        let path: Vec<&str> = r[6].split('>').collect();
        assert_eq!(path.first(), Some(&&r[2]), "path starts at the determinant");
        assert_eq!(path.last(), Some(&&r[0]), "path ends at the stage");
        assert_eq!(
            path.len() - 1,
            r[4].parse::<usize>().unwrap(),
            "path length is the distance"
        );
        assert!(
            pairs.insert((r[0].to_string(), r[2].to_string())),
            "one row per (stage, determinant)"
        );
        rows += 1;
    }
    assert!(rows > 45);
}

#[test]
fn analyze_one_stage_by_label_or_id() {
    let by_id = stdout(&detmap(&[
        "analyze",
        &chile(),
        "--stage",
        "s2-adoption",
        "--format",
        "csv",
    ]));
    let label = detmap::format::load_file(Path::new(&chile())).unwrap().stages[1]
        .label
        .clone();
    let by_label = stdout(&detmap(&[
        "analyze",
        &chile(),
        "--stage",
        &label.to_uppercase(),
        "--format",
        "csv",
    ]));
    assert_eq!(by_id, by_label);
    assert!(by_id.lines().skip(1).all(|l| l.starts_with("s2-adoption,")));
    let missing = detmap(&["analyze", &chile(), "--stage", "nope"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("no stage has the id or label `nope`") && err.contains("s1-acknowledgment"),
        "{err}"
    );
}

#[test]
fn analyze_json_and_markdown_and_text() {
    let json: serde_json::Value =
        serde_json::from_slice(&detmap(&["analyze", &chile(), "--format", "json"]).stdout).unwrap();
    assert_eq!(json["stages"].as_array().unwrap().len(), 7);
    assert!(json["stages"][0]["feeders"][0]["path"].as_array().unwrap().len() >= 2);
    let md = stdout(&detmap(&["analyze", &chile(), "--format", "markdown"]));
    assert!(md.starts_with("# ") && md.contains("| distance | net effect | determinant | path |"));
    let text = stdout(&detmap(&["analyze", &chile()]));
    assert!(text.contains("determinants feed it"));
}

#[test]
fn export_writes_both_tables_with_their_headers() {
    let dir = tempfile::tempdir().unwrap();
    let (dets, infs) = (dir.path().join("d.csv"), dir.path().join("i.csv"));
    let out = detmap(&[
        "export",
        &chile(),
        "--determinants",
        dets.to_str().unwrap(),
        "--influences",
        infs.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let d = std::fs::read_to_string(&dets).unwrap();
    assert!(d.starts_with("id,label,category,locus,directness,nature,effect,tags\n"));
    let map = detmap::format::load_file(Path::new(&chile())).unwrap();
    assert_eq!(d.lines().count(), map.determinants.len() + 1);
    let i = std::fs::read_to_string(&infs).unwrap();
    assert!(i.starts_with("from,from_label,to,to_label,sign\n"));
    assert_eq!(i.lines().count(), map.influences.len() + 1);
    // `-` is standard output.
    let piped = stdout(&detmap(&["export", &chile(), "--influences", "-"]));
    assert_eq!(piped, i);
    let nothing = detmap(&["export", &chile()]);
    assert_eq!(nothing.status.code(), Some(1));
}

#[test]
fn unknown_values_export_as_empty_cells() {
    let example = root().join("tests/data/valid/example.ron");
    let out = stdout(&detmap(&["export", example.to_str().unwrap(), "--determinants", "-"]));
    // The earthquake's directness is not stated.
    assert!(
        out.contains("earthquake-2010,2010 earthquake,Conflict and natural disasters,internal,,pressure_point,hinder,"),
        "{out}"
    );
}

#[test]
fn generate_is_deterministic_valid_and_has_loops_and_both_signs() {
    let args = [
        "generate",
        "--determinants",
        "300",
        "--influences",
        "1200",
        "--stages",
        "5",
        "--seed",
        "9",
    ];
    let (a, b) = (detmap(&args), detmap(&args));
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
    let other = detmap(&[
        "generate",
        "--determinants",
        "300",
        "--influences",
        "1200",
        "--stages",
        "5",
        "--seed",
        "10",
    ]);
    assert_ne!(a.stdout, other.stdout);
    let map = detmap::format::load_bytes(&a.stdout).expect("generated maps are valid");
    assert_eq!(
        (map.determinants.len(), map.influences.len(), map.stages.len()),
        (300, 1200, 5)
    );
    assert!(map.influences.iter().any(|i| i.sign == detmap::model::Sign::Hinders));
    assert!(map.influences.iter().any(|i| i.sign == detmap::model::Sign::Enables));
    let loops = detmap::analysis::feedback_loops(&detmap::analysis::MapGraph::new(&map), 1);
    assert_eq!(loops.loops.len(), 1);
}

#[test]
fn bad_arguments_are_refused_without_a_panic() {
    for args in [
        &["analyze"][..],
        &["analyze", "/no/such.ron"],
        &["validate"],
        &["generate", "--determinants", "x", "--influences", "1"],
        &["frobnicate", "x"],
    ] {
        let out = detmap(args);
        assert!(
            matches!(out.status.code(), Some(1 | 2)),
            "{args:?} gave {:?}",
            out.status
        );
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn samples_are_kept_in_the_saved_layout_and_fmt_rewrites_others() {
    let paths: Vec<String> = samples().iter().map(|p| p.display().to_string()).collect();
    let args: Vec<&str> = ["fmt", "--check"]
        .into_iter()
        .chain(paths.iter().map(String::as_str))
        .collect();
    let out = detmap(&args);
    assert!(out.status.success(), "{}", stdout(&out));

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hand-edited.ron");
    let text = std::fs::read_to_string(root().join("tests/data/valid/example.ron")).unwrap();
    std::fs::write(&file, text.replace("    ", "  ")).unwrap();
    let f = file.to_str().unwrap();
    assert_eq!(detmap(&["fmt", "--check", f]).status.code(), Some(1));
    assert!(detmap(&["fmt", f]).status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

/// `--help` says what happens without a file (the start screen opens), and every `<FILE>` argument
/// of every subcommand says what the file is for.
#[test]
fn help_describes_every_file_argument_and_the_window_without_a_file() {
    let help = stdout(&detmap(&["--help"]));
    assert!(!help.contains("sample"), "{help}");
    assert!(help.contains("start screen"), "{help}");
    for sub in [&[][..], &["validate"], &["analyze"], &["export"], &["fmt"]] {
        let mut args = sub.to_vec();
        args.push("--help");
        let help = stdout(&detmap(&args));
        let arguments = help
            .split("Arguments:\n")
            .nth(1)
            .unwrap_or_else(|| panic!("{args:?}: {help}"));
        // `<FILE>  text`, or (clap's long layout) `<FILE>` with the text on the next line.
        let mut lines = arguments.lines().skip_while(|l| !l.contains("FILE"));
        let file = lines.next().unwrap_or_else(|| panic!("{args:?}: {help}"));
        let description = match file.trim().split_once(char::is_whitespace) {
            Some((_, d)) => d.trim(),
            None => lines.next().unwrap_or_default().trim(),
        };
        assert!(description.len() > 10, "{args:?}: `{file}` has no description");
    }
}
