//! The start screen: what a facilitator sees when the window opens without a file.

use super::super::commands::{Command, Proceed, Request, Requests};
use super::super::state::AppState;
use crate::tr;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.set_max_width(860.0);
            ui.add_space(24.0);
            ui.heading(RichText::new("Determinant Mapper").size(32.0));
            ui.label(RichText::new(tr!("start-tagline")).size(17.0).weak());
            ui.add_space(16.0);
            ui.horizontal(|ui| {
                if ui.button(RichText::new(tr!("start-new")).size(17.0)).clicked() {
                    out.run(Command::New);
                }
                if ui.button(RichText::new(tr!("start-open")).size(17.0)).clicked() {
                    out.run(Command::Open);
                }
            });
        });
        ui.add_space(20.0);
        ui.vertical_centered(|ui| {
            ui.set_max_width(860.0);
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                ui.heading(tr!("start-samples"));
                ui.label(RichText::new(tr!("start-samples-note")).weak());
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
                            RichText::new(tr!(
                                "status-map-counts",
                                determinants = tr!("count-determinants", count = sample.determinants),
                                influences = tr!("count-influences", count = sample.influences),
                                stages = tr!("count-stages", count = sample.stages),
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
                ui.heading(tr!("start-recent"));
                if state.prefs.recent.is_empty() {
                    ui.label(RichText::new(tr!("start-recent-empty")).weak());
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
                        ui.label(
                            RichText::new(if exists {
                                place
                            } else {
                                tr!("start-missing", place = &place)
                            })
                            .weak(),
                        );
                        if ui.small_button("×").on_hover_text(tr!("start-forget")).clicked() {
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
