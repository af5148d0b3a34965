//! Many simple shapes in one mesh. egui tessellates each `Shape` separately; for the thousands of
//! links and tiny boxes of a big map, building one anti-aliased mesh here is several times cheaper
//! and looks the same.
//!
//! The meshes of a big map are large (tens of megabytes when thousands of dashed links cross the
//! view), and a new one each frame cost more than drawing it: growing its buffers copied them
//! again and again, and fresh memory is zeroed by the system page by page (measured: about half of
//! a frame of a 10,000-determinant map). So a mesh handed to egui is kept, and the next frame
//! reuses its buffers once egui has let go of it (it has, by then: a frame's shapes are
//! tessellated and dropped at its end).

use egui::{Color32, Mesh, Painter, Pos2, Rect, Shape, vec2};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// Meshes painted in earlier frames, to reuse their buffers. Per thread: egui draws on one.
    static SPARE: RefCell<Vec<Arc<Mesh>>> = const { RefCell::new(Vec::new()) };
}

/// At most this many meshes are kept: a frame paints a few big ones (links, boxes, the overview)
/// and some small ones (the legend's samples); the smallest go first.
const SPARES: usize = 6;

fn capacity(mesh: &Mesh) -> usize {
    mesh.vertices.capacity()
}

/// An empty mesh, with the buffers of the largest one egui no longer holds, if there is one (the
/// links, painted first each frame, take the largest).
fn recycled() -> Mesh {
    SPARE
        .with_borrow_mut(|spare| {
            let free = (0..spare.len())
                .filter(|&k| Arc::strong_count(&spare[k]) == 1)
                .max_by_key(|&k| capacity(&spare[k]))?;
            let mut mesh = Arc::try_unwrap(spare.swap_remove(free)).ok()?;
            mesh.clear();
            Some(mesh)
        })
        .unwrap_or_default()
}

pub struct Batch {
    mesh: Mesh,
    /// One screen pixel, in points: the width of the soft edge that anti-aliases a line.
    feather: f32,
}

impl Batch {
    pub fn new(pixels_per_point: f32) -> Self {
        Batch {
            mesh: recycled(),
            feather: 1.0 / pixels_per_point,
        }
    }

    pub fn rect(&mut self, r: Rect, colour: Color32) {
        self.mesh.add_colored_rect(r, colour);
    }

    /// A straight line with soft edges. Lines thinner than a pixel are drawn one pixel wide and
    /// fainter, as egui does.
    pub fn line(&mut self, a: Pos2, b: Pos2, width: f32, colour: Color32) {
        let d = b - a;
        let len = d.length();
        if len < 1e-3 {
            return;
        }
        let (width, colour) = if width < self.feather {
            (self.feather, colour.gamma_multiply(width / self.feather))
        } else {
            (width, colour)
        };
        let n = vec2(-d.y, d.x) / len;
        let inner = n * ((width - self.feather) / 2.0).max(0.0);
        let outer = n * ((width + self.feather) / 2.0);
        let clear = Color32::TRANSPARENT;
        let base = self.mesh.vertices.len() as u32;
        for (p, c) in [
            (a + outer, clear),
            (a + inner, colour),
            (a - inner, colour),
            (a - outer, clear),
        ] {
            self.mesh.colored_vertex(p, c);
        }
        for (p, c) in [
            (b + outer, clear),
            (b + inner, colour),
            (b - inner, colour),
            (b - outer, clear),
        ] {
            self.mesh.colored_vertex(p, c);
        }
        // Three strips across the line: soft edge, core, soft edge.
        for k in 0..3 {
            let (i, j) = (base + k, base + 4 + k);
            self.mesh.add_triangle(i, i + 1, j);
            self.mesh.add_triangle(i + 1, j + 1, j);
        }
    }

    /// A dashed line: `dash` long pieces separated by `gap`.
    pub fn dashed(&mut self, a: Pos2, b: Pos2, width: f32, colour: Color32, dash: f32, gap: f32) {
        let d = b - a;
        let len = d.length();
        if len < 1e-3 {
            return;
        }
        let dir = d / len;
        let mut t = 0.0;
        while t < len {
            let end = (t + dash).min(len);
            self.line(a + dir * t, a + dir * end, width, colour);
            t = end + gap;
        }
    }

    /// A line through `points`, solid or dashed (`dash` long pieces separated by `gap`, the
    /// pattern running on across the corners).
    pub fn polyline(&mut self, points: &[Pos2], width: f32, colour: Color32, dash: Option<(f32, f32)>) {
        let Some((dash, gap)) = dash else {
            for w in points.windows(2) {
                self.line(w[0], w[1], width, colour);
            }
            return;
        };
        // How far into the current period (dash then gap) the pattern is.
        let mut phase = 0.0;
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            let len = (b - a).length();
            if len < 1e-3 {
                continue;
            }
            let dir = (b - a) / len;
            let mut t = 0.0;
            while t < len {
                let left = if phase < dash { dash - phase } else { dash + gap - phase };
                let step = left.min(len - t);
                if phase < dash {
                    self.line(a + dir * t, a + dir * (t + step), width, colour);
                }
                t += step;
                phase = (phase + step) % (dash + gap);
            }
        }
    }

    pub fn paint(self, painter: &Painter) {
        if self.mesh.is_empty() {
            return;
        }
        let mesh = Arc::new(self.mesh);
        SPARE.with_borrow_mut(|spare| {
            if spare.len() >= SPARES
                && let Some(smallest) = (0..spare.len()).min_by_key(|&k| capacity(&spare[k]))
            {
                spare.swap_remove(smallest);
            }
            spare.push(mesh.clone());
        });
        painter.add(Shape::mesh(mesh));
    }
}
