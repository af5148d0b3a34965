//! A map file is data: nothing in it can make the loader (or anything that loads a map) open a URL,
//! run a program, or read or write another file. ron has no include or macro feature; the
//! extensions it has are named below, and a file may only turn those on.

use detmap::format;
use detmap::model::{Category, Colour, Determinant, Effect, Evidence, Influence, Map, Position, Sign, Source, Stage};
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
