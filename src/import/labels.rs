//! How labels are compared when a spreadsheet names an element, and when maps are merged or
//! compared: the same words match whatever their case, accents or surrounding space.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The label as the import compares it: accents dropped (canonical decomposition, then the
/// combining marks removed), lower case, runs of white space (line breaks included: PRSM wraps
/// its labels over lines) made one space, the ends trimmed. "  Política\nde Estado " and
/// "politica de estado" give the same key.
pub fn fold_label(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut space = false;
    for c in label.nfd().filter(|c| !is_combining_mark(*c)) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The key merge and diff match labels by: [`fold_label`], and punctuation ignored too, so
/// "Trust in the process." and "trust in the process" are one item; punctuation next to a space
/// is dropped, punctuation between letters ("state-led") becomes a space.
pub fn match_key(label: &str) -> String {
    let spaced: String = label
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    fold_label(&spaced)
}

/// A label as the import keeps it: line breaks (which PRSM puts in to wrap a label) become
/// spaces and the ends are trimmed; the words themselves are kept as typed.
pub fn clean_label(label: &str) -> String {
    if !label.contains(['\n', '\r']) {
        return label.trim().to_owned();
    }
    let mut out = String::with_capacity(label.len());
    for (n, line) in label.lines().map(str::trim).filter(|l| !l.is_empty()).enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_and_surrounding_space() {
        assert_eq!(fold_label("  Política\nde  Estado "), "politica de estado");
        assert_eq!(fold_label("ÉLAN"), "elan");
        assert_eq!(fold_label(""), "");
        assert_ne!(fold_label("state-led"), fold_label("state led"));
    }

    #[test]
    fn match_key_also_ignores_punctuation() {
        assert_eq!(match_key("Trust in the process."), match_key("trust in the process"));
        assert_eq!(match_key("State-led (1998)"), "state led 1998");
        assert_eq!(match_key("Política"), "politica");
    }

    #[test]
    fn clean_label_joins_wrapped_lines() {
        assert_eq!(clean_label("Trust in\nthe process "), "Trust in the process");
        assert_eq!(clean_label(" a  b "), "a  b");
    }
}
