//! File dialogs behind a trait. The real one runs rfd's asynchronous dialog on its own thread and
//! hands the answer back over a channel, so the window keeps drawing while the dialog is open. Tests
//! use [`ScriptedDialogs`], which answers from a list and never opens anything.

use super::commands::Purpose;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogKind {
    Open,
    Save,
}

/// What to ask the user.
#[derive(Debug, Clone, PartialEq)]
pub struct DialogRequest {
    pub purpose: Purpose,
    pub kind: DialogKind,
    pub title: String,
    /// Suggested file name (save dialogs).
    pub file_name: String,
    pub filter: (&'static str, &'static [&'static str]),
    pub directory: Option<PathBuf>,
}

/// The user's answer: a path, or `None` if they cancelled (or no dialog could be shown).
#[derive(Debug, Clone, PartialEq)]
pub struct DialogAnswer {
    pub purpose: Purpose,
    pub path: Option<PathBuf>,
}

pub trait Dialogs {
    /// Starts a dialog. Every request gets exactly one answer from `poll` (with no path when the
    /// dialog could not be shown), which is how the application knows the dialog is closed; it
    /// asks for one dialog at a time.
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context);
    /// The answer, once there is one.
    fn poll(&mut self) -> Option<DialogAnswer>;
}

/// rfd dialogs on a worker thread.
pub struct RfdDialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
}

impl Default for RfdDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        RfdDialogs { tx, rx }
    }
}

impl Dialogs for RfdDialogs {
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context) {
        let purpose = request.purpose.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("file dialog".into()).spawn(move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title(&request.title)
                .add_filter(request.filter.0, request.filter.1);
            if let Some(dir) = &request.directory {
                dialog = dialog.set_directory(dir);
            }
            let path = match request.kind {
                DialogKind::Open => pollster::block_on(dialog.pick_file()),
                DialogKind::Save => pollster::block_on(dialog.set_file_name(&request.file_name).save_file()),
            }
            .map(|h| h.path().to_owned());
            let _ = tx.send(DialogAnswer {
                purpose: request.purpose,
                path,
            });
            ctx.request_repaint();
        });
        if spawned.is_err() {
            let _ = self.tx.send(DialogAnswer { purpose, path: None });
        }
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.rx.try_recv().ok()
    }
}

/// Answers dialogs from a script, for tests: each request takes the next answer (`None` = cancel).
/// The requests made are kept so a test can check what was asked.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    pub answers: Arc<Mutex<VecDeque<Option<PathBuf>>>>,
    pub asked: Arc<Mutex<Vec<DialogRequest>>>,
    pending: Option<DialogAnswer>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn answer(&self, path: Option<PathBuf>) {
        self.answers.lock().unwrap().push_back(path);
    }
}

impl Dialogs for ScriptedDialogs {
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context) {
        let path = self.answers.lock().unwrap().pop_front().flatten();
        self.asked.lock().unwrap().push(request.clone());
        self.pending = Some(DialogAnswer {
            purpose: request.purpose,
            path,
        });
        // As the real dialog does when it answers: the next frame takes the answer.
        ctx.request_repaint();
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.pending.take()
    }
}
