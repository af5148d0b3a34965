//! `detmap import` run as a user runs it: a workbook in, a map out (written atomically through the
//! saver), or every problem out and nothing written.

use rust_xlsxwriter::Workbook;
use std::path::Path;
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn s(p: &Path) -> String {
    p.display().to_string()
}

fn write_workbook(path: &Path, elements: &[[&str; 3]], connections: &[[&str; 3]]) {
    let mut book = Workbook::new();
    for (name, rows) in [("Elements", elements), ("Connections", connections)] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, *cell).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_workbook_becomes_a_map_that_validates() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("workshop.xlsx");
    write_workbook(
        &input,
        &[
            ["Label", "Type", "Colour"],
            ["Trust in the process", "Civil society", "red"],
            ["Adoption", "stage", ""],
        ],
        &[["From", "To", "Sign"], ["Trust in the process", "adoption", "+"]],
    );
    let out = dir.path().join("workshop.ron");
    let o = detmap(&["import", &s(&input), "--output", &s(&out)]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("note: ")
            && stderr.contains(
                "workshop.xlsx:Elements: columns not understood, kept in the notes as `column: value`: Colour (C)"
            ),
        "{stderr}"
    );
    assert!(stderr.contains("1 stage, 1 determinant, 1 influence"), "{stderr}");
    assert_eq!(detmap(&["validate", &s(&out)]).status.code(), Some(0));
    let o = detmap(&["analyze", &s(&out), "--format", "csv"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Trust in the process"));
}

#[test]
fn csv_files_exported_by_detmap_import_back() {
    let dir = tempfile::tempdir().unwrap();
    let chile = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron");
    let (dets, infs) = (dir.path().join("d.csv"), dir.path().join("i.csv"));
    let o = detmap(&[
        "export",
        &s(&chile),
        "--determinants",
        &s(&dets),
        "--influences",
        &s(&infs),
    ]);
    assert_eq!(o.status.code(), Some(0));
    let out = dir.path().join("back.ron");
    let o = detmap(&["import", &s(&dets), &s(&infs), "-o", &s(&out)]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let (old, new) = (
        detmap::format::load_file(&chile).unwrap(),
        detmap::format::load_file(&out).unwrap(),
    );
    assert_eq!(new.determinants.len(), old.determinants.len());
    assert_eq!(new.influences.len(), old.influences.len());
    for (a, b) in old.determinants.iter().zip(&new.determinants) {
        assert_eq!(
            (&a.id, &a.label, &a.categories, a.nature),
            (&b.id, &b.label, &b.categories, b.nature)
        );
    }
}

#[test]
fn a_broken_workbook_lists_its_problems_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("workshop.xlsx");
    write_workbook(
        &input,
        &[
            ["Label", "Nature", "Locus"],
            ["Trust in the process", "sometimes", "inside"],
            ["Adoption", "", ""],
        ],
        &[
            ["From", "To", "Sign"],
            ["Trust in the process", "Trsut in the process", "+"],
        ],
    );
    let out = dir.path().join("workshop.ron");
    std::fs::write(&out, "the user's earlier file").unwrap();
    let o = detmap(&["import", &s(&input), "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    let file = s(&input);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!(
            "{file}:Elements:2:B: `sometimes` is not a nature: expected structural or pressure point\n\
             {file}:Connections:2:B: no element is labelled \"Trsut in the process\"\n"
        )
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "the user's earlier file");
    let o = detmap(&["import", &s(&dir.path().join("nothing.xlsx")), "--output", &s(&out)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("nothing.xlsx: cannot read the file"));
}

#[test]
fn every_sample_exported_as_a_workbook_imports_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        let (xlsx, back) = (dir.path().join("map.xlsx"), dir.path().join("back.ron"));
        let o = detmap(&["export", &s(&path), "--xlsx", &s(&xlsx)]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        let o = detmap(&["import", &s(&xlsx), "--output", &s(&back)]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
        // A workbook has elements, connections and the matrix, not a presentation: the map comes
        // back whole but for its steps.
        let mut expected = detmap::format::load_file(&path).unwrap();
        expected.presentation.clear();
        assert_eq!(
            std::fs::read_to_string(&back).unwrap(),
            detmap::format::to_string(&expected),
            "{}",
            path.display()
        );
    }
}
