//! The overview: the whole map in miniature beside the legend, with the part on screen outlined.
//! A click or a drag in it moves the view there. It keeps a map larger than the screen reachable
//! at a glance while the canvas shows it at a size the room can read.

use super::Canvas;
use super::batch::Batch;
use super::style::Palette;
use egui::{Pos2, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, vec2};

/// The overview's size on screen, in points.
pub const SIZE: Vec2 = vec2(180.0, 100.0);

/// Map units to overview points: the whole map (with a margin) fitted into `area`.
#[derive(Clone, Copy)]
struct Miniature {
    origin: Pos2,
    scale: f32,
}

impl Miniature {
    fn new(area: Rect, bounds: Rect) -> Self {
        let bounds = bounds.expand(30.0);
        let scale = (area.width() / bounds.width()).min(area.height() / bounds.height());
        Miniature {
            origin: area.center() - bounds.center().to_vec2() * scale,
            scale,
        }
    }

    fn to_overview(self, p: Pos2) -> Pos2 {
        self.origin + p.to_vec2() * self.scale
    }

    fn to_map(self, p: Pos2) -> Pos2 {
        ((p - self.origin) / self.scale).to_pos2()
    }
}

impl Canvas {
    /// Draws the overview, and moves the view to where it is clicked or dragged. Linear in the
    /// map, in one mesh, like the canvas drawn far out.
    pub(super) fn overview(&mut self, ui: &mut Ui, palette: &Palette) {
        let (response, painter) = ui.allocate_painter(SIZE, Sense::click_and_drag());
        let area = response.rect;
        painter.rect_filled(area, 3.0, palette.background);
        let Some(bounds) = self.geometry.bounds() else { return };
        let mini = Miniature::new(area, bounds);
        let mut boxes = Batch::new(ui.ctx().pixels_per_point());
        for n in &self.geometry.nodes {
            let colour = n.colours.first().copied().unwrap_or(palette.stage_fill);
            let r = Rect::from_min_max(mini.to_overview(n.rect.min), mini.to_overview(n.rect.max));
            // A node never vanishes: at least a point and a half on each side.
            boxes.rect(
                Rect::from_center_size(r.center(), r.size().max(Vec2::splat(1.5))),
                colour,
            );
        }
        boxes.paint(&painter);
        let seen = self.camera.visible(self.viewport);
        let seen = Rect::from_min_max(mini.to_overview(seen.min), mini.to_overview(seen.max));
        painter.rect_stroke(
            seen.intersect(area),
            0.0,
            Stroke::new(2.0, palette.selection),
            StrokeKind::Inside,
        );
        let response = response.on_hover_text(crate::tr!("overview-hint"));
        if (response.clicked() || response.dragged())
            && let Some(p) = response.interact_pointer_pos()
        {
            self.camera.centre_on(self.viewport, mini.to_map(p));
            self.framing = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    /// The miniature holds the whole map, and a point maps back to where it came from.
    #[test]
    fn the_miniature_holds_the_map_and_maps_back() {
        let area = Rect::from_min_size(pos2(10.0, 20.0), SIZE);
        let bounds = Rect::from_min_max(pos2(-300.0, 50.0), pos2(1700.0, 900.0));
        let mini = Miniature::new(area, bounds);
        assert!(area.expand(0.01).contains(mini.to_overview(bounds.min)));
        assert!(area.expand(0.01).contains(mini.to_overview(bounds.max)));
        let p = pos2(123.0, 456.0);
        assert!((mini.to_map(mini.to_overview(p)) - p).length() < 1e-3);
    }
}
