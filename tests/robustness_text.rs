//! Map text reaching other programs: a label can say anything, and whatever reads an export must
//! take it as text. Spreadsheets must not run a cell as a formula (every CSV the product writes),
//! a terminal must not run an escape sequence (`analyze`, `validate`), and a Markdown viewer must
//! not render HTML or follow a `javascript:` link (the reachability report, as the hand-out).

mod common;

use common::{determinant, influence, stage};
use detmap::analysis::Reachability;
use detmap::export::{self, Export, Input, ReportFormat};
use detmap::format;
use detmap::model::{Map, Sign};
use std::path::Path;
use std::process::{Command, Output};

fn detmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_detmap")).args(args).output().unwrap()
}

/// Labels that a spreadsheet would run as formulas (OWASP's list of first characters).
const FORMULAS: [&str; 6] = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
];

/// A map whose category, tag, stage and determinant texts all start like formulas.
fn formula_map() -> Map {
    let mut map = Map {
        title: "=title".into(),
        ..Default::default()
    };
    map.categories.push(detmap::model::Category {
        name: "C".into(),
        colour: detmap::model::Colour([1, 2, 3]),
    });
    map.stages.push(stage("s1"));
    map.stages[0].label = "=stage()".into();
    for (n, label) in FORMULAS.iter().enumerate() {
        let mut d = determinant(&format!("d{n}"));
        d.label = (*label).into();
        map.determinants.push(d);
        map.influences
            .push(influence(&format!("i{n}"), &format!("d{n}"), "s1", Sign::Enables));
    }
    map
}

/// Every cell of every row; no cell starts like a formula.
fn assert_no_formula(name: &str, csv_text: &[u8]) {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text);
    let mut cells = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            cells += 1;
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{name}: the cell {cell:?} would run as a formula"
            );
        }
    }
    assert!(cells > 0, "{name} has cells");
}

#[test]
fn no_csv_cell_starts_like_a_formula() {
    let map = formula_map();
    // The writers take any map, also one a file could not hold (the carriage return).
    let input = Input::new(&map);
    for kind in [
        Export::DeterminantsCsv,
        Export::InfluencesCsv,
        Export::MatrixCsv,
        Export::Reachability(ReportFormat::Csv),
    ] {
        let mut out = Vec::new();
        kind.write(&input, &mut out).unwrap();
        assert_no_formula(&kind.label(), &out);
        // The text is kept, behind the quote.
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("'=HYPERLINK"), "{}: {text}", kind.label());
    }
    // The command line writes the same (of a file, so without the carriage return, which a file's
    // text may not hold).
    let mut map = map;
    map.determinants[5].label = "=1+1".into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formulas.ron");
    format::save_file(&file, &map).unwrap();
    let out = detmap(&["analyze", file.to_str().unwrap(), "--format", "csv"]);
    assert!(out.status.success());
    assert_no_formula("analyze --format csv", &out.stdout);
    let out = detmap(&["export", file.to_str().unwrap(), "--influences", "-"]);
    assert_no_formula("export --influences", &out.stdout);
}

#[test]
fn the_influences_table_carries_the_labels_beside_the_ids() {
    let map =
        format::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")).unwrap();
    let mut out = Vec::new();
    export::write_influences_csv(&map, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["from", "from_label", "to", "to_label", "sign"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), map.influences.len());
    for (row, i) in rows.iter().zip(&map.influences) {
        assert_eq!(&row[0], i.from.as_str());
        assert_eq!(&row[1], map.label_of(&i.from));
        assert_eq!(&row[2], i.to.as_str());
        assert_eq!(&row[3], map.label_of(&i.to));
        assert_eq!(&row[4], i.sign.as_str());
    }
}

/// No byte that starts a terminal escape or moves the cursor: ESC, the 8-bit CSI (U+009B), BEL,
/// carriage return.
fn assert_terminal_safe(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for c in ['\u{1b}', '\u{9b}', '\u{7}', '\r', '\u{0}'] {
        assert!(
            !text.contains(c),
            "{what} printed the control character {c:?}: {text:?}"
        );
    }
}

const HOSTILE: &str = "Evil\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\rlabel";

#[test]
fn analyze_prints_no_control_character_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.ron");
    let mut map = formula_map();
    map.title = HOSTILE.into();
    map.stages[0].label = HOSTILE.into();
    map.determinants[0].label = HOSTILE.into();
    // Written as the text a hostile file would hold, past whatever the saver checks.
    std::fs::write(&file, format::to_string(&map)).unwrap();
    for fmt in ["text", "csv", "json", "markdown"] {
        let out = detmap(&["analyze", file.to_str().unwrap(), "--format", fmt]);
        assert_terminal_safe(&format!("analyze --format {fmt} (stdout)"), &out.stdout);
        assert_terminal_safe(&format!("analyze --format {fmt} (stderr)"), &out.stderr);
        if out.status.success() && fmt == "text" {
            let text = String::from_utf8(out.stdout).unwrap();
            assert!(
                text.contains(r"Evil\x1b]0;pwned\x07\x1b[2J\u{9b}31m\x0dlabel"),
                "{text}"
            );
        }
    }
    // The loader now refuses control characters in a map's text, so a valid map reaches the
    // terminal through its file's name: an unknown stage's error names the file.
    let named = dir.path().join("\u{1b}]0;pwned\u{7}\u{9b}2J.ron");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron"),
        &named,
    )
    .unwrap();
    let out = detmap(&["analyze", named.to_str().unwrap(), "--stage", "nowhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("analyze --stage (stderr)", &out.stderr);
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(
        said.contains(r"\x1b]0;pwned\x07\u{9b}2J.ron: no stage has the id or label"),
        "{said}"
    );
}

#[test]
fn validate_prints_no_control_character() {
    let dir = tempfile::tempdir().unwrap();
    // A file's name is printed with every problem.
    let file = dir.path().join("\u{1b}]0;pwned\u{7}\u{9b}2J.ron");
    std::fs::write(&file, "( format_version: 2, title: \"t\", stages: [ (id: 1) ] )").unwrap();
    let out = detmap(&["validate", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_terminal_safe("validate (stdout)", &out.stdout);
    assert_terminal_safe("validate (stderr)", &out.stderr);
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.contains(r"\x1b]0;pwned\x07\u{9b}2J.ron:1:"), "{printed}");
}

#[test]
fn validate_says_how_many_files_it_checked_when_all_are_valid() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let chile = root.join("samples/chile-anti-trafficking.ron");
    let example = root.join("tests/data/valid/example.ron");
    let one = detmap(&["validate", chile.to_str().unwrap()]);
    assert!(one.status.success());
    assert_eq!(
        String::from_utf8(one.stdout).unwrap(),
        "1 file checked: it is a valid map\n"
    );
    let two = detmap(&["validate", chile.to_str().unwrap(), example.to_str().unwrap()]);
    assert!(two.status.success());
    assert_eq!(
        String::from_utf8(two.stdout).unwrap(),
        "2 files checked: all are valid maps\n"
    );
}

/// Labels that a Markdown viewer would render as HTML or as a link, in the reachability report (the
/// window's "Table of what feeds each stage") and the hand-out alike.
#[test]
fn markdown_reports_keep_html_and_links_as_text() {
    let mut map = formula_map();
    map.title = "<script>alert(1)</script>".into();
    map.stages[0].label = "<img src=x onerror=alert(1)>".into();
    map.determinants[0].label = "[click me](javascript:alert(1))".into();
    map.determinants[1].label = "<a href=\"javascript:alert(1)\">x</a>".into();
    map.determinants[2].label = "**bold** | cell".into();
    let reach = Reachability::compute(&map);
    let mut reachability = Vec::new();
    export::write_reachability(&map, &reach, &[], ReportFormat::Markdown, &mut reachability).unwrap();
    let mut handout = Vec::new();
    export::write_handout(&map, &reach, &mut handout).unwrap();
    for (name, md) in [("reachability", reachability), ("hand-out", handout)] {
        let md = String::from_utf8(md).unwrap();
        for raw in ["<script", "<img", "<a ", "](javascript:", "**bold**", "| cell"] {
            // Each of these is harmless once its first character is escaped by a backslash.
            let unescaped = md.match_indices(raw).any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!unescaped, "{name}: {raw:?} is left raw in\n{md}");
        }
        assert!(md.contains(r"\<script\>alert(1)\</script\>"), "{name}:\n{md}");
        assert!(md.contains(r"\[click me\](javascript:alert(1))"), "{name}:\n{md}");
    }
}
