//! The analysis in the window, driven as a user would (egui_kittest, headless): the matrix, the
//! stage and determinant highlights, explaining paths, the knock-out, filters, loops, hints, the
//! layouts and the exports. Facts are the Chile study's (see tests/sample_chile.rs), read off what
//! the window shows: the panel's entries by their accessible names, the canvas by its marks.
#![cfg(feature = "gui")]

mod common;

use common::samples::{id, load};
use common::window::click as click_at;
use detmap::analysis::{Matrix, Reachability};
use detmap::app::DetmapApp;
use detmap::app::derived::emphasis::Mark;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::model::{Id, Map};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};

const CHILE: &str = "chile-anti-trafficking.ron";

fn sample_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples").join(name)
}

/// The window on `file`, with the analysis panel opened (the toolbar's button), the legend hidden
/// (Alt+L) and the whole map fitted in what the panel leaves (Ctrl+0), so every node can be clicked.
fn window(dialogs: &ScriptedDialogs, file: &Path) -> Harness<'static, DetmapApp> {
    let mut h = common::window::window(dialogs, file);
    h.key_press_modifiers(Modifiers::ALT, Key::L);
    h.run();
    h.get_by_label("▲ Analysis").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!(
        h.state().state().analysis.open,
        "the toolbar button opens the analysis panel"
    );
    h
}

/// Clicks a stage or determinant on the canvas, where it is drawn.
fn click_node(h: &mut Harness<'_, DetmapApp>, node: &str) {
    let rect = h
        .state()
        .node_screen_rect(&id(node))
        .unwrap_or_else(|| panic!("{node} is not on the canvas"));
    assert!(
        h.state().canvas_rect().contains(rect.center()),
        "{node} is in view: {rect:?} in {:?}",
        h.state().canvas_rect()
    );
    click_at(h, rect.center());
}

fn mark(h: &Harness<'_, DetmapApp>, node: &str) -> Mark {
    h.state()
        .state()
        .derived
        .current()
        .expect("the panel is open, so the analysis is current")
        .emphasis
        .node_mark(&id(node))
}

fn label(map: &Map, node: &str) -> String {
    map.label_of(&id(node)).to_owned()
}

/// What the panel lists for a feeder of the stage in focus: "1−  The 2010 earthquake (hinders)".
fn feeder_entry(map: &Map, node: &str, code: &str, net: &str) -> String {
    format!("{code}  {} ({net})", label(map, node))
}

/// The accessible name of a matrix cell: "US Department of State TIP Report → Acknowledgment…: 3 steps, enables".
fn cell_name(map: &Map, det: &str, stage: &str, words: &str) -> String {
    format!("{} → {}: {words}", label(map, det), label(map, stage))
}

fn pick(h: &mut Harness<'_, DetmapApp>, combo: &str, option: &str) {
    h.get_by_label(combo).click();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::Button, option).click();
    h.run();
}

// Particulars by stage of response > Adoption ("The 2010 Earthquake" as a hinder; the organised-crime
// framing) and > Implementation ("Framing of trafficking as a hinder"): one click on a stage shows it.
#[test]
fn clicking_a_stage_shows_what_the_study_says_feeds_it_and_fades_the_rest() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);

    click_node(&mut h, "s2-adoption");
    h.get_by_label("What feeds 2. Adoption of legislation and policy");
    h.get_by_label(&feeder_entry(&map, "earthquake-2010", "1−", "hinders"));
    h.get_by_label(&feeder_entry(&map, "palermo-framing", "1+", "enables"));
    h.get_by_label(&feeder_entry(&map, "us-pressure", "1+", "enables"));
    // On the canvas the stage and its feeders stand out; what does not feed it fades.
    assert_eq!(mark(&h, "s2-adoption"), Mark::Lit);
    assert_eq!(mark(&h, "earthquake-2010"), Mark::Lit);
    assert_eq!(mark(&h, "s4-implementation"), Mark::Faded);
    let reach = Reachability::compute(&map);
    let adoption = reach.feeders_of(&id("s2-adoption")).unwrap();
    let outsider = map
        .determinants
        .iter()
        .find(|d| !adoption.iter().any(|f| f.determinant == d.id))
        .expect("some determinant does not feed adoption");
    assert_eq!(mark(&h, outsider.id.as_str()), Mark::Faded, "{}", outsider.label);

    // The same framing that won the law hinders implementation.
    click_node(&mut h, "s4-implementation");
    h.get_by_label(&feeder_entry(&map, "palermo-framing", "1−", "hinders"));
    h.get_by_label(&feeder_entry(&map, "lack-of-reliable-data", "1−", "hinders"));
    assert_eq!(
        mark(&h, "earthquake-2010"),
        Mark::Faded,
        "the earthquake does not feed implementation"
    );

    // A click on empty canvas clears the focus: nothing is faded any more.
    let canvas = h.state().canvas_rect();
    click_at(&mut h, canvas.left_top() + vec2(20.0, 60.0));
    assert_eq!(mark(&h, "earthquake-2010"), Mark::Normal);
    assert!(h.state().state().analysis.focus.is_none());
}

// Particulars by stage of response > Allocation of resources > "Civil society: The important role of
// international civil society organizations' guidance and funding": international CSOs fed acknowledgment
// through the local NGOs' research (stage 1, "Early research and efforts in visibility"); two steps away.
#[test]
fn direct_feeders_only_drops_international_cso_funding_from_acknowledgment() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);
    click_node(&mut h, "s1-acknowledgment");
    let funding = feeder_entry(&map, "intl-cso-guidance-funding", "2+", "enables");
    h.get_by_label(&funding);
    assert_eq!(mark(&h, "intl-cso-guidance-funding"), Mark::Lit);
    assert_eq!(mark(&h, "cs-early-research"), Mark::Lit);

    h.get_by_label("Direct feeders only").click();
    h.run();
    assert!(
        h.query_by_label(&funding).is_none(),
        "an indirect feeder is no longer listed"
    );
    assert_eq!(mark(&h, "intl-cso-guidance-funding"), Mark::Faded);
    assert_eq!(
        mark(&h, "cs-early-research"),
        Mark::Lit,
        "a direct feeder still stands out"
    );
    h.get_by_label(&feeder_entry(&map, "cs-early-research", "1+", "enables"));

    h.get_by_label("Direct feeders only").click();
    h.run();
    assert_eq!(mark(&h, "intl-cso-guidance-funding"), Mark::Lit);
}

// The matrix, filtered to the study's "External monitoring / threat of sanctions" determinants: UN bodies'
// reporting feeds partnerships in four steps (through Chile's international obligations, the political will
// behind the MITP, and the MITP), its surest path of medium confidence (the study says reputation pressed the
// State to comply); selecting the cell explains the chain with its evidence.
#[test]
fn a_matrix_cell_explains_its_path_in_words_with_evidence() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);
    pick(&mut h, "Category", "External monitoring / threat of sanctions");
    let shown = &h.state().state().derived.current().unwrap().rows;
    assert!(
        shown.len() < 10,
        "the filter keeps the matrix short: {} rows",
        shown.len()
    );

    // Cells say distance and sign; the direct one into adoption too.
    h.get_by_label(&cell_name(&map, "us-pressure", "s2-adoption", "direct, enables"));
    h.get_by_label(&cell_name(
        &map,
        "intl-reputation-un",
        "s5-partnerships",
        "4 steps, enables, medium confidence",
    ))
    .click();
    h.run();
    h.get_by_label(&format!(
        "Why {} feeds {}",
        label(&map, "intl-reputation-un"),
        label(&map, "s5-partnerships")
    ));
    let words = [
        "intl-reputation-un",
        "il-international-obligations",
        "pw-gender-representation",
        "mitp-multistakeholder",
        "s5-partnerships",
    ]
    .map(|n| label(&map, n))
    .join(" → ");
    // Its first link (reputation → obligations) is of medium confidence, and the line says so.
    h.get_by_label(&format!("{words}   (+ enables)   · weakest link: medium confidence"));
    h.get_by_label(&format!(
        "1. {} enables {}",
        label(&map, "intl-reputation-un"),
        label(&map, "il-international-obligations")
    ));
    // Each step cites its evidence: source, location and paraphrase, as the map records them.
    let step = map
        .influences
        .iter()
        .find(|i| i.from == id("intl-reputation-un") && i.to == id("il-international-obligations"))
        .unwrap();
    let ev = &step.evidence[0];
    let source = &map.sources.iter().find(|s| s.id == ev.source).unwrap().title;
    h.get_by_label(&format!("Evidence: {source}, {}: {}", ev.location, ev.paraphrase));
    // On the canvas the path stands out and the rest fades.
    for n in [
        "intl-reputation-un",
        "il-international-obligations",
        "pw-gender-representation",
        "mitp-multistakeholder",
        "s5-partnerships",
    ] {
        assert_eq!(mark(&h, n), Mark::Lit, "{n} is on the path");
    }
    assert_eq!(mark(&h, "earthquake-2010"), Mark::Faded);
}

// Clicking a determinant's row: the stages it feeds (the earthquake: adoption only, hindering it).
#[test]
fn clicking_a_determinant_brings_forward_the_stages_it_feeds() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);
    click_node(&mut h, "earthquake-2010");
    h.get_by_label(&feeder_entry(&map, "s2-adoption", "1−", "hinders"));
    assert_eq!(mark(&h, "s2-adoption"), Mark::Lit);
    for other in ["s1-acknowledgment", "s3-resources", "s4-implementation"] {
        assert_eq!(mark(&h, other), Mark::Faded, "{other}");
    }
    // The path there in words (one step) with its sign.
    h.get_by_label(&format!(
        "{} ⇥ {}   (− hinders)",
        label(&map, "earthquake-2010"),
        label(&map, "s2-adoption")
    ));
}

#[test]
fn knocking_out_a_determinant_shows_lost_support_and_leaves_the_document_clean() {
    let dialogs = ScriptedDialogs::default();
    let path = sample_path(CHILE);
    let mut h = window(&dialogs, &path);
    let map = load(CHILE);
    let before = h.state().state().doc.map.clone();
    // What the core says goes without the Executive's focus on prosecution: some feed that ran through it.
    let us = id("pw-executive-prosecution");
    let all = Matrix::compute(&map, &Reachability::compute(&map));
    let without = Matrix::with_knocked_out(&map, &us);
    // Of those, one in a small category, so that filtering by it brings its row into view.
    let category_size = |d: &Id| {
        let first = &map.determinant(d).unwrap().categories[0];
        map.determinants.iter().filter(|x| x.categories.contains(first)).count()
    };
    let (det, stage) = all
        .rows
        .iter()
        .flat_map(|r| all.stages.iter().map(move |s| (r.determinant.clone(), s.clone())))
        .filter(|(d, s)| *d != us && all.cell(d, s).is_some() && without.cell(d, s).is_none())
        .min_by_key(|(d, _)| category_size(d))
        .expect("some determinant feeds a stage only through the Executive's focus");
    assert!(category_size(&det) <= 6, "{det}: {}", category_size(&det));

    click_node(&mut h, "pw-executive-prosecution");
    h.get_by_label("Knock out: what if it were gone?").click();
    h.run();
    assert_eq!(h.state().state().analysis.knocked_out, Some(us.clone()));
    assert_eq!(
        mark(&h, "pw-executive-prosecution"),
        Mark::Faded,
        "the knocked-out determinant fades"
    );
    h.get_by_label(&format!("Knocked out: {}", label(&map, "pw-executive-prosecution")));
    // The matrix marks the lost feed (show only that determinant's category so its row is in view).
    let category = map.determinant(&det).unwrap().categories[0].clone();
    pick(&mut h, "Category", &category);
    h.get_by_label(&cell_name(
        &map,
        det.as_str(),
        stage.as_str(),
        &format!("lost without {}", label(&map, "pw-executive-prosecution")),
    ));
    let losses = &h.state().state().derived.knock.as_ref().unwrap().losses;
    assert!(!losses.losses.is_empty(), "some stage loses enabling support");

    // A what-if, not an edit: the map, the title and the undo history are untouched.
    let state = h.state().state();
    assert_eq!(state.doc.map, before);
    assert!(!state.doc.is_dirty());
    assert!(!state.can_undo);
    assert!(!h.state().title().contains("unsaved"), "{}", h.state().title());

    h.get_by_label("Bring back").click();
    h.run();
    assert_eq!(h.state().state().analysis.knocked_out, None);
    assert!(h.state().state().derived.knock.is_none());
}

#[test]
fn filters_apply_to_the_matrix_and_the_canvas_together() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);
    pick(&mut h, "Effect", "hinder");
    let hinders: Vec<&Id> = map
        .determinants
        .iter()
        .filter(|d| d.effect == detmap::model::Effect::Hinder)
        .map(|d| &d.id)
        .collect();
    let current = h.state().state().derived.current().unwrap();
    let rows: Vec<&Id> = current
        .rows
        .iter()
        .filter_map(|r| match r {
            detmap::app::derived::rows::Row::Determinant(i) => Some(&map.determinants[*i].id),
            _ => None,
        })
        .collect();
    assert_eq!(
        rows, hinders,
        "the matrix lists the hindering determinants, in map order"
    );
    assert_eq!(mark(&h, "earthquake-2010"), Mark::Normal, "a hinder stays bright");
    assert_eq!(
        mark(&h, "cs-early-research"),
        Mark::Faded,
        "an enabler fades on the canvas"
    );
    assert_eq!(mark(&h, "s2-adoption"), Mark::Normal, "stages are never filtered out");
    // The totals count the rows shown: of the hinders, how many feed implementation.
    let reach = Reachability::compute(&map);
    let feeding = reach
        .feeders_of(&id("s4-implementation"))
        .unwrap()
        .iter()
        .filter(|f| hinders.contains(&&f.determinant))
        .count();
    h.get_by_label(&format!("Feed it, stage 4: {feeding}"));

    // Grouping by locus puts a heading per value and keeps every filtered row: internal, external, and
    // not coded (the COVID-19 pandemic, which no heading codes, and a heading that codes no axis).
    pick(&mut h, "Group rows by", "locus");
    let grouped = &h.state().state().derived.current().unwrap().rows;
    let mut loci: Vec<_> = hinders.iter().map(|d| map.determinant(d).unwrap().locus).collect();
    loci.sort_by_key(|l| format!("{l:?}"));
    loci.dedup();
    assert_eq!(loci.len(), 3, "{loci:?}");
    assert_eq!(grouped.len() - hinders.len(), loci.len(), "a group per locus");
    h.get_by_label("Show all").click();
    h.run();
    assert_eq!(mark(&h, "cs-early-research"), Mark::Normal);
}

/// A small map with a balancing loop, a reinforcing loop, and a determinant coded direct that
/// reaches its stage only through another.
const LOOPS: &str = r##"(format_version: 1, title: "Loops and hints",
    sources: [(id: "src", title: "Workshop notes")],
    stages: [(id: "s", label: "Adoption", position: (x: 700.0, y: 0.0))],
    categories: [(name: "C", colour: "#4e79a7")],
    determinants: [
        (id: "will", label: "Political will", categories: ["C"], directness: direct, position: (x: 400.0, y: 0.0)),
        (id: "media", label: "Media attention", categories: ["C"], directness: direct, position: (x: 100.0, y: -150.0)),
        (id: "backlash", label: "Backlash", categories: ["C"], position: (x: 100.0, y: 150.0)),
    ],
    influences: [
        (id: "i1", from: "will", to: "s", sign: enables),
        (id: "i2", from: "media", to: "will", sign: enables),
        (id: "i3", from: "will", to: "media", sign: enables),
        (id: "i4", from: "will", to: "backlash", sign: enables),
        (id: "i5", from: "backlash", to: "will", sign: hinders),
    ])"##;

fn loops_file(dir: &Path) -> PathBuf {
    let path = dir.join("loops.ron");
    std::fs::write(&path, LOOPS).unwrap();
    path
}

#[test]
fn feedback_loops_are_listed_with_their_sign_and_one_click_highlights_a_loop() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &loops_file(dir.path()));
    h.get_by_label("Feedback loops (2)").click();
    h.run();
    h.get_by_label("↻ reinforcing: Political will → Media attention → Political will");
    let balancing = h.get_by_label("⚖ balancing: Political will → Backlash ⇥ Political will");
    balancing.click();
    h.run();
    assert_eq!(mark(&h, "backlash"), Mark::Lit);
    assert_eq!(mark(&h, "will"), Mark::Lit);
    assert_eq!(mark(&h, "media"), Mark::Faded, "not on this loop");
    h.get_by_label("Balancing loop");
}

#[test]
fn a_coding_hint_can_be_dismissed_and_shown_again() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &loops_file(dir.path()));
    let hint = "“Media attention” is coded direct, but reaches every stage it feeds only through other determinants (nearest: 2 steps).";
    h.get_by_label("Coding hints (1)").click();
    h.run();
    h.get_by_label(hint);
    h.get_all_by_label("Dismiss").next().unwrap().click();
    h.run();
    assert!(h.query_by_label(hint).is_none());
    h.get_by_label("Coding hints (0)");
    assert!(!h.state().state().doc.is_dirty(), "dismissing a hint is not an edit");
    h.get_by_label("Show 1 dismissed").click();
    h.run();
    h.get_by_label(hint);
}

#[test]
fn flow_layout_is_one_undoable_edit_and_nothing_moves_unasked() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let before = h.state().state().doc.map.clone();
    // Opening the panel, focusing and filtering moved nothing.
    click_node(&mut h, "s2-adoption");
    assert_eq!(h.state().state().doc.map, before);

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Flow layout").click();
    h.run();
    let after = h.state().state().doc.map.clone();
    let mut expected = before.clone();
    detmap::layout::apply_positions(&mut expected, &detmap::layout::flow_layout(&before));
    assert_eq!(after, expected, "the map has the flow layout's positions");
    assert_ne!(after, before);
    assert!(h.state().state().doc.is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().doc.map, before, "one undo puts every node back");
    assert!(!h.state().state().can_undo, "it was a single step");

    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Force layout").click();
    h.run();
    assert_ne!(h.state().state().doc.map, before);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state().doc.map, before);
}

fn export(h: &mut Harness<'_, DetmapApp>, dialogs: &ScriptedDialogs, item: &str, to: &Path) {
    dialogs.answer(Some(to.to_owned()));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export ⏵").click();
    h.run();
    h.get_by_label(item).click();
    h.run();
    h.run();
    let status = h.state().state().status.clone().unwrap_or_default();
    assert!(status.starts_with("Exported"), "{item}: {status}");
}

#[test]
fn the_window_exports_the_matrix_the_handout_and_the_picture() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    let map = load(CHILE);
    // A knock-out and a filter are a view: the exports are of the map as drawn.
    click_node(&mut h, "us-pressure");
    h.get_by_label("Knock out: what if it were gone?").click();
    h.run();

    let csv = dir.path().join("matrix.csv");
    export(&mut h, &dialogs, "Matrix as CSV…", &csv);
    let mut expected = Vec::new();
    let reach = Reachability::compute(&map);
    detmap::export::write_matrix_csv(&map, &Matrix::compute(&map, &reach), &mut expected).unwrap();
    assert_eq!(std::fs::read(&csv).unwrap(), expected);

    let md = dir.path().join("handout.md");
    export(&mut h, &dialogs, "Hand-out report (Markdown)…", &md);
    let mut expected = Vec::new();
    detmap::export::write_handout(&map, &reach, &mut expected).unwrap();
    assert_eq!(std::fs::read(&md).unwrap(), expected);

    let svg = dir.path().join("map.svg");
    export(&mut h, &dialogs, "Map as SVG…", &svg);
    let text = std::fs::read_to_string(&svg).unwrap();
    roxmltree::Document::parse(&text).expect("the SVG is XML");
    assert!(text.contains("The 2010 earthquake"));

    let png = dir.path().join("map.png");
    export(&mut h, &dialogs, "Map as PNG…", &png);
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let info = decoder.read_info().unwrap().info().clone();
    assert_eq!(info.width, detmap::export::DEFAULT_PNG_WIDTH);

    let asked = dialogs.asked.lock().unwrap();
    assert_eq!(
        asked.iter().map(|r| r.file_name.as_str()).collect::<Vec<_>>(),
        [
            "chile-determinants-of-anti-trafficking-efforts-matrix.csv",
            "chile-determinants-of-anti-trafficking-efforts-handout.md",
            "chile-determinants-of-anti-trafficking-efforts.svg",
            "chile-determinants-of-anti-trafficking-efforts.png"
        ],
        "each named after the map's title, as Save does"
    );
    assert!(!h.state().state().doc.is_dirty());
}

/// Whether the analysis panel is open is remembered between runs (in the preferences).
#[test]
fn the_analysis_panel_opens_at_start_if_it_was_open_last_time() {
    let start = |prefs: Prefs| {
        let file = sample_path(CHILE);
        let mut h = Harness::builder()
            .with_size(vec2(1400.0, 900.0))
            .build_eframe(move |cc| {
                DetmapApp::with_dialogs(
                    &cc.egui_ctx,
                    prefs.clone(),
                    Some(file.clone()),
                    Box::new(ScriptedDialogs::default()),
                )
            });
        h.run();
        h
    };
    let mut h = start(Prefs::default());
    assert!(!h.state().state().analysis.open, "closed at a first start");
    h.get_by_label("▲ Analysis").click();
    h.run();
    let prefs = h.state().state().prefs.clone();
    assert!(prefs.show_analysis, "opening it is remembered");

    let mut h = start(prefs);
    assert!(h.state().state().analysis.open, "open again at the next start");
    assert!(h.state().state().derived.current().is_some(), "and its analysis shown");
    h.get_by_label("▼ Analysis").click();
    h.run();
    assert!(!h.state().state().prefs.show_analysis, "closing it is remembered");
}

#[test]
fn the_window_goes_idle_with_the_analysis_open_and_a_stage_in_focus() {
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &sample_path(CHILE));
    click_node(&mut h, "s4-implementation");
    h.get_by_label("Direct feeders only").click();
    // `try_run` fails if the app keeps asking for frames: an idle window must stop repainting.
    assert!(h.try_run().is_ok(), "the window keeps repainting with nothing changing");
}
