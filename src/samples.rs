//! The sample maps from the studies, compiled into the binary (see build.rs).

use crate::format;
use crate::model::Map;

include!(concat!(env!("OUT_DIR"), "/samples.rs"));

/// A sample map shipped with the application.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// The file name in `samples/`, e.g. `chile-anti-trafficking.ron`.
    pub file_name: &'static str,
    pub text: &'static str,
}

impl Sample {
    /// Parses the sample. The tests check that every sample loads, so this only fails in a broken build.
    pub fn load(&self) -> Result<Map, Vec<format::Diagnostic>> {
        format::load_str(self.text)
    }
}

/// Every sample, sorted by file name.
pub fn all() -> impl Iterator<Item = Sample> {
    SAMPLES.iter().map(|&(file_name, text)| Sample { file_name, text })
}

/// A sample by its file name.
pub fn find(file_name: &str) -> Option<Sample> {
    all().find(|s| s.file_name == file_name)
}

/// The sample the window opens when no file is given: the Chile anti-trafficking map, the study
/// the product is built on, or else the first there is.
pub fn default_sample() -> Option<Sample> {
    find("chile-anti-trafficking.ron").or_else(|| all().next())
}
