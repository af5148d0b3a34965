//! The room's work coming in: what File › Merge… leaves to review and what View › Compare with…
//! shows. Plain data the panels read (`ui/room.rs`); the apply point (`apply/room.rs`) makes and
//! changes it. The merge and the comparison themselves are the core's (`crate::merge`,
//! `crate::diff`).

use super::derived::emphasis::{Emphasis, Lit};
use crate::diff::{self, Change, What};
use crate::geometry::{MapGeometry, NodeBox};
use crate::merge::{Conflict, Holder, ItemKind};
use crate::model::{Id, Level, Map, Sign};
use std::collections::HashMap;

/// The conflicts of the last merge, until the list is closed. Which value an item holds is read
/// from the map each time (`merge::current`), so undo and redo need nothing here.
#[derive(Debug, Clone)]
pub struct MergeReview {
    /// The file merged in.
    pub file: String,
    pub conflicts: Vec<Conflict>,
    /// For each conflict, the item each value came from.
    pub holders: Vec<Vec<Holder>>,
    /// What the merge added: stages, determinants, influences.
    pub added: [usize; 3],
}

impl MergeReview {
    /// The first `limit` conflicts' items as the map has them now, by kind and id: one pass over the
    /// map (a search per conflict would cost the map's size each, every frame the list is drawn).
    pub fn items(&self, map: &Map, limit: usize) -> HashMap<(ItemKind, Id), Holder> {
        let wanted: std::collections::HashSet<(ItemKind, &Id)> =
            self.conflicts.iter().take(limit).map(|c| (c.kind, &c.id)).collect();
        let mut out = HashMap::with_capacity(wanted.len());
        let mut take = |kind: ItemKind, id: &Id, holder: &dyn Fn() -> Holder| {
            if wanted.contains(&(kind, id)) {
                out.entry((kind, id.clone())).or_insert_with(holder);
            }
        };
        for s in &map.stages {
            take(ItemKind::Stage, &s.id, &|| Holder::Stage(s.clone()));
        }
        for d in &map.determinants {
            take(ItemKind::Determinant, &d.id, &|| Holder::Determinant(d.clone()));
        }
        for i in &map.influences {
            take(ItemKind::Influence, &i.id, &|| Holder::Influence(i.clone()));
        }
        for s in &map.sources {
            take(ItemKind::Source, &s.id, &|| Holder::Source(s.clone()));
        }
        out
    }
}

/// The document compared with another map: what this map has that the other has not, lacks, or
/// says differently. Worked out again when the document changes (`key`).
pub struct Comparison {
    /// The other map's file name.
    pub file: String,
    pub other: Map,
    /// The other map's boxes, worked out once: it does not change while compared.
    other_boxes: Vec<NodeBox>,
    /// The other map is the "before": added means in this map only.
    pub changes: Vec<Change>,
    /// The added and changed stages, determinants and influences brought forward on the canvas,
    /// the rest faded.
    pub emphasis: Emphasis,
    /// What the other map has and this one lacks, drawn where the other map had it.
    pub ghosts: Ghosts,
    /// The document (serial, revision) the changes are for.
    pub key: (u64, u64),
}

impl Comparison {
    pub fn new(file: String, other: Map, doc: &Map, key: (u64, u64)) -> Self {
        let other_boxes = MapGeometry::new(&other).nodes;
        let mut c = Comparison {
            file,
            other,
            other_boxes,
            changes: Vec::new(),
            emphasis: Emphasis::default(),
            ghosts: Ghosts::default(),
            key,
        };
        c.compute(doc);
        c
    }

    /// Compares again if the document changed since.
    pub fn refresh(&mut self, doc: &Map, key: (u64, u64)) {
        if self.key != key {
            self.key = key;
            self.compute(doc);
        }
    }

    fn compute(&mut self, doc: &Map) {
        self.changes = diff::diff(&self.other, doc, false);
        let mut lit = Lit::default();
        for c in &self.changes {
            if matches!(c.what, What::Removed) || c.id.is_empty() {
                continue;
            }
            let id = Id::from(c.id.as_str());
            match c.kind {
                diff::Kind::Stage | diff::Kind::Determinant => {
                    lit.nodes.insert(id);
                }
                diff::Kind::Influence => {
                    lit.links.insert(id);
                }
                _ => {}
            }
        }
        // An influence brought forward needs its ends in view, not faded.
        let index = doc.index();
        for inf in doc.influences.iter().filter(|i| lit.links.contains(&i.id)) {
            for end in [&inf.from, &inf.to] {
                if index.node(end).is_some() {
                    lit.nodes.insert(end.clone());
                }
            }
        }
        let admitted = vec![true; doc.determinants.len()];
        self.emphasis = Emphasis::compute(doc, &admitted, Some(&lit), None, Level::Low);
        self.ghosts = Ghosts::of(&self.other, &self.other_boxes, doc);
    }

    /// How many changes of each kind: added, removed, changed (fields, not items).
    pub fn counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        for c in &self.changes {
            n[match c.what {
                What::Added => 0,
                What::Removed => 1,
                What::Changed { .. } => 2,
            }] += 1;
        }
        n
    }
}

/// The stages, determinants and influences of the other map that this one lacks ("removed", the
/// other map being the "before"), kept to be drawn dashed where the other map drew them: the room
/// sees on the canvas what was taken out, not only in the list. Matched as the comparison's list
/// matches them (`merge::match_maps`: same id, else same label).
#[derive(Debug, Clone, Default)]
pub struct Ghosts {
    /// The removed stages and determinants, with the boxes and label lines the other map gives them.
    pub nodes: Vec<NodeBox>,
    pub links: Vec<GhostLink>,
}

/// A removed influence: between nodes of this map, removed nodes, or one of each.
#[derive(Debug, Clone, PartialEq)]
pub struct GhostLink {
    pub from: GhostEnd,
    pub to: GhostEnd,
    pub sign: Sign,
}

/// Where one end of a removed influence is drawn.
#[derive(Debug, Clone, PartialEq)]
pub enum GhostEnd {
    /// A node this map still has (by its id here, which may differ from the other map's).
    Here(Id),
    /// A removed node: its index in `Ghosts::nodes`.
    Removed(usize),
}

impl Ghosts {
    /// Linear in the two maps: one matching. `boxes` are the other map's (`MapGeometry::new`'s
    /// nodes: its stages, then its determinants).
    pub fn of(other: &Map, boxes: &[NodeBox], doc: &Map) -> Ghosts {
        let matching = crate::merge::matching::match_maps(doc, other);
        let mut ghosts = Ghosts::default();
        let removed = |m: &[Option<usize>]| m.iter().any(Option::is_none);
        if !removed(&matching.stages) && !removed(&matching.determinants) && !removed(&matching.influences) {
            return ghosts;
        }
        // The other map's nodes in its order (stages, then determinants, as `MapGeometry` lists
        // them): their id there and, when this map has them too, their id here.
        let nodes = (other.stages.iter().map(|s| &s.id).zip(&matching.stages))
            .map(|(id, m)| (id, m.map(|i| &doc.stages[i].id)))
            .chain(
                (other.determinants.iter().map(|d| &d.id).zip(&matching.determinants))
                    .map(|(id, m)| (id, m.map(|i| &doc.determinants[i].id))),
            );
        let mut ends: HashMap<&Id, GhostEnd> = HashMap::new();
        for (node, (there, here)) in boxes.iter().zip(nodes) {
            let end = match here {
                Some(id) => GhostEnd::Here(id.clone()),
                None => {
                    ghosts.nodes.push(node.clone());
                    GhostEnd::Removed(ghosts.nodes.len() - 1)
                }
            };
            // An id an invalid map repeats: influences attach to its first node, as drawn.
            ends.entry(there).or_insert(end);
        }
        for (inf, m) in other.influences.iter().zip(&matching.influences) {
            if m.is_some() {
                continue;
            }
            if let (Some(from), Some(to)) = (ends.get(&inf.from), ends.get(&inf.to)) {
                ghosts.links.push(GhostLink {
                    from: from.clone(),
                    to: to.clone(),
                    sign: inf.sign,
                });
            }
        }
        ghosts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Position;

    fn chile() -> Map {
        crate::samples::find("chile-anti-trafficking.ron")
            .and_then(|s| s.load().ok())
            .expect("the Chile sample loads")
    }

    #[test]
    fn a_map_compared_with_itself_has_no_ghosts() {
        let map = chile();
        let g = Ghosts::of(&map, &MapGeometry::new(&map).nodes, &map);
        assert!(g.nodes.is_empty() && g.links.is_empty());
    }

    #[test]
    fn what_was_taken_out_is_drawn_where_the_other_map_had_it_and_joins_what_is_left() {
        let before = chile();
        let mut after = before.clone();
        // One determinant taken out with its influences; another one's id retyped, so it is
        // matched by its label and is no ghost.
        let linked = (1..after.determinants.len())
            .find(|&k| {
                let id = &after.determinants[k].id;
                after.influences.iter().any(|i| i.from == *id || i.to == *id)
            })
            .expect("a determinant with influences");
        let gone = after.determinants.remove(linked);
        let dropped: Vec<_> = after
            .influences
            .iter()
            .filter(|i| i.from == gone.id || i.to == gone.id)
            .cloned()
            .collect();
        after.influences.retain(|i| i.from != gone.id && i.to != gone.id);
        let renamed = after.determinants[0].id.clone();
        let new_id = Id::from("retyped");
        after.determinants[0].id = new_id.clone();
        for i in &mut after.influences {
            for end in [&mut i.from, &mut i.to] {
                if *end == renamed {
                    *end = new_id.clone();
                }
            }
        }
        after.determinants[0].position = Position { x: 9999.0, y: 9999.0 };

        let g = Ghosts::of(&before, &MapGeometry::new(&before).nodes, &after);
        assert_eq!(g.nodes.len(), 1);
        assert_eq!(g.nodes[0].id, gone.id);
        let centre = g.nodes[0].rect.center();
        assert_eq!((centre.x as f32, centre.y as f32), (gone.position.x, gone.position.y));
        assert_eq!(g.links.len(), dropped.len());
        for (link, inf) in g.links.iter().zip(&dropped) {
            assert_eq!(link.sign, inf.sign);
            // The removed determinant's end is its ghost; the other end a node still here, named
            // by its id here (the retyped one by its new id).
            let here = |id: &Id| {
                if *id == gone.id {
                    GhostEnd::Removed(0)
                } else if *id == renamed {
                    GhostEnd::Here(new_id.clone())
                } else {
                    GhostEnd::Here(id.clone())
                }
            };
            assert_eq!((&link.from, &link.to), (&here(&inf.from), &here(&inf.to)));
        }
    }
}
