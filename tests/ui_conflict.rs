//! Two windows on one file, driven as a user drives them (egui_kittest): the second save does not
//! replace the first window's work without asking.
#![cfg(feature = "gui")]

mod common;

use common::window::window;
use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::format;
use detmap::model::Map;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn doc_map(h: &Harness<'_, DetmapApp>) -> Map {
    h.state().state().doc.map.clone()
}

fn save(h: &mut Harness<'_, DetmapApp>) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
}

/// An edit: Alt+S adds a stage (or Alt+D a determinant) and Enter keeps its label.
fn add(h: &mut Harness<'_, DetmapApp>, key: Key) {
    h.key_press_modifiers(Modifiers::ALT, key);
    h.run();
    h.key_press(Key::Enter);
    h.run();
}

/// Window A adds a stage and saves; window B, open on the same file since before, adds a
/// determinant and saves: B is asked, nothing is written, and A's stage is in the file. Cancel
/// writes nothing; Save as… keeps both. A saves again without a question (nobody else wrote the
/// file since A did); C, open since the start, is asked and overwrites by choice; A's next save
/// is asked in turn, and Reload shows A the file as C left it.
#[test]
fn a_second_window_saving_over_the_first_one_s_work_is_asked_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ron");
    let sample = detmap::samples::default_sample().unwrap().load().unwrap();
    format::save_file(&file, &sample).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut a = window(&dialogs, &file);
    let mut b = window(&dialogs, &file);
    let mut c = window(&dialogs, &file);

    add(&mut a, Key::S);
    save(&mut a);
    let with_stage = doc_map(&a);
    assert_eq!(with_stage.stages.len(), sample.stages.len() + 1);
    assert_eq!(format::load_file(&file).unwrap(), with_stage);

    add(&mut b, Key::D);
    save(&mut b);
    b.get_by_label("The file changed on disk");
    assert_eq!(
        format::load_file(&file).unwrap(),
        with_stage,
        "A's stage is still in the file"
    );
    assert!(b.state().state().doc.is_dirty(), "and B's determinant still unsaved");
    b.get_by_label("Cancel").click();
    b.run();
    assert!(b.query_by_label("The file changed on disk").is_none());
    assert_eq!(b.state().state().status.as_deref(), Some("Not saved."));
    assert_eq!(format::load_file(&file).unwrap(), with_stage);

    // Asked again; Save as…: B's map goes to a file of its own.
    save(&mut b);
    let mine = dir.path().join("workshop-b.ron");
    dialogs.answer(Some(mine.clone()));
    b.get_by_label("Save as…").click();
    b.run();
    assert!(b.query_by_label("The file changed on disk").is_none());
    let with_determinant = doc_map(&b);
    assert_eq!(with_determinant.determinants.len(), sample.determinants.len() + 1);
    assert!(!b.state().state().doc.is_dirty());
    assert_eq!(format::load_file(&mine).unwrap(), with_determinant);
    assert_eq!(format::load_file(&file).unwrap(), with_stage);

    // A's own earlier save is no change by someone else.
    add(&mut a, Key::S);
    save(&mut a);
    assert!(a.query_by_label("The file changed on disk").is_none());
    let two_stages = doc_map(&a);
    assert_eq!(format::load_file(&file).unwrap(), two_stages);

    // C read the file before both of A's saves: asked, and overwrites by choice.
    add(&mut c, Key::D);
    save(&mut c);
    c.get_by_label("The file changed on disk");
    c.get_by_label("Overwrite").click();
    c.run();
    let overwritten = doc_map(&c);
    assert!(!c.state().state().doc.is_dirty());
    assert_eq!(
        format::load_file(&file).unwrap(),
        overwritten,
        "the user chose to overwrite"
    );

    // Now A's save would replace C's: asked; Reload shows the file as C left it.
    add(&mut a, Key::S);
    save(&mut a);
    a.get_by_label("The file changed on disk");
    assert_eq!(format::load_file(&file).unwrap(), overwritten);
    a.get_by_label("Reload from disk").click();
    a.run();
    assert_eq!(doc_map(&a), overwritten, "A now shows the file as it is");
    assert!(!a.state().state().doc.is_dirty());
}

/// A file with a comment written by hand: Ctrl+S asks before the save that would remove it, with
/// where the comment is; Cancel writes nothing; Save anyway writes the map, and the next save
/// asks nothing.
#[test]
fn saving_over_hand_written_comments_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("workshop.ron");
    let sample = detmap::samples::default_sample().unwrap().load().unwrap();
    format::save_file(&file, &sample).unwrap();
    let commented =
        std::fs::read_to_string(&file)
            .unwrap()
            .replacen("(\n", "(\n    // agreed in the March workshop\n", 1);
    std::fs::write(&file, &commented).unwrap();
    let dialogs = ScriptedDialogs::default();
    let mut h = window(&dialogs, &file);

    add(&mut h, Key::S);
    save(&mut h);
    h.get_by_label("Saving removes the file's comments");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        commented,
        "nothing written yet"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Saving removes the file's comments").is_none());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), commented);

    save(&mut h);
    h.get_by_label("Save anyway").click();
    h.run();
    assert!(!h.state().state().doc.is_dirty());
    assert_eq!(format::load_file(&file).unwrap(), doc_map(&h));
    add(&mut h, Key::D);
    save(&mut h);
    assert!(h.query_by_label("Saving removes the file's comments").is_none());
    assert!(!h.state().state().doc.is_dirty());
}
