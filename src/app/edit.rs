//! Edits to a map: the only ways the editor changes a document. Plain Rust, no egui, so they are
//! tested as functions. The apply point (`apply/`) applies them, checks the map's invariants
//! after each one and rolls back an edit that would break them.

use crate::format;
use crate::i18n::Message;
use crate::model::{
    Category, Colour, Determinant, Directness, Effect, Id, Influence, Locus, Map, Nature, Position, Source, Stage,
    validate, validate_at_most,
};
use std::collections::{HashMap, HashSet};

/// One change to a document. Each applied edit is one undo step, unless merged with the previous
/// one (typing in a field: see `undo.rs`).
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    AddDeterminant(Determinant),
    AddStage(Stage),
    AddInfluence(Influence),
    /// Replaces the determinant with the same id.
    SetDeterminant(Determinant),
    SetStage(Stage),
    SetInfluence(Influence),
    /// New positions for stages and determinants: the end of a drag.
    Move(Vec<(Id, Position)>),
    /// Removes stages, determinants and influences, and every influence touching a removed node.
    Remove(Vec<Id>),
    SetTitle(String),
    SetDescription(String),
    SetSources(Vec<Source>),
    /// Replaces the category at `index`; a new name is carried over to the determinants using it.
    SetCategory {
        index: usize,
        category: Category,
    },
    AddCategory(Category),
    /// Removes an unused category.
    RemoveCategory(String),
    AddTag(String),
    /// Removes a tag from the vocabulary and from every determinant.
    RemoveTag(String),
    /// Moves a stage to another place in the order.
    MoveStage {
        id: Id,
        to: usize,
    },
    /// Adds a pasted fragment (ids already made fresh by [`prepare_paste`]).
    Insert(Map),
    /// One coding field changed on several determinants at once: the multi-selection's form, and
    /// the single one's categories and tags.
    Code {
        ids: Vec<Id>,
        coding: Coding,
    },
    /// Several edits as one step (flipping the signs of several influences).
    Batch(Vec<Edit>),
    /// The whole map replaced (File › Merge…: the merged map, one undo step).
    Replace(Box<Map>),
    /// The presentation's steps replaced: a step added, renamed, moved or deleted, one undo step.
    SetPresentation(Vec<crate::model::Step>),
}

/// A change to one coding field of a determinant.
#[derive(Debug, Clone, PartialEq)]
pub enum Coding {
    /// Adds a category of the map's list (an `AddCategory` before it in a batch makes a new one).
    AddCategory(String),
    /// Removes a category; refused when it is a determinant's only one (each keeps at least one).
    RemoveCategory(String),
    Locus(Option<Locus>),
    Directness(Option<Directness>),
    Nature(Option<Nature>),
    Effect(Effect),
    /// Adds a tag, to the map's vocabulary too when it is new there.
    AddTag(String),
    RemoveTag(String),
}

impl Coding {
    fn apply_to(&self, d: &mut Determinant) -> Result<(), Refused> {
        match self {
            Coding::AddCategory(c) => {
                if !d.categories.contains(c) {
                    d.categories.push(c.clone());
                }
            }
            Coding::RemoveCategory(c) => {
                if d.categories.iter().all(|x| x == c) && !d.categories.is_empty() {
                    return Err(Refused(crate::tr!(
                        "refused-only-category",
                        category = c,
                        determinant = &d.label
                    )));
                }
                d.categories.retain(|x| x != c);
            }
            Coding::Locus(v) => d.locus = *v,
            Coding::Directness(v) => d.directness = *v,
            Coding::Nature(v) => d.nature = *v,
            Coding::Effect(v) => d.effect = *v,
            Coding::AddTag(t) => {
                if !d.tags.contains(t) {
                    d.tags.push(t.clone());
                }
            }
            Coding::RemoveTag(t) => d.tags.retain(|x| x != t),
        }
        Ok(())
    }
}

/// Why an edit was refused. The map is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub String);

/// Applies `edit`, or leaves `map` unchanged if the result would break an invariant.
pub fn apply(map: &mut Map, edit: Edit) -> Result<(), Refused> {
    let before = map.clone();
    apply_over(map, edit, &before)
}

/// [`apply`], with the map as it was passed in by the caller, who has it already (the window's
/// undo snapshot), so an edit makes no copy of the map; `map` is put back to `before` only when
/// the edit is refused.
pub fn apply_over(map: &mut Map, edit: Edit, before: &Map) -> Result<(), Refused> {
    apply_checked(map, edit, before, false)
}

/// [`apply_over`] for a `before` known to obey every rule (the window's map after an edit it
/// checked): an edit that keeps the structure (one node's fields, positions) is checked against
/// the rules for the nodes it changed only, which costs what it changed rather than what the map
/// holds. Ids, influences and steps are untouched by such an edit, so what could break is the
/// changed nodes' own fields (texts, position, categories, tags, evidence): `validate` runs on a
/// map of those nodes with the map's vocabularies. A problem found there is looked for again in
/// the whole map, so the refusal names the right place.
pub fn apply_over_valid(map: &mut Map, edit: Edit, before: &Map) -> Result<(), Refused> {
    apply_checked(map, edit, before, true)
}

/// The stages and determinants an edit that keeps the structure changes, or `None` for any other.
fn changed_nodes(edit: &Edit) -> Option<HashSet<Id>> {
    match edit {
        Edit::SetDeterminant(d) => Some(HashSet::from([d.id.clone()])),
        Edit::SetStage(s) => Some(HashSet::from([s.id.clone()])),
        Edit::Move(moves) => Some(moves.iter().map(|(id, _)| id.clone()).collect()),
        _ => None,
    }
}

/// Whether the nodes `ids` of `map` (and the influences between them) break no rule of their own.
fn nodes_valid(map: &Map, ids: &HashSet<Id>) -> bool {
    let part = map.only(ids);
    validate_at_most(&part, 1).1 == 0
}

fn apply_checked(map: &mut Map, edit: Edit, before: &Map, before_valid: bool) -> Result<(), Refused> {
    let local = before_valid.then(|| changed_nodes(&edit)).flatten();
    let result = apply_unchecked(map, edit).and_then(|()| {
        steps_follow(map);
        Ok(())
    });
    let checked_locally = result.is_ok() && local.is_some_and(|ids| nodes_valid(map, &ids));
    let result = result.and_then(
        |()| match (!checked_locally).then(|| validate(map)).unwrap_or_default().first() {
            Some(p) => Err(Refused(format!("{} ({})", p.message, p.path))),
            None => Ok(()),
        },
    );
    if result.is_err() {
        // Also after a refusal part-way (the second edit of a batch): the map is as it was.
        map.clone_from(before);
    }
    result
}

/// Steps of the presentation stop naming what an edit removed (a deleted determinant, a renamed
/// category), so the edit is not refused for them: the step shows the whole map instead, for the
/// author to revise. Free for a map without a presentation; one index of the ids otherwise.
fn steps_follow(map: &mut Map) {
    if map.presentation.is_empty() {
        return;
    }
    let stages: HashSet<&Id> = map.stages.iter().map(|s| &s.id).collect();
    let determinants: HashSet<&Id> = map.determinants.iter().map(|d| &d.id).collect();
    let mut steps = std::mem::take(&mut map.presentation);
    crate::model::presentation::forget_missing(
        &mut steps,
        |id, stage| {
            if stage {
                stages.contains(id)
            } else {
                determinants.contains(id)
            }
        },
        &map.categories,
        &map.tags,
    );
    map.presentation = steps;
}

fn apply_unchecked(map: &mut Map, edit: Edit) -> Result<(), Refused> {
    match edit {
        Edit::AddDeterminant(d) => map.determinants.push(d),
        Edit::AddStage(s) => map.stages.push(s),
        Edit::AddInfluence(i) => {
            if map.stage(&i.from).is_some() {
                return Err(Refused(crate::tr!("refused-influence-from-stage")));
            }
            if i.from == i.to {
                return Err(Refused(crate::tr!("refused-influence-same-ends")));
            }
            map.influences.push(i)
        }
        Edit::SetDeterminant(d) => {
            let id = d.id.clone();
            *find(&mut map.determinants, |x| x.id == id)? = d
        }
        Edit::SetStage(s) => {
            let id = s.id.clone();
            *find(&mut map.stages, |x| x.id == id)? = s
        }
        Edit::SetInfluence(i) => {
            let id = i.id.clone();
            *find(&mut map.influences, |x| x.id == id)? = i
        }
        Edit::Move(moves) => {
            let moves: HashMap<Id, Position> = moves.into_iter().collect();
            for s in &mut map.stages {
                if let Some(p) = moves.get(&s.id) {
                    s.position = *p;
                }
            }
            for d in &mut map.determinants {
                if let Some(p) = moves.get(&d.id) {
                    d.position = *p;
                }
            }
        }
        Edit::Remove(ids) => {
            let ids: HashSet<Id> = ids.into_iter().collect();
            map.stages.retain(|s| !ids.contains(&s.id));
            map.determinants.retain(|d| !ids.contains(&d.id));
            map.influences
                .retain(|i| !ids.contains(&i.id) && !ids.contains(&i.from) && !ids.contains(&i.to));
        }
        Edit::SetTitle(t) => map.title = t,
        Edit::SetDescription(t) => map.description = t,
        Edit::SetSources(s) => map.sources = s,
        Edit::SetCategory { index, category } => {
            let old = map
                .categories
                .get(index)
                .ok_or_else(|| Refused(crate::tr!("refused-no-such-category")))?
                .name
                .clone();
            if category.name != old {
                if category.name.trim().is_empty() {
                    return Err(Refused(crate::tr!("refused-category-needs-name")));
                }
                for d in &mut map.determinants {
                    for c in &mut d.categories {
                        if *c == old {
                            c.clone_from(&category.name);
                        }
                    }
                }
            }
            map.categories[index] = category;
        }
        Edit::AddCategory(c) => map.categories.push(c),
        Edit::RemoveCategory(name) => {
            if let Some(d) = map.determinants.iter().find(|d| d.categories.contains(&name)) {
                return Err(Refused(crate::tr!(
                    "refused-category-in-use",
                    category = &name,
                    determinant = &d.label
                )));
            }
            map.categories.retain(|c| c.name != name);
        }
        Edit::AddTag(t) => {
            if !map.tags.contains(&t) {
                map.tags.push(t)
            }
        }
        Edit::RemoveTag(t) => {
            map.tags.retain(|x| *x != t);
            for d in &mut map.determinants {
                d.tags.retain(|x| *x != t);
            }
        }
        Edit::MoveStage { id, to } => {
            let from = map
                .stages
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| Refused(crate::tr!("refused-no-such-stage")))?;
            let stage = map.stages.remove(from);
            map.stages.insert(to.min(map.stages.len()), stage);
        }
        Edit::Insert(fragment) => merge(map, fragment),
        Edit::Code { ids, coding } => {
            if let Coding::AddTag(t) = &coding
                && !map.tags.contains(t)
            {
                map.tags.push(t.clone());
            }
            let mut missing: HashSet<Id> = ids.into_iter().collect();
            for d in &mut map.determinants {
                if missing.remove(&d.id) {
                    coding.apply_to(d)?;
                }
            }
            if !missing.is_empty() {
                return Err(Refused(crate::tr!("refused-item-gone")));
            }
        }
        Edit::Batch(edits) => {
            for e in edits {
                apply_unchecked(map, e)?;
            }
        }
        Edit::Replace(new) => *map = *new,
        Edit::SetPresentation(steps) => map.presentation = steps,
    }
    Ok(())
}

fn find<T>(list: &mut [T], pred: impl Fn(&T) -> bool) -> Result<&mut T, Refused> {
    list.iter_mut()
        .find(|x| pred(x))
        .ok_or_else(|| Refused(crate::tr!("refused-item-gone")))
}

/// Adds a fragment's vocabulary (categories, tags, sources it needs and the map lacks) and items.
fn merge(map: &mut Map, fragment: Map) {
    for c in fragment.categories {
        if map.category(&c.name).is_none() {
            map.categories.push(c);
        }
    }
    for t in fragment.tags {
        if !map.tags.contains(&t) {
            map.tags.push(t);
        }
    }
    for s in fragment.sources {
        if !map.sources.iter().any(|x| x.id == s.id) {
            map.sources.push(s);
        }
    }
    map.stages.extend(fragment.stages);
    map.determinants.extend(fragment.determinants);
    map.influences.extend(fragment.influences);
}

/// The selected stages and determinants with the influences between them, and the categories, tags
/// and sources they refer to: a valid map of its own, so it can be written as a map file.
pub fn fragment(map: &Map, ids: &HashSet<Id>) -> Map {
    let stages: Vec<Stage> = map.stages.iter().filter(|s| ids.contains(&s.id)).cloned().collect();
    let determinants: Vec<Determinant> = map
        .determinants
        .iter()
        .filter(|d| ids.contains(&d.id))
        .cloned()
        .collect();
    let influences: Vec<Influence> = map
        .influences
        .iter()
        .filter(|i| ids.contains(&i.from) && ids.contains(&i.to))
        .cloned()
        .collect();
    let used_categories: HashSet<&String> = determinants.iter().flat_map(|d| &d.categories).collect();
    let used_tags: HashSet<&String> = determinants.iter().flat_map(|d| &d.tags).collect();
    let cited: HashSet<&Id> = determinants
        .iter()
        .flat_map(|d| &d.evidence)
        .chain(influences.iter().flat_map(|i| &i.evidence))
        .map(|e| &e.source)
        .collect();
    Map {
        title: format!("Copied from {}", map.title),
        description: String::new(),
        sources: map.sources.iter().filter(|s| cited.contains(&s.id)).cloned().collect(),
        stages,
        categories: map
            .categories
            .iter()
            .filter(|c| used_categories.contains(&c.name))
            .cloned()
            .collect(),
        tags: map.tags.iter().filter(|t| used_tags.contains(t)).cloned().collect(),
        determinants,
        influences,
        presentation: Vec::new(),
    }
}

/// The clipboard text for a selection: a whole map file, so it pastes into another map or window.
pub fn copy_text(map: &Map, ids: &HashSet<Id>) -> String {
    format::to_string(&fragment(map, ids))
}

/// Reads clipboard text as a fragment; `None` when it is not a map (any other text on the clipboard).
pub fn parse_clipboard(text: &str) -> Option<Map> {
    format::load_str(text).ok()
}

/// The most lines one paste turns into determinants: a list from a workshop's flip chart is
/// dozens; thousands are a paste of something else (a whole document), refused with a message.
pub const MAX_PASTED_LINES: usize = 200;
/// The longest label a pasted line may give (a long sentence): a longer line is a paragraph.
pub const MAX_PASTED_LABEL: usize = 300;

/// The labels of determinants to make from pasted text, one per line: trimmed, list bullets
/// ("- ", "* ", "• ", "1. ", "2) ") taken off, blank lines skipped, control characters and runs of
/// spaces made one space. An `Err` says, in the status bar's words, why nothing is made.
pub fn pasted_labels(text: &str) -> Result<Vec<String>, String> {
    let labels: Vec<String> = text
        .lines()
        .map(|line| {
            let clean: Vec<&str> = line.split(|c: char| c.is_whitespace() || c.is_control()).collect();
            clean
                .into_iter()
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .map(|line| strip_bullet(&line).to_owned())
        .filter(|line| !line.is_empty())
        .collect();
    if labels.is_empty() {
        return Err(crate::tr!("paste-no-text"));
    }
    if labels.len() > MAX_PASTED_LINES {
        return Err(crate::tr!(
            "paste-too-many-lines",
            count = labels.len(),
            max = MAX_PASTED_LINES
        ));
    }
    if let Some((n, long)) = labels
        .iter()
        .enumerate()
        .find(|(_, l)| l.chars().count() > MAX_PASTED_LABEL)
    {
        return Err(crate::tr!(
            "paste-line-too-long",
            line = n + 1,
            length = long.chars().count(),
            max = MAX_PASTED_LABEL
        ));
    }
    Ok(labels)
}

/// The status after a paste of lines (short: the status bar shares its line at 1280 wide).
pub fn added_from_lines(n: usize) -> String {
    crate::tr!("paste-added-lines", count = n)
}

/// Whether text that did not load as a map still looks like a map file (someone's broken copy):
/// it is then not made into one determinant per line of its source.
pub fn looks_like_a_map(text: &str) -> bool {
    text.trim_start().starts_with('(') && text.contains("format_version")
}

/// `line` without a leading list bullet or number ("- ", "* ", "• ", "1. ", "12) ").
fn strip_bullet(line: &str) -> &str {
    for bullet in ['-', '*', '•', '◦', '‣', '–', '—', '+', '·'] {
        if let Some(rest) = line.strip_prefix(bullet)
            && (rest.is_empty() || rest.starts_with(' '))
        {
            return rest.trim_start();
        }
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return rest.trim_start();
        }
    }
    line
}

/// Renames every id of `fragment` so none clashes with `map`, moves it by `offset`, and returns
/// it with the new ids of its stages and determinants (to select them after pasting).
pub fn prepare_paste(map: &Map, mut fragment: Map, offset: Position) -> (Map, Vec<Id>) {
    let mut ids = IdAllocator::new(map);
    let mut renamed: HashMap<Id, Id> = HashMap::new();
    let mut new_nodes = Vec::new();
    let shift = |p: Position| Position::new(p.x + offset.x, p.y + offset.y);
    for s in &mut fragment.stages {
        let id = ids.fresh("s");
        renamed.insert(std::mem::replace(&mut s.id, id.clone()), id.clone());
        s.position = shift(s.position);
        new_nodes.push(id);
    }
    for d in &mut fragment.determinants {
        let id = ids.fresh("d");
        renamed.insert(std::mem::replace(&mut d.id, id.clone()), id.clone());
        d.position = shift(d.position);
        new_nodes.push(id);
    }
    for i in &mut fragment.influences {
        i.id = ids.fresh("i");
        i.from = renamed.get(&i.from).cloned().unwrap_or_else(|| i.from.clone());
        i.to = renamed.get(&i.to).cloned().unwrap_or_else(|| i.to.clone());
    }
    // A source whose id the target map already has keeps the target's version: evidence then cites
    // the target's source of that id, the best that can be done without asking.
    (fragment, new_nodes)
}

/// Hands out ids no item of a map uses. It indexes the ids once (not a scan of the map per
/// candidate), so adding to a map of 10,000 determinants stays instant.
pub struct IdAllocator {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl IdAllocator {
    pub fn new(map: &Map) -> Self {
        let taken = map
            .stages
            .iter()
            .map(|s| s.id.as_str())
            .chain(map.determinants.iter().map(|d| d.id.as_str()))
            .chain(map.influences.iter().map(|i| i.id.as_str()))
            .map(str::to_owned)
            .collect();
        IdAllocator {
            taken,
            next: HashMap::new(),
        }
    }

    /// `stem` followed by the smallest number not taken (counting up from the last one handed out).
    pub fn fresh(&mut self, stem: &str) -> Id {
        let n = self.next.entry(stem.to_owned()).or_insert(1);
        loop {
            let candidate = format!("{stem}{n}");
            *n += 1;
            if self.taken.insert(candidate.clone()) {
                return Id::from(candidate);
            }
        }
    }
}

/// A category to put new determinants in when the map has none.
pub fn default_category() -> Category {
    Category {
        // Named in the language the map is made in: it is map content from then on.
        name: crate::tr!("new-category-name"),
        colour: Colour([0x99, 0x99, 0x99]),
    }
}

/// What an edit does, in the words the Edit menu and the status bar use after "Undo" and "Redo"
/// ("Undo add stage", "Redone: rename determinant"). The one list of these phrases: each is a
/// message (`edit-…` in assets/i18n), put into words when shown, so a step made in one language
/// reads in the language the window has when its menu opens.
impl Edit {
    /// A short lower-case phrase; `before` is the map the edit applies to, to tell a rename
    /// from another change and to name what a removal or a move touches.
    pub fn describe(&self, before: &Map) -> Message {
        let m = Message::new;
        let counted = |id: &'static str, count: usize| Message::new(id).with("count", count);
        let kind = |id: &Id| {
            if before.stage(id).is_some() {
                "stage"
            } else if before.determinant(id).is_some() {
                "determinant"
            } else if before.influence(id).is_some() {
                "influence"
            } else {
                "item"
            }
        };
        match self {
            Edit::AddDeterminant(_) => m("edit-add-determinant"),
            Edit::AddStage(_) => m("edit-add-stage"),
            Edit::AddInfluence(_) => m("edit-add-influence"),
            Edit::SetDeterminant(d) => match before.determinant(&d.id) {
                Some(old) if old.label != d.label => m("edit-rename-determinant"),
                Some(old) if old.notes != d.notes => m("edit-notes"),
                Some(old) if old.evidence != d.evidence => m("edit-evidence"),
                _ => m("edit-determinant"),
            },
            Edit::SetStage(s) => match before.stage(&s.id) {
                Some(old) if old.label != s.label => m("edit-rename-stage"),
                _ => m("edit-stage"),
            },
            Edit::SetInfluence(i) => match before.influence(&i.id) {
                Some(old) if old.sign != i.sign => m("edit-flip-sign"),
                _ => m("edit-influence"),
            },
            Edit::Move(moves) => match moves.as_slice() {
                [(id, _)] => m("edit-move").with("kind", kind(id)),
                _ => counted("edit-move-items", moves.len()),
            },
            Edit::Remove(ids) => match ids.as_slice() {
                [id] => m("edit-delete").with("kind", kind(id)),
                _ => counted("edit-delete-items", ids.len()),
            },
            Edit::SetTitle(_) => m("edit-title"),
            Edit::SetDescription(_) => m("edit-description"),
            Edit::SetSources(_) => m("edit-sources"),
            Edit::SetCategory { index, category } => match before.categories.get(*index) {
                Some(old) if old.name != category.name => m("edit-rename-category"),
                _ => m("edit-category"),
            },
            Edit::AddCategory(_) => m("edit-add-category"),
            Edit::RemoveCategory(_) => m("edit-remove-category"),
            Edit::AddTag(_) => m("edit-add-tag"),
            Edit::RemoveTag(_) => m("edit-remove-tag"),
            Edit::MoveStage { .. } => m("edit-reorder-stages"),
            // A new determinant from the keyboard or the toolbar is a one-node insert.
            Edit::Insert(fragment) => match (
                fragment.stages.len(),
                fragment.determinants.len(),
                fragment.influences.len(),
            ) {
                (0, 1, 0) => m("edit-add-determinant"),
                (1, 0, 0) => m("edit-add-stage"),
                (0, 0, i) => counted("edit-add-influences", i),
                (s, d, _) => counted("edit-add-items", s + d),
            },
            Edit::Batch(edits) => match edits.as_slice() {
                [one] => one.describe(before),
                _ if edits.iter().all(|e| matches!(e, Edit::SetInfluence(_))) => {
                    if edits.iter().all(|e| e.describe(before).id == "edit-flip-sign") {
                        counted("edit-flip-signs", edits.len())
                    } else {
                        counted("edit-influences", edits.len())
                    }
                }
                _ if edits.iter().all(|e| matches!(e, Edit::SetDeterminant(_))) => {
                    counted("edit-determinants", edits.len())
                }
                _ => counted("edit-changes", edits.len()),
            },
            Edit::Replace(_) => m("edit-merge"),
            Edit::SetPresentation(steps) => m(presentation_change(&before.presentation, steps)),
            Edit::Code { ids, .. } => match ids.as_slice() {
                [_] => m("edit-code-determinant"),
                _ => counted("edit-code-determinants", ids.len()),
            },
        }
    }
}

/// What a change to the presentation's steps did: "add step", "move step", "rename step"…
fn presentation_change(before: &[crate::model::Step], after: &[crate::model::Step]) -> &'static str {
    let ids = |steps: &[crate::model::Step]| steps.iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    let (old, new) = (ids(before), ids(after));
    if new.len() == old.len() + 1 {
        "edit-add-step"
    } else if new.len() + 1 == old.len() {
        "edit-delete-step"
    } else if old == new {
        if before.iter().zip(after).any(|(a, b)| a.title != b.title) {
            "edit-rename-step"
        } else if before.iter().zip(after).any(|(a, b)| a.note != b.note) {
            "edit-step-note"
        } else {
            "edit-step"
        }
    } else if old.len() == new.len() && old.iter().all(|id| new.contains(id)) {
        "edit-move-step"
    } else {
        "edit-presentation"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sign;

    fn det(id: &str, category: &str) -> Determinant {
        Determinant {
            id: id.into(),
            label: id.to_uppercase(),
            categories: vec![category.into()],
            locus: None,
            directness: None,
            nature: None,
            effect: Default::default(),
            tags: vec![],
            notes: String::new(),
            evidence: vec![],
            position: Position::new(10.0, 20.0),
        }
    }

    fn inf(id: &str, from: &str, to: &str) -> Influence {
        Influence {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            sign: Sign::Enables,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: vec![],
        }
    }

    fn small() -> Map {
        Map {
            title: "t".into(),
            categories: vec![Category {
                name: "A".into(),
                colour: Colour([1, 2, 3]),
            }],
            determinants: vec![det("d1", "A"), det("d2", "A")],
            stages: vec![Stage {
                id: "s1".into(),
                label: "S".into(),
                description: String::new(),
                position: Position::default(),
            }],
            influences: vec![inf("i1", "d1", "d2"), inf("i2", "d2", "s1")],
            ..Default::default()
        }
    }

    #[test]
    fn removing_a_node_removes_its_influences() {
        let mut map = small();
        apply(&mut map, Edit::Remove(vec!["d2".into()])).unwrap();
        assert_eq!(map.determinants.len(), 1);
        assert!(map.influences.is_empty());
    }

    #[test]
    fn an_edit_that_breaks_the_map_is_refused_and_changes_nothing() {
        let mut map = small();
        let before = map.clone();
        assert!(apply(&mut map, Edit::AddInfluence(inf("i3", "d1", "nowhere"))).is_err());
        assert!(apply(&mut map, Edit::AddInfluence(inf("i3", "s1", "d1"))).is_err());
        assert!(apply(&mut map, Edit::RemoveCategory("A".into())).is_err());
        assert_eq!(map, before);
    }

    #[test]
    fn renaming_a_category_follows_into_determinants() {
        let mut map = small();
        apply(
            &mut map,
            Edit::SetCategory {
                index: 0,
                category: Category {
                    name: "B".into(),
                    colour: Colour([0, 0, 0]),
                },
            },
        )
        .unwrap();
        assert!(map.determinants.iter().all(|d| d.categories == vec!["B".to_string()]));
    }

    #[test]
    fn copy_then_paste_into_the_same_map_gets_fresh_ids_and_internal_links_only() {
        let mut map = small();
        let ids: HashSet<Id> = ["d1".into(), "d2".into()].into_iter().collect();
        let text = copy_text(&map, &ids);
        let fragment = parse_clipboard(&text).expect("the clipboard text is a valid map");
        assert_eq!(fragment.influences.len(), 1, "only the influence between copied nodes");
        let (fragment, new_ids) = prepare_paste(&map, fragment, Position::new(30.0, 30.0));
        assert_eq!(new_ids.len(), 2);
        apply(&mut map, Edit::Insert(fragment)).unwrap();
        assert_eq!(map.determinants.len(), 4);
        assert_eq!(map.influences.len(), 3);
        let pasted = map.influences.last().unwrap();
        assert!(new_ids.contains(&pasted.from) && new_ids.contains(&pasted.to));
        assert_eq!(
            map.determinant(&new_ids[0]).unwrap().position,
            Position::new(40.0, 50.0)
        );
    }

    #[test]
    fn pasting_into_another_map_brings_the_categories_along() {
        let source = small();
        let mut target = Map {
            title: "other".into(),
            ..Default::default()
        };
        let ids: HashSet<Id> = ["d1".into()].into_iter().collect();
        let fragment = parse_clipboard(&copy_text(&source, &ids)).unwrap();
        let (fragment, _) = prepare_paste(&target, fragment, Position::default());
        apply(&mut target, Edit::Insert(fragment)).unwrap();
        assert_eq!(target.categories.len(), 1);
        assert_eq!(target.determinants.len(), 1);
    }

    #[test]
    fn moving_a_stage_reorders() {
        let mut map = small();
        map.stages.push(Stage {
            id: "s2".into(),
            label: "T".into(),
            description: String::new(),
            position: Position::default(),
        });
        apply(&mut map, Edit::MoveStage { id: "s2".into(), to: 0 }).unwrap();
        assert_eq!(map.stages[0].id.as_str(), "s2");
    }

    #[test]
    fn coding_many_sets_the_field_on_each_and_refuses_as_a_whole() {
        let mut map = small();
        map.categories.push(Category {
            name: "B".into(),
            colour: Colour([4, 5, 6]),
        });
        let both = vec![Id::from("d1"), Id::from("d2")];
        let code = |coding| Edit::Code {
            ids: both.clone(),
            coding,
        };
        apply(&mut map, code(Coding::Nature(Some(Nature::PressurePoint)))).unwrap();
        apply(&mut map, code(Coding::AddCategory("B".into()))).unwrap();
        apply(&mut map, code(Coding::AddTag("prevention".into()))).unwrap();
        assert!(map.determinants.iter().all(|d| d.nature == Some(Nature::PressurePoint)
            && d.categories == vec!["A".to_string(), "B".to_string()]
            && d.tags == vec!["prevention".to_string()]));
        assert_eq!(
            map.tags,
            vec!["prevention".to_string()],
            "a new tag joins the vocabulary"
        );
        apply(&mut map, code(Coding::RemoveCategory("A".into()))).unwrap();
        let before = map.clone();
        // B is now each one's only category: removing it is refused for both, and nothing changes.
        let refused = apply(&mut map, code(Coding::RemoveCategory("B".into()))).unwrap_err();
        assert!(refused.0.contains("only category"), "{refused:?}");
        assert_eq!(map, before);
        // A category the map does not list is refused by the map's rules.
        assert!(apply(&mut map, code(Coding::AddCategory("Nowhere".into()))).is_err());
        // A determinant that is gone: refused, and the other is not changed either.
        let gone = Edit::Code {
            ids: vec!["d1".into(), "gone".into()],
            coding: Coding::Effect(Effect::Hinder),
        };
        assert!(apply(&mut map, gone).is_err());
        assert_eq!(map, before);
    }

    #[test]
    fn pasted_lines_lose_bullets_numbers_and_blank_lines() {
        let text = "- Political will\r\n\n* Media\n• Civil society  \n1. Case law\n12) Funding\n   \n2024 budget cut\n-\nTabs\there";
        assert_eq!(
            pasted_labels(text).unwrap(),
            vec![
                "Political will",
                "Media",
                "Civil society",
                "Case law",
                "Funding",
                "2024 budget cut",
                "Tabs here"
            ]
        );
        assert_eq!(
            pasted_labels(" \n\n").unwrap_err(),
            "The clipboard holds no text to paste."
        );
        let many = "x\n".repeat(MAX_PASTED_LINES + 1);
        assert!(pasted_labels(&many).unwrap_err().contains("201 lines"));
        assert!(pasted_labels(&"x\n".repeat(MAX_PASTED_LINES)).is_ok());
        let long = format!("short\n{}", "word ".repeat(100));
        assert!(
            pasted_labels(&long)
                .unwrap_err()
                .starts_with("Line 2 of the clipboard is 499 characters")
        );
        assert_eq!(added_from_lines(1), "Added 1 determinant from the pasted line.");
        assert_eq!(added_from_lines(5), "Added 5 determinants, one per pasted line.");
        assert!(looks_like_a_map("(\n    format_version: 2,\n    title: \"broken"));
        assert!(!looks_like_a_map("(a) first point"));
    }
}

#[cfg(test)]
mod tests_valid {
    use super::*;

    /// An edit checked only where it changed (`apply_over_valid`) is accepted or refused, with
    /// the same words, exactly as the whole map's check (`apply_over`) accepts or refuses it.
    #[test]
    fn a_check_of_what_changed_agrees_with_the_whole_check() {
        let map = crate::samples::default_sample().unwrap().load().unwrap();
        assert!(validate(&map).is_empty());
        let det = |f: &dyn Fn(&mut Determinant)| {
            let mut d = map.determinants[4].clone();
            f(&mut d);
            Edit::SetDeterminant(d)
        };
        let mut stage = map.stages[1].clone();
        stage.label = "Stage\u{7}".into();
        let edits = vec![
            det(&|d| d.label = "A new label".into()),
            det(&|d| d.label = "A bell \u{7} in it".into()),
            det(&|d| d.categories = vec!["No such category".into()]),
            det(&|d| d.categories.clear()),
            det(&|d| d.tags.push("no such tag".into())),
            det(&|d| d.position = Position::new(1e12, 0.0)),
            Edit::SetStage(stage),
            Edit::Move(vec![(map.determinants[0].id.clone(), Position::new(10.0, 20.0))]),
            Edit::Move(vec![
                (map.stages[0].id.clone(), Position::new(10.0, 20.0)),
                (map.determinants[2].id.clone(), Position::new(0.0, -1e13)),
            ]),
        ];
        let mut refused = 0;
        for edit in edits {
            let (mut a, mut b) = (map.clone(), map.clone());
            let local = apply_over_valid(&mut a, edit.clone(), &map);
            let whole = apply_over(&mut b, edit.clone(), &map);
            assert_eq!(local, whole, "{edit:?}");
            assert_eq!(a, b, "{edit:?}");
            refused += usize::from(whole.is_err());
        }
        assert_eq!(refused, 7, "the broken edits are refused");
    }
}
