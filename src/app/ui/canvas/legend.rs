//! The legend, docked in a strip under the canvas: every encoding of `style.rs`, each sample
//! painted by the function that paints it on the map, from the same shared geometry, so the two
//! cannot disagree.

use super::draw;
use super::geometry::kurbo_rect;
use super::style::{self, Border, Outline, Palette};
use crate::app::commands::{Command, Requests};
use crate::geometry as geo;
use crate::model::{Locus, Map, Sign};
use crate::tr;
use egui::{Rect, RichText, Sense, Shape, Stroke, Ui, pos2, vec2};

const SAMPLE: egui::Vec2 = vec2(38.0, 16.0);
/// The samples' scale: map units to legend points. Nodes are drawn smaller than on the map at
/// zoom 1, badges nearly at their size so their letters stay legible.
const NODE_SCALE: f64 = 0.6;
const BADGE_SCALE: f64 = 0.9;

/// The legend, laid out to flow in a strip under the canvas (wrapping to its width), so it never
/// covers the map: one chip per category (the fills), then what each other encoding means.
pub fn ui(ui: &mut Ui, palette: &Palette, stroke_scale: f32, map: &Map, out: &mut Requests) {
    ui.spacing_mut().item_spacing.x = 6.0;
    if ui.small_button("×").on_hover_text(tr!("legend-hide")).clicked() {
        out.run(Command::ToggleLegend);
    }
    if !map.categories.is_empty() {
        heading(ui, &tr!("legend-category"));
        for c in &map.categories {
            let colour = style::colour(c.colour);
            row_sized(ui, &c.name, vec2(14.0, SAMPLE.y), |p, r| {
                let chip = Rect::from_center_size(r.center(), vec2(12.0, 12.0));
                p.rect_filled(chip, 2.0, colour);
            });
        }
    }
    gap(ui);
    heading(ui, &tr!("legend-influence"));
    row(ui, &tr!("legend-enables"), |p, r| {
        link(p, r, Sign::Enables, palette, stroke_scale)
    });
    row(ui, &tr!("legend-hinders"), |p, r| {
        link(p, r, Sign::Hinders, palette, stroke_scale)
    })
    .on_hover_text(tr!("legend-strength"));
    row(ui, &tr!("legend-stage"), |p, r| stage(p, r, palette));
    gap(ui);
    heading(ui, &tr!("legend-nature"));
    row(ui, &tr!("legend-structural"), |p, r| {
        node(p, r, Outline::Rectangle, Border::Solid, palette)
    });
    row(ui, &tr!("legend-pressure-point"), |p, r| {
        node(p, r, Outline::Pill, Border::Solid, palette)
    });
    row(ui, &tr!("legend-not-coded"), |p, r| {
        node(p, r, Outline::CutCorners, Border::Solid, palette)
    });
    gap(ui);
    heading(ui, &tr!("legend-directness"));
    row(ui, &tr!("legend-direct"), |p, r| {
        node(p, r, Outline::Rectangle, Border::Solid, palette)
    });
    row(ui, &tr!("legend-indirect"), |p, r| {
        node(p, r, Outline::Rectangle, Border::Dashed, palette)
    });
    row(ui, &tr!("legend-not-coded"), |p, r| {
        node(p, r, Outline::Rectangle, Border::Dotted, palette)
    });
    gap(ui);
    row(ui, &tr!("legend-internal"), |p, r| {
        locus_badge(p, r, Locus::Internal, palette)
    });
    row(ui, &tr!("legend-external"), |p, r| {
        locus_badge(p, r, Locus::External, palette)
    });
    row(ui, &tr!("legend-hinders-overall"), |p, r| hinder_badge(p, r, palette));
}

fn gap(ui: &mut Ui) {
    ui.add_space(8.0);
}

fn heading(ui: &mut Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(format!("{text}:")).strong()).extend());
}

/// A sample and its meaning as one item, so the strip wraps between items and never inside one
/// (a nested horizontal group would claim the row's whole width and run past its end).
fn row(ui: &mut Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) -> egui::Response {
    row_sized(ui, label, SAMPLE, paint)
}

fn row_sized(ui: &mut Ui, label: &str, sample: egui::Vec2, paint: impl FnOnce(&egui::Painter, Rect)) -> egui::Response {
    let colour = ui.visuals().text_color();
    let galley = ui
        .painter()
        .layout_no_wrap(label.to_owned(), egui::TextStyle::Body.resolve(ui.style()), colour);
    let gap = 4.0;
    let size = vec2(sample.x + gap + galley.size().x, sample.y.max(galley.size().y));
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    // Painted, not a label widget: its meaning is given to screen readers (and tests) here.
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, label));
    let sample = Rect::from_center_size(pos2(rect.left() + sample.x / 2.0, rect.center().y), sample);
    paint(ui.painter(), sample);
    let text_at = pos2(sample.right() + gap, rect.center().y - galley.size().y / 2.0);
    ui.painter().galley(text_at, galley, colour);
    response
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
