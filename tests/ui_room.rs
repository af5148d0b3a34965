//! The room's work in the window, driven headless (egui_kittest) with scripted file dialogs:
//! File › Import… (a workbook as a new unsaved map; a broken one shown located, nothing imported),
//! File › Merge… (one undo step; a conflict resolved by a click in the review list, one more step)
//! and View › Compare with… (the differences listed beside the canvas; a click selects the item).
#![cfg(feature = "gui")]

mod common;

use common::window::window;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::format;
use detmap::model::*;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rust_xlsxwriter::Workbook;
use std::path::{Path, PathBuf};

/// A small map: two determinants feeding one stage; `nature` codes the first determinant.
fn small(nature: Nature, extra: Option<&str>) -> Map {
    let policy = vec!["Policy".to_owned()];
    let mut d1 = Determinant::uncoded("d1", "Regional dialogues", policy.clone(), Position::new(0.0, 0.0));
    d1.nature = Some(nature);
    let d2 = Determinant::uncoded("d2", "Trust in the process", policy.clone(), Position::new(0.0, 200.0));
    let mut determinants = vec![d1, d2];
    if let Some(label) = extra {
        determinants.push(Determinant::uncoded("d3", label, policy, Position::new(0.0, 400.0)));
    }
    let link = |id: &str, from: &str| Influence {
        id: id.into(),
        from: from.into(),
        to: "s1".into(),
        sign: Sign::Enables,
        strength: None,
        confidence: None,
        note: String::new(),
        evidence: vec![],
    };
    Map {
        title: "Workshop".into(),
        categories: vec![Category {
            name: "Policy".into(),
            colour: Colour([0x4e, 0x79, 0xa7]),
        }],
        stages: vec![Stage {
            id: "s1".into(),
            label: "Agenda setting".into(),
            description: String::new(),
            position: Position::new(400.0, 100.0),
        }],
        determinants,
        influences: vec![link("i1", "d1"), link("i2", "d2")],
        ..Map::default()
    }
}

fn saved(dir: &Path, name: &str, map: &Map) -> PathBuf {
    let path = dir.join(name);
    format::save_file(&path, map).unwrap();
    path
}

/// Opens `menu` › `item`, the file dialog answering `path`.
fn menu(h: &mut Harness<'_, DetmapApp>, dialogs: &ScriptedDialogs, menu: &str, item: &str, path: &Path) {
    dialogs.answer(Some(path.to_owned()));
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label(item).click();
    h.run();
    h.run();
}

fn map<'h>(h: &'h Harness<'_, DetmapApp>) -> &'h Map {
    &h.state().state().doc.map
}

fn nature_of_d1(h: &Harness<'_, DetmapApp>) -> Option<Nature> {
    map(h).determinant(&"d1".into()).unwrap().nature
}

fn undo(h: &mut Harness<'_, DetmapApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

/// A workbook as a workshop's typist makes one: the elements, then the connections.
fn workbook(connections: &[[&str; 3]]) -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Elements").unwrap();
    for (r, row) in [
        ["Label", "Type", "Nature"],
        ["Regional dialogues", "determinant", "structural"],
        ["Trust in the process", "determinant", ""],
        ["Agenda setting", "stage", ""],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name("Connections").unwrap();
    for (r, row) in [["From", "To", "Type"]].iter().chain(connections).enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn import_a_workbook_as_a_new_unsaved_map_and_a_broken_one_is_shown_located() {
    let dir = tempfile::tempdir().unwrap();
    let start = saved(dir.path(), "start.ron", &small(Nature::Structural, None));
    let good = dir.path().join("workshop.xlsx");
    std::fs::write(
        &good,
        workbook(&[
            ["Regional dialogues", "Agenda setting", "+"],
            ["Trust in the process", "Regional dialogues", "-"],
        ]),
    )
    .unwrap();
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(
        &broken,
        workbook(&[
            ["Regional dialogues", "Agenda setting", "+"],
            ["Trsut in the process", "Regional dialogues", "sideways"],
        ]),
    )
    .unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &start);
    menu(&mut h, &dialogs, "File", "Import…", &broken);
    let asked = dialogs.asked.lock().unwrap().last().cloned().unwrap();
    assert_eq!(asked.filter.1, &["xlsx", "ods", "csv"]);
    // Every problem, with its sheet, row and column; the map that was open stays.
    h.get_by_label_contains("broken.xlsx:Connections:3:A: no element is labelled \"Trsut in the process\"");
    h.get_by_label_contains("broken.xlsx:Connections:3:C:");
    assert_eq!(*map(&h), small(Nature::Structural, None));
    assert_eq!(h.state().state().doc.path.as_deref(), Some(start.as_path()));

    menu(&mut h, &dialogs, "File", "Import…", &good);
    let state = h.state().state();
    assert!(state.load_problem.is_none(), "a good import clears the banner");
    assert_eq!(state.doc.path, None, "an imported map has no file yet");
    assert!(state.doc.is_dirty(), "and is unsaved");
    assert_eq!(state.doc.map.title, "workshop");
    assert_eq!(state.doc.map.determinants.len(), 2);
    assert_eq!(state.doc.map.influences.len(), 2);
    let status = state.status.as_deref().unwrap_or_default();
    assert!(
        status.starts_with(
            "Imported workshop.xlsx: 2 determinants, 2 influences, 1 stage. 2 determinants name no category"
        ),
        "what was imported, and what the import noticed: {status}"
    );
    h.get_by_label_contains("Regional dialogues");

    // Unsaved: another import asks first, and Cancel keeps the map.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import…").click();
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().state().doc.map.title, "workshop");
}

#[test]
fn merge_is_one_undo_step_and_a_conflict_is_resolved_by_a_click() {
    let dir = tempfile::tempdir().unwrap();
    let a = saved(dir.path(), "group-a.ron", &small(Nature::Structural, None));
    let b = saved(
        dir.path(),
        "group-b.ron",
        &small(Nature::PressurePoint, Some("Media attention")),
    );
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &a);
    let before = map(&h).clone();

    menu(&mut h, &dialogs, "File", "Merge…", &b);
    assert_eq!(map(&h).determinants.len(), 3, "what group b added is in");
    assert_eq!(nature_of_d1(&h), Some(Nature::Structural), "this map's value stays");
    h.get_by_label("Merge review");
    h.get_by_label_contains("1 conflict to review, 1 item added");
    h.get_by_label_contains("determinant \"Regional dialogues\": nature");
    h.get_by_label("structural (group-a.ron)");

    // Keep group b's value instead.
    h.get_by_label("pressure_point (group-b.ron)").click();
    h.run();
    h.run();
    assert_eq!(nature_of_d1(&h), Some(Nature::PressurePoint));
    let notes = &map(&h).determinant(&"d1".into()).unwrap().notes;
    assert!(notes.contains("[group-a.ron] nature: structural"), "{notes}");

    // Undo the choice: the merge's value is back and the list shows it kept.
    undo(&mut h);
    assert_eq!(nature_of_d1(&h), Some(Nature::Structural));
    assert_eq!(map(&h).determinants.len(), 3);
    // Undo the merge: one step back to the map as it was.
    undo(&mut h);
    assert_eq!(*map(&h), before);
}

#[test]
fn compare_lists_the_differences_and_a_click_selects_the_item() {
    let dir = tempfile::tempdir().unwrap();
    let old = saved(dir.path(), "before.ron", &small(Nature::Structural, None));
    let new = saved(
        dir.path(),
        "after.ron",
        &small(Nature::PressurePoint, Some("Media attention")),
    );
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &new);
    menu(&mut h, &dialogs, "View", "Compare with…", &old);
    h.get_by_label("Comparison");
    h.get_by_label("Compared with before.ron");
    h.get_by_label("1 added, 0 removed, 1 change");
    h.get_by_label("Added in this map (1)");
    h.get_by_label("Changed (1)");
    h.get_by_label("determinant \"Regional dialogues\": nature: structural → pressure_point")
        .click();
    h.run();
    assert!(h.state().state().selection.contains(&"d1".into()));
    h.get_by_label("determinant \"Media attention\"").click();
    h.run();
    assert!(h.state().state().selection.contains(&"d3".into()));
    assert!(!h.state().state().doc.is_dirty(), "comparing changes nothing");

    // An edit is compared again: the difference it removes leaves the list.
    h.key_press(Key::Delete);
    h.run();
    h.run();
    h.get_by_label("0 added, 0 removed, 1 change");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().state().comparison.is_none());
}
