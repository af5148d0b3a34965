//! The reachability report (`detmap analyze`): per stage, the determinants that feed it.

use crate::analysis::Reachability;
use crate::model::{Id, Map};
use foldhash::HashMap;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportFormat {
    Text,
    Csv,
    Json,
    Markdown,
}

/// One row of the report: a determinant feeding a stage.
#[derive(Serialize)]
struct Row<'a> {
    stage_id: &'a str,
    stage: &'a str,
    determinant_id: &'a str,
    determinant: &'a str,
    distance: u32,
    net_effect: &'static str,
    path: Vec<&'a Id>,
}

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    label: &'a str,
    feeders: Vec<Row<'a>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    stages: Vec<JsonStage<'a>>,
    feeding_no_stage: Vec<&'a Id>,
}

/// Labels by id: the report looks one up per row, and a map may have tens of thousands of rows.
struct Labels<'a>(HashMap<&'a Id, &'a str>);

impl<'a> Labels<'a> {
    fn new(map: &'a Map) -> Self {
        let stages = map.stages.iter().map(|s| (&s.id, s.label.as_str()));
        Labels(
            stages
                .chain(map.determinants.iter().map(|d| (&d.id, d.label.as_str())))
                .collect(),
        )
    }
    fn of(&self, id: &'a Id) -> &'a str {
        self.0.get(id).copied().unwrap_or(id.as_str())
    }
}

fn rows<'a>(labels: &'a Labels<'a>, reach: &'a Reachability, stage: &'a Id) -> impl Iterator<Item = Row<'a>> + 'a {
    let stage_label = labels.of(stage);
    reach.feeders_of(stage).unwrap_or_default().iter().map(move |f| Row {
        stage_id: stage.as_str(),
        stage: stage_label,
        determinant_id: f.determinant.as_str(),
        determinant: labels.of(&f.determinant),
        distance: f.distance,
        net_effect: f.net.as_str(),
        path: reach
            .path_ids(&f.determinant, stage)
            .map(Iterator::collect)
            .unwrap_or_default(),
    })
}

/// The path as the csv writes it, ids joined by `>`, into a buffer reused from row to row.
fn join_path(path: &[&Id], into: &mut String) {
    into.clear();
    for (n, id) in path.iter().enumerate() {
        if n > 0 {
            into.push('>');
        }
        into.push_str(id.as_str());
    }
}

/// Writes the report for `stages` (all stages when empty) in `format`.
pub fn write_reachability(
    map: &Map,
    reach: &Reachability,
    stages: &[Id],
    format: ReportFormat,
    mut out: impl Write,
) -> io::Result<()> {
    let labels = Labels::new(map);
    let stages: Vec<&Id> = if stages.is_empty() {
        map.stages.iter().map(|s| &s.id).collect()
    } else {
        stages.iter().collect()
    };
    match format {
        ReportFormat::Csv => {
            let mut w = super::tables::SafeCsv::new(&mut out);
            w.record([
                "stage_id",
                "stage",
                "determinant_id",
                "determinant",
                "distance",
                "net_effect",
                "path",
            ])?;
            use std::fmt::Write as _;
            let (mut distance, mut path) = (String::new(), String::new());
            for stage in stages {
                for r in rows(&labels, reach, stage) {
                    distance.clear();
                    write!(distance, "{}", r.distance).expect("writing to a String cannot fail");
                    join_path(&r.path, &mut path);
                    w.record([
                        r.stage_id,
                        r.stage,
                        r.determinant_id,
                        r.determinant,
                        &distance,
                        r.net_effect,
                        &path,
                    ])?;
                }
            }
            w.flush()?;
        }
        ReportFormat::Json => {
            let report = JsonReport {
                title: &map.title,
                stages: stages
                    .into_iter()
                    .map(|s| JsonStage {
                        id: s.as_str(),
                        label: labels.of(s),
                        feeders: rows(&labels, reach, s).collect(),
                    })
                    .collect(),
                feeding_no_stage: reach.feeding_no_stage(),
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        ReportFormat::Text => {
            writeln!(out, "{}", map.title)?;
            for stage in stages {
                let feeders = reach.feeders_of(stage).unwrap_or_default();
                let count = |net| feeders.iter().filter(|f| f.net == net).count();
                use crate::analysis::NetEffect::*;
                writeln!(
                    out,
                    "\n{} ({stage}): {} determinants feed it ({} enable, {} hinder, {} mixed)",
                    labels.of(stage),
                    feeders.len(),
                    count(Enables),
                    count(Hinders),
                    count(Mixed)
                )?;
                for r in rows(&labels, reach, stage) {
                    let via = if r.path.len() > 2 {
                        format!(
                            "  via {}",
                            r.path[1..r.path.len() - 1]
                                .iter()
                                .map(|id| labels.of(id))
                                .collect::<Vec<_>>()
                                .join(" > ")
                        )
                    } else {
                        String::new()
                    };
                    writeln!(
                        out,
                        "  {:>3}  {:<8} {} ({}){via}",
                        r.distance, r.net_effect, r.determinant, r.determinant_id
                    )?;
                }
            }
            let unfed = reach.feeding_no_stage();
            if !unfed.is_empty() {
                writeln!(
                    out,
                    "\nFeeding no stage: {}",
                    unfed.iter().map(|id| labels.of(id)).collect::<Vec<_>>().join("; ")
                )?;
            }
        }
        ReportFormat::Markdown => {
            writeln!(out, "# {}\n", md(&map.title))?;
            for stage in stages {
                writeln!(out, "## {}\n", md(labels.of(stage)))?;
                writeln!(
                    out,
                    "| distance | net effect | determinant | path |\n|---:|---|---|---|"
                )?;
                for r in rows(&labels, reach, stage) {
                    let path = r
                        .path
                        .iter()
                        .map(|id| md(labels.of(id)))
                        .collect::<Vec<_>>()
                        .join(" → ");
                    writeln!(
                        out,
                        "| {} | {} | {} | {} |",
                        r.distance,
                        r.net_effect,
                        md(r.determinant),
                        path
                    )?;
                }
                writeln!(out)?;
            }
            let unfed = reach.feeding_no_stage();
            if !unfed.is_empty() {
                writeln!(out, "## Feeding no stage\n")?;
                for id in unfed {
                    writeln!(out, "- {}", md(labels.of(id)))?;
                }
            }
        }
    }
    Ok(())
}

/// Map text in a Markdown table cell: the hand-out's escaping, so raw HTML, links (a
/// `javascript:` one among them) and table bars in a label stay text.
fn md(text: &str) -> String {
    super::handout::text(text)
}
