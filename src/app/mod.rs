//! The desktop window: an editor for determinant maps, built on eframe/egui.
//!
//! Modules below depend only on modules above them (and on the core):
//! - `edit.rs`: the edits to a map (plain Rust, tested without a window); `undo.rs`: history;
//!   `persistence.rs`: remembered preferences; `document.rs`: the map being edited, its file and
//!   its revisions;
//! - `analysis_view.rs`: what the analysis panel shows (focus, filters, knock-out): view state,
//!   never saved; `derived/`: the analysis results, recomputed only when the document revision or
//!   that view state changes;
//! - `recovery/`: the recovery copy on disk, the panic hook's emergency copy, and finding and
//!   locking the copies a crashed window left;
//! - `steps.rs`: the presentation's steps as the window makes them (from the view, their titles,
//!   the lists each change leaves);
//! - `commands.rs`: what a user can ask for ([`commands::Command`]) and what panels send
//!   ([`commands::Request`]); `dialogs.rs`: file dialogs behind a trait;
//! - `state.rs`: what panels read ([`state::AppState`]);
//! - `ui/`: the panels, which read state and send requests, never mutate;
//! - `apply/`: the apply point, the one place where state changes: the headless application model
//!   ([`AppModel`]: `apply(request)` returns what it needs of the platform) and the eframe app
//!   around it ([`DetmapApp`]: `logic` runs even while the window is hidden, `ui` only draws).

pub mod analysis_view;
mod apply;
pub mod commands;
pub mod derived;
pub mod dialogs;
pub mod document;
pub mod edit;
mod fonts;
pub mod persistence;
pub mod recovery;
pub mod room;
pub mod state;
pub mod steps;
mod ui;
pub mod undo;

pub use apply::{AppModel, CanvasEffect, DetmapApp, FORCE_LAYOUT_MAX_NODES, PlatformAction, run};
