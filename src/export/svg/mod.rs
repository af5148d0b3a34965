//! The map as a picture (`detmap export --svg`, and `--png` through [`super::write_png`]): every
//! node at its saved position, every influence, a title, and a legend of the encodings.
//!
//! The SVG is written by hand: it is a few kinds of element, and writing them directly keeps the
//! output stable (numbers to one decimal, map order throughout) and free of dependencies. Elements
//! carry `data-kind` and `data-id` attributes, and each node a `<title>` (a tooltip in browsers).

mod draw;
mod geometry;
mod legend;
mod style;
pub(crate) mod text;

use crate::model::{Determinant, Effect, Influence, Locus, Map};
use draw::{Font, Paint, Svg, escape};
use geometry::{Layout, Rect, link_ends, v2};
use std::collections::HashSet;
use std::io::{self, Write};

const MARGIN: f32 = 48.0;
const TITLE_SIZE: f32 = 26.0;
/// Opposite influences between one pair are drawn this far apart.
const PAIR_SHIFT: f32 = 6.0;
/// Room around the nodes for badges and self-loops, which stick out of the boxes.
const OVERHANG: f32 = 48.0;

/// Writes the map as an SVG document.
pub fn write_svg(map: &Map, mut out: impl Write) -> io::Result<()> {
    out.write_all(render_svg(map).as_bytes())
}

/// The map as an SVG document.
pub fn render_svg(map: &Map) -> String {
    let layout = Layout::new(map);
    let bounds = layout.bounds().map(|b| b.expand(OVERHANG));
    let map_size = bounds.map_or(v2(legend::MIN_WIDTH, 120.0), |b| v2(b.width(), b.height()));
    let width = map_size.x.max(legend::MIN_WIDTH) + 2.0 * MARGIN;
    let title_lines = text::wrap(&map.title, TITLE_SIZE, width - 2.0 * MARGIN);
    let title_height = title_lines.len() as f32 * TITLE_SIZE * 1.25 + 28.0;
    let map_top = MARGIN + title_height;
    let legend_top = map_top + map_size.y + 24.0;
    let legend_width = width - 2.0 * MARGIN;
    let height = legend_top + legend::height(map, legend_width) + MARGIN;

    let mut svg = Svg::new(
        width,
        height,
        &format!("{}, 'Helvetica Neue', Arial, sans-serif", text::FONT_FAMILY),
    );
    svg.rect(
        Rect::from_min_size(v2(0.0, 0.0), v2(width, height)),
        0.0,
        Paint::fill(style::BACKGROUND),
    );
    let title_block = title_lines.len() as f32 * TITLE_SIZE * 1.25;
    svg.text_lines(
        v2(MARGIN, MARGIN + title_block / 2.0),
        &title_lines,
        Font::new(TITLE_SIZE, style::TEXT),
    );
    let counts = format!(
        "{} stages of response · {} determinants · {} influences",
        map.stages.len(),
        map.determinants.len(),
        map.influences.len()
    );
    svg.text(
        v2(MARGIN, MARGIN + title_block + 20.0),
        &counts,
        Font::new(14.0, style::MUTED),
    );

    match bounds {
        None => svg.text(
            v2(MARGIN, map_top + 60.0),
            "This map has no stages and no determinants yet.",
            Font::new(16.0, style::MUTED),
        ),
        Some(b) => {
            // Map units to the picture: the nodes' box starts at the margin, under the title.
            let (dx, dy) = (MARGIN - b.min.x, map_top - b.min.y);
            svg.open_group(
                &format!(" data-kind=\"map\" transform=\"translate({dx:.1} {dy:.1})\""),
                None,
            );
            let pairs: HashSet<(&str, &str)> = map
                .influences
                .iter()
                .map(|i| (i.from.as_str(), i.to.as_str()))
                .collect();
            for inf in &map.influences {
                influence(
                    &mut svg,
                    map,
                    &layout,
                    inf,
                    pairs.contains(&(inf.to.as_str(), inf.from.as_str())),
                );
            }
            for stage in &map.stages {
                let Some(node) = layout.get(&stage.id) else { continue };
                svg.open_group(
                    &format!(" data-kind=\"stage\" data-id=\"{}\"", escape(stage.id.as_str())),
                    Some(&stage.label),
                );
                draw::stage_shape(&mut svg, node.rect, node.stage, &node.lines);
                svg.close_group();
            }
            for det in &map.determinants {
                determinant(&mut svg, map, &layout, det);
            }
            svg.close_group();
        }
    }
    legend::draw(&mut svg, v2(MARGIN, legend_top), legend_width, map);
    svg.finish()
}

fn influence(svg: &mut Svg, map: &Map, layout: &Layout, inf: &Influence, has_reverse: bool) {
    let (Some(from), Some(to)) = (layout.get(&inf.from), layout.get(&inf.to)) else {
        return;
    };
    let title = format!("{} {} {}", map.label_of(&inf.from), inf.sign, map.label_of(&inf.to));
    let attrs = format!(
        " data-kind=\"influence\" data-id=\"{}\" data-sign=\"{}\"",
        escape(inf.id.as_str()),
        inf.sign
    );
    let width = style::influence_width(inf.strength);
    let opacity = style::influence_opacity(inf.confidence);
    if inf.from == inf.to {
        svg.open_group(&attrs, Some(&title));
        draw::self_link(svg, from.rect, inf.sign, width, opacity);
        svg.close_group();
        return;
    }
    // Two nodes saved at the same place have no direction between them: nothing sensible to draw.
    let Some((a, b)) = link_ends(from.rect, to.rect, if has_reverse { PAIR_SHIFT } else { 0.0 }) else {
        return;
    };
    svg.open_group(&attrs, Some(&title));
    draw::straight_link(svg, a, b, inf.sign, width, opacity);
    svg.close_group();
}

fn determinant(svg: &mut Svg, map: &Map, layout: &Layout, det: &Determinant) {
    let Some(node) = layout.get(&det.id) else { return };
    let r = node.rect;
    let colours: Vec<_> = det
        .categories
        .iter()
        .map(|name| map.category(name).map_or(style::UNCATEGORISED, |c| c.colour))
        .collect();
    let fill = style::tint(colours.first().copied().unwrap_or(style::UNCATEGORISED));
    let coded = |v: Option<&str>, axis: &str| v.map_or(format!("{axis} not coded"), |v| v.replace('_', " "));
    let title = format!(
        "{}\n{}, {}, {}, {}; {}",
        det.label,
        coded(det.locus.map(|v| v.as_str()), "locus"),
        coded(det.directness.map(|v| v.as_str()), "directness"),
        coded(det.nature.map(|v| v.as_str()), "nature"),
        det.effect,
        det.categories.join("; ")
    );
    svg.open_group(
        &format!(" data-kind=\"determinant\" data-id=\"{}\"", escape(det.id.as_str())),
        Some(&title),
    );
    draw::node_shape(
        svg,
        r,
        style::outline_for(det.nature),
        style::border_for(det.directness),
        fill,
    );
    for (i, c) in colours.iter().enumerate() {
        let at = v2(r.min.x + 14.0 + i as f32 * 19.0, r.max.y - 6.0 - 5.0);
        svg.rect(Rect::from_min_size(at, v2(16.0, 6.0)), 1.0, Paint::fill(*c));
    }
    let label_centre = (r.min.y + r.max.y - style::CHIP_ROOM) / 2.0;
    svg.text_lines(
        v2(r.center().x, label_centre),
        &node.lines,
        Font {
            line_height: style::LINE_HEIGHT,
            ..Font::new(style::LABEL_SIZE, style::TEXT).centred()
        },
    );
    if let Some(locus) = det.locus {
        draw::locus_badge(svg, v2(r.min.x + 24.0, r.min.y), locus == Locus::External);
    }
    if det.effect == Effect::Hinder {
        draw::hinder_badge(svg, v2(r.max.x - 14.0, r.min.y));
    }
    svg.close_group();
}
