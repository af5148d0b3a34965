//! Pressure points, stage by stage: the ones the structure reveals (determinants every path from
//! some feeder must pass through) beside the ones the researchers coded `pressure point`.

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::Ctx;
use crate::model::{Id, Nature};
use crate::tr;
use egui::{RichText, Ui};

/// Names listed per stage and kind before "and N more".
const SHOWN: usize = 8;

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    ui.label(RichText::new(tr!("pressure-intro")).weak());
    egui::ScrollArea::vertical()
        .id_salt("pressure points")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("pressure grid")
                .striped(true)
                .num_columns(3)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.label(RichText::new(tr!("pressure-stage")).strong());
                    ui.label(RichText::new(tr!("pressure-structure")).strong());
                    ui.label(RichText::new(tr!("pressure-coded")).strong());
                    ui.end_row();
                    for (k, stage) in cx.map.stages.iter().enumerate() {
                        if ui
                            .selectable_label(false, format!("{}. {}", k + 1, stage.label))
                            .clicked()
                        {
                            out.analysis(AnalysisRequest::Focus(Some(Focus::Stage(stage.id.clone()))));
                        }
                        let structural: Vec<&Id> = cx
                            .analysis
                            .pressure
                            .iter()
                            .find(|p| p.stage == stage.id)
                            .map(|p| p.points.iter().map(|p| &p.determinant).collect())
                            .unwrap_or_default();
                        names(ui, cx, &structural, out);
                        let coded: Vec<&Id> = cx
                            .analysis
                            .reach
                            .feeders_of(&stage.id)
                            .unwrap_or_default()
                            .iter()
                            .map(|f| &f.determinant)
                            .filter(|d| {
                                cx.map
                                    .determinant(d)
                                    .is_some_and(|d| d.nature == Some(Nature::PressurePoint))
                            })
                            .collect();
                        names(ui, cx, &coded, out);
                        ui.end_row();
                    }
                });
        });
}

fn names(ui: &mut Ui, cx: &Ctx, ids: &[&Id], out: &mut Requests) {
    ui.vertical(|ui| {
        if ids.is_empty() {
            ui.label(RichText::new(tr!("pressure-none")).weak());
        }
        for d in ids.iter().take(SHOWN) {
            if ui.selectable_label(false, cx.map.label_of(d)).clicked() {
                out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant((*d).clone()))));
            }
        }
        if ids.len() > SHOWN {
            ui.label(RichText::new(tr!("pressure-more", count = ids.len() - SHOWN)).weak());
        }
    });
}
