//! Label text: the embedded font, its advance widths, and word wrapping.
//!
//! SVG has no automatic line breaking, so labels are wrapped here, measured with the same font the
//! PNG is rendered with (Inter Medium, the window's interface font: assets/fonts, SIL Open Font
//! License). Other viewers of the SVG may substitute a similar sans-serif; wrapping leaves a little
//! slack for that.

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// The font file, embedded so that exports look the same on every machine.
pub(crate) const FONT: &[u8] = include_bytes!("../../../assets/fonts/Inter-Medium.otf");

/// The family name the SVG asks for first; it is the embedded font's.
pub(crate) const FONT_FAMILY: &str = "Inter";

/// Width of each character in ems, for the characters the font has; other characters count as
/// `FALLBACK_EM` (the renderer will draw them from a fallback font, or as a box).
struct Metrics {
    ascii: [f32; 128],
    font: FontRef<'static>,
}

const FALLBACK_EM: f32 = 0.6;

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let font = FontRef::new(FONT).expect("the embedded font parses");
        let mut ascii = [FALLBACK_EM; 128];
        for (c, slot) in ascii.iter_mut().enumerate() {
            *slot = em_width(&font, char::from(c as u8));
        }
        Metrics { ascii, font }
    })
}

fn em_width(font: &FontRef, c: char) -> f32 {
    let glyph = font.charmap().map(c);
    let advance = glyph.and_then(|g| {
        font.glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(g)
    });
    let units = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em as f32;
    advance.map_or(FALLBACK_EM, |a| a / units)
}

/// The width of `text` at `size` (the font size in map units), ignoring kerning.
pub fn width(text: &str, size: f32) -> f32 {
    let m = metrics();
    let ems: f32 = text
        .chars()
        .map(|c| {
            if c.is_ascii() {
                m.ascii[c as usize]
            } else {
                em_width(&m.font, c)
            }
        })
        .sum();
    ems * size
}

/// Breaks `text` into lines no wider than `max` at `size`: between words where possible, inside a
/// word only when the word alone is too wide. Always at least one line (empty for empty text).
pub fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, size) <= max {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        // The word starts a new line; split it if even that is too wide.
        for c in word.chars() {
            if !line.is_empty() && width(&format!("{line}{c}"), size) > max {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Inter's "i" is much narrower than its "W"; an unscaled em is about half to one em wide.
        assert!(width("W", 10.0) > 2.0 * width("i", 10.0));
        assert!((3.0..12.0).contains(&width("W", 10.0)));
        assert_eq!(width("ab", 15.0), width("a", 15.0) + width("b", 15.0));
    }

    #[test]
    fn wrapping_keeps_words_and_every_line_fits() {
        let text = "Unresolved tension between civil society and the State";
        let lines = wrap(text, 15.0, 160.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 15.0) <= 160.0), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let long = wrap("Supercalifragilisticexpialidocious", 15.0, 60.0);
        assert!(
            long.len() > 1 && long.iter().all(|l| width(l, 15.0) <= 60.0),
            "{long:?}"
        );
        assert_eq!(long.concat(), "Supercalifragilisticexpialidocious");
        assert_eq!(wrap("", 15.0, 100.0), vec![String::new()]);
    }
}
