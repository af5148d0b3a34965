//! The room's work coming in: what File › Merge… leaves to review and what View › Compare with…
//! shows. Plain data the panels read (`ui/room.rs`); the apply point (`apply/room.rs`) makes and
//! changes it. The merge and the comparison themselves are the core's (`crate::merge`,
//! `crate::diff`).

use super::derived::emphasis::{Emphasis, Lit};
use crate::diff::{self, Change, What};
use crate::merge::{Conflict, Holder, ItemKind};
use crate::model::{Id, Level, Map};
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
    /// The other map is the "before": added means in this map only.
    pub changes: Vec<Change>,
    /// The added and changed stages, determinants and influences brought forward on the canvas,
    /// the rest faded.
    pub emphasis: Emphasis,
    /// The document (serial, revision) the changes are for.
    pub key: (u64, u64),
}

impl Comparison {
    pub fn new(file: String, other: Map, doc: &Map, key: (u64, u64)) -> Self {
        let mut c = Comparison {
            file,
            other,
            changes: Vec::new(),
            emphasis: Emphasis::default(),
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
