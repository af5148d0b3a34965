//! Why a determinant feeds a stage, in words: the shortest explaining path, step by step, each step
//! with its sign and the influences (and so the evidence) behind it.
//!
//! [`Reachability`] keeps, for each stage, a tree of shortest paths over states (node, parity of
//! hinders so far). Walking it gives the nodes and, from the parities, the sign of each step: the
//! same parity on both ends is an enabling step, a change a hindering one. A step between two nodes
//! may be backed by several influences; the explanation lists every one of that step's sign.

use super::Reachability;
use crate::model::{Id, Influence, Map, Sign};
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// One step of an explaining path.
#[derive(Debug, Clone, PartialEq)]
pub struct Step<'a> {
    pub from: Id,
    pub to: Id,
    pub sign: Sign,
    /// Every influence from `from` to `to` with that sign, in map order (at least one).
    pub influences: Vec<&'a Influence>,
}

/// Where a long path's middle was left out (see [`Explainer::explain_ends`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    /// How many of the explanation's `steps` come before the gap.
    pub after: usize,
    /// How many steps of the path are left out there.
    pub steps: usize,
}

/// One shortest path of a given sign from a determinant into a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    pub determinant: Id,
    pub stage: Id,
    /// The product of the steps' signs: how this path acts on the stage.
    pub sign: Sign,
    pub steps: Vec<Step<'a>>,
    /// `None` when `steps` is the whole path; else where its middle was left out.
    pub gap: Option<Gap>,
}

impl Explanation<'_> {
    /// The node ids along the path, from the determinant to the stage (both ends of a gap included).
    pub fn nodes(&self) -> Vec<&Id> {
        let mut nodes = vec![&self.determinant];
        for (k, step) in self.steps.iter().enumerate() {
            if self.gap.is_some_and(|g| g.after == k) {
                nodes.push(&step.from);
            }
            nodes.push(&step.to);
        }
        nodes
    }
    /// How many influences the whole path has.
    pub fn length(&self) -> usize {
        self.steps.len() + self.gap.map_or(0, |g| g.steps)
    }
}

/// Explains feeds of one map. Built once (it indexes the influences by their ends) and asked many times.
pub struct Explainer<'a> {
    reach: &'a Reachability,
    between: HashMap<(&'a Id, &'a Id), Vec<&'a Influence>>,
}

impl<'a> Explainer<'a> {
    /// `reach` must have been computed from `map`.
    pub fn new(map: &'a Map, reach: &'a Reachability) -> Self {
        let mut between: HashMap<(&Id, &Id), Vec<&Influence>> = HashMap::new();
        for inf in &map.influences {
            between.entry((&inf.from, &inf.to)).or_default().push(inf);
        }
        Explainer { reach, between }
    }

    /// One explanation per sign by which `determinant` reaches `stage`: one for an enabling or
    /// hindering feeder, two for a mixed one (enabling first). Empty if it does not feed the stage.
    pub fn explain(&self, determinant: &Id, stage: &Id) -> Vec<Explanation<'a>> {
        [Sign::Enables, Sign::Hinders]
            .into_iter()
            .filter_map(|sign| self.explain_with_sign(determinant, stage, sign))
            .collect()
    }

    /// What [`explain`](Self::explain) gives, but a path of more than
    /// [`MAX_WHOLE_PATH_STEPS`](super::MAX_WHOLE_PATH_STEPS) influences is given by its first and last
    /// [`PATH_END_STEPS`](super::PATH_END_STEPS) steps, with a [`Gap`] between: what a report of
    /// every feeder can afford on a long chain.
    pub fn explain_ends(&self, determinant: &Id, stage: &Id) -> Vec<Explanation<'a>> {
        [Sign::Enables, Sign::Hinders]
            .into_iter()
            .filter_map(|sign| self.explain_states(determinant, stage, sign, true))
            .collect()
    }

    /// The shortest path of the given sign, explained; `None` if there is none.
    pub fn explain_with_sign(&self, determinant: &Id, stage: &Id, sign: Sign) -> Option<Explanation<'a>> {
        self.explain_states(determinant, stage, sign, false)
    }

    fn explain_states(&self, determinant: &Id, stage: &Id, sign: Sign, bounded: bool) -> Option<Explanation<'a>> {
        let (head, omitted, tail) = self.reach.path_states(determinant, stage, sign, bounded)?;
        let mut steps: Vec<Step<'a>> = head.windows(2).map(|w| self.step(w[0], w[1])).collect();
        let gap = (!tail.is_empty()).then(|| Gap {
            after: steps.len(),
            steps: omitted + 1,
        });
        steps.extend(tail.windows(2).map(|w| self.step(w[0], w[1])));
        Some(Explanation {
            determinant: determinant.clone(),
            stage: stage.clone(),
            sign,
            steps,
            gap,
        })
    }

    /// The step between two states of a path: an enabling one keeps the parity, a hindering one flips it.
    fn step(&self, from: usize, to: usize) -> Step<'a> {
        let graph = self.reach.graph();
        let (a, b) = (graph.id(NodeIndex::new(from / 2)), graph.id(NodeIndex::new(to / 2)));
        let sign = if from % 2 == to % 2 {
            Sign::Enables
        } else {
            Sign::Hinders
        };
        let influences = self
            .between
            .get(&(a, b))
            .map(|all| all.iter().copied().filter(|i| i.sign == sign).collect())
            .unwrap_or_default();
        Step {
            from: a.clone(),
            to: b.clone(),
            sign,
            influences,
        }
    }
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn a_step_backed_by_both_signs_takes_the_one_the_path_needs() {
        // a -> b, a -| b (both), b -| s: a reaches s both ways, each in two steps.
        let map = crate::format::load_str(
            r##"(format_version: 1, title: "t",
            stages: [(id: "s", label: "S")],
            categories: [(name: "C", colour: "#000000")],
            determinants: [(id: "a", label: "A", categories: ["C"]), (id: "b", label: "B", categories: ["C"])],
            influences: [
                (id: "up", from: "a", to: "b", sign: enables),
                (id: "down", from: "a", to: "b", sign: hinders),
                (id: "up2", from: "a", to: "b", sign: enables),
                (id: "last", from: "b", to: "s", sign: hinders),
            ])"##,
        )
        .unwrap();
        let reach = Reachability::compute(&map);
        let explainer = Explainer::new(&map, &reach);
        let found = explainer.explain(&"a".into(), &"s".into());
        // (sign of the path, [(sign of the step, ids of its influences)])
        type Summary<'a> = Vec<(Sign, Vec<(Sign, Vec<&'a str>)>)>;
        let summary: Summary = found
            .iter()
            .map(|e| {
                (
                    e.sign,
                    e.steps
                        .iter()
                        .map(|s| (s.sign, s.influences.iter().map(|i| i.id.as_str()).collect()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                (
                    Sign::Enables,
                    vec![(Sign::Hinders, vec!["down"]), (Sign::Hinders, vec!["last"])]
                ),
                (
                    Sign::Hinders,
                    vec![(Sign::Enables, vec!["up", "up2"]), (Sign::Hinders, vec!["last"])]
                ),
            ]
        );
        assert_eq!(found[0].nodes(), vec![&Id::from("a"), &Id::from("b"), &Id::from("s")]);
        assert!(explainer.explain(&"b".into(), &"nowhere".into()).is_empty());
    }
}
