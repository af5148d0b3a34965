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
//!
//! A dashed line is one strip whatever its length, not one quad per dash: a thousand hindering
//! links crossing the view made tens of thousands of dashes (a mesh of tens of megabytes, which egui
//! copies again). The strip samples a small repeating texture (`DASHES`) along its length, so the
//! graphics card draws the dashes; the pattern is the one the SVG's `stroke-dasharray` draws.

use egui::epaint::Vertex;
use egui::{Color32, Context, Mesh, Painter, Pos2, Rect, Shape, TextureHandle, TextureId, pos2, vec2};
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
            // Not `Mesh::clear`: in egui 0.36 it drops the vertices' buffer.
            mesh.indices.clear();
            mesh.vertices.clear();
            mesh.texture_id = TextureId::default();
            Some(mesh)
        })
        .unwrap_or_default()
}

/// The dash texture's side, in texels. Row `n` is one period of a pattern whose first `n` texels
/// are on (a dash `n / DASH_TEXELS` of the period long) and the rest off.
const DASH_TEXELS: usize = 256;

/// The dash texture: white where a dash is, clear in the gaps, repeated along a line.
fn dash_image() -> egui::ColorImage {
    let n = DASH_TEXELS;
    let pixels = (0..n * n)
        .map(|i| {
            if i % n < i / n {
                Color32::WHITE
            } else {
                Color32::TRANSPARENT
            }
        })
        .collect();
    egui::ColorImage::new([n, n], pixels)
}

/// The context's dash texture, made on first use (one per context: textures belong to one).
fn dash_texture(ctx: &Context) -> TextureId {
    let key = egui::Id::new("detmap-dash-texture");
    if let Some(handle) = ctx.data(|d| d.get_temp::<TextureHandle>(key)) {
        return handle.id();
    }
    // Repeated along the line; mipmaps keep a dash's ends soft when the period is a few pixels.
    let options = egui::TextureOptions::LINEAR_REPEAT.with_mipmap_mode(Some(egui::TextureFilter::Linear));
    let handle = ctx.load_texture("dashes", dash_image(), options);
    let id = handle.id();
    ctx.data_mut(|d| d.insert_temp(key, handle));
    id
}

/// Where in the dash texture a pattern of `dash` on and `gap` off reads: the `v` of its row's middle.
fn dash_row(dash: f32, gap: f32) -> f32 {
    let on = (dash / (dash + gap) * DASH_TEXELS as f32).round();
    (on.clamp(1.0, (DASH_TEXELS - 1) as f32) + 0.5) / DASH_TEXELS as f32
}

pub struct Batch {
    mesh: Mesh,
    /// The dashed lines: strips textured with the dash texture (set when painted).
    dashes: Mesh,
    /// One screen pixel, in points: the width of the soft edge that anti-aliases a line.
    feather: f32,
}

impl Batch {
    pub fn new(pixels_per_point: f32) -> Self {
        Batch {
            mesh: recycled(),
            dashes: recycled(),
            feather: 1.0 / pixels_per_point,
        }
    }

    pub fn rect(&mut self, r: Rect, colour: Color32) {
        self.mesh.add_colored_rect(r, colour);
    }

    /// A straight line with soft edges. Lines thinner than a pixel are drawn one pixel wide and
    /// fainter, as egui does.
    pub fn line(&mut self, a: Pos2, b: Pos2, width: f32, colour: Color32) {
        let uv = egui::epaint::WHITE_UV;
        strip(&mut self.mesh, self.feather, a, b, width, colour, (uv, uv));
    }

    /// A dashed line: `dash` long pieces separated by `gap`, the pattern `phase` into its period
    /// at `a` (a line clipped to the view keeps the dashes where the whole line has them).
    #[allow(clippy::too_many_arguments)]
    pub fn dashed(&mut self, a: Pos2, b: Pos2, width: f32, colour: Color32, dash: f32, gap: f32, phase: f32) {
        let period = dash + gap;
        if period <= 0.0 {
            return self.line(a, b, width, colour);
        }
        let v = dash_row(dash, gap);
        // Texture coordinates in periods; only the fraction matters, which keeps them small.
        let u0 = (phase / period).fract();
        let u1 = u0 + (b - a).length() / period;
        strip(
            &mut self.dashes,
            self.feather,
            a,
            b,
            width,
            colour,
            (pos2(u0, v), pos2(u1, v)),
        );
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
        // How far along the line the pattern is at each point: it runs on across the corners.
        let mut phase = 0.0;
        for w in points.windows(2) {
            self.dashed(w[0], w[1], width, colour, dash, gap, phase);
            phase += (w[1] - w[0]).length();
        }
    }

    pub fn paint(self, painter: &Painter) {
        let mut dashes = self.dashes;
        if !dashes.is_empty() {
            dashes.texture_id = dash_texture(painter.ctx());
        }
        keep(painter, self.mesh);
        keep(painter, dashes);
    }
}

/// Paints `mesh` (unless empty) and keeps it, to reuse its buffers in a later frame.
fn keep(painter: &Painter, mesh: Mesh) {
    let empty = mesh.is_empty();
    let mesh = Arc::new(mesh);
    SPARE.with_borrow_mut(|spare| {
        if spare.len() >= SPARES
            && let Some(smallest) = (0..spare.len()).min_by_key(|&k| capacity(&spare[k]))
        {
            spare.swap_remove(smallest);
        }
        spare.push(mesh.clone());
    });
    if !empty {
        painter.add(Shape::mesh(mesh));
    }
}

/// A straight line with soft edges into `mesh`, its texture read from `uv.0` at `a` to `uv.1` at
/// `b`. Lines thinner than a pixel (`feather`) are drawn one pixel wide and fainter, as egui does.
fn strip(mesh: &mut Mesh, feather: f32, a: Pos2, b: Pos2, width: f32, colour: Color32, uv: (Pos2, Pos2)) {
    let d = b - a;
    let len = d.length();
    if len < 1e-3 {
        return;
    }
    let (width, colour) = if width < feather {
        (feather, colour.gamma_multiply(width / feather))
    } else {
        (width, colour)
    };
    let n = vec2(-d.y, d.x) / len;
    let inner = n * ((width - feather) / 2.0).max(0.0);
    let outer = n * ((width + feather) / 2.0);
    let clear = Color32::TRANSPARENT;
    let base = mesh.vertices.len() as u32;
    for (end, uv) in [(a, uv.0), (b, uv.1)] {
        for (p, color) in [
            (end + outer, clear),
            (end + inner, colour),
            (end - inner, colour),
            (end - outer, clear),
        ] {
            mesh.vertices.push(Vertex { pos: p, uv, color });
        }
    }
    // Three strips across the line: soft edge, core, soft edge.
    for k in 0..3 {
        let (i, j) = (base + k, base + 4 + k);
        mesh.add_triangle(i, i + 1, j);
        mesh.add_triangle(i + 1, j + 1, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::hinders_dash;

    /// Where along a strip the texture says "dash": the texel of row `v` under `u` (in periods).
    fn on(image: &egui::ColorImage, u: f32, v: f32) -> bool {
        let n = DASH_TEXELS as f32;
        let x = ((u.rem_euclid(1.0) * n) as usize).min(DASH_TEXELS - 1);
        let y = (v * n) as usize;
        image.pixels[y * DASH_TEXELS + x] == Color32::WHITE
    }

    #[test]
    fn a_dashed_line_is_one_strip_with_the_svgs_dashes() {
        let image = dash_image();
        for width in [0.5, 1.0, 2.5, 4.0, 9.0] {
            let (dash, gap) = hinders_dash(width);
            let (dash, gap) = (dash as f32, gap as f32);
            let mut batch = Batch::new(1.0);
            // A long line, starting 7 points into the pattern (a line clipped by the view).
            let (a, b) = (pos2(0.0, 0.0), pos2(3000.0, 0.0));
            batch.dashed(a, b, width as f32, Color32::RED, dash, gap, 7.0);
            assert_eq!(
                batch.dashes.vertices.len(),
                8,
                "four corners and the soft edges, whatever the length"
            );
            assert!(batch.mesh.is_empty());
            let (start, end) = (batch.dashes.vertices[1].uv, batch.dashes.vertices[5].uv);
            assert_eq!(start.y, end.y, "one row of the texture along the line");
            // Screen point `x` along the line reads the texture at `u`; the pattern is the SVG's:
            // on for `dash`, off for `gap`, starting 7 points in.
            let period = dash + gap;
            for k in 0..600 {
                let x = k as f32 * 3000.0 / 600.0 + 0.01;
                let u = start.x + (end.x - start.x) * x / 3000.0;
                let along = (x + 7.0).rem_euclid(period);
                // Half a texel of the period either side of a dash's end is where the texture and
                // the pattern may differ.
                let slack = period / DASH_TEXELS as f32;
                if along > slack && along < dash - slack {
                    assert!(on(&image, u, start.y), "a dash at {x} (width {width})");
                } else if along > dash + slack && along < period - slack {
                    assert!(!on(&image, u, start.y), "a gap at {x} (width {width})");
                }
            }
        }
    }
}
