//! The matrix as the panel shows it: which rows, in which groups, and what each cell says once the
//! knock-out and "direct feeders only" are taken into account, with totals over the rows shown.

use super::super::analysis_view::{AnalysisView, Grouping};
use crate::analysis::{Cell, Matrix, NetEffect, StrongestConfidence, link_confidence};
use crate::model::{Determinant, Id, Level, Map};
use std::collections::HashMap;

/// A line of the matrix body.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A group heading, e.g. "external (12)".
    Group { title: String, count: usize },
    /// The determinant at this index of the map (and of the matrix's rows).
    Determinant(usize),
}

/// What one cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Empty,
    Feeds(Cell),
    /// Fed the stage as the map is drawn; does not once the knocked-out determinant is gone.
    Lost(Cell),
}

/// Per stage, over the rows shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub feed: usize,
    pub direct: usize,
    /// Every path from these into the stage hinders it.
    pub hinder: usize,
    pub mixed: usize,
    pub lost: usize,
    /// Feeds that rest only on low-confidence influences (tentative), and those whose surest
    /// path has medium confidence.
    pub low: usize,
    pub medium: usize,
}

/// What a cell shows: the matrix without the knocked-out determinant (`after`) compared with the
/// map as drawn (`before`); with `direct_only`, only influences straight into the stage count.
pub fn shown(before: Option<Cell>, after: Option<Option<Cell>>, direct_only: bool) -> Shown {
    let keep = |c: Option<Cell>| c.filter(|c| !direct_only || c.is_direct());
    let before = keep(before);
    match after {
        None => before.map_or(Shown::Empty, Shown::Feeds),
        Some(after) => match (before, keep(after)) {
            (_, Some(c)) => Shown::Feeds(c),
            (Some(c), None) => Shown::Lost(c),
            (None, None) => Shown::Empty,
        },
    }
}

/// The cells of row `row`, column by column, as shown.
pub fn shown_row(matrix: &Matrix, knocked: Option<&Matrix>, row: usize, direct_only: bool) -> Vec<Shown> {
    let before = &matrix.rows[row].cells;
    (0..before.len())
        .map(|col| shown(before[col], knocked.map(|m| m.rows[row].cells[col]), direct_only))
        .collect()
}

/// The determinants that pass the filters, grouped as asked (map order within a group, groups in
/// the order of the map's category list or of the axis' values, "not coded" last).
pub fn rows(map: &Map, view: &AnalysisView) -> Vec<Row> {
    let admitted: Vec<usize> = (0..map.determinants.len())
        .filter(|&i| view.filters.admits(&map.determinants[i]))
        .collect();
    let keys: Vec<String> = match view.grouping {
        Grouping::MapOrder => return admitted.into_iter().map(Row::Determinant).collect(),
        Grouping::Category => map.categories.iter().map(|c| c.name.clone()).collect(),
        Grouping::Locus => words(crate::model::Locus::ALL.iter().map(|v| v.as_str())),
        Grouping::Directness => words(crate::model::Directness::ALL.iter().map(|v| v.as_str())),
        Grouping::Nature => words(crate::model::Nature::ALL.iter().map(|v| v.as_str())),
        Grouping::Effect => words(crate::model::Effect::ALL.iter().map(|v| v.as_str())),
    };
    let mut groups: Vec<(String, Vec<usize>)> = keys.into_iter().map(|k| (k, Vec::new())).collect();
    let mut rest = Vec::new();
    for i in admitted {
        let key = group_key(&map.determinants[i], view.grouping);
        match key.and_then(|k| groups.iter_mut().find(|(name, _)| *name == k)) {
            Some((_, members)) => members.push(i),
            None => rest.push(i),
        }
    }
    let last = if view.grouping == Grouping::Category {
        "no category"
    } else {
        "not coded"
    };
    groups.push((last.to_owned(), rest));
    let mut out = Vec::new();
    for (title, members) in groups.into_iter().filter(|(_, m)| !m.is_empty()) {
        out.push(Row::Group {
            title: title.replace('_', " "),
            count: members.len(),
        });
        out.extend(members.into_iter().map(Row::Determinant));
    }
    out
}

fn words<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    values.map(str::to_owned).collect()
}

fn group_key(d: &Determinant, grouping: Grouping) -> Option<String> {
    let word = |s: &str| s.to_owned();
    match grouping {
        Grouping::MapOrder => None,
        Grouping::Category => d.categories.first().cloned(),
        Grouping::Locus => d.locus.map(|v| word(v.as_str())),
        Grouping::Directness => d.directness.map(|v| word(v.as_str())),
        Grouping::Nature => d.nature.map(|v| word(v.as_str())),
        Grouping::Effect => Some(word(d.effect.as_str())),
    }
}

/// How sure each shown cell is, beside `cells`: a feed's strongest confidence (without the
/// knocked-out determinant when there is one, `after`), a lost feed's as the map is drawn. With
/// `direct_only` a cell shows only the influences straight into the stage, so it is as sure as
/// the surest of those.
pub fn confidence(
    map: &Map,
    cells: &[Vec<Shown>],
    before: &StrongestConfidence,
    after: Option<&StrongestConfidence>,
    direct_only: bool,
) -> Vec<Vec<Option<Level>>> {
    if direct_only {
        let mut direct: HashMap<(&Id, &Id), Level> = HashMap::new();
        for i in &map.influences {
            let sure = direct.entry((&i.from, &i.to)).or_insert(Level::Low);
            *sure = (*sure).max(link_confidence(i));
        }
        return map
            .determinants
            .iter()
            .zip(cells)
            .map(|(d, row)| {
                map.stages
                    .iter()
                    .zip(row)
                    .map(|(s, shown)| match shown {
                        Shown::Empty => None,
                        _ => direct.get(&(&d.id, &s.id)).copied(),
                    })
                    .collect()
            })
            .collect();
    }
    map.determinants
        .iter()
        .zip(cells)
        .map(|(d, row)| {
            map.stages
                .iter()
                .zip(row)
                .map(|(s, shown)| match shown {
                    Shown::Feeds(_) => after.unwrap_or(before).get(&d.id, &s.id),
                    Shown::Lost(_) => before.get(&d.id, &s.id),
                    Shown::Empty => None,
                })
                .collect()
        })
        .collect()
}

/// Adds to `totals` how many of the rows shown feed each stage only at low or medium confidence:
/// feeds only (a feed the knock-out took away is counted as lost, not as tentative).
pub fn count_confidence<'a>(
    totals: &mut [Totals],
    shown_rows: impl Iterator<Item = (&'a Vec<Shown>, &'a Vec<Option<Level>>)>,
) {
    for (cells, row) in shown_rows {
        for ((cell, sure), t) in cells.iter().zip(row).zip(totals.iter_mut()) {
            match (cell, sure) {
                (Shown::Feeds(_), Some(Level::Low)) => t.low += 1,
                (Shown::Feeds(_), Some(Level::Medium)) => t.medium += 1,
                _ => {}
            }
        }
    }
}

/// Totals per stage over the rows shown, counting cells as shown.
pub fn totals(shown_rows: &[Vec<Shown>], stages: usize) -> Vec<Totals> {
    let mut totals = vec![Totals::default(); stages];
    for row in shown_rows {
        for (cell, t) in row.iter().zip(totals.iter_mut()) {
            match cell {
                Shown::Feeds(c) => {
                    t.feed += 1;
                    t.direct += usize::from(c.is_direct());
                    match c.net {
                        NetEffect::Hinders => t.hinder += 1,
                        NetEffect::Mixed => t.mixed += 1,
                        NetEffect::Enables => {}
                    }
                }
                Shown::Lost(_) => t.lost += 1,
                Shown::Empty => {}
            }
        }
    }
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIRECT: Cell = Cell {
        distance: 1,
        net: NetEffect::Enables,
    };
    const FAR: Cell = Cell {
        distance: 3,
        net: NetEffect::Hinders,
    };

    #[test]
    fn a_knock_out_shows_lost_cells_and_direct_only_hides_indirect_ones() {
        assert_eq!(shown(Some(FAR), None, false), Shown::Feeds(FAR));
        assert_eq!(shown(Some(FAR), None, true), Shown::Empty);
        assert_eq!(shown(Some(DIRECT), Some(None), false), Shown::Lost(DIRECT));
        assert_eq!(shown(Some(FAR), Some(None), true), Shown::Empty);
        assert_eq!(shown(Some(DIRECT), Some(Some(FAR)), false), Shown::Feeds(FAR));
        assert_eq!(shown(None, Some(None), false), Shown::Empty);
        let t = totals(
            &[
                vec![Shown::Feeds(DIRECT), Shown::Lost(FAR)],
                vec![Shown::Feeds(FAR), Shown::Empty],
            ],
            2,
        );
        assert_eq!(
            t[0],
            Totals {
                feed: 2,
                direct: 1,
                hinder: 1,
                mixed: 0,
                lost: 0,
                low: 0,
                medium: 0
            }
        );
        assert_eq!(t[1].lost, 1);
    }

    #[test]
    fn only_feeds_count_as_tentative_not_feeds_the_knock_out_took() {
        let cells = vec![vec![
            Shown::Feeds(DIRECT),
            Shown::Lost(FAR),
            Shown::Empty,
            Shown::Feeds(FAR),
        ]];
        let sure = vec![vec![Some(Level::Low), Some(Level::Low), None, Some(Level::Medium)]];
        let mut t = vec![Totals::default(); 4];
        count_confidence(&mut t, cells.iter().zip(&sure));
        assert_eq!(
            t.iter().map(|t| (t.low, t.medium)).collect::<Vec<_>>(),
            [(1, 0), (0, 0), (0, 0), (0, 1)]
        );
    }
}
