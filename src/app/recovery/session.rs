//! One window's recovery session: its copy `<dir>/<session>.ron`, the lock file `<session>.lock`
//! it holds while it runs, and the autosave clock. What it finds of windows that are gone is
//! `offer.rs`.
//!
//! The lock is `std::fs::File::try_lock` (an advisory lock the operating system drops when the
//! process ends, however it ends), so other windows can tell this one is still running.

use super::copy::{Origin, Reason, now, to_text};
use super::hook::{Shared, Snapshot};
use crate::app::document::Document;
use crate::format;
use crate::model::Map;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Seconds after the last change before the copy is written: long enough that typing a label or
/// dragging a node does not write on every step, short enough that little is lost.
pub const DELAY: f64 = 3.0;

/// The most seconds a change waits for the copy, however steadily the user goes on typing or
/// dragging: [`DELAY`] alone would wait for a pause that may never come.
pub const MAX_BEHIND: f64 = 10.0;

/// Overrides the folder of recovery copies (tests and CI point it at a temporary folder).
pub const DIR_VAR: &str = "DETMAP_RECOVERY_DIR";

/// One window's recovery session: its copy, its lock, and the autosave clock.
pub struct Recovery {
    dir: PathBuf,
    shared: Arc<Shared>,
    pub(super) lock_path: PathBuf,
    /// Held for the life of the window; dropping it (or dying) releases the lock.
    _lock: Option<File>,
    /// The lock of another window's copy while this window offers it.
    pub(super) offered: Option<Held>,
    /// The (revision, saved revision) last seen.
    seen: Option<(u64, u64)>,
    /// When (the window's clock, in seconds) the next write is due: [`DELAY`] after the last
    /// change but no later than [`MAX_BEHIND`] after `behind_since`; or [`DELAY`] after the last
    /// failed write (a full disk is retried every few seconds, not every frame).
    due: f64,
    /// When the oldest change that is not in the copy on disk was seen (`None` when the copy is
    /// up to date, or there is no change to keep).
    behind_since: Option<f64>,
    /// The revision whose copy is on disk; set only once the write worked, so undoing back to a
    /// revision whose write failed writes it again.
    written: Option<u64>,
    /// The revision found over the loader's limits and not written (it will not become loadable
    /// without another change, so it is not checked again).
    refused: Option<u64>,
    /// [`Recovery::forget`] ran: the user chose to quit.
    forgotten: bool,
}

impl Recovery {
    /// A session in `dir` (created if missing).
    pub fn open(dir: &Path) -> io::Result<Recovery> {
        std::fs::create_dir_all(dir)?;
        let millis = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let base = format!("{millis}-{}", std::process::id());
        // Two windows of one process (tests) can start in the same millisecond.
        let (id, lock) = (0..1000)
            .find_map(|n| {
                let id = if n == 0 { base.clone() } else { format!("{base}-{n}") };
                let path = dir.join(format!("{id}.lock"));
                let file = File::options().write(true).create_new(true).open(&path).ok()?;
                Some((id, (path, file)))
            })
            .ok_or_else(|| io::Error::other(crate::tr!("recovery-no-lock", folder = dir.display().to_string())))?;
        let (lock_path, file) = lock;
        // A file system without locks still gets autosave; only the check that another window's
        // copy is not offered while that window runs is lost.
        let lock = match file.try_lock() {
            Ok(()) => Some(file),
            Err(_) => None,
        };
        Ok(Recovery {
            dir: dir.to_owned(),
            shared: Arc::new(Shared {
                copy: dir.join(format!("{id}.ron")),
                latest: Mutex::new(None),
            }),
            lock_path,
            _lock: lock,
            offered: None,
            seen: None,
            due: 0.0,
            behind_since: None,
            written: None,
            refused: None,
            forgotten: false,
        })
    }

    /// The folder [`DIR_VAR`] names, else `recovery/` in the platform's data folder for detmap.
    pub fn default_dir() -> Option<PathBuf> {
        match std::env::var_os(DIR_VAR) {
            Some(dir) if !dir.is_empty() => Some(PathBuf::from(dir)),
            _ => eframe::storage_dir("detmap").map(|d| d.join("recovery")),
        }
    }

    /// Where this window's copy is written.
    pub fn copy_path(&self) -> &Path {
        &self.shared.copy
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// What the panic hook needs.
    pub fn shared(&self) -> Arc<Shared> {
        self.shared.clone()
    }

    /// Keeps the copy in step with `doc` at `now` (the window's clock, in seconds): says when a
    /// write or a removal failed, or when the map cannot be kept at all, and, while a write is
    /// due, when to tick again (the window asks for one wake-up then, and none otherwise).
    /// `shared` gives `doc`'s map as the window shares it (with its undo history), for the panic
    /// hook: asked for once per change, it is no copy of its own.
    pub fn tick(&mut self, doc: &Document, now: f64, shared: impl FnOnce() -> Arc<Map>) -> Tick {
        let key = (doc.revision, doc.saved_revision);
        if self.seen != Some(key) {
            self.seen = Some(key);
            let since = *self.behind_since.get_or_insert(now);
            self.due = (now + DELAY).min(since + MAX_BEHIND);
            if !doc.is_dirty() {
                self.shared.set(None);
            } else if over_limits(&doc.map).is_none() {
                self.shared.set(Some(Snapshot {
                    map: shared(),
                    original: doc.path.clone(),
                    original_modified: doc.file_modified,
                }));
            }
            // A map over the limits leaves the snapshot as it was: the panic hook then writes the
            // newest map that would load again, rather than replace a good copy with one that won't.
            if !doc.is_dirty() {
                self.written = None;
                if let Err(e) = remove(&self.shared.copy) {
                    return Tick::say(crate::tr!("status-recovery-not-removed", error = e.to_string()));
                }
            }
        }
        if !doc.is_dirty() || self.written == Some(doc.revision) {
            self.behind_since = None;
            return Tick::default();
        }
        if self.refused == Some(doc.revision) {
            return Tick::default();
        }
        if now < self.due {
            return Tick {
                message: None,
                wake_after: Some(Duration::from_secs_f64(self.due - now)),
            };
        }
        match self.write(doc) {
            Ok(()) => {
                self.written = Some(doc.revision);
                self.behind_since = None;
                Tick::default()
            }
            Err(WriteError::WouldNotLoad(why)) => {
                // The copy on disk, if any, is of an earlier revision that loads: it stays.
                self.refused = Some(doc.revision);
                Tick::say(crate::tr!("recovery-cannot-autosave", why = why))
            }
            Err(WriteError::Save(e)) => {
                // Retried after a pause in the changes, or at the latest [`MAX_BEHIND`] from now:
                // not at every change while the disk stays full.
                self.due = now + DELAY;
                self.behind_since = Some(now);
                Tick {
                    message: Some(crate::tr!("recovery-write-failed", error = e.to_string())),
                    wake_after: Some(Duration::from_secs_f64(DELAY)),
                }
            }
        }
    }

    /// Writes the copy of `doc` now, unless it would not load again (then nothing is written and
    /// a copy already on disk stays).
    pub fn write(&self, doc: &Document) -> Result<(), WriteError> {
        if let Some(why) = over_limits(&doc.map) {
            return Err(WriteError::WouldNotLoad(why));
        }
        let origin = Origin {
            path: doc.path.as_deref(),
            modified: doc.file_modified,
        };
        let text = to_text(&doc.map, origin, now(), Reason::Autosave);
        if text.len() > format::MAX_FILE_BYTES {
            return Err(WriteError::WouldNotLoad(crate::tr!(
                "recovery-until-smaller",
                size = text.len() / 1_000_000,
                limit = format::MAX_FILE_BYTES / 1_000_000
            )));
        }
        format::save_with(&self.shared.copy, |w| w.write_all(text.as_bytes())).map_err(WriteError::Save)
    }

    /// Marks the copy on disk as being of `revision` (after adopting one).
    pub fn mark_written(&mut self, revision: u64) {
        self.written = Some(revision);
    }

    /// The window is closing and the user chose: no copy is kept, and a panic from here on does
    /// not write one.
    pub fn forget(&mut self) -> io::Result<()> {
        self.forgotten = true;
        self.shared.set(None);
        self.written = None;
        remove(&self.shared.copy)
    }

    /// Whether [`Recovery::forget`] has run.
    pub fn forgotten(&self) -> bool {
        self.forgotten
    }

    /// The window ends cleanly: its lock file goes (the copy, if any, stays for the next start).
    pub fn end(&mut self) {
        self.offered = None;
        self._lock = None;
        let _ = remove(&self.lock_path);
    }
}

/// What a [`Recovery::tick`] has to tell the window.
#[derive(Debug, Default, PartialEq)]
pub struct Tick {
    /// For the status bar: a write or a removal failed, or the map cannot be kept.
    pub message: Option<String>,
    /// A write is due then: tick again after this long, even if nothing else happens.
    pub wake_after: Option<Duration>,
}

impl Tick {
    fn say(message: String) -> Tick {
        Tick {
            message: Some(message),
            wake_after: None,
        }
    }
}

/// The lock of another window's copy while this window offers it (`offer.rs`), held until the
/// user answers.
pub(super) struct Held {
    pub(super) _file: File,
}

/// Why a copy was not written.
#[derive(Debug)]
pub enum WriteError {
    /// The map breaks a limit of the loader, so a copy would not open again (and `format::save_file`
    /// refuses the map too): the text says what to fix, ending with a full stop.
    WouldNotLoad(String),
    Save(format::SaveError),
}

/// The first limit of the loader `map` breaks (a text over 64 KiB, a list too long), as "FIELD is
/// fixed: PROBLEM.", or `None`. The same check `format::save_file` makes before it writes.
fn over_limits(map: &Map) -> Option<String> {
    let problems = format::check_limits(map);
    let first = problems.first()?;
    Some(crate::tr!(
        "recovery-until-fixed",
        path = first.path.to_string(),
        problem = &first.message,
        more = problems.len() - 1
    ))
}

/// Removes a file; one that is already gone is fine.
pub(super) fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tick with the map copied for the panic hook, as a window without an undo history would.
    fn tick(rec: &mut Recovery, doc: &Document, now: f64) -> Tick {
        rec.tick(doc, now, || Arc::new(doc.map.clone()))
    }

    fn sample() -> Map {
        crate::samples::default_sample().unwrap().load().unwrap()
    }

    /// A map over the loader's limits is neither autosaved nor given to the panic hook: the hook
    /// keeps the newest map that loads, so a crash does not replace a good copy with a bad one.
    #[test]
    fn a_map_over_the_limits_is_kept_from_the_copy_and_from_the_panic_hook() {
        let dir = tempfile::tempdir().unwrap();
        let mut rec = Recovery::open(dir.path()).unwrap();
        let mut doc = Document::new(sample(), None);
        doc.revision = 1;
        tick(&mut rec, &doc, 0.0);
        let good = doc.map.clone();
        doc.map.determinants[0].notes = "x".repeat(format::MAX_TEXT_BYTES + 1);
        doc.revision = 2;
        assert_eq!(tick(&mut rec, &doc, 1.0).message, None);
        let message = tick(&mut rec, &doc, 1.0 + DELAY).message.expect("says why");
        assert!(
            message.starts_with("This map cannot be saved or autosaved until determinants[0].notes is fixed:"),
            "{message}"
        );
        assert!(!rec.copy_path().exists(), "no copy that would not load");
        assert_eq!(
            tick(&mut rec, &doc, 2.0 + DELAY).message,
            None,
            "said once, not every frame"
        );
        assert!(rec.shared().write_emergency_copy());
        assert_eq!(
            format::load_file(rec.copy_path()).unwrap(),
            good,
            "the hook's copy loads"
        );
    }

    /// Steady typing never pauses for [`DELAY`]: the copy is still written, and the change it
    /// misses is never more than [`MAX_BEHIND`] seconds old.
    #[test]
    fn steady_editing_is_copied_at_most_max_behind_seconds_late() {
        let dir = tempfile::tempdir().unwrap();
        let mut rec = Recovery::open(dir.path()).unwrap();
        let mut doc = Document::new(sample(), None);
        let mut copies = std::collections::BTreeSet::new();
        // A key every 0.4 s for 30 s, the window ticking at each.
        for step in 0..=75 {
            let now = f64::from(step) * 0.4;
            doc.map.title = format!("{now:.1}");
            doc.revision += 1;
            let tick = tick(&mut rec, &doc, now);
            assert_eq!(tick.message, None);
            let wake = tick.wake_after.map_or(0.0, |d| d.as_secs_f64());
            assert!(wake <= DELAY + 1e-9, "woken at the deadline: {wake}");
            // The oldest change not in the copy (the one after the copy's) is at most MAX_BEHIND old.
            let copied: f64 = match format::load_file(rec.copy_path()) {
                Ok(map) => map.title.parse().unwrap(),
                Err(_) => -0.4,
            };
            copies.insert(format!("{copied:.1}"));
            assert!(
                now - (copied + 0.4) <= MAX_BEHIND + 1e-9,
                "at {now} the copy is of {copied}"
            );
        }
        assert!(copies.len() >= 3, "written every few seconds: {copies:?}");
    }

    /// A write that fails is tried again a few seconds later, and again after an undo back to
    /// its revision; it is never marked as written.
    #[test]
    fn a_failed_write_is_retried_after_another_delay() {
        let dir = tempfile::tempdir().unwrap();
        let mut rec = Recovery::open(dir.path()).unwrap();
        let copy = rec.copy_path().to_owned();
        // A folder where the copy goes: renaming a file over it fails.
        std::fs::create_dir(&copy).unwrap();
        let mut doc = Document::new(sample(), None);
        doc.revision = 1;
        assert_eq!(tick(&mut rec, &doc, 0.0).message, None, "not due yet");
        let message = tick(&mut rec, &doc, DELAY + 0.1)
            .message
            .expect("the write fails and says so");
        assert!(message.starts_with("Could not write the recovery copy"), "{message}");
        assert_eq!(tick(&mut rec, &doc, DELAY + 0.2).message, None, "not every frame");

        // The obstacle goes: the same revision is written once the next delay is over.
        std::fs::remove_dir(&copy).unwrap();
        assert_eq!(tick(&mut rec, &doc, DELAY + 1.0).message, None);
        assert!(!copy.exists(), "not before the delay");
        assert_eq!(tick(&mut rec, &doc, 2.0 * DELAY + 0.2).message, None);
        assert!(copy.is_file(), "retried without another change");

        // It fails again; an edit and an undo back to that revision: written after the delay.
        std::fs::remove_file(&copy).unwrap();
        std::fs::create_dir(&copy).unwrap();
        doc.revision = 2;
        tick(&mut rec, &doc, 10.0);
        assert!(tick(&mut rec, &doc, 10.0 + DELAY + 0.1).message.is_some());
        std::fs::remove_dir(&copy).unwrap();
        doc.revision = 3;
        tick(&mut rec, &doc, 14.0);
        doc.revision = 2;
        tick(&mut rec, &doc, 14.5);
        assert!(!copy.exists());
        assert_eq!(tick(&mut rec, &doc, 14.5 + DELAY + 0.1).message, None);
        assert!(
            copy.is_file(),
            "the undone-to revision is written: its earlier write had failed"
        );
    }

    /// Why a map cannot be autosaved, in Spanish: one sentence with its count of other problems.
    #[test]
    fn the_refusal_reads_in_spanish() {
        use crate::i18n::{Language, Message};
        let until = |more: usize| {
            Message::new("recovery-until-fixed")
                .with("path", "determinants[0].notes")
                .with("problem", "este texto tiene 70.000 bytes")
                .with("more", more)
                .text_in(Language::Spanish)
        };
        assert_eq!(
            until(0),
            "se corrija determinants[0].notes: este texto tiene 70.000 bytes."
        );
        assert!(until(1).ends_with("(y 1 problema más)."), "{}", until(1));
        assert!(until(3).ends_with("(y 3 problemas más)."), "{}", until(3));
        let english = Message::new("recovery-until-fixed")
            .with("path", "p")
            .with("problem", "q")
            .with("more", 0)
            .text_in(Language::English);
        assert_eq!(english, "p is fixed: q.");
    }
}
