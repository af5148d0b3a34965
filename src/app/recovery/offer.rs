//! What a window finds of windows that are gone, and the offer of it: one copy at a time, newest
//! first, each held by this window while it is on screen.
//!
//! A copy whose lock file nobody holds was left by a window that is gone (the operating system
//! drops a lock when its process ends, however it ends); a window still running keeps its copy to
//! itself. While a copy is offered, this window holds that copy's lock (creating the lock file if
//! it is missing), so two windows starting together cannot both offer, restore or delete it: the
//! second one skips it. A copy that does not load is offered too, with why and where it is, so
//! it is never silently kept forever.

use super::copy::{Found, inspect, modified};
use super::session::{Held, Recovery, remove};
use crate::format;
use crate::model::Map;
use std::fs::{File, TryLockError};
use std::io;
use std::path::Path;
use std::time::Duration;

/// Lock files this old or older with nobody holding them are left over from a crash; a younger
/// one may be a window that has just created it and not yet locked it.
const STALE_LOCK: Duration = Duration::from_secs(60);

/// What the restore offer shows, and the map to restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub found: Found,
    /// The map, or why the copy does not load (one line per problem, as when opening a file).
    pub map: Result<Map, Vec<String>>,
    /// Someone else changed the original file since this map was last opened or saved (another
    /// window, another program, a colleague): restoring and saving would replace those changes.
    pub original_changed: bool,
    /// How many other copies wait to be offered after this one.
    pub more: usize,
}

impl Recovery {
    /// Copies left by windows that are gone, newest first. Files that are not recovery copies (no
    /// header) are left alone.
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(self.dir()) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let file = entry.path();
            let ext = file.extension().and_then(|e| e.to_str());
            if file == self.copy_path() || file == self.lock_path {
                continue;
            }
            if ext == Some("lock") {
                remove_if_stale(&file);
                continue;
            }
            if ext != Some("ron") || is_alive(&file.with_extension("lock")) {
                continue;
            }
            found.extend(inspect(&file));
        }
        found.sort_by(|a, b| b.saved.cmp(&a.saved).then_with(|| a.file.cmp(&b.file)));
        found
    }

    /// The newest copy left behind that no other window is offering, held by this window until
    /// [`Recovery::release_offer`] (or a discard, an adoption, the end of the session).
    pub fn offer(&mut self) -> Option<Offer> {
        self.release_offer();
        let found = self.left_behind();
        let count = found.len();
        for (n, found) in found.into_iter().enumerate() {
            let Some(held) = hold(&found.lock()) else { continue };
            let map = match format::load_file(&found.file) {
                Ok(map) => Ok(map),
                // Discarded or restored by another window between the listing and the lock.
                Err(_) if !found.file.exists() => continue,
                Err(e) => Err(e.to_string().lines().map(str::to_owned).collect()),
            };
            self.offered = held;
            let original_changed = original_changed(&found);
            return Some(Offer {
                found,
                map,
                original_changed,
                more: count - n - 1,
            });
        }
        None
    }

    /// Lets other windows offer the copy this one was offering (the user chose "Decide later").
    pub fn release_offer(&mut self) {
        self.offered = None;
    }

    /// Deletes a copy left behind (and its lock file).
    pub fn discard(&mut self, found: &Found) -> io::Result<()> {
        remove(&found.file)?;
        let _ = remove(&found.lock());
        self.release_offer();
        Ok(())
    }

    /// Makes a copy left behind this window's own (one rename: the copy is on disk throughout).
    pub fn adopt(&mut self, found: &Found) -> io::Result<()> {
        let renamed = std::fs::rename(&found.file, self.copy_path());
        if renamed.is_ok() {
            let _ = remove(&found.lock());
        }
        self.release_offer();
        renamed
    }
}

/// Takes the lock of a copy left behind: `Some(None)` when the file system has no locks (the
/// copy is offered all the same, as before there were locks), `None` when another window holds it.
fn hold(lock: &Path) -> Option<Option<Held>> {
    let Ok(file) = File::options().write(true).create(true).truncate(false).open(lock) else {
        return Some(None);
    };
    match file.try_lock() {
        Ok(()) => Some(Some(Held { _file: file })),
        Err(TryLockError::WouldBlock) => None,
        Err(TryLockError::Error(_)) => Some(None),
    }
}

/// Whether the copy's original file was changed by someone else since the window that wrote the copy
/// last read or wrote it: its modification time now differs from the one the copy recorded. (Not
/// "newer than the copy": autosave rewrites the copy after every change, so a colleague's save
/// between two autosaves would look older than the copy and be missed; a file synchronised from
/// another computer may carry an older time too.) A file that is gone is not "changed": saving
/// recreates it and overwrites nobody's work. A copy from before the time was recorded falls back
/// to comparing with when the copy was written.
fn original_changed(found: &Found) -> bool {
    let Some(original) = &found.original else { return false };
    let Some(now) = modified(original) else { return false };
    match (found.original_modified, found.saved) {
        (Some(then), _) => now != then,
        (None, Some(saved)) => now > saved,
        (None, None) => false,
    }
}

/// Whether a window holds this lock file. A missing file, or a file system without locks, counts
/// as nobody.
fn is_alive(lock: &Path) -> bool {
    match File::options().write(true).open(lock) {
        Ok(file) => matches!(file.try_lock(), Err(TryLockError::WouldBlock)),
        Err(_) => false,
    }
}

/// Removes a lock file nobody holds whose copy is gone (a window that crashed with nothing unsaved).
fn remove_if_stale(lock: &Path) {
    let old = std::fs::metadata(lock)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age >= STALE_LOCK);
    if old && !lock.with_extension("ron").exists() && !is_alive(lock) {
        let _ = std::fs::remove_file(lock);
    }
}

#[cfg(test)]
mod tests {
    use super::super::copy::{Origin, Reason, to_text};
    use super::*;
    use crate::app::document::Document;
    use jiff::Timestamp;
    use std::path::PathBuf;

    fn sample() -> Map {
        crate::samples::default_sample().unwrap().load().unwrap()
    }

    /// A copy as a window that is gone left it (its lock file released), written `saved` seconds
    /// after the epoch.
    fn left(dir: &Path, map: &Map, saved: i64) -> PathBuf {
        let r = Recovery::open(dir).unwrap();
        let saved = Timestamp::from_second(saved).unwrap();
        let text = to_text(map, Origin::default(), Some(saved), Reason::Autosave);
        std::fs::write(r.copy_path(), text).unwrap();
        r.copy_path().to_owned()
    }

    #[test]
    fn a_live_window_s_copy_is_not_offered_and_a_gone_one_s_is() {
        let dir = tempfile::tempdir().unwrap();
        let first = Recovery::open(dir.path()).unwrap();
        let mut doc = Document::new(sample(), None);
        doc.revision = 1;
        first.write(&doc).unwrap();
        let mut second = Recovery::open(dir.path()).unwrap();
        assert_eq!(second.left_behind(), vec![], "the first window still runs");
        let copy = first.copy_path().to_owned();
        drop(first);
        let found = second.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, copy);
        assert_eq!(second.offer().unwrap().map, Ok(sample()));
    }

    #[test]
    fn several_copies_are_offered_newest_first_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let mut older = sample();
        older.title = "older".into();
        left(dir.path(), &older, 1_700_000_000);
        left(dir.path(), &sample(), 1_700_000_100);
        let mut me = Recovery::open(dir.path()).unwrap();
        let first = me.offer().unwrap();
        let title = |o: &Offer| o.map.as_ref().unwrap().title.clone();
        assert_eq!((title(&first), first.more), (sample().title, 1));
        me.discard(&first.found).unwrap();
        assert!(!first.found.file.exists() && !first.found.lock().exists());
        let second = me.offer().unwrap();
        assert_eq!((title(&second).as_str(), second.more), ("older", 0));
        me.discard(&second.found).unwrap();
        assert_eq!(me.offer(), None);
    }

    /// Two windows starting together. The first to offer a copy holds its lock (made anew
    /// if the crashed window's lock file is gone); the other skips it until it is let go.
    #[test]
    fn a_copy_on_offer_in_one_window_is_not_offered_in_another() {
        let dir = tempfile::tempdir().unwrap();
        let copy = left(dir.path(), &sample(), 1_700_000_000);
        std::fs::remove_file(copy.with_extension("lock")).unwrap();
        let mut a = Recovery::open(dir.path()).unwrap();
        let mut b = Recovery::open(dir.path()).unwrap();
        assert_eq!(a.offer().unwrap().found.file, copy);
        assert!(copy.with_extension("lock").exists(), "the missing lock file is made");
        assert_eq!(b.offer(), None, "the first window is offering it");
        a.release_offer();
        let offered = b.offer().unwrap();
        assert_eq!(offered.found.file, copy, "let go: the other window may offer it");
        assert_eq!(a.offer(), None);
        b.discard(&offered.found).unwrap();
        assert_eq!(a.offer(), None);
        assert!(!copy.exists() && !copy.with_extension("lock").exists());
    }

    /// A copy that does not load is offered with why, not skipped.
    #[test]
    fn a_copy_that_does_not_load_is_offered_with_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let copy = left(dir.path(), &sample(), 1_700_000_000);
        let text = std::fs::read_to_string(&copy).unwrap();
        std::fs::write(&copy, text.replacen("stages:", "stages: oops", 1)).unwrap();
        let mut me = Recovery::open(dir.path()).unwrap();
        let offer = me.offer().unwrap();
        let problems = offer.map.unwrap_err();
        assert!(problems[0].contains(&copy.display().to_string()), "{problems:?}");
    }
}
