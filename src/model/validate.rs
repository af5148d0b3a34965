//! The invariants of a map, checked all at once so the user sees every problem, not the first.
//!
//! Each problem names the field it is about as a [`FieldPath`] (`influences[3].to`); the file loader
//! turns that into a line and column. The checks are here, not in the loader, because a map built in
//! the editor must keep the same invariants as one read from disk.

use super::{Evidence, Id, Map, Position};
use crate::tr;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::fmt;

/// The most stages of response a map may have. The studies have a handful (002 and 000 seven, 003
/// four); a hundred leaves room for one that splits its stages finely. The analysis searches once
/// per stage and the matrix has a column per stage, so this bounds both to a hundred times the map.
pub const MAX_STAGES: usize = 100;

/// The most steps a presentation may have. A workshop's story is a handful to a few dozen steps;
/// five hundred leaves room for a long course and bounds what the slides export draws (a page each).
pub const MAX_STEPS: usize = 500;

/// How far from the origin a stage or determinant may be placed, along either axis, in canvas
/// units. Far beyond any layout the application makes (the flow layout of a chain of a million
/// determinants spans 3.2e8), and small enough that widths, sums and the SVG's `viewBox` of any
/// two positions stay finite numbers that a picture can be drawn at.
pub const MAX_COORDINATE: f32 = 1.0e9;

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
    /// The `j`th entry of a list of texts inside an item, e.g. `determinants[2].tags[0]`.
    pub fn entry(list: &'static str, index: usize, inner: &'static str, j: usize) -> Self {
        FieldPath(vec![
            PathSeg::Field(list),
            PathSeg::Index(index),
            PathSeg::Field(inner),
            PathSeg::Index(j),
        ])
    }
    /// A field of a step's focus or filters, e.g. `presentation[2].focus.stage`.
    pub fn step(index: usize, inner: &'static str, field: &'static str) -> Self {
        FieldPath(vec![
            PathSeg::Field("presentation"),
            PathSeg::Index(index),
            PathSeg::Field(inner),
            PathSeg::Field(field),
        ])
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
    // The message is put into words only for a problem that is kept: a hostile file with a
    // million broken references costs a count, not a million sentences.
    let mut push = |path: FieldPath, message: &dyn Fn() -> String| {
        total += 1;
        if problems.len() < keep {
            problems.push(Problem {
                path,
                message: message(),
            });
        }
    };

    if map.stages.len() > MAX_STAGES {
        push(
            FieldPath(vec![PathSeg::Field("stages"), PathSeg::Index(MAX_STAGES)]),
            &too_many_stages,
        );
    }
    each_text(map, |path, text| {
        if let Some(message) = text_problem(text) {
            push(path(), &|| message.clone());
        }
    });
    let placed = map.stages.iter().map(|s| ("stages", &s.position));
    for (i, (list, position)) in placed.enumerate().chain(
        map.determinants
            .iter()
            .map(|d| ("determinants", &d.position))
            .enumerate(),
    ) {
        if let Some(message) = position_problem(position) {
            push(FieldPath::item(list, i, "position"), &|| message.clone());
        }
    }

    // One namespace for stages and determinants, one for influences, one for sources.
    let mut nodes: HashMap<&Id, &'static str> = HashMap::with_capacity(map.stages.len() + map.determinants.len());
    for (i, stage) in map.stages.iter().enumerate() {
        if let Some(kind) = nodes.insert(&stage.id, "stage") {
            push(FieldPath::item("stages", i, "id"), &|| {
                tr!("problem-duplicate-node-id", id = stage.id.as_str(), kind = kind)
            });
        }
        if stage.id.as_str().is_empty() {
            push(FieldPath::item("stages", i, "id"), &|| tr!("problem-stage-without-id"));
        }
    }
    for (i, det) in map.determinants.iter().enumerate() {
        if let Some(kind) = nodes.insert(&det.id, "determinant") {
            push(FieldPath::item("determinants", i, "id"), &|| {
                tr!("problem-duplicate-node-id", id = det.id.as_str(), kind = kind)
            });
        }
        if det.id.as_str().is_empty() {
            push(FieldPath::item("determinants", i, "id"), &|| {
                tr!("problem-determinant-without-id")
            });
        }
    }
    let sources: HashSet<&Id> = map.sources.iter().map(|s| &s.id).collect();
    let mut seen_sources = HashSet::new();
    for (i, source) in map.sources.iter().enumerate() {
        if !seen_sources.insert(&source.id) {
            push(FieldPath::item("sources", i, "id"), &|| {
                tr!("problem-duplicate-source", id = source.id.as_str())
            });
        }
    }
    let categories: HashSet<&str> = map.categories.iter().map(|c| c.name.as_str()).collect();
    let mut seen_categories = HashSet::new();
    for (i, category) in map.categories.iter().enumerate() {
        if !seen_categories.insert(category.name.as_str()) {
            push(FieldPath::item("categories", i, "name"), &|| {
                tr!("problem-duplicate-category", category = &category.name)
            });
        }
    }
    let tags: HashSet<&str> = map.tags.iter().map(String::as_str).collect();
    let check_evidence =
        |push: &mut dyn FnMut(FieldPath, &dyn Fn() -> String), list, i, evidence: &[super::Evidence]| {
            for (j, e) in evidence.iter().enumerate() {
                if !sources.contains(&e.source) {
                    push(FieldPath::nested(list, i, "evidence", j, "source"), &|| {
                        tr!("problem-unknown-source", source = e.source.as_str())
                    });
                }
            }
        };

    for (i, det) in map.determinants.iter().enumerate() {
        if det.categories.is_empty() {
            push(FieldPath::item("determinants", i, "categories"), &|| {
                tr!("problem-no-category", determinant = det.id.as_str())
            });
        }
        for (j, name) in det.categories.iter().enumerate() {
            if !categories.contains(name.as_str()) {
                push(FieldPath::entry("determinants", i, "categories", j), &|| {
                    tr!(
                        "problem-unknown-category",
                        category = name,
                        determinant = det.id.as_str()
                    )
                });
            }
        }
        for (j, tag) in det.tags.iter().enumerate() {
            if !tags.contains(tag.as_str()) {
                push(FieldPath::entry("determinants", i, "tags", j), &|| {
                    tr!("problem-unknown-tag", tag = tag, determinant = det.id.as_str())
                });
            }
        }
        check_evidence(&mut push, "determinants", i, &det.evidence);
    }

    let mut seen_influences: HashSet<&Id> = HashSet::with_capacity(map.influences.len());
    for (i, inf) in map.influences.iter().enumerate() {
        if !seen_influences.insert(&inf.id) || nodes.contains_key(&inf.id) {
            push(FieldPath::item("influences", i, "id"), &|| {
                tr!("problem-duplicate-influence-id", id = inf.id.as_str())
            });
        }
        match nodes.get(&inf.from) {
            None => push(FieldPath::item("influences", i, "from"), &|| {
                tr!(
                    "problem-influence-from-nothing",
                    id = inf.id.as_str(),
                    from = inf.from.as_str()
                )
            }),
            Some(&"stage") => push(FieldPath::item("influences", i, "from"), &|| {
                tr!(
                    "problem-influence-from-stage",
                    id = inf.id.as_str(),
                    from = inf.from.as_str()
                )
            }),
            Some(_) => {}
        }
        if !nodes.contains_key(&inf.to) {
            push(FieldPath::item("influences", i, "to"), &|| {
                tr!(
                    "problem-influence-to-nothing",
                    id = inf.id.as_str(),
                    to = inf.to.as_str()
                )
            });
        }
        check_evidence(&mut push, "influences", i, &inf.evidence);
    }

    check_presentation(map, &nodes, &categories, &tags, &mut push);
    (problems, total)
}

/// The steps: at most [`MAX_STEPS`], ids unique among the steps and not empty, every stage and
/// determinant named exists and is of the kind its field says, a loop has determinants, and the
/// filters name categories and tags of the map.
fn check_presentation(
    map: &Map,
    nodes: &HashMap<&Id, &'static str>,
    categories: &HashSet<&str>,
    tags: &HashSet<&str>,
    push: &mut dyn FnMut(FieldPath, &dyn Fn() -> String),
) {
    use super::presentation::{Focus, Reference};
    if map.presentation.len() > MAX_STEPS {
        push(
            FieldPath(vec![PathSeg::Field("presentation"), PathSeg::Index(MAX_STEPS)]),
            &too_many_steps,
        );
    }
    let mut seen: HashSet<&Id> = HashSet::with_capacity(map.presentation.len());
    for (i, step) in map.presentation.iter().enumerate() {
        if step.id.as_str().is_empty() {
            push(FieldPath::item("presentation", i, "id"), &|| {
                tr!("problem-step-without-id")
            });
        } else if !seen.insert(&step.id) {
            push(FieldPath::item("presentation", i, "id"), &|| {
                tr!("problem-duplicate-step-id", id = step.id.as_str())
            });
        }
        if let Focus::FeedbackLoop { determinants } = &step.focus
            && determinants.is_empty()
        {
            push(FieldPath::step(i, "focus", "determinants"), &|| {
                tr!("problem-empty-loop", step = step.id.as_str())
            });
        }
        let mut in_loop = 0;
        for (reference, id) in step.references() {
            let path = match reference {
                Reference::Stage | Reference::PathStage => FieldPath::step(i, "focus", "stage"),
                Reference::Determinant | Reference::PathDeterminant => FieldPath::step(i, "focus", "determinant"),
                Reference::LoopDeterminant => {
                    in_loop += 1;
                    FieldPath(vec![
                        PathSeg::Field("presentation"),
                        PathSeg::Index(i),
                        PathSeg::Field("focus"),
                        PathSeg::Field("determinants"),
                        PathSeg::Index(in_loop - 1),
                    ])
                }
                Reference::KnockOut => FieldPath::item("presentation", i, "knock_out"),
            };
            let wanted = if reference.is_stage() { "stage" } else { "determinant" };
            match nodes.get(id) {
                Some(&kind) if kind == wanted => {}
                Some(&kind) => push(path, &|| {
                    tr!(
                        "problem-step-names-other-kind",
                        step = step.id.as_str(),
                        id = id.as_str(),
                        wanted = wanted,
                        kind = kind
                    )
                }),
                None => push(path, &|| {
                    tr!(
                        "problem-step-names-nothing",
                        step = step.id.as_str(),
                        id = id.as_str(),
                        wanted = wanted
                    )
                }),
            }
        }
        if let Some(c) = &step.filters.category
            && !categories.contains(c.as_str())
        {
            push(FieldPath::step(i, "filters", "category"), &|| {
                tr!("problem-step-unknown-category", step = step.id.as_str(), category = c)
            });
        }
        if let Some(t) = &step.filters.tag
            && !tags.contains(t.as_str())
        {
            push(FieldPath::step(i, "filters", "tag"), &|| {
                tr!("problem-step-unknown-tag", step = step.id.as_str(), tag = t)
            });
        }
    }
}

/// The message for a presentation of more than [`MAX_STEPS`] steps, the same at load, at save and in the editor.
pub fn too_many_steps() -> String {
    tr!("problem-too-many-steps", limit = MAX_STEPS.to_string())
}

/// The message for a map with more than [`MAX_STAGES`] stages, the same at load, at save and in the editor.
pub fn too_many_stages() -> String {
    tr!("problem-too-many-stages", limit = MAX_STAGES.to_string())
}

/// What is wrong with a text of a map, if anything: a control character other than a tab, a line
/// feed, or a carriage return that ends a line (CRLF). Such characters are invisible or act on the
/// terminal or program that shows the text; a run of zero bytes (NUL) is what a power cut can leave
/// in a file. The loader, the saver and the editor all refuse them through [`validate`].
pub fn text_problem(text: &str) -> Option<String> {
    // Fast path: no byte that can start a control character (C0, DEL, or C1's lead byte 0xC2).
    if !text.bytes().any(|b| b < 0x20 || b == 0x7f || b == 0xc2) {
        return None;
    }
    let mut chars = text.chars().enumerate().peekable();
    while let Some((n, c)) = chars.next() {
        let allowed = !c.is_control()
            || c == '\t'
            || c == '\n'
            || (c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n'));
        if !allowed {
            let name = match c {
                '\0' => "nul",
                '\r' => "cr",
                '\u{1b}' => "esc",
                '\u{7f}' => "del",
                _ => "other",
            };
            return Some(tr!(
                "problem-control-character",
                code = format!("U+{:04X}", c as u32),
                name = name,
                at = (n + 1).to_string()
            ));
        }
    }
    None
}

/// What is wrong with a position, if anything: a coordinate further than [`MAX_COORDINATE`] from
/// the origin. (A coordinate that is not a finite number never comes from a file, and the saver puts
/// such a node at the origin.)
pub fn position_problem(position: &Position) -> Option<String> {
    let beyond = |v: f32| v.is_finite() && v.abs() > MAX_COORDINATE;
    (beyond(position.x) || beyond(position.y)).then(|| {
        tr!(
            "problem-position-beyond",
            x = format!("{:e}", position.x),
            y = format!("{:e}", position.y),
            limit = format!("{MAX_COORDINATE:e}")
        )
    })
}

/// Calls `f` with every text of the map (ids included) and a way to name its field, in file order.
/// The path is only built when asked for, so a walk of a large valid map allocates nothing.
fn each_text(map: &Map, mut f: impl FnMut(&dyn Fn() -> FieldPath, &str)) {
    use PathSeg::{Field as F, Index as I};
    let evidence = |f: &mut dyn FnMut(&dyn Fn() -> FieldPath, &str), list, i, evidence: &[Evidence]| {
        for (j, e) in evidence.iter().enumerate() {
            for (field, text) in [
                ("source", e.source.as_str()),
                ("location", &e.location),
                ("paraphrase", &e.paraphrase),
            ] {
                f(&|| FieldPath::nested(list, i, "evidence", j, field), text);
            }
        }
    };
    f(&|| FieldPath(vec![F("title")]), &map.title);
    f(&|| FieldPath(vec![F("description")]), &map.description);
    for (i, s) in map.sources.iter().enumerate() {
        for (field, text) in [("id", s.id.as_str()), ("title", &s.title), ("citation", &s.citation)] {
            f(&|| FieldPath::item("sources", i, field), text);
        }
    }
    for (i, s) in map.stages.iter().enumerate() {
        for (field, text) in [
            ("id", s.id.as_str()),
            ("label", &s.label),
            ("description", &s.description),
        ] {
            f(&|| FieldPath::item("stages", i, field), text);
        }
    }
    for (i, c) in map.categories.iter().enumerate() {
        f(&|| FieldPath::item("categories", i, "name"), &c.name);
    }
    for (i, tag) in map.tags.iter().enumerate() {
        f(&|| FieldPath(vec![F("tags"), I(i)]), tag);
    }
    for (i, d) in map.determinants.iter().enumerate() {
        f(&|| FieldPath::item("determinants", i, "id"), d.id.as_str());
        f(&|| FieldPath::item("determinants", i, "label"), &d.label);
        for (j, name) in d.categories.iter().enumerate() {
            f(&|| FieldPath::entry("determinants", i, "categories", j), name);
        }
        for (j, tag) in d.tags.iter().enumerate() {
            f(&|| FieldPath::entry("determinants", i, "tags", j), tag);
        }
        f(&|| FieldPath::item("determinants", i, "notes"), &d.notes);
        evidence(&mut f, "determinants", i, &d.evidence);
    }
    for (i, inf) in map.influences.iter().enumerate() {
        for (field, text) in [
            ("id", inf.id.as_str()),
            ("from", inf.from.as_str()),
            ("to", inf.to.as_str()),
            ("note", &inf.note),
        ] {
            f(&|| FieldPath::item("influences", i, field), text);
        }
        evidence(&mut f, "influences", i, &inf.evidence);
    }
    for (i, step) in map.presentation.iter().enumerate() {
        for (field, text) in [("id", step.id.as_str()), ("title", &step.title), ("note", &step.note)] {
            f(&|| FieldPath::item("presentation", i, field), text);
        }
        // Ids named by the focus and the knock-out: a control character there is refused like any.
        for (reference, id) in step.references() {
            use super::presentation::Reference as R;
            let (inner, field) = match reference {
                R::Stage | R::PathStage => ("focus", "stage"),
                R::Determinant | R::PathDeterminant => ("focus", "determinant"),
                R::LoopDeterminant => ("focus", "determinants"),
                R::KnockOut => ("knock_out", ""),
            };
            if field.is_empty() {
                f(&|| FieldPath::item("presentation", i, inner), id.as_str());
            } else {
                f(&|| FieldPath::step(i, inner, field), id.as_str());
            }
        }
        for (field, text) in [("category", &step.filters.category), ("tag", &step.filters.tag)] {
            if let Some(text) = text {
                f(&|| FieldPath::step(i, "filters", field), text);
            }
        }
    }
}
