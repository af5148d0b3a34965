//! A recovery copy on disk: an ordinary map file with a comment header that says which file the
//! map belongs to, when the copy was written and why. Being a normal map file, it opens in
//! Determinant Mapper (or any text editor) as is; the header is one RON value on one line, so a
//! path with quotes or line breaks in it is escaped, not cut.

use crate::format;
use crate::model::Map;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The line of the header that a program reads; the lines around it are for people.
const HEADER_PREFIX: &str = "// recovery: ";

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
    /// The original file's modification time when the window last read or wrote it, RFC 3339 in
    /// UTC to the nanosecond. Absent in copies written before it was recorded.
    #[serde(default)]
    original_modified: Option<String>,
    /// RFC 3339, UTC.
    saved: Option<String>,
    reason: Reason,
}

/// The file a map belongs to, as the window last read or wrote it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Origin<'a> {
    pub path: Option<&'a Path>,
    /// Its modification time then: a different one now means someone else changed it since.
    pub modified: Option<Timestamp>,
}

/// The text of a recovery copy: a comment header, then the map in the normal file layout.
pub fn to_text(map: &Map, origin: Origin<'_>, saved: Option<Timestamp>, reason: Reason) -> String {
    let header = Header {
        original: origin.path.map(Path::to_owned),
        original_modified: origin.modified.map(|t| t.to_string()),
        saved: saved.map(|t| t.to_string()),
        reason,
    };
    // A path that is not Unicode cannot be written in the header; the copy is still kept.
    let line = ron::to_string(&header)
        .or_else(|_| {
            ron::to_string(&Header {
                original: None,
                original_modified: None,
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
    header_from(File::open(file).ok()?)
}

/// How much of a file is read to find the header: the two comment lines, and a header line with a
/// path of the longest kind (4 KiB) even if much of it is escaped. A stray file in the folder, even
/// a huge one with no line break, costs no more than this.
const HEADER_MAX_BYTES: u64 = 16 * 1024;

fn header_from(file: impl Read) -> Option<Header> {
    let reader = io::BufReader::new(file.take(HEADER_MAX_BYTES));
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
        original_modified: header.original_modified.and_then(|s| s.parse().ok()),
        saved: header.saved.and_then(|s| s.parse().ok()),
        reason: header.reason,
    })
}

/// The modification time a copy's header records (the document's own function).
pub use crate::app::document::modified;

/// A recovery copy: which file it belongs to, and when and why it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub file: PathBuf,
    pub original: Option<PathBuf>,
    /// The original file's modification time when the window that wrote the copy last read or
    /// wrote it.
    pub original_modified: Option<Timestamp>,
    pub saved: Option<Timestamp>,
    pub reason: Reason,
}

impl Found {
    /// The lock file of the window that wrote this copy.
    pub(super) fn lock(&self) -> PathBuf {
        self.file.with_extension("lock")
    }
}
/// When a copy was written, for people: the local date and time, and how long ago, in the
/// current language (the day's and month's names are messages too).
pub fn describe_time(saved: Timestamp, now: Timestamp) -> String {
    use crate::tr;
    let local = saved.to_zoned_datetime(jiff::tz::TimeZone::system());
    let when = tr!(
        "recovery-saved-when",
        weekday = tr!("recovery-weekday", day = local.weekday().to_monday_one_offset()),
        day = local.day().to_string(),
        month = tr!("recovery-month", month = local.month()),
        year = local.year().to_string(),
        time = local.strftime("%H:%M").to_string()
    );
    let secs = now.as_second() - saved.as_second();
    let ago = match secs {
        s if s < 0 => return when,
        0..60 => tr!("recovery-less-than-a-minute-ago"),
        60..3600 => tr!("recovery-minutes-ago", count = secs / 60),
        3600..86400 => tr!("recovery-hours-ago", count = secs / 3600),
        _ => tr!("recovery-days-ago", count = secs / 86400),
    };
    tr!("recovery-when-ago", when = when, ago = ago)
}

/// The time now, or `None` if the clock is outside what a timestamp can hold (never a panic).
pub(super) fn now() -> Option<Timestamp> {
    Timestamp::try_from(SystemTime::now()).ok()
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
        let modified = Timestamp::new(1_600_000_000, 123_456_789).unwrap();
        let origin = Origin {
            path: Some(original),
            modified: Some(modified),
        };
        let text = to_text(&sample(), origin, Some(saved), Reason::Crash);
        let file = dir.path().join("x.ron");
        std::fs::write(&file, &text).unwrap();
        assert_eq!(format::load_file(&file).unwrap(), sample(), "opens as the map");
        let header = read_header(&file).unwrap();
        assert_eq!(header.original.as_deref(), Some(original));
        assert_eq!(header.saved.unwrap().parse::<Timestamp>().unwrap(), saved);
        let found = inspect(&file).unwrap();
        assert_eq!(found.original_modified, Some(modified), "to the nanosecond");
        assert_eq!(header.reason, Reason::Crash);
        assert_eq!(text.lines().nth(2).unwrap().matches(HEADER_PREFIX).count(), 1);
    }

    #[test]
    fn a_copy_without_a_file_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.ron");
        std::fs::write(&file, to_text(&sample(), Origin::default(), None, Reason::Autosave)).unwrap();
        let header = read_header(&file).unwrap();
        assert_eq!((header.original, header.saved), (None, None));
    }

    #[test]
    fn a_header_from_before_the_modification_time_was_recorded_still_reads() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("x.ron");
        let line = "// recovery: (original:Some(\"/maps/a.ron\"),saved:Some(\"2026-01-02T03:04:05Z\"),reason:Autosave)";
        std::fs::write(&file, format!("{line}\n{}", format::to_string(&sample()))).unwrap();
        let found = inspect(&file).unwrap();
        assert_eq!(found.original.as_deref(), Some(Path::new("/maps/a.ron")));
        assert_eq!(found.original_modified, None);
    }

    /// A stray file of megabytes with no line break is not read whole.
    #[test]
    fn only_the_first_few_kilobytes_are_read_for_the_header() {
        struct Counting<R>(R, u64);
        impl<R: Read> Read for Counting<R> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.read(buf)?;
                self.1 += n as u64;
                Ok(n)
            }
        }
        let mut stray = Counting(io::repeat(b'/').take(8 << 20), 0);
        assert_eq!(header_from(&mut stray), None);
        assert!(stray.1 <= HEADER_MAX_BYTES, "read {} bytes", stray.1);

        // A real header with a long path is still within reach.
        let original = PathBuf::from(format!("/{}", "d\"é/".repeat(1000)));
        let origin = Origin {
            path: Some(&original),
            modified: None,
        };
        let text = to_text(&sample(), origin, None, Reason::Autosave);
        assert_eq!(header_from(text.as_bytes()).unwrap().original, Some(original));
    }

    #[test]
    fn times_are_local_with_how_long_ago() {
        let saved = Timestamp::from_second(1_700_000_000).unwrap();
        let later = |s: i64| Timestamp::from_second(1_700_000_000 + s).unwrap();
        assert!(describe_time(saved, later(5)).ends_with("(less than a minute ago)"));
        assert!(describe_time(saved, later(300)).ends_with("(5 minutes ago)"));
        assert!(describe_time(saved, later(3 * 86400)).ends_with("(3 days ago)"));
        assert!(describe_time(saved, later(0)).contains("2023"));
        assert!(describe_time(saved, later(90)).ends_with("(1 minute ago)"));
        assert!(describe_time(saved, later(7300)).ends_with("(2 hours ago)"));
    }

    /// The day, the month and "ago" in Spanish, as the recovery offer says them there.
    #[test]
    fn a_copy_s_time_in_spanish() {
        use crate::i18n::{Language, Message};
        let es = |m: Message| m.text_in(Language::Spanish);
        assert_eq!(es(Message::new("recovery-weekday").with("day", 3)), "miércoles");
        assert_eq!(es(Message::new("recovery-month").with("month", 12)), "diciembre");
        assert_eq!(
            es(Message::new("recovery-minutes-ago").with("count", 5)),
            "hace 5 minutos"
        );
        assert_eq!(es(Message::new("recovery-days-ago").with("count", 1)), "hace 1 día");
    }
}
