//! The SVG picture of a map: well-formed XML for any map, one element per node and influence, labels
//! intact after wrapping and escaping, nodes where the map saved them.

mod common;

use detmap::export::render_svg;
use detmap::model::{Map, Position, Sign};
use roxmltree::{Document, Node};
use std::path::Path;

fn load(relative: &str) -> Map {
    detmap::format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)).unwrap()
}

fn of_kind<'a>(doc: &'a Document, kind: &str) -> Vec<Node<'a, 'a>> {
    doc.descendants()
        .filter(|n| n.attribute("data-kind") == Some(kind))
        .collect()
}

/// The text of a node's label: its tspans joined by spaces.
fn label_text(group: Node) -> String {
    let text = group.children().find(|n| n.has_tag_name("text")).expect("a label");
    text.children()
        .filter(|n| n.has_tag_name("tspan"))
        .map(|t| t.text().unwrap_or(""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The centre of the box around a node's first polygon.
fn centre(group: Node) -> (f32, f32) {
    let polygon = group
        .children()
        .find(|n| n.has_tag_name("polygon"))
        .expect("an outline");
    let coords: Vec<(f32, f32)> = polygon
        .attribute("points")
        .unwrap()
        .split(' ')
        .map(|p| {
            let (x, y) = p.split_once(',').unwrap();
            (x.parse().unwrap(), y.parse().unwrap())
        })
        .collect();
    let (xs, ys): (Vec<f32>, Vec<f32>) = coords.into_iter().unzip();
    let mid = |v: &[f32]| {
        (v.iter().cloned().fold(f32::INFINITY, f32::min) + v.iter().cloned().fold(f32::NEG_INFINITY, f32::max)) / 2.0
    };
    (mid(&xs), mid(&ys))
}

fn check_well_formed(map: &Map) -> String {
    let svg = render_svg(map).expect("the map draws");
    let doc = Document::parse(&svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    assert!(doc.root_element().has_tag_name(("http://www.w3.org/2000/svg", "svg")));
    for dim in ["width", "height"] {
        let v: f32 = doc.root_element().attribute(dim).unwrap().parse().unwrap();
        assert!(v.is_finite() && v > 100.0, "{dim} = {v}");
    }
    assert_numbers_finite(&doc);
    svg
}

/// Every coordinate is a finite number, as a 32-bit float too (what viewers read them as).
fn assert_numbers_finite(doc: &Document) {
    for el in doc.descendants().filter(|n| n.is_element()) {
        for attr in [
            "x",
            "y",
            "width",
            "height",
            "x1",
            "y1",
            "x2",
            "y2",
            "cx",
            "cy",
            "r",
            "rx",
            "points",
            "d",
            "viewBox",
            "transform",
            "stroke-width",
            "stroke-dasharray",
            "font-size",
        ] {
            let Some(v) = el.attribute(attr) else { continue };
            for number in v
                .split(|c: char| c == ' ' || c == ',' || c == '(' || c == ')' || c.is_ascii_alphabetic())
                .filter(|t| !t.is_empty())
            {
                let parsed: f32 = number
                    .parse()
                    .unwrap_or_else(|_| panic!("{attr}=\"{v}\" is not numbers"));
                assert!(parsed.is_finite(), "{attr}=\"{v}\"");
            }
        }
    }
}

#[test]
fn the_chile_sample_draws_every_node_and_influence_with_its_label_and_sign() {
    let map = load("samples/chile-anti-trafficking.ron");
    let svg = check_well_formed(&map);
    let doc = Document::parse(&svg).unwrap();
    let dets = of_kind(&doc, "determinant");
    assert_eq!(dets.len(), map.determinants.len());
    assert_eq!(of_kind(&doc, "stage").len(), map.stages.len());
    for (group, det) in dets.iter().zip(&map.determinants) {
        assert_eq!(group.attribute("data-id"), Some(det.id.as_str()));
        assert_eq!(
            label_text(*group),
            det.label.split_whitespace().collect::<Vec<_>>().join(" "),
            "wrapping keeps the label"
        );
    }
    let influences = of_kind(&doc, "influence");
    assert_eq!(influences.len(), map.influences.len());
    for (group, inf) in influences.iter().zip(&map.influences) {
        assert_eq!(group.attribute("data-sign"), Some(inf.sign.as_str()));
        let dashed = group
            .descendants()
            .any(|n| n.has_tag_name("path") && n.attribute("stroke-dasharray").is_some());
        let arrowhead = group.descendants().any(|n| n.has_tag_name("polygon"));
        assert_eq!(
            (dashed, arrowhead),
            (inf.sign == Sign::Hinders, inf.sign == Sign::Enables),
            "{}",
            inf.id
        );
    }
    let legend = of_kind(&doc, "legend");
    let legend_text: Vec<&str> = legend[0].descendants().filter_map(|n| n.text()).collect();
    for c in &map.categories {
        assert!(legend_text.contains(&c.name.as_str()), "the legend names {}", c.name);
    }
}

#[test]
fn nodes_sit_at_their_saved_positions() {
    let map = load("tests/data/valid/example.ron");
    let doc_text = render_svg(&map).unwrap();
    let doc = Document::parse(&doc_text).unwrap();
    let saved = map
        .stages
        .iter()
        .map(|s| s.position)
        .chain(map.determinants.iter().map(|d| d.position));
    let groups = of_kind(&doc, "stage").into_iter().chain(of_kind(&doc, "determinant"));
    // Every node is drawn at its saved position plus one and the same shift (the margin).
    let shifts: Vec<(f32, f32)> = groups
        .zip(saved)
        .map(|(g, p): (_, Position)| {
            let (x, y) = centre(g);
            (x - p.x, y - p.y)
        })
        .collect();
    assert_eq!(shifts.len(), 5);
    for s in &shifts[1..] {
        // Every outline (rectangle, pill, cut corners, chevron) spans its node's box exactly.
        assert!(
            (s.0 - shifts[0].0).abs() < 0.2 && (s.1 - shifts[0].1).abs() < 0.2,
            "{shifts:?}"
        );
    }
}

#[test]
fn an_empty_map_is_a_title_and_a_legend() {
    let map = Map {
        title: "Nothing & <yet>".into(),
        ..Map::default()
    };
    let svg = check_well_formed(&map);
    let doc = Document::parse(&svg).unwrap();
    assert!(of_kind(&doc, "determinant").is_empty() && of_kind(&doc, "map").is_empty());
    assert_eq!(of_kind(&doc, "legend").len(), 1);
    assert!(
        doc.descendants().any(|n| n.text() == Some("Nothing & <yet>")),
        "the title is escaped and comes back whole"
    );
}

#[test]
fn loops_self_loops_and_opposite_pairs_are_drawn() {
    let mut map = common::map_of(
        &["s"],
        &["a", "b"],
        &[("a", "b", '+'), ("b", "a", '-'), ("a", "a", '-'), ("b", "s", '+')],
    );
    map.determinants[0].position = Position::new(0.0, 0.0);
    map.determinants[1].position = Position::new(300.0, 0.0);
    map.stages[0].position = Position::new(600.0, 0.0);
    map.determinants[0].label = "Quote \" and 'apostrophe' & <tag>".into();
    let svg = check_well_formed(&map);
    let doc = Document::parse(&svg).unwrap();
    let influences = of_kind(&doc, "influence");
    assert_eq!(influences.len(), 4);
    let self_loop = influences
        .iter()
        .find(|g| g.attribute("data-id") == Some("i2"))
        .unwrap();
    assert!(
        self_loop
            .descendants()
            .any(|n| n.attribute("d").is_some_and(|d| d.contains('C'))),
        "a self-loop is a curve"
    );
    assert_eq!(
        label_text(of_kind(&doc, "determinant")[0]),
        "Quote \" and 'apostrophe' & <tag>"
    );
}

#[test]
fn random_maps_always_give_well_formed_svg() {
    use proptest::prelude::*;
    let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig::with_cases(64));
    runner
        .run(&common::small_map(), |map| {
            check_well_formed(&map);
            Ok(())
        })
        .unwrap();
}

/// Positions the loader may bound, but a map built in memory need not: the writer itself never
/// writes a number that is not finite. A drawing too large for a viewer's coordinates is refused,
/// naming the node that sits too far out, and nothing is written.
#[test]
fn positions_too_far_out_are_refused_and_nothing_is_written() {
    let mut map = common::map_of(&["s"], &["a", "b"], &[("a", "b", '+'), ("b", "s", '-')]);
    map.determinants[0].position = Position::new(-3.4e38, 0.0);
    map.determinants[1].position = Position::new(3.4e38, -3.4e38);
    let err = render_svg(&map).expect_err("too far apart for a picture");
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidData);
    let message = err.to_string();
    assert!(
        message.contains("determinant a") || message.contains("determinant b"),
        "{message}"
    );
    let mut out = Vec::new();
    assert!(detmap::export::write_svg(&map, &mut out).is_err());
    assert!(out.is_empty(), "nothing written");
    assert!(detmap::export::write_png(&map, 800, &mut out).is_err() && out.is_empty());

    map.determinants[1].position = Position::new(f32::NAN, 0.0);
    assert!(render_svg(&map).is_err(), "a position that is not a number");

    // Far apart, but within what a viewer holds: drawn, every number finite.
    map.determinants[0].position = Position::new(-4.0e6, 0.0);
    map.determinants[1].position = Position::new(4.0e6, 2.0e6);
    check_well_formed(&map);
}
