//! Painting the map: influences under determinants under overlays, with the encodings of
//! `style.rs`. Off-screen items are skipped and detail drops as the map gets small on screen
//! (labels first, then badges and borders), which keeps a frame cheap for maps of thousands of nodes.

use super::camera::Camera;
use super::geometry::{Geometry, LABEL_SIZE, NodeGeom, NodeKind, PAD, STAGE_NUMBER_ROOM, label_wrap_width};
use super::style::{self, BorderStyle, Outline, Palette};
use crate::model::{Determinant, Id, Influence, Map, Sign};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};
use std::collections::HashSet;

/// Below this many screen points of label size, labels are not drawn: they would be unreadable.
const MIN_LABEL_PX: f32 = 5.0;
/// Below this determinant width on screen, nodes are plain rectangles and links plain lines.
const SIMPLE_BELOW_PX: f32 = 28.0;

/// Everything one paint needs, borrowed from the canvas for the frame.
pub struct Scene<'a> {
    pub painter: &'a Painter,
    pub viewport: Rect,
    pub camera: Camera,
    pub palette: Palette,
    /// Presentation mode draws thicker lines and bigger text.
    pub stroke_scale: f32,
    pub label_scale: f32,
    pub selected: &'a HashSet<Id>,
    pub hovered: Option<&'a Id>,
    /// Nodes being dragged, and how far (map units): drawn moved before the move is committed.
    pub moving: Option<(&'a HashSet<Id>, Vec2)>,
}

impl Scene<'_> {
    /// A node's rectangle on screen, including an uncommitted drag.
    pub fn screen_rect(&self, g: &NodeGeom) -> Rect {
        let mut r = g.rect;
        if let Some((ids, delta)) = self.moving {
            if ids.contains(&g.id) {
                r = r.translate(delta);
            }
        }
        self.camera.rect_to_screen(self.viewport, r)
    }

    fn simple(&self) -> bool {
        super::geometry::DET_WIDTH * self.camera.zoom < SIMPLE_BELOW_PX
    }

    pub fn paint(&self, map: &Map, geometry: &Geometry) {
        let bg = self.palette.background;
        self.painter.rect_filled(self.viewport, 0.0, bg);
        for inf in &map.influences {
            self.paint_influence(inf, geometry);
        }
        for (i, stage) in map.stages.iter().enumerate() {
            if let Some(g) = geometry.get(&stage.id) {
                self.paint_stage(g, i + 1, &stage.label);
            }
        }
        for det in &map.determinants {
            if let Some(g) = geometry.get(&det.id) {
                self.paint_determinant(g, det, map);
            }
        }
    }

    fn visible(&self, r: Rect) -> bool {
        self.viewport.expand(8.0).intersects(r)
    }

    fn line_width(&self, w: f32) -> f32 {
        w * self.camera.zoom.clamp(0.35, 1.6) * self.stroke_scale
    }

    fn paint_influence(&self, inf: &Influence, geometry: &Geometry) {
        let (Some(from), Some(to)) = (geometry.get(&inf.from), geometry.get(&inf.to)) else { return };
        let (a_rect, b_rect) = (self.screen_rect(from), self.screen_rect(to));
        if !self.visible(a_rect.union(b_rect)) {
            return;
        }
        let colour = self.palette.sign(inf.sign).gamma_multiply(style::influence_alpha(inf.confidence));
        let width = self.line_width(style::influence_width(inf.strength));
        let highlighted = self.selected.contains(&inf.id);
        if self.simple() {
            self.painter.line_segment([a_rect.center(), b_rect.center()], Stroke::new(width.max(0.6), colour));
            return;
        }
        // Two influences between the same pair in opposite directions are drawn side by side.
        let shift = if geometry.has_reverse(inf) { 5.0 * self.camera.zoom.clamp(0.5, 2.0) } else { 0.0 };
        let Some((a, b)) = link_ends(a_rect, b_rect, shift) else { return };
        if highlighted {
            self.painter.line_segment([a, b], Stroke::new(width + 7.0, self.palette.selection.gamma_multiply(0.6)));
        }
        paint_link(self.painter, a, b, inf.sign, colour, width, self.head_size());
    }

    fn head_size(&self) -> f32 {
        11.0 * self.camera.zoom.clamp(0.45, 1.6) * self.stroke_scale
    }

    fn label_px(&self) -> f32 {
        LABEL_SIZE * self.label_scale * self.camera.zoom
    }

    fn paint_label(&self, rect: Rect, text: &str, kind: NodeKind, colour: Color32) {
        let px = self.label_px();
        if px < MIN_LABEL_PX {
            return;
        }
        let wrap = label_wrap_width(kind) * self.label_scale * self.camera.zoom;
        let galley = self.painter.layout(text.to_owned(), FontId::proportional(px), colour, wrap);
        let centre = match kind {
            NodeKind::Stage(_) => pos2(rect.center().x + STAGE_NUMBER_ROOM * self.camera.zoom / 2.0, rect.center().y),
            NodeKind::Determinant => rect.center(),
        };
        self.painter.galley(centre - galley.size() / 2.0, galley, colour);
    }

    fn paint_stage(&self, g: &NodeGeom, order: usize, label: &str) {
        let r = self.screen_rect(g);
        if !self.visible(r) {
            return;
        }
        let fill = self.palette.stage_fill;
        if self.simple() {
            self.painter.rect_filled(r, 0.0, fill);
            return;
        }
        // A chevron pointing right: the stages are where the influences arrive.
        let tip = (r.height() / 4.0).min(18.0 * self.camera.zoom);
        let points = vec![
            r.left_top(),
            pos2(r.right() - tip, r.top()),
            pos2(r.right(), r.center().y),
            pos2(r.right() - tip, r.bottom()),
            r.left_bottom(),
        ];
        self.paint_marks(g, &points);
        self.painter.add(Shape::convex_polygon(points, fill, Stroke::NONE));
        let zoom = self.camera.zoom;
        if self.label_px() >= MIN_LABEL_PX {
            let c = pos2(r.left() + (PAD + 8.0) * zoom, r.center().y);
            self.painter.circle_filled(c, 11.0 * zoom, self.palette.stage_text);
            self.painter.text(c, Align2::CENTER_CENTER, order.to_string(), FontId::proportional(13.0 * zoom), fill);
        }
        self.paint_label(r, label, g.kind, self.palette.stage_text);
    }

    /// Selection and hover rings, drawn under the node so they show as a halo.
    fn paint_marks(&self, g: &NodeGeom, points: &[Pos2]) {
        let ring = if self.selected.contains(&g.id) {
            Some(Stroke::new(7.0 * self.stroke_scale, self.palette.selection))
        } else if self.hovered == Some(&g.id) {
            Some(Stroke::new(5.0, self.palette.hover.gamma_multiply(0.6)))
        } else {
            None
        };
        if let Some(ring) = ring {
            self.painter.add(Shape::closed_line(points.to_vec(), ring));
        }
    }

    fn paint_determinant(&self, g: &NodeGeom, det: &Determinant, map: &Map) {
        let r = self.screen_rect(g);
        if !self.visible(r) {
            return;
        }
        let palette = &self.palette;
        let category_colours: Vec<Color32> = det
            .categories
            .iter()
            .map(|name| map.category(name).map_or(palette.uncategorised, |c| style::colour(c.colour)))
            .collect();
        let main = category_colours.first().copied().unwrap_or(palette.uncategorised);
        let fill = palette.tint(main);
        if self.simple() {
            let fill = if self.selected.contains(&g.id) { palette.selection } else { main };
            self.painter.rect_filled(r, 0.0, fill);
            return;
        }
        let zoom = self.camera.zoom;
        let points = outline(r, style::outline_for(det.nature), zoom);
        self.paint_marks(g, &points);
        self.painter.add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
        let (border, width) = style::border_for(det.directness);
        let stroke = Stroke::new(self.line_width(width), palette.border);
        paint_closed(self.painter, points, border, stroke, zoom);

        // One chip per category, in the category's own colour, along the bottom edge.
        let chip = vec2(16.0, 6.0) * zoom;
        for (i, c) in category_colours.iter().enumerate() {
            let min = pos2(r.left() + 14.0 * zoom + i as f32 * (chip.x + 3.0 * zoom), r.bottom() - chip.y - 4.0 * zoom);
            self.painter.rect_filled(Rect::from_min_size(min, chip), 1.0, *c);
        }
        self.paint_label(r, &det.label, g.kind, palette.text);
        if self.label_px() >= MIN_LABEL_PX {
            self.paint_badges(r, det);
        }
    }

    /// The locus badge (top-left) and the hinder badge (top-right), straddling the top edge.
    fn paint_badges(&self, r: Rect, det: &Determinant) {
        let zoom = self.camera.zoom;
        let palette = &self.palette;
        if let Some(locus) = det.locus {
            let text = match locus {
                crate::model::Locus::Internal => "INT",
                crate::model::Locus::External => "EXT",
            };
            let font = FontId::monospace(10.0 * zoom);
            let size = vec2(28.0, 14.0) * zoom;
            let badge = Rect::from_center_size(pos2(r.left() + 22.0 * zoom, r.top()), size);
            let (bg, fg) = match locus {
                crate::model::Locus::Internal => (palette.border, palette.background),
                crate::model::Locus::External => (palette.background, palette.border),
            };
            self.painter.rect(badge, 3.0 * zoom, bg, Stroke::new(1.2 * zoom, palette.border), egui::StrokeKind::Middle);
            self.painter.text(badge.center(), Align2::CENTER_CENTER, text, font, fg);
        }
        if det.effect == crate::model::Effect::Hinder {
            let c = pos2(r.right() - 14.0 * zoom, r.top());
            self.painter.circle(c, 8.0 * zoom, palette.hinders, Stroke::new(1.2 * zoom, palette.border));
            let half = 4.0 * zoom;
            self.painter.line_segment([c - vec2(half, 0.0), c + vec2(half, 0.0)], Stroke::new(2.0 * zoom, Color32::WHITE));
        }
    }
}

/// The outline of a determinant box as a convex polygon (screen points).
pub fn outline(r: Rect, shape: Outline, zoom: f32) -> Vec<Pos2> {
    match shape {
        Outline::Rectangle => vec![r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom()],
        Outline::CutCorners => {
            let c = (12.0 * zoom).min(r.height() / 3.0);
            vec![
                pos2(r.left() + c, r.top()),
                pos2(r.right() - c, r.top()),
                pos2(r.right(), r.top() + c),
                pos2(r.right(), r.bottom() - c),
                pos2(r.right() - c, r.bottom()),
                pos2(r.left() + c, r.bottom()),
                pos2(r.left(), r.bottom() - c),
                pos2(r.left(), r.top() + c),
            ]
        }
        Outline::Pill => {
            let rad = (r.height() / 2.0).min(r.width() / 2.0);
            let steps = 10;
            let mut points = Vec::with_capacity(2 * (steps + 1));
            let right = pos2(r.right() - rad, r.center().y);
            let left = pos2(r.left() + rad, r.center().y);
            for i in 0..=steps {
                let a = -std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * i as f32 / steps as f32;
                points.push(right + rad * vec2(a.cos(), a.sin()));
            }
            for i in 0..=steps {
                let a = std::f32::consts::FRAC_PI_2 + std::f32::consts::PI * i as f32 / steps as f32;
                points.push(left + rad * vec2(a.cos(), a.sin()));
            }
            points
        }
    }
}

/// Draws a closed outline solid, dashed or dotted.
pub fn paint_closed(painter: &Painter, mut points: Vec<Pos2>, border: BorderStyle, stroke: Stroke, zoom: f32) {
    match border {
        BorderStyle::Solid => {
            painter.add(Shape::closed_line(points, stroke));
        }
        BorderStyle::Dashed => {
            points.push(points[0]);
            let z = zoom.clamp(0.4, 2.0);
            painter.extend(Shape::dashed_line(&points, stroke, 9.0 * z, 5.0 * z));
        }
        BorderStyle::Dotted => {
            points.push(points[0]);
            let z = zoom.clamp(0.4, 2.0);
            painter.extend(Shape::dotted_line(&points, stroke.color, 5.0 * z, stroke.width / 1.5));
        }
    }
}

/// A line from `a` to `b` with the end that encodes its sign: an arrowhead for enables, a bar for
/// hinders; hinders is also dashed, so the two differ in greyscale.
pub fn paint_link(painter: &Painter, a: Pos2, b: Pos2, sign: Sign, colour: Color32, width: f32, head: f32) {
    let d = b - a;
    let len = d.length();
    if len < 1.0 {
        return;
    }
    let dir = d / len;
    let normal = vec2(-dir.y, dir.x);
    let stroke = Stroke::new(width, colour);
    match sign {
        Sign::Enables => {
            let base = b - dir * head * 1.3;
            painter.line_segment([a, base], stroke);
            painter.add(Shape::convex_polygon(
                vec![b, base + normal * head * 0.6, base - normal * head * 0.6],
                colour,
                Stroke::NONE,
            ));
        }
        Sign::Hinders => {
            let end = b - dir * width;
            painter.extend(Shape::dashed_line(&[a, end], stroke, 3.0 * width + 6.0, 2.0 * width + 3.0));
            let bar = Stroke::new(width.max(2.0) * 1.3, colour);
            painter.line_segment([end + normal * head * 0.75, end - normal * head * 0.75], bar);
        }
    }
}

/// Where a link between two boxes starts and ends: on their borders, on the line between their
/// centres, moved sideways by `shift` (for a pair of opposite links).
pub fn link_ends(from: Rect, to: Rect, shift: f32) -> Option<(Pos2, Pos2)> {
    let d = to.center() - from.center();
    if d.length() < 1.0 {
        return None;
    }
    let normal = vec2(-d.y, d.x).normalized() * shift;
    let (ca, cb) = (from.center() + normal, to.center() + normal);
    Some((border_point(from, ca, cb - ca), border_point(to, cb, ca - cb)))
}

/// Where the ray from `origin` (inside `r`) in direction `dir` leaves `r`.
pub fn border_point(r: Rect, origin: Pos2, dir: Vec2) -> Pos2 {
    let tx = if dir.x > 0.0 { (r.right() - origin.x) / dir.x } else if dir.x < 0.0 { (r.left() - origin.x) / dir.x } else { f32::INFINITY };
    let ty = if dir.y > 0.0 { (r.bottom() - origin.y) / dir.y } else if dir.y < 0.0 { (r.top() - origin.y) / dir.y } else { f32::INFINITY };
    let t = tx.min(ty);
    if t.is_finite() && t > 0.0 { origin + dir * t } else { origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_ends_sit_on_the_borders() {
        let a = Rect::from_center_size(pos2(0.0, 0.0), vec2(100.0, 40.0));
        let b = Rect::from_center_size(pos2(300.0, 0.0), vec2(100.0, 40.0));
        let (p, q) = link_ends(a, b, 0.0).unwrap();
        assert!((p - pos2(50.0, 0.0)).length() < 1e-3);
        assert!((q - pos2(250.0, 0.0)).length() < 1e-3);
        assert!(link_ends(a, a, 0.0).is_none());
    }
}
