//! The editor driven as a user would: pointer and keyboard events into the real app, headless
//! (egui_kittest, no GPU, no display). File dialogs are scripted; everything else is the real code.
#![cfg(feature = "gui")]

mod common;

use common::window::{drag, press};
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::format;
use detmap::model::{Effect, Id, Locus, Sign};
use egui::{Event, Key, Modifiers, Pos2, pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

fn app(dialogs: &ScriptedDialogs, file: Option<&Path>) -> Harness<'static, DetmapApp> {
    let dialogs = dialogs.clone();
    let file = file.map(Path::to_owned);
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), file, Box::new(dialogs)));
    harness.run();
    harness
}

fn click(h: &mut Harness<'_, DetmapApp>, pos: Pos2, modifiers: Modifiers) {
    h.event(Event::PointerMoved(pos));
    press(h, pos, true, modifiers);
    press(h, pos, false, modifiers);
    h.run();
}

fn double_click(h: &mut Harness<'_, DetmapApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    for _ in 0..2 {
        press(h, pos, true, Modifiers::NONE);
        press(h, pos, false, Modifiers::NONE);
        h.step();
    }
    h.run();
}

fn type_and_enter(h: &mut Harness<'_, DetmapApp>, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

fn centre(h: &Harness<'_, DetmapApp>, id: &str) -> Pos2 {
    h.state()
        .node_screen_rect(&Id::from(id))
        .unwrap_or_else(|| panic!("{id} is not on the canvas"))
        .center()
}

/// The dot on a determinant's right edge, where a drag draws a new influence.
fn handle(h: &Harness<'_, DetmapApp>, id: &str) -> Pos2 {
    let r = h.state().node_screen_rect(&Id::from(id)).unwrap();
    pos2(r.right(), r.center().y)
}

fn id_labelled(h: &Harness<'_, DetmapApp>, label: &str) -> Id {
    let map = &h.state().state().doc.map;
    map.determinants
        .iter()
        .map(|d| (&d.id, &d.label))
        .chain(map.stages.iter().map(|s| (&s.id, &s.label)))
        .find(|(_, l)| l.as_str() == label)
        .map(|(id, _)| id.clone())
        .unwrap_or_else(|| panic!("nothing is labelled {label:?}"))
}

#[test]
fn build_a_map_edit_it_undo_save_and_reopen() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();

    // Two determinants by double-clicking empty canvas and typing their labels.
    let canvas = h.state().canvas_rect();
    let left = canvas.center() + vec2(-250.0, 0.0);
    let right = canvas.center() + vec2(50.0, -120.0);
    double_click(&mut h, left);
    type_and_enter(&mut h, "Political will");
    double_click(&mut h, right);
    type_and_enter(&mut h, "Civil society");
    // A stage from the toolbar button, named the same way.
    h.get_by_label("+ Stage").click();
    h.run();
    type_and_enter(&mut h, "Adoption of legislation");
    let map = &h.state().state().doc.map;
    assert_eq!(map.determinants.len(), 2);
    assert_eq!(map.stages.len(), 1);
    let (will, society, stage) = (
        id_labelled(&h, "Political will"),
        id_labelled(&h, "Civil society"),
        id_labelled(&h, "Adoption of legislation"),
    );
    assert!(
        h.state().title().contains("unsaved"),
        "the title shows unsaved changes: {}",
        h.state().title()
    );

    // Move the stage away from the others so links have room, then link: Ctrl+drag from one
    // determinant to the other, and a drag from the link handle of the second to the stage.
    let (from, to) = (centre(&h, stage.as_str()), canvas.center() + vec2(300.0, 120.0));
    drag(&mut h, from, to, Modifiers::NONE);
    let (from, to) = (centre(&h, will.as_str()), centre(&h, society.as_str()));
    drag(&mut h, from, to, Modifiers::COMMAND);
    let (from, to) = (handle(&h, society.as_str()), centre(&h, stage.as_str()));
    drag(&mut h, from, to, Modifiers::NONE);
    let map = &h.state().state().doc.map;
    assert_eq!(map.influences.len(), 2, "{:?}", map.influences);
    assert!(
        map.influences
            .iter()
            .any(|i| i.from == will && i.to == society && i.sign == Sign::Enables)
    );
    assert!(map.influences.iter().any(|i| i.from == society && i.to == stage));

    // Select a determinant and set its attributes in the inspector.
    let at = centre(&h, will.as_str());
    click(&mut h, at, Modifiers::NONE);
    h.get_by_label("external").click();
    h.run();
    h.get_by_label("hinder").click();
    h.run();
    let d = h.state().state().doc.map.determinant(&will).unwrap().clone();
    assert_eq!((d.locus, d.effect), (Some(Locus::External), Effect::Hinder));

    // A new influence from a hindering determinant starts as "hinders"; X flips it.
    let third = canvas.center() + vec2(-250.0, 200.0);
    double_click(&mut h, third);
    type_and_enter(&mut h, "Media");
    let media = id_labelled(&h, "Media");
    let (from, to) = (handle(&h, will.as_str()), centre(&h, media.as_str()));
    drag(&mut h, from, to, Modifiers::NONE);
    let link = h
        .state()
        .state()
        .doc
        .map
        .influences
        .iter()
        .find(|i| i.to == media)
        .unwrap()
        .clone();
    assert_eq!(link.sign, Sign::Hinders);
    h.key_press_modifiers(Modifiers::ALT, Key::X);
    h.run();
    assert_eq!(
        h.state().state().doc.map.influence(&link.id).unwrap().sign,
        Sign::Enables
    );

    // Undo the flip and the link; redo the link.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state().doc.map.influence(&link.id).unwrap().sign,
        Sign::Hinders
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().state().doc.map.influence(&link.id).is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(h.state().state().doc.map.influence(&link.id).is_some());

    // Save through the (scripted) dialog: a new map has no file yet, so Save asks where.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    dialogs.answer(Some(path.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    assert!(
        !h.state().state().doc.is_dirty(),
        "saved: {:?}",
        h.state().state().status
    );
    assert!(!h.state().title().contains("unsaved"));
    let saved = h.state().state().doc.map.clone();
    assert_eq!(
        format::load_file(&path).unwrap(),
        saved,
        "the file holds the map as edited"
    );

    // Open it again in a fresh window: the same map.
    let dialogs2 = ScriptedDialogs::default();
    let mut h2 = app(&dialogs2, None);
    dialogs2.answer(Some(path.clone()));
    h2.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h2.run();
    h2.run();
    assert_eq!(h2.state().state().doc.map, saved);
    assert_eq!(h2.state().state().doc.path.as_deref(), Some(path.as_path()));
}

#[test]
fn a_broken_file_shows_its_errors_and_the_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let sample = detmap::samples::default_sample().unwrap().load().unwrap();
    format::save_file(&good, &sample).unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(
        &broken,
        "(\n    format_version: 1,\n    title: \"Broken\",\n    stages: [ (id: \"s1\" label: \"x\") ],\n)\n",
    )
    .unwrap();

    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&good));
    assert_eq!(h.state().state().doc.map, sample);
    dialogs.answer(Some(broken.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.run();
    // The problem is on screen with file:line:col, and the map that was open is still there.
    let prefix = format!("{}:4:", broken.display());
    h.get_by_label_contains(&prefix);
    assert_eq!(h.state().state().doc.map, sample);
    assert_eq!(h.state().state().doc.path.as_deref(), Some(good.as_path()));
    h.get_by_label("Dismiss").click();
    h.run();
    assert!(h.query_by_label_contains(&prefix).is_none());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();
    let canvas = h.state().canvas_rect();
    double_click(&mut h, canvas.center());
    type_and_enter(&mut h, "Keep me");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().state().doc.map.determinants.len(), 1, "cancel keeps the map");
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(
        h.state().state().doc.map.determinants.is_empty(),
        "don't save discards it"
    );
}

#[test]
fn copy_and_paste_carry_the_links_between_the_copied_determinants() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();
    let canvas = h.state().canvas_rect();
    double_click(&mut h, canvas.center() + vec2(-200.0, 0.0));
    type_and_enter(&mut h, "A");
    double_click(&mut h, canvas.center() + vec2(100.0, 0.0));
    type_and_enter(&mut h, "B");
    let (a, b) = (id_labelled(&h, "A"), id_labelled(&h, "B"));
    let (from, to) = (handle(&h, a.as_str()), centre(&h, b.as_str()));
    drag(&mut h, from, to, Modifiers::NONE);
    // The new influence is selected; a Shift+drag box adds A and B to it, a Ctrl+drag box
    // selects only what it touches.
    let (from, to) = (
        canvas.center() + vec2(-330.0, -80.0),
        canvas.center() + vec2(230.0, 80.0),
    );
    drag(&mut h, from, to, Modifiers::SHIFT);
    assert_eq!(h.state().state().selection.ids.len(), 3);
    drag(&mut h, from, to, Modifiers::COMMAND);
    assert_eq!(h.state().state().selection.ids.len(), 2);
    h.event(Event::Copy);
    h.step();
    let copied = h.output().platform_output.commands.iter().find_map(|c| match c {
        egui::OutputCommand::CopyText(t) => Some(t.clone()),
        _ => None,
    });
    let text = copied.expect("Copy puts the selection on the clipboard");
    h.event(Event::Paste(text));
    h.run();
    let map = &h.state().state().doc.map;
    assert_eq!(map.determinants.len(), 4);
    assert_eq!(map.influences.len(), 2, "the link between A and B came along");
    assert_eq!(
        h.state().state().selection.ids.len(),
        2,
        "the pasted copies are selected"
    );
}

#[test]
fn plain_key_shortcuts_work_after_clicking_the_canvas_but_not_while_typing() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();
    let canvas = h.state().canvas_rect();
    double_click(&mut h, canvas.center());
    // While the label is being typed, "s" is a letter, not "add a stage".
    type_and_enter(&mut h, "Visas");
    assert!(h.state().state().doc.map.stages.is_empty());
    let visas = id_labelled(&h, "Visas");
    let at = centre(&h, visas.as_str());
    click(&mut h, at, Modifiers::NONE);
    h.key_press(Key::Delete);
    h.run();
    assert!(
        h.state().state().doc.map.determinants.is_empty(),
        "Delete removes the clicked determinant"
    );
    h.key_press(Key::S);
    h.run();
    assert!(
        h.state().state().doc.map.stages.is_empty(),
        "a bare letter adds nothing"
    );
    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    assert_eq!(h.state().state().doc.map.stages.len(), 1, "Alt+S adds a stage");
}

#[test]
fn escape_abandons_a_link_being_drawn() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();
    let canvas = h.state().canvas_rect();
    double_click(&mut h, canvas.center() + vec2(-200.0, 0.0));
    type_and_enter(&mut h, "A");
    double_click(&mut h, canvas.center() + vec2(100.0, 0.0));
    type_and_enter(&mut h, "B");
    let (from, to) = (
        handle(&h, id_labelled(&h, "A").as_str()),
        centre(&h, id_labelled(&h, "B").as_str()),
    );
    h.event(Event::PointerMoved(from));
    press(&h, from, true, Modifiers::NONE);
    h.step();
    for i in 1..=10 {
        h.event(Event::PointerMoved(from + (to - from) * (i as f32 / 10.0)));
        h.step();
    }
    h.key_press(Key::Escape);
    h.step();
    press(&h, to, false, Modifiers::NONE);
    h.run();
    assert!(h.state().state().doc.map.influences.is_empty());
}

/// A file dropped on the window, as the platform layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_map_file_on_the_window_opens_it_and_quit_asks_about_unsaved_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dropped.ron");
    let sample = detmap::samples::find("peru-business-human-rights.ron")
        .unwrap()
        .load()
        .unwrap();
    format::save_file(&path, &sample).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    assert_eq!(h.state().state().doc.map, sample);
    assert_eq!(h.state().state().doc.path.as_deref(), Some(path.as_path()));

    // An edit, then Quit: the window asks first, and Cancel keeps it open with the edit.
    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save changes?");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    assert_eq!(h.state().state().doc.map.stages.len(), sample.stages.len() + 1);
}

#[test]
fn dragging_a_selected_node_moves_the_whole_selection_in_one_undo_step() {
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None);
    h.get_by_label("New map").click();
    h.run();
    let canvas = h.state().canvas_rect();
    double_click(&mut h, canvas.center() + vec2(-200.0, 0.0));
    type_and_enter(&mut h, "A");
    double_click(&mut h, canvas.center() + vec2(100.0, 0.0));
    type_and_enter(&mut h, "B");
    let (a, b) = (id_labelled(&h, "A"), id_labelled(&h, "B"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    let before = h.state().state().doc.map.clone();
    let from = centre(&h, a.as_str());
    drag(&mut h, from, from + vec2(0.0, 150.0), Modifiers::NONE);
    let map = &h.state().state().doc.map;
    let moved = |id: &Id| map.determinant(id).unwrap().position.y - before.determinant(id).unwrap().position.y;
    assert!(
        moved(&a) > 100.0 && (moved(&a) - moved(&b)).abs() < 0.5,
        "both moved together: {} {}",
        moved(&a),
        moved(&b)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().doc.map, before, "one undo puts both back");
}

#[test]
fn a_map_at_the_edge_of_the_canvas_opens_and_draws() {
    // The loader keeps coordinates within MAX_COORDINATE (so every picture has a finite size);
    // a map placed right at that edge, in every corner, must still open, fit and draw.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("far.ron");
    let mut map = detmap::samples::default_sample().unwrap().load().unwrap();
    let edge = detmap::model::MAX_COORDINATE;
    map.determinants[0].position = detmap::model::Position::new(edge, -edge);
    map.determinants[1].position = detmap::model::Position::new(edge, edge);
    map.determinants[2].position = detmap::model::Position::new(-edge, f32::MIN_POSITIVE);
    format::save_file(&path, &map).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&path));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let pos = h.state().canvas_rect().center();
    h.event(Event::PointerMoved(pos));
    h.run();
    assert_eq!(h.state().state().doc.map, map);
}

#[test]
fn positions_beyond_the_canvas_are_refused_with_their_place_and_the_open_map_stays() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.ron");
    let sample = detmap::samples::default_sample().unwrap().load().unwrap();
    format::save_file(&good, &sample).unwrap();
    // The same map with one coordinate near f32::MAX, as a hand edit or a damaged file has it.
    let text = std::fs::read_to_string(&good).unwrap();
    let x = text.rfind(", x: ").expect("a placed item") + ", x: ".len();
    let y = x + text[x..].find(", y: ").unwrap();
    let far = dir.path().join("far.ron");
    std::fs::write(&far, format!("{}3.0e38{}", &text[..x], &text[y..])).unwrap();
    assert!(format::load_file(&far).is_err(), "the loader refuses it");

    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&good));
    dialogs.answer(Some(far.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.run();
    h.get_by_label_contains(&format!("{}:", far.display()));
    assert_eq!(h.state().state().doc.map, sample);
    assert_eq!(h.state().state().doc.path.as_deref(), Some(good.as_path()));
}

/// Zoomed out until the map is plain boxes a few points wide, a press on a box and a drag move
/// that box: no other box's link handle (16 points, wider than a box there) takes the press and
/// draws a link instead.
#[test]
fn zoomed_far_out_a_drag_moves_the_box_under_the_pointer() {
    let text = r##"(
    format_version: 3,
    title: "Close boxes",
    categories: [(name: "C", colour: "#e69f00")],
    determinants: [
        (id: "a", label: "A", categories: ["C"]),
        (id: "b", label: "B", categories: ["C"]),
    ],
    layout: [(id: "a", x: 0.0, y: 0.0), (id: "b", x: 100.0, y: 0.0)],
)"##;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("close.ron");
    std::fs::write(&path, text).unwrap();
    let mut h = app(&ScriptedDialogs::default(), Some(&path));
    // Plain boxes below 36 points of box width: a determinant is 180 map units wide.
    while h.state().canvas_zoom() * 180.0 >= 30.0 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
        h.run();
    }
    let (a, b) = (
        h.state().node_screen_rect(&Id::from("a")).unwrap(),
        h.state().node_screen_rect(&Id::from("b")).unwrap(),
    );
    assert!(
        (b.center().x - a.right()).abs() < 8.0,
        "B's centre lies where A's link handle would be: {a:?} {b:?}"
    );
    let from = b.center();
    drag(&mut h, from, from + vec2(0.0, 60.0), Modifiers::NONE);
    let map = &h.state().state().doc.map;
    assert!(map.influences.is_empty(), "no link was drawn");
    let moved = map.determinant(&Id::from("b")).unwrap().position;
    assert!(moved.y > 100.0, "B moved down: {moved:?}");
    assert_eq!(map.determinant(&Id::from("a")).unwrap().position.y, 0.0, "A stayed");
}
