//! The outputs of one `detmap export`, checked before anything is written: none may be the map it
//! reads (by identity, so a link or a hard link to it counts too), and no two may be one file, where
//! the last would silently replace the others. A character device such as `/dev/null` may take
//! several outputs: nothing is replaced there.

use anyhow::{Result, bail};
use detmap::export::Export;
use std::path::{Path, PathBuf};

/// One output asked for on the command line.
pub struct Output<'a> {
    pub flag: &'static str,
    pub kind: Export,
    pub path: &'a Path,
}

/// What makes two outputs the same place.
#[derive(PartialEq, Eq)]
enum Place {
    StandardOutput,
    /// An existing file: its identity.
    File(FileId),
    /// A file that does not exist yet: its absolute path, through its folder's links.
    New(PathBuf),
}

pub fn check(input: &Path, outputs: &[Output<'_>]) -> Result<()> {
    let map = file_id(input);
    let mut seen: Vec<(Place, &Output<'_>)> = Vec::with_capacity(outputs.len());
    for out in outputs {
        let place = if out.path == Path::new("-") {
            Place::StandardOutput
        } else {
            match std::fs::metadata(out.path) {
                Ok(meta) => {
                    let id = FileId::of(out.path, &meta);
                    if map.as_ref() == Some(&id) {
                        bail!(detmap::tr!(
                            "cli-output-is-input",
                            flag = out.flag,
                            file = out.path.display().to_string(),
                            map = input.display().to_string()
                        ));
                    }
                    if is_char_device(&meta) {
                        continue;
                    }
                    Place::File(id)
                }
                Err(_) => Place::New(absolute(out.path)),
            }
        };
        if let Some((_, first)) = seen.iter().find(|(p, _)| *p == place) {
            bail!(detmap::tr!(
                "cli-outputs-same-file",
                first_flag = first.flag,
                first_file = first.path.display().to_string(),
                flag = out.flag,
                file = out.path.display().to_string()
            ));
        }
        seen.push((place, out));
    }
    Ok(())
}

fn file_id(path: &Path) -> Option<FileId> {
    std::fs::metadata(path).ok().map(|meta| FileId::of(path, &meta))
}

/// A file's identity: its device and inode where there are such, else its canonical path.
#[derive(PartialEq, Eq)]
enum FileId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg_attr(unix, allow(dead_code))]
    Path(PathBuf),
}

impl FileId {
    fn of(path: &Path, meta: &std::fs::Metadata) -> FileId {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            FileId::Inode(meta.dev(), meta.ino())
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            FileId::Path(std::fs::canonicalize(path).unwrap_or_else(|_| absolute(path)))
        }
    }
}

fn is_char_device(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        meta.file_type().is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// A path that does not exist yet, made absolute, with its folder's links resolved when the folder exists.
fn absolute(path: &Path) -> PathBuf {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match (path.parent().map(std::fs::canonicalize), path.file_name()) {
        (Some(Ok(folder)), Some(name)) => folder.join(name),
        _ => path,
    }
}
