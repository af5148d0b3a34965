//! Determinant Mapper: draw and analyse determinant maps.
//!
//! The core (`model`, `format`, `analysis`, `export`, `geometry`, `layout`, `generate`) never depends on egui; the window
//! lives in `app`, behind the default `gui` feature. See ARCHITECTURE.md for the map of the code.

pub mod analysis;
pub mod diff;
pub mod encoding;
pub mod export;
pub mod format;
pub mod generate;
pub mod geometry;
pub mod i18n;
pub mod import;
pub mod layout;
pub mod merge;
pub mod model;
pub mod samples;
pub mod words;

#[cfg(feature = "gui")]
pub mod app;
