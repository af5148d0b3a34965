//! Which item of one map is which item of another, for merge and diff: the same id (and kind),
//! else the same label once case, accents, punctuation and surrounding space are ignored
//! ([`match_key`]). Each item is matched at most once. Influences are the same when their ids
//! match and they join the same (matched) items, else when they join the same items.
//! Linear in the two maps: hash maps by id, by label key and by endpoints.

use crate::import::match_key;
use crate::model::{Id, Map};
use foldhash::{HashMap, HashMapExt};

/// For each stage, determinant and influence of `other`, the index of the same item in `base`.
#[derive(Debug, Clone, Default)]
pub struct Matching {
    pub stages: Vec<Option<usize>>,
    pub determinants: Vec<Option<usize>>,
    pub influences: Vec<Option<usize>>,
}

/// Matches one list: first by id, then by label key among the items still unmatched.
fn match_list<'a, T>(
    base: &'a [T],
    other: &'a [T],
    id: impl Fn(&T) -> &Id,
    label: impl Fn(&T) -> &str,
) -> Vec<Option<usize>> {
    let mut by_id: HashMap<&Id, usize> = HashMap::with_capacity(base.len());
    for (i, item) in base.iter().enumerate() {
        by_id.entry(id(item)).or_insert(i);
    }
    let mut taken = vec![false; base.len()];
    let mut out: Vec<Option<usize>> = other
        .iter()
        .map(|item| {
            let i = *by_id.get(id(item))?;
            (!std::mem::replace(&mut taken[i], true)).then_some(i)
        })
        .collect();
    if out.iter().all(Option::is_some) {
        return out;
    }
    // Several base items may share a key: the first untaken one is matched.
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::with_capacity(base.len());
    for (i, item) in base.iter().enumerate().rev() {
        if !taken[i] {
            by_key.entry(match_key(label(item))).or_default().push(i);
        }
    }
    for (j, item) in other.iter().enumerate() {
        if out[j].is_none()
            && let Some(candidates) = by_key.get_mut(&match_key(label(item)))
        {
            out[j] = candidates.pop();
        }
    }
    out
}

/// Matches the items of `other` to those of `base`.
pub fn match_maps(base: &Map, other: &Map) -> Matching {
    let stages = match_list(&base.stages, &other.stages, |s| &s.id, |s| &s.label);
    let determinants = match_list(&base.determinants, &other.determinants, |d| &d.id, |d| &d.label);
    // Where each of `other`'s nodes is in `base`, by id.
    let mut node: HashMap<&Id, &Id> = HashMap::with_capacity(other.stages.len() + other.determinants.len());
    for (j, m) in stages.iter().enumerate() {
        if let Some(i) = m {
            node.insert(&other.stages[j].id, &base.stages[*i].id);
        }
    }
    for (j, m) in determinants.iter().enumerate() {
        if let Some(i) = m {
            node.insert(&other.determinants[j].id, &base.determinants[*i].id);
        }
    }
    let mut by_id: HashMap<&Id, usize> = HashMap::with_capacity(base.influences.len());
    let mut by_ends: HashMap<(&Id, &Id), Vec<usize>> = HashMap::with_capacity(base.influences.len());
    for (i, inf) in base.influences.iter().enumerate().rev() {
        by_id.insert(&inf.id, i);
        by_ends.entry((&inf.from, &inf.to)).or_default().push(i);
    }
    let mut taken = vec![false; base.influences.len()];
    let ends: Vec<Option<(&Id, &Id)>> = other
        .influences
        .iter()
        .map(|inf| Some((*node.get(&inf.from)?, *node.get(&inf.to)?)))
        .collect();
    let mut influences: Vec<Option<usize>> = other
        .influences
        .iter()
        .zip(&ends)
        .map(|(inf, ends)| {
            let (from, to) = (*ends)?;
            let i = *by_id.get(&inf.id)?;
            let b = &base.influences[i];
            (b.from == *from && b.to == *to && !std::mem::replace(&mut taken[i], true)).then_some(i)
        })
        .collect();
    for (j, ends) in ends.iter().enumerate() {
        if influences[j].is_some() {
            continue;
        }
        if let Some(candidates) = ends.and_then(|e| by_ends.get_mut(&e)) {
            while let Some(i) = candidates.pop() {
                if !std::mem::replace(&mut taken[i], true) {
                    influences[j] = Some(i);
                    break;
                }
            }
        }
    }
    Matching {
        stages,
        determinants,
        influences,
    }
}
