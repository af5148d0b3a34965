//! Importing workbooks written the way Kumu, PRSM and a workshop's typist write them (built here
//! with rust_xlsxwriter), an .ods file, and broken sheets: every problem at once, located.

use detmap::import::{ImportError, Imported, Input, import};
use detmap::model::*;
use rust_xlsxwriter::Workbook;

/// A workbook: each sheet a name and rows of cells; a cell that reads as a number is written as
/// one (as spreadsheets store positions and styles), an empty cell is left out.
fn workbook(sheets: &[(&str, Vec<Vec<&str>>)]) -> Vec<u8> {
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                match cell.parse::<f64>() {
                    Ok(n) => sheet.write_number(r as u32, c as u16, n).unwrap(),
                    Err(_) => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
                };
            }
        }
    }
    book.save_to_buffer().unwrap()
}

fn import_one(name: &str, bytes: Vec<u8>) -> Result<Imported, ImportError> {
    import(vec![Input {
        name: name.into(),
        bytes,
    }])
}

fn det<'m>(map: &'m Map, label: &str) -> &'m Determinant {
    map.determinants
        .iter()
        .find(|d| d.label == label)
        .unwrap_or_else(|| panic!("no {label}"))
}

fn links(map: &Map) -> Vec<(String, String, Sign)> {
    map.influences
        .iter()
        .map(|i| (map.label_of(&i.from).to_owned(), map.label_of(&i.to).to_owned(), i.sign))
        .collect()
}

#[test]
fn a_kumu_workbook_imports_as_kumu_writes_it() {
    let bytes = workbook(&[
        (
            "Elements",
            vec![
                vec!["Label", "Type", "Description", "Tags", "Image"],
                vec![
                    "Political will",
                    "Political will",
                    "The executive's commitment",
                    "prosecution|prevention",
                    "http://img/1.png",
                ],
                vec!["Civil society pressure", "Civil society", "", "partnership", ""],
                vec!["Adoption of legislation", "Stage", "Law 20.507", "", ""],
                vec!["Implementation", "stage of response", "", "", ""],
            ],
        ),
        (
            "Connections",
            vec![
                vec!["From", "To", "Connection Type", "Direction", "Strength"],
                vec!["Political will", "Adoption of legislation", "+", "directed", "Strong"],
                vec![
                    "Civil society pressure",
                    "Political will|Implementation",
                    "enables",
                    "",
                    "",
                ],
                vec!["  POLITICAL will ", "Implementation", "-", "", "weak"],
            ],
        ),
        ("Notes (ignore)", vec![vec!["anything"]]),
    ]);
    let imported = import_one("kumu.xlsx", bytes).unwrap();
    let map = &imported.map;
    assert!(validate(map).is_empty());
    assert_eq!(map.title, "kumu");
    let stages: Vec<_> = map
        .stages
        .iter()
        .map(|s| (s.label.as_str(), s.description.as_str()))
        .collect();
    assert_eq!(
        stages,
        vec![("Adoption of legislation", "Law 20.507"), ("Implementation", "")]
    );
    let will = det(map, "Political will");
    assert_eq!(will.categories, vec!["Political will"]);
    assert_eq!(will.tags, vec!["prosecution", "prevention"]);
    assert_eq!(will.notes, "The executive's commitment\n\nImage: http://img/1.png");
    assert_eq!(det(map, "Civil society pressure").categories, vec!["Civil society"]);
    assert_eq!(
        map.categories.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        vec!["Political will", "Civil society"]
    );
    assert_eq!(map.tags, vec!["prosecution", "prevention", "partnership"]);
    assert_eq!(
        links(map),
        vec![
            ("Political will".into(), "Adoption of legislation".into(), Sign::Enables),
            ("Civil society pressure".into(), "Political will".into(), Sign::Enables),
            ("Civil society pressure".into(), "Implementation".into(), Sign::Enables),
            ("Political will".into(), "Implementation".into(), Sign::Hinders),
        ]
    );
    assert_eq!(map.influences[0].strength, Some(Level::High));
    assert_eq!(map.influences[3].strength, Some(Level::Low));
    assert_eq!(map.influences[0].note, "Direction: directed");
    // No positions in the sheet: the flow layout placed everything.
    assert!(!detmap::layout::has_no_saved_layout(map));
    let notices: Vec<String> = imported.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices.contains(
            &"kumu.xlsx:Elements: columns not understood, kept in the notes as `column: value`: Image (E)".to_owned()
        ),
        "{notices:#?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| n.starts_with("kumu.xlsx:Connections: columns not understood") && n.contains("Direction (D)"))
    );
}

#[test]
fn a_prsm_workbook_imports_as_prsm_writes_it() {
    // PRSM's Excel export: sheets Factors and Links, lower-case headings, labels wrapped over
    // lines, positions and style numbers as numbers, notes under "Note", links by label.
    let bytes = workbook(&[
        (
            "Factors",
            vec![
                vec!["label", "shape", "x", "y", "style", "Note", "creator"],
                vec![
                    "Trust in\nthe process",
                    "box",
                    "-120",
                    "40.5",
                    "1",
                    "Said twice in the room",
                    "Ana",
                ],
                vec!["Regional\ndialogues", "ellipse", "200", "-60", "2", "", ""],
                vec!["Political\nwill", "box", "0", "0", "1", "", ""],
            ],
        ),
        (
            "Links",
            vec![
                vec!["from", "to", "label", "style", "Note"],
                vec![
                    "Regional\ndialogues",
                    "Trust in\nthe process",
                    "",
                    "1",
                    "From the Lima workshop",
                ],
                vec!["Trust in\nthe process", "Political\nwill", "builds", "2", ""],
            ],
        ),
    ]);
    let imported = import_one("prsm-map.xlsx", bytes).unwrap();
    let map = &imported.map;
    assert!(validate(map).is_empty());
    let trust = det(map, "Trust in the process");
    assert_eq!(trust.position, Position::new(-120.0, 40.5));
    assert_eq!(
        trust.notes,
        "Said twice in the room\n\nshape: box\nstyle: 1\ncreator: Ana"
    );
    assert_eq!(trust.categories, vec![detmap::import::UNCATEGORISED]);
    assert_eq!(det(map, "Political will").position, Position::new(0.0, 0.0));
    assert_eq!(
        links(map),
        vec![
            (
                "Regional dialogues".into(),
                "Trust in the process".into(),
                Sign::Enables
            ),
            ("Trust in the process".into(), "Political will".into(), Sign::Enables),
        ]
    );
    assert_eq!(map.influences[0].note, "From the Lima workshop\n\nstyle: 1");
    assert_eq!(map.influences[1].note, "label: builds\nstyle: 2");
    let notices: Vec<String> = imported.notices.iter().map(|n| n.to_string()).collect();
    assert!(
        notices.iter().any(|n| n.contains("in the category \"Uncategorised\"")),
        "{notices:#?}"
    );
}

#[test]
fn broken_rows_are_all_reported_at_once_with_sheet_row_and_column() {
    let mut connections = vec![vec!["From", "To", "Sign"]];
    for _ in 2..14 {
        connections.push(vec!["Political will", "Trust in the process", "+"]);
    }
    connections.push(vec!["Political will", "Trsut in the process", "+"]); // row 14
    connections.push(vec!["Political will", "Trust in the process", "maybe"]); // row 15
    connections.push(vec!["Adoption", "Political will", ""]); // row 16: out of a stage
    let bytes = workbook(&[
        (
            "Elements",
            vec![
                vec!["Label", "Type", "Locus", "X"],
                vec!["Trust in the process", "", "internal", ""],
                vec!["", "Civil society", "", ""],
                vec!["Political will", "", "abroad", ""],
                vec!["Adoption", "stage", "", "12"],
            ],
        ),
        ("Connections", connections),
    ]);
    let e = import_one("workshop.xlsx", bytes).unwrap_err();
    let lines: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "workshop.xlsx:Elements:3:A: the element has no label",
            "workshop.xlsx:Elements:4:C: `abroad` is not a locus: expected internal or external",
            "workshop.xlsx:Connections:14:B: no element is labelled \"Trsut in the process\"",
            "workshop.xlsx:Connections:15:C: `maybe` is not a sign: expected + or - (or enables, hinders, same, opposite, positive, negative)",
            "workshop.xlsx:Connections:16:A: \"Adoption\" is a stage of response: influences go out of determinants only",
        ]
    );
}

#[test]
fn missing_columns_and_stray_values_are_problems_too() {
    let bytes = workbook(&[
        ("Elements", vec![vec!["Name?", "Type"], vec!["A", "x", "stray"]]),
        ("Connections", vec![vec!["From", "Towards"], vec!["A", "B"]]),
    ]);
    let e = import_one("w.xlsx", bytes).unwrap_err();
    let lines: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        lines,
        vec![
            "w.xlsx:Elements:2:C: a value in column C, which has no heading: give the column a heading (row 1) or clear it",
        ]
    );
    let bytes = workbook(&[
        ("Elements", vec![vec!["Name?", "Type"], vec!["A", "x"]]),
        ("Connections", vec![vec!["From", "Towards"], vec!["A", "B"]]),
    ]);
    let lines: Vec<String> = import_one("w.xlsx", bytes)
        .unwrap_err()
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert_eq!(
        lines,
        vec![
            "w.xlsx:Elements:1: no Label column: an elements sheet needs a column headed Label",
            "w.xlsx:Connections:1: no To column: a connections sheet needs columns headed From and To",
        ]
    );
}

#[test]
fn ambiguous_labels_ask_for_ids_and_ids_are_used_when_given() {
    let bytes = workbook(&[
        (
            "Elements",
            vec![
                vec!["ID", "Label"],
                vec!["a1", "Media"],
                vec!["a2", "média"],
                vec!["b", "Law"],
            ],
        ),
        (
            "Connections",
            vec![vec!["From", "To"], vec!["a2", "b"], vec!["MEDIA", "b"]],
        ),
    ]);
    let e = import_one("w.xlsx", bytes).unwrap_err();
    assert_eq!(
        e.problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        vec!["w.xlsx:Connections:3:A: 2 elements are labelled \"MEDIA\" (rows 2, 3): name it by its ID"]
    );
}

#[test]
fn a_duplicate_id_is_located_at_its_second_use() {
    let bytes = workbook(&[
        ("Elements", vec![vec!["ID", "Label"], vec!["x", "A"], vec!["x", "B"]]),
        ("Connections", vec![vec!["From", "To"]]),
    ]);
    let e = import_one("w.xlsx", bytes).unwrap_err();
    assert_eq!(
        e.to_string(),
        "w.xlsx:Elements:3:A: the id `x` is already used by \"A\" (row 2)"
    );
}

#[test]
fn an_ods_workbook_imports() {
    // Made by tests/data/import/make_ods.py (see tests/data/import/README.md).
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/import/workshop.ods")).unwrap();
    let imported = import_one("workshop.ods", bytes).unwrap();
    let map = &imported.map;
    assert!(validate(map).is_empty());
    assert_eq!(map.stages.len(), 1);
    assert_eq!(map.stages[0].label, "Adoption of legislation");
    let will = det(map, "Political will");
    assert_eq!(will.nature, Some(Nature::PressurePoint));
    assert_eq!(will.locus, Some(Locus::Internal));
    assert_eq!(will.position, Position::new(10.0, 20.0));
    assert_eq!(
        links(map),
        vec![
            ("Political will".into(), "Adoption of legislation".into(), Sign::Enables),
            ("Media".into(), "Political will".into(), Sign::Hinders),
        ]
    );
}

#[test]
fn files_that_are_not_spreadsheets_are_refused_by_name() {
    let e = import_one("map.ron", b"(format_version: 2)".to_vec()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "map.ron: not a spreadsheet detmap imports: give an .xlsx or .ods workbook, or .csv files"
    );
    let e = import_one("broken.xlsx", b"PK not really a zip".to_vec()).unwrap_err();
    assert!(
        e.to_string().starts_with("broken.xlsx: cannot read the workbook"),
        "{e}"
    );
}
