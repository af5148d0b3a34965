//! The slides (`detmap export --slides`): a vector PDF with one landscape page per presentation
//! step (one page for a map without steps), the embedded font, on every sample and through the CLI.

use detmap::analysis::Reachability;
use detmap::export::{self, Export, Page};
use detmap::format;
use detmap::model::{Feeders, Focus, Map, Step};
use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Map {
    format::load_file(&root().join(rel)).unwrap_or_else(|e| panic!("{e}"))
}

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 4);
    files
}

fn slides(map: &Map, page: Page) -> Vec<u8> {
    let input = export::Input::new(map);
    let mut out = Vec::new();
    Export::Slides(page).write(&input, &mut out).unwrap();
    out
}

/// The page objects of a PDF (`/Type /Page`, not the `/Type /Pages` tree), counted in the file's
/// text: pdf-writer writes object dictionaries uncompressed.
fn pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(at, m)| !text[at + m.len()..].starts_with('s'))
        .count()
}

/// The media box of every page, in points.
fn media_boxes(pdf: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox [")
        .map(|(at, m)| text[at + m.len()..].split(']').next().unwrap().trim().to_owned())
        .collect()
}

fn check_pdf(pdf: &[u8], expected_pages: usize, what: &str) {
    assert!(pdf.starts_with(b"%PDF-"), "{what}: not a PDF");
    assert!(
        pdf.ends_with(b"%%EOF") || pdf.ends_with(b"%%EOF\n"),
        "{what}: not a whole PDF"
    );
    assert_eq!(pages(pdf), expected_pages, "{what}");
    let text = String::from_utf8_lossy(pdf);
    // The labels are text in an embedded font (a subset of Inter, CFF in an OpenType file), not
    // outlines and not a font the reader must have.
    assert!(
        text.contains("/FontFile3") || text.contains("/FontFile2"),
        "{what}: no embedded font"
    );
    assert!(text.contains("Inter"), "{what}: the font is not Inter");
    assert!(
        !text.contains("/Subtype /Image"),
        "{what}: a raster image in a vector PDF"
    );
}

#[test]
fn a_map_without_steps_gives_one_page_of_the_whole_map() {
    for file in samples() {
        let map = format::load_file(&file).unwrap();
        if !map.presentation.is_empty() {
            continue;
        }
        let pdf = slides(&map, Page::A4);
        check_pdf(&pdf, 1, &file.display().to_string());
        assert_eq!(media_boxes(&pdf), ["0 0 841.89 595.28"], "A4 landscape");
    }
}

#[test]
fn each_step_is_a_page_on_a4_or_letter() {
    let map = load("tests/data/valid/example.ron");
    assert_eq!(map.presentation.len(), 2);
    let pdf = slides(&map, Page::A4);
    check_pdf(&pdf, 2, "example");
    assert_eq!(media_boxes(&pdf), ["0 0 841.89 595.28"; 2]);
    let letter = slides(&map, Page::Letter);
    check_pdf(&letter, 2, "example on letter");
    assert_eq!(media_boxes(&letter), ["0 0 792 612"; 2]);
}

#[test]
fn every_sample_prints_with_a_step_of_each_kind() {
    for file in samples() {
        let mut map = format::load_file(&file).unwrap();
        let stage = map.stages[0].id.clone();
        let det = map.determinants[0].id.clone();
        map.presentation = vec![
            Step::whole_map("a", "The whole map"),
            Step {
                focus: Focus::Stage {
                    stage: stage.clone(),
                    feeders: Feeders::Hindering,
                },
                note: "What holds the first stage back.".into(),
                reveal: true,
                ..Step::whole_map("b", "")
            },
            Step {
                focus: Focus::Determinant {
                    determinant: det.clone(),
                },
                knock_out: Some(map.determinants[1].id.clone()),
                ..Step::whole_map("c", "What the first determinant feeds")
            },
        ];
        check_pdf(&slides(&map, Page::A4), 3, &file.display().to_string());
    }
}

/// The page of a step draws the map framed to its items: the slide's SVG holds the lit nodes at
/// full strength and the others faded or left out.
#[test]
fn a_steps_page_shows_its_items_and_fades_or_hides_the_rest() {
    let map = load("tests/data/valid/example.ron");
    let reach = Reachability::compute(&map);
    let views = export::step_views(&map, &reach);
    // p1: the path cs-research -> bill-2005 -> s2-adoption; p2 reveals only what has been shown.
    use export::step_view::Mark::{Faded, Hidden, Lit};
    // Nodes: s1, s2, cs-research, bill-2005, earthquake-2010.
    assert_eq!(views[0].nodes, [Faded, Lit, Lit, Lit, Faded]);
    assert_eq!(
        views[0].caption,
        "Why Civil-society research and visibility feeds Adoption of legislation and policy"
    );
    assert_eq!(views[1].nodes[4], Lit, "the earthquake hinders adoption, internal");
    assert_eq!(views[1].nodes[0], Hidden, "stage 1 was never shown");
    assert!(views[1].caption.contains("only internal"), "{}", views[1].caption);
}

#[test]
fn the_cli_writes_slides_of_a_sample() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chile.pdf");
    let sample = root().join("samples/chile-anti-trafficking.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(["export", sample.to_str().unwrap(), "--slides", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let pdf = std::fs::read(&out).unwrap();
    let steps = format::load_file(&sample).unwrap().presentation.len().max(1);
    check_pdf(&pdf, steps, "chile");

    let letter = dir.path().join("example.pdf");
    let example = root().join("tests/data/valid/example.ron");
    let run = Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args([
            "export",
            example.to_str().unwrap(),
            "--slides",
            letter.to_str().unwrap(),
            "--page",
            "letter",
        ])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let pdf = std::fs::read(&letter).unwrap();
    check_pdf(&pdf, 2, "example");
    assert_eq!(media_boxes(&pdf), ["0 0 792 612"; 2]);
}

#[test]
fn slides_are_suggested_as_a_pdf_named_after_the_map() {
    assert!(Export::MENU.contains(&Export::Slides(Page::A4)));
    assert_eq!(
        Export::Slides(Page::A4).suggested_file_name("Chile: anti-trafficking"),
        "chile-anti-trafficking-slides.pdf"
    );
}

/// The same map gives the same bytes, as every export does (svg2pdf's resource dictionaries come
/// in a hash map's order; the slides put them in order).
#[test]
fn the_same_map_gives_the_same_bytes() {
    let mut map = load("samples/chile-anti-trafficking.ron");
    map.presentation = vec![
        Step::whole_map("a", "All"),
        Step {
            focus: Focus::Stage {
                stage: map.stages[3].id.clone(),
                feeders: Feeders::All,
            },
            ..Step::whole_map("b", "Implementation")
        },
    ];
    let first = slides(&map, Page::A4);
    for _ in 0..4 {
        assert!(
            slides(&map, Page::A4) == first,
            "the bytes differ from one export to the next"
        );
    }
    check_pdf(&first, 2, "chile");
}
