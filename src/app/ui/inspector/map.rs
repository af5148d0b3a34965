//! The map's own details, shown when nothing is selected: title, description, sources, stages and
//! their order, categories and their colours, tags.

use super::super::super::commands::{Request, Requests};
use super::super::super::edit::Edit;
use super::{Inspector, fields};
use crate::model::{Category, Id, Map, Source};
use crate::tr;
use egui::{RichText, Ui};

pub fn ui(ui: &mut Ui, inspector: &mut Inspector, map: &Map, out: &mut Requests) {
    ui.heading(tr!("inspector-map"));
    ui.label(RichText::new(tr!("inspector-map-intro")).weak());
    ui.separator();
    fields::text(
        ui,
        &tr!("inspector-title"),
        &map.title,
        false,
        "map:title".into(),
        Edit::SetTitle,
        out,
    );
    fields::text(
        ui,
        &tr!("inspector-description"),
        &map.description,
        true,
        "map:description".into(),
        Edit::SetDescription,
        out,
    );
    ui.add_space(6.0);
    sources(ui, inspector, map, out);
    ui.add_space(6.0);
    stages(ui, map, out);
    ui.add_space(6.0);
    categories(ui, inspector, map, out);
    ui.add_space(6.0);
    tags(ui, map, out);
}

fn sources(ui: &mut Ui, inspector: &mut Inspector, map: &Map, out: &mut Requests) {
    egui::CollapsingHeader::new(RichText::new(tr!("inspector-sources", count = map.sources.len())).strong())
        .id_salt("inspector sources")
        .default_open(false)
        .show(ui, |ui| {
            for (n, s) in map.sources.iter().enumerate() {
                egui::Frame::group(ui.style()).show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(tr!("inspector-id", id = s.id.as_str()))
                            .weak()
                            .monospace(),
                    );
                    let set = |f: &dyn Fn(&mut Source)| {
                        let mut all = map.sources.clone();
                        f(&mut all[n]);
                        Edit::SetSources(all)
                    };
                    fields::text(
                        ui,
                        &tr!("inspector-source-title"),
                        &s.title,
                        true,
                        format!("source-title:{}", s.id),
                        |t| set(&|x| x.title.clone_from(&t)),
                        out,
                    );
                    fields::text(
                        ui,
                        &tr!("inspector-citation"),
                        &s.citation,
                        true,
                        format!("source-citation:{}", s.id),
                        |t| set(&|x| x.citation.clone_from(&t)),
                        out,
                    );
                    let cited = map
                        .determinants
                        .iter()
                        .flat_map(|d| &d.evidence)
                        .chain(map.influences.iter().flat_map(|i| &i.evidence))
                        .filter(|e| e.source == s.id)
                        .count();
                    if cited > 0 {
                        ui.label(RichText::new(tr!("inspector-cited-by", count = cited)).weak());
                    } else if ui.button(tr!("inspector-remove-source")).clicked() {
                        let mut all = map.sources.clone();
                        all.remove(n);
                        out.edit(Edit::SetSources(all));
                    }
                });
            }
            ui.horizontal(|ui| {
                let (_, enter) = fields::submit_line(
                    ui,
                    "new source",
                    egui::TextEdit::singleline(&mut inspector.new_source)
                        .hint_text(tr!("inspector-new-source"))
                        .desired_width(200.0),
                );
                let title = inspector.new_source.trim().to_owned();
                let add = ui.add_enabled(!title.is_empty(), egui::Button::new(tr!("inspector-add-source")));
                if (add.clicked() || enter) && !title.is_empty() {
                    let taken: Vec<&str> = map.sources.iter().map(|s| s.id.as_str()).collect();
                    let id = (1..)
                        .map(|n| format!("source{n}"))
                        .find(|c| !taken.contains(&c.as_str()))
                        .unwrap_or_default();
                    let mut all = map.sources.clone();
                    all.push(Source {
                        id: Id::from(id),
                        title,
                        citation: String::new(),
                    });
                    out.edit(Edit::SetSources(all));
                    inspector.new_source.clear();
                }
            });
        });
}

fn stages(ui: &mut Ui, map: &Map, out: &mut Requests) {
    egui::CollapsingHeader::new(RichText::new(tr!("inspector-stages", count = map.stages.len())).strong())
        .id_salt("inspector stages")
        .default_open(true)
        .show(ui, |ui| {
            for (n, s) in map.stages.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .add_enabled(n > 0, egui::Button::new("↑").small())
                        .on_hover_text(tr!("inspector-move-up"))
                        .clicked()
                    {
                        out.edit(Edit::MoveStage {
                            id: s.id.clone(),
                            to: n - 1,
                        });
                    }
                    if ui
                        .add_enabled(n + 1 < map.stages.len(), egui::Button::new("↓").small())
                        .on_hover_text(tr!("inspector-move-down"))
                        .clicked()
                    {
                        out.edit(Edit::MoveStage {
                            id: s.id.clone(),
                            to: n + 1,
                        });
                    }
                    if ui.link(format!("{}. {}", n + 1, s.label)).clicked() {
                        out.send(Request::Reveal(s.id.clone()));
                    }
                });
            }
            if map.stages.is_empty() {
                ui.label(RichText::new(tr!("inspector-no-stages")).weak());
            }
        });
}

fn categories(ui: &mut Ui, inspector: &mut Inspector, map: &Map, out: &mut Requests) {
    egui::CollapsingHeader::new(RichText::new(tr!("inspector-map-categories", count = map.categories.len())).strong())
        .id_salt("inspector categories")
        .default_open(true)
        .show(ui, |ui| {
            for (index, c) in map.categories.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut rgb = c.colour.0;
                    if ui.color_edit_button_srgb(&mut rgb).changed() {
                        let category = Category {
                            name: c.name.clone(),
                            colour: crate::model::Colour(rgb),
                        };
                        out.edit_merging(
                            Edit::SetCategory { index, category },
                            format!("category-colour:{index}"),
                        );
                    }
                    let mut name = c.name.clone();
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut name)
                            .desired_width(180.0)
                            .id(egui::Id::new(("category name", index))),
                    );
                    if field.changed() {
                        let category = Category { name, colour: c.colour };
                        out.edit_merging(Edit::SetCategory { index, category }, format!("category-name:{index}"));
                    }
                    let used = map
                        .determinants
                        .iter()
                        .filter(|d| d.categories.contains(&c.name))
                        .count();
                    if used == 0 {
                        if ui
                            .small_button("×")
                            .on_hover_text(tr!("inspector-remove-unused-category"))
                            .clicked()
                        {
                            out.edit(Edit::RemoveCategory(c.name.clone()));
                        }
                    } else {
                        ui.label(RichText::new(used.to_string()).weak())
                            .on_hover_text(tr!("count-determinants", count = used));
                    }
                });
            }
            ui.horizontal(|ui| {
                let (_, enter) = fields::submit_line(
                    ui,
                    "map new category",
                    egui::TextEdit::singleline(&mut inspector.new_category)
                        .hint_text(tr!("inspector-new-category"))
                        .desired_width(180.0),
                );
                let name = inspector.new_category.trim().to_owned();
                let can_add = !name.is_empty() && map.category(&name).is_none();
                let add = ui.add_enabled(can_add, egui::Button::new(tr!("inspector-add")));
                if (add.clicked() || enter) && can_add {
                    out.edit(Edit::AddCategory(Category {
                        name,
                        colour: fields::next_colour(map),
                    }));
                    inspector.new_category.clear();
                }
            });
        });
}

fn tags(ui: &mut Ui, map: &Map, out: &mut Requests) {
    egui::CollapsingHeader::new(RichText::new(tr!("inspector-map-tags", count = map.tags.len())).strong())
        .id_salt("inspector tags")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(RichText::new(tr!("inspector-tags-intro")).weak());
            ui.horizontal_wrapped(|ui| {
                for t in &map.tags {
                    ui.label(format!("#{t}"));
                    if ui
                        .small_button("×")
                        .on_hover_text(tr!("inspector-remove-tag-everywhere"))
                        .clicked()
                    {
                        out.edit(Edit::RemoveTag(t.clone()));
                    }
                }
            });
        });
}
