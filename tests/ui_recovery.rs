//! Autosave, crash recovery and failed saves, driven through the real window headless (egui_kittest).
//!
//! Every window here keeps its recovery copies in a temporary folder passed to
//! `Recovery::open`, never in the user's data folder. The autosave clock is egui's input clock:
//! [`wait`] moves it forward as the platform would after that many seconds, so no test sleeps.
//! A "crash" is the window dropped without closing: its lock is released as when a process dies,
//! and nothing is cleaned up. The panic hook is tested in a process of its own, the test binary
//! run again on an ignored test that panics on purpose.
#![cfg(feature = "gui")]

mod common;

use common::tmpfs::{Tmpfs, is_root};
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use detmap::app::recovery::{self, Reason, Recovery};
use detmap::format;
use detmap::model::Map;
use egui::{Key, Modifiers, ViewportId, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

fn app(dialogs: &ScriptedDialogs, file: Option<&Path>, recovery_dir: &Path) -> Harness<'static, DetmapApp> {
    let recovery = Recovery::open(recovery_dir).unwrap();
    app_with(dialogs, file, recovery)
}

fn app_with(dialogs: &ScriptedDialogs, file: Option<&Path>, recovery: Recovery) -> Harness<'static, DetmapApp> {
    let dialogs = dialogs.clone();
    let file = file.map(Path::to_owned);
    let mut recovery = Some(recovery);
    let mut harness = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        // The editor appearing after a restore settles over a few frames: the panels, the legend strip
        // measured to its width, the first view framed in what they leave.
        .with_max_steps(12)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| {
            DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), file, Box::new(dialogs))
                .with_recovery(recovery.take().unwrap())
        });
    harness.run();
    harness
}

/// Lets `seconds` pass with nothing happening, then draws a frame, as the platform does when the
/// window's requested repaint comes due.
fn wait(h: &mut Harness<'_, DetmapApp>, seconds: f64) {
    let now = h.ctx.input(|i| i.time);
    h.input_mut().time = Some(now + seconds);
    h.step();
    h.input_mut().time = None;
    h.run();
}

/// How long the window asked to sleep before its next frame.
fn repaint_delay(h: &Harness<'_, DetmapApp>) -> Duration {
    h.output().viewport_output[&ViewportId::ROOT].repaint_delay
}

/// The recovery copies in a folder.
fn copies(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

fn only_copy(dir: &Path) -> PathBuf {
    let all = copies(dir);
    assert_eq!(all.len(), 1, "one recovery copy: {all:?}");
    all[0].clone()
}

fn sample() -> Map {
    detmap::samples::default_sample().unwrap().load().unwrap()
}

/// A map file in a folder of its own.
fn map_file(map: &Map) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    format::save_file(&path, map).unwrap();
    (dir, path)
}

fn doc_map(h: &Harness<'_, DetmapApp>) -> Map {
    h.state().state().doc.map.clone()
}

/// An edit: Alt+S adds a stage and opens its label for typing; Enter keeps the label.
fn add_stage(h: &mut Harness<'_, DetmapApp>) {
    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

#[test]
fn a_copy_is_written_a_few_seconds_after_the_last_change_and_saving_removes_it() {
    let (_maps, file) = map_file(&sample());
    let before = std::fs::read(&file).unwrap();
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    assert_eq!(repaint_delay(&h), Duration::MAX, "a saved map: the window sleeps");

    add_stage(&mut h);
    assert!(h.state().state().doc.is_dirty());
    assert!(copies(rec.path()).is_empty(), "not at once");
    let delay = repaint_delay(&h);
    assert!(
        delay > Duration::from_secs(2) && delay <= Duration::from_secs(3),
        "one repaint asked for at the deadline, not a frame loop: {delay:?}"
    );

    // Debounced: 2 s, another change, 2 s more: 4 s after the first change but only 2 s after
    // the last, so still nothing.
    wait(&mut h, 2.0);
    add_stage(&mut h);
    wait(&mut h, 2.0);
    assert!(
        copies(rec.path()).is_empty(),
        "written after the last change, not the first"
    );
    wait(&mut h, 1.2);
    let copy = only_copy(rec.path());
    assert_eq!(
        format::load_file(&copy).unwrap(),
        doc_map(&h),
        "the copy opens as a map, and it is the map being edited"
    );
    let found = recovery::inspect(&copy).unwrap();
    assert_eq!(found.original.as_deref(), Some(file.as_path()), "it names its file");
    assert_eq!(found.reason, Reason::Autosave);
    let age = jiff::Timestamp::now().as_second() - found.saved.unwrap().as_second();
    assert!((0..60).contains(&age), "it says when it was written: {age} s ago");
    assert_eq!(std::fs::read(&file).unwrap(), before, "the user's file is not touched");
    assert_eq!(repaint_delay(&h), Duration::MAX, "written: the window sleeps again");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().state().doc.is_dirty());
    assert_eq!(format::load_file(&file).unwrap(), doc_map(&h));
    assert!(copies(rec.path()).is_empty(), "saving removes the copy");
}

/// One call of `App::logic` as eframe makes it while the window is minimised: no egui pass, the
/// input (its clock too) left as the last drawn frame had it, only the window's state new.
fn logic_while_minimised(h: &mut Harness<'_, DetmapApp>, close: bool) -> egui::LogicOutput {
    let ctx = h.ctx.clone();
    let mut window = egui::ViewportInfo {
        minimized: Some(true),
        ..Default::default()
    };
    if close {
        window.events.push(egui::ViewportEvent::Close);
    }
    let mut input = egui::RawInput::default();
    input.viewports.insert(ViewportId::ROOT, window);
    let mut frame = eframe::Frame::_new_kittest();
    let app = h.state_mut();
    ctx.run_logic(&input, |ctx| eframe::App::logic(app, ctx, &mut frame))
}

/// eframe calls only `App::logic` while the window is minimised (and `App::ui` never): the copy
/// is still written when it is due, by the wall clock, and a close from the taskbar still asks
/// before unsaved changes are lost, and brings the window back to ask.
#[test]
fn a_minimised_window_still_writes_its_copy_and_asks_before_closing() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let wall = std::sync::Arc::new(std::sync::Mutex::new(100.0));
    let clock = wall.clone();
    let recovery = Recovery::open(rec.path()).unwrap();
    let mut recovery = Some(recovery);
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .build_eframe(move |cc| {
            let clock = clock.clone();
            DetmapApp::with_dialogs(
                &cc.egui_ctx,
                Prefs::default(),
                Some(file.clone()),
                Box::new(dialogs.clone()),
            )
            .with_recovery(recovery.take().unwrap())
            .with_wall_clock(move || *clock.lock().unwrap())
        });
    h.run();
    add_stage(&mut h);
    assert!(h.state().state().doc.is_dirty());

    // Minimised right after the edit: from here on no frame is drawn.
    let pass = h.ctx.cumulative_pass_nr();
    // A moment later: the frames `add_stage` ran already took part of the delay.
    *wall.lock().unwrap() += 0.2;
    let out = logic_while_minimised(&mut h, false);
    assert!(copies(rec.path()).is_empty(), "not due yet");
    assert!(
        out.viewport_commands.is_empty()
            || !out.viewport_commands[&ViewportId::ROOT].contains(&egui::ViewportCommand::CancelClose)
    );
    *wall.lock().unwrap() += recovery::DELAY;
    logic_while_minimised(&mut h, false);
    let copy = only_copy(rec.path());
    assert_eq!(format::load_file(&copy).unwrap(), doc_map(&h), "written while hidden");

    // Closed from the taskbar: the close is cancelled, the window shown, and the question asked.
    let out = logic_while_minimised(&mut h, true);
    let commands = &out.viewport_commands[&ViewportId::ROOT];
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "{commands:?}");
    assert!(
        commands.contains(&egui::ViewportCommand::Minimized(false)),
        "{commands:?}"
    );
    assert_eq!(h.state().state().confirm, Some(detmap::app::commands::Proceed::Quit));
    assert_eq!(h.ctx.cumulative_pass_nr(), pass, "no frame was drawn for any of it");
    assert!(copy.exists(), "the copy stays until the user chooses");

    // Shown again, the question is on screen.
    h.run();
    h.get_by_label("Save changes?");
}

#[test]
fn after_a_crash_the_next_start_offers_the_copy_and_restore_attaches_it_to_its_file() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let edited = doc_map(&h);
    only_copy(rec.path());
    drop(h); // the crash: no close, no clean-up

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("Restore unsaved changes?");
    h.get_by_label(&file.display().to_string());
    h.get_by_label_contains("less than a minute ago");
    assert!(
        h.query_by_label_contains(CHANGED).is_none(),
        "nobody else changed the file"
    );
    h.get_by_label("Restore").click();
    h.run();
    assert!(h.query_by_label("Restore unsaved changes?").is_none());
    let doc = &h.state().state().doc;
    assert_eq!(doc.map, edited);
    assert_eq!(doc.path.as_deref(), Some(file.as_path()));
    assert!(doc.is_dirty(), "restored changes are not in the file yet");
    assert!(h.state().title().contains("unsaved"), "{}", h.state().title());
    assert_eq!(
        format::load_file(&file).unwrap(),
        sample(),
        "restoring does not write the file"
    );
    let copy = only_copy(rec.path());
    assert_eq!(format::load_file(&copy).unwrap(), edited, "the copy stays until saved");

    // Save writes to the original file, and the copy goes.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(dialogs.asked.lock().unwrap().is_empty(), "no dialog: the file is known");
    assert_eq!(format::load_file(&file).unwrap(), edited);
    assert!(copies(rec.path()).is_empty());
    drop(h);
    let h = app(&dialogs, None, rec.path());
    assert!(
        h.query_by_label("Restore unsaved changes?").is_none(),
        "nothing left to offer"
    );
}

/// `file` (absolute) written relative to the current folder, as a user types it on the command
/// line: `../../tmp/…/workshop.ron`. The tests share one process, so none of them changes the
/// current folder; a path relative to it is what `detmap map.ron` would pass.
fn relative_to_cwd(file: &Path) -> PathBuf {
    let cwd = std::env::current_dir().unwrap();
    let ups = cwd.components().count() - 1;
    let mut relative: PathBuf = std::iter::repeat_n("..", ups).collect();
    relative.push(file.strip_prefix("/").unwrap());
    assert!(relative.is_relative());
    relative
}

/// `detmap map.ron` from some folder. The copy must name the file absolutely: a window
/// restarted from another folder restores it and saves to that same file, not to `map.ron` there.
#[test]
fn a_file_opened_by_a_relative_path_is_named_absolutely_in_its_copy() {
    let (_maps, file) = map_file(&sample());
    let relative = relative_to_cwd(&file);
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&relative), rec.path());
    let path = h.state().state().doc.path.clone().unwrap();
    assert!(path.is_absolute(), "the document's path: {}", path.display());
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let found = recovery::inspect(&only_copy(rec.path())).unwrap();
    let original = found.original.unwrap();
    assert!(original.is_absolute(), "the copy's header: {}", original.display());
    assert_eq!(
        std::fs::canonicalize(&original).unwrap(),
        std::fs::canonicalize(&file).unwrap(),
        "and it names the file that was opened"
    );

    // Save as… to a relative name: the document, and so the next copy, hold it absolutely too.
    let saved_as = relative_to_cwd(&file.with_file_name("renamed.ron"));
    dialogs.answer(Some(saved_as));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.run();
    let path = h.state().state().doc.path.clone().unwrap();
    assert!(path.is_absolute(), "after Save as: {}", path.display());
    assert_eq!(
        format::load_file(&file.with_file_name("renamed.ron")).unwrap(),
        doc_map(&h)
    );
}

const CHANGED: &str = "The file has changed since this map was last opened or saved";

/// Someone else saves the file: its modification time no longer matches the one the copy recorded.
fn colleague_saves(file: &Path) {
    let before = recovery::modified(file).unwrap();
    let mut theirs = sample();
    theirs.title = "A colleague's version".into();
    format::save_file(file, &theirs).unwrap();
    if recovery::modified(file) == Some(before) {
        // A file system that keeps coarse times: make the change visible as a sync tool would.
        let earlier = std::time::SystemTime::now() - Duration::from_secs(120);
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(earlier)
            .unwrap();
    }
}

/// The warning compares the file's modification time with the one it had when this window
/// last opened or saved it, not with when the copy was written (autosave keeps rewriting the copy,
/// so a change before the last autosave looked older than the copy and was missed).
#[test]
fn the_offer_warns_when_someone_else_changed_the_file_even_before_the_last_autosave() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();

    // The window's own save is not someone else's change.
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    add_stage(&mut h);
    wait(&mut h, 3.5);
    drop(h);
    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("Restore unsaved changes?");
    assert!(
        h.query_by_label_contains(CHANGED).is_none(),
        "only this window wrote the file"
    );
    h.get_by_label("Discard").click();
    h.run();
    drop(h);

    // A colleague saves between two autosaves: the copy is newer than their save.
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    wait(&mut h, 3.5);
    colleague_saves(&file);
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let copy = only_copy(rec.path());
    let found = recovery::inspect(&copy).unwrap();
    assert!(
        found.saved.unwrap() >= recovery::modified(&file).unwrap(),
        "the copy was written after the colleague's save"
    );
    drop(h);
    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label_contains(CHANGED);

    // Restored, edited, crashed again: the copy still remembers the file as this map knew it.
    h.get_by_label("Restore").click();
    h.run();
    add_stage(&mut h);
    wait(&mut h, 3.5);
    drop(h);
    let h = app(&dialogs, None, rec.path());
    h.get_by_label_contains(CHANGED);
    assert_eq!(format::load_file(&file).unwrap().title, "A colleague's version");
}

/// A note over the loader's 64 KiB limit. Save refuses such a map; autosave must not write a
/// copy that would not open either, keep the earlier copy, and say what to fix.
#[test]
fn a_map_over_the_limits_is_not_autosaved_and_the_status_bar_names_the_field() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let good = doc_map(&h);
    let copy = only_copy(rec.path());
    assert_eq!(format::load_file(&copy).unwrap(), good);

    // A new determinant (Alt+D, Enter), then 70 KB pasted into its notes.
    h.key_press_modifiers(Modifiers::ALT, Key::D);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Notes").click();
    h.run();
    h.event(egui::Event::Text("x".repeat(70_000)));
    h.run();
    let map = doc_map(&h);
    let index = map
        .determinants
        .iter()
        .position(|d| d.notes.len() == 70_000)
        .expect("the note was typed");
    wait(&mut h, 3.5);
    assert!(h.state().state().doc.is_dirty(), "still unsaved");
    assert_eq!(
        format::load_file(&copy).unwrap(),
        good,
        "no copy that would not load: the earlier one stays"
    );
    let status = h.state().state().status.clone().unwrap_or_default();
    assert!(
        status.starts_with(&format!(
            "This map cannot be saved or autosaved until determinants[{index}].notes is fixed: this text is 70,000 bytes long"
        )),
        "{status}"
    );
    h.get_by_label_contains("This map cannot be saved or autosaved until");
    assert_eq!(repaint_delay(&h), Duration::MAX, "not checked again every frame");

    // Fixed (the note undone): autosave resumes.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let notes = doc_map(&h).determinants[index].notes.len();
    assert_eq!(notes, 0, "the note is undone");
    wait(&mut h, 3.5);
    assert_eq!(format::load_file(&copy).unwrap(), doc_map(&h), "written again");
    assert_ne!(doc_map(&h), good, "with the new determinant");
}

/// A copy as a window that is gone left it: `map` written with a header naming `original`, `ago`
/// seconds ago, and no lock held.
fn left_copy(rec: &Path, map: &Map, original: Option<&Path>, ago: i64) -> PathBuf {
    let gone = Recovery::open(rec).unwrap();
    let saved = jiff::Timestamp::now() - jiff::SignedDuration::from_secs(ago);
    let origin = recovery::Origin {
        path: original,
        modified: None,
    };
    std::fs::write(
        gone.copy_path(),
        recovery::to_text(map, origin, Some(saved), Reason::Autosave),
    )
    .unwrap();
    gone.copy_path().to_owned()
}

/// A copy that does not load (here a 70 KB note, as autosave used to write) is offered with its
/// problem and where it is, Keep it or Discard; "1 more recovery copy waits" then offers the next.
#[test]
fn a_copy_that_does_not_load_is_shown_with_its_problem_and_can_be_kept_or_discarded() {
    let rec = tempfile::tempdir().unwrap();
    let mut older = sample();
    older.title = "The older copy".into();
    left_copy(rec.path(), &older, None, 600);
    let mut broken = sample();
    broken.determinants[0].notes = "x".repeat(70_000);
    let bad = left_copy(rec.path(), &broken, Some(Path::new("/maps/workshop.ron")), 60);
    let dialogs = ScriptedDialogs::default();

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("A recovery copy cannot be opened");
    h.get_by_label_contains("this text is 70,000 bytes long");
    h.get_by_label(&bad.display().to_string());
    h.get_by_label("/maps/workshop.ron");
    h.get_by_label_contains("1 more recovery copy waits");
    assert!(h.query_by_label("Restore").is_none(), "nothing to restore");
    h.get_by_label("Keep it").click();
    h.run();
    assert!(h.query_by_label("A recovery copy cannot be opened").is_none());
    assert!(bad.exists(), "kept");
    drop(h);

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("A recovery copy cannot be opened");
    h.get_by_label("Discard").click();
    h.run();
    assert!(!bad.exists(), "discarded");
    h.get_by_label("Restore unsaved changes?");
    h.get_by_label("The older copy");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(doc_map(&h), older);
}

/// Two windows starting together after a crash: only the first offers the copy; the second
/// skips it while it is on offer.
#[test]
fn two_windows_starting_together_do_not_both_offer_one_copy() {
    let rec = tempfile::tempdir().unwrap();
    let copy = left_copy(rec.path(), &sample(), None, 60);
    let dialogs = ScriptedDialogs::default();
    let mut first = app(&dialogs, None, rec.path());
    first.get_by_label("Restore unsaved changes?");
    let second = app(&dialogs, None, rec.path());
    assert!(
        second.query_by_label("Restore unsaved changes?").is_none(),
        "the first window is offering it"
    );
    first.get_by_label("Restore").click();
    first.run();
    assert_eq!(doc_map(&first), sample());
    assert!(!copy.exists(), "adopted by the first window");
    drop(second);
    let third = app(&dialogs, None, rec.path());
    assert!(
        third.query_by_label("Restore unsaved changes?").is_none(),
        "the first window holds it"
    );
}

/// The offer is modal for the keyboard too. Shortcuts pressed while it is open (D adds a
/// determinant, S a stage, Ctrl+N a new map, a paste) do nothing, so Restore never replaces
/// changes made behind it without asking.
#[test]
fn shortcuts_do_nothing_while_the_offer_is_open() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let mut recovered = sample();
    recovered.title = "Recovered".into();
    left_copy(rec.path(), &recovered, None, 60);
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    h.get_by_label("Restore unsaved changes?");
    h.key_press_modifiers(Modifiers::ALT, Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::S);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Delete);
    h.run();
    h.event(egui::Event::Paste(format::to_string(&sample())));
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let state = h.state().state();
    assert!(!state.doc.is_dirty(), "nothing was changed behind the offer");
    assert_eq!(state.doc.map, sample());
    assert_eq!(state.doc.path.as_deref(), Some(file.as_path()));
    assert!(state.confirm.is_none(), "and nothing asks to save");
    h.get_by_label("Restore unsaved changes?");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(doc_map(&h), recovered);
}

#[test]
fn discard_deletes_the_copy_and_decide_later_keeps_it_for_the_next_start() {
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("New map").click();
    h.run();
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let found = recovery::inspect(&only_copy(rec.path())).unwrap();
    assert_eq!(found.original, None, "a map never saved belongs to no file");
    drop(h);

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("no file: it had not been saved yet");
    h.get_by_label("Decide later").click();
    h.run();
    assert!(h.query_by_label("Restore unsaved changes?").is_none());
    only_copy(rec.path());
    drop(h);

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.query_by_label("Restore unsaved changes?").is_none());
    assert!(copies(rec.path()).is_empty(), "discard deletes the copy");
    assert!(h.state().state().doc.map.stages.is_empty(), "and opens nothing");
    drop(h);
    let h = app(&dialogs, None, rec.path());
    assert!(h.query_by_label("Restore unsaved changes?").is_none());
}

#[test]
fn a_restored_map_that_had_no_file_asks_where_to_save() {
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("New map").click();
    h.run();
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let edited = doc_map(&h);
    drop(h);

    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(doc_map(&h), edited);
    assert_eq!(h.state().state().doc.path, None);
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("kept.ron");
    dialogs.answer(Some(path.clone()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.run();
    assert_eq!(dialogs.asked.lock().unwrap().len(), 1, "Save asked where");
    assert_eq!(format::load_file(&path).unwrap(), edited);
    assert!(copies(rec.path()).is_empty());
}

#[test]
fn a_window_still_running_keeps_its_copy_to_itself() {
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut first = app(&dialogs, None, rec.path());
    first.get_by_label("New map").click();
    first.run();
    add_stage(&mut first);
    wait(&mut first, 3.5);
    only_copy(rec.path());

    let second = app(&dialogs, None, rec.path());
    assert!(
        second.query_by_label("Restore unsaved changes?").is_none(),
        "the first window is alive: its copy is not offered"
    );
    drop(second);
    drop(first);
    let third = app(&dialogs, None, rec.path());
    third.get_by_label("Restore unsaved changes?");
}

#[test]
fn quitting_with_dont_save_or_discarding_for_a_new_map_removes_the_copy() {
    let (_maps, file) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();

    // New map, "Don't save": the discarded changes leave no copy behind.
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    wait(&mut h, 3.5);
    only_copy(rec.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(copies(rec.path()).is_empty());

    // Undoing back to the saved map: nothing unsaved, no copy.
    add_stage(&mut h);
    wait(&mut h, 3.5);
    only_copy(rec.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(!h.state().state().doc.is_dirty());
    assert!(copies(rec.path()).is_empty());

    // Quit, "Don't save".
    add_stage(&mut h);
    wait(&mut h, 3.5);
    only_copy(rec.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert!(
        copies(rec.path()).is_empty(),
        "the user chose to discard: no copy is kept"
    );
    assert_eq!(format::load_file(&file).unwrap(), sample());

    // Removed once, not again in every frame until the window closes.
    let lock = std::fs::read_dir(rec.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "lock"))
        .unwrap();
    let copy = lock.with_extension("ron");
    std::fs::write(&copy, b"planted after the clean-up").unwrap();
    for _ in 0..3 {
        h.step();
    }
    assert!(copy.exists(), "the quit's clean-up ran once");
}

// ---- failed saves in the window ----

/// Asserts what a failed save to `target` must leave: the map's `file` as it was, the map still dirty and still as
/// edited, and the error on screen.
fn assert_failed_save(
    h: &Harness<'_, DetmapApp>,
    (file, target): (&Path, &Path),
    before: &[u8],
    edited: &Map,
    error: &str,
) {
    assert_eq!(std::fs::read(file).unwrap(), before, "the previous file is intact");
    let state = h.state().state();
    assert!(state.doc.is_dirty(), "the map is still unsaved");
    assert_eq!(&state.doc.map, edited);
    assert_eq!(state.doc.path.as_deref(), Some(file), "still attached to its file");
    // In the banner, which stays until dismissed, and in the status bar.
    h.get_by_label_contains(&format!("could not save {}: {error}", target.display()));
    h.get_by_label_contains("Your changes are still here, unsaved");
    h.get_by_label_contains(&format!("Not saved: {error}"));
    assert!(h.state().title().contains("unsaved"));
}

#[test]
fn save_as_into_a_folder_that_is_a_file_fails_and_keeps_everything() {
    let (maps, file) = map_file(&sample());
    let before = std::fs::read(&file).unwrap();
    let blocker = maps.path().join("not-a-folder");
    std::fs::write(&blocker, b"data").unwrap();
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    let edited = doc_map(&h);
    dialogs.answer(Some(blocker.join("map.ron")));
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    h.run();
    assert_failed_save(
        &h,
        (&file, &blocker.join("map.ron")),
        &before,
        &edited,
        "Not a directory",
    );
    assert_eq!(std::fs::read(&blocker).unwrap(), b"data");
    // The unsaved changes are still protected by autosave.
    wait(&mut h, 3.5);
    assert_eq!(format::load_file(&only_copy(rec.path())).unwrap(), edited);
}

/// Quit, "Save changes?", Save, and the save fails: the window stays open with the map, the error
/// is shown, and the recovery copy is kept (a quit would have removed it).
#[test]
fn a_failed_save_on_quit_does_not_quit() {
    let scratch = tempfile::tempdir().unwrap();
    let folder = scratch.path().join("maps");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("workshop.ron");
    format::save_file(&file, &sample()).unwrap();
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    wait(&mut h, 3.5);
    let edited = doc_map(&h);
    // The folder is moved away and a regular file takes its name: the save cannot happen.
    std::fs::rename(&folder, scratch.path().join("moved")).unwrap();
    std::fs::write(&folder, b"data").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Q);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label("Save changes?").is_none());
    h.get_by_label_contains(&format!("could not save {}", file.display()));
    assert!(h.state().state().doc.is_dirty());
    assert_eq!(doc_map(&h), edited);
    wait(&mut h, 3.5);
    assert_eq!(
        format::load_file(&only_copy(rec.path())).unwrap(),
        edited,
        "not quitting: the copy stays"
    );
    assert_eq!(
        format::load_file(&scratch.path().join("moved/workshop.ron")).unwrap(),
        sample()
    );
}

/// Ctrl+S on the map's own file in a folder that cannot be written: as root, a tmpfs remounted
/// read-only; otherwise a folder with mode 555.
#[test]
fn save_in_a_read_only_folder_fails_and_keeps_everything() {
    use std::os::unix::fs::PermissionsExt;
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let scratch = tempfile::tempdir().unwrap();
    let fs = if is_root() {
        Some(Tmpfs::mount(1 << 20).unwrap_or_else(|why| panic!("root, and cannot mount a tmpfs: {why}")))
    } else {
        None
    };
    let folder = fs.as_ref().map_or(scratch.path(), |fs| fs.path()).to_owned();
    let file = folder.join("workshop.ron");
    format::save_file(&file, &sample()).unwrap();
    let before = std::fs::read(&file).unwrap();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    let edited = doc_map(&h);
    match &fs {
        Some(fs) => fs.remount("ro"),
        None => std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap(),
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let error = if fs.is_some() {
        "Read-only file system"
    } else {
        "Permission denied"
    };
    assert_failed_save(&h, (&file, &file), &before, &edited, error);

    // Writable again: the same Save works.
    match &fs {
        Some(fs) => fs.remount("rw"),
        None => std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap(),
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().state().doc.is_dirty());
    assert_eq!(format::load_file(&file).unwrap(), edited);
}

/// Ctrl+S when the disk is full: a 256 KiB tmpfs holding a map of about 150 KB, so the new file
/// does not fit beside the old one.
#[test]
fn save_on_a_full_disk_fails_and_keeps_everything() {
    if !is_root() {
        eprintln!("skipped: mounting a small file system to fill needs root");
        return;
    }
    let fs = Tmpfs::mount(256 << 10).unwrap_or_else(|why| panic!("root, and cannot mount a tmpfs: {why}"));
    let file = fs.path().join("workshop.ron");
    let big = detmap::generate::generate(detmap::generate::Spec {
        determinants: 450,
        influences: 900,
        stages: 3,
        seed: 5,
    });
    format::save_file(&file, &big).unwrap();
    let before = std::fs::read(&file).unwrap();
    assert!(
        before.len() > 130 << 10,
        "the map fills more than half the disk: {}",
        before.len()
    );
    let rec = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, Some(&file), rec.path());
    add_stage(&mut h);
    let edited = doc_map(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_failed_save(&h, (&file, &file), &before, &edited, "No space left on device");
    let names: Vec<_> = std::fs::read_dir(fs.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["workshop.ron"], "no temporary file is left taking the space");
}

// ---- the panic hook, in a process of its own ----

const CHILD_DIR: &str = "DETMAP_TEST_PANIC_RECOVERY_DIR";
const CHILD_EXPECTED: &str = "DETMAP_TEST_PANIC_EXPECTED";

/// Run only by [`a_panic_writes_an_emergency_copy_before_the_process_ends`]: a window with the
/// panic hook installed, an edit, then a panic. Without its environment variables it does nothing.
#[test]
#[ignore = "run in a child process by a_panic_writes_an_emergency_copy_before_the_process_ends"]
fn panic_hook_child() {
    let (Some(dir), Some(expected)) = (std::env::var_os(CHILD_DIR), std::env::var_os(CHILD_EXPECTED)) else {
        return;
    };
    let recovery = Recovery::open(Path::new(&dir)).unwrap();
    recovery::install_panic_hook(recovery.shared());
    let dialogs = ScriptedDialogs::default();
    let mut h = app_with(&dialogs, None, recovery);
    h.get_by_label("New map").click();
    h.run();
    add_stage(&mut h);
    add_stage(&mut h);
    // Well before the autosave is due: only the hook can write a copy now.
    format::save_file(Path::new(&expected), &doc_map(&h)).unwrap();
    panic!("deliberate panic to test the recovery hook");
}

#[test]
fn a_panic_writes_an_emergency_copy_before_the_process_ends() {
    let rec = tempfile::tempdir().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    let expected = scratch.path().join("expected.ron");
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "panic_hook_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DIR, rec.path())
        .env(CHILD_EXPECTED, &expected)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the child panicked");
    assert!(
        stderr.contains("deliberate panic to test the recovery hook"),
        "the previous hook still ran and printed the panic: {stderr}"
    );
    assert!(stderr.contains("unsaved changes were kept in"), "{stderr}");
    let copy = only_copy(rec.path());
    let found = recovery::inspect(&copy).unwrap();
    assert_eq!(found.reason, Reason::Crash, "written by the hook, not by autosave");
    let expected = format::load_file(&expected).unwrap();
    assert_eq!(expected.stages.len(), 2);
    assert_eq!(
        format::load_file(&copy).unwrap(),
        expected,
        "the copy is the map as it was"
    );

    // And the next start offers it.
    let dialogs = ScriptedDialogs::default();
    let mut h = app(&dialogs, None, rec.path());
    h.get_by_label_contains("stopped because of an error");
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(doc_map(&h), expected);
}
