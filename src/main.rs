//! `detmap`: the command line, or the window when no subcommand is given.

mod cli;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
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
            eprintln!("detmap: could not open the window: {e}");
            ExitCode::from(1)
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    eprintln!("detmap: this build has no window (built without the `gui` feature); use a subcommand, see --help");
    ExitCode::from(2)
}
