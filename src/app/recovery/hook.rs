//! The panic hook: as the program fails, it writes the newest map with unsaved changes. The hook
//! cannot reach the window's state, so the window keeps a snapshot in [`Shared`], replaced at the
//! end of each frame in which the document changed (after that frame's edits are applied: edits
//! applied earlier in a frame that panics are not in it) and only by a map within the loader's
//! limits (a crash copy must load); the hook takes it with `try_lock` (never waiting on a lock the
//! panicking thread itself may hold) and writes it atomically like any copy.

use super::copy::{Origin, Reason, now, to_text};
use crate::format;
use crate::model::Map;
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The newest map with unsaved changes and the file it belongs to, for the panic hook.
pub(super) struct Snapshot {
    /// The window's own copy of the map at this revision (shared with its undo history).
    pub(super) map: Arc<Map>,
    pub(super) original: Option<PathBuf>,
    pub(super) original_modified: Option<jiff::Timestamp>,
}

/// What the window shares with the panic hook: where its copy goes, and the newest map with
/// unsaved changes (`None` while the map is saved: then a panic writes nothing).
pub struct Shared {
    pub(super) copy: PathBuf,
    pub(super) latest: Mutex<Option<Snapshot>>,
}

impl Shared {
    /// Writes the newest snapshot as a crash copy; returns whether one was written. Never blocks
    /// for long and never panics: it runs inside the panic hook, where a second panic aborts.
    pub fn write_emergency_copy(&self) -> bool {
        let mut guard = None;
        for _ in 0..20 {
            match self.latest.try_lock() {
                Ok(g) => guard = Some(g),
                // The lock was held by a thread that panicked: the snapshot itself is whole
                // (it is only ever replaced), so it is still the best copy there is.
                Err(std::sync::TryLockError::Poisoned(p)) => guard = Some(p.into_inner()),
                // Another thread is replacing the snapshot: it takes microseconds. If the
                // panicking thread itself holds it, give up after 0.1 s; the last autosave stays.
                Err(std::sync::TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(5)),
            }
            if guard.is_some() {
                break;
            }
        }
        let Some(guard) = guard else { return false };
        let Some(snapshot) = guard.as_ref() else { return false };
        let origin = Origin {
            path: snapshot.original.as_deref(),
            modified: snapshot.original_modified,
        };
        let text = to_text(&snapshot.map, origin, now(), Reason::Crash);
        drop(guard);
        let written = format::save_with(&self.copy, |w| w.write_all(text.as_bytes())).is_ok();
        if written {
            let _ = writeln!(
                io::stderr(),
                "detmap: the map's unsaved changes were kept in {}; Determinant Mapper offers them at its next start",
                self.copy.display()
            );
        }
        written
    }

    /// The map the panic hook would write now (for tests of what is shared).
    #[cfg(test)]
    pub(crate) fn latest_map(&self) -> Option<Arc<Map>> {
        self.latest.lock().unwrap().as_ref().map(|s| s.map.clone())
    }

    pub(super) fn set(&self, snapshot: Option<Snapshot>) {
        let mut latest = match self.latest.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        *latest = snapshot;
    }
}

/// Installs a panic hook that writes the emergency copy, then runs the hook that was there before
/// (which prints the message). Installed once, by the real window; tests of the window do not
/// install it, so their panics do not write copies.
pub fn install_panic_hook(shared: Arc<Shared>) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        shared.write_emergency_copy();
        previous(info);
    }));
}
