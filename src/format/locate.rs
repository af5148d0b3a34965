//! Finds where a field sits in a RON text, so problems found after parsing (a missing id, a
//! duplicate) can be reported at a line and column like syntax errors are.
//!
//! ron gives positions for its own errors but not for values it parsed successfully, so this walks
//! the text once more, tolerantly, recording where each value starts under its path
//! (`influences[3].to`). It only runs when there is something to report.

use crate::model::{FieldPath, PathSeg};
use std::collections::HashMap;

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
    pub fn new(text: &str) -> Self {
        let mut walker = Walker { chars: text.chars().collect(), at: 0, line: 1, col: 1, starts: HashMap::new() };
        walker.skip_trivia();
        walker.value(&mut String::new(), 0);
        Locator { starts: walker.starts }
    }

    /// The position of the deepest part of `path` that the text has, or the start of the text.
    pub fn find(&self, path: &FieldPath) -> LineCol {
        let mut key = String::new();
        let mut best = LineCol { line: 1, col: 1 };
        for seg in &path.0 {
            match seg {
                PathSeg::Field(name) if key.is_empty() => key.push_str(name),
                PathSeg::Field(name) => {
                    key.push('.');
                    key.push_str(name);
                }
                PathSeg::Index(i) => key.push_str(&format!("[{i}]")),
            }
            match self.starts.get(&key) {
                Some(pos) => best = *pos,
                None => break,
            }
        }
        best
    }
}

/// Nesting deeper than this is not indexed; ron refuses such files anyway.
const MAX_DEPTH: usize = 64;

struct Walker {
    chars: Vec<char>,
    at: usize,
    line: usize,
    col: usize,
    starts: HashMap<String, LineCol>,
}

impl Walker {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek2(&self) -> Option<char> {
        self.chars.get(self.at + 1).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn here(&self) -> LineCol {
        LineCol { line: self.line, col: self.col }
    }

    /// Skips white space, `//` comments, nested `/* */` comments and `#![enable(..)]` attributes.
    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek2()) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while !matches!(self.peek(), None | Some('\n')) {
                        self.bump();
                    }
                }
                (Some('/'), Some('*')) => {
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
        self.starts.entry(path.clone()).or_insert(here);
        if depth > MAX_DEPTH {
            self.at = self.chars.len();
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
                None => path.push_str(&format!(".{index}")),
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
            path.push_str(&format!("[{index}]"));
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
        assert_eq!(loc.find(&path(&[Field("influences"), Index(0), Field("to")])), LineCol { line: 5, col: 20 });
        assert_eq!(loc.find(&path(&[Field("influences"), Index(1), Field("to")])), LineCol { line: 8, col: 11 });
        // A path the text lacks stops at its deepest known part.
        assert_eq!(loc.find(&path(&[Field("influences"), Index(1), Field("note")])), LineCol { line: 6, col: 5 });
    }

    #[test]
    fn survives_junk() {
        for text in ["", "(((((", "[\"unterminated", "r##\"x", "/* open", "(a: b: c: ,,,)", "{:}", "\u{0}\u{1}"] {
            let _ = Locator::new(text).find(&path(&[PathSeg::Field("a")]));
        }
    }
}
