//! Where each node of a map sits, how big it is, and its label broken into lines.

use super::{
    CHIP_ROOM, DET_WIDTH, LABEL_SIZE, LINE_HEIGHT, MIN_DET_HEIGHT, MIN_STAGE_HEIGHT, PAD, Point, Rect, STAGE_WIDTH,
    text, wrap_width,
};
use crate::model::{Id, Map, Position};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// A stage, with its 1-based order in the map.
    Stage(usize),
    Determinant,
}

/// A node as drawn: its box, centred on its saved position, and its label broken into lines.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBox {
    pub id: Id,
    pub kind: NodeKind,
    pub rect: Rect,
    pub lines: Vec<String>,
}

impl NodeBox {
    /// The centre of the label block, in map units.
    pub fn label_centre(&self) -> Point {
        match self.kind {
            NodeKind::Stage(_) => super::stage_label_centre(self.rect, 1.0),
            NodeKind::Determinant => super::determinant_label_centre(self.rect, 1.0),
        }
    }
}

/// The geometry of every node and influence of a map, computed once per change of the map (in time
/// linear in the map and the length of its labels) and drawn by both painters.
#[derive(Debug, Clone, Default)]
pub struct MapGeometry {
    /// The stages, then the determinants, in map order (an id repeated in an invalid map has a
    /// node each time, and the first is the one influences attach to).
    pub nodes: Vec<NodeBox>,
    index: HashMap<Id, usize>,
    /// For each influence of the map, in order: the indices in `nodes` of its two ends, or `None`
    /// when one end names no node.
    pub links: Vec<Option<(usize, usize)>>,
    /// For each influence: whether another goes the opposite way between the same nodes (the two
    /// are drawn `PAIR_SHIFT` apart).
    pub reversed: Vec<bool>,
}

fn at(p: Position) -> Point {
    Point::new(f64::from(p.x), f64::from(p.y))
}

/// The box of a node of `kind` centred on `position` whose label breaks into `lines` lines.
pub fn node_rect(kind: NodeKind, position: Position, lines: usize) -> Rect {
    let (width, least, under) = match kind {
        NodeKind::Stage(_) => (STAGE_WIDTH, MIN_STAGE_HEIGHT, 0.0),
        NodeKind::Determinant => (DET_WIDTH, MIN_DET_HEIGHT, CHIP_ROOM),
    };
    let height = (lines as f64 * LINE_HEIGHT + 2.0 * PAD + under).max(least);
    Rect::from_center_size(at(position), (width, height))
}

/// The lines the label of a node of `kind` breaks into.
pub fn label_lines(kind: NodeKind, label: &str) -> Vec<String> {
    text::wrap(label, LABEL_SIZE, wrap_width(kind))
}

/// For each influence of `map`, in order: the indices of its two ends (`node` gives a node's
/// index), and whether another influence goes the opposite way between the same two nodes.
pub fn links(map: &Map, node: impl Fn(&Id) -> Option<usize>) -> (Vec<Option<(usize, usize)>>, Vec<bool>) {
    let links: Vec<Option<(usize, usize)>> = map
        .influences
        .iter()
        .map(|i| Some((node(&i.from)?, node(&i.to)?)))
        .collect();
    let pairs: HashSet<(usize, usize)> = links.iter().flatten().copied().collect();
    let reversed = links
        .iter()
        .map(|l| l.is_some_and(|(a, b)| a != b && pairs.contains(&(b, a))))
        .collect();
    (links, reversed)
}

impl MapGeometry {
    pub fn new(map: &Map) -> MapGeometry {
        let stages = map
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| (NodeKind::Stage(i + 1), &s.id, &s.label, s.position));
        let determinants = map
            .determinants
            .iter()
            .map(|d| (NodeKind::Determinant, &d.id, &d.label, d.position));
        let nodes: Vec<NodeBox> = stages
            .chain(determinants)
            .map(|(kind, id, label, position)| {
                let lines = label_lines(kind, label);
                NodeBox {
                    id: id.clone(),
                    kind,
                    rect: node_rect(kind, position, lines.len()),
                    lines,
                }
            })
            .collect();
        let mut index = HashMap::with_capacity(nodes.len());
        for (k, n) in nodes.iter().enumerate() {
            index.entry(n.id.clone()).or_insert(k);
        }
        let (links, reversed) = links(map, |id| index.get(id).copied());
        MapGeometry {
            nodes,
            index,
            links,
            reversed,
        }
    }

    /// The node of `id` (the first, if an invalid map repeats it).
    pub fn get(&self, id: &Id) -> Option<&NodeBox> {
        self.index.get(id).map(|&k| &self.nodes[k])
    }

    /// The box around every node, or `None` for a map with none.
    pub fn bounds(&self) -> Option<Rect> {
        self.nodes.iter().map(|n| n.rect).reduce(|a, b| a.union(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAP: &str = r##"(
    format_version: 2,
    title: "t",
    stages: [(id: "s", label: "Adoption")],
    categories: [(name: "C", colour: "#e69f00")],
    determinants: [
        (id: "a", label: "Media", categories: ["C"]),
        (id: "b", label: "Pressure from the United States through the Trafficking in Persons report rankings", categories: ["C"]),
    ],
    influences: [
        (id: "i1", from: "a", to: "b", sign: enables),
        (id: "i2", from: "b", to: "a", sign: hinders),
        (id: "i3", from: "a", to: "a", sign: hinders),
    ],
    layout: [(id: "a", x: 100.0, y: 50.0)],
)"##;

    #[test]
    fn boxes_are_centred_on_positions_and_grow_with_their_labels() {
        let mut map = crate::format::load_str(MAP).expect("the test map loads");
        // An influence to no node (only in an invalid map) has no ends.
        map.influences[2].to = Id::from("nowhere");
        let g = MapGeometry::new(&map);
        assert_eq!(g.nodes.len(), 3);
        let a = g.get(&Id::from("a")).unwrap();
        assert_eq!(a.rect.center(), Point::new(100.0, 50.0));
        assert_eq!((a.rect.width(), a.rect.height()), (DET_WIDTH, MIN_DET_HEIGHT));
        let b = g.get(&Id::from("b")).unwrap();
        assert!(b.lines.len() >= 3 && b.rect.height() > MIN_DET_HEIGHT, "{:?}", b.lines);
        assert_eq!(g.nodes[0].kind, NodeKind::Stage(1));
        assert_eq!(g.links, vec![Some((1, 2)), Some((2, 1)), None]);
        assert_eq!(g.reversed, vec![true, true, false]);
        map.influences[2].to = Id::from("a");
        let g = MapGeometry::new(&map);
        assert_eq!(
            (g.links[2], g.reversed[2]),
            (Some((1, 1)), false),
            "a self-loop is no pair"
        );
    }
}
