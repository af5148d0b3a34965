//! The determinant × stage matrix as CSV (`detmap export --matrix`), for spreadsheets.

use crate::analysis::Matrix;
use crate::model::Map;
use std::io::Write;

/// `determinant_id,determinant,` then one column per stage (headed by its label, in the map's
/// order). A cell is `DISTANCE:NET`, e.g. `1:enables` (an influence straight into the stage) or
/// `3:mixed`; it is empty where the determinant does not feed the stage.
pub fn write_matrix_csv(map: &Map, matrix: &Matrix, out: impl Write) -> csv::Result<()> {
    let mut w = super::tables::SafeCsv::new(out);
    // Labels from an index: `Map::label_of` searches the lists, once per row.
    let idx = map.index();
    let header = ["determinant_id", "determinant"].into_iter().map(str::to_owned);
    w.record(header.chain(matrix.stages.iter().map(|s| idx.label_of(s).to_owned())))?;
    for row in &matrix.rows {
        let cells = row
            .cells
            .iter()
            .map(|c| c.map(|c| format!("{}:{}", c.distance, c.net)).unwrap_or_default());
        let lead = [row.determinant.to_string(), idx.label_of(&row.determinant).to_owned()];
        w.record(lead.into_iter().chain(cells))?;
    }
    Ok(w.flush()?)
}
