//! `App::logic`: eframe calls it before every frame, and also while the window is minimised or
//! covered (when a repaint was asked for: a dialog's answer, the autosave deadline, a close
//! request). Everything that must happen whether or not the window is seen happens here: the
//! requests the panels queued in the last frame, the answers of file dialogs, platform input (a
//! close request from the taskbar, dropped files, clipboard events, shortcuts), autosave and the
//! title. What the model asks of the platform is done in `perform`.

use super::window::DetmapApp;
use super::{CanvasEffect, PlatformAction};
use crate::app::commands::{Command, Proceed, Request};
use crate::app::state::Screen;
use std::path::PathBuf;

impl DetmapApp {
    pub(super) fn run_logic(&mut self, ctx: &egui::Context) {
        let (now, fresh) = self.clock.now(ctx);
        self.fit_to_screen(ctx);
        let mut requests = self.requests.take();
        while let Some(answer) = self.dialogs.poll() {
            requests.push(Request::Answered {
                purpose: answer.purpose,
                path: answer.path,
            });
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            requests.push(Request::CloseRequested);
        }
        // While the window's own file chooser is open it has the keyboard and the drops: a key
        // meant for it (Escape, Enter, a letter) must not also act on the map behind it.
        if fresh && !self.dialogs.in_window() {
            requests.extend(self.platform_input(ctx));
        }
        self.model.set_view_centre(self.panels.canvas.centre_of_view());
        for request in requests {
            if self.taken_by_canvas(&request) {
                continue;
            }
            for action in self.model.apply(request, now) {
                self.perform(action, ctx);
            }
        }
        if let Some(notice) = self.dialogs.take_notice() {
            // Said once: no system file dialog here, the window's own chooser stands in.
            self.model.state.status = Some(notice);
        }
        for action in self.model.tick(now) {
            self.perform(action, ctx);
        }
    }

    /// Dropped files, clipboard events and shortcuts of this frame, as requests.
    fn platform_input(&mut self, ctx: &egui::Context) -> Vec<Request> {
        let mut requests = Vec::new();
        let text_focus = ctx.text_edit_focused();
        let (dropped, clipboard) = ctx.input(|i| {
            let dropped: Vec<PathBuf> = i.raw.dropped_files.iter().map(|f| f.path().to_owned()).collect();
            let clipboard: Vec<egui::Event> = i
                .events
                .iter()
                .filter(|e| matches!(e, egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)))
                .cloned()
                .collect();
            (dropped, clipboard)
        });
        if let Some(path) = dropped.into_iter().next() {
            requests.push(Request::Proceed(Proceed::OpenPath(path)));
        }
        if !text_focus && self.model.state().screen == Screen::Editor {
            for e in clipboard {
                requests.push(match e {
                    egui::Event::Copy => Request::Run(Command::Copy),
                    egui::Event::Cut => Request::Run(Command::Cut),
                    egui::Event::Paste(text) => Request::PasteText(text),
                    _ => continue,
                });
            }
        }
        requests.extend(Command::pressed(ctx).into_iter().map(Request::Run));
        requests
    }

    /// Escape and X act first on a gesture in progress on the canvas (cancel it, flip the sign of
    /// the link being drawn), which only the canvas knows of.
    fn taken_by_canvas(&mut self, request: &Request) -> bool {
        if self.model.state().recovery_offer.is_some() {
            return false;
        }
        match request {
            Request::Run(Command::Escape) => self.panels.canvas.cancel_gesture(),
            Request::Run(Command::FlipSign) => self.panels.canvas.flip_pending_link(),
            _ => false,
        }
    }

    fn perform(&mut self, action: PlatformAction, ctx: &egui::Context) {
        let canvas = &mut self.panels.canvas;
        match action {
            PlatformAction::Ask(request) => self.dialogs.ask(request, ctx),
            PlatformAction::Title(title) => ctx.send_viewport_cmd(egui::ViewportCommand::Title(title)),
            PlatformAction::CopyText(text) => ctx.copy_text(text),
            PlatformAction::RequestPaste => ctx.send_viewport_cmd(egui::ViewportCommand::RequestPaste),
            PlatformAction::Close => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            PlatformAction::CancelClose => {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                // Closed from the taskbar while minimised: show the question.
                ctx.send_viewport_cmd(egui::ViewportCommand::Minimized(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Focus);
                ctx.request_repaint();
            }
            PlatformAction::Theme { dark } => ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light }),
            PlatformAction::Zoom(factor) => ctx.set_zoom_factor(factor),
            PlatformAction::Fullscreen(on) => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on)),
            PlatformAction::Canvas(effect) => match effect {
                CanvasEffect::Reset => canvas.reset(),
                CanvasEffect::Fit => canvas.fit(),
                CanvasEffect::FitSoon => canvas.fit_soon(),
                CanvasEffect::ZoomBy(factor) => canvas.zoom_by(factor),
                CanvasEffect::CentreOn(id) => canvas.centre_on(&id),
                CanvasEffect::SaveView => canvas.save_view(),
                CanvasEffect::RestoreView => canvas.restore_view(),
                CanvasEffect::Show(rect) => canvas.show(rect),
                CanvasEffect::Frame(ids) => canvas.frame_items(ids),
            },
            PlatformAction::FocusSearch => self.panels.outline.focus_search(),
            PlatformAction::WakeAfter(after) => ctx.request_repaint_after(after),
        }
    }
}
