//! Everything a user can ask for. [`Command`] is the flat list behind the menus, the keyboard
//! shortcuts and Help › Keyboard shortcuts, so the three cannot drift apart. [`Request`] is what
//! panels send to the apply point (`apply/`), the one place that acts on them.

use super::analysis_view::AnalysisRequest;
use super::edit::Edit;
use super::steps::StepRequest;
use crate::export::Export;
use crate::model::{Id, Position, Sign};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// Declares [`Command`] and [`Command::ALL`] from one list, so the list cannot miss a variant (what
/// strum's `EnumIter` derives; `Export` stands for one command per file of the Export menu, in the
/// menu's order, which a derive could not list).
macro_rules! commands {
    ($($(#[$doc:meta])* $name:ident $(($kind:ident))?,)*) => {
        /// A named action with a menu label and shortcuts.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Command {
            $($(#[$doc])* $name $(($kind))?,)*
        }

        impl Command {
            /// Every command once, in the order of the menus and of Help › Keyboard shortcuts.
            pub const ALL: &'static [Command] = &{
                const N: usize = 0 $(+ commands!(@count $name $(($kind))?))*;
                let mut all = [Command::New; N];
                let mut n = 0;
                $(commands!(@put all n $name $(($kind))?);)*
                assert!(n == N);
                all
            };
        }
    };
    (@count Export (Export)) => { Export::MENU.len() };
    (@count $name:ident) => { 1 };
    (@put $all:ident $n:ident Export (Export)) => {
        let mut k = 0;
        while k < Export::MENU.len() {
            $all[$n] = Command::Export(Export::MENU[k]);
            $n += 1;
            k += 1;
        }
    };
    (@put $all:ident $n:ident $name:ident) => {
        $all[$n] = Command::$name;
        $n += 1;
    };
}

commands! {
    New,
    Open,
    Save,
    SaveAs,
    /// A map from a spreadsheet (.xlsx, .ods, .csv), as a new unsaved document.
    Import,
    /// Another map merged into this one, its conflicts listed for review.
    Merge,
    /// One of the Export menu's files (the core's list, [`Export::MENU`]).
    Export(Export),
    Quit,
    Undo,
    Redo,
    Cut,
    Copy,
    Paste,
    /// The same paste, named so that a facilitator finds in the menu that copied lines of text
    /// become determinants (a copied map fragment still pastes as itself).
    PasteLines,
    Duplicate,
    Delete,
    SelectAll,
    Find,
    Rename,
    FlipSign,
    AddDeterminant,
    AddStage,
    Escape,
    ZoomToFit,
    ZoomIn,
    ZoomOut,
    FlowLayout,
    ForceLayout,
    /// What differs from another map, listed beside the canvas and marked on it.
    Compare,
    ToggleAnalysis,
    ToggleLegend,
    /// A plain drag on empty canvas selects by a box instead of panning (Space+drag pans).
    ToggleDragSelects,
    ToggleTheme,
    TogglePresentation,
    ToggleFullscreen,
    /// The steps panel: the presentation's steps, made from the view, renamed, reordered, played.
    ToggleSteps,
    /// The presentation's next step (→, Page Down: what clickers send), in presentation mode.
    NextStep,
    PreviousStep,
    ShowShortcuts,
    About,
}

const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
/// What turns a letter into a command: a letter alone is text (it renames the selected node on
/// the canvas), so a command that changes the map or the window never hangs on a bare letter.
const ALT: Modifiers = Modifiers::ALT;

impl Command {
    /// The command's name in the current language, as menus and Help › Keyboard shortcuts show it.
    pub fn label(self) -> String {
        match self {
            Command::New => crate::tr!("command-new"),
            Command::Open => crate::tr!("command-open"),
            Command::Save => crate::tr!("command-save"),
            Command::SaveAs => crate::tr!("command-save-as"),
            Command::Import => crate::tr!("command-import"),
            Command::Merge => crate::tr!("command-merge"),
            Command::Compare => crate::tr!("command-compare"),
            Command::Export(e) => e.menu_label(),
            Command::Quit => crate::tr!("command-quit"),
            Command::Undo => crate::tr!("command-undo"),
            Command::Redo => crate::tr!("command-redo"),
            Command::Cut => crate::tr!("command-cut"),
            Command::Copy => crate::tr!("command-copy"),
            Command::Paste => crate::tr!("command-paste"),
            Command::PasteLines => crate::tr!("command-paste-lines"),
            Command::Duplicate => crate::tr!("command-duplicate"),
            Command::Delete => crate::tr!("command-delete"),
            Command::SelectAll => crate::tr!("command-select-all"),
            Command::Find => crate::tr!("command-find"),
            Command::Rename => crate::tr!("command-rename"),
            Command::FlipSign => crate::tr!("command-flip-sign"),
            Command::AddDeterminant => crate::tr!("command-add-determinant"),
            Command::AddStage => crate::tr!("command-add-stage"),
            Command::Escape => crate::tr!("command-escape"),
            Command::ZoomToFit => crate::tr!("command-zoom-to-fit"),
            Command::ZoomIn => crate::tr!("command-zoom-in"),
            Command::ZoomOut => crate::tr!("command-zoom-out"),
            Command::FlowLayout => crate::tr!("command-flow-layout"),
            Command::ForceLayout => crate::tr!("command-force-layout"),
            Command::ToggleAnalysis => crate::tr!("command-toggle-analysis"),
            Command::ToggleLegend => crate::tr!("command-toggle-legend"),
            Command::ToggleDragSelects => crate::tr!("command-toggle-drag-selects"),
            Command::ToggleTheme => crate::tr!("command-toggle-theme"),
            Command::TogglePresentation => crate::tr!("command-toggle-presentation"),
            Command::ToggleFullscreen => crate::tr!("command-toggle-fullscreen"),
            Command::ToggleSteps => crate::tr!("command-toggle-steps"),
            Command::NextStep => crate::tr!("command-next-step"),
            Command::PreviousStep => crate::tr!("command-previous-step"),
            Command::ShowShortcuts => crate::tr!("command-show-shortcuts"),
            Command::About => crate::tr!("command-about"),
        }
    }

    /// Shortcuts, the one shown in menus first.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const fn one(s: KeyboardShortcut) -> [KeyboardShortcut; 1] {
            [s]
        }
        match self {
            Command::New => &const { one(key(CMD, Key::N)) },
            Command::Open => &const { one(key(CMD, Key::O)) },
            Command::Save => &const { one(key(CMD, Key::S)) },
            Command::SaveAs => &const { one(key(CMD_SHIFT, Key::S)) },
            Command::Quit => &const { one(key(CMD, Key::Q)) },
            Command::Undo => &const { one(key(CMD, Key::Z)) },
            Command::Redo => &const { [key(CMD, Key::Y), key(CMD_SHIFT, Key::Z)] },
            // Cut, copy and paste arrive as clipboard events from the platform layer, not as keys.
            Command::Cut => &const { one(key(CMD, Key::X)) },
            Command::Copy => &const { one(key(CMD, Key::C)) },
            Command::Paste => &const { one(key(CMD, Key::V)) },
            Command::Duplicate => &const { one(key(CMD, Key::D)) },
            Command::Delete => &const { [key(NONE, Key::Delete), key(NONE, Key::Backspace)] },
            Command::SelectAll => &const { one(key(CMD, Key::A)) },
            Command::Find => &const { one(key(CMD, Key::F)) },
            Command::Rename => &const { one(key(NONE, Key::F2)) },
            Command::FlipSign => &const { one(key(ALT, Key::X)) },
            Command::AddDeterminant => &const { one(key(ALT, Key::D)) },
            Command::AddStage => &const { one(key(ALT, Key::S)) },
            Command::Escape => &const { one(key(NONE, Key::Escape)) },
            Command::ZoomToFit => &const { one(key(CMD, Key::Num0)) },
            Command::ZoomIn => &const { [key(CMD, Key::Plus), key(CMD, Key::Equals)] },
            Command::ZoomOut => &const { one(key(CMD, Key::Minus)) },
            Command::ToggleLegend => &const { one(key(ALT, Key::L)) },
            Command::ToggleAnalysis => &const { one(key(ALT, Key::A)) },
            Command::TogglePresentation => &const { one(key(NONE, Key::F5)) },
            Command::ToggleFullscreen => &const { one(key(NONE, Key::F11)) },
            Command::ToggleSteps => &const { one(key(ALT, Key::P)) },
            Command::NextStep => &const { [key(NONE, Key::ArrowRight), key(NONE, Key::PageDown)] },
            Command::PreviousStep => &const { [key(NONE, Key::ArrowLeft), key(NONE, Key::PageUp)] },
            Command::ShowShortcuts => &const { one(key(NONE, Key::F1)) },
            Command::Export(_)
            | Command::Import
            | Command::Merge
            | Command::Compare
            | Command::PasteLines
            | Command::FlowLayout
            | Command::ForceLayout
            | Command::ToggleDragSelects
            | Command::ToggleTheme
            | Command::About => &[],
        }
    }

    /// Whether the shortcut means something else while typing in a text field (a plain key such as
    /// Delete or Backspace, an Alt+letter that types a character on some keyboards, or Ctrl+A);
    /// those only act when no text field has the keyboard.
    pub fn yields_to_text(self) -> bool {
        self.shortcuts()
            .iter()
            .any(|s| !(s.modifiers.command || s.modifiers.ctrl))
            || self == Command::SelectAll
    }

    /// Cut, copy and paste reach the app as clipboard events, not as key presses.
    pub fn is_clipboard(self) -> bool {
        matches!(self, Command::Cut | Command::Copy | Command::Paste)
    }

    /// What Help › Keyboard shortcuts and the menus show, e.g. "Ctrl+Shift+S" ("Ctrl+Mayús+S").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        let is_mac = ctx.os().is_mac();
        // "Delete or Backspace": each language says its own "or".
        self.shortcuts()
            .iter()
            .map(|s| shortcut_in(s, is_mac, crate::i18n::language()))
            .reduce(|first, second| crate::tr!("shortcut-either", first = first, second = second))
    }

    /// The commands whose shortcut was pressed this frame, consumed so no widget also reacts.
    /// Longer chords are tried first, so Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub fn pressed(ctx: &egui::Context) -> Vec<Command> {
        let text_focus = ctx.text_edit_focused();
        let mut chords: Vec<(Command, KeyboardShortcut)> = Command::ALL
            .iter()
            .filter(|c| !(c.is_clipboard() || text_focus && c.yields_to_text()))
            .flat_map(|&c| c.shortcuts().iter().map(move |&s| (c, s)))
            .collect();
        chords.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut pressed = Vec::new();
        ctx.input_mut(|i| {
            for (c, s) in chords {
                if i.consume_shortcut(&s) && !pressed.contains(&c) {
                    pressed.push(c);
                }
            }
        });
        pressed
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    m.alt as u8 + m.shift as u8 + (m.command || m.ctrl) as u8
}

/// Who asked for a dialog, so its answer goes to the right place.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    Open,
    /// Save as; then carry on with what the user was doing when asked to save first.
    SaveAs(Option<Proceed>),
    /// Where to write an export.
    Export(Export),
    /// The spreadsheet to import.
    Import,
    /// The map to merge into this one.
    Merge,
    /// The map to compare this one with.
    Compare,
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Debug, Clone, PartialEq)]
pub enum Proceed {
    New,
    OpenDialog,
    OpenPath(PathBuf),
    OpenSample(&'static str),
    Quit,
    /// Ask which spreadsheet to import (it replaces the document, as Open does).
    ImportDialog,
}

/// The selection, as a panel wants it changed.
#[derive(Debug, Clone, PartialEq)]
pub enum Select {
    /// Exactly these items.
    Only(Vec<Id>),
    /// These items added (shift-click, shift-box).
    Add(Vec<Id>),
    /// One item in or out.
    Toggle(Id),
    None,
}

/// A message to the apply point (`apply/`): from a panel, a shortcut, the platform or a dialog.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Run(Command),
    /// Change the document. `merge` groups a run of edits (typing in one field) into one undo step.
    Edit {
        edit: Edit,
        merge: Option<String>,
    },
    Select(Select),
    /// A new determinant at this map position, selected, with its label open for typing.
    AddDeterminantAt(Position),
    AddInfluence {
        from: Id,
        to: Id,
        sign: Sign,
    },
    /// Select an item and bring it to the middle of the canvas (from the outline).
    Reveal(Id),
    Rename(Option<Id>),
    Proceed(Proceed),
    /// Text from the clipboard (the platform's paste event).
    PasteText(String),
    /// Answer to "save changes first?".
    Confirm(Choice),
    /// Answer to "the file changed on disk".
    Conflict(ConflictChoice),
    /// A file dialog's answer: the path chosen, or `None` when it was cancelled (or none could be
    /// shown).
    Answered {
        purpose: Purpose,
        path: Option<PathBuf>,
    },
    /// The platform asks to close the window (its close button, the taskbar, the system).
    CloseRequested,
    DismissError,
    Recover(super::recovery::RecoveryChoice),
    /// Forget a recent file (it failed to open, or the user removed it).
    ForgetRecent(PathBuf),
    TogglePanel(PanelKind),
    /// Change what the analysis panel shows (focus, filters, knock-out…); never the map.
    Analysis(AnalysisRequest),
    /// From the steps panel: make, rename, reorder, delete or play the presentation's steps.
    Steps(StepRequest),
    /// Close Help or About.
    CloseWindows,
    /// Show the interface in this language (`None`: the system's), and remember it.
    Language(Option<crate::i18n::Language>),
    /// Keep this value of the merge review's conflict (by their places in the review list).
    KeepMergeValue {
        conflict: usize,
        value: usize,
    },
    /// Close the merge review list (the merged map stays).
    CloseMergeReview,
    /// Close the comparison (its list and its marks on the canvas).
    CloseComparison,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanelKind {
    Outline,
    Inspector,
}

/// What to do with a save to a file someone else changed since this window read or wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Write this map over the file; what the window did not write (the other changes, comments
    /// written by hand) is lost.
    Overwrite,
    /// Keep both: this map goes to another file.
    SaveAs,
    /// Open the file as it is now; this window's unsaved changes are discarded.
    Reload,
    Cancel,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Save,
    Discard,
    Cancel,
}

/// The queue of requests of one frame. Panels push while drawing; the next frame's `logic` drains it.
#[derive(Default)]
pub struct Requests(Vec<Request>);

impl Requests {
    pub fn send(&mut self, r: Request) {
        self.0.push(r);
    }
    pub fn run(&mut self, c: Command) {
        self.0.push(Request::Run(c));
    }
    pub fn edit(&mut self, edit: Edit) {
        self.0.push(Request::Edit { edit, merge: None });
    }
    /// An edit that merges with the previous one of the same key (a field being typed into).
    pub fn edit_merging(&mut self, edit: Edit, key: String) {
        self.0.push(Request::Edit { edit, merge: Some(key) });
    }
    pub fn analysis(&mut self, r: AnalysisRequest) {
        self.0.push(Request::Analysis(r));
    }
    pub fn take(&mut self) -> Vec<Request> {
        std::mem::take(&mut self.0)
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_is_listed_once_and_no_two_share_a_shortcut() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            assert!(seen.insert(*c), "{c:?} listed twice");
        }
        for e in Export::MENU {
            assert!(seen.contains(&Command::Export(e)), "{e:?} is in the Export menu");
        }
        assert_eq!(
            (Command::ALL[0], Command::ALL.last()),
            (Command::New, Some(&Command::About))
        );
        let mut chords = std::collections::HashMap::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                if let Some(other) = chords.insert(
                    (s.modifiers.command, s.modifiers.shift, s.modifiers.alt, s.logical_key),
                    c,
                ) {
                    panic!("{c:?} and {other:?} share a shortcut");
                }
            }
        }
    }
}

/// A key as a language names it, for the keys egui names in English ("Delete", "PageDown"); a
/// letter, digit or function key is the same in every language.
fn key_message(key: Key) -> Option<crate::i18n::Message> {
    let id = match key {
        Key::ArrowLeft => "key-left",
        Key::ArrowRight => "key-right",
        Key::Backspace => "key-backspace",
        Key::Delete => "key-delete",
        Key::Equals => "key-equals",
        Key::Escape => "key-escape",
        Key::Minus => "key-minus",
        Key::PageDown => "key-page-down",
        Key::PageUp => "key-page-up",
        Key::Plus => "key-plus",
        _ => return None,
    };
    Some(crate::i18n::Message::new(id))
}

/// A shortcut in `language`: the modifiers in egui's order (Ctrl, Alt, Shift; on a Mac Ctrl,
/// Shift, Option, Cmd) and the language's names for Shift and for the keys egui names in English.
pub fn shortcut_in(shortcut: &KeyboardShortcut, is_mac: bool, language: crate::i18n::Language) -> String {
    let shift = crate::i18n::Message::new("key-shift").text_in(language);
    let names = egui::ModifierNames {
        shift: &shift,
        ..egui::ModifierNames::NAMES
    };
    let mut text = names.format(&shortcut.modifiers, is_mac);
    if !text.is_empty() {
        text += names.concat;
    }
    match key_message(shortcut.logical_key) {
        Some(m) => text += &m.text_in(language),
        None => text += shortcut.logical_key.name(),
    }
    text
}

#[cfg(test)]
mod shortcut_tests {
    use super::*;
    use crate::i18n::Language;

    /// In English every shortcut reads as egui writes it; in Spanish Shift and the named keys are
    /// Spanish, and every key the commands use has its words in every language.
    #[test]
    fn shortcuts_read_as_egui_writes_them_in_english_and_in_spanish_words() {
        for command in Command::ALL {
            for s in command.shortcuts() {
                for is_mac in [false, true] {
                    let english = shortcut_in(s, is_mac, Language::English);
                    assert_eq!(english, s.format(&egui::ModifierNames::NAMES, is_mac));
                    if let Some(m) = key_message(s.logical_key) {
                        assert_eq!(m.text_in(Language::English), s.logical_key.name());
                        for language in Language::ALL {
                            assert!(!m.text_in(language).is_empty());
                        }
                    }
                }
            }
        }
        let save_as = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        assert_eq!(shortcut_in(&save_as, false, Language::Spanish), "Ctrl+Mayús+S");
        let delete = KeyboardShortcut::new(Modifiers::NONE, Key::Delete);
        assert_eq!(shortcut_in(&delete, false, Language::Spanish), "Supr");
    }
}
