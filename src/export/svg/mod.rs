//! The map as a picture (`detmap export --svg`, and `--png` through [`super::write_png`]): every
//! node at its saved position, every influence, a title, and a legend of the encodings.
//!
//! The shapes come from `crate::geometry`, as the window's canvas's do, so the picture is the
//! screen's. The SVG is written by hand: it is a few kinds of element, and writing them directly
//! keeps the output stable (numbers to one decimal, map order throughout) and free of
//! dependencies. Elements carry `data-kind` and `data-id` attributes, and each node a `<title>` (a
//! tooltip in browsers, in the current language like the legend). Writing costs time linear in the
//! map and its labels.

mod draw;
mod legend;
mod slide;
mod style;

pub use slide::Page;
pub(crate) use slide::render_slide;

use super::step_view::{Mark, StepView};
use crate::geometry::{self as geo, MapGeometry, NodeBox, PAIR_SHIFT, Point, Rect, Vec2};
use crate::model::{Colour, Determinant, Effect, Influence, Locus, Map, Sign};
use crate::tr;
use draw::{Font, Paint, Svg, escape};
use std::collections::HashMap;
use std::io::{self, Write};

const MARGIN: f64 = 48.0;
const TITLE_SIZE: f64 = 26.0;
/// Room around the nodes for badges and self-loops, which stick out of the boxes.
const OVERHANG: f64 = 48.0;
/// The widest and tallest drawing written, in map units. Viewers read SVG coordinates as 32-bit
/// floats, which hold every whole number up to 2^24 and no longer can beyond: past it, nodes
/// would be drawn out of place or not at all.
pub const MAX_EXTENT: f64 = 16_777_216.0;

/// Writes the map as an SVG document. Nothing is written if the map cannot be drawn.
pub fn write_svg(map: &Map, mut out: impl Write) -> io::Result<()> {
    out.write_all(render_svg(map)?.as_bytes())
}

/// The map as an SVG document, or an error (`InvalidData`) naming the node that sits too far out
/// for a picture.
pub fn render_svg(map: &Map) -> io::Result<String> {
    render_svg_for(map, None)
}

/// The map as an SVG document to be rasterised `pixels` wide (`None`: to be viewed at any size).
/// When a determinant would be narrower than `geometry::PLAIN_BELOW_PX` pixels, nodes are plain
/// boxes and influences plain lines, as on the canvas zoomed out: the rest would be specks, and a
/// large map's full drawing has more elements than the rasteriser accepts (a million).
pub(crate) fn render_svg_for(map: &Map, pixels: Option<u32>) -> io::Result<String> {
    let geometry = MapGeometry::new(map);
    let bounds = geometry.bounds().map(|b| b.inflate(OVERHANG, OVERHANG));
    if let Some(b) = bounds
        && !(b.width() <= MAX_EXTENT && b.height() <= MAX_EXTENT)
    {
        return Err(too_far(map, &geometry));
    }
    let map_size = bounds.map_or(Vec2::new(legend::MIN_WIDTH, 120.0), |b| {
        Vec2::new(b.width(), b.height())
    });
    let width = map_size.x.max(legend::MIN_WIDTH) + 2.0 * MARGIN;
    let title_lines = geo::text::wrap(&map.title, TITLE_SIZE, width - 2.0 * MARGIN);
    let title_block = title_lines.len() as f64 * TITLE_SIZE * 1.25;
    let map_top = MARGIN + title_block + 28.0;
    let legend_top = map_top + map_size.y + 24.0;
    let legend_width = width - 2.0 * MARGIN;
    let height = legend_top + legend::height(map, legend_width) + MARGIN;
    let plain = pixels.is_some_and(|px| geo::DET_WIDTH * f64::from(px) / width < geo::PLAIN_BELOW_PX);

    let mut svg = Svg::new(
        width,
        height,
        &format!("{}, 'Helvetica Neue', Arial, sans-serif", geo::text::FONT_FAMILY),
    );
    svg.rect(Rect::new(0.0, 0.0, width, height), 0.0, Paint::fill(style::BACKGROUND));
    svg.text_lines(
        Point::new(MARGIN, MARGIN + title_block / 2.0),
        &title_lines,
        Font::new(TITLE_SIZE, style::TEXT),
    );
    let counts = tr!(
        "svg-counts",
        stages = map.stages.len(),
        determinants = map.determinants.len(),
        influences = map.influences.len()
    );
    svg.text(
        Point::new(MARGIN, MARGIN + title_block + 20.0),
        &counts,
        Font::new(14.0, style::MUTED),
    );

    match bounds {
        None => svg.text(
            Point::new(MARGIN, map_top + 60.0),
            &tr!("svg-empty-map"),
            Font::new(16.0, style::MUTED),
        ),
        Some(b) => {
            // Map units to the picture: the nodes' box starts at the margin, under the title.
            let (dx, dy) = (svg.num(MARGIN - b.x0), svg.num(map_top - b.y0));
            svg.open_group(&format!(" data-kind=\"map\" transform=\"translate({dx} {dy})\""), None);
            if plain {
                draw_plain_map(&mut svg, map, &geometry);
            } else {
                draw_map(&mut svg, map, &geometry, None);
            }
            svg.close_group();
        }
    }
    legend::draw(&mut svg, Point::new(MARGIN, legend_top), legend_width, map);
    // Unreachable after the extent check above, unless a position is not a number at all.
    svg.finish().ok_or_else(|| too_far(map, &geometry))
}

/// The error for a map whose drawing is too large: it names the node furthest from the origin.
fn too_far(map: &Map, geometry: &MapGeometry) -> io::Error {
    let far = geometry.nodes.iter().max_by(|a, b| {
        let out = |n: &NodeBox| {
            let c = n.rect.center();
            if c.x.is_finite() && c.y.is_finite() {
                c.x.abs().max(c.y.abs())
            } else {
                f64::INFINITY
            }
        };
        out(a).total_cmp(&out(b))
    });
    let whom = far.map_or(String::new(), |n| {
        let kind = if map.stage(&n.id).is_some() {
            "stage"
        } else {
            "determinant"
        };
        let c = n.rect.center();
        format!("{kind} {} sits at ({}, {}), ", n.id, c.x, c.y)
    });
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!(
            "cannot draw the map: {whom}too far from the rest for a picture (a drawing spans at most {MAX_EXTENT} units); move it, or lay the map out again"
        ),
    )
}

/// How a node or influence of a slide is drawn (see [`super::StepView`]): `None` draws everything as it is.
type Marks<'a> = Option<&'a StepView>;

/// The attributes a mark adds to an element's group: a faded one is pale.
fn fade_attr(mark: Mark) -> &'static str {
    if mark == Mark::Faded { " opacity=\"0.18\"" } else { "" }
}

/// Every influence, then the stages, then the determinants, in map order; on a slide, what the
/// step hides is left out, what it fades is pale, and what it lights has a ring (nodes) or is
/// drawn thicker (influences).
fn draw_map(svg: &mut Svg, map: &Map, geometry: &MapGeometry, marks: Marks) {
    let node_mark = |i: usize| marks.map_or(Mark::Normal, |m| m.node(i));
    let link_mark = |k: usize| marks.map_or(Mark::Normal, |m| m.links.get(k).copied().unwrap_or_default());
    // The labels in node order (stages, then determinants), for the influences' tooltips.
    let labels: Vec<&str> = map
        .stages
        .iter()
        .map(|s| s.label.as_str())
        .chain(map.determinants.iter().map(|d| d.label.as_str()))
        .collect();
    for (k, inf) in map.influences.iter().enumerate() {
        let mark = link_mark(k);
        if let Some(Some((a, b))) = geometry.links.get(k)
            && mark != Mark::Hidden
        {
            let ends = (&geometry.nodes[*a], &geometry.nodes[*b]);
            let (from, to) = (labels[*a], labels[*b]);
            let title = match inf.sign {
                Sign::Enables => tr!("svg-tooltip-enables", from = from, to = to),
                Sign::Hinders => tr!("svg-tooltip-hinders", from = from, to = to),
            };
            influence(svg, inf, ends, geometry.reversed[k], &title, mark);
        }
    }
    let (stages, determinants) = geometry.nodes.split_at(map.stages.len());
    for (i, (stage, node)) in map.stages.iter().zip(stages).enumerate() {
        let mark = node_mark(i);
        if mark == Mark::Hidden {
            continue;
        }
        if mark == Mark::Lit {
            draw::ring(svg, &geo::chevron(node.rect, 1.0));
        }
        svg.open_group(
            &format!(
                " data-kind=\"stage\" data-id=\"{}\"{}",
                escape(stage.id.as_str()),
                fade_attr(mark)
            ),
            Some(&stage.label),
        );
        let number = match node.kind {
            geo::NodeKind::Stage(n) => Some(n),
            geo::NodeKind::Determinant => None,
        };
        draw::stage_shape(svg, node.rect, number, &node.lines);
        svg.close_group();
    }
    let colours: HashMap<&str, Colour> = map.categories.iter().map(|c| (c.name.as_str(), c.colour)).collect();
    for (j, (det, node)) in map.determinants.iter().zip(determinants).enumerate() {
        let mark = node_mark(map.stages.len() + j);
        if mark == Mark::Hidden {
            continue;
        }
        if mark == Mark::Lit {
            draw::ring(svg, &geo::outline(node.rect, style::outline_for(det.nature), 1.0));
        }
        determinant(svg, &colours, det, node, mark);
    }
}

/// The map too small for detail: each influence a line between centres, each node a box in its
/// fill (the stage colour, or its first category's).
fn draw_plain_map(svg: &mut Svg, map: &Map, geometry: &MapGeometry) {
    for (k, inf) in map.influences.iter().enumerate() {
        if let Some(Some((a, b))) = geometry.links.get(k) {
            let paint = Paint {
                opacity: f64::from(style::influence_opacity(inf.confidence)),
                ..Paint::stroke(
                    style::sign_colour(inf.sign),
                    f64::from(style::influence_width(inf.strength)),
                )
            };
            svg.line(
                geometry.nodes[*a].rect.center(),
                geometry.nodes[*b].rect.center(),
                paint,
            );
        }
    }
    let colours: HashMap<&str, Colour> = map.categories.iter().map(|c| (c.name.as_str(), c.colour)).collect();
    let (stages, determinants) = geometry.nodes.split_at(map.stages.len());
    for node in stages {
        svg.rect(node.rect, 0.0, Paint::fill(style::STAGE_FILL));
    }
    for (det, node) in map.determinants.iter().zip(determinants) {
        let first = det.categories.first().and_then(|c| colours.get(c.as_str()));
        svg.rect(
            node.rect,
            0.0,
            Paint::fill(first.copied().unwrap_or(style::UNCATEGORISED)),
        );
    }
}

fn influence(
    svg: &mut Svg,
    inf: &Influence,
    (from, to): (&NodeBox, &NodeBox),
    has_reverse: bool,
    title: &str,
    mark: Mark,
) {
    let attrs = format!(
        " data-kind=\"influence\" data-id=\"{}\" data-sign=\"{}\"{}",
        escape(inf.id.as_str()),
        inf.sign,
        fade_attr(mark)
    );
    let lit = if mark == Mark::Lit { 1.8 } else { 1.0 };
    let width = f64::from(style::influence_width(inf.strength)) * lit;
    let opacity = f64::from(style::influence_opacity(inf.confidence));
    if inf.from == inf.to {
        svg.open_group(&attrs, Some(title));
        draw::self_link(svg, from.rect, inf.sign, width, opacity);
        svg.close_group();
        return;
    }
    // Two nodes saved at the same place have no direction between them: nothing sensible to draw.
    let shift = if has_reverse { PAIR_SHIFT } else { 0.0 };
    let Some((a, b)) = geo::link_ends(from.rect, to.rect, shift) else {
        return;
    };
    svg.open_group(&attrs, Some(title));
    draw::straight_link(svg, a, b, inf.sign, width, opacity);
    svg.close_group();
}

fn determinant(svg: &mut Svg, colours: &HashMap<&str, Colour>, det: &Determinant, node: &NodeBox, mark: Mark) {
    let r = node.rect;
    let chips: Vec<Colour> = det
        .categories
        .iter()
        .map(|name| colours.get(name.as_str()).copied().unwrap_or(style::UNCATEGORISED))
        .collect();
    let fill = style::tint(chips.first().copied().unwrap_or(style::UNCATEGORISED));
    // The label, then its coding and categories in the current language.
    let title = format!(
        "{}\n{}; {}",
        det.label,
        super::words::coding(det),
        det.categories.join("; ")
    );
    svg.open_group(
        &format!(
            " data-kind=\"determinant\" data-id=\"{}\"{}",
            escape(det.id.as_str()),
            fade_attr(mark)
        ),
        Some(&title),
    );
    draw::node_shape(
        svg,
        r,
        style::outline_for(det.nature),
        style::border_for(det.directness),
        fill,
    );
    for (chip, c) in geo::chips(r, chips.len(), 1.0).zip(&chips) {
        svg.rect(chip, 1.0, Paint::fill(*c));
    }
    svg.text_lines(node.label_centre(), &node.lines, Font::label(style::TEXT));
    if let Some(locus) = det.locus {
        draw::locus_badge(svg, geo::locus_badge(r, 1.0), locus == Locus::External);
    }
    if det.effect == Effect::Hinder {
        draw::hinder_badge(svg, geo::hinder_badge(r, 1.0));
    }
    svg.close_group();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};

    /// A picture too small for labels is boxes and lines: a node each, an influence each, no label.
    #[test]
    fn a_large_map_at_a_small_width_is_drawn_plain() {
        let map = generate(Spec {
            determinants: 400,
            influences: 300,
            stages: 5,
            seed: 1,
        });
        let full = render_svg(&map).unwrap();
        assert_eq!(full.matches("data-kind=\"determinant\"").count(), 400);
        let plain = render_svg_for(&map, Some(800)).unwrap();
        let (_, drawing) = plain.split_once("data-kind=\"map\"").unwrap();
        let (drawing, _) = drawing.split_once("data-kind=\"legend\"").unwrap();
        assert!(!drawing.contains("<text"), "no labels");
        assert_eq!(drawing.matches("<rect").count(), 405, "a box per node");
        let drawn = map.influences.iter().filter(|i| i.from != i.to).count();
        assert!(drawing.matches("<line").count() >= drawn, "a line per influence");
        // Wide enough to read: the full drawing.
        assert_eq!(render_svg_for(&map, Some(40_000)).unwrap(), full);
    }
}
