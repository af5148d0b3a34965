//! A map file is data: nothing in it can make the loader (or anything that loads a map) open a URL,
//! run a program, or read or write another file. ron has no include or macro feature; the
//! extensions it has are named below, and a file may only turn those on.

use detmap::format;
use detmap::model::{
    Category, Colour, Determinant, Effect, Evidence, Focus, Influence, Map, Position, Sign, Source, Stage, Step,
};
use std::path::Path;

/// Texts that would do something if anything interpreted them: URLs, paths, shell, ron syntax.
fn hostile_texts(secret: &Path, canary: &Path) -> Vec<String> {
    vec![
        format!("file://{}", secret.display()),
        secret.display().to_string(),
        "http://127.0.0.1:9/hook?map=1".into(),
        "https://example.invalid/x.ron".into(),
        format!("$(touch {})", canary.display()),
        format!("`touch {}`", canary.display()),
        format!("; touch {} #", canary.display()),
        "\\\\server\\share\\map.ron".into(),
        format!("#![enable(include)] include!(\"{}\")", secret.display()),
        "javascript:alert(1)".into(),
        "mailto:someone@example.invalid".into(),
        "\u{202e}txt.exe".into(),
    ]
}

fn map_with_text_everywhere(text: &str, n: usize) -> Map {
    let id = format!("{text}#{n}");
    let t = |suffix: &str| format!("{text}{suffix}");
    Map {
        title: t(""),
        description: t(" (description)"),
        sources: vec![Source {
            id: format!("src:{id}").into(),
            title: t(" (source)"),
            citation: t(" (citation)"),
        }],
        stages: vec![Stage {
            id: format!("stage:{id}").into(),
            label: t(" (stage)"),
            description: t(" (stage description)"),
            position: Position::new(1.0, 2.0),
        }],
        categories: vec![Category {
            name: t(" (category)"),
            colour: Colour([0, 0, 0]),
        }],
        tags: vec![t(" (tag)")],
        determinants: vec![Determinant {
            id: format!("det:{id}").into(),
            label: t(" (label)"),
            categories: vec![t(" (category)")],
            locus: None,
            directness: None,
            nature: None,
            effect: Effect::Hinder,
            tags: vec![t(" (tag)")],
            notes: t(" (notes)"),
            evidence: vec![Evidence {
                source: format!("src:{id}").into(),
                location: t(" (location)"),
                paraphrase: t(" (paraphrase)"),
            }],
            position: Position::new(3.0, 4.0),
        }],
        influences: vec![Influence {
            id: format!("inf:{id}").into(),
            from: format!("det:{id}").into(),
            to: format!("stage:{id}").into(),
            sign: Sign::Hinders,
            strength: None,
            confidence: None,
            note: t(" (note)"),
            evidence: vec![Evidence {
                source: format!("src:{id}").into(),
                location: t(" (location)"),
                paraphrase: t(" (paraphrase)"),
            }],
        }],
        presentation: vec![Step {
            id: format!("step:{id}").into(),
            title: t(" (step)"),
            note: t(" (step note)"),
            focus: Focus::Path {
                determinant: format!("det:{id}").into(),
                stage: format!("stage:{id}").into(),
            },
            knock_out: Some(format!("det:{id}").into()),
            filters: Default::default(),
            reveal: true,
        }],
    }
}

/// Every text field (and every id) holding a URL, a path, shell or ron syntax loads as that exact
/// text: the file it names is not read (its content appears nowhere), nothing is created, and the
/// map is the one that was saved.
#[test]
fn urls_paths_and_commands_in_every_field_load_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "SECRET-CONTENT-7f3a").unwrap();
    let canary = dir.path().join("canary");
    for (n, text) in hostile_texts(&secret, &canary).into_iter().enumerate() {
        let map = map_with_text_everywhere(&text, n);
        assert!(format::check_limits(&map).is_empty());
        let path = dir.path().join(format!("map{n}.ron"));
        format::save_file(&path, &map).unwrap();
        let loaded = format::load_file(&path).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(loaded, map, "{text}");
        assert!(
            !format!("{loaded:?}").contains("SECRET-CONTENT"),
            "{text}: the named file was read"
        );
        assert!(!canary.exists(), "{text}: something ran");
        // Through the analysis and the reports too, which is what opening a map in the app does.
        let reach = detmap::analysis::Reachability::compute(&loaded);
        let mut report = Vec::new();
        let stages: Vec<_> = loaded.stages.iter().map(|s| s.id.clone()).collect();
        detmap::export::write_reachability(
            &loaded,
            &reach,
            &stages,
            detmap::export::ReportFormat::Markdown,
            &mut report,
        )
        .unwrap();
        assert!(!String::from_utf8_lossy(&report).contains("SECRET-CONTENT"));
        assert!(!canary.exists());
    }
    // Nothing but the secret and the maps was written in the folder.
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 1 + hostile_texts(&secret, &canary).len());
}

/// ron's extensions are exactly these four (none reads files or evaluates anything), and a file that
/// asks for any other is refused. If a new ron version adds one, this test says so.
#[test]
fn ron_has_no_include_and_unknown_extensions_are_refused() {
    let names: Vec<&str> = ron::extensions::Extensions::all()
        .iter_names()
        .map(|(name, _)| name)
        .collect();
    assert_eq!(
        names,
        [
            "UNWRAP_NEWTYPES",
            "IMPLICIT_SOME",
            "UNWRAP_VARIANT_NEWTYPES",
            "EXPLICIT_STRUCT_NAMES"
        ]
    );
    for ext in ["include", "import", "macros", "env"] {
        let text = format!("#![enable({ext})]\n(format_version: 1, title: \"x\")");
        let problems = format::load_str(&text).expect_err(ext);
        assert_eq!(problems[0].at.map(|at| at.line), Some(1), "{problems:?}");
        assert!(problems[0].message.contains(ext), "{problems:?}");
    }
}

/// The loader's source uses no process, network or URL-opening API: it reads the one file it is
/// given (load_file) and writes the one file it is asked to (save_with), and nothing else.
#[test]
fn the_format_module_uses_no_process_network_or_url_api() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/format");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for forbidden in [
            "std::process",
            "Command::",
            "std::net",
            "TcpStream",
            "UdpSocket",
            "open_url",
            "webbrowser",
            "env::var",
        ] {
            assert!(!source.contains(forbidden), "{} uses {forbidden}", path.display());
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

/// The Chile sample as it is in the repository: a real file, with evidence, notes and a layout.
fn sample_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/chile-anti-trafficking.ron")).unwrap()
}

/// A file saved by a Windows editor: a byte-order mark first, CRLF line ends, or both. Each loads to
/// the same map, and a problem in such a file is located where it is in the editor (the mark takes
/// no column).
#[test]
fn a_byte_order_mark_and_crlf_lines_load() {
    let text = sample_text();
    let map = format::load_str(&text).unwrap();
    let crlf = text.replace('\n', "\r\n");
    for (what, variant) in [
        ("BOM", format!("\u{feff}{text}")),
        ("CRLF", crlf.clone()),
        ("BOM and CRLF", format!("\u{feff}{crlf}")),
    ] {
        assert_eq!(format::load_str(&variant).as_ref(), Ok(&map), "{what}");
        assert_eq!(format::load_bytes(variant.as_bytes()).as_ref(), Ok(&map), "{what}");
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("windows.ron");
    std::fs::write(&path, format!("\u{feff}{crlf}")).unwrap();
    assert_eq!(format::load_file(&path).unwrap(), map);
    // A problem is at the same line and column with or without the mark.
    let broken = text.replacen("sign: enables", "sign: maybe", 1);
    let plain = format::load_str(&broken).unwrap_err();
    let marked = format::load_bytes(format!("\u{feff}{broken}").as_bytes()).unwrap_err();
    assert_eq!(marked[0].at, plain[0].at);
    assert_eq!(
        plain[0].at.map(|at| at.col),
        Some(
            broken
                .lines()
                .find(|l| l.contains("maybe"))
                .unwrap()
                .find("maybe")
                .unwrap()
                + 1
        )
    );
    // A multi-line text in a CRLF file keeps its CRLF, and saves to a file that loads to it.
    let multi = crlf.replacen("title: \"", "title: \"first line\r\nsecond line, ", 1);
    let loaded = format::load_str(&multi).unwrap();
    assert!(loaded.title.starts_with("first line\r\nsecond line"));
    assert_eq!(format::load_str(&format::to_string(&loaded)).unwrap(), loaded);
}

/// What a power cut leaves: the file has its length but its last blocks are zeros. The loader says
/// the file looks damaged, where the zeros start and how many there are, instead of a syntax error.
#[test]
fn zero_bytes_are_reported_as_damage_where_they_start() {
    let text = sample_text();
    let cut = text.len() / 2;
    let cut = (cut..).find(|&i| text.is_char_boundary(i)).unwrap();
    let mut damaged = text.as_bytes()[..cut].to_vec();
    damaged.resize(text.len(), 0);
    let problems = format::load_bytes(&damaged).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let before = &text[..cut];
    let at = format::LineCol {
        line: before.matches('\n').count() + 1,
        col: before.rsplit('\n').next().unwrap().chars().count() + 1,
    };
    assert_eq!(problems[0].at, Some(at));
    let zeros = text.len() - cut;
    let count = zeros.to_string();
    let count = if zeros >= 1000 {
        format!("{},{}", &count[..count.len() - 3], &count[count.len() - 3..])
    } else {
        count
    };
    assert!(
        problems[0].message.contains("looks damaged") && problems[0].message.contains(&format!("{count} zero bytes")),
        "{problems:?}"
    );
    // One NUL inside a text is damage too, at its place.
    let one = text.replacen("title: \"", "title: \"a\0b", 1);
    let problems = format::load_str(&one).unwrap_err();
    assert!(problems[0].message.contains("a zero byte (NUL)"), "{problems:?}");
    let line = one.lines().position(|l| l.contains('\0')).unwrap() + 1;
    assert_eq!(problems[0].at.map(|at| at.line), Some(line));
}

/// A control character other than a tab or a line break, in any text, written raw or as an escape,
/// is refused at that text, naming the character and where it is in the text. The same rule is the
/// model's, so the editor cannot make such a text and the saver does not write one.
#[test]
fn control_characters_in_texts_are_refused_at_the_text() {
    let text = sample_text();
    let needle = "title: \"";
    let at = text.find(needle).unwrap() + needle.len();
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |n| n + 1);
    for (written, code) in [
        ("\\u{1b}[31m", "U+001B, ESC"),
        ("\u{1b}[2J", "U+001B, ESC"),
        ("\\u{0}", "U+0000, NUL"),
        ("\u{7}", "U+0007"),
        ("\\u{7f}", "U+007F, DEL"),
        ("\u{9b}", "U+009B"),
        ("a\\rb", "U+000D, a carriage return not followed by a line feed"),
        ("\u{c}", "U+000C"),
    ] {
        let bad = format!("{}ab{written}{}", &text[..at], &text[at..]);
        let problems = format::load_str(&bad).unwrap_err();
        assert_eq!(problems.len(), 1, "{written:?}: {problems:?}");
        assert!(problems[0].message.contains(code), "{written:?}: {problems:?}");
        assert!(
            problems[0].message.contains("at character 3") || written.starts_with('a'),
            "{problems:?}"
        );
        assert_eq!(problems[0].at, Some(format::LineCol { line, col }), "{written:?}");
    }
    // Tabs and line breaks (LF or CRLF) are text.
    for fine in ["a\\tb", "a\tb", "a\\nb", "a\\r\\nb"] {
        let ok = format!("{}{fine}{}", &text[..at], &text[at..]);
        format::load_str(&ok).unwrap_or_else(|e| panic!("{fine:?}: {e:?}"));
    }
    // In every text field and id, through the model's rules (what the editor checks) and the saver.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.ron");
    let good = map_with_text_everywhere("plain", 0);
    format::save_file(&path, &good).unwrap();
    let fields = format::to_string(&map_with_text_everywhere("\u{1b}]0;pwned\u{7}", 0));
    let refused = format::load_str(&fields).unwrap_err();
    assert!(refused.len() >= 14, "every text and id is checked: {refused:?}");
    assert!(refused.iter().all(|p| p.message.contains("U+001B, ESC")), "{refused:?}");
    let bad = map_with_text_everywhere("\u{1b}]0;pwned\u{7}", 0);
    let problems = detmap::model::validate(&bad);
    assert!(problems.len() >= 14, "{problems:?}");
    let error = format::save_file(&path, &bad).unwrap_err();
    assert!(error.to_string().contains("U+001B"), "{error}");
    assert_eq!(format::load_file(&path).unwrap(), good, "the old file is kept");
}

fn detmap(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_detmap"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `fmt` would delete comments (the saved layout has no place for them): it leaves a file with
/// comments as it is and says where the first one is, unless told `--drop-comments`. The loader
/// tells the window the same, so it can ask before the first save.
#[test]
fn fmt_keeps_a_file_with_comments_unless_told_to_drop_them() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text();
    let commented = text.replacen("    stages: [", "    // agreed in the March workshop\n    stages: [", 1);
    let path = dir.path().join("commented.ron");
    std::fs::write(&path, &commented).unwrap();
    let line = commented.lines().position(|l| l.contains("// agreed")).unwrap() + 1;
    let loaded = format::load_file_noting_comments(&path).unwrap();
    assert_eq!(loaded.first_comment, Some(format::LineCol { line, col: 5 }));
    assert_eq!(loaded.map, format::load_str(&text).unwrap());
    let file = path.display().to_string();

    let refused = detmap(&["fmt", &file]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains(&format!("{file}:{line}:5:")) && stderr.contains("--drop-comments"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented, "untouched");

    let check = detmap(&["fmt", "--check", &file]);
    assert_eq!(check.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&check.stdout).contains("comments"));

    let dropped = detmap(&["fmt", "--drop-comments", &file]);
    assert!(dropped.status.success(), "{dropped:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    assert_eq!(format::load_file_noting_comments(&path).unwrap().first_comment, None);

    // The line the application writes on top of every file is not a comment anyone wrote.
    assert!(format::to_string(&loaded.map).starts_with(&format!("{}\n", format::WRITTEN_HEADER)));
    assert_eq!(format::first_comment(&text), None);
    assert_eq!(
        format::first_comment(&format!("\u{feff}{}", text.replace('\n', "\r\n"))),
        None
    );
    assert_eq!(
        format::first_comment(&format!("// mine\n{text}")),
        Some(format::LineCol { line: 1, col: 1 })
    );
    // `//` and `/*` inside a text are text, not comments; a block comment after the map is one.
    let quoted = format::to_string(&map_with_text_everywhere("see http://x.invalid/a /* b */", 0));
    assert_eq!(format::first_comment(&quoted), None);
    assert_eq!(
        format::first_comment(&format!("{quoted}/* end */")).map(|at| at.line),
        Some(quoted.lines().count() + 1)
    );
    assert_eq!(
        format::first_comment("(a: r#\"// no\"#) // yes").map(|at| at.col),
        Some(17)
    );
}

/// `fmt` goes on past a file it cannot read and reports every one, rewriting the others; a
/// read-only file is not rewritten (a save replaces the file through its folder, which would).
#[test]
fn fmt_reports_every_bad_file_and_leaves_read_only_ones() {
    let dir = tempfile::tempdir().unwrap();
    let text = sample_text();
    let untidy = text.replace("    ", "  ");
    let write = |name: &str, content: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        path.display().to_string()
    };
    let broken_a = write("a.ron", "(format_version: 2, title: ");
    let good = write("b.ron", &untidy);
    let broken_c = write("c.ron", &text.replacen("sign: enables", "sign: maybe", 1));
    let locked = write("d.ron", &untidy);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    }
    let out = detmap(&["fmt", &broken_a, &good, &broken_c, &locked]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{broken_a}:1:")), "{stderr}");
    assert!(
        stderr.contains(&format!("{broken_c}:")) && stderr.contains("maybe"),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{locked}: not rewritten: the file is read-only")),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("{good}: rewritten")));
    assert_eq!(std::fs::read_to_string(&good).unwrap(), text);
    assert_eq!(
        std::fs::read_to_string(&locked).unwrap(),
        untidy,
        "the read-only file is untouched"
    );
}
