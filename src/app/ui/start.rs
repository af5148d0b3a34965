//! The start screen: what a facilitator sees when the window opens without a file.

use super::super::commands::{Command, Proceed, Request, Requests};
use super::super::state::AppState;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.set_max_width(860.0);
            ui.add_space(24.0);
            ui.heading(RichText::new("Determinant Mapper").size(32.0));
            ui.label(
                RichText::new("Map what drove or blocked a country's response to a policy problem.")
                    .size(17.0)
                    .weak(),
            );
            ui.add_space(16.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new("New map").size(17.0)).clicked() {
                    out.run(Command::New);
                }
                if ui.button(RichText::new("Open a file…").size(17.0)).clicked() {
                    out.run(Command::Open);
                }
            });
        });
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(860.0);
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.heading("Samples");
                ui.label(RichText::new("Maps built from published studies; each opens as an unsaved copy.").weak());
                ui.add_space(6.0);
                for sample in &state.samples {
                    let card = egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.horizontal(|ui| {
                            if ui.button(RichText::new(&sample.title).size(17.0).strong()).clicked() {
                                out.send(Request::Proceed(Proceed::OpenSample(sample.file_name)));
                            }
                        });
                        ui.label(
                            RichText::new(format!(
                                "{} determinants · {} influences · {} stages",
                                sample.determinants, sample.influences, sample.stages
                            ))
                            .weak(),
                        );
                        ui.label(shorten(&sample.description, 320));
                    });
                    // The whole card opens the sample, not only its title.
                    let whole = ui.interact(
                        card.response.rect,
                        egui::Id::new(("sample card", sample.file_name)),
                        egui::Sense::click(),
                    );
                    if whole.on_hover_cursor(egui::CursorIcon::PointingHand).clicked() {
                        out.send(Request::Proceed(Proceed::OpenSample(sample.file_name)));
                    }
                    ui.add_space(4.0);
                }
                ui.add_space(16.0);
                ui.heading("Recent files");
                if state.prefs.recent.is_empty() {
                    ui.label(RichText::new("Maps you open or save appear here.").weak());
                }
                for path in &state.prefs.recent {
                    ui.horizontal(|ui| {
                        let exists = path.exists();
                        let name = path
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default();
                        if ui
                            .add_enabled(exists, egui::Button::new(RichText::new(name).strong()))
                            .clicked()
                        {
                            out.send(Request::Proceed(Proceed::OpenPath(path.clone())));
                        }
                        let place = path.parent().map(|p| p.display().to_string()).unwrap_or_default();
                        ui.label(RichText::new(if exists { place } else { format!("{place} (missing)") }).weak());
                        if ui.small_button("×").on_hover_text("Remove from the list").clicked() {
                            out.send(Request::ForgetRecent(path.clone()));
                        }
                    });
                }
            });
        });
    });
}

/// The first `max` characters of `text`, cut at a word, with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut}…")
}
