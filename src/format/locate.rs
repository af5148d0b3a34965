//! Finds where a field sits in a RON text, so problems found after parsing (a missing id, a
//! duplicate) can be reported at a line and column like syntax errors are.
//!
//! ron gives positions for its own errors but not for values it parsed successfully, so this walks
//! the text once more, tolerantly, recording where each value starts under its path
//! (`influences[3].to`). It only runs when there is something to report.
//!
//! Any text is walked in one pass, in time linear in its length and with recursion at most
//! [`MAX_DEPTH`] deep: every step of every loop consumes at least one character.

use crate::model::{FieldPath, PathSeg};
use std::collections::{HashMap, HashSet};

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: usize,
    pub col: usize,
}

/// Where every value in a RON text starts, by path.
pub struct Locator {
    starts: HashMap<String, LineCol>,
}

impl Locator {
    /// Indexes every value of the text.
    pub fn new(text: &str) -> Self {
        Self::walk(text, None)
    }

    /// Indexes only what [`find`](Self::find) needs for `paths`, so locating a few problems in a
    /// large file takes memory for those few, not for every value of the file.
    pub fn for_paths<'a>(text: &str, paths: impl IntoIterator<Item = &'a FieldPath>) -> Self {
        let mut wanted = HashSet::new();
        for path in paths {
            let mut key = String::new();
            for seg in &path.0 {
                push_seg(&mut key, seg);
                wanted.insert(key.clone());
            }
        }
        Self::walk(text, Some(wanted))
    }

    fn walk(text: &str, wanted: Option<HashSet<String>>) -> Self {
        let mut walker = Walker::new(text, wanted);
        walker.skip_trivia();
        walker.value(&mut String::new(), 0);
        Locator { starts: walker.starts }
    }

    /// The position of the deepest part of `path` that the text has, or the start of the text.
    pub fn find(&self, path: &FieldPath) -> LineCol {
        let mut key = String::new();
        let mut best = LineCol { line: 1, col: 1 };
        for seg in &path.0 {
            push_seg(&mut key, seg);
            match self.starts.get(&key) {
                Some(pos) => best = *pos,
                None => break,
            }
        }
        best
    }
}

/// Where the first comment (`//` or `/* */`) of a RON text starts, if it has one; in one pass of the
/// text, the walker's own, so a `//` inside a quoted text is not taken for one.
///
/// A first line equal to `header` (the line the application writes at the top of every file, which
/// a save writes again) is not counted.
pub fn first_comment(text: &str, header: &str) -> Option<LineCol> {
    let mut walker = Walker::new(text, Some(HashSet::new()));
    if let Some(rest) = text.strip_prefix(header)
        && (rest.starts_with('\n') || rest.starts_with("\r\n"))
    {
        while walker.bump().is_some_and(|c| c != '\n') {}
    }
    walker.skip_trivia();
    walker.value(&mut String::new(), 0);
    // Comments after the map's closing bracket count too.
    walker.skip_trivia();
    walker.first_comment
}

/// Appends one segment to a key as the walker spells it: `influences[3].to`.
fn push_seg(key: &mut String, seg: &PathSeg) {
    match seg {
        PathSeg::Field(name) if key.is_empty() => key.push_str(name),
        PathSeg::Field(name) => {
            key.push('.');
            key.push_str(name);
        }
        PathSeg::Index(i) => {
            use std::fmt::Write;
            let _ = write!(key, "[{i}]");
        }
    }
}

/// Nesting deeper than this is not indexed; ron refuses such files anyway.
const MAX_DEPTH: usize = 64;

struct Walker<'t> {
    text: &'t str,
    /// A byte offset into `text`, always at a character boundary.
    at: usize,
    line: usize,
    col: usize,
    starts: HashMap<String, LineCol>,
    /// When set, only these keys are recorded.
    wanted: Option<HashSet<String>>,
    /// Where the first comment skipped starts.
    first_comment: Option<LineCol>,
}

impl<'t> Walker<'t> {
    fn new(text: &'t str, wanted: Option<HashSet<String>>) -> Self {
        Walker {
            text,
            at: 0,
            line: 1,
            col: 1,
            starts: HashMap::new(),
            wanted,
            first_comment: None,
        }
    }

    fn comment_here(&mut self) {
        if self.first_comment.is_none() {
            self.first_comment = Some(self.here());
        }
    }

    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn peek2(&self) -> Option<char> {
        self.text[self.at..].chars().nth(1)
    }

    fn at_end(&mut self) {
        self.at = self.text.len();
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn here(&self) -> LineCol {
        LineCol {
            line: self.line,
            col: self.col,
        }
    }

    /// Skips white space, `//` comments, nested `/* */` comments and `#![enable(..)]` attributes.
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek2()) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    self.comment_here();
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
                    self.comment_here();
                    let mut depth = 0usize;
                    while let Some(c) = self.bump() {
                        if c == '/' && self.peek() == Some('*') {
                            self.bump();
                            depth += 1;
                        } else if c == '*' && self.peek() == Some('/') {
                            self.bump();
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                    }
                }
                (Some('#'), Some('!')) => {
                    while !matches!(self.peek(), None | Some(']')) {
                        self.bump();
                    }
                    self.bump();
                }
                _ => return,
            }
        }
    }

    /// Reads one value starting at the cursor and records it (and what it contains) under `path`.
    fn value(&mut self, path: &mut String, depth: usize) {
        let here = self.here();
        if self.wanted.as_ref().is_none_or(|w| w.contains(path.as_str())) && !self.starts.contains_key(path.as_str()) {
            self.starts.insert(path.clone(), here);
        }
        if depth > MAX_DEPTH {
            self.at_end();
            return;
        }
        match self.peek() {
            Some('(') => self.parens(path, depth),
            Some('[') => self.list(path, depth),
            Some('{') => self.braces(path, depth),
            Some('"') => self.string(),
            Some('r') if matches!(self.peek2(), Some('"' | '#')) => self.raw_string(),
            Some('\'') => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        '\\' => {
                            self.bump();
                        }
                        '\'' => break,
                        _ => {}
                    }
                }
            }
            Some(_) => {
                let word = self.word();
                self.skip_trivia();
                // An enum variant or a named struct: `Some(..)`, `Name(..)`.
                if !word.is_empty() && self.peek() == Some('(') {
                    self.parens(path, depth);
                }
            }
            None => {}
        }
    }

    fn word(&mut self) -> String {
        let mut word = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || matches!(c, '_' | '-' | '+' | '.') {
                word.push(c);
                self.bump();
            } else {
                break;
            }
        }
        if word.is_empty() {
            self.bump(); // a stray character: step over it so the walk always progresses
        }
        word
    }

    fn string(&mut self) {
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    self.bump();
                }
                '"' => break,
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            self.bump();
            hashes += 1;
        }
        self.bump(); // "
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.peek() == Some('#') {
                    self.bump();
                    closing += 1;
                }
                if closing == hashes {
                    break;
                }
            }
        }
    }

    /// `( field: value, … )` or a tuple `( value, … )`.
    fn parens(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(')') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let save = (self.at, self.line, self.col);
            let name = if self.peek().is_some_and(|c| c.is_alphabetic() || c == '_') {
                let word = self.word();
                self.skip_trivia();
                if self.peek() == Some(':') {
                    self.bump();
                    self.skip_trivia();
                    Some(word)
                } else {
                    (self.at, self.line, self.col) = save;
                    None
                }
            } else {
                None
            };
            let len = path.len();
            match name {
                Some(name) if path.is_empty() => path.push_str(&name),
                Some(name) => {
                    path.push('.');
                    path.push_str(&name);
                }
                None => {
                    use std::fmt::Write;
                    let _ = write!(path, ".{index}");
                }
            }
            let before = self.at;
            self.value(path, depth + 1);
            path.truncate(len);
            index += 1;
            if self.at == before {
                self.bump();
            }
        }
    }

    fn list(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some(']') => {
                    self.bump();
                    return;
                }
                Some(',') => {
                    self.bump();
                    continue;
                }
                _ => {}
            }
            let len = path.len();
            push_seg(path, &PathSeg::Index(index));
            let before = self.at;
            self.value(path, depth + 1);
            path.truncate(len);
            index += 1;
            if self.at == before {
                self.bump();
            }
        }
    }

    /// A map `{ key: value }`: keys are not addressed by field paths, so only nesting is followed.
    fn braces(&mut self, path: &mut String, depth: usize) {
        self.bump();
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return,
                Some('}') => {
                    self.bump();
                    return;
                }
                Some(',' | ':') => {
                    self.bump();
                }
                _ => {
                    let before = self.at;
                    let len = path.len();
                    path.push_str(".{}");
                    self.value(path, depth + 1);
                    path.truncate(len);
                    if self.at == before {
                        self.bump();
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(segs: &[PathSeg]) -> FieldPath {
        FieldPath(segs.to_vec())
    }

    #[test]
    fn finds_fields_in_nested_lists() {
        let text = "// c\n(\n  title: \"a\",\n  influences: [\n    (id: \"i1\", to: \"x\"),\n    (\n      id: \"i2\",\n      to: \"y\",\n    ),\n  ],\n)";
        let loc = Locator::new(text);
        use PathSeg::*;
        assert_eq!(loc.find(&path(&[Field("title")])), LineCol { line: 3, col: 10 });
        assert_eq!(
            loc.find(&path(&[Field("influences"), Index(0), Field("to")])),
            LineCol { line: 5, col: 20 }
        );
        assert_eq!(
            loc.find(&path(&[Field("influences"), Index(1), Field("to")])),
            LineCol { line: 8, col: 11 }
        );
        // A path the text lacks stops at its deepest known part.
        assert_eq!(
            loc.find(&path(&[Field("influences"), Index(1), Field("note")])),
            LineCol { line: 6, col: 5 }
        );
    }

    #[test]
    fn indexing_only_the_wanted_paths_finds_the_same_positions() {
        let text =
            "(\n  title: \"a\",\n  influences: [\n    (id: \"i1\", to: \"x\"),\n    (id: \"i2\", to: \"y\"),\n  ],\n)";
        use PathSeg::*;
        let paths = [
            path(&[Field("influences"), Index(1), Field("to")]),
            path(&[Field("influences"), Index(0), Field("note")]),
            path(&[Field("title")]),
            path(&[Field("tags"), Index(3)]),
        ];
        let all = Locator::new(text);
        let some = Locator::for_paths(text, &paths);
        for p in &paths {
            assert_eq!(some.find(p), all.find(p), "{p}");
        }
        assert!(some.starts.len() < all.starts.len());
    }

    #[test]
    fn survives_junk() {
        for text in [
            "",
            "(((((",
            "[\"unterminated",
            "r##\"x",
            "/* open",
            "(a: b: c: ,,,)",
            "{:}",
            "\u{0}\u{1}",
        ] {
            let _ = Locator::new(text).find(&path(&[PathSeg::Field("a")]));
        }
    }
}
