//! The outline: stages in order, then determinants grouped by category, filtered by a search.
//! Clicking an entry selects it and brings it to the middle of the canvas.

use super::super::commands::{Request, Requests};
use super::super::state::AppState;
use super::canvas::style;
use crate::model::{Determinant, Id};
use egui::{RichText, Ui};

#[derive(Default)]
pub struct Outline {
    search: String,
    /// Find was chosen: the search field takes the keyboard on the next frame.
    focus_next: bool,
}

impl Outline {
    pub fn focus_search(&mut self) {
        self.focus_next = true;
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        ui.add_space(4.0);
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text("Find a determinant or stage")
                .desired_width(f32::INFINITY)
                .id(egui::Id::new("outline search")),
        );
        if std::mem::take(&mut self.focus_next) {
            search.request_focus();
        }
        let needle = self.search.trim().to_lowercase();
        let matches = |label: &str| needle.is_empty() || label.to_lowercase().contains(&needle);
        let map = &state.doc.map;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.label(RichText::new("Stages of response").strong());
            for (i, stage) in map.stages.iter().enumerate() {
                if matches(&stage.label) {
                    entry(ui, state, &stage.id, &format!("{}. {}", i + 1, stage.label), out);
                }
            }
            ui.add_space(6.0);
            ui.label(RichText::new("Determinants by category").strong());
            for category in &map.categories {
                let members: Vec<&Determinant> =
                    map.determinants.iter().filter(|d| d.categories.contains(&category.name) && matches(&d.label)).collect();
                if members.is_empty() && !needle.is_empty() {
                    continue;
                }
                let header = RichText::new(format!("{} ({})", category.name, members.len()));
                egui::CollapsingHeader::new(header)
                    .id_salt(("outline category", &category.name))
                    .default_open(true)
                    .icon({
                        let colour = style::colour(category.colour);
                        move |ui, _openness, response| {
                            ui.painter().rect_filled(response.rect.shrink(2.0), 2.0, colour);
                        }
                    })
                    .show(ui, |ui| {
                        for d in members {
                            entry(ui, state, &d.id, &d.label, out);
                        }
                    });
            }
        });
    }
}

fn entry(ui: &mut Ui, state: &AppState, id: &Id, label: &str, out: &mut Requests) {
    let selected = state.selection.contains(id);
    if ui.selectable_label(selected, label).clicked() {
        out.send(Request::Reveal(id.clone()));
    }
}
