//! Where the command line's output goes when the path is careless: a closed pipe, a symbolic link,
//! a device, a named pipe, a descriptor's link (`/dev/stdout`), a folder, the map itself, or one
//! path given twice. Nothing that is not a regular file is replaced by one, nothing is destroyed,
//! and every refusal says why.
//!
//! Devices are made with `mknod` in a temporary folder (root only; skipped otherwise, saying so),
//! never the system's own `/dev` entries: a regression must not be able to break the machine.

mod common;

use common::tmpfs::is_root;
use detmap::format::{self, Fifo};
use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_detmap"))
}

fn detmap(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn chile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A generated map big enough that its output fills a pipe many times over.
fn big_map(dir: &Path) -> PathBuf {
    let out = detmap(&[
        "generate",
        "--determinants",
        "3000",
        "--influences",
        "6000",
        "--seed",
        "3",
    ]);
    assert!(out.status.success());
    let path = dir.join("big.ron");
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// Waits for a child at most `limit`, killing it after.
fn wait_at_most(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

// ---- a closed pipe is a normal end ----

/// Runs `detmap args`, reads the first line it prints and closes the pipe, as `| head -1` does;
/// returns the first line, how it ended and what it said on standard error.
fn first_line_then_close(args: &[&str]) -> (String, std::process::ExitStatus, String) {
    let mut child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader was dropped: the pipe is closed.
    let status = wait_at_most(&mut child, Duration::from_secs(300)).expect("it ends");
    let mut err = String::new();
    child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    (first, status, err)
}

/// `detmap … | head -1`: the reader takes one line and closes the pipe. Every command that prints
/// ends with exit 0 and says nothing on standard error.
#[test]
fn a_closed_pipe_ends_every_printing_command_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = big_map(dir.path());
    let big = s(&big);
    let commands: [&[&str]; 7] = [
        &["analyze", big, "--format", "csv"],
        &["analyze", big, "--format", "text"],
        &["analyze", big, "--format", "json"],
        &["analyze", big, "--format", "markdown"],
        &["export", big, "--determinants", "-"],
        &["export", big, "--report", "-"],
        &["generate", "--determinants", "20000", "--influences", "40000"],
    ];
    for args in commands {
        let (first, status, err) = first_line_then_close(args);
        assert!(!first.is_empty(), "{args:?} printed a first line");
        assert_eq!(err, "", "{args:?}: nothing on standard error");
        assert!(status.success(), "{args:?}: {status}");
    }
    // Validate prints one line per problem: many problems, the same.
    let broken = dir.path().join("broken.ron");
    let text = std::fs::read_to_string(dir.path().join("big.ron"))
        .unwrap()
        .replace("from: \"", "from: \"nowhere-");
    std::fs::write(&broken, text).unwrap();
    let mut args = vec!["validate"];
    args.extend(std::iter::repeat_n(s(&broken), 200));
    let (first, status, err) = first_line_then_close(&args);
    assert!(first.contains("nowhere-"), "{first}");
    assert_eq!(err, "");
    // Validate's own exit code says the files are invalid, not that the pipe closed.
    assert_eq!(status.code(), Some(1));
}

// ---- symbolic links ----

/// Saving or exporting through a symbolic link writes the file it points to and keeps the link,
/// also when the link is relative, chained, or points to a file that does not exist yet.
#[test]
fn a_link_is_followed_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::write(d.join("real/out.csv"), b"old").unwrap();
    std::os::unix::fs::symlink("real/out.csv", d.join("link.csv")).unwrap();
    std::os::unix::fs::symlink("link.csv", d.join("chain.csv")).unwrap();
    std::os::unix::fs::symlink("real/new.svg", d.join("dangling.svg")).unwrap();
    let out = detmap(&[
        "export",
        s(&chile()),
        "--determinants",
        s(&d.join("chain.csv")),
        "--svg",
        s(&d.join("dangling.svg")),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for link in ["link.csv", "chain.csv", "dangling.svg"] {
        assert!(
            std::fs::symlink_metadata(d.join(link))
                .unwrap()
                .file_type()
                .is_symlink(),
            "{link}"
        );
    }
    assert!(
        std::fs::read_to_string(d.join("real/out.csv"))
            .unwrap()
            .starts_with("id,label,")
    );
    assert!(
        std::fs::read_to_string(d.join("real/new.svg"))
            .unwrap()
            .contains("<svg")
    );
    // A map saved through a link, likewise.
    let map = format::load_file(&chile()).unwrap();
    std::fs::write(d.join("real/map.ron"), b"old").unwrap();
    std::os::unix::fs::symlink(d.join("real/map.ron"), d.join("map.ron")).unwrap();
    format::save_file(&d.join("map.ron"), &map).unwrap();
    assert!(
        std::fs::symlink_metadata(d.join("map.ron"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(format::load_file(&d.join("real/map.ron")).unwrap(), map);
}

// ---- what is not a regular file ----

/// A character device of our own (the same as /dev/null: major 1, minor 3).
fn null_device(dir: &Path) -> Option<PathBuf> {
    if !is_root() {
        eprintln!("SKIPPED: making a device node needs root");
        return None;
    }
    let path = dir.join("null");
    let ok = Command::new("mknod").arg(&path).args(["c", "1", "3"]).status().unwrap();
    assert!(ok.success(), "mknod");
    Some(path)
}

fn is_char_device(path: &Path) -> bool {
    std::fs::symlink_metadata(path).unwrap().file_type().is_char_device()
}

/// Every export to a device, and through a link to one, writes into it: the device stays a device
/// and the link a link. Two outputs may share a device (nothing is replaced there).
#[test]
fn a_device_is_written_through_and_stays_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let Some(null) = null_device(dir.path()) else { return };
    std::os::unix::fs::symlink(&null, dir.path().join("to-null")).unwrap();
    let link = dir.path().join("to-null");
    for target in [&null, &link] {
        let out = detmap(&[
            "export",
            s(&chile()),
            "--determinants",
            s(target),
            "--influences",
            s(target),
            "--matrix",
            s(target),
            "--report",
            s(target),
            "--svg",
            s(target),
            "--png",
            s(target),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(is_char_device(&null), "the device is still a device");
    }
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    // Saving a map to it, too.
    let map = format::load_file(&chile()).unwrap();
    format::save_file(&link, &map).unwrap();
    assert!(is_char_device(&null));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "no file made beside them"
    );
}

/// A disk (block device) is never written over: refused with a message.
#[test]
fn a_disk_device_is_refused() {
    if !is_root() {
        eprintln!("SKIPPED: making a device node needs root");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let disk = dir.path().join("disk");
    // A loop device number no one uses: even a write that got through would go nowhere.
    assert!(
        Command::new("mknod")
            .arg(&disk)
            .args(["b", "7", "250"])
            .status()
            .unwrap()
            .success()
    );
    let out = detmap(&["export", s(&chile()), "--svg", s(&disk)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "detmap: could not save {}: it is a disk device, which is never written over\n",
            disk.display()
        )
    );
    assert!(std::fs::symlink_metadata(&disk).unwrap().file_type().is_block_device());
}

/// A link through an open descriptor (as `/dev/stdout` is) writes to that descriptor: here standard
/// output, a pipe. The link is not replaced by a file.
#[test]
fn a_descriptor_link_writes_to_the_descriptor_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let stdout_link = dir.path().join("stdout.md");
    std::os::unix::fs::symlink("/proc/self/fd/1", &stdout_link).unwrap();
    let out = detmap(&["export", s(&chile()), "--report", s(&stdout_link)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(report.starts_with("# "), "the report arrived on standard output");
    assert!(
        std::fs::symlink_metadata(&stdout_link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // Standard output sent to a file: the file receives it, from its start.
    let file = dir.path().join("captured.md");
    std::fs::write(&file, "x".repeat(200_000)).unwrap();
    let status = bin()
        .args(["export", s(&chile()), "--report", "/dev/stdout"])
        .stdout(std::fs::File::options().write(true).open(&file).unwrap())
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), report);
}

/// On the command line a named pipe is written into, as a shell's `>` would (waiting for its reader);
/// it stays a pipe. Saving a map (what the window does) refuses a pipe at once.
#[test]
fn a_named_pipe_is_written_into_on_the_command_line_and_refused_by_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.csv");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let mut reader = Command::new("cat").arg(&fifo).stdout(Stdio::piped()).spawn().unwrap();
    let mut writer = bin()
        .args(["export", s(&chile()), "--determinants", s(&fifo)])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_at_most(&mut writer, Duration::from_secs(60));
    let is_fifo = std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo();
    if !is_fifo || status.is_none() {
        let _ = reader.kill();
    }
    let read = reader.wait_with_output().unwrap();
    assert!(is_fifo, "the pipe is still a pipe");
    assert!(status.expect("the export ends").success());
    assert!(String::from_utf8(read.stdout).unwrap().starts_with("id,label,"));

    let map = format::load_file(&chile()).unwrap();
    let started = Instant::now();
    let err = format::save_file(&fifo, &map).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(10));
    assert!(err.to_string().contains("it is a named pipe"), "{err}");
    let err = format::save_with_options(&fifo, Fifo::Refuse, |_| Ok(())).unwrap_err();
    assert!(err.to_string().contains("it is a named pipe"), "{err}");
    assert!(std::fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
}

/// A folder is refused with a message that says so; it and what is in it are untouched.
#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("out.svg");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inside"), b"kept").unwrap();
    let out = detmap(&["export", s(&chile()), "--svg", s(&folder)]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "detmap: could not save {}: it is a folder, not a file\n",
            folder.display()
        )
    );
    assert_eq!(std::fs::read(folder.join("inside")).unwrap(), b"kept");
}

// ---- an export never destroys its input, nor one output another ----

#[test]
fn an_output_that_is_the_map_itself_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let map = dir.path().join("map.ron");
    std::fs::copy(chile(), &map).unwrap();
    let before = std::fs::read(&map).unwrap();
    std::fs::hard_link(&map, dir.path().join("hard.md")).unwrap();
    std::os::unix::fs::symlink("map.ron", dir.path().join("soft.md")).unwrap();
    let relative = format!("{}/./map.ron", dir.path().display());
    for (flag, output) in [
        ("--report", s(&map).to_owned()),
        ("--svg", relative),
        ("--determinants", s(&dir.path().join("hard.md")).to_owned()),
        ("--png", s(&dir.path().join("soft.md")).to_owned()),
    ] {
        let out = detmap(&[
            "export",
            s(&map),
            "--matrix",
            s(&dir.path().join("m.csv")),
            flag,
            &output,
        ]);
        assert_eq!(out.status.code(), Some(1), "{flag} {output}");
        assert_eq!(
            stderr(&out),
            format!(
                "detmap: {flag} {output} is the map being exported ({}): writing it would replace the map; choose another file\n",
                map.display()
            )
        );
        assert_eq!(std::fs::read(&map).unwrap(), before);
        assert!(
            !dir.path().join("m.csv").exists(),
            "nothing is written when one output is refused"
        );
    }
}

#[test]
fn two_outputs_to_one_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("exists.csv"), b"old").unwrap();
    std::os::unix::fs::symlink("exists.csv", d.join("alias.csv")).unwrap();
    let cases: [(&str, String, &str, String); 4] = [
        ("--svg", s(&d.join("a.svg")).into(), "--png", s(&d.join("a.svg")).into()),
        (
            "--determinants",
            s(&d.join("t.csv")).into(),
            "--influences",
            format!("{}/./t.csv", d.display()),
        ),
        (
            "--matrix",
            s(&d.join("exists.csv")).into(),
            "--report",
            s(&d.join("alias.csv")).into(),
        ),
        ("--determinants", "-".into(), "--influences", "-".into()),
    ];
    for (first, a, second, b) in cases {
        let out = detmap(&["export", s(&chile()), first, &a, second, &b]);
        assert_eq!(out.status.code(), Some(1), "{first} {a} {second} {b}");
        assert_eq!(
            stderr(&out),
            format!(
                "detmap: {first} {a} and {second} {b} are the same file: one would replace the other; give each its own file\n"
            )
        );
        assert!(out.stdout.is_empty());
    }
    assert_eq!(std::fs::read(d.join("exists.csv")).unwrap(), b"old");
    assert!(!d.join("a.svg").exists() && !d.join("t.csv").exists());
}
