//! The window's own file chooser, for a desktop with no system dialog (no portal, no zenity),
//! driven headless (egui_kittest) as a user would: Save as types a name and presses Save, and the
//! file is there and loads; Open picks a file from the list; Escape cancels and the next dialog
//! opens; what is typed into the chooser never reaches the map behind it; and when the window finds
//! no system dialog it says so once.
#![cfg(feature = "gui")]

use detmap::app::DetmapApp;
use detmap::app::dialogs::{Availability, BuiltinChooser, Dialogs, SystemDialogs};
use detmap::app::persistence::Prefs;
use detmap::format;
use egui::accesskit::Role;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

fn chile_sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")
}

/// The window at 1280×720 (a projector) on `file`, with `dialogs`.
fn window(file: &Path, dialogs: Box<dyn Dialogs>) -> Harness<'static, DetmapApp> {
    let file = file.to_owned();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), Some(file), dialogs));
    h.run();
    h
}

/// A copy of the Chile sample in a fresh folder: the chooser opens where the map lives.
fn chile_in_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chile.ron");
    std::fs::copy(chile_sample(), &file).unwrap();
    (dir, file)
}

/// Steps the window until `found` holds (the chooser reads folders on a thread), at most 3 s.
fn until(h: &mut Harness<'_, DetmapApp>, what: &str, mut found: impl FnMut(&Harness<'_, DetmapApp>) -> bool) {
    for _ in 0..300 {
        if found(h) {
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("never: {what}");
}

/// The text field showing `value` (not the text run inside it).
fn field<'h>(h: &'h Harness<'_, DetmapApp>, value: &str) -> egui_kittest::Node<'h> {
    let value = value.to_owned();
    h.get_by(move |n| n.role() == Role::TextInput && n.value().as_deref() == Some(value.as_str()))
}

/// Steps until the chooser lists `name` in its folder: it reads folders on a thread, and Save does
/// nothing until it knows which folder it is in.
fn listed(h: &mut Harness<'_, DetmapApp>, name: &str) {
    let entry = format!(" {name}");
    until(h, &format!("{name} listed"), |h| {
        h.query_by(|n| n.label().is_some_and(|l| l.ends_with(&entry) && !l.contains('/')))
            .is_some()
    });
    // A window just shown is laid out over its first frames (egui sizes it, then the anchor
    // centres it): a click within them can land where a button was, not where it is. No person
    // clicks that fast; the test waits as they would.
    h.run_steps(5);
}

fn has_label(h: &Harness<'_, DetmapApp>, label: &str) -> bool {
    h.query_by_label(label).is_some()
}

#[test]
fn save_as_types_a_name_presses_save_and_the_file_is_there_and_loads() {
    let (dir, file) = chile_in_folder();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    until(&mut h, "the chooser's Save button", |h| has_label(h, "Save"));
    listed(&mut h, "chile.ron");
    // The suggested name is the map's file name, in the field that has the keyboard.
    field(&h, "chile.ron").focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(&h, "chile.ron").type_text("workshop.ron");
    h.run_steps(2);
    field(&h, "workshop.ron");
    h.get_by_label("Save").click();
    h.run_steps(6);

    let saved = dir.path().join("workshop.ron");
    assert!(saved.exists(), "Save wrote {}", saved.display());
    let status = h.state().state().status.clone().unwrap_or_default();
    assert_eq!(status, format!("Saved {}", saved.display()));
    assert!(!has_label(&h, "Save the map as"), "the chooser closed");
    let loaded = format::load_file(&saved).expect("the saved file loads");
    assert_eq!(loaded, h.state().state().doc.map, "it is the map in the window");
    assert_eq!(h.state().state().doc.path.as_deref(), Some(saved.as_path()));
}

#[test]
fn open_picks_a_file_from_the_list() {
    let (dir, file) = chile_in_folder();
    let other = dir.path().join("second-map.ron");
    let mut map = format::load_file(&file).unwrap();
    map.title = "A second map".into();
    format::save_file(&other, &map).unwrap();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    listed(&mut h, "second-map.ron");
    h.get_by_label_contains("second-map.ron").click();
    h.run_steps(2);
    h.get_by_label("Open").click();
    h.run_steps(6);
    assert_eq!(h.state().state().doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(h.state().state().doc.map.title, "A second map");
}

#[test]
fn escape_cancels_changes_nothing_and_the_next_dialog_opens() {
    let (_dir, file) = chile_in_folder();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));
    let before = h.state().state().doc.map.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    until(&mut h, "the chooser's Open button", |h| has_label(h, "Open"));
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert!(!has_label(&h, "Open a map"), "the chooser closed");
    assert_eq!(h.state().state().doc.map, before);
    assert_eq!(h.state().state().doc.path.as_deref(), Some(file.as_path()));
    // The cancel was an answer: the model asks again rather than saying a dialog is open.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    until(&mut h, "the chooser again", |h| has_label(h, "Open"));
    assert_ne!(
        h.state().state().status.as_deref(),
        Some("A file dialog is already open.")
    );
}

#[test]
fn keys_typed_into_the_chooser_never_reach_the_map_behind_it() {
    let (_dir, file) = chile_in_folder();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));
    // The whole map in view, so any node can be clicked.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    // One determinant selected: letters typed on the canvas would rename it, Delete would delete it.
    let first = h.state().state().doc.map.determinants[0].id.clone();
    let at = h.state().node_screen_rect(&first).expect("drawn").center();
    h.event(egui::Event::PointerMoved(at));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run_steps(3);
    assert_eq!(h.state().state().selection.ids.len(), 1, "a node is selected");
    let before = h.state().state().doc.map.clone();

    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    until(&mut h, "the chooser's Open button", |h| has_label(h, "Open"));
    // Delete first, while no field of the chooser has the keyboard; then letters (which the
    // chooser takes as a search).
    h.key_press(Key::Delete);
    h.run_steps(2);
    h.event(egui::Event::Text("Lawsuits".into()));
    h.run_steps(3);
    assert_eq!(h.state().state().doc.map, before, "the map is as it was");
    assert!(!h.state().state().doc.is_dirty());
    assert!(has_label(&h, "Open"), "the chooser is still open");
}

#[test]
fn with_no_system_dialog_the_window_says_so_once_and_shows_its_own() {
    let (dir, file) = chile_in_folder();
    let mut h = window(&file, Box::new(SystemDialogs::with_availability(Availability::No)));
    assert!(
        !h.state()
            .state()
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("system file dialog"),
        "nothing is said before a dialog is asked for"
    );
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    until(&mut h, "the chooser's Save button", |h| has_label(h, "Save"));
    listed(&mut h, "chile.ron");
    let status = h.state().state().status.clone().unwrap_or_default();
    assert!(
        status.starts_with("This desktop cannot show a system file dialog"),
        "{status}"
    );
    assert_eq!(
        h.query_all_by_label_contains("cannot show a system file dialog")
            .count(),
        2,
        "in the status bar and above the chooser"
    );
    // The suggested name is the map's own file: the chooser asks before replacing it.
    h.get_by_label("Save").click();
    until(&mut h, "the question whether to replace", |h| has_label(h, "Replace"));
    h.get_by_label("Replace").click();
    h.run_steps(6);
    let status = h.state().state().status.clone().unwrap_or_default();
    assert_eq!(status, format!("Saved {}", dir.path().join("chile.ron").display()));

    // Said once: the next chooser comes without it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    until(&mut h, "the chooser's Open button", |h| has_label(h, "Open"));
    assert_eq!(
        h.query_all_by_label_contains("cannot show a system file dialog")
            .count(),
        0
    );
    assert!(
        !h.state()
            .state()
            .status
            .as_deref()
            .unwrap_or_default()
            .contains("system file dialog")
    );
}

#[test]
fn a_name_typed_without_its_extension_asks_before_replacing_the_file_it_names() {
    let (dir, file) = chile_in_folder();
    let before = std::fs::read(&file).unwrap();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    until(&mut h, "the chooser's Save button", |h| has_label(h, "Save"));
    listed(&mut h, "chile.ron");
    field(&h, "chile.ron").focus();
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    field(&h, "chile.ron").type_text("chile");
    h.run_steps(2);
    h.get_by_label("Save").click();
    // Not written: the chooser is back with the whole name.
    until(&mut h, "the chooser again, with chile.ron", |h| {
        h.query_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some("chile.ron"))
            .is_some()
    });
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert!(!dir.path().join("chile").exists());
    h.get_by_label("Save").click();
    until(&mut h, "the question whether to replace", |h| has_label(h, "Replace"));
    h.get_by_label("Cancel").click();
    h.run_steps(4);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "Cancel in the question keeps the file"
    );
}

#[test]
fn export_goes_through_the_chooser_with_the_suggested_name() {
    let (dir, file) = chile_in_folder();
    let mut h = window(&file, Box::new(BuiltinChooser::new()));
    let export = detmap::export::Export::DeterminantsCsv;
    let title = h.state().state().doc.map.title.clone();
    let name = export.suggested_file_name(&title);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export ⏵").click();
    h.run();
    h.get_by_label(&export.menu_label()).click();
    until(&mut h, "the chooser with the export's name", |h| {
        h.query_by(|n| n.role() == Role::TextInput && n.value().as_deref() == Some(name.as_str()))
            .is_some()
    });
    listed(&mut h, "chile.ron");
    h.get_by_label("Save").click();
    h.run_steps(6);
    let written = dir.path().join(&name);
    assert!(written.exists(), "{}", written.display());
    let status = h.state().state().status.clone().unwrap_or_default();
    assert_eq!(status, format!("Exported {}", written.display()));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.lines().count() > 40, "one row per determinant and a heading");
}
