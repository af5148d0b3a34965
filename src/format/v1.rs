//! Format version 1, frozen: the schema of the files written before version 2, kept so they still
//! open. Version 1 kept each stage's and determinant's position inside its block; version 2 moved
//! positions to the `layout` list at the end of the file, so that moving boxes on the canvas never
//! shows up in a diff of the content. Everything else is the same, so the other element types are
//! the model's own.
//!
//! These types must not change when the model does: they describe files that already exist. The
//! element types version 1 shares with the model (source, category, influence, evidence) are not
//! copied here because they have not changed; a change to one of them in the model must first freeze
//! its version-1 form in this file, and the fixtures below fail if it does not.
//! `tests/data/v1/` holds real version-1 files, and `tests/format_migration.rs` checks that each opens
//! as the same map as its version-2 counterpart.

use crate::model::{
    Category, Determinant, Directness, Effect, Evidence, Id, Influence, Locus, Map, Nature, Position, Source, Stage,
};
use serde::Deserialize;

/// The top level of a version-1 file. (Named `Map`, as in version 2, so messages read the same.)
#[derive(Deserialize)]
#[serde(rename = "Map", deny_unknown_fields)]
pub(super) struct FileV1 {
    /// Always 1: the loader chose this schema by it.
    #[serde(rename = "format_version")]
    _format_version: u32,
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    sources: Vec<Source>,
    #[serde(default)]
    stages: Vec<StageV1>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    determinants: Vec<DeterminantV1>,
    #[serde(default)]
    influences: Vec<Influence>,
}

/// A version-1 stage: the position is in its block.
#[derive(Deserialize)]
#[serde(rename = "Stage", deny_unknown_fields)]
struct StageV1 {
    id: Id,
    label: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    position: Position,
}

/// A version-1 determinant: the position is in its block.
#[derive(Deserialize)]
#[serde(rename = "Determinant", deny_unknown_fields)]
struct DeterminantV1 {
    id: Id,
    label: String,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    locus: Option<Locus>,
    #[serde(default)]
    directness: Option<Directness>,
    #[serde(default)]
    nature: Option<Nature>,
    #[serde(default)]
    effect: Effect,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    position: Position,
}

impl FileV1 {
    /// The map a version-1 file describes. Nothing is dropped: every field has its place in the model.
    pub(super) fn into_map(self) -> Map {
        Map {
            title: self.title,
            description: self.description,
            sources: self.sources,
            stages: self
                .stages
                .into_iter()
                .map(|s| Stage {
                    id: s.id,
                    label: s.label,
                    description: s.description,
                    position: s.position,
                })
                .collect(),
            categories: self.categories,
            tags: self.tags,
            determinants: self
                .determinants
                .into_iter()
                .map(|d| Determinant {
                    id: d.id,
                    label: d.label,
                    categories: d.categories,
                    locus: d.locus,
                    directness: d.directness,
                    nature: d.nature,
                    effect: d.effect,
                    tags: d.tags,
                    notes: d.notes,
                    evidence: d.evidence,
                    position: d.position,
                })
                .collect(),
            influences: self.influences,
            presentation: Vec::new(),
        }
    }
}
