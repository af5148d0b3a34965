//! The feedback loops, each with its sign: reinforcing (an even number of hinders) or balancing
//! (odd). Clicking one brings it forward on the canvas.

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::super::super::derived::LOOP_LIMIT;
use super::Ctx;
use crate::analysis::{FeedbackLoop, LoopKind};
use crate::model::{Map, Sign};
use crate::tr;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let loops = &cx.analysis.loops;
    let reinforcing = loops.loops.iter().filter(|l| l.kind == LoopKind::Reinforcing).count();
    ui.label(tr!(
        "loops-summary",
        count = loops.loops.len(),
        reinforcing = reinforcing,
        balancing = loops.loops.len() - reinforcing
    ));
    if loops.truncated {
        ui.label(RichText::new(tr!("loops-truncated", limit = LOOP_LIMIT)).weak());
    }
    if loops.loops.is_empty() {
        ui.label(tr!("loops-none"));
        return;
    }
    let focus = &cx.state.analysis.focus;
    let row_h = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("loops")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, loops.loops.len(), |ui, range| {
            for l in &loops.loops[range] {
                let on = matches!(focus, Some(Focus::Loop(f)) if f == l);
                let (mark, word) = match l.kind {
                    LoopKind::Reinforcing => ("↻", tr!("loops-reinforcing")),
                    LoopKind::Balancing => ("⚖", tr!("loops-balancing")),
                };
                let text = format!("{mark} {word}: {}", in_words(cx.map, l));
                if ui.selectable_label(on, text).clicked() {
                    out.analysis(AnalysisRequest::Focus(if on {
                        None
                    } else {
                        Some(Focus::Loop(l.clone()))
                    }));
                }
            }
        });
}

/// "A → B ⇥ C → A": the loop's determinants with the sign of each influence, back to the first.
pub fn in_words(map: &Map, l: &FeedbackLoop) -> String {
    let mut words = String::new();
    for (k, d) in l.determinants.iter().enumerate() {
        words.push_str(map.label_of(d));
        words.push_str(match l.signs.get(k) {
            Some(Sign::Hinders) => " ⇥ ",
            _ => " → ",
        });
    }
    if let Some(first) = l.determinants.first() {
        words.push_str(map.label_of(first));
    }
    words
}
