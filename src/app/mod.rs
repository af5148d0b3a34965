//! The desktop window: an editor for determinant maps, built on eframe/egui.
//!
//! - `app.rs`: the frame loop and the one place where state changes (`apply`);
//! - `state.rs`: what panels read; `commands.rs`: what they can ask for;
//! - `edit.rs`: the edits to a map (plain Rust, tested without a window);
//! - `document.rs`: the map being edited, its file and its revisions;
//! - `undo.rs`, `persistence.rs`, `dialogs.rs`: history, remembered preferences, file dialogs;
//! - `ui/`: the panels, which read state and send requests, never mutate;
//! - `analysis_view.rs`: what the analysis panel shows (focus, filters, knock-out): view state,
//!   never saved; `derived/`: the analysis results, recomputed only when the document revision or
//!   that view state changes; `analysis_commands.rs`: layouts and analysis exports (part of the
//!   apply point, like `files.rs`);
//! - `recovery.rs`, `recovery/`: autosave, the panic hook's emergency copy, and the offer to restore
//!   a copy a crashed window left (its `impl DetmapApp` is part of the apply point too).

mod analysis_commands;
pub mod analysis_view;
#[allow(clippy::module_inception)] // the brief names it app/app.rs: the frame loop
mod app;
pub mod commands;
pub mod derived;
pub mod dialogs;
pub mod document;
pub mod edit;
mod files;
mod fonts;
pub mod persistence;
pub mod recovery;
pub mod state;
mod ui;
pub mod undo;

pub use app::DetmapApp;

use std::path::PathBuf;

const ICON: &[u8] = include_bytes!("../../assets/icon.png");

/// Opens the window on `file`, or on the start screen when there is none, and runs until it closes.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Determinant Mapper")
        .with_app_id("detmap")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Determinant Mapper",
        options,
        Box::new(move |cc| Ok(Box::new(DetmapApp::new(cc, file)))),
    )
}
