//! Autosave and crash recovery: while the map has unsaved changes, a copy of it is kept where the
//! user's own file is never touched, so a crash, a kill or a power cut costs at most the last few
//! seconds of a workshop.
//!
//! - **Where.** One folder ([`DIR_VAR`], else `recovery/` in the platform's data folder for detmap,
//!   the one eframe keeps the window's preferences in). Each running window is a *session* with
//!   its own copy `<session>.ron` and a lock file `<session>.lock` that it holds until it ends.
//!   The operating system drops the lock when the process dies, however it dies, so at start a
//!   copy whose lock can be taken was left by a window that is gone: that is a copy to offer
//!   (`offer.rs`; the offering window holds the copy's lock, so one copy is offered by one window).
//!   A second window running at the same time never offers, adopts or deletes the first one's copy.
//! - **What.** A copy is an ordinary map file with a comment header naming the file it belongs to
//!   (absolute), that file's modification time as the window last read or wrote it, and when the
//!   copy was written ([`to_text`]): Determinant Mapper, or a text editor, opens it as is.
//! - **When.** [`DELAY`] seconds after the last change, written atomically by
//!   [`crate::format::save_with`]; removed as soon as the map is no longer dirty (saved, discarded, undone
//!   back to the saved state). The window asks for one repaint at the deadline and none otherwise.
//!   A map over the loader's limits is not written: its copy would not load.
//! - **Crash.** The panic hook ([`install_panic_hook`]) writes the snapshot in [`Shared`], which
//!   the window's autosave step refreshes at the end of each frame in which the document changed (so
//!   edits applied earlier in the frame that panics are not in it), with the newest map that would
//!   load.
//!
//! `impl DetmapApp` here is part of the apply point, like `files.rs`: it is where the window's
//! state changes for autosave and for the restore offer.

mod copy;
mod hook;
mod offer;
mod session;

pub use copy::{Found, Origin, Reason, describe_time, inspect, modified, to_text};
pub use hook::{Shared, install_panic_hook};
pub use offer::Offer;
pub use session::{DELAY, DIR_VAR, Recovery, WriteError};

use super::app::DetmapApp;
use super::document::Document;

/// The user's answer to the restore offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the copy as the document, with unsaved changes, attached to its original file.
    Restore,
    /// Delete the copy.
    Discard,
    /// Keep the copy and offer it again at the next start.
    Later,
}

impl DetmapApp {
    /// The real window's recovery: the folder from the environment or the platform, the panic
    /// hook, and the offer of anything a previous window left. Without a usable folder the window
    /// runs without autosave and says so.
    pub(super) fn with_platform_recovery(self) -> Self {
        let opened = match Recovery::default_dir() {
            Some(dir) => Recovery::open(&dir).map_err(|e| format!("{}: {e}", dir.display())),
            None => Err("no data folder for this user".to_owned()),
        };
        match opened {
            Ok(recovery) => {
                install_panic_hook(recovery.shared());
                self.with_recovery(recovery)
            }
            Err(why) => {
                eprintln!("detmap: autosave is off: {why}");
                let mut app = self;
                app.state.status = Some(format!("Autosave is off: {why}"));
                app
            }
        }
    }

    /// Turns autosave on with `recovery`, and offers the newest copy a previous window left.
    pub fn with_recovery(mut self, recovery: Recovery) -> Self {
        self.recovery = Some(recovery);
        self.state.recovery_offer = self.recovery.as_mut().and_then(Recovery::offer);
        self
    }

    /// Once a frame, after the requests are applied.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &mut self.recovery else { return };
        if self.quitting {
            // The user chose to quit (after saving, or with "Don't save"): nothing to keep. Once:
            // the frames until the window closes have nothing more to do.
            if !recovery.forgotten()
                && let Err(e) = recovery.forget()
            {
                self.state.status = Some(format!("Could not remove the recovery copy: {e}"));
            }
            return;
        }
        if let Some(message) = recovery.tick(&self.state.doc, self.now, ctx) {
            self.state.status = Some(message);
        }
    }

    /// The answer to the restore offer.
    pub(super) fn recover(&mut self, choice: RecoveryChoice) {
        let Some(offer) = self.state.recovery_offer.take() else {
            return;
        };
        if self.recovery.is_none() {
            return;
        }
        match choice {
            RecoveryChoice::Restore => {
                if offer.map.is_err() {
                    // The offer of a copy that does not load has no Restore: it stays as it is.
                    self.state.recovery_offer = Some(offer);
                    return;
                }
                let Offer {
                    found, map: Ok(map), ..
                } = offer
                else {
                    return;
                };
                let mut doc = Document::new(map, found.original.clone());
                // As the crashed window knew the file, so that a later copy still tells whether
                // someone else changed it since (the time now would hide that).
                doc.file_modified = found.original_modified;
                self.replace_document(doc);
                // Dirty: the restored changes are not in the file until the user saves.
                self.state.doc.revision = self.next_revision();
                let revision = self.state.doc.revision;
                let Some(recovery) = &mut self.recovery else { return };
                self.state.status = Some(match recovery.adopt(&found) {
                    Ok(()) => {
                        recovery.mark_written(revision);
                        match &found.original {
                            Some(p) => format!("Restored. Save writes it to {}", p.display()),
                            None => "Restored. It has no file yet: Save asks where to keep it".to_owned(),
                        }
                    }
                    Err(e) => format!(
                        "Restored, but the copy stays at {} ({e}); this window keeps its own",
                        found.file.display()
                    ),
                });
            }
            RecoveryChoice::Discard => {
                let Some(recovery) = &mut self.recovery else { return };
                if let Err(e) = recovery.discard(&offer.found) {
                    recovery.release_offer();
                    self.state.status = Some(format!("Could not delete {}: {e}", offer.found.file.display()));
                    return;
                }
                self.state.recovery_offer = recovery.offer();
            }
            RecoveryChoice::Later => {
                if let Some(recovery) = &mut self.recovery {
                    recovery.release_offer();
                }
            }
        }
    }

    /// The window is closing: after a choice to quit, no copy is kept; otherwise (a close that did
    /// not ask, which the window does not do with unsaved changes) the newest map is written.
    pub(super) fn end_recovery(&mut self) {
        let Some(recovery) = &mut self.recovery else { return };
        if self.state.doc.is_dirty() && !self.quitting {
            let _ = recovery.write(&self.state.doc);
        } else {
            let _ = recovery.forget();
        }
        recovery.end();
    }
}
