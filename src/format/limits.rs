//! The limits a map file must keep, checked while it is parsed so that no file, however it was
//! made, can make the loader allocate far beyond its own size.
//!
//! ron parses into the model's own types; [`Limited`] sits between ron's deserializer and those
//! types, passing every call through unchanged but counting list items and measuring texts on the
//! way. A file over a limit stops the parse at that point, and ron reports the error at its
//! position like any syntax error. [`check`] applies the same rules to a map in memory, so the saver
//! never writes a file that the loader would refuse.
//!
//! Why a total for list items, not only one per list: each entry of a small nested list (a tag of a
//! determinant, `"x",`) is a few bytes of file but, if it is wrong, one problem of a few hundred
//! bytes in the report. The total keeps the worst report in proportion to the largest real map.

use crate::model::{FieldPath, MAX_COORDINATE, MAX_STAGES, MAX_STEPS, Map, PathSeg, Problem};
use crate::tr;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// Files larger than this are refused before parsing. A generated map of 700,000 determinants
/// and 700,000 influences is about 244 MB.
pub const MAX_FILE_BYTES: usize = 256 * 1024 * 1024;
/// The longest text (a title, label, note, paraphrase…), in bytes of UTF-8 once unescaped.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;
/// The longest id (of a source, stage, determinant or influence, and the ids that refer to them).
pub const MAX_ID_BYTES: usize = 256;
/// The most items one list may hold: determinants, influences, or any other list.
pub const MAX_LIST_ITEMS: usize = 1_000_000;
/// The most list items in the whole file, nested lists included.
pub const MAX_TOTAL_ITEMS: usize = 4_000_000;

/// The fields whose text is an id. A step's focus names a `stage`, a `determinant` or a loop's
/// `determinants` (a list of ids: the top-level `determinants` holds items, never texts), and its
/// `knock_out` a determinant.
fn is_id_field(name: &str) -> bool {
    matches!(
        name,
        "id" | "from" | "to" | "source" | "stage" | "determinant" | "determinants" | "knock_out"
    )
}

/// Counters shared by every level of one parse.
pub(super) struct Budget {
    items: Cell<usize>,
}

impl Budget {
    pub(super) fn new() -> Self {
        Budget { items: Cell::new(0) }
    }
}

/// What the value being parsed is, as far as the limits care.
#[derive(Clone, Copy)]
struct Ctx<'b> {
    budget: &'b Budget,
    /// The field the value sits in, when it is a field of a struct.
    field: Option<&'static str>,
    /// True for the value that is the whole file, whose list fields are named in messages.
    top: bool,
}

/// The name a field key stands for, kept as `'static` so it can travel down the parse. A `match`
/// (not a search of a list): it runs for every key of every item in the file.
fn known_field(key: &str) -> Option<&'static str> {
    Some(match key {
        "id" => "id",
        "from" => "from",
        "to" => "to",
        "source" => "source",
        "format_version" => "format_version",
        "title" => "title",
        "description" => "description",
        "sources" => "sources",
        "stages" => "stages",
        "categories" => "categories",
        "tags" => "tags",
        "determinants" => "determinants",
        "influences" => "influences",
        "layout" => "layout",
        "label" => "label",
        "citation" => "citation",
        "position" => "position",
        "name" => "name",
        "colour" => "colour",
        "locus" => "locus",
        "directness" => "directness",
        "nature" => "nature",
        "effect" => "effect",
        "notes" => "notes",
        "evidence" => "evidence",
        "sign" => "sign",
        "strength" => "strength",
        "confidence" => "confidence",
        "note" => "note",
        "location" => "location",
        "paraphrase" => "paraphrase",
        "x" => "x",
        "y" => "y",
        "presentation" => "presentation",
        "focus" => "focus",
        "knock_out" => "knock_out",
        "filters" => "filters",
        "reveal" => "reveal",
        "stage" => "stage",
        "determinant" => "determinant",
        "feeders" => "feeders",
        "category" => "category",
        "tag" => "tag",
        _ => return None,
    })
}

pub(super) use crate::i18n::thousands;

/// The message for a text over its limit, the same at load and at save.
fn text_too_long(len: usize, id: bool) -> String {
    if id {
        tr!(
            "load-id-too-long",
            size = thousands(len),
            limit = thousands(MAX_ID_BYTES)
        )
    } else {
        tr!(
            "load-text-too-long",
            size = thousands(len),
            limit = thousands(MAX_TEXT_BYTES)
        )
    }
}

/// A list of the file's top level is named by its keyword (`determinants`), which the message
/// quotes or words as its language needs; a nested list by its place.
fn list_too_long(field: Option<&str>, top: bool) -> String {
    match field {
        Some(name) if top => tr!(
            "load-list-too-long-field",
            field = name,
            max = thousands(MAX_LIST_ITEMS)
        ),
        _ => tr!("load-list-too-long", max = thousands(MAX_LIST_ITEMS)),
    }
}

fn too_many_items() -> String {
    tr!("load-too-many-items", max = thousands(MAX_TOTAL_ITEMS))
}

/// Coordinates are finite (`NaN`, `inf` and numbers too large for an f32, such as `1e39`, cannot be
/// drawn) and within [`MAX_COORDINATE`] of the origin, so that any picture of the map has a finite size.
fn check_coordinate<E: de::Error, F: fmt::Display + fmt::LowerExp>(v: F, value: f64) -> Result<(), E> {
    if !value.is_finite() {
        Err(E::custom(tr!("load-not-a-coordinate", value = v.to_string())))
    } else if value.abs() > f64::from(MAX_COORDINATE) {
        Err(E::custom(tr!(
            "load-beyond-canvas",
            value = format!("{v:e}"),
            max = thousands(MAX_COORDINATE as usize)
        )))
    } else {
        Ok(())
    }
}

/// The limit of a text in `field`, and whether it is an id.
fn text_limit(field: Option<&str>) -> (usize, bool) {
    if field.is_some_and(is_id_field) {
        (MAX_ID_BYTES, true)
    } else {
        (MAX_TEXT_BYTES, false)
    }
}

/// Parses `T` from ron's deserializer, keeping the limits.
pub(super) fn deserialize<'de, T: de::Deserialize<'de>, D: Deserializer<'de>>(
    de: D,
    budget: &Budget,
) -> Result<T, D::Error> {
    T::deserialize(Limited {
        de,
        ctx: Ctx {
            budget,
            field: None,
            top: true,
        },
    })
}

/// A deserializer that forwards to `de`, wrapping what it hands back so the limits apply all the way down.
struct Limited<'b, D> {
    de: D,
    ctx: Ctx<'b>,
}

/// A visitor that forwards to `inner`, checking texts and wrapping lists and structs.
struct Wrap<'b, 'k, V> {
    inner: V,
    ctx: Ctx<'b>,
    /// Set when the value is a struct's key: where to record which field it names.
    key: Option<&'k Cell<Option<&'static str>>>,
}

impl<'b, V> Wrap<'b, 'static, V> {
    fn new(inner: V, ctx: Ctx<'b>) -> Self {
        Wrap { inner, ctx, key: None }
    }
}

macro_rules! forward_deserialize {
    ($($method:ident $(($($arg:ident: $ty:ty),*))?;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($($arg: $ty,)*)? visitor: V) -> Result<V::Value, Self::Error> {
                self.de.$method($($($arg,)*)? Wrap::new(visitor, self.ctx))
            }
        )*
    };
}

impl<'de, 'b, D: Deserializer<'de>> Deserializer<'de> for Limited<'b, D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any; deserialize_bool; deserialize_i8; deserialize_i16; deserialize_i32; deserialize_i64;
        deserialize_i128; deserialize_u8; deserialize_u16; deserialize_u32; deserialize_u64; deserialize_u128;
        deserialize_f32; deserialize_f64; deserialize_char; deserialize_str; deserialize_string; deserialize_bytes;
        deserialize_byte_buf; deserialize_option; deserialize_unit; deserialize_seq; deserialize_map;
        deserialize_identifier; deserialize_ignored_any;
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

impl<'b, 'k, V> Wrap<'b, 'k, V> {
    fn check_text<E: de::Error>(&self, text: &str) -> Result<(), E> {
        if let Some(cell) = self.key {
            cell.set(known_field(text));
            return Ok(());
        }
        let (limit, id) = text_limit(self.ctx.field);
        if text.len() > limit {
            return Err(E::custom(text_too_long(text.len(), id)));
        }
        Ok(())
    }
}

macro_rules! forward_visit {
    ($($method:ident($ty:ty);)*) => {
        $(
            fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
                self.inner.$method(v)
            }
        )*
    };
}

impl<'de, 'b, 'k, V: Visitor<'de>> Visitor<'de> for Wrap<'b, 'k, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    forward_visit! {
        visit_bool(bool); visit_i8(i8); visit_i16(i16); visit_i32(i32); visit_i64(i64); visit_i128(i128);
        visit_u8(u8); visit_u16(u16); visit_u32(u32); visit_u64(u64); visit_u128(u128);
        visit_char(char); visit_bytes(&[u8]); visit_borrowed_bytes(&'de [u8]); visit_byte_buf(Vec<u8>);
    }

    fn visit_f32<E: de::Error>(self, v: f32) -> Result<V::Value, E> {
        check_coordinate(v, f64::from(v))?;
        self.inner.visit_f32(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<V::Value, E> {
        check_coordinate(v, v)?;
        self.inner.visit_f64(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<V::Value, E> {
        self.check_text(v)?;
        self.inner.visit_str(v)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<V::Value, E> {
        self.check_text(v)?;
        self.inner.visit_borrowed_str(v)
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<V::Value, E> {
        self.check_text(&v)?;
        self.inner.visit_string(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(Limited { de, ctx: self.ctx })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, de: D) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(Limited { de, ctx: self.ctx })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        let ctx = self.ctx;
        self.inner.visit_seq(LimitedSeq {
            seq,
            ctx,
            count: Cell::new(0),
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let ctx = self.ctx;
        self.inner.visit_map(LimitedMap {
            map,
            ctx,
            key: Cell::new(None),
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let ctx = self.ctx;
        self.inner.visit_enum(LimitedEnum { data, ctx })
    }
}

/// The list an item belongs to: its count so far, and its name for the message.
#[derive(Clone, Copy)]
struct ListOf<'k> {
    count: &'k Cell<usize>,
    field: Option<&'static str>,
    top: bool,
}

/// A seed that deserializes through [`Limited`], with a context for the value.
struct Seed<'b, 'k, S> {
    seed: S,
    ctx: Ctx<'b>,
    key: Option<&'k Cell<Option<&'static str>>>,
    /// For a list's item: the list, whose limits are checked before the item is read.
    item_of: Option<ListOf<'k>>,
}

impl<'de, 'b, 'k, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'b, 'k, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<S::Value, D::Error> {
        if let Some(list) = self.item_of {
            // The stages have their own, far smaller limit: the analysis works once per stage.
            if list.top && list.field == Some("stages") && list.count.get() >= MAX_STAGES {
                return Err(de::Error::custom(crate::model::too_many_stages()));
            }
            // So have the presentation's steps: each is a page of the slides.
            if list.top && list.field == Some("presentation") && list.count.get() >= MAX_STEPS {
                return Err(de::Error::custom(crate::model::too_many_steps()));
            }
            if list.count.get() >= MAX_LIST_ITEMS {
                return Err(de::Error::custom(list_too_long(list.field, list.top)));
            }
            list.count.set(list.count.get() + 1);
            let budget = self.ctx.budget;
            if budget.items.get() >= MAX_TOTAL_ITEMS {
                return Err(de::Error::custom(too_many_items()));
            }
            budget.items.set(budget.items.get() + 1);
        }
        match self.key {
            // A key: only its name is of interest, recorded by the visitor.
            Some(cell) => self.seed.deserialize(KeyDeserializer {
                de,
                cell,
                ctx: self.ctx,
            }),
            None => self.seed.deserialize(Limited { de, ctx: self.ctx }),
        }
    }
}

/// Deserializes a struct's key, recording which field it names.
struct KeyDeserializer<'b, 'k, D> {
    de: D,
    cell: &'k Cell<Option<&'static str>>,
    ctx: Ctx<'b>,
}

macro_rules! forward_key {
    ($($method:ident $(($($arg:ident: $ty:ty),*))?;)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($($arg: $ty,)*)? visitor: V) -> Result<V::Value, Self::Error> {
                self.de.$method($($($arg,)*)? Wrap { inner: visitor, ctx: self.ctx, key: Some(self.cell) })
            }
        )*
    };
}

impl<'de, 'b, 'k, D: Deserializer<'de>> Deserializer<'de> for KeyDeserializer<'b, 'k, D> {
    type Error = D::Error;

    forward_key! {
        deserialize_any; deserialize_bool; deserialize_i8; deserialize_i16; deserialize_i32; deserialize_i64;
        deserialize_i128; deserialize_u8; deserialize_u16; deserialize_u32; deserialize_u64; deserialize_u128;
        deserialize_f32; deserialize_f64; deserialize_char; deserialize_str; deserialize_string; deserialize_bytes;
        deserialize_byte_buf; deserialize_option; deserialize_unit; deserialize_seq; deserialize_map;
        deserialize_identifier; deserialize_ignored_any;
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
    }

    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

struct LimitedSeq<'b, A> {
    seq: A,
    ctx: Ctx<'b>,
    count: Cell<usize>,
}

impl<'de, 'b, A: SeqAccess<'de>> SeqAccess<'de> for LimitedSeq<'b, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        // An item keeps the list's field (a text in `tags` is a tag, not an id); nothing below is top.
        let ctx = Ctx { top: false, ..self.ctx };
        let item_of = ListOf {
            count: &self.count,
            field: self.ctx.field,
            top: self.ctx.top,
        };
        self.seq.next_element_seed(Seed {
            seed,
            ctx,
            key: None,
            item_of: Some(item_of),
        })
    }

    fn size_hint(&self) -> Option<usize> {
        // Never more than the limit, so no collection reserves room for a count the file only claims.
        self.seq.size_hint().map(|n| n.min(MAX_LIST_ITEMS))
    }
}

struct LimitedMap<'b, A> {
    map: A,
    ctx: Ctx<'b>,
    key: Cell<Option<&'static str>>,
}

impl<'de, 'b, A: MapAccess<'de>> MapAccess<'de> for LimitedMap<'b, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        self.key.set(None);
        let ctx = Ctx {
            field: None,
            top: false,
            ..self.ctx
        };
        self.map.next_key_seed(Seed {
            seed,
            ctx,
            key: Some(&self.key),
            item_of: None,
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        // The value of a field of the whole file is a top-level list; below that, nothing is top.
        let ctx = Ctx {
            field: self.key.get(),
            top: self.ctx.top,
            budget: self.ctx.budget,
        };
        self.map.next_value_seed(Seed {
            seed,
            ctx,
            key: None,
            item_of: None,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint().map(|n| n.min(MAX_LIST_ITEMS))
    }
}

struct LimitedEnum<'b, A> {
    data: A,
    ctx: Ctx<'b>,
}

impl<'de, 'b, A: EnumAccess<'de>> EnumAccess<'de> for LimitedEnum<'b, A> {
    type Error = A::Error;
    type Variant = LimitedVariant<'b, A::Variant>;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self::Variant), A::Error> {
        let ctx = Ctx {
            field: None,
            top: false,
            ..self.ctx
        };
        let (value, variant) = self.data.variant_seed(Seed {
            seed,
            ctx,
            key: None,
            item_of: None,
        })?;
        Ok((value, LimitedVariant { variant, ctx: self.ctx }))
    }
}

struct LimitedVariant<'b, A> {
    variant: A,
    ctx: Ctx<'b>,
}

impl<'de, 'b, A: VariantAccess<'de>> VariantAccess<'de> for LimitedVariant<'b, A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.variant.unit_variant()
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        let ctx = Ctx { top: false, ..self.ctx };
        self.variant.newtype_variant_seed(Seed {
            seed,
            ctx,
            key: None,
            item_of: None,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let ctx = Ctx { top: false, ..self.ctx };
        self.variant.tuple_variant(len, Wrap::new(visitor, ctx))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let ctx = Ctx { top: false, ..self.ctx };
        self.variant.struct_variant(fields, Wrap::new(visitor, ctx))
    }
}

/// Checks a map in memory against the limits the loader applies, so a map that breaks them is
/// refused when saving rather than written to a file that would not open again. Each problem names
/// its field; the file size is checked by the saver on the text itself.
pub fn check(map: &Map) -> Vec<Problem> {
    use PathSeg::{Field as F, Index as I};
    let mut c = Checker {
        problems: Vec::new(),
        items: 0,
        total_reported: false,
    };
    c.text(vec![F("title")], &map.title);
    c.text(vec![F("description")], &map.description);
    c.list(vec![F("sources")], map.sources.len(), true);
    for (i, s) in map.sources.iter().enumerate() {
        let at = |field| vec![F("sources"), I(i), F(field)];
        c.text(at("id"), s.id.as_str());
        c.text(at("title"), &s.title);
        c.text(at("citation"), &s.citation);
    }
    c.list(vec![F("stages")], map.stages.len(), true);
    if map.stages.len() > MAX_STAGES {
        c.problems.push(Problem {
            path: FieldPath(vec![F("stages"), I(MAX_STAGES)]),
            message: crate::model::too_many_stages(),
        });
    }
    for (i, s) in map.stages.iter().enumerate() {
        let at = |field| vec![F("stages"), I(i), F(field)];
        c.text(at("id"), s.id.as_str());
        c.text(at("label"), &s.label);
        c.text(at("description"), &s.description);
    }
    c.list(vec![F("categories")], map.categories.len(), true);
    for (i, category) in map.categories.iter().enumerate() {
        c.text(vec![F("categories"), I(i), F("name")], &category.name);
    }
    c.list(vec![F("tags")], map.tags.len(), true);
    for (i, tag) in map.tags.iter().enumerate() {
        c.text(vec![F("tags"), I(i)], tag);
    }
    c.list(vec![F("determinants")], map.determinants.len(), true);
    for (i, d) in map.determinants.iter().enumerate() {
        let at = |field| vec![F("determinants"), I(i), F(field)];
        c.text(at("id"), d.id.as_str());
        c.text(at("label"), &d.label);
        c.list(at("categories"), d.categories.len(), false);
        for (j, name) in d.categories.iter().enumerate() {
            c.text([at("categories"), vec![I(j)]].concat(), name);
        }
        c.list(at("tags"), d.tags.len(), false);
        for (j, tag) in d.tags.iter().enumerate() {
            c.text([at("tags"), vec![I(j)]].concat(), tag);
        }
        c.text(at("notes"), &d.notes);
        c.evidence(at("evidence"), &d.evidence);
    }
    c.list(vec![F("influences")], map.influences.len(), true);
    for (i, inf) in map.influences.iter().enumerate() {
        let at = |field| vec![F("influences"), I(i), F(field)];
        c.text(at("id"), inf.id.as_str());
        c.text(at("from"), inf.from.as_str());
        c.text(at("to"), inf.to.as_str());
        c.text(at("note"), &inf.note);
        c.evidence(at("evidence"), &inf.evidence);
    }
    c.list(vec![F("presentation")], map.presentation.len(), true);
    if map.presentation.len() > MAX_STEPS {
        c.problems.push(Problem {
            path: FieldPath(vec![F("presentation"), I(MAX_STEPS)]),
            message: crate::model::too_many_steps(),
        });
    }
    for (i, step) in map.presentation.iter().enumerate() {
        let at = |field| vec![F("presentation"), I(i), F(field)];
        c.text(at("id"), step.id.as_str());
        c.text(at("title"), &step.title);
        c.text(at("note"), &step.note);
        match &step.focus {
            crate::model::Focus::WholeMap => {}
            crate::model::Focus::Stage { stage, .. } => {
                c.text([at("focus"), vec![F("stage")]].concat(), stage.as_str())
            }
            crate::model::Focus::Determinant { determinant } => {
                c.text([at("focus"), vec![F("determinant")]].concat(), determinant.as_str())
            }
            crate::model::Focus::Path { determinant, stage } => {
                c.text([at("focus"), vec![F("determinant")]].concat(), determinant.as_str());
                c.text([at("focus"), vec![F("stage")]].concat(), stage.as_str());
            }
            crate::model::Focus::FeedbackLoop { determinants } => {
                let list = [at("focus"), vec![F("determinants")]].concat();
                c.list(list.clone(), determinants.len(), false);
                for (j, d) in determinants.iter().enumerate() {
                    c.text([list.clone(), vec![I(j)]].concat(), d.as_str());
                }
            }
        }
        if let Some(d) = &step.knock_out {
            c.text(at("knock_out"), d.as_str());
        }
        if let Some(category) = &step.filters.category {
            c.text([at("filters"), vec![F("category")]].concat(), category);
        }
        if let Some(tag) = &step.filters.tag {
            c.text([at("filters"), vec![F("tag")]].concat(), tag);
        }
    }
    // The positions the writer will list in `layout`: the loader counts them like any list.
    let placed = map
        .stages
        .iter()
        .map(|s| &s.position)
        .chain(map.determinants.iter().map(|d| &d.position));
    c.list(
        vec![F("layout")],
        placed.filter(|p| super::write::is_placed(p)).count(),
        true,
    );
    let positions = map.stages.iter().map(|s| ("stages", &s.position));
    for (i, (list, position)) in positions.enumerate().chain(
        map.determinants
            .iter()
            .map(|d| ("determinants", &d.position))
            .enumerate(),
    ) {
        if let Some(message) = crate::model::position_problem(position) {
            c.problems.push(Problem {
                path: FieldPath(vec![F(list), I(i), F("position")]),
                message,
            });
        }
    }
    c.problems
}

/// The walk of [`check`]: the problems so far and the list entries counted.
struct Checker {
    problems: Vec<Problem>,
    items: usize,
    total_reported: bool,
}

impl Checker {
    /// The field a path ends in, or the list it indexes (`tags[3]` is a tag): that decides the limit.
    fn field_of(path: &[PathSeg]) -> Option<&'static str> {
        path.iter().rev().find_map(|seg| match seg {
            PathSeg::Field(name) => Some(*name),
            PathSeg::Index(_) => None,
        })
    }

    fn text(&mut self, path: Vec<PathSeg>, value: &str) {
        let (limit, id) = text_limit(Self::field_of(&path));
        if value.len() > limit {
            self.problems.push(Problem {
                path: FieldPath(path),
                message: text_too_long(value.len(), id),
            });
        }
    }

    fn list(&mut self, path: Vec<PathSeg>, len: usize, top: bool) {
        if len > MAX_LIST_ITEMS {
            self.problems.push(Problem {
                path: FieldPath(path.clone()),
                message: list_too_long(Self::field_of(&path), top),
            });
        }
        self.items = self.items.saturating_add(len);
        if self.items > MAX_TOTAL_ITEMS && !self.total_reported {
            self.total_reported = true;
            self.problems.push(Problem {
                path: FieldPath(path),
                message: too_many_items(),
            });
        }
    }

    fn evidence(&mut self, path: Vec<PathSeg>, evidence: &[crate::model::Evidence]) {
        self.list(path.clone(), evidence.len(), false);
        for (j, e) in evidence.iter().enumerate() {
            let at = |field| [path.clone(), vec![PathSeg::Index(j), PathSeg::Field(field)]].concat();
            self.text(at("source"), e.source.as_str());
            self.text(at("location"), &e.location);
            self.text(at("paraphrase"), &e.paraphrase);
        }
    }
}
