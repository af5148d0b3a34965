//! Where the canvas looks: a pan offset and a zoom factor, and the conversions between map units
//! (what the file stores) and screen points.

use egui::{Pos2, Rect, Vec2};

pub const MIN_ZOOM: f32 = 0.02;
pub const MAX_ZOOM: f32 = 6.0;
/// The zoom at which node labels are 12 points on screen: what reads from the back of a room.
pub const READABLE_ZOOM: f32 = 12.0 / crate::geometry::LABEL_SIZE as f32;

/// `screen = viewport.min + offset + map * zoom`. Kept relative to the canvas rectangle so that
/// resizing a side panel does not move the map under the user's eyes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    pub offset: Vec2,
    pub zoom: f32,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            offset: Vec2::new(40.0, 40.0),
            zoom: 1.0,
        }
    }
}

impl Camera {
    pub fn to_screen(self, viewport: Rect, p: Pos2) -> Pos2 {
        viewport.min + self.offset + p.to_vec2() * self.zoom
    }

    pub fn to_map(self, viewport: Rect, screen: Pos2) -> Pos2 {
        ((screen - viewport.min - self.offset) / self.zoom).to_pos2()
    }

    pub fn rect_to_screen(self, viewport: Rect, r: Rect) -> Rect {
        Rect::from_min_max(self.to_screen(viewport, r.min), self.to_screen(viewport, r.max))
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a screen point) where it is.
    pub fn zoom_around(&mut self, viewport: Rect, anchor: Pos2, factor: f32) {
        let before = self.to_map(viewport, anchor);
        self.zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        self.offset = anchor - viewport.min - before.to_vec2() * self.zoom;
    }

    /// Shows all of `bounds` (map units), centred, with a margin; never zooms in past 1.5.
    pub fn fit(viewport: Rect, bounds: Rect) -> Camera {
        if !bounds.is_finite() || bounds.is_negative() || viewport.width() < 1.0 {
            return Camera::default();
        }
        let margin = 40.0;
        let avail = (viewport.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let size = bounds.size().max(Vec2::splat(1.0));
        let zoom = (avail.x / size.x).min(avail.y / size.y).clamp(MIN_ZOOM, 1.5);
        let offset = viewport.size() / 2.0 - bounds.center().to_vec2() * zoom;
        Camera { offset, zoom }
    }

    /// The view a map opens with: the whole map when its labels read at that size (at least
    /// [`READABLE_ZOOM`]); otherwise the readable zoom, framed on `anchor` (the stages of
    /// response, which the flow layout puts on the right: what the analysis is about) at the
    /// right-hand side and vertically centred, the rest a pan or a Fit away. Never zooms in past
    /// what [`Camera::fit`] would.
    pub fn first_view(viewport: Rect, bounds: Rect, anchor: Option<Rect>) -> Camera {
        let whole = Camera::fit(viewport, bounds);
        if whole.zoom >= READABLE_ZOOM || !bounds.is_finite() || viewport.width() < 1.0 {
            return whole;
        }
        let zoom = READABLE_ZOOM;
        let margin = 40.0;
        let anchor = anchor.filter(|a| a.is_finite()).unwrap_or(bounds);
        let x = viewport.width() - margin - anchor.max.x * zoom;
        // Centred on the anchor; if it is taller than the view, its top at the top.
        let centred = viewport.height() / 2.0 - anchor.center().y * zoom;
        let y = if anchor.height() * zoom > viewport.height() - 2.0 * margin {
            margin - anchor.min.y * zoom
        } else {
            centred
        };
        Camera {
            offset: Vec2::new(x, y),
            zoom,
        }
    }

    /// The part of the map (map units) on screen.
    pub fn visible(self, viewport: Rect) -> Rect {
        Rect::from_min_max(self.to_map(viewport, viewport.min), self.to_map(viewport, viewport.max))
    }

    /// Puts map point `p` at the centre of the viewport, keeping the zoom.
    pub fn centre_on(&mut self, viewport: Rect, p: Pos2) {
        self.offset = viewport.size() / 2.0 - p.to_vec2() * self.zoom;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn map_and_screen_round_trip_and_zoom_keeps_the_anchor() {
        let vp = Rect::from_min_size(pos2(100.0, 50.0), Vec2::new(800.0, 600.0));
        let mut cam = Camera {
            offset: Vec2::new(10.0, 20.0),
            zoom: 2.0,
        };
        let p = pos2(33.0, -7.0);
        let s = cam.to_screen(vp, p);
        assert!((cam.to_map(vp, s) - p).length() < 1e-4);
        let anchor = pos2(400.0, 300.0);
        let under = cam.to_map(vp, anchor);
        cam.zoom_around(vp, anchor, 1.7);
        assert!((cam.to_map(vp, anchor) - under).length() < 1e-3);
    }

    /// A map that fits readably is shown whole; a larger one opens readable, its anchor (the
    /// stages) on screen in full.
    #[test]
    fn the_first_view_is_readable_and_shows_the_stages() {
        let vp = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(800.0, 600.0));
        let small = Rect::from_min_max(pos2(0.0, 0.0), pos2(500.0, 300.0));
        assert_eq!(Camera::first_view(vp, small, None), Camera::fit(vp, small));
        let big = Rect::from_min_max(pos2(0.0, 0.0), pos2(2000.0, 700.0));
        let stages = Rect::from_min_max(pos2(1800.0, 0.0), pos2(2000.0, 600.0));
        let cam = Camera::first_view(vp, big, Some(stages));
        assert_eq!(cam.zoom, READABLE_ZOOM);
        assert!(cam.visible(vp).contains_rect(stages), "{:?}", cam.visible(vp));
        // A column of stages taller than the view: its top is shown.
        let tall = Rect::from_min_max(pos2(1800.0, 0.0), pos2(2000.0, 3000.0));
        let cam = Camera::first_view(vp, big.union(tall), Some(tall));
        assert!(cam.visible(vp).contains(pos2(1900.0, 10.0)));
    }

    #[test]
    fn fit_shows_the_whole_bounds() {
        let vp = Rect::from_min_size(pos2(0.0, 0.0), Vec2::new(800.0, 600.0));
        let bounds = Rect::from_min_max(pos2(-500.0, 0.0), pos2(1500.0, 900.0));
        let cam = Camera::fit(vp, bounds);
        assert!(vp.contains(cam.to_screen(vp, bounds.min)));
        assert!(vp.contains(cam.to_screen(vp, bounds.max)));
    }
}
