//! The interface font. Inter Medium (SIL Open Font License, assets/fonts/LICENSE-Inter.txt) is
//! sturdier than egui's default light face, which matters when the map is projected on a wall. It
//! is the font `crate::geometry::text` measures labels with (and the PNG is drawn with), so the
//! canvas draws each label in the lines that were measured for it; egui's own fonts stay behind it
//! for symbols and emoji.

use crate::geometry::text::{FONT, FONT_FAMILY};

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        FONT_FAMILY.into(),
        std::sync::Arc::new(egui::FontData::from_static(FONT)),
    );
    if let Some(list) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        list.insert(0, FONT_FAMILY.into());
    }
    ctx.set_fonts(fonts);
}
