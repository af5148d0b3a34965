//! What changed between two versions of a map: stages, determinants and influences added, removed
//! and changed (which field, before and after), named by label; then the map's title and
//! description, its categories, sources and tags. Items are matched as merge matches them
//! ([`crate::merge::matching`]). Positions are no difference unless asked for: moving boxes does
//! not change what a map says. Linear in the two maps.

use crate::import::{fold_label, match_key};
use crate::merge::matching::match_maps;
use crate::merge::{determinant_fields, evidence_words, influence_fields, position_words, stage_fields};
use crate::model::{Id, Map, MapIndex};
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;
use std::fmt;

/// What a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Stage,
    Determinant,
    Influence,
    Map,
    Category,
    Source,
    Tag,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Stage => "stage",
            Kind::Determinant => "determinant",
            Kind::Influence => "influence",
            Kind::Map => "map",
            Kind::Category => "category",
            Kind::Source => "source",
            Kind::Tag => "tag",
        }
    }
}

/// Added, removed, or one field changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum What {
    Added,
    Removed,
    Changed {
        field: &'static str,
        before: String,
        after: String,
    },
}

/// One difference between the maps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub kind: Kind,
    /// The item's id (in the new map, or the old one for a removed item); empty for the map itself.
    pub id: String,
    /// The item by its label: `"Regional dialogues"`, `"A" → "B"`.
    pub item: String,
    #[serde(flatten)]
    pub what: What,
}

impl fmt::Display for Change {
    /// `added determinant "Regional dialogues"`, `changed determinant "X": nature: structural → pressure_point`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, item) = (self.kind.as_str(), &self.item);
        match &self.what {
            What::Added => write!(f, "added {kind} {item}"),
            What::Removed => write!(f, "removed {kind} {item}"),
            What::Changed { field, before, after } => write!(f, "changed {kind} {item}: {field}: {before} → {after}"),
        }
    }
}

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

/// Named by its ends' labels, looked up in the map's index (once per map: `Map::label_of` searches
/// the lists, which per influence made a diff of 50,000 influences take seconds).
fn influence_name(index: &MapIndex<'_>, from: &Id, to: &Id) -> String {
    format!("\"{}\" → \"{}\"", index.label_of(from), index.label_of(to))
}

struct Changes(Vec<Change>);

impl Changes {
    fn push(&mut self, kind: Kind, id: &str, item: &str, what: What) {
        self.0.push(Change {
            kind,
            id: id.to_owned(),
            item: item.to_owned(),
            what,
        });
    }
    fn fields(
        &mut self,
        kind: Kind,
        id: &Id,
        item: &str,
        before: Vec<(&'static str, String)>,
        after: Vec<(&'static str, String)>,
    ) {
        for ((field, b), (_, a)) in before.into_iter().zip(after) {
            if a != b {
                self.push(
                    kind,
                    id.as_str(),
                    item,
                    What::Changed {
                        field,
                        before: b,
                        after: a,
                    },
                );
            }
        }
    }
}

/// The differences between `old` and `new`; none when they say the same thing. With `layout`,
/// a stage or determinant that moved is a difference too.
pub fn diff(old: &Map, new: &Map, layout: bool) -> Vec<Change> {
    let m = match_maps(old, new);
    let (old_index, new_index) = (old.index(), new.index());
    let mut out = Changes(Vec::new());

    let mut seen = vec![false; old.stages.len()];
    for (j, s) in new.stages.iter().enumerate() {
        let item = quoted(&s.label);
        match m.stages[j] {
            None => out.push(Kind::Stage, s.id.as_str(), &item, What::Added),
            Some(i) => {
                seen[i] = true;
                let o = &old.stages[i];
                out.fields(Kind::Stage, &s.id, &item, stage_fields(o), stage_fields(s));
                if layout && o.position != s.position {
                    out.fields(
                        Kind::Stage,
                        &s.id,
                        &item,
                        vec![("position", position_words(o.position))],
                        vec![("position", position_words(s.position))],
                    );
                }
            }
        }
    }
    for (_, s) in old.stages.iter().enumerate().filter(|(i, _)| !seen[*i]) {
        out.push(Kind::Stage, s.id.as_str(), &quoted(&s.label), What::Removed);
    }

    let mut seen = vec![false; old.determinants.len()];
    for (j, d) in new.determinants.iter().enumerate() {
        let item = quoted(&d.label);
        match m.determinants[j] {
            None => out.push(Kind::Determinant, d.id.as_str(), &item, What::Added),
            Some(i) => {
                seen[i] = true;
                let o = &old.determinants[i];
                let mut before = determinant_fields(o);
                let mut after = determinant_fields(d);
                before.push(("evidence", evidence_words(&o.evidence)));
                after.push(("evidence", evidence_words(&d.evidence)));
                if layout {
                    before.push(("position", position_words(o.position)));
                    after.push(("position", position_words(d.position)));
                }
                out.fields(Kind::Determinant, &d.id, &item, before, after);
            }
        }
    }
    for (i, d) in old.determinants.iter().enumerate() {
        if !seen[i] {
            out.push(Kind::Determinant, d.id.as_str(), &quoted(&d.label), What::Removed);
        }
    }

    let mut seen = vec![false; old.influences.len()];
    for (j, inf) in new.influences.iter().enumerate() {
        let item = influence_name(&new_index, &inf.from, &inf.to);
        match m.influences[j] {
            None => out.push(Kind::Influence, inf.id.as_str(), &item, What::Added),
            Some(i) => {
                seen[i] = true;
                let o = &old.influences[i];
                let mut before = influence_fields(o);
                let mut after = influence_fields(inf);
                before.push(("evidence", evidence_words(&o.evidence)));
                after.push(("evidence", evidence_words(&inf.evidence)));
                out.fields(Kind::Influence, &inf.id, &item, before, after);
            }
        }
    }
    for (i, inf) in old.influences.iter().enumerate() {
        if !seen[i] {
            out.push(
                Kind::Influence,
                inf.id.as_str(),
                &influence_name(&old_index, &inf.from, &inf.to),
                What::Removed,
            );
        }
    }

    out.fields(
        Kind::Map,
        &Id::from(""),
        "",
        vec![("title", quoted(&old.title)), ("description", quoted(&old.description))],
        vec![("title", quoted(&new.title)), ("description", quoted(&new.description))],
    );
    vocabularies(old, new, &mut out);
    out.0
}

/// Categories (by name without case, accents or punctuation; a colour change), sources (by id,
/// else title) and tags.
fn vocabularies(old: &Map, new: &Map, out: &mut Changes) {
    let names = |m: &'_ Map| m.categories.iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    let matched = match_names(&names(old), &names(new));
    let mut seen = vec![false; old.categories.len()];
    for (c, m) in new.categories.iter().zip(matched) {
        let item = quoted(&c.name);
        match m {
            None => out.push(Kind::Category, "", &item, What::Added),
            Some(i) => {
                seen[i] = true;
                let o = &old.categories[i];
                out.fields(
                    Kind::Category,
                    &Id::from(""),
                    &item,
                    vec![("name", quoted(&o.name)), ("colour", o.colour.to_string())],
                    vec![("name", quoted(&c.name)), ("colour", c.colour.to_string())],
                );
            }
        }
    }
    for (i, c) in old.categories.iter().enumerate() {
        if !seen[i] {
            out.push(Kind::Category, "", &quoted(&c.name), What::Removed);
        }
    }

    let mut by_id: HashMap<&Id, usize> = HashMap::with_capacity(old.sources.len());
    let mut by_title: HashMap<String, usize> = HashMap::with_capacity(old.sources.len());
    for (i, s) in old.sources.iter().enumerate().rev() {
        by_id.insert(&s.id, i);
        by_title.insert(fold_label(&s.title), i);
    }
    let mut seen = vec![false; old.sources.len()];
    for s in &new.sources {
        let item = quoted(&s.title);
        let found = by_id
            .get(&s.id)
            .or_else(|| by_title.get(&fold_label(&s.title)))
            .copied()
            .filter(|i| !seen[*i]);
        match found {
            None => out.push(Kind::Source, s.id.as_str(), &item, What::Added),
            Some(i) => {
                seen[i] = true;
                let o = &old.sources[i];
                out.fields(
                    Kind::Source,
                    &s.id,
                    &item,
                    vec![("title", quoted(&o.title)), ("citation", quoted(&o.citation))],
                    vec![("title", quoted(&s.title)), ("citation", quoted(&s.citation))],
                );
            }
        }
    }
    for (i, s) in old.sources.iter().enumerate() {
        if !seen[i] {
            out.push(Kind::Source, s.id.as_str(), &quoted(&s.title), What::Removed);
        }
    }

    let matched = match_names(&old.tags, &new.tags);
    let mut seen = vec![false; old.tags.len()];
    for (t, m) in new.tags.iter().zip(matched) {
        match m {
            Some(i) => seen[i] = true,
            None => out.push(Kind::Tag, "", &quoted(t), What::Added),
        }
    }
    for (i, t) in old.tags.iter().enumerate() {
        if !seen[i] {
            out.push(Kind::Tag, "", &quoted(t), What::Removed);
        }
    }
}

/// For each name of `new`, the same name in `old`: the exact name, else one with the same key
/// ([`match_key`]); each old name is matched once.
fn match_names(old: &[String], new: &[String]) -> Vec<Option<usize>> {
    let mut exact: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::with_capacity(old.len());
    for (i, name) in old.iter().enumerate().rev() {
        exact.insert(name, i);
        by_key.entry(match_key(name)).or_default().push(i);
    }
    let mut taken = vec![false; old.len()];
    let mut out: Vec<Option<usize>> = new
        .iter()
        .map(|name| {
            exact
                .get(name.as_str())
                .copied()
                .filter(|i| !std::mem::replace(&mut taken[*i], true))
        })
        .collect();
    for (j, name) in new.iter().enumerate() {
        if out[j].is_none()
            && let Some(candidates) = by_key.get_mut(&match_key(name))
        {
            while let Some(i) = candidates.pop() {
                if !std::mem::replace(&mut taken[i], true) {
                    out[j] = Some(i);
                    break;
                }
            }
        }
    }
    out
}
