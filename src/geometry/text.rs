//! Label text: the embedded font, its advance widths, and word wrapping. The one text measurer of
//! the program: the canvas, the SVG and the PNG break every label where this module says, so a
//! label has the same lines on screen and on paper.
//!
//! The font is Inter Medium (assets/fonts, SIL Open Font License): the window draws with it (see
//! `app/fonts.rs`), and the PNG is rasterised with it. Other viewers of the SVG may substitute a
//! similar sans-serif; the wrap widths in `geometry` leave a little slack for that.

use kurbo::Point;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};
use std::sync::OnceLock;

/// The font file, embedded so that the window and the exports look the same on every machine.
pub const FONT: &[u8] = include_bytes!("../../assets/fonts/Inter-Medium.otf");

/// The family name of the embedded font, which the SVG asks for first.
pub const FONT_FAMILY: &str = "Inter";

/// Characters below this code point have their width in a table: ASCII and the accented letters
/// of Spanish, Portuguese and French, which the studies are written in.
const TABLED: usize = 0x250;

/// Width of each character in ems, for the characters the font has; other characters count as
/// `FALLBACK_EM` (the renderer will draw them from a fallback font, or as a box).
struct Metrics {
    table: Vec<f64>,
    font: FontRef<'static>,
}

const FALLBACK_EM: f64 = 0.6;

fn metrics() -> &'static Metrics {
    static METRICS: OnceLock<Metrics> = OnceLock::new();
    METRICS.get_or_init(|| {
        let font = FontRef::new(FONT).expect("the embedded font parses");
        let table = (0..TABLED as u32)
            .map(|c| char::from_u32(c).map_or(FALLBACK_EM, |c| em_width(&font, c)))
            .collect();
        Metrics { table, font }
    })
}

fn em_width(font: &FontRef, c: char) -> f64 {
    let glyph = font.charmap().map(c);
    let advance = glyph.and_then(|g| {
        font.glyph_metrics(Size::unscaled(), LocationRef::default())
            .advance_width(g)
    });
    let units = font.metrics(Size::unscaled(), LocationRef::default()).units_per_em as f64;
    advance.map_or(FALLBACK_EM, |a| f64::from(a) / units)
}

/// The width of one character in ems.
fn char_em(m: &Metrics, c: char) -> f64 {
    m.table.get(c as usize).copied().unwrap_or_else(|| em_width(&m.font, c))
}

/// The width of `text` at `size` (the font size, in the units the width is wanted in), ignoring
/// kerning.
pub fn width(text: &str, size: f64) -> f64 {
    let m = metrics();
    text.chars().map(|c| char_em(m, c)).sum::<f64>() * size
}

/// Breaks `text` into lines no wider than `max` at `size`: between words where possible, inside a
/// word only when the word alone is too wide. Always at least one line (empty for empty text).
/// Linear in the length of the text: each character is measured once.
pub fn wrap(text: &str, size: f64, max: f64) -> Vec<String> {
    let m = metrics();
    let space = char_em(m, ' ') * size;
    let mut lines: Vec<String> = Vec::new();
    let (mut line, mut line_width) = (String::new(), 0.0);
    for word in text.split_whitespace() {
        let word_width = width(word, size);
        if line.is_empty() && word_width <= max {
            (line, line_width) = (word.to_owned(), word_width);
            continue;
        }
        if !line.is_empty() && line_width + space + word_width <= max {
            line.push(' ');
            line.push_str(word);
            line_width += space + word_width;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_width = 0.0;
        }
        if word_width <= max {
            (line, line_width) = (word.to_owned(), word_width);
            continue;
        }
        // A word wider than a line on its own is split between characters.
        for c in word.chars() {
            let w = char_em(m, c) * size;
            if !line.is_empty() && line_width + w > max {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            line.push(c);
            line_width += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Where the baselines of `lines` lines of text go when the block of lines, `line_height` apart, is
/// centred vertically on `centre`: each line's capitals are centred in its row (Inter's capitals are
/// 0.73 em high, so the baseline sits 0.36 of the font size below the row's middle).
pub fn baselines(centre: Point, lines: usize, size: f64, line_height: f64) -> impl Iterator<Item = Point> {
    let top = centre.y - lines as f64 * line_height / 2.0;
    (0..lines).map(move |i| Point::new(centre.x, top + line_height * (i as f64 + 0.5) + size * CAP_CENTRE))
}

/// How far below the middle of a row of text its baseline sits, in font sizes.
pub const CAP_CENTRE: f64 = 0.36;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        // Inter's "i" is much narrower than its "W"; an unscaled em is about half to one em wide.
        assert!(width("W", 10.0) > 2.0 * width("i", 10.0));
        assert!((3.0..12.0).contains(&width("W", 10.0)));
        assert!((width("ab", 15.0) - (width("a", 15.0) + width("b", 15.0))).abs() < 1e-9);
        // Accented letters are measured too, not counted as the fallback.
        assert!((width("é", 10.0) - width("e", 10.0)).abs() < 0.5);
    }

    #[test]
    fn wrapping_keeps_words_and_every_line_fits() {
        let text = "Unresolved tension between civil society and the State";
        let lines = wrap(text, 15.0, 160.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 15.0) <= 160.0 + 1e-9), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        let long = wrap("Supercalifragilisticexpialidocious", 15.0, 60.0);
        assert!(
            long.len() > 1 && long.iter().all(|l| width(l, 15.0) <= 60.0 + 1e-9),
            "{long:?}"
        );
        assert_eq!(long.concat(), "Supercalifragilisticexpialidocious");
        assert_eq!(wrap("", 15.0, 100.0), vec![String::new()]);
        assert_eq!(wrap("   ", 15.0, 100.0), vec![String::new()]);
    }

    /// The linear wrap breaks where the obvious one does: add a word, measure the whole line.
    #[test]
    fn wrapping_matches_measuring_each_candidate_line() {
        fn reference(text: &str, size: f64, max: f64) -> Vec<String> {
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
        for text in [
            "Political will of successive governments, after the 2011 law (Ley 20.507)",
            "Organización Internacional para las Migraciones: apoyo técnico",
            "a bb ccc dddd eeeee ffffff ggggggg hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh i",
        ] {
            for max in [40.0, 90.5, 150.4, 210.0] {
                assert_eq!(wrap(text, 15.0, max), reference(text, 15.0, max), "{text} at {max}");
            }
        }
    }

    #[test]
    fn baselines_centre_the_block() {
        let b: Vec<Point> = baselines(Point::new(5.0, 100.0), 2, 10.0, 20.0).collect();
        assert_eq!(b, vec![Point::new(5.0, 93.6), Point::new(5.0, 113.6)]);
    }
}
