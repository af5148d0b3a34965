//! Can a system file dialog be shown here? rfd 0.17 on Linux asks the XDG desktop portal's
//! FileChooser over the session bus (through libdbus), and when that fails runs `zenity`; when both
//! fail it answers "no file" within milliseconds, which the window cannot tell from a cancel. So the
//! window looks for the same two things itself, before the first dialog: `zenity` on `PATH`, and a
//! portal on the session bus that has the FileChooser interface (its `version` property answers).
//! Windows and macOS always have a dialog. The user can also choose, with `DETMAP_FILE_CHOOSER`.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

/// The environment variable that picks the file chooser: `builtin` (the window's own), `system`
/// (always the system's, as rfd shows it) or `auto` (the default: the system's where there is one).
pub const CHOOSER_VARIABLE: &str = "DETMAP_FILE_CHOOSER";

/// Which file chooser the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    /// The system's dialog where one can be shown, else the window's own.
    Auto,
    /// Always the window's own chooser (a portal that misbehaves, tests, a kiosk).
    Builtin,
    /// Always the system's dialog, never the fallback.
    System,
}

impl Preference {
    /// The preference a value of [`CHOOSER_VARIABLE`] names (case and spaces ignored), or `None`
    /// for a value that names none.
    pub fn parse(value: &str) -> Option<Preference> {
        match value.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Some(Preference::Auto),
            "builtin" | "built-in" | "internal" | "own" => Some(Preference::Builtin),
            "system" | "native" | "portal" => Some(Preference::System),
            _ => None,
        }
    }

    /// The preference in the environment; an unknown value is reported on stderr and ignored.
    pub fn from_environment() -> Preference {
        let Some(value) = std::env::var_os(CHOOSER_VARIABLE) else {
            return Preference::Auto;
        };
        let value = value.to_string_lossy();
        Preference::parse(&value).unwrap_or_else(|| {
            eprintln!("detmap: {CHOOSER_VARIABLE}={value} is not one of builtin, system, auto; using auto");
            Preference::Auto
        })
    }
}

/// Whether a system file dialog can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Availability {
    /// Yes: there is a portal with a file chooser, or zenity (or the platform always has one).
    Yes,
    /// No: neither a portal's file chooser nor zenity.
    No,
    /// Could not tell (the portal did not answer in time): the system dialog is tried, and an
    /// empty answer that comes back at once is taken to mean that none could be shown.
    Unknown,
}

/// What the session bus said about the portal's file chooser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Portal {
    /// The portal answered with the FileChooser interface's version.
    FileChooser,
    /// No portal, or one without a file chooser backend (an error came back), or no bus to ask.
    Missing,
    /// No answer in time.
    Silent,
}

/// The decision from what was found. `portal` is asked only when needed (it may start the portal).
pub fn decide(zenity: bool, sandboxed: bool, bus: bool, portal: impl FnOnce() -> Portal) -> Availability {
    // rfd falls back to zenity whenever the portal fails, so zenity alone is enough; inside a
    // Flatpak or Snap sandbox the portal is part of the sandbox.
    if zenity || sandboxed {
        return Availability::Yes;
    }
    if !bus {
        return Availability::No;
    }
    match portal() {
        Portal::FileChooser => Availability::Yes,
        Portal::Missing => Availability::No,
        Portal::Silent => Availability::Unknown,
    }
}

/// `program` in the folders of `path` (a `PATH` value), as an executable file.
pub fn find_on_path(program: &str, path: Option<&OsStr>) -> Option<PathBuf> {
    std::env::split_paths(path?)
        .filter(|dir| !dir.as_os_str().is_empty())
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Whether there is a session bus to ask: its address in the environment, or the socket at libdbus's
/// and zbus's default place, `$XDG_RUNTIME_DIR/bus`.
pub fn session_bus(address: Option<&OsStr>, runtime_dir: Option<&OsStr>) -> bool {
    if address.is_some_and(|a| !a.is_empty()) {
        return true;
    }
    runtime_dir.is_some_and(|dir| !dir.is_empty() && Path::new(dir).join("bus").exists())
}

/// How long the portal may take to answer (starting it by D-Bus activation included) before the
/// window stops waiting for it and tries the system dialog anyway.
#[cfg(target_os = "linux")]
const PORTAL_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Looks, on Linux: zenity on `PATH`, a sandbox, then the portal on the session bus.
#[cfg(target_os = "linux")]
pub fn detect() -> Availability {
    let zenity = find_on_path("zenity", std::env::var_os("PATH").as_deref()).is_some();
    let sandboxed = Path::new("/.flatpak-info").exists() || std::env::var_os("SNAP").is_some();
    let bus = session_bus(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").as_deref(),
        std::env::var_os("XDG_RUNTIME_DIR").as_deref(),
    );
    decide(zenity, sandboxed, bus, || portal_file_chooser(PORTAL_WAIT))
}

/// Elsewhere the platform's own dialog is always there (Windows, macOS); on the other Unixes rfd
/// works as on Linux, but the window does not look: it tries, and notices an empty answer at once.
#[cfg(not(target_os = "linux"))]
pub fn detect() -> Availability {
    if cfg!(any(windows, target_os = "macos")) {
        Availability::Yes
    } else {
        Availability::Unknown
    }
}

/// Asks the portal for its FileChooser interface's `version` property, as rfd's first call would
/// reach it, giving up after `wait`. zbus is already in the window's tree (accesskit's AT-SPI
/// bridge uses it) with the same features, so this costs no new build.
#[cfg(target_os = "linux")]
fn portal_file_chooser(wait: std::time::Duration) -> Portal {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new().name("portal check".into()).spawn(move || {
        let answer = pollster::block_on(async {
            let connection = zbus::Connection::session().await?;
            connection
                .call_method(
                    Some("org.freedesktop.portal.Desktop"),
                    "/org/freedesktop/portal/desktop",
                    Some("org.freedesktop.DBus.Properties"),
                    "Get",
                    &("org.freedesktop.portal.FileChooser", "version"),
                )
                .await
                .map(|_| ())
        });
        let _ = tx.send(answer);
    });
    if spawned.is_err() {
        return Portal::Silent;
    }
    match rx.recv_timeout(wait) {
        Ok(Ok(())) => Portal::FileChooser,
        Ok(Err(_)) => Portal::Missing,
        Err(_) => Portal::Silent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_names_a_chooser_in_a_few_spellings() {
        assert_eq!(Preference::parse("builtin"), Some(Preference::Builtin));
        assert_eq!(Preference::parse(" Built-in "), Some(Preference::Builtin));
        assert_eq!(Preference::parse("SYSTEM"), Some(Preference::System));
        assert_eq!(Preference::parse("native"), Some(Preference::System));
        assert_eq!(Preference::parse("auto"), Some(Preference::Auto));
        assert_eq!(Preference::parse(""), Some(Preference::Auto));
        assert_eq!(Preference::parse("zenity"), None);
    }

    #[test]
    fn zenity_or_a_sandbox_is_enough_and_the_portal_is_then_not_asked() {
        let never = || -> Portal { panic!("the portal was asked") };
        assert_eq!(decide(true, false, false, never), Availability::Yes);
        assert_eq!(decide(false, true, false, never), Availability::Yes);
    }

    #[test]
    fn without_zenity_and_without_a_bus_there_is_no_dialog() {
        let never = || -> Portal { panic!("the portal was asked") };
        assert_eq!(decide(false, false, false, never), Availability::No);
    }

    #[test]
    fn with_a_bus_the_portal_decides() {
        assert_eq!(decide(false, false, true, || Portal::FileChooser), Availability::Yes);
        assert_eq!(decide(false, false, true, || Portal::Missing), Availability::No);
        assert_eq!(decide(false, false, true, || Portal::Silent), Availability::Unknown);
    }

    #[cfg(unix)]
    #[test]
    fn a_program_is_found_on_the_path_only_as_an_executable_file() {
        use std::os::unix::fs::PermissionsExt;
        let empty = tempfile::tempdir().unwrap();
        let bin = tempfile::tempdir().unwrap();
        let zenity = bin.path().join("zenity");
        std::fs::write(&zenity, "#!/bin/sh\n").unwrap();
        let path = std::env::join_paths([empty.path(), bin.path()]).unwrap();
        // Not executable: rfd could not run it either.
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert_eq!(find_on_path("zenity", Some(&path)), None);
        std::fs::set_permissions(&zenity, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(find_on_path("zenity", Some(&path)), Some(zenity));
        // A folder of that name is no program.
        std::fs::create_dir(empty.path().join("kdialog")).unwrap();
        assert_eq!(find_on_path("kdialog", Some(&path)), None);
        assert_eq!(find_on_path("zenity", None), None);
        assert_eq!(find_on_path("zenity", Some(OsStr::new(""))), None);
    }

    #[test]
    fn a_session_bus_is_its_address_or_the_socket_in_the_runtime_folder() {
        let runtime = tempfile::tempdir().unwrap();
        let dir = Some(runtime.path().as_os_str());
        assert!(session_bus(Some(OsStr::new("unix:path=/run/user/1000/bus")), None));
        assert!(!session_bus(Some(OsStr::new("")), None));
        assert!(!session_bus(None, dir));
        std::fs::write(runtime.path().join("bus"), "").unwrap();
        assert!(session_bus(None, dir));
        assert!(!session_bus(None, None));
    }

    /// A bus with no portal on it (this machine's, when it has a bus): the portal is `Missing` at
    /// once, not `Silent` after the wait. Skipped where there is no session bus.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_bus_without_a_portal_says_so_quickly() {
        let bus = session_bus(
            std::env::var_os("DBUS_SESSION_BUS_ADDRESS").as_deref(),
            std::env::var_os("XDG_RUNTIME_DIR").as_deref(),
        );
        let portal_installed = ["/usr/share/dbus-1/services/org.freedesktop.portal.Desktop.service"]
            .iter()
            .any(|p| Path::new(p).exists());
        if !bus || portal_installed {
            eprintln!("skipped: no session bus, or a portal is installed");
            return;
        }
        let started = std::time::Instant::now();
        assert_eq!(portal_file_chooser(std::time::Duration::from_secs(10)), Portal::Missing);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}
