//! Presentation mode as a facilitator uses it in front of a room: F5 fills the screen in the
//! light theme, a click on a stage lights what feeds it and explains it beside the map, no key
//! acts on a hidden panel, and Esc gives back the window exactly as it was.
#![cfg(feature = "gui")]

mod common;

use common::window::click;
use detmap::app::DetmapApp;
use detmap::app::analysis_view::Focus;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::model::Id;
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;

fn chile(prefs: Prefs) -> Harness<'static, DetmapApp> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron");
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        // A step glides to its framing over 0.35 s: some 20 frames, then idle.
        .with_max_steps(40)
        .build_eframe(move |cc| {
            DetmapApp::with_dialogs(&cc.egui_ctx, prefs, Some(file), Box::new(ScriptedDialogs::default()))
        });
    h.run();
    h
}

#[test]
fn f5_presents_in_the_light_a_stage_click_explains_and_esc_restores_the_window() {
    let prefs = Prefs {
        dark: Some(true),
        ..Prefs::default()
    };
    let mut h = chile(prefs);
    assert!(h.state().state().dark);
    let stage = Id::from("s4-implementation");
    let before = h.state().node_screen_rect(&stage);
    let zoom = h.state().canvas_zoom();

    h.key_press(Key::F5);
    h.run();
    let s = h.state().state();
    assert!(s.presentation && s.fullscreen, "F5 fills the screen");
    assert!(!s.dark, "presenting is light unless the user chose dark for it");
    assert!(h.query_by_label("File").is_none(), "no menus");

    // A click on a stage lights its feeders and explains them beside the map.
    let at = h.state().node_screen_rect(&stage).expect("drawn").center();
    click(&mut h, at);
    assert_eq!(h.state().state().analysis.focus, Some(Focus::Stage(stage.clone())));
    let lit = h.state().state().derived.current().map(|v| !v.emphasis.is_plain());
    assert_eq!(lit, Some(true), "the feeders are lit");
    assert!(h.query_by_label("Leave presentation (Esc)").is_some());
    assert!(
        h.query_by_label_contains("What feeds").is_some(),
        "the explanation names the stage"
    );

    // Alt+A would open a panel that is hidden here: it does nothing.
    h.key_press_modifiers(Modifiers::ALT, Key::A);
    h.run();
    assert!(!h.state().state().analysis.open);

    h.key_press(Key::Escape);
    h.run();
    let s = h.state().state();
    assert!(!s.presentation && !s.fullscreen);
    assert!(s.dark, "the editor's theme is back");
    assert_eq!(s.analysis.focus, None, "the focus it had (none)");
    assert!(!s.analysis.open);
    assert_eq!(h.state().canvas_zoom(), zoom, "the view it had");
    let (after, before) = (h.state().node_screen_rect(&stage).unwrap(), before.unwrap());
    assert!((after.min - before.min).length() < 1.0, "{before:?} -> {after:?}");
    assert!(h.query_by_label("File").is_some(), "the menus are back");
}

/// F11 fills the screen anywhere, and again goes back to a window.
#[test]
fn f11_toggles_full_screen() {
    let mut h = chile(Prefs::default());
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().state().fullscreen);
    h.key_press(Key::F11);
    h.run();
    assert!(!h.state().state().fullscreen);
}

/// The Chile sample's presentation plays with → and ←: each step's title is on screen and its
/// focus lit; Esc leaves it.
#[test]
fn the_arrows_play_the_presentation_step_by_step() {
    let mut h = chile(Prefs::default());
    let steps = h.state().state().doc.map.presentation.clone();
    assert!(steps.len() >= 7, "the Chile sample tells its story in steps");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().state().step,
        None,
        "the arrows do nothing outside presentation mode"
    );
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().state().step, Some(0));
    h.get_by_label(&steps[0].title);
    assert!(
        h.state().state().analysis.focus.is_some(),
        "the first step's stage is in focus"
    );
    h.key_press(Key::PageDown);
    h.run();
    assert_eq!(h.state().state().step, Some(1));
    h.get_by_label(&steps[1].title);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state().step, Some(0));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state().step, None);
    assert!(!h.state().state().presentation);
}
