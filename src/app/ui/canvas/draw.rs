//! Painting the map: influences under determinants under overlays, with the encodings of
//! `style.rs` and the shapes of `crate::geometry` (the SVG's, so the screen and the paper agree).
//! Off-screen items are skipped and detail drops as the map gets small on screen (labels first,
//! then badges and borders), which keeps a frame cheap for maps of thousands of nodes.
//!
//! Shapes are computed on the node's box on screen with `k` = the zoom (see `crate::geometry`);
//! the functions that paint one kind of thing are free functions, so the legend paints its samples
//! with them too.

use super::batch::Batch;
use super::camera::Camera;
use super::geometry::{Geometry, NodeGeom, NodeKind, kurbo_rect};
use super::style::{self, Border, Outline, Palette};
use crate::app::derived::emphasis::{Emphasis, Loss, Mark};
use crate::export::step_view::{Mark as StepMark, StepView};
use crate::geometry::{self as geo, HEAD, LABEL_SIZE, LINE_HEIGHT, PAIR_SHIFT, Tip};
use crate::model::{Determinant, Id, Influence, Locus, Map, Sign};
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};
use std::collections::HashSet;

/// Below this many screen points of label size, labels are not drawn: they would be unreadable.
const MIN_LABEL_PX: f32 = 5.0;
/// The least label size that reads from the back of a room, in the screen's pixels. A map shown
/// smaller than that (a whole map fitted to a projector) draws its labels at this size instead,
/// shortened to their box.
pub const READABLE_LABEL_PX: f32 = 12.0;
/// How much of its colour a faded node or influence keeps: enough to see the map's shape, little
/// enough that what is in focus reads at once, in colour or greyscale.
const FADED: f32 = 0.18;
/// How much wider a lit influence is drawn.
const LIT_WIDTH: f32 = 1.8;
/// Points of a self-loop's curve.
const LOOP_STEPS: usize = 24;

fn fade(mark: Mark) -> f32 {
    if mark == Mark::Faded { FADED } else { 1.0 }
}

/// A step's mark as the canvas draws it (a hidden item is not drawn at all).
fn from_step(mark: StepMark) -> Mark {
    match mark {
        StepMark::Normal => Mark::Normal,
        StepMark::Lit => Mark::Lit,
        StepMark::Faded | StepMark::Hidden => Mark::Faded,
    }
}

/// A point of the shared geometry on screen.
pub fn pos(p: geo::Point) -> Pos2 {
    pos2(p.x as f32, p.y as f32)
}

fn points(ps: impl IntoIterator<Item = geo::Point>) -> Vec<Pos2> {
    ps.into_iter().map(pos).collect()
}

/// Everything one paint needs, borrowed from the canvas for the frame.
pub struct Scene<'a> {
    pub painter: &'a Painter,
    pub viewport: Rect,
    pub camera: Camera,
    pub palette: Palette,
    /// Presentation mode draws thicker lines (labels keep their size relative to their boxes,
    /// since a bigger label would grow its box into its neighbours on a dense map).
    pub stroke_scale: f32,
    pub selected: &'a HashSet<Id>,
    pub hovered: Option<&'a Id>,
    /// Nodes being dragged, and how far (map units): drawn moved before the move is committed.
    pub moving: Option<(&'a HashSet<Id>, Vec2)>,
    /// What the analysis brings forward and fades; `None` draws everything plainly.
    pub emphasis: Option<&'a Emphasis>,
    /// The presentation step on screen: what a step that reveals the map step by step has not
    /// shown yet is not drawn (the same marks the slides print).
    pub step: Option<&'a StepView>,
    /// Light and fade as the step says (its feeders "hindering only" too), not as the analysis
    /// view does: until a click on the map asks the analysis something else.
    pub step_marks: bool,
}

impl Scene<'_> {
    /// A node's rectangle in map units, including an uncommitted drag.
    fn map_rect(&self, g: &NodeGeom) -> Rect {
        match self.moving {
            Some((ids, delta)) if ids.contains(&g.id) => g.rect.translate(delta),
            _ => g.rect,
        }
    }

    /// A node's rectangle on screen, including an uncommitted drag.
    pub fn screen_rect(&self, g: &NodeGeom) -> Rect {
        self.camera.rect_to_screen(self.viewport, self.map_rect(g))
    }

    fn zoom(&self) -> f64 {
        f64::from(self.camera.zoom)
    }

    fn node_mark(&self, k: usize) -> Mark {
        if let Some(v) = self.step.filter(|_| self.step_marks) {
            return from_step(v.node(k));
        }
        self.emphasis.and_then(|e| e.nodes.get(k)).copied().unwrap_or_default()
    }

    fn link_mark(&self, k: usize) -> Mark {
        if let Some(v) = self.step.filter(|_| self.step_marks) {
            return from_step(v.links.get(k).copied().unwrap_or_default());
        }
        self.emphasis.and_then(|e| e.links.get(k)).copied().unwrap_or_default()
    }

    fn node_hidden(&self, k: usize) -> bool {
        self.step.is_some_and(|v| v.node(k) == StepMark::Hidden)
    }

    fn link_hidden(&self, k: usize) -> bool {
        self.step.and_then(|v| v.links.get(k)) == Some(&StepMark::Hidden)
    }

    fn simple(&self) -> bool {
        geo::DET_WIDTH * self.zoom() < geo::PLAIN_BELOW_PX
    }

    pub fn paint(&self, map: &Map, geometry: &Geometry) {
        let bg = self.palette.background;
        self.painter.rect_filled(self.viewport, 0.0, bg);
        let ppp = self.painter.ctx().pixels_per_point();
        let mut links = Batch::new(ppp);
        for (k, inf) in map.influences.iter().enumerate() {
            if self.link_hidden(k) {
                continue;
            }
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
            for (k, g) in stages.iter().enumerate().filter(|(k, _)| !self.node_hidden(*k)) {
                self.simple_node(g, self.palette.stage_fill, self.node_mark(k), &mut boxes);
            }
            let shown = |(k, _): &(usize, &NodeGeom)| !self.node_hidden(stages.len() + k);
            for (k, g) in determinants.iter().enumerate().filter(shown) {
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
        for (k, g) in stages.iter().enumerate().filter(|(k, _)| !self.node_hidden(*k)) {
            if let NodeKind::Stage(order) = g.kind {
                let loss = self.emphasis.and_then(|e| e.losses.get(k)).copied().unwrap_or_default();
                self.paint_stage(g, order, self.node_mark(k), loss);
            }
        }
        let knocked = self.emphasis.and_then(|e| e.knocked);
        for (k, (det, g)) in map.determinants.iter().zip(determinants).enumerate() {
            let at = stages.len() + k;
            if self.node_hidden(at) {
                continue;
            }
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

    pub(super) fn visible(&self, r: Rect) -> bool {
        self.viewport.expand(8.0).intersects(r)
    }

    pub(super) fn line_width(&self, w: f32) -> f32 {
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
        if clip_segment(a_rect.center(), b_rect.center(), view).is_none() && !view.intersects(a_rect) {
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
        let selected = self.selected.contains(&inf.id);
        let halo = self.palette.selection.gamma_multiply(0.6);
        if from.id == to.id {
            let curve = geo::self_loop(kurbo_rect(a_rect), self.zoom());
            if selected {
                links.polyline(&loop_points(curve, curve.p3), width + 7.0, halo, None);
            }
            self_link(links, self.painter, curve, inf.sign, colour, width, self.head_size());
            return;
        }
        // The ends are the SVG's: computed in map units, then put on screen.
        let shift = if reversed { PAIR_SHIFT } else { 0.0 };
        let (from_rect, to_rect) = (kurbo_rect(self.map_rect(from)), kurbo_rect(self.map_rect(to)));
        let Some((a, b)) = geo::link_ends(from_rect, to_rect, shift) else {
            return;
        };
        let (a, b) = (self.to_screen(a), self.to_screen(b));
        if selected && let Some((p, q)) = clip_segment(a, b, view) {
            links.line(p, q, width + 7.0, halo);
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

    fn to_screen(&self, p: geo::Point) -> Pos2 {
        self.camera.to_screen(self.viewport, pos(p))
    }

    pub(super) fn head_size(&self) -> f32 {
        HEAD as f32 * self.camera.zoom.clamp(0.45, 1.6) * self.stroke_scale
    }

    /// [`READABLE_LABEL_PX`] pixels in points.
    fn readable_points(&self) -> f32 {
        READABLE_LABEL_PX / self.painter.ctx().pixels_per_point()
    }

    fn label_px(&self) -> f32 {
        LABEL_SIZE as f32 * self.camera.zoom
    }

    /// The words beside a knock-out's marks ("knocked out", "loses 2 enablers") at `zoom`: never
    /// smaller than a readable label, since they are what the step says.
    fn warning_font(&self, zoom: f32) -> FontId {
        FontId::proportional((13.0 * zoom).max(self.readable_points()))
    }

    /// Whether the zoom is close enough for the marks beside a node (badges, tags) to be drawn.
    pub(super) fn labels_drawn(&self) -> bool {
        self.label_px() >= MIN_LABEL_PX
    }

    /// A node's label, in the lines of the shared geometry, each centred on its baseline there.
    pub(super) fn paint_label(&self, rect: Rect, g: &NodeGeom, colour: Color32) {
        // Readable is measured in the screen's pixels: presentation mode draws everything
        // larger (egui's zoom factor), so a label is readable there at fewer points.
        let readable = self.readable_points();
        if self.label_px() < readable {
            // Only where one line of readable text fits in the box at all (a one-line box's
            // height is about the text's own: a little of it may cross the border).
            if rect.height() >= readable * 0.8 && rect.width() >= readable * 3.0 {
                self.paint_short_label(rect, g, colour, readable);
            }
            return;
        }
        let px = self.label_px();
        for (line, at) in g
            .lines
            .iter()
            .zip(label_baselines(g.kind, rect, self.camera.zoom, g.lines.len()))
        {
            centred_text(self.painter, at, line, px, colour);
        }
    }

    /// A label at the readable size in a box too small for all of it: wrapped to the label's room
    /// in the box, as many lines as fit, the last cut with an ellipsis. Only the screen does this,
    /// and only below the readable size; the SVG and PNG always carry every label whole.
    fn paint_short_label(&self, rect: Rect, g: &NodeGeom, colour: Color32, readable: f32) {
        let k = self.zoom();
        let r = kurbo_rect(rect);
        let (centre, width) = match g.kind {
            NodeKind::Stage(_) => (
                geo::stage_label_centre(r, k),
                rect.width() - ((geo::STAGE_NUMBER_ROOM + geo::PAD) * k) as f32 - rect.height() * 0.35,
            ),
            NodeKind::Determinant => (geo::determinant_label_centre(r, k), rect.width() - 4.0),
        };
        let line = readable * 1.2;
        let height = rect.height() - (geo::CHIP_ROOM * k) as f32;
        let rows = ((height - 2.0) / line).floor().max(1.0) as usize;
        let mut job = egui::text::LayoutJob::simple(
            g.lines.join(" "),
            FontId::proportional(readable),
            colour,
            width.max(readable),
        );
        job.wrap.max_rows = rows;
        // A word longer than the box is cut too, rather than leaving the box blank.
        job.wrap.break_anywhere = true;
        job.wrap.overflow_character = Some('…');
        job.halign = egui::Align::Center;
        let galley = self.painter.layout_job(job);
        let at = pos(centre) - vec2(0.0, galley.size().y / 2.0);
        self.painter.galley(at, galley, colour);
    }

    fn paint_stage(&self, g: &NodeGeom, order: usize, mark: Mark, loss: Loss) {
        let r = self.screen_rect(g);
        if !self.visible(r) {
            return;
        }
        let f = fade(mark);
        let fill = self.palette.stage_fill.gamma_multiply(f);
        let text = self.palette.stage_text.gamma_multiply(f);
        let points = points(geo::chevron(kurbo_rect(r), self.zoom()));
        self.paint_marks(g, &points, mark);
        self.painter
            .add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
        if self.labels_drawn() {
            let disc = geo::stage_number(kurbo_rect(r), self.zoom());
            self.painter
                .circle_filled(pos(disc.rect.center()), disc.radius as f32, text);
            centred_text(
                self.painter,
                pos(disc.baseline()),
                &order.to_string(),
                disc.text_size as f32,
                fill,
            );
        }
        self.paint_label(r, g, text);
        self.paint_loss(r, points, loss);
    }

    /// A stage that loses support when a determinant is knocked out: a dashed ring, and a line
    /// under it saying what it loses (never smaller than a readable label: it is the message).
    fn paint_loss(&self, r: Rect, mut points: Vec<Pos2>, loss: Loss) {
        let text = match loss {
            Loss::None => return,
            Loss::Enablers(n) => crate::tr!("canvas-loses-enablers", count = n),
            Loss::AllEnabling => crate::tr!("canvas-loses-all-enabling"),
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
        if self.labels_drawn() {
            self.painter.text(
                pos2(r.center().x, r.bottom() + 4.0 * zoom),
                Align2::CENTER_TOP,
                format!("⚠ {text}"),
                self.warning_font(zoom),
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
        let main = g.colours.first().copied().unwrap_or(palette.uncategorised);
        let fill = palette.tint(main).gamma_multiply(f);
        let k = self.zoom();
        let outline = style::outline_for(det.nature);
        self.paint_marks(g, &points(geo::outline(kurbo_rect(r), outline, k)), mark);
        let border = style::border_for(det.directness);
        let stroke = Stroke::new(self.line_width(border.width()), palette.border.gamma_multiply(f));
        paint_node_shape(self.painter, r, k, outline, border, fill, stroke);
        // One chip per category, in the category's own colour, along the bottom edge.
        for (chip, c) in geo::chips(kurbo_rect(r), g.colours.len(), k).zip(&g.colours) {
            self.painter
                .rect_filled(super::geometry::rect(chip), 1.0, c.gamma_multiply(f));
        }
        self.paint_label(r, g, palette.text.gamma_multiply(f));
        if self.labels_drawn() {
            if let Some(locus) = det.locus {
                let badge = geo::locus_badge(kurbo_rect(r), k);
                paint_locus_badge(self.painter, badge, k as f32, locus, palette, f);
            }
            if det.effect == crate::model::Effect::Hinder {
                let badge = geo::hinder_badge(kurbo_rect(r), k);
                paint_hinder_badge(self.painter, badge, k as f32, palette, f);
            }
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
        if self.labels_drawn() {
            self.painter.text(
                pos2(r.center().x, r.top() - 10.0 * zoom),
                Align2::CENTER_BOTTOM,
                crate::tr!("canvas-knocked-out"),
                self.warning_font(zoom),
                self.palette.warning,
            );
        }
    }
}

/// Where the lines of a label go in a node of `kind` whose box is `rect` on screen at `zoom`: the
/// middle of each line's baseline.
pub fn label_baselines(kind: NodeKind, rect: Rect, zoom: f32, lines: usize) -> impl Iterator<Item = Pos2> {
    let (r, k) = (kurbo_rect(rect), f64::from(zoom));
    let centre = match kind {
        NodeKind::Stage(_) => geo::stage_label_centre(r, k),
        NodeKind::Determinant => geo::determinant_label_centre(r, k),
    };
    geo::text::baselines(centre, lines, LABEL_SIZE * k, LINE_HEIGHT * k).map(pos)
}

/// One line of text centred on `baseline.x`, its baseline at `baseline.y`: where the SVG's
/// `text-anchor="middle"` puts it.
pub fn centred_text(painter: &Painter, baseline: Pos2, text: &str, size: f32, colour: Color32) {
    let galley = painter.layout_no_wrap(text.to_owned(), FontId::proportional(size), colour);
    let above = galley
        .rows
        .first()
        .and_then(|row| row.row.glyphs.first().map(|g| row.pos.y + g.pos.y))
        .unwrap_or(size * 0.8);
    let at = pos2(baseline.x - galley.size().x / 2.0, baseline.y - above);
    painter.galley(at, galley, colour);
}

/// A determinant's box at `r` (screen) for zoom `k`: its outline for the nature, filled, and its
/// border for the directness.
pub fn paint_node_shape(
    painter: &Painter,
    r: Rect,
    k: f64,
    outline: Outline,
    border: Border,
    fill: Color32,
    stroke: Stroke,
) {
    let points = points(geo::outline(kurbo_rect(r), outline, k));
    painter.add(Shape::convex_polygon(points.clone(), fill, Stroke::NONE));
    paint_closed(painter, points, border, stroke, k as f32);
}

/// The INT / EXT badge.
pub fn paint_locus_badge(painter: &Painter, badge: geo::Badge, k: f32, locus: Locus, palette: &Palette, f: f32) {
    let (bg, fg, text) = match locus {
        Locus::Internal => (palette.border, palette.background, "INT"),
        Locus::External => (palette.background, palette.border, "EXT"),
    };
    painter.rect(
        super::geometry::rect(badge.rect),
        badge.radius as f32,
        bg.gamma_multiply(f),
        Stroke::new(1.2 * k, palette.border.gamma_multiply(f)),
        egui::StrokeKind::Middle,
    );
    centred_text(
        painter,
        pos(badge.baseline()),
        text,
        badge.text_size as f32,
        fg.gamma_multiply(f),
    );
}

/// The "−" disc of a determinant that hinders overall.
pub fn paint_hinder_badge(painter: &Painter, badge: geo::Badge, k: f32, palette: &Palette, f: f32) {
    let c = pos(badge.rect.center());
    let radius = badge.radius as f32;
    painter.circle(
        c,
        radius,
        palette.hinders.gamma_multiply(f),
        Stroke::new(1.2 * k, palette.border.gamma_multiply(f)),
    );
    let half = vec2(radius / 2.0, 0.0);
    painter.line_segment(
        [c - half, c + half],
        // White in both themes: the disc is a strong orange in both.
        Stroke::new(2.0 * k, Color32::WHITE.gamma_multiply(f)),
    );
}

/// Draws a closed outline solid, dashed or dotted, the dashes scaled with the zoom.
pub fn paint_closed(painter: &Painter, mut points: Vec<Pos2>, border: Border, stroke: Stroke, zoom: f32) {
    let Some((dash, gap)) = border.dashes() else {
        painter.add(Shape::closed_line(points, stroke));
        return;
    };
    points.push(points[0]);
    let z = zoom.clamp(0.4, 2.0);
    match border {
        Border::Dotted => {
            let spacing = (dash + gap) as f32 * z;
            painter.extend(Shape::dotted_line(&points, stroke.color, spacing, stroke.width / 1.5));
        }
        _ => painter.extend(Shape::dashed_line(&points, stroke, dash as f32 * z, gap as f32 * z)),
    }
}

/// The points of a self-loop's curve, ending at `stop` instead of its own end.
fn loop_points(curve: geo::CubicBez, stop: geo::Point) -> Vec<Pos2> {
    use kurbo::ParamCurve;
    let curve = geo::CubicBez { p3: stop, ..curve };
    (0..=LOOP_STEPS)
        .map(|i| pos(curve.eval(i as f64 / LOOP_STEPS as f64)))
        .collect()
}

/// An influence of a determinant on itself, along `curve` (screen points).
fn self_link(
    lines: &mut Batch,
    painter: &Painter,
    curve: geo::CubicBez,
    sign: Sign,
    colour: Color32,
    width: f32,
    head: f32,
) {
    let dir = geo::unit(curve.p3 - curve.p2);
    let end = geo::link_end(curve.p3, dir, sign, width.into(), head.into());
    let dash = (sign == Sign::Hinders).then(|| {
        let (d, g) = geo::hinders_dash(width.into());
        (d as f32, g as f32)
    });
    lines.polyline(&loop_points(curve, end.stop), width, colour, dash);
    paint_tip(lines, painter, end.tip, colour);
}

fn paint_tip(lines: &mut Batch, painter: &Painter, tip: Tip, colour: Color32) {
    match tip {
        Tip::Arrow(tri) => {
            painter.add(Shape::convex_polygon(points(tri), colour, Stroke::NONE));
        }
        Tip::Bar { ends: (p, q), width } => lines.line(pos(p), pos(q), width as f32, colour),
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
    if d.length() < 1.0 {
        return;
    }
    let dir = geo::Vec2::new(d.x.into(), d.y.into());
    let end = geo::link_end(
        geo::Point::new(b.x.into(), b.y.into()),
        geo::unit(dir),
        sign,
        width.into(),
        head.into(),
    );
    if let Some((p, q)) = clip_segment(a, pos(end.stop), view) {
        match sign {
            Sign::Enables => lines.line(p, q, width, colour),
            Sign::Hinders => {
                let (dash, gap) = geo::hinders_dash(width.into());
                // The pattern starts at the link's start, as the SVG's does, wherever the view cuts it.
                lines.dashed(p, q, width, colour, dash as f32, gap as f32, (p - a).length());
            }
        }
    }
    if view.contains(b) {
        paint_tip(lines, painter, end.tip, colour);
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

/// Where a link between two boxes (in egui's type) starts and ends: `crate::geometry::link_ends`.
pub fn link_ends(from: Rect, to: Rect, shift: f32) -> Option<(Pos2, Pos2)> {
    geo::link_ends(kurbo_rect(from), kurbo_rect(to), shift.into()).map(|(a, b)| (pos(a), pos(b)))
}

/// Where the ray from `origin` (inside `r`) in direction `dir` leaves `r`.
pub fn border_point(r: Rect, origin: Pos2, dir: Vec2) -> Pos2 {
    let origin = geo::Point::new(origin.x.into(), origin.y.into());
    pos(geo::border_point(
        kurbo_rect(r),
        origin,
        geo::Vec2::new(dir.x.into(), dir.y.into()),
    ))
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
}
