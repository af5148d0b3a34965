//! The window's dialogs: the system's where one can be shown, else the window's own chooser, so
//! that saving is always possible and a missing dialog is said, not silent.
//!
//! How it decides: `DETMAP_FILE_CHOOSER` first (`builtin`, `system`, `auto`); in `auto`, what
//! `detect.rs` finds (on a thread started with the window, so the first Save does not wait for
//! it); and, whatever it found, an empty answer from the system dialog that comes back sooner than
//! a person could have cancelled means no dialog was shown (a portal whose backend failed, say):
//! that request goes to the window's own chooser, and so does every later one. The first time the
//! window's own chooser stands in, the status bar and a line above the chooser say why.

use super::detect::{self, Availability, Preference};
use super::{BuiltinChooser, DialogAnswer, DialogRequest, Dialogs, RfdDialogs};
use crate::tr;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// An empty answer sooner than this after asking is taken as "no dialog could be shown": the
/// system dialog takes a few tenths of a second to appear, and a person longer to cancel it.
pub const QUICK: Duration = Duration::from_millis(500);

enum Mode {
    /// The system's dialog. `fallback`: a quick empty answer switches to the window's own chooser.
    System { fallback: bool },
    /// The window's own chooser.
    Builtin,
}

pub struct SystemDialogs {
    mode: Mode,
    /// The detection's answer, until it comes (`auto` on a desktop that must be looked at).
    detecting: Option<Receiver<Availability>>,
    /// The system's dialog: rfd's (tests put a scripted one here).
    system: Box<dyn Dialogs>,
    builtin: BuiltinChooser,
    /// The request the system dialog is showing, and when it was asked.
    asked: Option<(DialogRequest, Instant)>,
    /// Why the window's own chooser is used, until it is first shown.
    why: Option<String>,
    /// For the status bar, once.
    notice: Option<String>,
}

impl SystemDialogs {
    /// As `DETMAP_FILE_CHOOSER` says; in `auto`, starts looking for a system dialog on a thread.
    pub fn from_environment() -> Self {
        match Preference::from_environment() {
            Preference::Auto => {
                let (tx, rx) = std::sync::mpsc::channel();
                let spawned = std::thread::Builder::new()
                    .name("file dialog check".into())
                    .spawn(move || {
                        let _ = tx.send(detect::detect());
                    });
                let mut dialogs = Self::new(Mode::System { fallback: true });
                if spawned.is_ok() {
                    dialogs.detecting = Some(rx);
                }
                dialogs
            }
            preference => Self::with_preference(preference),
        }
    }

    /// Dialogs for a preference given outright; `Auto` here takes the system's dialog with the
    /// fallback on a quick empty answer, without looking first.
    pub fn with_preference(preference: Preference) -> Self {
        Self::new(match preference {
            Preference::Auto => Mode::System { fallback: true },
            Preference::Builtin => Mode::Builtin,
            Preference::System => Mode::System { fallback: false },
        })
    }

    /// Dialogs on a desktop where the look found `availability` (tests give it).
    pub fn with_availability(availability: Availability) -> Self {
        let mut dialogs = Self::new(Mode::System { fallback: true });
        dialogs.learn(availability);
        dialogs
    }

    fn new(mode: Mode) -> Self {
        SystemDialogs {
            mode,
            detecting: None,
            system: Box::new(RfdDialogs::default()),
            builtin: BuiltinChooser::new(),
            asked: None,
            why: None,
            notice: None,
        }
    }

    /// `auto` over the given system dialogs, without looking first (tests: a scripted dialog that
    /// answers "no file" at once is a desktop where none can be shown).
    pub fn over(system: Box<dyn Dialogs>) -> Self {
        SystemDialogs {
            system,
            ..Self::new(Mode::System { fallback: true })
        }
    }

    /// Whether the window's own chooser is the one used now.
    pub fn uses_builtin(&self) -> bool {
        matches!(self.mode, Mode::Builtin)
    }

    fn learn(&mut self, availability: Availability) {
        if let (Availability::No, Mode::System { fallback: true }) = (&availability, &self.mode) {
            self.fall_back(tr!("chooser-no-system-dialog"));
        }
    }

    /// From now on the window's own chooser; why is said when it first opens.
    fn fall_back(&mut self, why: String) {
        self.mode = Mode::Builtin;
        self.why = Some(why);
    }

    /// Opens the window's own chooser on `request`, saying why the first time.
    fn start_builtin(&mut self, request: DialogRequest) {
        if let Some(why) = self.why.take() {
            self.notice = Some(why.clone());
            self.builtin.notice_once(why);
        }
        self.builtin.start(request);
    }
}

impl Dialogs for SystemDialogs {
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context) {
        if let Some(rx) = &self.detecting
            && let Ok(availability) = rx.try_recv()
        {
            self.detecting = None;
            self.learn(availability);
        }
        match self.mode {
            Mode::Builtin => {
                self.start_builtin(request);
                ctx.request_repaint();
            }
            Mode::System { .. } => {
                self.asked = Some((request.clone(), Instant::now()));
                self.system.ask(request, ctx);
            }
        }
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        if let Some(answer) = self.system.poll() {
            let asked = self.asked.take();
            if let (Some((request, at)), None, Mode::System { fallback: true }) = (asked, &answer.path, &self.mode)
                && at.elapsed() < QUICK
            {
                // Nobody cancelled that: no dialog was shown. The same request goes to the
                // window's own chooser, which gives its answer.
                self.fall_back(tr!("chooser-system-dialog-failed"));
                self.start_builtin(request);
                return self.builtin.poll();
            }
            return Some(answer);
        }
        self.builtin.poll()
    }

    fn show(&mut self, ctx: &egui::Context) -> bool {
        self.builtin.show(ctx)
    }

    fn in_window(&self) -> bool {
        self.builtin.in_window()
    }

    fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::commands::Purpose;
    use crate::app::dialogs::{DialogKind, ScriptedDialogs};
    use std::path::PathBuf;

    fn request() -> DialogRequest {
        DialogRequest {
            purpose: Purpose::Open,
            kind: DialogKind::Open,
            title: "Open a map".into(),
            file_name: String::new(),
            filter: ("file-type-map", &["ron"]),
            directory: None,
        }
    }

    #[test]
    fn an_empty_answer_at_once_hands_the_request_to_the_builtin_chooser_and_says_so_once() {
        let ctx = egui::Context::default();
        let system = ScriptedDialogs::default();
        system.answer(None);
        let mut dialogs = SystemDialogs::over(Box::new(system.clone()));
        dialogs.ask(request(), &ctx);
        assert_eq!(dialogs.poll(), None, "the empty answer is not passed on");
        assert!(dialogs.uses_builtin());
        assert!(dialogs.in_window(), "the built-in chooser is open");
        assert_eq!(
            dialogs.take_notice().as_deref(),
            Some(tr!("chooser-system-dialog-failed").as_str())
        );
        assert_eq!(dialogs.take_notice(), None, "said once");
        // The next request goes straight to the built-in chooser, not to the system dialog.
        let asked_before = system.asked.lock().unwrap().len();
        dialogs.ask(request(), &ctx);
        assert_eq!(system.asked.lock().unwrap().len(), asked_before);
        assert!(dialogs.in_window());
    }

    #[test]
    fn a_path_or_a_late_cancel_is_the_answer() {
        let ctx = egui::Context::default();
        let system = ScriptedDialogs::default();
        system.answer(Some(PathBuf::from("/maps/a.ron")));
        let mut dialogs = SystemDialogs::over(Box::new(system.clone()));
        dialogs.ask(request(), &ctx);
        assert_eq!(dialogs.poll().unwrap().path, Some(PathBuf::from("/maps/a.ron")));
        // A cancel after a person could have read the dialog is a cancel.
        system.answer(None);
        dialogs.ask(request(), &ctx);
        std::thread::sleep(QUICK + Duration::from_millis(50));
        let answer = dialogs.poll().expect("the cancel is passed on");
        assert_eq!(answer.path, None);
        assert!(!dialogs.uses_builtin());
        assert_eq!(dialogs.take_notice(), None);
    }

    #[test]
    fn the_system_preference_never_falls_back() {
        let ctx = egui::Context::default();
        let system = ScriptedDialogs::default();
        system.answer(None);
        let mut dialogs = SystemDialogs::with_preference(Preference::System);
        dialogs.system = Box::new(system);
        dialogs.ask(request(), &ctx);
        assert_eq!(dialogs.poll().map(|a| a.path), Some(None));
        assert!(!dialogs.uses_builtin());
    }

    #[test]
    fn no_system_dialog_found_means_the_builtin_chooser_from_the_first_request() {
        let mut dialogs = SystemDialogs::with_availability(Availability::No);
        assert!(dialogs.uses_builtin());
        assert_eq!(
            dialogs.take_notice(),
            None,
            "said when the chooser first opens, not before"
        );
        dialogs.ask(request(), &egui::Context::default());
        assert!(dialogs.in_window());
        assert_eq!(
            dialogs.take_notice().as_deref(),
            Some(tr!("chooser-no-system-dialog").as_str())
        );
        assert!(!SystemDialogs::with_availability(Availability::Yes).uses_builtin());
        assert!(!SystemDialogs::with_availability(Availability::Unknown).uses_builtin());
        assert!(SystemDialogs::with_preference(Preference::Builtin).uses_builtin());
    }
}
