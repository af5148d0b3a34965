//! Where each stage and determinant sits and how big it is, in map units. Sizes depend on the
//! wrapped label, so they are computed once per document revision (not per frame) and reused for
//! drawing, hit-testing and zoom-to-fit.

use super::camera::pos;
use crate::model::{Id, Map};
use egui::{FontId, Pos2, Rect, Vec2};
use std::collections::{HashMap, HashSet};

/// Width of a determinant box, in map units; labels wrap inside it.
pub const DET_WIDTH: f32 = 180.0;
pub const STAGE_WIDTH: f32 = 230.0;
/// Inner padding around a label.
pub const PAD: f32 = 10.0;
/// Room on the left of a stage for its number.
pub const STAGE_NUMBER_ROOM: f32 = 30.0;
/// Label font size at zoom 1, before presentation mode scales it.
pub const LABEL_SIZE: f32 = 15.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A stage, with its 1-based order in the map.
    Stage(usize),
    Determinant,
}

#[derive(Debug, Clone)]
pub struct NodeGeom {
    pub id: Id,
    pub kind: NodeKind,
    /// In map units, centred on the node's stored position.
    pub rect: Rect,
    /// The colours of a determinant's categories, in its order (empty for a stage).
    pub colours: Vec<egui::Color32>,
}

/// The geometry of every node of one document revision.
#[derive(Default)]
pub struct Geometry {
    pub nodes: Vec<NodeGeom>,
    index: HashMap<Id, usize>,
    /// For each influence of the map, in order: the indices in `nodes` of its two ends.
    pub links: Vec<Option<(usize, usize)>>,
    /// For each influence: whether another goes the opposite way between the same nodes (the two
    /// are drawn side by side).
    pub reversed: Vec<bool>,
    key: Option<(u64, u32)>,
    /// Label sizes at scale 1 by node kind and text, kept across revisions: an edit re-measures
    /// only labels that changed (measuring 10,000 labels takes a noticeable fraction of a second).
    measured: HashMap<(bool, String), Vec2>,
}

pub fn label_font(scale: f32) -> FontId {
    FontId::proportional(LABEL_SIZE * scale)
}

pub fn label_wrap_width(kind: NodeKind) -> f32 {
    match kind {
        NodeKind::Determinant => DET_WIDTH - 2.0 * PAD,
        NodeKind::Stage(_) => STAGE_WIDTH - 2.0 * PAD - STAGE_NUMBER_ROOM,
    }
}

impl Geometry {
    /// Recomputes the geometry if the document or the label scale changed since the last call.
    pub fn update(&mut self, painter: &egui::Painter, map: &Map, revision: u64, label_scale: f32) {
        let key = (revision, label_scale.to_bits());
        if self.key == Some(key) {
            return;
        }
        self.key = Some(key);
        self.nodes.clear();
        self.index.clear();
        let mut measured = std::mem::take(&mut self.measured);
        let mut used = HashSet::new();
        let mut measure = |label: &str, kind: NodeKind| -> Vec2 {
            let key = (kind == NodeKind::Determinant, label.to_owned());
            let size = *measured.entry(key.clone()).or_insert_with(|| {
                let galley = painter.layout(
                    label.to_owned(),
                    label_font(1.0),
                    egui::Color32::WHITE,
                    label_wrap_width(kind),
                );
                galley.size()
            });
            used.insert(key);
            // The text is laid out at scale 1 and drawn at `label_scale`, so the box grows with it.
            size * label_scale
        };
        for (i, stage) in map.stages.iter().enumerate() {
            let kind = NodeKind::Stage(i + 1);
            let text = measure(&stage.label, kind);
            let size = Vec2::new(
                STAGE_WIDTH.max(text.x + 2.0 * PAD + STAGE_NUMBER_ROOM),
                (text.y + 2.0 * PAD).max(52.0),
            );
            self.push(
                stage.id.clone(),
                kind,
                Rect::from_center_size(pos(stage.position), size),
                Vec::new(),
            );
        }
        for det in &map.determinants {
            let text = measure(&det.label, NodeKind::Determinant);
            let size = Vec2::new(DET_WIDTH.max(text.x + 2.0 * PAD), (text.y + 2.0 * PAD).max(44.0));
            let colours = det
                .categories
                .iter()
                .map(|name| {
                    map.category(name)
                        .map_or(egui::Color32::GRAY, |c| super::style::colour(c.colour))
                })
                .collect();
            self.push(
                det.id.clone(),
                NodeKind::Determinant,
                Rect::from_center_size(pos(det.position), size),
                colours,
            );
        }
        measured.retain(|k, _| used.contains(k));
        self.measured = measured;
        self.links = map
            .influences
            .iter()
            .map(|i| Some((*self.index.get(&i.from)?, *self.index.get(&i.to)?)))
            .collect();
        let pairs: HashSet<(usize, usize)> = self.links.iter().flatten().copied().collect();
        self.reversed = self
            .links
            .iter()
            .map(|l| l.is_some_and(|(a, b)| pairs.contains(&(b, a))))
            .collect();
    }

    /// Forgets everything, so the next `update` recomputes even for the same revision (a new document).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    fn push(&mut self, id: Id, kind: NodeKind, rect: Rect, colours: Vec<egui::Color32>) {
        self.index.insert(id.clone(), self.nodes.len());
        self.nodes.push(NodeGeom {
            id,
            kind,
            rect,
            colours,
        });
    }

    pub fn get(&self, id: &Id) -> Option<&NodeGeom> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The topmost node under `p` (map units): determinants are drawn over stages, later over earlier.
    pub fn node_at(&self, p: Pos2) -> Option<&NodeGeom> {
        self.nodes.iter().rev().find(|n| n.rect.contains(p))
    }

    /// The bounding box of every node, or `None` for an empty map.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes.iter().map(|n| n.rect).reduce(|a, b| a.union(b))
    }
}
