//! The window's Export menu, driven headless (egui_kittest) with scripted file dialogs: every item
//! is one of the core's export kinds, suggests a file name made from the map's title, writes
//! through the same atomic path as Save, and a failure (a full disk, a read-only folder, a named
//! pipe) is shown in the banner and the status bar and leaves the file that was there whole.
#![cfg(feature = "gui")]

mod common;

use common::tmpfs::{Tmpfs, is_root};
use common::window::window;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::export::Export;
use detmap::format;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn chile_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")
}

/// File › Export › the item of `export`, the dialog answering `to`; returns the status bar's text.
fn export(h: &mut Harness<'_, DetmapApp>, dialogs: &ScriptedDialogs, export: Export, to: &Path) -> String {
    dialogs.answer(Some(to.to_owned()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export ⏵").click();
    h.run();
    h.get_by_label(&export.menu_label()).click();
    h.run();
    h.run();
    h.state().state().status.clone().unwrap_or_default()
}

fn temp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".detmap-save-"))
        .collect()
}

#[test]
fn the_menu_lists_every_kind_and_each_suggests_a_name_from_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &chile_path());
    let map = format::load_file(&chile_path()).unwrap();
    for (n, kind) in Export::MENU.into_iter().enumerate() {
        // No extension typed: the kind's is added.
        let to = dir.path().join(format!("out{n}"));
        let status = export(&mut h, &dialogs, kind, &to);
        let written = to.with_extension(kind.extension());
        assert_eq!(status, format!("Exported {}", written.display()), "{kind:?}");
        let asked = dialogs.asked.lock().unwrap().last().cloned().unwrap();
        assert_eq!(asked.file_name, kind.suggested_file_name(&map.title));
        assert!(
            asked
                .file_name
                .starts_with("chile-determinants-of-anti-trafficking-efforts"),
            "{}",
            asked.file_name
        );
        assert_eq!(asked.filter, kind.filter());
        let mut expected = Vec::new();
        kind.write(&detmap::export::Input::new(&map), &mut expected).unwrap();
        assert_eq!(
            std::fs::read(&written).unwrap(),
            expected,
            "{kind:?}: what the core writes"
        );
    }
    assert!(temp_files(dir.path()).is_empty());
}

/// A map whose nodes are all at one place (a file written by hand) is drawn with the flow layout
/// by the window as by the command line.
#[test]
fn a_map_without_positions_is_drawn_with_the_flow_layout_in_the_window_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut map = format::load_file(&chile_path()).unwrap();
    for s in &mut map.stages {
        s.position = Default::default();
    }
    for d in &mut map.determinants {
        d.position = Default::default();
    }
    let file = dir.path().join("no-positions.ron");
    format::save_file(&file, &map).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &file);
    let svg = dir.path().join("window.svg");
    export(&mut h, &dialogs, Export::Svg, &svg);
    let cli = dir.path().join("cli.svg");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(["export", file.to_str().unwrap(), "--svg", cli.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(std::fs::read(&svg).unwrap(), std::fs::read(&cli).unwrap());
    let mut laid_out = map.clone();
    detmap::layout::apply_positions(&mut laid_out, &detmap::layout::flow_layout(&map));
    assert_eq!(
        std::fs::read_to_string(&svg).unwrap(),
        detmap::export::render_svg(&laid_out).unwrap()
    );
}

/// Asserts a failed export: the banner and the status bar say why, the old file is whole.
fn assert_failed(h: &Harness<'_, DetmapApp>, status: &str, path: &Path, cause: &str) {
    assert!(
        status.starts_with(&format!("Not exported: {cause} (os error")),
        "{status}"
    );
    h.get_by_label_contains(&format!("Could not export {}: {cause}", path.display()));
    assert_eq!(std::fs::read(path).unwrap(), b"old");
}

#[test]
fn every_export_into_a_full_disk_or_a_read_only_folder_fails_visibly_and_keeps_the_old_file() {
    if !is_root() {
        eprintln!("SKIPPED: mounting a small file system to fill or make read-only needs root");
        return;
    }
    let fs = Tmpfs::mount(1 << 20).unwrap_or_else(|why| panic!("root, and cannot mount a tmpfs: {why}"));
    let paths: Vec<PathBuf> = Export::MENU
        .iter()
        .enumerate()
        .map(|(n, kind)| {
            let path = fs.path().join(format!("out{n}.{}", kind.extension()));
            std::fs::write(&path, b"old").unwrap();
            path
        })
        .collect();
    // Full to the last byte.
    let mut filler = std::fs::File::create(fs.path().join("filler")).unwrap();
    while filler.write_all(&[0; 4096]).is_ok() {}
    while filler.write_all(&[0]).is_ok() {}
    drop(filler);

    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &chile_path());
    for (kind, path) in Export::MENU.into_iter().zip(&paths) {
        let status = export(&mut h, &dialogs, kind, path);
        assert_failed(&h, &status, path, "No space left on device");
    }
    std::fs::remove_file(fs.path().join("filler")).unwrap();
    fs.remount("ro");
    for (kind, path) in Export::MENU.into_iter().zip(&paths) {
        let status = export(&mut h, &dialogs, kind, path);
        assert_failed(&h, &status, path, "Read-only file system");
    }
    assert!(temp_files(fs.path()).is_empty());
    assert!(
        !h.state().state().doc.is_dirty(),
        "a failed export changes nothing in the map"
    );
}

/// A named pipe with no reader would block whoever opens it for writing: the window refuses it at
/// once, says so, and the pipe is still a pipe.
#[test]
fn an_export_to_a_named_pipe_is_refused_without_waiting() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &chile_path());
    let started = Instant::now();
    let status = export(&mut h, &dialogs, Export::DeterminantsCsv, &fifo);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert!(status.starts_with("Not exported: it is a named pipe"), "{status}");
    h.get_by_label_contains(&format!("Could not export {}", fifo.display()));
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}
