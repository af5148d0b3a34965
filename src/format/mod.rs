//! The `.ron` file: reading with every problem located at a line and column, and writing atomically.
//!
//! The schema is documented in docs/file-format.md. The top level of the file (with its
//! `format_version`) is [`FileV1`]; the element types are the model's own.

mod limits;
mod locate;

pub use limits::{MAX_FILE_BYTES, MAX_ID_BYTES, MAX_LIST_ITEMS, MAX_TEXT_BYTES, MAX_TOTAL_ITEMS};
pub use locate::{LineCol, Locator};

use crate::model::{self, Category, Determinant, Influence, Map, Source, Stage};
use ron::extensions::Extensions;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The version this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// How deep values may nest; a map needs about six levels.
pub const RECURSION_LIMIT: usize = 32;

/// At most this many problems are reported for one file; the rest are counted in a last line.
pub const MAX_DIAGNOSTICS: usize = 500;

/// A quoted name or value longer than this (in characters) is shortened in messages.
const MAX_QUOTED_CHARS: usize = 80;

/// No message is longer than this, in characters.
const MAX_MESSAGE_CHARS: usize = 600;

/// The top level of a version-1 file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV1 {
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
}

/// Only the version, read first so a newer file is refused for its version, not for its new fields.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: Option<u32>,
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

/// Why a save failed. The file on disk is as it was before.
#[derive(Debug, thiserror::Error)]
#[error("could not save {}: {source}", file.display())]
pub struct SaveError {
    pub file: PathBuf,
    #[source]
    pub source: std::io::Error,
}

fn ron_options() -> ron::Options {
    let mut options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    options.recursion_limit = Some(RECURSION_LIMIT);
    options
}

fn too_large(len: usize) -> String {
    format!(
        "the file is {} MB; maps are limited to {} MB",
        len / 1_000_000,
        MAX_FILE_BYTES / 1_000_000
    )
}

/// Reads a map from a file. Only a regular file is read (a folder, a device or a pipe is refused
/// before it is opened for reading), and never more than [`MAX_FILE_BYTES`] + 1 bytes of it.
pub fn load_file(path: &Path) -> Result<Map, LoadError> {
    use std::io::Read;
    let fail = |message: String| LoadError {
        file: path.to_owned(),
        problems: vec![Diagnostic { at: None, message }],
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    if meta.is_dir() {
        return Err(fail("is a folder, not a map file".into()));
    }
    if !meta.is_file() {
        return Err(fail(
            "is not a regular file (a device, a pipe or a socket), so it is not a map file".into(),
        ));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(fail(too_large(usize::try_from(meta.len()).unwrap_or(usize::MAX))));
    }
    // The file may have grown since it was measured: read at most one byte past the limit.
    let file = std::fs::File::open(path).map_err(|e| fail(format!("cannot read the file: {e}")))?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0).min(MAX_FILE_BYTES) + 1);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(format!("cannot read the file: {e}")))?;
    load_bytes(&bytes).map_err(|problems| LoadError {
        file: path.to_owned(),
        problems,
    })
}

/// Reads a map from raw bytes, which may be anything.
pub fn load_bytes(bytes: &[u8]) -> Result<Map, Vec<Diagnostic>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic {
            at: None,
            message: too_large(bytes.len()),
        }]);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => load_str(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            Err(vec![Diagnostic::at(
                end_of(valid),
                "the file is not UTF-8 text: it is not a map file, or its encoding is damaged",
            )])
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
fn parse(text: &str) -> Result<FileV1, ron::error::SpannedError> {
    let options = ron_options();
    let mut de = ron::Deserializer::from_str_with_options(text, &options)?;
    let budget = limits::Budget::new();
    let file = limits::deserialize::<FileV1, _>(&mut de, &budget).map_err(|e| de.span_error(e))?;
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
    let options = ron_options();
    if text.trim().is_empty() {
        return Err(vec![Diagnostic::at(
            LineCol { line: 1, col: 1 },
            "the file is empty: expected a map `( format_version: 1, … )`",
        )]);
    }
    // Parse once in full; only when that fails, or the version is not ours, look at the version alone,
    // so a newer file is refused for its version and not for the fields it added.
    let file = match parse(text) {
        Ok(file) if file.format_version == FORMAT_VERSION => file,
        Ok(file) => return Err(vec![version_problem(text, Some(file.format_version))]),
        Err(e) => {
            return Err(vec![match options.from_str::<VersionProbe>(text) {
                Ok(VersionProbe { format_version }) if format_version != Some(FORMAT_VERSION) => {
                    version_problem(text, format_version)
                }
                _ => from_ron_error(&e),
            }]);
        }
    };
    let map = Map {
        title: file.title,
        description: file.description,
        sources: file.sources,
        stages: file.stages,
        categories: file.categories,
        tags: file.tags,
        determinants: file.determinants,
        influences: file.influences,
    };
    let (problems, total) = model::validate_at_most(&map, MAX_DIAGNOSTICS);
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
            message: format!(
                "… and {} more problems, not listed: fix the ones above first",
                total - MAX_DIAGNOSTICS
            ),
        });
    }
    Err(diagnostics)
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
            format!(
                "this map was written in file format {v} by a newer Determinant Mapper; this version reads format {FORMAT_VERSION}: update the application to open it"
            ),
        ),
        Some(v) => located(
            text,
            "format_version",
            format!("unknown file format version {v}: this version reads format {FORMAT_VERSION}"),
        ),
        None => Diagnostic::at(
            LineCol { line: 1, col: 1 },
            format!("missing `format_version`: a map file starts with `( format_version: {FORMAT_VERSION}, …`"),
        ),
    }
}

fn located(text: &str, field: &'static str, message: String) -> Diagnostic {
    let path = model::FieldPath(vec![model::PathSeg::Field(field)]);
    Diagnostic::at(Locator::new(text).find(&path), message)
}

/// Turns ron's error into words a facilitator can act on.
fn from_ron_error(e: &ron::error::SpannedError) -> Diagnostic {
    use ron::Error as E;
    let message = match &e.code {
        E::Eof => "the file ends too early: a bracket or quote is not closed".to_owned(),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("{} is missing the field `{field}`", describe(outer)),
            None => format!("missing the field `{field}`"),
        },
        E::NoSuchStructField { expected, found, outer } => format!(
            "unknown field `{found}`{}: expected one of {}",
            outer
                .as_ref()
                .map(|o| format!(" in {}", describe(o)))
                .unwrap_or_default(),
            expected.join(", ")
        ),
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!(
                "`{found}` is not an allowed value here: expected one of {}",
                expected.join(", ")
            )
        }
        E::DuplicateStructField { field, .. } => format!("the field `{field}` is given twice"),
        E::ExpectedString => "expected text in double quotes here, e.g. \"Civil society\"".to_owned(),
        E::ExpectedStringEnd => "a text in double quotes is not closed".to_owned(),
        E::ExpectedInteger | E::ExpectedFloat => "expected a number here".to_owned(),
        E::ExpectedArray => "expected a list `[ … ]` here".to_owned(),
        E::ExpectedArrayEnd => "expected `,` or the `]` that closes this list".to_owned(),
        E::ExpectedComma => "expected a `,` between items".to_owned(),
        E::ExpectedStructLikeEnd => "expected `,` or the `)` that closes this item".to_owned(),
        E::ExpectedNamedStructLike("FileV1") | E::ExpectedStructLike => {
            format!("expected `(` to start a map: a map file starts with `( format_version: {FORMAT_VERSION}, …`")
        }
        E::ExpectedNamedStructLike(name) => format!("expected `(` to start a {}", name.to_lowercase()),
        E::TrailingCharacters => "unexpected text after the end of the map".to_owned(),
        E::UnclosedBlockComment => "a `/*` comment is not closed".to_owned(),
        E::ExceededRecursionLimit => {
            format!("values are nested more than {RECURSION_LIMIT} levels deep: this is not a map file")
        }
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

/// How a file-level type is named to the user: `Influence` → "an influence".
fn describe(type_name: &str) -> String {
    match type_name {
        "FileV1" => "the map".to_owned(),
        "Influence" | "Evidence" => format!("an {}", type_name.to_lowercase()),
        other => format!("a {}", other.to_lowercase()),
    }
}

/// Writes a map as text. The same map always gives the same bytes.
///
/// The layout is composed here rather than left to ron's pretty printer, which lays out every list
/// alike: stages, sources and determinants get a block each (one field per line), while categories,
/// tags and influences, which are short, get one line each. That keeps every item one diff hunk
/// and makes large maps about half the size, which is most of their load time.
///
/// A coordinate that is not a finite number (which the loader refuses) is written as the origin's,
/// so every map saves, and every saved file loads.
pub fn to_string(map: &Map) -> String {
    let finite;
    let map = if positions_are_finite(map) {
        map
    } else {
        finite = with_finite_positions(map);
        &finite
    };
    let mut w = RonWriter::with_capacity(128 * (map.determinants.len() + map.influences.len()) + 1024);
    w.out
        .push_str("// Determinant Mapper map. The format is described in docs/file-format.md.\n(\n");
    w.field("format_version", &FORMAT_VERSION);
    w.field("title", &map.title);
    w.field("description", &map.description);
    w.list("sources", &map.sources, Layout::Block);
    w.list("stages", &map.stages, Layout::Block);
    w.list("categories", &map.categories, Layout::Line);
    w.list("tags", &map.tags, Layout::Line);
    w.list("determinants", &map.determinants, Layout::Block);
    w.list("influences", &map.influences, Layout::Line);
    w.out.push_str(")\n");
    w.out
}

fn is_finite(p: &model::Position) -> bool {
    p.x.is_finite() && p.y.is_finite()
}

fn positions_are_finite(map: &Map) -> bool {
    map.stages.iter().all(|s| is_finite(&s.position)) && map.determinants.iter().all(|d| is_finite(&d.position))
}

fn with_finite_positions(map: &Map) -> Map {
    let mut map = map.clone();
    let fix = |p: &mut model::Position| {
        if !is_finite(p) {
            *p = model::Position::default();
        }
    };
    map.stages.iter_mut().for_each(|s| fix(&mut s.position));
    map.determinants.iter_mut().for_each(|d| fix(&mut d.position));
    map
}

#[derive(Clone, Copy)]
enum Layout {
    /// One field per line, nested values on the field's line.
    Block,
    /// The whole item on one line.
    Line,
}

/// Writes values in ron syntax into one growing text. Made once per save: ron's options and pretty
/// configurations, and the scratch text a block is indented from, are reused for every item, which
/// halves the time to write a large map.
struct RonWriter {
    out: String,
    scratch: String,
    options: ron::Options,
    /// Everything on one line (`depth_limit(0)`).
    line: ron::ser::PrettyConfig,
    /// One field per line, nested values on the field's line (`depth_limit(1)`).
    block: ron::ser::PrettyConfig,
}

impl RonWriter {
    fn with_capacity(capacity: usize) -> Self {
        let pretty = |depth| {
            ron::ser::PrettyConfig::new()
                .depth_limit(depth)
                .indentor("    ")
                .struct_names(false)
        };
        RonWriter {
            out: String::with_capacity(capacity),
            scratch: String::new(),
            options: ron_options(),
            line: pretty(0),
            block: pretty(1),
        }
    }

    /// `value` on one line, appended to the text.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) {
        self.options
            .to_writer_pretty(&mut self.out, value, self.line.clone())
            .expect("a map always serialises: it holds only strings, numbers and lists");
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.out.push_str("    ");
        self.out.push_str(name);
        self.out.push_str(": ");
        self.value(value);
        self.out.push_str(",\n");
    }

    fn list<T: Serialize>(&mut self, name: &str, items: &[T], layout: Layout) {
        self.out.push_str("    ");
        self.out.push_str(name);
        if items.is_empty() {
            self.out.push_str(": [],\n");
            return;
        }
        self.out.push_str(": [\n");
        for item in items {
            match layout {
                Layout::Line => {
                    self.out.push_str("        ");
                    self.value(item);
                }
                Layout::Block => {
                    self.scratch.clear();
                    self.options
                        .to_writer_pretty(&mut self.scratch, item, self.block.clone())
                        .expect("a map always serialises: it holds only strings, numbers and lists");
                    for (n, line) in self.scratch.lines().enumerate() {
                        if n > 0 {
                            self.out.push('\n');
                        }
                        self.out.push_str("        ");
                        self.out.push_str(line);
                    }
                }
            }
            self.out.push_str(",\n");
        }
        self.out.push_str("    ],\n");
    }
}

/// Checks a map against the limits the loader applies (text lengths, list lengths, list entries in
/// all); each problem names its field. [`save_file`] refuses a map that has any, so it never writes a
/// file that would not open again. The editor may call it to warn earlier.
pub fn check_limits(map: &Map) -> Vec<model::Problem> {
    limits::check(map)
}

/// Saves a map atomically: the text goes to a temporary file beside `path`, is flushed to disk, and
/// only then renamed over `path`. A failure at any point leaves the old file as it was.
///
/// A map over the limits (see [`check_limits`]) or whose text would be over [`MAX_FILE_BYTES`] is
/// refused with an error of kind `InvalidData` that names the first problem, and nothing is written.
pub fn save_file(path: &Path, map: &Map) -> Result<(), SaveError> {
    let refuse = |message: String| SaveError {
        file: path.to_owned(),
        source: std::io::Error::new(std::io::ErrorKind::InvalidData, message),
    };
    let problems = check_limits(map);
    if let Some(first) = problems.first() {
        let more = match problems.len() - 1 {
            0 => String::new(),
            1 => " (and 1 more problem)".to_owned(),
            n => format!(" (and {n} more problems)"),
        };
        return Err(refuse(format!("{}: {}{more}", first.path, first.message)));
    }
    let text = to_string(map);
    if text.len() > MAX_FILE_BYTES {
        return Err(refuse(format!(
            "the map would be a file of {} MB; maps are limited to {} MB",
            text.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    save_with(path, |w| w.write_all(text.as_bytes()))
}

/// The atomic save, with the writing step passed in so tests can make it fail part-way.
///
/// - The temporary file (`.detmap-save-*.tmp`) is made in the target's folder, so the rename never
///   crosses file systems; it is removed on every failure. Only a process killed mid-save can leave
///   one behind, and nothing ever reads it.
/// - The data is flushed to disk (`fsync`) before the rename, and the folder after it, so after a
///   power cut the file is the old one or the new one, complete.
/// - When `path` is a symbolic link, the file it points to is replaced and the link kept.
/// - A replaced file keeps its permissions; a new file gets the usual ones (0666 less the umask).
pub fn save_with(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<(), SaveError> {
    let err = |source| SaveError {
        file: path.to_owned(),
        source,
    };
    let target = resolve_link(path);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let existing = std::fs::metadata(&target).ok().filter(|m| m.is_file());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".detmap-save-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(&dir).map_err(err)?;
    if let Some(meta) = &existing {
        tmp.as_file().set_permissions(meta.permissions()).map_err(err)?;
    }
    write(tmp.as_file_mut()).map_err(err)?;
    tmp.as_file_mut().flush().map_err(err)?;
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(&target).map_err(|e| err(e.error))?;
    sync_dir(&dir);
    Ok(())
}

/// The file a save to `path` should replace: the target of a symbolic link, else `path` itself.
fn resolve_link(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned()),
        _ => path.to_owned(),
    }
}

/// Flushes a folder's entries (the rename) to disk. Best effort: the new file is already in place, and
/// some file systems cannot sync a folder, so a failure here is not a failed save.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
