//! What each step of a map's presentation shows: which stages, determinants and influences are
//! brought forward, which fade, which are hidden (a step that reveals the map step by step), and a
//! caption that says it in words.
//!
//! The rules are the analysis panel's (a stage's feeders that pass the filters, the explaining
//! paths of a determinant, the influences around a loop; the knocked-out determinant fades; what a
//! focus names stays lit even if a filter would fade it), so a step made from the window's view
//! prints as the window showed it. The slides draw from it, and the window may play from it.

use crate::analysis::{MapGraph, NetEffect, Reachability};
use crate::model::{Category, Feeders, Focus, Id, Map, Position, Sign, Step};
use std::collections::HashSet;

/// How one node or influence is drawn in a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mark {
    /// Drawn as it is: the step brings nothing forward (the whole map).
    #[default]
    Normal,
    /// Part of what the step is about.
    Lit,
    /// Outside the step's focus, filtered out, or knocked out: drawn pale.
    Faded,
    /// Not yet revealed: not drawn at all.
    Hidden,
}

impl Mark {
    /// Whether the node or influence is drawn at full strength.
    pub fn is_shown(self) -> bool {
        matches!(self, Mark::Normal | Mark::Lit)
    }
}

/// What one step shows.
#[derive(Debug, Clone, PartialEq)]
pub struct StepView {
    /// Stages, then determinants, in map order.
    pub nodes: Vec<Mark>,
    /// One per influence, in map order.
    pub links: Vec<Mark>,
    /// The determinant taken out of the analysis, if any (it is also `Faded`).
    pub knocked_out: Option<Id>,
    /// What the step shows, in words: "What feeds Implementation (direct feeders only)".
    pub caption: String,
    /// Where each node is drawn in this step (stages, then determinants), when the step gathers
    /// what it is about because its places on the map lie too far apart to read together
    /// ([`ROOM_FRAME`]); the rest of the map is then hidden. `None`: the map's own places.
    pub gathered: Option<Vec<Position>>,
}

/// The map units a step's view shows with its labels at their full size on a 1280×720
/// projector: the canvas's width and the height left between the step's title and the legend,
/// less the framing's margins, at the zoom where a label is 12 points. A step whose items need
/// more gathers them (`crate::layout::gather`).
pub const ROOM_FRAME: (f32, f32) = (1500.0, 510.0);

impl StepView {
    /// The mark of the node at `index` (stages first, then determinants).
    pub fn node(&self, index: usize) -> Mark {
        self.nodes.get(index).copied().unwrap_or_default()
    }
    /// Whether the step brings anything forward (else it draws the map as it is, maybe filtered).
    pub fn has_focus(&self) -> bool {
        self.nodes.contains(&Mark::Lit)
    }
    /// The categories its legend lists: those of the determinants the step draws at full
    /// strength (all of the map's when it draws none so).
    pub fn shown_categories(&self, map: &Map) -> Vec<Category> {
        let stages = map.stages.len();
        let used: HashSet<&str> = map
            .determinants
            .iter()
            .enumerate()
            .filter(|(j, _)| self.node(stages + j).is_shown())
            .flat_map(|(_, d)| d.categories.iter().map(String::as_str))
            .collect();
        if used.is_empty() {
            return map.categories.clone();
        }
        map.categories
            .iter()
            .filter(|c| used.contains(c.name.as_str()))
            .cloned()
            .collect()
    }
    /// `map` with its nodes where this step draws them: a copy only when the step gathers them.
    pub fn placed<'m>(&self, map: &'m Map) -> std::borrow::Cow<'m, Map> {
        let Some(places) = &self.gathered else {
            return std::borrow::Cow::Borrowed(map);
        };
        let mut copy = map.clone();
        let nodes = copy
            .stages
            .iter_mut()
            .map(|s| &mut s.position)
            .chain(copy.determinants.iter_mut().map(|d| &mut d.position));
        for (position, place) in nodes.zip(places) {
            *position = *place;
        }
        std::borrow::Cow::Owned(copy)
    }
}

/// The step a map without a presentation is shown as: the whole map, under the map's title.
pub fn whole_map_step(map: &Map) -> Step {
    let title = if map.title.trim().is_empty() {
        crate::tr!("caption-whole-map")
    } else {
        map.title.clone()
    };
    Step::whole_map("whole-map", title)
}

/// One view per step of `map`'s presentation, in order; for a map without steps, one view of the
/// whole map. `reach` is the map's reachability. Works on any map: an id a step names that the map
/// does not have brings nothing forward.
pub fn step_views(map: &Map, reach: &Reachability) -> Vec<StepView> {
    let whole = [whole_map_step(map)];
    let steps: &[Step] = if map.presentation.is_empty() {
        &whole
    } else {
        &map.presentation
    };
    let node_ids: Vec<&Id> = map.node_ids().collect();
    // The items of the steps so far, for the steps that reveal the map step by step.
    let mut revealed: HashSet<Id> = HashSet::new();
    steps
        .iter()
        .map(|step| {
            let mut view = view_of(map, reach, step, &node_ids);
            for (id, mark) in node_ids.iter().zip(&view.nodes) {
                if mark.is_shown() {
                    revealed.insert((*id).clone());
                }
            }
            if step.reveal {
                for (id, mark) in node_ids.iter().zip(view.nodes.iter_mut()) {
                    if !revealed.contains(*id) {
                        *mark = Mark::Hidden;
                    }
                }
                hide_links_of_hidden(map, &node_ids, &mut view);
            }
            gather(map, reach, step, &node_ids, &mut view);
            view
        })
        .collect()
}

/// Brings what the step is about together when the map spreads it wider or taller than a
/// projector shows with labels readable, and hides the rest (drawn in its places it would lie
/// among the gathered nodes). What the step is about: what it lights and, with a knock-out, the
/// determinant knocked out and what it lights without the knock-out (what is lost, faded). A
/// step that lights nothing (the whole map) keeps the map as drawn.
fn gather(map: &Map, reach: &Reachability, step: &Step, node_ids: &[&Id], view: &mut StepView) {
    let mut about: HashSet<Id> = lit_ids(node_ids, view);
    if about.is_empty() {
        return;
    }
    if let Some(knocked) = &view.knocked_out {
        about.insert(knocked.clone());
        let without = Step {
            knock_out: None,
            ..step.clone()
        };
        about.extend(lit_ids(node_ids, &view_of(map, reach, &without, node_ids)));
    }
    let places: Vec<Position> = map.node_positions().collect();
    let mut lo = Position::new(f32::MAX, f32::MAX);
    let mut hi = Position::new(f32::MIN, f32::MIN);
    let mut sum = (0.0f64, 0.0f64);
    for (id, p) in node_ids.iter().zip(&places) {
        if about.contains(*id) {
            lo = Position::new(lo.x.min(p.x), lo.y.min(p.y));
            hi = Position::new(hi.x.max(p.x), hi.y.max(p.y));
            sum = (sum.0 + f64::from(p.x), sum.1 + f64::from(p.y));
        }
    }
    // The boxes' extent: their centres' plus a stage's width and a three-line box's height.
    let width = hi.x - lo.x + crate::geometry::STAGE_WIDTH as f32;
    let height = hi.y - lo.y + 75.0;
    if width <= ROOM_FRAME.0 && height <= ROOM_FRAME.1 {
        return;
    }
    let n = about.len() as f64;
    let centre = Position::new((sum.0 / n) as f32, (sum.1 / n) as f32);
    let mut gathered = places;
    let moved: std::collections::HashMap<Id, Position> = crate::layout::gather(map, &about, ROOM_FRAME, centre)
        .into_iter()
        .collect();
    for ((id, mark), place) in node_ids.iter().zip(view.nodes.iter_mut()).zip(gathered.iter_mut()) {
        match moved.get(*id) {
            Some(p) => *place = *p,
            None => *mark = Mark::Hidden,
        }
    }
    hide_links_of_hidden(map, node_ids, view);
    view.gathered = Some(gathered);
}

fn lit_ids(node_ids: &[&Id], view: &StepView) -> HashSet<Id> {
    node_ids
        .iter()
        .zip(&view.nodes)
        .filter(|(_, m)| **m == Mark::Lit)
        .map(|(id, _)| (*id).clone())
        .collect()
}

fn hide_links_of_hidden(map: &Map, node_ids: &[&Id], view: &mut StepView) {
    let hidden: HashSet<&Id> = node_ids
        .iter()
        .zip(&view.nodes)
        .filter(|(_, m)| **m == Mark::Hidden)
        .map(|(id, _)| *id)
        .collect();
    for (inf, mark) in map.influences.iter().zip(view.links.iter_mut()) {
        if hidden.contains(&inf.from) || hidden.contains(&inf.to) {
            *mark = Mark::Hidden;
        }
    }
}

/// The nodes and influences a step's focus is about.
#[derive(Default)]
struct Lit {
    nodes: HashSet<Id>,
    links: HashSet<Id>,
}

impl Lit {
    /// Lights a path given as ids from a determinant to a stage, with one influence per hop of the
    /// path's sign where there is one.
    fn add_path(&mut self, map: &Map, path: &[Id]) {
        self.nodes.extend(path.iter().cloned());
        for hop in path.windows(2) {
            self.links.extend(
                map.influences
                    .iter()
                    .filter(|i| i.from == hop[0] && i.to == hop[1])
                    .map(|i| i.id.clone()),
            );
        }
    }
}

fn view_of(map: &Map, reach: &Reachability, step: &Step, node_ids: &[&Id]) -> StepView {
    let knocked = step.knock_out.as_ref().filter(|d| map.determinant(d).is_some());
    let knocked_reach;
    let reach = match knocked {
        Some(d) => {
            knocked_reach = Reachability::of_graph(MapGraph::without(map, d));
            &knocked_reach
        }
        None => reach,
    };
    let admitted: HashSet<&Id> = map
        .determinants
        .iter()
        .filter(|d| step.filters.admits(d))
        .map(|d| &d.id)
        .collect();
    let label = |id: &Id| map.label_of(id).to_owned();
    let (lit, mut caption) = match &step.focus {
        Focus::WholeMap => (None, crate::tr!("caption-whole-map")),
        Focus::Stage { stage, feeders } => {
            let mut lit = Lit::default();
            if map.stage(stage).is_some() {
                lit.nodes.insert(stage.clone());
                for f in reach.feeders_of(stage).unwrap_or_default() {
                    let wanted = match feeders {
                        Feeders::All => true,
                        Feeders::Direct => f.is_direct(),
                        Feeders::Hindering => matches!(f.net, NetEffect::Hinders | NetEffect::Mixed),
                    };
                    if wanted && admitted.contains(&f.determinant) {
                        lit.nodes.insert(f.determinant.clone());
                    }
                }
                lit.links.extend(
                    map.influences
                        .iter()
                        .filter(|i| lit.nodes.contains(&i.from) && lit.nodes.contains(&i.to))
                        .filter(|i| *feeders != Feeders::Direct || &i.to == stage)
                        .filter(|i| map.stage(&i.to).is_none() || &i.to == stage)
                        .filter(|i| Some(&i.from) != knocked)
                        .map(|i| i.id.clone()),
                );
            }
            let stage = label(stage);
            let caption = match feeders {
                Feeders::All => crate::tr!("caption-stage", stage = stage),
                Feeders::Direct => crate::tr!("caption-stage-direct", stage = stage),
                Feeders::Hindering => crate::tr!("caption-stage-hindering", stage = stage),
            };
            (Some(lit), caption)
        }
        Focus::Determinant { determinant } => {
            let mut lit = Lit::default();
            if map.determinant(determinant).is_some() {
                lit.nodes.insert(determinant.clone());
                for (stage, _) in reach.stages_fed_by(determinant) {
                    if let Some(path) = reach.path(determinant, stage) {
                        lit.add_path(map, &path);
                    }
                }
            }
            (
                Some(lit),
                crate::tr!("caption-determinant", determinant = label(determinant)),
            )
        }
        Focus::Path { determinant, stage } => {
            let mut lit = Lit::default();
            if map.determinant(determinant).is_some() && map.stage(stage).is_some() {
                lit.nodes.insert(determinant.clone());
                lit.nodes.insert(stage.clone());
                for sign in [Sign::Enables, Sign::Hinders] {
                    if let Some(path) = reach.path_with_sign(determinant, stage, sign) {
                        lit.add_path(map, &path);
                    }
                }
            }
            (
                Some(lit),
                crate::tr!("caption-path", determinant = label(determinant), stage = label(stage)),
            )
        }
        Focus::FeedbackLoop { determinants } => {
            let mut lit = Lit::default();
            lit.nodes
                .extend(determinants.iter().filter(|d| map.determinant(d).is_some()).cloned());
            for (k, from) in determinants.iter().enumerate() {
                let to = &determinants[(k + 1) % determinants.len()];
                lit.links.extend(
                    map.influences
                        .iter()
                        .filter(|i| &i.from == from && &i.to == to)
                        .map(|i| i.id.clone()),
                );
            }
            let mut names: Vec<String> = determinants.iter().map(label).collect();
            if let Some(first) = names.first().cloned() {
                names.push(first);
            }
            (Some(lit), crate::tr!("caption-loop", names = names.join(" → ")))
        }
    };
    if let Some(d) = knocked {
        caption.push_str(" · ");
        caption.push_str(&crate::tr!("caption-without", determinant = label(d)));
    }
    let filters = super::words::filters(&step.filters);
    if !filters.is_empty() {
        caption.push_str(" · ");
        caption.push_str(&crate::tr!("caption-only", filters = filters.join(", ")));
    }

    let stages = map.stages.len();
    let nodes: Vec<Mark> = node_ids
        .iter()
        .enumerate()
        .map(|(i, id)| {
            let filtered = i >= stages && !admitted.contains(id);
            let in_focus = lit.as_ref().map(|l| l.nodes.contains(*id));
            match (Some(*id) == knocked, in_focus, filtered) {
                (true, _, _) => Mark::Faded,
                (false, Some(true), _) => Mark::Lit,
                (false, Some(false), _) | (false, None, true) => Mark::Faded,
                (false, None, false) => Mark::Normal,
            }
        })
        .collect();
    let index: std::collections::HashMap<&Id, Mark> = node_ids.iter().copied().zip(nodes.iter().copied()).collect();
    let links = map
        .influences
        .iter()
        .map(|inf| {
            let ends = [&inf.from, &inf.to].map(|id| index.get(id).copied().unwrap_or(Mark::Faded));
            if ends.contains(&Mark::Faded) {
                Mark::Faded
            } else {
                match &lit {
                    Some(l) if l.links.contains(&inf.id) => Mark::Lit,
                    Some(_) => Mark::Faded,
                    None => Mark::Normal,
                }
            }
        })
        .collect();
    StepView {
        nodes,
        links,
        knocked_out: knocked.cloned(),
        caption,
        gathered: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Colour, Determinant, Influence, Position, Stage};

    fn map() -> Map {
        let det = |id: &str| Determinant::uncoded(id, id.to_uppercase(), vec!["C".into()], Position::default());
        let inf = |id: &str, from: &str, to: &str, sign| Influence {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            sign,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: vec![],
        };
        Map {
            title: "t".into(),
            stages: vec![Stage {
                id: "s".into(),
                label: "Stage".into(),
                description: String::new(),
                position: Position::default(),
            }],
            categories: vec![Category {
                name: "C".into(),
                colour: Colour([0, 0, 0]),
            }],
            // a -> b -> s, c -| s, d unconnected
            determinants: vec![det("a"), det("b"), det("c"), det("d")],
            influences: vec![
                inf("i1", "a", "b", Sign::Enables),
                inf("i2", "b", "s", Sign::Enables),
                inf("i3", "c", "s", Sign::Hinders),
            ],
            ..Default::default()
        }
    }

    fn marks(map: &Map, step: Step) -> (Vec<Mark>, Vec<Mark>, String) {
        let mut map = map.clone();
        map.presentation = vec![step];
        let v = step_views(&map, &Reachability::compute(&map)).remove(0);
        (v.nodes, v.links, v.caption)
    }

    use Mark::{Faded as F, Hidden as H, Lit as L, Normal as N};

    #[test]
    fn a_map_without_steps_is_one_view_of_the_whole_map() {
        let m = map();
        let views = step_views(&m, &Reachability::compute(&m));
        assert_eq!(views.len(), 1);
        assert_eq!(views[0].nodes, [N; 5]);
        assert_eq!(views[0].caption, "The whole map");
    }

    #[test]
    fn a_stage_lights_its_feeders_all_direct_or_hindering() {
        let m = map();
        let stage = |feeders| Step {
            focus: Focus::Stage {
                stage: "s".into(),
                feeders,
            },
            ..Step::whole_map("p", "t")
        };
        // Nodes: s, a, b, c, d.
        assert_eq!(marks(&m, stage(Feeders::All)).0, [L, L, L, L, F]);
        assert_eq!(marks(&m, stage(Feeders::All)).1, [L, L, L]);
        assert_eq!(marks(&m, stage(Feeders::Direct)).0, [L, F, L, L, F]);
        let (nodes, links, caption) = marks(&m, stage(Feeders::Hindering));
        assert_eq!((nodes, links), (vec![L, F, F, L, F], vec![F, F, L]));
        assert_eq!(caption, "What feeds Stage (what hinders it)");
    }

    #[test]
    fn a_knock_out_fades_the_determinant_and_what_only_it_carried() {
        let m = map();
        let step = Step {
            focus: Focus::Stage {
                stage: "s".into(),
                feeders: Feeders::All,
            },
            knock_out: Some("b".into()),
            ..Step::whole_map("p", "t")
        };
        let (nodes, _, caption) = marks(&m, step);
        assert_eq!(nodes, [L, F, F, L, F], "a fed s only through b");
        assert!(caption.ends_with("without B (knocked out)"), "{caption}");
    }

    #[test]
    fn a_path_and_a_determinant_light_the_way_to_the_stage() {
        let m = map();
        let path = Step {
            focus: Focus::Path {
                determinant: "a".into(),
                stage: "s".into(),
            },
            ..Step::whole_map("p", "t")
        };
        assert_eq!(marks(&m, path).0, [L, L, L, F, F]);
        let det = Step {
            focus: Focus::Determinant {
                determinant: "a".into(),
            },
            ..Step::whole_map("p", "t")
        };
        let (nodes, links, caption) = marks(&m, det);
        assert_eq!((nodes, links), (vec![L, L, L, F, F], vec![L, L, F]));
        assert_eq!(caption, "What A feeds");
    }

    #[test]
    fn revealing_steps_show_only_what_the_steps_so_far_showed() {
        let mut m = map();
        m.presentation = vec![
            Step {
                focus: Focus::Path {
                    determinant: "b".into(),
                    stage: "s".into(),
                },
                reveal: true,
                ..Step::whole_map("p1", "first")
            },
            Step {
                focus: Focus::Stage {
                    stage: "s".into(),
                    feeders: Feeders::Hindering,
                },
                reveal: true,
                ..Step::whole_map("p2", "second")
            },
            Step::whole_map("p3", "all"),
        ];
        let views = step_views(&m, &Reachability::compute(&m));
        assert_eq!(views[0].nodes, [L, H, L, H, H]);
        assert_eq!(views[0].links, [H, L, H]);
        // b was revealed before: it stays, faded; c is new.
        assert_eq!(views[1].nodes, [L, H, F, L, H]);
        assert_eq!(views[2].nodes, [N; 5]);
    }
}
