//! Writing SVG elements: an append-only buffer with escaping, and the drawing of each kind of
//! thing on the map (determinant, stage, influence, badges) from the shapes of `crate::geometry`.
//! The map and its legend both draw through these functions, so the legend cannot disagree with
//! the map.

use super::style::{self, Border, HEAD, LABEL_SIZE, LINE_HEIGHT, Outline};
use crate::geometry::{self as geo, Badge, Point, Rect, Tip, Vec2};
use crate::model::{Colour, Sign};
use std::fmt::Write;

/// The SVG text being written. Numbers are written with one decimal, so output is stable. Every
/// number goes through [`Svg::num`], which notes one that is not finite; [`Svg::finish`] then
/// refuses the document rather than write `NaN` or `inf`, which no viewer can draw.
pub struct Svg {
    buf: String,
    non_finite: bool,
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

/// How a shape is filled and stroked.
#[derive(Clone, Copy)]
pub struct Paint {
    pub fill: Option<Colour>,
    pub stroke: Option<(Colour, f64)>,
    pub dash: Option<(f64, f64)>,
    pub opacity: f64,
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
    pub fn stroke(c: Colour, width: f64) -> Paint {
        Paint {
            fill: None,
            stroke: Some((c, width)),
            dash: None,
            opacity: 1.0,
        }
    }
    pub fn fill_and_stroke(fill: Colour, stroke: Colour, width: f64) -> Paint {
        Paint {
            fill: Some(fill),
            ..Paint::stroke(stroke, width)
        }
    }
}

/// Horizontal alignment of a text line at its x.
#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
}

/// A number as the SVG writes it: with one decimal, unless the format asks for another precision.
pub struct Num(f64);

impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:.*}", f.precision().unwrap_or(1), self.0)
    }
}

impl Svg {
    pub fn new(width: f64, height: f64, font_family: &str) -> Svg {
        let mut svg = Svg {
            buf: String::new(),
            non_finite: false,
        };
        let (w, h) = (svg.num(width.ceil()), svg.num(height.ceil()));
        let _ = writeln!(svg.buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        let _ = writeln!(
            svg.buf,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" font-family=\"{}\" font-weight=\"500\">",
            escape(font_family)
        );
        svg
    }

    /// Appends markup written by the caller (already escaped, its numbers checked).
    pub fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// Every number written goes through here.
    pub fn num(&mut self, v: f64) -> Num {
        self.non_finite |= !v.is_finite();
        Num(v)
    }

    /// The document, or `None` if a number in it would not have been finite.
    pub fn finish(mut self) -> Option<String> {
        self.buf.push_str("</svg>\n");
        (!self.non_finite).then_some(self.buf)
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

    fn paint(&mut self, paint: Paint) {
        let fill = paint.fill.map_or("none".to_owned(), |c| c.to_string());
        let _ = write!(self.buf, " fill=\"{fill}\"");
        if let Some((c, w)) = paint.stroke {
            let w = self.num(w);
            let _ = write!(self.buf, " stroke=\"{c}\" stroke-width=\"{w}\"");
        }
        if let Some((dash, gap)) = paint.dash {
            let (dash, gap) = (self.num(dash), self.num(gap));
            let _ = write!(self.buf, " stroke-dasharray=\"{dash} {gap}\"");
        }
        if paint.opacity < 1.0 {
            let _ = write!(self.buf, " opacity=\"{:.2}\"", paint.opacity);
        }
        self.buf.push_str("/>\n");
    }

    pub fn rect(&mut self, r: Rect, radius: f64, paint: Paint) {
        let (x, y, w, h, rx) = (
            self.num(r.x0),
            self.num(r.y0),
            self.num(r.width()),
            self.num(r.height()),
            self.num(radius),
        );
        let _ = write!(
            self.buf,
            "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{rx}\""
        );
        self.paint(paint);
    }

    /// Points as `x,y` pairs separated by spaces.
    fn points(&mut self, ps: &[Point]) {
        for (i, p) in ps.iter().enumerate() {
            let (x, y) = (self.num(p.x), self.num(p.y));
            let sep = if i == 0 { "" } else { " " };
            let _ = write!(self.buf, "{sep}{x},{y}");
        }
    }

    pub fn polygon(&mut self, ps: &[Point], paint: Paint) {
        self.buf.push_str("<polygon points=\"");
        self.points(ps);
        self.buf.push('"');
        self.paint(paint);
    }

    pub fn line(&mut self, a: Point, b: Point, paint: Paint) {
        let (x1, y1, x2, y2) = (self.num(a.x), self.num(a.y), self.num(b.x), self.num(b.y));
        let _ = write!(self.buf, "<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"");
        self.paint(paint);
    }

    /// A path through `points`: a line to the next point for a `L`, or a cubic through the next
    /// three for a `C`.
    pub fn path(&mut self, commands: &[(char, &[Point])], paint: Paint) {
        self.buf.push_str("<path d=\"");
        for (i, (command, ps)) in commands.iter().enumerate() {
            if i > 0 {
                self.buf.push(' ');
            }
            self.buf.push(*command);
            self.points(ps);
        }
        self.buf.push('"');
        self.paint(paint);
    }

    pub fn circle(&mut self, c: Point, r: f64, paint: Paint) {
        let (cx, cy, r) = (self.num(c.x), self.num(c.y), self.num(r));
        let _ = write!(self.buf, "<circle cx=\"{cx}\" cy=\"{cy}\" r=\"{r}\"");
        self.paint(paint);
    }

    /// Lines of text, one under the other, the block centred vertically on `centre.y`.
    pub fn text_lines(&mut self, centre: Point, lines: &[String], font: Font) {
        let anchor = match font.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        };
        let size = self.num(font.size);
        let _ = write!(
            self.buf,
            "<text font-size=\"{size}\" fill=\"{}\" text-anchor=\"{anchor}\">",
            font.colour
        );
        for (line, at) in lines
            .iter()
            .zip(geo::text::baselines(centre, lines.len(), font.size, font.line_height))
        {
            let (x, y) = (self.num(at.x), self.num(at.y));
            let _ = write!(self.buf, "<tspan x=\"{x}\" y=\"{y}\">{}</tspan>", escape(line));
        }
        self.buf.push_str("</text>\n");
    }

    /// One line of text with its baseline at `at`.
    pub fn text(&mut self, at: Point, text: &str, font: Font) {
        let centre = Point::new(at.x, at.y - font.size * geo::text::CAP_CENTRE);
        self.text_lines(
            centre,
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
    pub size: f64,
    pub line_height: f64,
    pub colour: Colour,
    pub anchor: Anchor,
}

impl Font {
    /// Left-aligned text of `size` in `colour`, lines 1.25 sizes apart.
    pub fn new(size: f64, colour: Colour) -> Font {
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
    /// A node's label.
    pub fn label(colour: Colour) -> Font {
        Font {
            line_height: LINE_HEIGHT,
            ..Font::new(LABEL_SIZE, colour).centred()
        }
    }
}

/// The ring around a node a presentation step brings forward, as the canvas draws it: the node's
/// outline in the highlight colour, wide, drawn before the node so only its outer half shows.
pub fn ring(svg: &mut Svg, outline: &[Point]) {
    svg.polygon(outline, Paint::stroke(style::HIGHLIGHT, 12.0));
}

/// A determinant's box: filled with `fill`, outlined for its nature, bordered for its directness.
pub fn node_shape(svg: &mut Svg, r: Rect, shape: Outline, border: Border, fill: Colour) {
    let paint = Paint {
        dash: border.dashes(),
        ..Paint::fill_and_stroke(fill, style::BORDER, f64::from(border.width()))
    };
    svg.polygon(&geo::outline(r, shape, 1.0), paint);
}

/// A stage: a dark chevron pointing right, its number in a white disc, its label in white.
pub fn stage_shape(svg: &mut Svg, r: Rect, number: Option<usize>, lines: &[String]) {
    svg.polygon(&geo::chevron(r, 1.0), Paint::fill(style::STAGE_FILL));
    if let Some(n) = number {
        let disc = geo::stage_number(r, 1.0);
        svg.circle(disc.rect.center(), disc.radius, Paint::fill(style::STAGE_TEXT));
        badge_text(svg, disc, &n.to_string(), style::STAGE_FILL);
    }
    svg.text_lines(geo::stage_label_centre(r, 1.0), lines, Font::label(style::STAGE_TEXT));
}

fn badge_text(svg: &mut Svg, badge: Badge, text: &str, colour: Colour) {
    svg.text(badge.baseline(), text, Font::new(badge.text_size, colour).centred());
}

/// The INT / EXT badge.
pub fn locus_badge(svg: &mut Svg, badge: Badge, external: bool) {
    let (bg, fg, text) = if external {
        (style::BACKGROUND, style::BORDER, "EXT")
    } else {
        (style::BORDER, style::BACKGROUND, "INT")
    };
    svg.rect(badge.rect, badge.radius, Paint::fill_and_stroke(bg, style::BORDER, 1.2));
    badge_text(svg, badge, text, fg);
}

/// The "−" disc of a determinant that hinders overall.
pub fn hinder_badge(svg: &mut Svg, badge: Badge) {
    let c = badge.rect.center();
    svg.circle(
        c,
        badge.radius,
        Paint::fill_and_stroke(style::HINDERS, style::BORDER, 1.2),
    );
    let half = Vec2::new(badge.radius / 2.0, 0.0);
    svg.line(c - half, c + half, Paint::stroke(style::BACKGROUND, 2.0));
}

/// An influence: its line `d` (which ends at `end.stop`), and the end that encodes its sign;
/// hinders is dashed.
fn link(svg: &mut Svg, d: &[(char, &[Point])], end: geo::LinkEnd, sign: Sign, width: f64, opacity: f64) {
    let colour = style::sign_colour(sign);
    let dash = (sign == Sign::Hinders).then(|| geo::hinders_dash(width));
    svg.path(
        d,
        Paint {
            dash,
            opacity,
            ..Paint::stroke(colour, width)
        },
    );
    match end.tip {
        Tip::Arrow(tri) => svg.polygon(
            &tri,
            Paint {
                opacity,
                ..Paint::fill(colour)
            },
        ),
        Tip::Bar { ends: (p, q), width } => svg.line(
            p,
            q,
            Paint {
                opacity,
                ..Paint::stroke(colour, width)
            },
        ),
    }
}

/// A straight influence from `a` to `b`.
pub fn straight_link(svg: &mut Svg, a: Point, b: Point, sign: Sign, width: f64, opacity: f64) {
    let end = geo::link_end(b, geo::unit(b - a), sign, width, HEAD);
    link(svg, &[('M', &[a]), ('L', &[end.stop])], end, sign, width, opacity);
}

/// An influence of a determinant on itself.
pub fn self_link(svg: &mut Svg, r: Rect, sign: Sign, width: f64, opacity: f64) {
    let c = geo::self_loop(r, 1.0);
    let end = geo::link_end(c.p3, geo::unit(c.p3 - c.p2), sign, width, HEAD);
    link(
        svg,
        &[('M', &[c.p0]), ('C', &[c.p1, c.p2, end.stop])],
        end,
        sign,
        width,
        opacity,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_makes_any_text_safe_in_xml() {
        assert_eq!(escape("a<b>&\"c' \u{1}d"), "a&lt;b&gt;&amp;&quot;c&apos; d");
    }

    #[test]
    fn a_number_that_is_not_finite_spoils_the_document() {
        let mut svg = Svg::new(100.0, 100.0, "Inter");
        svg.circle(Point::new(1.0, 2.0), 3.0, Paint::fill(style::TEXT));
        assert!(svg.finish().is_some());
        let mut svg = Svg::new(100.0, 100.0, "Inter");
        svg.line(
            Point::new(1.0, f64::INFINITY),
            Point::ZERO,
            Paint::stroke(style::TEXT, 1.0),
        );
        assert_eq!(svg.finish(), None);
        assert_eq!(Svg::new(f64::NAN, 1.0, "Inter").finish(), None);
    }
}
