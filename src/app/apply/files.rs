//! Files: opening (from the dialog, a recent entry, a sample or a drop), saving, exporting, and
//! asking before unsaved changes are discarded; and the answers of the file dialogs.

use super::{AppModel, CanvasEffect, PlatformAction};
use crate::app::commands::{Choice, ConflictChoice, Proceed, Purpose};
use crate::app::dialogs::{DialogKind, DialogRequest};
use crate::app::document::{Document, FileContent};
use crate::app::edit;
use crate::app::recovery;
use crate::app::state::{Conflict, ConflictReason, LoadProblem, Screen};
use crate::export::Export;
use crate::format;
use crate::model::Map;
use crate::samples;
use std::path::{Path, PathBuf};

impl AppModel {
    /// Does `p` now, or first asks whether to save unsaved changes.
    pub(super) fn proceed(&mut self, p: Proceed) {
        if let Proceed::OpenPath(path) = &p {
            // A file that cannot be read is reported before anything is discarded.
            if let Err(e) = format::load_file(path) {
                self.show_load_error(&e);
                return;
            }
        }
        if self.state.doc.is_dirty() {
            self.state.confirm = Some(p);
        } else {
            self.proceed_now(p);
        }
    }

    pub(super) fn proceed_now(&mut self, p: Proceed) {
        match p {
            Proceed::New => {
                let map = Map {
                    title: crate::tr!("new-map-title"),
                    categories: vec![edit::default_category()],
                    ..Default::default()
                };
                self.replace_document(Document::new(map, None));
            }
            Proceed::OpenDialog => {
                self.ask(
                    Purpose::Open,
                    DialogKind::Open,
                    &crate::tr!("dialog-open-map"),
                    "",
                    (MAP_FILES, &["ron"]),
                );
            }
            Proceed::OpenPath(path) => self.open_path(&path),
            Proceed::OpenSample(name) => match samples::find(name).map(|s| s.load()) {
                Some(Ok(map)) => self.replace_document(Document::new(map, None)),
                _ => self.state.status = Some(crate::tr!("status-sample-unreadable", name = name.to_string())),
            },
            Proceed::Quit => {
                self.quitting = true;
                self.effects.push(PlatformAction::Close);
            }
            Proceed::ImportDialog => self.ask_import(),
        }
    }

    pub(super) fn confirm(&mut self, choice: Choice) {
        let Some(p) = self.state.confirm.take() else { return };
        match choice {
            Choice::Cancel => {}
            Choice::Discard => self.proceed_now(p),
            Choice::Save => match self.state.doc.path.clone() {
                Some(path) => {
                    if self.save_checked(&path, Some(p.clone())) {
                        self.proceed_now(p);
                    }
                }
                None => self.ask_save_as(Some(p)),
            },
        }
    }

    /// Saves to `path`, unless it is the document's own file and the save would replace what this
    /// window did not write: someone else's changes since this window read or wrote it (asked:
    /// overwrite, save as, reload), or comments written by hand (asked: save anyway, save as).
    /// Then nothing is written until the user answers, with `then` to carry on after. Returns
    /// whether it saved.
    pub(super) fn save_checked(&mut self, path: &Path, then: Option<Proceed>) -> bool {
        let path = absolute(path);
        let doc = &self.state.doc;
        if doc.path.as_deref() != Some(path.as_path()) {
            return self.save_to(&path);
        }
        let reason = if doc.changed_on_disk() {
            self.state.status = Some(crate::tr!(
                "status-not-saved-changed",
                file = path.display().to_string()
            ));
            ConflictReason::ChangedOnDisk
        } else if let Some(at) = doc.hand_comment {
            self.state.status = Some(crate::tr!(
                "status-not-saved-comments",
                file = path.display().to_string()
            ));
            ConflictReason::HandComments(at)
        } else {
            return self.save_to(&path);
        };
        self.state.conflict = Some(Conflict { path, then, reason });
        false
    }

    /// The answer to "the file changed on disk".
    pub(super) fn resolve_conflict(&mut self, choice: ConflictChoice) {
        let Some(Conflict { path, then, .. }) = self.state.conflict.take() else {
            return;
        };
        match choice {
            ConflictChoice::Cancel => self.state.status = Some(crate::tr!("status-not-saved")),
            ConflictChoice::Overwrite => {
                if self.save_to(&path)
                    && let Some(p) = then
                {
                    self.proceed_now(p);
                }
            }
            ConflictChoice::SaveAs => self.ask_save_as(then),
            ConflictChoice::Reload => {
                self.open_path(&path);
                // A file that no longer opens leaves the map, and its changes, as they were.
                let doc = &self.state.doc;
                if doc.path.as_deref() == Some(path.as_path())
                    && !doc.is_dirty()
                    && let Some(p) = then
                {
                    self.proceed_now(p);
                }
            }
        }
    }

    /// Opens a map file; on failure the current map stays and the problems are shown.
    pub(super) fn open_path(&mut self, path: &Path) {
        let path = &absolute(path);
        // Before reading: a change between the two then shows as a change, never the reverse.
        let modified = recovery::modified(path);
        let content = FileContent::of(path);
        match format::load_file_noting_comments(path) {
            Ok(loaded) => {
                self.state.prefs.add_recent(path);
                let mut doc = Document::new(loaded.map, Some(path.to_owned()));
                doc.file_modified = modified;
                doc.file_content = content;
                doc.hand_comment = loaded.first_comment;
                self.replace_document(doc);
            }
            Err(e) => self.show_load_error(&e),
        }
    }

    pub(super) fn show_load_error(&mut self, e: &format::LoadError) {
        self.state.load_problem = Some(LoadProblem {
            file: e.file.clone(),
            lines: e.to_string().lines().map(str::to_owned).collect(),
            map_open: self.state.screen == Screen::Editor,
        });
    }

    pub(super) fn replace_document(&mut self, mut doc: Document) {
        let revision = self.next_revision();
        doc.revision = revision;
        doc.saved_revision = revision;
        self.state.doc = doc;
        self.state.selection.ids.clear();
        self.state.renaming = None;
        self.state.load_problem = None;
        self.state.screen = Screen::Editor;
        // What was reviewed or compared belonged to the map that is gone.
        self.state.merge_review = None;
        self.state.comparison = None;
        self.history.clear();
        self.state.analysis.forget_document();
        self.canvas(CanvasEffect::Reset);
    }

    /// Saves to `path`; returns whether it worked. A failure leaves the old file as it was (the
    /// save is atomic) and the document dirty, and is shown twice: in the banner, which stays until
    /// dismissed, and in the status bar, so that a failure after "Save changes?" is not missed.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let path = &absolute(path);
        match format::save_file(path, &self.state.doc.map) {
            Ok(()) => {
                let doc = &mut self.state.doc;
                doc.saved_revision = doc.revision;
                doc.path = Some(path.to_owned());
                doc.file_modified = recovery::modified(path);
                // Read back, so the stamp is whatever bytes the save wrote. Another writer in the
                // microseconds between the rename and this read would go unseen at the next save.
                doc.file_content = FileContent::of(path);
                // The file as written holds no comment but the header.
                doc.hand_comment = None;
                self.state.prefs.add_recent(path);
                self.history.break_merge();
                self.state.status = Some(crate::tr!("status-saved-to", file = path.display().to_string()));
                true
            }
            Err(e) => {
                let status = crate::tr!("status-not-saved-because", cause = e.source.to_string());
                self.show_write_failure(e.to_string(), &e, Some(crate::tr!("problem-save-advice")), status);
                false
            }
        }
    }

    pub(super) fn ask_save_as(&mut self, then: Option<Proceed>) {
        let doc = &self.state.doc;
        let name = match &doc.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            None => format!("{}.ron", format::file_stem(&doc.map.title)),
        };
        self.ask(
            Purpose::SaveAs(then),
            DialogKind::Save,
            &crate::tr!("dialog-save-map-as"),
            &name,
            (MAP_FILES, &["ron"]),
        );
    }

    /// Asks where to write `export`, suggesting a file name made from the map's title.
    pub(super) fn ask_export(&mut self, export: Export) {
        let name = export.suggested_file_name(&self.state.doc.map.title);
        self.ask(
            Purpose::Export(export),
            DialogKind::Save,
            &export.label(),
            &name,
            export.filter(),
        );
    }

    pub(super) fn ask(
        &mut self,
        purpose: Purpose,
        kind: DialogKind,
        title: &str,
        file_name: &str,
        filter: (&'static str, &'static [&'static str]),
    ) {
        if self.dialog_open {
            self.state.status = Some(crate::tr!("status-dialog-already-open"));
            return;
        }
        let request = DialogRequest {
            purpose,
            kind,
            title: title.to_owned(),
            file_name: file_name.to_owned(),
            filter,
            // Dialogs open where the map lives.
            directory: self
                .state
                .doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(Path::to_owned),
        };
        self.dialog_open = true;
        self.effects.push(PlatformAction::Ask(request));
    }

    /// Where the user answered a file dialog (a cancelled dialog brings no request here).
    pub(super) fn dialog_answer(&mut self, purpose: Purpose, path: PathBuf) {
        match purpose {
            Purpose::Open => self.open_path(&path),
            Purpose::SaveAs(then) => {
                let path = if path.extension().is_none() {
                    path.with_extension("ron")
                } else {
                    path
                };
                if self.save_checked(&path, then.clone())
                    && let Some(p) = then
                {
                    self.proceed_now(p);
                }
            }
            Purpose::Export(e) => self.export(e, &path),
            Purpose::Import => self.import_path(&path),
            Purpose::Merge => self.merge_path(&path),
            Purpose::Compare => self.compare_path(&path),
        }
    }

    /// Writes `export` of the map as drawn (the analysis panel's filters, focus and knock-out are a
    /// view and change nothing here) to `path`, atomically like a save. A failure leaves the file
    /// that was there whole and is shown like a failed save: in the banner and in the status bar.
    pub(super) fn export(&mut self, export: Export, path: &Path) {
        let path = &absolute(path);
        let path = &if path.extension().is_none() {
            path.with_extension(export.extension())
        } else {
            path.to_owned()
        };
        let input = crate::export::Input::new(&self.state.doc.map);
        match export.write_file(&input, path, format::Fifo::Refuse) {
            Ok(()) => self.state.status = Some(crate::tr!("status-exported", file = path.display().to_string())),
            Err(e) => {
                let (file, cause) = (path.display().to_string(), e.source.to_string());
                let headline = crate::tr!("problem-could-not-export", file = file, cause = &cause);
                let status = crate::tr!("status-not-exported-because", cause = cause);
                self.show_write_failure(headline, &e, None, status);
            }
        }
    }

    /// A failed save or export, shown twice: in the banner (`headline`, then that the file on disk
    /// is as it was, then `advice`), which stays until dismissed, and in the status bar (`status`
    /// and the cause).
    fn show_write_failure(&mut self, headline: String, e: &format::SaveError, advice: Option<String>, status: String) {
        let kept = if e.file.exists() {
            crate::tr!("problem-nothing-written-kept")
        } else {
            crate::tr!("problem-nothing-written")
        };
        let kept = match advice {
            Some(advice) => format!("{kept} {advice}"),
            None => kept,
        };
        self.state.load_problem = Some(LoadProblem {
            file: e.file.clone(),
            lines: vec![headline, kept],
            map_open: self.state.screen == Screen::Editor,
        });
        self.state.status = Some(status);
    }
}

/// The open and save dialogs' filter for map files: the message id of its name (see
/// `DialogRequest::filter`).
const MAP_FILES: &str = "file-type-map";

/// `path` made absolute against the current folder (not resolved through links), so the document's
/// path, the title, the recent files and the recovery copy's header all name the same file after
/// the current folder changes: a copy restored by a window started elsewhere must save to the file
/// it came from, not to a file of that name in the new folder. A path that cannot be made absolute
/// (no current folder) is kept as given.
fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
}
