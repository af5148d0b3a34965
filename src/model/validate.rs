//! The invariants of a map, checked all at once so the user sees every problem, not the first.
//!
//! Each problem names the field it is about as a [`FieldPath`] (`influences[3].to`); the file loader
//! turns that into a line and column. The checks are here, not in the loader, because a map built in
//! the editor must keep the same invariants as one read from disk.

use super::{Id, Map};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::fmt;

/// One step into the file's structure: a field name or a list index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    Field(&'static str),
    Index(usize),
}

/// Where in a map a problem sits, e.g. `influences[3].to`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<PathSeg>);

impl FieldPath {
    pub fn item(list: &'static str, index: usize, field: &'static str) -> Self {
        FieldPath(vec![PathSeg::Field(list), PathSeg::Index(index), PathSeg::Field(field)])
    }
    fn nested(list: &'static str, index: usize, inner: &'static str, j: usize, field: &'static str) -> Self {
        FieldPath(vec![
            PathSeg::Field(list),
            PathSeg::Index(index),
            PathSeg::Field(inner),
            PathSeg::Index(j),
            PathSeg::Field(field),
        ])
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Field(name) if n == 0 => write!(f, "{name}")?,
                PathSeg::Field(name) => write!(f, ".{name}")?,
                PathSeg::Index(i) => write!(f, "[{i}]")?,
            }
        }
        Ok(())
    }
}

/// A broken invariant, with the field it is about and a message a facilitator understands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: FieldPath,
    pub message: String,
}

/// Checks every invariant of `map` and returns all the problems, in file order.
pub fn validate(map: &Map) -> Vec<Problem> {
    validate_at_most(map, usize::MAX).0
}

/// Like [`validate`], but keeps only the first `keep` problems and counts the rest, so a hostile file
/// with millions of broken references costs no more memory than the map itself.
pub fn validate_at_most(map: &Map, keep: usize) -> (Vec<Problem>, usize) {
    let mut problems = Vec::new();
    let mut total = 0usize;
    let mut push = |path: FieldPath, message: String| {
        total += 1;
        if problems.len() < keep {
            problems.push(Problem { path, message });
        }
    };

    // One namespace for stages and determinants, one for influences, one for sources.
    let mut nodes: HashMap<&Id, &'static str> = HashMap::with_capacity(map.stages.len() + map.determinants.len());
    for (i, stage) in map.stages.iter().enumerate() {
        if let Some(kind) = nodes.insert(&stage.id, "stage") {
            push(
                FieldPath::item("stages", i, "id"),
                format!("duplicate id `{}`: a {kind} already has it", stage.id),
            );
        }
        if stage.id.as_str().is_empty() {
            push(
                FieldPath::item("stages", i, "id"),
                "a stage needs a non-empty id".into(),
            );
        }
    }
    for (i, det) in map.determinants.iter().enumerate() {
        if let Some(kind) = nodes.insert(&det.id, "determinant") {
            push(
                FieldPath::item("determinants", i, "id"),
                format!("duplicate id `{}`: a {kind} already has it", det.id),
            );
        }
        if det.id.as_str().is_empty() {
            push(
                FieldPath::item("determinants", i, "id"),
                "a determinant needs a non-empty id".into(),
            );
        }
    }
    let sources: HashSet<&Id> = map.sources.iter().map(|s| &s.id).collect();
    let mut seen_sources = HashSet::new();
    for (i, source) in map.sources.iter().enumerate() {
        if !seen_sources.insert(&source.id) {
            push(
                FieldPath::item("sources", i, "id"),
                format!("duplicate source id `{}`", source.id),
            );
        }
    }
    let mut seen_categories = HashSet::new();
    for (i, category) in map.categories.iter().enumerate() {
        if !seen_categories.insert(category.name.as_str()) {
            push(
                FieldPath::item("categories", i, "name"),
                format!("category `{}` is listed twice", category.name),
            );
        }
    }
    let tags: HashSet<&str> = map.tags.iter().map(String::as_str).collect();
    let check_evidence = |push: &mut dyn FnMut(FieldPath, String), list, i, evidence: &[super::Evidence]| {
        for (j, e) in evidence.iter().enumerate() {
            if !sources.contains(&e.source) {
                push(
                    FieldPath::nested(list, i, "evidence", j, "source"),
                    format!(
                        "evidence cites source `{}`, which is not in the map's sources",
                        e.source
                    ),
                );
            }
        }
    };

    for (i, det) in map.determinants.iter().enumerate() {
        if det.categories.is_empty() {
            push(
                FieldPath::item("determinants", i, "categories"),
                format!("determinant `{}` has no category", det.id),
            );
        }
        for name in &det.categories {
            if map.category(name).is_none() {
                push(
                    FieldPath::item("determinants", i, "categories"),
                    format!(
                        "category `{name}` of determinant `{}` is not in the map's categories",
                        det.id
                    ),
                );
            }
        }
        for tag in &det.tags {
            if !tags.contains(tag.as_str()) {
                push(
                    FieldPath::item("determinants", i, "tags"),
                    format!("tag `{tag}` of determinant `{}` is not in the map's tags", det.id),
                );
            }
        }
        check_evidence(&mut push, "determinants", i, &det.evidence);
    }

    let mut seen_influences: HashSet<&Id> = HashSet::with_capacity(map.influences.len());
    for (i, inf) in map.influences.iter().enumerate() {
        if !seen_influences.insert(&inf.id) || nodes.contains_key(&inf.id) {
            push(
                FieldPath::item("influences", i, "id"),
                format!("duplicate id `{}`", inf.id),
            );
        }
        match nodes.get(&inf.from) {
            None => push(
                FieldPath::item("influences", i, "from"),
                format!(
                    "influence `{}` comes from `{}`, which is no determinant of this map",
                    inf.id, inf.from
                ),
            ),
            Some(&"stage") => push(
                FieldPath::item("influences", i, "from"),
                format!(
                    "influence `{}` comes out of stage `{}`: stages have no outgoing influences",
                    inf.id, inf.from
                ),
            ),
            Some(_) => {}
        }
        if !nodes.contains_key(&inf.to) {
            push(
                FieldPath::item("influences", i, "to"),
                format!(
                    "influence `{}` goes to `{}`, which is no determinant or stage of this map",
                    inf.id, inf.to
                ),
            );
        }
        check_evidence(&mut push, "influences", i, &inf.evidence);
    }
    (problems, total)
}
