//! Where each stage and determinant sits, how big it is and where its label breaks, in map units:
//! `crate::geometry`'s, the same the SVG and PNG are drawn from, converted once per document
//! revision (not per frame) to egui's types for drawing, hit-testing and zoom-to-fit.

use crate::geometry::MapGeometry;
pub use crate::geometry::{DET_WIDTH, NodeKind};
use crate::model::{Colour, Id, Map};
use egui::{Rect, pos2};
use std::collections::HashMap;

#[derive(Debug, Clone)]
pub struct NodeGeom {
    pub id: Id,
    pub kind: NodeKind,
    /// In map units, centred on the node's stored position.
    pub rect: Rect,
    /// The label, broken into lines where the SVG breaks it.
    pub lines: Vec<String>,
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
    revision: Option<u64>,
}

/// A box of the shared geometry in egui's type.
pub fn rect(r: crate::geometry::Rect) -> Rect {
    Rect::from_min_max(pos2(r.x0 as f32, r.y0 as f32), pos2(r.x1 as f32, r.y1 as f32))
}

/// A box in egui's type in the shared geometry's.
pub fn kurbo_rect(r: Rect) -> crate::geometry::Rect {
    crate::geometry::Rect::new(r.min.x.into(), r.min.y.into(), r.max.x.into(), r.max.y.into())
}

impl Geometry {
    /// Recomputes the geometry if the document changed since the last call.
    pub fn update(&mut self, map: &Map, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        let shared = MapGeometry::new(map);
        let colours: HashMap<&str, Colour> = map.categories.iter().map(|c| (c.name.as_str(), c.colour)).collect();
        let categories = map
            .stages
            .iter()
            .map(|_| &[][..])
            .chain(map.determinants.iter().map(|d| &d.categories[..]));
        self.nodes = shared
            .nodes
            .into_iter()
            .zip(categories)
            .map(|(n, names)| NodeGeom {
                rect: rect(n.rect),
                colours: names
                    .iter()
                    .map(|name| {
                        colours
                            .get(name.as_str())
                            .map_or(egui::Color32::GRAY, |c| super::style::colour(*c))
                    })
                    .collect(),
                id: n.id,
                kind: n.kind,
                lines: n.lines,
            })
            .collect();
        self.index.clear();
        for (k, n) in self.nodes.iter().enumerate() {
            self.index.entry(n.id.clone()).or_insert(k);
        }
        self.links = shared.links;
        self.reversed = shared.reversed;
    }

    /// Forgets everything, so the next `update` recomputes even for the same revision (a new document).
    pub fn invalidate(&mut self) {
        self.revision = None;
    }

    pub fn get(&self, id: &Id) -> Option<&NodeGeom> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    /// The bounding box of every node, or `None` for an empty map.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes.iter().map(|n| n.rect).reduce(|a, b| a.union(b))
    }

    /// The box around the stages of response (`None` when the map has none).
    pub fn stage_bounds(&self) -> Option<Rect> {
        self.nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Stage(_)))
            .map(|n| n.rect)
            .reduce(|a, b| a.union(b))
    }
}
