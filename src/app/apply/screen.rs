//! The window and the screen it opens on. A first start on a narrow screen leaves the outline
//! folded, so the map gets the width. eframe shrinks a first window's inside to the monitor,
//! but not its frame: on a 1280×720 projector the title bar and border push the status bar off the
//! screen. Such a window is maximised instead (eframe then remembers that, as it remembers a
//! window the user maximised).

use super::window::DetmapApp;
use crate::app::commands::{PanelKind, Request};

/// Screens narrower than this (in points) open a first window without the outline.
const NARROW_SCREEN: f32 = 1440.0;

impl DetmapApp {
    /// Once the monitor's size is known (the first frames): maximises a window that does not fit
    /// on it with its frame.
    pub(super) fn fit_to_screen(&mut self, ctx: &egui::Context) {
        if self.fitted_to_screen {
            return;
        }
        let (monitor, inner, outer, maximized) = ctx.input(|i| {
            let v = i.viewport();
            (v.monitor_size, v.inner_rect, v.outer_rect, v.maximized)
        });
        let (Some(monitor), Some(inner)) = (monitor, inner) else {
            return;
        };
        self.fitted_to_screen = true;
        if monitor.min_elem() < 1.0 {
            return;
        }
        // On a first start on a projector-sized screen, the canvas gets the outline's width: with
        // both side panels a 1280-point screen leaves the map half of it. Find (Ctrl+F) or the
        // toolbar's ▶ Outline brings the outline back, and the choice is remembered.
        if self.first_start && monitor.x < NARROW_SCREEN && self.model.state().prefs.show_outline {
            self.requests.send(Request::TogglePanel(PanelKind::Outline));
        }
        if maximized == Some(true) {
            return;
        }
        // The frame is what the outer rectangle adds; a window manager that reports none still
        // draws a title bar of about this much.
        let frame = outer.map_or(egui::vec2(0.0, 30.0), |o| {
            (o.size() - inner.size()).max(egui::vec2(0.0, 30.0))
        });
        let needs = inner.size() + frame;
        if needs.x > monitor.x || needs.y > monitor.y {
            ctx.send_viewport_cmd(egui::ViewportCommand::Maximized(true));
        }
    }
}
