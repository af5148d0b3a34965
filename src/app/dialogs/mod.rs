//! File dialogs behind a trait, one answer per request, so the application model never knows
//! which dialog answered:
//! - [`RfdDialogs`] (`native.rs`): the system's dialog through rfd, on its own thread, the answer
//!   handed back over a channel so the window keeps drawing while it is open;
//! - [`BuiltinChooser`] (`builtin.rs`): a file chooser drawn in the window (egui-file-dialog), for a
//!   desktop that has no system dialog: without it such a user could not save at all, because rfd
//!   answers "no file" at once, which looks exactly like a cancel;
//! - [`SystemDialogs`] (`system.rs`): the window's choice between the two, from `DETMAP_FILE_CHOOSER`
//!   and from what the desktop offers (`detect.rs`), saying once when it falls back;
//! - [`ScriptedDialogs`]: for tests, answers from a list and never opens anything.

use super::commands::Purpose;
use std::collections::VecDeque;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

mod builtin;
mod detect;
mod native;
mod system;

pub use builtin::BuiltinChooser;
pub use detect::{Availability, CHOOSER_VARIABLE, Preference};
pub use native::RfdDialogs;
pub use system::SystemDialogs;

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
    /// The message id of the filter's name, put into words when the dialog opens, and the
    /// extensions it shows.
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
    /// Draws the dialog that lives in the window (the built-in chooser), once per drawn frame, and
    /// says whether one is open. It is modal: while it is, the window's own shortcuts, typing and
    /// dropped files wait, so nothing typed into the chooser edits the map behind it.
    fn show(&mut self, _ctx: &egui::Context) -> bool {
        false
    }
    /// Whether a dialog drawn in the window is open (see [`Dialogs::show`]).
    fn in_window(&self) -> bool {
        false
    }
    /// Something to say once in the status bar: that no system dialog can be shown here and the
    /// window's own chooser is used instead.
    fn take_notice(&mut self) -> Option<String> {
        None
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
