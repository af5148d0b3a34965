//! The offer to restore a recovery copy that a window left when it closed without saving (a crash,
//! a kill, a power cut). It stays over everything until the user answers, because choosing
//! anything else first (opening a map, starting a new one) is how a recovered map gets forgotten.
//! A copy that does not load is shown too, with its problems and where it is, so that it can be
//! repaired or deleted rather than kept unseen forever.

use super::super::commands::{Request, Requests};
use super::super::recovery::{Offer, Reason, RecoveryChoice, describe_time};
use super::super::state::AppState;
use egui::{Context, Id, RichText};

/// A copy that does not load shows this many lines of its problems at most: the offer must fit.
const MAX_PROBLEM_LINES: usize = 6;

pub fn offer(ctx: &Context, state: &AppState, out: &mut Requests) {
    let Some(offer) = &state.recovery_offer else { return };
    egui::Modal::new(Id::new("recovery offer")).show(ctx, |ui| {
        ui.set_width(540.0);
        match &offer.map {
            Ok(_) => {
                ui.heading("Restore unsaved changes?");
                ui.add_space(4.0);
                ui.label(intro(offer));
            }
            Err(_) => {
                ui.heading("A recovery copy cannot be opened");
                ui.add_space(4.0);
                ui.label(
                    "Determinant Mapper kept a copy of a map with unsaved changes, but the copy does \
                     not open as a map:",
                );
            }
        }
        ui.add_space(6.0);
        facts(ui, offer);
        if offer.original_changed {
            ui.add_space(4.0);
            ui.label(
                RichText::new(
                    "The file has changed since this map was last opened or saved in Determinant Mapper \
                     (another program, another window or a colleague saved it). Restoring and then \
                     saving would replace those changes: consider Save as… after restoring.",
                )
                .color(ui.visuals().warn_fg_color),
            );
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(match offer.map {
                Ok(_) => {
                    "Restore opens the copy with its changes unsaved; Save then writes it to the file above. \
                     Discard deletes the copy."
                }
                Err(_) => {
                    "The copy is a text file: it can be repaired in a text editor (it is then offered \
                     again at the next start) or opened there to take what is needed. Discard deletes it."
                }
            })
            .weak(),
        );
        if offer.more > 0 {
            let waiting = if offer.more == 1 {
                "1 more recovery copy waits".to_owned()
            } else {
                format!("{} more recovery copies wait", offer.more)
            };
            ui.label(
                RichText::new(format!(
                    "{waiting}: each is offered in turn, after a Discard here or at the next start."
                ))
                .weak(),
            );
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if offer.map.is_ok() && ui.button(RichText::new("Restore").strong()).clicked() {
                out.send(Request::Recover(RecoveryChoice::Restore));
            }
            if ui.button("Discard").clicked() {
                out.send(Request::Recover(RecoveryChoice::Discard));
            }
            let later = if offer.map.is_ok() { "Decide later" } else { "Keep it" };
            if ui
                .button(later)
                .on_hover_text("Keep the copy and ask again at the next start")
                .clicked()
            {
                out.send(Request::Recover(RecoveryChoice::Later));
            }
        });
    });
}

/// The map (or why it does not load), the file it belongs to, when it was written, and where the
/// copy is.
fn facts(ui: &mut egui::Ui, offer: &Offer) {
    egui::Grid::new("recovery facts")
        .num_columns(2)
        .max_col_width(440.0)
        .show(ui, |ui| {
            match &offer.map {
                Ok(map) => {
                    ui.label(RichText::new("Map").weak());
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(&map.title).strong()).wrap());
                        ui.label(format!(
                            "{} determinants, {} influences, {} stages",
                            map.determinants.len(),
                            map.influences.len(),
                            map.stages.len()
                        ));
                    });
                }
                Err(problems) => {
                    ui.label(RichText::new("Problem").weak());
                    ui.vertical(|ui| {
                        for line in problems.iter().take(MAX_PROBLEM_LINES) {
                            ui.add(egui::Label::new(RichText::new(line).monospace()).wrap());
                        }
                        if problems.len() > MAX_PROBLEM_LINES {
                            ui.label(format!("and {} more lines", problems.len() - MAX_PROBLEM_LINES));
                        }
                    });
                }
            }
            ui.end_row();
            ui.label(RichText::new("Belongs to").weak());
            match &offer.found.original {
                Some(p) => ui.add(egui::Label::new(RichText::new(p.display().to_string()).monospace()).wrap()),
                None => ui.label("no file: it had not been saved yet"),
            };
            ui.end_row();
            ui.label(RichText::new("Saved").weak());
            match (
                offer.found.saved,
                jiff::Timestamp::try_from(std::time::SystemTime::now()),
            ) {
                (Some(saved), Ok(now)) => ui.label(describe_time(saved, now)),
                _ => ui.label("unknown"),
            };
            ui.end_row();
            ui.label(RichText::new("Copy").weak());
            ui.add(egui::Label::new(RichText::new(offer.found.file.display().to_string()).monospace().weak()).wrap());
            ui.end_row();
        });
}

fn intro(offer: &Offer) -> &'static str {
    match offer.found.reason {
        Reason::Crash => {
            "Determinant Mapper stopped because of an error while this map had unsaved changes. \
                          It kept a copy as it stopped."
        }
        Reason::Autosave => {
            "Determinant Mapper closed without saving this map (it was stopped, or the computer \
                             was). A copy was kept a few seconds after the last change."
        }
    }
}
