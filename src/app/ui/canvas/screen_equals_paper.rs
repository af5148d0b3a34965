//! The canvas and the SVG draw every sample alike: each node's box, the lines its label breaks
//! into, and where each line sits. The canvas side is what its painter consumes (`Geometry`, and
//! `draw::label_baselines` at zoom 1); the SVG side is the document the exporter writes, read back
//! with an XML parser.

use super::draw::label_baselines;
use super::geometry::Geometry;
use crate::export::render_svg;
use crate::model::Map;
use roxmltree::{Document, Node};

/// A node as the SVG draws it: the box around its outline, and its label's lines with their
/// baselines, in map units (the coordinates inside the map's group, which the group's
/// translation puts under the title).
struct Drawn {
    id: String,
    bbox: (f32, f32, f32, f32),
    lines: Vec<(String, f32, f32)>,
}

fn numbers(s: &str) -> Vec<f32> {
    s.split([' ', ',']).filter_map(|t| t.parse().ok()).collect()
}

fn drawn(svg: &str) -> Vec<Drawn> {
    let doc = Document::parse(svg).expect("the SVG is XML");
    let group = doc
        .descendants()
        .find(|n| n.attribute("data-kind") == Some("map"))
        .expect("a map group");
    let nodes = group
        .children()
        .filter(|n| matches!(n.attribute("data-kind"), Some("stage" | "determinant")));
    nodes
        .map(|n: Node| {
            let outline = n.children().find(|c| c.has_tag_name("polygon")).expect("an outline");
            let ps = numbers(outline.attribute("points").unwrap());
            let (xs, ys): (Vec<f32>, Vec<f32>) = ps.chunks(2).map(|p| (p[0], p[1])).unzip();
            let min = |v: &[f32]| v.iter().copied().fold(f32::INFINITY, f32::min);
            let max = |v: &[f32]| v.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            // The label is the node's text at the label size (a stage's number and the badges
            // are texts of their own, smaller).
            let label = n
                .children()
                .find(|c| c.has_tag_name("text") && c.attribute("font-size") == Some("15.0"))
                .expect("a label");
            let lines = label
                .children()
                .filter(|t| t.has_tag_name("tspan"))
                .map(|t| {
                    let x: f32 = t.attribute("x").unwrap().parse().unwrap();
                    let y: f32 = t.attribute("y").unwrap().parse().unwrap();
                    (t.text().unwrap_or("").to_owned(), x, y)
                })
                .collect();
            Drawn {
                id: n.attribute("data-id").unwrap().to_owned(),
                bbox: (min(&xs), min(&ys), max(&xs), max(&ys)),
                lines,
            }
        })
        .collect()
}

/// The SVG writes one decimal; a translation and a subtraction add a little more rounding.
const CLOSE: f32 = 0.11;

fn check(name: &str, map: &Map) {
    let mut canvas = Geometry::default();
    canvas.update(map, 1);
    let paper = drawn(&render_svg(map).expect("the sample draws"));
    assert_eq!(canvas.nodes.len(), paper.len(), "{name}: one node each");
    assert!(
        canvas.nodes.iter().any(|n| n.lines.len() > 1),
        "{name}: a label that wraps"
    );
    for (screen, paper) in canvas.nodes.iter().zip(&paper) {
        let at = format!("{name}: {}", screen.id);
        assert_eq!(screen.id.as_str(), paper.id, "{at}: map order");
        let r = screen.rect;
        let (x0, y0, x1, y1) = paper.bbox;
        for (a, b) in [(r.min.x, x0), (r.min.y, y0), (r.max.x, x1), (r.max.y, y1)] {
            assert!(
                (a - b).abs() < CLOSE,
                "{at}: the box {r:?} on screen, {:?} on paper",
                paper.bbox
            );
        }
        let words: Vec<&str> = paper.lines.iter().map(|(l, _, _)| l.as_str()).collect();
        assert_eq!(screen.lines, words, "{at}: the label breaks alike");
        for ((_, x, y), p) in paper
            .lines
            .iter()
            .zip(label_baselines(screen.kind, r, 1.0, screen.lines.len()))
        {
            assert!(
                (p.x - x).abs() < CLOSE && (p.y - y).abs() < CLOSE,
                "{at}: a line at {p:?} on screen, ({x}, {y}) on paper"
            );
        }
    }
}

#[test]
fn every_sample_is_drawn_alike_on_screen_and_on_paper() {
    let mut seen = 0;
    for sample in crate::samples::all() {
        let map = sample.load().expect("the sample loads");
        check(sample.file_name, &map);
        seen += 1;
    }
    assert!(seen >= 3, "the samples are all checked");
}
