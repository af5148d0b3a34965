//! Beside the matrix: what the focus is about, in the domain's words. For a stage, what feeds it
//! (directly, through others) and the pressure points its paths pass through; for a determinant,
//! the stages it feeds, by which paths, and the knock-out switch; for a cell, the explaining path
//! step by step with each step's sign and evidence; for a loop, its sign.

use super::super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::super::commands::Requests;
use super::super::super::derived::explain::PathText;
use super::super::super::derived::rows::Shown;
use super::super::super::derived::{DeterminantSummary, StageSummary, Summary};
use super::{Ctx, cell_code, net_colour, symbol};
use crate::analysis::{Cell, LoopKind, NetEffect};
use crate::model::{Id, Sign};
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
            }) => cell(ui, cx, determinant, stage, paths, *lost),
            Some(Summary::Loop(l)) => {
                let (kind, why) = match l.kind {
                    LoopKind::Reinforcing => ("Reinforcing loop", "An even number of hinders: it amplifies itself."),
                    LoopKind::Balancing => ("Balancing loop", "An odd number of hinders: it damps itself."),
                };
                ui.heading(kind);
                ui.label(why);
                ui.add_space(6.0);
                ui.label(RichText::new(super::loops::in_words(cx.map, l)).size(16.0));
            }
        });
}

fn nothing_in_focus(ui: &mut Ui, cx: &Ctx) {
    ui.heading("Why and what if");
    ui.label("Click a stage (on the map or at the top of a column) to see what feeds it.");
    ui.label("Click a determinant to see the stages it feeds and the paths there.");
    ui.label("Click a cell of the matrix to see why: one explaining path, with its evidence.");
    if let Some(k) = &cx.derived.knock {
        ui.add_space(8.0);
        knock_summary(ui, cx, &k.determinant);
    }
}

fn knock_summary(ui: &mut Ui, cx: &Ctx, knocked: &Id) {
    let Some(k) = &cx.derived.knock else { return };
    ui.label(
        RichText::new(format!("Without {}:", cx.map.label_of(knocked)))
            .strong()
            .color(cx.palette.warning),
    );
    if k.losses.losses.is_empty() {
        ui.label("No stage loses enabling support.");
    }
    for loss in &k.losses.losses {
        let stage = cx.map.label_of(&loss.stage);
        if loss.loses_all_enabling {
            ui.label(format!("⚠ {stage} loses all enabling support."));
        } else {
            let names: Vec<&str> = loss.lost_enablers.iter().map(|d| cx.map.label_of(d)).collect();
            ui.label(format!("⚠ {stage} is no longer enabled by: {}.", names.join("; ")));
        }
    }
}

fn stage(ui: &mut Ui, cx: &Ctx, s: &StageSummary, out: &mut Requests) {
    let number = cx.map.stages.iter().position(|x| x.id == s.stage).map_or(0, |k| k + 1);
    ui.heading(crate::tr!("analysis-what-feeds", number = number, stage = cx.map.label_of(&s.stage)));
    let all: Vec<&(Id, Cell)> = s.direct.iter().chain(&s.indirect).collect();
    let count = |net| all.iter().filter(|(_, c)| c.net == net).count();
    ui.label(crate::tr!(
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
            "⚠ Without the knocked-out determinant it loses all enabling support.".to_owned()
        } else {
            format!(
                "⚠ Without the knocked-out determinant {} of its enablers drop out.",
                loss.lost_enablers.len()
            )
        };
        ui.label(RichText::new(text).color(cx.palette.warning).strong());
    }
    feeders(ui, cx, "Directly", &s.direct, &s.stage, out);
    if !cx.state.analysis.direct_only {
        feeders(ui, cx, "Through other determinants", &s.indirect, &s.stage, out);
    }
    if !s.lost.is_empty() {
        section(ui, "Lost to the knock-out");
        for d in &s.lost {
            ui.label(RichText::new(format!("×  {}", cx.map.label_of(d))).color(cx.palette.warning));
        }
    }
    section(ui, "Pressure points");
    ui.label(RichText::new("From the structure: every path into the stage from these feeders passes through").weak());
    if s.structural.is_empty() {
        ui.label("none: every feeder has more than one way in.");
    }
    for p in s.structural.iter().take(MAX_LISTED) {
        let n = p.dependent_count;
        let text = format!(
            "{}  ({n} feeder{} depend on it)",
            cx.map.label_of(&p.determinant),
            if n == 1 { "" } else { "s" }
        );
        if ui.selectable_label(false, text).clicked() {
            out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(p.determinant.clone()))));
        }
    }
    ui.label(RichText::new("Coded by the researchers as pressure points, among its feeders").weak());
    if s.coded.is_empty() {
        ui.label("none");
    }
    for d in s.coded.iter().take(MAX_LISTED) {
        if ui.selectable_label(false, cx.map.label_of(d)).clicked() {
            out.analysis(AnalysisRequest::Focus(Some(Focus::Determinant(d.clone()))));
        }
    }
}

/// The feeders of a stage, each one click away from its explaining path.
fn feeders(ui: &mut Ui, cx: &Ctx, title: &str, list: &[(Id, Cell)], stage: &Id, out: &mut Requests) {
    section(ui, &format!("{title} ({})", list.len()));
    for (d, c) in list.iter().take(MAX_LISTED) {
        why_link(ui, cx, c, cx.map.label_of(d), d, stage, out);
    }
    if list.len() > MAX_LISTED {
        ui.label(format!("… and {} more (see the matrix)", list.len() - MAX_LISTED));
    }
}

/// One line "1+  label (enables)" in the cell's colour; a click focuses the cell, whose explaining
/// path the pane then shows.
fn why_link(ui: &mut Ui, cx: &Ctx, c: &Cell, label: &str, determinant: &Id, stage: &Id, out: &mut Requests) {
    let text = RichText::new(format!("{}  {label} ({})", cell_code(c.distance, c.net), c.net))
        .color(net_colour(c.net, &cx.palette));
    if ui
        .selectable_label(false, text)
        .on_hover_text("Why: the explaining path")
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
    let coded = |v: Option<&str>| v.unwrap_or("not coded").replace('_', " ");
    ui.label(
        RichText::new(format!(
            "{} · {} · {} · {} · {}",
            det.categories.join(" / "),
            coded(det.locus.map(|v| v.as_str())),
            coded(det.directness.map(|v| v.as_str())),
            coded(det.nature.map(|v| v.as_str())),
            det.effect
        ))
        .weak(),
    );
    let mut knocked = cx.state.analysis.knocked_out.as_ref() == Some(&d.determinant);
    if ui
        .checkbox(&mut knocked, "Knock out: what if it were gone?")
        .on_hover_text("The map does not change: the analysis leaves this determinant out until you bring it back")
        .changed()
    {
        out.analysis(AnalysisRequest::KnockOut(knocked.then(|| d.determinant.clone())));
    }
    if knocked {
        knock_summary(ui, cx, &d.determinant);
    }
    section(ui, "Feeds");
    let mut any = false;
    for (stage, shown) in &d.feeds {
        let label = cx.map.label_of(stage);
        match shown {
            Shown::Feeds(c) => {
                any = true;
                why_link(ui, cx, c, label, &d.determinant, stage, out);
            }
            Shown::Lost(_) => {
                ui.label(RichText::new(format!("×  {label} (lost to the knock-out)")).color(cx.palette.warning));
            }
            Shown::Empty => {}
        }
    }
    if !any && !d.feeds.iter().any(|(_, shown)| matches!(shown, Shown::Lost(_))) {
        ui.label("no stage");
    }
    if !d.paths.is_empty() {
        section(ui, "Paths");
        for p in &d.paths {
            ui.label(path_line(p));
        }
    }
    for h in &d.hints {
        ui.add_space(4.0);
        ui.label(RichText::new(format!("Hint: {}", h.message(cx.map))).italics());
    }
}

fn cell(ui: &mut Ui, cx: &Ctx, det: &Id, stage: &Id, paths: &[PathText], lost: bool) {
    ui.heading(format!("Why {} feeds {}", cx.map.label_of(det), cx.map.label_of(stage)));
    if lost {
        ui.label(
            RichText::new("As drawn; without the knocked-out determinant this feed is gone.").color(cx.palette.warning),
        );
    }
    if paths.is_empty() {
        ui.label("It does not feed this stage.");
    }
    for p in paths {
        ui.add_space(6.0);
        let kind = match p.sign {
            Sign::Enables => "An enabling path",
            Sign::Hinders => "A hindering path",
        };
        section(
            ui,
            &format!(
                "{kind}, {} step{}",
                p.steps.len(),
                if p.steps.len() == 1 { "" } else { "s" }
            ),
        );
        ui.label(path_line(p));
        for (n, step) in p.steps.iter().enumerate() {
            ui.add_space(4.0);
            let net = if step.sign == Sign::Enables {
                NetEffect::Enables
            } else {
                NetEffect::Hinders
            };
            ui.label(
                RichText::new(format!("{}. {} {} {}", n + 1, step.from, step.sign, step.to))
                    .strong()
                    .color(net_colour(net, &cx.palette)),
            );
            ui.indent(("step", n), |ui| {
                for note in &step.notes {
                    ui.label(note);
                }
                for e in &step.evidence {
                    let place = if e.location.is_empty() {
                        String::new()
                    } else {
                        format!(", {}", e.location)
                    };
                    ui.label(RichText::new(format!("Evidence: {}{place}: {}", e.source, e.paraphrase)).weak());
                }
                if step.evidence.is_empty() {
                    ui.label(RichText::new("No evidence recorded for this influence.").weak());
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
    RichText::new(format!("{}   ({} {})", p.in_words(), symbol(net), p.sign)).size(16.0)
}

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).strong());
}
