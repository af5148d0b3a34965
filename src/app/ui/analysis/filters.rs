//! The filter row: which determinants the matrix lists and the canvas keeps bright, and how the
//! matrix groups its rows. One change sends the whole new filter set, so the apply point applies
//! it at once.

use super::super::super::analysis_view::{AnalysisRequest, Coded, Filters, Grouping};
use super::super::super::commands::Requests;
use super::Ctx;
use crate::model::{Directness, Effect, Locus, Nature};
use egui::{ComboBox, RichText, Ui};

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let view = &cx.state.analysis;
    let mut f = view.filters.clone();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Show").strong());
        coded(ui, "Locus", &mut f.locus, Locus::ALL, |v| v.as_str());
        coded(ui, "Directness", &mut f.directness, Directness::ALL, |v| v.as_str());
        coded(ui, "Nature", &mut f.nature, Nature::ALL, |v| match v {
            Nature::Structural => "structural",
            Nature::PressurePoint => "pressure point",
        });
        let effect_text = |e: Option<Effect>| e.map_or("any", |e| e.as_str());
        combo(ui, "Effect", effect_text(f.effect), |ui| {
            ui.selectable_value(&mut f.effect, None, "any");
            for &e in Effect::ALL {
                ui.selectable_value(&mut f.effect, Some(e), e.as_str());
            }
        });
        let names: Vec<&str> = cx.map.categories.iter().map(|c| c.name.as_str()).collect();
        named(ui, "Category", &mut f.category, &names);
        let tags: Vec<&str> = cx.map.tags.iter().map(String::as_str).collect();
        named(ui, "Tag", &mut f.tag, &tags);
        if view.filters.active() > 0 && ui.button("Show all").clicked() {
            f = Filters::default();
        }
        ui.separator();
        let mut grouping = view.grouping;
        combo(ui, "Group rows by", grouping.label(), |ui| {
            for &g in Grouping::ALL {
                ui.selectable_value(&mut grouping, g, g.label());
            }
        });
        if grouping != view.grouping {
            out.analysis(AnalysisRequest::Grouping(grouping));
        }
    });
    if f != view.filters {
        out.analysis(AnalysisRequest::Filters(f));
    }
}

/// A label and its drop-down, the drop-down named by the label (for screen readers and tests).
fn combo(ui: &mut Ui, label: &str, selected: &str, contents: impl FnOnce(&mut Ui)) {
    let name = ui.label(label);
    ComboBox::from_id_salt(("analysis filter", label))
        .selected_text(selected)
        .show_ui(ui, contents)
        .response
        .labelled_by(name.id);
}

fn coded<T: Copy + PartialEq>(ui: &mut Ui, label: &str, value: &mut Coded<T>, all: &[T], word: fn(T) -> &'static str) {
    let text = match value {
        Coded::Any => "any",
        Coded::Is(v) => word(*v),
        Coded::NotCoded => "not coded",
    };
    combo(ui, label, text, |ui| {
        ui.selectable_value(value, Coded::Any, "any");
        for &v in all {
            ui.selectable_value(value, Coded::Is(v), word(v));
        }
        ui.selectable_value(value, Coded::NotCoded, "not coded");
    });
}

fn named(ui: &mut Ui, label: &str, value: &mut Option<String>, names: &[&str]) {
    if names.is_empty() {
        return;
    }
    let text = value.clone().unwrap_or_else(|| "any".to_owned());
    combo(ui, label, &text, |ui| {
        ui.selectable_value(value, None, "any");
        for name in names {
            ui.selectable_value(value, Some((*name).to_owned()), *name);
        }
    });
}
