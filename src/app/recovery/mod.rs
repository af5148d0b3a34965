//! Autosave and crash recovery: while the map has unsaved changes, a copy of it is kept where the
//! user's own file is never touched, so a crash, a kill or a power cut costs at most the last few
//! seconds of a workshop.
//!
//! - **Where.** One folder ([`DIR_VAR`], else `recovery/` in the platform's data folder for detmap,
//!   the one eframe keeps the window's preferences in). Each running window is a *session* with
//!   its own copy `<session>.ron` and a lock file `<session>.lock` that it holds until it ends.
//!   The operating system drops the lock when the process dies, however it dies, so at start a
//!   copy whose lock can be taken was left by a window that is gone: that is a copy to offer
//!   (`offer.rs`; the offering window holds the copy's lock, so one copy is offered by one window).
//!   A second window running at the same time never offers, adopts or deletes the first one's copy.
//! - **What.** A copy is an ordinary map file with a comment header naming the file it belongs to
//!   (absolute), that file's modification time as the window last read or wrote it, and when the
//!   copy was written ([`to_text`]): Determinant Mapper, or a text editor, opens it as is.
//! - **When.** [`DELAY`] seconds after the last change, and never more than [`MAX_BEHIND`] seconds
//!   after the oldest change not yet in the copy (steady typing has no pause), written atomically by
//!   [`crate::format::save_with`]; removed as soon as the map is no longer dirty (saved, discarded, undone
//!   back to the saved state). The window asks for one repaint at the deadline and none otherwise.
//!   A map over the loader's limits is not written: its copy would not load.
//! - **Crash.** The panic hook ([`install_panic_hook`]) writes the snapshot in [`Shared`], which
//!   the window's autosave step refreshes at the end of each frame in which the document changed (so
//!   edits applied earlier in the frame that panics are not in it), with the newest map that would
//!   load.
//!
//! The window's side (when to tick, what to do with the user's answer to the offer) is
//! `apply/autosave.rs`.

mod copy;
mod hook;
mod offer;
mod session;

pub use copy::{Found, Origin, Reason, describe_time, inspect, modified, to_text};
pub use hook::{Shared, install_panic_hook};
pub use offer::Offer;
pub use session::{DELAY, DIR_VAR, MAX_BEHIND, Recovery, Tick, WriteError};

/// The user's answer to the restore offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open the copy as the document, with unsaved changes, attached to its original file.
    Restore,
    /// Delete the copy.
    Discard,
    /// Keep the copy and offer it again at the next start.
    Later,
}
