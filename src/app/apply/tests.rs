//! The model without a window: requests in, state and platform actions out, time passed in.

use super::{AppModel, CanvasEffect, PlatformAction};
use crate::app::analysis_view::{AnalysisRequest, Focus};
use crate::app::commands::{Choice, Command, ConflictChoice, Proceed, Purpose, Request};
use crate::app::dialogs::{DialogKind, DialogRequest};
use crate::app::edit::Edit;
use crate::app::persistence::Prefs;
use crate::app::recovery::{self, Recovery, RecoveryChoice};
use crate::app::state::Screen;
use crate::format;
use crate::model::{Id, Influence, Map, Position, Sign};
use std::path::{Path, PathBuf};

fn sample() -> Map {
    crate::samples::default_sample().unwrap().load().unwrap()
}

/// A map file in a folder of its own.
fn map_file(map: &Map) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.ron");
    format::save_file(&path, map).unwrap();
    (dir, path)
}

fn open(path: &Path) -> AppModel {
    AppModel::new(Prefs::default(), false, Some(path.to_owned()))
}

/// A model on the Chile sample, opened from the start screen (it has no file).
fn chile() -> AppModel {
    let mut model = AppModel::new(Prefs::default(), false, None);
    model.apply(Request::Proceed(Proceed::OpenSample("chile-anti-trafficking.ron")), 0.0);
    model
}

fn run(model: &mut AppModel, c: Command) -> Vec<PlatformAction> {
    model.apply(Request::Run(c), 0.0)
}

fn edit(model: &mut AppModel, e: Edit, now: f64) -> Vec<PlatformAction> {
    model.apply(Request::Edit { edit: e, merge: None }, now)
}

/// The one dialog asked for in `actions`.
fn asked(actions: &[PlatformAction]) -> &DialogRequest {
    let asks: Vec<&DialogRequest> = actions
        .iter()
        .filter_map(|a| match a {
            PlatformAction::Ask(r) => Some(r),
            _ => None,
        })
        .collect();
    assert_eq!(asks.len(), 1, "one dialog: {actions:?}");
    asks[0]
}

fn answer(model: &mut AppModel, purpose: Purpose, path: Option<&Path>) -> Vec<PlatformAction> {
    model.apply(
        Request::Answered {
            purpose,
            path: path.map(Path::to_owned),
        },
        0.0,
    )
}

#[test]
fn a_file_opens_in_the_editor_clean_and_a_missing_one_shows_its_problem_on_the_start_screen() {
    let (_dir, path) = map_file(&sample());
    let model = open(&path);
    let state = model.state();
    assert_eq!(state.screen, Screen::Editor);
    assert_eq!(state.doc.map, sample());
    assert_eq!(state.doc.path.as_deref(), Some(path.as_path()));
    assert!(!state.doc.is_dirty());

    let model = open(&path.with_file_name("missing.ron"));
    assert_eq!(model.state().screen, Screen::Start);
    assert!(model.state().load_problem.is_some());
}

/// A refused edit changes nothing and leaves no undo step: the next undo takes back the edit
/// before it, and the document is clean again.
#[test]
fn undo_after_a_refused_edit_takes_back_the_edit_before_it() {
    let (_dir, path) = map_file(&sample());
    let mut model = open(&path);
    let mut renamed = model.state().doc.map.determinants[0].clone();
    renamed.label = "Renamed".into();
    edit(&mut model, Edit::SetDeterminant(renamed), 1.0);
    let after_first = model.state().doc.map.clone();
    let revision = model.state().doc.revision;

    let dangling = Influence {
        id: "i-new".into(),
        from: "nowhere".into(),
        to: model.state().doc.map.stages[0].id.clone(),
        sign: Sign::Enables,
        strength: None,
        confidence: None,
        note: String::new(),
        evidence: Vec::new(),
    };
    edit(&mut model, Edit::AddInfluence(dangling), 2.0);
    let state = model.state();
    assert_eq!(state.doc.map, after_first, "refused: the map is as it was");
    assert_eq!(state.doc.revision, revision, "and no new revision");
    assert!(
        state.status.as_deref().is_some_and(|s| s.starts_with("Not done:")),
        "{:?}",
        state.status
    );

    run(&mut model, Command::Undo);
    let state = model.state();
    assert_eq!(state.doc.map, sample(), "one undo: the rename is taken back");
    assert!(!state.doc.is_dirty(), "back at the saved revision");
    assert!(!state.can_undo && state.can_redo);
    run(&mut model, Command::Redo);
    assert_eq!(model.state().doc.map, after_first);
}

/// While a recovery copy is offered, nothing but the answer acts: no edit, no shortcut, no other
/// document, no dialog. A close request is still heard.
#[test]
fn the_restore_offer_is_modal() {
    let (_maps, path) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let mut recovered = sample();
    recovered.title = "Recovered".into();
    // A copy a window that is gone left behind: written by a session that then ends without
    // clean-up, which releases its lock as a crash would.
    {
        let gone = Recovery::open(rec.path()).unwrap();
        let mut doc = crate::app::document::Document::new(recovered.clone(), None);
        doc.revision = 1;
        gone.write(&doc).unwrap();
        drop(gone);
    }
    let mut model = open(&path).with_recovery(Recovery::open(rec.path()).unwrap());
    assert!(model.state().recovery_offer.is_some());

    let mut actions = Vec::new();
    actions.extend(run(&mut model, Command::AddStage));
    actions.extend(run(&mut model, Command::SelectAll));
    actions.extend(run(&mut model, Command::Delete));
    actions.extend(model.apply(Request::PasteText(format::to_string(&sample())), 0.0));
    actions.extend(model.apply(Request::AddDeterminantAt(Position::new(0.0, 0.0)), 0.0));
    actions.extend(run(&mut model, Command::Open));
    actions.extend(run(&mut model, Command::SaveAs));
    actions.extend(model.apply(Request::Proceed(Proceed::New), 0.0));
    assert!(
        actions.iter().all(|a| !matches!(a, PlatformAction::Ask(_))),
        "no dialog: {actions:?}"
    );
    let state = model.state();
    assert_eq!(state.doc.map, sample(), "nothing changed behind the offer");
    assert!(!state.doc.is_dirty() && state.confirm.is_none());
    assert!(state.selection.is_empty());

    model.apply(Request::Recover(RecoveryChoice::Restore), 0.0);
    let state = model.state();
    assert!(state.recovery_offer.is_none());
    assert_eq!(state.doc.map, recovered);
    assert!(state.doc.is_dirty(), "restored changes are unsaved");
    run(&mut model, Command::AddStage);
    assert_eq!(
        model.state().doc.map.stages.len(),
        recovered.stages.len() + 1,
        "and editing works again"
    );
}

/// Save as asks once; a second dialog is not opened while one is; the answer saves where it
/// says (with the extension added), and a cancelled dialog changes nothing but lets the next open.
#[test]
fn save_as_asks_one_dialog_at_a_time_and_its_answer_saves_there() {
    let (dir, path) = map_file(&sample());
    let mut model = open(&path);
    run(&mut model, Command::AddStage);
    let actions = run(&mut model, Command::SaveAs);
    let request = asked(&actions).clone();
    assert_eq!(request.kind, DialogKind::Save);
    assert_eq!(request.purpose, Purpose::SaveAs(None));
    assert_eq!(request.file_name, "workshop.ron");
    assert_eq!(
        request.directory.as_deref(),
        Some(dir.path()),
        "it opens where the map lives"
    );

    let again = run(&mut model, Command::Export(crate::export::Export::DeterminantsCsv));
    assert!(again.is_empty(), "no second dialog: {again:?}");
    assert_eq!(model.state().status.as_deref(), Some("A file dialog is already open."));

    // Cancelled: nothing saved, still dirty; the next dialog opens.
    answer(&mut model, request.purpose.clone(), None);
    assert!(model.state().doc.is_dirty());
    let actions = run(&mut model, Command::SaveAs);
    let request = asked(&actions).clone();

    let copy = dir.path().join("copy");
    answer(&mut model, request.purpose, Some(&copy));
    let saved = copy.with_extension("ron");
    let state = model.state();
    assert!(!state.doc.is_dirty());
    assert_eq!(state.doc.path.as_deref(), Some(saved.as_path()));
    assert_eq!(format::load_file(&saved).unwrap(), state.doc.map);
    assert_eq!(
        format::load_file(&path).unwrap(),
        sample(),
        "the first file is untouched"
    );
}

/// "Save changes?" before a new map: Save on a map without a file asks where, and once the answer
/// has saved it the new map follows; Cancel keeps everything.
#[test]
fn save_changes_first_then_a_new_map() {
    let mut model = chile();
    run(&mut model, Command::AddStage);
    let edited = model.state().doc.map.clone();

    run(&mut model, Command::New);
    assert_eq!(model.state().confirm, Some(Proceed::New));
    model.apply(Request::Confirm(Choice::Cancel), 0.0);
    assert_eq!(model.state().confirm, None);
    assert_eq!(model.state().doc.map, edited);

    run(&mut model, Command::New);
    let actions = model.apply(Request::Confirm(Choice::Save), 0.0);
    let request = asked(&actions).clone();
    assert_eq!(request.purpose, Purpose::SaveAs(Some(Proceed::New)));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kept.ron");
    let actions = answer(&mut model, request.purpose, Some(&file));
    assert_eq!(format::load_file(&file).unwrap(), edited, "saved first");
    assert!(actions.contains(&PlatformAction::Canvas(CanvasEffect::Reset)));
    let state = model.state();
    assert_eq!(state.doc.map.title, "Untitled map", "then the new map");
    assert!(state.doc.path.is_none() && !state.doc.is_dirty());
}

/// The platform's close request: with unsaved changes the window stays and asks; "Don't save"
/// then closes it; with nothing unsaved it closes at once.
#[test]
fn a_close_request_with_unsaved_changes_asks_first() {
    let (_dir, path) = map_file(&sample());
    let mut model = open(&path);
    assert!(model.apply(Request::CloseRequested, 0.0).is_empty(), "clean: it closes");

    run(&mut model, Command::AddStage);
    let actions = model.apply(Request::CloseRequested, 0.0);
    assert_eq!(actions, vec![PlatformAction::CancelClose]);
    assert_eq!(model.state().confirm, Some(Proceed::Quit));
    let actions = model.apply(Request::Confirm(Choice::Discard), 0.0);
    assert_eq!(actions, vec![PlatformAction::Close]);
    assert!(
        model.apply(Request::CloseRequested, 0.0).is_empty(),
        "the close that follows goes through"
    );
}

/// The analysis view forgets what named the items an edit removed, and everything of the old
/// document when another one arrives; the derived knock-out follows at the next tick.
#[test]
fn edits_and_new_documents_reset_what_the_analysis_view_named() {
    let mut model = chile();
    run(&mut model, Command::ToggleAnalysis);
    let us: Id = "us-pressure".into();
    model.apply(Request::Analysis(AnalysisRequest::KnockOut(Some(us.clone()))), 0.0);
    model.apply(
        Request::Analysis(AnalysisRequest::Focus(Some(Focus::Determinant(us.clone())))),
        0.0,
    );
    model.tick(0.0);
    assert!(model.state().derived.knock.is_some());

    // Deleting the determinant drops the focus and the knock-out that named it.
    model.apply(
        Request::Edit {
            edit: Edit::Remove(vec![us.clone()]),
            merge: None,
        },
        1.0,
    );
    assert!(model.state().analysis.focus.is_none() && model.state().analysis.knocked_out.is_none());
    model.tick(1.0);
    assert!(model.state().derived.knock.is_none());

    // Undo brings it back; knocking it out again, then another document: all forgotten.
    run(&mut model, Command::Undo);
    model.apply(Request::Analysis(AnalysisRequest::KnockOut(Some(us.clone()))), 2.0);
    model.tick(2.0);
    assert!(model.state().derived.knock.is_some());
    run(&mut model, Command::New);
    model.apply(Request::Confirm(Choice::Discard), 3.0);
    let view = &model.state().analysis;
    assert!(view.open, "the panel stays open");
    assert!(view.focus.is_none() && view.knocked_out.is_none());
    model.tick(3.0);
    assert!(model.state().derived.knock.is_none());
}

/// Autosave with time passed in: no copy before the delay, one after it, and the model asks to be
/// woken at the deadline rather than every frame.
#[test]
fn the_recovery_copy_is_written_when_due_and_the_model_asks_to_be_woken_then() {
    let (_maps, path) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let mut model = open(&path).with_recovery(Recovery::open(rec.path()).unwrap());
    let title = model.tick(0.0);
    assert!(
        title
            .iter()
            .any(|a| matches!(a, PlatformAction::Title(t) if t == "workshop.ron — Determinant Mapper")),
        "{title:?}"
    );
    assert!(model.tick(0.5).is_empty(), "a clean map: nothing to do, no wake-up");

    model.apply(Request::Run(Command::AddStage), 1.0);
    let actions = model.tick(1.0);
    assert!(
        actions.contains(&PlatformAction::WakeAfter(std::time::Duration::from_secs_f64(
            recovery::DELAY
        )))
    );
    assert!(
        actions
            .iter()
            .any(|a| matches!(a, PlatformAction::Title(t) if t.contains("unsaved")))
    );
    let copy_in = |dir: &Path| {
        dir.read_dir()
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "ron"))
    };
    assert!(copy_in(rec.path()).is_none(), "not at once");
    model.tick(1.0 + recovery::DELAY);
    let copy = copy_in(rec.path()).expect("written once due");
    assert_eq!(format::load_file(&copy).unwrap(), model.state().doc.map);
}

/// A model on a file, with a determinant added, and the file changed since the model read it by
/// another writer (a colleague's window saved a stage): that writer's map is the last value.
fn edited_while_a_colleague_saved() -> (tempfile::TempDir, PathBuf, AppModel, Map) {
    let (dir, path) = map_file(&sample());
    let mut model = open(&path);
    run(&mut model, Command::AddDeterminant);
    let mut theirs = format::load_file(&path).unwrap();
    let mut stage = theirs.stages[0].clone();
    stage.id = "s-colleague".into();
    stage.label = "Added by a colleague".into();
    theirs.stages.push(stage);
    format::save_file(&path, &theirs).unwrap();
    (dir, path, model, theirs)
}

/// Save on a file someone else changed writes nothing and asks; Cancel keeps both as they are,
/// Overwrite writes this map, and a save after the model's own save does not ask again.
#[test]
fn a_save_over_a_file_changed_on_disk_asks_and_overwrite_writes() {
    let (_dir, path, mut model, theirs) = edited_while_a_colleague_saved();

    run(&mut model, Command::Save);
    assert_eq!(format::load_file(&path).unwrap(), theirs, "nothing written");
    let conflict = model.state().conflict.clone().expect("asked");
    assert_eq!(conflict.path, path);
    assert!(model.state().doc.is_dirty());
    model.apply(Request::Conflict(ConflictChoice::Cancel), 0.0);
    assert!(model.state().conflict.is_none());
    assert_eq!(format::load_file(&path).unwrap(), theirs);

    run(&mut model, Command::Save);
    model.apply(Request::Conflict(ConflictChoice::Overwrite), 0.0);
    let ours = model.state().doc.map.clone();
    assert!(!model.state().doc.is_dirty());
    assert_eq!(format::load_file(&path).unwrap(), ours);

    run(&mut model, Command::AddStage);
    run(&mut model, Command::Save);
    assert!(
        model.state().conflict.is_none(),
        "its own save is no change by someone else"
    );
    assert_eq!(format::load_file(&path).unwrap(), model.state().doc.map);
}

/// Reload opens the file as the colleague left it (this window's changes discarded), and then
/// does what the save was for: here, quitting.
#[test]
fn reload_takes_the_file_from_disk_and_carries_on() {
    let (_dir, _path, mut model, theirs) = edited_while_a_colleague_saved();

    run(&mut model, Command::Quit);
    model.apply(Request::Confirm(Choice::Save), 0.0);
    assert_eq!(
        model.state().conflict.as_ref().map(|c| c.then.clone()),
        Some(Some(Proceed::Quit))
    );
    let actions = model.apply(Request::Conflict(ConflictChoice::Reload), 0.0);
    assert_eq!(model.state().doc.map, theirs);
    assert!(!model.state().doc.is_dirty());
    assert!(actions.contains(&PlatformAction::Close), "{actions:?}");
}

/// Save as from the question keeps both files; saving again to the first file is then a save
/// over the colleague's work, and asks again.
#[test]
fn save_as_from_the_question_keeps_both() {
    let (dir, path, mut model, theirs) = edited_while_a_colleague_saved();
    run(&mut model, Command::Save);
    let actions = model.apply(Request::Conflict(ConflictChoice::SaveAs), 0.0);
    let request = asked(&actions).clone();
    let mine = dir.path().join("mine.ron");
    answer(&mut model, request.purpose, Some(&mine));
    assert_eq!(format::load_file(&path).unwrap(), theirs);
    assert_eq!(format::load_file(&mine).unwrap(), model.state().doc.map);
    assert_eq!(model.state().doc.path.as_deref(), Some(mine.as_path()));
}

/// One copy of the map per change: the panic hook's snapshot of a revision is the very undo step
/// before the next edit, and undo and redo bring maps back without copying them again.
#[test]
fn the_undo_step_and_the_panic_hook_s_snapshot_are_one_copy() {
    let (_maps, path) = map_file(&sample());
    let rec = tempfile::tempdir().unwrap();
    let mut model = open(&path).with_recovery(Recovery::open(rec.path()).unwrap());
    let hook = model.recovery.as_ref().unwrap().shared();
    model.apply(Request::Run(Command::AddStage), 1.0);
    model.tick(1.0);
    let after_first = hook.latest_map().expect("a snapshot for the panic hook");
    assert_eq!(*after_first, model.state().doc.map);

    model.apply(Request::Run(Command::AddDeterminant), 2.0);
    let step = model.history.next_undo().unwrap();
    assert!(
        std::sync::Arc::ptr_eq(step, &after_first),
        "the undo step is the hook's copy"
    );
    model.tick(2.0);
    let after_second = hook.latest_map().unwrap();
    assert_eq!(*after_second, model.state().doc.map);

    // Undo: the map coming back is the first edit's, the one going to redo is the hook's copy.
    run(&mut model, Command::Undo);
    assert_eq!(model.state().doc.map, *after_first);
    run(&mut model, Command::Redo);
    assert_eq!(model.state().doc.map, *after_second);
    run(&mut model, Command::Undo);
    run(&mut model, Command::Undo);
    assert_eq!(model.state().doc.map, sample());
    assert!(!model.state().doc.is_dirty());
}

/// A file with comments written by hand: the first save over it writes nothing and asks (the
/// comment's place named); Cancel keeps the file; Save anyway writes the map, without them, and
/// later saves do not ask. Save as to another file asks nothing: the commented file stays.
#[test]
fn the_first_save_over_hand_written_comments_asks_before_dropping_them() {
    use crate::app::state::ConflictReason;
    let (dir, path) = map_file(&sample());
    let written = std::fs::read_to_string(&path).unwrap();
    let commented = written.replacen("(\n", "(\n    // agreed in the March workshop\n", 1);
    assert_ne!(commented, written, "the comment went in");
    std::fs::write(&path, &commented).unwrap();
    let mut model = open(&path);
    run(&mut model, Command::AddStage);

    run(&mut model, Command::Save);
    let conflict = model.state().conflict.clone().expect("asked");
    assert!(
        matches!(conflict.reason, ConflictReason::HandComments(at) if at.line == 3 && at.col == 5),
        "{conflict:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented, "nothing written");
    model.apply(Request::Conflict(ConflictChoice::Cancel), 0.0);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);
    assert!(model.state().doc.is_dirty());

    // Save as elsewhere: no question; the commented file is as it was.
    let actions = run(&mut model, Command::SaveAs);
    let other = dir.path().join("copy.ron");
    answer(&mut model, asked(&actions).purpose.clone(), Some(&other));
    assert!(model.state().conflict.is_none());
    assert_eq!(format::load_file(&other).unwrap(), model.state().doc.map);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), commented);

    // Back on the commented file: asked; Save anyway drops the comments, once.
    let mut model = open(&path);
    run(&mut model, Command::AddStage);
    run(&mut model, Command::Save);
    model.apply(Request::Conflict(ConflictChoice::Overwrite), 0.0);
    assert!(!model.state().doc.is_dirty());
    assert_eq!(format::load_file(&path).unwrap(), model.state().doc.map);
    assert_eq!(format::first_comment(&std::fs::read_to_string(&path).unwrap()), None);
    run(&mut model, Command::AddStage);
    run(&mut model, Command::Save);
    assert!(model.state().conflict.is_none(), "the file holds no comment now");
    assert!(!model.state().doc.is_dirty());
}

/// A file the application wrote has only its header comment, and saves without a question.
#[test]
fn a_file_without_hand_written_comments_saves_without_asking() {
    let (_dir, path) = map_file(&sample());
    let mut model = open(&path);
    run(&mut model, Command::AddStage);
    run(&mut model, Command::Save);
    assert!(model.state().conflict.is_none());
    assert!(!model.state().doc.is_dirty());
}

/// A large selection follows an edit as a small one does (it is checked against a set of the
/// map's ids, not one scan of the map per item): what the edit removed leaves it, the rest stays.
#[test]
fn a_large_selection_keeps_what_remains_after_an_edit() {
    let mut model = chile();
    run(&mut model, Command::SelectAll);
    let all = model.state().selection.ids.clone();
    assert!(all.len() > super::FEW, "Select all picks more than a few");
    let gone = model.state().doc.map.determinants[0].id.clone();
    edit(&mut model, Edit::Remove(vec![gone.clone()]), 1.0);
    let mut expected = all.clone();
    expected.remove(&gone);
    assert_eq!(model.state().selection.ids, expected);
    run(&mut model, Command::Undo);
    assert_eq!(
        model.state().selection.ids,
        expected,
        "undo brings the node back, not its selection"
    );
}

/// Each file dialog's filter is named by a message, in every language: the system's dialog shows
/// it in the language of the moment, never as its id.
#[test]
fn the_file_dialogs_filters_are_named_in_every_language() {
    let (_dir, path) = map_file(&sample());
    for command in [Command::SaveAs, Command::Import, Command::Merge, Command::Compare] {
        let mut model = open(&path);
        let request = asked(&run(&mut model, command)).clone();
        for language in crate::i18n::Language::ALL {
            let ids = crate::i18n::Catalog::shipped().ids(language);
            assert!(
                ids.contains(request.filter.0),
                "{}: {}",
                language.code(),
                request.filter.0
            );
        }
    }
}
