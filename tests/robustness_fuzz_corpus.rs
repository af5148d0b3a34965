//! Replays, without libFuzzer, the fuzz corpus committed in fuzz/corpus/ and the inputs that once
//! broke the loader (fuzz/regressions/), through the very checks the fuzz targets make
//! (fuzz/oracle.rs). So `cargo test` keeps every input the campaign found interesting.

use std::path::{Path, PathBuf};

include!("../fuzz/oracle.rs");

fn files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect(),
        Err(e) => panic!("{}: {e}", dir.display()),
    };
    files.sort();
    files
}

fn replay(dir: &str, check: fn(&[u8]), at_least: usize) {
    let files = files(dir);
    assert!(
        files.len() >= at_least,
        "{dir} holds {} inputs, expected at least {at_least}",
        files.len()
    );
    for file in &files {
        let data = std::fs::read(file).unwrap();
        if let Err(panic) = std::panic::catch_unwind(|| check(&data)) {
            std::panic::resume_unwind(Box::new(format!(
                "{}: {:?}",
                file.display(),
                panic.downcast_ref::<String>()
            )));
        }
    }
}

#[test]
fn the_load_corpus_passes_the_load_checks() {
    replay("fuzz/corpus/load", check_load, 50);
}

#[test]
fn the_load_analyse_corpus_passes_the_analysis_checks() {
    replay("fuzz/corpus/load_analyse", check_load_analyse, 50);
}

/// Each file in fuzz/regressions/ failed a check of fuzz/oracle.rs before the loader shortened what
/// its messages quote: a 5,000-character field name, enum value or colour was quoted whole, making a
/// message of thousands of characters. (Found by review; the campaign itself found nothing.)
#[test]
fn the_inputs_that_once_failed_pass_now() {
    replay(
        "fuzz/regressions",
        |data| {
            check_load(data);
            check_load_analyse(data);
        },
        3,
    );
}

/// The seeds the campaign starts from pass too (they are valid maps).
#[test]
fn the_seeds_load() {
    for file in files("fuzz/seeds") {
        let data = std::fs::read(&file).unwrap();
        detmap::format::load_bytes(&data).unwrap_or_else(|e| panic!("{}: {e:?}", file.display()));
        check_load(&data);
        check_load_analyse(&data);
    }
}
