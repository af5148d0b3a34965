//! Sheets as the import sees them: a heading row and the rows under it, every cell as text, each
//! with the row and column it came from so that a problem can point at it. Read from CSV files
//! and from .xlsx and .ods workbooks (calamine).

use super::Located;
use crate::format::{MAX_FILE_BYTES, MAX_LIST_ITEMS, MAX_TEXT_BYTES};
use calamine::{Data, DataRef, Ods, Reader, Xlsx};
use std::io::Cursor;

/// One sheet: a heading per column and the rows under it.
#[derive(Debug, Clone)]
pub struct Table {
    /// The file's name as the user gave it.
    pub file: String,
    /// The sheet of a workbook; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The row the headings are on (1-based).
    pub header_row: u32,
    /// The non-empty headings, each with its column (0-based: 0 is A).
    pub headers: Vec<(u32, String)>,
    pub rows: Vec<Row>,
}

/// A row under the headings: one cell per heading, in the order of `Table::headers`.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1-based, as the spreadsheet numbers it.
    pub number: u32,
    pub cells: Vec<String>,
}

impl Table {
    /// Where a cell of this table is, for a message.
    pub fn at(&self, row: u32, column: Option<u32>) -> Located {
        Located {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column,
            message: String::new(),
        }
    }
    /// The whole sheet (or file), for a message about it.
    pub fn whole(&self) -> Located {
        Located {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: None,
            column: None,
            message: String::new(),
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub fn column_letters(mut col: u32) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

fn problem(file: &str, sheet: Option<&str>, message: impl Into<String>) -> Located {
    Located {
        file: file.to_owned(),
        sheet: sheet.map(str::to_owned),
        row: None,
        column: None,
        message: message.into(),
    }
}

/// Gathers cells (in any order) into a [`Table`]: the first non-empty row is the headings.
/// A value under no heading, a text over the limit or too many rows is a problem.
struct Builder<'a> {
    file: &'a str,
    sheet: Option<&'a str>,
    /// (row, col, text) of every non-empty cell; rows and columns 0-based.
    cells: Vec<(u32, u32, String)>,
    problems: Vec<Located>,
}

impl<'a> Builder<'a> {
    fn new(file: &'a str, sheet: Option<&'a str>) -> Self {
        Builder {
            file,
            sheet,
            cells: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn located(&self, row: u32, col: u32, message: String) -> Located {
        Located {
            file: self.file.to_owned(),
            sheet: self.sheet.map(str::to_owned),
            row: Some(row + 1),
            column: Some(col),
            message,
        }
    }

    /// Adds one cell; refuses (returns false) once the sheet holds more rows than a map may have items.
    fn push(&mut self, row: u32, col: u32, text: String) -> bool {
        if text.is_empty() {
            return true;
        }
        if text.len() > MAX_TEXT_BYTES {
            let message = crate::tr!(
                "import-cell-too-long",
                size = (text.len() / 1024).to_string(),
                limit = (MAX_TEXT_BYTES / 1024).to_string()
            );
            let p = self.located(row, col, message);
            self.problems.push(p);
            return true;
        }
        if row as usize > MAX_LIST_ITEMS + 1 {
            let p = self.located(
                row,
                col,
                crate::tr!("import-too-many-rows", limit = MAX_LIST_ITEMS.to_string()),
            );
            self.problems.push(p);
            return false;
        }
        self.cells.push((row, col, text));
        true
    }

    fn finish(mut self) -> Result<Option<Table>, Vec<Located>> {
        self.cells.sort_unstable_by_key(|(r, c, _)| (*r, *c));
        let mut cells = std::mem::take(&mut self.cells).into_iter().peekable();
        let Some(&(header_row, _, _)) = cells.peek() else {
            return if self.problems.is_empty() {
                Ok(None)
            } else {
                Err(self.problems)
            };
        };
        let mut headers = Vec::new();
        while let Some((_, col, text)) = cells.next_if(|(r, _, _)| *r == header_row) {
            headers.push((col, text.trim().to_owned()));
        }
        let mut rows: Vec<Row> = Vec::new();
        for (row, col, text) in cells {
            if rows.last().is_none_or(|last| last.number != row + 1) {
                rows.push(Row {
                    number: row + 1,
                    cells: vec![String::new(); headers.len()],
                });
            }
            match headers.binary_search_by_key(&col, |(c, _)| *c) {
                Ok(i) => {
                    if let Some(last) = rows.last_mut() {
                        last.cells[i] = text;
                    }
                }
                Err(_) => {
                    let p = self.located(
                        row,
                        col,
                        crate::tr!(
                            "import-value-without-heading",
                            column = column_letters(col),
                            row = (header_row + 1).to_string()
                        ),
                    );
                    self.problems.push(p);
                }
            }
        }
        if !self.problems.is_empty() {
            return Err(self.problems);
        }
        Ok(Some(Table {
            file: self.file.to_owned(),
            sheet: self.sheet.map(str::to_owned),
            header_row: header_row + 1,
            headers,
            rows,
        }))
    }
}

/// A CSV cell that a spreadsheet would run as a formula is written with a leading apostrophe by
/// detmap's own CSV exports (and by many other tools); the apostrophe is not part of the value.
fn undo_formula_guard(text: String) -> String {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest.to_owned(),
        _ => text,
    }
}

/// Reads a CSV file (UTF-8, with or without a byte-order mark). Rows are numbered by their line.
pub fn read_csv(file: &str, bytes: &[u8]) -> Result<Option<Table>, Vec<Located>> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut builder = Builder::new(file, None);
    let mut record = csv::StringRecord::new();
    // The line a record starts on, counted here: the csv crate's position can point before the
    // blank lines it skips. Counting goes forward only, so it is linear in the file.
    let (mut counted_to, mut line) = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let mut start = record
                    .position()
                    .map_or(counted_to, |p| p.byte() as usize)
                    .min(bytes.len());
                line += bytes[counted_to.min(start)..start]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                while start < bytes.len() && (bytes[start] == b'\n' || bytes[start] == b'\r') {
                    line += usize::from(bytes[start] == b'\n');
                    start += 1;
                }
                counted_to = start.max(counted_to);
                let row = u32::try_from(line).unwrap_or(u32::MAX);
                for (col, field) in record.iter().enumerate() {
                    let col = u32::try_from(col).unwrap_or(u32::MAX);
                    if !builder.push(row, col, undo_formula_guard(field.to_owned())) {
                        return Err(builder.problems);
                    }
                }
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let message = match e.kind() {
                    csv::ErrorKind::Utf8 { .. } => {
                        crate::tr!("import-csv-not-utf8")
                    }
                    _ => crate::tr!("import-cannot-read-csv", error = e.to_string()),
                };
                let mut p = problem(file, None, message);
                p.row = u32::try_from(line).ok().filter(|l| *l > 0);
                builder.problems.push(p);
                return Err(builder.problems);
            }
        }
    }
    builder.finish()
}

/// The text of a workbook cell. Whole numbers are written without a decimal point (a spreadsheet
/// shows `3`, not `3.0`); an error cell (`#REF!`) is a problem.
fn cell_text(value: DataRef<'_>) -> Result<String, String> {
    Ok(match value {
        DataRef::Empty => String::new(),
        DataRef::String(s) => s,
        DataRef::SharedString(s) => s.to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(f),
        DataRef::Bool(b) => if b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(d) => d.to_string(),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
        DataRef::Error(e) => return Err(crate::tr!("import-cell-error", error = e.to_string())),
    })
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

fn data_ref(value: &Data) -> DataRef<'_> {
    match value {
        Data::Int(i) => DataRef::Int(*i),
        Data::Float(f) => DataRef::Float(*f),
        Data::String(s) => DataRef::SharedString(s),
        Data::Bool(b) => DataRef::Bool(*b),
        Data::DateTime(d) => DataRef::DateTime(*d),
        Data::DateTimeIso(s) => DataRef::DateTimeIso(s.clone()),
        Data::DurationIso(s) => DataRef::DurationIso(s.clone()),
        Data::Error(e) => DataRef::Error(e.clone()),
        Data::Empty => DataRef::Empty,
    }
}

/// The kind of workbook a file name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    Xlsx,
    Ods,
}

/// Every sheet of a workbook, in the workbook's order (empty sheets give `None`).
pub fn read_workbook(
    file: &str,
    kind: WorkbookKind,
    bytes: Vec<u8>,
) -> Result<Vec<(String, Option<Table>)>, Vec<Located>> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![problem(
            file,
            None,
            crate::tr!(
                "import-too-large",
                size = (bytes.len() / 1_000_000).to_string(),
                limit = (MAX_FILE_BYTES / 1_000_000).to_string()
            ),
        )]);
    }
    let not_a_workbook = |e: &dyn std::fmt::Display| {
        vec![problem(
            file,
            None,
            crate::tr!("import-cannot-read-workbook", error = e.to_string()),
        )]
    };
    let mut sheets = Vec::new();
    let mut problems = Vec::new();
    match kind {
        WorkbookKind::Xlsx => {
            let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(&e))?;
            for name in book.sheet_names() {
                let mut builder = Builder::new(file, Some(&name));
                // Cells are streamed, never laid out as a dense grid: a sheet with one cell in A1
                // and one in XFD1048576 costs two cells, not seventeen billion.
                let mut reader = match book.worksheet_cells_reader(&name) {
                    Ok(reader) => reader,
                    Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
                    Err(e) => return Err(not_a_workbook(&e)),
                };
                loop {
                    match reader.next_cell() {
                        Ok(Some(cell)) => {
                            let (row, col) = cell.get_position();
                            match cell_text(cell.get_value().clone()) {
                                Ok(text) => {
                                    if !builder.push(row, col, text) {
                                        break;
                                    }
                                }
                                Err(message) => {
                                    let p = builder.located(row, col, message);
                                    builder.problems.push(p);
                                }
                            }
                        }
                        Ok(None) => break,
                        Err(e) => return Err(not_a_workbook(&e)),
                    }
                }
                drop(reader);
                match builder.finish() {
                    Ok(table) => sheets.push((name, table)),
                    Err(p) => problems.extend(p),
                }
            }
        }
        WorkbookKind::Ods => {
            // calamine reads an .ods sheet as a grid; it refuses grids over 100 million cells.
            let mut book: Ods<_> = Ods::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(&e))?;
            for name in book.sheet_names() {
                let range = book.worksheet_range(&name).map_err(|e| not_a_workbook(&e))?;
                let mut builder = Builder::new(file, Some(&name));
                for (row, col, value) in range.used_cells() {
                    let (r0, c0) = range.start().unwrap_or((0, 0));
                    let (row, col) = (r0 + row as u32, c0 + col as u32);
                    match cell_text(data_ref(value)) {
                        Ok(text) => {
                            if !builder.push(row, col, text) {
                                break;
                            }
                        }
                        Err(message) => {
                            let p = builder.located(row, col, message);
                            builder.problems.push(p);
                        }
                    }
                }
                match builder.finish() {
                    Ok(table) => sheets.push((name, table)),
                    Err(p) => problems.extend(p),
                }
            }
        }
    }
    if problems.is_empty() { Ok(sheets) } else { Err(problems) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn csv_rows_are_numbered_by_line_and_the_formula_guard_is_undone() {
        let text = "\u{feff}Label,Type\n\n'=SUM(A1),x\n\"two\nlines\",'plain\n";
        let table = read_csv("t.csv", text.as_bytes()).unwrap().unwrap();
        assert_eq!(table.headers, vec![(0, "Label".into()), (1, "Type".into())]);
        assert_eq!(table.rows[0].number, 3);
        assert_eq!(table.rows[0].cells, vec!["=SUM(A1)", "x"]);
        assert_eq!(table.rows[1].number, 4);
        assert_eq!(table.rows[1].cells, vec!["two\nlines", "'plain"]);
    }

    #[test]
    fn a_value_under_no_heading_is_located() {
        let e = read_csv("t.csv", b"Label\nA,stray\n").unwrap_err();
        assert_eq!(
            e[0].to_string(),
            "t.csv:2:B: a value in column B, which has no heading: give the column a heading (row 1) or clear it"
        );
    }

    #[test]
    fn whole_numbers_have_no_decimal_point() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(-120.5), "-120.5");
    }
}
