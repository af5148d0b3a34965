//! The window's modules form layers: no module reaches (through `use` or a path in code) a sibling
//! that reaches back to it, at any depth of `src/app/`. A cycle is how "everything depends on
//! everything" starts: `apply/` may use every other module, panels (`ui/`) must not reach `apply/`,
//! and the recovery copy must not know the window. Read from the source: each path `super::…` or
//! `crate::app::…` outside comments is one edge, between the two siblings under the paths' common
//! parent (a module and its own parent or children are not siblings, so `use super::X` inside a
//! folder is no edge).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file under `src/`: `src/app/ui/canvas/mod.rs` is `["app", "ui", "canvas"]`.
fn module_of(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The identifier at the start of `s`.
fn ident(s: &str) -> &str {
    let end = s.bytes().position(|b| !is_ident(b)).unwrap_or(s.len());
    &s[..end]
}

/// The modules a line of code names: `super::super::commands::Request` from `app::ui::canvas` is
/// `app::commands`; `crate::app::derived::rows::Row` is `app::derived::rows`. After `super::`s
/// only the next name counts (a `{` after them names the parent itself).
fn targets(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != b':';
        let rest = &code[i..];
        if starts_word && rest.starts_with("super::") {
            let mut up = 0;
            let mut rest = rest;
            while let Some(r) = rest.strip_prefix("super::") {
                up += 1;
                rest = r;
            }
            if up <= module.len() {
                let mut target = module[..module.len() - up].to_vec();
                let name = ident(rest);
                if !name.is_empty() {
                    target.push(name.to_owned());
                }
                found.push(target);
            }
            i = code.len() - rest.len();
        } else if starts_word && rest.starts_with("crate::app::") {
            let mut rest = &rest["crate::app::".len()..];
            let mut target = vec!["app".to_owned()];
            // As deep as the path goes through lower-case (module) names.
            loop {
                let name = ident(rest);
                if name.is_empty() || name.starts_with(|c: char| c.is_ascii_uppercase()) {
                    break;
                }
                target.push(name.to_owned());
                rest = &rest[name.len()..];
                match rest.strip_prefix("::") {
                    Some(r) => rest = r,
                    None => break,
                }
            }
            found.push(target);
            i = code.len() - rest.len();
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The edge between siblings that `from` naming `to` makes, if any.
fn sibling_edge(from: &[String], to: &[String]) -> Option<(Vec<String>, Vec<String>)> {
    let common = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    if common >= from.len() || common >= to.len() {
        return None; // one is the other's ancestor
    }
    Some((from[..=common].to_vec(), to[..=common].to_vec()))
}

/// Strips `//` comments (doc comments name modules in prose) and string literals.
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut prev = ' ';
    for c in line.chars() {
        if !in_string && c == '/' && prev == '/' {
            out.pop();
            break;
        }
        if c == '"' && prev != '\\' {
            in_string = !in_string;
        } else if !in_string {
            out.push(c);
        }
        prev = c;
    }
    out
}

fn graph(src: &Path) -> BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> {
    let mut all = Vec::new();
    files(&src.join("app"), &mut all);
    let mut edges: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
    for file in all {
        let module = module_of(src, &file);
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // Test modules may reach anywhere.
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            for target in targets(&module, &code_of(line)) {
                if let Some((a, b)) = sibling_edge(&module, &target) {
                    let place = format!("{}:{}", file.display(), n + 1);
                    edges.entry(a).or_default().entry(b).or_insert(place);
                }
            }
        }
    }
    edges
}

/// A cycle through the graph, as the modules on it and where each edge is made.
fn find_cycle(edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>) -> Option<Vec<String>> {
    fn visit(
        node: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>>,
        done: &mut BTreeSet<Vec<String>>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let cycle = &stack[at..];
            return Some(
                (0..cycle.len())
                    .map(|k| {
                        let (a, b) = (&cycle[k], &cycle[(k + 1) % cycle.len()]);
                        format!("{} -> {} ({})", a.join("::"), b.join("::"), edges[a][b])
                    })
                    .collect(),
            );
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flat_map(|m| m.keys()) {
            if let Some(c) = visit(next, edges, done, stack) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(node.clone());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(c) = visit(node, edges, &mut done, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

#[test]
fn the_window_s_modules_have_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let edges = graph(&src);
    let app = |m: &str| vec!["app".to_owned(), m.to_owned()];
    // The reader sees real edges, so an empty graph (a broken parser) cannot pass.
    assert!(edges[&app("apply")].contains_key(&app("ui")), "{edges:#?}");
    assert!(edges[&app("ui")].contains_key(&app("commands")), "{edges:#?}");
    if let Some(cycle) = find_cycle(&edges) {
        panic!("an import cycle among the window's modules:\n{}", cycle.join("\n"));
    }
    for user in edges.keys().filter(|m| **m != app("apply")) {
        assert!(
            !edges[user].contains_key(&app("apply")),
            "{} reaches the apply point ({})",
            user.join("::"),
            edges[user][&app("apply")]
        );
    }
}

#[test]
fn the_reader_finds_cycles() {
    let m = |p: &str| p.split("::").map(str::to_owned).collect::<Vec<_>>();
    let module = m("app::ui::canvas");
    assert_eq!(
        targets(&module, "use super::super::commands::{Request, Requests};"),
        vec![m("app::commands")]
    );
    assert_eq!(
        targets(&module, "fn f(e: &crate::app::derived::emphasis::Emphasis)"),
        vec![m("app::derived::emphasis")]
    );
    assert_eq!(
        targets(&m("app::apply::files"), "use super::{AppModel, CanvasEffect};"),
        vec![m("app::apply")]
    );
    assert_eq!(sibling_edge(&m("app::apply::files"), &m("app::apply")), None);
    assert_eq!(
        sibling_edge(&module, &m("app::commands")),
        Some((m("app::ui"), m("app::commands")))
    );
    let mut edges: BTreeMap<Vec<String>, BTreeMap<Vec<String>, String>> = BTreeMap::new();
    edges
        .entry(m("app::a"))
        .or_default()
        .insert(m("app::b"), "a.rs:1".into());
    assert!(find_cycle(&edges).is_none());
    edges
        .entry(m("app::b"))
        .or_default()
        .insert(m("app::a"), "b.rs:2".into());
    assert_eq!(
        find_cycle(&edges).unwrap(),
        vec!["app::a -> app::b (a.rs:1)", "app::b -> app::a (b.rs:2)"]
    );
    assert_eq!(code_of("use x; // super::y \"crate::app::z\""), "use x; ");
}
