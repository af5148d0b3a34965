//! The map canvas: draws the document and turns pointer gestures into requests.

pub mod camera;
mod draw;
pub mod geometry;
pub mod style;

use crate::app::state::Document;
use camera::Camera;
use egui::{Sense, Ui};
use geometry::Geometry;
use std::collections::HashSet;

/// Canvas state that lives only while the window is open: where it looks, and cached sizes.
#[derive(Default)]
pub struct Canvas {
    pub camera: Camera,
    pub geometry: Geometry,
    /// Set when a new document arrives, so the first frame fits the map to the window.
    pub fit_pending: bool,
}

impl Canvas {
    pub fn ui(&mut self, ui: &mut Ui, doc: &Document, dark: bool) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let viewport = response.rect;
        self.geometry.update(&painter, &doc.map, doc.revision, 1.0);
        if self.fit_pending {
            self.fit_pending = false;
            if let Some(bounds) = self.geometry.bounds() {
                self.camera = Camera::fit(viewport, bounds);
            }
        }
        if response.dragged() {
            self.camera.offset += response.drag_delta();
        }
        if let Some(hover) = response.hover_pos() {
            let (scroll, zoom) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
            let factor = zoom * (scroll / 300.0).exp();
            if factor != 1.0 {
                self.camera.zoom_around(viewport, hover, factor);
            }
        }
        let empty = HashSet::new();
        draw::Scene {
            painter: &painter,
            viewport,
            camera: self.camera,
            palette: style::Palette::for_theme(dark),
            stroke_scale: 1.0,
            label_scale: 1.0,
            selected: &empty,
            hovered: None,
            moving: None,
        }
        .paint(&doc.map, &self.geometry);
    }
}
