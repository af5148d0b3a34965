//! The inspector: every field of the selected determinant, influence or stage, or of the map itself
//! when nothing is selected.

mod determinant;
mod fields;
mod map;

use super::super::commands::{Command, Request, Requests};
use super::super::edit::Edit;
use super::super::state::AppState;
use crate::model::{Determinant, Evidence, Id, Influence, Level, Map, Node, Sign, Stage};
use crate::tr;
use egui::{RichText, Ui};

use super::words;

/// Text typed into "new category", "new tag" and quick evidence fields, before it becomes part
/// of the map.
#[derive(Default)]
pub struct Inspector {
    new_category: String,
    new_tag: String,
    new_source: String,
    /// The source quick evidence cites: the one last chosen, kept for the next influence.
    quick_source: Option<Id>,
    quick_location: String,
    quick_paraphrase: String,
}

impl Inspector {
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            ui.add_space(4.0);
            let map = &state.doc.map;
            if state.selection.ids.len() > 1 {
                many(ui, self, state, out);
            } else if let Some(id) = state.selection.single() {
                if let Some(node) = map.node(id) {
                    match node {
                        Node::Determinant(d) => determinant::ui(ui, self, map, d, out),
                        Node::Stage(s) => stage(ui, state, s, out),
                    }
                } else if let Some(i) = map.influence(id) {
                    influence(ui, self, state, i, out);
                }
            } else {
                map::ui(ui, self, map, out);
            }
        });
    }
}

/// Several items selected: what can be done to all of them, and one coding form for the
/// determinants among them.
fn many(ui: &mut Ui, inspector: &mut Inspector, state: &AppState, out: &mut Requests) {
    let map = &state.doc.map;
    ui.heading(tr!("inspector-selected", count = state.selection.ids.len()));
    ui.horizontal(|ui| {
        for c in [Command::Copy, Command::Duplicate, Command::Delete] {
            if ui.button(c.label()).clicked() {
                out.run(c);
            }
        }
    });
    if state
        .selection
        .ids
        .iter()
        .any(|id| state.doc.map.influence(id).is_some())
        && ui.button(tr!("inspector-flip-signs")).clicked()
    {
        out.run(Command::FlipSign);
    }
    // In map order, so the form does not change with the order of clicks.
    let ds: Vec<&Determinant> = map
        .determinants
        .iter()
        .filter(|d| state.selection.contains(&d.id))
        .collect();
    if !ds.is_empty() {
        ui.separator();
        let title = tr!("inspector-coding-of", count = ds.len());
        ui.label(RichText::new(title).strong().size(15.0));
        ui.label(RichText::new(tr!("inspector-coding-applies", mixed = tr!("inspector-mixed"))).weak());
        ui.add_space(4.0);
        determinant::coding(ui, inspector, map, &ds, out);
    }
}

fn heading(ui: &mut Ui, kind: String, id: &crate::model::Id) {
    ui.horizontal(|ui| {
        ui.heading(kind);
        ui.label(RichText::new(tr!("inspector-id", id = id.as_str())).weak().monospace());
    });
    ui.separator();
}

fn stage(ui: &mut Ui, state: &AppState, s: &Stage, out: &mut Requests) {
    let map = &state.doc.map;
    heading(ui, tr!("inspector-stage"), &s.id);
    let id = &s.id;
    fields::text(
        ui,
        &tr!("inspector-label"),
        &s.label,
        true,
        format!("label:{id}"),
        |label| Edit::SetStage(Stage { label, ..s.clone() }),
        out,
    );
    fields::text(
        ui,
        &tr!("inspector-description"),
        &s.description,
        true,
        format!("description:{id}"),
        |description| {
            Edit::SetStage(Stage {
                description,
                ..s.clone()
            })
        },
        out,
    );
    let index = map.stages.iter().position(|x| x.id == s.id).unwrap_or(0);
    ui.horizontal(|ui| {
        let position = tr!("inspector-stage-position", number = index + 1, count = map.stages.len());
        ui.label(RichText::new(position).strong());
        if ui
            .add_enabled(index > 0, egui::Button::new(tr!("inspector-move-up")))
            .clicked()
        {
            out.edit(Edit::MoveStage {
                id: s.id.clone(),
                to: index - 1,
            });
        }
        if ui
            .add_enabled(
                index + 1 < map.stages.len(),
                egui::Button::new(tr!("inspector-move-down")),
            )
            .clicked()
        {
            out.edit(Edit::MoveStage {
                id: s.id.clone(),
                to: index + 1,
            });
        }
    });
    ui.add_space(6.0);
    links(ui, state, &s.id, out);
    ui.add_space(8.0);
    if ui.button(tr!("inspector-delete-stage")).clicked() {
        out.run(Command::Delete);
    }
}

fn influence(ui: &mut Ui, inspector: &mut Inspector, state: &AppState, i: &Influence, out: &mut Requests) {
    let map = &state.doc.map;
    heading(ui, tr!("inspector-influence"), &i.id);
    ui.horizontal_wrapped(|ui| {
        if ui.link(map.label_of(&i.from)).clicked() {
            out.send(Request::Reveal(i.from.clone()));
        }
        ui.label(if i.sign == Sign::Enables {
            tr!("inspector-enables-arrow")
        } else {
            tr!("inspector-hinders-arrow")
        });
        if ui.link(map.label_of(&i.to)).clicked() {
            out.send(Request::Reveal(i.to.clone()));
        }
    });
    ui.add_space(4.0);
    let set = |f: &dyn Fn(&mut Influence)| {
        let mut new = i.clone();
        f(&mut new);
        Edit::SetInfluence(new)
    };
    if let Some(sign) = fields::choice(ui, &tr!("inspector-sign"), i.sign, Sign::ALL, words::sign) {
        out.edit(set(&|x| x.sign = sign));
    }
    let strength = fields::Axis {
        label: tr!("inspector-strength"),
        unknown: tr!("inspector-strength-unknown"),
    };
    if let Some(v) = fields::axis(ui, strength, i.strength, Level::ALL, words::confidence) {
        out.edit(set(&|x| x.strength = v));
    }
    let confidence = fields::Axis {
        label: tr!("inspector-confidence"),
        unknown: tr!("inspector-confidence-unknown"),
    };
    if let Some(v) = fields::axis(ui, confidence, i.confidence, Level::ALL, words::confidence) {
        out.edit(set(&|x| x.confidence = v));
    }
    fields::text(
        ui,
        &tr!("inspector-note"),
        &i.note,
        true,
        format!("note:{}", i.id),
        |note| Edit::SetInfluence(Influence { note, ..i.clone() }),
        out,
    );
    // Above the list, so it stays where it is as the list grows under it.
    quick_evidence(ui, inspector, map, i, out);
    fields::evidence(
        ui,
        map,
        &i.evidence,
        i.id.as_str(),
        |evidence| Edit::SetInfluence(Influence { evidence, ..i.clone() }),
        out,
    );
    ui.add_space(8.0);
    if ui.button(tr!("inspector-delete-influence")).clicked() {
        out.run(Command::Delete);
    }
}

/// Evidence typed in one go: a source, a page and what it says; Enter adds it (one undo step) and
/// keeps the keyboard in the field, so the next can be typed at once, as a room calls them out.
fn quick_evidence(ui: &mut Ui, inspector: &mut Inspector, map: &Map, i: &Influence, out: &mut Requests) {
    if map.sources.is_empty() {
        // `fields::evidence` above already says how to add a source.
        return;
    }
    // The source last chosen, else the one this influence cited last, else the first.
    let source = inspector
        .quick_source
        .as_ref()
        .and_then(|id| map.sources.iter().find(|s| &s.id == id))
        .or_else(|| {
            i.evidence
                .last()
                .and_then(|e| map.sources.iter().find(|s| s.id == e.source))
        })
        .unwrap_or(&map.sources[0]);
    ui.label(RichText::new(tr!("inspector-quick-evidence")).strong());
    let page = ui.horizontal(|ui| {
        let width = ui.available_width() - 90.0;
        egui::ComboBox::from_id_salt("quick evidence source")
            .selected_text(fields::shorten(&source.title, 24))
            .width(width)
            .show_ui(ui, |ui| {
                for s in &map.sources {
                    if ui.selectable_label(s.id == source.id, &s.title).clicked() {
                        inspector.quick_source = Some(s.id.clone());
                    }
                }
            })
            .response
            .on_hover_text(tr!("inspector-quick-source-hint"));
        fields::submit_line(
            ui,
            "quick evidence page",
            egui::TextEdit::singleline(&mut inspector.quick_location)
                .hint_text(tr!("inspector-page"))
                .desired_width(80.0),
        )
    });
    let mut entered = page.inner.1;
    ui.horizontal(|ui| {
        // Room for the Add button as its language words it ("Agregar" is wider than "Add").
        let add_label = tr!("inspector-add");
        let add_width = egui::WidgetText::from(add_label.as_str())
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Button,
            )
            .size()
            .x;
        let width =
            ui.available_width() - add_width - 2.0 * ui.spacing().button_padding.x - 2.0 * ui.spacing().item_spacing.x;
        let (_, enter) = fields::submit_line(
            ui,
            "quick evidence",
            egui::TextEdit::singleline(&mut inspector.quick_paraphrase)
                .hint_text(tr!("inspector-what-it-says"))
                .desired_width(width),
        );
        entered |= enter;
        let filled = !(inspector.quick_location.trim().is_empty() && inspector.quick_paraphrase.trim().is_empty());
        let add = ui
            .add_enabled(filled, egui::Button::new(add_label))
            .on_hover_text(tr!("inspector-add-evidence-hint"));
        if (add.clicked() || entered) && filled {
            let mut evidence = i.evidence.clone();
            evidence.push(Evidence {
                source: source.id.clone(),
                location: inspector.quick_location.trim().to_owned(),
                paraphrase: inspector.quick_paraphrase.trim().to_owned(),
            });
            out.edit(Edit::SetInfluence(Influence { evidence, ..i.clone() }));
            inspector.quick_location.clear();
            inspector.quick_paraphrase.clear();
        }
    });
    ui.add_space(4.0);
}

fn links_for(ui: &mut Ui, map: &crate::model::Map, d: &crate::model::Determinant, out: &mut Requests) {
    links_in(ui, map, None, &d.id, out);
}

/// The influences into and out of a node, each a link that selects it.
fn links(ui: &mut Ui, state: &AppState, id: &crate::model::Id, out: &mut Requests) {
    links_in(ui, &state.doc.map, Some(state), id, out);
}

fn links_in(ui: &mut Ui, map: &crate::model::Map, state: Option<&AppState>, id: &crate::model::Id, out: &mut Requests) {
    let outgoing: Vec<&Influence> = map.influences.iter().filter(|i| &i.from == id).collect();
    let incoming: Vec<&Influence> = map.influences.iter().filter(|i| &i.to == id).collect();
    for (list, other) in [(&outgoing, true), (&incoming, false)] {
        if list.is_empty() {
            continue;
        }
        let title = if other {
            tr!("inspector-influences", count = list.len())
        } else {
            tr!("inspector-influenced-by", count = list.len())
        };
        ui.label(RichText::new(title).strong());
        for i in list {
            let other_id = if other { &i.to } else { &i.from };
            let text = format!(
                "{} {}",
                if i.sign == Sign::Enables { "+" } else { "−" },
                map.label_of(other_id)
            );
            if ui
                .selectable_label(state.is_some_and(|s| s.selection.contains(&i.id)), text)
                .on_hover_text(words::sign(i.sign))
                .clicked()
            {
                out.send(Request::Reveal(i.id.clone()));
            }
        }
    }
}
