//! The determinant map as the user thinks of it: stages, determinants, influences, and what backs them.
//!
//! The types here are plain data. They derive serde because the element types (a determinant, an
//! influence…) are written to the file as they are; the file's top level and its version live in
//! [`crate::format`]. Nothing here knows about egui or petgraph.

mod ids;
pub mod presentation;
mod validate;

pub use ids::Id;
pub use presentation::{Feeders, Focus, Step};
pub use validate::{
    FieldPath, MAX_COORDINATE, MAX_STAGES, MAX_STEPS, PathSeg, Problem, position_problem, text_problem,
    too_many_stages, too_many_steps, validate, validate_at_most,
};

use serde::{Deserialize, Serialize};
use std::fmt;

/// A whole determinant map.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    pub title: String,
    pub description: String,
    /// The documents the map draws on; evidence refers to them by id.
    pub sources: Vec<Source>,
    /// The stages of response, in their order.
    pub stages: Vec<Stage>,
    /// This map's own category list: another study has other families of determinants.
    pub categories: Vec<Category>,
    /// This map's tag vocabulary (lenses such as the 4 Ps).
    pub tags: Vec<String>,
    pub determinants: Vec<Determinant>,
    pub influences: Vec<Influence>,
    /// The story told to the room, step by step (see [`presentation`]); empty for most maps.
    pub presentation: Vec<Step>,
}

/// A document the map draws on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub citation: String,
}

/// A stage of response: a target of the map. Stages have no outgoing influences.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub id: Id,
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Where it is drawn. Not part of the item's block in the file: positions are written to the
    /// file's `layout` list (see `format`), so moving boxes never shows in a diff of the content.
    #[serde(skip)]
    pub position: Position,
}

/// A family of determinants, with the colour it is drawn in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub name: String,
    pub colour: Colour,
}

/// A factor that shaped the response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Determinant {
    pub id: Id,
    pub label: String,
    /// Names from the map's category list; compound categories ("Political will / Gender
    /// representation") are several entries.
    #[serde(default)]
    pub categories: Vec<String>,
    /// `None` when the study does not say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locus: Option<Locus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directness: Option<Directness>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Nature>,
    /// How the node acts overall; each influence still carries its own sign.
    #[serde(default, skip_serializing_if = "Effect::is_enabler")]
    pub effect: Effect,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    /// Where it is drawn. Not part of the item's block in the file: positions are written to the
    /// file's `layout` list (see `format`), so moving boxes never shows in a diff of the content.
    #[serde(skip)]
    pub position: Position,
}

/// A link from a determinant to a determinant or a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Influence {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub sign: Sign,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Level>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// Where a claim comes from. Research-based maps live or die by it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The id of one of the map's sources.
    pub source: Id,
    /// Section, heading or page.
    #[serde(default)]
    pub location: String,
    /// A short paraphrase, not a long quotation.
    #[serde(default)]
    pub paraphrase: String,
}

/// A point on the canvas, in canvas units.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub x: f32,
    pub y: f32,
}

impl Position {
    pub fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }
    pub fn is_origin(&self) -> bool {
        self.x == 0.0 && self.y == 0.0
    }
}

macro_rules! coded_axis {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $word:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The word used in the file, the CSV exports and the UI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $word),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

coded_axis!(
    /// Inside the country, or from outside it (international law, foreign pressure, regional bodies).
    Locus { Internal => "internal", External => "external" }
);
coded_axis!(
    /// Whether the determinant acts on the response directly or through others.
    Directness { Direct => "direct", Indirect => "indirect" }
);
coded_axis!(
    /// A lasting condition, or an actor or event that pushes.
    Nature { Structural => "structural", PressurePoint => "pressure_point" }
);
coded_axis!(
    /// How a determinant acts overall. 002 only names the hindering case; enabling is the default.
    Effect { Enabler => "enabler", Hinder => "hinder" }
);
coded_axis!(
    /// The sign of one influence. Signs multiply along a path: a hinder of a hinder enables.
    Sign { Enables => "enables", Hinders => "hinders" }
);
coded_axis!(
    /// An optional strength or confidence on an influence.
    Level { Low => "low", Medium => "medium", High => "high" }
);

// Not derived: the enum is declared by `coded_axis!`, which gives its variants no `#[default]`.
#[allow(clippy::derivable_impls)]
impl Default for Effect {
    fn default() -> Self {
        Effect::Enabler
    }
}

impl Effect {
    fn is_enabler(&self) -> bool {
        *self == Effect::Enabler
    }
    /// The sign a new influence from a determinant with this effect starts with.
    pub fn default_sign(self) -> Sign {
        match self {
            Effect::Enabler => Sign::Enables,
            Effect::Hinder => Sign::Hinders,
        }
    }
}

impl Sign {
    /// The sign of a path extended by one more influence.
    pub fn then(self, next: Sign) -> Sign {
        if self == next { Sign::Enables } else { Sign::Hinders }
    }
    pub fn flipped(self) -> Sign {
        self.then(Sign::Hinders)
    }
}

impl Determinant {
    /// A determinant the study has not coded yet: every axis unknown, an enabler, no tags, notes
    /// or evidence. What the editor adds, `generate` makes and tests build on.
    pub fn uncoded(id: impl Into<Id>, label: impl Into<String>, categories: Vec<String>, position: Position) -> Self {
        Determinant {
            id: id.into(),
            label: label.into(),
            categories,
            locus: None,
            directness: None,
            nature: None,
            effect: Effect::Enabler,
            tags: Vec::new(),
            notes: String::new(),
            evidence: Vec::new(),
            position,
        }
    }
}

/// Colours for categories nobody coloured (Okabe and Ito's set, safe for colour blindness): the
/// editor and the importer pick new categories' colours from it.
pub const CATEGORY_PALETTE: [[u8; 3]; 8] = [
    [0x00, 0x72, 0xb2],
    [0xe6, 0x9f, 0x00],
    [0x00, 0x9e, 0x73],
    [0xcc, 0x79, 0xa7],
    [0x56, 0xb4, 0xe9],
    [0xd5, 0x5e, 0x00],
    [0xf0, 0xe4, 0x42],
    [0x99, 0x99, 0x99],
];

/// An sRGB colour, written `#rrggbb` in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour(pub [u8; 3]);

impl Colour {
    pub fn parse(text: &str) -> Option<Colour> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.is_ascii() {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Colour([byte(0)?, byte(2)?, byte(4)?]))
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

impl Serialize for Colour {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Colour::parse(&text).ok_or_else(|| serde::de::Error::custom(crate::tr!("import-not-a-colour", value = &text)))
    }
}

/// What an id names in a map.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node<'a> {
    Stage(&'a Stage),
    Determinant(&'a Determinant),
}

impl Map {
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }
    pub fn determinant(&self, id: &Id) -> Option<&Determinant> {
        self.determinants.iter().find(|d| &d.id == id)
    }
    pub fn influence(&self, id: &Id) -> Option<&Influence> {
        self.influences.iter().find(|i| &i.id == id)
    }
    pub fn node(&self, id: &Id) -> Option<Node<'_>> {
        self.stage(id)
            .map(Node::Stage)
            .or_else(|| self.determinant(id).map(Node::Determinant))
    }
    /// The ids of the stages, then the determinants, in map order: the order of every per-node
    /// list (the graph's nodes, the geometry, a step's marks).
    pub fn node_ids(&self) -> impl Iterator<Item = &Id> {
        self.stages
            .iter()
            .map(|s| &s.id)
            .chain(self.determinants.iter().map(|d| &d.id))
    }
    /// Where each stage, then each determinant, is drawn, in map order.
    pub fn node_positions(&self) -> impl Iterator<Item = Position> + '_ {
        self.stages
            .iter()
            .map(|s| s.position)
            .chain(self.determinants.iter().map(|d| d.position))
    }
    /// The map cut down to the stages and determinants `ids` names and the influences between
    /// them, with all its sources, categories and tags (what their evidence and coding refer to):
    /// a part that can be validated or laid out on its own.
    pub fn only(&self, ids: &std::collections::HashSet<Id>) -> Map {
        Map {
            sources: self.sources.clone(),
            categories: self.categories.clone(),
            tags: self.tags.clone(),
            stages: self.stages.iter().filter(|s| ids.contains(&s.id)).cloned().collect(),
            determinants: self
                .determinants
                .iter()
                .filter(|d| ids.contains(&d.id))
                .cloned()
                .collect(),
            influences: self
                .influences
                .iter()
                .filter(|i| ids.contains(&i.from) && ids.contains(&i.to))
                .cloned()
                .collect(),
            ..Map::default()
        }
    }
    /// The label of a stage or determinant, or the id itself when nothing has it.
    pub fn label_of<'a>(&'a self, id: &'a Id) -> &'a str {
        match self.node(id) {
            Some(Node::Stage(s)) => &s.label,
            Some(Node::Determinant(d)) => &d.label,
            None => id.as_str(),
        }
    }
    pub fn step(&self, id: &Id) -> Option<&Step> {
        self.presentation.iter().find(|s| &s.id == id)
    }
    pub fn category(&self, name: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.name == name)
    }
    /// The stages and determinants by id, for work that looks up many of them: the lookups above
    /// search the lists, which costs the map's size each time.
    pub fn index(&self) -> MapIndex<'_> {
        let mut nodes = foldhash::HashMap::default();
        nodes.reserve(self.stages.len() + self.determinants.len());
        // The first of two equal ids wins, as in the lookups above (only an invalid map has two).
        for s in &self.stages {
            nodes.entry(&s.id).or_insert(Node::Stage(s));
        }
        for d in &self.determinants {
            nodes.entry(&d.id).or_insert(Node::Determinant(d));
        }
        MapIndex { nodes }
    }
    /// Finds a stage by id, or else by label (case-insensitive), as the command line's `--stage` does.
    pub fn find_stage(&self, id_or_label: &str) -> Option<&Stage> {
        self.stages
            .iter()
            .find(|s| s.id.as_str() == id_or_label)
            .or_else(|| self.stages.iter().find(|s| s.label.eq_ignore_ascii_case(id_or_label)))
    }
}

/// A map's stages and determinants by id (see [`Map::index`]); it borrows the map, so it cannot go stale.
pub struct MapIndex<'a> {
    nodes: foldhash::HashMap<&'a Id, Node<'a>>,
}

impl<'a> MapIndex<'a> {
    pub fn node(&self, id: &Id) -> Option<Node<'a>> {
        self.nodes.get(id).copied()
    }
    pub fn determinant(&self, id: &Id) -> Option<&'a Determinant> {
        match self.node(id)? {
            Node::Determinant(d) => Some(d),
            Node::Stage(_) => None,
        }
    }
    pub fn stage(&self, id: &Id) -> Option<&'a Stage> {
        match self.node(id)? {
            Node::Stage(s) => Some(s),
            Node::Determinant(_) => None,
        }
    }
    /// What [`Map::label_of`] gives, in constant time.
    pub fn label_of<'b>(&self, id: &'b Id) -> &'b str
    where
        'a: 'b,
    {
        match self.node(id) {
            Some(Node::Stage(s)) => &s.label,
            Some(Node::Determinant(d)) => &d.label,
            None => id.as_str(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_multiply_along_a_path() {
        assert_eq!(Sign::Hinders.then(Sign::Hinders), Sign::Enables);
        assert_eq!(Sign::Enables.then(Sign::Hinders), Sign::Hinders);
        assert_eq!(Sign::Hinders.then(Sign::Enables), Sign::Hinders);
        assert_eq!(Sign::Enables.then(Sign::Enables), Sign::Enables);
        assert_eq!(Sign::Enables.flipped(), Sign::Hinders);
    }

    #[test]
    fn colour_parses_and_prints_hex() {
        let c = Colour::parse("#4E79a7").unwrap();
        assert_eq!(c.0, [0x4e, 0x79, 0xa7]);
        assert_eq!(c.to_string(), "#4e79a7");
        for bad in ["4e79a7", "#4e79a", "#4e79a7f", "#ggg000", "#é0000"] {
            assert_eq!(Colour::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn validation_keeps_the_first_problems_and_counts_all() {
        let mut map = Map::default();
        for k in 0..10 {
            map.influences.push(Influence {
                id: format!("i{k}").into(),
                from: "nowhere".into(),
                to: "nothing".into(),
                sign: Sign::Enables,
                strength: None,
                confidence: None,
                note: String::new(),
                evidence: vec![],
            });
        }
        let (kept, total) = validate_at_most(&map, 3);
        assert_eq!(
            (kept.len(), total),
            (3, 20),
            "two problems per influence: its from and its to"
        );
        assert_eq!(kept, validate(&map)[..3]);
    }
}
