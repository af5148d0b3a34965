//! Saving when things go wrong: a writer that fails part-way, a folder that cannot be written, a full
//! disk, and a process killed while saving. In every case the file on disk is the old one or the new
//! one, complete, and no temporary file is left behind (except, after a kill, one that nothing reads).
//!
//! Tests run as root on this project's machines, where permission bits do not stop anyone; the
//! read-only and full-disk cases then use small tmpfs mounts, and say so. Without root and without
//! `mount`, the full-disk case has no way to make a disk full and says why it did not run.

mod common;

use common::listing;
use common::tmpfs::Tmpfs;
use detmap::format::{self, SaveError};
use detmap::generate::{Spec, generate};
use detmap::model::Map;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn map(determinants: usize, seed: u64) -> Map {
    generate(Spec {
        determinants,
        influences: determinants * 2,
        stages: 3,
        seed,
    })
}

fn temp_files(dir: &Path) -> Vec<String> {
    listing(dir)
        .into_iter()
        .filter(|n| n.starts_with(".detmap-save-"))
        .collect()
}

/// A writer that passes `budget` bytes through, then fails with `kind`.
struct FailAfter<'a> {
    inner: &'a mut dyn Write,
    budget: usize,
    kind: io::ErrorKind,
}

impl Write for FailAfter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.budget == 0 {
            return Err(io::Error::new(self.kind, "injected failure"));
        }
        let n = buf.len().min(self.budget);
        let written = self.inner.write(&buf[..n])?;
        self.budget -= written;
        Ok(written)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A save whose writing fails after N bytes, for N from nothing to all but the last byte, leaves the
/// old file byte for byte and nothing else in the folder; the error is the writer's.
#[test]
fn a_save_failing_part_way_leaves_the_old_file_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save_file(&path, &map(30, 1)).unwrap();
    let old = std::fs::read(&path).unwrap();
    let new = format::to_string(&map(40, 2)).into_bytes();
    assert_ne!(old, new);
    let cuts: Vec<usize> = [0, 1, 2, 100, 4096, 4097, new.len() / 2, new.len() - 1]
        .into_iter()
        .chain((0..new.len()).step_by(997))
        .collect();
    for cut in cuts {
        for kind in [
            io::ErrorKind::Other,
            io::ErrorKind::StorageFull,
            io::ErrorKind::PermissionDenied,
            io::ErrorKind::WriteZero,
        ] {
            let err: SaveError = format::save_with(&path, |w| {
                FailAfter {
                    inner: w,
                    budget: cut,
                    kind,
                }
                .write_all(&new)
            })
            .unwrap_err();
            assert_eq!(err.source.kind(), kind, "cut {cut}");
            assert_eq!(err.file, path);
            assert_eq!(
                std::fs::read(&path).unwrap(),
                old,
                "cut {cut}, {kind:?}: the old file changed"
            );
            assert_eq!(listing(dir.path()), ["map.ron"], "cut {cut}, {kind:?}");
        }
    }
    // The same writer with enough budget saves, so the failures above were the injected ones.
    format::save_with(&path, |w| {
        FailAfter {
            inner: w,
            budget: new.len(),
            kind: io::ErrorKind::Other,
        }
        .write_all(&new)
    })
    .unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), new);
    assert_eq!(listing(dir.path()), ["map.ron"]);
}

/// A writer that panics is a failure like any other: the old file stays and the temp file goes.
#[test]
fn a_panic_while_writing_leaves_the_old_file_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save_file(&path, &map(10, 1)).unwrap();
    let old = std::fs::read(&path).unwrap();
    let result = std::panic::catch_unwind(|| {
        format::save_with(&path, |w| {
            w.write_all(b"(format_version: 1,")?;
            panic!("the writer panicked half-way");
        })
    });
    assert!(result.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), old);
    assert_eq!(listing(dir.path()), ["map.ron"]);
}

/// A folder where the file should be is refused before anything is written, saying so; the folder
/// and what is in it are untouched, and no temporary file is made.
#[test]
fn a_folder_in_the_way_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.ron");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("inside"), b"kept").unwrap();
    let err = format::save_file(&target, &map(10, 1)).unwrap_err();
    assert_eq!(err.source.kind(), io::ErrorKind::InvalidInput, "{err}");
    assert_eq!(
        err.to_string(),
        format!("could not save {}: it is a folder, not a file", target.display())
    );
    assert_eq!(listing(dir.path()), ["map.ron"]);
    assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
}

/// The last step, the rename, can fail too: here the folder is swapped for another between the
/// check and the rename (the writer does it). The temp file, written and synced by then, is
/// removed, and the folder is untouched.
#[test]
fn a_failed_rename_leaves_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("map.ron");
    let err = format::save_with(&target, |w| {
        std::fs::create_dir(&target)?;
        std::fs::write(target.join("inside"), b"kept")?;
        w.write_all(b"(format_version: 2)")
    })
    .unwrap_err();
    assert!(
        matches!(
            err.source.kind(),
            io::ErrorKind::IsADirectory
                | io::ErrorKind::DirectoryNotEmpty
                | io::ErrorKind::AlreadyExists
                | io::ErrorKind::Other
        ),
        "{err}"
    );
    assert_eq!(listing(dir.path()), ["map.ron"]);
    assert_eq!(std::fs::read(target.join("inside")).unwrap(), b"kept");
}

/// Whether permission bits stop this process: not for root (or a process with CAP_DAC_OVERRIDE).
fn permission_bits_bind(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let bound = std::fs::write(probe.join("x"), b"x").is_err();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir_all(&probe).unwrap();
    bound
}

/// A folder where no file can be created: the save fails before anything is written, with the
/// system's error, and the old file is as it was.
///
/// Permission bits (chmod 555) are used when they bind. As root they do not, so the folder is then a
/// tmpfs remounted read-only, which stops root too. When neither is possible the test fails: it is
/// meant to run on this project's machines, where tests run as root and `mount` works.
#[test]
fn a_read_only_folder_fails_the_save_and_keeps_the_old_file() {
    use std::os::unix::fs::PermissionsExt;
    let scratch = tempfile::tempdir().unwrap();
    let old_map = map(10, 1);
    if permission_bits_bind(scratch.path()) {
        let dir = scratch.path().join("ro");
        std::fs::create_dir(&dir).unwrap();
        let path = dir.join("map.ron");
        format::save_file(&path, &old_map).unwrap();
        let old = std::fs::read(&path).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let err = format::save_file(&path, &map(20, 2)).unwrap_err();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("read-only folder: chmod 555 ({err})");
        assert_eq!(err.source.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(std::fs::read(&path).unwrap(), old);
        assert_eq!(listing(&dir), ["map.ron"]);
    } else {
        let fs = Tmpfs::mount(1 << 20)
            .unwrap_or_else(|why| panic!("running as root and cannot mount a read-only tmpfs: {why}"));
        let path = fs.path().join("map.ron");
        format::save_file(&path, &old_map).unwrap();
        let old = std::fs::read(&path).unwrap();
        fs.remount("ro");
        let err = format::save_file(&path, &map(20, 2)).unwrap_err();
        eprintln!("read-only folder: permission bits do not stop root, so a read-only tmpfs ({err})");
        assert_eq!(err.source.kind(), io::ErrorKind::ReadOnlyFilesystem, "{err}");
        // The cause once, without the temporary file's name, also when printed as a chain.
        let once = format!("could not save {}: Read-only file system (os error 30)", path.display());
        assert_eq!(err.to_string(), once);
        assert_eq!(format!("{:#}", anyhow::Error::from(err)), once);
        assert_eq!(std::fs::read(&path).unwrap(), old);
        assert_eq!(listing(fs.path()), ["map.ron"]);
        fs.remount("rw");
        format::save_file(&path, &map(20, 2)).expect("writable again, the same save succeeds");
    }
}

/// A save into a "folder" that is a regular file fails cleanly (this stops root as well).
#[test]
fn a_save_under_a_regular_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, b"data").unwrap();
    let err = format::save_file(&file.join("map.ron"), &map(5, 1)).unwrap_err();
    assert_eq!(err.source.kind(), io::ErrorKind::NotADirectory, "{err}");
    assert_eq!(std::fs::read(&file).unwrap(), b"data");
    assert_eq!(listing(dir.path()), ["not-a-folder"]);
}

/// A full disk: a tmpfs of 256 KiB holding the old file, and a new map too large for what is left.
/// The save fails with "no space", the old file is whole, and the space the temp file took is
/// given back (the temp file is gone).
#[test]
fn a_full_disk_fails_the_save_and_keeps_the_old_file() {
    let fs = match Tmpfs::mount(256 << 10) {
        Ok(fs) => fs,
        Err(why) => {
            // Only without root: the project's machines run tests as root, where mount works.
            eprintln!("SKIPPED a_full_disk_fails_the_save_and_keeps_the_old_file: {why}");
            return;
        }
    };
    let path = fs.path().join("map.ron");
    format::save_file(&path, &map(40, 1)).unwrap();
    let old = std::fs::read(&path).unwrap();
    let big = map(2_000, 2);
    assert!(format::to_string(&big).len() > 256 << 10);
    for _ in 0..3 {
        let err = format::save_file(&path, &big).unwrap_err();
        assert_eq!(err.source.kind(), io::ErrorKind::StorageFull, "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), old);
        assert_eq!(listing(fs.path()), ["map.ron"]);
    }
    // A map that fits still saves: the failed attempts left no space taken.
    let small = map(45, 3);
    format::save_file(&path, &small).unwrap();
    assert_eq!(format::load_file(&path).unwrap(), small);
}

/// A replaced file keeps its permissions; a save through a symbolic link replaces the file the link
/// points to and keeps the link.
#[test]
fn a_save_keeps_permissions_and_symbolic_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save_file(&path, &map(5, 1)).unwrap();
    for mode in [0o640, 0o600, 0o664, 0o444] {
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
        format::save_file(&path, &map(6, mode as u64)).unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, mode);
    }
    // A new file: what the process's umask gives any new file.
    let fresh = dir.path().join("fresh.ron");
    format::save_file(&fresh, &map(5, 1)).unwrap();
    let plain = dir.path().join("plain");
    std::fs::write(&plain, b"x").unwrap();
    assert_eq!(
        std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777,
        std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777
    );

    let real = dir.path().join("real.ron");
    format::save_file(&real, &map(5, 1)).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real.ron", &link).unwrap();
    let new = map(7, 9);
    format::save_file(&link, &new).unwrap();
    assert!(
        std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link is kept"
    );
    assert_eq!(format::load_file(&real).unwrap(), new);
    assert!(temp_files(dir.path()).is_empty());
}

const CHILD_ENV: &str = "DETMAP_SAVE_LOOP_PATH";

/// Not a test on its own: the child process of `killed_while_saving_the_file_is_old_or_new`, which
/// runs the test binary again with only this function. It saves map A and map B in turn, forever.
#[test]
#[ignore = "the child process of killed_while_saving_the_file_is_old_or_new; runs only from there"]
fn save_loop_child() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        eprintln!("{CHILD_ENV} is not set: this runs only as the child of killed_while_saving_the_file_is_old_or_new");
        return;
    };
    let path = PathBuf::from(path);
    let texts = [format::to_string(&kill_map(0)), format::to_string(&kill_map(1))];
    let mut stdout = io::stdout();
    for n in 0.. {
        let text = &texts[n % 2];
        format::save_with(&path, |w| w.write_all(text.as_bytes())).unwrap();
        // One `#` per finished save, so the parent knows the loop is under way.
        stdout.write_all(b"#").unwrap();
        stdout.flush().unwrap();
    }
}

/// The two maps the child saves in turn: a few hundred kilobytes each, different in size and content.
fn kill_map(which: u64) -> Map {
    map(1_500 + 500 * which as usize, which)
}

/// A process killed (SIGKILL) at a random moment while it saves two maps in turn, over and over:
/// after every kill the file is exactly map A or exactly map B, never a mix or a part. A kill that
/// lands mid-save may leave a temp file behind; that shows the kills do land mid-save, and the test
/// requires it of some of them, so that it tests what it claims.
#[test]
fn killed_while_saving_the_file_is_old_or_new() {
    use std::io::Read;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let a = format::to_string(&kill_map(0)).into_bytes();
    let b = format::to_string(&kill_map(1)).into_bytes();
    std::fs::write(&path, &a).unwrap();
    let exe = std::env::current_exe().unwrap();
    let kills = 150;
    let (mut seen_a, mut seen_b, mut mid_save) = (0, 0, 0);
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let started = Instant::now();
    for round in 0..kills {
        let mut child = Command::new(&exe)
            .args([
                "save_loop_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Wait for the first finished save (the harness prints its own lines first), then let it run
        // a random while (0 to 40 ms) and kill it.
        let mut out = child.stdout.take().unwrap();
        let mut byte = [0u8];
        while byte[0] != b'#' {
            match out.read(&mut byte) {
                Ok(0) => panic!("round {round}: the child ended before saving: {:?}", child.wait()),
                Ok(_) => {}
                Err(e) => panic!("{e}"),
            }
        }
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        std::thread::sleep(Duration::from_micros(rng % 40_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let left = temp_files(dir.path());
        if !left.is_empty() {
            mid_save += 1;
            for name in left {
                std::fs::remove_file(dir.path().join(name)).unwrap();
            }
        }
        let now = std::fs::read(&path).unwrap();
        if now == a {
            seen_a += 1;
        } else if now == b {
            seen_b += 1;
        } else {
            panic!(
                "round {round}: the file is neither map A nor map B ({} bytes; A {}, B {})",
                now.len(),
                a.len(),
                b.len()
            );
        }
        // Each complete file also loads.
        if round % 25 == 0 {
            format::load_file(&path).expect("a file left by a kill loads");
        }
    }
    eprintln!(
        "{kills} kills in {:.1?}: the file was A {seen_a} times and B {seen_b} times, never anything else; \
         {mid_save} kills landed mid-save (a temp file left behind)",
        started.elapsed()
    );
    assert!(
        seen_a > 0 && seen_b > 0,
        "the child did not alternate: A {seen_a}, B {seen_b}"
    );
    assert!(
        mid_save * 10 >= kills,
        "only {mid_save} of {kills} kills landed mid-save: the test did not test much"
    );
}
