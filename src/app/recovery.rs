//! Autosave and crash recovery: while the map has unsaved changes, a copy of it is kept where the
//! user's own file is never touched, so a crash, a kill or a power cut costs at most the last few
//! seconds of a workshop.
//!
//! - **Where.** One folder ([`DIR_VAR`], else `recovery/` in the platform's data folder for detmap,
//!   the one eframe keeps the window's preferences in). Each running window is a *session* with
//!   its own copy `<session>.ron` and a lock file `<session>.lock` that it holds until it ends.
//!   The operating system drops the lock when the process dies, however it dies, so at start a
//!   copy whose lock can be taken was left by a window that is gone: that is a copy to offer. A
//!   second window running at the same time never offers, adopts or deletes the first one's copy.
//! - **What.** A copy is an ordinary map file with a comment header naming the file it belongs to
//!   and when it was written ([`to_text`]): Determinant Mapper, or a text editor, opens it as is.
//! - **When.** [`DELAY`] seconds after the last change, written atomically by
//!   [`format::save_with`]; removed as soon as the map is no longer dirty (saved, discarded, undone
//!   back to the saved state). The window asks for one repaint at the deadline and none otherwise.
//! - **Crash.** The panic hook ([`install_panic_hook`]) writes the newest map from [`Shared`],
//!   which the window refreshes once per frame in which the document changed.
//!
//! `impl DetmapApp` here is part of the apply point, like `files.rs`: it is where the window's
//! state changes for autosave and for the restore offer.

use super::app::DetmapApp;
use super::state::Document;
use crate::format;
use crate::model::Map;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fs::{File, TryLockError};
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Seconds after the last change before the copy is written: long enough that typing a label or
/// dragging a node does not write on every step, short enough that little is lost.
pub const DELAY: f64 = 3.0;

/// Overrides the folder of recovery copies (tests and CI point it at a temporary folder).
pub const DIR_VAR: &str = "DETMAP_RECOVERY_DIR";

/// The line of the header that a program reads; the lines around it are for people.
const HEADER_PREFIX: &str = "// recovery: ";

/// Lock files this old or older with nobody holding them are left over from a crash; a younger
/// one may be a window that has just created it and not yet locked it.
const STALE_LOCK: Duration = Duration::from_secs(60);

/// Why a copy was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reason {
    /// A few seconds after the last change.
    Autosave,
    /// By the panic hook, as the program was failing.
    Crash,
}

/// What the header line records.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Header {
    /// The file the map was opened from or last saved to; `None` for a new map or a sample.
    original: Option<PathBuf>,
    /// RFC 3339, UTC.
    saved: Option<String>,
    reason: Reason,
}

/// The text of a recovery copy: a comment header, then the map in the normal file layout.
pub fn to_text(map: &Map, original: Option<&Path>, saved: Option<Timestamp>, reason: Reason) -> String {
    let header = Header {
        original: original.map(Path::to_owned),
        saved: saved.map(|t| t.to_string()),
        reason,
    };
    // A path that is not Unicode cannot be written in the header; the copy is still kept.
    let line = ron::to_string(&header)
        .or_else(|_| {
            ron::to_string(&Header {
                original: None,
                ..header
            })
        })
        .unwrap_or_default();
    let mut text = String::new();
    text.push_str("// Determinant Mapper recovery copy: a map with unsaved changes, kept in case the program\n");
    text.push_str("// stopped before it was saved. It opens like any map; the next line says where it belongs.\n");
    text.push_str(HEADER_PREFIX);
    text.push_str(&line);
    text.push('\n');
    text.push_str(&format::to_string(map));
    text
}

/// Reads the header from the first lines of a copy.
fn read_header(file: &Path) -> Option<Header> {
    let reader = io::BufReader::new(File::open(file).ok()?);
    for line in reader.lines().take(8) {
        let line = line.ok()?;
        if let Some(rest) = line.strip_prefix(HEADER_PREFIX) {
            return ron::from_str(rest).ok();
        }
        if !line.starts_with("//") {
            break;
        }
    }
    None
}

/// What a copy's header says, or `None` if `file` is not a recovery copy.
pub fn inspect(file: &Path) -> Option<Found> {
    let header = read_header(file)?;
    Some(Found {
        file: file.to_owned(),
        original: header.original,
        saved: header.saved.and_then(|s| s.parse().ok()),
        reason: header.reason,
    })
}

/// A recovery copy: which file it belongs to, and when and why it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    pub saved: Option<Timestamp>,
    pub reason: Reason,
}

impl Found {
    fn lock(&self) -> PathBuf {
        self.file.with_extension("lock")
    }
}

/// What the restore offer shows, and the map to restore.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub found: Found,
    pub map: Map,
    /// The original file was changed after the copy was written (by another window, another
    /// program, a colleague): restoring and saving would replace those changes.
    pub original_changed: bool,
    /// How many other copies wait to be offered after this one.
    pub more: usize,
}

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

/// When a copy was written, for people: the local date and time, and how long ago.
pub fn describe_time(saved: Timestamp, now: Timestamp) -> String {
    let local = saved.to_zoned_datetime(jiff::tz::TimeZone::system());
    let when = local.strftime("%A %-d %B %Y at %H:%M").to_string();
    let secs = now.as_second() - saved.as_second();
    let ago = match secs {
        s if s < 0 => return when,
        0..60 => "less than a minute ago".to_owned(),
        60..120 => "1 minute ago".to_owned(),
        120..3600 => format!("{} minutes ago", secs / 60),
        3600..7200 => "1 hour ago".to_owned(),
        7200..86400 => format!("{} hours ago", secs / 3600),
        86400..172800 => "1 day ago".to_owned(),
        _ => format!("{} days ago", secs / 86400),
    };
    format!("{when} ({ago})")
}

fn now() -> Option<Timestamp> {
    Timestamp::try_from(SystemTime::now()).ok()
}

/// The newest map with unsaved changes, for the panic hook; `None` while the map is saved.
struct Snapshot {
    map: Map,
    original: Option<PathBuf>,
}

/// What the window shares with the panic hook: where its copy goes, and the newest map.
pub struct Shared {
    copy: PathBuf,
    latest: Mutex<Option<Snapshot>>,
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
        let text = to_text(&snapshot.map, snapshot.original.as_deref(), now(), Reason::Crash);
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

    fn set(&self, snapshot: Option<Snapshot>) {
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

/// One window's recovery session: its copy, its lock, and the autosave clock.
pub struct Recovery {
    dir: PathBuf,
    shared: Arc<Shared>,
    lock_path: PathBuf,
    /// Held for the life of the window; dropping it (or dying) releases the lock.
    _lock: Option<File>,
    /// The (revision, saved revision) last seen, and when (egui's clock, in seconds) it changed.
    seen: Option<(u64, u64)>,
    changed_at: f64,
    /// The revision whose copy is on disk (or whose write failed: it is not retried until the
    /// next change, so a full disk does not make the window write every frame).
    written: Option<u64>,
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
            .ok_or_else(|| io::Error::other(format!("cannot create a lock file in {}", dir.display())))?;
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
            seen: None,
            changed_at: 0.0,
            written: None,
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

    /// Copies left by windows that are gone, newest first. Unreadable files are left alone.
    pub fn left_behind(&self) -> Vec<Found> {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in entries.flatten() {
            let file = entry.path();
            let ext = file.extension().and_then(|e| e.to_str());
            if file == self.shared.copy || file == self.lock_path {
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

    /// The newest copy that loads, to offer.
    pub fn offer(&self) -> Option<Offer> {
        let found = self.left_behind();
        let count = found.len();
        found.into_iter().enumerate().find_map(|(n, found)| {
            let map = format::load_file(&found.file).ok()?;
            let original_changed = match (&found.original, found.saved) {
                (Some(original), Some(saved)) => std::fs::metadata(original)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|m| Timestamp::try_from(m).ok())
                    .is_some_and(|modified| modified > saved),
                _ => false,
            };
            Some(Offer {
                found,
                map,
                original_changed,
                more: count - n - 1,
            })
        })
    }

    /// Deletes a copy left behind (and its lock file).
    pub fn discard(&self, found: &Found) -> io::Result<()> {
        remove(&found.file)?;
        let _ = remove(&found.lock());
        Ok(())
    }

    /// Makes a copy left behind this window's own (one rename: the copy is on disk throughout).
    pub fn adopt(&mut self, found: &Found) -> io::Result<()> {
        std::fs::rename(&found.file, &self.shared.copy)?;
        let _ = remove(&found.lock());
        Ok(())
    }

    /// Keeps the copy in step with `doc`; returns a message for the status bar when a write or a
    /// removal failed. `now` is egui's clock in seconds. While a write is due, asks `ctx` for one
    /// repaint at the deadline.
    pub fn tick(&mut self, doc: &Document, now: f64, ctx: &egui::Context) -> Option<String> {
        let key = (doc.revision, doc.saved_revision);
        if self.seen != Some(key) {
            self.seen = Some(key);
            self.changed_at = now;
            let snapshot = doc.is_dirty().then(|| Snapshot {
                map: doc.map.clone(),
                original: doc.path.clone(),
            });
            self.shared.set(snapshot);
            if !doc.is_dirty() {
                self.written = None;
                if let Err(e) = remove(&self.shared.copy) {
                    return Some(format!("Could not remove the recovery copy: {e}"));
                }
            }
        }
        if !doc.is_dirty() || self.written == Some(doc.revision) {
            return None;
        }
        let due = self.changed_at + DELAY;
        if now < due {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            return None;
        }
        self.written = Some(doc.revision);
        self.write(doc)
            .err()
            .map(|e| format!("Could not write the recovery copy: {e}"))
    }

    /// Writes the copy of `doc` now.
    pub fn write(&self, doc: &Document) -> Result<(), format::SaveError> {
        let text = to_text(&doc.map, doc.path.as_deref(), now(), Reason::Autosave);
        format::save_with(&self.shared.copy, |w| w.write_all(text.as_bytes()))
    }

    /// Marks the copy on disk as being of `revision` (after adopting one).
    pub fn mark_written(&mut self, revision: u64) {
        self.written = Some(revision);
    }

    /// The window is closing and the user chose: no copy is kept, and a panic from here on does
    /// not write one.
    pub fn forget(&mut self) -> io::Result<()> {
        self.shared.set(None);
        self.written = None;
        remove(&self.shared.copy)
    }

    /// The window ends cleanly: its lock file goes (the copy, if any, stays for the next start).
    pub fn end(&mut self) {
        self._lock = None;
        let _ = remove(&self.lock_path);
    }
}

/// Removes a file; one that is already gone is fine.
fn remove(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
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
        self.state.recovery_offer = self.recovery.as_ref().and_then(Recovery::offer);
        self
    }

    /// Once a frame, after the requests are applied.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(recovery) = &mut self.recovery else { return };
        if self.quitting {
            // The user chose to quit (after saving, or with "Don't save"): nothing to keep.
            if let Err(e) = recovery.forget() {
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
                let Offer { found, map, .. } = offer;
                self.replace_document(Document::new(map, found.original.clone()));
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
                let Some(recovery) = &self.recovery else { return };
                if let Err(e) = recovery.discard(&offer.found) {
                    self.state.status = Some(format!("Could not delete {}: {e}", offer.found.file.display()));
                    return;
                }
                self.state.recovery_offer = recovery.offer();
            }
            RecoveryChoice::Later => {}
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Map {
        crate::samples::default_sample().unwrap().load().unwrap()
    }

    #[test]
    fn a_copy_is_a_map_file_with_a_header_naming_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let original = Path::new("/maps/a \"quoted\"\nname.ron");
        let saved = Timestamp::from_second(1_700_000_000).unwrap();
        let text = to_text(&sample(), Some(original), Some(saved), Reason::Crash);
        let file = dir.path().join("x.ron");
        std::fs::write(&file, &text).unwrap();
        assert_eq!(format::load_file(&file).unwrap(), sample(), "opens as the map");
        let header = read_header(&file).unwrap();
        assert_eq!(header.original.as_deref(), Some(original));
        assert_eq!(header.saved.unwrap().parse::<Timestamp>().unwrap(), saved);
        assert_eq!(header.reason, Reason::Crash);
        assert_eq!(text.lines().nth(2).unwrap().matches(HEADER_PREFIX).count(), 1);
    }

    #[test]
    fn a_copy_without_a_file_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.ron");
        std::fs::write(&file, to_text(&sample(), None, None, Reason::Autosave)).unwrap();
        let header = read_header(&file).unwrap();
        assert_eq!((header.original, header.saved), (None, None));
    }

    #[test]
    fn a_live_window_s_copy_is_not_offered_and_a_gone_one_s_is() {
        let dir = tempfile::tempdir().unwrap();
        let first = Recovery::open(dir.path()).unwrap();
        let mut doc = Document::new(sample(), None);
        doc.revision = 1;
        first.write(&doc).unwrap();
        let second = Recovery::open(dir.path()).unwrap();
        assert_eq!(second.left_behind(), vec![], "the first window still runs");
        let copy = first.copy_path().to_owned();
        drop(first);
        let found = second.left_behind();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].file, copy);
        assert_eq!(second.offer().unwrap().map, sample());
    }

    #[test]
    fn times_are_local_with_how_long_ago() {
        let saved = Timestamp::from_second(1_700_000_000).unwrap();
        let later = |s: i64| Timestamp::from_second(1_700_000_000 + s).unwrap();
        assert!(describe_time(saved, later(5)).ends_with("(less than a minute ago)"));
        assert!(describe_time(saved, later(300)).ends_with("(5 minutes ago)"));
        assert!(describe_time(saved, later(3 * 86400)).ends_with("(3 days ago)"));
        assert!(describe_time(saved, later(0)).contains("2023"));
    }
}
