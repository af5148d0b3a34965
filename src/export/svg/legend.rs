//! The legend under the map: every encoding of `style.rs`, drawn with the map's own functions, and
//! the map's categories with their colours. Its words are the window legend's messages, in the
//! language of the moment (the window's, or the command line's from LANG), so the picture handed
//! to a room reads in the room's language; its columns fit the longest Spanish label.

use super::draw::{self, Font, Paint, Svg};
use super::style::{self, Border, Outline};
use crate::geometry::{self as geo, Point, Rect, Vec2};
use crate::model::{Map, Sign};
use crate::tr;

const PAD: f64 = 18.0;
const HEADING: f64 = 14.0;
const ITEM: f64 = 13.0;
const ROW: f64 = 30.0;
const COLUMN: f64 = 250.0;
const SWATCH: Vec2 = Vec2::new(58.0, 24.0);
/// The legend is never narrower than its four columns.
pub const MIN_WIDTH: f64 = 4.0 * COLUMN + 2.0 * PAD;

/// A category's place in the legend's flowing grid, relative to the grid's top left.
struct Chip<'a> {
    at: Vec2,
    name: &'a str,
    colour: crate::model::Colour,
}

/// Where each category goes when the legend is `width` wide, and the grid's height.
fn chips(map: &Map, width: f64) -> (Vec<Chip<'_>>, f64) {
    let mut out = Vec::new();
    let (mut x, mut y) = (0.0, 0.0);
    for c in &map.categories {
        let w = 22.0 + 8.0 + geo::text::width(&c.name, ITEM) + 26.0;
        if x > 0.0 && x + w > width - 2.0 * PAD {
            x = 0.0;
            y += 24.0;
        }
        out.push(Chip {
            at: Vec2::new(x, y),
            name: &c.name,
            colour: c.colour,
        });
        x += w;
    }
    let height = if out.is_empty() { 0.0 } else { y + 24.0 };
    (out, height)
}

/// Rows in the tallest column, under its heading.
const ROWS: f64 = 4.0;

fn categories_top() -> f64 {
    PAD + 22.0 + HEADING + 10.0 + ROWS * ROW + 12.0
}

/// The legend's height when it is `width` wide.
pub fn height(map: &Map, width: f64) -> f64 {
    let (_, grid) = chips(map, width);
    let categories = if grid > 0.0 { HEADING + 12.0 + grid } else { 0.0 };
    categories_top() + categories + PAD
}

/// Draws the legend with its top left at `origin`.
pub fn draw(svg: &mut Svg, origin: Point, width: f64, map: &Map) {
    let box_ = Rect::from_origin_size(origin, (width, height(map, width)));
    svg.open_group(" data-kind=\"legend\"", None);
    svg.rect(box_, 6.0, Paint::fill_and_stroke(style::BACKGROUND, style::MUTED, 1.0));
    svg.text(
        origin + Vec2::new(PAD, PAD + 14.0),
        &tr!("svg-legend-title"),
        Font::new(17.0, style::TEXT),
    );

    let top = origin.y + PAD + 22.0;
    let column = |i: usize| origin.x + PAD + i as f64 * COLUMN;
    let heading = |svg: &mut Svg, x: f64, label: &str| {
        svg.text(Point::new(x, top + HEADING), label, Font::new(HEADING, style::TEXT))
    };
    // The swatch of row `k` in a column starting at `x`, and its label beside it.
    let row = |svg: &mut Svg, x: f64, k: usize, label: &str| -> Rect {
        let r = Rect::from_origin_size((x, top + HEADING + 10.0 + k as f64 * ROW), SWATCH.to_size());
        svg.text(
            Point::new(x + SWATCH.x + 10.0, r.center().y + 4.5),
            label,
            Font::new(ITEM, style::TEXT),
        );
        r
    };

    heading(svg, column(0), &tr!("legend-influence"));
    for (k, (sign, label)) in [
        (Sign::Enables, tr!("legend-enables")),
        (Sign::Hinders, tr!("legend-hinders")),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row(svg, column(0), k, &label);
        draw::straight_link(
            svg,
            Point::new(r.x0 + 2.0, r.center().y),
            Point::new(r.x1 - 2.0, r.center().y),
            sign,
            2.4,
            1.0,
        );
    }
    let r = row(svg, column(0), 2, &tr!("legend-stage"));
    draw::stage_shape(svg, r, None, &[]);
    let note = tr!("svg-legend-strength");
    svg.text(Point::new(column(0), r.y1 + 20.0), &note, Font::new(11.5, style::MUTED));

    let uncategorised = style::tint(style::UNCATEGORISED);
    heading(svg, column(1), &tr!("svg-legend-nature"));
    for (k, (outline, label)) in [
        (Outline::Rectangle, tr!("legend-structural")),
        (Outline::Pill, tr!("legend-pressure-point")),
        (Outline::CutCorners, tr!("legend-not-coded")),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row(svg, column(1), k, &label);
        draw::node_shape(svg, r, outline, Border::Solid, uncategorised);
    }
    heading(svg, column(2), &tr!("svg-legend-directness"));
    for (k, (border, label)) in [
        (Border::Solid, tr!("legend-direct")),
        (Border::Dashed, tr!("legend-indirect")),
        (Border::Dotted, tr!("legend-not-coded")),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row(svg, column(2), k, &label);
        draw::node_shape(svg, r, Outline::Rectangle, border, uncategorised);
    }
    heading(svg, column(3), &tr!("svg-legend-badges"));
    for (k, external, label) in [(0, false, tr!("legend-internal")), (1, true, tr!("legend-external"))] {
        let r = row(svg, column(3), k, &label);
        draw::locus_badge(svg, geo::locus_badge(r, 1.0).centred_on(r.center()), external);
    }
    let r = row(svg, column(3), 2, &tr!("legend-hinders-overall"));
    draw::hinder_badge(svg, geo::hinder_badge(r, 1.0).centred_on(r.center()));

    let (grid, _) = chips(map, width);
    if !grid.is_empty() {
        let y = origin.y + categories_top();
        svg.text(
            Point::new(column(0), y + HEADING),
            &tr!("svg-legend-categories"),
            Font::new(HEADING, style::TEXT),
        );
        let grid_top = Point::new(column(0), y + HEADING + 12.0);
        for chip in grid {
            let at = grid_top + chip.at;
            svg.rect(
                Rect::from_origin_size(at, (22.0, 14.0)),
                2.0,
                Paint::fill_and_stroke(chip.colour, style::BORDER, 0.8),
            );
            svg.text(at + Vec2::new(30.0, 11.5), chip.name, Font::new(ITEM, style::TEXT));
        }
    }
    svg.close_group();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Language};

    /// Spanish is longer than English: in every language each heading and each label beside its
    /// swatch ends before the next column starts (the last column has the legend's padding too),
    /// so nothing in the picture overlaps.
    #[test]
    fn every_label_fits_its_column_in_every_language() {
        let headings = [
            "legend-influence",
            "svg-legend-nature",
            "svg-legend-directness",
            "svg-legend-badges",
        ];
        let rows: [&[&str]; 4] = [
            &["legend-enables", "legend-hinders", "legend-stage"],
            &["legend-structural", "legend-pressure-point", "legend-not-coded"],
            &["legend-direct", "legend-indirect", "legend-not-coded"],
            &["legend-internal", "legend-external", "legend-hinders-overall"],
        ];
        let catalog = Catalog::shipped();
        for language in Language::ALL {
            for (c, heading) in headings.iter().enumerate() {
                let room = if c == 3 { COLUMN + PAD } else { COLUMN } - 8.0;
                let text = catalog.format(language, heading, None);
                let w = geo::text::width(&text, HEADING);
                assert!(w <= room, "{language:?} heading {text:?}: {w:.0} > {room:.0}");
                for id in rows[c] {
                    let text = catalog.format(language, id, None);
                    let w = SWATCH.x + 10.0 + geo::text::width(&text, ITEM);
                    assert!(w <= room, "{language:?} {text:?}: {w:.0} > {room:.0}");
                }
            }
            // The note under the first column may run under the second, which has no row there.
            let note = catalog.format(language, "svg-legend-strength", None);
            assert!(
                geo::text::width(&note, 11.5) <= 2.0 * COLUMN - 8.0,
                "{language:?} {note:?}"
            );
        }
    }
}
