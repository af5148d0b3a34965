//! The panels. Each reads `&AppState` and sends requests; none mutates the document.

mod analysis;
pub mod canvas;
mod inspector;
mod menu;
pub mod outline;
pub mod recovery;
mod room;
mod start;
mod steps;
mod windows;
pub mod words;

use super::commands::{Command, Request, Requests};
use super::state::{AppState, Screen};
use crate::tr;
use canvas::Canvas;
use egui::{RichText, Ui};

/// Lays out the window for one frame: menu, status bar, problems, side panels, canvas, dialogs.
/// Panels that keep something of their own between frames (text being typed, the view).
#[derive(Default)]
pub struct Panels {
    pub canvas: Canvas,
    pub outline: outline::Outline,
    pub inspector: inspector::Inspector,
    pub steps: steps::StepsPanel,
}

pub fn layout(ui: &mut Ui, state: &AppState, panels: &mut Panels, out: &mut Requests) {
    let Panels {
        canvas,
        outline,
        inspector,
        steps,
    } = panels;
    let chrome = !state.presentation;
    if chrome {
        egui::Panel::top("menu").show(ui, |ui| menu::ui(ui, state, out));
        egui::Panel::bottom("status").show(ui, |ui| status_bar(ui, state, canvas));
    }
    if let Some(problem) = &state.load_problem {
        egui::Panel::top("problem").show(ui, |ui| windows::problem(ui, problem, out));
    }
    match state.screen {
        Screen::Start => {
            egui::CentralPanel::default().show(ui, |ui| start::ui(ui, state, out));
        }
        Screen::Editor => {
            // Before the side panels, so the matrix gets the window's whole width.
            if chrome && state.analysis.open {
                egui::Panel::bottom("analysis")
                    .resizable(true)
                    .default_size(380.0)
                    .min_size(180.0)
                    .show(ui, |ui| analysis::ui(ui, state, out));
            }
            if chrome && state.prefs.show_outline {
                egui::Panel::left("outline")
                    .resizable(true)
                    .default_size(260.0)
                    .show(ui, |ui| outline.ui(ui, state, out));
            }
            if chrome && room::shown(state) {
                egui::Panel::right("room")
                    .resizable(true)
                    .default_size(340.0)
                    .show(ui, |ui| room::ui(ui, state, out));
            }
            if chrome && state.prefs.show_steps {
                egui::Panel::right("steps")
                    .resizable(true)
                    .default_size(300.0)
                    .show(ui, |ui| steps.ui(ui, state, out));
            }
            if chrome && state.prefs.show_inspector {
                egui::Panel::right("inspector")
                    .resizable(true)
                    .default_size(340.0)
                    .show(ui, |ui| inspector.ui(ui, state, out));
            }
            if state.presentation && state.analysis.focus.is_some() && !state.step_fills_screen {
                egui::Panel::right("presentation detail")
                    .resizable(true)
                    .default_size(420.0)
                    .show(ui, |ui| analysis::detail(ui, state, out));
            }
            egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
                egui::Panel::top("toolbar").show(ui, |ui| toolbar(ui, state, out));
                canvas.ui(ui, state, out);
            });
        }
    }
    windows::modals(ui.ctx(), state, out);
    windows::drop_overlay(ui.ctx());
}

fn status_bar(ui: &mut Ui, state: &AppState, canvas: &Canvas) {
    ui.horizontal(|ui| {
        let doc = &state.doc;
        if state.screen == Screen::Editor {
            let place = doc
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| tr!("status-not-saved-yet"));
            ui.label(RichText::new(place).weak());
            if doc.is_dirty() {
                ui.label(RichText::new(tr!("status-unsaved")).color(ui.visuals().warn_fg_color));
            }
            ui.separator();
            let map = &doc.map;
            ui.label(tr!(
                "status-map-counts",
                determinants = tr!("count-determinants", count = map.determinants.len()),
                influences = tr!("count-influences", count = map.influences.len()),
                stages = tr!("count-stages", count = map.stages.len()),
            ));
            if !state.selection.is_empty() {
                ui.separator();
                ui.label(tr!("count-selected", count = state.selection.ids.len()));
            }
            ui.separator();
            ui.label(format!("{:.0}%", canvas.camera.zoom * 100.0));
        }
        if let Some(status) = &state.status {
            ui.separator();
            ui.label(status);
        }
    });
}

/// The strip of buttons over the canvas (docked, so it covers nothing): adding items, and the
/// panels.
fn toolbar(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    ui.horizontal_wrapped(|ui| {
        if state.presentation {
            if ui.button(tr!("presentation-leave")).clicked() {
                out.run(Command::TogglePresentation);
            }
            let steps = &state.doc.map.presentation;
            match state.step.and_then(|k| steps.get(k).map(|s| (k, s))) {
                Some((k, step)) => {
                    ui.label(RichText::new(tr!("presentation-step", number = k + 1, count = steps.len())).weak());
                    ui.label(RichText::new(&step.title).strong().size(20.0));
                    if !step.note.is_empty() {
                        ui.label(&step.note);
                    }
                }
                None => {
                    ui.label(RichText::new(tr!("presentation-hint")).weak());
                }
            }
            return;
        }
        // A panel on screen needs no name on its toggle: the arrow folds it away, and the space
        // goes to the canvas's buttons on a projector's narrow canvas.
        let (outline_text, outline_hint) = if state.prefs.show_outline {
            ("◀".to_owned(), tr!("toolbar-outline-hide"))
        } else {
            (format!("▶ {}", tr!("toolbar-outline")), tr!("toolbar-outline-show"))
        };
        if ui.button(outline_text).on_hover_text(outline_hint).clicked() {
            out.send(Request::TogglePanel(super::commands::PanelKind::Outline));
        }
        ui.separator();
        tool(
            ui,
            &tr!("toolbar-add-determinant"),
            Command::AddDeterminant,
            &tr!("toolbar-add-determinant-hint"),
            out,
        );
        tool(
            ui,
            &tr!("toolbar-add-stage"),
            Command::AddStage,
            &tr!("toolbar-add-stage-hint"),
            out,
        );
        let influence_selected = state
            .selection
            .ids
            .iter()
            .any(|id| state.doc.map.influence(id).is_some());
        if influence_selected {
            tool(
                ui,
                &tr!("toolbar-flip-sign"),
                Command::FlipSign,
                &tr!("toolbar-flip-sign-hint"),
                out,
            );
        }
        ui.separator();
        let analysis_text = format!(
            "{} {}",
            if state.analysis.open { "▼" } else { "▲" },
            tr!("toolbar-analysis")
        );
        tool(
            ui,
            &analysis_text,
            Command::ToggleAnalysis,
            &tr!("toolbar-analysis-hint"),
            out,
        );
        tool(
            ui,
            &tr!("toolbar-fit"),
            Command::ZoomToFit,
            &tr!("toolbar-fit-hint"),
            out,
        );
        drag_mode(ui, state, out);
        ui.separator();
        let (inspector_text, inspector_hint) = if state.prefs.show_inspector {
            ("▶".to_owned(), tr!("toolbar-inspector-hide"))
        } else {
            (format!("{} ◀", tr!("toolbar-inspector")), tr!("toolbar-inspector-show"))
        };
        if ui.button(inspector_text).on_hover_text(inspector_hint).clicked() {
            out.send(Request::TogglePanel(super::commands::PanelKind::Inspector));
        }
    });
}

/// What a plain drag on empty canvas does: pan the view, or select by a box. Either way the other
/// is a modifier away (Space+drag pans, Shift+drag selects).
fn drag_mode(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    let selects = state.prefs.drag_selects;
    let pan = ui
        .selectable_label(!selects, tr!("toolbar-pan"))
        .on_hover_text(tr!("toolbar-pan-hint"));
    let select = ui
        .selectable_label(selects, tr!("toolbar-select"))
        .on_hover_text(tr!("toolbar-select-hint"));
    if (pan.clicked() && selects) || (select.clicked() && !selects) {
        out.run(Command::ToggleDragSelects);
    }
}

fn tool(ui: &mut Ui, text: &str, c: Command, hint: &str, out: &mut Requests) {
    let shortcut = c.shortcut_text(ui.ctx()).map(|s| format!(" ({s})")).unwrap_or_default();
    if ui.button(text).on_hover_text(format!("{hint}{shortcut}")).clicked() {
        out.run(c);
    }
}
