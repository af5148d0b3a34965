//! The legend over the bottom-left corner of the canvas: every encoding of `style.rs`, each sample
//! painted by the function that paints it on the map, from the same shared geometry, so the two
//! cannot disagree.

use super::draw;
use super::geometry::kurbo_rect;
use super::style::{self, Border, Outline, Palette};
use crate::app::commands::{Command, Requests};
use crate::geometry as geo;
use crate::model::{Locus, Map, Sign};
use egui::{Align2, Rect, RichText, Sense, Shape, Stroke, Ui, pos2, vec2};

const SAMPLE: egui::Vec2 = vec2(38.0, 16.0);
/// The samples' scale: map units to legend points. Nodes are drawn smaller than on the map at
/// zoom 1, badges nearly at their size so their letters stay legible.
const NODE_SCALE: f64 = 0.6;
const BADGE_SCALE: f64 = 0.9;

pub fn ui(ui: &mut Ui, viewport: Rect, palette: &Palette, stroke_scale: f32, map: &Map, out: &mut Requests) {
    let area = egui::Area::new(egui::Id::new("legend"))
        .pivot(Align2::LEFT_BOTTOM)
        .fixed_pos(viewport.left_bottom() + vec2(10.0, -10.0))
        .order(egui::Order::Middle)
        .constrain_to(viewport);
    area.show(ui.ctx(), |ui| {
        egui::Frame::popup(ui.style()).show(ui, |ui| {
            ui.set_max_width(470.0);
            ui.spacing_mut().item_spacing.y = 2.0;
            ui.horizontal(|ui| {
                ui.label(RichText::new("Legend").strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.small_button("×").on_hover_text("Hide the legend (L)").clicked() {
                        out.run(Command::ToggleLegend);
                    }
                });
            });
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    heading(ui, "Influence");
                    row(ui, "enables", |p, r| link(p, r, Sign::Enables, palette, stroke_scale));
                    row(ui, "hinders", |p, r| link(p, r, Sign::Hinders, palette, stroke_scale));
                    ui.label(
                        RichText::new("thicker: stronger · fainter: less confident")
                            .small()
                            .weak(),
                    );
                    heading(ui, "Stage of response");
                    row(ui, "stage", |p, r| stage(p, r, palette));
                });
                ui.add_space(10.0);
                ui.vertical(|ui| {
                    heading(ui, "Nature (shape)");
                    row(ui, "structural", |p, r| {
                        node(p, r, Outline::Rectangle, Border::Solid, palette)
                    });
                    row(ui, "pressure point", |p, r| {
                        node(p, r, Outline::Pill, Border::Solid, palette)
                    });
                    row(ui, "not coded", |p, r| {
                        node(p, r, Outline::CutCorners, Border::Solid, palette)
                    });
                });
                ui.add_space(10.0);
                ui.vertical(|ui| {
                    heading(ui, "Directness (border)");
                    row(ui, "direct", |p, r| {
                        node(p, r, Outline::Rectangle, Border::Solid, palette)
                    });
                    row(ui, "indirect", |p, r| {
                        node(p, r, Outline::Rectangle, Border::Dashed, palette)
                    });
                    row(ui, "not coded", |p, r| {
                        node(p, r, Outline::Rectangle, Border::Dotted, palette)
                    });
                    heading(ui, "Badges");
                    row(ui, "locus: internal", |p, r| {
                        locus_badge(p, r, Locus::Internal, palette)
                    });
                    row(ui, "locus: external", |p, r| {
                        locus_badge(p, r, Locus::External, palette)
                    });
                    row(ui, "hinders overall", |p, r| hinder_badge(p, r, palette));
                });
            });
            if !map.categories.is_empty() {
                heading(ui, "Category (fill, and one chip per category)");
                ui.horizontal_wrapped(|ui| {
                    for c in &map.categories {
                        ui.label(RichText::new("■").color(style::colour(c.colour)));
                        ui.label(RichText::new(&c.name).small());
                    }
                });
            }
        });
    });
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add_space(2.0);
    ui.label(RichText::new(text).small().strong());
}

fn row(ui: &mut Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(SAMPLE, Sense::hover());
        paint(ui.painter(), rect);
        ui.label(RichText::new(label).small());
    });
}

fn link(p: &egui::Painter, r: Rect, sign: Sign, palette: &Palette, stroke_scale: f32) {
    let y = r.center().y;
    draw::paint_link(
        p,
        pos2(r.left() + 2.0, y),
        pos2(r.right() - 2.0, y),
        sign,
        palette.sign(sign),
        2.2 * stroke_scale,
        10.0,
    );
}

fn node(p: &egui::Painter, r: Rect, outline: Outline, border: Border, palette: &Palette) {
    // Borders as wide as on the map at zoom 1: thinner, the dotted one would not read.
    let stroke = Stroke::new(border.width() as f32, palette.border);
    let fill = palette.tint(palette.uncategorised);
    draw::paint_node_shape(p, r.shrink(2.0), NODE_SCALE, outline, border, fill, stroke);
}

fn stage(p: &egui::Painter, r: Rect, palette: &Palette) {
    let points = geo::chevron(kurbo_rect(r.shrink(2.0)), NODE_SCALE)
        .map(draw::pos)
        .to_vec();
    p.add(Shape::convex_polygon(points, palette.stage_fill, Stroke::NONE));
}

fn locus_badge(p: &egui::Painter, r: Rect, locus: Locus, palette: &Palette) {
    let r = kurbo_rect(r);
    let badge = geo::locus_badge(r, BADGE_SCALE).centred_on(r.center());
    draw::paint_locus_badge(p, badge, BADGE_SCALE as f32, locus, palette, 1.0);
}

fn hinder_badge(p: &egui::Painter, r: Rect, palette: &Palette) {
    let r = kurbo_rect(r);
    let badge = geo::hinder_badge(r, BADGE_SCALE).centred_on(r.center());
    draw::paint_hinder_badge(p, badge, BADGE_SCALE as f32, palette, 1.0);
}
