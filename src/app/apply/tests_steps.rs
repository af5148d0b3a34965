//! Building and playing a presentation without a window: steps made from the view, renamed,
//! moved and deleted one undo step each; playing a step frames what it shows and hides what a
//! revealing step has not shown yet.

use super::{AppModel, CanvasEffect, PlatformAction};
use crate::app::analysis_view::{AnalysisRequest, Focus as ViewFocus};
use crate::app::commands::{Command, Proceed, Request};
use crate::app::persistence::Prefs;
use crate::app::steps::StepRequest;
use crate::export::step_view::Mark;
use crate::model::{Feeders, Focus, Id};

fn chile() -> AppModel {
    let mut model = AppModel::new(Prefs::default(), false, None);
    model.apply(Request::Proceed(Proceed::OpenSample("chile-anti-trafficking.ron")), 0.0);
    model
}

fn step(model: &mut AppModel, r: StepRequest) -> Vec<PlatformAction> {
    model.apply(Request::Steps(r), 0.0)
}

fn ids(model: &AppModel) -> Vec<String> {
    let map = &model.state().doc.map;
    map.presentation.iter().map(|s| s.id.to_string()).collect()
}

#[test]
fn a_step_from_the_view_then_renamed_moved_and_deleted_is_one_undo_step_each() {
    let mut model = chile();
    let before = model.state().doc.map.presentation.clone();
    let stage: Id = "s4-implementation".into();
    model.apply(Request::Run(Command::ToggleAnalysis), 0.0);
    model.apply(
        Request::Analysis(AnalysisRequest::Focus(Some(ViewFocus::Stage(stage.clone())))),
        0.0,
    );
    // After the second step: the new one goes after the selected one.
    step(&mut model, StepRequest::Select(Some(before[1].id.clone())));
    step(&mut model, StepRequest::AddFromView);
    let s = model.state();
    let new = s.step_selected.clone().expect("the new step is selected");
    let added = &s.doc.map.presentation[2];
    assert_eq!(added.id, new);
    assert_eq!(
        added.focus,
        Focus::Stage {
            stage,
            feeders: Feeders::All
        }
    );
    assert_eq!(s.doc.map.presentation.len(), before.len() + 1);
    assert_eq!(s.undo_what.as_deref(), Some("add step"));

    step(
        &mut model,
        StepRequest::Rename {
            id: new.clone(),
            title: "What drives implementation".into(),
        },
    );
    assert_eq!(
        model.state().doc.map.presentation[2].title,
        "What drives implementation"
    );
    assert_eq!(model.state().undo_what.as_deref(), Some("rename step"));

    step(
        &mut model,
        StepRequest::Note {
            id: new.clone(),
            note: "  The MITP and the prosecutors carry it.  ".into(),
        },
    );
    assert_eq!(model.state().undo_what.as_deref(), Some("edit step note"));
    step(
        &mut model,
        StepRequest::Reveal {
            id: new.clone(),
            on: true,
        },
    );
    let s = &model.state().doc.map.presentation[2];
    assert_eq!(
        (s.note.as_str(), s.reveal),
        ("The MITP and the prosecutors carry it.", true)
    );
    assert_eq!(model.state().undo_what.as_deref(), Some("edit step"));
    let undo = |model: &mut AppModel| model.apply(Request::Run(Command::Undo), 0.0);
    undo(&mut model);
    undo(&mut model);
    assert_eq!(model.state().doc.map.presentation[2].note, "", "each one undo step");

    step(
        &mut model,
        StepRequest::Move {
            id: new.clone(),
            by: -1,
        },
    );
    assert_eq!(ids(&model)[1], new.as_str());
    assert_eq!(model.state().undo_what.as_deref(), Some("move step"));

    step(&mut model, StepRequest::Delete(new.clone()));
    assert_eq!(model.state().doc.map.presentation, before);
    assert_eq!(model.state().undo_what.as_deref(), Some("delete step"));
    assert_eq!(
        model.state().step_selected.as_ref(),
        Some(&before[1].id),
        "the step that took its place"
    );

    // Undo takes them back one by one: delete, move, rename, add.
    undo(&mut model);
    assert_eq!(ids(&model)[1], new.as_str());
    undo(&mut model);
    assert_eq!(ids(&model)[2], new.as_str());
    undo(&mut model);
    assert_ne!(
        model.state().doc.map.presentation[2].title,
        "What drives implementation"
    );
    undo(&mut model);
    assert_eq!(model.state().doc.map.presentation, before);
    assert!(!model.state().doc.is_dirty());
}

#[test]
fn moving_past_either_end_and_an_empty_title_change_nothing() {
    let mut model = chile();
    let first = model.state().doc.map.presentation[0].id.clone();
    let last = model.state().doc.map.presentation.last().unwrap().id.clone();
    step(
        &mut model,
        StepRequest::Move {
            id: first.clone(),
            by: -1,
        },
    );
    step(&mut model, StepRequest::Move { id: last, by: 1 });
    step(
        &mut model,
        StepRequest::Rename {
            id: first,
            title: "   ".into(),
        },
    );
    assert!(!model.state().can_undo, "no edit was made");
}

/// Which ids a `Frame` effect in `actions` asks the canvas to frame.
fn framed(actions: &[PlatformAction]) -> Option<Vec<Id>> {
    actions.iter().find_map(|a| match a {
        PlatformAction::Canvas(CanvasEffect::Frame(ids)) => Some(ids.clone()),
        _ => None,
    })
}

#[test]
fn playing_a_step_frames_what_it_lights_and_the_arrows_go_on_from_there() {
    let mut model = chile();
    // The editor's view, which the steps replace while they play and Esc gives back.
    let filters = crate::app::analysis_view::Filters {
        tag: model.state().doc.map.tags.first().cloned(),
        ..Default::default()
    };
    assert!(!filters.is_empty(), "the Chile map has tags");
    model.apply(Request::Analysis(AnalysisRequest::Filters(filters.clone())), 0.0);
    model.apply(Request::Analysis(AnalysisRequest::DirectOnly(true)), 0.0);
    let steps = model.state().doc.map.presentation.clone();
    let k = steps
        .iter()
        .position(|s| matches!(s.focus, Focus::Stage { .. }))
        .expect("a step on a stage");
    let actions = step(&mut model, StepRequest::Play(steps[k].id.clone()));
    let s = model.state();
    assert!(s.presentation && s.step == Some(k));
    let view = s.step_view.as_ref().expect("what the step shows");
    let map = &s.doc.map;
    let lit: Vec<Id> = map
        .node_ids()
        .zip(&view.nodes)
        .filter(|(_, m)| **m == Mark::Lit)
        .map(|(id, _)| id.clone())
        .collect();
    let frame = framed(&actions).expect("the canvas frames the step");
    assert!(!frame.is_empty() && frame.len() < map.stages.len() + map.determinants.len());
    assert_eq!(frame, lit, "the items the step lights, not the whole map");
    model.apply(Request::Run(Command::ToggleSteps), 0.0);
    assert!(
        !model.state().prefs.show_steps,
        "Alt+P does nothing on the hidden steps panel"
    );

    let actions = model.apply(Request::Run(Command::NextStep), 0.0);
    assert_eq!(model.state().step, Some(k + 1));
    assert!(framed(&actions).is_some());
    model.apply(Request::Run(Command::PreviousStep), 0.0);
    assert_eq!(model.state().step, Some(k));
    model.apply(Request::Run(Command::Escape), 0.0);
    assert!(model.state().step_view.is_none() && !model.state().presentation);
    let view = &model.state().analysis;
    assert!(view.focus.is_none() && view.direct_only, "the editor's view back");
    assert_eq!(view.filters, filters);
}

#[test]
fn a_revealing_step_hides_what_the_steps_so_far_did_not_show() {
    let mut model = chile();
    let steps = model.state().doc.map.presentation.clone();
    assert!(
        steps[0].reveal && steps[0].focus != Focus::WholeMap,
        "the Chile story builds up"
    );
    step(&mut model, StepRequest::Play(steps[0].id.clone()));
    let view = model.state().step_view.as_ref().unwrap();
    // The first step shows its stage and feeders, and nothing else yet.
    assert!(view.nodes.contains(&Mark::Lit) && view.nodes.contains(&Mark::Hidden));
    assert!(
        view.nodes.iter().all(|m| matches!(m, Mark::Lit | Mark::Hidden)),
        "{:?}",
        view.nodes
    );
    // The next one keeps what the first showed, faded or lit, and hides less.
    let hidden = |model: &AppModel| {
        let v = model.state().step_view.as_ref().unwrap();
        v.nodes.iter().filter(|m| **m == Mark::Hidden).count()
    };
    let first = hidden(&model);
    model.apply(Request::Run(Command::NextStep), 0.0);
    assert!(hidden(&model) < first);
    // The last step reveals nothing: the whole map.
    let last = steps.last().unwrap();
    assert!(!last.reveal);
    step(&mut model, StepRequest::Play(last.id.clone()));
    assert_eq!(hidden(&model), 0);
}

#[test]
fn a_played_step_counts_every_link_and_esc_gives_back_the_editor_s_minimum_confidence() {
    use crate::model::Level;
    let mut model = chile();
    model.apply(Request::Run(Command::ToggleAnalysis), 0.0);
    model.apply(Request::Analysis(AnalysisRequest::MinConfidence(Level::High)), 0.0);
    model.apply(Request::Run(Command::TogglePresentation), 0.0);
    model.apply(Request::Run(Command::NextStep), 0.0);
    assert_eq!(model.state().step, Some(0));
    assert_eq!(
        model.state().analysis.min_confidence,
        Level::Low,
        "a step shows what its slide shows: every link"
    );
    model.apply(Request::Run(Command::Escape), 0.0);
    assert!(!model.state().presentation);
    assert_eq!(model.state().analysis.min_confidence, Level::High);
}

/// A feedback-loop step puts the loop in the analysis view's focus, as the loops list would (so
/// the panel names it), and a step made from that view is the same loop step again.
#[test]
fn a_loop_step_plays_as_the_loop_the_analysis_lists() {
    // The Chile map with one influence between two determinants answered the other way: a loop.
    let mut model = chile();
    let map = model.state().doc.map.clone();
    let back = map
        .influences
        .iter()
        .find(|i| map.determinant(&i.from).is_some() && map.determinant(&i.to).is_some())
        .expect("an influence between determinants");
    model.apply(
        Request::AddInfluence {
            from: back.to.clone(),
            to: back.from.clone(),
            sign: crate::model::Sign::Hinders,
        },
        0.0,
    );
    let map = model.state().doc.map.clone();
    let graph = crate::analysis::MapGraph::new(&map);
    let listed = crate::analysis::feedback_loops(&graph, 500)
        .loops
        .into_iter()
        .find(|l| crate::analysis::FeedbackLoop::through(&map, &l.determinants).as_ref() == Some(l))
        .expect("the loop just closed");
    let mut with_loop = map.presentation.clone();
    let mut loop_step = crate::model::Step::whole_map("loop", "A loop");
    loop_step.focus = Focus::FeedbackLoop {
        determinants: listed.determinants.clone(),
    };
    with_loop.push(loop_step.clone());
    model.apply(
        Request::Edit {
            edit: crate::app::edit::Edit::SetPresentation(with_loop),
            merge: None,
        },
        0.0,
    );
    step(&mut model, StepRequest::Play("loop".into()));
    let s = model.state();
    assert_eq!(s.analysis.focus, Some(ViewFocus::Loop(listed.clone())));
    let again = crate::app::steps::from_view(&s.doc.map, &s.analysis);
    assert_eq!(again.focus, loop_step.focus);
    // A hop with no influence is no loop.
    let broken = [listed.determinants[0].clone(), "no-such".into()];
    assert_eq!(crate::analysis::FeedbackLoop::through(&map, &broken), None);
}
