//! One page of the slides (`detmap export --slides`): a presentation step's title, its note, what
//! it shows in words, the map framed to what the step brings forward (the rest faded or hidden as
//! the step says), and the legend for what is shown. Drawn with the map's own functions, so a slide
//! reads like the SVG and the screen; [`super::super::slides`] turns the pages into one PDF.

use super::draw::{Font, Paint, Svg, escape};
use super::{OVERHANG, draw_map, legend, style, too_far};
use crate::export::step_view::{Mark, StepView};
use crate::geometry::{self as geo, MapGeometry, Point, Rect, Vec2};
use crate::model::{Map, Step};
use crate::tr;
use std::io;

/// The paper a slide is printed on, landscape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Page {
    /// 297 × 210 mm.
    #[default]
    A4,
    /// 11 × 8.5 in.
    Letter,
}

impl Page {
    /// Width and height in points (1/72 in), landscape.
    pub fn points(self) -> (f64, f64) {
        match self {
            Page::A4 => (841.89, 595.28),
            Page::Letter => (792.0, 612.0),
        }
    }
}

/// Slide units per point: a slide is drawn twice the page's size in points, so the map's own sizes
/// (a label is 13 units) need no other scale to print at a readable size.
const UNITS_PER_POINT: f64 = 2.0;
const MARGIN: f64 = 56.0;
const TITLE_SIZE: f64 = 44.0;
const NOTE_SIZE: f64 = 26.0;
const CAPTION_SIZE: f64 = 21.0;
const FOOTER_SIZE: f64 = 16.0;
/// The legend is drawn at this scale of its size in the SVG export.
const LEGEND_SCALE: f64 = 0.8;
/// A step about a few nodes is not blown up beyond this: labels stay a sane size (13 units × 2.2).
const MAX_MAP_SCALE: f64 = 2.2;
/// The most lines of the note that are printed.
const NOTE_LINES: usize = 4;

/// The slide for `step` (the `number`th of `count`) as an SVG document the size of `page`.
pub(crate) fn render_slide(
    map: &Map,
    step: &Step,
    view: &StepView,
    number: usize,
    count: usize,
    page: Page,
) -> io::Result<String> {
    let placed = view.placed(map);
    let map = &*placed;
    let (pw, ph) = page.points();
    let (width, height) = (pw * UNITS_PER_POINT, ph * UNITS_PER_POINT);
    let geometry = MapGeometry::new(map);
    if let Some(b) = geometry.bounds()
        && !(b.width() <= super::MAX_EXTENT && b.height() <= super::MAX_EXTENT)
    {
        return Err(too_far(map, &geometry));
    }
    let mut svg = Svg::new(
        width,
        height,
        &format!("{}, 'Helvetica Neue', Arial, sans-serif", geo::text::FONT_FAMILY),
    );
    svg.rect(Rect::new(0.0, 0.0, width, height), 0.0, Paint::fill(style::BACKGROUND));
    let text_width = width - 2.0 * MARGIN;

    // Title, note, caption.
    let mut y = MARGIN;
    let title = if step.title.trim().is_empty() {
        view.caption.as_str()
    } else {
        step.title.as_str()
    };
    let title_lines = geo::text::wrap(title, TITLE_SIZE, text_width);
    let title_lines = &title_lines[..title_lines.len().min(2)];
    let block = title_lines.len() as f64 * TITLE_SIZE * 1.2;
    svg.text_lines(
        Point::new(MARGIN, y + block / 2.0),
        title_lines,
        Font {
            line_height: TITLE_SIZE * 1.2,
            ..Font::new(TITLE_SIZE, style::TEXT)
        },
    );
    y += block + 10.0;
    if !step.note.trim().is_empty() {
        let mut lines: Vec<String> = step
            .note
            .lines()
            .flat_map(|l| geo::text::wrap(l, NOTE_SIZE, text_width))
            .collect();
        if lines.len() > NOTE_LINES {
            lines.truncate(NOTE_LINES);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        let block = lines.len() as f64 * NOTE_SIZE * 1.3;
        svg.text_lines(
            Point::new(MARGIN, y + block / 2.0),
            &lines,
            Font {
                line_height: NOTE_SIZE * 1.3,
                ..Font::new(NOTE_SIZE, style::TEXT)
            },
        );
        y += block + 8.0;
    }
    // What the step shows in words, unless the title already says it.
    let caption = if step.title.trim().is_empty() || step.title.trim() == view.caption {
        String::new()
    } else {
        view.caption.clone()
    };
    if !caption.is_empty() {
        let lines = geo::text::wrap(&caption, CAPTION_SIZE, text_width);
        let lines = &lines[..lines.len().min(2)];
        let block = lines.len() as f64 * CAPTION_SIZE * 1.25;
        svg.text_lines(
            Point::new(MARGIN, y + block / 2.0),
            lines,
            Font::new(CAPTION_SIZE, style::MUTED),
        );
        y += block;
    }
    let map_top = y + 18.0;

    // The legend of what is shown, at the bottom, above the footer.
    let shown = Map {
        categories: view.shown_categories(map),
        ..Map::default()
    };
    let footer_y = height - MARGIN + 20.0;
    let legend_width = text_width / LEGEND_SCALE;
    let legend_height = legend::height(&shown, legend_width) * LEGEND_SCALE;
    let legend_top = footer_y - 30.0 - legend_height;
    let (lx, ly) = (svg.num(MARGIN), svg.num(legend_top));
    svg.raw(&format!(
        "<g transform=\"translate({lx} {ly}) scale({LEGEND_SCALE})\">\n"
    ));
    legend::draw(&mut svg, Point::ZERO, legend_width, &shown);
    svg.close_group();

    // The map, framed to what the step brings forward.
    let area = Rect::new(MARGIN, map_top, width - MARGIN, legend_top - 16.0);
    match frame(&geometry, view) {
        Some(frame) if area.height() > 40.0 => {
            let frame = frame.inflate(OVERHANG, OVERHANG);
            let scale = (area.width() / frame.width())
                .min(area.height() / frame.height())
                .min(MAX_MAP_SCALE);
            let size = Vec2::new(frame.width() * scale, frame.height() * scale);
            let at = Point::new(
                area.x0 + (area.width() - size.x) / 2.0,
                area.y0 + (area.height() - size.y) / 2.0,
            );
            let (cx, cy, cw, ch) = (
                svg.num(area.x0),
                svg.num(area.y0),
                svg.num(area.width()),
                svg.num(area.height()),
            );
            svg.raw(&format!(
                "<defs><clipPath id=\"frame\"><rect x=\"{cx}\" y=\"{cy}\" width=\"{cw}\" height=\"{ch}\"/></clipPath></defs>\n"
            ));
            let (tx, ty) = (svg.num(at.x - frame.x0 * scale), svg.num(at.y - frame.y0 * scale));
            let s = svg.num(scale);
            svg.raw(&format!(
                "<g clip-path=\"url(#frame)\"><g data-kind=\"map\" transform=\"translate({tx} {ty}) scale({s:.4})\">\n"
            ));
            draw_map(&mut svg, map, &geometry, Some(view));
            svg.close_group();
            svg.close_group();
        }
        _ => svg.text(
            Point::new(MARGIN, map_top + 60.0),
            &tr!("svg-step-shows-nothing"),
            Font::new(NOTE_SIZE, style::MUTED),
        ),
    }

    // Footer: the map's title and the step's number.
    let footer = format!("{} · {number} / {count}", map.title);
    let footer = geo::text::wrap(&footer, FOOTER_SIZE, text_width)
        .into_iter()
        .next()
        .unwrap_or_default();
    svg.text(
        Point::new(MARGIN, footer_y),
        &footer,
        Font::new(FOOTER_SIZE, style::MUTED),
    );
    svg.raw(&format!("<!-- step {} -->\n", escape(step.id.as_str())));
    svg.finish().ok_or_else(|| too_far(map, &geometry))
}

/// What the map area shows: the nodes the step lights (all it draws when it gathers them); else
/// those it draws at full strength; else every node it does not hide. `None` when it draws no node at all.
fn frame(geometry: &MapGeometry, view: &StepView) -> Option<Rect> {
    let within = |keep: &dyn Fn(Mark) -> bool| {
        geometry
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(view.node(*i)))
            .map(|(_, n)| n.rect)
            .reduce(|a, b| a.union(b))
    };
    if view.gathered.is_some() {
        // Gathered, what it draws is what it is about (the knock-out and what is lost too).
        return within(&|m| m != Mark::Hidden);
    }
    within(&|m| m == Mark::Lit)
        .or_else(|| within(&|m| m == Mark::Normal))
        .or_else(|| within(&|m| m != Mark::Hidden))
}
