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
}

/// The geometry of every node of one document revision.
#[derive(Default)]
pub struct Geometry {
    pub nodes: Vec<NodeGeom>,
    index: HashMap<Id, usize>,
    /// Every (from, to) pair that has an influence, to draw opposite pairs side by side.
    pairs: HashSet<(Id, Id)>,
    key: Option<(u64, u32)>,
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
        self.pairs = map.influences.iter().map(|i| (i.from.clone(), i.to.clone())).collect();
        let measure = |label: &str, kind: NodeKind| -> Vec2 {
            let wrap = label_wrap_width(kind);
            let galley = painter.layout(label.to_owned(), label_font(1.0), egui::Color32::WHITE, wrap);
            // The text is laid out at scale 1 and drawn at `label_scale`, so the box grows with it.
            galley.size() * label_scale
        };
        for (i, stage) in map.stages.iter().enumerate() {
            let kind = NodeKind::Stage(i + 1);
            let text = measure(&stage.label, kind);
            let size = Vec2::new(STAGE_WIDTH.max(text.x + 2.0 * PAD + STAGE_NUMBER_ROOM), (text.y + 2.0 * PAD).max(52.0));
            self.push(stage.id.clone(), kind, Rect::from_center_size(pos(stage.position), size));
        }
        for det in &map.determinants {
            let text = measure(&det.label, NodeKind::Determinant);
            let size = Vec2::new(DET_WIDTH.max(text.x + 2.0 * PAD), (text.y + 2.0 * PAD).max(44.0));
            self.push(det.id.clone(), NodeKind::Determinant, Rect::from_center_size(pos(det.position), size));
        }
    }

    /// Forgets everything, so the next `update` recomputes even for the same revision (a new document).
    pub fn invalidate(&mut self) {
        self.key = None;
    }

    fn push(&mut self, id: Id, kind: NodeKind, rect: Rect) {
        self.index.insert(id.clone(), self.nodes.len());
        self.nodes.push(NodeGeom { id, kind, rect });
    }

    /// Whether an influence in the opposite direction joins the same two nodes.
    pub fn has_reverse(&self, inf: &crate::model::Influence) -> bool {
        self.pairs.contains(&(inf.to.clone(), inf.from.clone()))
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
