//! The CPU cost of frames of the editor, headless, driven as a user drives it: the real window's
//! app (`DetmapApp::new`: its fonts, autosave into a temporary folder), the egui pass (which lays
//! out and paints) plus tessellation; no rasterisation. For the Chile sample and generated maps of
//! 1,000 and 10,000 determinants:
//! - the first frame (the window opening on the map; reading the file is reported apart);
//! - the frames of a drag (press, moves, release: the move is applied as one edit), of typing one
//!   letter into a node's label, and of Undo (Ctrl+Z): each frame until the app is quiet again;
//! - an idle frame zoomed out and at 100 %, and edits with the analysis panel open.
//!
//! Budgets (a projector shows it smoothly): at 10,000 determinants every interaction frame at most
//! 16 ms and the first frame at most 100 ms; at 1,000, every frame at most 8 ms. A benchmark that
//! prints figures and says OVER where a budget is missed, not a timed test:
//! `cargo bench --bench ui_frame` (release). `-- quick` skips the zoomed-in and analysis figures, `-- small` the 10,000.

use detmap::app::DetmapApp;
use detmap::app::commands::Command;
use detmap::generate::{Spec, generate};
use detmap::model::{Id, Map};
use egui::{Event, Modifiers, PointerButton, Pos2, RawInput, Rect, pos2, vec2};
use std::time::{Duration, Instant};

/// CPU time this thread has used. The machine may be busy with other work (builds, fuzzers), so
/// wall-clock time would measure the neighbours; on Linux the scheduler's own count is used.
fn cpu_time() -> Duration {
    if let Ok(text) = std::fs::read_to_string("/proc/thread-self/schedstat")
        && let Some(ns) = text.split_whitespace().next().and_then(|n| n.parse::<u64>().ok())
    {
        return Duration::from_nanos(ns);
    }
    thread_local!(static START: Instant = Instant::now());
    START.with(|s| s.elapsed())
}

/// The key presses of `c`'s first shortcut, as the keyboard sends them.
fn command(c: Command) -> Vec<Event> {
    let shortcut = c.shortcuts()[0];
    let modifiers = shortcut.modifiers;
    let k = |pressed| Event::Key {
        key: shortcut.logical_key,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers,
    };
    vec![
        Event::ModifiersChanged(modifiers),
        k(true),
        k(false),
        Event::ModifiersChanged(Modifiers::NONE),
    ]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

struct Bench {
    ctx: egui::Context,
    app: DetmapApp,
    frame: eframe::Frame,
    _dir: tempfile::TempDir,
    t: f64,
    /// The pointer's place: it rests over the canvas unless a gesture moves it.
    pointer: Pos2,
    /// Reading the file and building the app, before the first frame.
    open: Duration,
    /// The last frame asked for the next one at once (a queued request, an animation), not only
    /// later (the autosave deadline).
    again: bool,
}

/// Times of the frames of one gesture, from its first event until the app is quiet.
struct Frames(Vec<Duration>);

impl Frames {
    fn worst(&self) -> Duration {
        self.0.iter().copied().max().unwrap_or_default()
    }
    fn total(&self) -> Duration {
        self.0.iter().sum()
    }
    fn show(&self) -> String {
        let each: Vec<String> = self.0.iter().map(|d| format!("{:.1}", ms(*d))).collect();
        format!("worst {:.1} ms (frames: {} ms)", ms(self.worst()), each.join(", "))
    }
}

impl Bench {
    fn new(map: &Map) -> Bench {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        detmap::format::save_file(&path, map).unwrap();
        let recovery = dir.path().join("recovery");
        // SAFETY: set before any other thread of this process reads the environment.
        unsafe { std::env::set_var(detmap::app::recovery::DIR_VAR, &recovery) };
        let ctx = egui::Context::default();
        let start = cpu_time();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = DetmapApp::new(&cc, Some(path));
        let open = cpu_time() - start;
        assert_eq!(
            app.state().doc.map.determinants.len(),
            map.determinants.len(),
            "the map opened"
        );
        Bench {
            ctx,
            app,
            frame: eframe::Frame::_new_kittest(),
            _dir: dir,
            t: 0.0,
            pointer: pos2(0.0, 0.0),
            open,
            again: true,
        }
    }

    /// One frame with `events`; returns its CPU time.
    fn frame(&mut self, events: Vec<Event>) -> Duration {
        self.t += 1.0 / 60.0;
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
            time: Some(self.t),
            events,
            ..Default::default()
        };
        let start = cpu_time();
        let mut output = self.ctx.run_ui(input, |ui| {
            eframe::App::logic(&mut self.app, ui.ctx(), &mut self.frame);
            eframe::App::ui(&mut self.app, ui, &mut self.frame);
        });
        let shapes = std::mem::take(&mut output.shapes);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        let elapsed = cpu_time() - start;
        assert!(!primitives.is_empty());
        self.again = output
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.repaint_delay < Duration::from_millis(50));
        output.drop_without_applying_deltas();
        elapsed
    }

    /// Frames with no input until egui stops asking for one (a queued request is applied, an
    /// animation ends), at most `max`: the tail of a gesture.
    fn settle(&mut self, frames: &mut Frames, max: usize) {
        for _ in 0..max {
            if !self.again {
                break;
            }
            frames.0.push(self.frame(Vec::new()));
        }
    }

    /// The mean CPU time of `n` frames in which only the pointer moves (over the canvas: what
    /// it hovers is found and lit), measured over all of them together: the scheduler's clock
    /// may tick only every few milliseconds.
    fn mean(&mut self, n: u32) -> Duration {
        let centre = self.app.canvas_rect().center();
        let start = cpu_time();
        for _ in 0..n {
            let wobble = vec2((self.t * 7.0).sin() as f32 * 40.0, 0.0);
            self.frame(vec![Event::PointerMoved(centre + wobble)]);
        }
        (cpu_time() - start) / n
    }

    fn button(&self, pressed: bool) -> Event {
        Event::PointerButton {
            pos: self.pointer,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        }
    }

    /// The determinants drawn nearest the middle of the canvas, nearest first, and where.
    fn targets(&self) -> Vec<(Id, Pos2)> {
        let centre = self.app.canvas_rect().center();
        let mut near: Vec<(Id, Pos2)> = self
            .app
            .state()
            .doc
            .map
            .determinants
            .iter()
            .filter_map(|d| Some((d.id.clone(), self.app.node_screen_rect(&d.id)?.center())))
            .filter(|(_, p)| self.app.canvas_rect().shrink(80.0).contains(*p))
            .collect();
        near.sort_by(|a, b| a.1.distance(centre).total_cmp(&b.1.distance(centre)));
        near.truncate(5);
        assert!(!near.is_empty(), "a determinant on screen");
        near
    }

    /// A drag of a determinant by 60 points in six moves: every frame from the press until the
    /// move is applied (one edit) and the app is quiet. On a dense generated map another node's
    /// link handle may lie over a determinant's centre (the drag then draws a link to nowhere and
    /// edits nothing): the next determinant nearest the middle is dragged instead.
    fn drag(&mut self) -> Frames {
        let mut last = Frames(Vec::new());
        for (id, from) in self.targets() {
            match self.drag_from(&id, from) {
                Ok(frames) => return frames,
                Err(frames) => last = frames,
            }
        }
        // Said, not hidden: the frames are then those of a gesture that edited nothing.
        println!("  (no drag moved a determinant here: the frames below are of a gesture that edited nothing)");
        last
    }

    fn drag_from(&mut self, id: &Id, from: Pos2) -> Result<Frames, Frames> {
        let before = self.app.state().doc.map.determinant(id).unwrap().position;
        let revision = self.app.state().doc.revision;
        let mut frames = Frames(Vec::new());
        self.pointer = from;
        frames
            .0
            .push(self.frame(vec![Event::PointerMoved(from), self.button(true)]));
        for i in 1..=6 {
            self.pointer = from + vec2(10.0 * i as f32, 4.0 * i as f32);
            frames.0.push(self.frame(vec![Event::PointerMoved(self.pointer)]));
        }
        frames.0.push(self.frame(vec![self.button(false)]));
        self.settle(&mut frames, 10);
        let state = self.app.state();
        let moved = state.doc.revision != revision && state.doc.map.determinant(id).unwrap().position != before;
        if moved { Ok(frames) } else { Err(frames) }
    }

    /// F2 opens the selected node's label; one letter typed is one edit; Escape closes it. The
    /// frames of the letter until the app is quiet.
    fn type_letter(&mut self) -> Frames {
        self.frame(command(Command::Rename));
        self.frame(Vec::new());
        let (id, revision) = {
            let state = self.app.state();
            (state.renaming.clone().expect("F2 opened a label"), state.doc.revision)
        };
        let mut frames = Frames(vec![self.frame(vec![Event::Text("x".into())])]);
        self.settle(&mut frames, 10);
        let state = self.app.state();
        assert_ne!(state.doc.revision, revision, "the letter made an edit");
        assert_eq!(state.doc.map.label_of(&id), "x", "typed over the selected label");
        self.frame(command(Command::Escape));
        self.frame(Vec::new());
        frames
    }

    /// Ctrl+Z: its frames until the app is quiet.
    fn undo(&mut self) -> Frames {
        let revision = self.app.state().doc.revision;
        let mut frames = Frames(vec![self.frame(command(Command::Undo))]);
        self.settle(&mut frames, 10);
        assert_ne!(self.app.state().doc.revision, revision, "undone");
        frames
    }

    fn zoom_in_to_100_percent(&mut self) {
        while self.app.canvas_zoom() < 1.0 {
            self.frame(command(Command::ZoomIn));
        }
    }
}

/// What one map costs. Returns the first frame and the worst frame of any interaction.
fn measure(name: &str, map: &Map, quick: bool) -> (Duration, Duration, Duration) {
    let mut bench = Bench::new(map);
    let first = bench.frame(Vec::new());
    let mut opening = Frames(vec![first]);
    bench.settle(&mut opening, 20);
    let idle = bench.mean(30);
    if std::env::var_os("WHY").is_some() {
        eprintln!("repaint causes: {:?}", bench.ctx.repaint_causes());
    }
    eprintln!(
        "{name}: reading the file {:.1} ms; first frame {:.1} ms, until quiet {}; a frame where only the pointer moves {:.2} ms (zoom {:.0} %)",
        ms(bench.open),
        ms(first),
        opening.show(),
        ms(idle),
        bench.app.canvas_zoom() * 100.0
    );
    let drag = bench.drag();
    eprintln!("  drag a determinant: {}", drag.show());
    let letter = bench.type_letter();
    eprintln!("  type a letter in its label: {}", letter.show());
    let undo = bench.undo();
    eprintln!("  undo (Ctrl+Z): {}", undo.show());
    let redo = {
        let mut frames = Frames(vec![bench.frame(command(Command::Redo))]);
        bench.settle(&mut frames, 10);
        frames
    };
    eprintln!("  redo (Ctrl+Y): {}", redo.show());
    // Once more: the second drag, after the history holds steps (a drag from a fresh window and
    // one later differ in what is already shared).
    let drag2 = bench.drag();
    eprintln!("  a second drag: {}", drag2.show());
    let worst = [&drag, &letter, &undo, &redo, &drag2]
        .iter()
        .map(|f| f.worst())
        .max()
        .unwrap()
        .max(idle);
    let sum = drag.total() + letter.total() + undo.total();
    eprintln!("  drag, letter and undo together {:.1} ms", ms(sum));
    if quick {
        return (first, worst, idle);
    }
    bench.zoom_in_to_100_percent();
    bench.frame(Vec::new());
    let inside = bench.mean(30);
    eprintln!(
        "  a frame where only the pointer moves, at {:.0} %: {:.2} ms",
        bench.app.canvas_zoom() * 100.0,
        ms(inside)
    );
    // With the analysis panel open (Alt+A): its first frame computes the whole analysis; an edit
    // recomputes it (the graph results are reused when the structure is unchanged).
    let opened = bench.frame(command(Command::ToggleAnalysis)) + bench.frame(Vec::new());
    assert!(bench.app.state().analysis.open, "its shortcut opens the analysis panel");
    let panel_idle = bench.mean(30);
    bench.zoom_out_and_settle();
    let drag = bench.drag();
    let letter = bench.type_letter();
    let undo = bench.undo();
    eprintln!(
        "  analysis panel open: opening it {:.1} ms (2 frames); a frame where only the pointer moves {:.2} ms; drag {}; letter {}; undo {}",
        ms(opened),
        ms(panel_idle),
        drag.show(),
        letter.show(),
        undo.show()
    );
    (first, worst, idle.max(inside))
}

impl Bench {
    /// Fit (Ctrl+0) and let the view settle.
    fn zoom_out_and_settle(&mut self) {
        self.frame(command(Command::ZoomToFit));
        let mut frames = Frames(Vec::new());
        self.settle(&mut frames, 30);
    }
}

fn spec(determinants: usize) -> Spec {
    Spec {
        determinants,
        influences: 2 * determinants,
        stages: 7,
        seed: 3,
    }
}

fn verdict(what: &str, took: Duration, budget_ms: u64) {
    let word = if took <= Duration::from_millis(budget_ms) {
        "within"
    } else {
        "OVER"
    };
    eprintln!("  {what} {:.1} ms: {word} the {budget_ms} ms budget", ms(took));
}

/// What the whole-map work an edit may do costs on `map`, each part alone (the median of a few
/// runs, together: the clock ticks every few milliseconds): what an edit frame is made of, which
/// `-- parts` prints.
fn parts(map: &Map) {
    fn time<T>(what: &str, mut f: impl FnMut() -> T) {
        const RUNS: u32 = 20;
        let start = cpu_time();
        for _ in 0..RUNS {
            std::hint::black_box(f());
        }
        eprintln!("  {what}: {:.2} ms", ms((cpu_time() - start) / RUNS));
    }
    eprintln!("{} determinants, each part of an edit alone:", map.determinants.len());
    time("copy of the map", || map.clone());
    time("model::validate", || detmap::model::validate(map));
    time("format::check_limits", || detmap::format::check_limits(map));
    time("geometry of every node (labels wrapped)", || {
        detmap::geometry::MapGeometry::new(map)
    });
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "parts") {
        parts(&generate(spec(10_000)));
        return;
    }
    let quick = args.iter().any(|a| a == "quick");
    // `-- small`: the sample and 1,000 only (a check that the bench runs, in a debug build).
    let small = args.iter().any(|a| a == "small");
    let chile = detmap::samples::default_sample().unwrap().load().unwrap();
    measure("Chile sample", &chile, quick);
    let (first, worst, idle) = measure("1,000 determinants", &generate(spec(1_000)), quick);
    verdict("first frame", first, 8);
    verdict("worst interaction frame", worst, 8);
    verdict("frame where only the pointer moves", idle, 8);
    if small {
        return;
    }
    let (first, worst, _) = measure("10,000 determinants", &generate(spec(10_000)), quick);
    verdict("first frame", first, 100);
    verdict("worst interaction frame", worst, 16);
}
