//! How the coded axes are shown, shared by the canvas and the SVG/PNG export so a printout reads
//! like the screen. Only the decisions live here (which shape, how wide, how faint); each renderer
//! turns them into its own drawing calls and colours.

use crate::model::{Colour, Directness, Level, Nature};

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

/// How a border is drawn: encodes directness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Border {
    Solid,
    Dashed,
    Dotted,
}

impl Border {
    /// The line width, in map units: an uncoded border is the thinnest, so it reads as "not said".
    pub fn width(self) -> f32 {
        match self {
            Border::Solid => 2.6,
            Border::Dashed => 2.2,
            Border::Dotted => 1.4,
        }
    }

    /// The dash and gap lengths, in map units (a dot is a dash as long as the line is wide).
    pub fn dashes(self) -> Option<(f64, f64)> {
        match self {
            Border::Solid => None,
            Border::Dashed => Some((9.0, 5.0)),
            Border::Dotted => Some((1.4, 3.6)),
        }
    }
}

pub fn border_for(directness: Option<Directness>) -> Border {
    match directness {
        Some(Directness::Direct) => Border::Solid,
        Some(Directness::Indirect) => Border::Dashed,
        None => Border::Dotted,
    }
}

/// The light theme's colours: the window's light theme and every export (print is light).
pub mod light {
    use crate::model::Colour;

    pub const BACKGROUND: Colour = Colour([0xfa, 0xfa, 0xf7]);
    pub const TEXT: Colour = Colour([0x1a, 0x1a, 0x1a]);
    pub const BORDER: Colour = Colour([0x30, 0x30, 0x30]);
    /// Okabe–Ito blue and vermilion: told apart by colour-blind viewers too.
    pub const ENABLES: Colour = Colour([0x00, 0x72, 0xb2]);
    pub const HINDERS: Colour = Colour([0xd5, 0x5e, 0x00]);
    pub const STAGE_FILL: Colour = Colour([0x37, 0x47, 0x4f]);
    pub const STAGE_TEXT: Colour = Colour([0xff, 0xff, 0xff]);
    pub const UNCATEGORISED: Colour = Colour([0x99, 0x99, 0x99]);
}

/// How far a category colour is taken towards white for a determinant's fill in the light theme, so
/// dark text stays readable on it.
pub const LIGHT_TINT: f32 = 0.62;

/// `a` moved a fraction `t` of the way to `b`, channel by channel.
pub fn lerp(a: Colour, b: Colour, t: f32) -> Colour {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Colour([m(a.0[0], b.0[0]), m(a.0[1], b.0[1]), m(a.0[2], b.0[2])])
}
