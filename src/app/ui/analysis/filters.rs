//! The filter row: which determinants the matrix lists and the canvas keeps bright, how sure an
//! influence must be to count (the minimum confidence), and how the matrix groups its rows. One change sends the whole new filter set, so the apply point applies
//! it at once.

use super::super::super::analysis_view::{AnalysisRequest, Coded, Filters, Grouping};
use super::super::super::commands::Requests;
use super::super::words;
use super::Ctx;
use crate::model::{Directness, Effect, Level, Locus, Nature};
use crate::tr;
use egui::{ComboBox, RichText, Ui};

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let view = &cx.state.analysis;
    let mut f = view.filters.clone();
    ui.horizontal_wrapped(|ui| {
        // Narrow drop-downs (each still grows to its value): the row's six filters fit one line
        // at 1280 points also in Spanish, whose labels are longer. A row wider than the panel
        // would not wrap but widen the panel past the window's edge.
        ui.spacing_mut().combo_width = 80.0;
        ui.label(RichText::new(tr!("filter-show")).strong());
        coded(
            ui,
            "locus",
            &tr!("filter-locus"),
            &mut f.locus,
            Locus::ALL,
            words::locus,
        );
        coded(
            ui,
            "directness",
            &tr!("filter-directness"),
            &mut f.directness,
            Directness::ALL,
            words::directness,
        );
        coded(
            ui,
            "nature",
            &tr!("filter-nature"),
            &mut f.nature,
            Nature::ALL,
            words::nature,
        );
        let effect_text = f.effect.map_or_else(words::any, words::effect);
        combo(ui, "effect", &tr!("filter-effect"), &effect_text, |ui| {
            ui.selectable_value(&mut f.effect, None, words::any());
            for &e in Effect::ALL {
                ui.selectable_value(&mut f.effect, Some(e), words::effect(e));
            }
        });
        let names: Vec<&str> = cx.map.categories.iter().map(|c| c.name.as_str()).collect();
        named(ui, "category", &tr!("filter-category"), &mut f.category, &names);
        let tags: Vec<&str> = cx.map.tags.iter().map(String::as_str).collect();
        named(ui, "tag", &tr!("filter-tag"), &mut f.tag, &tags);
        if view.filters.active() > 0 && ui.button(tr!("filter-show-all")).clicked() {
            f = Filters::default();
        }
    });
    // A row of its own: with the seven filters, a long value (a category's name) and Spanish's
    // longer words, one wrapped row ran past the panel's edge at 1280 points and widened it.
    ui.horizontal(|ui| {
        ui.spacing_mut().combo_width = 80.0;
        let mut min = view.min_confidence;
        let name = ui.label(tr!("filter-min-confidence"));
        ComboBox::from_id_salt(("analysis filter", "min confidence"))
            .selected_text(words::confidence(min))
            .show_ui(ui, |ui| {
                for &level in Level::ALL {
                    ui.selectable_value(&mut min, level, words::confidence(level));
                }
            })
            .response
            .labelled_by(name.id)
            .on_hover_text(tr!("filter-min-confidence-hint"));
        if min != view.min_confidence {
            out.analysis(AnalysisRequest::MinConfidence(min));
        }
        ui.separator();
        let mut grouping = view.grouping;
        combo(
            ui,
            "grouping",
            &tr!("filter-group-by"),
            &words::grouping(grouping),
            |ui| {
                for &g in Grouping::ALL {
                    ui.selectable_value(&mut grouping, g, words::grouping(g));
                }
            },
        );
        if grouping != view.grouping {
            out.analysis(AnalysisRequest::Grouping(grouping));
        }
    });
    if f != view.filters {
        out.analysis(AnalysisRequest::Filters(f));
    }
}

/// A label and its drop-down, the drop-down named by the label (for screen readers and tests).
/// `key` keeps the drop-down's identity when the language changes.
fn combo(ui: &mut Ui, key: &str, label: &str, selected: &str, contents: impl FnOnce(&mut Ui)) {
    // A plain label: in a wrapped row its words flow onto the next line when the row is full
    // (one that does not wrap, `extend`, would run past the panel's edge and widen it).
    let name = ui.label(label);
    ComboBox::from_id_salt(("analysis filter", key))
        .selected_text(selected)
        .show_ui(ui, contents)
        .response
        .labelled_by(name.id);
}

fn coded<T: Copy + PartialEq>(
    ui: &mut Ui,
    key: &str,
    label: &str,
    value: &mut Coded<T>,
    all: &[T],
    word: fn(T) -> String,
) {
    let text = match value {
        Coded::Any => words::any(),
        Coded::Is(v) => word(*v),
        Coded::NotCoded => words::not_coded(),
    };
    combo(ui, key, label, &text, |ui| {
        ui.selectable_value(value, Coded::Any, words::any());
        for &v in all {
            ui.selectable_value(value, Coded::Is(v), word(v));
        }
        ui.selectable_value(value, Coded::NotCoded, words::not_coded());
    });
}

fn named(ui: &mut Ui, key: &str, label: &str, value: &mut Option<String>, names: &[&str]) {
    if names.is_empty() {
        return;
    }
    let text = value.clone().unwrap_or_else(words::any);
    combo(ui, key, label, &text, |ui| {
        ui.selectable_value(value, None, words::any());
        for name in names {
            ui.selectable_value(value, Some((*name).to_owned()), *name);
        }
    });
}
