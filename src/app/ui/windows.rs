//! Things over the panels: the problem banner, "save changes first?", Help, About, and the hint
//! shown while a file is dragged over the window.

use super::super::commands::{Choice, Command, ConflictChoice, Proceed, Request, Requests};
use super::super::state::{AppState, Conflict, ConflictReason, LoadProblem};
use crate::tr;
use egui::{Align2, Color32, Context, FontId, Id, RichText, Ui};

/// The problems of a file that could not be opened (or saved), one `file:line:col: message` per line.
pub fn problem(ui: &mut Ui, problem: &LoadProblem, out: &mut Requests) {
    ui.add_space(4.0);
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(tr!("problem-could-not-use", file = problem.file.display().to_string()))
                .strong()
                .color(ui.visuals().error_fg_color),
        );
        if ui.button(tr!("problem-dismiss")).clicked() {
            out.send(Request::DismissError);
        }
    });
    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
        for line in &problem.lines {
            ui.label(RichText::new(line).monospace());
        }
    });
    if problem.map_open {
        ui.label(RichText::new(tr!("problem-map-unchanged")).weak());
    }
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
        egui::Window::new(tr!("command-show-shortcuts"))
            .id(Id::new("keyboard shortcuts"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            // Thirty commands and ten gestures are taller than a 720-pixel projector screen.
            .vscroll(true)
            .show(ctx, shortcuts);
        if !open {
            out.send(Request::CloseWindows);
        }
    }
    if state.show_about {
        let mut open = true;
        egui::Window::new(tr!("about-title"))
            .id(Id::new("about"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(tr!("about-version", version = env!("CARGO_PKG_VERSION")));
                ui.label(tr!("about-what"));
                ui.label(tr!("about-font"));
            });
        if !open {
            out.send(Request::CloseWindows);
        }
    }
}

fn confirm(ctx: &Context, state: &AppState, p: &Proceed, out: &mut Requests) {
    let name = state.doc.display_name();
    let question = match p {
        Proceed::New => tr!("confirm-before-new", name = &name),
        Proceed::OpenDialog | Proceed::OpenPath(_) | Proceed::OpenSample(_) => tr!("confirm-before-open", name = &name),
        Proceed::Quit => tr!("confirm-before-quit", name = &name),
        Proceed::ImportDialog => tr!("confirm-before-import", name = &name),
    };
    let response = egui::Modal::new(Id::new("confirm discard")).show(ctx, |ui| {
        ui.set_max_width(420.0);
        ui.heading(tr!("confirm-title"));
        ui.label(question);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(tr!("confirm-save")).clicked() {
                out.send(Request::Confirm(Choice::Save));
            }
            if ui.button(tr!("confirm-discard")).clicked() {
                out.send(Request::Confirm(Choice::Discard));
            }
            if ui.button(tr!("confirm-cancel")).clicked() {
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
                ui.heading(tr!("conflict-changed-title"));
                ui.label(tr!("conflict-changed-body", name = &name));
            }
            ConflictReason::HandComments(at) => {
                ui.heading(tr!("conflict-comments-title"));
                ui.label(tr!(
                    "conflict-comments-body",
                    name = &name,
                    line = at.line,
                    column = at.col
                ));
            }
        }
        ui.label(RichText::new(c.path.display().to_string()).weak());
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui
                .button(tr!("conflict-save-as"))
                .on_hover_text(tr!("conflict-save-as-hint"))
                .clicked()
            {
                out.send(Request::Conflict(ConflictChoice::SaveAs));
            }
            let overwrite = match c.reason {
                ConflictReason::ChangedOnDisk => {
                    if ui
                        .button(tr!("conflict-reload"))
                        .on_hover_text(tr!("conflict-reload-hint"))
                        .clicked()
                    {
                        out.send(Request::Conflict(ConflictChoice::Reload));
                    }
                    ui.button(tr!("conflict-overwrite"))
                        .on_hover_text(tr!("conflict-overwrite-hint"))
                }
                ConflictReason::HandComments(_) => ui
                    .button(tr!("conflict-save-anyway"))
                    .on_hover_text(tr!("conflict-save-anyway-hint")),
            };
            if overwrite.clicked() {
                out.send(Request::Conflict(ConflictChoice::Overwrite));
            }
            if ui.button(tr!("conflict-cancel")).clicked() {
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
            (tr!("gesture-new-determinant"), tr!("gesture-new-determinant-how")),
            (tr!("gesture-rename"), tr!("gesture-rename-how")),
            (tr!("gesture-rename-typing"), tr!("gesture-rename-typing-how")),
            (tr!("gesture-new-influence"), tr!("gesture-new-influence-how")),
            (tr!("gesture-select"), tr!("gesture-select-how")),
            (tr!("gesture-select-box"), tr!("gesture-select-box-how")),
            (tr!("gesture-move"), tr!("gesture-move-how")),
            (tr!("gesture-pan"), tr!("gesture-pan-how")),
            (tr!("gesture-zoom"), tr!("gesture-zoom-how")),
            (tr!("gesture-open"), tr!("gesture-open-how")),
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
        tr!("drop-hint"),
        FontId::proportional(28.0),
        Color32::WHITE,
    );
}
