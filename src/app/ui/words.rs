//! Coded values as the window shows them, in the current language: one function per axis, so the
//! filters, the matrix, the analysis panel's explanations and (when their owners switch) the legend
//! and the inspector name a value the same way. The file format's words (`as_str`) stay English:
//! they are the machine format, not the interface.

use crate::analysis::NetEffect;
use crate::app::analysis_view::Grouping;
use crate::model::{Directness, Effect, Level, Locus, Nature, Sign};
use crate::tr;

/// A value the study did not code.
pub fn not_coded() -> String {
    tr!("coded-not-coded")
}

/// A filter that admits every value.
pub fn any() -> String {
    tr!("coded-any")
}

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

/// How sure an influence, a path or a feed is: "low", "medium", "high" (in Spanish feminine,
/// agreeing with "confianza").
pub fn confidence(v: Level) -> String {
    match v {
        Level::Low => tr!("confidence-low"),
        Level::Medium => tr!("confidence-medium"),
        Level::High => tr!("confidence-high"),
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

/// A coded value or "not coded".
pub fn coded<T>(value: Option<T>, word: fn(T) -> String) -> String {
    value.map_or_else(not_coded, word)
}

/// How the matrix groups its rows.
pub fn grouping(g: Grouping) -> String {
    match g {
        Grouping::MapOrder => tr!("grouping-map-order"),
        Grouping::Category => tr!("grouping-category"),
        Grouping::Locus => tr!("grouping-locus"),
        Grouping::Directness => tr!("grouping-directness"),
        Grouping::Nature => tr!("grouping-nature"),
        Grouping::Effect => tr!("grouping-effect"),
    }
}
