//! Where a new node goes: the free spot nearest a preferred one, so a node added from the toolbar,
//! the keyboard, a double-click or a pasted list never lands on top of another.
//!
//! A box of size `w × h` centred at `c` is free when, grown by [`GAP`] on every side, it overlaps
//! no existing box. Put the other way round, `c` must stay out of every existing box grown by
//! `w/2 + GAP` and `h/2 + GAP` (its "shadow"). The free spot nearest the preferred one `p` is `p`
//! itself, or lies on the edge of a shadow: either straight across from `p` (same x or same y) or
//! at a corner where two shadows' edges cross. So its x is `p.x` or the left or right edge of a
//! shadow, and its y is `p.y` or a shadow's top or bottom: the search visits these grid points in
//! order of distance from `p` and takes the first free one. A spatial hash answers "is this free"
//! from the few boxes nearby, so a placement costs O(n log n) for the sorting, and a bounded number
//! of visits ([`FreeSpace::place`] gives up on the nearest after 1024 + 2n of them and takes a spot
//! just outside everything, which is always free).

use crate::geometry::{Point, Rect};
use kurbo::Size;
use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

/// The least space left between a new box and any other, in map units: room for an arrowhead.
pub const GAP: f64 = 20.0;

/// Side of a cell of the spatial hash, in map units: about a box and its gap, so a query looks
/// at a handful of cells.
const CELL: f64 = 256.0;

/// The boxes already on the map, indexed by where they are; boxes placed are added, so a list of
/// new nodes placed one after another never overlap each other either.
#[derive(Debug, Clone, Default)]
pub struct FreeSpace {
    boxes: Vec<Rect>,
    cells: HashMap<(i64, i64), Vec<usize>>,
}

impl FreeSpace {
    /// The space around `boxes` (the map's node boxes, from `geometry::MapGeometry`). Boxes with
    /// a coordinate that is not finite are left out: they are drawn nowhere.
    pub fn new(boxes: impl IntoIterator<Item = Rect>) -> FreeSpace {
        let mut space = FreeSpace::default();
        for b in boxes {
            space.add(b);
        }
        space
    }

    /// Marks `rect` as taken.
    pub fn add(&mut self, rect: Rect) {
        if !(rect.x0.is_finite() && rect.y0.is_finite() && rect.x1.is_finite() && rect.y1.is_finite()) {
            return;
        }
        let k = self.boxes.len();
        self.boxes.push(rect);
        for cell in cells_of(rect) {
            self.cells.entry(cell).or_default().push(k);
        }
    }

    /// Whether a box of `size` centred at `centre`, grown by [`GAP`], overlaps no box (touching
    /// is allowed).
    pub fn is_free(&self, size: Size, centre: Point) -> bool {
        let grown = Rect::from_center_size(centre, size).inflate(GAP, GAP);
        // A box in several cells is looked at once per cell: cheaper than remembering it.
        !cells_of(grown).any(|cell| {
            self.cells
                .get(&cell)
                .is_some_and(|ks| ks.iter().any(|&k| overlaps(grown, self.boxes[k])))
        })
    }

    /// The centre for a new box of `size`: `preferred` if it is free, else the free spot nearest
    /// it (see the module documentation), in whole map units. The box is then marked taken.
    pub fn place(&mut self, size: Size, preferred: Point) -> Point {
        let centre = self.nearest_free(size, preferred);
        self.add(Rect::from_center_size(centre, size));
        centre
    }

    fn nearest_free(&self, size: Size, preferred: Point) -> Point {
        let p = Point::new(whole(preferred.x), whole(preferred.y));
        if self.is_free(size, p) {
            return p;
        }
        let (dx, dy) = (size.width / 2.0 + GAP, size.height / 2.0 + GAP);
        // The candidate coordinates, each rounded away from the shadow it comes from.
        let mut xs = vec![p.x];
        let mut ys = vec![p.y];
        for b in &self.boxes {
            xs.extend([(b.x0 - dx).floor(), (b.x1 + dx).ceil()]);
            ys.extend([(b.y0 - dy).floor(), (b.y1 + dy).ceil()]);
        }
        let by_distance = |v: &mut Vec<f64>, from: f64| {
            v.sort_by(|a, b| (a - from).abs().total_cmp(&(b - from).abs()));
            v.dedup();
        };
        by_distance(&mut xs, p.x);
        by_distance(&mut ys, p.y);
        // Best first over the grid xs × ys: distances grow along each list, so the next nearest
        // point is always a neighbour of one already visited.
        let budget = 1024 + 2 * self.boxes.len();
        let mut heap = BinaryHeap::new();
        let mut queued = HashSet::new();
        let push = |heap: &mut BinaryHeap<Candidate>, queued: &mut HashSet<(usize, usize)>, i: usize, j: usize| {
            if i < xs.len() && j < ys.len() && queued.insert((i, j)) {
                let d = (xs[i] - p.x).powi(2) + (ys[j] - p.y).powi(2);
                heap.push(Candidate { d, i, j });
            }
        };
        push(&mut heap, &mut queued, 0, 0);
        for _ in 0..budget {
            let Some(Candidate { i, j, .. }) = heap.pop() else {
                break;
            };
            let c = Point::new(xs[i], ys[j]);
            if self.is_free(size, c) {
                return c;
            }
            push(&mut heap, &mut queued, i + 1, j);
            push(&mut heap, &mut queued, i, j + 1);
        }
        self.outside_everything(p, dx, dy)
    }

    /// The nearest of the four spots straight across from `p` just beyond every box's shadow:
    /// free by construction.
    fn outside_everything(&self, p: Point, dx: f64, dy: f64) -> Point {
        let Some(all) = self.boxes.iter().copied().reduce(|a, b| a.union(b)) else {
            return p;
        };
        let (left, right) = ((all.x0 - dx).floor(), (all.x1 + dx).ceil());
        let (top, bottom) = ((all.y0 - dy).floor(), (all.y1 + dy).ceil());
        [
            Point::new(right, p.y),
            Point::new(left, p.y),
            Point::new(p.x, bottom),
            Point::new(p.x, top),
        ]
        .into_iter()
        .min_by(|a, b| a.distance(p).total_cmp(&b.distance(p)))
        .unwrap_or(p)
    }
}

/// Rounded to whole map units (what the canvas stores for positions), and kept finite.
fn whole(v: f64) -> f64 {
    if v.is_finite() { v.round() } else { 0.0 }
}

/// Strict overlap: boxes that only touch do not overlap.
fn overlaps(a: Rect, b: Rect) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

fn cells_of(r: Rect) -> impl Iterator<Item = (i64, i64)> {
    let cell = |v: f64| (v / CELL).floor() as i64;
    let (cx0, cx1, cy0, cy1) = (cell(r.x0), cell(r.x1), cell(r.y0), cell(r.y1));
    (cx0..=cx1).flat_map(move |x| (cy0..=cy1).map(move |y| (x, y)))
}

#[derive(Debug, PartialEq)]
struct Candidate {
    d: f64,
    i: usize,
    j: usize,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    /// Reversed, so the standard max-heap gives the nearest first; ties go to the earlier
    /// candidates (straight across before diagonal).
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .d
            .total_cmp(&self.d)
            .then_with(|| (other.i + other.j).cmp(&(self.i + self.j)))
            .then_with(|| other.j.cmp(&self.j))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const DET: Size = Size::new(180.0, 48.0);

    fn rect(x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect::from_center_size(Point::new(x, y), Size::new(w, h))
    }

    /// Whether the new box at `c` keeps `GAP` from every box: checked against all of them.
    fn clear_of_all(boxes: &[Rect], size: Size, c: Point) -> bool {
        let grown = Rect::from_center_size(c, size).inflate(GAP, GAP);
        boxes.iter().all(|b| !overlaps(grown, *b))
    }

    #[test]
    fn a_free_preferred_spot_is_kept_and_a_taken_one_moves_to_the_nearest_side() {
        let mut space = FreeSpace::new([rect(0.0, 0.0, 180.0, 48.0)]);
        assert_eq!(space.place(DET, Point::new(0.0, 300.0)), Point::new(0.0, 300.0));
        // On top of the first box: the nearest free spot is straight below or above it (boxes
        // are wider than tall), 48 + 20 away.
        let c = space.place(DET, Point::new(0.0, 1.0));
        assert_eq!(c, Point::new(0.0, 68.0));
        // The next one on the same spot goes above: below is taken now.
        assert_eq!(space.place(DET, Point::new(0.0, 1.0)), Point::new(0.0, -68.0));
    }

    #[test]
    fn an_empty_map_keeps_the_preferred_spot_rounded() {
        let place = |p| FreeSpace::new([]).place(DET, p);
        assert_eq!(place(Point::new(10.4, -3.6)), Point::new(10.0, -4.0));
        assert_eq!(place(Point::new(f64::NAN, 5.0)), Point::new(0.0, 5.0));
    }

    #[test]
    fn twenty_on_one_spot_never_overlap() {
        let mut space = FreeSpace::new([rect(0.0, 0.0, 230.0, 52.0)]);
        let mut boxes = vec![rect(0.0, 0.0, 230.0, 52.0)];
        for _ in 0..20 {
            let c = space.place(DET, Point::new(0.0, 0.0));
            assert!(clear_of_all(&boxes, DET, c), "{c:?} overlaps");
            boxes.push(Rect::from_center_size(c, DET));
        }
    }

    #[test]
    fn a_packed_map_still_gets_a_spot() {
        // 2,500 boxes touching each other in a square: nothing is free inside, the search runs
        // out of its budget and the spot is just outside the square, straight across.
        let boxes: Vec<Rect> = (0..50)
            .flat_map(|i| (0..50).map(move |j| rect(i as f64 * 180.0, j as f64 * 48.0, 180.0, 48.0)))
            .collect();
        let mut space = FreeSpace::new(boxes.iter().copied());
        let c = space.place(DET, Point::new(4500.0, 1200.0));
        assert!(clear_of_all(&boxes, DET, c), "{c:?}");
        assert_eq!(c, Point::new(4500.0, 2400.0 - 24.0 + 20.0 + 24.0), "below the square");
    }

    fn boxes() -> impl Strategy<Value = Vec<Rect>> {
        // Whole-unit centres and even sizes, as the editor makes them: every edge is whole, so
        // the nearest free spot is at whole coordinates and a scan of whole points finds it.
        prop::collection::vec(
            (
                -300i32..300,
                -300i32..300,
                prop::sample::select(vec![180.0, 230.0]),
                24i32..60,
            ),
            0..10,
        )
        .prop_map(|v| {
            v.into_iter()
                .map(|(x, y, w, h)| rect(f64::from(x), f64::from(y), w, f64::from(2 * h)))
                .collect()
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        /// The spot found is clear of every box, and no whole point strictly nearer the preferred
        /// one is (checked by brute force over every whole point of the disc).
        #[test]
        fn the_spot_is_free_and_nothing_nearer_is(boxes in boxes(), px in -300i32..300, py in -300i32..300) {
            let p = Point::new(f64::from(px), f64::from(py));
            let mut space = FreeSpace::new(boxes.iter().copied());
            let c = space.place(DET, p);
            prop_assert!(clear_of_all(&boxes, DET, c), "{:?} overlaps", c);
            let d2 = (c.x - p.x).powi(2) + (c.y - p.y).powi(2);
            let r = d2.sqrt().ceil() as i32;
            for x in -r..=r {
                for y in -r..=r {
                    let q = Point::new(p.x + f64::from(x), p.y + f64::from(y));
                    if f64::from(x * x + y * y) < d2 - 1e-9 {
                        prop_assert!(!clear_of_all(&boxes, DET, q), "{:?} is free and nearer than {:?}", q, c);
                    }
                }
            }
        }

        /// Placed one after another, new boxes overlap neither the map nor each other.
        #[test]
        fn a_run_of_placements_never_overlaps(boxes in boxes(), spots in prop::collection::vec((-300i32..300, -300i32..300), 1..12)) {
            let mut space = FreeSpace::new(boxes.iter().copied());
            let mut all = boxes.clone();
            for (x, y) in spots {
                let c = space.place(DET, Point::new(f64::from(x), f64::from(y)));
                prop_assert!(clear_of_all(&all, DET, c), "{:?} overlaps", c);
                all.push(Rect::from_center_size(c, DET));
            }
        }
    }
}
