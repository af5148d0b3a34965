//! The command line speaks the language of its environment (LC_ALL, then LC_MESSAGES, then LANG),
//! as a user in Santiago with `LANG=es_CL.UTF-8` runs it: its own messages, the loader's
//! diagnostics and the legend of the pictures it exports, in Spanish; the machine formats (CSV
//! headings) as they are.

use std::path::Path;
use std::process::{Command, Output};

/// `detmap args…` with exactly these locale variables (the test runner's own are removed).
fn detmap_in(locale: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_detmap"));
    for name in ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"] {
        command.env_remove(name);
    }
    command
        .envs(locale.iter().copied())
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const CHILE: &str = "samples/chile-anti-trafficking.ron";
const SPANISH: &[(&str, &str)] = &[("LANG", "es_CL.UTF-8")];

#[test]
fn validate_answers_in_the_language_of_lang() {
    let file = root().join(CHILE);
    let file = file.to_str().unwrap();
    let es = detmap_in(SPANISH, &["validate", file]);
    assert!(es.status.success());
    assert_eq!(text(&es.stdout), "1 archivo revisado: es un mapa válido\n");

    let two = detmap_in(SPANISH, &["validate", file, file]);
    assert_eq!(text(&two.stdout), "2 archivos revisados: todos son mapas válidos\n");

    // LC_MESSAGES says more than LANG, LC_ALL more than both; no locale at all is English.
    let en = detmap_in(
        &[("LANG", "es_CL.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
        &["validate", file],
    );
    assert_eq!(text(&en.stdout), "1 file checked: it is a valid map\n");
    let es = detmap_in(
        &[("LC_MESSAGES", "en_US.UTF-8"), ("LC_ALL", "es_PE.UTF-8")],
        &["validate", file],
    );
    assert_eq!(text(&es.stdout), "1 archivo revisado: es un mapa válido\n");
    let none = detmap_in(&[], &["validate", file]);
    assert_eq!(text(&none.stdout), "1 file checked: it is a valid map\n");
}

/// The loader's diagnostics: the same line and column, the sentence in Spanish, the ids as the
/// file has them.
#[test]
fn the_loader_s_problems_read_in_spanish() {
    let broken = root().join("tests/data/broken/influence-to-missing-id.ron");
    let out = detmap_in(SPANISH, &["validate", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stdout);
    assert!(
        said.contains(
            "53:49: la influencia `i4` llega a `bill-2006`, que no es un determinante ni una etapa de este mapa"
        ),
        "{said}"
    );

    let unknown = root().join("tests/data/broken/unknown-field.ron");
    let said = text(&detmap_in(SPANISH, &["validate", unknown.to_str().unwrap()]).stdout);
    assert!(
        said.contains("45:13: campo desconocido `colour` en un determinante"),
        "{said}"
    );
}

/// The command line's own errors, and a count with its plural.
#[test]
fn the_command_line_s_own_messages_read_in_spanish() {
    let file = root().join(CHILE);
    let out = detmap_in(SPANISH, &["export", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.starts_with("detmap: nada que exportar: indique una o más"),
        "{said}"
    );
    assert!(said.contains("--determinants SALIDA.csv"), "{said}");

    let out = detmap_in(
        SPANISH,
        &["analyze", file.to_str().unwrap(), "--stage", "no such stage"],
    );
    let said = text(&out.stderr);
    assert!(
        said.contains("ninguna etapa tiene el id o el nombre `no such stage`"),
        "{said}"
    );
}

/// The picture a facilitator hands to a Spanish-speaking room carries its legend and its counts in
/// Spanish; the CSV made by the same command keeps its English headings (a machine format).
#[test]
fn an_exported_svg_has_its_legend_in_spanish_and_the_csv_its_headings() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("chile.svg");
    let csv = dir.path().join("chile.csv");
    let file = root().join(CHILE);
    let out = detmap_in(
        SPANISH,
        &[
            "export",
            file.to_str().unwrap(),
            "--svg",
            svg.to_str().unwrap(),
            "--determinants",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let picture = std::fs::read_to_string(&svg).unwrap();
    for words in [
        ">Leyenda<",
        ">Influencia<",
        ">facilita<",
        ">obstaculiza<",
        ">etapa de respuesta<",
        ">Naturaleza (forma)<",
        ">punto de presión<",
        ">Carácter directo (borde)<",
        ">ámbito: externo<",
        ">obstaculizador en conjunto<",
        "etapas de respuesta · ",
    ] {
        assert!(picture.contains(words), "the SVG lacks {words:?}");
    }
    for english in [">Legend<", ">enables<", ">stage of response<", ">Badges<"] {
        assert!(!picture.contains(english), "the SVG still says {english:?}");
    }
    let table = std::fs::read_to_string(&csv).unwrap();
    assert!(
        table.starts_with("id,label,category,"),
        "{}",
        &table[..40.min(table.len())]
    );

    // The same export in English says the English words.
    let english = dir.path().join("en.svg");
    let out = detmap_in(
        &[("LANG", "C.UTF-8")],
        &["export", file.to_str().unwrap(), "--svg", english.to_str().unwrap()],
    );
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&english).unwrap().contains(">Legend<"));
}

/// The importer's problems, located as in English, worded in Spanish; what nothing imported says
/// on the way out, too. The words a cell may hold (`structural`…) stay as the importer reads them.
#[test]
fn the_importer_s_problems_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let elements = dir.path().join("elementos.csv");
    std::fs::write(&elements, "Label,Nature\nConfianza en el proceso,a veces\nAdopción,\n").unwrap();
    let out = dir.path().join("taller.ron");
    let o = detmap_in(
        SPANISH,
        &["import", elements.to_str().unwrap(), "--output", out.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1));
    let said = text(&o.stdout);
    assert!(
        said.contains(":2:B: `a veces` no es una naturaleza válida: se esperaba structural o pressure point"),
        "{said}"
    );
    assert!(text(&o.stderr).contains("no se importó nada;"), "{}", text(&o.stderr));
    assert!(!out.exists(), "nothing written");
}

/// The reachability report in words (text and Markdown) follows the language; the CSV keeps its
/// machine headings, and the English text reads as it always has.
#[test]
fn the_reachability_report_speaks_spanish_and_its_csv_stays_machine() {
    let file = root().join(CHILE);
    let file = file.to_str().unwrap();
    let es = text(&detmap_in(SPANISH, &["analyze", file]).stdout);
    assert!(es.contains(" determinantes ("), "a stage's line in Spanish: {es}");
    assert!(es.contains("facilitan, ") && es.contains(" obstaculizan, "), "{es}");
    assert!(!es.contains("determinants feed"), "no English line left: {es}");
    let en = text(&detmap_in(&[], &["analyze", file]).stdout);
    assert!(en.contains("determinants feed it ("), "{en}");

    let md = text(&detmap_in(SPANISH, &["analyze", file, "--format", "markdown"]).stdout);
    assert!(
        md.contains("| distancia | efecto neto | determinante | camino | confianza más alta |"),
        "{md}"
    );
    let csv = text(&detmap_in(SPANISH, &["analyze", file, "--format", "csv"]).stdout);
    assert!(csv.starts_with("stage_id,stage,determinant_id,determinant,distance,net_effect,path,strongest_confidence"));
}

/// What each presentation step shows, under its title in the hand-out (and on its slide), is in
/// the reader's language; the map's own labels stay as the study wrote them.
#[test]
fn the_steps_captions_in_the_hand_out_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("informe.md");
    let file = root().join(CHILE);
    let run = detmap_in(
        SPANISH,
        &["export", file.to_str().unwrap(), "--report", out.to_str().unwrap()],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.contains("*Qué alimenta a "), "a stage step's caption in Spanish");
    assert!(!report.contains("*What feeds "), "no English caption left");
}

/// The loader's limits (a text too long, a coordinate beyond the canvas) in Spanish, with the
/// digits grouped as Spanish groups them; the English sentence as it was.
#[test]
fn the_loader_s_limits_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let sample = std::fs::read_to_string(root().join(CHILE)).unwrap();
    let long = sample.replacen("title: \"", &format!("title: \"{}", "a".repeat(70_000)), 1);
    let file = dir.path().join("largo.ron");
    std::fs::write(&file, long).unwrap();
    let es = text(&detmap_in(SPANISH, &["validate", file.to_str().unwrap()]).stdout);
    assert!(
        es.contains("este texto tiene 70.047 bytes; el límite de un texto en un mapa es de 65.536 bytes (64 KiB)"),
        "{es}"
    );
    let en = text(&detmap_in(&[], &["validate", file.to_str().unwrap()]).stdout);
    assert!(
        en.contains("this text is 70,047 bytes long; a text in a map is limited to 65,536 bytes (64 KiB)"),
        "{en}"
    );

    let far = root().join("tests/data/broken/coordinate-beyond-canvas.ron");
    let es = text(&detmap_in(SPANISH, &["validate", far.to_str().unwrap()]).stdout);
    assert!(
        es.contains(
            "70:30: `3.4e38` está fuera del lienzo: una coordenada está como máximo a 1.000.000.000 del origen"
        ),
        "{es}"
    );
}

/// The SVG's tooltips (what a browser shows over a node or an influence) are in the reader's
/// language: the coding and the influence's verb; the labels as the study wrote them.
#[test]
fn the_svg_tooltips_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let file = root().join(CHILE);
    let svg = |locale: &[(&str, &str)], name: &str| {
        let path = dir.path().join(name);
        let out = detmap_in(
            locale,
            &["export", file.to_str().unwrap(), "--svg", path.to_str().unwrap()],
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
        let picture = std::fs::read_to_string(&path).unwrap();
        let titles: Vec<String> = picture
            .split("<title>")
            .skip(1)
            .map(|t| t[..t.find("</title>").unwrap()].to_owned())
            .collect();
        titles
    };
    let es = svg(SPANISH, "es.svg");
    let en = svg(&[], "en.svg");
    assert_eq!(es.len(), en.len());
    assert!(es.iter().any(|t| t.contains(" facilita ")), "an enabling influence");
    assert!(es.iter().any(|t| t.contains(" obstaculiza ")), "a hindering influence");
    assert!(
        es.iter()
            .any(|t| t.contains("\ninterno, ") || t.contains("\nexterno, ")),
        "a coding"
    );
    assert!(
        !es.iter().any(|t| t.contains(" enables ") || t.contains("internal, ")),
        "no English left"
    );
    // English as it always was: label, then the coding and the categories.
    assert!(en.iter().any(|t| t.contains(" enables ")));
    assert!(
        en.iter()
            .any(|t| t.contains("\ninternal, ") || t.contains("\nexternal, "))
    );
}

/// The reachability report's net effect and confidence columns are words of the reader's
/// language in the text and Markdown reports; the CSV keeps the file's words.
#[test]
fn the_report_s_net_effect_column_reads_in_spanish() {
    let file = root().join(CHILE);
    let file = file.to_str().unwrap();
    let es = text(&detmap_in(SPANISH, &["analyze", file]).stdout);
    // A row: distance, net effect in a column as wide as its longest Spanish word, then the label.
    let row = es.lines().find(|l| l.trim_start().starts_with("1  ")).unwrap();
    assert!(
        row.starts_with("    1  facilita    ") || row.starts_with("    1  obstaculiza "),
        "{row:?}"
    );
    assert!(!es.contains("  enables "), "{es}");
    let md = text(&detmap_in(SPANISH, &["analyze", file, "--format", "markdown"]).stdout);
    assert!(md.contains("| 1 | facilita | "), "{md}");
    assert!(!md.contains("| enables |"), "{md}");
    let csv = text(&detmap_in(SPANISH, &["analyze", file, "--format", "csv"]).stdout);
    assert!(csv.contains(",enables,"), "the CSV keeps the file's words");
}

/// A step's filters, inside its caption in the hand-out, in Spanish.
#[test]
fn a_step_s_filters_read_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("informe.md");
    let file = root().join("samples/chile-human-rights-action-plans.ron");
    let run = detmap_in(
        SPANISH,
        &["export", file.to_str().unwrap(), "--report", out.to_str().unwrap()],
    );
    assert!(run.status.success(), "{}", text(&run.stderr));
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.contains("solo etiqueta Condition not met (Table 2)"), "{report}");
    assert!(!report.contains("only tag "), "no English filter words left");
}

/// `--help` in Spanish: the commands' and flags' descriptions and the headings; in English,
/// exactly what clap printed before the help went through the messages (tests/golden/help).
#[test]
fn the_help_reads_in_spanish_and_in_english_as_it_was() {
    let pages: [(&str, &[&str]); 12] = [
        ("detmap.txt", &["--help"]),
        ("detmap-short.txt", &["-h"]),
        ("export-short.txt", &["export", "-h"]),
        ("validate.txt", &["validate", "--help"]),
        ("analyze.txt", &["analyze", "--help"]),
        ("export.txt", &["export", "--help"]),
        ("fmt.txt", &["fmt", "--help"]),
        ("generate.txt", &["generate", "--help"]),
        ("import.txt", &["import", "--help"]),
        ("merge.txt", &["merge", "--help"]),
        ("diff.txt", &["diff", "--help"]),
        ("help-export.txt", &["help", "export"]),
    ];
    for (golden, args) in pages {
        let en = detmap_in(&[], args);
        assert!(en.status.success());
        let expected = std::fs::read_to_string(root().join("tests/golden/help").join(golden)).unwrap();
        assert_eq!(text(&en.stdout), expected, "detmap {}", args.join(" "));

        let es = text(&detmap_in(SPANISH, args).stdout);
        assert!(es.contains("Uso: detmap"), "{es}");
        assert!(!es.contains("Usage:") && !es.contains("Print help"), "{es}");
        assert!(
            !es.contains("cli-help-") && !es.contains("cli-value-"),
            "no message shown as its id: {es}"
        );
    }
    let es = text(&detmap_in(SPANISH, &["--help"]).stdout);
    assert!(es.contains("Comandos:\n") && es.contains("Opciones:\n"), "{es}");
    assert!(es.contains("Qué determinantes alimentan cada etapa"), "{es}");
    let es = text(&detmap_in(SPANISH, &["export", "--help"]).stdout);
    assert!(es.contains("- flow:  Las etapas en una columna a la derecha"), "{es}");
    assert!(es.contains("El mapa como imagen SVG, con su leyenda"), "{es}");
}

/// `generate` refuses a map too large in Spanish, naming what is too many in its own words.
#[test]
fn generate_refuses_in_spanish() {
    let args = [
        "generate",
        "--determinants",
        "5",
        "--influences",
        "3",
        "--stages",
        "100000",
    ];
    let es = detmap_in(SPANISH, &args);
    assert_eq!(es.status.code(), Some(1));
    assert_eq!(
        text(&es.stderr),
        "detmap: se pidieron 100000 etapas; un mapa admite como máximo 100 etapas\n"
    );
    let en = detmap_in(&[], &args);
    assert_eq!(
        text(&en.stderr),
        "detmap: 100000 stages asked for; a map holds at most 100 stages\n"
    );
}

/// An export over a folder fails in Spanish: the file named, the reason in words.
#[test]
fn a_failed_save_reads_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("carpeta");
    std::fs::create_dir(&folder).unwrap();
    let file = root().join(CHILE);
    let out = detmap_in(
        SPANISH,
        &["export", file.to_str().unwrap(), "--svg", folder.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(1));
    let said = text(&out.stderr);
    assert!(
        said.contains(&format!(
            "no se pudo guardar {}: es una carpeta, no un archivo",
            folder.display()
        )),
        "{said}"
    );
}
