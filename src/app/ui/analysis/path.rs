//! Beside the matrix: what the focus is about, in the domain's words. For a stage, what feeds it
//! (directly, through others) and the pressure points its paths pass through; for a determinant,
//! the stages it feeds, by which paths, and the knock-out switch; for a cell, the explaining path
//! step by step with each step's sign and evidence; for a loop, its sign.

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::super::super::derived::explain::PathText;
use super::super::super::derived::rows::Shown;
use super::super::super::derived::{DeterminantSummary, Feeder, StageSummary, Summary};
use super::super::words;
use super::{Ctx, cell_code, net_colour, symbol};
use crate::analysis::{Cell, LoopKind, NetEffect};
use crate::model::{Id, Level, Sign};
use crate::tr;
use egui::{RichText, Ui};

/// Lists longer than this show their first entries and a count of the rest.
const MAX_LISTED: usize = 150;

pub fn ui(ui: &mut Ui, cx: &Ctx, out: &mut Requests) {
    egui::ScrollArea::vertical()
        .id_salt("analysis detail")
        .auto_shrink([false, false])
        .show(ui, |ui| match &cx.view.summary {
            None => nothing_in_focus(ui, cx),
            Some(Summary::Stage(s)) => stage(ui, cx, s, out),
            Some(Summary::Determinant(d)) => determinant(ui, cx, d, out),
            Some(Summary::Cell {
                determinant,
                stage,
                paths,
                lost,
                confidence,
            }) => cell(ui, cx, determinant, stage, paths, *lost, *confidence),
            Some(Summary::Loop(l)) => {
                let (kind, why) = match l.kind {
                    LoopKind::Reinforcing => (tr!("path-loop-reinforcing"), tr!("path-loop-reinforcing-why")),
                    LoopKind::Balancing => (tr!("path-loop-balancing"), tr!("path-loop-balancing-why")),
                };
                ui.heading(kind);
                ui.label(why);
                ui.add_space(6.0);
                ui.label(RichText::new(super::loops::in_words(cx.map, l)).size(16.0));
            }
        });
}

fn nothing_in_focus(ui: &mut Ui, cx: &Ctx) {
    ui.heading(tr!("path-nothing-title"));
    ui.label(tr!("path-nothing-stage"));
    ui.label(tr!("path-nothing-determinant"));
    ui.label(tr!("path-nothing-cell"));
    if let Some(k) = &cx.derived.knock {
        ui.add_space(8.0);
        knock_summary(ui, cx, &k.determinant);
    }
}

fn knock_summary(ui: &mut Ui, cx: &Ctx, knocked: &Id) {
    let Some(k) = &cx.derived.knock else { return };
    ui.label(
        RichText::new(tr!("path-without", determinant = cx.map.label_of(knocked)))
            .strong()
            .color(cx.palette.warning),
    );
    if k.losses.losses.is_empty() {
        ui.label(tr!("path-no-loss"));
    }
    for loss in &k.losses.losses {
        let stage = cx.map.label_of(&loss.stage);
        if loss.loses_all_enabling {
            ui.label(tr!("path-loses-all", stage = stage));
        } else {
            let names: Vec<&str> = loss.lost_enablers.iter().map(|d| cx.map.label_of(d)).collect();
            ui.label(tr!(
                "path-no-longer-enabled",
                stage = stage,
                determinants = names.join("; ")
            ));
        }
    }
}

fn stage(ui: &mut Ui, cx: &Ctx, s: &StageSummary, out: &mut Requests) {
    let number = cx.map.stages.iter().position(|x| x.id == s.stage).map_or(0, |k| k + 1);
    ui.heading(tr!(
        "analysis-what-feeds",
        number = number,
        stage = cx.map.label_of(&s.stage)
    ));
    let all: Vec<&Feeder> = s.direct.iter().chain(&s.indirect).collect();
    let count = |net| all.iter().filter(|(_, c, _)| c.net == net).count();
    ui.label(tr!(
        "analysis-feeders-summary",
        count = all.len(),
        direct = s.direct.len(),
        indirect = s.indirect.len(),
        enable = count(NetEffect::Enables),
        hinder = count(NetEffect::Hinders),
        mixed = count(NetEffect::Mixed),
    ));
    if let Some(loss) = &s.loss {
        let text = if loss.loses_all_enabling {
            tr!("path-stage-loses-all")
        } else {
            tr!("path-stage-enablers-drop", count = loss.lost_enablers.len())
        };
        ui.label(RichText::new(text).color(cx.palette.warning).strong());
    }
    feeders(
        ui,
        cx,
        tr!("path-directly", count = s.direct.len()),
        &s.direct,
        &s.stage,
        out,
    );
    if !cx.state.analysis.direct_only {
        let title = tr!("path-through-others", count = s.indirect.len());
        feeders(ui, cx, title, &s.indirect, &s.stage, out);
    }
    if !s.lost.is_empty() {
        section(ui, &tr!("path-lost"));
        for d in &s.lost {
            ui.label(RichText::new(format!("×  {}", cx.map.label_of(d))).color(cx.palette.warning));
        }
    }
    section(ui, &tr!("path-pressure-points"));
    ui.label(RichText::new(tr!("path-structural-intro")).weak());
    if s.structural.is_empty() {
        ui.label(tr!("path-structural-none"));
    }
    for p in s.structural.iter().take(MAX_LISTED) {
        let text = tr!(
            "path-structural-point",
            determinant = cx.map.label_of(&p.determinant),
            count = p.dependent_count
        );
        if ui.selectable_label(false, text).clicked() {
            out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(p.determinant.clone()))));
        }
    }
    ui.label(RichText::new(tr!("path-coded-intro")).weak());
    if s.coded.is_empty() {
        ui.label(tr!("path-none"));
    }
    for d in s.coded.iter().take(MAX_LISTED) {
        if ui.selectable_label(false, cx.map.label_of(d)).clicked() {
            out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(d.clone()))));
        }
    }
}

/// The feeders of a stage, each one click away from its explaining path.
/// `title` already holds the count.
fn feeders(ui: &mut Ui, cx: &Ctx, title: String, list: &[Feeder], stage: &Id, out: &mut Requests) {
    section(ui, &title);
    for (d, c, sure) in list.iter().take(MAX_LISTED) {
        why_link(ui, cx, c, *sure, cx.map.label_of(d), d, stage, out);
    }
    if list.len() > MAX_LISTED {
        ui.label(tr!("path-more", count = list.len() - MAX_LISTED));
    }
}

/// One line "1+  label (enables)" in the cell's colour, with its confidence when that is below
/// high ("…; low confidence)"); a click focuses the cell, whose explaining path the pane then shows.
#[allow(clippy::too_many_arguments)]
fn why_link(
    ui: &mut Ui,
    cx: &Ctx,
    c: &Cell,
    sure: Option<Level>,
    label: &str,
    determinant: &Id,
    stage: &Id,
    out: &mut Requests,
) {
    let code = cell_code(c.distance, c.net);
    let text = match sure {
        Some(level @ (Level::Low | Level::Medium)) => tr!(
            "path-feeder-sure",
            code = code,
            determinant = label,
            net = words::net(c.net),
            confidence = words::confidence(level)
        ),
        _ => tr!("path-feeder", code = code, determinant = label, net = words::net(c.net)),
    };
    let text = RichText::new(text).color(net_colour(c.net, &cx.palette));
    if ui
        .selectable_label(false, text)
        .on_hover_text(tr!("path-why-hint"))
        .clicked()
    {
        out.analysis(AnalysisRequest::Focus(Some(Focus::Cell {
            determinant: determinant.clone(),
            stage: stage.clone(),
        })));
    }
}

fn determinant(ui: &mut Ui, cx: &Ctx, d: &DeterminantSummary, out: &mut Requests) {
    let Some(det) = cx.map.determinant(&d.determinant) else {
        return;
    };
    ui.heading(&det.label);
    ui.label(
        RichText::new(format!(
            "{} · {} · {} · {} · {}",
            det.categories.join(" / "),
            words::coded(det.locus, words::locus),
            words::coded(det.directness, words::directness),
            words::coded(det.nature, words::nature),
            words::effect(det.effect)
        ))
        .weak(),
    );
    let mut knocked = cx.state.analysis.knocked_out.as_ref() == Some(&d.determinant);
    if ui
        .checkbox(&mut knocked, tr!("path-knock-out"))
        .on_hover_text(tr!("path-knock-out-hint"))
        .changed()
    {
        out.analysis(AnalysisRequest::KnockOut(knocked.then(|| d.determinant.clone())));
    }
    if knocked {
        knock_summary(ui, cx, &d.determinant);
    }
    section(ui, &tr!("path-feeds"));
    let mut any = false;
    for (stage, shown, sure) in &d.feeds {
        let label = cx.map.label_of(stage);
        match shown {
            Shown::Feeds(c) => {
                any = true;
                why_link(ui, cx, c, *sure, label, &d.determinant, stage, out);
            }
            Shown::Lost(_) => {
                ui.label(RichText::new(tr!("path-lost-feed", stage = label)).color(cx.palette.warning));
            }
            Shown::Empty => {}
        }
    }
    if !any && !d.feeds.iter().any(|(_, shown, _)| matches!(shown, Shown::Lost(_))) {
        ui.label(tr!("path-no-stage"));
    }
    if !d.paths.is_empty() {
        section(ui, &tr!("path-paths"));
        for p in &d.paths {
            ui.label(path_line(p));
        }
    }
    for h in &d.hints {
        ui.add_space(4.0);
        let hint = super::hints::message(cx.map, h);
        ui.label(RichText::new(tr!("path-hint", hint = hint)).italics());
    }
}

#[allow(clippy::too_many_arguments)]
fn cell(ui: &mut Ui, cx: &Ctx, det: &Id, stage: &Id, paths: &[PathText], lost: bool, confidence: Option<Level>) {
    ui.heading(tr!(
        "path-why-feeds",
        determinant = cx.map.label_of(det),
        stage = cx.map.label_of(stage)
    ));
    if lost {
        ui.label(RichText::new(tr!("path-cell-lost")).color(cx.palette.warning));
    }
    match confidence {
        Some(Level::Low) => {
            ui.label(
                RichText::new(tr!("path-cell-tentative"))
                    .color(cx.palette.warning)
                    .strong(),
            );
        }
        Some(Level::Medium) => {
            ui.label(RichText::new(tr!("path-cell-medium")).strong());
        }
        _ => {}
    }
    if paths.is_empty() {
        ui.label(tr!("path-cell-none"));
    }
    for p in paths {
        ui.add_space(6.0);
        let title = match p.sign {
            Sign::Enables => tr!("path-enabling", count = p.steps.len()),
            Sign::Hinders => tr!("path-hindering", count = p.steps.len()),
        };
        section(ui, &title);
        ui.label(path_line(p));
        for (n, step) in p.steps.iter().enumerate() {
            ui.add_space(4.0);
            let net = if step.sign == Sign::Enables {
                NetEffect::Enables
            } else {
                NetEffect::Hinders
            };
            ui.label(
                RichText::new(tr!(
                    "path-step",
                    number = n + 1,
                    from = &step.from,
                    sign = words::sign(step.sign),
                    to = &step.to
                ))
                .strong()
                .color(net_colour(net, &cx.palette)),
            );
            ui.indent(("step", n), |ui| {
                if step.confidence < Level::High {
                    let weak = tr!("path-step-weak", confidence = words::confidence(step.confidence));
                    ui.label(RichText::new(weak).color(cx.palette.warning).strong());
                }
                for note in &step.notes {
                    ui.label(note);
                }
                for e in &step.evidence {
                    let text = if e.location.is_empty() {
                        tr!("path-evidence", source = &e.source, paraphrase = &e.paraphrase)
                    } else {
                        tr!(
                            "path-evidence-at",
                            source = &e.source,
                            location = &e.location,
                            paraphrase = &e.paraphrase
                        )
                    };
                    ui.label(RichText::new(text).weak());
                }
                if step.evidence.is_empty() {
                    ui.label(RichText::new(tr!("path-no-evidence")).weak());
                }
            });
        }
    }
}

/// A path in one line, coloured by its net sign, with its sign in words for greyscale.
fn path_line(p: &PathText) -> RichText {
    let net = if p.sign == Sign::Enables {
        NetEffect::Enables
    } else {
        NetEffect::Hinders
    };
    let mut line = format!("{}   ({} {})", p.in_words(), symbol(net), words::sign(p.sign));
    if p.confidence() < Level::High {
        line.push_str("   ");
        line.push_str(&tr!("path-weakest", confidence = words::confidence(p.confidence())));
    }
    RichText::new(line).size(16.0)
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong());
}
