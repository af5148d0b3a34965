//! The offer to restore a recovery copy that a window left when it closed without saving (a crash,
//! a kill, a power cut). It stays over everything until the user answers, because choosing
//! anything else first (opening a map, starting a new one) is how a recovered map gets forgotten.
//! A copy that does not load is shown too, with its problems and where it is, so that it can be
//! repaired or deleted rather than kept unseen forever.

use super::super::commands::{Request, Requests};
use super::super::recovery::{Offer, Reason, RecoveryChoice};
use super::super::state::AppState;
use crate::tr;
use egui::{Context, Id, RichText};

/// A copy that does not load shows this many lines of its problems at most: the offer must fit.
const MAX_PROBLEM_LINES: usize = 6;

pub fn offer(ctx: &Context, state: &AppState, out: &mut Requests) {
    let Some(offer) = &state.recovery_offer else { return };
    egui::Modal::new(Id::new("recovery offer")).show(ctx, |ui| {
        ui.set_width(540.0);
        match &offer.map {
            Ok(_) => {
                ui.heading(tr!("recovery-title"));
                ui.add_space(4.0);
                ui.label(intro(offer));
            }
            Err(_) => {
                ui.heading(tr!("recovery-broken-title"));
                ui.add_space(4.0);
                ui.label(tr!("recovery-broken-intro"));
            }
        }
        ui.add_space(6.0);
        facts(ui, offer);
        if offer.original_changed {
            ui.add_space(4.0);
            ui.label(RichText::new(tr!("recovery-original-changed")).color(ui.visuals().warn_fg_color));
        }
        ui.add_space(4.0);
        ui.label(
            RichText::new(match offer.map {
                Ok(_) => tr!("recovery-restore-explained"),
                Err(_) => tr!("recovery-broken-explained"),
            })
            .weak(),
        );
        if offer.more > 0 {
            ui.label(RichText::new(tr!("recovery-more", count = offer.more)).weak());
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if offer.map.is_ok() && ui.button(RichText::new(tr!("recovery-restore")).strong()).clicked() {
                out.send(Request::Recover(RecoveryChoice::Restore));
            }
            if ui.button(tr!("recovery-discard")).clicked() {
                out.send(Request::Recover(RecoveryChoice::Discard));
            }
            let later = if offer.map.is_ok() {
                tr!("recovery-later")
            } else {
                tr!("recovery-keep")
            };
            if ui.button(later).on_hover_text(tr!("recovery-later-hint")).clicked() {
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
                    ui.label(RichText::new(tr!("recovery-map")).weak());
                    ui.vertical(|ui| {
                        ui.add(egui::Label::new(RichText::new(&map.title).strong()).wrap());
                        ui.label(tr!(
                            "recovery-map-counts",
                            determinants = tr!("count-determinants", count = map.determinants.len()),
                            influences = tr!("count-influences", count = map.influences.len()),
                            stages = tr!("count-stages", count = map.stages.len())
                        ));
                    });
                }
                Err(problems) => {
                    ui.label(RichText::new(tr!("recovery-problem")).weak());
                    ui.vertical(|ui| {
                        for line in problems.iter().take(MAX_PROBLEM_LINES) {
                            ui.add(egui::Label::new(RichText::new(line).monospace()).wrap());
                        }
                        if problems.len() > MAX_PROBLEM_LINES {
                            ui.label(tr!("recovery-more-lines", count = problems.len() - MAX_PROBLEM_LINES));
                        }
                    });
                }
            }
            ui.end_row();
            ui.label(RichText::new(tr!("recovery-belongs-to")).weak());
            match &offer.found.original {
                Some(p) => ui.add(egui::Label::new(RichText::new(p.display().to_string()).monospace()).wrap()),
                None => ui.label(tr!("recovery-no-file")),
            };
            ui.end_row();
            ui.label(RichText::new(tr!("recovery-saved")).weak());
            match (
                offer.found.saved,
                jiff::Timestamp::try_from(std::time::SystemTime::now()),
            ) {
                (Some(saved), Ok(now)) => ui.label(describe_time(saved, now)),
                _ => ui.label(tr!("recovery-unknown")),
            };
            ui.end_row();
            ui.label(RichText::new(tr!("recovery-copy")).weak());
            ui.add(egui::Label::new(RichText::new(offer.found.file.display().to_string()).monospace().weak()).wrap());
            ui.end_row();
        });
}

fn intro(offer: &Offer) -> String {
    match offer.found.reason {
        Reason::Crash => tr!("recovery-after-crash"),
        Reason::Autosave => tr!("recovery-after-stop"),
    }
}

/// When a copy was written, for people, in the current language: the local date and time (in the
/// message file's own strftime pattern, since jiff does not name days and months in Spanish) and
/// how long ago.
fn describe_time(saved: jiff::Timestamp, now: jiff::Timestamp) -> String {
    let local = saved.to_zoned_datetime(jiff::tz::TimeZone::system());
    let date = local.strftime(&tr!("recovery-date-format")).to_string();
    let secs = now.as_second() - saved.as_second();
    let ago = match secs {
        s if s < 0 => return date,
        0..60 => tr!("recovery-ago-seconds"),
        60..3600 => tr!("recovery-ago-minutes", count = secs / 60),
        3600..86400 => tr!("recovery-ago-hours", count = secs / 3600),
        _ => tr!("recovery-ago-days", count = secs / 86400),
    };
    tr!("recovery-when", date = date, ago = ago)
}
