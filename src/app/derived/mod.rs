//! What the window derives from the map and the analysis view: the reachability, the matrix,
//! feedback loops, pressure points, coding hints, the knock-out, the rows and cells the matrix
//! panel shows, and what the canvas highlights.
//!
//! All of it is recomputed only when the document's revision or the analysis view changes, in
//! [`Derived::refresh`], which `app.rs` calls before the panels draw; a frame in which nothing
//! changed only compares two keys, so an idle window stays idle. None of it is saved: it is
//! always recomputed from the map. While the analysis panel is closed nothing is computed.

pub mod emphasis;
pub mod explain;
pub mod rows;

use super::analysis_view::{AnalysisView, Focus};
use super::state::Document;
use crate::analysis::{
    Cell, FeedbackLoop, Hint, KnockOut, Loops, Matrix, PressurePoint, Reachability, StageLoss, StagePressurePoints,
    coding_hints, feedback_loops, knock_out, pressure_points,
};
use crate::model::{Id, Map, Nature};
use emphasis::{Emphasis, Lit};
use explain::PathText;
use rows::{Row, Shown, Totals};

/// At most this many feedback loops are listed: their number can grow exponentially with the map,
/// and the search's time grows with the loops it finds.
pub const LOOP_LIMIT: usize = 200;

/// The analysis of one revision of the map.
pub struct MapAnalysis {
    pub reach: Reachability,
    pub matrix: Matrix,
    pub loops: Loops,
    pub pressure: Vec<StagePressurePoints>,
    pub hints: Vec<Hint>,
}

impl MapAnalysis {
    pub fn compute(map: &Map) -> Self {
        let reach = Reachability::compute(map);
        let matrix = Matrix::compute(map, &reach);
        let loops = feedback_loops(reach.graph(), LOOP_LIMIT);
        let pressure = pressure_points(reach.graph());
        let hints = coding_hints(map, &reach);
        MapAnalysis {
            reach,
            matrix,
            loops,
            pressure,
            hints,
        }
    }
}

/// The map's analysis with one determinant left out (its influences ignored; the map unchanged).
pub struct KnockOutResult {
    pub determinant: Id,
    pub losses: KnockOut,
    pub reach: Reachability,
    pub matrix: Matrix,
}

impl KnockOutResult {
    fn compute(map: &Map, analysis: &MapAnalysis, determinant: &Id) -> Option<Self> {
        let losses = knock_out(analysis.reach.graph(), determinant)?;
        // The same "without" as `Matrix::with_knocked_out`, keeping its reachability for the paths.
        let mut without = map.clone();
        without
            .influences
            .retain(|i| &i.from != determinant && &i.to != determinant);
        let reach = Reachability::compute(&without);
        let matrix = Matrix::compute(map, &reach);
        Some(KnockOutResult {
            determinant: determinant.clone(),
            losses,
            reach,
            matrix,
        })
    }
}

/// What the panel says about the focus.
#[derive(Debug, Clone, PartialEq)]
pub enum Summary {
    Stage(StageSummary),
    Determinant(DeterminantSummary),
    /// Why a determinant feeds a stage; `lost` when it does so only while the knock-out is undone.
    Cell {
        determinant: Id,
        stage: Id,
        paths: Vec<PathText>,
        lost: bool,
    },
    Loop(FeedbackLoop),
}

/// What feeds one stage (determinants that pass the filters), and what its paths depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    pub stage: Id,
    pub direct: Vec<(Id, Cell)>,
    pub indirect: Vec<(Id, Cell)>,
    /// Fed it as the map is drawn, not without the knocked-out determinant.
    pub lost: Vec<Id>,
    /// The determinants every path from some feeder must pass through (the structure's).
    pub structural: Vec<PressurePoint>,
    /// Its feeders the researchers coded `nature: pressure point`.
    pub coded: Vec<Id>,
    pub loss: Option<StageLoss>,
}

/// Which stages one determinant feeds and by which paths.
#[derive(Debug, Clone, PartialEq)]
pub struct DeterminantSummary {
    pub determinant: Id,
    /// Every stage, in order, with what its cell shows.
    pub feeds: Vec<(Id, Shown)>,
    /// One shortest explaining path per stage fed.
    pub paths: Vec<PathText>,
    pub hints: Vec<Hint>,
}

/// The results that depend on the analysis view too.
pub struct ViewResults {
    /// The matrix body: group headings and the determinants that pass the filters.
    pub rows: Vec<Row>,
    /// Every determinant's cells as shown, in map order (filtered-out ones too).
    pub cells: Vec<Vec<Shown>>,
    /// Per stage, over the rows shown.
    pub totals: Vec<Totals>,
    pub emphasis: Emphasis,
    pub summary: Option<Summary>,
}

#[derive(Default)]
pub struct Derived {
    /// The document the view state belongs to.
    serial: u64,
    map_key: Option<(u64, u64)>,
    view_key: Option<(u64, u64, u64)>,
    pub analysis: Option<MapAnalysis>,
    pub knock: Option<KnockOutResult>,
    pub view: Option<ViewResults>,
}

impl Derived {
    /// Brings everything up to date with `doc` and `view`; does nothing when neither changed. A new
    /// document clears the view state that named the old one's items.
    pub fn refresh(&mut self, doc: &Document, view: &mut AnalysisView) {
        if doc.serial != self.serial {
            self.serial = doc.serial;
            view.forget_document();
        }
        if !view.open {
            return;
        }
        let map = &doc.map;
        let map_key = (doc.serial, doc.revision);
        let map_changed = self.map_key != Some(map_key);
        if map_changed {
            self.analysis = Some(MapAnalysis::compute(map));
            self.map_key = Some(map_key);
            forget_missing(map, view);
        }
        let analysis = self.analysis.as_ref().expect("computed just above");
        let knock_stale = self.knock.as_ref().map(|k| &k.determinant) != view.knocked_out.as_ref();
        if map_changed || knock_stale {
            self.knock = view
                .knocked_out
                .as_ref()
                .and_then(|d| KnockOutResult::compute(map, analysis, d));
        }
        let view_key = (doc.serial, doc.revision, view.version);
        if self.view_key != Some(view_key) {
            self.view = Some(view_results(map, analysis, self.knock.as_ref(), view));
            self.view_key = Some(view_key);
        }
    }

    /// The view results, when the panel is open and they are current.
    pub fn current(&self) -> Option<&ViewResults> {
        self.view.as_ref()
    }

    /// The reachability the panel and canvas follow: without the knocked-out determinant, if any.
    pub fn reach(&self) -> Option<&Reachability> {
        match &self.knock {
            Some(k) => Some(&k.reach),
            None => self.analysis.as_ref().map(|a| &a.reach),
        }
    }
}

/// Drops focus and knock-out naming items an edit removed.
fn forget_missing(map: &Map, view: &mut AnalysisView) {
    let exists = |id: &Id| map.node(id).is_some();
    let focus_gone = match &view.focus {
        Some(Focus::Stage(s)) => map.stage(s).is_none(),
        Some(Focus::Determinant(d)) => map.determinant(d).is_none(),
        Some(Focus::Cell { determinant, stage }) => !exists(determinant) || !exists(stage),
        Some(Focus::Loop(l)) => !l.determinants.iter().all(exists),
        None => false,
    };
    if focus_gone {
        view.focus = None;
        view.version += 1;
    }
    if view.knocked_out.as_ref().is_some_and(|d| map.determinant(d).is_none()) {
        view.knocked_out = None;
        view.version += 1;
    }
}

fn view_results(map: &Map, analysis: &MapAnalysis, knock: Option<&KnockOutResult>, view: &AnalysisView) -> ViewResults {
    let admitted: Vec<bool> = map.determinants.iter().map(|d| view.filters.admits(d)).collect();
    let cells: Vec<Vec<Shown>> = (0..map.determinants.len())
        .map(|i| rows::shown_row(&analysis.matrix, knock.map(|k| &k.matrix), i, view.direct_only))
        .collect();
    let body = rows::rows(map, view);
    let shown_rows: Vec<Vec<Shown>> = body
        .iter()
        .filter_map(|r| match r {
            Row::Determinant(i) => Some(cells[*i].clone()),
            Row::Group { .. } => None,
        })
        .collect();
    let totals = rows::totals(&shown_rows, map.stages.len());
    let reach = knock.map_or(&analysis.reach, |k| &k.reach);
    let summary = view
        .focus
        .as_ref()
        .and_then(|f| summarise(map, analysis, reach, knock, &cells, &admitted, view, f));
    let lit = summary.as_ref().map(|s| lit(map, s, view.direct_only, knock));
    let emphasis = Emphasis::compute(map, &admitted, lit.as_ref(), knock.map(|k| &k.losses));
    ViewResults {
        rows: body,
        cells,
        totals,
        emphasis,
        summary,
    }
}

#[allow(clippy::too_many_arguments)]
fn summarise(
    map: &Map,
    analysis: &MapAnalysis,
    reach: &Reachability,
    knock: Option<&KnockOutResult>,
    cells: &[Vec<Shown>],
    admitted: &[bool],
    view: &AnalysisView,
    focus: &Focus,
) -> Option<Summary> {
    let col_of = |stage: &Id| map.stages.iter().position(|s| &s.id == stage);
    let row_of = |det: &Id| map.determinants.iter().position(|d| &d.id == det);
    Some(match focus {
        Focus::Stage(stage) => {
            let col = col_of(stage)?;
            let (mut direct, mut indirect, mut lost, mut coded) = (vec![], vec![], vec![], vec![]);
            for (i, d) in map.determinants.iter().enumerate().filter(|(i, _)| admitted[*i]) {
                match cells[i][col] {
                    Shown::Feeds(c) => {
                        if c.is_direct() {
                            direct.push((d.id.clone(), c));
                        } else {
                            indirect.push((d.id.clone(), c));
                        }
                        if d.nature == Some(Nature::PressurePoint) {
                            coded.push(d.id.clone());
                        }
                    }
                    Shown::Lost(_) => lost.push(d.id.clone()),
                    Shown::Empty => {}
                }
            }
            indirect.sort_by_key(|(_, c)| c.distance);
            Summary::Stage(StageSummary {
                stage: stage.clone(),
                direct,
                indirect,
                lost,
                structural: analysis
                    .pressure
                    .iter()
                    .find(|p| &p.stage == stage)
                    .map(|p| p.points.clone())
                    .unwrap_or_default(),
                coded,
                loss: knock.and_then(|k| k.losses.losses.iter().find(|l| &l.stage == stage).cloned()),
            })
        }
        Focus::Determinant(det) => {
            let row = row_of(det)?;
            let feeds: Vec<(Id, Shown)> = map
                .stages
                .iter()
                .map(|s| s.id.clone())
                .zip(cells[row].iter().copied())
                .collect();
            let paths = feeds
                .iter()
                .filter(|(_, shown)| matches!(shown, Shown::Feeds(_)))
                .filter_map(|(stage, _)| {
                    let mut found = explain::explain(map, reach, det, stage);
                    found.sort_by_key(|p| p.steps.len());
                    found.into_iter().next()
                })
                .collect();
            Summary::Determinant(DeterminantSummary {
                determinant: det.clone(),
                feeds,
                paths,
                hints: analysis
                    .hints
                    .iter()
                    .filter(|h| &h.determinant == det)
                    .cloned()
                    .collect(),
            })
        }
        Focus::Cell { determinant, stage } => {
            let shown = cells[row_of(determinant)?][col_of(stage)?];
            let (paths, lost) = match shown {
                Shown::Feeds(_) => (explain::explain(map, reach, determinant, stage), false),
                // The paths as drawn, to say what the knock-out cut.
                Shown::Lost(_) => (explain::explain(map, &analysis.reach, determinant, stage), true),
                Shown::Empty => (Vec::new(), false),
            };
            let paths = if view.direct_only {
                paths.into_iter().filter(|p| p.steps.len() == 1).collect()
            } else {
                paths
            };
            Summary::Cell {
                determinant: determinant.clone(),
                stage: stage.clone(),
                paths,
                lost,
            }
        }
        Focus::Loop(l) => Summary::Loop(l.clone()),
    })
}

/// The nodes and influences a summary is about.
fn lit(map: &Map, summary: &Summary, direct_only: bool, knock: Option<&KnockOutResult>) -> Lit {
    let mut lit = Lit::default();
    let add_paths = |lit: &mut Lit, paths: &[PathText]| {
        for p in paths {
            lit.nodes.extend(p.nodes.iter().cloned());
            lit.links
                .extend(p.steps.iter().flat_map(|s| s.influences.iter().cloned()));
        }
    };
    match summary {
        Summary::Stage(s) => {
            lit.nodes.insert(s.stage.clone());
            lit.nodes
                .extend(s.direct.iter().chain(&s.indirect).map(|(d, _)| d.clone()));
            let knocked = knock.map(|k| &k.determinant);
            lit.links.extend(
                map.influences
                    .iter()
                    .filter(|i| lit.nodes.contains(&i.from) && lit.nodes.contains(&i.to))
                    .filter(|i| !direct_only || i.to == s.stage)
                    .filter(|i| map.stage(&i.to).is_none() || i.to == s.stage)
                    .filter(|i| Some(&i.from) != knocked)
                    .map(|i| i.id.clone()),
            );
        }
        Summary::Determinant(d) => {
            lit.nodes.insert(d.determinant.clone());
            add_paths(&mut lit, &d.paths);
        }
        Summary::Cell { determinant, paths, .. } => {
            lit.nodes.insert(determinant.clone());
            add_paths(&mut lit, paths);
        }
        Summary::Loop(l) => {
            lit.nodes.extend(l.determinants.iter().cloned());
            for (k, from) in l.determinants.iter().enumerate() {
                let to = &l.determinants[(k + 1) % l.determinants.len()];
                lit.links.extend(
                    map.influences
                        .iter()
                        .filter(|i| &i.from == from && &i.to == to && i.sign == l.signs[k])
                        .map(|i| i.id.clone()),
                );
            }
        }
    }
    lit
}
