//! The words a spreadsheet may use for detmap's coded values: detmap's own and plain synonyms.
//! Each parser takes a non-empty cell and says what it means, or which words it accepts.

use crate::model::{Directness, Effect, Level, Locus, Nature, Sign};

/// A cell's words, lower case and with `_`, `-` and runs of spaces made one space.
fn words(text: &str) -> String {
    let spaced: String = text
        .trim()
        .chars()
        .map(|c| {
            if c == '_' || c == '-' && text.trim().len() > 1 {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// `what` selects the axis in the message (each language names it with its own article); the
/// allowed words are what a cell may hold, so they stay as typed, joined by the language's "or"
/// (the `import-allowed-…` messages).
fn refuse(text: &str, what: &str, allowed: &str) -> String {
    crate::tr!("import-bad-value", value = text.trim(), axis = what, allowed = allowed)
}

pub fn locus(text: &str) -> Result<Locus, String> {
    match words(text).as_str() {
        "internal" | "inside" | "domestic" => Ok(Locus::Internal),
        "external" | "outside" | "international" => Ok(Locus::External),
        _ => Err(refuse(text, "locus", &crate::tr!("import-allowed-locus"))),
    }
}

pub fn directness(text: &str) -> Result<Directness, String> {
    match words(text).as_str() {
        "direct" => Ok(Directness::Direct),
        "indirect" => Ok(Directness::Indirect),
        _ => Err(refuse(text, "directness", &crate::tr!("import-allowed-directness"))),
    }
}

pub fn nature(text: &str) -> Result<Nature, String> {
    match words(text).as_str() {
        "structural" | "structure" => Ok(Nature::Structural),
        "pressure point" | "pressurepoint" | "pressure" => Ok(Nature::PressurePoint),
        _ => Err(refuse(text, "nature", &crate::tr!("import-allowed-nature"))),
    }
}

pub fn effect(text: &str) -> Result<Effect, String> {
    match words(text).as_str() {
        "enabler" | "enables" | "enable" | "enabling" | "+" | "positive" | "helps" => Ok(Effect::Enabler),
        "hinder" | "hinders" | "hindering" | "-" | "negative" | "blocks" => Ok(Effect::Hinder),
        _ => Err(refuse(text, "effect", &crate::tr!("import-allowed-effect"))),
    }
}

/// The sign of a connection; an empty cell is `enables`.
pub fn sign(text: &str) -> Result<Sign, String> {
    match words(text).as_str() {
        "" | "+" | "enables" | "enable" | "enabler" | "enabling" | "same" | "positive" | "pos" | "s" => {
            Ok(Sign::Enables)
        }
        "-" | "hinders" | "hinder" | "hindering" | "opposite" | "negative" | "neg" | "o" => Ok(Sign::Hinders),
        _ => Err(refuse(text, "sign", &crate::tr!("import-allowed-sign"))),
    }
}

/// A strength or confidence: low, medium or high, as words (weak, moderate, strong…) or 1 to 3.
pub fn level(text: &str, what: &str) -> Result<Level, String> {
    match words(text).as_str() {
        "low" | "weak" | "1" | "l" => Ok(Level::Low),
        "medium" | "moderate" | "mid" | "2" | "m" => Ok(Level::Medium),
        "high" | "strong" | "3" | "h" => Ok(Level::High),
        _ => Err(refuse(text, what, &crate::tr!("import-allowed-level"))),
    }
}

/// Whether a Type cell makes the row a stage of response.
pub fn is_stage_type(text: &str) -> bool {
    matches!(
        words(text).as_str(),
        "stage" | "stage of response" | "stages of response" | "response stage"
    )
}

/// Whether a Type cell only says the row is a determinant (which gives it no category).
pub fn is_determinant_type(text: &str) -> bool {
    matches!(words(text).as_str(), "determinant" | "factor")
}

/// Splits a list cell (tags, categories) on `|` or `;`, trimming each entry and dropping empty ones.
pub fn list(text: &str) -> Vec<String> {
    text.split(['|', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A coordinate.
pub fn coordinate(text: &str) -> Result<f32, String> {
    match text.trim().replace(',', ".").parse::<f32>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(crate::tr!("import-not-a-number", value = text.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_are_understood() {
        assert_eq!(sign(""), Ok(Sign::Enables));
        assert_eq!(sign(" Opposite "), Ok(Sign::Hinders));
        assert_eq!(sign("-"), Ok(Sign::Hinders));
        assert_eq!(sign("+"), Ok(Sign::Enables));
        assert_eq!(nature("Pressure point"), Ok(Nature::PressurePoint));
        assert_eq!(nature("pressure_point"), Ok(Nature::PressurePoint));
        assert_eq!(nature("pressure-point"), Ok(Nature::PressurePoint));
        assert_eq!(effect("negative"), Ok(Effect::Hinder));
        assert_eq!(level("Strong", "strength"), Ok(Level::High));
        assert!(is_stage_type("Stage of response"));
        assert!(!is_stage_type("Person"));
        assert_eq!(list("a | b;;c"), vec!["a", "b", "c"]);
        assert_eq!(coordinate("12,5"), Ok(12.5));
    }

    #[test]
    fn unknown_words_name_the_allowed_ones() {
        assert_eq!(
            sign("Personal").unwrap_err(),
            "`Personal` is not a sign: expected + or - (or enables, hinders, same, opposite, positive, negative)"
        );
        assert!(locus("abroad").unwrap_err().contains("internal or external"));
        assert!(coordinate("NaN").is_err());
    }
}
