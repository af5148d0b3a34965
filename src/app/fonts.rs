//! The interface font and its sizes. Inter Medium (SIL Open Font License, assets/fonts/LICENSE-Inter.txt) is
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

/// Text sizes for a room: nothing a person must read is under 12 points (egui's small text is 9,
/// unreadable on a projected wall), and body text a little larger than egui's 12.5. Set for both
/// themes, in the window and in the UI tests alike, so the tests lay out what the room sees.
pub fn set_sizes(ctx: &egui::Context) {
    use egui::{FontFamily, FontId, TextStyle};
    ctx.all_styles_mut(|style| {
        for (text_style, size) in [
            (TextStyle::Small, 12.0),
            (TextStyle::Body, 14.0),
            (TextStyle::Button, 14.0),
            (TextStyle::Monospace, 13.0),
            (TextStyle::Heading, 19.0),
        ] {
            let family = if text_style == TextStyle::Monospace {
                FontFamily::Monospace
            } else {
                FontFamily::Proportional
            };
            style.text_styles.insert(text_style, FontId::new(size, family));
        }
    });
}
