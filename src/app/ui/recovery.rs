//! The offer to restore a recovery copy that a window left when it closed without saving (a crash,
//! a kill, a power cut). It stays over everything until the user answers, because choosing
//! anything else first (opening a map, starting a new one) is how a recovered map gets forgotten.

use super::super::commands::{Request, Requests};
use super::super::recovery::{Offer, Reason, RecoveryChoice, describe_time};
use super::super::state::AppState;
use egui::{Context, Id, RichText};

pub fn offer(ctx: &Context, state: &AppState, out: &mut Requests) {
    let Some(offer) = &state.recovery_offer else { return };
    egui::Modal::new(Id::new("recovery offer")).show(ctx, |ui| {
        ui.set_width(540.0);
        ui.heading("Restore unsaved changes?");
        ui.add_space(4.0);
        ui.label(intro(offer));
        ui.add_space(6.0);
        egui::Grid::new("recovery facts")
            .num_columns(2)
            .max_col_width(440.0)
            .show(ui, |ui| {
                ui.label(RichText::new("Map").weak());
                let map = &offer.map;
                ui.vertical(|ui| {
                    ui.add(egui::Label::new(RichText::new(&map.title).strong()).wrap());
                    ui.label(format!(
                        "{} determinants, {} influences, {} stages",
                        map.determinants.len(),
                        map.influences.len(),
                        map.stages.len()
                    ));
                });
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
                ui.add(
                    egui::Label::new(RichText::new(offer.found.file.display().to_string()).monospace().weak()).wrap(),
                );
                ui.end_row();
            });
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
            RichText::new(
                "Restore opens the copy with its changes unsaved; Save then writes it to the file above. \
                 Discard deletes the copy.",
            )
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
            if ui.button(RichText::new("Restore").strong()).clicked() {
                out.send(Request::Recover(RecoveryChoice::Restore));
            }
            if ui.button("Discard").clicked() {
                out.send(Request::Recover(RecoveryChoice::Discard));
            }
            if ui
                .button("Decide later")
                .on_hover_text("Keep the copy and ask again at the next start")
                .clicked()
            {
                out.send(Request::Recover(RecoveryChoice::Later));
            }
        });
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
