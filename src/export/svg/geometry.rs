//! Points, boxes, and where each node of the map sits and how big it is, in map units.
//!
//! Sizes follow the window's canvas (src/app/ui/canvas/geometry.rs): a node is centred on its
//! saved position, determinants are `DET_WIDTH` wide and as tall as their wrapped label, stages are
//! wider and leave room for their number.

use super::style::{CHIP_ROOM, DET_WIDTH, LABEL_SIZE, LINE_HEIGHT, PAD, STAGE_NUMBER_ROOM, STAGE_WIDTH};
use super::text;
use crate::model::{Id, Map, Position};
use std::collections::HashMap;
use std::ops::{Add, Mul, Sub};

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct V2 {
    pub x: f32,
    pub y: f32,
}

pub const fn v2(x: f32, y: f32) -> V2 {
    V2 { x, y }
}

impl V2 {
    pub fn length(self) -> f32 {
        self.x.hypot(self.y)
    }
    /// The unit vector, or zero for the zero vector.
    pub fn normalized(self) -> V2 {
        let l = self.length();
        if l > 0.0 { v2(self.x / l, self.y / l) } else { self }
    }
    /// Turned a quarter to the left (in SVG's downward y, to the right on screen).
    pub fn perp(self) -> V2 {
        v2(-self.y, self.x)
    }
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        v2(self.x + o.x, self.y + o.y)
    }
}
impl Sub for V2 {
    type Output = V2;
    fn sub(self, o: V2) -> V2 {
        v2(self.x - o.x, self.y - o.y)
    }
}
impl Mul<f32> for V2 {
    type Output = V2;
    fn mul(self, k: f32) -> V2 {
        v2(self.x * k, self.y * k)
    }
}

/// An axis-aligned box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub min: V2,
    pub max: V2,
}

impl Rect {
    pub fn from_center_size(c: V2, size: V2) -> Rect {
        Rect {
            min: c - size * 0.5,
            max: c + size * 0.5,
        }
    }
    pub fn from_min_size(min: V2, size: V2) -> Rect {
        Rect { min, max: min + size }
    }
    pub fn center(&self) -> V2 {
        (self.min + self.max) * 0.5
    }
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
    pub fn union(self, o: Rect) -> Rect {
        Rect {
            min: v2(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: v2(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }
    pub fn expand(self, by: f32) -> Rect {
        Rect {
            min: self.min - v2(by, by),
            max: self.max + v2(by, by),
        }
    }
}

/// Where the ray from `origin` (inside `r`) in direction `dir` leaves `r`.
pub fn border_point(r: Rect, origin: V2, dir: V2) -> V2 {
    let along = |d: f32, lo: f32, hi: f32, o: f32| {
        if d > 0.0 {
            (hi - o) / d
        } else if d < 0.0 {
            (lo - o) / d
        } else {
            f32::INFINITY
        }
    };
    let t = along(dir.x, r.min.x, r.max.x, origin.x).min(along(dir.y, r.min.y, r.max.y, origin.y));
    if t.is_finite() && t > 0.0 {
        origin + dir * t
    } else {
        origin
    }
}

/// Where a link between two boxes starts and ends: on their borders, on the line between their
/// centres moved sideways by `shift` (so two opposite links between one pair stay apart).
/// `None` when the boxes share their centre.
pub fn link_ends(from: Rect, to: Rect, shift: f32) -> Option<(V2, V2)> {
    let d = to.center() - from.center();
    if d.length() < 1.0 {
        return None;
    }
    let normal = d.perp().normalized() * shift;
    let (ca, cb) = (from.center() + normal, to.center() + normal);
    Some((border_point(from, ca, cb - ca), border_point(to, cb, ca - cb)))
}

/// A node as drawn: its box and its label broken into lines.
#[derive(Debug, Clone)]
pub struct NodeBox {
    pub rect: Rect,
    pub lines: Vec<String>,
    /// `Some(n)` for the n-th stage (from 1).
    pub stage: Option<usize>,
}

/// Every node of the map by id. An id used twice (only in an invalid map) keeps its first node.
pub struct Layout {
    pub nodes: HashMap<Id, NodeBox>,
}

fn pos(p: Position) -> V2 {
    v2(p.x, p.y)
}

/// The text width a label wraps to: a little less than the box, because a viewer may draw the SVG
/// with a slightly wider fallback font than the one measured.
const WRAP_SLACK: f32 = 0.94;

impl Layout {
    pub fn new(map: &Map) -> Layout {
        let mut nodes = HashMap::new();
        for (i, stage) in map.stages.iter().enumerate() {
            let wrap = (STAGE_WIDTH - 2.0 * PAD - STAGE_NUMBER_ROOM) * WRAP_SLACK;
            let lines = text::wrap(&stage.label, LABEL_SIZE, wrap);
            let size = v2(STAGE_WIDTH, (lines.len() as f32 * LINE_HEIGHT + 2.0 * PAD).max(52.0));
            let node = NodeBox {
                rect: Rect::from_center_size(pos(stage.position), size),
                lines,
                stage: Some(i + 1),
            };
            nodes.entry(stage.id.clone()).or_insert(node);
        }
        for det in &map.determinants {
            let lines = text::wrap(&det.label, LABEL_SIZE, (DET_WIDTH - 2.0 * PAD) * WRAP_SLACK);
            let size = v2(
                DET_WIDTH,
                (lines.len() as f32 * LINE_HEIGHT + 2.0 * PAD + CHIP_ROOM).max(48.0),
            );
            let node = NodeBox {
                rect: Rect::from_center_size(pos(det.position), size),
                lines,
                stage: None,
            };
            nodes.entry(det.id.clone()).or_insert(node);
        }
        Layout { nodes }
    }

    pub fn get(&self, id: &Id) -> Option<&NodeBox> {
        self.nodes.get(id)
    }

    /// The box around every node, or `None` for a map with none.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes.values().map(|n| n.rect).reduce(Rect::union)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_ends_sit_on_the_borders() {
        let a = Rect::from_center_size(v2(0.0, 0.0), v2(100.0, 40.0));
        let b = Rect::from_center_size(v2(300.0, 0.0), v2(100.0, 40.0));
        assert_eq!(link_ends(a, b, 0.0), Some((v2(50.0, 0.0), v2(250.0, 0.0))));
        let (p, q) = link_ends(a, b, 5.0).unwrap();
        assert_eq!((p.y, q.y), (5.0, 5.0));
        assert_eq!(link_ends(a, a, 0.0), None);
    }
}
