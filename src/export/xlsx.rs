//! The map as an .xlsx workbook (`detmap export --xlsx`), in the layout `detmap import` reads:
//! an Elements sheet (stages and determinants, with their coding), a Connections sheet (the
//! influences, by id, with the labels beside them), the determinant × stage matrix, and the
//! sheets that make the import give back the same map (Categories with their colours, Sources,
//! Map with the title, description and tag list).

use crate::analysis::Matrix;
use crate::import::evidence_cell;
use crate::model::{Map, Position};
use rust_xlsxwriter::{Format, Workbook, Worksheet};
use std::io::Write;

/// The most characters a spreadsheet cell holds (Excel's limit).
pub const MAX_CELL_CHARS: usize = 32_767;
/// The most columns a sheet has (Excel's limit); the matrix has one per stage, and two more.
pub const MAX_SHEET_COLUMNS: usize = 16_384;

#[derive(Debug, thiserror::Error)]
pub enum XlsxError {
    /// The map holds something a workbook cannot: said in words, with the item.
    #[error("{0}")]
    Refused(String),
    #[error("{}", writing(.0))]
    Workbook(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub const ELEMENT_HEADINGS: [&str; 13] = [
    "ID",
    "Label",
    "Type",
    "Categories",
    "Description",
    "Tags",
    "Locus",
    "Directness",
    "Nature",
    "Effect",
    "X",
    "Y",
    "Evidence",
];

pub const CONNECTION_HEADINGS: [&str; 10] = [
    "ID",
    "From",
    "To",
    "From label",
    "To label",
    "Sign",
    "Strength",
    "Confidence",
    "Note",
    "Evidence",
];

/// A sheet being written, row by row; texts over a cell's limit are refused, naming the item.
struct Sheet<'a> {
    sheet: &'a mut Worksheet,
    row: u32,
}

impl<'a> Sheet<'a> {
    fn new(book: &'a mut Workbook, name: &str, headings: &[&str], bold: &Format) -> Result<Self, XlsxError> {
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        for (c, h) in headings.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Sheet { sheet, row: 0 })
    }
    fn next_row(&mut self) {
        self.row += 1;
    }
    fn text(&mut self, col: u16, text: &str, what: impl FnOnce() -> String) -> Result<(), XlsxError> {
        if text.is_empty() {
            return Ok(());
        }
        let chars = text.chars().count();
        if chars > MAX_CELL_CHARS {
            return Err(XlsxError::Refused(crate::tr!(
                "xlsx-cell-too-long",
                what = what(),
                length = chars.to_string(),
                max = MAX_CELL_CHARS.to_string()
            )));
        }
        self.sheet.write_string(self.row, col, text)?;
        Ok(())
    }
    fn position(&mut self, col: u16, p: Position) -> Result<(), XlsxError> {
        self.sheet.write_number(self.row, col, p.x)?;
        self.sheet.write_number(self.row, col + 1, p.y)?;
        Ok(())
    }
}

fn writing(e: &rust_xlsxwriter::XlsxError) -> String {
    crate::tr!("xlsx-writing", error = e.to_string())
}

/// "the label of stage `s1`": `kind` (stage, determinant, influence, source) selects the words,
/// `field` is the file's name for the field.
fn field_of(kind: &str, field: &str, id: &str) -> String {
    crate::tr!("xlsx-field-of", kind = kind, field = field, id = id)
}

/// Writes the workbook. `matrix` is the map's determinant × stage matrix.
pub fn write_xlsx(map: &Map, matrix: &Matrix, mut out: impl Write) -> Result<(), XlsxError> {
    if map.stages.len() + 2 > MAX_SHEET_COLUMNS {
        return Err(XlsxError::Refused(crate::tr!(
            "xlsx-too-many-stages",
            count = map.stages.len(),
            max = (MAX_SHEET_COLUMNS - 2).to_string()
        )));
    }
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();

    let mut s = Sheet::new(&mut book, "Elements", &ELEMENT_HEADINGS, &bold)?;
    for stage in &map.stages {
        s.next_row();
        let what = |field: &str| field_of("stage", field, stage.id.as_str());
        s.text(0, stage.id.as_str(), || what("id"))?;
        s.text(1, &stage.label, || what("label"))?;
        s.text(2, "stage", String::new)?;
        s.text(4, &stage.description, || what("description"))?;
        s.position(10, stage.position)?;
    }
    for d in &map.determinants {
        s.next_row();
        let what = |field: &str| field_of("determinant", field, d.id.as_str());
        s.text(0, d.id.as_str(), || what("id"))?;
        s.text(1, &d.label, || what("label"))?;
        s.text(2, "determinant", String::new)?;
        s.text(3, &d.categories.join(" | "), || what("categories"))?;
        s.text(4, &d.notes, || what("notes"))?;
        s.text(5, &d.tags.join(" | "), || what("tags"))?;
        s.text(6, d.locus.map_or("", |v| v.as_str()), String::new)?;
        s.text(7, d.directness.map_or("", |v| v.as_str()), String::new)?;
        s.text(8, d.nature.map_or("", |v| v.as_str()), String::new)?;
        s.text(9, d.effect.as_str(), String::new)?;
        s.position(10, d.position)?;
        s.text(12, &evidence_cell(&d.evidence), || what("evidence"))?;
    }

    // Labels by id once: `Map::label_of` searches the lists, which on every row made the sheet quadratic.
    let index = map.index();
    let mut s = Sheet::new(&mut book, "Connections", &CONNECTION_HEADINGS, &bold)?;
    for i in &map.influences {
        s.next_row();
        let what = |field: &str| field_of("influence", field, i.id.as_str());
        s.text(0, i.id.as_str(), || what("id"))?;
        s.text(1, i.from.as_str(), || what("from"))?;
        s.text(2, i.to.as_str(), || what("to"))?;
        s.text(3, index.label_of(&i.from), || what("from label"))?;
        s.text(4, index.label_of(&i.to), || what("to label"))?;
        s.text(5, i.sign.as_str(), String::new)?;
        s.text(6, i.strength.map_or("", |v| v.as_str()), String::new)?;
        s.text(7, i.confidence.map_or("", |v| v.as_str()), String::new)?;
        s.text(8, &i.note, || what("note"))?;
        s.text(9, &evidence_cell(&i.evidence), || what("evidence"))?;
    }

    let stage_labels: Vec<&str> = matrix.stages.iter().map(|id| index.label_of(id)).collect();
    let headings: Vec<&str> = ["ID", "Determinant"].into_iter().chain(stage_labels).collect();
    let mut s = Sheet::new(&mut book, "Matrix", &headings, &bold)?;
    for row in &matrix.rows {
        s.next_row();
        s.text(0, row.determinant.as_str(), String::new)?;
        s.text(1, index.label_of(&row.determinant), String::new)?;
        for (c, cell) in row.cells.iter().enumerate() {
            if let Some(cell) = cell {
                s.text(2 + c as u16, &format!("{}:{}", cell.distance, cell.net), String::new)?;
            }
        }
    }

    let mut s = Sheet::new(&mut book, "Categories", &["Name", "Colour"], &bold)?;
    for c in &map.categories {
        s.next_row();
        s.text(0, &c.name, || crate::tr!("xlsx-category-name", name = &c.name))?;
        s.text(1, &c.colour.to_string(), String::new)?;
    }
    let mut s = Sheet::new(&mut book, "Sources", &["ID", "Title", "Citation"], &bold)?;
    for source in &map.sources {
        s.next_row();
        let what = |field: &str| field_of("source", field, source.id.as_str());
        s.text(0, source.id.as_str(), || what("id"))?;
        s.text(1, &source.title, || what("title"))?;
        s.text(2, &source.citation, || what("citation"))?;
    }
    let mut s = Sheet::new(&mut book, "Map", &["Title", "Description", "Tags"], &bold)?;
    s.next_row();
    s.text(0, &map.title, || "the map's title".into())?;
    s.text(1, &map.description, || "the map's description".into())?;
    s.text(2, &map.tags.join(" | "), || "the map's tag list".into())?;

    let bytes = book.save_to_buffer()?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(())
}
