//! The eframe app: `logic` (in `logic.rs`) changes the state, `ui` only draws it and queues what the
//! panels ask for, which `logic` applies at the start of the next frame.

use super::window::DetmapApp;
use crate::app::ui;

impl eframe::App for DetmapApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.run_logic(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        // The window's own file chooser, when open, is modal: drawn first, it takes this frame's
        // keys, text and scrolling, and the panels behind it get none (its overlay takes the clicks).
        if self.dialogs.show(ui.ctx()) {
            ui.ctx().input_mut(|i| {
                i.events.clear();
                i.smooth_scroll_delta = egui::Vec2::ZERO;
            });
        }
        let state = self.model.state();
        ui::layout(ui, state, &mut self.panels, &mut self.requests);
        ui::recovery::offer(ui.ctx(), state, &mut self.requests);
        if !self.requests.is_empty() {
            // Applied by the next frame's `logic`, which comes at once.
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.model.state().prefs.save(storage);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.model.end_recovery();
    }
}
