//! The desktop window: an editor for determinant maps, built on eframe/egui.
//!
//! Layout of this module (see ARCHITECTURE.md for the invariants):
//! - `app.rs`: the frame loop and the one place where state changes (`apply`);
//! - `state.rs`: the document and the view state that panels read;
//! - `ui/`: panels that read state and send requests, never mutate.

mod app;
mod state;
mod ui;

pub use app::DetmapApp;

use std::path::PathBuf;

/// Opens the window on `file`, or on the default sample when there is none, and runs until it closes.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Determinant Mapper")
            .with_app_id("detmap")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 420.0]),
        ..Default::default()
    };
    eframe::run_native("Determinant Mapper", options, Box::new(move |cc| Ok(Box::new(DetmapApp::new(cc, file)))))
}
