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

/// The words of this panel, in one place for the translation to come.
mod text {
    pub const REVIEW: &str = "Merge review";
    pub const COMPARE: &str = "Comparison";
    pub const CLOSE: &str = "Close";
    pub const NO_CONFLICT: &str = "No conflict: every item the two maps share says the same in both.";
    pub const EDITED: &str = "Edited since the merge: none of these values is the one in the map.";
    pub const ADDED: &str = "Added in this map";
    pub const CHANGED: &str = "Changed";
    pub const SAME: &str = "The two maps say the same thing.";
    pub const MARKED: &str = "Added and changed items are brought forward on the canvas.";

    pub fn plural(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }
    pub fn merged(file: &str) -> String {
        format!("Merged from {file}")
    }
    pub fn summary(conflicts: usize, added: usize) -> String {
        format!(
            "{} to review, {} added. Click a value to keep it instead (Undo takes it back).",
            plural(conflicts, "conflict", "conflicts"),
            plural(added, "item", "items")
        )
    }
    pub fn compared(file: &str) -> String {
        format!("Compared with {file}")
    }
    pub fn counts(added: usize, removed: usize, changed: usize) -> String {
        format!("{added} added, {removed} removed, {}", plural(changed, "change", "changes"))
    }
    pub fn removed(file: &str) -> String {
        format!("Not in this map (only in {file})")
    }
    pub fn more(n: usize) -> String {
        format!("… and {n} more")
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

fn title_row(ui: &mut Ui, heading: &str, close: Request, out: &mut Requests) {
    ui.horizontal(|ui| {
        ui.heading(heading);
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui.button(text::CLOSE).clicked() {
                out.send(close);
            }
        });
    });
}

fn review_ui(ui: &mut Ui, state: &AppState, review: &MergeReview, out: &mut Requests) {
    title_row(ui, text::REVIEW, Request::CloseMergeReview, out);
    ui.label(text::merged(&review.file));
    if review.conflicts.is_empty() {
        ui.label(text::NO_CONFLICT);
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
                ui.label(RichText::new(text::EDITED).italics());
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
    title_row(ui, text::COMPARE, Request::CloseComparison, out);
    ui.label(text::compared(&c.file));
    if c.changes.is_empty() {
        ui.label(text::SAME);
        return;
    }
    let [added, removed, changed] = c.counts();
    ui.label(text::counts(added, removed, changed));
    ui.label(RichText::new(text::MARKED).italics());
    let on_canvas = |kind: Kind| matches!(kind, Kind::Stage | Kind::Determinant | Kind::Influence);
    let sections: [(String, fn(&What) -> bool, bool); 3] = [
        (text::ADDED.to_owned(), |w| matches!(w, What::Added), true),
        (text::removed(&c.file), |w| matches!(w, What::Removed), false),
        (text::CHANGED.to_owned(), |w| matches!(w, What::Changed { .. }), true),
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
