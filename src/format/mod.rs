//! The `.ron` file: reading with every problem located at a line and column, and writing atomically.
//!
//! The schema is documented in docs/file-format.md. The top level of the file (with its
//! `format_version`) is [`FileV3`]; the element types are the model's own. Files of versions 1 and
//! 2 are read through the frozen schemas in [`v1`] and [`v2`] and migrated on load; saving always
//! writes version 3.

mod limits;
mod locate;
mod save;
mod v1;
mod v2;
mod version;
mod write;

pub use save::{Fifo, SaveError, save_with, save_with_options};
pub use write::to_string;

pub use limits::{MAX_FILE_BYTES, MAX_ID_BYTES, MAX_LIST_ITEMS, MAX_TEXT_BYTES, MAX_TOTAL_ITEMS};
pub use locate::{LineCol, Locator};
pub use model::MAX_STEPS;

use crate::model::{self, Category, Determinant, Influence, Map, Source, Stage, Step};
use crate::tr;
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The version this build writes. It also reads every earlier version (see [`v1`], [`v2`]) and
/// migrates it on load.
pub const FORMAT_VERSION: u32 = 3;

/// How deep values may nest; a map needs about six levels.
pub const RECURSION_LIMIT: usize = 32;

/// At most this many problems are reported for one file; the rest are counted in a last line.
pub const MAX_DIAGNOSTICS: usize = 500;

/// A quoted name or value longer than this (in characters) is shortened in messages.
const MAX_QUOTED_CHARS: usize = 80;

/// No message is longer than this, in characters.
const MAX_MESSAGE_CHARS: usize = 600;

/// The top level of a file in the current version, 3. Versions 1 and 2 are read by [`v1`] and [`v2`].
#[derive(Deserialize)]
#[serde(rename = "Map", deny_unknown_fields)]
struct FileV3 {
    format_version: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    determinants: Vec<Determinant>,
    #[serde(default)]
    influences: Vec<Influence>,
    /// The steps of the map's presentation (new in version 3).
    #[serde(default)]
    presentation: Vec<Step>,
    /// Where stages and determinants are drawn, apart from what they are (see [`Placement`]).
    #[serde(default)]
    layout: Vec<Placement>,
}

/// Where one stage or determinant is drawn: `(id: "d1", x: 120.0, y: 40.0)`. Positions live in their
/// own list at the end of the file, one line each, so that rearranging the canvas changes only these
/// lines, and a diff of the content shows only what was said. A node that is not listed is at the origin.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Placement {
    id: model::Id,
    x: f32,
    y: f32,
}

/// One problem in a file, with where it is when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub at: Option<LineCol>,
    pub message: String,
}

impl Diagnostic {
    fn at(at: LineCol, message: impl Into<String>) -> Self {
        Diagnostic {
            at: Some(at),
            message: message.into(),
        }
    }
}

/// Why a file could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: PathBuf,
    pub problems: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    /// One line per problem, `FILE:LINE:COL: message`, as compilers and editors expect.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            match p.at {
                Some(LineCol { line, col }) => write!(f, "{}:{line}:{col}: {}", self.file.display(), p.message)?,
                None => write!(f, "{}: {}", self.file.display(), p.message)?,
            }
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

fn ron_options() -> ron::Options {
    let mut options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    options.recursion_limit = Some(RECURSION_LIMIT);
    options
}

fn too_large(len: usize) -> String {
    tr!(
        "load-file-too-large",
        size = limits::thousands(len),
        limit = limits::thousands(MAX_FILE_BYTES)
    )
}

/// The byte-order mark some Windows editors put at the start of a UTF-8 file. It says nothing about
/// the map, so the loader skips it (positions are counted after it) and the saver does not write it.
const BOM: char = '\u{feff}';

/// A map read from a file, with what the file held that saving it will not keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub map: Map,
    /// Where the file's first comment (`//` or `/* */`) is. The saved layout has no place for
    /// comments, so saving this map writes a file without them: the window asks before the first
    /// save that would drop them, and `detmap fmt` refuses unless told `--drop-comments`.
    pub first_comment: Option<LineCol>,
}

/// The first line of every file the application writes (see [`to_string`]). It is a comment, but
/// not one a person wrote, and a save writes it again, so [`first_comment`] does not count it.
pub const WRITTEN_HEADER: &str = "// Determinant Mapper map. The format is described in docs/file-format.md.";

/// Where the first comment of a map's text is (`//` or `/* */`, outside quoted texts), apart from
/// the [`WRITTEN_HEADER`] line: a comment that saving the map would drop. One pass over the text.
pub fn first_comment(text: &str) -> Option<LineCol> {
    locate::first_comment(text.strip_prefix(BOM).unwrap_or(text), WRITTEN_HEADER)
}

/// Where the map file at `path` holds its first comment written by hand, if it can be read: what
/// a save over it would drop. For a file known only by name (a restored recovery copy's original).
pub fn file_first_comment(path: &Path) -> Option<LineCol> {
    let bytes = read_file(path).ok()?;
    first_comment(std::str::from_utf8(&bytes).ok()?)
}

/// Reads a map from a file, as [`load_file`] does, and notes whether the file had comments (one
/// more linear pass over the text, and only when the map loads).
pub fn load_file_noting_comments(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = read_file(path)?;
    let map = load_bytes(&bytes).map_err(|problems| LoadError {
        file: path.to_owned(),
        problems,
    })?;
    // The map loaded, so the bytes are UTF-8 (after a byte-order mark, which holds no comment).
    let text = std::str::from_utf8(&bytes).unwrap_or_default();
    Ok(Loaded {
        map,
        first_comment: first_comment(text),
    })
}

/// Reads a map from a file. Only a regular file is read (a folder, a device or a pipe is refused
/// before it is opened for reading), and never more than [`MAX_FILE_BYTES`] + 1 bytes of it.
pub fn load_file(path: &Path) -> Result<Map, LoadError> {
    let bytes = read_file(path)?;
    load_bytes(&bytes).map_err(|problems| LoadError {
        file: path.to_owned(),
        problems,
    })
}

/// The bytes of a map file: see [`load_file`].
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    use std::io::Read;
    let fail = |message: String| LoadError {
        file: path.to_owned(),
        problems: vec![Diagnostic { at: None, message }],
    };
    let cannot_read = |e: std::io::Error| fail(tr!("load-cannot-read", error = e.to_string()));
    let meta = std::fs::metadata(path).map_err(cannot_read)?;
    if meta.is_dir() {
        return Err(fail(tr!("load-is-folder")));
    }
    if !meta.is_file() {
        return Err(fail(tr!("load-not-regular")));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(fail(too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX))));
    }
    // The file may have grown since it was measured: read at most one byte past the limit.
    let file = std::fs::File::open(path).map_err(cannot_read)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(MAX_FILE_BYTES) + 1);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    Ok(bytes)
}

/// Reads a map from raw bytes, which may be anything.
pub fn load_bytes(bytes: &[u8]) -> Result<Map, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic {
            at: None,
            message: too_large(bytes.len()),
        }]);
    }
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(vec![Diagnostic::at(end_of(valid), tr!("load-not-utf8"))])
        }
    }
}

/// The position just after `text`.
fn end_of(text: &str) -> LineCol {
    let line = text.matches('\n').count() + 1;
    let col = text.rsplit('\n').next().map_or(0, |last| last.chars().count()) + 1;
    LineCol { line, col }
}

/// Parses the top level through the limits: a file over a limit fails here, located like a syntax error.
fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ron::error::SpannedError> {
    let options = ron_options();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)?;
    let budget = limits::Budget::new();
    let file = limits::deserialize::<T, _>(&mut de, &budget).map_err(|e| de.span_error(e))?;
    de.end().map_err(|e| de.span_error(e))?;
    Ok(file)
}

/// Reads a map from text, checking the syntax, the types, the limits and every invariant of the model.
///
/// At most [`MAX_DIAGNOSTICS`] problems are returned; when there are more, a last one without a
/// position says how many were left out.
pub fn load_str(text: &str) -> Result<Map, Vec<Diagnostic>> {
    if text.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic {
            at: None,
            message: too_large(text.len()),
        }]);
    }
    let text = text.strip_prefix(BOM).unwrap_or(text);
    if let Some(damage) = zero_bytes(text) {
        return Err(vec![damage]);
    }
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::at(
            LineCol { line: 1, col: 1 },
            tr!("load-empty", version = FORMAT_VERSION.to_string()),
        )]);
    }
    let (mut map, layout) = decode(text)?;
    let (mut problems, mut total) = model::validate_at_most(&map, MAX_DIAGNOSTICS);
    let misplaced = layout.map(|layout| place(&mut map, layout)).unwrap_or_default();
    total += misplaced.len();
    problems.extend(
        misplaced
            .into_iter()
            .take(MAX_DIAGNOSTICS.saturating_sub(problems.len())),
    );
    if problems.is_empty() {
        return Ok(map);
    }
    drop(map);
    let locator = Locator::for_paths(text, problems.iter().map(|p| &p.path));
    let mut diagnostics: Vec<Diagnostic> = problems
        .into_iter()
        .map(|p| Diagnostic::at(locator.find(&p.path), shorten_quotes(&p.message)))
        .collect();
    if total > MAX_DIAGNOSTICS {
        diagnostics.push(Diagnostic {
            at: None,
            message: tr!("load-more-problems", count = total - MAX_DIAGNOSTICS),
        });
    }
    Err(diagnostics)
}

/// Zero bytes (NUL) are never part of a text file: a run of them is what a power cut or a crash while
/// the file was written leaves on many file systems. The first run is reported, with its length, as
/// damage rather than as a syntax error somewhere in it.
fn zero_bytes(text: &str) -> Option<Diagnostic> {
    let at = text.find('\0')?;
    let run = text[at..].bytes().take_while(|&b| b == 0).count();
    Some(Diagnostic::at(
        end_of(&text[..at]),
        tr!("load-zero-bytes", count = run, shown = limits::thousands(run)),
    ))
}

/// The map a text describes, whatever its version, before validation; for versions 2 and 3, also
/// its layout, which [`place`] applies. The version decides the schema: [`version::of`] reads it
/// first (from the first field, without parsing the rest, in every file this app writes). A file of
/// another version is refused for its version, not for the fields that version adds or drops.
fn decode(text: &str) -> Result<(Map, Option<Vec<Placement>>), Vec<Diagnostic>> {
    let one = |d: Diagnostic| vec![d];
    let version_1 = || {
        parse::<v1::FileV1>(text)
            .map(|file| (file.into_map(), None))
            .map_err(|e| one(from_ron_error(&e)))
    };
    let version_2 = || {
        parse::<v2::FileV2>(text)
            .map(|file| {
                let (map, layout) = file.into_parts();
                (map, Some(layout))
            })
            .map_err(|e| one(from_ron_error(&e)))
    };
    match version::of(text) {
        Some(1) => version_1(),
        Some(2) => version_2(),
        Some(v) if v != FORMAT_VERSION => Err(one(version_problem(text, Some(v)))),
        _ => match parse::<FileV3>(text) {
            Ok(file) if file.format_version == FORMAT_VERSION => Ok(file.into_parts()),
            // An older file whose version is not first may also have version 3's shape; it is still
            // read by its own version's rules (version 1 refuses a `layout`, both a `presentation`).
            Ok(file) if file.format_version == 1 => version_1(),
            Ok(file) if file.format_version == 2 => version_2(),
            Ok(file) => Err(one(version_problem(text, Some(file.format_version)))),
            // The version is not where the app writes it, or the file is broken: the version, when
            // it can be read at all, says which schema's error to report.
            Err(e) => match version::anywhere(text) {
                Some(Some(1)) => version_1(),
                Some(Some(2)) => version_2(),
                Some(Some(FORMAT_VERSION)) | None => Err(one(from_ron_error(&e))),
                Some(version) => Err(one(version_problem(text, version))),
            },
        },
    }
}

impl FileV3 {
    fn into_parts(self) -> (Map, Option<Vec<Placement>>) {
        let map = Map {
            title: self.title,
            description: self.description,
            sources: self.sources,
            stages: self.stages,
            categories: self.categories,
            tags: self.tags,
            determinants: self.determinants,
            influences: self.influences,
            presentation: self.presentation,
        };
        (map, Some(self.layout))
    }
}

/// Puts each stage and determinant where the layout says. A placement of an id that is not a stage
/// or determinant, or a second placement of one, is a problem: it is never silently dropped.
fn place(map: &mut Map, layout: Vec<Placement>) -> Vec<model::Problem> {
    use foldhash::{HashMap, HashMapExt};
    let mut slots: HashMap<model::Id, (bool, usize, bool)> =
        HashMap::with_capacity(map.stages.len() + map.determinants.len());
    for (i, s) in map.stages.iter().enumerate() {
        slots.entry(s.id.clone()).or_insert((true, i, false));
    }
    for (i, d) in map.determinants.iter().enumerate() {
        slots.entry(d.id.clone()).or_insert((false, i, false));
    }
    let mut problems = Vec::new();
    for (n, placement) in layout.into_iter().enumerate() {
        let path = || model::FieldPath::item("layout", n, "id");
        let Some((stage, i, placed)) = slots.get_mut(&placement.id) else {
            problems.push(model::Problem {
                path: path(),
                message: tr!("load-layout-unknown", id = placement.id.as_str()),
            });
            continue;
        };
        if std::mem::replace(placed, true) {
            problems.push(model::Problem {
                path: path(),
                message: tr!("load-layout-twice", id = placement.id.as_str()),
            });
            continue;
        }
        let position = model::Position::new(placement.x, placement.y);
        if *stage {
            map.stages[*i].position = position;
        } else {
            map.determinants[*i].position = position;
        }
    }
    problems
}

/// Shortens every `quoted` part of a message longer than [`MAX_QUOTED_CHARS`], so a message about
/// a long text or name stays one readable line.
fn shorten_quotes(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    for (n, part) in message.split('`').enumerate() {
        if n > 0 {
            out.push('`');
        }
        let quoted = n % 2 == 1;
        match part.char_indices().nth(MAX_QUOTED_CHARS) {
            Some((cut, _)) if quoted => {
                out.push_str(&part[..cut]);
                out.push('…');
            }
            _ => out.push_str(part),
        }
    }
    // Whatever else a message quotes (ron's own messages quote in other ways), it stays one line's worth.
    if let Some((cut, _)) = out.char_indices().nth(MAX_MESSAGE_CHARS) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

/// The problem with a file whose `format_version` is not the one this build reads.
fn version_problem(text: &str, version: Option<u32>) -> Diagnostic {
    match version {
        Some(v) if v > FORMAT_VERSION => located(
            text,
            "format_version",
            tr!(
                "load-newer-version",
                found = v.to_string(),
                reads = FORMAT_VERSION.to_string()
            ),
        ),
        Some(v) => located(
            text,
            "format_version",
            tr!(
                "load-unknown-version",
                found = v.to_string(),
                reads = FORMAT_VERSION.to_string()
            ),
        ),
        None => Diagnostic::at(
            LineCol { line: 1, col: 1 },
            tr!("load-missing-version", version = FORMAT_VERSION.to_string()),
        ),
    }
}

fn located(text: &str, field: &'static str, message: String) -> Diagnostic {
    let path = model::FieldPath(vec![model::PathSeg::Field(field)]);
    // Only this path is recorded: a large file of another version costs a walk, not an index of it.
    Diagnostic::at(Locator::for_paths(text, [&path]).find(&path), message)
}

/// Turns ron's error into words a facilitator can act on.
fn from_ron_error(e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let message = match &e.code {
        E::Eof => tr!("load-eof"),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => tr!(
                "load-missing-field-in",
                what = describe(outer),
                field = field.to_string()
            ),
            None => tr!("load-missing-field", field = field.to_string()),
        },
        E::NoSuchStructField {
            found,
            outer: Some(outer),
            ..
        } if found == "position" && (outer == "Determinant" || outer == "Stage") => {
            tr!("load-position-moved", what = describe(outer))
        }
        E::NoSuchStructField { expected, found, outer } => match outer {
            Some(outer) => tr!(
                "load-unknown-field-in",
                field = found.to_string(),
                what = describe(outer),
                expected = expected.join(", ")
            ),
            None => tr!(
                "load-unknown-field",
                field = found.to_string(),
                expected = expected.join(", ")
            ),
        },
        E::NoSuchEnumVariant { expected, found, .. } => {
            tr!(
                "load-unknown-value",
                value = found.to_string(),
                expected = expected.join(", ")
            )
        }
        E::DuplicateStructField { field, .. } => tr!("load-duplicate-field", field = field.to_string()),
        E::ExpectedString => tr!("load-expected-text"),
        E::ExpectedStringEnd => tr!("load-text-not-closed"),
        E::ExpectedInteger | E::ExpectedFloat => tr!("load-expected-number"),
        E::ExpectedArray => tr!("load-expected-list"),
        E::ExpectedArrayEnd => tr!("load-expected-list-end"),
        E::ExpectedComma => tr!("load-expected-comma"),
        E::ExpectedStructLikeEnd => tr!("load-expected-item-end"),
        E::ExpectedNamedStructLike("Map") | E::ExpectedStructLike => {
            tr!("load-expected-map", version = FORMAT_VERSION.to_string())
        }
        E::ExpectedNamedStructLike(name) => tr!("load-expected-item", what = describe(name)),
        E::TrailingCharacters => tr!("load-trailing"),
        E::UnclosedBlockComment => tr!("load-comment-not-closed"),
        E::ExceededRecursionLimit => tr!("load-too-deep", limit = RECURSION_LIMIT.to_string()),
        other => other.to_string(),
    };
    Diagnostic::at(
        LineCol {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        },
        shorten_quotes(&message),
    )
}

/// How a file-level type is named to the user, with its article: `Influence` → "an influence"
/// (each language has its own articles, so the whole noun phrase is the message's).
fn describe(type_name: &str) -> String {
    tr!("load-type", name = type_name, lower = type_name.to_lowercase())
}

/// Checks a map against the limits the loader applies (text lengths, list lengths, list entries in
/// all); each problem names its field. [`save_file`] refuses a map that has any, so it never writes a
/// file that would not open again. The editor may call it to warn earlier.
pub fn check_limits(map: &Map) -> Vec<model::Problem> {
    limits::check(map)
}

/// The text of the file `map` saves to, or why it cannot be saved: it breaks a rule of the model
/// ([`model::validate`]: a dangling reference, a control character in a text…) or a limit of the
/// loader ([`check_limits`]), or its text would be over [`MAX_FILE_BYTES`]. The message names the
/// first problem's field. So whatever this returns, the loader reads back to the same map.
pub fn to_file_text(map: &Map) -> Result<String, String> {
    let mut problems = check_limits(map);
    if problems.is_empty() {
        let (first, total) = model::validate_at_most(map, 1);
        problems = first;
        if let Some(p) = problems.first_mut() {
            p.message = shorten_quotes(&p.message);
        }
        if let Some(first) = problems.first() {
            return Err(with_more(first, total));
        }
    }
    if let Some(first) = problems.first() {
        return Err(with_more(first, problems.len()));
    }
    let text = to_string(map);
    if text.len() > MAX_FILE_BYTES {
        return Err(tr!(
            "save-too-large",
            size = limits::thousands(text.len()),
            limit = limits::thousands(MAX_FILE_BYTES)
        ));
    }
    Ok(text)
}

/// `path: message`, and how many other problems there are.
fn with_more(first: &model::Problem, total: usize) -> String {
    match total.saturating_sub(1) {
        0 => format!("{}: {}", first.path, first.message),
        n => tr!(
            "save-problem-and-more",
            path = first.path.to_string(),
            problem = &first.message,
            count = n
        ),
    }
}

/// Saves a map atomically: the text goes to a temporary file beside `path`, is flushed to disk, and
/// only then renamed over `path`. A failure at any point leaves the old file as it was. Through a
/// symbolic link, the file it points to is replaced and the link kept; what a save does with a
/// device or a pipe is said in [`save_with_options`].
///
/// A map that [`to_file_text`] refuses (one that would not load again) is refused with an error of
/// kind `InvalidData` that names the first problem, and nothing is written.
pub fn save_file(path: &Path, map: &Map) -> Result<(), SaveError> {
    let text = to_file_text(map).map_err(|message| SaveError {
        file: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, message),
    })?;
    save_with(path, |w| w.write_all(text.as_bytes()))
}

/// The name a map titled `title` is saved under, without the extension: lower case, words joined
/// by dashes (`Chile: anti-trafficking` → `chile-anti-trafficking`), or `map` when the title has no
/// word. Save suggests it, and every export's suggested name starts with it.
pub fn file_stem(title: &str) -> String {
    let words: Vec<String> = title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        "map".into()
    } else {
        words.join("-")
    }
}
