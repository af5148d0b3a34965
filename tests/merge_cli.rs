//! `detmap merge` and `detmap diff` run as a user runs them, on a sample and edited copies of it.

use detmap::format;
use detmap::model::*;
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

fn chile_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")
}

/// The Chile sample, and a copy saved in `dir` as `name` after `edit`.
fn edited(dir: &Path, name: &str, edit: impl FnOnce(&mut Map)) -> (Map, String) {
    let mut map = format::load_file(&chile_path()).unwrap();
    edit(&mut map);
    let path = dir.join(name);
    format::save_file(&path, &map).unwrap();
    (map, path.display().to_string())
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

#[test]
fn merging_a_map_with_itself_writes_the_same_file_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("merged.ron");
    let chile = s(&chile_path());
    let o = detmap(&["merge", &chile, &chile, "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout(&o), "");
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(chile_path()).unwrap());
}

#[test]
fn conflicts_are_listed_one_per_line_and_the_merge_is_written_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let (a, a_path) = edited(dir.path(), "group-a.ron", |_| {});
    let (b, b_path) = edited(dir.path(), "group-b.ron", |m| {
        let d = &mut m.determinants[0];
        d.nature = Some(if d.nature == Some(Nature::Structural) {
            Nature::PressurePoint
        } else {
            Nature::Structural
        });
        m.determinants.push(Determinant {
            id: "group-b-new".into(),
            label: "Regional dialogues".into(),
            ..m.determinants[0].clone()
        });
        m.determinants.last_mut().unwrap().evidence.clear();
    });
    let out = dir.path().join("merged.ron");
    let o = detmap(&["merge", &a_path, &b_path, "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(1), "{}", String::from_utf8_lossy(&o.stderr));
    let d = (&a.determinants[0], &b.determinants[0]);
    let word = |n: Option<Nature>| n.map_or("unknown".to_owned(), |n| n.to_string());
    assert_eq!(
        stdout(&o),
        format!(
            "conflict: determinant \"{}\": nature: {} (group-a.ron) / {} (group-b.ron)\n",
            d.0.label,
            word(d.0.nature),
            word(d.1.nature)
        )
    );
    let merged = format::load_file(&out).unwrap();
    assert_eq!(merged.determinants.len(), a.determinants.len() + 1);
    assert_eq!(merged.determinants[0].nature, a.determinants[0].nature);
    assert!(
        merged.determinants[0]
            .notes
            .ends_with(&format!("[group-b.ron] nature: {}", word(d.1.nature)))
    );
}

#[test]
fn a_file_that_does_not_load_is_exit_2_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "( format_version: 2, title: ").unwrap();
    let out = dir.path().join("merged.ron");
    let o = detmap(&["merge", &s(&chile_path()), &s(&bad), "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("bad.ron:1:"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!out.exists());
    let o = detmap(&["diff", &s(&chile_path()), &s(&dir.path().join("missing.ron"))]);
    assert_eq!(o.status.code(), Some(2));
    let o = detmap(&["merge", &s(&chile_path()), "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(2), "one map is not a merge (clap refuses it)");
}

#[test]
fn diff_lists_changes_by_label_and_exits_1_only_when_the_maps_differ() {
    let dir = tempfile::tempdir().unwrap();
    let chile = s(&chile_path());
    let o = detmap(&["diff", &chile, &chile]);
    assert_eq!((o.status.code(), stdout(&o)), (Some(0), String::new()));

    let (old, _) = edited(dir.path(), "old.ron", |_| {});
    let (new, new_path) = edited(dir.path(), "new.ron", |m| {
        m.determinants[1].directness = None;
        let gone = m.influences.remove(0);
        let _ = gone;
        m.determinants[2].position.x += 50.0;
    });
    let o = detmap(&["diff", &chile, &new_path]);
    assert_eq!(o.status.code(), Some(1));
    let i = &old.influences[0];
    let expected = format!(
        "changed determinant \"{}\": directness: {} → unknown\nremoved influence \"{}\" → \"{}\"\n",
        new.determinants[1].label,
        old.determinants[1].directness.unwrap(),
        old.label_of(&i.from),
        old.label_of(&i.to)
    );
    assert_eq!(stdout(&o), expected);

    let o = detmap(&["diff", &chile, &new_path, "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(json[0]["change"], "changed");
    assert_eq!(json[0]["kind"], "determinant");
    assert_eq!(json[0]["field"], "directness");
    assert_eq!(json[0]["after"], "unknown");
    assert_eq!(json[1]["change"], "removed");
    assert_eq!(json[1]["kind"], "influence");

    let o = detmap(&["diff", &chile, &new_path, "--layout"]);
    assert!(
        stdout(&o).contains(&format!(
            "changed determinant \"{}\": position: (",
            new.determinants[2].label
        )),
        "{}",
        stdout(&o)
    );

    // Moving boxes alone is no difference, unless asked.
    let (_, moved) = edited(dir.path(), "moved.ron", |m| m.stages[0].position.y -= 30.0);
    assert_eq!(detmap(&["diff", &chile, &moved]).status.code(), Some(0));
    assert_eq!(detmap(&["diff", &chile, &moved, "--layout"]).status.code(), Some(1));
}
