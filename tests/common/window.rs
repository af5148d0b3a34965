//! The real window, headless (egui_kittest), with scripted file dialogs and default preferences.

use detmap::app::DetmapApp;
use detmap::app::dialogs::ScriptedDialogs;
use detmap::app::persistence::Prefs;
use egui::{Event, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use std::path::Path;

/// The window on `file` at 1400×900, run until it settles.
pub fn window(dialogs: &ScriptedDialogs, file: &Path) -> Harness<'static, DetmapApp> {
    let dialogs = dialogs.clone();
    let file = file.to_owned();
    let mut h = Harness::builder()
        .with_size(vec2(1400.0, 900.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DetmapApp::with_dialogs(&cc.egui_ctx, Prefs::default(), Some(file), Box::new(dialogs)));
    h.run();
    h
}

/// A plain click at `pos` (screen points), as a hand makes it: the pointer there, pressed and let
/// go; then the window runs until it settles.
pub fn click(h: &mut Harness<'_, DetmapApp>, pos: Pos2) {
    h.event(Event::PointerMoved(pos));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// The primary button pressed or let go at `pos`, with `modifiers`.
pub fn press(h: &Harness<'_, DetmapApp>, pos: Pos2, pressed: bool, modifiers: Modifiers) {
    h.event(Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers,
    });
}

/// A drag in small steps, as a hand makes it, with `modifiers` held throughout.
pub fn drag(h: &mut Harness<'_, DetmapApp>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.event(Event::PointerMoved(from));
    press(h, from, true, modifiers);
    h.step();
    for i in 1..=10 {
        h.event(Event::PointerMoved(from + (to - from) * (i as f32 / 10.0)));
        h.step();
    }
    press(h, to, false, modifiers);
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}
