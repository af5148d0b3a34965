//! The outline: stages in order, then determinants grouped by category, filtered by a search.
//! Clicking an entry selects it and brings it to the middle of the canvas.
//!
//! The rows are computed once per document revision and search, and only the rows in view are
//! laid out, so a map of 10,000 determinants costs no more per frame than one of 50.

use super::super::commands::{Request, Requests};
use super::super::state::AppState;
use super::canvas::style;
use crate::model::{Id, Map};
use crate::tr;
use egui::{Color32, RichText, Ui};
use std::collections::HashSet;

/// The outline's two headings, named when drawn so a change of language shows at once.
#[derive(Clone, Copy)]
enum Heading {
    Stages,
    Determinants,
}

enum Row {
    Heading(Heading),
    Category {
        name: String,
        colour: Color32,
        count: usize,
    },
    Entry {
        id: Id,
        text: String,
    },
}

#[derive(Default)]
pub struct Outline {
    search: String,
    /// Find was chosen: the search field takes the keyboard on the next frame.
    focus_next: bool,
    collapsed: HashSet<String>,
    rows: Vec<Row>,
    /// The revision and search the rows were built for.
    built_for: Option<(u64, String)>,
}

impl Outline {
    pub fn focus_search(&mut self) {
        self.focus_next = true;
    }

    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        ui.add_space(4.0);
        let search = ui.add(
            egui::TextEdit::singleline(&mut self.search)
                .hint_text(tr!("outline-search"))
                .desired_width(f32::INFINITY)
                .id(egui::Id::new("outline search")),
        );
        if std::mem::take(&mut self.focus_next) {
            search.request_focus();
        }
        let key = (state.doc.revision, self.search.clone());
        if self.built_for.as_ref() != Some(&key) {
            self.rows = rows(&state.doc.map, &self.search, &self.collapsed);
            self.built_for = Some(key);
        }
        let row_height = ui.spacing().interact_size.y;
        let mut toggle = None;
        egui::ScrollArea::vertical().auto_shrink([false, false]).show_rows(
            ui,
            row_height,
            self.rows.len(),
            |ui, range| {
                for row in &self.rows[range] {
                    match row {
                        Row::Heading(heading) => {
                            let text = match heading {
                                Heading::Stages => tr!("outline-stages"),
                                Heading::Determinants => tr!("outline-determinants"),
                            };
                            ui.label(RichText::new(text).strong());
                        }
                        Row::Category { name, colour, count } => {
                            let open = !self.collapsed.contains(name);
                            let text_colour = ui.visuals().text_color();
                            let font = egui::TextStyle::Button.resolve(ui.style());
                            let mut job = egui::text::LayoutJob::default();
                            let format = |color| egui::TextFormat {
                                font_id: font.clone(),
                                color,
                                ..Default::default()
                            };
                            job.append(if open { "▼ " } else { "▶ " }, 0.0, format(text_colour));
                            job.append("■ ", 0.0, format(*colour));
                            job.append(&format!("{name} ({count})"), 0.0, format(text_colour));
                            let response =
                                ui.add(egui::Button::new(egui::WidgetText::from(job)).frame(false).truncate());
                            if response
                                .on_hover_text(if open {
                                    tr!("outline-fold")
                                } else {
                                    tr!("outline-unfold")
                                })
                                .clicked()
                            {
                                toggle = Some(name.clone());
                            }
                        }
                        Row::Entry { id, text } => {
                            let selected = state.selection.contains(id);
                            let response = ui.add(egui::Button::selectable(selected, text.as_str()).truncate());
                            if response.clicked() {
                                out.send(Request::Reveal(id.clone()));
                            }
                        }
                    }
                }
            },
        );
        // Folding a group is the panel's own view state, not the document's.
        if let Some(name) = toggle {
            if !self.collapsed.remove(&name) {
                self.collapsed.insert(name);
            }
            self.built_for = None;
        }
    }
}

fn rows(map: &Map, search: &str, collapsed: &HashSet<String>) -> Vec<Row> {
    let needle = search.trim().to_lowercase();
    let matches = |label: &str| needle.is_empty() || label.to_lowercase().contains(&needle);
    let mut rows = vec![Row::Heading(Heading::Stages)];
    for (i, stage) in map.stages.iter().enumerate() {
        if matches(&stage.label) {
            rows.push(Row::Entry {
                id: stage.id.clone(),
                text: format!("{}. {}", i + 1, stage.label),
            });
        }
    }
    rows.push(Row::Heading(Heading::Determinants));
    for category in &map.categories {
        let members: Vec<(&Id, &String)> = map
            .determinants
            .iter()
            .filter(|d| d.categories.contains(&category.name) && matches(&d.label))
            .map(|d| (&d.id, &d.label))
            .collect();
        if members.is_empty() && !needle.is_empty() {
            continue;
        }
        rows.push(Row::Category {
            name: category.name.clone(),
            colour: style::colour(category.colour),
            count: members.len(),
        });
        if !collapsed.contains(&category.name) {
            rows.extend(members.into_iter().map(|(id, label)| Row::Entry {
                id: id.clone(),
                text: format!("    {label}"),
            }));
        }
    }
    rows
}
