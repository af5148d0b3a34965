//! The legend drawn over the canvas: explains every encoding of `style.rs`.

use super::style::Palette;
use egui::{Rect, Ui};

pub fn ui(_ui: &mut Ui, _viewport: Rect, _palette: &Palette, _stroke_scale: f32) {}
