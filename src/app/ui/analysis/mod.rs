//! The analysis panel, along the bottom of the window: the determinant × stage matrix, feedback
//! loops, pressure points and coding hints on the left, and on the right what the focus is about
//! (what feeds a stage, what a determinant feeds, why a cell is filled, with the evidence).
//!
//! Like every panel it reads `&AppState` and sends requests: focus, filters and the knock-out are
//! `AnalysisRequest`s that the apply point (`apply/`) applies; nothing here changes the map. The
//! results it shows come from `derived/`, computed once per change, so drawing it costs no analysis.

mod filters;
mod hints;
mod loops;
mod matrix;
mod path;
mod pressure;

use super::super::analysis_view::{AnalysisRequest, AnalysisTab};
use super::super::commands::{Command, Requests};
use super::super::derived::{Derived, MapAnalysis, ViewResults};
use super::super::state::AppState;
use super::canvas::style::Palette;
use crate::analysis::NetEffect;
use crate::model::Map;
use crate::tr;
use egui::{Color32, RichText, Ui, WidgetInfo, WidgetType};

/// Everything one part of the panel reads.
pub struct Ctx<'a> {
    pub state: &'a AppState,
    pub map: &'a Map,
    pub analysis: &'a MapAnalysis,
    pub view: &'a ViewResults,
    pub derived: &'a Derived,
    pub palette: Palette,
}

impl<'a> Ctx<'a> {
    /// What the panel reads, once the analysis is computed (else it says it is analysing).
    fn of(ui: &mut Ui, state: &'a AppState) -> Option<Self> {
        let (Some(analysis), Some(view)) = (&state.derived.analysis, state.derived.current()) else {
            ui.label(tr!("analysis-analysing"));
            return None;
        };
        Some(Ctx {
            state,
            map: &state.doc.map,
            analysis,
            view,
            derived: &state.derived,
            palette: Palette::for_theme(state.dark),
        })
    }
}

pub fn ui(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    let Some(cx) = Ctx::of(ui, state) else { return };
    ui.add_space(4.0);
    header(ui, &cx, out);
    filters::ui(ui, &cx, out);
    ui.separator();
    egui::Panel::right("analysis detail")
        .resizable(true)
        .default_size(520.0)
        .min_size(300.0)
        .show(ui, |ui| path::ui(ui, &cx, out));
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| match state.analysis.tab {
            AnalysisTab::Matrix => matrix::ui(ui, &cx, out),
            AnalysisTab::Loops => loops::ui(ui, &cx, out),
            AnalysisTab::PressurePoints => pressure::ui(ui, &cx, out),
            AnalysisTab::Hints => hints::ui(ui, &cx, out),
        });
}

/// What the focus is about, alone: presentation mode shows it beside the map, large, when a stage
/// or a determinant is clicked (what feeds it, what it feeds, why, with the evidence, and the
/// knock-out).
pub fn detail(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    let Some(cx) = Ctx::of(ui, state) else { return };
    path::ui(ui, &cx, out);
}

/// Title, tabs, and the switches that act on the whole panel and the canvas.
fn header(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let view = &cx.state.analysis;
    ui.horizontal(|ui| {
        ui.label(RichText::new(tr!("analysis-title")).strong().size(17.0));
        ui.add_space(8.0);
        let hints = cx.analysis.hints.iter().filter(|h| !view.dismissed.contains(h)).count();
        for (tab, text) in [
            (AnalysisTab::Matrix, tr!("analysis-tab-matrix")),
            (
                AnalysisTab::Loops,
                tr!("analysis-tab-loops", count = cx.analysis.loops.loops.len()),
            ),
            (AnalysisTab::PressurePoints, tr!("analysis-tab-pressure")),
            (AnalysisTab::Hints, tr!("analysis-tab-hints", count = hints)),
        ] {
            if ui.selectable_label(view.tab == tab, text).clicked() {
                out.analysis(AnalysisRequest::Tab(tab));
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.small_button("×").on_hover_text(tr!("analysis-close")).clicked() {
                out.run(Command::ToggleAnalysis);
            }
            if view.focus.is_some()
                && ui
                    .button(tr!("analysis-clear-focus"))
                    .on_hover_text(tr!("analysis-clear-focus-hint"))
                    .clicked()
            {
                out.analysis(AnalysisRequest::Focus(None));
            }
            if view.knocked_out.is_some()
                && ui
                    .button(tr!("analysis-bring-back"))
                    .on_hover_text(tr!("analysis-bring-back-hint"))
                    .clicked()
            {
                out.analysis(AnalysisRequest::KnockOut(None));
            }
            let mut direct = view.direct_only;
            if ui
                .checkbox(&mut direct, tr!("analysis-direct-only"))
                .on_hover_text(tr!("analysis-direct-only-hint"))
                .changed()
            {
                out.analysis(AnalysisRequest::DirectOnly(direct));
            }
            // Last, in the space the tabs leave, cut short rather than drawn over them: a long
            // label (and Spanish's longer words) would otherwise overlap the tabs.
            if let Some(d) = &view.knocked_out {
                let text = tr!("analysis-knocked-out", determinant = cx.map.label_of(d));
                ui.add(egui::Label::new(RichText::new(&text).color(cx.palette.warning).strong()).truncate())
                    .on_hover_text(text);
            }
        });
    });
}

/// "1+", "3−", "2±": the distance (1 = direct) and the net sign, readable without colour.
pub fn cell_code(distance: u32, net: NetEffect) -> String {
    format!("{distance}{}", symbol(net))
}

pub fn symbol(net: NetEffect) -> &'static str {
    match net {
        NetEffect::Enables => "+",
        NetEffect::Hinders => "−",
        NetEffect::Mixed => "±",
    }
}

/// Enables and hinders in the canvas' colours; mixed in Okabe–Ito reddish purple, apart from both.
pub fn net_colour(net: NetEffect, palette: &Palette) -> Color32 {
    match net {
        NetEffect::Enables => palette.enables,
        NetEffect::Hinders => palette.hinders,
        NetEffect::Mixed => {
            if palette.dark {
                Color32::from_rgb(0xe0, 0x94, 0xc0)
            } else {
                Color32::from_rgb(0xb0, 0x4f, 0x8c)
            }
        }
    }
}

/// In words, for screen readers and tests: "direct, hinders", "3 steps, mixed".
pub fn cell_words(distance: u32, net: NetEffect) -> String {
    let net = super::words::net(net);
    if distance == 1 {
        tr!("cell-direct", net = net)
    } else {
        tr!("cell-steps", steps = distance, net = net)
    }
}

/// A painted area that acts as a button: clickable, and named for accessibility (and so for tests).
pub fn clickable(ui: &mut Ui, rect: egui::Rect, id: egui::Id, label: String) -> egui::Response {
    let response = ui.interact(rect, id, egui::Sense::click());
    response.widget_info(|| WidgetInfo::labeled(WidgetType::Button, true, &label));
    response
}
