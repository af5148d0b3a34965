//! A map's presentation: the story a facilitator tells the room, as an ordered list of steps.
//!
//! Each [`Step`] says what the room sees: the whole map, a stage and what feeds it, what a
//! determinant feeds, why a determinant feeds a stage, a feedback loop, and optionally a knock-out
//! and filters on the determinants' coding. It is saved in the map file (format version 3) because
//! it is part of what the map says, written by the person who made it; the window plays the steps
//! and the slides (`detmap export --slides`) print them. This module holds only the data; which
//! items a step lights needs the analysis and is worked out in `export::step_view`.
//!
//! The filters mirror the analysis panel's filters field for field, so a step made "from the
//! current view" keeps exactly what the panel showed.

use super::{Determinant, Directness, Effect, Id, Locus, Nature};
use serde::{Deserialize, Serialize};

/// One step of a presentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable, unique among the steps (its own namespace: a step may share an id with a stage).
    pub id: Id,
    /// What the room reads on top of the step, e.g. "What feeds implementation".
    pub title: String,
    /// A short note for the room, shown under the title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// What the step is about.
    #[serde(default, skip_serializing_if = "Focus::is_whole_map")]
    pub focus: Focus,
    /// A determinant taken out of the analysis for this step: what is lost without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub knock_out: Option<Id>,
    /// Which determinants stay bright.
    #[serde(default, skip_serializing_if = "Filters::is_empty")]
    pub filters: Filters,
    /// Show only the items of this step and the steps before it, so the map builds up in front of
    /// the room; the rest is hidden, not faded.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reveal: bool,
}

impl Step {
    /// A step showing the whole map.
    pub fn whole_map(id: impl Into<Id>, title: impl Into<String>) -> Self {
        Step {
            id: id.into(),
            title: title.into(),
            note: String::new(),
            focus: Focus::WholeMap,
            knock_out: None,
            filters: Filters::default(),
            reveal: false,
        }
    }

    /// The ids of stages and determinants the step names (its focus and knock-out), in file order,
    /// with the field each sits in: what must exist in the map.
    pub fn references(&self) -> Vec<(Reference, &Id)> {
        let mut out = Vec::new();
        match &self.focus {
            Focus::WholeMap => {}
            Focus::Stage { stage, .. } => out.push((Reference::Stage, stage)),
            Focus::Determinant { determinant } => out.push((Reference::Determinant, determinant)),
            Focus::Path { determinant, stage } => {
                out.push((Reference::PathDeterminant, determinant));
                out.push((Reference::PathStage, stage));
            }
            Focus::FeedbackLoop { determinants } => {
                out.extend(determinants.iter().map(|d| (Reference::LoopDeterminant, d)));
            }
        }
        if let Some(d) = &self.knock_out {
            out.push((Reference::KnockOut, d));
        }
        out
    }
}

/// Makes the steps follow an edit that removed stages or determinants (`exists` says what is still
/// there) or renamed a category or tag: a step whose focus named a removed item shows the whole map
/// (its title and note stay, for the author to revise), a knock-out of a removed determinant is
/// dropped, and a filter by a category or tag the map no longer lists is dropped. Returns whether
/// any step changed. The editor calls it so that an edit never leaves a step naming what is gone
/// (which [`super::validate`] refuses).
pub fn forget_missing(
    steps: &mut [Step],
    exists: impl Fn(&Id, bool) -> bool,
    categories: &[super::Category],
    tags: &[String],
) -> bool {
    let mut changed = false;
    for step in steps {
        if step
            .references()
            .iter()
            .any(|(r, id)| *r != Reference::KnockOut && !exists(id, r.is_stage()))
        {
            step.focus = Focus::WholeMap;
            changed = true;
        }
        if step.knock_out.as_ref().is_some_and(|d| !exists(d, false)) {
            step.knock_out = None;
            changed = true;
        }
        if step
            .filters
            .category
            .as_ref()
            .is_some_and(|c| !categories.iter().any(|k| &k.name == c))
        {
            step.filters.category = None;
            changed = true;
        }
        if step.filters.tag.as_ref().is_some_and(|t| !tags.contains(t)) {
            step.filters.tag = None;
            changed = true;
        }
    }
    changed
}

/// Where a step names a stage or determinant (see [`Step::references`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// `focus: stage(stage: …)`
    Stage,
    /// `focus: determinant(determinant: …)`
    Determinant,
    /// `focus: path(determinant: …)`
    PathDeterminant,
    /// `focus: path(stage: …)`
    PathStage,
    /// `focus: feedback_loop(determinants: [… ])`
    LoopDeterminant,
    /// `knock_out: …`
    KnockOut,
}

impl Reference {
    /// Whether the id must be a stage (else a determinant).
    pub fn is_stage(self) -> bool {
        matches!(self, Reference::Stage | Reference::PathStage)
    }
}

/// What a step is about; the rest of the map is faded (or hidden, with `reveal`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Focus {
    /// The whole map, nothing brought forward.
    #[default]
    WholeMap,
    /// A stage of response and the determinants that feed it.
    Stage {
        stage: Id,
        #[serde(default, skip_serializing_if = "Feeders::is_all")]
        feeders: Feeders,
    },
    /// A determinant and what it feeds (the determinants and stages downstream of it).
    Determinant { determinant: Id },
    /// Why a determinant feeds a stage: the explaining paths between them.
    Path { determinant: Id, stage: Id },
    /// A feedback loop, by its determinants in order around the loop.
    FeedbackLoop { determinants: Vec<Id> },
}

impl Focus {
    fn is_whole_map(&self) -> bool {
        *self == Focus::WholeMap
    }
}

/// Which feeders of a stage a step brings forward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feeders {
    /// Every determinant that feeds it, directly or through others.
    #[default]
    All,
    /// Only those with an influence straight into the stage.
    Direct,
    /// Only those that hinder it: net effect hinders, or mixed (paths of both signs reach it).
    Hindering,
}

impl Feeders {
    pub const ALL: &'static [Feeders] = &[Feeders::All, Feeders::Direct, Feeders::Hindering];

    fn is_all(&self) -> bool {
        *self == Feeders::All
    }
    /// The word used in the file and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Feeders::All => "all",
            Feeders::Direct => "direct",
            Feeders::Hindering => "hindering",
        }
    }
}

/// A filter on a coded axis that a study may leave uncoded: any value, one value, or "not coded".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Coded<T> {
    Any,
    Is(T),
    NotCoded,
}

// Not derived: a derived `Default` would ask the axis to have one, and an axis has no default value.
impl<T> Default for Coded<T> {
    fn default() -> Self {
        Coded::Any
    }
}

impl<T: PartialEq + Copy> Coded<T> {
    pub fn admits(&self, value: Option<T>) -> bool {
        match self {
            Coded::Any => true,
            Coded::Is(v) => value == Some(*v),
            Coded::NotCoded => value.is_none(),
        }
    }
    fn is_any(&self) -> bool {
        matches!(self, Coded::Any)
    }
}

/// Which determinants a step keeps bright; stages are never filtered. Field for field the
/// analysis panel's filters.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Filters {
    #[serde(default, skip_serializing_if = "Coded::is_any")]
    pub locus: Coded<Locus>,
    #[serde(default, skip_serializing_if = "Coded::is_any")]
    pub directness: Coded<Directness>,
    #[serde(default, skip_serializing_if = "Coded::is_any")]
    pub nature: Coded<Nature>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effect: Option<Effect>,
    /// A determinant passes if any of its categories is this one (a name in the map's categories).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// A name in the map's tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

impl Filters {
    pub fn admits(&self, d: &Determinant) -> bool {
        self.locus.admits(d.locus)
            && self.directness.admits(d.directness)
            && self.nature.admits(d.nature)
            && self.effect.is_none_or(|e| d.effect == e)
            && self.category.as_ref().is_none_or(|c| d.categories.contains(c))
            && self.tag.as_ref().is_none_or(|t| d.tags.contains(t))
    }

    /// How many filters are set, for the analysis panel's "Filters (2)" summary.
    pub fn active(&self) -> usize {
        [
            !self.locus.is_any(),
            !self.directness.is_any(),
            !self.nature.is_any(),
            self.effect.is_some(),
            self.category.is_some(),
            self.tag.is_some(),
        ]
        .iter()
        .filter(|on| **on)
        .count()
    }

    /// No filter set: every determinant passes.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_every_id_with_its_kind() {
        let step = Step {
            focus: Focus::Path {
                determinant: "d1".into(),
                stage: "s1".into(),
            },
            knock_out: Some("d2".into()),
            ..Step::whole_map("p1", "Why")
        };
        let refs: Vec<(Reference, &str)> = step.references().into_iter().map(|(r, id)| (r, id.as_str())).collect();
        assert_eq!(
            refs,
            [
                (Reference::PathDeterminant, "d1"),
                (Reference::PathStage, "s1"),
                (Reference::KnockOut, "d2")
            ]
        );
        assert!(Reference::PathStage.is_stage() && !Reference::KnockOut.is_stage());
    }

    #[test]
    fn forgetting_what_an_edit_removed_keeps_the_steps_valid() {
        let mut steps = vec![
            Step {
                focus: Focus::Stage {
                    stage: "s".into(),
                    feeders: Feeders::Direct,
                },
                knock_out: Some("gone".into()),
                ..Step::whole_map("p1", "t")
            },
            Step {
                focus: Focus::FeedbackLoop {
                    determinants: vec!["a".into(), "gone".into()],
                },
                filters: Filters {
                    tag: Some("old".into()),
                    ..Default::default()
                },
                ..Step::whole_map("p2", "t")
            },
        ];
        let exists = |id: &Id, stage: bool| if stage { id.as_str() == "s" } else { id.as_str() == "a" };
        assert!(forget_missing(&mut steps, exists, &[], &["new".into()]));
        assert!(matches!(steps[0].focus, Focus::Stage { .. }));
        assert_eq!(steps[0].knock_out, None);
        assert_eq!(steps[1].focus, Focus::WholeMap);
        assert_eq!(steps[1].filters.tag, None);
        assert!(!forget_missing(&mut steps, exists, &[], &[]), "nothing more to forget");
    }

    #[test]
    fn filters_admit_like_the_panels() {
        let mut d = Determinant::uncoded("d", "D", vec!["Media".into()], Default::default());
        d.locus = Some(Locus::External);
        let f = Filters {
            locus: Coded::Is(Locus::External),
            nature: Coded::NotCoded,
            category: Some("Media".into()),
            ..Default::default()
        };
        assert!(f.admits(&d));
        d.nature = Some(Nature::Structural);
        assert!(!f.admits(&d));
        assert!(Filters::default().is_empty() && !f.is_empty());
    }
}
