//! Field editors shared by the inspector's sections. Each shows the document's current value and
//! sends an edit when the user changes it; typing in a field merges into one undo step per field.

use super::super::super::commands::Requests;
use super::super::super::edit::Edit;
use crate::model::{Evidence, Map};
use crate::tr;
use egui::{RichText, Ui};

/// A labelled text field. `key` names the field for undo merging, e.g. `label:d3`.
pub fn text(
    ui: &mut Ui,
    label: &str,
    value: &str,
    multiline: bool,
    key: String,
    make: impl FnOnce(String) -> Edit,
    out: &mut Requests,
) {
    let name = ui.label(RichText::new(label).strong());
    let mut buffer = value.to_owned();
    let editor = if multiline {
        egui::TextEdit::multiline(&mut buffer)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
    } else {
        // Enter keeps the keyboard here: the edit is already made as typed, and a field that
        // let go would hand Ctrl+A and Backspace to the map.
        egui::TextEdit::singleline(&mut buffer)
            .desired_width(f32::INFINITY)
            .return_key(None)
    };
    let response = ui.add(editor.id(egui::Id::new(("field", &key)))).labelled_by(name.id);
    if response.changed() {
        out.edit_merging(make(buffer), key);
    }
}

/// What a field shows for the items it edits: the value they share, or "mixed" when several
/// selected items differ.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown<T> {
    Value(T),
    Mixed,
}

impl<T: Copy + PartialEq> Shown<T> {
    /// The one value of `values`, or `Mixed` (also for no values, which a form never shows).
    pub fn of(mut values: impl Iterator<Item = T>) -> Self {
        match values.next() {
            Some(first) if values.all(|v| v == first) => Shown::Value(first),
            _ => Shown::Mixed,
        }
    }
}

/// A field's name, and "mixed" after it when the selected items differ.
fn name_and_mixed<T>(ui: &mut Ui, label: &str, current: &Shown<T>) {
    ui.label(RichText::new(label).strong());
    if let Shown::Mixed = current {
        ui.label(RichText::new(tr!("inspector-mixed")).italics())
            .on_hover_text(tr!("inspector-mixed-hint"));
    }
}

/// A field's name and, for a coded axis, how its "unknown" choice reads ("locus unknown"; in
/// Spanish the adjective agrees with the axis's noun, so it is a message of its own).
pub struct Axis {
    pub label: String,
    pub unknown: String,
}

/// A choice among the values of a coded axis, with "unknown" for `None`: the study may not say.
/// Returns the new value when the user picks one.
pub fn axis<T: Copy + PartialEq>(
    ui: &mut Ui,
    field: Axis,
    current: Option<T>,
    all: &[T],
    name: fn(T) -> String,
) -> Option<Option<T>> {
    axis_shown(ui, field, Shown::Value(current), all, name)
}

/// [`axis`] for several items at once: none of the choices is marked where they differ.
pub fn axis_shown<T: Copy + PartialEq>(
    ui: &mut Ui,
    field: Axis,
    current: Shown<Option<T>>,
    all: &[T],
    name: fn(T) -> String,
) -> Option<Option<T>> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        name_and_mixed(ui, &field.label, &current);
        for &v in all {
            let on = current == Shown::Value(Some(v));
            if ui.radio(on, name(v)).clicked() && !on {
                picked = Some(Some(v));
            }
        }
        let unknown = current == Shown::Value(None);
        if ui.radio(unknown, field.unknown).clicked() && !unknown {
            picked = Some(None);
        }
    });
    picked
}

/// A required choice (no "unknown").
pub fn choice<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: T,
    all: &[T],
    name: fn(T) -> String,
) -> Option<T> {
    choice_shown(ui, label, Shown::Value(current), all, name)
}

/// [`choice`] for several items at once.
pub fn choice_shown<T: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    current: Shown<T>,
    all: &[T],
    name: fn(T) -> String,
) -> Option<T> {
    let mut picked = None;
    ui.horizontal_wrapped(|ui| {
        name_and_mixed(ui, label, &current);
        for &v in all {
            let on = current == Shown::Value(v);
            if ui.radio(on, name(v)).clicked() && !on {
                picked = Some(v);
            }
        }
    });
    picked
}

/// The evidence entries of a determinant or influence. `make` turns the new list into an edit;
/// `key` is the owner's id, for undo merging.
pub fn evidence(
    ui: &mut Ui,
    map: &Map,
    list: &[Evidence],
    key: &str,
    make: impl Fn(Vec<Evidence>) -> Edit,
    out: &mut Requests,
) {
    ui.label(RichText::new(tr!("inspector-evidence")).strong());
    for (n, e) in list.iter().enumerate() {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                let current = map
                    .sources
                    .iter()
                    .find(|s| s.id == e.source)
                    .map_or(e.source.as_str(), |s| s.title.as_str());
                egui::ComboBox::from_id_salt(("evidence source", key, n))
                    .selected_text(shorten(current, 40))
                    .width(ui.available_width() - 40.0)
                    .show_ui(ui, |ui| {
                        for s in &map.sources {
                            if ui.selectable_label(s.id == e.source, &s.title).clicked() && s.id != e.source {
                                let mut new = list.to_vec();
                                new[n].source = s.id.clone();
                                out.edit(make(new));
                            }
                        }
                    });
                if ui
                    .small_button("×")
                    .on_hover_text(tr!("inspector-remove-evidence"))
                    .clicked()
                {
                    let mut new = list.to_vec();
                    new.remove(n);
                    out.edit(make(new));
                }
            });
            let field = |ui: &mut Ui, label: &str, value: &str, which: usize, out: &mut Requests| {
                let mut buffer = value.to_owned();
                let name = ui.label(label);
                let editor = if which == 0 {
                    egui::TextEdit::singleline(&mut buffer).return_key(None)
                } else {
                    egui::TextEdit::multiline(&mut buffer).desired_rows(2)
                };
                let id = egui::Id::new(("evidence", key, n, which));
                if ui
                    .add(editor.desired_width(f32::INFINITY).id(id))
                    .labelled_by(name.id)
                    .changed()
                {
                    let mut new = list.to_vec();
                    if which == 0 {
                        new[n].location = buffer
                    } else {
                        new[n].paraphrase = buffer
                    }
                    out.edit_merging(make(new), format!("evidence:{key}:{n}:{which}"));
                }
            };
            field(ui, &tr!("inspector-section-or-page"), &e.location, 0, out);
            field(ui, &tr!("inspector-paraphrase"), &e.paraphrase, 1, out);
        });
    }
    match map.sources.first() {
        Some(first) => {
            if ui.button(tr!("inspector-add-evidence")).clicked() {
                let mut new = list.to_vec();
                new.push(Evidence {
                    source: first.id.clone(),
                    location: String::new(),
                    paraphrase: String::new(),
                });
                out.edit(make(new));
            }
        }
        None => {
            ui.label(RichText::new(tr!("inspector-evidence-needs-source")).weak());
        }
    }
}

pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    }
}

/// The next colour for a new category: the first of a colour-blind-safe set not yet used.
pub fn next_colour(map: &Map) -> crate::model::Colour {
    const SET: [[u8; 3]; 8] = crate::model::CATEGORY_PALETTE;
    let used: Vec<[u8; 3]> = map.categories.iter().map(|c| c.colour.0).collect();
    crate::model::Colour(
        SET.into_iter()
            .find(|c| !used.contains(c))
            .unwrap_or(SET[map.categories.len() % SET.len()]),
    )
}

/// A one-line field whose Enter means "add": it reports the press and keeps the keyboard, so the
/// next entry can be typed at once and keys meant for the text (Ctrl+A, Backspace) never fall
/// through to the map. `name` keeps the field's identity (and so the keyboard) while the list
/// above it grows. Returns the field and whether Enter was pressed in it this frame.
pub fn submit_line(ui: &mut Ui, name: &str, editor: egui::TextEdit<'_>) -> (egui::Response, bool) {
    let field = ui.add(editor.id(egui::Id::new(("submit line", name))).return_key(None));
    let entered = field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    (field, entered)
}
