//! How the coded axes are shown, shared by the canvas and the SVG/PNG export so a printout reads
//! like the screen. Only the decisions live here (which shape, how wide, how faint); each renderer
//! turns them into its own drawing calls and colours.

use crate::model::{Level, Nature};

/// The outline shape that encodes nature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outline {
    Rectangle,
    Pill,
    CutCorners,
}

pub fn outline_for(nature: Option<Nature>) -> Outline {
    match nature {
        Some(Nature::Structural) => Outline::Rectangle,
        Some(Nature::PressurePoint) => Outline::Pill,
        None => Outline::CutCorners,
    }
}

/// Line width of an influence by strength (unknown strength sits between low and medium).
pub fn influence_width(strength: Option<Level>) -> f32 {
    match strength {
        Some(Level::Low) => 1.4,
        None => 2.0,
        Some(Level::Medium) => 2.8,
        Some(Level::High) => 4.0,
    }
}

/// Opacity of an influence by confidence: a doubtful link is drawn fainter.
pub fn influence_opacity(confidence: Option<Level>) -> f32 {
    match confidence {
        Some(Level::Low) => 0.45,
        Some(Level::Medium) => 0.75,
        None | Some(Level::High) => 1.0,
    }
}
