//! The reachability report (`detmap analyze`): per stage, the determinants that feed it.

use super::words;
use crate::analysis::NetEffect::{Enables, Hinders, Mixed};
use crate::analysis::{PathEnds, Reachability, StrongestConfidence};
use crate::model::{Id, Level, Map};
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
    /// The same, for the reports people read (text, Markdown), which put it into words.
    #[serde(skip)]
    net: crate::analysis::NetEffect,
    /// The whole path, or its first and last nodes when it is long (see [`PathEnds`]).
    #[serde(rename = "path", serialize_with = "shown_path")]
    ends: PathEnds<'a>,
    /// How many nodes of a long path are left out, between the first and the last ones listed.
    #[serde(skip_serializing_if = "is_zero")]
    path_omitted: usize,
    /// The highest confidence at which the determinant reaches the stage (see
    /// [`StrongestConfidence`]): "low" when only links the study implies connect them.
    strongest_confidence: &'static str,
    #[serde(skip)]
    confidence: Option<Level>,
}

fn shown_path<S: serde::Serializer>(ends: &PathEnds, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(ends.shown())
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Serialize)]
struct JsonStage<'a> {
    id: &'a str,
    label: &'a str,
    feeders: Streamed<'a>,
}

/// The rows of one stage, serialized as they are made: the JSON report holds no more than one row
/// in memory, however many the map has.
struct Streamed<'a> {
    labels: &'a Labels<'a>,
    reach: &'a Reachability,
    stage: &'a Id,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(rows(self.labels, self.reach, self.stage))
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    title: &'a str,
    stages: Vec<JsonStage<'a>>,
    feeding_no_stage: Vec<&'a Id>,
}

/// Labels by id (the report looks one up per row, and a map may have tens of thousands of rows),
/// and how sure each row is.
struct Labels<'a>(HashMap<&'a Id, &'a str>, StrongestConfidence);

impl<'a> Labels<'a> {
    fn new(map: &'a Map, reach: &Reachability) -> Self {
        let stages = map.stages.iter().map(|s| (&s.id, s.label.as_str()));
        Labels(
            stages
                .chain(map.determinants.iter().map(|d| (&d.id, d.label.as_str())))
                .collect(),
            StrongestConfidence::with_reach(map, reach),
        )
    }
    fn confidence(&self, determinant: &Id, stage: &Id) -> Option<Level> {
        self.1.get(determinant, stage)
    }
    fn of(&self, id: &'a Id) -> &'a str {
        self.0.get(id).copied().unwrap_or(id.as_str())
    }
}

/// The rows of one stage. A long path is cut to its ends (see [`PathEnds`]), so a row costs the
/// same on a chain of 100,000 determinants as on a workshop's map.
fn rows<'a>(labels: &'a Labels<'a>, reach: &'a Reachability, stage: &'a Id) -> impl Iterator<Item = Row<'a>> + 'a {
    let stage_label = labels.of(stage);
    reach.feeders_of(stage).unwrap_or_default().iter().map(move |f| {
        let ends = reach.path_ends(&f.determinant, stage).unwrap_or(PathEnds {
            first: Vec::new(),
            omitted: 0,
            last: Vec::new(),
        });
        let confidence = labels.confidence(&f.determinant, stage);
        Row {
            stage_id: stage.as_str(),
            stage: stage_label,
            determinant_id: f.determinant.as_str(),
            determinant: labels.of(&f.determinant),
            distance: f.distance,
            net_effect: f.net.as_str(),
            net: f.net,
            path_omitted: ends.omitted,
            ends,
            strongest_confidence: confidence.map_or("", |l| l.as_str()),
            confidence,
        }
    })
}

/// How a left-out middle of a path is written between its ends in the CSV (a machine format: its
/// words stay English).
fn omitted(n: usize) -> String {
    format!("… {} more …", thousands(n))
}

/// The same, for the reports people read, in the current language.
fn omitted_in_words(n: usize) -> String {
    crate::tr!("report-omitted", count = n, shown = crate::i18n::thousands(n))
}

/// Digits grouped as the machine formats (CSV) write them, whatever the language.
fn thousands(n: usize) -> String {
    crate::i18n::group_digits(n, ",")
}

/// A path's parts in order, each named by `name`, with the left-out middle as one more part.
fn path_parts<'a>(ends: &PathEnds<'a>, name: impl Fn(&'a Id) -> String) -> Vec<String> {
    let mut parts: Vec<String> = ends.first.iter().map(|id| name(id)).collect();
    if !ends.last.is_empty() {
        parts.push(omitted_in_words(ends.omitted));
        parts.extend(ends.last.iter().map(|id| name(id)));
    }
    parts
}

/// The path as the csv writes it, ids joined by `>` (a long one with `… N more …` between its
/// ends), into a buffer reused from row to row.
fn join_path(ends: &PathEnds, into: &mut String) {
    into.clear();
    for (n, id) in ends.first.iter().enumerate() {
        if n > 0 {
            into.push('>');
        }
        into.push_str(id.as_str());
    }
    if !ends.last.is_empty() {
        into.push('>');
        into.push_str(&omitted(ends.omitted));
        for id in &ends.last {
            into.push('>');
            into.push_str(id.as_str());
        }
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
    let labels = Labels::new(map, reach);
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
                "strongest_confidence",
            ])?;
            use std::fmt::Write as _;
            let (mut distance, mut path) = (String::new(), String::new());
            for stage in stages {
                for r in rows(&labels, reach, stage) {
                    distance.clear();
                    write!(distance, "{}", r.distance).expect("writing to a String cannot fail");
                    join_path(&r.ends, &mut path);
                    w.record([
                        r.stage_id,
                        r.stage,
                        r.determinant_id,
                        r.determinant,
                        &distance,
                        r.net_effect,
                        &path,
                        r.strongest_confidence,
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
                        feeders: Streamed {
                            labels: &labels,
                            reach,
                            stage: s,
                        },
                    })
                    .collect(),
                feeding_no_stage: reach.feeding_no_stage(),
            };
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out)?;
        }
        ReportFormat::Text => {
            // The net effect's column is as wide as its longest word in this language (8 in English).
            let net_width = [Enables, Hinders, Mixed]
                .map(|n| words::net(n).chars().count() + 1)
                .into_iter()
                .fold(8, usize::max);
            writeln!(out, "{}", map.title)?;
            for stage in stages {
                let feeders = reach.feeders_of(stage).unwrap_or_default();
                let count = |net| feeders.iter().filter(|f| f.net == net).count();
                writeln!(
                    out,
                    "\n{}",
                    crate::tr!(
                        "report-stage-feeders",
                        stage = labels.of(stage).to_owned(),
                        id = stage.to_string(),
                        count = feeders.len(),
                        enable = count(Enables),
                        hinder = count(Hinders),
                        mixed = count(Mixed)
                    )
                )?;
                for r in rows(&labels, reach, stage) {
                    let parts = path_parts(&r.ends, |id| labels.of(id).to_owned());
                    let via = if parts.len() > 2 {
                        format!(
                            "  {}",
                            crate::tr!("report-via", path = parts[1..parts.len() - 1].join(" > "))
                        )
                    } else {
                        String::new()
                    };
                    // A row resting on links the study only implies says so.
                    let sure = match r.confidence {
                        Some(Level::High) | None => String::new(),
                        Some(level) => format!("  [{}]", crate::tr!("report-confidence", level = level.as_str())),
                    };
                    writeln!(
                        out,
                        "  {:>3}  {:<net_width$} {} ({}){via}{sure}",
                        r.distance,
                        words::net(r.net),
                        r.determinant,
                        r.determinant_id
                    )?;
                }
            }
            let unfed = reach.feeding_no_stage();
            if !unfed.is_empty() {
                let list = unfed.iter().map(|id| labels.of(id)).collect::<Vec<_>>().join("; ");
                writeln!(out, "\n{}", crate::tr!("report-feeding-no-stage-list", list = list))?;
            }
        }
        ReportFormat::Markdown => {
            writeln!(out, "# {}\n", md(&map.title))?;
            for stage in stages {
                writeln!(out, "## {}\n", md(labels.of(stage)))?;
                writeln!(out, "{}\n|---:|---|---|---|---|", crate::tr!("report-table-head"))?;
                for r in rows(&labels, reach, stage) {
                    let path = path_parts(&r.ends, |id| md(labels.of(id))).join(" → ");
                    writeln!(
                        out,
                        "| {} | {} | {} | {} | {} |",
                        r.distance,
                        words::net(r.net),
                        md(r.determinant),
                        path,
                        r.confidence.map(words::confidence).unwrap_or_default()
                    )?;
                }
                writeln!(out)?;
            }
            let unfed = reach.feeding_no_stage();
            if !unfed.is_empty() {
                writeln!(out, "## {}\n", crate::tr!("report-feeding-no-stage"))?;
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
