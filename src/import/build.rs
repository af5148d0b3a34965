//! From sheets to a map: elements become stages and determinants, connections become influences,
//! every cell checked, every problem kept with its sheet, row and column. Nothing is returned
//! half: either the whole map, valid, or the problems.

use super::Located;
use super::columns::{ConnectionCol, ElementCol, connection_columns, element_columns, heading_key};
use super::evidence::parse_evidence_cell;
use super::labels::{clean_label, fold_label};
use super::table::{Row, Table};
use super::values;
use crate::format::MAX_ID_BYTES;
use crate::layout;
use crate::model::{
    Category, Colour, Determinant, Directness, Effect, Evidence, Id, Influence, Level, Locus, Map, Nature, PathSeg,
    Position, Sign, Source, Stage,
};
use crate::tr;
use foldhash::{HashMap, HashMapExt, HashSet};

/// The sheets one import reads.
#[derive(Default)]
pub struct Sheets {
    pub elements: Vec<Table>,
    pub connections: Vec<Table>,
    /// detmap's own workbook: the category colours, the sources, the title.
    pub categories: Option<Table>,
    pub sources: Option<Table>,
    pub about: Option<Table>,
}

use crate::model::CATEGORY_PALETTE as PALETTE;

/// The category of a determinant whose row names none.
pub const UNCATEGORISED: &str = "Uncategorised";

struct Element {
    stage: bool,
    given_id: Option<String>,
    label: String,
    description: String,
    categories: Vec<String>,
    tags: Vec<String>,
    locus: Option<Locus>,
    directness: Option<Directness>,
    nature: Option<Nature>,
    effect: Effect,
    position: Option<Position>,
    evidence: Vec<Evidence>,
    at: Located,
}

impl Element {
    fn plain(stage: bool, label: String, given_id: Option<String>, at: Located) -> Self {
        Element {
            stage,
            given_id,
            label,
            description: String::new(),
            categories: Vec::new(),
            tags: Vec::new(),
            locus: None,
            directness: None,
            nature: None,
            effect: Effect::Enabler,
            position: None,
            evidence: Vec::new(),
            at,
        }
    }
}

struct Connection {
    given_id: Option<String>,
    from: usize,
    to: usize,
    sign: Sign,
    strength: Option<Level>,
    confidence: Option<Level>,
    note: String,
    evidence: Vec<Evidence>,
    at: Located,
}

/// The map's sources: those the workbook lists, and one more for each new name evidence cites.
#[derive(Default)]
struct Sources {
    list: Vec<Source>,
    by_id: HashMap<String, usize>,
    by_title: HashMap<String, usize>,
}

impl Sources {
    fn add(&mut self, source: Source) {
        let i = self.list.len();
        self.by_id.entry(source.id.to_string()).or_insert(i);
        self.by_title.entry(fold_label(&source.title)).or_insert(i);
        self.list.push(source);
    }
    /// The id of the source a cell names, by id, else by title, else a new source with that title.
    fn resolve(&mut self, name: &str) -> Id {
        if let Some(&i) = self.by_id.get(name).or_else(|| self.by_title.get(&fold_label(name))) {
            return self.list[i].id.clone();
        }
        let id = unique(&slug(name, "source"), |c| self.by_id.contains_key(c));
        self.add(Source {
            id: id.as_str().into(),
            title: name.to_owned(),
            citation: String::new(),
        });
        id.into()
    }
}

/// A readable id made from a label: ascii letters and digits, words joined by `-`, at most 40 characters.
fn slug(label: &str, fallback: &str) -> String {
    let folded = fold_label(label);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 40 {
            break;
        }
    }
    let out = out.trim_end_matches('-');
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out.to_owned()
    }
}

/// `base`, or `base-2`, `base-3`… whichever is not taken.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|c| !taken(c))
        .expect("an unused suffix exists")
}

fn at(table: &Table, row: &Row, col: Option<usize>) -> Located {
    table.at(row.number, col.map(|c| table.headers[c].0))
}

fn problem(problems: &mut Vec<Located>, mut place: Located, message: impl Into<String>) {
    place.message = message.into();
    problems.push(place);
}

/// `heading: value` lines for the cells of columns detmap does not know.
fn extra_lines<C>(table: &Table, row: &Row, roles: &[Option<C>]) -> String {
    let mut out = String::new();
    for (i, role) in roles.iter().enumerate() {
        if role.is_none() && !row.cells[i].trim().is_empty() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&table.headers[i].1);
            out.push_str(": ");
            out.push_str(&row.cells[i]);
        }
    }
    out
}

fn join_text(parts: impl IntoIterator<Item = String>) -> String {
    let parts: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    parts.join("\n\n")
}

/// Builds the map, or says every problem.
pub fn build(sheets: Sheets, title: &str) -> Result<(Map, Vec<Located>), Vec<Located>> {
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    let mut sources = Sources::default();
    if let Some(table) = &sheets.sources {
        read_sources(table, &mut sources, &mut problems);
    }
    let mut categories = Vec::new();
    if let Some(table) = &sheets.categories {
        categories = read_categories(table, &mut problems);
    }
    let (mut map_title, mut description, mut tag_list) = (title.to_owned(), String::new(), Vec::new());
    if let Some(table) = &sheets.about {
        read_about(table, &mut map_title, &mut description, &mut tag_list);
    }

    let mut elements: Vec<Element> = Vec::new();
    for table in &sheets.elements {
        read_elements(table, &mut elements, &mut sources, &mut problems, &mut notices);
    }
    let auto_elements = sheets.elements.is_empty();
    let mut ids = assign_node_ids(&mut elements, &mut problems);

    let mut connections = Vec::new();
    {
        let mut resolver = Resolver::new(&elements, &ids, auto_elements);
        for table in &sheets.connections {
            read_connections(
                table,
                &mut resolver,
                &mut connections,
                &mut sources,
                &mut problems,
                &mut notices,
            );
        }
        for element in resolver.created {
            ids.push(element.given_id.clone().unwrap_or_default());
            elements.push(element);
        }
    }
    // Elements made from a connection's label (when there is no elements sheet) still need ids.
    if ids.iter().any(String::is_empty) {
        let mut taken: HashSet<String> = ids.iter().filter(|i| !i.is_empty()).cloned().collect();
        for (i, e) in elements.iter().enumerate() {
            if ids[i].is_empty() {
                let id = unique(&slug(&e.label, if e.stage { "stage" } else { "determinant" }), |c| {
                    taken.contains(c)
                });
                taken.insert(id.clone());
                ids[i] = id;
            }
        }
    }
    let mut seen: HashSet<&str> = ids.iter().map(String::as_str).collect();
    for c in &connections {
        if let Some(id) = &c.given_id
            && !seen.insert(id)
        {
            problem(&mut problems, c.at.clone(), tr!("import-id-taken", id = id.as_str()));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    let (map, places) = assemble(
        elements,
        &ids,
        connections,
        sources,
        categories,
        tag_list,
        map_title,
        description,
        &mut notices,
    );
    // The same rules as the loader: the limits, then every invariant of the model.
    let mut found = crate::format::check_limits(&map);
    found.extend(crate::model::validate(&map));
    for p in found {
        let place = match p.path.0.as_slice() {
            [PathSeg::Field(list), PathSeg::Index(i), ..] => places.get(list).and_then(|v| v.get(*i)).cloned(),
            _ => None,
        };
        let mut place = place.unwrap_or(Located {
            file: String::new(),
            sheet: None,
            row: None,
            column: None,
            message: String::new(),
        });
        place.message = format!("{}: {}", p.path, p.message);
        problems.push(place);
    }
    if problems.is_empty() {
        Ok((map, notices))
    } else {
        Err(problems)
    }
}

fn cell<'r>(row: &'r Row, col: Option<usize>) -> &'r str {
    col.map_or("", |c| row.cells[c].as_str())
}

fn read_sources(table: &Table, sources: &mut Sources, problems: &mut Vec<Located>) {
    let col = |name: &str| table.headers.iter().position(|(_, h)| heading_key(h) == name);
    let (id, title, citation) = (col("id"), col("title"), col("citation"));
    for row in &table.rows {
        let source_id = cell(row, id).trim();
        if source_id.is_empty() {
            problem(problems, at(table, row, id), tr!("import-source-without-id"));
            continue;
        }
        if sources.by_id.contains_key(source_id) {
            problem(
                problems,
                at(table, row, id),
                tr!("import-source-twice", source = source_id),
            );
            continue;
        }
        sources.add(Source {
            id: source_id.into(),
            title: cell(row, title).to_owned(),
            citation: cell(row, citation).to_owned(),
        });
    }
}

fn read_categories(table: &Table, problems: &mut Vec<Located>) -> Vec<Category> {
    let col = |names: &[&str]| {
        table
            .headers
            .iter()
            .position(|(_, h)| names.contains(&heading_key(h).as_str()))
    };
    let (name, colour) = (col(&["name", "category"]), col(&["colour", "color"]));
    let mut out: Vec<Category> = Vec::new();
    for row in &table.rows {
        let n = cell(row, name).trim();
        if n.is_empty() {
            continue;
        }
        let c = cell(row, colour).trim();
        let colour = if c.is_empty() {
            Colour(PALETTE[out.len() % PALETTE.len()])
        } else {
            match Colour::parse(c) {
                Some(colour) => colour,
                None => {
                    problem(
                        problems,
                        at(table, row, colour),
                        tr!("import-not-a-colour", value = c.to_string()),
                    );
                    continue;
                }
            }
        };
        if out.iter().any(|x| x.name == n) {
            problem(
                problems,
                at(table, row, name),
                tr!("import-category-twice", category = n.to_string()),
            );
            continue;
        }
        out.push(Category {
            name: n.to_owned(),
            colour,
        });
    }
    out
}

fn read_about(table: &Table, title: &mut String, description: &mut String, tags: &mut Vec<String>) {
    let col = |name: &str| table.headers.iter().position(|(_, h)| heading_key(h) == name);
    if let Some(row) = table.rows.first() {
        if let Some(t) = col("title").map(|c| row.cells[c].trim()).filter(|t| !t.is_empty()) {
            *title = t.to_owned();
        }
        if let Some(c) = col("description") {
            *description = row.cells[c].clone();
        }
        if let Some(c) = col("tags") {
            *tags = values::list(&row.cells[c]);
        }
    }
}

fn read_evidence(text: &str, place: Located, sources: &mut Sources, problems: &mut Vec<Located>) -> Vec<Evidence> {
    match parse_evidence_cell(text) {
        Ok(items) => items
            .into_iter()
            .map(|(source, location, paraphrase)| Evidence {
                source: sources.resolve(&source),
                location,
                paraphrase,
            })
            .collect(),
        Err(message) => {
            problem(problems, place, message);
            Vec::new()
        }
    }
}

fn read_elements(
    table: &Table,
    elements: &mut Vec<Element>,
    sources: &mut Sources,
    problems: &mut Vec<Located>,
    notices: &mut Vec<Located>,
) {
    use ElementCol as C;
    let columns = element_columns(table, problems, notices);
    let Some(label_col) = columns.find(C::Label) else {
        return;
    };
    let find = |c| columns.find(c);
    let description_cols: Vec<usize> = columns.all(C::Description).collect();
    for row in &table.rows {
        let label = clean_label(&row.cells[label_col]);
        if label.is_empty() {
            problem(problems, at(table, row, Some(label_col)), tr!("import-no-label"));
            continue;
        }
        let type_text = cell(row, find(C::Type)).trim();
        let stage = values::is_stage_type(type_text);
        let given_id = Some(cell(row, find(C::Id)).trim().to_owned()).filter(|s| !s.is_empty());
        let mut e = Element::plain(stage, label, given_id, at(table, row, find(C::Id).or(Some(label_col))));
        e.description = join_text(
            description_cols
                .iter()
                .map(|&c| row.cells[c].clone())
                .chain(std::iter::once(extra_lines(table, row, &columns.roles))),
        );
        let mut parse = |col: ElementCol, apply: &mut dyn FnMut(&str) -> Result<(), String>| {
            let Some(c) = find(col) else { return };
            let text = row.cells[c].trim();
            if text.is_empty() {
                return;
            }
            if let Err(message) = apply(text) {
                problem(problems, at(table, row, Some(c)), message);
            }
        };
        if !stage && !type_text.is_empty() && !values::is_determinant_type(type_text) {
            e.categories.push(type_text.to_owned());
        }
        parse(C::Categories, &mut |t| {
            for c in values::list(t) {
                if !e.categories.contains(&c) {
                    e.categories.push(c);
                }
            }
            Ok(())
        });
        parse(C::Tags, &mut |t| {
            e.tags = values::list(t);
            Ok(())
        });
        parse(C::Locus, &mut |t| values::locus(t).map(|v| e.locus = Some(v)));
        parse(C::Directness, &mut |t| {
            values::directness(t).map(|v| e.directness = Some(v))
        });
        parse(C::Nature, &mut |t| values::nature(t).map(|v| e.nature = Some(v)));
        parse(C::Effect, &mut |t| values::effect(t).map(|v| e.effect = v));
        let mut x = None;
        let mut y = None;
        parse(C::X, &mut |t| values::coordinate(t).map(|v| x = Some(v)));
        parse(C::Y, &mut |t| values::coordinate(t).map(|v| y = Some(v)));
        if let (Some(x), Some(y)) = (x, y) {
            e.position = Some(Position::new(x, y));
        }
        if let Some(c) = find(C::Evidence) {
            e.evidence = read_evidence(&row.cells[c], at(table, row, Some(c)), sources, problems);
        }
        if stage {
            let coded = [
                C::Categories,
                C::Tags,
                C::Locus,
                C::Directness,
                C::Nature,
                C::Effect,
                C::Evidence,
            ];
            for col in coded.into_iter().filter_map(find) {
                if !row.cells[col].trim().is_empty() {
                    let heading = &table.headers[col].1;
                    problem(
                        problems,
                        at(table, row, Some(col)),
                        tr!("import-stage-has-no", heading = heading.to_string()),
                    );
                }
            }
        }
        elements.push(e);
    }
}

/// Ids for every element: those the sheet gives (checked), then readable ones made from labels.
fn assign_node_ids(elements: &mut [Element], problems: &mut Vec<Located>) -> Vec<String> {
    let mut taken: HashMap<String, usize> = HashMap::with_capacity(elements.len());
    for (i, e) in elements.iter().enumerate() {
        let Some(id) = &e.given_id else { continue };
        if id.len() > MAX_ID_BYTES {
            problem(
                problems,
                e.at.clone(),
                tr!(
                    "import-id-too-long",
                    bytes = id.len().to_string(),
                    limit = MAX_ID_BYTES.to_string()
                ),
            );
        } else if let Some(&first) = taken.get(id) {
            let label = &elements[first].label;
            let message = match elements[first].at.row {
                Some(row) => tr!(
                    "import-id-used-by-at",
                    id = id.as_str(),
                    label = label,
                    row = row.to_string()
                ),
                None => tr!("import-id-used-by", id = id.as_str(), label = label),
            };
            problem(problems, e.at.clone(), message);
        } else {
            taken.insert(id.clone(), i);
        }
    }
    elements
        .iter()
        .map(|e| match &e.given_id {
            Some(id) => id.clone(),
            None => {
                let id = unique(&slug(&e.label, if e.stage { "stage" } else { "determinant" }), |c| {
                    taken.contains_key(c)
                });
                taken.insert(id.clone(), usize::MAX);
                id
            }
        })
        .collect()
}

/// Finds the element a From or To cell names: by id, else by label (without case, accents or
/// surrounding space), else, for Kumu's way of linking to several, each `|`-separated name.
struct Resolver<'a> {
    elements: &'a [Element],
    by_id: HashMap<&'a str, usize>,
    by_label: HashMap<String, Vec<usize>>,
    /// No elements sheet: every name a connection uses becomes a determinant.
    auto: bool,
    /// Elements made while reading connections, numbered after `elements`.
    created: Vec<Element>,
    created_by_key: HashMap<String, usize>,
}

impl<'a> Resolver<'a> {
    fn new(elements: &'a [Element], ids: &'a [String], auto: bool) -> Self {
        let mut by_label: HashMap<String, Vec<usize>> = HashMap::with_capacity(elements.len());
        for (i, e) in elements.iter().enumerate() {
            by_label.entry(fold_label(&e.label)).or_default().push(i);
        }
        Resolver {
            elements,
            by_id: ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect(),
            by_label,
            auto,
            created: Vec::new(),
            created_by_key: HashMap::new(),
        }
    }

    fn label_of(&self, i: usize) -> &str {
        match self.elements.get(i) {
            Some(e) => &e.label,
            None => &self.created[i - self.elements.len()].label,
        }
    }
    fn is_stage(&self, i: usize) -> bool {
        match self.elements.get(i) {
            Some(e) => e.stage,
            None => self.created[i - self.elements.len()].stage,
        }
    }

    fn one(&self, name: &str) -> Result<Option<usize>, String> {
        if let Some(&i) = self.by_id.get(name) {
            return Ok(Some(i));
        }
        let key = fold_label(name);
        match self.by_label.get(&key).map(Vec::as_slice) {
            Some([i]) => Ok(Some(*i)),
            Some(several) => {
                let rows: Vec<String> = several
                    .iter()
                    .filter_map(|&i| self.elements[i].at.row.map(|r| r.to_string()))
                    .collect();
                Err(tr!(
                    "import-label-ambiguous",
                    count = several.len(),
                    name = name,
                    rows = rows.join(", ")
                ))
            }
            None => Ok(self.created_by_key.get(&key).copied()),
        }
    }

    /// The elements `text` names. `label` is the label column beside it in detmap's own CSV;
    /// `stage_if_new` makes a name no element has into a stage (a To of detmap's influences CSV,
    /// whose determinants CSV lists no stages).
    fn resolve(&mut self, text: &str, label: &str, stage_if_new: bool, place: &Located) -> Result<Vec<usize>, String> {
        let name = text.trim();
        if name.is_empty() {
            return Err(tr!("import-connection-names-nothing"));
        }
        if let Some(i) = self.one(name)? {
            return Ok(vec![i]);
        }
        if name.contains('|') {
            let mut all = Vec::new();
            for part in name.split('|').map(str::trim).filter(|p| !p.is_empty()) {
                match self.one(part)? {
                    Some(i) => all.push(i),
                    None => return Err(tr!("import-no-such-label", name = part)),
                }
            }
            return Ok(all);
        }
        let label = clean_label(label);
        if self.auto || (stage_if_new && !label.is_empty()) {
            // With a label beside it, the cell is the new element's id; else its label.
            let (id, label) = if label.is_empty() {
                (None, clean_label(name))
            } else {
                (Some(name.to_owned()), label)
            };
            let stage = !self.auto;
            let i = self.elements.len() + self.created.len();
            self.created_by_key.insert(fold_label(name), i);
            self.created.push(Element::plain(stage, label, id, place.clone()));
            return Ok(vec![i]);
        }
        Err(tr!("import-no-such-label", name = name))
    }
}

fn read_connections(
    table: &Table,
    resolver: &mut Resolver<'_>,
    connections: &mut Vec<Connection>,
    sources: &mut Sources,
    problems: &mut Vec<Located>,
    notices: &mut Vec<Located>,
) {
    use ConnectionCol as C;
    let columns = connection_columns(table, problems, notices);
    let (Some(from_col), Some(to_col)) = (columns.find(C::From), columns.find(C::To)) else {
        return;
    };
    let find = |c| columns.find(c);
    let note_cols: Vec<usize> = columns.all(C::Note).collect();
    for row in &table.rows {
        let mut ok = true;
        let mut side =
            |col: usize, label_col: Option<ConnectionCol>, stage_if_new: bool, problems: &mut Vec<Located>| {
                let place = at(table, row, Some(col));
                match resolver.resolve(
                    &row.cells[col],
                    cell(row, label_col.and_then(find)),
                    stage_if_new,
                    &place,
                ) {
                    Ok(found) => found,
                    Err(message) => {
                        problem(problems, place, message);
                        ok = false;
                        Vec::new()
                    }
                }
            };
        let from = side(from_col, Some(C::FromLabel), false, problems);
        let to = side(to_col, Some(C::ToLabel), true, problems);
        for &f in &from {
            if resolver.is_stage(f) {
                problem(
                    problems,
                    at(table, row, Some(from_col)),
                    tr!("import-from-stage", stage = resolver.label_of(f)),
                );
                ok = false;
            }
        }
        let mut sign = Sign::Enables;
        let mut levels = [None, None];
        let mut check = |col: Option<usize>, parse: &mut dyn FnMut(&str) -> Result<(), String>| {
            let Some(c) = col else { return };
            let text = row.cells[c].trim();
            if text.is_empty() {
                return;
            }
            if let Err(message) = parse(text) {
                problem(problems, at(table, row, Some(c)), message);
                ok = false;
            }
        };
        check(find(C::Sign), &mut |t| values::sign(t).map(|s| sign = s));
        check(find(C::Strength), &mut |t| {
            values::level(t, "strength").map(|l| levels[0] = Some(l))
        });
        check(find(C::Confidence), &mut |t| {
            values::level(t, "confidence").map(|l| levels[1] = Some(l))
        });
        let evidence = match find(C::Evidence) {
            Some(c) => read_evidence(&row.cells[c], at(table, row, Some(c)), sources, problems),
            None => Vec::new(),
        };
        let given_id = Some(cell(row, find(C::Id)).trim().to_owned()).filter(|s| !s.is_empty());
        if let Some(id) = &given_id
            && id.len() > MAX_ID_BYTES
        {
            problem(
                problems,
                at(table, row, find(C::Id)),
                tr!(
                    "import-id-too-long",
                    bytes = id.len().to_string(),
                    limit = MAX_ID_BYTES.to_string()
                ),
            );
            ok = false;
        }
        if !ok {
            continue;
        }
        let note = join_text(
            note_cols
                .iter()
                .map(|&c| row.cells[c].clone())
                .chain(std::iter::once(extra_lines(table, row, &columns.roles))),
        );
        for (n, (&f, &t)) in from.iter().flat_map(|f| to.iter().map(move |t| (f, t))).enumerate() {
            {
                connections.push(Connection {
                    // One row naming several elements (Kumu's `a | b`) makes several connections; the first keeps the ID.
                    given_id: if n == 0 { given_id.clone() } else { None },
                    from: f,
                    to: t,
                    sign,
                    strength: levels[0],
                    confidence: levels[1],
                    note: note.clone(),
                    evidence: evidence.clone(),
                    at: at(table, row, find(C::Id).or(Some(from_col))),
                });
            }
        }
    }
}

/// The map from what was read (which has no problems), with the place each item came from.
#[allow(clippy::too_many_arguments)]
fn assemble(
    elements: Vec<Element>,
    ids: &[String],
    connections: Vec<Connection>,
    sources: Sources,
    mut categories: Vec<Category>,
    mut tags: Vec<String>,
    title: String,
    description: String,
    notices: &mut Vec<Located>,
) -> (Map, HashMap<&'static str, Vec<Located>>) {
    let node_ids: Vec<Id> = ids.iter().map(|s| Id::from(s.as_str())).collect();
    let mut places: HashMap<&'static str, Vec<Located>> = HashMap::new();
    let mut known_categories: HashSet<String> = categories.iter().map(|c| c.name.clone()).collect();
    let mut known_tags: HashSet<String> = tags.iter().cloned().collect();
    let mut uncategorised = 0usize;
    let positioned = elements.iter().filter(|e| e.position.is_some()).count();
    let total = elements.len();
    let mut map = Map {
        title,
        description,
        sources: sources.list,
        ..Map::default()
    };
    for (i, mut e) in elements.into_iter().enumerate() {
        let position = e.position.unwrap_or_default();
        if e.stage {
            places.entry("stages").or_default().push(e.at);
            map.stages.push(Stage {
                id: node_ids[i].clone(),
                label: e.label,
                description: e.description,
                position,
            });
            continue;
        }
        if e.categories.is_empty() {
            uncategorised += 1;
            e.categories.push(UNCATEGORISED.to_owned());
        }
        for c in &e.categories {
            if known_categories.insert(c.clone()) {
                categories.push(Category {
                    name: c.clone(),
                    colour: Colour(PALETTE[categories.len() % PALETTE.len()]),
                });
            }
        }
        for t in &e.tags {
            if known_tags.insert(t.clone()) {
                tags.push(t.clone());
            }
        }
        places.entry("determinants").or_default().push(e.at);
        map.determinants.push(Determinant {
            id: node_ids[i].clone(),
            label: e.label,
            categories: e.categories,
            locus: e.locus,
            directness: e.directness,
            nature: e.nature,
            effect: e.effect,
            tags: e.tags,
            notes: e.description,
            evidence: e.evidence,
            position,
        });
    }
    map.categories = categories;
    map.tags = tags;

    let mut taken: HashSet<String> = ids.iter().cloned().collect();
    let given: Vec<Option<String>> = connections
        .iter()
        .map(|c| c.given_id.clone().filter(|id| taken.insert(id.clone())))
        .collect();
    let mut next = 1usize;
    for (c, given) in connections.into_iter().zip(given) {
        let id = given.unwrap_or_else(|| {
            loop {
                let candidate = format!("i{next}");
                next += 1;
                if taken.insert(candidate.clone()) {
                    break candidate;
                }
            }
        });
        places.entry("influences").or_default().push(c.at);
        map.influences.push(Influence {
            id: id.into(),
            from: node_ids[c.from].clone(),
            to: node_ids[c.to].clone(),
            sign: c.sign,
            strength: c.strength,
            confidence: c.confidence,
            note: c.note,
            evidence: c.evidence,
        });
    }

    let blank = |message: String| Located {
        file: String::new(),
        sheet: None,
        row: None,
        column: None,
        message,
    };
    if uncategorised > 0 {
        notices.push(blank(tr!(
            "import-uncategorised",
            count = uncategorised,
            category = UNCATEGORISED
        )));
    }
    if positioned < total {
        if positioned > 0 {
            notices.push(blank(tr!(
                "import-unplaced",
                count = total - positioned,
                total = total.to_string()
            )));
        }
        let positions = layout::flow_layout(&map);
        layout::apply_positions(&mut map, &positions);
    }
    (map, places)
}
