//! The frame loop.

use super::state::Document;
use super::ui::canvas::Canvas;
use crate::{format, samples};
use std::path::PathBuf;

pub struct DetmapApp {
    doc: Document,
    canvas: Canvas,
    error: Option<String>,
}

impl DetmapApp {
    pub fn new(_cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let mut error = None;
        let doc = match file {
            Some(path) => match format::load_file(&path) {
                Ok(map) => Some(Document::new(map, Some(path))),
                Err(e) => {
                    error = Some(e.to_string());
                    None
                }
            },
            None => None,
        };
        let doc = doc.unwrap_or_else(|| {
            let map = samples::default_sample().and_then(|s| s.load().ok()).unwrap_or_default();
            Document::new(map, None)
        });
        DetmapApp { doc, canvas: Canvas { fit_pending: true, ..Default::default() }, error }
    }
}

impl eframe::App for DetmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if let Some(e) = &self.error {
            egui::Panel::top("error").show(ui, |ui| {
                ui.colored_label(ui.visuals().error_fg_color, e);
            });
        }
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            let dark = ui.visuals().dark_mode;
            self.canvas.ui(ui, &self.doc, dark);
        });
    }
}
