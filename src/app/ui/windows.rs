//! Things over the panels: the problem banner, "save changes first?", Help, About, and the hint
//! shown while a file is dragged over the window.

use super::super::commands::{Choice, Command, ConflictChoice, Proceed, Request, Requests};
use super::super::state::{AppState, Conflict, ConflictReason, LoadProblem};
use egui::{Align2, Color32, Context, FontId, Id, RichText, Ui};

/// The problems of a file that could not be opened (or saved), one `file:line:col: message` per line.
pub fn problem(ui: &mut Ui, problem: &LoadProblem, out: &mut Requests) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("Could not use {}", problem.file.display()))
                .strong()
                .color(ui.visuals().error_fg_color),
        );
        if ui.button("Dismiss").clicked() {
            out.send(Request::DismissError);
        }
    });
    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
        for line in &problem.lines {
            ui.label(RichText::new(line).monospace());
        }
    });
    ui.label(RichText::new("The map you had open is unchanged.").weak());
    ui.add_space(4.0);
}

pub fn modals(ctx: &Context, state: &AppState, out: &mut Requests) {
    if let Some(p) = &state.confirm {
        confirm(ctx, state, p, out);
    }
    if let Some(c) = &state.conflict {
        conflict(ctx, c, out);
    }
    if state.show_shortcuts {
        let mut open = true;
        egui::Window::new("Keyboard shortcuts")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, shortcuts);
        if !open {
            out.send(Request::CloseWindows);
        }
    }
    if state.show_about {
        let mut open = true;
        egui::Window::new("About Determinant Mapper").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(format!("Determinant Mapper {}", env!("CARGO_PKG_VERSION")));
            ui.label("Draw and analyse determinant maps: what drove or blocked a country's response to a policy problem, how those factors influence each other, and which stage of the response each feeds.");
            ui.label("Interface font: Inter (SIL Open Font License).");
        });
        if !open {
            out.send(Request::CloseWindows);
        }
    }
}

fn confirm(ctx: &Context, state: &AppState, p: &Proceed, out: &mut Requests) {
    let action = match p {
        Proceed::New => "starting a new map",
        Proceed::OpenDialog | Proceed::OpenPath(_) | Proceed::OpenSample(_) => "opening another map",
        Proceed::Quit => "quitting",
    };
    let response = egui::Modal::new(Id::new("confirm discard")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading("Save changes?");
        ui.label(format!(
            "“{}” has unsaved changes. Save them before {action}?",
            state.doc.display_name()
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                out.send(Request::Confirm(Choice::Save));
            }
            if ui.button("Don't save").clicked() {
                out.send(Request::Confirm(Choice::Discard));
            }
            if ui.button("Cancel").clicked() {
                out.send(Request::Confirm(Choice::Cancel));
            }
        });
    });
    if response.should_close() {
        out.send(Request::Confirm(Choice::Cancel));
    }
}

/// A save held back until the user answers: it would replace what this window did not write.
fn conflict(ctx: &Context, c: &Conflict, out: &mut Requests) {
    let name = c
        .path
        .file_name()
        .map_or_else(|| c.path.display().to_string(), |n| n.to_string_lossy().into_owned());
    let response = egui::Modal::new(Id::new("save would replace")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        match c.reason {
            ConflictReason::ChangedOnDisk => {
                ui.heading("The file changed on disk");
                ui.label(format!(
                    "“{name}” was changed by another program or window since it was opened or \
                     last saved here. Saving now would replace those changes."
                ));
            }
            ConflictReason::HandComments(at) => {
                ui.heading("Saving removes the file's comments");
                ui.label(format!(
                    "“{name}” holds comments written by hand (the first on line {}, column {}). \
                     Determinant Mapper writes the map in its own layout, which has no place for \
                     them: saving over the file removes them. Save as… keeps this file as it is.",
                    at.line, at.col
                ));
            }
        }
        ui.label(RichText::new(c.path.display().to_string()).weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button("Save as…")
                .on_hover_text("Keep both: save this map to another file")
                .clicked()
            {
                out.send(Request::Conflict(ConflictChoice::SaveAs));
            }
            let overwrite = match c.reason {
                ConflictReason::ChangedOnDisk => {
                    if ui
                        .button("Reload from disk")
                        .on_hover_text("Open the file as it is now; the unsaved changes here are lost")
                        .clicked()
                    {
                        out.send(Request::Conflict(ConflictChoice::Reload));
                    }
                    ui.button("Overwrite")
                        .on_hover_text("Save this map over the file; the other changes are lost")
                }
                ConflictReason::HandComments(_) => ui
                    .button("Save anyway")
                    .on_hover_text("Save this map over the file; its comments are removed"),
            };
            if overwrite.clicked() {
                out.send(Request::Conflict(ConflictChoice::Overwrite));
            }
            if ui.button("Cancel").clicked() {
                out.send(Request::Conflict(ConflictChoice::Cancel));
            }
        });
    });
    if response.should_close() {
        out.send(Request::Conflict(ConflictChoice::Cancel));
    }
}

/// Help › Keyboard shortcuts: every command with a shortcut, from the same list the menus use,
/// and the pointer gestures.
fn shortcuts(ui: &mut Ui) {
    egui::Grid::new("shortcuts")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for c in Command::ALL {
                if let Some(text) = c.shortcut_text(ui.ctx()) {
                    ui.label(c.label().trim_end_matches('…'));
                    ui.label(RichText::new(text).monospace());
                    ui.end_row();
                }
            }
        });
    ui.separator();
    egui::Grid::new("gestures").striped(true).num_columns(2).show(ui, |ui| {
        for (what, how) in [
            ("New determinant", "Double-click empty canvas"),
            ("Rename in place", "Double-click a determinant or stage"),
            (
                "Rename by typing",
                "Select one determinant or stage and type; letters alone never run a command",
            ),
            (
                "New influence",
                "Drag from the dot on a determinant's right edge, or Ctrl+drag from it",
            ),
            ("Select", "Click; Shift+click adds or removes"),
            ("Select with a box", "Shift+drag (adds) or Ctrl+drag on empty canvas"),
            ("Move", "Drag a node; a selected node moves the whole selection"),
            ("Pan", "Drag empty canvas, or drag with the middle button"),
            ("Zoom", "Mouse wheel or pinch"),
            ("Open a file", "Drop a .ron file on the window"),
        ] {
            ui.label(what);
            ui.label(how);
            ui.end_row();
        }
    });
}

/// While a file is dragged over the window, say what dropping it does.
pub fn drop_overlay(ctx: &Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(egui::Order::Foreground, Id::new("drop")));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        Align2::CENTER_CENTER,
        "Drop a .ron map file to open it",
        FontId::proportional(28.0),
        Color32::WHITE,
    );
}
