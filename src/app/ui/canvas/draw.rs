//! Painting the map: influences under determinants under overlays, with the encodings of
//! `style.rs`. Off-screen items are skipped and detail drops as the map gets small on screen
//! (labels first, then badges and borders), which keeps a frame cheap for maps of thousands of nodes.

use super::batch::Batch;
use super::camera::Camera;
use super::geometry::{Geometry, LABEL_SIZE, NodeGeom, NodeKind, PAD, STAGE_NUMBER_ROOM, label_wrap_width};
use super::style::{self, Border, Outline, Palette};
use crate::app::derived::emphasis::{Emphasis, Loss, Mark};
use crate::model::{Determinant, Id, Influence, Map, Sign};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};
use std::collections::HashSet;

/// Below this many screen points of label size, labels are not drawn: they would be unreadable.
const MIN_LABEL_PX: f32 = 5.0;
/// Below this determinant width on screen, nodes are plain rectangles and links plain lines.
const SIMPLE_BELOW_PX: f32 = 36.0;
/// How much of its colour a faded node or influence keeps: enough to see the map's shape, little
/// enough that what is in focus reads at once, in colour or greyscale.
const FADED: f32 = 0.18;
/// How much wider a lit influence is drawn.
const LIT_WIDTH: f32 = 1.8;

fn fade(mark: Mark) -> f32 {
    if mark == Mark::Faded { FADED } else { 1.0 }
}

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
    /// What the analysis brings forward and fades; `None` draws everything plainly.
    pub emphasis: Option<&'a Emphasis>,
}

impl Scene<'_> {
    /// A node's rectangle on screen, including an uncommitted drag.
    pub fn screen_rect(&self, g: &NodeGeom) -> Rect {
        let mut r = g.rect;
        if let Some((ids, delta)) = self.moving
            && ids.contains(&g.id)
        {
            r = r.translate(delta);
        }
        self.camera.rect_to_screen(self.viewport, r)
    }

    fn node_mark(&self, k: usize) -> Mark {
        self.emphasis.and_then(|e| e.nodes.get(k)).copied().unwrap_or_default()
    }

    fn link_mark(&self, k: usize) -> Mark {
        self.emphasis.and_then(|e| e.links.get(k)).copied().unwrap_or_default()
    }

    fn simple(&self) -> bool {
        super::geometry::DET_WIDTH * self.camera.zoom < SIMPLE_BELOW_PX
    }

    pub fn paint(&self, map: &Map, geometry: &Geometry) {
        let bg = self.palette.background;
        self.painter.rect_filled(self.viewport, 0.0, bg);
        let ppp = self.painter.ctx().pixels_per_point();
        let mut links = Batch::new(ppp);
        for (k, inf) in map.influences.iter().enumerate() {
            if let Some(Some((a, b))) = geometry.links.get(k) {
                self.paint_influence(
                    inf,
                    &geometry.nodes[*a],
                    &geometry.nodes[*b],
                    geometry.reversed[k],
                    self.link_mark(k),
                    &mut links,
                );
            }
        }
        links.paint(self.painter);
        // Nodes are in `geometry.nodes` in map order: the stages, then the determinants.
        let (stages, determinants) = geometry.nodes.split_at(map.stages.len().min(geometry.nodes.len()));
        if self.simple() {
            let mut boxes = Batch::new(ppp);
            for (k, g) in stages.iter().enumerate() {
                self.simple_node(g, self.palette.stage_fill, self.node_mark(k), &mut boxes);
            }
            for (k, g) in determinants.iter().enumerate() {
                self.simple_node(
                    g,
                    g.colours.first().copied().unwrap_or(self.palette.uncategorised),
                    self.node_mark(stages.len() + k),
                    &mut boxes,
                );
            }
            boxes.paint(self.painter);
            return;
        }
        for (k, (stage, g)) in map.stages.iter().zip(stages).enumerate() {
            if let NodeKind::Stage(order) = g.kind {
                let loss = self.emphasis.and_then(|e| e.losses.get(k)).copied().unwrap_or_default();
                self.paint_stage(g, order, &stage.label, self.node_mark(k), loss);
            }
        }
        let knocked = self.emphasis.and_then(|e| e.knocked);
        for (k, (det, g)) in map.determinants.iter().zip(determinants).enumerate() {
            let at = stages.len() + k;
            self.paint_determinant(g, det, self.node_mark(at), knocked == Some(at));
        }
    }

    /// A map too small on screen for detail: every node a plain box, all in one mesh.
    fn simple_node(&self, g: &NodeGeom, colour: Color32, mark: Mark, boxes: &mut Batch) {
        let r = self.screen_rect(g);
        if self.visible(r) {
            let colour = if self.selected.contains(&g.id) {
                self.palette.selection
            } else if mark == Mark::Lit {
                self.palette.highlight
            } else {
                colour.gamma_multiply(fade(mark))
            };
            boxes.rect(r, colour);
        }
    }

    fn visible(&self, r: Rect) -> bool {
        self.viewport.expand(8.0).intersects(r)
    }

    fn line_width(&self, w: f32) -> f32 {
        w * self.camera.zoom.clamp(0.35, 1.6) * self.stroke_scale
    }

    fn paint_influence(
        &self,
        inf: &Influence,
        from: &NodeGeom,
        to: &NodeGeom,
        reversed: bool,
        mark: Mark,
        links: &mut Batch,
    ) {
        let (a_rect, b_rect) = (self.screen_rect(from), self.screen_rect(to));
        let view = self.viewport.expand(16.0);
        if clip_segment(a_rect.center(), b_rect.center(), view).is_none() {
            return;
        }
        let colour = self
            .palette
            .sign(inf.sign)
            .gamma_multiply(style::influence_opacity(inf.confidence) * fade(mark));
        let mut width = self.line_width(style::influence_width(inf.strength));
        if mark == Mark::Lit {
            width *= LIT_WIDTH;
        }
        if self.simple() {
            if let Some((p, q)) = clip_segment(a_rect.center(), b_rect.center(), view) {
                links.line(p, q, width.max(0.6), colour);
            }
            return;
        }
        // Two influences between the same pair in opposite directions are drawn side by side.
        let shift = if reversed {
            5.0 * self.camera.zoom.clamp(0.5, 2.0)
        } else {
            0.0
        };
        let Some((a, b)) = link_ends(a_rect, b_rect, shift) else {
            return;
        };
        if self.selected.contains(&inf.id)
            && let Some((p, q)) = clip_segment(a, b, view)
        {
            links.line(p, q, width + 7.0, self.palette.selection.gamma_multiply(0.6));
        }
        link(
            links,
            self.painter,
            a,
            b,
            inf.sign,
            colour,
            width,
            self.head_size(),
            view,
        );
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
        let galley = self
            .painter
            .layout(text.to_owned(), FontId::proportional(px), colour, wrap);
        let centre = match kind {
            NodeKind::Stage(_) => pos2(
                rect.center().x + STAGE_NUMBER_ROOM * self.camera.zoom / 2.0,
                rect.center().y,
            ),
            NodeKind::Determinant => rect.center(),
        };
        self.painter.galley(centre - galley.size() / 2.0, galley, colour);
    }

    fn paint_stage(&self, g: &NodeGeom, order: usize, label: &str, mark: Mark, loss: Loss) {
        let r = self.screen_rect(g);
        if !self.visible(r) {
            return;
        }
        let f = fade(mark);
        let fill = self.palette.stage_fill.gamma_multiply(f);
        let text = self.palette.stage_text.gamma_multiply(f);
        // A chevron pointing right: the stages are where the influences arrive.
        let tip = (r.height() / 4.0).min(18.0 * self.camera.zoom);
        let points = vec![
            r.left_top(),
            pos2(r.right() - tip, r.top()),
            pos2(r.right(), r.center().y),
            pos2(r.right() - tip, r.bottom()),
            r.left_bottom(),
        ];
        self.paint_marks(g, &points, mark);
        self.painter
            .add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
        let zoom = self.camera.zoom;
        if self.label_px() >= MIN_LABEL_PX {
            let c = pos2(r.left() + (PAD + 8.0) * zoom, r.center().y);
            self.painter.circle_filled(c, 11.0 * zoom, text);
            self.painter.text(
                c,
                Align2::CENTER_CENTER,
                order.to_string(),
                FontId::proportional(13.0 * zoom),
                fill,
            );
        }
        self.paint_label(r, label, g.kind, text);
        self.paint_loss(r, points, loss);
    }

    /// A stage that loses support when a determinant is knocked out: a dashed ring, and a line
    /// under it saying what it loses.
    fn paint_loss(&self, r: Rect, mut points: Vec<Pos2>, loss: Loss) {
        let text = match loss {
            Loss::None => return,
            Loss::Enablers(1) => "loses 1 enabler".to_owned(),
            Loss::Enablers(n) => format!("loses {n} enablers"),
            Loss::AllEnabling => "loses all enabling support".to_owned(),
        };
        let zoom = self.camera.zoom.clamp(0.5, 2.0);
        let colour = self.palette.warning;
        points.push(points[0]);
        self.painter.extend(Shape::dashed_line(
            &points,
            Stroke::new(3.0 * zoom, colour),
            8.0 * zoom,
            5.0 * zoom,
        ));
        if self.label_px() >= MIN_LABEL_PX {
            self.painter.text(
                pos2(r.center().x, r.bottom() + 4.0 * zoom),
                Align2::CENTER_TOP,
                format!("⚠ {text}"),
                FontId::proportional(13.0 * zoom),
                colour,
            );
        }
    }

    /// Selection, highlight and hover rings, drawn under the node so they show as a halo.
    fn paint_marks(&self, g: &NodeGeom, points: &[Pos2], mark: Mark) {
        let ring = if self.selected.contains(&g.id) {
            // A selected node outside the analysis focus keeps a fainter ring, like the rest of it.
            let colour = self.palette.selection.gamma_multiply(fade(mark).max(0.4));
            Some(Stroke::new(7.0 * self.stroke_scale, colour))
        } else if mark == Mark::Lit {
            Some(Stroke::new(6.0 * self.stroke_scale, self.palette.highlight))
        } else if self.hovered == Some(&g.id) {
            Some(Stroke::new(5.0, self.palette.hover.gamma_multiply(0.6)))
        } else {
            None
        };
        if let Some(ring) = ring {
            self.painter.add(Shape::closed_line(points.to_vec(), ring));
        }
    }

    fn paint_determinant(&self, g: &NodeGeom, det: &Determinant, mark: Mark, knocked: bool) {
        let r = self.screen_rect(g);
        if !self.visible(r) {
            return;
        }
        let palette = &self.palette;
        let f = fade(mark);
        let category_colours = &g.colours;
        let main = category_colours.first().copied().unwrap_or(palette.uncategorised);
        let fill = palette.tint(main).gamma_multiply(f);
        let zoom = self.camera.zoom;
        let points = outline(r, style::outline_for(det.nature), zoom);
        self.paint_marks(g, &points, mark);
        self.painter
            .add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
        let border = style::border_for(det.directness);
        let width = border.width();
        let stroke = Stroke::new(self.line_width(width), palette.border.gamma_multiply(f));
        paint_closed(self.painter, points, border, stroke, zoom);

        // One chip per category, in the category's own colour, along the bottom edge.
        let chip = vec2(16.0, 6.0) * zoom;
        for (i, c) in category_colours.iter().enumerate() {
            let min = pos2(
                r.left() + 14.0 * zoom + i as f32 * (chip.x + 3.0 * zoom),
                r.bottom() - chip.y - 4.0 * zoom,
            );
            self.painter
                .rect_filled(Rect::from_min_size(min, chip), 1.0, c.gamma_multiply(f));
        }
        self.paint_label(r, &det.label, g.kind, palette.text.gamma_multiply(f));
        if self.label_px() >= MIN_LABEL_PX {
            self.paint_badges(r, det, f);
        }
        if knocked {
            self.paint_knocked(r);
        }
    }

    /// The knocked-out determinant: crossed out, and labelled, so the "what if" is plain on a wall.
    fn paint_knocked(&self, r: Rect) {
        let zoom = self.camera.zoom.clamp(0.5, 2.0);
        let stroke = Stroke::new(4.0 * zoom, self.palette.warning);
        self.painter.line_segment([r.left_top(), r.right_bottom()], stroke);
        self.painter.line_segment([r.left_bottom(), r.right_top()], stroke);
        if self.label_px() >= MIN_LABEL_PX {
            self.painter.text(
                pos2(r.center().x, r.top() - 10.0 * zoom),
                Align2::CENTER_BOTTOM,
                "knocked out",
                FontId::proportional(13.0 * zoom),
                self.palette.warning,
            );
        }
    }

    /// The locus badge (top-left) and the hinder badge (top-right), straddling the top edge.
    fn paint_badges(&self, r: Rect, det: &Determinant, f: f32) {
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
            let (bg, fg) = (bg.gamma_multiply(f), fg.gamma_multiply(f));
            self.painter.rect(
                badge,
                3.0 * zoom,
                bg,
                Stroke::new(1.2 * zoom, palette.border.gamma_multiply(f)),
                egui::StrokeKind::Middle,
            );
            self.painter.text(badge.center(), Align2::CENTER_CENTER, text, font, fg);
        }
        if det.effect == crate::model::Effect::Hinder {
            let c = pos2(r.right() - 14.0 * zoom, r.top());
            self.painter.circle(
                c,
                8.0 * zoom,
                palette.hinders.gamma_multiply(f),
                Stroke::new(1.2 * zoom, palette.border.gamma_multiply(f)),
            );
            let half = 4.0 * zoom;
            self.painter.line_segment(
                [c - vec2(half, 0.0), c + vec2(half, 0.0)],
                Stroke::new(2.0 * zoom, Color32::WHITE.gamma_multiply(f)),
            );
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
pub fn paint_closed(painter: &Painter, mut points: Vec<Pos2>, border: Border, stroke: Stroke, zoom: f32) {
    match border {
        Border::Solid => {
            painter.add(Shape::closed_line(points, stroke));
        }
        Border::Dashed => {
            points.push(points[0]);
            let z = zoom.clamp(0.4, 2.0);
            painter.extend(Shape::dashed_line(&points, stroke, 9.0 * z, 5.0 * z));
        }
        Border::Dotted => {
            points.push(points[0]);
            let z = zoom.clamp(0.4, 2.0);
            painter.extend(Shape::dotted_line(&points, stroke.color, 5.0 * z, stroke.width / 1.5));
        }
    }
}

/// A link from `a` to `b` with the end that encodes its sign: an arrowhead for enables, a bar for
/// hinders; hinders is also dashed, so the two differ in greyscale. Lines go into `lines` (one
/// mesh for all links); only the part inside `view` is drawn, or a link between two far-apart
/// nodes crossing the view would be cut into thousands of dashes, nearly all off screen.
#[allow(clippy::too_many_arguments)]
pub fn link(
    lines: &mut Batch,
    painter: &Painter,
    a: Pos2,
    b: Pos2,
    sign: Sign,
    colour: Color32,
    width: f32,
    head: f32,
    view: Rect,
) {
    let d = b - a;
    let len = d.length();
    if len < 1.0 {
        return;
    }
    let dir = d / len;
    let normal = vec2(-dir.y, dir.x);
    let head_visible = view.contains(b);
    match sign {
        Sign::Enables => {
            let base = b - dir * head * 1.3;
            if let Some((p, q)) = clip_segment(a, base, view) {
                lines.line(p, q, width, colour);
            }
            if head_visible {
                let tip = vec![b, base + normal * head * 0.6, base - normal * head * 0.6];
                painter.add(Shape::convex_polygon(tip, colour, Stroke::NONE));
            }
        }
        Sign::Hinders => {
            let end = b - dir * width;
            if let Some((p, q)) = clip_segment(a, end, view) {
                lines.dashed(p, q, width, colour, 3.0 * width + 6.0, 2.0 * width + 3.0);
            }
            if head_visible {
                let bar = width.max(2.0) * 1.3;
                lines.line(end + normal * head * 0.75, end - normal * head * 0.75, bar, colour);
            }
        }
    }
}

/// One link painted on its own (the rubber band, the legend).
pub fn paint_link(painter: &Painter, a: Pos2, b: Pos2, sign: Sign, colour: Color32, width: f32, head: f32) {
    let mut lines = Batch::new(painter.ctx().pixels_per_point());
    link(
        &mut lines,
        painter,
        a,
        b,
        sign,
        colour,
        width,
        head,
        painter.clip_rect().expand(head * 2.0),
    );
    lines.paint(painter);
}

/// The part of segment `a`–`b` inside `r` (Liang–Barsky), or `None` if it misses `r`.
pub fn clip_segment(a: Pos2, b: Pos2, r: Rect) -> Option<(Pos2, Pos2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.left()),
        (d.x, r.right() - a.x),
        (-d.y, a.y - r.top()),
        (d.y, r.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| (a + d * t0, a + d * t1))
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
    let tx = if dir.x > 0.0 {
        (r.right() - origin.x) / dir.x
    } else if dir.x < 0.0 {
        (r.left() - origin.x) / dir.x
    } else {
        f32::INFINITY
    };
    let ty = if dir.y > 0.0 {
        (r.bottom() - origin.y) / dir.y
    } else if dir.y < 0.0 {
        (r.top() - origin.y) / dir.y
    } else {
        f32::INFINITY
    };
    let t = tx.min(ty);
    if t.is_finite() && t > 0.0 {
        origin + dir * t
    } else {
        origin
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_clipped_to_the_view() {
        let r = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        let (p, q) = clip_segment(pos2(-100.0, 50.0), pos2(300.0, 50.0), r).unwrap();
        assert!((p - pos2(0.0, 50.0)).length() < 1e-3 && (q - pos2(100.0, 50.0)).length() < 1e-3);
        assert_eq!(
            clip_segment(pos2(10.0, 10.0), pos2(20.0, 20.0), r),
            Some((pos2(10.0, 10.0), pos2(20.0, 20.0)))
        );
        assert!(clip_segment(pos2(-10.0, -10.0), pos2(-5.0, 200.0), r).is_none());
    }

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
