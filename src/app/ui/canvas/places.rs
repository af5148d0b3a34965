//! Where the canvas draws each node while a presentation step gathers what it is about
//! (`StepView::gathered`, the layout the slides print too): the geometry's boxes are moved there
//! from their places on the map, gliding with the view so the room sees where each one goes, and
//! put back when the step ends. Nothing is moved in the map itself.

use super::GLIDE_SECONDS;
use super::geometry::Geometry;
use crate::export::step_view::StepView;
use crate::model::Map;
use egui::{Rect, Vec2, pos2, vec2};

/// Each node's offset from its place on the map (stages, then determinants), as drawn now and
/// where it is going.
#[derive(Default)]
pub struct Places {
    from: Vec<Vec2>,
    to: Vec<Vec2>,
    /// When the glide from `from` to `to` began (egui's input time).
    start: f64,
    /// The boxes were moved in the last frame: put back once when no step gathers any more.
    moved: bool,
    /// The document revision whose geometry already has every box where the step puts it (the
    /// glide over): nothing to move until the target, the revision or the geometry changes.
    settled: Option<u64>,
}

fn map_places(map: &Map) -> impl Iterator<Item = egui::Pos2> + '_ {
    map.node_positions().map(|p| pos2(p.x, p.y))
}

impl Places {
    /// Whether a step gathers the nodes (they are not where the map has them): dragging one
    /// would move it on the map, not where it is drawn, so the canvas does not.
    pub fn gathered(&self) -> bool {
        !self.to.is_empty()
    }

    /// Where the step on screen draws the nodes; `None` (or a step keeping the map's places): at
    /// once back on the map. A new target starts a glide from where the nodes are drawn now.
    pub fn aim(&mut self, map: &Map, step: Option<&StepView>, now: f64) {
        let to: Vec<Vec2> = match step.and_then(|v| v.gathered.as_ref()) {
            Some(places) => map_places(map)
                .zip(places)
                .map(|(on_map, p)| vec2(p.x, p.y) - on_map.to_vec2())
                .collect(),
            None => Vec::new(),
        };
        if to == self.to {
            return;
        }
        self.from = if to.is_empty() {
            Vec::new()
        } else {
            self.offsets_at(now)
        };
        self.to = to;
        self.start = now;
        self.settled = None;
    }

    fn progress(&self, now: f64) -> f32 {
        let t = ((now - self.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        t * t * (3.0 - 2.0 * t)
    }

    fn offsets_at(&self, now: f64) -> Vec<Vec2> {
        let e = self.progress(now);
        (0..self.to.len())
            .map(|k| {
                let from = self.from.get(k).copied().unwrap_or(Vec2::ZERO);
                from + (self.to[k] - from) * e
            })
            .collect()
    }

    /// Moves the geometry's boxes (of the document's `revision`) to where the nodes are drawn at
    /// `now`, or where they are going with `None` (what a step's framing frames). Returns whether
    /// they are still on their way.
    pub fn place(&mut self, geometry: &mut Geometry, map: &Map, revision: u64, now: Option<f64>) -> bool {
        if self.to.is_empty() {
            if std::mem::take(&mut self.moved) {
                for (node, at) in geometry.nodes.iter_mut().zip(map_places(map)) {
                    node.rect = Rect::from_center_size(at, node.rect.size());
                }
            }
            return false;
        }
        if self.settled == Some(revision) {
            return false;
        }
        let offsets = match now {
            Some(now) => self.offsets_at(now),
            None => self.to.clone(),
        };
        for ((node, at), offset) in geometry.nodes.iter_mut().zip(map_places(map)).zip(&offsets) {
            node.rect = Rect::from_center_size(at + *offset, node.rect.size());
        }
        self.moved = true;
        let moving = now.is_some_and(|now| self.progress(now) < 1.0);
        if now.is_some() && !moving {
            self.settled = Some(revision);
        }
        moving
    }
}
