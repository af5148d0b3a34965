//! Counted words in user-visible text: "1 stage", "2 stages". The one place that chooses between
//! the singular and the plural, so every panel, report and message of the command line says it the
//! same way, and a translation layer (Fluent, whose plural rules differ by language) can later
//! replace this one function.

/// `n` followed by `one` when `n` is 1, else by `many`: `plural(1, "stage", "stages")` is
/// "1 stage", `plural(0, "stage", "stages")` is "0 stages". The phrase may carry its verb along,
/// so it agrees too: `plural(n, "feeder depends", "feeders depend")`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::plural;

    #[test]
    fn one_is_singular_and_every_other_count_plural() {
        assert_eq!(plural(1, "stage", "stages"), "1 stage");
        assert_eq!(plural(0, "stage", "stages"), "0 stages");
        assert_eq!(plural(2, "stage", "stages"), "2 stages");
        assert_eq!(plural(11, "stage", "stages"), "11 stages");
        assert_eq!(plural(21, "copy", "copies"), "21 copies");
    }

    #[test]
    fn a_verb_in_the_phrase_agrees_with_the_count() {
        assert_eq!(plural(1, "feeder depends", "feeders depend"), "1 feeder depends");
        assert_eq!(plural(3, "feeder depends", "feeders depend"), "3 feeders depend");
    }
}
