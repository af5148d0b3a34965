//! What the window derives from the map and the analysis view: the reachability, the matrix,
//! feedback loops, pressure points, coding hints, the knock-out, the rows and cells the matrix
//! panel shows, and what the canvas highlights.
//!
//! All of it is recomputed only when the document's revision or the analysis view changes, in
//! [`Derived::refresh`], which the apply point calls after each frame's requests; a frame in which
//! nothing changed only compares two keys, so an idle window stays idle. None of it is saved: it
//! is always recomputed from the map. While the analysis panel is closed nothing is computed.
//! Refreshing never changes the view: what an edit or another document makes stale in it (a
//! focus on a deleted determinant) the apply point drops when it applies that change.
//!
//! With a minimum confidence set, everything but the canvas' marks is derived from the map with
//! only the influences that sure (`analysis::with_min_confidence`, what `--min-confidence` analyses);
//! the stages and determinants are the same, so rows and columns keep their places, and the canvas
//! fades the influences left out.

pub mod emphasis;
pub mod explain;
pub mod rows;
mod summary;

use super::analysis_view::AnalysisView;
use super::document::Document;
use crate::analysis::{
    Hint, KnockOut, Loops, MapGraph, Matrix, Reachability, StagePressurePoints, StrongestConfidence, coding_hints,
    feedback_loops, knock_out, link_confidence, pressure_points, with_min_confidence,
};
use crate::model::{Id, Level, Map, Sign};
use emphasis::Emphasis;
use rows::{Row, Shown, Totals};
pub use summary::{DeterminantSummary, Feeder, StageSummary, Summary};

/// At most this many feedback loops are listed: their number can grow exponentially with the map,
/// and the search's time grows with the loops it finds.
pub const LOOP_LIMIT: usize = 200;

/// What the graph analyses (reachability, matrix, loops, pressure points, the knock-out) depend on:
/// the stages and determinants in order, and each influence's ends, sign and confidence (which
/// sets how sure each feed is). A label, a coding, a
/// note, evidence or a position does not change them, so an edit of those (typing a label,
/// dragging a box) reuses them and only the hints, which read coding, are rebuilt.
#[derive(Default)]
struct Structure {
    nodes: Vec<Id>,
    influences: Vec<(Id, Id, Sign, Level)>,
}

impl Structure {
    fn of(map: &Map) -> Self {
        Structure {
            nodes: map.node_ids().cloned().collect(),
            influences: map
                .influences
                .iter()
                .map(|i| (i.from.clone(), i.to.clone(), i.sign, link_confidence(i)))
                .collect(),
        }
    }

    /// Compared in place, without building another: this runs on every revision.
    fn matches(&self, map: &Map) -> bool {
        self.nodes.len() == map.stages.len() + map.determinants.len()
            && self.influences.len() == map.influences.len()
            && self.nodes.iter().eq(map.node_ids())
            && self
                .influences
                .iter()
                .zip(&map.influences)
                .all(|((from, to, sign, sure), i)| {
                    *from == i.from && *to == i.to && *sign == i.sign && *sure == link_confidence(i)
                })
    }
}

/// The analysis of one revision of the map.
pub struct MapAnalysis {
    pub reach: Reachability,
    pub matrix: Matrix,
    pub loops: Loops,
    pub pressure: Vec<StagePressurePoints>,
    pub hints: Vec<Hint>,
    /// How sure each feed is: the highest confidence at which the determinant reaches the stage.
    pub confidence: StrongestConfidence,
}

impl MapAnalysis {
    pub fn compute(map: &Map) -> Self {
        let reach = Reachability::compute(map);
        let matrix = Matrix::compute(map, &reach);
        let loops = feedback_loops(reach.graph(), LOOP_LIMIT);
        let pressure = pressure_points(reach.graph());
        let hints = coding_hints(map, &reach);
        let confidence = StrongestConfidence::with_reach(map, &reach);
        MapAnalysis {
            reach,
            matrix,
            loops,
            pressure,
            hints,
            confidence,
        }
    }

    /// The same analysis for an edit that kept the structure: the graph results are reused, and
    /// so is the matrix (its rows are ids and cells, both from the structure; labels are read
    /// from the map when drawn).
    fn recode(&mut self, map: &Map) {
        self.hints = coding_hints(map, &self.reach);
    }
}

/// The map's analysis with one determinant left out (its influences ignored; the map unchanged).
pub struct KnockOutResult {
    pub determinant: Id,
    pub losses: KnockOut,
    pub reach: Reachability,
    pub matrix: Matrix,
    /// How sure each remaining feed is without the determinant.
    pub confidence: StrongestConfidence,
}

impl KnockOutResult {
    fn compute(map: &Map, analysis: &MapAnalysis, determinant: &Id) -> Option<Self> {
        let losses = knock_out(analysis.reach.graph(), determinant)?;
        // The same "without" as `Matrix::with_knocked_out`, keeping its reachability for the paths.
        let reach = Reachability::of_graph(MapGraph::without(map, determinant));
        let matrix = Matrix::compute(map, &reach);
        let without = Map {
            influences: map
                .influences
                .iter()
                .filter(|i| &i.from != determinant && &i.to != determinant)
                .cloned()
                .collect(),
            ..map.clone()
        };
        let confidence = StrongestConfidence::with_reach(&without, &reach);
        Some(KnockOutResult {
            determinant: determinant.clone(),
            losses,
            reach,
            matrix,
            confidence,
        })
    }
}

/// The results that depend on the analysis view too.
pub struct ViewResults {
    /// The matrix body: group headings and the determinants that pass the filters.
    pub rows: Vec<Row>,
    /// Every determinant's cells as shown, in map order (filtered-out ones too).
    pub cells: Vec<Vec<Shown>>,
    /// Beside `cells`: how sure each filled cell is (the strongest confidence of what it shows).
    pub confidence: Vec<Vec<Option<Level>>>,
    /// Per stage, over the rows shown.
    pub totals: Vec<Totals>,
    pub emphasis: Emphasis,
    pub summary: Option<Summary>,
}

#[derive(Default)]
pub struct Derived {
    map_key: Option<(u64, u64, Level)>,
    /// The map with only the influences of the view's minimum confidence, when that leaves any
    /// out: what everything but the canvas' marks is derived from.
    analysed: Option<Map>,
    /// Counts structure changes: the knock-out is keyed on it, not on the revision, so a drag or
    /// a label typed while a determinant is knocked out does not search the graph again.
    structure_version: u64,
    knock_key: Option<(u64, Option<Id>)>,
    view_key: Option<(u64, u64, u64)>,
    /// The structure the graph results in `analysis` were computed for.
    structure: Structure,
    /// How many times the map's graph analysis was computed: what the cache saves, counted for its tests.
    computations: u64,
    pub analysis: Option<MapAnalysis>,
    pub knock: Option<KnockOutResult>,
    pub view: Option<ViewResults>,
}

impl Derived {
    /// Brings everything up to date with `doc` and `view`; does nothing when neither changed.
    pub fn refresh(&mut self, doc: &Document, view: &AnalysisView) {
        if !view.active() {
            return;
        }
        let map_key = (doc.serial, doc.revision, view.min_confidence);
        let map_changed = self.map_key != Some(map_key);
        if map_changed {
            self.analysed = (view.min_confidence > Level::Low
                && doc
                    .map
                    .influences
                    .iter()
                    .any(|i| link_confidence(i) < view.min_confidence))
            .then(|| with_min_confidence(&doc.map, view.min_confidence));
        }
        let map = self.analysed.as_ref().unwrap_or(&doc.map);
        if map_changed {
            match &mut self.analysis {
                Some(analysis) if self.structure.matches(map) => analysis.recode(map),
                _ => {
                    self.analysis = Some(MapAnalysis::compute(map));
                    self.structure = Structure::of(map);
                    self.structure_version += 1;
                    self.computations += 1;
                }
            }
            self.map_key = Some(map_key);
        }
        let analysis = self.analysis.as_ref().expect("computed just above");
        let knock_key = (self.structure_version, view.knocked_out.clone());
        if self.knock_key.as_ref() != Some(&knock_key) {
            self.knock = view
                .knocked_out
                .as_ref()
                .and_then(|d| KnockOutResult::compute(map, analysis, d));
            self.knock_key = Some(knock_key);
        }
        let view_key = (doc.serial, doc.revision, view.version);
        if self.view_key != Some(view_key) {
            self.view = Some(view_results(&doc.map, map, analysis, self.knock.as_ref(), view));
            self.view_key = Some(view_key);
        }
    }

    /// How many times the map's analysis has been computed.
    pub fn computations(&self) -> u64 {
        self.computations
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

/// `drawn` is the map as the canvas draws it, `map` the one analysed (the same, or with only the
/// influences of the minimum confidence).
fn view_results(
    drawn: &Map,
    map: &Map,
    analysis: &MapAnalysis,
    knock: Option<&KnockOutResult>,
    view: &AnalysisView,
) -> ViewResults {
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
    let mut totals = rows::totals(&shown_rows, map.stages.len());
    let confidence = rows::confidence(
        map,
        &cells,
        &analysis.confidence,
        knock.map(|k| &k.confidence),
        view.direct_only,
    );
    rows::count_confidence(
        &mut totals,
        body.iter().filter_map(|r| match r {
            Row::Determinant(i) => Some((&cells[*i], &confidence[*i])),
            Row::Group { .. } => None,
        }),
    );
    let reach = knock.map_or(&analysis.reach, |k| &k.reach);
    let summary = view
        .focus
        .as_ref()
        .and_then(|f| summary::summarise(map, analysis, reach, knock, &cells, &confidence, &admitted, view, f));
    let lit = summary.as_ref().map(|s| summary::lit(map, s, view.direct_only, knock));
    let emphasis = Emphasis::compute(
        drawn,
        &admitted,
        lit.as_ref(),
        knock.map(|k| &k.losses),
        view.min_confidence,
    );
    ViewResults {
        rows: body,
        cells,
        confidence,
        totals,
        emphasis,
        summary,
    }
}

#[cfg(test)]
mod tests {
    use super::super::analysis_view::{AnalysisRequest, Focus};
    use super::*;

    fn chile() -> Document {
        let map = crate::samples::find("chile-anti-trafficking.ron")
            .unwrap()
            .load()
            .unwrap();
        Document::new(map, None)
    }

    #[test]
    fn the_analysis_is_computed_once_per_revision_and_not_while_the_panel_is_closed() {
        let mut doc = chile();
        let mut view = AnalysisView::default();
        let mut derived = Derived::default();
        derived.refresh(&doc, &view);
        assert_eq!(derived.computations(), 0, "closed panel: nothing computed");
        view.set_open(true);
        for _ in 0..3 {
            derived.refresh(&doc, &view);
        }
        assert_eq!(derived.computations(), 1, "frames without a change reuse the analysis");
        view.apply(AnalysisRequest::Focus(Some(Focus::Stage("s2-adoption".into()))));
        derived.refresh(&doc, &view);
        assert_eq!(derived.computations(), 1, "a new focus reuses the map's analysis");
        assert!(matches!(derived.current().unwrap().summary, Some(Summary::Stage(_))));
        doc.revision += 1;
        doc.map.influences[0].sign = doc.map.influences[0].sign.flipped();
        derived.refresh(&doc, &view);
        assert_eq!(
            derived.computations(),
            2,
            "a new revision that changes a sign recomputes"
        );
    }

    /// A label, a coding or a position does not change what feeds what: the graph results are kept,
    /// and the matrix and hints, which show coding and labels, follow the edit.
    #[test]
    fn an_edit_that_keeps_the_structure_reuses_the_graph_analysis() {
        // The documented example: its 2010 earthquake reaches a stage only through the bill.
        let example = crate::format::load_str(include_str!("../../../tests/data/valid/example.ron")).unwrap();
        let mut doc = Document::new(example, None);
        let mut view = AnalysisView::default();
        view.set_open(true);
        let mut derived = Derived::default();
        derived.refresh(&doc, &view);
        assert_eq!(derived.computations(), 1);
        let hints_before = derived.analysis.as_ref().unwrap().hints.len();
        // A recoding of directness that changes the coding hints (found with the core's own functions).
        let reach = Reachability::compute(&doc.map);
        let recoded = |map: &Map, k: usize| {
            let mut map = map.clone();
            let d = &mut map.determinants[k];
            d.directness = match d.directness {
                Some(crate::model::Directness::Direct) => Some(crate::model::Directness::Indirect),
                _ => Some(crate::model::Directness::Direct),
            };
            map
        };
        let k = (0..doc.map.determinants.len())
            .find(|&k| coding_hints(&recoded(&doc.map, k), &reach).len() != hints_before)
            .expect("coding the earthquake direct gives a hint");
        doc.map = recoded(&doc.map, k);
        doc.map.determinants[k].label.push_str(" (relabelled)");
        doc.map.determinants[k].position.x += 50.0;
        doc.revision += 1;
        derived.refresh(&doc, &view);
        assert_eq!(
            derived.computations(),
            1,
            "same structure: the graph analysis is reused"
        );
        let analysis = derived.analysis.as_ref().unwrap();
        assert_ne!(analysis.hints.len(), hints_before, "the hints follow the recoding");
        assert_eq!(analysis.hints, coding_hints(&doc.map, &analysis.reach));
        // Adding an influence changes the structure.
        let mut added = doc.map.influences[0].clone();
        added.id = "i-new".into();
        doc.map.influences.push(added);
        doc.revision += 1;
        derived.refresh(&doc, &view);
        assert_eq!(derived.computations(), 2);
    }

    /// A knock-out is a search of the graph: an edit that keeps the structure (a label typed, a
    /// box dragged) keeps it and the matrix; one that changes the structure recomputes both.
    #[test]
    fn a_knock_out_follows_the_structure_not_every_edit() {
        let mut doc = chile();
        let mut view = AnalysisView::default();
        view.set_open(true);
        let knocked = doc.map.determinants[0].id.clone();
        view.apply(AnalysisRequest::KnockOut(Some(knocked)));
        let mut derived = Derived::default();
        derived.refresh(&doc, &view);
        assert!(derived.knock.is_some());
        let key = derived.knock_key.clone();
        let matrix_rows = derived.analysis.as_ref().unwrap().matrix.rows.len();
        doc.map.determinants[3].label.push_str(" (relabelled)");
        doc.map.determinants[3].position.x += 40.0;
        doc.revision += 1;
        derived.refresh(&doc, &view);
        assert_eq!(derived.knock_key, key, "same structure: the knock-out is kept");
        assert_eq!(derived.analysis.as_ref().unwrap().matrix.rows.len(), matrix_rows);
        let mut added = doc.map.influences[0].clone();
        added.id = "i-new".into();
        added.sign = added.sign.flipped();
        doc.map.influences.push(added);
        doc.revision += 1;
        derived.refresh(&doc, &view);
        assert_ne!(derived.knock_key, key, "a new influence: computed again");
        assert_eq!(
            derived.analysis.as_ref().unwrap().matrix,
            Matrix::compute(&doc.map, &Reachability::compute(&doc.map))
        );
    }

    #[test]
    fn a_knock_out_of_something_that_is_not_a_determinant_is_computed_once_and_shows_nothing() {
        let doc = chile();
        let mut view = AnalysisView::default();
        view.set_open(true);
        view.apply(AnalysisRequest::KnockOut(Some("s2-adoption".into())));
        let mut derived = Derived::default();
        derived.refresh(&doc, &view);
        assert!(derived.knock.is_none());
        let key = derived.knock_key.clone();
        derived.refresh(&doc, &view);
        assert_eq!(derived.knock_key, key);
    }
}
