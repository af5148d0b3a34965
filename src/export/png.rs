//! The map as a PNG (`detmap export --png`): the SVG of [`super::render_svg`], rasterised by resvg
//! with the embedded font, so the picture is the same on every machine whatever fonts it has. A
//! map too large for its labels to show at the PNG's width is drawn plain (boxes and lines), as
//! the canvas draws it zoomed out.

use super::svg::render_svg_for;
use crate::geometry::text;
use resvg::{tiny_skia, usvg};
use std::io::{self, Write};
use std::sync::Arc;

/// The default width: wide enough to print a map of dozens of determinants on A3 at 250 dpi.
pub const DEFAULT_PNG_WIDTH: u32 = 3200;

/// A picture larger than this many pixels (400 MB of memory while drawing) is refused.
pub const MAX_PNG_PIXELS: u64 = 100_000_000;

/// Writes the map as a PNG `width` pixels wide; the height follows the map's proportions.
pub fn write_png(map: &crate::model::Map, width: u32, mut out: impl Write) -> io::Result<()> {
    let png = render_png(&render_svg_for(map, Some(width))?, width)?;
    out.write_all(&png)
}

/// Rasterises an SVG document to PNG bytes, `width` pixels wide.
pub fn render_png(svg: &str, width: u32) -> io::Result<Vec<u8>> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(text::FONT.to_vec());
    fonts.set_sans_serif_family(text::FONT_FAMILY);
    let options = usvg::Options {
        fontdb: Arc::new(fonts),
        font_family: text::FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| io::Error::other(crate::tr!("export-svg-unreadable", error = e.to_string())))?;
    let size = tree.size();
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).ceil() as u32;
    if width == 0 || u64::from(width) * u64::from(height) > MAX_PNG_PIXELS {
        return Err(io::Error::other(crate::tr!(
            "export-png-too-large",
            width = width.to_string(),
            height = height.to_string(),
            max = MAX_PNG_PIXELS.to_string()
        )));
    }
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or_else(|| io::Error::other(crate::tr!("export-png-no-memory")))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| io::Error::other(crate::tr!("export-png-not-encoded", error = e.to_string())))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The font must be found by the SVG's family name, or every label would silently vanish.
    #[test]
    fn labels_are_drawn_with_the_embedded_font() {
        let mut fonts = usvg::fontdb::Database::new();
        fonts.load_font_data(text::FONT.to_vec());
        assert!(
            fonts
                .faces()
                .any(|f| f.families.iter().any(|(name, _)| name == text::FONT_FAMILY))
        );
        let options = usvg::Options {
            fontdb: Arc::new(fonts),
            ..usvg::Options::default()
        };
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" font-family=\"{}\" font-weight=\"500\"><text x=\"5\" y=\"30\" font-size=\"20\">Stage</text></svg>",
            text::FONT_FAMILY
        );
        let tree = usvg::Tree::from_str(&svg, &options).unwrap();
        let usvg::Node::Text(t) = &tree.root().children()[0] else {
            panic!("a text node")
        };
        assert!(!t.flattened().children().is_empty(), "the text has glyph outlines");
        assert!(t.bounding_box().width() > 30.0);
    }
}
