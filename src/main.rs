//! `detmap`: the command line, or the window when no subcommand is given.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    // The command line, its help among it, speaks the language the environment asks for (LC_ALL,
    // LC_MESSAGES, LANG); the window then sets its own, remembered in its preferences.
    detmap::i18n::set_language(detmap::i18n::Language::from_env(|name| std::env::var(name).ok()));
    let args = cli::parse();
    match args.command {
        Some(command) => match cli::run(command) {
            Ok(code) => code,
            // Whoever read the output stopped (`| head`): a normal end, and nothing to say.
            Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("detmap: {}", cli::terminal_safe(&format!("{e:#}")));
                ExitCode::from(1)
            }
        },
        None => open_window(args.file),
    }
}

#[cfg(feature = "gui")]
fn open_window(file: Option<std::path::PathBuf>) -> ExitCode {
    match detmap::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("detmap: {}", detmap::tr!("cli-window-failed", error = e.to_string()));
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("detmap: {}", detmap::tr!("cli-no-window"));
    ExitCode::from(2)
}
