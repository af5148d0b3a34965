//! How sure the analysis is, without a window: each cell's strongest confidence, derived once per
//! change, and the minimum confidence as a view filter that the matrix, the explanations, the
//! knock-out and the canvas' marks all follow, the same as `--min-confidence` (the core's
//! `with_min_confidence`), while the map and its file stay as they were.

use super::AppModel;
use crate::analysis::{KnockOut, MapGraph, Matrix, Reachability, knock_out, with_min_confidence};
use crate::app::analysis_view::{AnalysisRequest, Focus};
use crate::app::commands::{Choice, Command, Request};
use crate::app::derived::emphasis::Mark;
use crate::app::derived::rows::Shown;
use crate::app::derived::{Summary, ViewResults};
use crate::app::edit::Edit;
use crate::app::persistence::Prefs;
use crate::format;
use crate::model::{Determinant, Influence, Level, Map, Position, Sign, Stage};

/// One stage `s` and four determinants: `a` reaches it only by a low-confidence link, `b` by a
/// medium one, `c` only through `a` (so low), `d` by a link with no confidence given (high).
fn map() -> Map {
    let det = |id: &str, x: f32| Determinant::uncoded(id, id.to_uppercase(), vec!["C".into()], Position::new(x, 0.0));
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
        categories: vec![crate::model::Category {
            name: "C".into(),
            colour: crate::model::Colour([0x4e, 0x79, 0xa7]),
        }],
        stages: vec![Stage {
            id: "s".into(),
            label: "Adoption".into(),
            description: String::new(),
            position: Position::new(0.0, 300.0),
        }],
        determinants: vec![det("a", 0.0), det("b", 200.0), det("c", 400.0), det("d", 600.0)],
        influences: vec![
            link(0, "a", "s", Some(Level::Low)),
            link(1, "b", "s", Some(Level::Medium)),
            link(2, "c", "a", Some(Level::High)),
            link(3, "d", "s", None),
            link(4, "d", "a", Some(Level::High)),
        ],
        ..Map::default()
    }
}

/// The model on `map()`, from a file, with the analysis panel open and brought up to date.
fn model() -> (tempfile::TempDir, std::path::PathBuf, AppModel) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("confidence.ron");
    format::save_file(&path, &map()).unwrap();
    let mut model = AppModel::new(Prefs::default(), false, Some(path.clone()));
    model.apply(Request::Run(Command::ToggleAnalysis), 0.0);
    model.tick(0.0);
    (dir, path, model)
}

fn ask(model: &mut AppModel, r: AnalysisRequest) {
    model.apply(Request::Analysis(r), 1.0);
    model.tick(1.0);
}

fn view(model: &AppModel) -> &ViewResults {
    model.state().derived.current().expect("the panel is open")
}

/// The column of stage `s` (the only one), determinant by determinant: what it shows and how sure.
fn column(model: &AppModel) -> Vec<(Shown, Option<Level>)> {
    let v = view(model);
    (0..4).map(|i| (v.cells[i][0], v.confidence[i][0])).collect()
}

fn feeds(c: &(Shown, Option<Level>)) -> bool {
    matches!(c.0, Shown::Feeds(_))
}

#[test]
fn each_cell_knows_how_sure_it_is_and_the_totals_count_the_tentative() {
    let (_dir, _path, model) = model();
    let sure: Vec<Option<Level>> = column(&model).iter().map(|c| c.1).collect();
    assert_eq!(
        sure,
        [
            Some(Level::Low),
            Some(Level::Medium),
            Some(Level::Low),
            Some(Level::High)
        ]
    );
    let t = view(&model).totals[0];
    assert_eq!((t.feed, t.low, t.medium), (4, 2, 1));
}

/// The explanation of a tentative cell says so, and names its weak step.
#[test]
fn the_explanation_of_a_cell_marks_its_weak_links() {
    let (_dir, _path, mut model) = model();
    ask(
        &mut model,
        AnalysisRequest::Focus(Some(Focus::Cell {
            determinant: "c".into(),
            stage: "s".into(),
        })),
    );
    let Some(Summary::Cell { paths, confidence, .. }) = &view(&model).summary else {
        panic!("a cell in focus is explained");
    };
    assert_eq!(*confidence, Some(Level::Low));
    assert_eq!(paths.len(), 1);
    let steps: Vec<(&str, Level)> = paths[0].steps.iter().map(|s| (s.to.as_str(), s.confidence)).collect();
    assert_eq!(steps, [("A", Level::High), ("Adoption", Level::Low)]);
    assert_eq!(paths[0].confidence(), Level::Low);
}

/// The filter analyses the same map as `--min-confidence medium`: the matrix is the core's on
/// that map, the links left out fade on the canvas, the knock-out follows, and the document is
/// neither changed nor dirty.
#[test]
fn the_minimum_confidence_filters_the_matrix_the_knock_out_and_the_canvas_not_the_map() {
    let (_dir, path, mut model) = model();
    assert!(
        column(&model).iter().all(feeds),
        "at low, every determinant feeds the stage"
    );
    ask(&mut model, AnalysisRequest::MinConfidence(Level::Medium));
    let filtered = with_min_confidence(&map(), Level::Medium);
    let expected = Matrix::compute(&filtered, &Reachability::compute(&filtered));
    let col = column(&model);
    for (i, row) in expected.rows.iter().enumerate() {
        assert_eq!(col[i].0, row.cells[0].map_or(Shown::Empty, Shown::Feeds), "row {i}");
    }
    assert_eq!(
        col.iter().map(feeds).collect::<Vec<_>>(),
        [false, true, false, true],
        "a and c rest on the low link only"
    );
    assert_eq!(view(&model).totals[0].low, 0);
    let links = &view(&model).emphasis.links;
    assert_eq!(links[0], Mark::Faded, "the low link fades");
    assert!(links[1..].iter().all(|m| *m == Mark::Normal), "{links:?}");

    // Knocking d out at high: only d stated a path into the stage, so it loses every enabler;
    // as drawn (low) a and b still enable it.
    ask(&mut model, AnalysisRequest::MinConfidence(Level::High));
    ask(&mut model, AnalysisRequest::KnockOut(Some("d".into())));
    let core = |min| -> KnockOut { knock_out(&MapGraph::new(&with_min_confidence(&map(), min)), &"d".into()).unwrap() };
    let losses = &model.state().derived.knock.as_ref().unwrap().losses;
    assert_eq!(*losses, core(Level::High));
    assert!(losses.losses[0].loses_all_enabling);
    ask(&mut model, AnalysisRequest::MinConfidence(Level::Low));
    let losses = &model.state().derived.knock.as_ref().unwrap().losses;
    assert_eq!(*losses, core(Level::Low));
    assert!(losses.losses.is_empty() || !losses.losses[0].loses_all_enabling);

    let state = model.state();
    assert_eq!(state.doc.map, map(), "the map is untouched");
    assert!(!state.doc.is_dirty());
    assert_eq!(
        format::load_str(&std::fs::read_to_string(&path).unwrap()).unwrap(),
        map()
    );
}

/// The filter is view state: an edit of an influence's confidence changes the cell at once (it is
/// part of the structure the analysis is kept for), and another document opens unfiltered.
#[test]
fn a_confidence_edit_is_followed_and_a_new_document_opens_unfiltered() {
    let (_dir, _path, mut model) = model();
    let mut stated = map().influences[0].clone();
    stated.confidence = Some(Level::High);
    model.apply(
        Request::Edit {
            edit: Edit::SetInfluence(stated),
            merge: None,
        },
        2.0,
    );
    model.tick(2.0);
    assert_eq!(column(&model)[0].1, Some(Level::High), "a's link is now stated");
    assert_eq!(column(&model)[2].1, Some(Level::High), "and so c's path through it");

    ask(&mut model, AnalysisRequest::MinConfidence(Level::High));
    model.apply(Request::Run(Command::New), 3.0);
    model.apply(Request::Confirm(Choice::Discard), 3.0);
    assert_eq!(model.state().analysis.min_confidence, Level::Low);
}
