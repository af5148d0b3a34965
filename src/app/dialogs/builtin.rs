//! The window's own file chooser, for a desktop where no system dialog can be shown (no desktop
//! portal, no zenity): egui-file-dialog, drawn in the window as a modal window over the map. It is a
//! well-kept chooser (folders, places, drives, a typed path, new folders, a filter, "replace the
//! existing file?") that a hand-written one would take long to equal. It answers through the same
//! [`Dialogs`] protocol as the system dialog: one answer per request, `None` for a cancel.

use super::{DialogAnswer, DialogKind, DialogRequest, Dialogs};
use crate::tr;
use egui_file_dialog::{DialogState, FileDialog, FileDialogLabels, FileDialogStorage, OpeningMode};
use std::path::{Path, PathBuf};

/// The chooser's words, in the window's language (`chooser-…` in assets/i18n), each with the icon
/// egui-file-dialog puts before it. Read at each request, so a change of language shows at once.
fn labels(title: &str) -> FileDialogLabels {
    FileDialogLabels {
        title_select_directory: title.to_owned(),
        title_select_file: title.to_owned(),
        title_select_multiple: title.to_owned(),
        title_save_file: title.to_owned(),
        cancel: tr!("chooser-cancel"),
        overwrite: tr!("chooser-replace"),
        reload: format!("⟲  {}", tr!("chooser-reload")),
        working_directory: format!("↗  {}", tr!("chooser-working-folder")),
        show_hidden: format!(" {}", tr!("chooser-show-hidden")),
        show_system_files: format!(" {}", tr!("chooser-show-system")),
        heading_pinned: tr!("chooser-pinned"),
        heading_places: tr!("chooser-places"),
        heading_devices: tr!("chooser-devices"),
        heading_removable_devices: tr!("chooser-removable"),
        home_dir: format!("🏠  {}", tr!("chooser-home")),
        desktop_dir: format!("🖵  {}", tr!("chooser-desktop")),
        documents_dir: format!("🗐  {}", tr!("chooser-documents")),
        downloads_dir: format!("📥  {}", tr!("chooser-downloads")),
        audio_dir: format!("🎵  {}", tr!("chooser-music")),
        pictures_dir: format!("🖼  {}", tr!("chooser-pictures")),
        videos_dir: format!("🎞  {}", tr!("chooser-videos")),
        pin_folder: format!("📌 {}", tr!("chooser-pin")),
        unpin_folder: format!("✖ {}", tr!("chooser-unpin")),
        rename_pinned_folder: format!("✏ {}", tr!("chooser-rename")),
        selected_directory: tr!("chooser-selected-folder"),
        selected_file: tr!("chooser-selected-file"),
        file_name: tr!("chooser-file-name"),
        file_filter_all_files: tr!("chooser-all-files"),
        open_button: tr!("chooser-open"),
        save_button: tr!("chooser-save"),
        cancel_button: tr!("chooser-cancel"),
        overwrite_file_modal_text: tr!("chooser-exists"),
        err_empty_folder_name: tr!("chooser-empty-folder-name"),
        err_empty_file_name: tr!("chooser-empty-name"),
        err_directory_exists: tr!("chooser-folder-exists"),
        err_file_exists: tr!("chooser-file-exists"),
        ..FileDialogLabels::default()
    }
}

/// The name of the filter that shows files with these extensions (".ron files").
fn files_of(extensions: &[&str]) -> String {
    let dotted: Vec<String> = extensions.iter().map(|e| format!(".{e}")).collect();
    tr!("chooser-files-of", extensions = dotted.join(" "))
}

/// The largest size the chooser opens at, in points; smaller on a smaller window, so that it always
/// fits (a 1280×720 projector included) with room for the notice above it.
const SIZE: egui::Vec2 = egui::vec2(780.0, 470.0);

/// The chooser, and what it was asked for while it is open.
pub struct BuiltinChooser {
    /// Asked for, to be opened by the next drawn frame (which knows the window's size).
    asked: Option<DialogRequest>,
    open: Option<(DialogRequest, FileDialog)>,
    answer: Option<DialogAnswer>,
    /// Pinned folders, hidden files shown, the last folder: kept from one request to the next.
    storage: FileDialogStorage,
    /// Shown above the chooser the next time it opens, once.
    notice: Option<String>,
    showing_notice: Option<String>,
}

impl Default for BuiltinChooser {
    fn default() -> Self {
        BuiltinChooser {
            asked: None,
            open: None,
            answer: None,
            storage: FileDialogStorage::default(),
            notice: None,
            showing_notice: None,
        }
    }
}

impl BuiltinChooser {
    pub fn new() -> Self {
        Self::default()
    }

    /// Shows `notice` above the chooser the next time it opens (why it is the window's own).
    pub fn notice_once(&mut self, notice: String) {
        self.notice = Some(notice);
    }

    fn dialog(&self, request: &DialogRequest, ctx: &egui::Context) -> FileDialog {
        let screen = ctx.content_rect().size();
        let size = SIZE.min(screen - egui::vec2(40.0, 130.0)).max(egui::vec2(400.0, 240.0));
        // Where the map lives, else where the user last chose a file, else the current folder.
        let start = request
            .directory
            .clone()
            .or_else(|| self.storage.last_picked_dir.clone())
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let (_, extensions) = request.filter;
        let mut dialog = FileDialog::new()
            .storage(self.storage.clone())
            .labels(labels(&request.title))
            .title(&request.title)
            .id("detmap file chooser")
            .opening_mode(OpeningMode::AlwaysInitialDir)
            .initial_directory(start)
            .default_size(size)
            .max_size(screen - egui::vec2(20.0, 20.0))
            .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 20.0))
            .allow_file_overwrite(true);
        match request.kind {
            DialogKind::Open => {
                // Short, because the chooser's filter menu is narrow (".ron files", not "Determinant
                // map (.ron)" cut to "Determinant ...").
                let filter = files_of(extensions);
                dialog = dialog
                    .add_file_filter_extensions(&filter, extensions.to_vec())
                    .default_file_filter(&filter);
            }
            // No menu of extensions when saving: there is only one, the title names the kind, and
            // a name typed without it gets it when the answer is applied.
            DialogKind::Save => dialog = dialog.default_file_name(&request.file_name),
        }
        dialog
    }

    fn draw_notice(&self, ctx: &egui::Context) {
        let Some(notice) = &self.showing_notice else { return };
        egui::Area::new(egui::Id::new("detmap file chooser notice"))
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 36.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(SIZE.x);
                    ui.label(egui::RichText::new(notice).size(15.0));
                });
            });
    }
}

impl BuiltinChooser {
    /// Takes `request`: the chooser opens in the next drawn frame.
    pub fn start(&mut self, request: DialogRequest) {
        let earlier = self.open.take().map(|(request, _)| request.purpose);
        let earlier = earlier.or_else(|| self.asked.take().map(|r| r.purpose));
        if let Some(purpose) = earlier {
            // The model asks for one dialog at a time; should it not, the first still gets its answer.
            self.answer = Some(DialogAnswer { purpose, path: None });
        }
        self.asked = Some(request);
    }
}

impl Dialogs for BuiltinChooser {
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context) {
        self.start(request);
        ctx.request_repaint();
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.answer.take()
    }

    fn show(&mut self, ctx: &egui::Context) -> bool {
        if let Some(request) = self.asked.take() {
            let mut dialog = self.dialog(&request, ctx);
            match request.kind {
                DialogKind::Open => dialog.pick_file(),
                DialogKind::Save => dialog.save_file(),
            }
            self.showing_notice = self.notice.take();
            self.open = Some((request, dialog));
        }
        let Some((request, dialog)) = &mut self.open else {
            return false;
        };
        dialog.update(ctx);
        let path: Option<PathBuf> = match dialog.state() {
            DialogState::Open => {
                self.draw_notice(ctx);
                return true;
            }
            DialogState::Picked(path) => Some(path.clone()),
            DialogState::PickedMultiple(_) | DialogState::Cancelled | DialogState::Closed => None,
        };
        self.storage = dialog.storage_mut().clone();
        if let Some(existing) = path.as_deref().and_then(|p| replaced_unasked(request, p)) {
            // A name typed without its extension: the file it will be saved as exists, and the
            // chooser asked nothing, as it only checked the name as typed. Ask again with the
            // whole name, so that Save asks before replacing it.
            let mut request = request.clone();
            request.file_name = existing;
            request.directory = path.as_deref().and_then(Path::parent).map(Path::to_owned);
            self.open = None;
            self.asked = Some(request);
            ctx.request_repaint();
            return true;
        }
        if let Some((request, _)) = self.open.take() {
            self.answer = Some(DialogAnswer {
                purpose: request.purpose,
                path,
            });
        }
        self.showing_notice = None;
        // The next frame's `logic` takes the answer.
        ctx.request_repaint();
        true
    }

    fn in_window(&self) -> bool {
        self.asked.is_some() || self.open.is_some()
    }
}

/// For a save to `path` typed without an extension: the file name the map will really be written
/// to (the request's extension added, as the model does) when that file exists already.
fn replaced_unasked(request: &DialogRequest, path: &Path) -> Option<String> {
    if request.kind != DialogKind::Save || path.extension().is_some() {
        return None;
    }
    let extension = request.filter.1.first()?;
    let full = path.with_extension(extension);
    if !full.exists() {
        return None;
    }
    Some(full.file_name()?.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::commands::Purpose;

    fn save_request() -> DialogRequest {
        DialogRequest {
            purpose: Purpose::SaveAs(None),
            kind: DialogKind::Save,
            title: "Save the map as".into(),
            file_name: "map.ron".into(),
            filter: ("file-type-map", &["ron"]),
            directory: None,
        }
    }

    #[test]
    fn a_name_typed_without_its_extension_is_checked_with_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("workshop.ron"), "").unwrap();
        let request = save_request();
        assert_eq!(
            replaced_unasked(&request, &dir.path().join("workshop")).as_deref(),
            Some("workshop.ron")
        );
        // A new name, or one typed whole (the chooser asked about it itself), is left alone.
        assert_eq!(replaced_unasked(&request, &dir.path().join("other")), None);
        assert_eq!(replaced_unasked(&request, &dir.path().join("workshop.ron")), None);
        let open = DialogRequest {
            kind: DialogKind::Open,
            ..request
        };
        assert_eq!(replaced_unasked(&open, &dir.path().join("workshop")), None);
    }

    #[test]
    fn the_open_filter_is_named_by_its_extensions() {
        crate::i18n::set_language(crate::i18n::Language::English);
        assert_eq!(files_of(&["ron"]), ".ron files");
        assert_eq!(files_of(&["xlsx", "ods"]), ".xlsx .ods files");
    }
}
