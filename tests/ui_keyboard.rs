//! The keyboard in front of a room: what is typed as text never changes the map unless a text
//! field (or the label editor it opens) has it, and Enter in a field adds and keeps the keyboard.
//! Driven as a user would, headless (egui_kittest), on the Chile sample.
#![cfg(feature = "gui")]

mod common;

use common::window::click;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::model::Id;
use egui::{Event, Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

fn chile() -> Harness<'static, DetmapApp> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron");
    let dialogs = ScriptedDialogs::default();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), Some(file), Box::new(dialogs)));
    h.run();
    // The whole map in view (it opens readable, part of it off screen), so any node can be clicked.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    h
}

/// Clicks the canvas where no node, influence or legend is, so nothing is selected.
/// A click on empty canvas, seen to reach it: a determinant is selected first (by a click), and
/// the click on empty canvas clears the selection; a click that landed on a panel, or nowhere,
/// would leave it.
fn click_empty_canvas(h: &mut Harness<'_, DetmapApp>) {
    let canvas = h.state().canvas_rect();
    if h.state().state().selection.ids.is_empty() {
        let on_screen = h.state().state().doc.map.determinants.iter().find_map(|d| {
            h.state()
                .node_screen_rect(&d.id)
                .filter(|r| canvas.shrink(8.0).contains(r.center()))
        });
        click(h, on_screen.expect("a determinant on screen").center());
        assert!(
            !h.state().state().selection.ids.is_empty(),
            "a click on a determinant selects it"
        );
    }
    for fx in [0.5, 0.3, 0.7, 0.1, 0.9] {
        for fy in [0.95, 0.05, 0.5, 0.3, 0.7] {
            let at = canvas.lerp_inside(vec2(fx, fy));
            let map = &h.state().state().doc.map;
            let taken = (map.stages.iter().map(|s| &s.id))
                .chain(map.determinants.iter().map(|d| &d.id))
                .any(|id| {
                    h.state()
                        .node_screen_rect(id)
                        .is_some_and(|r| r.expand(8.0).contains(at))
                });
            if taken {
                continue;
            }
            click(h, at);
            if h.state().state().selection.ids.is_empty() {
                return;
            }
        }
    }
    panic!("no empty spot on the canvas");
}

fn type_text(h: &mut Harness<'_, DetmapApp>, text: &str) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

#[test]
fn typing_on_empty_canvas_leaves_the_map_and_the_window_as_they_were() {
    let mut h = chile();
    click_empty_canvas(&mut h);
    let before = h.state().state().doc.map.clone();
    let legend = h.state().state().prefs.show_legend;
    let analysis = h.state().state().analysis.open;
    // Letter by letter, and as one burst (a fast typist within one frame).
    type_text(&mut h, "Lawsuits");
    h.event(Event::Text("Lawsuits".into()));
    h.run();
    let s = h.state().state();
    assert!(s.doc.map == before, "typing on the canvas changed the map");
    assert_eq!(s.prefs.show_legend, legend, "L toggled the legend");
    assert_eq!(s.analysis.open, analysis, "A toggled the analysis panel");
    assert!(s.renaming.is_none());
}

#[test]
fn typing_on_the_canvas_renames_the_selected_node_in_one_undo_step() {
    let mut h = chile();
    let id = Id::from("earthquake-2010");
    let before = h.state().state().doc.map.label_of(&id).to_owned();
    let at = h.state().node_screen_rect(&id).expect("on the canvas").center();
    click(&mut h, at);
    assert_eq!(h.state().state().selection.single(), Some(&id));
    // The first letters open the label editor; the rest arrive while it takes the keyboard.
    h.event(Event::Text("La".into()));
    h.step();
    type_text(&mut h, "wsuits");
    let map = &h.state().state().doc.map;
    assert_eq!(map.label_of(&id), "Lawsuits");
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().state().doc.map.label_of(&id),
        before,
        "one undo restores the label"
    );
}

#[test]
fn enter_in_new_category_adds_it_and_keeps_the_keyboard() {
    let mut h = chile();
    click_empty_canvas(&mut h);
    let field = h.get_by(|n| n.placeholder() == Some("New category"));
    field.focus();
    h.run();
    type_text(&mut h, "Courts");
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().state().doc.map.category("Courts").is_some(),
        "Enter adds the category"
    );
    let field = h.get_by(|n| n.placeholder() == Some("New category"));
    assert!(field.is_focused(), "the field keeps the keyboard after Enter");
    // The next one can be typed at once.
    type_text(&mut h, "Media");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().state().doc.map.category("Media").is_some());
}

#[test]
fn select_all_and_backspace_in_a_field_act_on_its_text_only() {
    let mut h = chile();
    click_empty_canvas(&mut h);
    let before = h.state().state().doc.map.clone();
    h.get_by_label_contains("Sources (").click();
    h.run();
    let field = h.get_by(|n| n.placeholder() == Some("Title of a new source"));
    field.focus();
    h.run();
    type_text(&mut h, "Court records");
    for key in [Key::Enter, Key::Backspace] {
        h.key_press(key);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.key_press(Key::Backspace);
    h.key_press(Key::Delete);
    h.run();
    let map = &h.state().state().doc.map;
    assert_eq!(
        map.determinants.len(),
        before.determinants.len(),
        "the map lost determinants"
    );
    assert_eq!(map.stages.len(), before.stages.len(), "the map lost stages");
    assert_eq!(map.influences.len(), before.influences.len());
    assert!(
        map.sources.iter().any(|s| s.title == "Court records"),
        "Enter added the source"
    );
}
