//! The window says what Undo and Redo will do, and says "the map you had open is unchanged" only
//! when a map was open: driven as a user drives it (egui_kittest, keys and clicks, scripted dialogs).
#![cfg(feature = "gui")]

mod common;

use common::window::window;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::format;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

const UNCHANGED: &str = "The map you had open is unchanged.";

fn sample_file(dir: &Path) -> std::path::PathBuf {
    let file = dir.join("workshop.ron");
    let sample = detmap::samples::default_sample().unwrap().load().unwrap();
    format::save_file(&file, &sample).unwrap();
    file
}

fn stages(h: &Harness<'_, DetmapApp>) -> usize {
    h.state().state().doc.map.stages.len()
}

/// Opens the Edit menu by clicking it.
fn edit_menu(h: &mut Harness<'_, DetmapApp>) {
    h.get_by_label("Edit").click();
    h.run();
}

/// Closes the open menu: a second click on its title.
fn close_menu(h: &mut Harness<'_, DetmapApp>) {
    h.get_by_label("Edit").click();
    h.run();
    assert!(h.query_by_label_contains("Undo").is_none(), "the menu closed");
}

/// Alt+S adds a stage; the Edit menu then offers "Undo add stage". Clicking it takes the stage
/// away, the status bar says what was undone, and the menu offers "Redo add stage", which puts it back.
#[test]
fn the_edit_menu_names_the_step_undo_and_redo_would_take() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let mut h = window(&ScriptedDialogs::default(), &file);
    let before = stages(&h);
    edit_menu(&mut h);
    // A menu item's label carries its shortcut ("Undo Ctrl+Z"): the words are looked for in it.
    assert!(
        h.query_by_label_contains("Undo add").is_none(),
        "nothing done yet: a plain Undo"
    );
    h.get_by_label_contains("Undo");
    close_menu(&mut h);

    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(stages(&h), before + 1);

    edit_menu(&mut h);
    h.get_by_label_contains("Undo add stage").click();
    h.run();
    assert_eq!(stages(&h), before, "the menu's Undo took the stage away");
    assert_eq!(h.state().state().status.as_deref(), Some("Undone: add stage."));

    edit_menu(&mut h);
    assert!(h.query_by_label_contains("Undo add stage").is_none());
    h.get_by_label_contains("Redo add stage").click();
    h.run();
    assert_eq!(stages(&h), before + 1);
    assert_eq!(h.state().state().status.as_deref(), Some("Redone: add stage."));
}

/// Typing a new label for a stage is one step, named as a rename.
#[test]
fn typing_a_label_is_undone_as_one_rename() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let mut h = window(&ScriptedDialogs::default(), &file);
    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    // The new stage's label is open for typing, its text selected: typing replaces it.
    h.event(egui::Event::Text("Lawsuits".into()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let map = &h.state().state().doc.map;
    assert_eq!(map.stages.last().unwrap().label, "Lawsuits");
    edit_menu(&mut h);
    h.get_by_label_contains("Undo rename stage").click();
    h.run();
    assert_eq!(h.state().state().doc.map.stages.last().unwrap().label, "New stage");
    edit_menu(&mut h);
    h.get_by_label_contains("Undo add stage");
}

fn broken_file(dir: &Path) -> std::path::PathBuf {
    let broken = dir.join("broken.ron");
    std::fs::write(
        &broken,
        "(\n    format_version: 1,\n    title: \"Broken\",\n    stages: [ (id: \"s1\" label: \"x\") ],\n)\n",
    )
    .unwrap();
    broken
}

/// Started on a file that does not open, the window shows the start screen and the problem, and
/// does not speak of a map that was never open.
#[test]
fn a_broken_file_at_start_does_not_speak_of_a_map_that_was_open() {
    let dir = tempfile::tempdir().unwrap();
    let broken = broken_file(dir.path());
    let path = broken.clone();
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            DetmapApp::with_dialogs(
                &cc.egui_ctx,
                Prefs::default(),
                Some(path),
                Box::new(ScriptedDialogs::default()),
            )
        });
    h.run();
    h.get_by_label_contains(&format!("{}:4:", broken.display()));
    assert!(h.query_by_label(UNCHANGED).is_none());
}

/// With a map open, opening a broken file says the open map is unchanged (and it is).
#[test]
fn a_broken_file_opened_over_a_map_says_the_map_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let file = sample_file(dir.path());
    let broken = broken_file(dir.path());
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &file);
    let map = h.state().state().doc.map.clone();
    dialogs.answer(Some(broken.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.run();
    h.get_by_label_contains(&format!("{}:4:", broken.display()));
    h.get_by_label(UNCHANGED);
    assert_eq!(h.state().state().doc.map, map);
}
