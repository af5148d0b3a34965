//! Coded values as the window shows them, in the current language: one function per axis, so the
//! filters, the matrix, the analysis panel's explanations and (when their owners switch) the legend
//! and the inspector name a value the same way. The file format's words (`as_str`) stay English:
//! they are the machine format, not the interface.

use crate::app::analysis_view::Grouping;
use crate::tr;

/// The axes' values, a sign, a net effect and a confidence: the core's words, so the window and
/// the paper name a value alike.
pub use crate::export::words::{confidence, directness, effect, locus, nature, net, sign};

/// A value the study did not code.
pub fn not_coded() -> String {
    tr!("coded-not-coded")
}

/// A filter that admits every value.
pub fn any() -> String {
    tr!("coded-any")
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
