//! Capture at the speed of the room, without a window: new nodes in free space, coding several
//! determinants in one step, a pasted list made into determinants.

use super::{AppModel, CanvasEffect, PlatformAction};
use crate::app::commands::{Command, Proceed, Request, Select};
use crate::app::edit::{Coding, Edit, MAX_PASTED_LINES};
use crate::app::persistence::Prefs;
use crate::geometry::{MapGeometry, Rect};
use crate::layout::GAP;
use crate::model::{Id, Map, Nature, Position};
use std::collections::HashSet;

fn chile() -> AppModel {
    let mut model = AppModel::new(Prefs::default(), false, None);
    model.apply(Request::Proceed(Proceed::OpenSample("chile-anti-trafficking.ron")), 0.0);
    model
}

fn run(model: &mut AppModel, c: Command) -> Vec<PlatformAction> {
    model.apply(Request::Run(c), 0.0)
}

fn ids(map: &Map) -> HashSet<Id> {
    map.stages
        .iter()
        .map(|s| s.id.clone())
        .chain(map.determinants.iter().map(|d| d.id.clone()))
        .collect()
}

/// Every pair of boxes of `map` with at least one of `new` in it, closer than the gap: none is
/// expected. Checked pair by pair, the plain way.
fn crowded(map: &Map, new: &HashSet<Id>) -> Vec<(Id, Id)> {
    let g = MapGeometry::new(map);
    let mut bad = Vec::new();
    for (k, a) in g.nodes.iter().enumerate() {
        for b in &g.nodes[k + 1..] {
            if !(new.contains(&a.id) || new.contains(&b.id)) {
                continue;
            }
            let grown: Rect = a.rect.inflate(GAP - 0.5, GAP - 0.5);
            if grown.x0 < b.rect.x1 && b.rect.x0 < grown.x1 && grown.y0 < b.rect.y1 && b.rect.y0 < grown.y1 {
                bad.push((a.id.clone(), b.id.clone()));
            }
        }
    }
    bad
}

fn shows(actions: &[PlatformAction]) -> bool {
    actions
        .iter()
        .any(|a| matches!(a, PlatformAction::Canvas(CanvasEffect::Show(_))))
}

#[test]
fn twenty_new_determinants_from_the_keyboard_never_cover_a_node_and_each_is_shown() {
    let mut model = chile();
    let before = ids(&model.state().doc.map);
    // The middle of the view is where the sample is busiest.
    let centre = model.state().doc.map.determinants[3].position;
    model.set_view_centre(centre);
    run(&mut model, Command::Escape);
    for n in 0..20 {
        let actions = run(&mut model, Command::AddDeterminant);
        assert!(
            shows(&actions),
            "the canvas is asked to show new determinant {n}: {actions:?}"
        );
        // Typing its label ends the rename; the next one goes next to it (it is selected).
        model.apply(Request::Rename(None), 0.0);
    }
    let map = &model.state().doc.map;
    let new: HashSet<Id> = ids(map).difference(&before).cloned().collect();
    assert_eq!(new.len(), 20);
    assert_eq!(crowded(map, &new), vec![]);
    // Each went next to the one before: a column, not scattered over the map.
    let ys: Vec<f32> = map.determinants.iter().rev().take(20).map(|d| d.position.y).collect();
    let spread = ys.iter().fold(f32::MIN, |a, &b| a.max(b)) - ys.iter().fold(f32::MAX, |a, &b| a.min(b));
    assert!(spread < 20.0 * 120.0, "{ys:?}");
}

#[test]
fn a_double_click_keeps_its_spot_unless_a_node_is_there() {
    let mut model = chile();
    let map = &model.state().doc.map;
    let bounds = MapGeometry::new(map).bounds().unwrap();
    let empty = Position::new((bounds.x1 + 500.0) as f32, (bounds.y1 + 500.0) as f32);
    model.apply(Request::AddDeterminantAt(empty), 0.0);
    let d = model.state().doc.map.determinants.last().unwrap();
    assert_eq!(d.position, empty, "free: kept where clicked");

    let taken = model.state().doc.map.determinants[0].clone();
    let before = ids(&model.state().doc.map);
    model.apply(Request::AddDeterminantAt(taken.position), 0.0);
    let map = &model.state().doc.map;
    let new: HashSet<Id> = ids(map).difference(&before).cloned().collect();
    let d = map.determinant(new.iter().next().unwrap()).unwrap();
    assert_ne!(d.position, taken.position, "moved off the node under the pointer");
    assert_eq!(crowded(map, &new), vec![]);
    let moved = (d.position.x - taken.position.x).hypot(d.position.y - taken.position.y);
    assert!(moved < 400.0, "but stays near where the user clicked: {moved}");
}

#[test]
fn a_new_stage_goes_below_the_last_one_in_free_space() {
    let mut model = chile();
    let last = model.state().doc.map.stages.last().unwrap().position;
    let before = ids(&model.state().doc.map);
    let actions = run(&mut model, Command::AddStage);
    assert!(shows(&actions), "{actions:?}");
    let map = &model.state().doc.map;
    let stage = map.stages.last().unwrap();
    assert_eq!(stage.position.x, last.x, "in the column of stages");
    assert!(stage.position.y > last.y, "below the last one");
    let new: HashSet<Id> = ids(map).difference(&before).cloned().collect();
    assert_eq!(crowded(map, &new), vec![]);
    // Again, with the first stage selected: below it, where the second is, so it moves off it.
    let first = map.stages[0].id.clone();
    model.apply(Request::Select(Select::Only(vec![first])), 0.0);
    let before = ids(&model.state().doc.map);
    run(&mut model, Command::AddStage);
    let map = &model.state().doc.map;
    let new: HashSet<Id> = ids(map).difference(&before).cloned().collect();
    assert_eq!(new.len(), 1);
    assert_eq!(crowded(map, &new), vec![]);
}

#[test]
fn coding_three_determinants_is_one_undo_step() {
    let mut model = chile();
    let three: Vec<Id> = model.state().doc.map.determinants[..3]
        .iter()
        .map(|d| d.id.clone())
        .collect();
    let before = model.state().doc.map.clone();
    model.apply(Request::Select(Select::Only(three.clone())), 0.0);
    for (now, coding) in [
        (1.0, Coding::Nature(Some(Nature::PressurePoint))),
        (2.0, Coding::AddTag("room".into())),
    ] {
        model.apply(
            Request::Edit {
                edit: Edit::Code {
                    ids: three.clone(),
                    coding,
                },
                merge: None,
            },
            now,
        );
    }
    let map = &model.state().doc.map;
    for id in &three {
        let d = map.determinant(id).unwrap();
        assert_eq!(d.nature, Some(Nature::PressurePoint));
        assert!(d.tags.contains(&"room".to_string()));
    }
    run(&mut model, Command::Undo);
    let map = &model.state().doc.map;
    assert!(
        three
            .iter()
            .all(|id| !map.determinant(id).unwrap().tags.contains(&"room".to_string())),
        "one undo takes the tag off all three"
    );
    assert!(
        three
            .iter()
            .all(|id| map.determinant(id).unwrap().nature == Some(Nature::PressurePoint))
    );
    run(&mut model, Command::Undo);
    assert_eq!(model.state().doc.map, before, "and the next one the nature");
}

#[test]
fn pasted_lines_become_determinants_in_free_space_in_one_step() {
    let mut model = chile();
    let before = model.state().doc.map.clone();
    let anchor = before.determinants[5].id.clone();
    model.apply(Request::Select(Select::Only(vec![anchor])), 0.0);
    let actions = model.apply(
        Request::PasteText("- Lawsuits\n* Media campaign\n\n• Budget cut\n1. Court ruling\n2) Church support\n".into()),
        0.0,
    );
    assert!(shows(&actions), "{actions:?}");
    let state = model.state();
    let map = &state.doc.map;
    let new: HashSet<Id> = ids(map).difference(&ids(&before)).cloned().collect();
    assert_eq!(new.len(), 5);
    let labels: Vec<&str> = map
        .determinants
        .iter()
        .rev()
        .take(5)
        .rev()
        .map(|d| d.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "Lawsuits",
            "Media campaign",
            "Budget cut",
            "Court ruling",
            "Church support"
        ]
    );
    let pasted: Vec<Position> = map
        .determinants
        .iter()
        .rev()
        .take(5)
        .rev()
        .map(|d| d.position)
        .collect();
    assert!(
        pasted.windows(2).all(|w| w[0].x == w[1].x && w[0].y < w[1].y),
        "a column in the order of the lines: {pasted:?}"
    );
    assert_eq!(state.selection.ids, new, "the new ones are selected");
    assert_eq!(crowded(map, &new), vec![]);
    assert!(
        state
            .status
            .as_deref()
            .is_some_and(|s| s.starts_with("Added 5 determinants"))
    );
    run(&mut model, Command::Undo);
    assert_eq!(model.state().doc.map, before, "one undo takes all five back");

    // A whole document is refused, with the reason, and nothing is made.
    let huge = "a line\n".repeat(MAX_PASTED_LINES + 50);
    model.apply(Request::PasteText(huge), 0.0);
    assert_eq!(model.state().doc.map, before);
    assert!(model.state().status.as_deref().unwrap().contains("at most 200"));
    // So is a broken map file, rather than one determinant per line of it.
    model.apply(
        Request::PasteText("(\n  format_version: 2,\n  title: \"half".into()),
        0.0,
    );
    assert_eq!(model.state().doc.map, before);
    assert!(model.state().status.as_deref().unwrap().contains("does not load"));
    // A copied fragment still pastes as itself.
    let text = crate::app::edit::copy_text(&before, &HashSet::from([before.determinants[0].id.clone()]));
    model.apply(Request::PasteText(text), 0.0);
    assert_eq!(model.state().doc.map.determinants.len(), before.determinants.len() + 1);
    assert_eq!(
        model.state().doc.map.determinants.last().unwrap().label,
        before.determinants[0].label
    );
}

#[test]
fn paste_lines_from_the_menu_asks_for_the_clipboard() {
    let mut model = chile();
    assert_eq!(run(&mut model, Command::PasteLines), vec![PlatformAction::RequestPaste]);
}
