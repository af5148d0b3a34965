//! What the analysis panel says about the focus (a stage, a determinant, a cell, a loop), and
//! which nodes and influences of the canvas that brings forward.

use super::super::analysis_view::{AnalysisView, Focus};
use super::emphasis::Lit;
use super::explain::{self, PathText};
use super::rows::Shown;
use super::{KnockOutResult, MapAnalysis};
use crate::analysis::{Cell, FeedbackLoop, Hint, PressurePoint, Reachability, StageLoss};
use crate::model::{Id, Level, Map, Nature};

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
        /// The strongest confidence with which it feeds the stage (none when it does not).
        confidence: Option<Level>,
    },
    Loop(FeedbackLoop),
}

/// A feeder of a stage: the determinant, its cell, and how sure that feed is.
pub type Feeder = (Id, Cell, Option<Level>);

/// What feeds one stage (determinants that pass the filters), and what its paths depend on.
#[derive(Debug, Clone, PartialEq)]
pub struct StageSummary {
    pub stage: Id,
    pub direct: Vec<Feeder>,
    pub indirect: Vec<Feeder>,
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
    /// Every stage, in order, with what its cell shows and how sure that is.
    pub feeds: Vec<(Id, Shown, Option<Level>)>,
    /// One shortest explaining path per stage fed.
    pub paths: Vec<PathText>,
    pub hints: Vec<Hint>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn summarise(
    map: &Map,
    analysis: &MapAnalysis,
    reach: &Reachability,
    knock: Option<&KnockOutResult>,
    cells: &[Vec<Shown>],
    confidence: &[Vec<Option<Level>>],
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
                        let feeder = (d.id.clone(), c, confidence[i][col]);
                        if c.is_direct() {
                            direct.push(feeder);
                        } else {
                            indirect.push(feeder);
                        }
                        if d.nature == Some(Nature::PressurePoint) {
                            coded.push(d.id.clone());
                        }
                    }
                    Shown::Lost(_) => lost.push(d.id.clone()),
                    Shown::Empty => {}
                }
            }
            indirect.sort_by_key(|(_, c, _)| c.distance);
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
            let feeds: Vec<(Id, Shown, Option<Level>)> = map
                .stages
                .iter()
                .zip(cells[row].iter().zip(&confidence[row]))
                .map(|(s, (shown, sure))| (s.id.clone(), *shown, *sure))
                .collect();
            let paths = feeds
                .iter()
                .filter(|(_, shown, _)| matches!(shown, Shown::Feeds(_)))
                .filter_map(|(stage, _, _)| {
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
            let (row, col) = (row_of(determinant)?, col_of(stage)?);
            let shown = cells[row][col];
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
                confidence: confidence[row][col],
            }
        }
        Focus::Loop(l) => Summary::Loop(l.clone()),
    })
}

/// The nodes and influences a summary is about.
pub(super) fn lit(map: &Map, summary: &Summary, direct_only: bool, knock: Option<&KnockOutResult>) -> Lit {
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
                .extend(s.direct.iter().chain(&s.indirect).map(|(d, _, _)| d.clone()));
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
