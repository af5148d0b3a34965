//! The file format on real files: the canonical example, the corpus of broken files, round trips.

use detmap::format::{self, LineCol};
use std::path::{Path, PathBuf};

fn data(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(rel)
}

/// The example in docs/file-format.md is this file, and it is in canonical form: saving it gives it back.
#[test]
fn example_is_valid_and_canonical() {
    let path = data("valid/example.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let map = format::load_file(&path).expect("the documented example is valid");
    assert_eq!(
        format::to_string(&map),
        text,
        "the example is not in the form the app saves"
    );
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/file-format.md")).unwrap();
    assert!(
        doc.contains(text.trim_end()),
        "docs/file-format.md does not show tests/data/valid/example.ron as it is"
    );
}

/// Every file in tests/data/broken has a first line `// expect: LINE:COL: text` naming the first problem
/// the loader must report; the loader must refuse the file and report exactly that.
#[test]
fn broken_files_are_refused_with_located_messages() {
    let mut checked = 0;
    for entry in std::fs::read_dir(data("broken")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expect") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let expected = expectation(&path);
        let problems = format::load_bytes(&bytes).expect_err(&format!("{} should be refused", path.display()));
        let first = &problems[0];
        let (at, text) = &expected;
        assert_eq!(first.at, *at, "{}: position of {:?}", path.display(), first.message);
        assert!(
            first.message.contains(text.as_str()),
            "{}: `{}` does not contain `{}`",
            path.display(),
            first.message,
            text
        );
        checked += 1;
    }
    assert!(checked >= 10, "the broken corpus has only {checked} files");
}

/// Reads `expect: LINE:COL: text` from the first line, or from `NAME.expect` beside a binary file.
fn expectation(path: &Path) -> (Option<LineCol>, String) {
    let side = path.with_extension("expect");
    let line = if side.exists() {
        std::fs::read_to_string(&side).unwrap()
    } else {
        String::from_utf8_lossy(&std::fs::read(path).unwrap())
            .lines()
            .next()
            .unwrap_or_default()
            .to_owned()
    };
    let rest = line
        .split("expect: ")
        .nth(1)
        .unwrap_or_else(|| panic!("{}: no `expect:` line", path.display()))
        .trim();
    let mut parts = rest.splitn(3, ':');
    let (l, c, text) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap_or("").trim(),
    );
    let at = if l == "-" {
        None
    } else {
        Some(LineCol {
            line: l.parse().unwrap(),
            col: c.parse().unwrap(),
        })
    };
    (at, text.to_owned())
}
