//! The steps panel as a facilitator uses it: a step added from the view on the canvas and named
//! at once, reordered, undone, saved and read back; the presentation played from a chosen step,
//! each step's view framing what it shows (readable at 1280×720 when it fits so), gliding there
//! and then idle.
#![cfg(feature = "gui")]

mod common;

use common::window::{click, drag};
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::export::step_view::Mark;
use detmap::model::{Feeders, Focus, Id, Map};
use egui::{Event, Key, Modifiers, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

/// The Chile sample, copied to a folder of its own (so a save never touches the sample), open in
/// a 1280×720 window (a projector's).
fn chile() -> (tempfile::TempDir, PathBuf, Harness<'static, DetmapApp>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("chile.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron"),
        &file,
    )
    .unwrap();
    let open = file.clone();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        // A step glides to its framing over 0.35 s: some 20 frames, then idle.
        .with_max_steps(40)
        .build_eframe(move |cc| {
            DetmapApp::with_dialogs(
                &cc.egui_ctx,
                Prefs::default(),
                Some(open),
                Box::new(ScriptedDialogs::default()),
            )
        });
    h.run();
    (dir, file, h)
}

fn type_text(h: &mut Harness<'_, DetmapApp>, text: &str) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

fn titles(h: &Harness<'_, DetmapApp>) -> Vec<String> {
    let map = &h.state().state().doc.map;
    map.presentation.iter().map(|s| s.title.clone()).collect()
}

#[test]
fn a_step_from_the_view_is_named_moved_undone_saved_and_read_back() {
    let (_dir, file, mut h) = chile();
    let before = titles(&h);
    // The analysis open, implementation in focus: what the step will show.
    h.get_by_label("▲ Analysis").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    let stage = Id::from("s4-implementation");
    let at = h.state().node_screen_rect(&stage).expect("drawn").center();
    assert!(h.state().canvas_rect().contains(at));
    click(&mut h, at);
    let focus = h.state().state().analysis.focus.clone();
    assert_eq!(focus, Some(detmap::app::analysis_view::Focus::Stage(stage.clone())));
    // View › Presentation steps, by its shortcut as Help › Keyboard shortcuts lists it.
    h.key_press_modifiers(Modifiers::ALT, Key::P);
    h.run();
    assert!(h.state().state().prefs.show_steps);
    h.get_by_label("Add step from view").click();
    h.run();
    let added = titles(&h);
    assert_eq!(added.len(), before.len() + 1);
    assert_eq!(
        added.last().unwrap(),
        "What feeds Implementation and enforcement",
        "{added:?}"
    );
    let step = h.state().state().doc.map.presentation.last().unwrap().clone();
    assert_eq!(
        step.focus,
        Focus::Stage {
            stage: stage.clone(),
            feeders: Feeders::All
        }
    );
    // The title has the keyboard, all of it selected: typing names the step, Enter keeps it.
    assert!(h.ctx.text_edit_focused(), "the new step's title is ready for typing");
    type_text(&mut h, "Who carries implementation");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(titles(&h).last().unwrap(), "Who carries implementation");
    assert!(h.ctx.text_edit_focused(), "Enter keeps the keyboard in the field");
    assert_eq!(h.state().state().undo_what.as_deref(), Some("rename step"));
    h.key_press(Key::Escape);
    h.run();

    h.get_by_label("↑ Move up").click();
    h.run();
    let moved = titles(&h);
    assert_eq!(moved[moved.len() - 2], "Who carries implementation");
    assert_eq!(h.state().state().undo_what.as_deref(), Some("move step"));
    // The Edit menu names the step to undo.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo move step").click();
    h.run();
    assert_eq!(titles(&h).last().unwrap(), "Who carries implementation");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        titles(&h).last().unwrap(),
        "What feeds Implementation and enforcement",
        "the rename undone"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().state().doc.is_dirty());
    let saved: Map = detmap::format::load_file(&file).expect("the saved map reopens");
    assert_eq!(saved.presentation, h.state().state().doc.map.presentation);
    let last = saved.presentation.last().unwrap();
    assert_eq!(
        (last.title.as_str(), &last.focus),
        ("Who carries implementation", &step.focus)
    );
}

/// The rectangles on screen of the nodes a step lights.
fn lit_rects(h: &Harness<'_, DetmapApp>) -> Vec<Rect> {
    let s = h.state().state();
    let view = s.step_view.as_ref().expect("a step is on screen");
    let map = &s.doc.map;
    map.node_ids()
        .zip(&view.nodes)
        .filter(|(_, m)| **m == Mark::Lit)
        .map(|(id, _)| h.state().node_screen_rect(id).unwrap())
        .collect()
}

#[test]
fn playing_from_a_step_frames_what_it_shows_gliding_there_then_idle() {
    let (_dir, _file, mut h) = chile();
    h.key_press_modifiers(Modifiers::ALT, Key::P);
    h.run();
    // What delayed the law: the adoption stage and what hinders it, few enough to fit readably.
    let steps = h.state().state().doc.map.presentation.clone();
    let k = steps
        .iter()
        .position(|s| {
            s.focus
                == Focus::Stage {
                    stage: "s2-adoption".into(),
                    feeders: Feeders::Hindering,
                }
        })
        .expect("the Chile story's step on the law's delay");
    h.get_by_label(&format!("{}. {}", k + 1, steps[k].title)).click();
    h.run();
    h.get_by_label("▶ Play from this step").click();
    // The view glides: a few frames in, it is on its way, not there.
    for _ in 0..4 {
        h.step();
    }
    let s = h.state().state();
    assert!(s.presentation && s.step == Some(k));
    let on_the_way = h.state().canvas_zoom();
    // Then it arrives, and the window goes idle: a frame or two more, not one after another.
    h.run();
    assert!(
        h.try_run().is_ok_and(|steps| steps <= 2),
        "the window keeps repainting after the glide"
    );
    let zoom = h.state().canvas_zoom();
    assert_ne!(on_the_way, zoom, "the view moved over several frames");
    let canvas = h.state().canvas_rect();
    let lit = lit_rects(&h);
    assert!(lit.len() >= 2, "the stage and what delayed it");
    for r in &lit {
        assert!(canvas.contains_rect(*r), "{r:?} outside the canvas {canvas:?}");
    }
    // Framed on them, not on the whole map: they fill the canvas one way or the other.
    let all = lit.iter().copied().reduce(Rect::union).unwrap();
    assert!(
        all.width() > canvas.width() * 0.6 || all.height() > canvas.height() * 0.6,
        "{all:?} in {canvas:?}"
    );
    // Labels of 12 points or more (the geometry's 15-point labels at 0.8): the whole map, at
    // 1280×720, is framed at a third of that.
    assert!(zoom * 15.0 >= 12.0, "zoom {zoom}");

    // → and ←: the next step and back, each framed again.
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().state().step, Some(k + 1));
    let canvas = h.state().canvas_rect();
    for r in lit_rects(&h) {
        assert!(canvas.contains_rect(r), "{r:?} outside the canvas {canvas:?}");
    }
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().state().step, Some(k));
    assert!((h.state().canvas_zoom() - zoom).abs() < 1e-3, "the same framing again");
}

#[test]
fn what_a_step_hides_is_not_there_to_click() {
    let (_dir, _file, mut h) = chile();
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let s = h.state().state();
    assert!(s.presentation && s.step == Some(0), "F5 and → play the first step");
    let view = s.step_view.clone().expect("a step is on screen");
    let map = s.doc.map.clone();
    let ids: Vec<Id> = map.node_ids().cloned().collect();
    let canvas = h.state().canvas_rect();
    let rect = |id: &Id| h.state().node_screen_rect(id).unwrap();
    let shown: Vec<Rect> = ids
        .iter()
        .zip(&view.nodes)
        .filter(|(_, m)| **m != Mark::Hidden)
        .map(|(id, _)| rect(id))
        .collect();
    // A hidden determinant whose place on screen no shown node covers.
    let (hidden, at) = ids
        .iter()
        .zip(&view.nodes)
        .filter(|(id, m)| **m == Mark::Hidden && map.determinant(id).is_some())
        .map(|(id, _)| (id.clone(), rect(id).center()))
        .find(|(_, p)| canvas.shrink(20.0).contains(*p) && !shown.iter().any(|r| r.expand(4.0).contains(*p)))
        .expect("the first step of the Chile story hides a determinant in its view");
    click(&mut h, at);
    let s = h.state().state();
    assert!(!s.selection.ids.contains(&hidden), "a hidden determinant was selected");
    assert!(
        !matches!(&s.analysis.focus, Some(detmap::app::analysis_view::Focus::Determinant(id)) if *id == hidden),
        "a hidden determinant was put in focus"
    );
}

/// The first step of the Chile story is about eight nodes spread over the map's width: played, it
/// gathers them (as its slide does), large enough for labels of 12 pixels and more, none over
/// another, inside the canvas; a drag on one moves nothing in the map; Esc puts every node back
/// where the map has it.
#[test]
fn a_step_spread_over_the_map_gathers_its_items_readably_and_esc_puts_them_back() {
    let (_dir, _file, mut h) = chile();
    let before = h.state().state().doc.map.clone();
    let distance_on_map = |a: &str, b: &str| {
        let p = |id: &str| {
            let id = Id::from(id);
            before
                .stage(&id)
                .map(|s| s.position)
                .or_else(|| before.determinant(&id).map(|d| d.position))
                .unwrap()
        };
        let (p, q) = (p(a), p(b));
        ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt()
    };
    let distance_on_screen = |h: &Harness<'_, DetmapApp>, a: &str, b: &str| {
        let r = |id: &str| h.state().node_screen_rect(&Id::from(id)).unwrap().center();
        r(a).distance(r(b)) / h.state().canvas_zoom()
    };
    let (a, b) = ("s1-acknowledgment", "cs-early-research");
    assert!((distance_on_screen(&h, a, b) - distance_on_map(a, b)).abs() < 1.0);

    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(
        h.try_run().is_ok_and(|steps| steps <= 2),
        "the window keeps repainting after the nodes arrive"
    );
    let s = h.state().state();
    let view = s.step_view.clone().expect("a step is on screen");
    assert!(
        view.gathered.is_some(),
        "the first step's items are far apart on the map"
    );
    let ids: Vec<Id> = before.node_ids().cloned().collect();
    let shown: Vec<(Id, Rect)> = ids
        .iter()
        .zip(&view.nodes)
        .filter(|(_, m)| **m != Mark::Hidden)
        .map(|(id, _)| (id.clone(), h.state().node_screen_rect(id).unwrap()))
        .collect();
    assert!(shown.len() >= 5);
    let canvas = h.state().canvas_rect();
    for (i, (id, r)) in shown.iter().enumerate() {
        assert!(canvas.contains_rect(*r), "{id} at {r:?} outside the canvas {canvas:?}");
        for (other, q) in &shown[i + 1..] {
            assert!(!r.intersects(*q), "{id} and {other} overlap");
        }
    }
    // Labels of 12 pixels or more: the geometry's 15-unit label at the canvas's zoom, in pixels.
    let ppp = h.ctx.pixels_per_point();
    let zoom = h.state().canvas_zoom();
    assert!(zoom * 15.0 * ppp >= 12.0, "zoom {zoom} at {ppp} pixels per point");
    // They are not where the map has them.
    assert!((distance_on_screen(&h, a, b) - distance_on_map(a, b)).abs() > 10.0);

    // A drag on a gathered node moves nothing in the map (it is not where the map has it).
    let from = h.state().node_screen_rect(&Id::from(b)).unwrap().center();
    drag(&mut h, from, from + vec2(80.0, 48.0), Modifiers::NONE);
    assert!(
        h.state().state().doc.map == before,
        "a drag in a gathered step changed the map"
    );

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().state().presentation);
    assert!(
        (distance_on_screen(&h, a, b) - distance_on_map(a, b)).abs() < 1.0,
        "back where the map has them"
    );
}
