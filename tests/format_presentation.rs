//! The presentation in the file (format version 3): every kind of step is written and read back as
//! the same map, in the documented layout; a step that names what the map lacks is refused at its
//! line and column; the limits apply to steps as to everything else.

use detmap::format;
use detmap::model::presentation::{Coded, Filters};
use detmap::model::{Effect, Feeders, Focus, Locus, MAX_STEPS, Map, Step};
use std::path::Path;

fn example() -> Map {
    format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/valid/example.ron")).unwrap()
}

/// One step of each kind, with every optional field used somewhere.
fn every_kind(map: &Map) -> Vec<Step> {
    let stage = map.stages[1].id.clone();
    let det = map.determinants[0].id.clone();
    vec![
        Step {
            note: "Two lines\nfor the room.".into(),
            ..Step::whole_map("whole", "The whole map")
        },
        Step {
            focus: Focus::Stage {
                stage: stage.clone(),
                feeders: Feeders::All,
            },
            ..Step::whole_map("stage-all", "What feeds adoption")
        },
        Step {
            focus: Focus::Stage {
                stage: stage.clone(),
                feeders: Feeders::Direct,
            },
            reveal: true,
            ..Step::whole_map("stage-direct", "Directly")
        },
        Step {
            focus: Focus::Stage {
                stage: stage.clone(),
                feeders: Feeders::Hindering,
            },
            filters: Filters {
                locus: Coded::Is(Locus::Internal),
                directness: Coded::NotCoded,
                effect: Some(Effect::Hinder),
                category: Some(map.categories[0].name.clone()),
                tag: Some(map.tags[0].clone()),
                ..Default::default()
            },
            ..Step::whole_map("stage-hindering", "What holds it back")
        },
        Step {
            focus: Focus::Determinant {
                determinant: det.clone(),
            },
            ..Step::whole_map("det", "What research feeds")
        },
        Step {
            focus: Focus::Path {
                determinant: det.clone(),
                stage: stage.clone(),
            },
            ..Step::whole_map("path", "From research to a law")
        },
        Step {
            focus: Focus::FeedbackLoop {
                determinants: vec![det.clone(), map.determinants[1].id.clone()],
            },
            knock_out: Some(map.determinants[2].id.clone()),
            ..Step::whole_map("loop", "A loop")
        },
    ]
}

#[test]
fn every_kind_of_step_round_trips_through_the_file() {
    let mut map = example();
    map.presentation = every_kind(&map);
    assert!(
        detmap::model::validate(&map).is_empty(),
        "{:?}",
        detmap::model::validate(&map)
    );
    let text = format::to_file_text(&map).unwrap();
    assert_eq!(format::load_str(&text).unwrap(), map);
    // The documented layout: a block per step, defaults left out, the list before `layout`.
    assert!(text.contains("\n    presentation: [\n        (\n            id: \"whole\",\n            title: \"The whole map\",\n            note: \"Two lines\\nfor the room.\",\n        ),\n"), "{text}");
    assert!(
        text.contains("            focus: stage(stage: \"s2-adoption\"),\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "            focus: stage(stage: \"s2-adoption\", feeders: direct),\n            reveal: true,\n"
        ),
        "{text}"
    );
    assert!(text.contains("            filters: (locus: is(internal), directness: not_coded, effect: hinder, category: \"Civil society\", tag: \"prosecution\"),\n"), "{text}");
    assert!(
        text.contains("            focus: path(determinant: \"cs-research\", stage: \"s2-adoption\"),\n"),
        "{text}"
    );
    assert!(text.contains("            focus: feedback_loop(determinants: [\"cs-research\", \"bill-2005\"]),\n            knock_out: \"earthquake-2010\",\n"), "{text}");
    let presentation = text.find("\n    presentation: [").unwrap();
    assert!(text.find("\n    influences: [").unwrap() < presentation);
    assert!(presentation < text.find("\n    layout: [").unwrap());
    // Saving again gives the same bytes.
    assert_eq!(format::to_string(&format::load_str(&text).unwrap()), text);
}

/// A step that names a missing or wrong item is refused at the id, with a message naming the step.
#[test]
fn a_step_naming_what_the_map_lacks_is_refused_where_it_names_it() {
    let mut map = example();
    map.presentation = every_kind(&map);
    let good = format::to_string(&map);
    for (from, to, says) in [
        (
            "focus: stage(stage: \"s2-adoption\", feeders: direct)",
            "focus: stage(stage: \"s9\", feeders: direct)",
            "step `stage-direct` names `s9`, which is no stage of this map",
        ),
        (
            "focus: determinant(determinant: \"cs-research\")",
            "focus: determinant(determinant: \"s1-acknowledgment\")",
            "step `det` names `s1-acknowledgment` as a determinant, but it is a stage",
        ),
        (
            "knock_out: \"earthquake-2010\"",
            "knock_out: \"gone\"",
            "step `loop` names `gone`, which is no determinant of this map",
        ),
        (
            "id: \"path\"",
            "id: \"det\"",
            "duplicate step id `det`: another step already has it",
        ),
        (
            "category: \"Civil society\"",
            "category: \"Media\"",
            "step `stage-hindering` filters by category `Media`, which is not in the map's categories",
        ),
        (
            "feedback_loop(determinants: [\"cs-research\", \"bill-2005\"])",
            "feedback_loop(determinants: [\"cs-research\", \"nobody\"])",
            "step `loop` names `nobody`, which is no determinant of this map",
        ),
    ] {
        assert!(good.contains(from), "{from}");
        let broken = good.replacen(from, to, 1);
        let problems = format::load_str(&broken).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].message, says);
        // Located at the changed value: on its line, at or after where the change starts.
        let at = problems[0].at.unwrap();
        let offset = good.find(from).unwrap();
        let line = good[..offset].matches('\n').count() + 1;
        assert_eq!(at.line, line, "{says}");
        let column = offset - good[..offset].rfind('\n').unwrap();
        assert!(at.col >= column, "{says}: {at:?}");
    }
}

#[test]
fn a_bad_focus_or_field_is_refused_located() {
    let mut map = example();
    map.presentation = vec![Step {
        focus: Focus::Stage {
            stage: map.stages[0].id.clone(),
            feeders: Feeders::All,
        },
        ..Step::whole_map("p1", "t")
    }];
    let good = format::to_string(&map);
    for (from, to, starts) in [
        (
            "focus: stage(",
            "focus: stages(",
            "`stages` is not an allowed value here",
        ),
        (
            "            title: \"t\",\n",
            "            title: \"t\",\n            colour: 3,\n",
            "unknown field `colour`",
        ),
        ("stage(stage:", "stage(feeders: all, stagee:", "unknown field `stagee`"),
    ] {
        let broken = good.replacen(from, to, 1);
        let problems = format::load_str(&broken).unwrap_err();
        assert!(problems[0].message.starts_with(starts), "{to}: {problems:?}");
        assert!(problems[0].at.is_some());
    }
}

#[test]
fn the_number_of_steps_is_limited_at_load_and_at_save() {
    let mut map = example();
    map.presentation = (0..=MAX_STEPS).map(|k| Step::whole_map(format!("p{k}"), "t")).collect();
    let refused = format::to_file_text(&map).unwrap_err();
    assert!(
        refused.starts_with(&format!("presentation[{MAX_STEPS}]: more than {MAX_STEPS} steps")),
        "{refused}"
    );
    let text = format::to_string(&map);
    let problems = format::load_str(&text).unwrap_err();
    assert!(
        problems[0].message.starts_with(&format!("more than {MAX_STEPS} steps")),
        "{problems:?}"
    );
    let at = problems[0].at.unwrap();
    let line = text
        .lines()
        .position(|l| l.contains(&format!("id: \"p{MAX_STEPS}\"")))
        .unwrap()
        + 1;
    assert!(at.line == line - 1 || at.line == line, "{at:?} vs {line}");
    map.presentation.pop();
    assert!(format::to_file_text(&map).is_ok());
}

#[test]
fn an_id_a_step_names_is_limited_like_any_id() {
    let mut map = example();
    map.presentation = vec![Step {
        knock_out: Some("x".repeat(300).into()),
        ..Step::whole_map("p1", "t")
    }];
    let refused = format::to_file_text(&map).unwrap_err();
    assert!(
        refused.starts_with("presentation[0].knock_out: this id is 300 bytes long"),
        "{refused}"
    );
    let problems = format::load_str(&format::to_string(&map)).unwrap_err();
    assert!(
        problems[0].message.starts_with("this id is 300 bytes long"),
        "{problems:?}"
    );
}
