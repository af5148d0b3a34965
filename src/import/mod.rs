//! Maps from spreadsheets: an .xlsx or .ods workbook (Kumu's, PRSM's, detmap's own, or one typed
//! in a workshop), or CSV files (detmap's own determinants and influences tables among them).
//!
//! A workbook's elements sheet is the one named Elements, Factors or Determinants (else the first
//! sheet); its connections sheet is named Connections, Links or Influences (else the second). A CSV
//! file is an elements table when it has a Label column, a connections table when it has From and
//! To. The columns are described in README.md ("Importing spreadsheets"); [`columns`] is the list.
//!
//! Every problem is reported with its file, sheet, row and column, all at once, like the loader's;
//! nothing is imported half: the result is a map that passes [`crate::model::validate`] and the
//! loader's limits, or the list of problems. What was kept but not understood (columns detmap has
//! no field for, whose values go to the notes) comes back as notices.

mod build;
mod columns;
mod evidence;
mod labels;
mod table;
mod values;

pub use build::UNCATEGORISED;
pub use evidence::{evidence_cell, parse_evidence_cell};
pub use labels::{clean_label, fold_label, match_key};

use crate::format::{MAX_DIAGNOSTICS, MAX_FILE_BYTES};
use crate::model::Map;
use build::Sheets;
use std::fmt;
use std::path::{Path, PathBuf};
use table::{Table, WorkbookKind, column_letters};

/// A message about a place in the input: `workshop.xlsx:Connections:14:B: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// The file's name as given (empty for a message about the whole import).
    pub file: String,
    /// The workbook's sheet; `None` for a CSV file.
    pub sheet: Option<String>,
    /// 1-based row.
    pub row: Option<u32>,
    /// 0-based column (0 is A).
    pub column: Option<u32>,
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut place = Vec::new();
        if !self.file.is_empty() {
            place.push(self.file.clone());
        }
        place.extend(self.sheet.clone());
        place.extend(self.row.map(|r| r.to_string()));
        place.extend(self.column.map(column_letters));
        if place.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", place.join(":"), self.message)
        }
    }
}

/// A map read from spreadsheets, with what was kept without being understood.
#[derive(Debug, Clone)]
pub struct Imported {
    pub map: Map,
    pub notices: Vec<Located>,
}

/// Why nothing was imported: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub problems: Vec<Located>,
}

impl fmt::Display for ImportError {
    /// One line per problem, at most [`MAX_DIAGNOSTICS`] of them and a line counting the rest.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, p) in self.problems.iter().take(MAX_DIAGNOSTICS).enumerate() {
            if n > 0 {
                writeln!(f)?;
            }
            write!(f, "{p}")?;
        }
        if self.problems.len() > MAX_DIAGNOSTICS {
            let more = crate::tr!("load-more-problems", count = self.problems.len() - MAX_DIAGNOSTICS);
            write!(f, "\n{more}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ImportError {}

/// One input: a name for messages (the file name) and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files' kinds, from their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Csv,
    Workbook(WorkbookKind),
}

fn kind_of(name: &str) -> Result<Kind, String> {
    let ext = Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" => Ok(Kind::Csv),
        "xlsx" | "xlsm" => Ok(Kind::Workbook(WorkbookKind::Xlsx)),
        "ods" => Ok(Kind::Workbook(WorkbookKind::Ods)),
        "xls" => Err(crate::tr!("import-xls")),
        _ => Err(crate::tr!("import-not-a-spreadsheet")),
    }
}

fn whole(file: &str, message: impl Into<String>) -> Located {
    Located {
        file: file.to_owned(),
        sheet: None,
        row: None,
        column: None,
        message: message.into(),
    }
}

/// Reads files into inputs. A file that is not a regular file, or larger than a map file may be,
/// is refused before it is read.
pub fn read_files(paths: &[PathBuf]) -> Result<Vec<Input>, ImportError> {
    use std::io::Read;
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        let read = || -> Result<Vec<u8>, String> {
            let cannot_read = |e: std::io::Error| crate::tr!("load-cannot-read", error = e.to_string());
            let meta = std::fs::metadata(path).map_err(cannot_read)?;
            if !meta.is_file() {
                return Err(crate::tr!("import-not-regular"));
            }
            if meta.len() > MAX_FILE_BYTES as u64 {
                return Err(crate::tr!(
                    "import-too-large",
                    size = (meta.len() / 1_000_000).to_string(),
                    limit = (MAX_FILE_BYTES / 1_000_000).to_string()
                ));
            }
            let mut bytes = Vec::new();
            std::fs::File::open(path)
                .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
                .map_err(cannot_read)?;
            Ok(bytes)
        };
        match read() {
            Ok(bytes) => inputs.push(Input { name, bytes }),
            Err(message) => problems.push(whole(&name, message)),
        }
    }
    if problems.is_empty() {
        Ok(inputs)
    } else {
        Err(ImportError { problems })
    }
}

/// Imports files: one workbook, or CSV files (an elements table and a connections table).
/// The map's title is the first file's name without its extension, unless the workbook has a
/// Map sheet with a Title.
pub fn import_files(paths: &[PathBuf]) -> Result<Imported, ImportError> {
    import(read_files(paths)?)
}

/// Imports inputs already read (the window reads them itself; tests build them in memory).
pub fn import(inputs: Vec<Input>) -> Result<Imported, ImportError> {
    let fail = |problems| Err(ImportError { problems });
    if inputs.is_empty() {
        return fail(vec![whole("", crate::tr!("import-nothing"))]);
    }
    let title = Path::new(&inputs[0].name)
        .file_stem()
        .map_or_else(|| crate::tr!("import-untitled"), |s| s.to_string_lossy().into_owned());
    let mut sheets = Sheets::default();
    let mut problems = Vec::new();
    let mut notices = Vec::new();
    for input in inputs {
        match kind_of(&input.name) {
            Err(message) => problems.push(whole(&input.name, message)),
            Ok(Kind::Csv) => match table::read_csv(&input.name, &input.bytes) {
                Ok(Some(table)) => place_csv(table, &mut sheets, &mut problems),
                Ok(None) => problems.push(whole(&input.name, crate::tr!("import-empty-file"))),
                Err(p) => problems.extend(p),
            },
            Ok(Kind::Workbook(kind)) => match table::read_workbook(&input.name, kind, input.bytes) {
                Ok(book) => place_workbook(&input.name, book, &mut sheets, &mut problems, &mut notices),
                Err(p) => problems.extend(p),
            },
        }
    }
    if sheets.elements.is_empty() && sheets.connections.is_empty() && problems.is_empty() {
        problems.push(whole("", crate::tr!("import-no-elements")));
    }
    if !problems.is_empty() {
        return fail(problems);
    }
    let (map, more) = build::build(sheets, &title).map_err(|problems| ImportError { problems })?;
    notices.extend(more);
    Ok(Imported { map, notices })
}

fn place_csv(table: Table, sheets: &mut Sheets, problems: &mut Vec<Located>) {
    if columns::looks_like_connections(&table) {
        sheets.connections.push(table);
    } else if columns::looks_like_elements(&table) {
        sheets.elements.push(table);
    } else {
        let mut p = table.at(table.header_row, None);
        p.message = crate::tr!("import-neither-table");
        problems.push(p);
    }
}

const ELEMENT_SHEETS: [&str; 3] = ["elements", "factors", "determinants"];
const CONNECTION_SHEETS: [&str; 3] = ["connections", "links", "influences"];
/// Sheets detmap's own workbook writes beside the two tables.
const OTHER_SHEETS: [&str; 4] = ["matrix", "categories", "sources", "map"];

/// Picks a workbook's sheets: by name, else the first for elements and the second for connections
/// (a sheet whose name says "(ignore)" is skipped, as Kumu does).
fn place_workbook(
    file: &str,
    book: Vec<(String, Option<Table>)>,
    sheets: &mut Sheets,
    problems: &mut Vec<Located>,
    notices: &mut Vec<Located>,
) {
    let key = |name: &str| name.trim().to_lowercase();
    let named = |names: &[&str]| book.iter().position(|(n, _)| names.contains(&key(n).as_str()));
    let mut elements = named(&ELEMENT_SHEETS);
    let mut connections = named(&CONNECTION_SHEETS);
    let others: Vec<usize> = (0..book.len())
        .filter(|&i| {
            let k = key(&book[i].0);
            Some(i) != elements
                && Some(i) != connections
                && !k.contains("(ignore)")
                && !OTHER_SHEETS.contains(&k.as_str())
        })
        .collect();
    let mut rest = others.into_iter();
    if elements.is_none() {
        elements = rest.next();
    }
    if connections.is_none() {
        connections = rest.next();
    }
    // A first sheet with From and To but no Label holds the connections.
    if let (Some(e), None) = (elements, connections)
        && book[e]
            .1
            .as_ref()
            .is_some_and(|t| columns::looks_like_connections(t) && !columns::looks_like_elements(t))
    {
        connections = elements.take();
    }
    let names: Vec<String> = book.iter().map(|(n, _)| key(n)).collect();
    let shown: Vec<String> = book.iter().map(|(n, _)| n.clone()).collect();
    let mut book: Vec<Option<Table>> = book.into_iter().map(|(_, t)| t).collect();
    if elements.is_none() && connections.is_none() {
        problems.push(whole(file, crate::tr!("import-no-sheet")));
        return;
    }
    if let Some(t) = elements.and_then(|i| book[i].take()) {
        sheets.elements.push(t);
    }
    if let Some(t) = connections.and_then(|i| book[i].take()) {
        sheets.connections.push(t);
    }
    for (slot, wanted) in [
        (&mut sheets.categories, "categories"),
        (&mut sheets.sources, "sources"),
        (&mut sheets.about, "map"),
    ] {
        if let Some(i) = names.iter().position(|n| n == wanted) {
            *slot = book[i].take();
        }
    }
    for (i, name) in names.iter().enumerate() {
        if book[i].is_some() && name != "matrix" {
            let shown = &shown[i];
            notices.push(whole(file, crate::tr!("import-sheet-skipped", sheet = shown)));
        }
    }
}
