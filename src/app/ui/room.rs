//! Beside the canvas: the last merge's conflicts to review (File › Merge…) and the comparison with
//! another map (View › Compare with…). Reads the state; a click keeps a value
//! (`Request::KeepMergeValue`) or shows an item on the canvas (`Request::Reveal`).

use super::super::commands::{Request, Requests};
use super::super::room::{Comparison, MergeReview};
use super::super::state::AppState;
use crate::diff::{Kind, What};
use crate::merge::{self, ItemKind};
use crate::model::Id;
use egui::{RichText, Ui};

/// The words of this panel (assets/i18n/*.ftl, `room-…`).
mod text {
    use crate::tr;

    pub fn review() -> String {
        tr!("room-review")
    }
    pub fn compare() -> String {
        tr!("room-compare")
    }
    pub fn close() -> String {
        tr!("room-close")
    }
    pub fn no_conflict() -> String {
        tr!("room-no-conflict")
    }
    pub fn edited() -> String {
        tr!("room-edited")
    }
    pub fn added() -> String {
        tr!("room-added-here")
    }
    pub fn changed() -> String {
        tr!("room-changed")
    }
    pub fn same() -> String {
        tr!("room-same")
    }
    pub fn marked() -> String {
        tr!("room-marked")
    }
    pub fn merged(file: &str) -> String {
        tr!("room-merged-from", file = file)
    }
    pub fn summary(conflicts: usize, added: usize) -> String {
        tr!("room-review-summary", conflicts = conflicts, added = added)
    }
    pub fn compared(file: &str) -> String {
        tr!("room-compared-with", file = file)
    }
    pub fn counts(added: usize, removed: usize, changed: usize) -> String {
        tr!("room-counts", added = added, removed = removed, changed = changed)
    }
    pub fn removed(file: &str) -> String {
        tr!("room-removed-here", file = file)
    }
    pub fn more(n: usize) -> String {
        tr!("room-more", count = n)
    }
}

/// At most this many rows a section, so a comparison of two large maps stays quick to draw.
const MAX_ROWS: usize = 300;

/// Whether the panel has anything to show.
pub fn shown(state: &AppState) -> bool {
    state.merge_review.is_some() || state.comparison.is_some()
}

pub fn ui(ui: &mut Ui, state: &AppState, out: &mut Requests) {
    // The bar always shown: shown only when needed, it came and went on alternate frames as the
    // labels rewrapped around it, and the window never went idle.
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            if let Some(review) = &state.merge_review {
                review_ui(ui, state, review, out);
                ui.separator();
            }
            if let Some(c) = &state.comparison {
                compare_ui(ui, c, out);
            }
        });
}

fn title_row(ui: &mut Ui, heading: String, close: Request, out: &mut Requests) {
    ui.horizontal(|ui| {
        ui.heading(heading);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(text::close()).clicked() {
                out.send(close);
            }
        });
    });
}

fn review_ui(ui: &mut Ui, state: &AppState, review: &MergeReview, out: &mut Requests) {
    title_row(ui, text::review(), Request::CloseMergeReview, out);
    ui.label(text::merged(&review.file));
    if review.conflicts.is_empty() {
        ui.label(text::no_conflict());
        return;
    }
    ui.label(text::summary(review.conflicts.len(), review.added.iter().sum()));
    let items = review.items(&state.doc.map, MAX_ROWS);
    for (k, (c, holders)) in review.conflicts.iter().zip(&review.holders).enumerate().take(MAX_ROWS) {
        ui.add_space(6.0);
        ui.push_id(("conflict", k), |ui| {
            let item = items.get(&(c.kind, c.id.clone()));
            let heading = format!("{} {}: {}", c.kind.as_str(), c.item, c.field);
            if c.kind == ItemKind::Source {
                ui.label(RichText::new(heading).strong());
            } else if ui.link(RichText::new(heading).strong()).clicked() {
                out.send(Request::Reveal(c.id.clone()));
            }
            let current = item.and_then(|i| merge::current(c, holders, i));
            if item.is_some() && current.is_none() {
                ui.label(RichText::new(text::edited()).italics());
            }
            for (v, (value, files)) in c.values.iter().enumerate() {
                let label = format!("{} ({})", shorten(value), files.join(", "));
                if ui.radio(current == Some(v), label).clicked() && current != Some(v) {
                    out.send(Request::KeepMergeValue { conflict: k, value: v });
                }
            }
        });
    }
    if review.conflicts.len() > MAX_ROWS {
        ui.label(text::more(review.conflicts.len() - MAX_ROWS));
    }
}

/// A long value (a note) cut to a line's worth for the list.
fn shorten(value: &str) -> String {
    let one_line = value.replace('\n', " ");
    match one_line.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &one_line[..at]),
        None => one_line,
    }
}

fn compare_ui(ui: &mut Ui, c: &Comparison, out: &mut Requests) {
    title_row(ui, text::compare(), Request::CloseComparison, out);
    ui.label(text::compared(&c.file));
    if c.changes.is_empty() {
        ui.label(text::same());
        return;
    }
    let [added, removed, changed] = c.counts();
    ui.label(text::counts(added, removed, changed));
    ui.label(RichText::new(text::marked()).italics());
    let on_canvas = |kind: Kind| matches!(kind, Kind::Stage | Kind::Determinant | Kind::Influence);
    let sections: [(String, fn(&What) -> bool, bool); 3] = [
        (text::added(), |w| matches!(w, What::Added), true),
        (text::removed(&c.file), |w| matches!(w, What::Removed), false),
        (text::changed(), |w| matches!(w, What::Changed { .. }), true),
    ];
    for (heading, wanted, here) in sections {
        let rows: Vec<_> = c.changes.iter().filter(|ch| wanted(&ch.what)).collect();
        if rows.is_empty() {
            continue;
        }
        ui.add_space(6.0);
        ui.label(RichText::new(format!("{heading} ({})", rows.len())).strong());
        for (n, ch) in rows.iter().take(MAX_ROWS).enumerate() {
            let line = match &ch.what {
                What::Changed { field, before, after } => format!(
                    "{} {}: {field}: {} → {}",
                    ch.kind.as_str(),
                    ch.item,
                    shorten(before),
                    shorten(after)
                ),
                _ => format!("{} {}", ch.kind.as_str(), ch.item),
            };
            ui.push_id((heading.as_str(), n), |ui| {
                if here && on_canvas(ch.kind) && !ch.id.is_empty() {
                    if ui.link(line).clicked() {
                        out.send(Request::Reveal(Id::from(ch.id.as_str())));
                    }
                } else {
                    ui.label(line);
                }
            });
        }
        if rows.len() > MAX_ROWS {
            ui.label(text::more(rows.len() - MAX_ROWS));
        }
    }
}
