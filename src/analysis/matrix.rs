//! The determinant × stage matrix: one row per determinant, one column per stage, each cell saying
//! whether the determinant feeds the stage, at what distance and with what net sign.
//!
//! It is a table view of [`Reachability`], computed once so that the window's matrix panel, the CSV
//! export and the report read the same cells and the same per-stage totals.

use super::{MapGraph, NetEffect, Reachability};
use crate::model::{Id, Map};

/// How one determinant feeds one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// Influences on the shortest path; 1 is an influence straight into the stage.
    pub distance: u32,
    pub net: NetEffect,
}

impl Cell {
    pub fn is_direct(&self) -> bool {
        self.distance == 1
    }
}

/// One determinant's row: a cell per stage, `None` where it does not feed that stage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MatrixRow {
    pub determinant: Id,
    pub cells: Vec<Option<Cell>>,
}

/// How many determinants feed one stage, and how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StageTotals {
    pub feeders: usize,
    pub direct: usize,
    pub enabling: usize,
    /// Feeders whose every path into the stage hinders it.
    pub hindering: usize,
    /// Feeders with paths of both signs.
    pub mixed: usize,
}

/// The whole matrix: rows in the map's determinant order, columns in the map's stage order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub stages: Vec<Id>,
    pub rows: Vec<MatrixRow>,
    /// One entry per column of `stages`.
    pub totals: Vec<StageTotals>,
}

impl Matrix {
    /// Builds the matrix of `map` from its reachability. Pass the reachability of a map with a
    /// determinant knocked out to see what the map would look like without it.
    pub fn compute(map: &Map, reach: &Reachability) -> Matrix {
        let stages: Vec<Id> = map.stages.iter().map(|s| s.id.clone()).collect();
        // Each of the reachability's stages' column, found once (a stage it does not know, never
        // in a map it was computed from, has none and is skipped).
        let column: foldhash::HashMap<&Id, usize> = stages.iter().enumerate().map(|(i, s)| (s, i)).collect();
        let columns: Vec<Option<usize>> = reach.stages().iter().map(|s| column.get(&s.stage).copied()).collect();
        let rows: Vec<MatrixRow> = map
            .determinants
            .iter()
            .map(|d| {
                let mut cells = vec![None; stages.len()];
                for (k, feeder) in reach.feeds_of(&d.id) {
                    if let Some(col) = columns[k] {
                        cells[col] = Some(Cell {
                            distance: feeder.distance,
                            net: feeder.net,
                        });
                    }
                }
                MatrixRow {
                    determinant: d.id.clone(),
                    cells,
                }
            })
            .collect();
        let mut totals = vec![StageTotals::default(); stages.len()];
        for row in &rows {
            for (cell, total) in row.cells.iter().zip(totals.iter_mut()) {
                let Some(cell) = cell else { continue };
                total.feeders += 1;
                total.direct += usize::from(cell.is_direct());
                match cell.net {
                    NetEffect::Enables => total.enabling += 1,
                    NetEffect::Hinders => total.hindering += 1,
                    NetEffect::Mixed => total.mixed += 1,
                }
            }
        }
        Matrix { stages, rows, totals }
    }

    /// The matrix as it would be without `determinant` (the "what if" of a knock-out): its
    /// influences are left out, so it feeds nothing and nothing feeds a stage through it. The map is
    /// not changed; the determinant keeps its (empty) row so rows line up with [`Matrix::compute`].
    pub fn with_knocked_out(map: &Map, determinant: &Id) -> Matrix {
        Matrix::compute(map, &Reachability::of_graph(MapGraph::without(map, determinant)))
    }

    /// The cell of `determinant` and `stage`, if the one feeds the other.
    pub fn cell(&self, determinant: &Id, stage: &Id) -> Option<Cell> {
        let col = self.stages.iter().position(|s| s == stage)?;
        self.rows.iter().find(|r| &r.determinant == determinant)?.cells[col]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Category, Colour, Determinant, Influence, Position, Sign, Stage};

    fn map() -> Map {
        let stage = |id: &str| Stage {
            id: id.into(),
            label: id.into(),
            description: String::new(),
            position: Position::default(),
        };
        let det = |id: &str| Determinant::uncoded(id, id, vec!["C".into()], Position::default());
        let inf = |id: &str, from: &str, to: &str, sign| Influence {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            sign,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: vec![],
        };
        Map {
            categories: vec![Category {
                name: "C".into(),
                colour: Colour([0, 0, 0]),
            }],
            stages: vec![stage("s1"), stage("s2")],
            determinants: vec![det("a"), det("b"), det("c")],
            // a -> s1; b -| a; c -> s2 and c -| s2 (mixed)
            influences: vec![
                inf("i1", "a", "s1", Sign::Enables),
                inf("i2", "b", "a", Sign::Hinders),
                inf("i3", "c", "s2", Sign::Enables),
                inf("i4", "c", "s2", Sign::Hinders),
            ],
            ..Map::default()
        }
    }

    #[test]
    fn cells_and_totals_follow_the_reachability() {
        let map = map();
        let m = Matrix::compute(&map, &Reachability::compute(&map));
        let cells: Vec<Vec<Option<(u32, NetEffect)>>> = m
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.map(|c| (c.distance, c.net))).collect())
            .collect();
        assert_eq!(
            cells,
            vec![
                vec![Some((1, NetEffect::Enables)), None],
                vec![Some((2, NetEffect::Hinders)), None],
                vec![None, Some((1, NetEffect::Mixed))],
            ]
        );
        assert_eq!(
            m.totals[0],
            StageTotals {
                feeders: 2,
                direct: 1,
                enabling: 1,
                hindering: 1,
                mixed: 0
            }
        );
        assert_eq!(
            m.totals[1],
            StageTotals {
                feeders: 1,
                direct: 1,
                enabling: 0,
                hindering: 0,
                mixed: 1
            }
        );
        assert_eq!(m.cell(&"b".into(), &"s1".into()).map(|c| c.distance), Some(2));
        assert_eq!(m.cell(&"b".into(), &"s2".into()), None);
    }

    #[test]
    fn knocking_out_a_determinant_empties_its_row_and_what_ran_through_it() {
        let map = map();
        let m = Matrix::with_knocked_out(&map, &"a".into());
        assert_eq!(m.rows.len(), 3);
        assert!(m.rows[0].cells.iter().all(Option::is_none), "a feeds nothing");
        assert!(
            m.rows[1].cells.iter().all(Option::is_none),
            "b reached s1 only through a"
        );
        assert_eq!(m.cell(&"c".into(), &"s2".into()).map(|c| c.net), Some(NetEffect::Mixed));
        assert_eq!(m.totals[0].feeders, 0);
    }
}
