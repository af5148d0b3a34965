//! The slides (`detmap export --slides OUT.pdf`): one landscape page per step of the map's
//! presentation (a map without steps gives one page of the whole map), as a vector PDF with the
//! embedded font.
//!
//! Each page is drawn as an SVG by [`super::svg::render_slide`] (the map's own drawing, so a slide
//! reads like the screen) and converted by svg2pdf, the typst project's converter: it keeps the
//! drawing vector and embeds (a subset of) the font the labels were measured with, so the PDF is the
//! same on every machine. svg2pdf makes one XObject per SVG; the pages that show them are assembled
//! here with pdf-writer, the crate svg2pdf itself writes with.

use super::step_view::{step_views, whole_map_step};
use super::svg::{Page, render_slide};
use crate::analysis::Reachability;
use crate::geometry::text;
use crate::model::{Map, Step};
use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, TextStr};
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::Arc;
use svg2pdf::usvg;

/// Writes the slides of `map` (drawn as `picture`, the map with its layout) to `out`.
pub fn write_slides(map: &Map, picture: &Map, reach: &Reachability, page: Page, mut out: impl Write) -> io::Result<()> {
    out.write_all(&render_slides(map, picture, reach, page)?)
}

/// The slides of `map` as PDF bytes. `picture` is the map as the pictures draw it (its positions,
/// or the flow layout for a map without any); its steps are `map`'s.
pub fn render_slides(map: &Map, picture: &Map, reach: &Reachability, page: Page) -> io::Result<Vec<u8>> {
    let views = step_views(map, reach);
    let whole = [whole_map_step(map)];
    let steps: &[Step] = if map.presentation.is_empty() {
        &whole
    } else {
        &map.presentation
    };
    let pages: Vec<String> = steps
        .iter()
        .zip(&views)
        .enumerate()
        .map(|(k, (step, view))| render_slide(picture, step, view, k + 1, steps.len(), page))
        .collect::<io::Result<_>>()?;
    pdf_of(&pages, page, &map.title)
}

/// How svg2pdf's parser finds the labels' font: the embedded one only, whatever the machine has.
fn options() -> usvg::Options<'static> {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(text::FONT.to_vec());
    fonts.set_sans_serif_family(text::FONT_FAMILY);
    usvg::Options {
        fontdb: Arc::new(fonts),
        font_family: text::FONT_FAMILY.to_owned(),
        ..usvg::Options::default()
    }
}

/// One PDF of the SVG `pages`, each filling a landscape `page`.
fn pdf_of(pages: &[String], page: Page, title: &str) -> io::Result<Vec<u8>> {
    let options = options();
    let (width, height) = page.points();
    let (width, height) = (width as f32, height as f32);
    let mut alloc = Ref::new(1);
    let catalog = alloc.bump();
    let page_tree = alloc.bump();
    let mut pdf = Pdf::new();
    let mut kids = Vec::with_capacity(pages.len());
    for svg in pages {
        let tree = usvg::Tree::from_str(svg, &options)
            .map_err(|e| io::Error::other(crate::tr!("export-slide-unreadable", error = e.to_string())))?;
        let (chunk, drawing) = svg2pdf::to_chunk(&tree, svg2pdf::ConversionOptions::default())
            .map_err(|e| io::Error::other(crate::tr!("export-slide-not-converted", error = e.to_string())))?;
        // The chunk numbers its objects from 1: move them after the ones written so far.
        let mut renumbered = HashMap::new();
        let chunk = chunk.renumber(|old| *renumbered.entry(old).or_insert_with(|| alloc.bump()));
        let drawing = renumbered[&drawing];
        let (page_id, content_id) = (alloc.bump(), alloc.bump());
        let name = Name(b"Slide");
        let mut p = pdf.page(page_id);
        p.media_box(Rect::new(0.0, 0.0, width, height));
        p.parent(page_tree);
        p.contents(content_id);
        p.resources().x_objects().pair(name, drawing);
        p.finish();
        // The drawing is one unit square: stretch it over the page (the SVG has the page's proportions).
        let mut content = Content::new();
        content.transform([width, 0.0, 0.0, height, 0.0, 0.0]).x_object(name);
        pdf.stream(content_id, &content.finish());
        pdf.extend(&chunk);
        kids.push(page_id);
    }
    pdf.catalog(catalog).pages(page_tree);
    pdf.pages(page_tree).count(kids.len() as i32).kids(kids);
    pdf.document_info(alloc.bump())
        .title(TextStr(title))
        .producer(TextStr("Determinant Mapper"));
    Ok(canonical(pdf.finish()))
}

/// The PDF with the entries of every resource dictionary in sorted order. svg2pdf writes them in
/// the order of a `HashMap`, which differs from run to run, so the same map would give other bytes
/// each time (the project's exports are deterministic: the window's export is checked against the
/// core's byte for byte). Only whole lines `/name N 0 R` between a `<<` line and its `>>` are
/// reordered, outside streams, so every object keeps its length and the cross-reference table
/// stays right.
fn canonical(pdf: Vec<u8>) -> Vec<u8> {
    let mut out = Vec::with_capacity(pdf.len());
    let mut at = 0;
    let mut length = 0usize;
    let is_entry = |line: &[u8]| {
        let text = String::from_utf8_lossy(line);
        let mut words = text.split_whitespace();
        matches!(
            (words.next(), words.next(), words.next(), words.next(), words.next()),
            (Some(name), Some(n), Some("0"), Some("R"), None) if name.starts_with('/') && n.bytes().all(|b| b.is_ascii_digit())
        )
    };
    while at < pdf.len() {
        let end = pdf[at..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(pdf.len(), |k| at + k + 1);
        let line = &pdf[at..end];
        let text = String::from_utf8_lossy(line);
        let trimmed = text.trim();
        if let Some(n) = trimmed.strip_prefix("/Length ") {
            length = n.trim().parse().unwrap_or(0);
        }
        if trimmed == "stream" {
            // The stream's bytes, as they are.
            let stop = (end + length).min(pdf.len());
            out.extend_from_slice(&pdf[at..stop]);
            at = stop;
            continue;
        }
        out.extend_from_slice(line);
        at = end;
        if trimmed.ends_with("<<") {
            // Collect the entries up to the closing `>>`; sort them if they are all references.
            let mut entries: Vec<&[u8]> = Vec::new();
            let mut k = at;
            while k < pdf.len() {
                let e = pdf[k..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(pdf.len(), |j| k + j + 1);
                let entry = &pdf[k..e];
                if !is_entry(entry) {
                    break;
                }
                entries.push(entry);
                k = e;
            }
            let closes = String::from_utf8_lossy(&pdf[k..(k + 64).min(pdf.len())])
                .trim_start()
                .starts_with(">>");
            if entries.len() > 1 && closes {
                entries.sort();
                for entry in entries {
                    out.extend_from_slice(entry);
                }
                at = k;
            }
        }
    }
    out
}
