//! The first view a room sees, and the overlays that must not hide the map: every sample opened at
//! a projector's 1280×720 and a laptop's 1600×1000 reads (labels at least 12 points), its stages in
//! view from the first; the toolbar and the legend are docked beside the canvas, never over it; Fit frames the
//! whole map inside what they leave; the view follows the window until the user moves it.
#![cfg(feature = "gui")]

mod common;

use common::window::drag;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::model::Id;
use egui::{Event, Key, Modifiers, Pos2, Rect, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};
use std::path::{Path, PathBuf};

/// The label size, in points, of a node drawn at zoom 1 (the geometry's).
const LABEL_SIZE: f32 = detmap::geometry::LABEL_SIZE as f32;

fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

fn window(file: &Path, size: Vec2) -> Harness<'static, DetmapApp> {
    let file = file.to_owned();
    let mut h = Harness::builder()
        .with_size(size)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            DetmapApp::with_dialogs(
                &cc.egui_ctx,
                Prefs::default(),
                Some(file),
                Box::new(ScriptedDialogs::default()),
            )
        });
    h.run();
    h
}

fn node_ids(h: &Harness<'_, DetmapApp>) -> (Vec<Id>, Vec<Id>) {
    let map = &h.state().state().doc.map;
    (
        map.stages.iter().map(|s| s.id.clone()).collect(),
        map.determinants.iter().map(|d| d.id.clone()).collect(),
    )
}

fn within(outer: Rect, inner: Rect) -> bool {
    outer.expand(0.5).contains_rect(inner)
}

/// The legend's strip: the rectangle of its first heading's row, which lies in the dock.
fn legend_label(h: &Harness<'_, DetmapApp>) -> Rect {
    h.get_by_label("Influence:").rect()
}

#[test]
fn every_sample_opens_readable_with_its_stages_in_view_and_nothing_over_the_map() {
    for size in [vec2(1280.0, 720.0), vec2(1600.0, 1000.0)] {
        for sample in detmap::samples::all() {
            let mut h = window(&sample_path(sample.file_name), size);
            let canvas = h.state().canvas_rect();
            let zoom = h.state().canvas_zoom();
            let what = format!("{} at {size:?}", sample.file_name);
            assert!(
                zoom * LABEL_SIZE >= 11.99,
                "{what}: labels at {} points",
                zoom * LABEL_SIZE
            );
            let (stages, determinants) = node_ids(&h);
            // The stages' column is in view from its top (at a readable size it may be taller
            // than a projector's canvas: the overview and a scroll reach the rest).
            let first = h.state().node_screen_rect(&stages[0]).unwrap();
            assert!(
                within(canvas, first),
                "{what}: the first stage at {first:?} outside the canvas {canvas:?}"
            );
            // Determinants are in view too (wholly, or cut by the canvas's edge): the map, not an
            // empty corner of it.
            let seen = determinants
                .iter()
                .filter(|id| canvas.intersects(h.state().node_screen_rect(id).unwrap()))
                .count();
            assert!(seen >= determinants.len().min(5), "{what}: {seen} determinants in view");
            // The legend is docked under the canvas, not over it.
            let legend = legend_label(&h);
            assert!(
                legend.min.y >= canvas.max.y - 0.5,
                "{what}: legend {legend:?} over canvas {canvas:?}"
            );
            // The toolbar is above it.
            let fit = h.get_by_label("Fit").rect();
            assert!(
                fit.max.y <= canvas.min.y + 0.5,
                "{what}: toolbar {fit:?} over canvas {canvas:?}"
            );

            // Fit: every node inside the canvas, which the toolbar and the legend do not cover.
            h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
            h.run();
            let canvas = h.state().canvas_rect();
            for id in stages.iter().chain(&determinants) {
                let r = h.state().node_screen_rect(id).unwrap();
                assert!(within(canvas, r), "{what}: after Fit, {id} at {r:?} outside {canvas:?}");
            }
        }
    }
}

/// Resizing the window (maximising it, a panel opened) frames the map again, until the user moves
/// the view: then the view stays where the user put it.
#[test]
fn the_view_follows_the_window_until_the_user_moves_it() {
    let mut h = window(&sample_path("chile-anti-trafficking.ron"), vec2(1280.0, 720.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let small = h.state().canvas_zoom();
    h.set_size(vec2(1600.0, 1000.0));
    h.run();
    let large = h.state().canvas_zoom();
    assert!(large > small * 1.1, "refitted larger: {small} -> {large}");

    // The user pans (a drag on empty canvas); a resize then keeps the zoom and the place.
    let canvas = h.state().canvas_rect();
    let empty = empty_spot(&h, canvas);
    drag(&mut h, empty, empty + vec2(60.0, 40.0), Modifiers::NONE);
    let (stages, _) = node_ids(&h);
    let before = h.state().node_screen_rect(&stages[0]).unwrap();
    h.set_size(vec2(1500.0, 950.0));
    h.run();
    assert_eq!(h.state().canvas_zoom(), large, "no refit after the user moved the view");
    let after = h.state().node_screen_rect(&stages[0]).unwrap();
    assert!((after.min - before.min).length() < 1.0, "{before:?} -> {after:?}");
}

/// The outline takes the view to a node only when the node is not already in view.
#[test]
fn an_outline_click_moves_the_view_only_to_a_node_out_of_view() {
    let mut h = window(&sample_path("chile-anti-trafficking.ron"), vec2(1600.0, 1000.0));
    let canvas = h.state().canvas_rect();
    let (stages, determinants) = node_ids(&h);
    let map = h.state().state().doc.map.clone();
    // A stage is in view at first: clicking it in the outline moves nothing.
    let stage = map.stage(&stages[0]).unwrap().label.clone();
    let before = h.state().node_screen_rect(&stages[0]).unwrap();
    h.get_all_by_label(&format!("1. {stage}"))
        .next()
        .expect("in the outline")
        .click();
    h.run();
    assert_eq!(h.state().node_screen_rect(&stages[0]).unwrap(), before);
    // A determinant out of view, found with the outline's search: the view goes to it.
    let away = determinants
        .iter()
        .find(|id| !within(canvas, h.state().node_screen_rect(id).unwrap()))
        .expect("at a readable zoom, part of the Chile map is out of view")
        .clone();
    let label = map.determinant(&away).unwrap().label.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(Event::Text(label.clone()));
    h.run();
    // The outline shortens long entries to its width: found by their beginning.
    let start: String = label.chars().take(16).collect();
    h.get_all(By::new().label_contains(&start))
        .next()
        .expect("in the outline")
        .click();
    h.run();
    let r = h.state().node_screen_rect(&away).unwrap();
    assert!(
        within(h.state().canvas_rect(), r),
        "{away} at {r:?} after the outline click"
    );
}

/// With the toolbar's Select, a plain drag on empty canvas selects by a box; with Pan it moves
/// the view and selects nothing.
#[test]
fn the_toolbar_chooses_whether_a_drag_pans_or_selects() {
    let mut h = window(&sample_path("chile-anti-trafficking.ron"), vec2(1600.0, 1000.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let canvas = h.state().canvas_rect();
    let empty = empty_spot(&h, canvas);
    let target = canvas.center();
    drag(&mut h, empty, target, Modifiers::NONE);
    assert!(h.state().state().selection.is_empty(), "Pan selects nothing");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    h.get_by_label("⬚ Select").click();
    h.run();
    assert!(h.state().state().prefs.drag_selects);
    let empty = empty_spot(&h, h.state().canvas_rect());
    let zoom = h.state().canvas_zoom();
    drag(&mut h, empty, target, Modifiers::NONE);
    assert!(!h.state().state().selection.is_empty(), "Select drew a box");
    assert_eq!(h.state().canvas_zoom(), zoom);
}

/// A point of the canvas with no node within 30 points, near its top-left corner.
fn empty_spot(h: &Harness<'_, DetmapApp>, canvas: Rect) -> Pos2 {
    let map = &h.state().state().doc.map;
    let rects: Vec<Rect> = map
        .stages
        .iter()
        .map(|s| s.id.clone())
        .chain(map.determinants.iter().map(|d| d.id.clone()))
        .filter_map(|id| h.state().node_screen_rect(&id))
        .collect();
    let mut y = canvas.min.y + 20.0;
    while y < canvas.max.y - 20.0 {
        let mut x = canvas.min.x + 20.0;
        while x < canvas.max.x - 20.0 {
            let p = Pos2::new(x, y);
            if rects.iter().all(|r| !r.expand(30.0).contains(p)) {
                return p;
            }
            x += 15.0;
        }
        y += 15.0;
    }
    panic!("no empty spot on the canvas {canvas:?}");
}
