//! The map canvas: draws the document and turns pointer gestures into requests.
//!
//! Gestures (a drag is decided when it starts, from where it started and the modifiers held):
//! - on empty canvas: pan, or a selection box when View › Drag on the canvas selects is on (the
//!   toolbar's Pan / Select); with Shift or Ctrl always a box (Shift adds to the selection), with
//!   Space held always a pan;
//! - on a node: move it, with the rest of the selection if it is selected;
//! - on the link handle of a determinant (the dot on its right edge), or with Ctrl on a
//!   determinant: a new influence, with a rubber band to the pointer;
//! - middle button anywhere: pan. Wheel or pinch: zoom around the pointer.
//!
//! While the analysis panel is open, a plain click on a stage or determinant also puts it in the
//! analysis focus (its feeders, or the stages it feeds, stand out and the rest fades); a click on
//! empty canvas clears the focus.
//!
//! Nothing here changes the document: a move is drawn as a preview and sent as one `Move` edit
//! when the drag ends, so a drag is one undo step.

mod batch;
pub mod camera;
mod draw;
pub mod geometry;
mod ghosts;
mod legend;
mod overview;
mod places;
#[cfg(test)]
mod screen_equals_paper;
pub mod style;

use super::super::analysis_view::{AnalysisRequest, Focus};
use super::super::commands::{Request, Requests, Select};
use super::super::edit::Edit;
use super::super::state::AppState;
use crate::model::{Id, Map, Node, Position, Sign};
use camera::Camera;
use egui::{Color32, CursorIcon, PointerButton, Pos2, Rect, Sense, Stroke, Ui, Vec2, vec2};
use geometry::{Geometry, NodeKind};
use std::collections::HashSet;

/// A drag in progress.
#[derive(Debug, Clone)]
enum Gesture {
    Pan,
    Move { ids: HashSet<Id>, delta: Vec2 },
    Link { from: Id, sign: Sign, pointer: Pos2 },
    Box { start: Pos2, end: Pos2, additive: bool },
}

/// How a view was framed, to frame it again when the canvas changes size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Framing {
    /// As a map opens: whole if it reads at that size, else readable with the stages in view.
    FirstView,
    /// The whole map (Fit).
    Whole,
    /// Some stages and determinants (`Canvas::items`): what a presentation step shows.
    Items,
}

/// How long the view takes to move to a step's framing: long enough for the room to follow
/// where it goes, short enough not to wait for.
const GLIDE_SECONDS: f64 = 0.35;

/// The view moving from one camera to another, started at `start` (egui's input time).
#[derive(Debug, Clone, Copy)]
struct Glide {
    from: Camera,
    to: Camera,
    start: f64,
}

impl Glide {
    /// The camera `t` seconds in, and whether it has arrived. The centre of the view moves
    /// straight and the zoom changes by the same factor each moment, so the map neither swerves
    /// nor rushes at the end of a zoom; eased in and out.
    fn at(&self, viewport: Rect, now: f64) -> (Camera, bool) {
        let t = ((now - self.start) / GLIDE_SECONDS).clamp(0.0, 1.0) as f32;
        if t >= 1.0 {
            return (self.to, true);
        }
        let e = t * t * (3.0 - 2.0 * t);
        let centre = |c: Camera| c.to_map(viewport, viewport.center());
        let (a, b) = (centre(self.from), centre(self.to));
        let zoom = (self.from.zoom.ln() + (self.to.zoom.ln() - self.from.zoom.ln()) * e).exp();
        let c = a + (b - a) * e;
        let camera = Camera {
            offset: viewport.size() / 2.0 - c.to_vec2() * zoom,
            zoom,
        };
        (camera, false)
    }
}

/// Canvas state that lives only while the window is open.
pub struct Canvas {
    pub camera: Camera,
    pub geometry: Geometry,
    /// Frames left in which to frame the map anew: set when a document arrives or Fit is asked.
    /// Two, because panels settle their sizes over the first frames of a window.
    fit_frames: u8,
    /// How the view is framed while the user has not moved it: kept when the canvas changes size
    /// (the window maximised, a panel opened), so the map stays framed the same way. `None` once
    /// the user pans, zooms or goes to a node.
    framing: Option<Framing>,
    /// The height the legend's strip took in the last frame.
    dock_height: f32,
    /// What `Framing::Items` frames.
    items: Vec<Id>,
    /// The next framing glides there instead of jumping (a step played).
    glide_next: bool,
    /// The view on its way to a step's framing; the canvas repaints only while it moves.
    glide: Option<Glide>,
    /// A view to go back to (the editor's, while presentation mode shows its own).
    saved_view: Option<(Camera, Option<Framing>)>,
    /// The canvas rectangle of the last frame, for commands that act on the view.
    viewport: Rect,
    gesture: Option<Gesture>,
    /// What the step on screen hides (reveal), by node and by influence: not drawn, so neither
    /// hovered, clicked nor dragged. Empty when no step is played.
    hidden: Hidden,
    /// Where a step that gathers what it is about draws the nodes.
    places: places::Places,
    hovered: Option<Id>,
    /// The node whose in-place label editor already took the keyboard.
    rename_focused: Option<Id>,
    /// The label editor was opened by typing on the canvas: it continues the typed text (cursor
    /// after it) instead of selecting the whole label.
    rename_typed: bool,
    /// A drag was abandoned (Escape) while the button is still held: no new gesture starts until
    /// it is released, even if egui reports the drag as starting again.
    abandoned: bool,
    /// When and where the last single click was, to recognise the second click of a double-click.
    last_click: Option<(f64, Pos2)>,
}

impl Default for Canvas {
    fn default() -> Self {
        Canvas {
            camera: Camera::default(),
            geometry: Geometry::default(),
            fit_frames: 2,
            framing: Some(Framing::FirstView),
            dock_height: 0.0,
            items: Vec::new(),
            glide_next: false,
            glide: None,
            saved_view: None,
            viewport: Rect::from_min_size(Pos2::ZERO, vec2(800.0, 600.0)),
            gesture: None,
            hidden: Hidden::default(),
            places: places::Places::default(),
            hovered: None,
            rename_focused: None,
            rename_typed: false,
            last_click: None,
            abandoned: false,
        }
    }
}

/// The padding around the legend's strip.
const DOCK_MARGIN: f32 = 6.0;

/// How much thicker lines are in presentation mode. Labels keep their size relative to their
/// boxes, since a bigger label would grow its box into its neighbours on a dense map.
pub fn stroke_scale(presentation: bool) -> f32 {
    if presentation { 1.7 } else { 1.0 }
}

impl Canvas {
    /// Forget the view of the previous document.
    pub fn reset(&mut self) {
        self.geometry.invalidate();
        // The geometry is built again from the map: no box is where a step put it.
        self.places = places::Places::default();
        self.fit_frames = 2;
        self.framing = Some(Framing::FirstView);
        self.gesture = None;
        self.hovered = None;
        self.rename_focused = None;
    }

    /// Fits the whole map to the canvas over the next frames, once the layout has settled.
    pub fn fit_soon(&mut self) {
        self.fit_frames = 2;
        self.framing = Some(Framing::Whole);
    }

    /// Frames the whole map in the canvas (what the toolbar, legend and panels leave of the
    /// window), and keeps it framed as the window changes size until the user moves the view.
    pub fn fit(&mut self) {
        self.framing = Some(Framing::Whole);
        self.frame();
    }

    /// Frames stages and determinants (a presentation step's) over the next frames, gliding
    /// there from the view on screen: as large as they fit, so their labels are at least 12
    /// points when they fit at that size (below it the canvas draws labels at 12 points shortened
    /// to their boxes); the whole map when none of them is drawn.
    pub fn frame_items(&mut self, ids: Vec<Id>) {
        self.items = ids;
        self.framing = Some(Framing::Items);
        self.fit_frames = 2;
        self.glide_next = true;
    }

    fn frame(&mut self) {
        self.glide = None;
        if let Some(camera) = self.framed() {
            self.camera = camera;
        }
    }

    /// Frames the view again as `framing` says: gliding when a step asked for it (and on to the
    /// new target when the canvas settles while it glides), else at once.
    fn reframe(&mut self, now: f64) {
        let Some(to) = self.framed() else { return };
        match &mut self.glide {
            Some(glide) => glide.to = to,
            None if self.glide_next => {
                self.glide = Some(Glide {
                    from: self.camera,
                    to,
                    start: now,
                })
            }
            None => self.camera = to,
        }
        self.glide_next = false;
    }

    /// The camera that frames the view as `framing` says.
    fn framed(&self) -> Option<Camera> {
        let bounds = self.geometry.bounds()?;
        Some(match self.framing {
            Some(Framing::FirstView) => Camera::first_view(self.viewport, bounds, self.geometry.stage_bounds()),
            Some(Framing::Items) => {
                let items = self
                    .items
                    .iter()
                    .filter_map(|id| self.geometry.get(id))
                    .map(|g| g.rect)
                    .reduce(Rect::union);
                Camera::fit(self.viewport, items.unwrap_or(bounds))
            }
            Some(Framing::Whole) | None => Camera::fit(self.viewport, bounds),
        })
    }

    /// Moves a gliding view on; asks for the next frame only while it moves.
    fn glide_on(&mut self, ui: &Ui) {
        let Some(glide) = self.glide else { return };
        let (camera, arrived) = glide.at(self.viewport, ui.input(|i| i.time));
        self.camera = camera;
        if arrived {
            self.glide = None;
        } else {
            ui.ctx().request_repaint();
        }
    }

    pub fn save_view(&mut self) {
        self.glide = None;
        self.saved_view = Some((self.camera, self.framing));
    }

    /// Goes back to the saved view; a view that followed the window frames the map again.
    pub fn restore_view(&mut self) {
        if let Some((camera, framing)) = self.saved_view.take() {
            self.glide = None;
            self.glide_next = false;
            self.camera = camera;
            self.framing = framing;
            self.fit_frames = if framing.is_some() { 2 } else { 0 };
        }
    }

    pub fn zoom_by(&mut self, factor: f32) {
        let centre = self.viewport.center();
        self.camera.zoom_around(self.viewport, centre, factor);
        self.framing = None;
        self.glide = None;
    }

    /// Brings a node into view: the view moves (centred on it) only when the node is not
    /// already wholly on screen, so clicking through the outline does not jump about.
    pub fn centre_on(&mut self, id: &Id) {
        if let Some(g) = self.geometry.get(id) {
            let on_screen = self.camera.rect_to_screen(self.viewport, g.rect);
            if self.viewport.shrink(8.0).contains_rect(on_screen) {
                return;
            }
            let c = g.rect.center();
            self.camera.centre_on(self.viewport, c);
            self.framing = None;
            self.glide = None;
        }
    }

    /// Moves the view as little as needed to show `rect` (map units) with a margin; nothing moves
    /// when it is in view already (a node added next to the selection keeps the user's view).
    pub fn show(&mut self, rect: Rect) {
        let area = self.viewport.shrink(40.0);
        let r = self.camera.rect_to_screen(self.viewport, rect);
        let shift = |lo: f32, hi: f32, min: f32, max: f32| {
            if hi - lo > max - min {
                (min + max - lo - hi) / 2.0
            } else {
                (min - lo).max(0.0) + (max - hi).min(0.0)
            }
        };
        let by = vec2(
            shift(r.min.x, r.max.x, area.min.x, area.max.x),
            shift(r.min.y, r.max.y, area.min.y, area.max.y),
        );
        if by != Vec2::ZERO {
            self.camera.offset += by;
            // Moved for the user: a resize no longer refits over it.
            self.framing = None;
            self.glide = None;
        }
    }

    pub fn viewport(&self) -> Rect {
        self.viewport
    }

    pub fn screen_rect_of(&self, id: &Id) -> Option<Rect> {
        self.geometry
            .get(id)
            .map(|g| self.camera.rect_to_screen(self.viewport, g.rect))
    }

    /// The map point in the middle of the canvas: where keyboard-added items go.
    pub fn centre_of_view(&self) -> Position {
        let p = self.camera.to_map(self.viewport, self.viewport.center());
        Position::new(p.x.round(), p.y.round())
    }

    /// Flips the sign of the influence being drawn; false when none is.
    pub fn flip_pending_link(&mut self) -> bool {
        match &mut self.gesture {
            Some(Gesture::Link { sign, .. }) => {
                *sign = sign.flipped();
                true
            }
            _ => false,
        }
    }

    /// Abandons the drag in progress; false when there is none.
    pub fn cancel_gesture(&mut self) -> bool {
        // A drag egui already ended on this Escape counts as cancelled too.
        let cancelled = self.gesture.take().is_some() || self.abandoned;
        self.abandoned |= cancelled;
        cancelled
    }

    /// The canvas and, docked under it, the legend and the overview: nothing covers the map, and
    /// the canvas (what Fit frames the map in) is what the toolbar, the dock and the panels leave.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        if state.prefs.show_legend {
            // While a step plays, the legend lists what the step shows, as its slide does.
            let step_legend = state
                .step_view
                .as_ref()
                .filter(|_| state.step_fills_screen)
                .map(|v| Map {
                    categories: v.shown_categories(&state.doc.map),
                    ..Map::default()
                });
            let legend_map = step_legend.as_ref().unwrap_or(&state.doc.map);
            // As tall as its content, up to a third of the canvas's height (then it scrolls).
            let cap = (ui.available_height() * 0.3).max(overview::SIZE.y);
            let palette = style::Palette::for_theme(state.dark);
            let stroke_scale = stroke_scale(state.presentation);
            // The strip is as tall as the legend wrapped to the window's width, up to `cap`
            // (then the legend scrolls), and at least the overview's height. The content's
            // height is known after it is laid out: when it changes, the next frame (asked for
            // here) sizes the strip and lays the canvas out beside it.
            // Before the content was measured, as tall as allowed: it then only shrinks, without
            // a scroll bar appearing for a frame.
            let height = if self.dock_height > 0.0 {
                self.dock_height.clamp(overview::SIZE.y, cap)
            } else {
                cap
            };
            let wanted = egui::Panel::bottom("legend dock")
                .resizable(false)
                .exact_size(height + 2.0 * DOCK_MARGIN)
                .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(DOCK_MARGIN))
                .show(ui, |ui| {
                    ui.horizontal_top(|ui| {
                        let room = (ui.available_width() - overview::SIZE.x - 12.0).max(120.0);
                        let legend = ui.allocate_ui(vec2(room, height), |ui| {
                            // The bar always there: shown only when needed, on a narrow canvas (a
                            // side panel more) it came and went each frame as the legend rewrapped.
                            egui::ScrollArea::vertical()
                                .max_height(height)
                                .auto_shrink([false, true])
                                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
                                .show(ui, |ui| {
                                    ui.with_layout(
                                        egui::Layout::left_to_right(egui::Align::Min).with_main_wrap(true),
                                        |ui| legend::ui(ui, &palette, stroke_scale, legend_map, out),
                                    );
                                })
                        });
                        self.overview(ui, &palette);
                        legend.inner.content_size.y
                    })
                    .inner
                })
                .inner;
            if (wanted - self.dock_height).abs() > 0.5 {
                self.dock_height = wanted;
                ui.ctx().request_repaint();
            }
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| self.map_ui(ui, state, out));
    }

    fn map_ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        let (response, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
        let viewport = response.rect;
        let resized = (viewport.size() - self.viewport.size()).length() > 0.5;
        self.viewport = viewport;
        let stroke_scale = stroke_scale(state.presentation);
        let map = &state.doc.map;
        self.geometry.update(map, state.doc.revision);
        let step = state
            .step_view
            .as_ref()
            .filter(|v| v.nodes.len() == self.geometry.nodes.len() && v.links.len() == map.influences.len());
        self.hidden.update(step);
        let now = ui.input(|i| i.time);
        // The boxes where the step puts them, for the framing; then where they are drawn now.
        self.places.aim(map, step, now);
        self.places.place(&mut self.geometry, map, state.doc.revision, None);
        if self.fit_frames > 0 && viewport.width() > 1.0 {
            self.fit_frames -= 1;
            self.reframe(now);
            if self.fit_frames > 0 {
                // The frames a refit waits for must come even if nothing else happens (a panel
                // opened by a key press): one more, then the window is idle again.
                ui.ctx().request_repaint();
            }
        } else if resized && self.framing.is_some() && viewport.width() > 1.0 {
            self.reframe(now);
        }
        self.glide_on(ui);
        if self
            .places
            .place(&mut self.geometry, map, state.doc.revision, Some(now))
        {
            ui.ctx().request_repaint();
        }

        let pointer = response.hover_pos().or(ui.input(|i| i.pointer.latest_pos()));
        let map_pointer = pointer.map(|p| self.camera.to_map(viewport, p));
        self.hovered = match (pointer, map_pointer) {
            (Some(screen), Some(p)) if response.hovered() || self.gesture.is_some() => {
                self.handle_at(screen).or_else(|| self.hit(map, p))
            }
            _ => None,
        };

        self.handle_zoom(ui, &response);
        self.handle_drag(ui, &response, map, state, out);
        self.handle_clicks(ui, &response, map, state.analysis.active(), out);
        self.set_cursor(ui, &response, map);

        let moving = match &self.gesture {
            Some(Gesture::Move { ids, delta }) => Some((ids, *delta)),
            _ => None,
        };
        let scene = draw::Scene {
            painter: &painter,
            viewport,
            camera: self.camera,
            palette: style::Palette::for_theme(state.dark),
            stroke_scale,
            selected: &state.selection.ids,
            hovered: self.hovered.as_ref(),
            moving,
            emphasis: emphasis(state, self.geometry.nodes.len()),
            step,
            step_marks: state.step_fills_screen,
        };
        scene.paint(map, &self.geometry);
        if let Some(c) = &state.comparison {
            scene.paint_ghosts(&c.ghosts, &self.geometry);
        }
        self.paint_handle(&scene, map);
        self.paint_gesture(&scene, map);
        if map.stages.is_empty() && map.determinants.is_empty() {
            painter.text(
                viewport.center(),
                egui::Align2::CENTER_CENTER,
                "Double-click to add a determinant · Alt+S adds a stage",
                egui::FontId::proportional(18.0),
                ui.visuals().weak_text_color(),
            );
        }
        self.type_to_rename(ui, state, out);
        self.rename_ui(ui, state, out);
    }

    /// Letters typed while no text field has the keyboard rename the one selected node, as in
    /// draw.io and Kumu; with no single node selected they do nothing. The typed text becomes the
    /// label and the label editor opens with the cursor after it, to go on typing (`rename_ui`
    /// takes the keyboard before the editor is drawn, so the next frame's letters reach it). The
    /// whole rename is one undo step (merged by key).
    fn type_to_rename(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        if state.presentation || state.renaming.is_some() || ui.ctx().text_edit_focused() {
            return;
        }
        let typed: String = ui.input(|i| {
            if i.modifiers.command || i.modifiers.ctrl || i.modifiers.alt {
                return String::new();
            }
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect()
        });
        if typed.trim().is_empty() {
            return;
        }
        let map = &state.doc.map;
        let Some(id) = state.selection.single().filter(|id| map.node(id).is_some()) else {
            return;
        };
        let Some(edit) = relabelled(map, id, typed) else { return };
        out.edit_merging(edit, format!("label:{id}"));
        out.send(Request::Rename(Some(id.clone())));
        self.rename_typed = true;
    }

    /// What is under a map point: a node, else an influence (not when the map is too small on
    /// screen for a line to be aimed at).
    /// The topmost node drawn under `p` (map units): one a step hides is not there.
    fn node_at(&self, p: Pos2) -> Option<&geometry::NodeGeom> {
        let nodes = &self.geometry.nodes;
        (0..nodes.len())
            .rev()
            .find(|&k| nodes[k].rect.contains(p) && !self.hidden.node(k))
            .map(|k| &nodes[k])
    }

    fn hit(&self, map: &Map, p: Pos2) -> Option<Id> {
        if let Some(n) = self.node_at(p) {
            return Some(n.id.clone());
        }
        if geometry::DET_WIDTH as f32 * self.camera.zoom < 36.0 {
            return None;
        }
        let tolerance = 6.0 / self.camera.zoom;
        let nodes = &self.geometry.nodes;
        self.geometry
            .links
            .iter()
            .enumerate()
            .position(|(k, l)| {
                let Some((a, b)) = *l else { return false };
                if self.hidden.link(k) {
                    return false;
                }
                let Some((s, e)) = draw::link_ends(nodes[a].rect, nodes[b].rect, 0.0) else {
                    return false;
                };
                distance_to_segment(p, s, e) < tolerance
            })
            .and_then(|k| map.influences.get(k))
            .map(|inf| inf.id.clone())
    }

    /// The link handle of a determinant, in screen points: a dot on the middle of its right edge.
    fn handle_rect(&self, id: &Id) -> Option<Rect> {
        self.geometry
            .get(id)
            .filter(|g| g.kind == NodeKind::Determinant)
            .map(|g| self.handle_of(g))
    }

    /// Whether the map is drawn as plain boxes, too small on screen for detail (`draw.rs`).
    fn plain(&self) -> bool {
        geometry::DET_WIDTH * f64::from(self.camera.zoom) < crate::geometry::PLAIN_BELOW_PX
    }

    fn handle_of(&self, g: &geometry::NodeGeom) -> Rect {
        let r = self.camera.rect_to_screen(self.viewport, g.rect);
        Rect::from_center_size(egui::pos2(r.right(), r.center().y), Vec2::splat(16.0))
    }

    fn handle_zoom(&mut self, ui: &Ui, response: &egui::Response) {
        let Some(hover) = response.hover_pos() else { return };
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 400.0).exp();
        if factor != 1.0 {
            self.camera.zoom_around(self.viewport, hover, factor);
            self.framing = None;
            self.glide = None;
        }
    }

    fn handle_drag(&mut self, ui: &Ui, response: &egui::Response, map: &Map, state: &AppState, out: &mut Requests) {
        let (modifiers, any_down, space_held) =
            ui.input(|i| (i.modifiers, i.pointer.any_down(), i.key_down(egui::Key::Space)));
        if self.abandoned {
            self.abandoned = any_down;
            return;
        }
        if response.drag_started() {
            let origin = ui.input(|i| i.pointer.press_origin()).unwrap_or_default();
            let at = self.camera.to_map(self.viewport, origin);
            // Where a step gathers the nodes, they stay where it puts them: a drag pans.
            let node = self.node_at(at).cloned().filter(|_| !self.places.gathered());
            let on_handle = self.handle_at(origin).filter(|_| !self.places.gathered());
            self.gesture = Some(if response.dragged_by(PointerButton::Middle) {
                Gesture::Pan
            } else if let Some(from) = on_handle {
                self.link_from(map, from, origin)
            } else if let Some(node) = node {
                if modifiers.command && node.kind == NodeKind::Determinant {
                    self.link_from(map, node.id.clone(), origin)
                } else {
                    let mut ids: HashSet<Id> = HashSet::new();
                    if state.selection.contains(&node.id) {
                        ids.extend(state.selection.ids.iter().filter(|id| map.node(id).is_some()).cloned());
                    } else if modifiers.shift {
                        ids.extend(state.selection.ids.iter().filter(|id| map.node(id).is_some()).cloned());
                        ids.insert(node.id.clone());
                        out.send(Request::Select(Select::Add(vec![node.id.clone()])));
                    } else {
                        ids.insert(node.id.clone());
                        out.send(Request::Select(Select::Only(vec![node.id.clone()])));
                    }
                    Gesture::Move { ids, delta: Vec2::ZERO }
                }
            } else if space_held {
                Gesture::Pan
            } else if state.prefs.drag_selects || modifiers.shift || modifiers.command {
                Gesture::Box {
                    start: at,
                    end: at,
                    additive: modifiers.shift,
                }
            } else {
                Gesture::Pan
            });
        }
        let delta = response.drag_delta();
        let pointer = response.interact_pointer_pos();
        match &mut self.gesture {
            Some(Gesture::Pan) => {
                self.camera.offset += delta;
                if delta != Vec2::ZERO {
                    self.framing = None;
                    self.glide = None;
                }
            }
            Some(Gesture::Move { delta: d, .. }) => *d += delta / self.camera.zoom,
            Some(Gesture::Link { pointer: p, .. }) => {
                if let Some(pointer) = pointer {
                    *p = pointer;
                }
            }
            Some(Gesture::Box { end, .. }) => {
                if let Some(pointer) = pointer {
                    *end = self.camera.to_map(self.viewport, pointer);
                }
            }
            None => {}
        }
        if response.drag_stopped()
            && let Some(gesture) = self.gesture.take()
        {
            if any_down {
                // egui ends a drag on Escape while the button is still held: that is a cancel.
                self.abandoned = true;
            } else {
                self.finish(gesture, map, out);
            }
        }
    }

    fn link_from(&self, map: &Map, from: Id, pointer: Pos2) -> Gesture {
        let sign = match map.node(&from) {
            Some(Node::Determinant(d)) => d.effect.default_sign(),
            _ => Sign::Enables,
        };
        Gesture::Link { from, sign, pointer }
    }

    /// The determinant whose link handle is under `screen`, topmost first. A map drawn as plain
    /// boxes has no handles: each is a fixed 16 points, so on boxes a few points wide they
    /// covered the neighbours, and a press on any box drew a link from another instead of moving it.
    fn handle_at(&self, screen: Pos2) -> Option<Id> {
        if self.plain() {
            return None;
        }
        self.geometry
            .nodes
            .iter()
            .rev()
            .filter(|n| n.kind == NodeKind::Determinant)
            .find(|n| self.handle_of(n).contains(screen))
            .map(|n| n.id.clone())
    }

    fn finish(&mut self, gesture: Gesture, map: &Map, out: &mut Requests) {
        match gesture {
            Gesture::Pan => {}
            Gesture::Move { ids, delta } => {
                if delta.length() < 0.5 {
                    return;
                }
                let moves = self
                    .geometry
                    .nodes
                    .iter()
                    .filter(|n| ids.contains(&n.id))
                    .map(|n| {
                        let c = n.rect.center() + delta;
                        (n.id.clone(), Position::new(c.x.round(), c.y.round()))
                    })
                    .collect();
                out.edit(Edit::Move(moves));
            }
            Gesture::Link { from, sign, pointer } => {
                let at = self.camera.to_map(self.viewport, pointer);
                if let Some(to) = self.node_at(at)
                    && to.id != from
                    && map.determinant(&from).is_some()
                {
                    out.send(Request::AddInfluence {
                        from,
                        to: to.id.clone(),
                        sign,
                    });
                }
            }
            Gesture::Box { start, end, additive } => {
                let area = Rect::from_two_pos(start, end);
                let ids: Vec<Id> = self
                    .geometry
                    .nodes
                    .iter()
                    .enumerate()
                    .filter(|(k, n)| area.intersects(n.rect) && !self.hidden.node(*k))
                    .map(|(_, n)| n.id.clone())
                    .collect();
                out.send(Request::Select(if additive {
                    Select::Add(ids)
                } else {
                    Select::Only(ids)
                }));
            }
        }
    }

    fn handle_clicks(&mut self, ui: &Ui, response: &egui::Response, map: &Map, analysing: bool, out: &mut Requests) {
        if !response.clicked() {
            return;
        }
        let Some(pos) = response.interact_pointer_pos() else {
            return;
        };
        let at = self.camera.to_map(self.viewport, pos);
        let (shift, now) = ui.input(|i| (i.modifiers.shift, i.time));
        let (delay, max_dist) = ui
            .ctx()
            .options(|o| (o.input_options.max_double_click_delay, o.input_options.max_click_dist));
        // Double-clicks are recognised here rather than by egui, which calls a click soon after a
        // double-click a triple-click: a quick click, then a double-click, must still add a node.
        let double = self
            .last_click
            .is_some_and(|(t, p)| now - t < delay && p.distance(pos) < max_dist);
        self.last_click = if double { None } else { Some((now, pos)) };
        if double {
            match self.node_at(at) {
                Some(n) => out.send(Request::Rename(Some(n.id.clone()))),
                None if self.hit(map, at).is_none() => {
                    out.send(Request::AddDeterminantAt(Position::new(at.x.round(), at.y.round())))
                }
                None => {}
            }
            return;
        }
        let hit = self.hit(map, at);
        if analysing && !shift {
            let focus = match &hit {
                Some(id) if map.stage(id).is_some() => Some(Focus::Stage(id.clone())),
                Some(id) if map.determinant(id).is_some() => Some(Focus::Determinant(id.clone())),
                _ => None,
            };
            out.analysis(AnalysisRequest::Focus(focus));
        }
        match hit {
            Some(id) if shift => out.send(Request::Select(Select::Toggle(id))),
            Some(id) => out.send(Request::Select(Select::Only(vec![id]))),
            None if !shift => out.send(Request::Select(Select::None)),
            None => {}
        }
    }

    fn set_cursor(&self, ui: &Ui, response: &egui::Response, map: &Map) {
        let icon = match &self.gesture {
            Some(Gesture::Pan) => CursorIcon::Grabbing,
            Some(Gesture::Move { .. }) => CursorIcon::Grabbing,
            Some(Gesture::Link { .. }) | Some(Gesture::Box { .. }) => CursorIcon::Crosshair,
            None => match response.hover_pos() {
                Some(p) if self.handle_at(p).is_some() => CursorIcon::Crosshair,
                Some(_) if self.hovered.as_ref().is_some_and(|id| map.node(id).is_some()) => CursorIcon::Grab,
                Some(_) if self.hovered.is_some() => CursorIcon::PointingHand,
                _ => return,
            },
        };
        ui.ctx().set_cursor_icon(icon);
    }

    fn paint_handle(&self, scene: &draw::Scene, map: &Map) {
        if self.gesture.is_some() || self.plain() {
            return;
        }
        let Some(id) = self.hovered.as_ref().filter(|id| map.determinant(id).is_some()) else {
            return;
        };
        if let Some(r) = self.handle_rect(id) {
            scene.painter.circle(
                r.center(),
                6.0,
                scene.palette.background,
                Stroke::new(2.0, scene.palette.border),
            );
            scene.painter.circle_filled(r.center(), 2.5, scene.palette.border);
        }
    }

    fn paint_gesture(&self, scene: &draw::Scene, map: &Map) {
        match &self.gesture {
            Some(Gesture::Link { from, sign, pointer }) => {
                let Some(g) = self.geometry.get(from) else { return };
                let from_rect = scene.screen_rect(g);
                let target = self
                    .node_at(self.camera.to_map(self.viewport, *pointer))
                    .filter(|t| t.id != *from);
                let end = match target {
                    Some(t) => {
                        let r = scene.screen_rect(t);
                        scene.painter.rect_stroke(
                            r.expand(4.0),
                            4.0,
                            Stroke::new(3.0, scene.palette.selection),
                            egui::StrokeKind::Outside,
                        );
                        draw::border_point(r, r.center(), from_rect.center() - r.center())
                    }
                    None => *pointer,
                };
                let start = draw::border_point(from_rect, from_rect.center(), end - from_rect.center());
                let width = 2.5 * scene.stroke_scale;
                draw::paint_link(
                    scene.painter,
                    start,
                    end,
                    *sign,
                    scene.palette.sign(*sign),
                    width,
                    12.0 * scene.stroke_scale,
                );
                let hint = format!("{} · X flips · Esc cancels", sign.as_str());
                let galley = scene
                    .painter
                    .layout_no_wrap(hint, egui::FontId::proportional(13.0), scene.palette.text);
                // Beside the pointer, on whichever side keeps it inside the canvas.
                let mut at = *pointer + vec2(14.0, 10.0);
                if at.x + galley.size().x > self.viewport.right() - 4.0 {
                    at.x = pointer.x - 14.0 - galley.size().x;
                }
                scene.painter.rect_filled(
                    Rect::from_min_size(at, galley.size()).expand(4.0),
                    4.0,
                    scene.palette.background.gamma_multiply(0.9),
                );
                scene.painter.galley(at, galley, scene.palette.text);
                let _ = map;
            }
            Some(Gesture::Box { start, end, .. }) => {
                let r = self
                    .camera
                    .rect_to_screen(self.viewport, Rect::from_two_pos(*start, *end));
                let c = scene.palette.selection;
                scene.painter.rect(
                    r,
                    0.0,
                    Color32::from_rgba_unmultiplied(c.r(), c.g(), c.b(), 40),
                    Stroke::new(1.5, c),
                    egui::StrokeKind::Inside,
                );
            }
            _ => {}
        }
    }

    /// The in-place label editor over a node (after a double-click, F2, or a new determinant).
    fn rename_ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Requests) {
        let Some(id) = state.renaming.clone() else {
            self.rename_focused = None;
            return;
        };
        let Some(g) = self.geometry.get(&id) else { return };
        let r = self.camera.rect_to_screen(self.viewport, g.rect);
        let map = &state.doc.map;
        let mut text = map.label_of(&id).to_owned();
        let edit_rect = Rect::from_center_size(r.center(), vec2(r.width().max(160.0), 28.0));
        let text_id = egui::Id::new(("rename", id.as_str()));
        let typed_open = self.rename_typed && self.rename_focused.as_ref() != Some(&id);
        if typed_open {
            // Opened by typing: the keyboard and a cursor after the typed text, before the editor
            // is drawn, so this frame's letters already go to it.
            let mut edit_state = egui::text_edit::TextEditState::load(ui.ctx(), text_id).unwrap_or_default();
            let end = egui::text::CCursor::new(text.chars().count());
            edit_state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            edit_state.store(ui.ctx(), text_id);
            ui.memory_mut(|m| m.request_focus(text_id));
        }
        let output = ui
            .scope_builder(egui::UiBuilder::new().max_rect(edit_rect), |ui| {
                egui::TextEdit::singleline(&mut text)
                    .id(text_id)
                    .hint_text(crate::tr!("inspector-label"))
                    .desired_width(edit_rect.width())
                    .show(ui)
            })
            .inner;
        let response = output.response;
        if typed_open {
            self.rename_typed = false;
            self.rename_focused = Some(id.clone());
        } else if self.rename_focused.as_ref() != Some(&id) {
            // Opened just now: take the keyboard with the whole label selected, so typing replaces it.
            response.request_focus();
            let mut state = output.state;
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::select_all(&output.galley)));
            state.store(ui.ctx(), text_id);
            self.rename_focused = Some(id.clone());
        }
        if response.changed() {
            let Some(edit) = relabelled(map, &id, text) else { return };
            out.edit_merging(edit, format!("label:{id}"));
        }
        if response.lost_focus() {
            out.send(Request::Rename(None));
        }
    }
}

/// The edit that gives node `id` the label `label`.
fn relabelled(map: &Map, id: &Id, label: String) -> Option<Edit> {
    Some(match map.node(id)? {
        Node::Determinant(d) => Edit::SetDeterminant(crate::model::Determinant { label, ..d.clone() }),
        Node::Stage(s) => Edit::SetStage(crate::model::Stage { label, ..s.clone() }),
    })
}

/// The analysis marks to draw, when the analysis is shown and they belong to this drawing.
fn emphasis(state: &AppState, nodes: usize) -> Option<&crate::app::derived::emphasis::Emphasis> {
    // A comparison with another map marks what it found (View › Compare with…) until closed.
    if let Some(e) = state
        .comparison
        .as_ref()
        .map(|c| &c.emphasis)
        .filter(|e| e.nodes.len() == nodes)
    {
        return Some(e);
    }
    if !state.analysis.active() {
        return None;
    }
    let e = &state.derived.current()?.emphasis;
    (!e.is_plain() && e.nodes.len() == nodes).then_some(e)
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

/// The nodes and influences the step on screen hides, by index (stages, then determinants; the
/// map's influences in order).
#[derive(Default)]
struct Hidden {
    nodes: Vec<bool>,
    links: Vec<bool>,
}

impl Hidden {
    fn update(&mut self, step: Option<&crate::export::step_view::StepView>) {
        use crate::export::step_view::Mark;
        self.nodes.clear();
        self.links.clear();
        if let Some(v) = step {
            self.nodes.extend(v.nodes.iter().map(|m| *m == Mark::Hidden));
            self.links.extend(v.links.iter().map(|m| *m == Mark::Hidden));
        }
    }

    fn node(&self, k: usize) -> bool {
        self.nodes.get(k).copied().unwrap_or(false)
    }

    fn link(&self, k: usize) -> bool {
        self.links.get(k).copied().unwrap_or(false)
    }
}
