//! The determinant section of the inspector.

use super::super::super::commands::{Command, Requests};
use super::super::super::edit::Edit;
use super::{Inspector, fields};
use crate::model::{Category, Determinant, Directness, Effect, Locus, Map, Nature};
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, inspector: &mut Inspector, map: &Map, d: &Determinant, out: &mut Requests) {
    super::heading(ui, "Determinant", &d.id);
    let id = &d.id;
    let set = |f: &dyn Fn(&mut Determinant)| {
        let mut new = d.clone();
        f(&mut new);
        Edit::SetDeterminant(new)
    };
    fields::text(
        ui,
        "Label",
        &d.label,
        true,
        format!("label:{id}"),
        |label| set(&|x| x.label.clone_from(&label)),
        out,
    );
    categories(ui, inspector, map, d, out);
    ui.add_space(4.0);
    if let Some(v) = fields::axis(ui, "Locus", d.locus, Locus::ALL, Locus::as_str) {
        out.edit(set(&|x| x.locus = v));
    }
    if let Some(v) = fields::axis(ui, "Directness", d.directness, Directness::ALL, Directness::as_str) {
        out.edit(set(&|x| x.directness = v));
    }
    if let Some(v) = fields::axis(ui, "Nature", d.nature, Nature::ALL, |n| match n {
        Nature::Structural => "structural",
        Nature::PressurePoint => "pressure point",
    }) {
        out.edit(set(&|x| x.nature = v));
    }
    if let Some(v) = fields::choice(ui, "Effect", d.effect, Effect::ALL, Effect::as_str) {
        out.edit(set(&|x| x.effect = v));
    }
    ui.label(
        RichText::new("New influences from it start as ".to_owned() + d.effect.default_sign().as_str() + ".").weak(),
    );
    ui.add_space(4.0);
    tags(ui, inspector, map, d, out);
    fields::text(
        ui,
        "Notes",
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
    if ui.button("Delete determinant").clicked() {
        out.run(Command::Delete);
    }
}

fn categories(ui: &mut Ui, inspector: &mut Inspector, map: &Map, d: &Determinant, out: &mut Requests) {
    ui.label(RichText::new("Categories").strong());
    ui.horizontal_wrapped(|ui| {
        for name in &d.categories {
            let colour = map
                .category(name)
                .map(|c| super::super::canvas::style::colour(c.colour))
                .unwrap_or(egui::Color32::GRAY);
            ui.label(RichText::new("■").color(colour));
            ui.label(name);
            // A determinant keeps at least one category.
            if d.categories.len() > 1 && ui.small_button("×").on_hover_text("Remove this category").clicked() {
                let mut new = d.clone();
                new.categories.retain(|c| c != name);
                out.edit(Edit::SetDeterminant(new));
            }
        }
    });
    let others: Vec<&Category> = map
        .categories
        .iter()
        .filter(|c| !d.categories.contains(&c.name))
        .collect();
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt(("add category", &d.id))
            .selected_text("Add a category")
            .show_ui(ui, |ui| {
                for c in others {
                    if ui.selectable_label(false, &c.name).clicked() {
                        let mut new = d.clone();
                        new.categories.push(c.name.clone());
                        out.edit(Edit::SetDeterminant(new));
                    }
                }
            });
    });
    ui.horizontal(|ui| {
        let (_, enter) = fields::submit_line(
            ui,
            "new category",
            egui::TextEdit::singleline(&mut inspector.new_category)
                .hint_text("New category")
                .desired_width(160.0),
        );
        let name = inspector.new_category.trim().to_owned();
        if (ui.add_enabled(!name.is_empty(), egui::Button::new("Add")).clicked() || enter) && !name.is_empty() {
            let mut new = d.clone();
            if !new.categories.contains(&name) {
                new.categories.push(name.clone());
            }
            let mut edits = Vec::new();
            if map.category(&name).is_none() {
                edits.push(Edit::AddCategory(Category {
                    name,
                    colour: fields::next_colour(map),
                }));
            }
            edits.push(Edit::SetDeterminant(new));
            out.edit(Edit::Batch(edits));
            inspector.new_category.clear();
        }
    });
}

fn tags(ui: &mut Ui, inspector: &mut Inspector, map: &Map, d: &Determinant, out: &mut Requests) {
    ui.label(RichText::new("Tags").strong());
    ui.horizontal_wrapped(|ui| {
        for tag in &d.tags {
            ui.label(format!("#{tag}"));
            if ui.small_button("×").on_hover_text("Remove this tag").clicked() {
                let mut new = d.clone();
                new.tags.retain(|t| t != tag);
                out.edit(Edit::SetDeterminant(new));
            }
        }
        if d.tags.is_empty() {
            ui.label(RichText::new("none").weak());
        }
    });
    ui.horizontal(|ui| {
        let others: Vec<&String> = map.tags.iter().filter(|t| !d.tags.contains(t)).collect();
        if !others.is_empty() {
            egui::ComboBox::from_id_salt(("add tag", &d.id))
                .selected_text("Add a tag")
                .show_ui(ui, |ui| {
                    for t in others {
                        if ui.selectable_label(false, t).clicked() {
                            let mut new = d.clone();
                            new.tags.push(t.clone());
                            out.edit(Edit::SetDeterminant(new));
                        }
                    }
                });
        }
        let (_, enter) = fields::submit_line(
            ui,
            "new tag",
            egui::TextEdit::singleline(&mut inspector.new_tag)
                .hint_text("New tag")
                .desired_width(110.0),
        );
        let tag = inspector.new_tag.trim().to_owned();
        if (ui.add_enabled(!tag.is_empty(), egui::Button::new("Add tag")).clicked() || enter) && !tag.is_empty() {
            let mut new = d.clone();
            if !new.tags.contains(&tag) {
                new.tags.push(tag.clone());
            }
            out.edit(Edit::Batch(vec![Edit::AddTag(tag), Edit::SetDeterminant(new)]));
            inspector.new_tag.clear();
        }
    });
}
