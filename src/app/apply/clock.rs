//! The clock `logic` runs on, which keeps going while the window is hidden.

/// The time `logic` runs at, in seconds. In a drawn frame it is egui's input clock (which the
/// tests move by hand). While the window is hidden eframe runs `logic` without a pass, and egui's
/// input, its clock included, stays that of the last drawn frame: the time is then that frame's
/// plus the wall-clock time since, so the autosave deadline still comes.
pub struct Clock {
    wall: Box<dyn FnMut() -> f64>,
    /// egui's time in the last drawn frame, and the wall clock then.
    last: Option<(f64, f64)>,
}

impl Default for Clock {
    fn default() -> Self {
        let start = std::time::Instant::now();
        Clock::new(Box::new(move || start.elapsed().as_secs_f64()))
    }
}

impl Clock {
    pub fn new(wall: Box<dyn FnMut() -> f64>) -> Self {
        Clock { wall, last: None }
    }

    /// The time now, and whether egui's input is this frame's (false while the window is hidden:
    /// the input is then the last drawn frame's, already handled).
    pub fn now(&mut self, ctx: &egui::Context) -> (f64, bool) {
        let input_time = ctx.input(|i| i.time);
        let wall = (self.wall)();
        match self.last {
            Some((time, at)) if time == input_time => (time + (wall - at).max(0.0), false),
            _ => {
                self.last = Some((input_time, wall));
                (input_time, true)
            }
        }
    }
}
