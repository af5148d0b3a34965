//! File › Import…, File › Merge… and View › Compare with…: the room's work coming into the window.
//! Import makes a new document (after "save changes first?", as Open does); Merge changes this one
//! in one undo step and leaves its conflicts to review, each choice one more step; Compare changes
//! nothing and lists what differs from another map.

use super::AppModel;
use crate::app::commands::Purpose;
use crate::app::dialogs::DialogKind;
use crate::app::document::Document;
use crate::app::edit::Edit;
use crate::app::room::{Comparison, MergeReview};
use crate::app::state::{LoadProblem, Screen};
use crate::format;
use crate::import;
use crate::merge::{self, Holder, ItemKind};
use crate::model::Map;
use std::path::Path;

/// The files File › Import… offers.
const SPREADSHEETS: (&str, &[&str]) = ("file-type-spreadsheet", &["xlsx", "ods", "csv"]);
const MAPS: (&str, &[&str]) = ("file-type-map", &["ron"]);

/// A file's name for messages and lists (its folder is noise there).
fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

impl AppModel {
    pub(super) fn ask_import(&mut self) {
        self.ask(
            Purpose::Import,
            DialogKind::Open,
            &crate::tr!("dialog-import-spreadsheet"),
            "",
            SPREADSHEETS,
        );
    }

    pub(super) fn ask_merge(&mut self) {
        self.ask(
            Purpose::Merge,
            DialogKind::Open,
            &crate::tr!("dialog-merge-map"),
            "",
            MAPS,
        );
    }

    pub(super) fn ask_compare(&mut self) {
        self.ask(
            Purpose::Compare,
            DialogKind::Open,
            &crate::tr!("dialog-compare-map"),
            "",
            MAPS,
        );
    }

    /// Imports a workbook or CSV file as a new document: unsaved, with no file, titled after the
    /// file. On problems the document stays as it was and they are shown in the banner, each with
    /// its sheet, row and column, as a file that fails to open is.
    pub(super) fn import_path(&mut self, path: &Path) {
        let name = file_name(path);
        let imported = import::read_files(&[path.to_owned()]).and_then(|mut inputs| {
            for input in &mut inputs {
                input.name.clone_from(&name);
            }
            import::import(inputs)
        });
        match imported {
            Ok(imported) => {
                let map = imported.map;
                let mut status = crate::tr!(
                    "status-imported",
                    file = name.clone(),
                    determinants = crate::tr!("count-determinants", count = map.determinants.len()),
                    influences = crate::tr!("count-influences", count = map.influences.len()),
                    stages = crate::tr!("count-stages", count = map.stages.len())
                );
                if let Some(first) = imported.notices.first() {
                    status.push_str(&format!(" {first}"));
                    if imported.notices.len() > 1 {
                        status.push(' ');
                        status.push_str(&crate::tr!("status-more-notes", count = imported.notices.len() - 1));
                    }
                }
                self.replace_document(Document::new(map, None));
                // Nothing is saved yet: closing or opening another map asks first.
                self.state.doc.saved_revision = 0;
                self.state.status = Some(status);
            }
            Err(e) => {
                // Under the banner's "Could not use FILE", and above "The map you had open is unchanged".
                self.state.load_problem = Some(LoadProblem {
                    file: path.to_owned(),
                    lines: e.to_string().lines().map(str::to_owned).collect(),
                    map_open: self.state.screen == Screen::Editor,
                });
            }
        }
    }

    /// Merges the map in `path` into the document: one undo step; the conflicts (the document's
    /// value kept) listed for review.
    pub(super) fn merge_path(&mut self, path: &Path) {
        let other = match format::load_file(path) {
            Ok(map) => map,
            Err(e) => return self.show_load_error(&e),
        };
        let mine = self.state.doc.display_name();
        let mut theirs = file_name(path);
        if theirs == mine {
            theirs = path.display().to_string();
        }
        let before: [usize; 3] = counts(&self.state.doc.map);
        let inputs = [
            merge::Input {
                name: mine,
                map: self.state.doc.map.clone(),
            },
            merge::Input {
                name: theirs.clone(),
                map: other,
            },
        ];
        let merged = match merge::merge(&inputs) {
            Ok(merged) => merged,
            Err(problems) => {
                self.state.status = Some(match problems.first() {
                    Some(p) => crate::tr!("status-not-merged-because", problem = p.message.clone()),
                    None => crate::tr!("status-not-merged"),
                });
                return;
            }
        };
        let after = counts(&merged.map);
        let added = [0, 1, 2].map(|k| after[k] - before[k]);
        // A merge that brings nothing new is no edit (no undo step, nothing unsaved).
        if merged.map != self.state.doc.map && !self.edit(Edit::Replace(Box::new(merged.map)), None) {
            return;
        }
        let n = merged.conflicts.len();
        self.state.status = Some(crate::tr!(
            "status-merged",
            file = theirs.clone(),
            added = added.iter().sum::<usize>(),
            conflicts = n
        ));
        self.state.merge_review = Some(MergeReview {
            file: theirs,
            conflicts: merged.conflicts,
            holders: merged.holders,
            added,
        });
    }

    /// Keeps value `value` of the review's conflict `conflict`: one undo step.
    pub(super) fn keep_merge_value(&mut self, conflict: usize, value: usize) {
        let Some(review) = &self.state.merge_review else { return };
        let (Some(c), Some(holders)) = (review.conflicts.get(conflict), review.holders.get(conflict)) else {
            return;
        };
        let map = &self.state.doc.map;
        let item = match c.kind {
            ItemKind::Stage => map.stage(&c.id).cloned().map(Holder::Stage),
            ItemKind::Determinant => map.determinant(&c.id).cloned().map(Holder::Determinant),
            ItemKind::Influence => map.influence(&c.id).cloned().map(Holder::Influence),
            ItemKind::Source => map.sources.iter().find(|s| s.id == c.id).cloned().map(Holder::Source),
        };
        let Some(item) = item else {
            self.state.status = Some(crate::tr!("status-item-gone", item = c.item.clone()));
            return;
        };
        let Some(chosen) = merge::choose(c, holders, &item, value) else {
            return;
        };
        let edit = match chosen {
            Holder::Stage(s) => Edit::SetStage(s),
            Holder::Determinant(d) => Edit::SetDeterminant(d),
            Holder::Influence(i) => Edit::SetInfluence(i),
            Holder::Source(s) => {
                let mut all = map.sources.clone();
                for x in all.iter_mut().filter(|x| x.id == s.id) {
                    *x = s.clone();
                }
                Edit::SetSources(all)
            }
        };
        self.edit(edit, None);
    }

    /// Compares the document with the map in `path` (the "before"): listed and marked until closed.
    pub(super) fn compare_path(&mut self, path: &Path) {
        match format::load_file(path) {
            Ok(other) => {
                let doc = &self.state.doc;
                let comparison = Comparison::new(file_name(path), other, &doc.map, (doc.serial, doc.revision));
                let n = comparison.changes.len();
                self.state.status = Some(match n {
                    0 => crate::tr!("status-compared-same", file = comparison.file.clone()),
                    _ => crate::tr!("status-compared-differences", count = n, file = comparison.file.clone()),
                });
                self.state.comparison = Some(comparison);
            }
            Err(e) => self.show_load_error(&e),
        }
    }

    /// The comparison follows the document's edits.
    pub(super) fn refresh_comparison(&mut self) {
        let doc = &self.state.doc;
        if let Some(c) = &mut self.state.comparison {
            c.refresh(&doc.map, (doc.serial, doc.revision));
        }
    }
}

fn counts(map: &Map) -> [usize; 3] {
    [map.stages.len(), map.determinants.len(), map.influences.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::commands::{Command, Request};
    use crate::app::persistence::Prefs;
    use crate::model::Nature;

    fn chile() -> Map {
        crate::samples::find("chile-anti-trafficking.ron")
            .unwrap()
            .load()
            .unwrap()
    }

    fn model_on(path: &Path) -> AppModel {
        AppModel::new(Prefs::default(), false, Some(path.to_owned()))
    }

    fn answer(model: &mut AppModel, purpose: Purpose, path: &Path) {
        model.apply(
            Request::Answered {
                purpose,
                path: Some(path.to_owned()),
            },
            0.0,
        );
        model.tick(0.0);
    }

    #[test]
    fn a_map_merged_with_itself_changes_nothing_and_has_nothing_to_review() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chile.ron");
        format::save_file(&path, &chile()).unwrap();
        let mut model = model_on(&path);
        model.apply(Request::Run(Command::Merge), 0.0);
        answer(&mut model, Purpose::Merge, &path);
        let state = model.state();
        assert_eq!(state.doc.map, chile());
        let review = state.merge_review.as_ref().unwrap();
        assert!(review.conflicts.is_empty());
        assert_eq!(review.added, [0, 0, 0]);
        // The same file name as the map's own: the other is named by its whole path.
        assert_eq!(
            state.status.clone().unwrap(),
            format!("Merged {}: 0 items added, no conflict.", path.display())
        );
        assert_eq!(review.file, path.display().to_string());
        assert!(
            !model.history.can_undo() && !state.doc.is_dirty(),
            "nothing new, no edit"
        );
    }

    #[test]
    fn a_map_that_does_not_load_is_neither_merged_nor_compared_and_its_problems_are_shown() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chile.ron");
        format::save_file(&path, &chile()).unwrap();
        let broken = dir.path().join("broken.ron");
        std::fs::write(&broken, "(format_version: 1, title: \"x\" stages: [])").unwrap();
        let mut model = model_on(&path);
        for purpose in [Purpose::Merge, Purpose::Compare] {
            answer(&mut model, purpose, &broken);
            let state = model.state();
            let problem = state.load_problem.as_ref().expect("shown");
            assert!(
                problem.lines[0].starts_with(&format!("{}:1:", broken.display())),
                "{:?}",
                problem.lines
            );
            assert_eq!(state.doc.map, chile());
            assert!(state.merge_review.is_none() && state.comparison.is_none());
            assert!(!model.history.can_undo());
        }
    }

    #[test]
    fn a_comparison_follows_edits_and_undo_and_a_new_document_ends_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chile.ron");
        format::save_file(&path, &chile()).unwrap();
        let mut model = model_on(&path);
        answer(&mut model, Purpose::Compare, &path);
        assert!(model.state().comparison.as_ref().unwrap().changes.is_empty());
        assert_eq!(
            model.state().status.as_deref(),
            Some("This map says the same as chile.ron.")
        );
        let mut d = model.state().doc.map.determinants[0].clone();
        d.nature = Some(if d.nature == Some(Nature::Structural) {
            Nature::PressurePoint
        } else {
            Nature::Structural
        });
        let id = d.id.clone();
        model.apply(
            Request::Edit {
                edit: Edit::SetDeterminant(d),
                merge: None,
            },
            0.0,
        );
        model.tick(0.0);
        let c = model.state().comparison.as_ref().unwrap();
        assert_eq!(c.changes.len(), 1);
        assert_eq!(c.changes[0].id, id.as_str());
        let k = model.state().doc.map.stages.len();
        assert_eq!(
            c.emphasis.nodes[k],
            crate::app::derived::emphasis::Mark::Lit,
            "the changed determinant is brought forward"
        );
        model.apply(Request::Run(Command::Undo), 0.0);
        model.tick(0.0);
        assert!(model.state().comparison.as_ref().unwrap().changes.is_empty());
        model.apply(Request::Run(Command::New), 0.0);
        assert!(model.state().comparison.is_none());
    }
}
