//! Where each stage and determinant sits, how big it is and where its label breaks, in map units:
//! `crate::geometry`'s, the same the SVG and PNG are drawn from, converted once per document
//! revision (not per frame) to egui's types for drawing, hit-testing and zoom-to-fit.

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
    /// Each node's label as last wrapped, in the order of `nodes`.
    labels: Vec<String>,
    /// Each influence's ends as last linked.
    ends: Vec<(Id, Id)>,
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
    /// Brings the geometry up to the document if it changed since the last call. Only labels
    /// that changed are wrapped again (measuring text was the largest part of this on a big map,
    /// and an edit changes one label or a few positions); the index and the links are rebuilt only
    /// when the nodes or the influences' ends changed.
    pub fn update(&mut self, map: &Map, revision: u64) {
        if self.revision == Some(revision) {
            return;
        }
        self.revision = Some(revision);
        let colours: HashMap<&str, Colour> = map.categories.iter().map(|c| (c.name.as_str(), c.colour)).collect();
        let stages = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (NodeKind::Stage(i + 1), &s.id, &s.label, s.position, &[][..]));
        let determinants = map
            .determinants
            .iter()
            .map(|d| (NodeKind::Determinant, &d.id, &d.label, d.position, &d.categories[..]));
        let count = map.stages.len() + map.determinants.len();
        let mut old = std::mem::take(&mut self.nodes);
        let mut labels = std::mem::take(&mut self.labels);
        let same_nodes = old.len() == count && labels.len() == count;
        let mut nodes = Vec::with_capacity(count);
        let mut new_labels = Vec::with_capacity(count);
        let mut ids_kept = same_nodes;
        for (k, (kind, id, label, position, names)) in stages.chain(determinants).enumerate() {
            let kept = same_nodes && old[k].id == *id && old[k].kind == kind && labels[k] == *label;
            ids_kept &= same_nodes && old[k].id == *id && old[k].kind == kind;
            let (lines, label) = if kept {
                (std::mem::take(&mut old[k].lines), std::mem::take(&mut labels[k]))
            } else {
                (crate::geometry::label_lines(kind, label), label.clone())
            };
            nodes.push(NodeGeom {
                rect: rect(crate::geometry::node_rect(kind, position, lines.len())),
                colours: names
                    .iter()
                    .map(|name| {
                        colours
                            .get(name.as_str())
                            .map_or(egui::Color32::GRAY, |c| super::style::colour(*c))
                    })
                    .collect(),
                id: id.clone(),
                kind,
                lines,
            });
            new_labels.push(label);
        }
        self.nodes = nodes;
        self.labels = new_labels;
        if !ids_kept {
            self.index.clear();
            for (k, n) in self.nodes.iter().enumerate() {
                self.index.entry(n.id.clone()).or_insert(k);
            }
        }
        let ends_kept = ids_kept
            && self.ends.len() == map.influences.len()
            && self
                .ends
                .iter()
                .zip(&map.influences)
                .all(|((a, b), i)| *a == i.from && *b == i.to);
        if !ends_kept {
            let (links, reversed) = crate::geometry::links(map, |id| self.index.get(id).copied());
            self.links = links;
            self.reversed = reversed;
            self.ends = map.influences.iter().map(|i| (i.from.clone(), i.to.clone())).collect();
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Id, Position};

    /// What is drawn, to compare a geometry kept up to date edit by edit with one made afresh.
    fn drawn(g: &Geometry) -> Vec<String> {
        let nodes = g
            .nodes
            .iter()
            .map(|n| format!("{:?} {:?} {:?} {:?} {:?}", n.id, n.kind, n.rect, n.lines, n.colours));
        nodes.chain([format!("{:?} {:?}", g.links, g.reversed)]).collect()
    }

    #[test]
    fn a_geometry_kept_up_to_date_is_the_one_made_afresh() {
        let mut map = crate::samples::default_sample().unwrap().load().unwrap();
        let mut kept = Geometry::default();
        kept.update(&map, 0);
        let edits: Vec<Box<dyn Fn(&mut Map)>> = vec![
            Box::new(|m| {
                m.determinants[3].label = "A much longer label that needs more lines than it had before, surely".into()
            }),
            Box::new(|m| m.determinants[5].position = Position::new(1234.0, -50.0)),
            Box::new(|m| m.stages[0].label = "Short".into()),
            Box::new(|m| {
                let i = m.influences[0].clone();
                m.influences[1].to = i.from.clone();
            }),
            Box::new(|m| {
                m.determinants.remove(2);
                let gone: Id = m.influences[0].from.clone();
                m.influences.retain(|i| i.from != gone && i.to != gone);
            }),
            Box::new(|m| m.categories[0].colour = crate::model::Colour([1, 2, 3])),
            Box::new(|m| m.determinants.swap(0, 1)),
        ];
        for (revision, edit) in (1..).zip(edits) {
            edit(&mut map);
            kept.update(&map, revision);
            let mut fresh = Geometry::default();
            fresh.update(&map, revision);
            assert_eq!(drawn(&kept), drawn(&fresh), "after edit {revision}");
        }
    }
}
