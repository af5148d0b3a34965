//! The determinant section of the inspector, and the coding form it shares with a multi-selection.

use super::super::super::commands::{Command, Requests};
use super::super::super::edit::{Coding, Edit};
use super::fields::Shown;
use super::{Inspector, fields};
use crate::model::{Category, Determinant, Directness, Effect, Id, Locus, Map, Nature};
use crate::tr;
use egui::{RichText, Ui};

use super::super::words;

pub fn ui(ui: &mut Ui, inspector: &mut Inspector, map: &Map, d: &Determinant, out: &mut Requests) {
    super::heading(ui, tr!("inspector-determinant"), &d.id);
    let id = &d.id;
    let set = |f: &dyn Fn(&mut Determinant)| {
        let mut new = d.clone();
        f(&mut new);
        Edit::SetDeterminant(new)
    };
    fields::text(
        ui,
        &tr!("inspector-label"),
        &d.label,
        true,
        format!("label:{id}"),
        |label| set(&|x| x.label.clone_from(&label)),
        out,
    );
    coding(ui, inspector, map, &[d], out);
    fields::text(
        ui,
        &tr!("inspector-notes"),
        &d.notes,
        true,
        format!("notes:{id}"),
        |notes| set(&|x| x.notes.clone_from(&notes)),
        out,
    );
    fields::evidence(
        ui,
        map,
        &d.evidence,
        id.as_str(),
        |evidence| set(&|x| x.evidence.clone_from(&evidence)),
        out,
    );
    ui.add_space(6.0);
    super::links_for(ui, map, d, out);
    ui.add_space(8.0);
    if ui.button(tr!("inspector-delete-determinant")).clicked() {
        out.run(Command::Delete);
    }
}

/// The coding of one determinant, or of several at once (a multi-selection): categories, locus,
/// directness, nature, effect and tags. A field where they differ shows "mixed"; a change is one
/// [`Edit::Code`] on all of them, so one undo takes it back everywhere. `ds` is not empty.
pub fn coding(ui: &mut Ui, inspector: &mut Inspector, map: &Map, ds: &[&Determinant], out: &mut Requests) {
    let ids: Vec<Id> = ds.iter().map(|d| d.id.clone()).collect();
    let code = |coding: Coding| Edit::Code {
        ids: ids.clone(),
        coding,
    };
    categories(ui, inspector, map, ds, &code, out);
    ui.add_space(4.0);
    let locus = Shown::of(ds.iter().map(|d| d.locus));
    let field = |label, unknown| fields::Axis { label, unknown };
    let locus_field = field(tr!("inspector-locus"), tr!("inspector-locus-unknown"));
    if let Some(v) = fields::axis_shown(ui, locus_field, locus, Locus::ALL, words::locus) {
        out.edit(code(Coding::Locus(v)));
    }
    let directness = Shown::of(ds.iter().map(|d| d.directness));
    let directness_field = field(tr!("inspector-directness"), tr!("inspector-directness-unknown"));
    if let Some(v) = fields::axis_shown(ui, directness_field, directness, Directness::ALL, words::directness) {
        out.edit(code(Coding::Directness(v)));
    }
    let nature = Shown::of(ds.iter().map(|d| d.nature));
    let nature_field = field(tr!("inspector-nature"), tr!("inspector-nature-unknown"));
    if let Some(v) = fields::axis_shown(ui, nature_field, nature, Nature::ALL, words::nature) {
        out.edit(code(Coding::Nature(v)));
    }
    let effect = Shown::of(ds.iter().map(|d| d.effect));
    if let Some(v) = fields::choice_shown(ui, &tr!("inspector-effect"), effect, Effect::ALL, words::effect) {
        out.edit(code(Coding::Effect(v)));
    }
    if let Shown::Value(effect) = effect {
        let sign = words::sign(effect.default_sign());
        ui.label(RichText::new(tr!("inspector-new-influences-start", count = ds.len(), sign = sign)).weak());
    }
    ui.add_space(4.0);
    tags(ui, inspector, map, ds, &code, out);
}

/// "(2 of 3)" after a category or tag only some of the selected determinants have.
fn share(count: usize, of: usize) -> Option<String> {
    (count < of).then(|| tr!("inspector-share", count = count, total = of))
}

/// Each name once, in the order first met, with how many of `lists` hold it.
fn counted<'a>(lists: impl Iterator<Item = &'a Vec<String>>) -> Vec<(&'a String, usize)> {
    let mut all: Vec<(&String, usize)> = Vec::new();
    for name in lists.flatten() {
        match all.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => all.push((name, 1)),
        }
    }
    all
}

fn categories(
    ui: &mut Ui,
    inspector: &mut Inspector,
    map: &Map,
    ds: &[&Determinant],
    code: &dyn Fn(Coding) -> Edit,
    out: &mut Requests,
) {
    let salt = &ds[0].id;
    ui.label(RichText::new(tr!("inspector-categories")).strong());
    let held = counted(ds.iter().map(|d| &d.categories));
    ui.horizontal_wrapped(|ui| {
        for (name, count) in &held {
            let colour = map
                .category(name)
                .map(|c| super::super::canvas::style::colour(c.colour))
                .unwrap_or(egui::Color32::GRAY);
            ui.label(RichText::new("■").color(colour));
            ui.label(name.as_str());
            if let Some(share) = share(*count, ds.len()) {
                ui.label(RichText::new(share).weak());
            }
            // A determinant keeps at least one category.
            let removable = ds
                .iter()
                .all(|d| !d.categories.contains(*name) || d.categories.len() > 1);
            if removable
                && ui
                    .small_button("×")
                    .on_hover_text(tr!("inspector-remove-category"))
                    .clicked()
            {
                out.edit(code(Coding::RemoveCategory((*name).clone())));
            }
        }
    });
    let everywhere = |name: &String| held.iter().any(|(n, count)| *n == name && *count == ds.len());
    let others: Vec<&Category> = map.categories.iter().filter(|c| !everywhere(&c.name)).collect();
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt(("add category", salt, ds.len()))
            .selected_text(tr!("inspector-add-a-category"))
            .show_ui(ui, |ui| {
                for c in others {
                    if ui.selectable_label(false, &c.name).clicked() {
                        out.edit(code(Coding::AddCategory(c.name.clone())));
                    }
                }
            });
    });
    ui.horizontal(|ui| {
        let (_, enter) = fields::submit_line(
            ui,
            "new category",
            egui::TextEdit::singleline(&mut inspector.new_category)
                .hint_text(tr!("inspector-new-category"))
                .desired_width(160.0),
        );
        let name = inspector.new_category.trim().to_owned();
        if (ui
            .add_enabled(!name.is_empty(), egui::Button::new(tr!("inspector-add")))
            .clicked()
            || enter)
            && !name.is_empty()
        {
            let mut edits = Vec::new();
            if map.category(&name).is_none() {
                edits.push(Edit::AddCategory(Category {
                    name: name.clone(),
                    colour: fields::next_colour(map),
                }));
            }
            edits.push(code(Coding::AddCategory(name)));
            out.edit(Edit::Batch(edits));
            inspector.new_category.clear();
        }
    });
}

fn tags(
    ui: &mut Ui,
    inspector: &mut Inspector,
    map: &Map,
    ds: &[&Determinant],
    code: &dyn Fn(Coding) -> Edit,
    out: &mut Requests,
) {
    let salt = &ds[0].id;
    ui.label(RichText::new(tr!("inspector-tags")).strong());
    let held = counted(ds.iter().map(|d| &d.tags));
    ui.horizontal_wrapped(|ui| {
        for (tag, count) in &held {
            ui.label(format!("#{tag}"));
            if let Some(share) = share(*count, ds.len()) {
                ui.label(RichText::new(share).weak());
            }
            if ui
                .small_button("×")
                .on_hover_text(tr!("inspector-remove-tag"))
                .clicked()
            {
                out.edit(code(Coding::RemoveTag((*tag).clone())));
            }
        }
        if held.is_empty() {
            ui.label(RichText::new(tr!("inspector-no-tags")).weak());
        }
    });
    ui.horizontal(|ui| {
        let everywhere = |tag: &String| held.iter().any(|(t, count)| *t == tag && *count == ds.len());
        let others: Vec<&String> = map.tags.iter().filter(|t| !everywhere(t)).collect();
        if !others.is_empty() {
            egui::ComboBox::from_id_salt(("add tag", salt, ds.len()))
                .selected_text(tr!("inspector-add-a-tag"))
                .show_ui(ui, |ui| {
                    for t in others {
                        if ui.selectable_label(false, t).clicked() {
                            out.edit(code(Coding::AddTag(t.clone())));
                        }
                    }
                });
        }
        let (_, enter) = fields::submit_line(
            ui,
            "new tag",
            egui::TextEdit::singleline(&mut inspector.new_tag)
                .hint_text(tr!("inspector-new-tag"))
                .desired_width(110.0),
        );
        let tag = inspector.new_tag.trim().to_owned();
        if (ui
            .add_enabled(!tag.is_empty(), egui::Button::new(tr!("inspector-add-tag")))
            .clicked()
            || enter)
            && !tag.is_empty()
        {
            out.edit(code(Coding::AddTag(tag)));
            inspector.new_tag.clear();
        }
    });
}
