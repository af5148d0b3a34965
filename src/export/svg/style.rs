//! The visual encoding of the exported map. It is the window's (src/app/ui/canvas/style.rs), so a
//! printed map reads like the screen, and each coded axis stays readable without colour:
//! - category: the fill tint, and one colour chip per category along the bottom edge;
//! - nature: the shape (structural: rectangle; pressure point: pill; not coded: cut corners);
//! - directness: the border (direct: thick solid; indirect: dashed; not coded: thin dotted);
//! - locus: a badge on the top-left corner (INT dark, EXT light; none when not coded);
//! - effect: a "−" badge on the top-right corner of a determinant that hinders overall;
//! - influence sign: enables is a solid line with a triangular arrowhead, hinders a dashed line
//!   ending in a bar (⊣), blue against vermilion (Okabe–Ito colours, safe for colour-blind viewers);
//!   strength sets the width and confidence the opacity;
//! - stages: dark chevrons with white text and their number, pointing where the influences arrive.
//!
//! The window's style module is egui-typed, so it cannot be shared with the core; the values here
//! are plain data and are kept equal to it by hand.

pub use crate::encoding::{Outline, influence_opacity, influence_width, outline_for};
use crate::model::{Colour, Directness, Sign};

pub const BACKGROUND: Colour = Colour([0xff, 0xff, 0xff]);
pub const TEXT: Colour = Colour([0x1a, 0x1a, 0x1a]);
pub const MUTED: Colour = Colour([0x5f, 0x66, 0x6d]);
pub const BORDER: Colour = Colour([0x30, 0x30, 0x30]);
pub const ENABLES: Colour = Colour([0x00, 0x72, 0xb2]);
pub const HINDERS: Colour = Colour([0xd5, 0x5e, 0x00]);
pub const STAGE_FILL: Colour = Colour([0x37, 0x47, 0x4f]);
pub const STAGE_TEXT: Colour = Colour([0xff, 0xff, 0xff]);
pub const UNCATEGORISED: Colour = Colour([0x99, 0x99, 0x99]);

/// Width of a determinant box in map units, as in the window; labels wrap inside it.
pub const DET_WIDTH: f32 = 180.0;
pub const STAGE_WIDTH: f32 = 230.0;
pub const PAD: f32 = 10.0;
/// Room on the left of a stage for its number.
pub const STAGE_NUMBER_ROOM: f32 = 30.0;
/// Room under a determinant's label for its category chips.
pub const CHIP_ROOM: f32 = 8.0;
pub const LABEL_SIZE: f32 = 15.0;
pub const LINE_HEIGHT: f32 = 18.0;
/// Arrowhead and bar size of an influence.
pub const HEAD: f32 = 11.0;

pub fn sign_colour(sign: Sign) -> Colour {
    match sign {
        Sign::Enables => ENABLES,
        Sign::Hinders => HINDERS,
    }
}

/// A determinant's fill: its category colour, lightened so dark text stays readable on it.
pub fn tint(c: Colour) -> Colour {
    lerp(c, Colour([0xff, 0xff, 0xff]), 0.62)
}

fn lerp(a: Colour, b: Colour, t: f32) -> Colour {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Colour([m(a.0[0], b.0[0]), m(a.0[1], b.0[1]), m(a.0[2], b.0[2])])
}

/// How a border is drawn: encodes directness.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Border {
    Solid,
    Dashed,
    Dotted,
}

impl Border {
    pub fn width(self) -> f32 {
        match self {
            Border::Solid => 2.6,
            Border::Dashed => 2.2,
            Border::Dotted => 1.4,
        }
    }
    /// The SVG `stroke-dasharray`, if any.
    pub fn dasharray(self) -> Option<&'static str> {
        match self {
            Border::Solid => None,
            Border::Dashed => Some("9 5"),
            Border::Dotted => Some("1.4 3.6"),
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
