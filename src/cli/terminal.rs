//! What the command line prints: map text may hold escape sequences (a label can say anything), and
//! a terminal would run them (change colours, move the cursor, retitle the window, and on some
//! terminals worse). `analyze` and `validate` print through [`stdout`], and errors through
//! [`terminal_safe`], which show every control character as an escape (`\x1b`, `\u{9b}`) instead.
//! Only newline and tab pass.

use std::borrow::Cow;
use std::io::{self, BufWriter, StdoutLock, Write};

/// `text` with its control characters (other than newline and tab) written as escapes.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            escape(c, &mut out);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

fn escape(c: char, out: &mut String) {
    use std::fmt::Write as _;
    let code = u32::from(c);
    if code < 0x80 {
        write!(out, "\\x{code:02x}")
    } else {
        write!(out, "\\u{{{code:x}}}")
    }
    .expect("writing to a String cannot fail");
}

/// Standard output, buffered, with control characters escaped as [`terminal_safe`] does.
pub fn stdout() -> Safe<BufWriter<StdoutLock<'static>>> {
    Safe::new(BufWriter::new(io::stdout().lock()))
}

/// A writer that escapes control characters on their way through. It works on bytes, so text may
/// arrive in any pieces: a C1 control is two bytes in UTF-8 (`0xC2`, then `0x80..=0x9F`), and the
/// first is held back until the second shows what it starts.
pub struct Safe<W: Write> {
    inner: W,
    held_c2: bool,
}

impl<W: Write> Safe<W> {
    pub fn new(inner: W) -> Self {
        Safe { inner, held_c2: false }
    }
}

impl<W: Write> Write for Safe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut clean_from = 0;
        let mut escaped = String::new();
        for (i, &b) in buf.iter().enumerate() {
            let held = std::mem::take(&mut self.held_c2);
            let c1 = held && (0x80..=0x9f).contains(&b);
            let c0 = b < 0x20 && b != b'\n' && b != b'\t' || b == 0x7f;
            if held && !c1 {
                // The held byte starts an ordinary character: it goes out before this one.
                self.inner.write_all(&buf[clean_from..i])?;
                self.inner.write_all(&[0xc2])?;
                clean_from = i;
            }
            if c0 || c1 {
                self.inner.write_all(&buf[clean_from..i])?;
                escaped.clear();
                escape(char::from(b), &mut escaped);
                self.inner.write_all(escaped.as_bytes())?;
                clean_from = i + 1;
            } else if b == 0xc2 {
                self.inner.write_all(&buf[clean_from..i])?;
                self.held_c2 = true;
                clean_from = i + 1;
            }
        }
        self.inner.write_all(&buf[clean_from..])?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.held_c2) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

/// Whether the command failed only because whoever read its output stopped reading (`| head`):
/// a normal end, not an error.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|cause| cause.downcast_ref::<io::Error>())
        .any(|io| io.kind() == io::ErrorKind::BrokenPipe)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through_writer(pieces: &[&[u8]]) -> String {
        let mut w = Safe::new(Vec::new());
        for piece in pieces {
            w.write_all(piece).unwrap();
        }
        w.flush().unwrap();
        String::from_utf8(w.inner).unwrap()
    }

    #[test]
    fn control_characters_are_escaped_and_text_passes() {
        let hostile = "A\u{1b}]0;pwned\u{7}B\u{1b}[2J\rC\u{9b}31mD\u{7f}\u{0}é ü €\n\tend";
        let expected = r"A\x1b]0;pwned\x07B\x1b[2J\x0dC\u{9b}31mD\x7f\x00é ü €".to_owned() + "\n\tend";
        assert_eq!(terminal_safe(hostile), expected);
        assert_eq!(through_writer(&[hostile.as_bytes()]), expected);
        // Cut at every byte, the writer gives the same.
        let bytes = hostile.as_bytes();
        for cut in 0..bytes.len() {
            assert_eq!(
                through_writer(&[&bytes[..cut], &bytes[cut..]]),
                expected,
                "cut at {cut}"
            );
        }
        assert!(matches!(terminal_safe("plain é\n"), Cow::Borrowed(_)));
    }
}
