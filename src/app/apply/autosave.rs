//! Autosave and the offer to restore a copy a crashed window left: the model's side of
//! `app/recovery/` (which writes, finds and locks the copies).

use super::{AppModel, PlatformAction};
use crate::app::document::Document;
use crate::app::recovery::{Offer, Recovery, RecoveryChoice, install_panic_hook};
use crate::format;

impl AppModel {
    /// The real window's recovery: the folder from the environment or the platform, the panic
    /// hook, and the offer of anything a previous window left. Without a usable folder the window
    /// runs without autosave and says so.
    pub fn with_platform_recovery(self) -> Self {
        let opened = match Recovery::default_dir() {
            Some(dir) => Recovery::open(&dir).map_err(|e| format!("{}: {e}", dir.display())),
            None => Err(crate::tr!("recovery-no-data-folder")),
        };
        match opened {
            Ok(recovery) => {
                install_panic_hook(recovery.shared());
                self.with_recovery(recovery)
            }
            Err(why) => {
                eprintln!("detmap: autosave is off: {why}");
                let mut app = self;
                app.state.status = Some(crate::tr!("status-autosave-off", why = why.to_string()));
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

    /// Once a frame (and while the window is hidden), after the requests are applied: the copy
    /// written when it is due, and a wake-up asked for at the next deadline.
    pub(super) fn autosave(&mut self) {
        let Some(recovery) = &mut self.recovery else { return };
        if self.quitting {
            // The user chose to quit (after saving, or with "Don't save"): nothing to keep. Once:
            // the frames until the window closes have nothing more to do.
            if !recovery.forgotten()
                && let Err(e) = recovery.forget()
            {
                self.state.status = Some(crate::tr!("status-recovery-not-removed", error = e.to_string()));
            }
            return;
        }
        let (snapshot, doc) = (&mut self.snapshot, &self.state.doc);
        let tick = recovery.tick(doc, self.now, || super::shared_map(snapshot, doc));
        if let Some(message) = tick.message {
            self.state.status = Some(message);
        }
        if let Some(after) = tick.wake_after {
            self.effects.push(PlatformAction::WakeAfter(after));
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
                // The copy's own header is no comment of the user's; the file it came from may
                // hold some, which the first save over it would drop.
                doc.hand_comment = found.original.as_deref().and_then(format::file_first_comment);
                self.replace_document(doc);
                // Dirty: the restored changes are not in the file until the user saves.
                self.state.doc.revision = self.next_revision();
                let revision = self.state.doc.revision;
                let Some(recovery) = &mut self.recovery else { return };
                self.state.status = Some(match recovery.adopt(&found) {
                    Ok(()) => {
                        recovery.mark_written(revision);
                        match &found.original {
                            Some(p) => crate::tr!("status-restored-to", file = p.display().to_string()),
                            None => crate::tr!("status-restored-no-file"),
                        }
                    }
                    Err(e) => crate::tr!(
                        "status-restored-copy-stays",
                        file = found.file.display().to_string(),
                        error = e.to_string()
                    ),
                });
            }
            RecoveryChoice::Discard => {
                let Some(recovery) = &mut self.recovery else { return };
                if let Err(e) = recovery.discard(&offer.found) {
                    recovery.release_offer();
                    self.state.status = Some(crate::tr!(
                        "status-not-deleted",
                        file = offer.found.file.display().to_string(),
                        error = e.to_string()
                    ));
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
    pub fn end_recovery(&mut self) {
        let Some(recovery) = &mut self.recovery else { return };
        if self.state.doc.is_dirty() && !self.quitting {
            let _ = recovery.write(&self.state.doc);
        } else {
            let _ = recovery.forget();
        }
        recovery.end();
    }
}
