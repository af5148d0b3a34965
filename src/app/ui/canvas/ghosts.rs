//! What a comparison found removed (View › Compare with…), drawn where the other map had it: a
//! dashed box in the warning colour with its label faded and a "removed" tag, and the removed
//! influences as faint links to their ends. Drawn over the map, so a ghost that stood where a node
//! now stands is still seen; its box is filled with the background, faded, to keep both legible.

use super::batch::Batch;
use super::draw::{self, Scene, paint_closed};
use super::geometry::{NodeGeom, rect};
use crate::app::room::{GhostEnd, Ghosts};
use crate::encoding::Border;
use egui::{Align2, FontId, Rect, Stroke, pos2};

/// How strongly a ghost's label and links are drawn: present, clearly not part of the map.
const GHOST: f32 = 0.55;

impl Scene<'_> {
    pub(super) fn paint_ghosts(&self, ghosts: &Ghosts, geometry: &super::geometry::Geometry) {
        let boxes: Vec<Rect> = ghosts
            .nodes
            .iter()
            .map(|n| self.camera.rect_to_screen(self.viewport, rect(n.rect)))
            .collect();
        let end = |e: &GhostEnd| match e {
            GhostEnd::Here(id) => geometry.get(id).map(|g| self.screen_rect(g)),
            GhostEnd::Removed(k) => boxes.get(*k).copied(),
        };
        let width = self.line_width(2.0);
        let head = self.head_size();
        let view = self.viewport.expand(head * 2.0);
        // All in one mesh, and only what crosses the view: a comparison with an old or unrelated
        // map can leave thousands.
        let mut lines = Batch::new(self.painter.ctx().pixels_per_point());
        for link in &ghosts.links {
            let (Some(a), Some(b)) = (end(&link.from), end(&link.to)) else {
                continue;
            };
            if !view.intersects(a.union(b)) {
                continue;
            }
            if let Some((p, q)) = draw::link_ends(a, b, 0.0) {
                let colour = self.palette.sign(link.sign).gamma_multiply(GHOST);
                draw::link(&mut lines, self.painter, p, q, link.sign, colour, width, head, view);
            }
        }
        lines.paint(self.painter);
        for (node, r) in ghosts.nodes.iter().zip(&boxes) {
            if !self.visible(*r) {
                continue;
            }
            self.painter
                .rect_filled(*r, 4.0, self.palette.background.gamma_multiply(0.85));
            let corners = vec![r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom()];
            let stroke = Stroke::new(self.line_width(2.5), self.palette.warning);
            paint_closed(self.painter, corners, Border::Dashed, stroke, self.camera.zoom);
            let g = NodeGeom {
                id: node.id.clone(),
                kind: node.kind,
                rect: rect(node.rect),
                lines: node.lines.clone(),
                colours: Vec::new(),
            };
            self.paint_label(*r, &g, self.palette.text.gamma_multiply(GHOST));
            if self.labels_drawn() {
                let zoom = self.camera.zoom.clamp(0.5, 2.0);
                self.painter.text(
                    pos2(r.center().x, r.top() - 4.0 * zoom),
                    Align2::CENTER_BOTTOM,
                    crate::tr!("canvas-removed"),
                    FontId::proportional(13.0 * zoom),
                    self.palette.warning,
                );
            }
        }
    }
}
