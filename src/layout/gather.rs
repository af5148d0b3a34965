//! A few nodes of a map brought together, for a view that shows only them: a presentation step
//! whose items lie too far apart on the map to be framed with their labels readable.
//!
//! The nodes keep the flow layout's reading (stages on the right, what feeds them to the left,
//! the order within a column that crosses least), but a column taller than the view is folded
//! into several side by side, in a brick pattern: node `i` of a column goes to sub-column
//! `i mod k`, and each sub-column sits a fraction of a row lower than the one before, so a link
//! from a sub-column on the left passes between the boxes of the next. The number of rows is the
//! one that makes the whole as large as it can be drawn in a frame of the given size.

use super::flow_layout;
use crate::geometry::MapGeometry;
use crate::model::{Id, Map, Position};
use std::collections::{BTreeMap, HashSet};

/// The room between two boxes of a column, for the links that pass between them.
const ROW_ROOM: f32 = 20.0;
/// From one column's centre to the next: tighter than the map's flow layout (which leaves more
/// room between columns for the many links of a whole map); a determinant box is 180 wide, a stage 230.
const COLUMN_PITCH: f32 = 250.0;

/// Positions for the stages and determinants of `map` named in `ids` (in map order), laid out on
/// their own as large as they fit in a frame of `frame` map units (width, height), centred on
/// `centre`. The influences between them shape the layout; the rest of the map is ignored.
pub fn gather(map: &Map, ids: &HashSet<Id>, frame: (f32, f32), centre: Position) -> Vec<(Id, Position)> {
    let sub = map.only(ids);
    let flow = flow_layout(&sub);
    let boxes: Vec<(f32, f32)> = MapGeometry::new(&sub)
        .nodes
        .iter()
        .map(|n| (n.rect.width() as f32, n.rect.height() as f32))
        .collect();
    // Rows as tall as the tallest box gathered, and the room for links between.
    let pitch = boxes.iter().map(|b| b.1).fold(0.0, f32::max) + ROW_ROOM;
    // The flow layout's columns, left to right, each top to bottom (its positions are exact
    // multiples of the column gap, so equal x is one column).
    let mut columns: BTreeMap<i64, Vec<(f32, usize)>> = BTreeMap::new();
    for (k, (_, p)) in flow.iter().enumerate() {
        columns.entry(p.x.round() as i64).or_default().push((p.y, k));
    }
    let columns: Vec<Vec<usize>> = columns
        .into_values()
        .map(|mut c| {
            c.sort_by(|a, b| a.0.total_cmp(&b.0));
            c.into_iter().map(|(_, k)| k).collect()
        })
        .collect();
    // The number of rows that draws the whole largest in the frame (the fewest columns among
    // equals): tried for each number of folds of the tallest column, up to a bound, so the cost
    // stays linear in the nodes gathered.
    let most = columns.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let scale = |places: &[Position]| {
        let (w, h) = extent(places, &boxes);
        (frame.0 / w.max(1.0)).min(frame.1 / h.max(1.0))
    };
    let mut best: Option<(f32, Vec<Position>)> = None;
    for folds in 1..=most.min(MOST_FOLDS) {
        let places = arrange(&columns, most.div_ceil(folds), pitch, flow.len());
        let s = scale(&places);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, places));
        }
    }
    let places = best.map(|(_, p)| p).unwrap_or_default();
    let mut out: Vec<(Id, Position)> = flow.into_iter().map(|(id, _)| id).zip(places).collect();
    // Centred on `centre`.
    let (lo, hi) = out.iter().fold(
        (Position::new(f32::MAX, f32::MAX), Position::new(f32::MIN, f32::MIN)),
        |(lo, hi), (_, p)| {
            (
                Position::new(lo.x.min(p.x), lo.y.min(p.y)),
                Position::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        },
    );
    let (dx, dy) = (centre.x - (lo.x + hi.x) / 2.0, centre.y - (lo.y + hi.y) / 2.0);
    for (_, p) in &mut out {
        *p = Position::new(p.x + dx, p.y + dy);
    }
    out
}

/// The most folds of the tallest column tried: far more than a readable view has.
const MOST_FOLDS: usize = 24;

/// Where each node (by its index in the flow layout) goes with every column folded to at most
/// `rows` rows, `pitch` apart; the first column at x = 0.
fn arrange(columns: &[Vec<usize>], rows: usize, pitch: f32, count: usize) -> Vec<Position> {
    let mut places = vec![Position::default(); count];
    let mut x = 0.0;
    for column in columns {
        let folds = column.len().div_ceil(rows).max(1);
        let tallest = column.len().div_ceil(folds);
        for (i, &k) in column.iter().enumerate() {
            let (fold, at) = (i % folds, i / folds);
            // Each fold a fraction of a row lower than the one before, so links pass between.
            let stagger = fold as f32 / folds as f32;
            let y = (at as f32 + stagger - (tallest as f32 - 1.0) / 2.0) * pitch;
            places[k] = Position::new(x + fold as f32 * COLUMN_PITCH, y);
        }
        x += folds as f32 * COLUMN_PITCH;
    }
    places
}

/// The width and height of the boxes (width, height each) centred on `places`.
fn extent(places: &[Position], boxes: &[(f32, f32)]) -> (f32, f32) {
    let mut lo = (f32::MAX, f32::MAX);
    let mut hi = (f32::MIN, f32::MIN);
    for (p, (w, h)) in places.iter().zip(boxes) {
        lo = (lo.0.min(p.x - w / 2.0), lo.1.min(p.y - h / 2.0));
        hi = (hi.0.max(p.x + w / 2.0), hi.1.max(p.y + h / 2.0));
    }
    (hi.0 - lo.0, hi.1 - lo.1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::STAGE_WIDTH;
    use crate::model::{Determinant, Influence, Sign, Stage};

    fn star(feeders: usize) -> Map {
        let mut map = Map {
            stages: vec![Stage {
                id: "s".into(),
                label: "Stage".into(),
                description: String::new(),
                position: Position::default(),
            }],
            ..Map::default()
        };
        for k in 0..feeders {
            let id = format!("d{k}");
            let label = format!("Feeder {k}");
            map.determinants
                .push(Determinant::uncoded(id.as_str(), label, vec![], Position::default()));
            map.influences.push(Influence {
                id: format!("i{k}").as_str().into(),
                from: id.as_str().into(),
                to: "s".into(),
                sign: Sign::Enables,
                strength: None,
                confidence: None,
                note: String::new(),
                evidence: vec![],
            });
        }
        map
    }

    fn all(map: &Map) -> HashSet<Id> {
        map.stages
            .iter()
            .map(|s| s.id.clone())
            .chain(map.determinants.iter().map(|d| d.id.clone()))
            .collect()
    }

    /// Boxes of every pair of nodes keep apart: no box is drawn over another.
    fn assert_apart(places: &[(Id, Position)]) {
        for (a, pa) in places {
            for (b, pb) in places {
                if a < b {
                    let (dx, dy) = ((pa.x - pb.x).abs(), (pa.y - pb.y).abs());
                    assert!(
                        dx >= STAGE_WIDTH as f32 || dy >= crate::geometry::MIN_STAGE_HEIGHT as f32,
                        "{a} at {pa:?} and {b} at {pb:?} overlap"
                    );
                }
            }
        }
    }

    #[test]
    fn a_tall_star_is_folded_to_fit_a_wide_frame_and_nothing_overlaps() {
        let map = star(12);
        let frame = (1500.0, 510.0);
        let places = gather(&map, &all(&map), frame, Position::new(0.0, 0.0));
        assert_eq!(places.len(), 13);
        assert_apart(&places);
        let xs: Vec<f32> = places.iter().map(|(_, p)| p.x).collect();
        let ys: Vec<f32> = places.iter().map(|(_, p)| p.y).collect();
        let width = xs.iter().cloned().fold(f32::MIN, f32::max) - xs.iter().cloned().fold(f32::MAX, f32::min);
        let height = ys.iter().cloned().fold(f32::MIN, f32::max) - ys.iter().cloned().fold(f32::MAX, f32::min);
        // One column of 12 would be 1,210 units tall; folded, the whole reads at a larger scale.
        let pitch = 52.0 + ROW_ROOM;
        let one_column = (frame.0 / 500.0).min(frame.1 / (11.0 * pitch + 52.0));
        let folded = (frame.0 / (width + STAGE_WIDTH as f32)).min(frame.1 / (height + 52.0));
        assert!(folded > 1.5 * one_column, "{folded} vs {one_column}");
        // The stage is still right of every feeder.
        let stage = places[0].1;
        assert!(places[1..].iter().all(|(_, p)| p.x < stage.x));
    }

    #[test]
    fn only_the_named_nodes_are_placed_and_centred_where_asked() {
        let map = star(5);
        let ids: HashSet<Id> = ["s", "d1", "d3"].into_iter().map(Id::from).collect();
        let centre = Position::new(700.0, -40.0);
        let places = gather(&map, &ids, (1500.0, 510.0), centre);
        let names: Vec<&str> = places.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(names, ["s", "d1", "d3"]);
        let (lo_x, hi_x) = places
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), (_, p)| (a.min(p.x), b.max(p.x)));
        let (lo_y, hi_y) = places
            .iter()
            .fold((f32::MAX, f32::MIN), |(a, b), (_, p)| (a.min(p.y), b.max(p.y)));
        assert_eq!(((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0), (centre.x, centre.y));
        assert_apart(&places);
    }
}
