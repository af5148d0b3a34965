//! How sure the analysis is, in the window, driven as a user would (egui_kittest, headless): the
//! matrix marks a feed that rests only on low-confidence links as tentative (in words a screen
//! reader and the test read, and in the legend), and the "Minimum confidence" drop-down leaves such
//! links out of the matrix, the explanation and the canvas, as `--min-confidence` does.
#![cfg(feature = "gui")]

mod common;

use detmap::analysis::{Matrix, Reachability, with_min_confidence};
use detmap::app::DetmapApp;
use detmap::app::derived::emphasis::Mark;
use detmap::app::derived::rows::Shown;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::model::{Determinant, Influence, Level, Map, Position, Sign, Stage};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// One stage and four determinants: A reaches it only by a link the study implies (low), B by one
/// of medium confidence, C only through A, D by a link with no confidence given (stated).
fn map() -> Map {
    let det = |id: &str, label: &str, x: f32| Determinant::uncoded(id, label, vec!["C".into()], Position::new(x, 0.0));
    let link = |k: usize, from: &str, to: &str, confidence: Option<Level>| Influence {
        id: format!("i{k}").as_str().into(),
        from: from.into(),
        to: to.into(),
        sign: Sign::Enables,
        strength: None,
        confidence,
        note: String::new(),
        evidence: vec![],
    };
    Map {
        title: "Confidence".into(),
        categories: vec![detmap::model::Category {
            name: "C".into(),
            colour: detmap::model::Colour([0x4e, 0x79, 0xa7]),
        }],
        stages: vec![Stage {
            id: "s".into(),
            label: "Adoption".into(),
            description: String::new(),
            position: Position::new(300.0, 300.0),
        }],
        determinants: vec![
            det("a", "Implied pressure", 0.0),
            det("b", "Reported pressure", 200.0),
            det("c", "Media attention", 400.0),
            det("d", "Stated mandate", 600.0),
        ],
        influences: vec![
            link(0, "a", "s", Some(Level::Low)),
            link(1, "b", "s", Some(Level::Medium)),
            link(2, "c", "a", Some(Level::High)),
            link(3, "d", "s", None),
        ],
        ..Map::default()
    }
}

/// The window on the map, with the analysis panel opened by its toolbar button.
fn window(dir: &std::path::Path) -> Harness<'static, DetmapApp> {
    let path = dir.join("confidence.ron");
    detmap::format::save_file(&path, &map()).unwrap();
    let mut h = common::window::window(&ScriptedDialogs::default(), &path);
    h.key_press_modifiers(Modifiers::ALT, Key::L);
    h.run();
    h.get_by_label("▲ Analysis").click();
    h.run();
    h
}

fn pick(h: &mut Harness<'_, DetmapApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, option).click();
    h.run();
}

fn column(h: &Harness<'_, DetmapApp>) -> Vec<Shown> {
    let v = h.state().state().derived.current().expect("the panel is open");
    v.cells.iter().map(|row| row[0]).collect()
}

#[test]
fn a_tentative_cell_is_marked_and_the_minimum_confidence_leaves_it_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = window(dir.path());
    // Marked in words (the cell's name, its tooltip) and explained by the legend.
    h.get_by_label("Implied pressure → Adoption: direct, enables, low confidence");
    h.get_by_label("Media attention → Adoption: 2 steps, enables, low confidence");
    h.get_by_label("Reported pressure → Adoption: direct, enables, medium confidence");
    h.get_by_label("Stated mandate → Adoption: direct, enables");
    h.get_by_label("low, med.: rests only on less sure links");
    h.get_by_label("Tentative (low confidence), stage 1: 2");

    // Its explanation names the weak link.
    h.get_by_label("Media attention → Adoption: 2 steps, enables, low confidence")
        .click();
    h.run();
    h.get_by_label("Weak link: low confidence");

    pick(&mut h, "Minimum confidence", "medium");
    assert_eq!(h.state().state().analysis.min_confidence, Level::Medium);
    let filtered = with_min_confidence(&map(), Level::Medium);
    let expected: Vec<Shown> = Matrix::compute(&filtered, &Reachability::compute(&filtered))
        .rows
        .iter()
        .map(|r| r.cells[0].map_or(Shown::Empty, Shown::Feeds))
        .collect();
    assert_eq!(column(&h), expected, "the matrix is the core's at medium");
    assert_eq!(expected[0], Shown::Empty);
    assert!(
        h.query_by_label("Implied pressure → Adoption: direct, enables, low confidence")
            .is_none(),
        "the tentative feed is gone"
    );
    h.get_by_label("Reported pressure → Adoption: direct, enables, medium confidence");
    assert!(h.query_by_label("Weak link: low confidence").is_none());
    let links = &h.state().state().derived.current().unwrap().emphasis.links;
    assert_eq!(links[0], Mark::Faded, "the low link fades on the canvas: {links:?}");
    assert!(!h.state().state().doc.is_dirty(), "a view filter, not an edit");

    pick(&mut h, "Minimum confidence", "low");
    h.get_by_label("Implied pressure → Adoption: direct, enables, low confidence");
}
