//! What the canvas brings forward and what it fades, per node and per influence, in map order (the
//! order the canvas draws in). Worked out once per change of the map or the analysis view, so a
//! frame only looks marks up.

use crate::analysis::{KnockOut, link_confidence};
use crate::model::{Id, Level, Map};
use std::collections::{HashMap, HashSet};

/// How one node or influence is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    #[default]
    Normal,
    /// Part of what is in focus: drawn with a ring (nodes) or thicker (influences).
    Lit,
    /// Filtered out, knocked out, or outside the focus.
    Faded,
}

/// What a stage loses when the knocked-out determinant is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Loss {
    #[default]
    None,
    /// Some determinants no longer enable it.
    Enablers(usize),
    /// Nothing enables it any more.
    AllEnabling,
}

/// The nodes and influences in focus; everything else fades.
#[derive(Debug, Clone, Default)]
pub struct Lit {
    pub nodes: HashSet<Id>,
    pub links: HashSet<Id>,
}

#[derive(Debug, Clone, Default)]
pub struct Emphasis {
    /// Stages, then determinants, in map order.
    pub nodes: Vec<Mark>,
    /// One per influence, in map order.
    pub links: Vec<Mark>,
    /// One per stage.
    pub losses: Vec<Loss>,
    /// The knocked-out determinant's place in `nodes`.
    pub knocked: Option<usize>,
    index: HashMap<Id, usize>,
}

impl Emphasis {
    /// `admitted[i]`: whether determinant `i` passes the filters; an influence less sure than
    /// `min_confidence` is left out of the analysis, and so faded.
    pub fn compute(
        map: &Map,
        admitted: &[bool],
        lit: Option<&Lit>,
        knock: Option<&KnockOut>,
        min_confidence: Level,
    ) -> Emphasis {
        let stages = map.stages.len();
        let mut index = HashMap::with_capacity(stages + map.determinants.len());
        for (i, id) in map
            .stages
            .iter()
            .map(|s| &s.id)
            .chain(map.determinants.iter().map(|d| &d.id))
            .enumerate()
        {
            index.entry(id.clone()).or_insert(i);
        }
        let knocked = knock.and_then(|k| index.get(&k.determinant).copied());
        let nodes: Vec<Mark> = (0..stages + map.determinants.len())
            .map(|i| {
                let id = if i < stages {
                    &map.stages[i].id
                } else {
                    &map.determinants[i - stages].id
                };
                // What the focus names stands out even if filtered out (a path stays whole);
                // the knocked-out determinant always fades.
                let filtered = i >= stages && !admitted.get(i - stages).copied().unwrap_or(true);
                let in_focus = lit.map(|l| l.nodes.contains(id));
                match (Some(i) == knocked, in_focus, filtered) {
                    (true, _, _) => Mark::Faded,
                    (false, Some(true), _) => Mark::Lit,
                    (false, Some(false), _) | (false, None, true) => Mark::Faded,
                    (false, None, false) => Mark::Normal,
                }
            })
            .collect();
        let mark_of = |id: &Id| index.get(id).map_or(Mark::Faded, |&i| nodes[i]);
        let links = map
            .influences
            .iter()
            .map(|inf| {
                let ends = [mark_of(&inf.from), mark_of(&inf.to)];
                if ends.contains(&Mark::Faded) || link_confidence(inf) < min_confidence {
                    Mark::Faded
                } else {
                    match lit {
                        Some(l) if l.links.contains(&inf.id) => Mark::Lit,
                        Some(_) => Mark::Faded,
                        None => Mark::Normal,
                    }
                }
            })
            .collect();
        let losses = map
            .stages
            .iter()
            .map(
                |s| match knock.and_then(|k| k.losses.iter().find(|l| l.stage == s.id)) {
                    Some(l) if l.loses_all_enabling => Loss::AllEnabling,
                    Some(l) => Loss::Enablers(l.lost_enablers.len()),
                    None => Loss::None,
                },
            )
            .collect();
        Emphasis {
            nodes,
            links,
            losses,
            knocked,
            index,
        }
    }

    /// How the node `id` is drawn; `Normal` for an id the map does not have.
    pub fn node_mark(&self, id: &Id) -> Mark {
        self.index
            .get(id)
            .and_then(|&i| self.nodes.get(i))
            .copied()
            .unwrap_or_default()
    }

    /// Whether anything is lit or faded at all (the canvas then draws the marks).
    pub fn is_plain(&self) -> bool {
        self.knocked.is_none()
            && self.nodes.iter().all(|m| *m == Mark::Normal)
            && self.links.iter().all(|m| *m == Mark::Normal)
    }
}
