//! Capture at the speed of the room, driven as a user would (egui_kittest, headless) on the Chile
//! sample at a projector's 1280×720: new nodes never land on others, several determinants are
//! coded in one step, a pasted list becomes determinants, evidence goes in with Enter.
#![cfg(feature = "gui")]

use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::model::{Id, Map, Nature};
use egui::accesskit::Role;
use egui::{Event, Key, Modifiers, PointerButton, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::collections::HashSet;
use std::path::Path;

fn chile() -> Harness<'static, DetmapApp> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron");
    let dialogs = ScriptedDialogs::default();
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), Some(file), Box::new(dialogs)));
    h.run();
    h
}

/// Zoom to fit (Ctrl+0), so every node is on screen to be clicked.
fn fit(h: &mut Harness<'_, DetmapApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
}

fn click(h: &mut Harness<'_, DetmapApp>, pos: Pos2, modifiers: Modifiers) {
    // Held before the click and let go after it, each in a frame of its own, as a hand does.
    if modifiers != Modifiers::NONE {
        h.event(Event::ModifiersChanged(modifiers));
        h.step();
    }
    h.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers,
        });
    }
    h.step();
    if modifiers != Modifiers::NONE {
        h.event(Event::ModifiersChanged(Modifiers::NONE));
    }
    h.run();
}

/// Lets go of everything as a user does with Escape: the first takes the keyboard from a field,
/// the second clears the selection. (A click on "empty" canvas at 1280×720 may land on the legend
/// or the toolbar, which lie over the canvas.)
fn escape(h: &mut Harness<'_, DetmapApp>) {
    for _ in 0..2 {
        h.key_press(Key::Escape);
        h.run();
    }
    assert!(h.state().state().selection.ids.is_empty());
    assert!(!h.ctx.text_edit_focused(), "no field has the keyboard");
}

fn type_text(h: &mut Harness<'_, DetmapApp>, text: &str) {
    for c in text.chars() {
        h.event(Event::Text(c.to_string()));
        h.step();
    }
    h.run();
}

fn node_ids(map: &Map) -> HashSet<Id> {
    map.stages
        .iter()
        .map(|s| s.id.clone())
        .chain(map.determinants.iter().map(|d| d.id.clone()))
        .collect()
}

/// The pairs of boxes drawn on screen that overlap, among those with a node of `new` in them.
fn overlapping(h: &Harness<'_, DetmapApp>, new: &HashSet<Id>) -> Vec<(Id, Id)> {
    let map = &h.state().state().doc.map;
    let boxes: Vec<(Id, Rect)> = node_ids(map)
        .into_iter()
        .map(|id| {
            let r = h.state().node_screen_rect(&id).expect("every node is drawn");
            (id, r)
        })
        .collect();
    let mut bad = Vec::new();
    for (k, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in &boxes[k + 1..] {
            if (new.contains(a) || new.contains(b)) && ra.intersects(*rb) && ra.intersect(*rb).area() > 0.0 {
                bad.push((a.clone(), b.clone()));
            }
        }
    }
    bad
}

#[test]
fn twenty_determinants_added_with_alt_d_never_overlap_and_each_is_in_view() {
    let mut h = chile();
    escape(&mut h);
    let before = node_ids(&h.state().state().doc.map);
    for n in 1..=20 {
        h.key_press_modifiers(Modifiers::ALT, Key::D);
        h.run();
        let new = h
            .state()
            .state()
            .selection
            .single()
            .cloned()
            .expect("the new one is selected");
        let r = h.state().node_screen_rect(&new).expect("drawn");
        assert!(
            h.state().canvas_rect().contains_rect(r),
            "determinant {n} is in view: {r:?} in {:?}",
            h.state().canvas_rect()
        );
        // Its label is open for typing: the room's words go in, Enter keeps them.
        type_text(&mut h, &format!("Factor {n}"));
        h.key_press(Key::Enter);
        h.run();
    }
    let map = &h.state().state().doc.map;
    let new: HashSet<Id> = node_ids(map).difference(&before).cloned().collect();
    assert_eq!(new.len(), 20);
    assert!(map.determinants.iter().any(|d| d.label == "Factor 20"));
    assert_eq!(overlapping(&h, &new), vec![], "new boxes overlap");
}

#[test]
fn coding_three_selected_determinants_is_one_undo_step() {
    let mut h = chile();
    escape(&mut h);
    let before = h.state().state().doc.map.clone();
    // Three determinants whose nature differs, so the form says "mixed".
    let structural = before
        .determinants
        .iter()
        .filter(|d| d.nature != Some(Nature::PressurePoint));
    let pressure = before
        .determinants
        .iter()
        .find(|d| d.nature == Some(Nature::PressurePoint));
    let three: Vec<Id> = structural.take(2).chain(pressure).map(|d| d.id.clone()).collect();
    assert_eq!(three.len(), 3, "the sample has both natures");
    fit(&mut h);
    for (k, id) in three.iter().enumerate() {
        let at = h.state().node_screen_rect(id).expect("on the canvas").center();
        click(&mut h, at, if k == 0 { Modifiers::NONE } else { Modifiers::SHIFT });
    }
    let selected: HashSet<Id> = three.iter().cloned().collect();
    assert_eq!(h.state().state().selection.ids, selected);
    h.get_by_label("Coding of the 3 selected determinants");
    let mixed = h.query_all_by_label("mixed").count();
    assert!(mixed > 0, "the natures differ: the form says so");

    h.get_by_role_and_label(Role::RadioButton, "pressure point").click();
    h.run();
    assert_eq!(
        h.query_all_by_label("mixed").count(),
        mixed - 1,
        "the nature is one now: no longer mixed"
    );
    let map = &h.state().state().doc.map;
    for id in &three {
        assert_eq!(map.determinant(id).unwrap().nature, Some(Nature::PressurePoint));
    }
    // A new tag typed in the form goes on all three, with Enter.
    let field = h.get_by(|n| n.placeholder() == Some("New tag"));
    field.focus();
    h.run();
    type_text(&mut h, "room");
    h.key_press(Key::Enter);
    h.run();
    let map = &h.state().state().doc.map;
    assert!(
        three
            .iter()
            .all(|id| map.determinant(id).unwrap().tags.contains(&"room".to_string()))
    );

    // Undo twice from the canvas: first the tag off all three, then every nature as it was.
    escape(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let map = &h.state().state().doc.map;
    assert!(
        three
            .iter()
            .all(|id| !map.determinant(id).unwrap().tags.contains(&"room".to_string()))
    );
    assert!(
        three
            .iter()
            .all(|id| map.determinant(id).unwrap().nature == Some(Nature::PressurePoint))
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().state().doc.map == before,
        "one undo restored all three natures"
    );
}

#[test]
fn a_pasted_list_of_five_lines_makes_five_determinants_in_free_space() {
    let mut h = chile();
    escape(&mut h);
    let before = h.state().state().doc.map.clone();
    h.event(Event::Paste(
        "Key issues from the room:\n\n- Lawsuits\n- Media campaign\n- Budget cut\n- Court ruling\n".into(),
    ));
    h.run();
    let state = h.state().state();
    let new: HashSet<Id> = node_ids(&state.doc.map)
        .difference(&node_ids(&before))
        .cloned()
        .collect();
    assert_eq!(new.len(), 5);
    assert_eq!(state.selection.ids, new, "the new determinants are selected");
    let labels: HashSet<&str> = new
        .iter()
        .map(|id| state.doc.map.determinant(id).unwrap().label.as_str())
        .collect();
    assert!(labels.contains("Lawsuits") && labels.contains("Key issues from the room:"));
    assert_eq!(overlapping(&h, &new), vec![]);
    assert!(
        h.query_by_label_contains("Added 5 determinants").is_some(),
        "the status says what happened"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().state().doc.map == before, "one undo takes the five back");
}

#[test]
fn quick_evidence_goes_in_with_enter_and_the_field_keeps_the_keyboard() {
    let mut h = chile();
    escape(&mut h);
    let map = h.state().state().doc.map.clone();
    assert!(!map.sources.is_empty(), "the sample has sources");
    // Select an influence as a user does: its determinant, then the influence in its list.
    let influence = map.influences[0].clone();
    fit(&mut h);
    let at = h.state().node_screen_rect(&influence.from).expect("drawn").center();
    click(&mut h, at, Modifiers::NONE);
    let to = map.label_of(&influence.to);
    let is_row = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.label()
            .is_some_and(|l| l == format!("+ {to}") || l == format!("− {to}"))
    };
    // Below the fold of the inspector at 1280×720: scrolled to, as a user would.
    h.get_by(is_row).scroll_to_me();
    h.run();
    h.get_by(is_row).click();
    h.run();
    assert_eq!(h.state().state().selection.single(), Some(&influence.id));

    let field = h.get_by(|n| n.placeholder() == Some("What it says; Enter adds"));
    field.focus();
    h.run();
    type_text(&mut h, "The bill passed after the campaign");
    h.key_press(Key::Enter);
    h.run();
    let evidence = &h.state().state().doc.map.influence(&influence.id).unwrap().evidence;
    assert_eq!(evidence.len(), influence.evidence.len() + 1, "Enter adds it");
    let added = evidence.last().unwrap();
    assert_eq!(added.paraphrase, "The bill passed after the campaign");
    assert!(map.sources.iter().any(|s| s.id == added.source));
    let field = h.get_by(|n| n.placeholder() == Some("What it says; Enter adds"));
    assert!(field.is_focused(), "the field keeps the keyboard");
    assert!(field.value().is_none_or(|v| v.is_empty()), "and is empty for the next");

    // The next one at once, with a page this time (typed in the page field, Enter there too).
    type_text(&mut h, "Second finding");
    let page = h.get_by(|n| n.placeholder() == Some("Page"));
    page.focus();
    h.run();
    type_text(&mut h, "p. 12");
    h.key_press(Key::Enter);
    h.run();
    let evidence = &h.state().state().doc.map.influence(&influence.id).unwrap().evidence;
    assert_eq!(evidence.len(), influence.evidence.len() + 2);
    assert_eq!(
        (
            evidence.last().unwrap().location.as_str(),
            evidence.last().unwrap().paraphrase.as_str()
        ),
        ("p. 12", "Second finding")
    );
    // Each is one undo step (from the canvas: in a field, Ctrl+Z is the field's own).
    escape(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let evidence = &h.state().state().doc.map.influence(&influence.id).unwrap().evidence;
    assert_eq!(evidence.len(), influence.evidence.len() + 1);
}
