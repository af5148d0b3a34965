//! Why a determinant feeds a stage, in words: the shortest explaining path, step by step, each step
//! with its sign and the influences (and so the evidence) behind it.
//!
//! [`Reachability`] gives the path as node ids. A step between two nodes may be backed by several
//! influences, even of both signs; the explanation picks, for each step, the sign that makes the
//! product along the path the one asked for, and lists every influence of that sign on the step.

use super::Reachability;
use crate::model::{Id, Influence, Map, Sign};
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

/// One shortest path of a given sign from a determinant into a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation<'a> {
    pub determinant: Id,
    pub stage: Id,
    /// The product of the steps' signs: how this path acts on the stage.
    pub sign: Sign,
    pub steps: Vec<Step<'a>>,
}

impl Explanation<'_> {
    /// The node ids along the path, from the determinant to the stage.
    pub fn nodes(&self) -> Vec<&Id> {
        std::iter::once(&self.determinant)
            .chain(self.steps.iter().map(|s| &s.to))
            .collect()
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

    /// The shortest path of the given sign, explained; `None` if there is none.
    pub fn explain_with_sign(&self, determinant: &Id, stage: &Id, sign: Sign) -> Option<Explanation<'a>> {
        let nodes = self.reach.path_with_sign(determinant, stage, sign)?;
        let choices: Vec<Vec<(Sign, Vec<&'a Influence>)>> = nodes
            .windows(2)
            .map(|pair| {
                let all = self
                    .between
                    .get(&(&pair[0], &pair[1]))
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                [Sign::Enables, Sign::Hinders]
                    .into_iter()
                    .map(|s| (s, all.iter().copied().filter(|i| i.sign == s).collect::<Vec<_>>()))
                    .filter(|(_, infs)| !infs.is_empty())
                    .collect()
            })
            .collect();
        let signs = pick_signs(
            &choices
                .iter()
                .map(|c| c.iter().map(|(s, _)| *s).collect())
                .collect::<Vec<_>>(),
            sign,
        )?;
        let steps = nodes
            .windows(2)
            .zip(choices)
            .zip(signs)
            .map(|((pair, choice), s)| Step {
                from: pair[0].clone(),
                to: pair[1].clone(),
                sign: s,
                influences: choice
                    .into_iter()
                    .find(|(c, _)| *c == s)
                    .map(|(_, infs)| infs)
                    .unwrap_or_default(),
            })
            .collect();
        Some(Explanation {
            determinant: determinant.clone(),
            stage: stage.clone(),
            sign,
            steps,
        })
    }
}

/// Picks one sign per step, each from that step's options, so that their product is `target`.
/// `None` if no choice gives it (never for a path the reachability found with that sign).
fn pick_signs(options: &[Vec<Sign>], target: Sign) -> Option<Vec<Sign>> {
    // reachable[i]: the products the steps i.. can make; the empty suffix makes `Enables`.
    let mut reachable = vec![vec![Sign::Enables]; options.len() + 1];
    for i in (0..options.len()).rev() {
        let mut products: Vec<Sign> = options[i]
            .iter()
            .flat_map(|&s| reachable[i + 1].iter().map(move |&r| s.then(r)))
            .collect();
        products.sort();
        products.dedup();
        reachable[i] = products;
    }
    let mut want = target;
    let mut out = Vec::with_capacity(options.len());
    for (i, opts) in options.iter().enumerate() {
        // s.then(rest) == want  <=>  rest == s.then(want), as signs multiply like ±1.
        let &s = opts.iter().find(|&&s| reachable[i + 1].contains(&s.then(want)))?;
        out.push(s);
        want = s.then(want);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Sign::*;

    #[test]
    fn picked_signs_multiply_to_the_target() {
        // Middle step has both signs: it decides the product.
        assert_eq!(
            pick_signs(&[vec![Hinders], vec![Enables, Hinders], vec![Enables]], Enables),
            Some(vec![Hinders, Hinders, Enables])
        );
        assert_eq!(
            pick_signs(&[vec![Hinders], vec![Enables, Hinders], vec![Enables]], Hinders),
            Some(vec![Hinders, Enables, Enables])
        );
        assert_eq!(pick_signs(&[vec![Hinders], vec![Hinders]], Hinders), None);
        assert_eq!(pick_signs(&[], Enables), Some(vec![]));
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
