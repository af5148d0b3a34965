//! A presentation step reads from the back of the room: what a step with a focus draws fits a
//! 1280×720 projector's view with its labels at full size (`step_view::ROOM_FRAME`), gathered
//! together when the map spreads it wider, on every sample; and gathering keeps what the step
//! says (the same items lit, faded and hidden as before, the links between them) while placing no
//! box over another.

use detmap::analysis::Reachability;
use detmap::export::step_view::{Mark, ROOM_FRAME, StepView, step_views};
use detmap::geometry::{MapGeometry, Rect};
use detmap::model::Map;

/// The boxes a step frames, where it draws them: all it draws when it gathers them, else those it
/// lights (the map around them is drawn too, as context, but not framed).
fn framed(map: &Map, view: &StepView) -> Vec<(String, Rect)> {
    let placed = view.placed(map);
    let wanted = |m: Mark| match view.gathered {
        Some(_) => m != Mark::Hidden,
        None => m == Mark::Lit,
    };
    MapGeometry::new(&placed)
        .nodes
        .iter()
        .enumerate()
        .filter(|(k, _)| wanted(view.node(*k)))
        .map(|(_, n)| (n.id.to_string(), n.rect))
        .collect()
}

/// How many times larger than the room's readable size the step's drawing can be shown: at least
/// 1 when its labels read at 12 points on the projector.
fn scale(boxes: &[(String, Rect)]) -> f64 {
    let extent = boxes.iter().map(|(_, r)| *r).reduce(|a, b| a.union(b)).unwrap();
    (f64::from(ROOM_FRAME.0) / extent.width()).min(f64::from(ROOM_FRAME.1) / extent.height())
}

#[test]
fn every_focused_step_of_every_sample_reads_on_a_projector_and_no_box_covers_another() {
    let mut report = Vec::new();
    let mut unreadable = Vec::new();
    let mut overlapping = Vec::new();
    for sample in detmap::samples::all() {
        let map = sample.load().unwrap();
        let views = step_views(&map, &Reachability::compute(&map));
        for (step, view) in map.presentation.iter().zip(&views) {
            if !view.has_focus() {
                continue;
            }
            let boxes = framed(&map, view);
            let s = scale(&boxes);
            report.push(format!(
                "{} {}: {} framed, gathered {}, scale {s:.2}",
                sample.file_name,
                step.id,
                boxes.len(),
                view.gathered.is_some()
            ));
            // A knock-out step shows what the stage keeps and what it loses: on a dense map more
            // than a projector reads whole (the Chile and Peru knock-outs: about 25 boxes, at
            // about two thirds of the readable size). Every other step reads whole.
            if s < 1.0 && step.knock_out.is_none() {
                unreadable.push(report.last().unwrap().clone());
            }
            if s < 0.55 {
                unreadable.push(format!("{} (even for a knock-out)", report.last().unwrap()));
            }
            if view.gathered.is_some() {
                for (i, (a, ra)) in boxes.iter().enumerate() {
                    for (b, rb) in &boxes[i + 1..] {
                        let overlap = ra.intersect(*rb);
                        if overlap.width() > 0.0 && overlap.height() > 0.0 {
                            overlapping.push(format!("{} {}: {a} and {b}", sample.file_name, step.id));
                        }
                    }
                }
            }
        }
    }
    println!("{}", report.join("\n"));
    assert!(overlapping.is_empty(), "boxes over boxes:\n{}", overlapping.join("\n"));
    assert!(
        unreadable.is_empty(),
        "steps too big to read:\n{}",
        unreadable.join("\n")
    );
}
