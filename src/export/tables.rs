//! The map's own tables as CSV, for spreadsheets and for other graph tools; and the CSV writer
//! every CSV export uses, which keeps map text from being read as a spreadsheet formula.

use crate::model::{Id, Map};
use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;
use std::io::{self, Write};

/// `id,label,category,locus,directness,nature,effect,tags`; unknown values are empty, several
/// categories or tags are joined by `;`.
pub fn write_determinants_csv(map: &Map, out: impl Write) -> csv::Result<()> {
    let mut w = SafeCsv::new(out);
    w.record([
        "id",
        "label",
        "category",
        "locus",
        "directness",
        "nature",
        "effect",
        "tags",
    ])?;
    for d in &map.determinants {
        w.record([
            d.id.as_str(),
            &d.label,
            &d.categories.join(";"),
            d.locus.map_or("", |v| v.as_str()),
            d.directness.map_or("", |v| v.as_str()),
            d.nature.map_or("", |v| v.as_str()),
            d.effect.as_str(),
            &d.tags.join(";"),
        ])?;
    }
    Ok(w.flush()?)
}

/// `from,from_label,to,to_label,sign` with sign `enables` or `hinders`: the labels beside the ids,
/// so the table reads on its own.
pub fn write_influences_csv(map: &Map, out: impl Write) -> csv::Result<()> {
    let mut labels: HashMap<&Id, &str> = HashMap::with_capacity(map.stages.len() + map.determinants.len());
    // The first of a repeated id wins, as in `Map::label_of`.
    for (id, label) in map
        .stages
        .iter()
        .map(|s| (&s.id, s.label.as_str()))
        .chain(map.determinants.iter().map(|d| (&d.id, d.label.as_str())))
    {
        labels.entry(id).or_insert(label);
    }
    let label = |id: &Id| labels.get(id).copied().unwrap_or_default();
    let mut w = SafeCsv::new(out);
    w.record(["from", "from_label", "to", "to_label", "sign"])?;
    for i in &map.influences {
        w.record([
            i.from.as_str(),
            label(&i.from),
            i.to.as_str(),
            label(&i.to),
            i.sign.as_str(),
        ])?;
    }
    Ok(w.flush()?)
}

/// A cell as a spreadsheet should see it: text that a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-` or `@`, or with a tab or carriage return that some strip first) gets
/// a leading `'`, as OWASP's "CSV injection" page advises; anything else is unchanged.
pub fn neutralise_csv_cell(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// The CSV writer of every CSV export: each cell goes through [`neutralise_csv_cell`].
pub(super) struct SafeCsv<W: Write>(csv::Writer<W>);

impl<W: Write> SafeCsv<W> {
    pub(super) fn new(out: W) -> Self {
        SafeCsv(csv::Writer::from_writer(out))
    }

    /// Writes one record. Errors are the I/O errors beneath, so a full disk or a closed pipe keeps
    /// its kind.
    pub(super) fn record<I, T>(&mut self, cells: I) -> io::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for cell in cells {
            self.0
                .write_field(neutralise_csv_cell(cell.as_ref()).as_bytes())
                .map_err(csv_to_io)?;
        }
        // An empty record ends the one the fields above started.
        self.0.write_record(std::iter::empty::<&[u8]>()).map_err(csv_to_io)
    }

    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// A csv error as the I/O error it wraps; other csv errors (which writing never produces) keep
/// their message.
pub(super) fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_nothing_else_changes() {
        for formula in [
            "=1+2",
            "+1",
            "-2",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(neutralise_csv_cell(formula), format!("'{formula}"));
        }
        for plain in ["", "a=b", "Civil society", "1:enables", "'quoted", " =1"] {
            assert!(matches!(neutralise_csv_cell(plain), Cow::Borrowed(s) if s == plain));
        }
    }

    #[test]
    fn records_are_quoted_and_neutralised() {
        let mut out = Vec::new();
        let mut w = SafeCsv::new(&mut out);
        w.record(["=cmd|' /C calc'!A0", "a,b", "plain"]).unwrap();
        w.record(["", "\"q\"", "-"]).unwrap();
        w.flush().unwrap();
        drop(w);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "'=cmd|' /C calc'!A0,\"a,b\",plain\n,\"\"\"q\"\"\",'-\n"
        );
    }
}
