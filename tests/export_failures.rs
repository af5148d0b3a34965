//! Every export written where it cannot be: into a full file system and into a read-only folder,
//! through the core's one export path and from the command line. Each fails, says why once, and
//! leaves the file that was there whole, with no temporary file left behind. (The window's side is
//! in `ui_export.rs`.)
//!
//! Tests run as root on this project's machines, where permission bits stop nothing: the full and
//! read-only folders are small tmpfs mounts (`common::tmpfs`). Without root they are skipped, saying so.

mod common;

use common::listing;
use common::tmpfs::{Tmpfs, is_root};
use detmap::export::{Export, Input, ReportFormat};
use detmap::format::{self, Fifo};
use detmap::model::Map;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap")).args(args).output().unwrap()
}

fn chile_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")
}

fn chile() -> Map {
    format::load_file(&chile_path()).unwrap()
}

/// Every kind of export there is.
fn every_kind() -> Vec<Export> {
    let mut kinds = Export::MENU.to_vec();
    kinds.extend([ReportFormat::Csv, ReportFormat::Json, ReportFormat::Text].map(Export::Reachability));
    kinds
}

/// The command line's flag for each kind it writes.
const FLAGS: [(&str, &str); 6] = [
    ("--determinants", "csv"),
    ("--influences", "csv"),
    ("--matrix", "csv"),
    ("--report", "md"),
    ("--svg", "svg"),
    ("--png", "png"),
];

/// Fills a file system to the last byte.
fn fill(dir: &Path) {
    let mut filler = std::fs::File::create(dir.join("filler")).unwrap();
    let block = vec![0u8; 64 << 10];
    loop {
        match filler.write_all(&block) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling: {e}"),
        }
    }
    // Down to the last page.
    while filler.write_all(&[0]).is_ok() {}
}

/// Makes the file system full, or (after full) read-only.
fn enter(case: &str, fs: &Tmpfs) {
    if case == "full" {
        fill(fs.path());
    } else {
        std::fs::remove_file(fs.path().join("filler")).unwrap();
        fs.remount("ro");
    }
}

/// One file per output, holding "old", in `dir`.
fn old_files(dir: &Path, count: usize, ext: impl Fn(usize) -> String) -> Vec<PathBuf> {
    (0..count)
        .map(|n| {
            let path = dir.join(format!("out{n}.{}", ext(n)));
            std::fs::write(&path, b"old").unwrap();
            path
        })
        .collect()
}

/// The failure a full and a read-only file system give, as the system words it (once).
fn cases() -> [(&'static str, i32); 2] {
    [("full", 28), ("read-only", 30)]
}

fn mount_or_skip(test: &str) -> Option<Tmpfs> {
    if !is_root() {
        eprintln!("SKIPPED {test}: mounting a small file system to fill or make read-only needs root");
        return None;
    }
    // Room for every kind at once when it is writable again: the slides' PDF and the PNG of the
    // Chile map are a few hundred kilobytes each.
    Some(Tmpfs::mount(4 << 20).unwrap_or_else(|why| panic!("root, and cannot mount a tmpfs: {why}")))
}

#[test]
fn every_kind_fails_through_the_core_and_keeps_the_old_file() {
    let Some(fs) = mount_or_skip("every_kind_fails_through_the_core_and_keeps_the_old_file") else {
        return;
    };
    let map = chile();
    let input = Input::new(&map);
    let kinds = every_kind();
    let paths = old_files(fs.path(), kinds.len(), |n| kinds[n].extension().to_owned());
    for (case, errno) in cases() {
        enter(case, &fs);
        for (kind, path) in kinds.iter().zip(&paths) {
            let err = kind.write_file(&input, path, Fifo::Refuse).unwrap_err();
            assert_eq!(err.file, *path);
            assert_eq!(err.source.raw_os_error(), Some(errno), "{kind:?}, {case}: {err}");
            assert_eq!(
                err.to_string(),
                format!(
                    "could not save {}: {}",
                    path.display(),
                    io::Error::from_raw_os_error(errno)
                ),
                "the cause once, without the temporary file's name"
            );
            assert_eq!(std::fs::read(path).unwrap(), b"old", "{kind:?}, {case}");
        }
        let mut expected: Vec<String> = paths
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        if case == "full" {
            expected.push("filler".into());
        }
        expected.sort();
        assert_eq!(listing(fs.path()), expected, "no temporary file is left ({case})");
    }
    // Writable again, every kind writes.
    fs.remount("rw");
    for (kind, path) in kinds.iter().zip(&paths) {
        kind.write_file(&input, path, Fifo::Refuse).unwrap();
        assert_ne!(std::fs::read(path).unwrap(), b"old");
    }
}

#[test]
fn every_flag_fails_on_the_command_line_says_why_once_and_keeps_the_old_file() {
    let Some(fs) = mount_or_skip("every_flag_fails_on_the_command_line_says_why_once_and_keeps_the_old_file") else {
        return;
    };
    let paths = old_files(fs.path(), FLAGS.len(), |n| FLAGS[n].1.to_owned());
    for (case, errno) in cases() {
        enter(case, &fs);
        for ((flag, _), path) in FLAGS.iter().zip(&paths) {
            let out = detmap(&["export", chile_path().to_str().unwrap(), flag, path.to_str().unwrap()]);
            assert_eq!(out.status.code(), Some(1), "{flag}, {case}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                format!(
                    "detmap: could not save {}: {}\n",
                    path.display(),
                    io::Error::from_raw_os_error(errno)
                ),
                "{flag}, {case}: one line, the cause once"
            );
            assert_eq!(std::fs::read(path).unwrap(), b"old", "{flag}, {case}");
        }
        assert_eq!(listing(fs.path()).len(), FLAGS.len() + usize::from(case == "full"));
    }
}
