//! Coded values in the current language, for what the core writes for people: the hand-out, the
//! text and Markdown reports, the SVG's tooltips and a presentation step's caption. They use the
//! window's messages (`coded-…`, `sign-…`, `net-…`, `confidence-…`; see `app/ui/words.rs`), so
//! paper and screen name a value alike. The file's words (`as_str`) stay the machine format of the
//! CSV and JSON exports.

use crate::analysis::NetEffect;
use crate::model::presentation::{Coded, Filters};
use crate::model::{Determinant, Directness, Effect, Level, Locus, Nature, Sign};
use crate::tr;

pub fn locus(v: Locus) -> String {
    match v {
        Locus::Internal => tr!("coded-internal"),
        Locus::External => tr!("coded-external"),
    }
}

pub fn directness(v: Directness) -> String {
    match v {
        Directness::Direct => tr!("coded-direct"),
        Directness::Indirect => tr!("coded-indirect"),
    }
}

pub fn nature(v: Nature) -> String {
    match v {
        Nature::Structural => tr!("coded-structural"),
        Nature::PressurePoint => tr!("coded-pressure-point"),
    }
}

pub fn effect(v: Effect) -> String {
    match v {
        Effect::Enabler => tr!("coded-enabler"),
        Effect::Hinder => tr!("coded-hinder"),
    }
}

/// What one influence does: "enables", "hinders".
pub fn sign(v: Sign) -> String {
    match v {
        Sign::Enables => tr!("sign-enables"),
        Sign::Hinders => tr!("sign-hinders"),
    }
}

/// How a determinant acts on a stage over all its paths.
pub fn net(v: NetEffect) -> String {
    match v {
        NetEffect::Enables => tr!("net-enables"),
        NetEffect::Hinders => tr!("net-hinders"),
        NetEffect::Mixed => tr!("net-mixed"),
    }
}

pub fn confidence(v: Level) -> String {
    match v {
        Level::Low => tr!("confidence-low"),
        Level::Medium => tr!("confidence-medium"),
        Level::High => tr!("confidence-high"),
    }
}

/// "locus not coded", for an axis (`locus`, `directness`, `nature`: the file's names, which
/// select the words) the study left out.
fn not_coded(axis: &str) -> String {
    tr!("handout-not-coded", axis = axis)
}

/// "internal, direct, pressure point, enabler", with "locus not coded" and so on for what the study
/// leaves out.
pub fn coding(d: &Determinant) -> String {
    [
        d.locus.map_or_else(|| not_coded("locus"), locus),
        d.directness.map_or_else(|| not_coded("directness"), directness),
        d.nature.map_or_else(|| not_coded("nature"), nature),
        effect(d.effect),
    ]
    .join(", ")
}

/// The filters of a presentation step, in words for its caption ("only external, category
/// Media"): the determinants they keep, in the plural where a language needs it; empty when none
/// is set.
pub fn filters(f: &Filters) -> Vec<String> {
    fn axis<T: Copy>(c: &Coded<T>, name: &str, word: fn(T) -> String) -> Option<String> {
        match c {
            Coded::Any => None,
            Coded::Is(v) => Some(word(*v)),
            Coded::NotCoded => Some(not_coded(name)),
        }
    }
    [
        axis(&f.locus, "locus", |v| match v {
            Locus::Internal => tr!("caption-filter-internal"),
            Locus::External => tr!("caption-filter-external"),
        }),
        axis(&f.directness, "directness", |v| match v {
            Directness::Direct => tr!("caption-filter-direct"),
            Directness::Indirect => tr!("caption-filter-indirect"),
        }),
        axis(&f.nature, "nature", |v| match v {
            Nature::Structural => tr!("caption-filter-structural"),
            Nature::PressurePoint => tr!("caption-filter-pressure-point"),
        }),
        f.effect.map(|e| match e {
            Effect::Enabler => tr!("caption-filter-enablers"),
            Effect::Hinder => tr!("caption-filter-hinders"),
        }),
        f.category
            .as_ref()
            .map(|c| tr!("caption-filter-category", category = c)),
        f.tag.as_ref().map(|t| tr!("caption-filter-tag", tag = t)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Language, Message};

    #[test]
    fn a_step_s_filters_in_words() {
        let f = Filters {
            locus: Coded::Is(Locus::External),
            nature: Coded::NotCoded,
            category: Some("Media".into()),
            ..Filters::default()
        };
        // The language is the process's; the lib's tests run in English.
        assert_eq!(filters(&f), ["external", "nature not coded", "category Media"]);
        assert!(filters(&Filters::default()).is_empty());
    }

    /// The Spanish words agree with "determinantes" (plural), as the caption "solo …" needs.
    #[test]
    fn the_filter_words_exist_in_spanish() {
        let es = |id| Message::new(id).with("category", "Medios").text_in(Language::Spanish);
        assert_eq!(es("caption-filter-external"), "externos");
        assert_eq!(es("caption-filter-pressure-point"), "puntos de presión");
        assert_eq!(es("caption-filter-category"), "categoría Medios");
    }
}
