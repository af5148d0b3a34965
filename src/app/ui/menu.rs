//! The menu bar. Items are [`Command`]s, so their labels and shortcuts match Help and the keyboard.

use super::super::commands::{Command, Proceed, Request, Requests};
use super::super::state::AppState;
use crate::export::Export;
use crate::i18n::Language;
use crate::tr;
use egui::{Button, Ui};

pub fn ui(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!("menu-file"), |ui| {
            item(ui, Command::New, true, out);
            item(ui, Command::Open, true, out);
            item(ui, Command::Import, true, out);
            item(
                ui,
                Command::Merge,
                state.screen == super::super::state::Screen::Editor,
                out,
            );
            ui.menu_button(tr!("menu-open-sample"), |ui| {
                for sample in &state.samples {
                    if ui.button(&sample.title).clicked() {
                        out.send(Request::Proceed(Proceed::OpenSample(sample.file_name)));
                    }
                }
            });
            ui.add_enabled_ui(!state.prefs.recent.is_empty(), |ui| {
                ui.menu_button(tr!("menu-open-recent"), |ui| {
                    for path in &state.prefs.recent {
                        if ui.button(path.display().to_string()).clicked() {
                            out.send(Request::Proceed(Proceed::OpenPath(path.clone())));
                        }
                    }
                });
            });
            ui.separator();
            item(ui, Command::Save, true, out);
            item(ui, Command::SaveAs, true, out);
            ui.menu_button(tr!("menu-export"), |ui| {
                for e in Export::MENU {
                    item(ui, Command::Export(e), true, out);
                }
            });
            ui.separator();
            item(ui, Command::Quit, true, out);
        });
        ui.menu_button(tr!("menu-edit"), |ui| {
            let selected = !state.selection.is_empty();
            // "Undo add stage": the step's own words, from `Edit::describe`, in one message.
            let what = |c: Command, what: &Option<String>| match (c, what) {
                (Command::Undo, Some(what)) => tr!("menu-undo-what", what = what),
                (_, Some(what)) => tr!("menu-redo-what", what = what),
                (_, None) => c.label().to_owned(),
            };
            labelled(
                ui,
                Command::Undo,
                what(Command::Undo, &state.undo_what),
                state.can_undo,
                out,
            );
            labelled(
                ui,
                Command::Redo,
                what(Command::Redo, &state.redo_what),
                state.can_redo,
                out,
            );
            ui.separator();
            item(ui, Command::Cut, selected, out);
            item(ui, Command::Copy, selected, out);
            item(ui, Command::Paste, true, out);
            item(ui, Command::PasteLines, true, out);
            item(ui, Command::Duplicate, selected, out);
            item(ui, Command::Delete, selected, out);
            ui.separator();
            item(ui, Command::SelectAll, true, out);
            item(ui, Command::Find, true, out);
        });
        ui.menu_button(tr!("menu-view"), |ui| {
            item(ui, Command::ZoomToFit, true, out);
            item(ui, Command::ZoomIn, true, out);
            item(ui, Command::ZoomOut, true, out);
            ui.separator();
            item(ui, Command::FlowLayout, true, out);
            item(ui, Command::ForceLayout, true, out);
            item(
                ui,
                Command::Compare,
                state.screen == super::super::state::Screen::Editor,
                out,
            );
            ui.separator();
            toggle(ui, Command::ToggleAnalysis, state.analysis.open, out);
            toggle(ui, Command::ToggleLegend, state.prefs.show_legend, out);
            toggle(ui, Command::ToggleDragSelects, state.prefs.drag_selects, out);
            item(ui, Command::ToggleTheme, true, out);
            toggle(ui, Command::ToggleSteps, state.prefs.show_steps, out);
            toggle(ui, Command::TogglePresentation, state.presentation, out);
            toggle(ui, Command::ToggleFullscreen, state.fullscreen, out);
            ui.separator();
            language_menu(ui, state, out);
        });
        ui.menu_button(tr!("menu-help"), |ui| {
            item(ui, Command::ShowShortcuts, true, out);
            item(ui, Command::About, true, out);
        });
    });
}

fn item(ui: &mut Ui, c: Command, enabled: bool, out: &mut Requests) {
    labelled(ui, c, c.label().to_owned(), enabled, out);
}

/// A menu item for `c` with its own words (Undo and Redo name the step).
fn labelled(ui: &mut Ui, c: Command, label: String, enabled: bool, out: &mut Requests) {
    let mut button = Button::new(label);
    if let Some(text) = c.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(text);
    }
    if ui.add_enabled(enabled, button).clicked() {
        out.run(c);
    }
}

fn toggle(ui: &mut Ui, c: Command, on: bool, out: &mut Requests) {
    let mut checked = on;
    let label = match c.shortcut_text(ui.ctx()) {
        Some(text) => format!("{} ({text})", c.label()),
        None => c.label(),
    };
    if ui.checkbox(&mut checked, label).changed() {
        out.run(c);
    }
}

/// View › Language: the system's language, or one chosen (remembered, applied at once).
fn language_menu(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    ui.menu_button(tr!("menu-language"), |ui| {
        let chosen = state.prefs.language;
        let system = tr!("menu-language-system", language = Language::from_system().name());
        if ui.radio(chosen.is_none(), system).clicked() {
            out.send(Request::Language(None));
        }
        for language in Language::ALL {
            if ui.radio(chosen == Some(language), language.name()).clicked() {
                out.send(Request::Language(Some(language)));
            }
        }
    });
}
