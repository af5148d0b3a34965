//! The presentation's steps as the window makes them: a step taken from the analysis view as the
//! canvas shows it, its default title and a line on what it shows (in the interface's language),
//! and the lists of steps each change to the presentation leaves. Plain functions on the map, so
//! the steps panel and the apply point share them and tests call them without a window; the apply
//! point sends each list as one `Edit::SetPresentation` (one undo step, named by `Edit::describe`).

use super::analysis_view::{AnalysisView, Focus as ViewFocus};
use crate::model::{Feeders, Focus, Id, Map, Step};
use crate::tr;

/// What the steps panel asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum StepRequest {
    /// A new step showing what the canvas shows now, after the selected step (else at the end),
    /// selected and with its title open for typing.
    AddFromView,
    /// The step the panel works on.
    Select(Option<Id>),
    /// The title typed in the panel, sent on Enter or when the field loses the keyboard.
    Rename {
        id: Id,
        title: String,
    },
    /// The note the room reads under the title, sent when its field loses the keyboard.
    Note {
        id: Id,
        note: String,
    },
    /// Whether the step shows only what it and the steps before it show.
    Reveal {
        id: Id,
        on: bool,
    },
    /// One place earlier (`-1`) or later (`1`).
    Move {
        id: Id,
        by: isize,
    },
    Delete(Id),
    /// Presentation mode, on this step.
    Play(Id),
}

/// A step showing what the canvas shows: the analysis view's focus (a stage with all or only
/// direct feeders, a determinant, a matrix cell's paths, a feedback loop), knock-out and filters
/// while the analysis is shown; the whole map when it is not (the canvas then lights nothing).
pub fn from_view(map: &Map, view: &AnalysisView) -> Step {
    let mut step = Step::whole_map(fresh_id(map), String::new());
    if view.active() {
        step.focus = match &view.focus {
            None => Focus::WholeMap,
            Some(ViewFocus::Stage(stage)) => Focus::Stage {
                stage: stage.clone(),
                feeders: if view.direct_only {
                    Feeders::Direct
                } else {
                    Feeders::All
                },
            },
            Some(ViewFocus::Determinant(d)) => Focus::Determinant { determinant: d.clone() },
            Some(ViewFocus::Cell { determinant, stage }) => Focus::Path {
                determinant: determinant.clone(),
                stage: stage.clone(),
            },
            Some(ViewFocus::Loop(l)) => Focus::FeedbackLoop {
                determinants: l.determinants.clone(),
            },
        };
        step.knock_out = view.knocked_out.clone();
        step.filters = view.filters.clone();
    }
    step.title = default_title(map, &step);
    step
}

/// `step-1`, `step-2`…: the first not taken by a step of `map` (steps have their own ids).
pub fn fresh_id(map: &Map) -> Id {
    (1..)
        .map(|n| format!("step-{n}"))
        .find(|id| !map.presentation.iter().any(|s| s.id.as_str() == id))
        .expect("an unused number")
        .into()
}

/// A title saying what the step shows, for the author to change: "What feeds Implementation".
pub fn default_title(map: &Map, step: &Step) -> String {
    let label = |id: &Id| map.label_of(id).to_owned();
    match (&step.focus, &step.knock_out) {
        (Focus::WholeMap, Some(d)) => tr!("step-title-without", determinant = label(d)),
        (Focus::WholeMap, None) => tr!("step-title-whole-map"),
        (Focus::Stage { stage, feeders }, _) => match feeders {
            Feeders::All => tr!("step-title-stage", stage = label(stage)),
            Feeders::Direct => tr!("step-title-stage-direct", stage = label(stage)),
            Feeders::Hindering => tr!("step-title-stage-hindering", stage = label(stage)),
        },
        (Focus::Determinant { determinant }, _) => tr!("step-title-determinant", determinant = label(determinant)),
        (Focus::Path { determinant, stage }, _) => tr!(
            "step-title-path",
            determinant = label(determinant),
            stage = label(stage)
        ),
        (Focus::FeedbackLoop { determinants }, _) => tr!(
            "step-title-loop",
            determinant = determinants.first().map(label).unwrap_or_default()
        ),
    }
}

/// What a step shows, in a line for the steps panel: its focus, then a knock-out, filters and
/// whether it reveals the map step by step.
pub fn shows(map: &Map, step: &Step) -> String {
    let focus = Step {
        knock_out: None,
        ..step.clone()
    };
    let mut parts = vec![default_title(map, &focus)];
    if let Some(d) = &step.knock_out {
        parts.push(tr!("step-shows-without", determinant = map.label_of(d).to_owned()));
    }
    if !step.filters.is_empty() {
        parts.push(tr!("step-shows-filters", count = step.filters.active()));
    }
    if step.reveal {
        parts.push(tr!("step-shows-reveal"));
    }
    parts.join(" · ")
}

/// The steps with `step` put after the step `after` (at the end when there is none).
pub fn added(steps: &[Step], step: Step, after: Option<&Id>) -> Vec<Step> {
    let mut out = steps.to_vec();
    let at = after
        .and_then(|id| out.iter().position(|s| &s.id == id))
        .map_or(out.len(), |k| k + 1);
    out.insert(at, step);
    out
}

/// The steps with `id` titled `title`; `None` when nothing would change (no such step, the same
/// title, or an empty one: a step keeps a title to show the room).
pub fn renamed(steps: &[Step], id: &Id, title: &str) -> Option<Vec<Step>> {
    let title = title.trim();
    let k = steps.iter().position(|s| &s.id == id)?;
    if title.is_empty() || steps[k].title == title {
        return None;
    }
    let mut out = steps.to_vec();
    out[k].title = title.to_owned();
    Some(out)
}

/// The steps with `id` changed by `change`; `None` when there is no such step or nothing changed.
pub fn changed(steps: &[Step], id: &Id, change: impl FnOnce(&mut Step)) -> Option<Vec<Step>> {
    let k = steps.iter().position(|s| &s.id == id)?;
    let mut out = steps.to_vec();
    change(&mut out[k]);
    (out[k] != steps[k]).then_some(out)
}

/// The steps with `id` moved `by` places; `None` past either end.
pub fn moved(steps: &[Step], id: &Id, by: isize) -> Option<Vec<Step>> {
    let k = steps.iter().position(|s| &s.id == id)?;
    let to = k.checked_add_signed(by).filter(|&to| to < steps.len())?;
    let mut out = steps.to_vec();
    let step = out.remove(k);
    out.insert(to, step);
    Some(out)
}

/// The steps without `id`; `None` when there is no such step.
pub fn deleted(steps: &[Step], id: &Id) -> Option<Vec<Step>> {
    let k = steps.iter().position(|s| &s.id == id)?;
    let mut out = steps.to_vec();
    out.remove(k);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::analysis_view::{AnalysisRequest, Filters};

    fn chile() -> Map {
        crate::samples::find("chile-anti-trafficking.ron")
            .unwrap()
            .load()
            .unwrap()
    }

    #[test]
    fn a_step_from_the_view_keeps_what_the_canvas_lights_and_is_named_after_it() {
        let map = chile();
        let stage = map.stages[0].id.clone();
        let mut view = AnalysisView::default();
        view.apply(AnalysisRequest::Focus(Some(ViewFocus::Stage(stage.clone()))));
        view.apply(AnalysisRequest::DirectOnly(true));
        let knocked = map.determinants[0].id.clone();
        view.apply(AnalysisRequest::KnockOut(Some(knocked.clone())));
        let filters = Filters {
            tag: map.tags.first().cloned(),
            ..Default::default()
        };
        view.apply(AnalysisRequest::Filters(filters.clone()));
        // The panel closed: the canvas lights nothing, so the step shows the whole map.
        assert_eq!(from_view(&map, &view).focus, Focus::WholeMap);
        view.set_open(true);
        let step = from_view(&map, &view);
        assert_eq!(
            step.focus,
            Focus::Stage {
                stage: stage.clone(),
                feeders: Feeders::Direct
            }
        );
        assert_eq!((step.knock_out.as_ref(), &step.filters), (Some(&knocked), &filters));
        let label = map.label_of(&stage).to_owned();
        assert_eq!(step.title, tr!("step-title-stage-direct", stage = label));
        assert!(!map.presentation.iter().any(|s| s.id == step.id), "a fresh id");
        let without = tr!("step-shows-without", determinant = map.label_of(&knocked).to_owned());
        assert!(shows(&map, &step).contains(&without), "{}", shows(&map, &step));
    }

    /// Each change is one `SetPresentation` edit, named for its undo step.
    #[test]
    fn adding_moving_renaming_and_deleting_name_their_undo_steps() {
        let describe_change = |before: &[Step], after: &[Step]| {
            let map = Map {
                presentation: before.to_vec(),
                ..Map::default()
            };
            crate::app::edit::Edit::SetPresentation(after.to_vec())
                .describe(&map)
                .text_in(crate::i18n::Language::English)
        };
        let a = Step::whole_map("a", "A");
        let b = Step::whole_map("b", "B");
        let steps = vec![a.clone(), b.clone()];
        let more = added(&steps, Step::whole_map("c", "C"), Some(&"a".into()));
        assert_eq!(more.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "c", "b"]);
        assert_eq!(describe_change(&steps, &more), "add step");
        let up = moved(&more, &"b".into(), -1).unwrap();
        assert_eq!(up.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(describe_change(&more, &up), "move step");
        assert_eq!(moved(&up, &"a".into(), -1), None, "the first goes no higher");
        let named = renamed(&up, &"a".into(), " The start ").unwrap();
        assert_eq!(named[0].title, "The start");
        assert_eq!(describe_change(&up, &named), "rename step");
        assert_eq!(renamed(&named, &"a".into(), "  "), None, "a step keeps a title");
        let fewer = deleted(&named, &"b".into()).unwrap();
        assert_eq!(describe_change(&named, &fewer), "delete step");
    }
}
