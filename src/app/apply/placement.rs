//! New things in free space: a determinant or stage added from the toolbar, the keyboard, a
//! double-click or a pasted list goes next to the selection or the last node made, never on top
//! of another node (the core's [`FreeSpace`]), and the canvas moves just enough to show it.

use super::{AppModel, CanvasEffect};
use crate::geometry::{MapGeometry, NodeKind, Point, Rect};
use crate::layout::{FreeSpace, GAP, STAGE_GAP};
use crate::model::{Id, Position};
use kurbo::Size;

/// Where a run of new nodes goes: the space left by the map, and the spot the next one prefers.
pub(super) struct Placer {
    space: FreeSpace,
    /// The box of the node placed last (or of the anchor): the next goes below it.
    below: Option<Rect>,
    /// Where the first goes when there is no anchor.
    at: Point,
    /// The area the nodes placed so far cover, to bring into view.
    placed: Option<Rect>,
}

impl Placer {
    /// The next determinant's position: below the previous one if there is one, else at the
    /// starting spot; the nearest free spot to that.
    pub(super) fn determinant(&mut self, label: &str) -> Position {
        let size = determinant_size(label);
        let preferred = match self.below {
            Some(r) => Point::new(r.center().x, r.y1 + GAP + size.height / 2.0),
            None => self.at,
        };
        self.put(size, preferred)
    }

    /// Positions for a list of new determinants, in a column in the order given: the column is
    /// placed as one block (below the anchor, in free space), so a pasted list keeps its order
    /// and stays together instead of each line going to a different gap.
    pub(super) fn column(&mut self, labels: &[String]) -> Vec<Position> {
        let sizes: Vec<Size> = labels.iter().map(|l| determinant_size(l)).collect();
        let width = sizes.iter().map(|s| s.width).fold(0.0, f64::max);
        let height = sizes.iter().map(|s| s.height).sum::<f64>() + GAP * sizes.len().saturating_sub(1) as f64;
        let block = Size::new(width, height);
        let preferred = match self.below {
            Some(r) => Point::new(r.center().x, r.y1 + GAP + height / 2.0),
            None => self.at,
        };
        self.put(block, preferred);
        let Some(placed) = self.below else { return Vec::new() };
        let mut top = placed.y0;
        sizes
            .iter()
            .map(|s| {
                let y = top + s.height / 2.0;
                top += s.height + GAP;
                Position::new(placed.center().x as f32, y as f32)
            })
            .collect()
    }

    fn put(&mut self, size: Size, preferred: Point) -> Position {
        let c = self.space.place(size, preferred);
        let rect = Rect::from_center_size(c, size);
        self.below = Some(rect);
        self.placed = Some(self.placed.map_or(rect, |r| r.union(rect)));
        Position::new(c.x as f32, c.y as f32)
    }

    /// The map area the nodes placed so far cover, to bring into view.
    fn placed(&self) -> Option<Rect> {
        self.placed
    }
}

/// The box size of a node of `kind` labelled `label`, from the one geometry the canvas draws with.
fn size_of(kind: NodeKind, label: &str) -> Size {
    let lines = crate::geometry::label_lines(kind, label).len();
    crate::geometry::node_rect(kind, Position::default(), lines).size()
}

fn determinant_size(label: &str) -> Size {
    size_of(NodeKind::Determinant, label)
}

fn stage_size(label: &str) -> Size {
    size_of(NodeKind::Stage(1), label)
}

fn point(p: Position) -> Point {
    Point::new(f64::from(p.x), f64::from(p.y))
}

impl AppModel {
    /// A placer for new determinants. `at`: a spot the user chose (a double-click), kept unless
    /// it is taken; else they go below the selected nodes, or below the last node made, or in
    /// the middle of the view.
    pub(super) fn determinant_placer(&self, at: Option<Position>) -> Placer {
        let map = &self.state.doc.map;
        let geometry = MapGeometry::new(map);
        let anchor = if at.is_some() { None } else { self.anchor_box(&geometry) };
        Placer {
            space: FreeSpace::new(geometry.nodes.iter().map(|n| n.rect)),
            below: anchor,
            at: point(at.unwrap_or(self.view_centre)),
            placed: None,
        }
    }

    /// The box new determinants go below: the lowest selected node, else the last node made.
    fn anchor_box(&self, geometry: &MapGeometry) -> Option<Rect> {
        let selected = self
            .state
            .selection
            .ids
            .iter()
            .filter_map(|id| geometry.get(id))
            .map(|n| n.rect)
            .max_by(|a, b| a.y1.total_cmp(&b.y1).then(b.x0.total_cmp(&a.x0)));
        selected.or_else(|| self.last_made.as_ref().and_then(|id| geometry.get(id)).map(|n| n.rect))
    }

    /// Where a new stage goes: below the selected stage, else below the last stage (stages
    /// usually form a column, one `STAGE_GAP` apart), else in the middle of the view; the
    /// nearest free spot to that.
    pub(super) fn place_stage(&mut self, label: &str) -> Position {
        let map = &self.state.doc.map;
        let geometry = MapGeometry::new(map);
        let selected = map.stages.iter().rev().find(|s| self.state.selection.contains(&s.id));
        let preferred = match selected.or(map.stages.last()) {
            Some(s) => Point::new(f64::from(s.position.x), f64::from(s.position.y) + f64::from(STAGE_GAP)),
            None => point(self.view_centre),
        };
        let size = stage_size(label);
        let c = FreeSpace::new(geometry.nodes.iter().map(|n| n.rect)).place(size, preferred);
        self.show(Rect::from_center_size(c, size));
        Position::new(c.x as f32, c.y as f32)
    }

    /// The canvas moves as little as needed to show what `placer` placed (all of it, if it fits).
    pub(super) fn show_placed(&mut self, placer: &Placer) {
        if let Some(r) = placer.placed() {
            self.show(r);
        }
    }

    fn show(&mut self, r: Rect) {
        let rect = egui::Rect::from_min_max(
            egui::pos2(r.x0 as f32, r.y0 as f32),
            egui::pos2(r.x1 as f32, r.y1 as f32),
        );
        self.canvas(CanvasEffect::Show(rect));
    }

    /// Remembers the node made last, which the next one goes next to when nothing is selected.
    pub(super) fn made(&mut self, id: Id) {
        self.last_made = Some(id);
    }
}
