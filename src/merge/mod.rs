//! Merging maps drawn apart (breakout groups starting from one map): everything from every input
//! once. Items are matched as [`matching`] says. Where the same item says different things (label,
//! coding, sign, notes…), the first input's value stays, every other value is recorded in the
//! item's notes with the file it came from, and the conflict is listed. Evidence is united, never
//! chosen. Sources, categories and tags are matched too (sources by id then title, categories and
//! tags by name without case, accents or punctuation), so evidence and coding keep pointing at the
//! right entries (an exact name first: a map may hold two names with one key). Cost: linear in the maps, per input.

mod choose;
mod fields;
pub mod matching;

pub use choose::{Holder, choose, current};

pub use fields::{
    determinant as determinant_fields, evidence as evidence_words, influence as influence_fields,
    position as position_words, stage as stage_fields,
};

use crate::import::{fold_label, match_key};
use crate::model::{self, Evidence, Id, Influence, Map, Problem};
use foldhash::{HashMap, HashMapExt, HashSet};
use std::fmt;

/// One input: its name in messages (the file name) and the map.
pub struct Input {
    pub name: String,
    pub map: Map,
}

/// What kind of item a conflict is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Stage,
    Determinant,
    Influence,
    Source,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Stage => "stage",
            ItemKind::Determinant => "determinant",
            ItemKind::Influence => "influence",
            ItemKind::Source => "source",
        }
    }
}

/// The same item with different values in different inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ItemKind,
    /// The item as the merged map names it: `"Regional dialogues"`, `"A" → "B"`.
    pub item: String,
    pub id: Id,
    pub field: &'static str,
    /// Each value and the inputs (by name) that had it; the first is the value kept.
    pub values: Vec<(String, Vec<String>)>,
}

impl fmt::Display for Conflict {
    /// `conflict: determinant "Regional dialogues": nature: structural (group-a.ron) / pressure_point (group-b.ron)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "conflict: {} {}: {}: ", self.kind.as_str(), self.item, self.field)?;
        for (n, (value, files)) in self.values.iter().enumerate() {
            if n > 0 {
                f.write_str(" / ")?;
            }
            write!(f, "{value} ({})", files.join(", "))?;
        }
        Ok(())
    }
}

/// The merged map and its conflicts, in the order the items appear in it.
#[derive(Debug, Clone)]
pub struct Merged {
    pub map: Map,
    pub conflicts: Vec<Conflict>,
    /// For each conflict, the item each of its values came from (see [`choose`]), so a value not
    /// kept can be chosen afterwards.
    pub holders: Vec<Vec<Holder>>,
}

/// Where a conflict's values are gathered: the item (kind and index in the merged map) and field.
type ConflictKey = (ItemKind, usize, &'static str);

struct Merger<'a> {
    map: Map,
    names: Vec<&'a str>,
    /// Which input each stage, determinant, influence and source came from.
    origin: HashMap<(ItemKind, usize), usize>,
    conflicts: HashMap<ConflictKey, Vec<(String, usize)>>,
    order: Vec<ConflictKey>,
    /// Every stage, determinant and influence id in the merged map (one namespace).
    ids: HashSet<Id>,
    /// The item as each input had it, for items in conflict: (kind, index in the merged map, input).
    holders: HashMap<(ItemKind, usize, usize), Holder>,
}

/// `base`, or `base-2`, `base-3`… whichever `taken` does not hold.
fn fresh(base: &Id, taken: &HashSet<Id>) -> Id {
    if !taken.contains(base) {
        return base.clone();
    }
    (2..)
        .map(|n| Id::from(format!("{base}-{n}")))
        .find(|c| !taken.contains(c))
        .expect("an unused suffix exists")
}

impl<'a> Merger<'a> {
    fn origin_of(&self, kind: ItemKind, i: usize) -> usize {
        self.origin.get(&(kind, i)).copied().unwrap_or(0)
    }

    /// Compares an item's fields with another input's; a difference is recorded, the base kept.
    /// When the item is in conflict, both versions are kept as [`Holder`]s (made only then: most
    /// items agree, and a copy of each would double the merge's cost).
    fn compare(
        &mut self,
        kind: ItemKind,
        i: usize,
        base: Vec<(&'static str, String)>,
        other: Vec<(&'static str, String)>,
        from: usize,
        holders: impl FnOnce(&Map) -> (Holder, Holder),
    ) {
        let mut in_conflict = false;
        for ((field, mine), (_, theirs)) in base.into_iter().zip(other) {
            let key = (kind, i, field);
            match self.conflicts.get_mut(&key) {
                Some(values) => {
                    values.push((theirs, from));
                    in_conflict = true;
                }
                None if mine != theirs => {
                    let origin = self.origin_of(kind, i);
                    self.conflicts.insert(key, vec![(mine, origin), (theirs, from)]);
                    self.order.push(key);
                    in_conflict = true;
                }
                None => {}
            }
        }
        if in_conflict {
            let (mine, theirs) = holders(&self.map);
            let origin = self.origin_of(kind, i);
            self.holders.entry((kind, i, origin)).or_insert(mine);
            self.holders.entry((kind, i, from)).or_insert(theirs);
        }
    }

    fn add(&mut self, input: usize, other: &Map) {
        let matching = matching::match_maps(&self.map, other);

        // Sources: by id, else by title; new ones are added (under a fresh id if theirs is taken).
        let mut source_ids: HashMap<&Id, Id> = HashMap::with_capacity(other.sources.len());
        {
            let by_id: HashMap<Id, usize> = self
                .map
                .sources
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id.clone(), i))
                .collect();
            let by_title: HashMap<String, usize> = self
                .map
                .sources
                .iter()
                .enumerate()
                .rev()
                .map(|(i, s)| (fold_label(&s.title), i))
                .collect();
            let mut taken: HashSet<Id> = by_id.keys().cloned().collect();
            for s in &other.sources {
                let found = by_id
                    .get(&s.id)
                    .or_else(|| by_title.get(&fold_label(&s.title)))
                    .copied();
                match found {
                    Some(i) => {
                        let base = &self.map.sources[i];
                        let (mine, theirs) = (
                            vec![
                                ("title", format!("\"{}\"", base.title)),
                                ("citation", format!("\"{}\"", base.citation)),
                            ],
                            vec![
                                ("title", format!("\"{}\"", s.title)),
                                ("citation", format!("\"{}\"", s.citation)),
                            ],
                        );
                        source_ids.insert(&s.id, base.id.clone());
                        let theirs_item = model::Source {
                            id: base.id.clone(),
                            ..s.clone()
                        };
                        self.compare(ItemKind::Source, i, mine, theirs, input, |m| {
                            (Holder::Source(m.sources[i].clone()), Holder::Source(theirs_item))
                        });
                    }
                    None => {
                        let id = fresh(&s.id, &taken);
                        taken.insert(id.clone());
                        source_ids.insert(&s.id, id.clone());
                        self.origin.insert((ItemKind::Source, self.map.sources.len()), input);
                        self.map.sources.push(model::Source { id, ..s.clone() });
                    }
                }
            }
        }
        // Categories and tags: by name without case, accents or punctuation.
        let mut category_names: HashMap<&str, String> = HashMap::with_capacity(other.categories.len());
        {
            let known: HashMap<String, String> = self
                .map
                .categories
                .iter()
                .rev()
                .map(|c| (match_key(&c.name), c.name.clone()))
                .collect();
            let exact: HashSet<String> = self.map.categories.iter().map(|c| c.name.clone()).collect();
            for c in &other.categories {
                if exact.contains(&c.name) {
                    category_names.insert(&c.name, c.name.clone());
                    continue;
                }
                match known.get(&match_key(&c.name)) {
                    Some(name) => {
                        category_names.insert(&c.name, name.clone());
                    }
                    None => {
                        category_names.insert(&c.name, c.name.clone());
                        self.map.categories.push(c.clone());
                    }
                }
            }
        }
        let mut tag_names: HashMap<&str, String> = HashMap::with_capacity(other.tags.len());
        {
            let known: HashMap<String, String> =
                self.map.tags.iter().rev().map(|t| (match_key(t), t.clone())).collect();
            let exact: HashSet<String> = self.map.tags.iter().cloned().collect();
            for t in &other.tags {
                if exact.contains(t) {
                    tag_names.insert(t, t.clone());
                    continue;
                }
                match known.get(&match_key(t)) {
                    Some(name) => {
                        tag_names.insert(t, name.clone());
                    }
                    None => {
                        tag_names.insert(t, t.clone());
                        self.map.tags.push(t.clone());
                    }
                }
            }
        }
        let evidence = |list: &[Evidence], ids: &HashMap<&Id, Id>| -> Vec<Evidence> {
            list.iter()
                .map(|e| Evidence {
                    source: ids.get(&e.source).cloned().unwrap_or_else(|| e.source.clone()),
                    ..e.clone()
                })
                .collect()
        };

        // Stages and determinants: their ids in the merged map.
        let mut node_ids: HashMap<&Id, Id> = HashMap::with_capacity(other.stages.len() + other.determinants.len());
        for (j, s) in other.stages.iter().enumerate() {
            match matching.stages[j] {
                Some(i) => {
                    node_ids.insert(&s.id, self.map.stages[i].id.clone());
                    let (mine, theirs) = (fields::stage(&self.map.stages[i]), fields::stage(s));
                    self.compare(ItemKind::Stage, i, mine, theirs, input, |m| {
                        let base = m.stages[i].clone();
                        let theirs = model::Stage {
                            id: base.id.clone(),
                            position: base.position,
                            ..s.clone()
                        };
                        (Holder::Stage(base), Holder::Stage(theirs))
                    });
                }
                None => {
                    let id = fresh(&s.id, &self.ids);
                    self.ids.insert(id.clone());
                    node_ids.insert(&s.id, id.clone());
                    self.origin.insert((ItemKind::Stage, self.map.stages.len()), input);
                    self.map.stages.push(model::Stage { id, ..s.clone() });
                }
            }
        }
        for (j, d) in other.determinants.iter().enumerate() {
            let mut d = d.clone();
            for c in &mut d.categories {
                if let Some(name) = category_names.get(c.as_str()) {
                    *c = name.clone();
                }
            }
            for t in &mut d.tags {
                if let Some(name) = tag_names.get(t.as_str()) {
                    *t = name.clone();
                }
            }
            d.evidence = evidence(&d.evidence, &source_ids);
            match matching.determinants[j] {
                Some(i) => {
                    node_ids.insert(&other.determinants[j].id, self.map.determinants[i].id.clone());
                    let (mine, theirs) = (fields::determinant(&self.map.determinants[i]), fields::determinant(&d));
                    self.compare(ItemKind::Determinant, i, mine, theirs, input, |m| {
                        let base = m.determinants[i].clone();
                        let theirs = model::Determinant {
                            id: base.id.clone(),
                            position: base.position,
                            evidence: Vec::new(),
                            ..d.clone()
                        };
                        (Holder::Determinant(base), Holder::Determinant(theirs))
                    });
                    unite(&mut self.map.determinants[i].evidence, d.evidence);
                }
                None => {
                    d.id = fresh(&d.id, &self.ids);
                    self.ids.insert(d.id.clone());
                    node_ids.insert(&other.determinants[j].id, d.id.clone());
                    self.origin
                        .insert((ItemKind::Determinant, self.map.determinants.len()), input);
                    self.map.determinants.push(d);
                }
            }
        }
        for (j, inf) in other.influences.iter().enumerate() {
            let mut inf = inf.clone();
            inf.evidence = evidence(&inf.evidence, &source_ids);
            match matching.influences[j] {
                Some(i) => {
                    let (mine, theirs) = (fields::influence(&self.map.influences[i]), fields::influence(&inf));
                    self.compare(ItemKind::Influence, i, mine, theirs, input, |m| {
                        let base = m.influences[i].clone();
                        let theirs = Influence {
                            id: base.id.clone(),
                            from: base.from.clone(),
                            to: base.to.clone(),
                            evidence: Vec::new(),
                            ..inf.clone()
                        };
                        (Holder::Influence(base), Holder::Influence(theirs))
                    });
                    unite(&mut self.map.influences[i].evidence, inf.evidence);
                }
                None => {
                    inf.id = fresh(&inf.id, &self.ids);
                    self.ids.insert(inf.id.clone());
                    for end in [&mut inf.from, &mut inf.to] {
                        if let Some(id) = node_ids.get(end) {
                            *end = id.clone();
                        }
                    }
                    self.origin
                        .insert((ItemKind::Influence, self.map.influences.len()), input);
                    self.map.influences.push(inf);
                }
            }
        }
    }

    fn finish(mut self) -> Merged {
        let mut conflicts = Vec::with_capacity(self.order.len());
        let mut holders = Vec::with_capacity(self.order.len());
        // The values not kept, as lines for each item's notes, with the file they came from.
        let mut notes: HashMap<(ItemKind, usize), Vec<String>> = HashMap::new();
        // Influences are named by their ends' labels: looked up once, not by a search per conflict.
        let index = self.map.index();
        for key in std::mem::take(&mut self.order) {
            let (kind, i, field) = key;
            let raw = self.conflicts.remove(&key).unwrap_or_default();
            let mut values: Vec<(String, Vec<String>)> = Vec::new();
            let mut held: Vec<Holder> = Vec::new();
            for (value, from) in raw {
                let name = self.names[from].to_owned();
                match values.iter_mut().find(|(v, _)| *v == value) {
                    Some((_, files)) => files.push(name),
                    None => {
                        values.push((value, vec![name]));
                        if let Some(h) = self.holders.get(&(kind, i, from)) {
                            held.push(h.clone());
                        }
                    }
                }
            }
            let lines = notes.entry((kind, i)).or_default();
            for (value, files) in values.iter().skip(1) {
                lines.push(choose::note_line(files, field, value));
            }
            let (item, id) = match kind {
                ItemKind::Stage => (
                    format!("\"{}\"", self.map.stages[i].label),
                    self.map.stages[i].id.clone(),
                ),
                ItemKind::Determinant => (
                    format!("\"{}\"", self.map.determinants[i].label),
                    self.map.determinants[i].id.clone(),
                ),
                ItemKind::Influence => {
                    let inf = &self.map.influences[i];
                    (
                        format!("\"{}\" → \"{}\"", index.label_of(&inf.from), index.label_of(&inf.to)),
                        inf.id.clone(),
                    )
                }
                ItemKind::Source => (
                    format!("\"{}\"", self.map.sources[i].title),
                    self.map.sources[i].id.clone(),
                ),
            };
            conflicts.push(Conflict {
                kind,
                item,
                id,
                field,
                values,
            });
            holders.push(held);
        }
        for ((kind, i), lines) in notes {
            let text = match kind {
                ItemKind::Stage => &mut self.map.stages[i].description,
                ItemKind::Determinant => &mut self.map.determinants[i].notes,
                ItemKind::Influence => &mut self.map.influences[i].note,
                // A source has no notes: its conflicts are only listed.
                ItemKind::Source => continue,
            };
            append(text, &lines.join("\n"));
        }
        Merged {
            map: self.map,
            conflicts,
            holders,
        }
    }
}

/// Adds the lines after the text, a blank line between them.
fn append(text: &mut String, lines: &str) {
    if lines.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(lines);
}

/// Adds to `mine` the evidence of `theirs` it does not already have.
fn unite(mine: &mut Vec<Evidence>, theirs: Vec<Evidence>) {
    for e in theirs {
        if !mine.contains(&e) {
            mine.push(e);
        }
    }
}

/// Merges the inputs, the first one winning every conflict. The result is checked with
/// [`model::validate`]; valid inputs always give a valid map, so a problem here is a bug, returned
/// rather than written.
pub fn merge(inputs: &[Input]) -> Result<Merged, Vec<Problem>> {
    let Some(first) = inputs.first() else {
        return Ok(Merged {
            map: Map::default(),
            conflicts: Vec::new(),
            holders: Vec::new(),
        });
    };
    let map = first.map.clone();
    let ids = map
        .stages
        .iter()
        .map(|s| s.id.clone())
        .chain(map.determinants.iter().map(|d| d.id.clone()))
        .chain(map.influences.iter().map(|i| i.id.clone()))
        .collect();
    let mut merger = Merger {
        map,
        names: inputs.iter().map(|i| i.name.as_str()).collect(),
        origin: HashMap::new(),
        conflicts: HashMap::new(),
        order: Vec::new(),
        ids,
        holders: HashMap::new(),
    };
    for (k, input) in inputs.iter().enumerate().skip(1) {
        merger.add(k, &input.map);
    }
    let merged = merger.finish();
    let problems = model::validate(&merged.map);
    if problems.is_empty() { Ok(merged) } else { Err(problems) }
}
