//! The steps panel (View › Presentation steps): the map's presentation as a list, each step's
//! title and what it shows; a step made from the view on the canvas; the selected step renamed,
//! given a note for the room, made to reveal the map step by step, moved, deleted, or played from. Reads the state and sends `Request::Steps`; each change is
//! one undo step (`apply/steps.rs`).

use super::super::commands::{Request, Requests};
use super::super::state::AppState;
use super::super::steps::{self, StepRequest};
use crate::model::Step;
use crate::tr;
use egui::{Button, Key, RichText, Ui};

/// What the panel keeps between frames: the title being typed.
#[derive(Default)]
pub struct StepsPanel {
    /// The selected step's title as typed, while its field has the keyboard.
    title: String,
    /// Its note, likewise.
    note: String,
    /// "Add step from view" was pressed with this many steps: the next frame puts the keyboard
    /// in the new step's title, all of it selected, so typing names it.
    focus_new: Option<usize>,
    /// The selected step the list last scrolled to: a newly selected one (a new step at the
    /// end of a long list) is scrolled into view with its title and buttons, once.
    scrolled_to: Option<crate::model::Id>,
}

impl StepsPanel {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        let focus_new = self.focus_new.take();
        let map = &state.doc.map;
        ui.heading(tr!("steps-heading"));
        ui.label(RichText::new(tr!("steps-intro")).weak());
        if ui
            .button(tr!("steps-add"))
            .on_hover_text(tr!("steps-add-hint"))
            .clicked()
        {
            out.send(Request::Steps(StepRequest::AddFromView));
            self.focus_new = Some(map.presentation.len());
        }
        ui.separator();
        if map.presentation.is_empty() {
            ui.label(RichText::new(tr!("steps-none")).weak());
            return;
        }
        let count = map.presentation.len();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                for (k, step) in map.presentation.iter().enumerate() {
                    let selected = state.step_selected.as_ref() == Some(&step.id);
                    let row =
                        ui.selectable_label(selected, RichText::new(format!("{}. {}", k + 1, step.title)).strong());
                    if row.clicked() && !selected {
                        out.send(Request::Steps(StepRequest::Select(Some(step.id.clone()))));
                    }
                    ui.label(RichText::new(steps::shows(map, step)).weak());
                    if selected {
                        let new = focus_new.is_some_and(|before| count > before);
                        self.selected_ui(ui, step, k, count, new, out);
                        if self.scrolled_to.as_ref() != Some(&step.id) {
                            ui.scroll_to_cursor(None);
                            self.scrolled_to = Some(step.id.clone());
                        }
                    }
                    ui.add_space(4.0);
                }
            });
    }

    /// The selected step's title field and buttons.
    fn selected_ui(&mut self, ui: &mut Ui, step: &Step, k: usize, count: usize, new: bool, out: &mut Requests) {
        let send = |out: &mut Requests, r: StepRequest| out.send(Request::Steps(r));
        let id = egui::Id::new(("step title", step.id.as_str()));
        if !ui.memory(|m| m.has_focus(id)) {
            // Not being typed into: the step's title as it is (after an undo too).
            self.title.clone_from(&step.title);
        }
        let output = egui::TextEdit::singleline(&mut self.title)
            .id(id)
            .hint_text(tr!("steps-title"))
            .desired_width(f32::INFINITY)
            .show(ui);
        let field = output.response.response.on_hover_text(tr!("steps-title-hint"));
        if new {
            // Just made: the keyboard here with the whole default title selected.
            field.request_focus();
            let mut edit = output.state;
            edit.cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all(&output.galley)));
            edit.store(ui.ctx(), id);
        }
        if field.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                // Esc gives up what was typed.
                self.title.clone_from(&step.title);
            } else {
                send(
                    out,
                    StepRequest::Rename {
                        id: step.id.clone(),
                        title: self.title.clone(),
                    },
                );
                if ui.input(|i| i.key_pressed(Key::Enter)) {
                    // Enter keeps the title and the keyboard, to correct it again.
                    field.request_focus();
                }
            }
        }
        let note_id = egui::Id::new(("step note", step.id.as_str()));
        if !ui.memory(|m| m.has_focus(note_id)) {
            self.note.clone_from(&step.note);
        }
        let note = ui.add(
            egui::TextEdit::multiline(&mut self.note)
                .id(note_id)
                .hint_text(tr!("steps-note"))
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        );
        if note.lost_focus() {
            if ui.input(|i| i.key_pressed(Key::Escape)) {
                // Esc gives up what was typed, as in the title.
                self.note.clone_from(&step.note);
            } else if self.note != step.note {
                send(
                    out,
                    StepRequest::Note {
                        id: step.id.clone(),
                        note: self.note.clone(),
                    },
                );
            }
        }
        let mut reveal = step.reveal;
        if ui
            .checkbox(&mut reveal, tr!("steps-reveal"))
            .on_hover_text(tr!("steps-reveal-hint"))
            .changed()
        {
            send(
                out,
                StepRequest::Reveal {
                    id: step.id.clone(),
                    on: reveal,
                },
            );
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(k > 0, Button::new(format!("↑ {}", tr!("steps-up"))))
                .clicked()
            {
                send(
                    out,
                    StepRequest::Move {
                        id: step.id.clone(),
                        by: -1,
                    },
                );
            }
            if ui
                .add_enabled(k + 1 < count, Button::new(format!("↓ {}", tr!("steps-down"))))
                .clicked()
            {
                send(
                    out,
                    StepRequest::Move {
                        id: step.id.clone(),
                        by: 1,
                    },
                );
            }
            if ui.button(tr!("steps-delete")).clicked() {
                send(out, StepRequest::Delete(step.id.clone()));
            }
            if ui
                .button(format!("▶ {}", tr!("steps-play")))
                .on_hover_text(tr!("steps-play-hint"))
                .clicked()
            {
                send(out, StepRequest::Play(step.id.clone()));
            }
        });
    }
}
