//! The visual encoding of a map, in one place so the canvas and the legend cannot disagree.
//!
//! Every coded axis has its own channel, and each is readable without colour:
//! - category: fill tint and a solid band on the left (several bands for a compound category);
//! - nature: the outline's shape (structural: rectangle; pressure point: pill; not coded: cut corners);
//! - directness: the border (direct: thick solid; indirect: dashed; not coded: thin dotted);
//! - locus: a badge on the top-left corner (INT / EXT; none when not coded);
//! - effect: a "−" badge on the top-right corner of a hindering determinant;
//! - analysis focus: a bluish-green ring on what is brought forward, everything else faded to a
//!   fifth (so it reads in greyscale too); a knocked-out determinant is crossed out;
//! - sign of an influence: enables = solid line with an arrowhead, hinders = dashed line ending in
//!   a bar (⊣), and blue against vermilion (Okabe–Ito colours, safe for colour-blind viewers).

pub use crate::encoding::{Border, Outline, border_for, influence_opacity, influence_width, outline_for};
use crate::encoding::{LIGHT_TINT, light};
use crate::model::{Colour, Sign};
use egui::Color32;

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    pub dark: bool,
    pub background: Color32,
    pub text: Color32,
    pub border: Color32,
    pub enables: Color32,
    pub hinders: Color32,
    pub stage_fill: Color32,
    pub stage_text: Color32,
    pub selection: Color32,
    pub hover: Color32,
    pub uncategorised: Color32,
    /// The ring around what the analysis brings forward (a stage's feeders, a path, a loop).
    pub highlight: Color32,
    /// What a knock-out takes away: the knocked-out determinant's cross, a stage losing support.
    pub warning: Color32,
}

impl Palette {
    pub fn for_theme(dark: bool) -> Palette {
        if dark {
            Palette {
                dark,
                background: Color32::from_rgb(0x1e, 0x21, 0x26),
                text: Color32::from_rgb(0xee, 0xee, 0xee),
                border: Color32::from_rgb(0xd0, 0xd4, 0xda),
                enables: Color32::from_rgb(0x56, 0xb4, 0xe9),
                hinders: Color32::from_rgb(0xf0, 0x7c, 0x3a),
                stage_fill: Color32::from_rgb(0xcf, 0xd8, 0xdc),
                stage_text: Color32::from_rgb(0x16, 0x1a, 0x1d),
                selection: Color32::from_rgb(0xff, 0xd5, 0x4f),
                hover: Color32::from_rgb(0x9e, 0xa7, 0xb3),
                uncategorised: Color32::from_rgb(0x88, 0x88, 0x88),
                highlight: Color32::from_rgb(0x2e, 0xd1, 0x9a),
                warning: Color32::from_rgb(0xff, 0x6b, 0x6b),
            }
        } else {
            // The colours every export uses too (crate::encoding::light), so a printout reads like the screen.
            Palette {
                dark,
                background: colour(light::BACKGROUND),
                text: colour(light::TEXT),
                border: colour(light::BORDER),
                enables: colour(light::ENABLES),
                hinders: colour(light::HINDERS),
                stage_fill: colour(light::STAGE_FILL),
                stage_text: colour(light::STAGE_TEXT),
                selection: Color32::from_rgb(0xe6, 0x9f, 0x00),
                hover: Color32::from_rgb(0x70, 0x78, 0x80),
                uncategorised: colour(light::UNCATEGORISED),
                highlight: Color32::from_rgb(0x00, 0x9e, 0x73),
                warning: Color32::from_rgb(0xc0, 0x1c, 0x28),
            }
        }
    }

    pub fn sign(&self, sign: Sign) -> Color32 {
        match sign {
            Sign::Enables => self.enables,
            Sign::Hinders => self.hinders,
        }
    }

    /// The fill of a determinant: its category colour, lightened (or darkened in the dark theme) so
    /// the label stays readable in the theme's text colour.
    pub fn tint(&self, c: Color32) -> Color32 {
        let towards = if self.dark {
            Color32::from_rgb(0x26, 0x2a, 0x30)
        } else {
            Color32::WHITE
        };
        lerp(c, towards, if self.dark { 0.55 } else { LIGHT_TINT })
    }
}

pub fn colour(c: Colour) -> Color32 {
    let [r, g, b] = c.0;
    Color32::from_rgb(r, g, b)
}

pub fn lerp(a: Color32, b: Color32, t: f32) -> Color32 {
    let m = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgb(m(a.r(), b.r()), m(a.g(), b.g()), m(a.b(), b.b()))
}
