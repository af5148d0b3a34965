//! Coding hints: where the researchers' coding and the map's structure disagree. Hints, never
//! errors: the coding is data. The user can dismiss one (for this session; see `AnalysisView`).

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::Ctx;
use crate::analysis::{Hint, HintKind};
use crate::model::Map;
use crate::tr;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let dismissed = &cx.state.analysis.dismissed;
    let open: Vec<_> = cx.analysis.hints.iter().filter(|h| !dismissed.contains(h)).collect();
    let hidden = cx.analysis.hints.len() - open.len();
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("hints-intro")).weak());
        if hidden > 0 && ui.button(tr!("hints-show-dismissed", count = hidden)).clicked() {
            out.analysis(AnalysisRequest::RestoreHints);
        }
    });
    if open.is_empty() {
        ui.label(tr!("hints-none"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("hints")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for h in open {
                ui.horizontal(|ui| {
                    if ui.button(tr!("hints-dismiss")).clicked() {
                        out.analysis(AnalysisRequest::DismissHint(h.clone()));
                    }
                    if ui
                        .button(tr!("hints-show"))
                        .on_hover_text(tr!("hints-show-hint"))
                        .clicked()
                    {
                        out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(h.determinant.clone()))));
                    }
                    // Wrapped beside its buttons: a long label (or a longer language) is not cut off.
                    ui.add(egui::Label::new(message(cx.map, h)).wrap());
                });
            }
        });
}

/// The hint in a sentence in the current language. (The core's `Hint::message` stays English for
/// the command line's reports until they are translated too.)
pub fn message(map: &Map, hint: &Hint) -> String {
    let determinant = map.label_of(&hint.determinant);
    match &hint.kind {
        HintKind::CodedDirectButOnlyIndirect { nearest } => {
            tr!("hint-coded-direct", determinant = determinant, steps = *nearest)
        }
        HintKind::FeedsNoStage => tr!("hint-feeds-no-stage", determinant = determinant),
    }
}
