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
//! The decisions and the colours come from `crate::encoding` and the shapes and sizes from
//! `crate::geometry`, which the window's canvas uses too; this module adds what only the printed
//! page needs (its white background, the muted colour of notes).

pub use crate::encoding::light::{BORDER, ENABLES, HINDERS, STAGE_FILL, STAGE_TEXT, TEXT, UNCATEGORISED};
pub use crate::encoding::{Border, Outline, border_for, influence_opacity, influence_width, outline_for};
use crate::model::{Colour, Sign};

/// A printed page is white (the window's light background is a warm off-white, easier on a projector).
pub const BACKGROUND: Colour = Colour([0xff, 0xff, 0xff]);
/// The ring around what a presentation step brings forward: the window's light highlight.
pub const HIGHLIGHT: Colour = Colour([0x00, 0x9e, 0x73]);

/// Secondary text (the subtitle, the legend's notes).
pub const MUTED: Colour = Colour([0x5f, 0x66, 0x6d]);

pub use crate::geometry::{HEAD, LABEL_SIZE, LINE_HEIGHT};

pub fn sign_colour(sign: Sign) -> Colour {
    match sign {
        Sign::Enables => ENABLES,
        Sign::Hinders => HINDERS,
    }
}

/// A determinant's fill: its category colour, lightened so dark text stays readable on it.
pub fn tint(c: Colour) -> Colour {
    crate::encoding::lerp(c, Colour([0xff, 0xff, 0xff]), crate::encoding::LIGHT_TINT)
}
