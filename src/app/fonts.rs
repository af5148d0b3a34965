//! The interface font. Inter Medium (SIL Open Font License, assets/fonts/LICENSE-Inter.txt) is
//! sturdier than egui's default light face, which matters when the map is projected on a wall.
//! egui's own fonts stay behind it for symbols and emoji.

const INTER: &[u8] = include_bytes!("../../assets/fonts/Inter-Medium.otf");

pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts
        .font_data
        .insert("inter".into(), std::sync::Arc::new(egui::FontData::from_static(INTER)));
    if let Some(list) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        list.insert(0, "inter".into());
    }
    ctx.set_fonts(fonts);
}
