//! The determinant × stage matrix. A row per determinant (as filtered and grouped), a column per
//! stage in order; a cell says the distance (1 = an influence straight into the stage) and the net
//! sign as text ("1+", "3−", "2±") and in colour, strong for direct feeds and pale for indirect, so
//! it reads in greyscale on a projector. Totals per stage sit under the rows.
//!
//! Clicking a column's header puts the stage in focus, a row's label the determinant, a cell the
//! feed itself (its explaining path appears beside the matrix and on the canvas).
//!
//! A cell that rests only on low-confidence influences (links the study implies rather than states)
//! is tentative: hatched instead of filled, outlined, and marked "low" in words beside its code, so
//! it reads as such without colour; a feed whose surest path is of medium confidence is marked
//! "med.". The header's legend says what the marks mean, and a totals line counts the tentative.
//!
//! One scroll area moves the whole table both ways; the stage header stays at the top of the view
//! and the totals at its bottom, painted over the rows, so they scroll sideways with the columns.
//! Only the rows in view are laid out, so a map of thousands of determinants costs no more per
//! frame than a small one.

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::super::super::derived::rows::{Row, Shown, Totals};
use super::super::canvas::style;
use super::{Ctx, cell_code, cell_words, clickable, net_colour};
use crate::analysis::Cell;
use crate::model::{Id, Level};
use crate::tr;
use egui::{Align2, Color32, FontId, Rect, Sense, Stroke, Ui, pos2, vec2};

const LABEL_W: f32 = 300.0;
const CELL_W: f32 = 80.0;
const ROW_H: f32 = 24.0;
const HEADER_H: f32 = 44.0;
/// Space between the last row and the totals.
const GAP: f32 = 8.0;

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    let stages = &cx.map.stages;
    if stages.is_empty() || cx.map.determinants.is_empty() {
        ui.label(tr!("matrix-needs"));
        return;
    }
    let width = LABEL_W + CELL_W * stages.len() as f32;
    let rows = &cx.view.rows;
    let totals_h = ROW_H * totals_lines(cx).len() as f32 + GAP;
    let content_h = HEADER_H + ROW_H * rows.len().max(1) as f32 + totals_h;
    egui::ScrollArea::both()
        .id_salt("matrix")
        .auto_shrink([false, false])
        .show_viewport(ui, |ui, view| {
            let origin = ui.min_rect().min;
            ui.allocate_rect(Rect::from_min_size(origin, vec2(width, content_h)), Sense::hover());
            let at = |y: f32| Rect::from_min_size(pos2(origin.x, origin.y + y), vec2(width, ROW_H));
            // Rows between the header and the totals, in content coordinates.
            let first = ((view.top()) / ROW_H).floor().max(0.0) as usize;
            let last = (((view.bottom() - HEADER_H) / ROW_H).ceil().max(0.0) as usize).min(rows.len());
            for (k, row) in rows.iter().enumerate().take(last).skip(first) {
                let rect = at(HEADER_H + ROW_H * k as f32);
                match row {
                    Row::Group { title, count } => group(ui, rect, &group_title(cx, title), *count),
                    Row::Determinant(i) => determinant_row(ui, rect, cx, *i, out),
                }
            }
            if rows.is_empty() {
                ui.painter().text(
                    at(HEADER_H).left_center() + vec2(12.0, 0.0),
                    Align2::LEFT_CENTER,
                    tr!("matrix-no-rows"),
                    FontId::proportional(14.0),
                    ui.visuals().weak_text_color(),
                );
            }
            let bg = ui.visuals().panel_fill;
            let top = Rect::from_min_size(pos2(origin.x, origin.y + view.top()), vec2(width, HEADER_H));
            ui.painter().rect_filled(top, 0.0, bg);
            // The sticky parts take the pointer, so a row scrolled under them cannot be clicked.
            ui.interact(top, egui::Id::new("matrix header"), Sense::click());
            header(ui, top, cx, out);
            let bottom = Rect::from_min_size(
                pos2(origin.x, origin.y + view.bottom() - totals_h),
                vec2(width, totals_h),
            );
            ui.painter().rect_filled(bottom, 0.0, bg);
            ui.interact(bottom, egui::Id::new("matrix totals"), Sense::click());
            ui.painter().hline(
                bottom.x_range(),
                bottom.top() + GAP / 2.0,
                ui.visuals().widgets.noninteractive.bg_stroke,
            );
            totals(ui, cx, pos2(origin.x, bottom.top() + GAP));
        });
}

fn header(ui: &mut Ui, rect: Rect, cx: &Ctx, out: &mut Requests) {
    let painter = ui.painter_at(rect);
    let shown = cx.view.rows.iter().filter(|r| matches!(r, Row::Determinant(_))).count();
    painter.text(
        pos2(rect.left() + 4.0, rect.bottom() - 4.0),
        Align2::LEFT_BOTTOM,
        tr!("matrix-shown", shown = shown, total = cx.map.determinants.len()),
        FontId::proportional(13.0),
        ui.visuals().weak_text_color(),
    );
    if cx.view.totals.iter().any(|t| t.low + t.medium > 0) {
        legend(ui, rect, cx);
    }
    let focus = &cx.state.analysis.focus;
    for (k, stage) in cx.map.stages.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(rect.left() + LABEL_W + CELL_W * k as f32, rect.top()),
            vec2(CELL_W, HEADER_H),
        );
        let label = tr!("matrix-stage", number = k + 1, stage = &stage.label);
        let response = clickable(ui, r, egui::Id::new(("matrix stage", stage.id.as_str())), label);
        let on = matches!(focus, Some(Focus::Stage(s)) if *s == stage.id);
        let losing = cx.view.emphasis.losses.get(k).copied().unwrap_or_default();
        let fill = if on {
            cx.palette.highlight
        } else {
            cx.palette.stage_fill
        };
        let text = if on {
            on_strong(&cx.palette)
        } else {
            cx.palette.stage_text
        };
        painter.rect_filled(r.shrink2(vec2(2.0, 1.0)), 4.0, fill);
        painter.text(
            pos2(r.center().x, r.top() + 12.0),
            Align2::CENTER_CENTER,
            format!("{}", k + 1),
            FontId::proportional(17.0),
            text,
        );
        // The label's first word, cut to the column with an ellipsis: "Adoption", "Implementat…".
        let word = stage.label.split_whitespace().next().unwrap_or("");
        let mut job = egui::text::LayoutJob::single_section(
            word.trim_end_matches([',', ';', ':']).to_owned(),
            egui::TextFormat::simple(FontId::proportional(12.0), text),
        );
        job.wrap = egui::text::TextWrapping::truncate_at_width(CELL_W - 8.0);
        let galley = painter.layout_job(job);
        painter.galley(
            pos2(
                r.center().x - galley.size().x / 2.0,
                r.bottom() - 9.0 - galley.size().y / 2.0,
            ),
            galley,
            text,
        );
        if losing != super::super::super::derived::emphasis::Loss::None {
            painter.rect_stroke(
                r.shrink(1.0),
                4.0,
                Stroke::new(2.5, cx.palette.warning),
                egui::StrokeKind::Inside,
            );
        }
        let response = response.on_hover_text(format!("{}. {}\n{}", k + 1, stage.label, tr!("matrix-click-stage")));
        if response.clicked() {
            out.analysis(AnalysisRequest::Focus(if on {
                None
            } else {
                Some(Focus::Stage(stage.id.clone()))
            }));
        }
    }
}

fn group(ui: &mut Ui, rect: Rect, title: &str, count: usize) {
    ui.painter().rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    ui.painter().text(
        pos2(rect.left() + 4.0, rect.center().y),
        Align2::LEFT_CENTER,
        format!("{title} ({count})"),
        FontId::proportional(14.0),
        ui.visuals().strong_text_color(),
    );
}

fn determinant_row(ui: &mut Ui, rect: Rect, cx: &Ctx, i: usize, out: &mut Requests) {
    let det = &cx.map.determinants[i];
    let focus = &cx.state.analysis.focus;
    let row_on = matches!(focus, Some(Focus::Determinant(d)) if *d == det.id);
    let knocked = cx.state.analysis.knocked_out.as_ref() == Some(&det.id);
    let label_rect = Rect::from_min_size(rect.min, vec2(LABEL_W, ROW_H));
    let response = clickable(
        ui,
        label_rect,
        egui::Id::new(("matrix row", det.id.as_str())),
        det.label.clone(),
    );
    let painter = ui.painter_at(rect);
    if row_on {
        painter.rect_filled(label_rect, 2.0, cx.palette.highlight.gamma_multiply(0.35));
    } else if response.hovered() {
        painter.rect_filled(label_rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let chip = det
        .categories
        .first()
        .and_then(|c| cx.map.category(c))
        .map_or(cx.palette.uncategorised, |c| style::colour(c.colour));
    painter.rect_filled(
        Rect::from_min_size(pos2(rect.left() + 2.0, rect.top() + 5.0), vec2(6.0, ROW_H - 10.0)),
        1.0,
        chip,
    );
    let text_colour = if knocked {
        cx.palette.warning
    } else {
        ui.visuals().text_color()
    };
    let galley = painter.layout(
        det.label.clone(),
        FontId::proportional(14.0),
        text_colour,
        f32::INFINITY,
    );
    let clip = Rect::from_min_max(
        pos2(rect.left() + 12.0, rect.top()),
        pos2(label_rect.right() - 4.0, rect.bottom()),
    );
    ui.painter().with_clip_rect(clip).galley(
        pos2(clip.left(), rect.center().y - galley.size().y / 2.0),
        galley.clone(),
        text_colour,
    );
    if knocked {
        painter.line_segment(
            [
                pos2(clip.left(), rect.center().y),
                pos2(clip.left() + galley.size().x.min(clip.width()), rect.center().y),
            ],
            Stroke::new(1.5, cx.palette.warning),
        );
    }
    let response = response.on_hover_text(format!("{}\n{}", det.label, tr!("matrix-click-determinant")));
    if response.clicked() {
        out.analysis(AnalysisRequest::Focus(if row_on {
            None
        } else {
            Some(Focus::Determinant(det.id.clone()))
        }));
    }
    for (k, shown) in cx.view.cells[i].iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(rect.left() + LABEL_W + CELL_W * k as f32, rect.top()),
            vec2(CELL_W, ROW_H),
        );
        let sure = cx.view.confidence[i][k];
        cell(ui, cx, r, (&det.id, &cx.map.stages[k].id), *shown, sure, out);
    }
}

fn cell(
    ui: &mut Ui,
    cx: &Ctx,
    r: Rect,
    (det, stage): (&Id, &Id),
    shown: Shown,
    sure: Option<Level>,
    out: &mut Requests,
) {
    let inner = r.shrink2(vec2(2.0, 1.5));
    let painter = ui.painter();
    let focus = &cx.state.analysis.focus;
    let on = matches!(focus, Some(Focus::Cell { determinant, stage: s }) if determinant == det && s == stage);
    let (c, lost): (Cell, bool) = match shown {
        Shown::Empty => {
            painter.circle_filled(inner.center(), 1.5, ui.visuals().weak_text_color().gamma_multiply(0.5));
            return;
        }
        Shown::Feeds(c) => (c, false),
        Shown::Lost(c) => (c, true),
    };
    let det_label = cx.map.label_of(det);
    let stage_label = cx.map.label_of(stage);
    let words = if lost {
        let knocked = cx.state.analysis.knocked_out.as_ref();
        tr!(
            "matrix-lost-without",
            determinant = knocked.map_or("", |k| cx.map.label_of(k))
        )
    } else {
        cell_words(c.distance, c.net)
    };
    // Low and medium are said in words; high (what a plain cell means) is not.
    let mark = sure.filter(|l| *l < Level::High);
    let words = match mark {
        Some(level) => tr!(
            "cell-confidence",
            cell = words,
            confidence = super::super::words::confidence(level)
        ),
        None => words,
    };
    let response = clickable(
        ui,
        inner,
        egui::Id::new(("matrix cell", det.as_str(), stage.as_str())),
        format!("{det_label} → {stage_label}: {words}"),
    );
    let painter = ui.painter();
    if lost {
        painter.rect_stroke(
            inner,
            3.0,
            Stroke::new(1.5, cx.palette.warning),
            egui::StrokeKind::Inside,
        );
        painter.text(
            inner.center(),
            Align2::CENTER_CENTER,
            "×",
            FontId::proportional(14.0),
            cx.palette.warning,
        );
    } else {
        let colour = net_colour(c.net, &cx.palette);
        let tentative = mark == Some(Level::Low);
        let (fill, text) = if tentative {
            (colour.gamma_multiply(0.10), ui.visuals().strong_text_color())
        } else if c.is_direct() {
            (colour, on_strong(&cx.palette))
        } else {
            (colour.gamma_multiply(0.22), ui.visuals().strong_text_color())
        };
        painter.rect_filled(inner, 3.0, fill);
        if tentative {
            hatch(painter, inner, colour.gamma_multiply(0.45));
            painter.rect_stroke(inner, 3.0, Stroke::new(1.5, colour), egui::StrokeKind::Inside);
        }
        let font = if c.is_direct() {
            FontId::proportional(15.0)
        } else {
            FontId::proportional(14.0)
        };
        let code = cell_code(c.distance, c.net);
        match mark {
            None => {
                painter.text(inner.center(), Align2::CENTER_CENTER, code, font, text);
            }
            Some(level) => {
                painter.text(
                    pos2(inner.left() + 6.0, inner.center().y),
                    Align2::LEFT_CENTER,
                    code,
                    font,
                    text,
                );
                painter.text(
                    pos2(inner.right() - 4.0, inner.center().y),
                    Align2::RIGHT_CENTER,
                    short_mark(level),
                    FontId::proportional(12.0),
                    text,
                );
            }
        }
    }
    if on {
        painter.rect_stroke(r, 3.0, Stroke::new(3.0, cx.palette.highlight), egui::StrokeKind::Inside);
    } else if response.hovered() {
        painter.rect_stroke(
            inner,
            3.0,
            Stroke::new(1.5, ui.visuals().strong_text_color()),
            egui::StrokeKind::Inside,
        );
    }
    let response = response.on_hover_text(format!(
        "{det_label}\n→ {stage_label}\n{words}\n{}",
        tr!("matrix-click-cell")
    ));
    if response.clicked() {
        out.analysis(AnalysisRequest::Focus(if on {
            None
        } else {
            Some(Focus::Cell {
                determinant: det.clone(),
                stage: stage.clone(),
            })
        }));
    }
}

/// The totals rows: how many of the rows shown feed each stage, hinder it, are mixed (and are lost
/// to the knock-out).
type Line = (String, fn(&Totals) -> usize);

fn totals_lines(cx: &Ctx) -> Vec<Line> {
    let mut lines: Vec<Line> = vec![
        (tr!("matrix-total-feed"), |t| t.feed),
        (tr!("matrix-total-hinder"), |t| t.hinder),
        (tr!("matrix-total-mixed"), |t| t.mixed),
    ];
    if cx.state.analysis.knocked_out.is_some() {
        lines.push((tr!("matrix-total-lost"), |t| t.lost));
    }
    if cx.view.totals.iter().any(|t| t.low > 0) {
        lines.push((tr!("matrix-total-tentative"), |t| t.low));
    }
    lines
}

fn totals(ui: &mut Ui, cx: &Ctx, at: egui::Pos2) {
    let t = &cx.view.totals;
    for (line, (name, count)) in totals_lines(cx).into_iter().enumerate() {
        let rect = Rect::from_min_size(
            pos2(at.x, at.y + ROW_H * line as f32),
            vec2(LABEL_W + CELL_W * t.len() as f32, ROW_H),
        );
        let painter = ui.painter_at(rect);
        painter.text(
            pos2(rect.left() + 12.0, rect.center().y),
            Align2::LEFT_CENTER,
            &name,
            FontId::proportional(14.0),
            ui.visuals().strong_text_color(),
        );
        for (k, totals) in t.iter().enumerate() {
            let centre = pos2(rect.left() + LABEL_W + CELL_W * (k as f32 + 0.5), rect.center().y);
            let r = Rect::from_center_size(centre, vec2(CELL_W, ROW_H));
            let n = count(totals);
            ui.interact(r, egui::Id::new(("matrix total", line, k)), Sense::hover())
                .widget_info(|| {
                    let text = tr!("matrix-total", name = &name, number = k + 1, count = n);
                    egui::WidgetInfo::labeled(egui::WidgetType::Label, true, text)
                });
            painter.text(
                centre,
                Align2::CENTER_CENTER,
                n.to_string(),
                FontId::proportional(15.0),
                ui.visuals().strong_text_color(),
            );
        }
    }
}

/// The word a cell carries beside its code for a feed below high confidence ("low", "med.").
fn short_mark(level: Level) -> String {
    match level {
        Level::Low => tr!("matrix-mark-low"),
        _ => tr!("matrix-mark-medium"),
    }
}

/// Diagonal lines across `rect`, 6 points apart: the fill of a tentative cell, which reads as
/// "not solid" in greyscale too.
fn hatch(painter: &egui::Painter, rect: Rect, colour: Color32) {
    let painter = painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let h = rect.height();
    let mut x = rect.left() - h;
    while x < rect.right() {
        painter.line_segment(
            [pos2(x, rect.bottom()), pos2(x + h, rect.top())],
            Stroke::new(1.5, colour),
        );
        x += 6.0;
    }
}

/// In the header's top left, over the row labels: a hatched swatch and what the marks mean, with
/// the longer explanation on hover.
fn legend(ui: &mut Ui, header: Rect, cx: &Ctx) {
    let swatch = Rect::from_min_size(pos2(header.left() + 4.0, header.top() + 4.0), vec2(22.0, 14.0));
    let colour = cx.palette.enables;
    let painter = ui.painter_at(header);
    painter.rect_filled(swatch, 2.0, colour.gamma_multiply(0.10));
    hatch(&painter, swatch, colour.gamma_multiply(0.45));
    painter.rect_stroke(swatch, 2.0, Stroke::new(1.5, colour), egui::StrokeKind::Inside);
    let text = tr!("matrix-confidence-legend");
    let galley = painter.layout(
        text.clone(),
        FontId::proportional(12.0),
        ui.visuals().strong_text_color(),
        LABEL_W - 34.0,
    );
    let at = pos2(swatch.right() + 6.0, swatch.center().y - 7.0);
    let area = Rect::from_min_size(at, galley.size()).union(swatch);
    painter.galley(at, galley, ui.visuals().strong_text_color());
    let response = ui.interact(area, egui::Id::new("matrix confidence legend"), Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Label, true, &text));
    response.on_hover_text(tr!("matrix-confidence-legend-hint"));
}

/// Text on a strong fill (a direct cell, the stage in focus): white on the light theme's dark
/// fills, near-black on the dark theme's light ones.
fn on_strong(palette: &super::super::canvas::style::Palette) -> Color32 {
    if palette.dark {
        Color32::from_rgb(0x10, 0x12, 0x14)
    } else {
        Color32::WHITE
    }
}

/// A group's title in the current language: the derived rows name a coded value by its file word
/// ("pressure_point"), the one left over "not coded" or "no category"; a category is the map's.
fn group_title(cx: &Ctx, title: &str) -> String {
    use super::super::super::analysis_view::Grouping;
    use super::super::words;
    use crate::model::{Directness, Effect, Locus, Nature};
    fn find<T: Copy>(all: &[T], file: fn(T) -> &'static str, word: fn(T) -> String, title: &str) -> Option<String> {
        all.iter()
            .find(|&&v| file(v).replace('_', " ") == title)
            .map(|&v| word(v))
    }
    let grouping = cx.state.analysis.grouping;
    let found = match grouping {
        Grouping::MapOrder => None,
        Grouping::Category => (title == "no category").then(|| tr!("coded-no-category")),
        Grouping::Locus => find(Locus::ALL, Locus::as_str, words::locus, title),
        Grouping::Directness => find(Directness::ALL, Directness::as_str, words::directness, title),
        Grouping::Nature => find(Nature::ALL, Nature::as_str, words::nature, title),
        Grouping::Effect => find(Effect::ALL, Effect::as_str, words::effect, title),
    };
    match found {
        Some(word) => word,
        None if grouping != Grouping::Category && title == "not coded" => words::not_coded(),
        None => title.to_owned(),
    }
}
