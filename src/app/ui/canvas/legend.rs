//! The legend over the bottom-left corner of the canvas: every encoding of `style.rs`, drawn with
//! the same functions as the map, so the two cannot disagree.

use super::draw;
use super::style::{self, Border, Outline, Palette};
use crate::app::commands::{Command, Requests};
use crate::model::{Map, Sign};
use egui::{Align2, Color32, FontId, Rect, RichText, Sense, Stroke, Ui, pos2, vec2};

const SAMPLE: egui::Vec2 = vec2(38.0, 16.0);

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
                    row(ui, "internal / external", |p, r| locus_badges(p, r, palette));
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
    let r = r.shrink(2.0);
    let points = draw::outline(r, outline, 0.6);
    p.add(egui::Shape::convex_polygon(
        points.clone(),
        palette.tint(palette.uncategorised),
        Stroke::NONE,
    ));
    let width = match border {
        Border::Solid => 2.2,
        Border::Dashed => 1.8,
        Border::Dotted => 1.4,
    };
    draw::paint_closed(p, points, border, Stroke::new(width, palette.border), 0.6);
}

fn stage(p: &egui::Painter, r: Rect, palette: &Palette) {
    let r = r.shrink(2.0);
    let tip = 7.0;
    let points = vec![
        r.left_top(),
        pos2(r.right() - tip, r.top()),
        pos2(r.right(), r.center().y),
        pos2(r.right() - tip, r.bottom()),
        r.left_bottom(),
    ];
    p.add(egui::Shape::convex_polygon(points, palette.stage_fill, Stroke::NONE));
}

fn locus_badges(p: &egui::Painter, r: Rect, palette: &Palette) {
    for (i, (text, bg, fg)) in [
        ("INT", palette.border, palette.background),
        ("EXT", palette.background, palette.border),
    ]
    .into_iter()
    .enumerate()
    {
        let b = Rect::from_min_size(pos2(r.left() + i as f32 * 23.0, r.center().y - 7.0), vec2(21.0, 14.0));
        p.rect(b, 2.0, bg, Stroke::new(1.0, palette.border), egui::StrokeKind::Middle);
        p.text(b.center(), Align2::CENTER_CENTER, text, FontId::monospace(8.0), fg);
    }
}

fn hinder_badge(p: &egui::Painter, r: Rect, palette: &Palette) {
    let c = r.center();
    p.circle(c, 8.0, palette.hinders, Stroke::new(1.2, palette.border));
    p.line_segment(
        [c - vec2(4.0, 0.0), c + vec2(4.0, 0.0)],
        Stroke::new(2.0, Color32::WHITE),
    );
}
