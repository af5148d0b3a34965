//! [`DetmapApp`]: the eframe app around the model: the panels, the file dialogs, the queue of
//! requests and the clock. Its `logic` and `ui` are in `logic.rs` and `ui.rs`.

use super::AppModel;
use super::clock::Clock;
use crate::app::commands::Requests;
use crate::app::dialogs::{Dialogs, SystemDialogs};
use crate::app::persistence::Prefs;
use crate::app::recovery::Recovery;
use crate::app::state::AppState;
use crate::app::ui::Panels;
use crate::model::Id;
use std::path::PathBuf;

pub struct DetmapApp {
    pub(super) model: AppModel,
    pub(super) panels: Panels,
    pub(super) dialogs: Box<dyn Dialogs>,
    /// What the panels asked for while drawing; `logic` applies it at the start of the next frame.
    pub(super) requests: Requests,
    pub(super) clock: Clock,
    /// The window was checked against the screen it opened on (`screen.rs`).
    pub(super) fitted_to_screen: bool,
    /// No preferences were saved before: the panels' defaults may still suit the screen.
    pub(super) first_start: bool,
}

impl DetmapApp {
    /// The window's app: the system's file dialogs (or the window's own chooser where there are
    /// none, see `dialogs/system.rs`), preferences from eframe's storage, autosave in the
    /// platform's data folder. With no file, the start screen shows the samples and recent files.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        crate::app::fonts::install(&cc.egui_ctx);
        let prefs = Prefs::load(cc.storage);
        let mut app = Self::with_dialogs(&cc.egui_ctx, prefs, file, Box::new(SystemDialogs::from_environment()));
        app.first_start = !Prefs::stored(cc.storage);
        app.model = app.model.with_platform_recovery();
        app
    }

    /// The app with the given dialogs and preferences (tests pass scripted dialogs).
    pub fn with_dialogs(ctx: &egui::Context, prefs: Prefs, file: Option<PathBuf>, dialogs: Box<dyn Dialogs>) -> Self {
        crate::app::fonts::set_sizes(ctx);
        crate::i18n::set_language(prefs.language.unwrap_or_else(crate::i18n::Language::from_system));
        // The user's choice, else the system's; where the system says nothing, light: a dark
        // canvas projects poorly (dim lines, low contrast on a wall).
        let dark = prefs
            .dark
            .unwrap_or_else(|| ctx.system_theme().is_some_and(|t| t == egui::Theme::Dark));
        ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
        DetmapApp {
            model: AppModel::new(prefs, dark, file),
            panels: Panels::default(),
            dialogs,
            requests: Requests::default(),
            clock: Clock::default(),
            fitted_to_screen: false,
            first_start: false,
        }
    }

    /// Turns autosave on with `recovery`, and offers the newest copy a previous window left.
    pub fn with_recovery(mut self, recovery: Recovery) -> Self {
        self.model = self.model.with_recovery(recovery);
        self
    }

    /// Replaces the wall clock `logic` counts time with while the window is hidden (seconds, any
    /// origin): tests pass a clock they move by hand.
    pub fn with_wall_clock(mut self, wall: impl FnMut() -> f64 + 'static) -> Self {
        self.clock = Clock::new(Box::new(wall));
        self
    }

    pub fn state(&self) -> &AppState {
        self.model.state()
    }

    /// The window title as last set.
    pub fn title(&self) -> &str {
        self.model.title()
    }

    /// Where a stage or determinant was drawn in the last frame, in screen points: lets a test
    /// (or an accessibility layer) point at it as a user would.
    pub fn node_screen_rect(&self, id: &Id) -> Option<egui::Rect> {
        self.panels.canvas.screen_rect_of(id)
    }

    /// The canvas zoom: screen points per map unit.
    pub fn canvas_zoom(&self) -> f32 {
        self.panels.canvas.camera.zoom
    }

    /// The canvas area in the last frame, in screen points.
    pub fn canvas_rect(&self) -> egui::Rect {
        self.panels.canvas.viewport()
    }
}

const ICON: &[u8] = include_bytes!("../../../assets/icon.png");

/// Opens the window on `file`, or on the start screen when there is none, and runs until it closes.
pub fn run(file: Option<PathBuf>) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Determinant Mapper")
        .with_app_id("detmap")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 420.0])
        .with_drag_and_drop(true);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON) {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "Determinant Mapper",
        options,
        Box::new(move |cc| Ok(Box::new(DetmapApp::new(cc, file)))),
    )
}
