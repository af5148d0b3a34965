//! The shapes of the drawing. Each function takes a node's box in output units and `k`, the output
//! units per map unit, and returns points in output units: the SVG calls them with map units and
//! `k = 1`, the canvas with screen points and its zoom, the legends with their samples' boxes.

use super::{CHIP_ROOM, CubicBez, Point, Rect, STAGE_NUMBER_ROOM, Vec2, text};
use crate::encoding::Outline;
use crate::model::Sign;
use std::f64::consts::{FRAC_PI_2, PI};

/// `v` scaled to length 1, or zero for the zero vector (kurbo's `normalize` gives NaN there).
pub fn unit(v: Vec2) -> Vec2 {
    let l = v.hypot();
    if l > 0.0 { v / l } else { Vec2::ZERO }
}

/// Segments in each half-circle of a pill: smooth at any zoom the canvas allows.
const PILL_STEPS: usize = 12;

/// The outline of a determinant's box for its nature, as a convex polygon: structural a rectangle,
/// pressure point a pill, not coded a rectangle with cut corners.
pub fn outline(r: Rect, shape: Outline, k: f64) -> Vec<Point> {
    let (l, t, rt, b) = (r.x0, r.y0, r.x1, r.y1);
    match shape {
        Outline::Rectangle => vec![Point::new(l, t), Point::new(rt, t), Point::new(rt, b), Point::new(l, b)],
        Outline::CutCorners => {
            let c = (12.0 * k).min(r.height() / 3.0);
            vec![
                Point::new(l + c, t),
                Point::new(rt - c, t),
                Point::new(rt, t + c),
                Point::new(rt, b - c),
                Point::new(rt - c, b),
                Point::new(l + c, b),
                Point::new(l, b - c),
                Point::new(l, t + c),
            ]
        }
        Outline::Pill => {
            let rad = (r.height() / 2.0).min(r.width() / 2.0);
            let cy = r.center().y;
            let arc = |centre: Point, start: f64| {
                (0..=PILL_STEPS).map(move |i| {
                    let a = start + PI * i as f64 / PILL_STEPS as f64;
                    centre + Vec2::new(a.cos(), a.sin()) * rad
                })
            };
            arc(Point::new(rt - rad, cy), -FRAC_PI_2)
                .chain(arc(Point::new(l + rad, cy), FRAC_PI_2))
                .collect()
        }
    }
}

/// How far a stage's chevron point sticks out to the right.
fn chevron_tip(r: Rect, k: f64) -> f64 {
    (r.height() / 4.0).min(18.0 * k)
}

/// A stage: a chevron pointing right, where the influences arrive.
pub fn chevron(r: Rect, k: f64) -> [Point; 5] {
    let tip = chevron_tip(r, k);
    let cy = r.center().y;
    [
        Point::new(r.x0, r.y0),
        Point::new(r.x1 - tip, r.y0),
        Point::new(r.x1, cy),
        Point::new(r.x1 - tip, r.y1),
        Point::new(r.x0, r.y1),
    ]
}

/// A small labelled box or disc on a node: the stage's number, the locus, the hinder sign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Badge {
    pub rect: Rect,
    /// The corner radius: half the size for a disc.
    pub radius: f64,
    /// The font size of its text.
    pub text_size: f64,
}

impl Badge {
    /// Where its one line of text goes, centred.
    pub fn baseline(&self) -> Point {
        let c = self.rect.center();
        Point::new(c.x, c.y + self.text_size * text::CAP_CENTRE)
    }

    /// The same badge moved to be centred on `p` (the legends show badges on their own).
    pub fn centred_on(self, p: Point) -> Badge {
        Badge {
            rect: self.rect + (p - self.rect.center()),
            ..self
        }
    }
}

/// The disc with a stage's number, left of its label.
pub fn stage_number(r: Rect, k: f64) -> Badge {
    let centre = Point::new(r.x0 + 18.0 * k, r.center().y);
    Badge {
        rect: Rect::from_center_size(centre, (22.0 * k, 22.0 * k)),
        radius: 11.0 * k,
        text_size: 13.0 * k,
    }
}

/// The INT / EXT badge, straddling the top edge near the left corner.
pub fn locus_badge(r: Rect, k: f64) -> Badge {
    Badge {
        rect: Rect::from_center_size((r.x0 + 24.0 * k, r.y0), (30.0 * k, 15.0 * k)),
        radius: 3.0 * k,
        text_size: 10.0 * k,
    }
}

/// The "−" disc of a determinant that hinders overall, straddling the top edge near the right
/// corner; its bar is half the disc wide.
pub fn hinder_badge(r: Rect, k: f64) -> Badge {
    Badge {
        rect: Rect::from_center_size((r.x1 - 14.0 * k, r.y0), (16.0 * k, 16.0 * k)),
        radius: 8.0 * k,
        text_size: 0.0,
    }
}

/// One chip per category, in the category's order, along the bottom edge of a determinant.
pub fn chips(r: Rect, count: usize, k: f64) -> impl Iterator<Item = Rect> {
    (0..count).map(move |i| {
        Rect::from_origin_size(
            (r.x0 + (14.0 + i as f64 * 19.0) * k, r.y1 - 11.0 * k),
            (16.0 * k, 6.0 * k),
        )
    })
}

/// The centre of a determinant's label: the box's, above the chips.
pub fn determinant_label_centre(r: Rect, k: f64) -> Point {
    Point::new(r.center().x, (r.y0 + r.y1 - CHIP_ROOM * k) / 2.0)
}

/// The centre of a stage's label: between its number and its point.
pub fn stage_label_centre(r: Rect, k: f64) -> Point {
    Point::new(
        (r.x0 + STAGE_NUMBER_ROOM * k + r.x1 - chevron_tip(r, k)) / 2.0,
        r.center().y,
    )
}

/// Where the ray from `origin` (inside `r`) in direction `dir` leaves `r`.
pub fn border_point(r: Rect, origin: Point, dir: Vec2) -> Point {
    let along = |d: f64, lo: f64, hi: f64, o: f64| {
        if d > 0.0 {
            (hi - o) / d
        } else if d < 0.0 {
            (lo - o) / d
        } else {
            f64::INFINITY
        }
    };
    let t = along(dir.x, r.x0, r.x1, origin.x).min(along(dir.y, r.y0, r.y1, origin.y));
    if t.is_finite() && t > 0.0 {
        origin + dir * t
    } else {
        origin
    }
}

/// Where a link between two boxes starts and ends: on their borders, on the line between their
/// centres moved sideways by `shift` (so two opposite links between one pair stay apart).
/// `None` when the centres are less than a unit apart: there is no direction between them.
pub fn link_ends(from: Rect, to: Rect, shift: f64) -> Option<(Point, Point)> {
    let d = to.center() - from.center();
    if d.hypot() < 1.0 {
        return None;
    }
    let normal = unit(d.turn_90()) * shift;
    let (ca, cb) = (from.center() + normal, to.center() + normal);
    Some((border_point(from, ca, cb - ca), border_point(to, cb, ca - cb)))
}

/// The end of an influence that encodes its sign.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tip {
    /// Enables: a filled triangle, its point on the target.
    Arrow([Point; 3]),
    /// Hinders: a bar across the line (⊣), drawn `width` thick.
    Bar { ends: (Point, Point), width: f64 },
}

/// How an influence of `width` ends at `end`, arriving in direction `dir` (a unit vector), with a
/// head of size `head`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinkEnd {
    /// Where the line stops: under the arrowhead, or at the bar, so it does not poke out.
    pub stop: Point,
    pub tip: Tip,
}

pub fn link_end(end: Point, dir: Vec2, sign: Sign, width: f64, head: f64) -> LinkEnd {
    let normal = dir.turn_90();
    match sign {
        Sign::Enables => {
            let base = end - dir * (head * 1.3);
            LinkEnd {
                stop: end - dir * (head * 1.2),
                tip: Tip::Arrow([end, base + normal * (head * 0.6), base - normal * (head * 0.6)]),
            }
        }
        Sign::Hinders => {
            let stop = end - dir * width;
            LinkEnd {
                stop,
                tip: Tip::Bar {
                    ends: (stop + normal * (head * 0.75), stop - normal * (head * 0.75)),
                    width: width.max(2.0) * 1.3,
                },
            }
        }
    }
}

/// The dashes of a hindering influence `width` wide: (dash, gap), longer for thicker lines.
pub fn hinders_dash(width: f64) -> (f64, f64) {
    (3.0 * width + 6.0, 2.0 * width + 3.0)
}

/// An influence of a determinant on itself: a loop out of the top edge and back into the right
/// edge. It arrives in direction `unit(p3 - p2)`.
pub fn self_loop(r: Rect, k: f64) -> CubicBez {
    let start = Point::new(r.x1 - 36.0 * k, r.y0);
    let end = Point::new(r.x1, r.y0 + 14.0 * k);
    CubicBez::new(
        start,
        start + Vec2::new(0.0, -44.0 * k),
        end + Vec2::new(44.0 * k, 0.0),
        end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_ends_sit_on_the_borders() {
        let a = Rect::from_center_size((0.0, 0.0), (100.0, 40.0));
        let b = Rect::from_center_size((300.0, 0.0), (100.0, 40.0));
        assert_eq!(
            link_ends(a, b, 0.0),
            Some((Point::new(50.0, 0.0), Point::new(250.0, 0.0)))
        );
        let (p, q) = link_ends(a, b, 5.0).unwrap();
        assert_eq!((p.y, q.y), (5.0, 5.0));
        assert_eq!(link_ends(a, a, 0.0), None);
    }

    /// Every outline spans its box exactly, so a node looks as big as it is wherever it is drawn.
    #[test]
    fn outlines_span_their_box() {
        let r = Rect::new(10.0, 20.0, 190.0, 68.0);
        for shape in [Outline::Rectangle, Outline::Pill, Outline::CutCorners] {
            let ps = outline(r, shape, 1.0);
            let bbox = ps.iter().fold(Rect::from_points(ps[0], ps[0]), |b, p| b.union_pt(*p));
            assert!(
                (bbox.x0 - r.x0).abs() < 1e-9 && (bbox.x1 - r.x1).abs() < 1e-9,
                "{shape:?}"
            );
            assert!(
                (bbox.y0 - r.y0).abs() < 1e-9 && (bbox.y1 - r.y1).abs() < 1e-9,
                "{shape:?}"
            );
        }
    }

    /// Drawing at a scale is drawing the scaled box: what the canvas shows at any zoom is the SVG's
    /// shape, magnified.
    #[test]
    fn shapes_scale_with_their_box() {
        let r = Rect::new(10.0, 20.0, 190.0, 68.0);
        let scaled = |p: Point| Point::new(p.x * 2.5, p.y * 2.5);
        let r2 = Rect::from_points(scaled(r.origin()), scaled(Point::new(r.x1, r.y1)));
        let close = |a: Point, b: Point| (a - b).hypot() < 1e-9;
        for shape in [Outline::Rectangle, Outline::Pill, Outline::CutCorners] {
            let (a, b) = (outline(r, shape, 1.0), outline(r2, shape, 2.5));
            assert!(a.iter().zip(&b).all(|(p, q)| close(scaled(*p), *q)), "{shape:?}");
        }
        assert!(
            chevron(r, 1.0)
                .iter()
                .zip(chevron(r2, 2.5))
                .all(|(p, q)| close(scaled(*p), q))
        );
        assert!(close(scaled(stage_label_centre(r, 1.0)), stage_label_centre(r2, 2.5)));
        assert!(close(
            scaled(locus_badge(r, 1.0).baseline()),
            locus_badge(r2, 2.5).baseline()
        ));
    }

    #[test]
    fn link_ends_point_at_their_target() {
        let dir = Vec2::new(1.0, 0.0);
        let end = Point::new(100.0, 0.0);
        let e = link_end(end, dir, Sign::Enables, 2.0, 10.0);
        assert!(e.stop.x < end.x);
        let Tip::Arrow(tri) = e.tip else { panic!("an arrowhead") };
        assert_eq!(tri[0], end);
        let h = link_end(end, dir, Sign::Hinders, 2.0, 10.0);
        let Tip::Bar { ends: (p, q), .. } = h.tip else {
            panic!("a bar")
        };
        assert_eq!((p.x, q.x), (98.0, 98.0));
        assert_eq!(unit(Vec2::ZERO), Vec2::ZERO);
    }
}
