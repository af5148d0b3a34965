//! Format version 2, frozen: the schema of the files written before version 3, kept so they still
//! open. Version 3 added the `presentation` list (the steps a facilitator plays to the room);
//! everything else is the same, so version 2's element types are the model's own, and its `layout`
//! is the current one.
//!
//! This type must not change when the model does: it describes files that already exist. A change
//! to an element type of the model must first freeze its version-2 form in this file, and the
//! fixtures fail if it does not: `tests/data/v2/` holds real version-2 files, and
//! `tests/format_migration.rs` checks that each opens as the same map as its version-3 counterpart
//! in `tests/data/v3/` and saves to it byte for byte.

use super::Placement;
use crate::model::{Category, Determinant, Influence, Map, Source, Stage};
use serde::Deserialize;

/// The top level of a version-2 file. (Named `Map`, as in every version, so messages read the same.)
#[derive(Deserialize)]
#[serde(rename = "Map", deny_unknown_fields)]
pub(super) struct FileV2 {
    /// Always 2: the loader chose this schema by it.
    #[serde(rename = "format_version")]
    _format_version: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    determinants: Vec<Determinant>,
    #[serde(default)]
    influences: Vec<Influence>,
    #[serde(default)]
    layout: Vec<Placement>,
}

impl FileV2 {
    /// The map a version-2 file describes, without a presentation, and its layout. Nothing is dropped.
    pub(super) fn into_parts(self) -> (Map, Vec<Placement>) {
        let map = Map {
            title: self.title,
            description: self.description,
            sources: self.sources,
            stages: self.stages,
            categories: self.categories,
            tags: self.tags,
            determinants: self.determinants,
            influences: self.influences,
            presentation: Vec::new(),
        };
        (map, self.layout)
    }
}
