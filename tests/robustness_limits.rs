//! The loader's limits (docs/file-format.md, "Limits"): each one is refused with a located message
//! exactly one past the limit and accepted at it; hostile inputs finish in bounded time; the saver
//! refuses what the loader would refuse.

use detmap::format::{self, Diagnostic, LineCol, Locator};
use detmap::model::{Category, Colour, Determinant, Effect, Evidence, Influence, Map, Position, Sign, Source, Stage};
use std::sync::mpsc;
use std::time::Duration;

/// A small valid map to put long values into.
fn base() -> Map {
    Map {
        title: "Limits".into(),
        description: String::new(),
        sources: vec![Source {
            id: "src".into(),
            title: "A study".into(),
            citation: String::new(),
        }],
        stages: vec![Stage {
            id: "s1".into(),
            label: "Stage".into(),
            description: String::new(),
            position: Position::default(),
        }],
        categories: vec![Category {
            name: "C".into(),
            colour: Colour([1, 2, 3]),
        }],
        tags: vec!["t".into()],
        determinants: vec![Determinant {
            id: "d1".into(),
            label: "D".into(),
            categories: vec!["C".into()],
            locus: None,
            directness: None,
            nature: None,
            effect: Effect::Enabler,
            tags: vec!["t".into()],
            notes: String::new(),
            evidence: vec![Evidence {
                source: "src".into(),
                location: "p. 1".into(),
                paraphrase: "x".into(),
            }],
            position: Position::default(),
        }],
        influences: vec![Influence {
            id: "i1".into(),
            from: "d1".into(),
            to: "s1".into(),
            sign: Sign::Enables,
            strength: None,
            confidence: None,
            note: String::new(),
            evidence: Vec::new(),
        }],
        presentation: Vec::new(),
    }
}

/// The line and column (1-based, in characters) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> LineCol {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` is not in the text"));
    let before = &text[..at];
    LineCol {
        line: before.matches('\n').count() + 1,
        col: before.rsplit('\n').next().unwrap().chars().count() + 1,
    }
}

fn first_problem(text: &str) -> Diagnostic {
    format::load_str(text)
        .expect_err("the file should be refused")
        .remove(0)
}

/// Runs `f` on another thread and fails if it takes longer than `limit`: a loader that loops, or
/// that is quadratic on a few megabytes, does not finish in time.
fn within<T: Send + 'static>(limit: Duration, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(limit)
        .unwrap_or_else(|_| panic!("{what}: not finished in {limit:?}"))
}

/// A text of exactly the limit loads and is kept; one byte more is refused at the text's first character, with
/// the length and the limit in the message. Every kind of text field is tried.
#[test]
fn every_text_field_is_limited_to_64_kib() {
    type Set = fn(&mut Map, String);
    let fields: &[(&str, Set)] = &[
        ("title", |m, s| m.title = s),
        ("description", |m, s| m.description = s),
        ("sources[0].title", |m, s| m.sources[0].title = s),
        ("sources[0].citation", |m, s| m.sources[0].citation = s),
        ("stages[0].label", |m, s| m.stages[0].label = s),
        ("stages[0].description", |m, s| m.stages[0].description = s),
        ("determinants[0].label", |m, s| m.determinants[0].label = s),
        ("determinants[0].notes", |m, s| m.determinants[0].notes = s),
        ("determinants[0].evidence[0].location", |m, s| {
            m.determinants[0].evidence[0].location = s
        }),
        ("determinants[0].evidence[0].paraphrase", |m, s| {
            m.determinants[0].evidence[0].paraphrase = s
        }),
        ("influences[0].note", |m, s| m.influences[0].note = s),
        // Names: the category's own, and where a determinant uses it; a tag likewise.
        ("categories[0].name", |m, s| {
            m.categories[0].name = s.clone();
            m.determinants[0].categories[0] = s;
        }),
        ("tags[0]", |m, s| {
            m.tags[0] = s.clone();
            m.determinants[0].tags[0] = s;
        }),
    ];
    for (name, set) in fields {
        // Multi-byte characters: the limit is in bytes of UTF-8.
        let at_limit = "é".repeat(format::MAX_TEXT_BYTES / 2);
        let mut map = base();
        set(&mut map, at_limit.clone());
        assert!(
            format::check_limits(&map).is_empty(),
            "{name}: a text of exactly the limit is allowed"
        );
        let text = format::to_string(&map);
        assert_eq!(
            format::load_str(&text).unwrap_or_else(|e| panic!("{name}: {e:?}")),
            map,
            "{name}"
        );

        let over = format!("{at_limit}x");
        let mut map = base();
        set(&mut map, over.clone());
        let problems = format::check_limits(&map);
        assert_eq!(
            problems.len(),
            if name.contains('[') && (name.starts_with("categories") || name.starts_with("tags")) {
                2
            } else {
                1
            },
            "{name}: {problems:?}"
        );
        assert_eq!(problems[0].path.to_string(), *name);
        let text = format::to_string(&map);
        let first = first_problem(&text);
        assert_eq!(
            first.message, "this text is 65,537 bytes long; a text in a map is limited to 65,536 bytes (64 KiB)",
            "{name}"
        );
        // At the text's first character.
        assert_eq!(first.at, Some(position_of(&text, &over)), "{name}");
    }
}

/// Ids, and the fields that refer to ids, are limited to 256 bytes.
#[test]
fn every_id_field_is_limited_to_256_bytes() {
    type Set = fn(&mut Map, &str);
    let fields: &[(&str, Set)] = &[
        ("sources[0].id", |m, s| {
            m.sources[0].id = s.into();
            m.determinants[0].evidence[0].source = s.into();
        }),
        ("stages[0].id", |m, s| {
            m.stages[0].id = s.into();
            m.influences[0].to = s.into();
        }),
        ("determinants[0].id", |m, s| {
            m.determinants[0].id = s.into();
            m.influences[0].from = s.into();
        }),
        ("influences[0].id", |m, s| m.influences[0].id = s.into()),
    ];
    for (name, set) in fields {
        let at_limit = "a".repeat(format::MAX_ID_BYTES);
        let mut map = base();
        set(&mut map, &at_limit);
        assert!(format::check_limits(&map).is_empty(), "{name}");
        assert_eq!(format::load_str(&format::to_string(&map)).unwrap(), map, "{name}");

        let over = format!("{at_limit}b");
        let mut map = base();
        set(&mut map, &over);
        let problems = format::check_limits(&map);
        assert_eq!(problems[0].path.to_string(), *name);
        let text = format::to_string(&map);
        let first = first_problem(&text);
        assert_eq!(
            first.message, "this id is 257 bytes long; an id is a short key and is limited to 256 bytes",
            "{name}"
        );
        // At the text's first character.
        assert_eq!(first.at, Some(position_of(&text, &over)), "{name}");
    }
}

/// A file of `n` minimal determinants, one per line from line 3, with one category.
fn determinants_file(n: usize) -> String {
    let mut text = String::with_capacity(n * 40 + 200);
    text.push_str(
        "(format_version: 1, title: \"many\", categories: [(name: \"C\", colour: \"#000000\")],\ndeterminants: [\n",
    );
    for k in 0..n {
        text.push_str(&format!("(id: \"d{k}\", label: \"\", categories: [\"C\"]),\n"));
    }
    text.push_str("])\n");
    text
}

#[test]
fn a_map_holds_at_most_a_million_determinants() {
    let n = format::MAX_LIST_ITEMS;
    let text = within(Duration::from_secs(300), "a million determinants", move || {
        let text = determinants_file(n);
        assert_eq!(
            format::load_str(&text)
                .expect("exactly the limit loads")
                .determinants
                .len(),
            n
        );
        text
    });
    let text = text.replace(
        "\n])\n",
        &format!("\n(id: \"d{n}\", label: \"\", categories: [\"C\"]),\n])\n"),
    );
    let first = within(Duration::from_secs(300), "a million and one", move || {
        first_problem(&text)
    });
    assert_eq!(
        first.message,
        "more than 1,000,000 determinants: a map holds at most 1,000,000 items in one list"
    );
    // On the line of the item one past the limit: the file's lines 3.. hold the determinants.
    assert_eq!(first.at.map(|at| at.line), Some(3 + n), "{first:?}");
}

#[test]
fn a_map_holds_at_most_a_million_influences() {
    let n = format::MAX_LIST_ITEMS;
    let mut text = String::with_capacity(n * 50 + 300);
    text.push_str("(format_version: 1, title: \"many\", categories: [(name: \"C\", colour: \"#000000\")],\n");
    text.push_str("determinants: [(id: \"d\", label: \"\", categories: [\"C\"])],\ninfluences: [\n");
    for k in 0..=n {
        text.push_str(&format!("(id: \"i{k}\", from: \"d\", to: \"d\", sign: enables),\n"));
    }
    text.push_str("])\n");
    let first = within(Duration::from_secs(300), "a million and one influences", move || {
        first_problem(&text)
    });
    assert_eq!(
        first.message,
        "more than 1,000,000 influences: a map holds at most 1,000,000 items in one list"
    );
    assert_eq!(first.at.map(|at| at.line), Some(4 + n), "{first:?}");
}

/// Nested lists count toward the total: four lists of a million entries each are one too many.
#[test]
fn a_map_holds_at_most_four_million_list_entries_in_all() {
    let n = format::MAX_LIST_ITEMS;
    let tags = "\"t\",".repeat(n);
    let mut text = format!(
        "(format_version: 1, title: \"x\", categories: [(name: \"C\", colour: \"#000000\")],\ntags: [{tags}],\ndeterminants: [\n"
    );
    for k in 0..3 {
        text.push_str(&format!(
            "(id: \"d{k}\", label: \"\", categories: [\"C\"], tags: [{tags}]),\n"
        ));
    }
    text.push_str("])\n");
    // 1 category + 1,000,000 tags + 3 determinants with 1 category and 1,000,000 tags: the budget runs
    // out inside the last determinant's tags, on line 6.
    let first = within(Duration::from_secs(300), "four million entries", move || {
        first_problem(&text)
    });
    assert!(
        first
            .message
            .starts_with("the map has more than 4,000,000 list entries in all"),
        "{first:?}"
    );
    assert_eq!(first.at.map(|at| at.line), Some(6), "{first:?}");

    // The saver counts the same way.
    let mut map = base();
    map.tags = vec!["t".into(); n];
    for k in 0..3 {
        let mut d = map.determinants[0].clone();
        d.id = format!("d{k}").into();
        d.tags = vec!["t".into(); n];
        map.determinants.push(d);
    }
    let problems = format::check_limits(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path.to_string(), "determinants[3].tags");
}

/// The saver counts the `layout` list like the loader does: a map at the limit of determinants, all of
/// them placed, has one placement too many (the stage's), so it is refused instead of written to a
/// file that would not open again. At the origin nobody is listed and it saves.
#[test]
fn the_layout_counts_toward_the_limits_at_save_as_at_load() {
    let n = format::MAX_LIST_ITEMS;
    let mut map = base();
    let template = map.determinants[0].clone();
    map.determinants = (0..n)
        .map(|k| Determinant {
            id: format!("d{k}").into(),
            evidence: Vec::new(),
            tags: Vec::new(),
            ..template.clone()
        })
        .collect();
    map.influences.clear();
    assert_eq!(format::check_limits(&map), [], "at the origin, the layout is empty");
    map.stages[0].position = Position::new(1.0, 1.0);
    for d in &mut map.determinants {
        d.position = Position::new(2.0, 3.0);
    }
    let problems = format::check_limits(&map);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path.to_string(), "layout");
    assert_eq!(
        problems[0].message,
        "more than 1,000,000 positions in the layout: a map holds at most 1,000,000 items in one list"
    );
}

/// Nesting beyond ron's limit is refused at once; the locator, which walks any text, does not recurse
/// without bound either.
#[test]
fn deep_nesting_is_refused_without_exhausting_the_stack() {
    // Where the map's own fields hold the nesting, the parser meets it (through the version probe).
    for open in ["(", "[", "{", "Some(", "(a: "] {
        let text = format!(
            "(format_version: 1, title: \"x\", tags: [\"t\"], extra: {})",
            open.repeat(2_000_000)
        );
        let first = within(Duration::from_secs(120), open, move || first_problem(&text));
        assert!(first.message.contains("extra"), "{open}: {first:?}");
        let text = format!("(format_version: 2, extra: {})", open.repeat(2_000_000));
        let first = within(Duration::from_secs(120), open, move || first_problem(&text));
        assert!(first.message.contains("extra"), "{open}: {first:?}");
        let text = open.repeat(2_000_000);
        within(Duration::from_secs(120), open, move || {
            Locator::new(&text).find(&detmap::model::FieldPath::default())
        });
    }
}

/// Coordinates must be finite numbers: `NaN`, `inf` and numbers beyond an f32 are refused where they
/// are; a map holding one in memory still saves (as the origin), so saving never fails for it.
#[test]
fn coordinates_must_be_finite() {
    let text = format::to_string(&{
        let mut m = base();
        m.determinants[0].position = Position::new(1.5, 2.5);
        m
    });
    assert!(text.contains("x: 1.5, y: 2.5)"), "{text}");
    for bad in ["NaN", "inf", "-inf", "1e39", "-3.5e38"] {
        let broken = text.replace("x: 1.5", &format!("x: {bad}"));
        let first = first_problem(&broken);
        assert!(
            first
                .message
                .ends_with("is not a usable coordinate: expected a finite number, e.g. 120.0"),
            "{bad}: {first:?}"
        );
        assert_eq!(
            first.at.map(|at| at.line),
            Some(position_of(&broken, &format!("x: {bad}")).line),
            "{bad}"
        );
    }
    let mut map = base();
    map.determinants[0].position = Position::new(f32::NAN, 3.0);
    map.stages[0].position = Position::new(1.0, f32::INFINITY);
    let loaded =
        format::load_str(&format::to_string(&map)).expect("a map with a NaN position saves to a file that loads");
    assert_eq!(loaded.determinants[0].position, Position::default());
    assert_eq!(loaded.stages[0].position, Position::default());
}

/// Inputs built to be slow: each is a few megabytes and must finish in seconds, even in a debug build;
/// a quadratic step on any of them would take hours.
#[test]
fn hostile_inputs_finish_in_linear_time() {
    const N: usize = 4 << 20;
    let cases: Vec<(&str, String)> = vec![
        (
            "an unclosed string",
            format!("(format_version: 1, title: \"{}", "a".repeat(N)),
        ),
        (
            "an unclosed raw string",
            format!("(format_version: 1, title: r###\"{}", "\"##".repeat(N / 3)),
        ),
        ("nested block comments", "/*".repeat(N / 2)),
        ("closed block comments", "/**/".repeat(N / 4)),
        ("line comments", "//\n".repeat(N / 3)),
        ("attributes", "#![enable(implicit_some)]".repeat(N / 25)),
        (
            "commas",
            format!("(format_version: 1, title: \"x\", tags: [{}])", ",".repeat(N)),
        ),
        ("a long key", format!("(format_version: 1, {}: 1)", "k".repeat(N))),
        (
            "a long number",
            format!(
                "(format_version: 1, title: \"x\", stages: [(id: \"s\", label: \"s\", position: (x: 1{}, y: 0))])",
                "0".repeat(N)
            ),
        ),
        ("a long version", format!("(format_version: {})", "9".repeat(N))),
        (
            "escapes",
            format!("(format_version: 1, title: \"{}\")", "\\u{41}".repeat(N / 6)),
        ),
        (
            "unicode",
            format!("(format_version: 1, title: \"x\", {})", "é".repeat(N / 2)),
        ),
        (
            "many fields",
            format!("(format_version: 1, title: \"x\"{})", ", title: \"x\"".repeat(N / 12)),
        ),
        (
            "many small items",
            format!("(format_version: 1, title: \"x\", tags: [{}])", "\"\",".repeat(N / 3)),
        ),
        (
            "a stray quote in a long list",
            format!(
                "(format_version: 1, title: \"x\", tags: [{}\"])",
                "\"a\",".repeat(N / 4)
            ),
        ),
    ];
    for (what, text) in cases {
        let len = text.len();
        let problems = within(Duration::from_secs(60), what, move || {
            let located = Locator::new(&text).find(&detmap::model::FieldPath::default());
            (format::load_str(&text), located)
        });
        match problems.0 {
            Ok(map) => panic!("{what} ({len} bytes) loaded: {map:?}"),
            Err(problems) => {
                assert!(
                    !problems.is_empty() && problems.len() <= format::MAX_DIAGNOSTICS + 1,
                    "{what}"
                );
                // A message quoting a 4 MB key or text stays one line's worth.
                assert!(
                    problems.iter().all(|p| p.message.chars().count() <= 700),
                    "{what}: {:.200}",
                    problems[0].message
                );
            }
        }
    }
}

/// A file with a problem in every item lists the first 500 and counts the rest; the messages stay
/// short even when they quote long texts.
#[test]
fn many_problems_are_capped_and_messages_stay_short() {
    let mut map = base();
    let long_tag = "x".repeat(2_000);
    map.determinants[0].tags = (0..10_000).map(|k| format!("{long_tag}{k}")).collect();
    let text = format::to_string(&map);
    let problems = within(Duration::from_secs(120), "ten thousand problems", move || {
        format::load_str(&text).unwrap_err()
    });
    assert_eq!(problems.len(), format::MAX_DIAGNOSTICS + 1);
    assert_eq!(
        problems.last().unwrap().message,
        "… and 9500 more problems, not listed: fix the ones above first"
    );
    assert_eq!(problems.last().unwrap().at, None);
    for p in &problems[..format::MAX_DIAGNOSTICS] {
        assert!(
            p.message.starts_with("tag `xxxx") && p.message.ends_with("of determinant `d1` is not in the map's tags"),
            "{}",
            p.message
        );
        assert!(p.message.chars().count() < 200, "{}", p.message);
        assert!(p.at.is_some());
    }
}

/// The file size is checked before reading: an oversized file, a file that is not regular (which
/// could be endless, like /dev/zero, or block, like a pipe) are refused without reading them.
#[test]
fn oversized_and_irregular_files_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(format::MAX_FILE_BYTES as u64 + 1).unwrap(); // sparse: nothing is written
    let err = format::load_file(&big).unwrap_err();
    // Sizes are said exactly: "268 MB; limited to 268 MB" did not say by how much.
    let said = "the file is 268,435,457 bytes; a map file is limited to 268,435,456 bytes (256 MiB)";
    assert_eq!(err.problems[0].message, said);
    let err = format::load_bytes(&vec![b' '; format::MAX_FILE_BYTES + 1]).unwrap_err();
    assert_eq!(err[0].message, said);

    // A file of exactly the limit is read (and refused for its content, not its size).
    file.set_len(format::MAX_FILE_BYTES as u64).unwrap();
    let err = format::load_file(&big).unwrap_err();
    assert!(
        err.problems[0]
            .message
            .contains("looks damaged: it holds 268,435,456 zero bytes"),
        "{err}"
    );
    drop(file);

    #[cfg(unix)]
    {
        let err = within(Duration::from_secs(10), "/dev/zero", || {
            format::load_file(std::path::Path::new("/dev/zero")).unwrap_err()
        });
        assert!(err.problems[0].message.contains("not a regular file"), "{err}");
        let fifo = dir.path().join("pipe.ron");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
        let err = within(Duration::from_secs(10), "a pipe", move || {
            format::load_file(&fifo).unwrap_err()
        });
        assert!(err.problems[0].message.contains("not a regular file"), "{err}");
    }
}

/// The saver refuses a map the loader would refuse, names the field, and writes nothing.
#[test]
fn save_refuses_a_map_over_the_limits_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    format::save_file(&path, &base()).unwrap();
    let before = std::fs::read(&path).unwrap();
    let mut map = base();
    map.determinants[0].notes = "n".repeat(format::MAX_TEXT_BYTES + 1);
    let err = format::save_file(&path, &map).unwrap_err();
    assert_eq!(err.source.kind(), std::io::ErrorKind::InvalidData);
    assert_eq!(
        err.to_string(),
        format!(
            "could not save {}: determinants[0].notes: this text is 65,537 bytes long; a text in a map is limited to 65,536 bytes (64 KiB)",
            path.display()
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing else was written"
    );
}

/// Fields the loader does not know are refused, at every level, never dropped.
#[test]
fn unknown_fields_are_refused_at_every_level() {
    let text = format::to_string(&{
        let mut m = base();
        m.determinants[0].position = Position::new(1.5, 2.5);
        m
    });
    let version = format!("format_version: {},", format::FORMAT_VERSION);
    let cases = [
        (
            version.as_str(),
            "format_version: 2,\n    colour_scheme: \"dark\",",
            "in the map",
        ),
        ("id: \"src\",", "id: \"src\", url: \"x\",", "in a source"),
        ("id: \"s1\",", "id: \"s1\", colour: \"#000000\",", "in a stage"),
        ("(name: \"C\", ", "(name: \"C\", icon: \"x\", ", "in a category"),
        (
            "            id: \"d1\",\n",
            "            id: \"d1\", weight: 3,\n",
            "in a determinant",
        ),
        ("(id: \"i1\", ", "(id: \"i1\", lag: 2, ", "in an influence"),
        ("(source: \"src\", ", "(source: \"src\", page: 3, ", "in an evidence"),
        ("x: 1.5, ", "x: 1.5, z: 0.0, ", "in a placement"),
    ];
    for (anchor, replacement, outer) in cases {
        assert_eq!(text.matches(anchor).count(), 1, "{anchor}");
        let broken = text.replace(anchor, replacement);
        let first = first_problem(&broken);
        assert!(
            first.message.starts_with("unknown field `") && first.message.contains(outer),
            "{first:?}"
        );
        let field = first.message.split('`').nth(1).unwrap();
        let at = first.at.unwrap();
        let line = broken.lines().nth(at.line - 1).unwrap();
        assert!(
            line.contains(field),
            "{first:?} is not on the line of `{field}`: {line}"
        );
    }
}

/// A study has a handful of stages; a map may have at most a hundred. The hundred-and-first is
/// refused where it starts, when loading, when saving, and by the model's rules (the editor's).
#[test]
fn a_map_has_at_most_a_hundred_stages() {
    use detmap::model::MAX_STAGES;
    let mut map = base();
    map.stages = (0..MAX_STAGES)
        .map(|i| Stage {
            id: format!("s{}", i + 1).into(),
            label: format!("Stage {}", i + 1),
            description: String::new(),
            position: Position::default(),
        })
        .collect();
    let text = format::to_string(&map);
    assert_eq!(format::load_str(&text).unwrap(), map, "a hundred stages load");
    let mut over = map.clone();
    over.stages.push(Stage {
        id: "s101".into(),
        label: "One too many".into(),
        description: String::new(),
        position: Position::default(),
    });
    let text = format::to_string(&over);
    let first = first_problem(&text);
    assert_eq!(
        first.at,
        Some(position_of(&text, "(\n            id: \"s101\"")),
        "{first:?}"
    );
    assert!(first.message.starts_with("more than 100 stages"), "{first:?}");
    assert!(
        format::check_limits(&over)
            .iter()
            .any(|p| p.path.to_string() == "stages[100]")
    );
    assert!(
        detmap::model::validate(&over)
            .iter()
            .any(|p| p.path.to_string() == "stages[100]")
    );
    let dir = tempfile::tempdir().unwrap();
    let err = format::save_file(&dir.path().join("m.ron"), &over).unwrap_err();
    assert!(err.to_string().contains("stages[100]: more than 100 stages"), "{err}");
    // A file with a hundred thousand stages stops at the hundred-and-first, in a moment.
    let huge = format!(
        "(format_version: 2, title: \"t\", stages: [{}])",
        (0..100_000)
            .map(|i| format!("(id: \"s{i}\", label: \"S\"),"))
            .collect::<String>()
    );
    let first = first_problem(&huge);
    assert!(first.message.starts_with("more than 100 stages"), "{first:?}");
    assert_eq!(first.at, Some(position_of(&huge, "(id: \"s100\"")));
}

/// Coordinates are bounded to what a canvas can hold: within a billion units of the origin. One
/// beyond is refused where it is written; a map holding one (made in code) is not saved.
#[test]
fn coordinates_are_bounded_to_the_canvas() {
    let mut map = base();
    map.determinants[0].position = Position::new(1.5, 2.5);
    let text = format::to_string(&map);
    for fine in ["1e9", "-1000000000.0", "999999999.9"] {
        let ok = text.replace("x: 1.5", &format!("x: {fine}"));
        format::load_str(&ok).unwrap_or_else(|e| panic!("{fine}: {e:?}"));
    }
    for bad in ["1.0000001e9", "3.4e38", "-3.4e38", "-3.4028234e38", "2e9"] {
        let broken = text.replace("y: 2.5", &format!("y: {bad}"));
        let first = first_problem(&broken);
        assert!(
            first
                .message
                .contains("is beyond the canvas: a coordinate is at most 1,000,000,000 from the origin"),
            "{bad}: {first:?}"
        );
        assert_eq!(first.at, Some(position_of(&broken, bad)), "{bad}");
    }
    let dir = tempfile::tempdir().unwrap();
    let mut far = base();
    far.stages[0].position = Position::new(0.0, 3.0e38);
    let err = format::save_file(&dir.path().join("far.ron"), &far).unwrap_err();
    assert!(
        err.to_string()
            .contains("stages[0].position: the position (0e0, 3e38) is beyond the canvas"),
        "{err}"
    );
    assert!(
        detmap::model::validate(&far)
            .iter()
            .any(|p| p.path.to_string() == "stages[0].position")
    );
}

/// A tag or category a determinant names that the map does not list is located at that entry,
/// not at the list's `[`.
#[test]
fn tag_and_category_problems_are_located_at_the_entry() {
    let mut map = base();
    map.tags.push("u".into());
    map.determinants[0].tags = vec!["t".into(), "u".into()];
    map.determinants[0].categories = vec!["C".into(), "C".into()];
    let text = format::to_string(&map);
    let broken = text.replacen("\"u\"],", "\"unknown-tag\"],", 1);
    assert_ne!(broken, text);
    let first = first_problem(&broken);
    assert!(first.message.contains("tag `unknown-tag`"), "{first:?}");
    assert_eq!(first.at, Some(position_of(&broken, "\"unknown-tag\"")));
    let category = text.replacen("categories: [\"C\", \"C\"]", "categories: [\"C\", \"Nope\"]", 1);
    assert_ne!(category, text);
    let first = first_problem(&category);
    assert!(first.message.contains("category `Nope`"), "{first:?}");
    assert_eq!(first.at, Some(position_of(&category, "\"Nope\"")));
}

/// The reports of a long chain cost in proportion to the chain: each row shows a path of at most
/// 12 influences, and a longer one by its ends with the number left out between. Before, each of the
/// N rows held its whole path, N²/2 ids in all (a 100,000-long chain ran out of memory at 5.4 GB).
#[test]
fn reports_of_a_long_chain_show_each_path_by_its_ends() {
    use detmap::analysis::{Explainer, Reachability, pressure_points};
    use detmap::export::{self, ReportFormat};
    const N: usize = 3_000;
    let map = detmap::generate::generate_chain(N, 2);
    assert!(detmap::model::validate(&map).is_empty());
    let reach = Reachability::compute(&map);
    let stages: Vec<_> = map.stages.iter().map(|s| s.id.clone()).collect();

    let mut json = Vec::new();
    export::write_reachability(&map, &reach, &stages, ReportFormat::Json, &mut json).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    for stage in json["stages"].as_array().unwrap() {
        let rows = stage["feeders"].as_array().unwrap();
        assert_eq!(rows.len(), N);
        for row in rows {
            let distance = row["distance"].as_u64().unwrap() as usize;
            let path: Vec<&str> = row["path"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let omitted = row.get("path_omitted").map_or(0, |v| v.as_u64().unwrap() as usize);
            assert_eq!(path[0], row["determinant_id"].as_str().unwrap());
            assert_eq!(path.last(), Some(&stage["id"].as_str().unwrap()));
            assert_eq!(path.len() + omitted, distance + 1, "{row}");
            if distance <= 12 {
                assert_eq!(omitted, 0);
            } else {
                assert_eq!(path.len(), 12, "the first and the last six nodes");
                // The nodes shown are the path's: d(k), d(k+1), … and …, d(N), the stage.
                let k: usize = path[0][1..].parse().unwrap();
                let expect_first: Vec<String> = (k..k + 6).map(|i| format!("d{i}")).collect();
                assert_eq!(
                    path[..6],
                    expect_first.iter().map(String::as_str).collect::<Vec<_>>()[..]
                );
                assert_eq!(path[10], format!("d{N}"));
            }
        }
    }
    for (format, marker) in [
        (ReportFormat::Text, "… 2,988 more …"),
        (ReportFormat::Csv, ">… 2,988 more …>"),
        (ReportFormat::Markdown, " → … 2,988 more … → "),
    ] {
        let mut out = Vec::new();
        export::write_reachability(&map, &reach, &stages, format, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains(marker), "{format:?}");
        // Linear: a few hundred bytes a row, where whole paths made about 15,000 on average.
        assert!(out.len() < 2 * N * 400, "{format:?}: {} bytes", out.len());
    }

    // The hand-out: every feeder explained by the ends of its path, and the pressure points capped.
    let mut handout = Vec::new();
    export::write_handout(&map, &reach, &mut handout).unwrap();
    let handout = String::from_utf8(handout).unwrap();
    assert!(handout.contains(&format!(
        "The path has {} steps; only the first and last 5 are shown.",
        N
    )));
    assert!(
        handout.contains("- … 2990 steps left out …"),
        "the gap has its own line"
    );
    assert!(handout.len() < 2 * N * 3_000, "{} bytes", handout.len());
    assert!(handout.contains("- Structural: 2899 more, each with no more dependents than the last above"));

    // The explanation of the farthest feeder: its first five and last five steps, and the gap.
    let explainer = Explainer::new(&map, &reach);
    let far = explainer.explain_ends(&"d1".into(), &"s1".into());
    assert_eq!(far.len(), 1);
    let e = &far[0];
    assert_eq!(e.length(), N);
    assert_eq!(e.steps.len(), 10);
    assert_eq!(e.gap.map(|g| (g.after, g.steps)), Some((5, N - 10)));
    assert_eq!(e.steps[4].to.as_str(), "d6");
    assert_eq!(e.steps[5].from.as_str(), format!("d{}", N - 4));
    let whole = explainer.explain(&"d1".into(), &"s1".into());
    assert_eq!(whole[0].steps.len(), N);
    assert_eq!(whole[0].sign, e.sign);
    assert_eq!(whole[0].steps[..5], e.steps[..5]);
    assert_eq!(whole[0].steps[N - 5..], e.steps[5..]);

    // Pressure points: every determinant but the first dominates those upstream of it; a hundred
    // are listed, each naming its first ten dependents and counting all.
    let points = &pressure_points(reach.graph())[0];
    assert_eq!(points.points.len(), 100);
    assert_eq!(points.not_listed, N - 1 - 100);
    let top = &points.points[0];
    assert_eq!(
        (top.determinant.as_str(), top.dependent_count),
        (format!("d{N}").as_str(), N - 1)
    );
    let first_ten: Vec<String> = (1..=10).map(|k| format!("d{k}")).collect();
    assert_eq!(
        top.first_dependents.iter().map(|i| i.to_string()).collect::<Vec<_>>(),
        first_ten
    );
    assert!(handout.contains(&format!(
        "*Determinant 10* and {} other feeders passes through it",
        N - 11
    )));
}

fn detmap(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `detmap generate` writes only what its own loader reads: counts no map may hold are refused
/// before anything is allocated for them (an absurd count aborted on a 15 TB allocation), and the
/// finished map is checked as a save is.
#[test]
fn generate_writes_only_maps_its_loader_reads() {
    for args in [
        &[
            "generate",
            "--determinants",
            "18446744073709551615",
            "--influences",
            "1",
        ][..],
        &["generate", "--determinants", "1000001", "--influences", "0"],
        &[
            "generate",
            "--determinants",
            "10",
            "--influences",
            "10",
            "--stages",
            "101",
        ],
        &[
            "generate",
            "--shape",
            "chain",
            "--determinants",
            "10",
            "--stages",
            "1000",
        ],
    ] {
        let out = detmap(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        assert!(out.stdout.is_empty());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("a map holds at most"), "{args:?}: {stderr}");
    }
    let out = detmap(&["generate", "--shape", "chain", "--determinants", "40", "--stages", "3"]);
    assert!(out.status.success(), "{out:?}");
    let map = format::load_bytes(&out.stdout).unwrap();
    let reach = detmap::analysis::Reachability::compute(&map);
    for stage in &map.stages {
        let feeders = reach.feeders_of(&stage.id).unwrap();
        assert_eq!(feeders.len(), 40);
        assert_eq!(
            feeders.last().map(|f| (f.determinant.as_str(), f.distance)),
            Some(("d1", 40))
        );
    }
    assert_eq!(
        detmap(&["generate", "--determinants", "3"]).status.code(),
        Some(1),
        "random needs --influences"
    );
}
