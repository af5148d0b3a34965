//! The system's file dialog through rfd: the XDG desktop portal on Linux (then zenity), the
//! platform's own on Windows and macOS.

use super::{DialogAnswer, DialogKind, DialogRequest, Dialogs};
use std::sync::mpsc::{Receiver, Sender, channel};

/// rfd dialogs on a worker thread.
pub struct RfdDialogs {
    tx: Sender<DialogAnswer>,
    rx: Receiver<DialogAnswer>,
}

impl Default for RfdDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        RfdDialogs { tx, rx }
    }
}

impl Dialogs for RfdDialogs {
    fn ask(&mut self, request: DialogRequest, ctx: &egui::Context) {
        let purpose = request.purpose.clone();
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let filter_name = crate::i18n::tr(request.filter.0);
        let spawned = std::thread::Builder::new().name("file dialog".into()).spawn(move || {
            let mut dialog = rfd::AsyncFileDialog::new()
                .set_title(&request.title)
                .add_filter(filter_name, request.filter.1);
            if let Some(dir) = &request.directory {
                dialog = dialog.set_directory(dir);
            }
            let path = match request.kind {
                DialogKind::Open => pollster::block_on(dialog.pick_file()),
                DialogKind::Save => pollster::block_on(dialog.set_file_name(&request.file_name).save_file()),
            }
            .map(|h| h.path().to_owned());
            let _ = tx.send(DialogAnswer {
                purpose: request.purpose,
                path,
            });
            ctx.request_repaint();
        });
        if spawned.is_err() {
            let _ = self.tx.send(DialogAnswer { purpose, path: None });
        }
    }

    fn poll(&mut self) -> Option<DialogAnswer> {
        self.rx.try_recv().ok()
    }
}
