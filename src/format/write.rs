//! Writing a map as text in the current format, always the same bytes for the same map.

use super::{FORMAT_VERSION, Placement, ron_options};
use crate::model::{Map, Position};
use serde::Serialize;

/// Writes a map as text. The same map always gives the same bytes.
///
/// The layout is composed here rather than left to ron's pretty printer, which lays out every list
/// alike: stages, sources and determinants get a block each (one field per line), while categories,
/// tags, influences and placements, which are short, get one line each. The presentation's steps get
/// a block each, like the stages. That keeps every item one diff
/// hunk and makes large maps about half the size, which is most of their load time.
///
/// Positions go last, in the `layout` list: a stage or determinant at the origin is left out, and so is
/// one whose coordinates are not finite numbers (which the loader refuses), so every map saves, and
/// every saved file loads.
pub fn to_string(map: &Map) -> String {
    let mut w = RonWriter::with_capacity(128 * (map.determinants.len() + map.influences.len()) + 1024);
    w.out
        .push_str("// Determinant Mapper map. The format is described in docs/file-format.md.\n(\n");
    w.field("format_version", &FORMAT_VERSION);
    w.field("title", &map.title);
    w.field("description", &map.description);
    w.list("sources", &map.sources, Layout::Block);
    w.list("stages", &map.stages, Layout::Block);
    w.list("categories", &map.categories, Layout::Line);
    w.list("tags", &map.tags, Layout::Line);
    w.list("determinants", &map.determinants, Layout::Block);
    w.list("influences", &map.influences, Layout::Line);
    w.list("presentation", &map.presentation, Layout::Block);
    w.list("layout", &placements(map), Layout::Line);
    w.out.push_str(")\n");
    w.out
}

/// Whether a node gets a line in the `layout` list: not at the origin, and drawable.
pub(super) fn is_placed(p: &Position) -> bool {
    p.x.is_finite() && p.y.is_finite() && !p.is_origin()
}

/// The `layout` list: stages then determinants, in the map's order, those not at the origin.
fn placements(map: &Map) -> Vec<Placement> {
    let stages = map.stages.iter().map(|s| (&s.id, s.position));
    let determinants = map.determinants.iter().map(|d| (&d.id, d.position));
    stages
        .chain(determinants)
        .filter(|(_, p)| is_placed(p))
        .map(|(id, p)| Placement {
            id: id.clone(),
            x: p.x,
            y: p.y,
        })
        .collect()
}

#[derive(Clone, Copy)]
enum Layout {
    /// One field per line, nested values on the field's line.
    Block,
    /// The whole item on one line.
    Line,
}

/// Writes values in ron syntax into one growing text. Made once per save: ron's options and pretty
/// configurations, and the scratch text a block is indented from, are reused for every item, which
/// halves the time to write a large map.
struct RonWriter {
    out: String,
    scratch: String,
    options: ron::Options,
    /// Everything on one line (`depth_limit(0)`).
    line: ron::ser::PrettyConfig,
    /// One field per line, nested values on the field's line (`depth_limit(1)`).
    block: ron::ser::PrettyConfig,
}

impl RonWriter {
    fn with_capacity(capacity: usize) -> Self {
        let pretty = |depth| {
            ron::ser::PrettyConfig::new()
                .depth_limit(depth)
                .indentor("    ")
                .struct_names(false)
        };
        RonWriter {
            out: String::with_capacity(capacity),
            scratch: String::new(),
            options: ron_options(),
            line: pretty(0),
            block: pretty(1),
        }
    }

    /// `value` on one line, appended to the text.
    fn value<T: Serialize + ?Sized>(&mut self, value: &T) {
        self.options
            .to_writer_pretty(&mut self.out, value, self.line.clone())
            .expect("a map always serialises: it holds only strings, numbers and lists");
    }

    fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) {
        self.out.push_str("    ");
        self.out.push_str(name);
        self.out.push_str(": ");
        self.value(value);
        self.out.push_str(",\n");
    }

    fn list<T: Serialize>(&mut self, name: &str, items: &[T], layout: Layout) {
        self.out.push_str("    ");
        self.out.push_str(name);
        if items.is_empty() {
            self.out.push_str(": [],\n");
            return;
        }
        self.out.push_str(": [\n");
        for item in items {
            match layout {
                Layout::Line => {
                    self.out.push_str("        ");
                    self.value(item);
                }
                Layout::Block => {
                    self.scratch.clear();
                    self.options
                        .to_writer_pretty(&mut self.scratch, item, self.block.clone())
                        .expect("a map always serialises: it holds only strings, numbers and lists");
                    for (n, line) in self.scratch.lines().enumerate() {
                        if n > 0 {
                            self.out.push('\n');
                        }
                        self.out.push_str("        ");
                        self.out.push_str(line);
                    }
                }
            }
            self.out.push_str(",\n");
        }
        self.out.push_str("    ],\n");
    }
}
