//! Coding hints: where the researchers' coding and the map's structure disagree. Hints, never
//! errors: the coding is data. The user can dismiss one (for this session; see `AnalysisView`).

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::Ctx;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let dismissed = &cx.state.analysis.dismissed;
    let open: Vec<_> = cx.analysis.hints.iter().filter(|h| !dismissed.contains(h)).collect();
    let hidden = cx.analysis.hints.len() - open.len();
    ui.horizontal(|ui| {
        ui.label(
            RichText::new("Where the coding and the structure disagree. The coding is the study's: these are questions, not errors.")
                .weak(),
        );
        if hidden > 0 && ui.button(format!("Show {hidden} dismissed")).clicked() {
            out.analysis(AnalysisRequest::RestoreHints);
        }
    });
    if open.is_empty() {
        ui.label("No open hints.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("hints")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for h in open {
                ui.horizontal(|ui| {
                    if ui.button("Dismiss").clicked() {
                        out.analysis(AnalysisRequest::DismissHint(h.clone()));
                    }
                    if ui.button("Show").on_hover_text("Bring it forward on the map").clicked() {
                        out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(h.determinant.clone()))));
                    }
                    ui.label(h.message(cx.map));
                });
            }
        });
}
