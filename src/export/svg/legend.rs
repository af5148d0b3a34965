//! The legend under the map: every encoding of `style.rs`, drawn with the map's own functions, and
//! the map's categories with their colours.

use super::draw::{self, Font, Paint, Svg};
use super::style::{self, Border, Outline};
use crate::geometry::{self as geo, Point, Rect, Vec2};
use crate::model::{Map, Sign};

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
        "Legend",
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

    heading(svg, column(0), "Influence");
    for (k, (sign, label)) in [(Sign::Enables, "enables"), (Sign::Hinders, "hinders")]
        .into_iter()
        .enumerate()
    {
        let r = row(svg, column(0), k, label);
        draw::straight_link(
            svg,
            Point::new(r.x0 + 2.0, r.center().y),
            Point::new(r.x1 - 2.0, r.center().y),
            sign,
            2.4,
            1.0,
        );
    }
    let r = row(svg, column(0), 2, "stage of response");
    draw::stage_shape(svg, r, None, &[]);
    let note = "thicker: stronger · fainter: less sure";
    svg.text(Point::new(column(0), r.y1 + 20.0), note, Font::new(11.5, style::MUTED));

    let uncategorised = style::tint(style::UNCATEGORISED);
    heading(svg, column(1), "Nature (shape)");
    for (k, (outline, label)) in [
        (Outline::Rectangle, "structural"),
        (Outline::Pill, "pressure point"),
        (Outline::CutCorners, "not coded"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row(svg, column(1), k, label);
        draw::node_shape(svg, r, outline, Border::Solid, uncategorised);
    }
    heading(svg, column(2), "Directness (border)");
    for (k, (border, label)) in [
        (Border::Solid, "direct"),
        (Border::Dashed, "indirect"),
        (Border::Dotted, "not coded"),
    ]
    .into_iter()
    .enumerate()
    {
        let r = row(svg, column(2), k, label);
        draw::node_shape(svg, r, Outline::Rectangle, border, uncategorised);
    }
    heading(svg, column(3), "Badges");
    for (k, external, label) in [(0, false, "locus: internal"), (1, true, "locus: external")] {
        let r = row(svg, column(3), k, label);
        draw::locus_badge(svg, geo::locus_badge(r, 1.0).centred_on(r.center()), external);
    }
    let r = row(svg, column(3), 2, "hinders overall");
    draw::hinder_badge(svg, geo::hinder_badge(r, 1.0).centred_on(r.center()));

    let (grid, _) = chips(map, width);
    if !grid.is_empty() {
        let y = origin.y + categories_top();
        svg.text(
            Point::new(column(0), y + HEADING),
            "Category (fill, and one chip per category)",
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
