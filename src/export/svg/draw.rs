//! Writing SVG elements: an append-only buffer with escaping, and the drawing of each kind of
//! thing on the map (determinant, stage, influence, badges). The map and its legend both draw
//! through these functions, so the legend cannot disagree with the map.

use super::geometry::{Rect, V2, v2};
use super::style::{self, Border, HEAD, LABEL_SIZE, LINE_HEIGHT, Outline, PAD, STAGE_NUMBER_ROOM};
use crate::model::{Colour, Sign};
use std::fmt::Write;

/// The SVG text being written. Numbers are written with one decimal, so output is stable.
pub struct Svg {
    buf: String,
}

/// Escapes text for XML character data and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 forbids (control characters) are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn points(ps: &[V2]) -> String {
    ps.iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a shape is filled and stroked.
#[derive(Clone, Copy)]
pub struct Paint {
    pub fill: Option<Colour>,
    pub stroke: Option<(Colour, f32)>,
    pub dash: Option<&'static str>,
    pub opacity: f32,
}

impl Paint {
    pub fn fill(c: Colour) -> Paint {
        Paint {
            fill: Some(c),
            stroke: None,
            dash: None,
            opacity: 1.0,
        }
    }
    pub fn stroke(c: Colour, width: f32) -> Paint {
        Paint {
            fill: None,
            stroke: Some((c, width)),
            dash: None,
            opacity: 1.0,
        }
    }
    fn attrs(&self) -> String {
        let mut a = format!(" fill=\"{}\"", self.fill.map_or("none".to_owned(), |c| c.to_string()));
        if let Some((c, w)) = self.stroke {
            let _ = write!(a, " stroke=\"{c}\" stroke-width=\"{w:.1}\"");
        }
        if let Some(d) = self.dash {
            let _ = write!(a, " stroke-dasharray=\"{d}\"");
        }
        if self.opacity < 1.0 {
            let _ = write!(a, " opacity=\"{:.2}\"", self.opacity);
        }
        a
    }
}

/// Horizontal alignment of a text line at its x.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
}

impl Svg {
    pub fn new(width: f32, height: f32, font_family: &str) -> Svg {
        let mut buf = String::new();
        let _ = writeln!(buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        let _ = writeln!(
            buf,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"{}\" font-weight=\"500\">",
            escape(font_family)
        );
        Svg { buf }
    }

    pub fn finish(mut self) -> String {
        self.buf.push_str("</svg>\n");
        self.buf
    }

    /// Opens a group with the given (already escaped) attributes; `title` becomes its tooltip.
    pub fn open_group(&mut self, attrs: &str, title: Option<&str>) {
        let _ = writeln!(self.buf, "<g{attrs}>");
        if let Some(t) = title {
            let _ = writeln!(self.buf, "<title>{}</title>", escape(t));
        }
    }

    pub fn close_group(&mut self) {
        self.buf.push_str("</g>\n");
    }

    pub fn rect(&mut self, r: Rect, radius: f32, paint: Paint) {
        let _ = writeln!(
            self.buf,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{radius:.1}\"{}/>",
            r.min.x,
            r.min.y,
            r.width(),
            r.height(),
            paint.attrs()
        );
    }

    pub fn polygon(&mut self, ps: &[V2], paint: Paint) {
        let _ = writeln!(self.buf, "<polygon points=\"{}\"{}/>", points(ps), paint.attrs());
    }

    pub fn line(&mut self, a: V2, b: V2, paint: Paint) {
        let _ = writeln!(
            self.buf,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"{}/>",
            a.x,
            a.y,
            b.x,
            b.y,
            paint.attrs()
        );
    }

    pub fn path(&mut self, d: &str, paint: Paint) {
        let _ = writeln!(self.buf, "<path d=\"{d}\"{}/>", paint.attrs());
    }

    pub fn circle(&mut self, c: V2, r: f32, paint: Paint) {
        let _ = writeln!(
            self.buf,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\"{}/>",
            c.x,
            c.y,
            paint.attrs()
        );
    }

    /// Lines of text, one under the other, the block centred vertically on `centre.y`.
    pub fn text_lines(&mut self, centre: V2, lines: &[String], font: Font) {
        let anchor = match font.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        };
        // Each line's baseline sits about 0.36 of the font size below its middle (Inter's x-height).
        let top = centre.y - lines.len() as f32 * font.line_height / 2.0;
        let _ = write!(
            self.buf,
            "<text font-size=\"{:.1}\" fill=\"{}\" text-anchor=\"{anchor}\">",
            font.size, font.colour
        );
        for (i, line) in lines.iter().enumerate() {
            let y = top + font.line_height * (i as f32 + 0.5) + font.size * 0.36;
            let _ = write!(
                self.buf,
                "<tspan x=\"{:.1}\" y=\"{y:.1}\">{}</tspan>",
                centre.x,
                escape(line)
            );
        }
        self.buf.push_str("</text>\n");
    }

    /// One line of text with its baseline at `at`.
    pub fn text(&mut self, at: V2, text: &str, font: Font) {
        self.text_lines(
            v2(at.x, at.y - font.size * 0.36),
            &[text.to_owned()],
            Font {
                line_height: font.size,
                ..font
            },
        );
    }
}

/// How text is set: size, line spacing, colour, alignment.
#[derive(Clone, Copy)]
pub struct Font {
    pub size: f32,
    pub line_height: f32,
    pub colour: Colour,
    pub anchor: Anchor,
}

impl Font {
    /// Left-aligned text of `size` in `colour`, lines 1.25 sizes apart.
    pub fn new(size: f32, colour: Colour) -> Font {
        Font {
            size,
            line_height: size * 1.25,
            colour,
            anchor: Anchor::Start,
        }
    }
    pub fn centred(self) -> Font {
        Font {
            anchor: Anchor::Middle,
            ..self
        }
    }
}

/// The outline of a determinant box as a polygon.
pub fn outline(r: Rect, shape: Outline) -> Vec<V2> {
    let (l, t, rt, b) = (r.min.x, r.min.y, r.max.x, r.max.y);
    match shape {
        Outline::Rectangle => vec![v2(l, t), v2(rt, t), v2(rt, b), v2(l, b)],
        Outline::CutCorners => {
            let c = 12f32.min(r.height() / 3.0);
            vec![
                v2(l + c, t),
                v2(rt - c, t),
                v2(rt, t + c),
                v2(rt, b - c),
                v2(rt - c, b),
                v2(l + c, b),
                v2(l, b - c),
                v2(l, t + c),
            ]
        }
        Outline::Pill => {
            let rad = (r.height() / 2.0).min(r.width() / 2.0);
            let steps = 12;
            let (right, left) = (v2(rt - rad, r.center().y), v2(l + rad, r.center().y));
            let arc = |centre: V2, start: f32| {
                (0..=steps).map(move |i| {
                    let a = start + std::f32::consts::PI * i as f32 / steps as f32;
                    centre + v2(a.cos(), a.sin()) * rad
                })
            };
            arc(right, -std::f32::consts::FRAC_PI_2)
                .chain(arc(left, std::f32::consts::FRAC_PI_2))
                .collect()
        }
    }
}

/// A determinant's box: filled with `fill`, outlined for its nature, bordered for its directness.
pub fn node_shape(svg: &mut Svg, r: Rect, shape: Outline, border: Border, fill: Colour) {
    let paint = Paint {
        fill: Some(fill),
        stroke: Some((style::BORDER, border.width())),
        dash: border.dasharray(),
        opacity: 1.0,
    };
    svg.polygon(&outline(r, shape), paint);
}

/// A stage: a dark chevron pointing right, its number in a white disc, its label in white.
pub fn stage_shape(svg: &mut Svg, r: Rect, number: Option<usize>, lines: &[String]) {
    let tip = (r.height() / 4.0).min(18.0);
    let (l, t, rt, b) = (r.min.x, r.min.y, r.max.x, r.max.y);
    svg.polygon(
        &[
            v2(l, t),
            v2(rt - tip, t),
            v2(rt, r.center().y),
            v2(rt - tip, b),
            v2(l, b),
        ],
        Paint::fill(style::STAGE_FILL),
    );
    if let Some(n) = number {
        let c = v2(l + PAD + 8.0, r.center().y);
        svg.circle(c, 11.0, Paint::fill(style::STAGE_TEXT));
        svg.text(
            c + v2(0.0, 4.5),
            &n.to_string(),
            Font::new(13.0, style::STAGE_FILL).centred(),
        );
    }
    let centre_x = (l + STAGE_NUMBER_ROOM + rt - tip) / 2.0;
    svg.text_lines(
        v2(centre_x, r.center().y),
        lines,
        Font {
            line_height: LINE_HEIGHT,
            ..Font::new(LABEL_SIZE, style::STAGE_TEXT).centred()
        },
    );
}

/// The INT / EXT badge straddling the top edge at `centre`.
pub fn locus_badge(svg: &mut Svg, centre: V2, external: bool) {
    let (bg, fg, text) = if external {
        (style::BACKGROUND, style::BORDER, "EXT")
    } else {
        (style::BORDER, style::BACKGROUND, "INT")
    };
    let r = Rect::from_center_size(centre, v2(30.0, 15.0));
    svg.rect(
        r,
        3.0,
        Paint {
            fill: Some(bg),
            stroke: Some((style::BORDER, 1.2)),
            dash: None,
            opacity: 1.0,
        },
    );
    svg.text(centre + v2(0.0, 3.6), text, Font::new(10.0, fg).centred());
}

/// The "−" disc of a determinant that hinders overall.
pub fn hinder_badge(svg: &mut Svg, centre: V2) {
    svg.circle(
        centre,
        8.0,
        Paint {
            fill: Some(style::HINDERS),
            stroke: Some((style::BORDER, 1.2)),
            dash: None,
            opacity: 1.0,
        },
    );
    svg.line(
        centre - v2(4.0, 0.0),
        centre + v2(4.0, 0.0),
        Paint::stroke(style::BACKGROUND, 2.0),
    );
}

/// An influence ending at `end`, arriving in direction `dir` (a unit vector), along the path `d`
/// that stops at `line_end`: enables gets a triangular head, hinders a dashed line and a bar.
fn link_end(svg: &mut Svg, d: &str, end: V2, dir: V2, sign: Sign, width: f32, opacity: f32) {
    let colour = style::sign_colour(sign);
    let normal = dir.perp();
    match sign {
        Sign::Enables => {
            svg.path(
                d,
                Paint {
                    fill: None,
                    stroke: Some((colour, width)),
                    dash: None,
                    opacity,
                },
            );
            let base = end - dir * (HEAD * 1.3);
            svg.polygon(
                &[end, base + normal * (HEAD * 0.6), base - normal * (HEAD * 0.6)],
                Paint {
                    opacity,
                    ..Paint::fill(colour)
                },
            );
        }
        Sign::Hinders => {
            let dash: &'static str = if width >= 3.5 {
                "18 11"
            } else if width >= 2.5 {
                "14 9"
            } else {
                "12 7"
            };
            svg.path(
                d,
                Paint {
                    fill: None,
                    stroke: Some((colour, width)),
                    dash: Some(dash),
                    opacity,
                },
            );
            let bar = Paint {
                stroke: Some((colour, width.max(2.0) * 1.3)),
                opacity,
                ..Paint::stroke(colour, 0.0)
            };
            svg.line(end + normal * (HEAD * 0.75), end - normal * (HEAD * 0.75), bar);
        }
    }
}

/// A straight influence from `a` to `b`.
pub fn straight_link(svg: &mut Svg, a: V2, b: V2, sign: Sign, width: f32, opacity: f32) {
    let dir = (b - a).normalized();
    // The line stops under the head (enables) or just before the bar (hinders), so it does not poke out.
    let stop = match sign {
        Sign::Enables => b - dir * (HEAD * 1.2),
        Sign::Hinders => b - dir * width,
    };
    let d = format!("M{:.1},{:.1} L{:.1},{:.1}", a.x, a.y, stop.x, stop.y);
    link_end(svg, &d, b, dir, sign, width, opacity);
}

/// An influence of a determinant on itself: a loop out of the top edge and back into the right edge.
pub fn self_link(svg: &mut Svg, r: Rect, sign: Sign, width: f32, opacity: f32) {
    let start = v2(r.max.x - 36.0, r.min.y);
    let end = v2(r.max.x, r.min.y + 14.0);
    let (c1, c2) = (start + v2(0.0, -44.0), end + v2(44.0, 0.0));
    let d = format!(
        "M{:.1},{:.1} C{:.1},{:.1} {:.1},{:.1} {:.1},{:.1}",
        start.x, start.y, c1.x, c1.y, c2.x, c2.y, end.x, end.y
    );
    link_end(svg, &d, end, (end - c2).normalized(), sign, width, opacity);
}

#[cfg(test)]
mod tests {
    #[test]
    fn escape_makes_any_text_safe_in_xml() {
        assert_eq!(super::escape("a<b>&\"c' \u{1}d"), "a&lt;b&gt;&amp;&quot;c&apos; d");
    }
}
