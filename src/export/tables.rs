//! The map's own tables as CSV, for spreadsheets and for other graph tools.

use crate::model::Map;
use std::io::Write;

/// `id,label,category,locus,directness,nature,effect,tags`; unknown values are empty, several
/// categories or tags are joined by `;`.
pub fn write_determinants_csv(map: &Map, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
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
        w.write_record([
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
    w.flush()?;
    Ok(())
}

/// `from,to,sign` with sign `enables` or `hinders`.
pub fn write_influences_csv(map: &Map, out: impl Write) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["from", "to", "sign"])?;
    for i in &map.influences {
        w.write_record([i.from.as_str(), i.to.as_str(), i.sign.as_str()])?;
    }
    w.flush()?;
    Ok(())
}
